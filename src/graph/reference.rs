//! The graphs that come with govkg rather than from articles: the ontology
//! (parsed from `ontology/govkg.ttl`) and the gazetteer's entities with
//! their names, kinds, parents and operators.

use super::description;
use super::iri;
use super::vocab::*;
use crate::extract::gazetteer::{EntityKind, gazetteer};
use crate::extract::known_entity;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, NamedNode, Quad};

/// The ontology's Turtle source, as shipped.
pub const ONTOLOGY_TTL: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/ontology/govkg.ttl"));

/// The SHACL shapes, as shipped.
pub const SHAPES_TTL: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/ontology/shapes.ttl"));

/// The ontology's quads, in its own named graph.
///
/// # Panics
/// If the shipped ontology does not parse (a bug caught by the tests).
pub fn ontology_quads() -> Vec<Quad> {
    let graph = NamedNode::new_unchecked(ONTOLOGY_GRAPH);
    RdfParser::from_format(RdfFormat::Turtle)
        .with_default_graph(graph)
        .for_slice(ONTOLOGY_TTL.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .expect("ontology/govkg.ttl parses")
}

/// The gazetteer's entities, in the gazetteer graph.
pub fn gazetteer_quads() -> Vec<Quad> {
    let graph = GraphName::NamedNode(NamedNode::new_unchecked(GAZETTEER_GRAPH));
    let mut quads = Vec::new();
    let mut add = |s: &NamedNode, p: &NamedNode, o: oxigraph::model::Term| {
        quads.push(Quad::new(s.clone(), p.clone(), o, graph.clone()));
    };
    for entry in gazetteer().entries() {
        if matches!(entry.kind, EntityKind::Place { .. }) {
            continue;
        }
        let mut entity = known_entity(entry, entry.name);
        entity.aliases = gazetteer().aliases_of(entry).iter().map(|alias| alias.to_string()).collect();
        let node = iri::entity(&entity.key);
        for (predicate, object) in description(&entity) {
            add(&node, predicate, object);
        }
    }
    quads
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ontology_parses_into_its_graph() {
        let quads = ontology_quads();
        assert!(quads.len() > 100);
        assert!(quads.iter().all(|q| q.graph_name.to_string() == format!("<{ONTOLOGY_GRAPH}>")));
    }

    #[test]
    fn gazetteer_parents_and_operators_point_to_known_entities() {
        let quads = gazetteer_quads();
        let subjects: std::collections::HashSet<String> = quads.iter().map(|q| q.subject.to_string()).collect();
        for quad in quads.iter().filter(|q| q.predicate == *GK_OPERATED_BY || q.predicate == *ORG_SUB_ORGANIZATION_OF) {
            assert!(subjects.contains(&quad.object.to_string()), "{quad} points nowhere");
        }
    }
}
