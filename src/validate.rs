//! `govkg validate`: checks the store's default graph (the merge of every
//! article graph, the ontology and the gazetteer) against the SHACL shapes
//! of `ontology/shapes.ttl`, with rudof's SHACL engine (`shacl_validation`),
//! and tells which facts are not well formed and why.
//!
//! A violation is reported with the shape's own `sh:message` (rudof keeps
//! only its generic one, such as "MinCount(1) not satisfied", so the message
//! is looked up in the shapes graph by the shape that failed).

use crate::graph::reference::SHAPES_TTL;
use crate::graph::vocab::SH;
use crate::render::{prefixed, show_term};
use crate::store::Store;
use anyhow::{Context, Result, anyhow, bail};
use oxigraph::model::{GraphNameRef, Term};
use rudof_rdf::rdf_core::term::Object;
use rudof_rdf::rdf_core::{RDFFormat, SHACLPath};
use rudof_rdf::rdf_impl::{InMemoryGraph, ReaderMode};
use shacl_ir::compiled::schema_ir::SchemaIR;
use shacl_validation::focus_nodes::FocusNodes;
use shacl_validation::shacl_engine::Engine;
use shacl_validation::shacl_engine::native::NativeEngine;
use shacl_validation::shape_validation::{FocusNodesOps, Validate};
use shacl_validation::validation_report::result::ValidationResult;
use std::collections::HashMap;
use std::io::Write;

/// Where the shapes come from, as named in messages.
pub const SHAPES_SOURCE: &str = "ontology/shapes.ttl";

/// The exit status of `govkg validate` when the graph does not conform (1
/// is for errors, so scripts can tell the two apart).
pub const NONCONFORMING: u8 = 3;

/// One fact that breaks a shape.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Violation {
    /// The node the shape was checked on, as a prefixed name where possible.
    pub focus: String,
    /// The property path that failed, if the shape is a property shape.
    pub path: Option<String>,
    /// The offending value, when the constraint is about one value.
    pub value: Option<String>,
    /// The shape's `sh:message`, or rudof's own when it has none.
    pub message: String,
}

/// What validation found.
#[derive(Debug)]
pub struct Outcome {
    /// Node shapes with targets, i.e. shapes that were checked.
    pub shapes: usize,
    /// Sorted, each once.
    pub violations: Vec<Violation>,
}

impl Outcome {
    pub fn conforms(&self) -> bool {
        self.violations.is_empty()
    }
}

/// The compiled shapes, and the `sh:message` of each shape node.
struct Shapes {
    schema: SchemaIR,
    messages: HashMap<Term, String>,
}

/// Validates the store's default graph against `ontology/shapes.ttl`.
pub fn validate(store: &Store) -> Result<Outcome> {
    let shapes = shapes()?;
    let data = data_graph(store)?;
    let mut engine = NativeEngine::new();
    engine.build_indexes(&data).map_err(|e| anyhow!("{e}")).context("cannot index the data graph")?;
    let mut violations = Vec::new();
    for (_, shape) in shapes.schema.iter_with_targets() {
        for focus in shape.focus_nodes(&data, &engine).iter() {
            let results = shape
                .validate(&data, &mut engine, Some(&FocusNodes::single(focus.clone())), Some(shape), &shapes.schema)
                .map_err(|e| anyhow!("{e}"))
                .with_context(|| format!("cannot validate {} against {}", show_term(focus), show_object(shape.id())))?;
            violations.extend(results.iter().map(|r| violation(r, focus, &shapes)));
        }
    }
    violations.sort();
    violations.dedup();
    Ok(Outcome { shapes: shapes.schema.iter_with_targets().count(), violations })
}

/// Parses and compiles the shipped shapes, keeping their messages.
fn shapes() -> Result<Shapes> {
    let graph = InMemoryGraph::from_str(SHAPES_TTL, &RDFFormat::Turtle, None, &ReaderMode::Strict)
        .map_err(|e| anyhow!("{e}"))
        .with_context(|| format!("{SHAPES_SOURCE} does not parse"))?;
    let messages = messages(&graph);
    let schema = shacl_rdf::ShaclParser::new(graph)
        .parse()
        .map_err(|e| anyhow!("{e}"))
        .with_context(|| format!("{SHAPES_SOURCE} is not valid SHACL"))?;
    let schema = SchemaIR::try_from(schema)
        .map_err(|e| anyhow!("{e}"))
        .with_context(|| format!("cannot compile the shapes of {SHAPES_SOURCE}"))?;
    Ok(Shapes { schema, messages })
}

/// The `sh:message` of each shape, by shape node (English if there is a
/// choice). The shapes graph is the one rudof compiles, so blank node
/// shapes keep their identifiers.
fn messages(graph: &InMemoryGraph) -> HashMap<Term, String> {
    let sh_message = format!("{SH}message");
    let mut messages: HashMap<Term, String> = HashMap::new();
    for quad in graph.quads() {
        if quad.predicate.as_str() != sh_message {
            continue;
        }
        let Term::Literal(literal) = quad.object else {
            continue;
        };
        let english = literal.language().is_none_or(|l| l.starts_with("en"));
        let entry = messages.entry(quad.subject.into());
        if english {
            entry.insert_entry(literal.value().to_string());
        } else {
            entry.or_insert_with(|| literal.value().to_string());
        }
    }
    messages
}

/// The store's default graph as rudof's in-memory graph. govkg never writes
/// RDF 1.2 triple terms, but `.load` may bring them, and rudof 0.2 panics
/// when it compares one, so a graph holding one is refused.
fn data_graph(store: &Store) -> Result<InMemoryGraph> {
    let mut graph = InMemoryGraph::new();
    for quad in store.oxigraph().quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph)) {
        let quad = quad.context("cannot read the store")?;
        if matches!(quad.object, Term::Triple(_)) {
            bail!(
                "cannot validate: {} {} has an RDF 1.2 triple term as its value, which rudof's SHACL engine does not \
                 support",
                show_term(&quad.subject.clone().into()),
                prefixed(quad.predicate.as_str())
            );
        }
        graph
            .add_triple_ref(quad.subject.as_ref(), quad.predicate.as_ref(), quad.object.as_ref())
            .map_err(|e| anyhow!("{e}"))
            .context("cannot copy the store's default graph")?;
    }
    Ok(graph)
}

/// A rudof validation result, of validating `focus`, as govkg shows it.
///
/// Shapes are validated one focus node at a time because rudof 0.2 reports
/// some constraints (`sh:or`, `sh:lessThanOrEquals`) with the property
/// shape, not the data node, as the focus node; such a result is put back
/// on `focus`, and the shape it names gives the message.
fn violation(result: &ValidationResult, focus: &Term, shapes: &Shapes) -> Violation {
    let reported = result.focus_node();
    let names_shape = shapes.schema.get_shape(reported).is_some();
    let message = result
        .source()
        .into_iter()
        .chain(names_shape.then_some(reported))
        .filter_map(shape_term)
        .find_map(|shape| shapes.messages.get(&shape).cloned())
        .or_else(|| result.message().map(str::to_string))
        .unwrap_or_else(|| format!("violates {}", show_object(result.component())));
    Violation {
        focus: if names_shape { show_term(focus) } else { show_object(reported) },
        path: result.path().map(show_path),
        value: result.value().filter(|v| *v != reported).map(show_object),
        message,
    }
}

/// A shape node (an IRI or a blank node) as an oxigraph term.
fn shape_term(shape: &Object) -> Option<Term> {
    match shape {
        Object::Iri(iri) => oxigraph::model::NamedNode::new(iri.as_str()).ok().map(Term::from),
        Object::BlankNode(id) => oxigraph::model::BlankNode::new(id).ok().map(Term::from),
        _ => None,
    }
}

/// A node as a person reads it: IRIs as prefixed names, literals as text.
fn show_object(object: &Object) -> String {
    match object {
        Object::Iri(iri) => prefixed(iri.as_str()),
        Object::BlankNode(id) => format!("_:{id}"),
        Object::Literal(literal) => show_term(&Term::Literal(literal.into())),
        Object::Triple { subject, predicate, object } => {
            format!("<<( {} {} {} )>>", subject, prefixed(predicate.as_str()), show_object(object))
        }
    }
}

/// A SHACL property path in SPARQL syntax, with prefixed names.
fn show_path(path: &SHACLPath) -> String {
    let join = |paths: &[SHACLPath], separator: &str| paths.iter().map(show_path).collect::<Vec<_>>().join(separator);
    match path {
        SHACLPath::Predicate { pred } => prefixed(pred.as_str()),
        SHACLPath::Sequence { paths } => join(paths, "/"),
        SHACLPath::Alternative { paths } => format!("({})", join(paths, "|")),
        SHACLPath::Inverse { path } => format!("^{}", show_path(path)),
        SHACLPath::ZeroOrMore { path } => format!("{}*", show_path(path)),
        SHACLPath::OneOrMore { path } => format!("{}+", show_path(path)),
        SHACLPath::ZeroOrOne { path } => format!("{}?", show_path(path)),
    }
}

/// Writes one line per violation, then a summary line.
pub fn write_text(outcome: &Outcome, out: &mut dyn Write) -> Result<()> {
    for violation in &outcome.violations {
        writeln!(out, "{}", line(violation))?;
    }
    writeln!(out, "{}", summary(outcome))?;
    Ok(())
}

/// `focus path: message (value …)`.
fn line(violation: &Violation) -> String {
    let mut line = violation.focus.clone();
    if let Some(path) = &violation.path {
        line.push(' ');
        line.push_str(path);
    }
    line.push_str(": ");
    line.push_str(&violation.message);
    if let Some(value) = &violation.value {
        line.push_str(&format!(" (value: {value})"));
    }
    line
}

fn summary(outcome: &Outcome) -> String {
    match outcome.violations.len() {
        0 => format!("the graph conforms to {SHAPES_SOURCE} ({} shapes)", outcome.shapes),
        1 => "1 violation".to_string(),
        n => format!("{n} violations"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_shapes_compile_with_their_messages() {
        let shapes = shapes().expect("shapes compile");
        assert!(shapes.schema.iter_with_targets().count() >= 6);
        assert!(shapes.messages.values().any(|m| m.contains("gk:qualifier")));
    }

    #[test]
    fn paths_show_as_sparql_paths() {
        let pred = |local: &str| SHACLPath::iri(crate::graph::vocab::term(SH, local).into());
        let path = SHACLPath::sequence(vec![pred("path"), SHACLPath::inverse(pred("node"))]);
        assert_eq!(show_path(&path), "sh:path/^sh:node");
    }
}
