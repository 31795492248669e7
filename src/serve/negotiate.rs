//! Content negotiation: the format of an answer, from the request's
//! `format` parameter or else its Accept header. SELECT and ASK results are
//! SPARQL JSON unless asked otherwise, CONSTRUCT and DESCRIBE graphs Turtle;
//! an Accept that no offered format fits is a 406.
//!
//! The media types themselves (aliases such as `application/json`, `x-`
//! prefixes) are oxigraph's: [`QueryResultsFormat::from_media_type`] and
//! [`RdfFormat::from_media_type`].

use super::reply::Refusal;
use oxhttp::model::StatusCode;
use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use oxigraph::sparql::results::QueryResultsFormat;

/// Formats for SELECT and ASK results, the default first.
pub const SOLUTION_FORMATS: [QueryResultsFormat; 4] =
    [QueryResultsFormat::Json, QueryResultsFormat::Xml, QueryResultsFormat::Csv, QueryResultsFormat::Tsv];

/// Formats for CONSTRUCT and DESCRIBE graphs, the default first.
pub const GRAPH_FORMATS: [RdfFormat; 7] = [
    RdfFormat::Turtle,
    RdfFormat::NTriples,
    RdfFormat::RdfXml,
    RdfFormat::NQuads,
    RdfFormat::TriG,
    RdfFormat::N3,
    RdfFormat::JsonLd { profile: JsonLdProfileSet::empty() },
];

/// A family of formats an answer can be written in.
pub trait Negotiable: Copy + PartialEq + 'static {
    fn media_type(self) -> &'static str;
    fn from_media_type(media_type: &str) -> Option<Self>;
    fn from_extension(extension: &str) -> Option<Self>;
}

impl Negotiable for QueryResultsFormat {
    fn media_type(self) -> &'static str {
        QueryResultsFormat::media_type(self)
    }
    fn from_media_type(media_type: &str) -> Option<Self> {
        QueryResultsFormat::from_media_type(media_type)
    }
    fn from_extension(extension: &str) -> Option<Self> {
        QueryResultsFormat::from_extension(extension)
    }
}

impl Negotiable for RdfFormat {
    fn media_type(self) -> &'static str {
        RdfFormat::media_type(self)
    }
    fn from_media_type(media_type: &str) -> Option<Self> {
        RdfFormat::from_media_type(media_type)
    }
    fn from_extension(extension: &str) -> Option<Self> {
        RdfFormat::from_extension(extension)
    }
}

/// Names for the `format` parameter beyond file extensions.
const FORMAT_NAMES: [(&str, &str); 8] = [
    ("turtle", "ttl"),
    ("ntriples", "nt"),
    ("n-triples", "nt"),
    ("nquads", "nq"),
    ("n-quads", "nq"),
    ("rdfxml", "rdf"),
    ("rdf-xml", "rdf"),
    ("json-ld", "jsonld"),
];

/// The format to answer in: the first of `offered` that the `format`
/// parameter names or, without one, that the Accept header prefers.
pub fn choose<F: Negotiable>(offered: &[F], format: Option<&str>, accept: Option<&str>) -> Result<F, Refusal> {
    let default = offered.first().copied();
    // An empty Accept says no more than a missing one.
    let accept = accept.filter(|value| !value.trim().is_empty());
    let chosen = match (format, accept) {
        (Some(name), _) => named(offered, name.trim()),
        (None, None) => default,
        (None, Some(accept)) => accepted_ranges(accept).into_iter().find_map(|range| fitting(offered, range)),
    };
    chosen.ok_or_else(|| {
        let offered_types: Vec<&str> = offered.iter().map(|f| f.media_type()).collect();
        let asked = match format {
            Some(name) => format!("format={name}"),
            None => format!("Accept: {}", accept.unwrap_or_default()),
        };
        Refusal::new(
            StatusCode::NOT_ACCEPTABLE,
            format!("no format this query can give fits {asked}; it can give {}", offered_types.join(", ")),
        )
    })
}

fn named<F: Negotiable>(offered: &[F], name: &str) -> Option<F> {
    let extension = FORMAT_NAMES.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map_or(name, |(_, e)| e);
    F::from_extension(extension).or_else(|| F::from_media_type(name)).filter(|f| offered.contains(f))
}

/// The media ranges of an Accept header, most wanted first; ranges with
/// q=0 (not wanted) or an unreadable q are left out.
fn accepted_ranges(accept: &str) -> Vec<&str> {
    let mut ranges: Vec<(&str, f32)> = accept
        .split(',')
        .filter_map(|item| {
            let mut parts = item.split(';');
            let range = parts.next()?.trim();
            let quality = match parts.find_map(|p| p.trim().strip_prefix("q=")) {
                Some(q) => q.trim().parse::<f32>().ok()?,
                None => 1.0,
            };
            (!range.is_empty() && quality > 0.0).then_some((range, quality))
        })
        .collect();
    // Stable: among equal q, the client's order stands.
    ranges.sort_by(|a, b| b.1.total_cmp(&a.1));
    ranges.into_iter().map(|(range, _)| range).collect()
}

/// The first offered format inside a media range.
fn fitting<F: Negotiable>(offered: &[F], range: &str) -> Option<F> {
    match range.split_once('/') {
        _ if range == "*" => offered.first().copied(),
        Some(("*", "*")) => offered.first().copied(),
        Some((kind, "*")) => offered
            .iter()
            .copied()
            .find(|f| f.media_type().split('/').next().is_some_and(|k| k.eq_ignore_ascii_case(kind))),
        _ => F::from_media_type(range).filter(|f| offered.contains(f)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn results(format: Option<&str>, accept: Option<&str>) -> Option<QueryResultsFormat> {
        choose(&SOLUTION_FORMATS, format, accept).ok()
    }

    #[test]
    fn accept_header_picks_the_preferred_offered_format() {
        assert_eq!(results(None, None), Some(QueryResultsFormat::Json));
        assert_eq!(results(None, Some(" ")), Some(QueryResultsFormat::Json));
        assert_eq!(results(None, Some("text/csv")), Some(QueryResultsFormat::Csv));
        assert_eq!(
            results(None, Some("text/csv;q=0.5, application/sparql-results+xml")),
            Some(QueryResultsFormat::Xml)
        );
        assert_eq!(results(None, Some("image/png, text/*;q=0.1")), Some(QueryResultsFormat::Csv));
        assert_eq!(results(None, Some("image/png;q=1, */*;q=0.1")), Some(QueryResultsFormat::Json));
        assert_eq!(results(None, Some("image/png")), None);
        assert_eq!(results(None, Some("text/csv;q=0")), None);
        assert_eq!(results(None, Some(";;,,q=")), None);
    }

    #[test]
    fn format_parameter_overrides_accept() {
        assert_eq!(results(Some("tsv"), Some("text/csv")), Some(QueryResultsFormat::Tsv));
        assert_eq!(choose(&GRAPH_FORMATS, Some("ntriples"), None).ok(), Some(RdfFormat::NTriples));
        assert_eq!(choose(&GRAPH_FORMATS, Some("text/turtle"), None).ok(), Some(RdfFormat::Turtle));
        assert!(choose(&GRAPH_FORMATS, Some("csv"), None).is_err());
    }
}
