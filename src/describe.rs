//! Everything the graph says about one entity, across articles: its
//! classes, its names, its statements, what points at it, and which articles
//! mention it how often. For `govkg describe` and the shell's `.describe`.

use crate::lookup::{self, Node};
use crate::provenance::report::plural;
use crate::render;
use crate::store::Store;
use anyhow::Result;
use oxigraph::model::Term;
use std::io::Write;

/// Subjects listed per incoming property before "and N more".
const INCOMING_SHOWN: usize = 5;

/// Describes what `text` names; when it names several nodes, lists them so
/// the user can pick one by its prefixed name.
pub fn write(store: &Store, text: &str, out: &mut dyn Write) -> Result<()> {
    let nodes = lookup::find(store, text)?;
    if let [node] = nodes.as_slice() {
        return write_node(store, node, out);
    }
    writeln!(out, "{text:?} names {} nodes; describe one by its name in the first column:", nodes.len())?;
    for node in &nodes {
        let types = lookup::select(store, TYPES, &[("target", node.iri.clone().into())])?;
        let types: Vec<String> = types.iter().filter_map(|row| lookup::text(row, "type")).collect();
        writeln!(out, "  {}  {}", node.title(), types.join(", "))?;
    }
    Ok(())
}

fn write_node(store: &Store, node: &Node, out: &mut dyn Write) -> Result<()> {
    let bound = [("target", Term::from(node.iri.clone()))];
    writeln!(out, "{}", node.title())?;
    let types: Vec<String> =
        lookup::select(store, TYPES, &bound)?.iter().filter_map(|row| lookup::text(row, "type")).collect();
    if !types.is_empty() {
        writeln!(out, "  a {}", types.join(", "))?;
    }
    // Names of one kind go on one line: a platform has a dozen spellings.
    let mut names: Vec<(String, Vec<String>)> = Vec::new();
    for row in lookup::select(store, NAMES, &bound)? {
        let (Some(property), Some(name)) = (lookup::text(&row, "property"), lookup::text(&row, "name")) else {
            continue;
        };
        match names.last_mut() {
            Some((last, values)) if *last == property => values.push(format!("{name:?}")),
            _ => names.push((property, vec![format!("{name:?}")])),
        }
    }
    for (property, values) in names {
        writeln!(out, "  {property:<24} {}", values.join(", "))?;
    }
    for row in lookup::select(store, PROPERTIES, &bound)? {
        let (Some(property), Some(value)) = (lookup::text(&row, "property"), row.get("value")) else { continue };
        // Long texts (an article's whole text) are cut; IRIs never are.
        let mut shown = match value {
            Term::Literal(_) => render::cut(&render::show_term(value), 80),
            _ => render::show_term(value),
        };
        if let Some(label) = lookup::text(&row, "valueLabel") {
            shown = format!("{shown} ({label})");
        }
        writeln!(out, "  {property:<24} {shown}")?;
    }
    write_incoming(store, &bound, out)?;
    let articles = lookup::select(store, ARTICLES, &bound)?;
    if articles.is_empty() {
        writeln!(out, "no article mentions it")?;
    } else {
        let total: usize = articles.iter().filter_map(|row| lookup::integer(row, "mentions")).sum();
        let times = if total == 1 { "once" } else { "times" };
        let count = if total == 1 { String::new() } else { format!("{total} ") };
        writeln!(out, "mentioned {count}{times} in {} {}:", articles.len(), plural(articles.len(), "article"))?;
        for row in &articles {
            let count = lookup::integer(row, "mentions").unwrap_or(0);
            let date = lookup::text(row, "date").unwrap_or_else(|| "undated".into());
            let id = lookup::text(row, "id").unwrap_or_default();
            let title = lookup::text(row, "title").unwrap_or_default();
            writeln!(out, "  {count:>4} × {date:<10}  {id}  {title}")?;
        }
    }
    Ok(())
}

/// Statements that point at the node, by property: how many, and the first
/// few subjects with their captions.
fn write_incoming(store: &Store, bound: &[(&str, Term)], out: &mut dyn Write) -> Result<()> {
    let rows = lookup::select(store, INCOMING, bound)?;
    let mut by_property: Vec<(String, Vec<Term>)> = Vec::new();
    for row in rows {
        let (Some(property), Some(subject)) = (lookup::text(&row, "property"), row.get("subject")) else { continue };
        match by_property.last_mut() {
            Some((last, subjects)) if *last == property => subjects.push(subject.clone()),
            _ => by_property.push((property, vec![subject.clone()])),
        }
    }
    if by_property.is_empty() {
        return Ok(());
    }
    writeln!(out, "pointed at by:")?;
    for (property, subjects) in by_property {
        writeln!(out, "  {property} of {} {}", subjects.len(), plural(subjects.len(), "node"))?;
        for subject in subjects.iter().take(INCOMING_SHOWN) {
            let shown = match subject {
                Term::NamedNode(iri) => Node { iri: iri.clone(), caption: lookup::caption(store, iri)? }.title(),
                other => render::show_term(other),
            };
            writeln!(out, "    {}", render::cut(&shown, 110))?;
        }
        if subjects.len() > INCOMING_SHOWN {
            writeln!(out, "    … and {} more", subjects.len() - INCOMING_SHOWN)?;
        }
    }
    Ok(())
}

const TYPES: &str = "SELECT DISTINCT ?target ?type WHERE { ?target a ?type } ORDER BY ?type";

const NAMES: &str = "
SELECT DISTINCT ?target ?property ?name WHERE {
  VALUES ?property { rdfs:label skos:prefLabel schema:name foaf:name skos:altLabel schema:alternateName }
  ?target ?property ?name
}
ORDER BY ?property ?name";

/// The node's other statements, each value with a label when it has one.
const PROPERTIES: &str = "
SELECT ?target ?property ?value (SAMPLE(?label) AS ?valueLabel) WHERE {
  ?target ?property ?value .
  FILTER(?property NOT IN (rdf:type, rdfs:label, skos:prefLabel, schema:name, foaf:name, skos:altLabel,
                           schema:alternateName))
  OPTIONAL { ?value rdfs:label ?label }
}
GROUP BY ?target ?property ?value
ORDER BY ?property ?value";

/// What points at the node; mentions are counted per article instead.
const INCOMING: &str = "
SELECT DISTINCT ?target ?property ?subject WHERE {
  ?subject ?property ?target .
  FILTER(?property NOT IN (itsrdf:taIdentRef, schema:mentions))
}
ORDER BY ?property ?subject";

/// The articles that name the node, with how often.
const ARTICLES: &str = "
SELECT ?target ?doc ?id ?title ?date (COUNT(DISTINCT ?phrase) AS ?mentions) WHERE {
  GRAPH ?doc { ?phrase itsrdf:taIdentRef ?target }
  OPTIONAL { ?doc schema:identifier ?id }
  OPTIONAL { ?doc schema:headline ?title }
  OPTIONAL { ?doc schema:datePublished ?date }
}
GROUP BY ?target ?doc ?id ?title ?date
ORDER BY ?date ?id";
