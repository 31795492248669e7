//! Finding a node of the graph from what a user types: an IRI in `<...>`, a
//! prefixed name (`kg:person-cai-qi`), or a name ("Cai Qi", "sina weibo")
//! matched case-insensitively against the names the graph gives things.
//! The name is bound as a query parameter, never written into the query.

use crate::render;
use crate::store::Store;
use anyhow::{Result, bail};
use oxigraph::model::{Literal, NamedNode, Term, Variable};
use oxigraph::sparql::{QueryResults, QuerySolution};

/// A node the user's words name, and how to show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    pub iri: NamedNode,
    /// A short human reading: its label, or a figure's value and measure, or
    /// the start of a quote.
    pub caption: Option<String>,
}

impl Node {
    /// The node as a prefixed name (or `<IRI>`) with its caption.
    pub fn title(&self) -> String {
        match &self.caption {
            Some(caption) => format!("{} ({caption})", render::prefixed(self.iri.as_str())),
            None => render::prefixed(self.iri.as_str()),
        }
    }
}

/// Nodes whose name is the text (case-insensitively), or the node an IRI
/// or prefixed name gives. A name that names nothing is an error; an IRI
/// that appears nowhere in the store is one too.
pub fn find(store: &Store, text: &str) -> Result<Vec<Node>> {
    let text = text.trim();
    if text.is_empty() {
        bail!("say what to look up: an IRI, a prefixed name like kg:person-cai-qi, or a name like \"Cai Qi\"");
    }
    if let Term::NamedNode(iri) = crate::queries::term(text) {
        if !select(store, IN_STORE, &[("target", iri.clone().into())])?.is_empty() {
            return Ok(vec![Node { caption: caption(store, &iri)?, iri }]);
        }
        bail!("{} is not in the store", render::prefixed(iri.as_str()));
    }
    let name = text.trim_matches('"');
    let mut nodes = Vec::new();
    for row in select(store, BY_NAME, &[("wanted", Literal::new_simple_literal(name).into())])? {
        if let Some(Term::NamedNode(iri)) = row.get("node") {
            nodes.push(Node { caption: caption(store, iri)?, iri: iri.clone() });
        }
    }
    if nodes.is_empty() {
        bail!("nothing in the store is called {name:?} (try a prefixed name like kg:person-cai-qi)");
    }
    Ok(nodes)
}

/// Whether the node is the subject or object of any statement.
const IN_STORE: &str = "SELECT ?target WHERE { { ?target ?p ?o } UNION { ?s ?p ?target } } LIMIT 1";

/// Nodes by any of their names. Preferred names sort first, then IRIs, so
/// the order is stable.
const BY_NAME: &str = "
SELECT ?wanted ?node (MIN(?rank) AS ?best) WHERE {
  VALUES (?property ?rank) {
    (rdfs:label 1) (skos:prefLabel 1) (schema:name 1) (foaf:name 1)
    (skos:altLabel 2) (schema:alternateName 2)
  }
  ?node ?property ?name .
  FILTER(isIRI(?node) && LCASE(STR(?name)) = LCASE(STR(?wanted)))
}
GROUP BY ?wanted ?node
ORDER BY ?best ?node";

/// A short reading of a node: what a person would call it.
pub fn caption(store: &Store, iri: &NamedNode) -> Result<Option<String>> {
    let rows = select(store, CAPTION, &[("target", iri.clone().into())])?;
    let Some(row) = rows.first() else { return Ok(None) };
    let text = |name: &str| row.get(name).map(render::show_term);
    if let Some(label) = text("label") {
        return Ok(Some(label));
    }
    if let Some(value) = text("value") {
        let mut parts = vec![value];
        parts.extend(text("unit"));
        parts.extend(text("measure"));
        parts.extend(text("about"));
        parts.extend(text("date").map(|d| format!("as of {d}")));
        return Ok(Some(parts.join(" ")));
    }
    Ok(text("text").map(|t| format!("“{}”", render::cut(&t, 60))))
}

const CAPTION: &str = "
SELECT ?target ?label ?value ?unit ?measure ?about ?date ?text WHERE {
  OPTIONAL { ?target rdfs:label ?label }
  OPTIONAL { ?target schema:value ?value }
  OPTIONAL { ?target gk:unit ?unit }
  OPTIONAL { ?target schema:variableMeasured ?m BIND(STRAFTER(STR(?m), '#') AS ?measure) }
  OPTIONAL { ?target schema:observationAbout/rdfs:label ?aboutLabel BIND(CONCAT('of ', ?aboutLabel) AS ?about) }
  OPTIONAL { ?target schema:observationDate ?date }
  OPTIONAL { ?target schema:text ?text }
}
LIMIT 1";

/// Runs a SELECT with variables bound by name, and collects its rows.
pub fn select(store: &Store, sparql: &str, bindings: &[(&str, Term)]) -> Result<Vec<QuerySolution>> {
    let bindings: Vec<(Variable, Term)> =
        bindings.iter().map(|(name, value)| (Variable::new_unchecked(*name), value.clone())).collect();
    match store.query(sparql, &bindings, None)? {
        QueryResults::Solutions(solutions) => Ok(solutions.collect::<Result<Vec<_>, _>>()?),
        _ => bail!("expected a SELECT query"),
    }
}

/// A literal's text, or an IRI's prefixed name, of a solution's variable.
pub fn text(row: &QuerySolution, name: &str) -> Option<String> {
    row.get(name).map(render::show_term)
}

/// An integer of a solution's variable (offsets, counts).
pub fn integer(row: &QuerySolution, name: &str) -> Option<usize> {
    match row.get(name) {
        Some(Term::Literal(literal)) => literal.value().parse().ok(),
        _ => None,
    }
}
