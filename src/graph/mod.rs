//! Facts to RDF: one named graph per article, built with oxigraph's terms.
//!
//! An article's graph holds the article (also a NIF context holding its
//! text), the entities it mentions with the names it uses for them, the
//! posts, figures and quotes read from it, and the sentences and phrases
//! that are their evidence. Text from the article only ever goes into
//! literals, so nothing in an article can change the graph's shape.

pub mod iri;
pub mod reference;
pub mod vocab;

use crate::article::Article;
use crate::extract::gazetteer::Entry;
use crate::extract::{Entity, EntityKind, Evidence, Extraction, OrgKind};
use oxigraph::model::vocab::xsd;
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term, TripleRef};
use rustc_hash::FxHashSet;
use std::collections::BTreeSet;
use vocab::*;

/// Builds the quads of one article's graph.
struct GraphBuilder<'a> {
    graph: GraphName,
    article: &'a Article,
    doc: NamedNode,
    offsets: CodePoints<'a>,
    quads: Vec<Quad>,
    /// Spans already written, as (class, byte range): a sentence holding
    /// several facts is described once, not once per fact.
    spans: FxHashSet<(&'static str, usize, usize)>,
}

impl GraphBuilder<'_> {
    fn add(&mut self, subject: impl Into<NamedOrBlankNode>, predicate: &NamedNode, object: impl Into<Term>) {
        self.quads.push(Quad::new(subject, predicate.clone(), object, self.graph.clone()));
    }

    fn label(&mut self, subject: &NamedNode, text: &str) {
        self.add(subject.clone(), &RDFS_LABEL, Literal::new_simple_literal(text));
    }

    /// A span of the article as a NIF node; returns its IRI.
    fn span_node(&mut self, class: &'static NamedNode, bytes: std::ops::Range<usize>) -> NamedNode {
        let (begin, end) = (self.offsets.at(bytes.start), self.offsets.at(bytes.end));
        let node = iri::span(&self.doc, begin, end);
        if !self.spans.insert((class.as_str(), bytes.start, bytes.end)) {
            return node;
        }
        let text = &self.article.text[bytes];
        self.add(node.clone(), &RDF_TYPE, class.clone());
        self.add(node.clone(), &NIF_REFERENCE_CONTEXT, self.doc.clone());
        self.add(node.clone(), &NIF_BEGIN_INDEX, Literal::from(begin as i64));
        self.add(node.clone(), &NIF_END_INDEX, Literal::from(end as i64));
        self.add(node.clone(), &NIF_ANCHOR_OF, Literal::new_simple_literal(text));
        node
    }

    /// The evidence of a fact: a phrase within its sentence.
    fn evidence(&mut self, fact: &NamedNode, evidence: &Evidence, extraction: &Extraction) {
        let sentence = self.span_node(&NIF_SENTENCE, extraction.sentences[evidence.sentence].clone());
        let phrase = self.span_node(&NIF_PHRASE, evidence.span.clone());
        if phrase != sentence {
            self.add(phrase.clone(), &NIF_SENTENCE_PROPERTY, sentence);
        }
        self.add(fact.clone(), &PROV_WAS_DERIVED_FROM, phrase);
        self.add(fact.clone(), &GK_RULE, Literal::new_simple_literal(evidence.rule));
    }
}

/// The quads of an article's named graph.
pub fn article_quads(article: &Article, extraction: &Extraction) -> Vec<Quad> {
    let doc = iri::article(&article.id);
    let mut b = GraphBuilder {
        graph: GraphName::NamedNode(doc.clone()),
        article,
        doc: doc.clone(),
        offsets: CodePoints::new(&article.text),
        // (About what an article's facts take, so the list seldom grows:
        // each growth copies every quad so far.)
        quads: Vec::with_capacity(
            64 + 12 * (extraction.entities.len() + extraction.mentions.len())
                + 24 * (extraction.posts.len() + extraction.figures.len() + extraction.quotes.len()),
        ),
        spans: FxHashSet::default(),
    };
    write_article(&mut b);
    let entity_iris: Vec<NamedNode> = extraction.entities.iter().map(|e| iri::entity(&e.key)).collect();
    let mentioned: BTreeSet<usize> = extraction.mentions.iter().map(|m| m.entity).collect();
    for (index, entity) in extraction.entities.iter().enumerate() {
        let node = &entity_iris[index];
        for (predicate, object) in description(entity) {
            b.add(node.clone(), predicate, object);
        }
        if let Some(platform) = entity.platform {
            b.add(node.clone(), &GK_ON_PLATFORM, entity_iris[platform].clone());
        }
        if let Some(opened) = entity.opened {
            b.add(node.clone(), &GK_OPENED_ON, date_literal(opened));
        }
        if mentioned.contains(&index) {
            b.add(doc.clone(), &SCHEMA_MENTIONS, node.clone());
        }
    }
    // Each mention is a phrase linked to its entity (NIF's entity linking),
    // so a mention, too, leads back to its sentence and rule.
    for mention in &extraction.mentions {
        let phrase = b.span_node(&NIF_PHRASE, mention.evidence.span.clone());
        let sentence = b.span_node(&NIF_SENTENCE, extraction.sentences[mention.evidence.sentence].clone());
        b.add(phrase.clone(), &NIF_SENTENCE_PROPERTY, sentence);
        b.add(phrase.clone(), &ITSRDF_TA_IDENT_REF, entity_iris[mention.entity].clone());
        b.add(phrase, &GK_RULE, Literal::new_simple_literal(mention.evidence.rule));
    }
    write_posts(&mut b, extraction, &entity_iris);
    write_figures(&mut b, extraction, &entity_iris);
    for (n, quote) in extraction.quotes.iter().enumerate() {
        let node = iri::fact(&doc, "quote", n + 1);
        b.add(node.clone(), &RDF_TYPE, GK_QUOTE.clone());
        b.add(node.clone(), &RDF_TYPE, SCHEMA_QUOTATION.clone());
        b.add(node.clone(), &SCHEMA_TEXT, Literal::new_simple_literal(&article.text[quote.text.clone()]));
        b.add(node.clone(), &SCHEMA_CREATOR, entity_iris[quote.speaker].clone());
        b.evidence(&node, &quote.evidence, extraction);
    }
    dedup(b.quads)
}

/// What the graph says of an entity wherever it appears: its classes, its
/// name, its other names, and its operator or parent.
pub fn description(entity: &Entity) -> Vec<(&'static NamedNode, Term)> {
    let mut statements: Vec<(&'static NamedNode, Term)> =
        classes(entity.kind).into_iter().map(|class| (&*RDF_TYPE, class.clone().into())).collect();
    statements.push((&RDFS_LABEL, Literal::new_simple_literal(&entity.name).into()));
    for alias in &entity.aliases {
        statements.push((&SCHEMA_ALTERNATE_NAME, Literal::new_simple_literal(alias).into()));
    }
    if let Some(related) = &entity.related {
        let predicate: &'static NamedNode = match entity.kind {
            EntityKind::Platform => &GK_OPERATED_BY,
            EntityKind::Account => &SIOC_ACCOUNT_OF,
            _ => &ORG_SUB_ORGANIZATION_OF,
        };
        statements.push((predicate, iri::entity(related).into()));
    }
    statements
}

/// The classes of an entity: the precise govkg class and the standard one a
/// tool that does not read the ontology will look for.
fn classes(kind: EntityKind) -> Vec<&'static NamedNode> {
    match kind {
        EntityKind::Person => vec![&SCHEMA_PERSON],
        EntityKind::Platform => vec![&GK_PLATFORM],
        EntityKind::Account => vec![&GK_ACCOUNT],
        EntityKind::Organization(kind) => {
            let precise: &'static NamedNode = match kind {
                OrgKind::Company => &GK_COMPANY,
                OrgKind::Media => &GK_NEWS_ORGANIZATION,
                OrgKind::Research => &GK_RESEARCH_ORGANIZATION,
                OrgKind::Jurisdiction => &GK_JURISDICTION,
                OrgKind::Agency | OrgKind::Party | OrgKind::Police | OrgKind::Other => &GK_GOVERNMENT_AGENCY,
            };
            vec![precise, &ORG_ORGANIZATION]
        }
    }
}

fn write_article(b: &mut GraphBuilder<'_>) {
    let article = b.article;
    let doc = b.doc.clone();
    let metadata = &article.metadata;
    b.add(doc.clone(), &RDF_TYPE, SCHEMA_NEWS_ARTICLE.clone());
    b.add(doc.clone(), &RDF_TYPE, NIF_CONTEXT.clone());
    b.add(doc.clone(), &SCHEMA_IDENTIFIER, Literal::new_simple_literal(&article.id));
    b.add(doc.clone(), &GK_SOURCE_FILE, Literal::new_simple_literal(article.path.to_string_lossy()));
    b.add(doc.clone(), &GK_CONTENT_HASH, Literal::new_simple_literal(&article.hash));
    b.add(doc.clone(), &NIF_IS_STRING, Literal::new_simple_literal(&article.text));
    b.add(doc.clone(), &PROV_WAS_ATTRIBUTED_TO, KG_GOVKG.clone());
    let headline = metadata.title.clone().map_or(article.id.as_str(), |t| article.text[t].trim());
    b.add(doc.clone(), &SCHEMA_HEADLINE, Literal::new_simple_literal(headline));
    if let Some(date) = metadata.published {
        b.add(doc.clone(), &SCHEMA_DATE_PUBLISHED, date_literal(date));
    }
    if let Some(place) = &metadata.dateline {
        b.add(doc.clone(), &GK_DATELINE_PLACE, Literal::new_simple_literal(place));
    }
    if let Some((publisher, cue)) = &metadata.publisher {
        let node = publisher_node(b, publisher, cue);
        b.add(doc.clone(), &SCHEMA_PUBLISHER, node);
    }
    for (names, predicate) in [(&metadata.authors, &*SCHEMA_AUTHOR), (&metadata.editors, &*SCHEMA_EDITOR)] {
        for name in names {
            let person = iri::entity(&format!("person-{}", crate::extract::slug(name)));
            b.add(person.clone(), &RDF_TYPE, SCHEMA_PERSON.clone());
            b.label(&person, name);
            b.add(doc.clone(), predicate, person);
        }
    }
}

fn publisher_node(b: &mut GraphBuilder<'_>, publisher: &'static Entry, cue: &str) -> NamedNode {
    let entity = crate::extract::known_entity(publisher, cue);
    let node = iri::entity(&entity.key);
    for (predicate, object) in description(&entity) {
        b.add(node.clone(), predicate, object);
    }
    node
}

fn write_posts(b: &mut GraphBuilder<'_>, extraction: &Extraction, entities: &[NamedNode]) {
    for post in &extraction.posts {
        let person = &extraction.entities[post.person];
        // A post is a job in a body; a role with no body ("Premier Wen
        // Jiabao", "NAME, a lawyer") is the person's occupation.
        let Some(organization) = post.organization else {
            let node = iri::entity(&format!("occupation-{}--{}", person.key, crate::extract::slug(&post.role)));
            b.add(node.clone(), &RDF_TYPE, SCHEMA_OCCUPATION.clone());
            b.add(node.clone(), &SCHEMA_NAME, Literal::new_simple_literal(&post.role));
            b.add(entities[post.person].clone(), &SCHEMA_HAS_OCCUPATION, node.clone());
            b.evidence(&node, &post.evidence, extraction);
            continue;
        };
        let body = &extraction.entities[organization];
        // A body with no role ("Dr Xu Ming of Peking University"): the
        // person is a member of it.
        if post.role.is_empty() {
            let node = iri::entity(&format!("membership-{}--{}", person.key, body.key));
            b.add(node.clone(), &RDF_TYPE, ORG_MEMBERSHIP.clone());
            b.add(node.clone(), &ORG_MEMBER, entities[post.person].clone());
            b.add(node.clone(), &ORG_ORGANIZATION_PROPERTY, entities[organization].clone());
            b.add(entities[post.person].clone(), &ORG_MEMBER_OF, entities[organization].clone());
            b.evidence(&node, &post.evidence, extraction);
            continue;
        }
        let node = iri::entity(&format!("post-{}--{}--{}", person.key, crate::extract::slug(&post.role), body.key));
        let role = iri::entity(&format!("role-{}", crate::extract::slug(&post.role)));
        b.add(node.clone(), &RDF_TYPE, ORG_POST.clone());
        // (The post as the article titles it, the role as roles go:
        // "professor of public administration" is a post of the role
        // "professor".)
        b.label(&node, post.title.as_deref().unwrap_or(&post.role));
        b.add(node.clone(), &ORG_HELD_BY, entities[post.person].clone());
        b.add(entities[post.person].clone(), &ORG_HOLDS, node.clone());
        b.add(entities[post.person].clone(), &RDF_TYPE, GK_OFFICIAL.clone());
        b.add(node.clone(), &ORG_POST_IN, entities[organization].clone());
        if body.kind == EntityKind::Account {
            // An account with staff is run as a unit of its own.
            b.add(entities[organization].clone(), &RDF_TYPE, ORG_ORGANIZATIONAL_UNIT.clone());
        }
        b.add(node.clone(), &ORG_ROLE_PROPERTY, role.clone());
        b.add(role.clone(), &RDF_TYPE, ORG_ROLE.clone());
        b.label(&role, &post.role);
        b.evidence(&node, &post.evidence, extraction);
    }
}

fn write_figures(b: &mut GraphBuilder<'_>, extraction: &Extraction, entities: &[NamedNode]) {
    for (n, figure) in extraction.figures.iter().enumerate() {
        let node = iri::fact(&b.doc, "figure", n + 1);
        b.add(node.clone(), &RDF_TYPE, GK_FIGURE.clone());
        b.add(node.clone(), &RDF_TYPE, SCHEMA_OBSERVATION.clone());
        b.add(node.clone(), &SCHEMA_VALUE, number_literal(figure.value));
        b.add(node.clone(), &GK_QUALIFIER, term(GK, figure.qualifier.term()));
        b.add(node.clone(), &SCHEMA_VARIABLE_MEASURED, term(GK, figure.measure));
        if figure.percent {
            b.add(node.clone(), &GK_UNIT, Literal::new_simple_literal("percent"));
        }
        if let Some(platform) = figure.platform {
            b.add(node.clone(), &GK_ON_PLATFORM, entities[platform].clone());
        }
        if let Some(about) = figure.subject.or(figure.platform) {
            b.add(node.clone(), &SCHEMA_OBSERVATION_ABOUT, entities[about].clone());
        }
        if let Some(date) = figure.date {
            b.add(node.clone(), &SCHEMA_OBSERVATION_DATE, date_literal(date));
        }
        b.add(node.clone(), &GK_DATE_INFERRED, Literal::from(figure.date_inferred));
        if let Some(text) = &figure.date_text {
            b.add(node.clone(), &GK_DATE_TEXT, Literal::new_simple_literal(text));
        }
        for evidence in &figure.evidence {
            b.evidence(&node, evidence, extraction);
        }
    }
}

/// A date literal of the precision the text gave.
pub fn date_literal(date: crate::date::PartialDate) -> Literal {
    let datatype = match date.xsd_type() {
        "date" => xsd::DATE,
        "gYearMonth" => xsd::G_YEAR_MONTH,
        _ => xsd::G_YEAR,
    };
    Literal::new_typed_literal(date.to_string(), datatype)
}

/// Whole numbers as xsd:integer, others as xsd:decimal.
fn number_literal(value: f64) -> Literal {
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        Literal::new_typed_literal(format!("{}", value as i64), xsd::INTEGER)
    } else {
        let text = format!("{value}");
        Literal::new_typed_literal(if text.contains('.') { text } else { format!("{text}.0") }, xsd::DECIMAL)
    }
}

/// The quads without repeats, in their first order. (Hashed by reference
/// with a fast hasher: this runs for every article.)
fn dedup(mut quads: Vec<Quad>) -> Vec<Quad> {
    // (Every quad is in the article's graph, so the triple tells them apart.)
    let mut seen = FxHashSet::with_capacity_and_hasher(quads.len(), Default::default());
    let first: Vec<bool> = quads.iter().map(|q| seen.insert(TripleRef::from(q.as_ref()))).collect();
    drop(seen);
    if first.iter().all(|f| *f) {
        return quads;
    }
    let mut first = first.into_iter();
    quads.retain(|_| first.next().unwrap_or(true));
    quads
}

/// Byte offsets to code point offsets (what SPARQL's STRLEN and SUBSTR
/// count), with checkpoints so long texts convert fast.
struct CodePoints<'a> {
    text: &'a str,
    /// Code points before each 1 KiB block (on char boundaries).
    checkpoints: Vec<(usize, usize)>,
}

impl<'a> CodePoints<'a> {
    fn new(text: &'a str) -> Self {
        let mut checkpoints = vec![(0, 0)];
        let (mut byte, mut chars) = (0, 0);
        for (i, _) in text.char_indices() {
            if i >= byte + 1024 {
                chars += text[byte..i].chars().count();
                byte = i;
                checkpoints.push((byte, chars));
            }
        }
        Self { text, checkpoints }
    }

    fn at(&self, byte: usize) -> usize {
        let index = self.checkpoints.partition_point(|(b, _)| *b <= byte) - 1;
        let (start, chars) = self.checkpoints[index];
        chars + self.text[start..byte].chars().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_points_match_char_counts() {
        let text = "é王".repeat(1000) + "end";
        let offsets = CodePoints::new(&text);
        for byte in [0, 2, 5, 2500, text.len()] {
            let byte = (0..=byte).rev().find(|b| text.is_char_boundary(*b)).unwrap_or(0);
            assert_eq!(offsets.at(byte), text[..byte].chars().count());
        }
    }

    #[test]
    fn numbers_keep_their_kind() {
        assert_eq!(number_literal(20000.0).to_string(), "\"20000\"^^<http://www.w3.org/2001/XMLSchema#integer>");
        assert_eq!(number_literal(73.5).value(), "73.5");
    }
}
