//! govkg turns English news reports on how Chinese government agencies and
//! officials use microblogs into an RDF knowledge graph, stored in an
//! embedded Oxigraph store and questioned in SPARQL.
//!
//! The path of an article: [`article`] reads the file and its page layout,
//! [`extract`] reads facts from its sentences by rules, [`graph`] turns them
//! into quads of the article's named graph, and [`store`] keeps them.

pub mod article;
pub mod chart;
pub mod cli;
pub mod date;
pub mod describe;
pub mod emit;
pub mod extract;
pub mod graph;
pub mod lexicon;
pub mod lookup;
pub mod pipeline;
pub mod progress;
pub mod provenance;
pub mod queries;
pub mod remote;
pub mod render;
pub mod repl;
pub mod serve;
pub mod store;
#[cfg(feature = "shacl")]
pub mod validate;
