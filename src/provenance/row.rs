//! Explaining a row of the last result in the shell (`.why ROW`): the IRIs
//! in the row are explained directly; its literals (a value, a name, an
//! article id, an evidence phrase) are matched against the graph's facts,
//! and the facts most of the row's values agree on are explained. A row of
//! names only (no fact fits) is explained by the entities it names.

use super::report::{self, TextStyle};
use crate::lookup::{self, Node};
use crate::render;
use crate::store::Store;
use anyhow::{Result, bail};
use oxigraph::model::{NamedNode, Term};
use oxigraph::sparql::QuerySolution;
use std::collections::BTreeMap;
use std::io::Write;

/// Rows explained when no row is named.
pub const ROWS_BY_DEFAULT: usize = 5;
/// Facts a row may point at before it is too vague to explain by facts.
const MOST_FACTS: usize = 5;

/// A SELECT result kept by the shell for `.why`.
#[derive(Debug, Default)]
pub struct LastResult {
    pub variables: Vec<String>,
    pub solutions: Vec<QuerySolution>,
}

/// The shell's `.why`: no words explains the first rows of the last
/// result, a number explains that row, anything else is a node to look up.
pub fn why_command(store: &Store, last: Option<&LastResult>, words: &[String], out: &mut dyn Write) -> Result<()> {
    // In the shell a node's evidence is kept short: three sentences per article.
    let style = TextStyle { marker: super::mark::Marker::for_stdout(), per_article: Some(3) };
    match words {
        [] => write_rows(store, last, None, style, out),
        [word] if word.parse::<usize>().is_ok() => write_rows(store, last, word.parse().ok(), style, out),
        _ => super::write_why(store, &words.join(" "), false, style, out),
    }
}

/// Explains row `row` (1-based) of `last`, or its first rows when `None`.
pub fn write_rows(
    store: &Store,
    last: Option<&LastResult>,
    row: Option<usize>,
    style: TextStyle,
    out: &mut dyn Write,
) -> Result<()> {
    let Some(last) = last.filter(|l| !l.variables.is_empty()) else {
        bail!("no result to explain yet: run a SELECT query first, then .why ROW");
    };
    let count = last.solutions.len();
    if count == 0 {
        bail!("the last result has no rows to explain");
    }
    let rows: Vec<usize> = match row {
        Some(n) if n == 0 || n > count => {
            bail!("no row {n}: the last result has {count} {} (rows count from 1)", report::plural(count, "row"))
        }
        Some(n) => vec![n],
        None => (1..=count.min(ROWS_BY_DEFAULT)).collect(),
    };
    for (i, n) in rows.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        write_row(store, last, *n, style, out)?;
    }
    if row.is_none() && count > ROWS_BY_DEFAULT {
        writeln!(out, "\n(explained {ROWS_BY_DEFAULT} of {count} rows; say .why ROW for another)")?;
    }
    Ok(())
}

fn write_row(store: &Store, last: &LastResult, n: usize, style: TextStyle, out: &mut dyn Write) -> Result<()> {
    let solution = &last.solutions[n - 1];
    let cells: Vec<String> = last
        .variables
        .iter()
        .filter_map(|v| solution.get(v.as_str()).map(|t| format!("{v}={}", render::show_term(t))))
        .collect();
    writeln!(out, "── row {n}: {}", render::cut(&cells.join(" · "), 160))?;
    let mut shown = 0;
    for node in nodes_of_row(store, solution)? {
        let provenance = super::of(store, &node, false)?;
        if provenance.is_empty() {
            continue;
        }
        writeln!(out)?;
        report::write_text(&provenance, style, out)?;
        shown += 1;
    }
    if shown == 0 {
        writeln!(out, "no evidence found: the row's values are not facts or names in the graph")?;
    }
    Ok(())
}

/// What a row stands for: its IRIs, then the facts its literals agree on,
/// or else the entities its literals name.
fn nodes_of_row(store: &Store, solution: &QuerySolution) -> Result<Vec<Node>> {
    let mut iris: Vec<NamedNode> = Vec::new();
    let mut scores: BTreeMap<String, (NamedNode, usize)> = BTreeMap::new();
    let mut named: Vec<NamedNode> = Vec::new();
    for (_, term) in solution.iter() {
        match term {
            Term::NamedNode(iri) => iris.push(iri.clone()),
            Term::Literal(literal) if !literal.value().trim().is_empty() => {
                // Each value counts once per fact, by its strongest link.
                let mut best: BTreeMap<String, (NamedNode, usize)> = BTreeMap::new();
                for row in lookup::select(store, FACTS_BY_VALUE, &[("value", term.clone())])? {
                    if let (Some(Term::NamedNode(fact)), Some(weight)) =
                        (row.get("fact"), lookup::integer(&row, "weight"))
                    {
                        let entry = best.entry(fact.as_str().to_string()).or_insert((fact.clone(), 0));
                        entry.1 = entry.1.max(weight);
                    }
                }
                for (key, (fact, weight)) in best {
                    scores.entry(key).or_insert((fact, 0)).1 += weight;
                }
                for row in lookup::select(store, ENTITIES_BY_NAME, &[("value", term.clone())])? {
                    if let Some(Term::NamedNode(entity)) = row.get("node") {
                        named.push(entity.clone());
                    }
                }
            }
            _ => {}
        }
    }
    let best = scores.values().map(|(_, score)| *score).max().unwrap_or(0);
    let facts: Vec<NamedNode> =
        scores.into_values().filter(|(_, score)| *score == best).map(|(fact, _)| fact).collect();
    // One strong link (a value, a phrase) or two weak ones (a name and an
    // article) make a fact the row's; more than a handful is too vague.
    if best >= 2 && facts.len() <= MOST_FACTS {
        iris.extend(facts);
    } else {
        iris.extend(named);
    }
    let mut nodes: Vec<Node> = Vec::new();
    for iri in iris {
        if nodes.iter().all(|n| n.iri != iri) {
            nodes.push(Node { caption: lookup::caption(store, &iri)?, iri });
        }
    }
    Ok(nodes)
}

/// Facts linked to a value: as the value of one of their properties or the
/// text of their evidence (weight 2), or through the name of an entity they
/// point at or the id of their article (weight 1).
const FACTS_BY_VALUE: &str = "
SELECT DISTINCT ?value ?fact ?weight WHERE {
  {
    { ?fact ?p ?value BIND(2 AS ?weight) }
    UNION { ?phrase nif:anchorOf ?value . ?fact prov:wasDerivedFrom ?phrase BIND(2 AS ?weight) }
    UNION { ?entity rdfs:label ?value . ?fact ?p ?entity BIND(1 AS ?weight) }
    UNION { ?doc schema:identifier ?value GRAPH ?doc { ?fact gk:rule ?rule } BIND(1 AS ?weight) }
  }
  ?fact prov:wasDerivedFrom ?evidence .
}";

/// Entities a value names.
const ENTITIES_BY_NAME: &str = "
SELECT DISTINCT ?value ?node WHERE {
  VALUES ?property { rdfs:label schema:alternateName skos:altLabel schema:name }
  ?node ?property ?value .
  FILTER(isIRI(?node))
}";
