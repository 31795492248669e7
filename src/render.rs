//! Showing query results: a table for people, the W3C result formats (CSV,
//! TSV, JSON, XML) for programs, written by oxigraph's own serializers, and
//! Turtle for CONSTRUCT and DESCRIBE.

use crate::graph::vocab::PREFIXES;
use anyhow::Result;
use comfy_table::{ContentArrangement, Table, presets};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::Term;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, QuerySolution};
use std::io::Write;

/// How results are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
    /// A line chart of a date column and number columns (see `govkg chart`).
    Svg,
}

impl Format {
    fn results_format(self) -> Option<QueryResultsFormat> {
        match self {
            Self::Table => None,
            Self::Csv => Some(QueryResultsFormat::Csv),
            Self::Tsv => Some(QueryResultsFormat::Tsv),
            Self::Json => Some(QueryResultsFormat::Json),
            Self::Xml => Some(QueryResultsFormat::Xml),
            Self::Svg => None,
        }
    }
}

/// What was written.
#[derive(Debug, Default)]
pub struct Summary {
    /// Rows of a SELECT, triples of a CONSTRUCT; 1 for ASK.
    pub rows: usize,
    /// The solutions, kept for `.why` when asked for.
    pub solutions: Vec<QuerySolution>,
    pub variables: Vec<String>,
}

/// Layout options of the table format.
#[derive(Clone, Copy, Debug)]
pub struct TableStyle {
    /// Total width to fit; `None` lets rows be as wide as they are.
    pub width: Option<u16>,
    /// Longest cell, in characters, before it is cut with an ellipsis.
    pub max_cell: usize,
}

impl Default for TableStyle {
    fn default() -> Self {
        Self { width: None, max_cell: 80 }
    }
}

/// Writes `results` to `out` in `format`.
pub fn write(
    results: QueryResults<'_>,
    format: Format,
    style: TableStyle,
    keep: bool,
    out: &mut dyn Write,
) -> Result<Summary> {
    let mut summary = Summary::default();
    if format == Format::Svg {
        summary.rows = crate::chart::write(results, "SPARQL results", None, out)?;
        return Ok(summary);
    }
    match results {
        QueryResults::Boolean(value) => {
            summary.rows = 1;
            match format.results_format() {
                Some(f) => {
                    QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(&mut *out, value)?;
                }
                None => writeln!(out, "{}", if value { "true" } else { "false" })?,
            }
        }
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            summary.variables = variables.iter().map(|v| v.as_str().to_string()).collect();
            match format.results_format() {
                Some(f) => {
                    let mut serializer =
                        QueryResultsSerializer::from_format(f).serialize_solutions_to_writer(&mut *out, variables)?;
                    for solution in solutions {
                        let solution = solution?;
                        serializer.serialize(&solution)?;
                        summary.rows += 1;
                        if keep {
                            summary.solutions.push(solution);
                        }
                    }
                    serializer.finish()?;
                }
                None => {
                    let mut table = Table::new();
                    table.load_style(presets::UTF8_FULL_CONDENSED);
                    if let Some(width) = style.width {
                        table.set_content_arrangement(ContentArrangement::Dynamic).set_width(width);
                    }
                    table.set_header(summary.variables.iter().map(String::as_str));
                    for solution in solutions {
                        let solution = solution?;
                        let row: Vec<String> = variables
                            .iter()
                            .map(|v| solution.get(v).map_or(String::new(), |t| cut(&show_term(t), style.max_cell)))
                            .collect();
                        table.add_row(row);
                        summary.rows += 1;
                        if keep {
                            summary.solutions.push(solution);
                        }
                    }
                    writeln!(out, "{table}")?;
                }
            }
        }
        QueryResults::Graph(triples) => {
            let mut serializer = RdfSerializer::from_format(RdfFormat::Turtle);
            for (prefix, namespace) in PREFIXES {
                serializer = serializer.with_prefix(*prefix, *namespace)?;
            }
            let mut writer = serializer.for_writer(&mut *out);
            for triple in triples {
                writer.serialize_triple(&triple?)?;
                summary.rows += 1;
            }
            writer.finish()?;
        }
    }
    Ok(summary)
}

/// A term as a person reads it: IRIs as prefixed names, literals as their
/// text.
pub fn show_term(term: &Term) -> String {
    match term {
        Term::NamedNode(node) => prefixed(node.as_str()),
        Term::BlankNode(node) => node.to_string(),
        Term::Literal(literal) => match literal.language() {
            Some(language) => format!("{}@{language}", literal.value()),
            None => literal.value().to_string(),
        },
        #[allow(unreachable_patterns, reason = "RDF 1.2 triple terms exist only with the rdf-12 feature")]
        other => other.to_string(),
    }
}

/// An IRI as a prefixed name when one of govkg's prefixes covers it and the
/// rest is a simple local name.
pub fn prefixed(iri: &str) -> String {
    for (prefix, namespace) in PREFIXES {
        if let Some(local) = iri.strip_prefix(namespace)
            && local.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-')
            && !local.starts_with('-')
        {
            return format!("{prefix}:{local}");
        }
    }
    format!("<{iri}>")
}

/// Cuts text longer than `max` characters, with an ellipsis.
pub fn cut(text: &str, max: usize) -> String {
    let flat: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    if flat.chars().count() <= max {
        return flat;
    }
    let mut out: String = flat.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iris_show_as_prefixed_names() {
        assert_eq!(prefixed("https://w3id.org/govkg/id/platform-sina-weibo"), "kg:platform-sina-weibo");
        assert_eq!(prefixed("https://w3id.org/govkg/id/doc-a#char=1,2"), "<https://w3id.org/govkg/id/doc-a#char=1,2>");
    }

    #[test]
    fn long_cells_are_cut() {
        assert_eq!(cut("abcdef", 4), "abc…");
        assert_eq!(cut("a\nb", 4), "a b");
    }
}
