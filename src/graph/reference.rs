//! The graphs that come with govkg rather than from articles: the ontology
//! (parsed from `ontology/govkg.ttl`) and the gazetteer's entities with
//! their names, kinds, parents and operators.

use super::iri;
use super::vocab::*;
use crate::extract::gazetteer::{EntityKind, OrgKind, gazetteer};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad};

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
        let (prefix, classes): (&str, Vec<&NamedNode>) = match entry.kind {
            EntityKind::Platform => ("platform", vec![&GK_PLATFORM]),
            EntityKind::Organization(kind) => {
                let class: &NamedNode = match kind {
                    OrgKind::Company => &GK_COMPANY,
                    OrgKind::Media => &GK_NEWS_ORGANIZATION,
                    OrgKind::Research => &GK_RESEARCH_ORGANIZATION,
                    _ => &GK_GOVERNMENT_AGENCY,
                };
                ("org", vec![class, &ORG_ORGANIZATION])
            }
            EntityKind::Place { .. } => continue,
        };
        let node = iri::entity(&format!("{prefix}-{}", entry.id));
        for class in classes {
            add(&node, &RDF_TYPE, class.clone().into());
        }
        add(&node, &RDFS_LABEL, Literal::new_simple_literal(entry.name).into());
        for alias in gazetteer().aliases_of(entry) {
            add(&node, &SCHEMA_ALTERNATE_NAME, Literal::new_simple_literal(*alias).into());
        }
        if let Some(related) = entry.related {
            let predicate = if entry.kind == EntityKind::Platform { &GK_OPERATED_BY } else { &ORG_SUB_ORGANIZATION_OF };
            add(&node, predicate, iri::entity(&format!("org-{related}")).into());
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
