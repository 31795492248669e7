//! Provenance on demand: where a node of the graph comes from. For a fact
//! (figure, post, quote) that is the phrase it was derived from; for an
//! entity, the phrases that name it; for a node with neither (a role, a
//! measure), the evidence of the facts that point at it. Each piece of
//! evidence is the sentence around the phrase, in its article, with the
//! rule that read it; articles come in date order.
//!
//! Everything is read back from the graph (NIF offsets, `prov:wasDerivedFrom`,
//! `gk:rule`), so the answer is what any SPARQL client could find too.

pub mod mark;
pub mod report;
pub mod row;

use crate::lookup::{self, Node};
use crate::store::Store;
use anyhow::Result;
use oxigraph::model::{NamedNode, Term};
use oxigraph::sparql::QuerySolution;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;
use std::ops::Range;

use report::TextStyle;

/// Where one node comes from.
#[derive(Debug, Serialize)]
pub struct Provenance {
    pub target: String,
    pub caption: Option<String>,
    /// True when the node has no evidence of its own and what is shown is the
    /// evidence of the facts that point at it.
    pub through_facts: bool,
    pub articles: Vec<ArticleEvidence>,
}

impl Provenance {
    pub fn sentence_count(&self) -> usize {
        self.articles.iter().map(|a| a.sentences.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }
}

/// The evidence one article gives.
#[derive(Debug, Serialize)]
pub struct ArticleEvidence {
    pub iri: String,
    pub id: Option<String>,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub date: Option<String>,
    pub file: Option<String>,
    /// How the article's own description names the node (`schema:publisher`).
    pub metadata: Vec<String>,
    pub sentences: Vec<SentenceEvidence>,
}

/// A sentence, the phrases in it that are evidence, and their rules.
#[derive(Debug, Serialize)]
pub struct SentenceEvidence {
    /// Code point offsets of the sentence in the article's text.
    pub begin: usize,
    pub end: usize,
    pub text: String,
    /// The sentence with its evidence in guillemets, for programs that read
    /// the JSON.
    pub marked: String,
    pub phrases: Vec<Phrase>,
}

/// A phrase of evidence, by code point offsets in the article's text.
#[derive(Debug, Serialize)]
pub struct Phrase {
    pub begin: usize,
    pub end: usize,
    pub text: String,
    pub rule: String,
    /// For evidence through a fact: the fact and how it points at the node.
    pub via: Option<String>,
}

impl SentenceEvidence {
    /// The phrases' offsets within the sentence.
    pub fn spans(&self) -> Vec<Range<usize>> {
        self.phrases.iter().map(|p| p.begin.saturating_sub(self.begin)..p.end.saturating_sub(self.begin)).collect()
    }

    /// The rules, each once, in the order the phrases come.
    pub fn rules(&self) -> Vec<String> {
        let mut rules: Vec<String> = Vec::new();
        for phrase in &self.phrases {
            let rule = match &phrase.via {
                Some(via) => format!("{} (via {via})", phrase.rule),
                None => phrase.rule.clone(),
            };
            if !rules.contains(&rule) {
                rules.push(rule);
            }
        }
        rules
    }
}

/// Writes where the nodes `text` names come from: as text in `style`, or
/// as JSON. A name that fits several nodes explains each.
pub fn write_why(store: &Store, text: &str, json: bool, style: TextStyle, out: &mut dyn Write) -> Result<()> {
    let nodes = lookup::find(store, text)?;
    let all = nodes.iter().map(|node| of(store, node, true)).collect::<Result<Vec<_>>>()?;
    if json {
        return report::write_json(&all, out);
    }
    if all.len() > 1 {
        writeln!(out, "{text:?} names {} nodes.\n", all.len())?;
    }
    for (n, provenance) in all.iter().enumerate() {
        if n > 0 {
            writeln!(out, "\n")?;
        }
        report::write_text(provenance, style, out)?;
    }
    Ok(())
}

/// The evidence of a node. With `follow_facts`, a node that has no
/// evidence of its own gets that of the facts that point at it (`.why` on a
/// row leaves that out: every figure points at its qualifier).
pub fn of(store: &Store, node: &Node, follow_facts: bool) -> Result<Provenance> {
    let target: Term = node.iri.clone().into();
    let bound = [("target", target)];
    let mut rows = lookup::select(store, DIRECT, &bound)?;
    let mut through_facts = false;
    if rows.is_empty() && follow_facts {
        rows = lookup::select(store, THROUGH_FACTS, &bound)?;
        through_facts = !rows.is_empty();
    }
    let mut by_article: BTreeMap<String, (NamedNode, Vec<QuerySolution>)> = BTreeMap::new();
    for row in rows {
        if let Some(Term::NamedNode(doc)) = row.get("doc") {
            by_article.entry(doc.as_str().to_string()).or_insert_with(|| (doc.clone(), Vec::new())).1.push(row);
        }
    }
    let mut metadata: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for row in lookup::select(store, METADATA, &bound)? {
        if let (Some(Term::NamedNode(doc)), Some(relation)) = (row.get("doc"), lookup::text(&row, "relation")) {
            by_article.entry(doc.as_str().to_string()).or_insert_with(|| (doc.clone(), Vec::new()));
            metadata.entry(doc.as_str().to_string()).or_default().push(relation);
        }
    }
    let mut articles = Vec::new();
    for (key, (doc, rows)) in by_article {
        let mut article = article(store, &doc)?;
        article.metadata = metadata.remove(&key).unwrap_or_default();
        article.sentences = sentences(&rows);
        articles.push(article);
    }
    // Undated articles last; the id keeps the order stable.
    articles.sort_by(|a, b| (a.date.is_none(), &a.date, &a.id).cmp(&(b.date.is_none(), &b.date, &b.id)));
    Ok(Provenance {
        target: crate::render::prefixed(node.iri.as_str()),
        caption: node.caption.clone(),
        through_facts,
        articles,
    })
}

/// Groups evidence rows into sentences, in text order.
fn sentences(rows: &[QuerySolution]) -> Vec<SentenceEvidence> {
    let mut by_begin: BTreeMap<usize, SentenceEvidence> = BTreeMap::new();
    for row in rows {
        let (Some(begin), Some(end), Some(sentence_begin), Some(text)) = (
            lookup::integer(row, "begin"),
            lookup::integer(row, "end"),
            lookup::integer(row, "sentenceBegin"),
            lookup::text(row, "sentenceText"),
        ) else {
            continue;
        };
        let via = match (row.get("fact"), lookup::text(row, "relation")) {
            (Some(Term::NamedNode(fact)), Some(relation)) => {
                Some(format!("{relation} of {}", crate::render::prefixed(fact.as_str())))
            }
            _ => None,
        };
        let phrase = Phrase {
            begin,
            end,
            text: lookup::text(row, "anchor").unwrap_or_default(),
            rule: lookup::text(row, "rule").unwrap_or_else(|| "(no rule recorded)".into()),
            via,
        };
        let sentence = by_begin.entry(sentence_begin).or_insert_with(|| SentenceEvidence {
            begin: sentence_begin,
            end: sentence_begin + text.chars().count(),
            text,
            marked: String::new(),
            phrases: Vec::new(),
        });
        sentence.phrases.push(phrase);
    }
    let mut sentences: Vec<SentenceEvidence> = by_begin.into_values().collect();
    for sentence in &mut sentences {
        sentence.phrases.sort_by(|a, b| (a.begin, a.end, &a.rule).cmp(&(b.begin, b.end, &b.rule)));
        sentence.marked = mark::mark(&sentence.text, &sentence.spans(), mark::Marker::Guillemets);
    }
    sentences
}

/// An article's title, publisher, date and file.
fn article(store: &Store, doc: &NamedNode) -> Result<ArticleEvidence> {
    let rows = lookup::select(store, ARTICLE, &[("doc", doc.clone().into())])?;
    let field = |name: &str| rows.first().and_then(|row| lookup::text(row, name));
    Ok(ArticleEvidence {
        iri: doc.as_str().to_string(),
        id: field("id"),
        title: field("title"),
        publisher: field("publisher"),
        date: field("date"),
        file: field("file"),
        metadata: Vec::new(),
        sentences: Vec::new(),
    })
}

/// The offsets and text of `?phrase` and of its sentence, within a GRAPH
/// block. A phrase that is a whole sentence has no `nif:sentence` of its
/// own: it is its own sentence.
macro_rules! phrase_in_sentence {
    () => {
        "
    ?phrase nif:beginIndex ?begin ; nif:endIndex ?end ; nif:anchorOf ?anchor .
    OPTIONAL { ?phrase nif:sentence ?s }
    BIND(COALESCE(?s, ?phrase) AS ?sentence)
    ?sentence nif:beginIndex ?sentenceBegin ; nif:anchorOf ?sentenceText .
  }
}"
    };
}

/// The phrases that name the node (entity linking) or that it was derived
/// from (facts), with their sentences.
const DIRECT: &str = concat!(
    "
SELECT ?target ?doc ?rule ?begin ?end ?anchor ?sentenceBegin ?sentenceText WHERE {
  GRAPH ?doc {
    { ?phrase itsrdf:taIdentRef ?target ; gk:rule ?rule }
    UNION
    { ?target prov:wasDerivedFrom ?phrase ; gk:rule ?rule }",
    phrase_in_sentence!()
);

/// The evidence of the facts that point at the node (posts with a role,
/// figures of a measure).
const THROUGH_FACTS: &str = concat!(
    "
SELECT ?target ?doc ?fact ?relation ?rule ?begin ?end ?anchor ?sentenceBegin ?sentenceText WHERE {
  GRAPH ?doc {
    ?fact ?relation ?target ; prov:wasDerivedFrom ?phrase ; gk:rule ?rule .",
    phrase_in_sentence!()
);

/// How articles' own descriptions name the node: publisher, author, editor.
const METADATA: &str = "
SELECT DISTINCT ?target ?doc ?relation WHERE {
  GRAPH ?doc { ?doc a schema:NewsArticle ; ?relation ?target }
  FILTER(?relation != schema:mentions)
}";

const ARTICLE: &str = "
SELECT ?doc ?id ?title ?date ?publisher ?file WHERE {
  GRAPH ?doc {
    OPTIONAL { ?doc schema:identifier ?id }
    OPTIONAL { ?doc schema:headline ?title }
    OPTIONAL { ?doc schema:datePublished ?date }
    OPTIONAL { ?doc gk:sourceFile ?file }
    OPTIONAL { ?doc schema:publisher ?p . ?p rdfs:label ?publisher }
  }
}
LIMIT 1";
