//! Saved queries: the `.rq` files of `queries/`, shipped inside the binary,
//! each opening with a header of comment lines:
//!
//! ```text
//! # name: growth
//! # question: How did the number of government accounts grow, per platform?
//! # param: platform  a platform's name, e.g. "Sina Weibo" (optional)
//! # columns: date, platform, value, qualifier, source
//! ```
//!
//! Parameters are bound as values of the query's variables through
//! oxigraph's variable substitution, never spliced into the text, so no
//! value can change what the query does.

use crate::graph::vocab::PREFIXES;
use anyhow::{Result, anyhow, bail};
use oxigraph::model::{Literal, NamedNode, Term, Variable};
use std::path::Path;

include!(concat!(env!("OUT_DIR"), "/saved_queries.rs"));

/// A saved query and what its header says.
#[derive(Clone, Debug)]
pub struct SavedQuery {
    pub name: String,
    pub question: String,
    pub params: Vec<(String, String)>,
    pub columns: String,
    pub text: String,
}

impl SavedQuery {
    fn parse(file_stem: &str, text: &str) -> Self {
        let mut query = Self {
            name: file_stem.to_string(),
            question: String::new(),
            params: Vec::new(),
            columns: String::new(),
            text: text.to_string(),
        };
        for line in text.lines().map_while(|l| l.strip_prefix('#')) {
            let Some((key, value)) = line.split_once(':') else { continue };
            let value = value.trim().to_string();
            match key.trim() {
                "name" => query.name = value,
                "question" | "description" => query.question = value,
                "columns" => query.columns = value,
                "param" => {
                    let mut parts = value.splitn(2, char::is_whitespace);
                    let name = parts.next().unwrap_or_default().to_string();
                    query.params.push((name, parts.next().unwrap_or_default().trim().to_string()));
                }
                _ => {}
            }
        }
        query
    }
}

/// Every saved query, by name.
pub fn saved() -> Vec<SavedQuery> {
    SAVED_QUERIES.iter().map(|(stem, text)| SavedQuery::parse(stem, text)).collect()
}

/// A saved query by name.
pub fn find(name: &str) -> Option<SavedQuery> {
    saved().into_iter().find(|q| q.name == name)
}

/// What the user asked to run: SPARQL text, a `.rq` file, or a saved query.
pub fn resolve(query: &str) -> Result<(String, String)> {
    if let Some(saved) = find(query) {
        return Ok((saved.name, saved.text));
    }
    let path = Path::new(query);
    if query.ends_with(".rq") || query.ends_with(".sparql") {
        let text = std::fs::read_to_string(path).map_err(|e| anyhow!("cannot read query file {query}: {e}"))?;
        return Ok((query.to_string(), text));
    }
    if !query.contains(char::is_whitespace) && !query.contains('{') {
        bail!("no saved query named {query:?} (see `govkg queries`)");
    }
    Ok(("query".to_string(), query.to_string()))
}

/// Parses `name=value` parameters into variable bindings. A value in angle
/// brackets is an IRI, `prefix:local` with a known prefix is an IRI, anything
/// else is a string literal.
pub fn bindings(params: &[String]) -> Result<Vec<(Variable, Term)>> {
    params
        .iter()
        .map(|param| {
            let (name, value) =
                param.split_once('=').ok_or_else(|| anyhow!("parameter {param:?} is not of the form name=value"))?;
            let name = name.trim().trim_start_matches(['?', '$']);
            let variable = Variable::new(name).map_err(|e| anyhow!("parameter name {name:?}: {e}"))?;
            Ok((variable, term(value.trim())))
        })
        .collect()
}

/// A parameter's value as a term: `<IRI>`, `prefix:local` with a known
/// prefix, or else a string (quotes around it removed).
pub fn term(value: &str) -> Term {
    let unquoted = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')).unwrap_or(value);
    if let Some(iri) = value.strip_prefix('<').and_then(|v| v.strip_suffix('>'))
        && let Ok(node) = NamedNode::new(iri)
    {
        return node.into();
    }
    if let Some((prefix, local)) = value.split_once(':')
        && let Some((_, namespace)) = PREFIXES.iter().find(|(p, _)| *p == prefix)
        && !local.is_empty()
        && !local.contains(char::is_whitespace)
        && let Ok(node) = NamedNode::new(format!("{namespace}{local}"))
    {
        return node.into();
    }
    Literal::new_simple_literal(unquoted).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_saved_query_has_a_header() {
        let queries = saved();
        assert!(queries.len() >= 9);
        for query in queries {
            assert!(!query.question.is_empty(), "{} has no question", query.name);
            assert!(!query.columns.is_empty(), "{} has no columns", query.name);
        }
    }

    #[test]
    fn parameters_become_terms() {
        let bound = bindings(&[
            "platform=Sina Weibo".into(),
            "who=<https://w3id.org/govkg/id/person-x>".into(),
            "m=gk:Followers".into(),
        ])
        .expect("parses");
        assert_eq!(bound[0].1.to_string(), "\"Sina Weibo\"");
        assert!(matches!(bound[1].1, Term::NamedNode(_)));
        assert_eq!(bound[2].1.to_string(), "<https://w3id.org/govkg/ontology#Followers>");
    }

    #[test]
    fn a_value_that_looks_like_sparql_stays_a_string() {
        let bound = bindings(&["platform=\" } ; DROP ALL ; #".into()]).expect("parses");
        assert!(matches!(&bound[0].1, Term::Literal(l) if l.value() == "\" } ; DROP ALL ; #"));
    }
}
