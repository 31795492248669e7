//! Writing provenance for people (per article, each sentence with its
//! evidence marked and the rules that read it) or as JSON for programs.

use super::mark::{Marker, mark};
use super::{ArticleEvidence, Provenance};
use anyhow::Result;
use std::io::Write;

/// How much to show and how.
#[derive(Clone, Copy, Debug)]
pub struct TextStyle {
    pub marker: Marker,
    /// Sentences shown per article before "and N more".
    pub per_article: Option<usize>,
}

/// The provenance of a node as text:
///
/// ```text
/// kg:person-cai-qi (Cai Qi): 1 sentence in 1 article
///
/// 2011-12-16  2011: Year of government micro-blogs
///             People's Daily · 001_5edc08ff969cea0c · seeds/001_5edc08ff969cea0c.txt
///   … Organization Minister «Cai Qi» has nearly 6 million followers …
///     rule: mention.person
/// ```
pub fn write_text(provenance: &Provenance, style: TextStyle, out: &mut dyn Write) -> Result<()> {
    let title = match &provenance.caption {
        Some(caption) => format!("{} ({caption})", provenance.target),
        None => provenance.target.clone(),
    };
    if provenance.is_empty() {
        writeln!(out, "{title}: no evidence in any article (it comes from the ontology or the gazetteer)")?;
        return Ok(());
    }
    let sentences = provenance.sentence_count();
    let articles = provenance.articles.len();
    if sentences == 0 {
        writeln!(out, "{title}: named in the description of {articles} {}", plural(articles, "article"))?;
    } else {
        write!(
            out,
            "{title}: {sentences} {} in {articles} {}",
            plural(sentences, "sentence"),
            plural(articles, "article")
        )?;
        if provenance.through_facts {
            write!(out, ", through the facts that refer to it")?;
        }
        writeln!(out)?;
    }
    for article in &provenance.articles {
        writeln!(out)?;
        write_article(article, style, out)?;
    }
    Ok(())
}

fn write_article(article: &ArticleEvidence, style: TextStyle, out: &mut dyn Write) -> Result<()> {
    let date = article.date.as_deref().unwrap_or("undated");
    let title = article.title.as_deref().or(article.id.as_deref()).unwrap_or(&article.iri);
    writeln!(out, "{date:<10}  {title}")?;
    let source: Vec<&str> =
        [&article.publisher, &article.id, &article.file].into_iter().filter_map(|s| s.as_deref()).collect();
    if !source.is_empty() {
        writeln!(out, "{:<10}  {}", "", source.join(" · "))?;
    }
    for relation in &article.metadata {
        writeln!(out, "  named in the article's description ({relation})")?;
    }
    let shown = style.per_article.unwrap_or(usize::MAX);
    for sentence in article.sentences.iter().take(shown) {
        writeln!(out, "  {}", mark(&sentence.text, &sentence.spans(), style.marker))?;
        writeln!(out, "    rule: {}", sentence.rules().join(", "))?;
    }
    if article.sentences.len() > shown {
        let more = article.sentences.len() - shown;
        writeln!(out, "  … and {more} more {}", plural(more, "sentence"))?;
    }
    Ok(())
}

pub fn plural(count: usize, noun: &str) -> String {
    if count == 1 { noun.to_string() } else { format!("{noun}s") }
}

/// The provenance of nodes as a JSON array.
pub fn write_json(provenance: &[Provenance], out: &mut dyn Write) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, provenance)?;
    writeln!(out)?;
    Ok(())
}
