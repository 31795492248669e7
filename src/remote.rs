//! Remote SPARQL stores (Virtuoso, QLever, Fuseki, Oxigraph's server, ...):
//! `govkg push` sends each named graph of the local store with the SPARQL
//! 1.1 Graph Store HTTP Protocol, and `govkg query --endpoint` runs a query
//! with the SPARQL 1.1 Protocol. Results are read with oxigraph's parsers and
//! rendered as local results are.

use crate::graph::vocab::PREFIXES;
use crate::store::Store;
use anyhow::{Context, Result, anyhow, bail};
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{GraphNameRef, NamedOrBlankNode};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsParser};
use oxigraph::sparql::{QueryEvaluationError, QueryResults, QueryTripleIter};
use std::time::Duration;

/// How long a remote store may take to answer one request.
const TIMEOUT: Duration = Duration::from_secs(300);

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(TIMEOUT))
        // Error statuses are read and reported with the store's message.
        .http_status_as_error(false)
        .build()
        .into()
}

/// Sends every named graph of `store` to the Graph Store Protocol endpoint
/// `endpoint` (for example Virtuoso's `http://host:8890/sparql-graph-crud`),
/// one PUT per graph: the remote graph becomes exactly the local one, so
/// pushing twice changes nothing. Calls `progress` after each graph; returns
/// the number of graphs and of triples sent.
pub fn push(store: &Store, endpoint: &str, mut progress: impl FnMut()) -> Result<(usize, usize)> {
    let agent = agent();
    let (mut graphs, mut triples) = (0, 0);
    for graph in store.oxigraph().named_graphs() {
        let NamedOrBlankNode::NamedNode(graph) = graph? else {
            continue; // a blank node cannot be named in a request
        };
        let mut body = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(Vec::new());
        for quad in store.oxigraph().quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph.as_ref())))
        {
            body.serialize_triple(quad?.as_ref())?;
            triples += 1;
        }
        let body = body.finish()?;
        // N-Triples is Turtle, and every Graph Store Protocol server takes Turtle.
        let response = agent
            .put(endpoint)
            .query("graph", graph.as_str())
            .header("Content-Type", "text/turtle")
            .send(&body[..])
            .with_context(|| format!("cannot reach {endpoint}"))?;
        check(response, endpoint).with_context(|| format!("cannot store graph <{}>", graph.as_str()))?;
        graphs += 1;
        progress();
    }
    Ok((graphs, triples))
}

/// Runs `sparql` (with govkg's prefixes declared) on the SPARQL endpoint
/// `endpoint`. The query is checked here first, so a typo gets the same
/// message as a local query.
pub fn query(endpoint: &str, sparql: &str) -> Result<QueryResults<'static>> {
    let declared: String =
        PREFIXES.iter().map(|(prefix, namespace)| format!("PREFIX {prefix}: <{namespace}>\n")).collect();
    let text = format!("{declared}{sparql}");
    // Checked only: the remote store answers the text as written.
    let _checked = crate::store::evaluator().parse_query(&text).map_err(|e| anyhow!("invalid SPARQL: {e}"))?;
    let response = agent()
        .post(endpoint)
        .header("Accept", "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8")
        // The form encoding: every SPARQL server takes it (Virtuoso 7 does
        // not read a bare application/sparql-query body).
        .send_form([("query", text.as_str())])
        .with_context(|| format!("cannot reach {endpoint}"))?;
    let response = check(response, endpoint)?;
    let media_type = response
        .headers()
        .get("Content-Type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let reader = response.into_body().into_reader();
    if let Some(format) = QueryResultsFormat::from_media_type(&media_type) {
        let parsed = QueryResultsParser::from_format(format)
            .for_reader(reader)
            .with_context(|| format!("{endpoint} sent unreadable results"))?;
        return Ok(parsed.into());
    }
    if let Some(format) = RdfFormat::from_media_type(&media_type) {
        let triples = RdfParser::from_format(format)
            .for_reader(reader)
            .map(|quad| quad.map(Into::into).map_err(|e| QueryEvaluationError::Service(Box::new(e))));
        return Ok(QueryResults::Graph(QueryTripleIter::new(triples)));
    }
    bail!("{endpoint} answered with {media_type:?}, which is neither SPARQL results nor RDF")
}

/// The response if its status is a success, else an error with the status
/// and the start of what the server said.
fn check(response: ureq::http::Response<ureq::Body>, endpoint: &str) -> Result<ureq::http::Response<ureq::Body>> {
    let status = response.status();
    if status.is_success() {
        return Ok(response);
    }
    let mut response = response;
    let text = response.body_mut().read_to_string().unwrap_or_default();
    let message: String = text.trim().chars().take(300).collect();
    bail!("{endpoint} answered {status}: {message}")
}
