//! Running a request's SPARQL on the store within the endpoint's limits:
//! the time limit, the row cap, and no SERVICE calls.
//!
//! Answers are written to memory, at most `max_rows` rows of them, before
//! anything is sent: a query stopped half-way is then a clean 503 (or 400,
//! for too many rows), never a 200 whose body breaks off. A query that
//! would give more rows than the cap is refused whole rather than cut,
//! so that no client mistakes part of an answer for all of it.
//!
//! govkg builds oxigraph without its HTTP client, so every SERVICE call
//! fails and the query is answered 403. `SERVICE SILENT` asks for failures
//! to be ignored, and so, as SPARQL says, contributes no bindings.

use super::deadline::{Evaluations, Overrun};
use super::negotiate::{self, GRAPH_FORMATS, SOLUTION_FORMATS};
use super::reply::Refusal;
use super::request::{QueryRequest, UpdateRequest};
use super::settings::Limits;
use crate::graph::vocab::PREFIXES;
use crate::store::{self, Store};
use oxhttp::model::StatusCode;
use oxigraph::io::RdfSerializer;
use oxigraph::sparql::results::QueryResultsSerializer;
use oxigraph::sparql::{
    CancellationToken, QueryEvaluationError, QueryResults, SparqlSyntaxError, UpdateEvaluationError,
};
use std::sync::{Mutex, PoisonError};

/// An answer ready to send.
pub struct Answer {
    pub media_type: &'static str,
    pub body: Vec<u8>,
}

/// Answers a query, in the format the request asks for (`accept` is its
/// Accept header).
pub fn query(
    evaluations: &Evaluations,
    store: &Store,
    request: QueryRequest,
    accept: Option<String>,
    limits: Limits,
) -> Result<Answer, Refusal> {
    let dataset = store.oxigraph().clone();
    evaluations
        .within(limits.timeout, move |token| answer(&dataset, &request, accept.as_deref(), limits, &token))
        .map_err(|overrun| overran(overrun, limits))?
}

/// Applies an update and saves the store. `writes` lets one update at a
/// time change and save the store, so saved snapshots never mix two.
pub fn update(
    evaluations: &Evaluations,
    store: &Store,
    request: UpdateRequest,
    limits: Limits,
    writes: &Mutex<()>,
) -> Result<(), Refusal> {
    let dataset = store.oxigraph().clone();
    let _writing = writes.lock().unwrap_or_else(PoisonError::into_inner);
    evaluations
        .to_the_end(limits.timeout, move |token| apply(&dataset, &request, limits, &token))
        .map_err(|overrun| overran(overrun, limits))??;
    store.persist().map_err(|err| {
        Refusal::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("the update was applied but the store could not be saved: {err:#}"),
        )
    })
}

fn answer(
    dataset: &oxigraph::store::Store,
    request: &QueryRequest,
    accept: Option<&str>,
    limits: Limits,
    token: &CancellationToken,
) -> Result<Answer, Refusal> {
    let mut prepared =
        store::evaluator().with_cancellation_token(token.clone()).parse_query(&request.text).map_err(invalid_sparql)?;
    request.graphs.apply(prepared.dataset_mut());
    let failed = |error| query_failed(error, token, limits);
    let format = request.format.as_deref();
    match prepared.on_store(dataset).execute().map_err(failed)? {
        QueryResults::Boolean(value) => {
            let chosen = negotiate::choose(&SOLUTION_FORMATS, format, accept)?;
            let body = QueryResultsSerializer::from_format(chosen)
                .serialize_boolean_to_writer(Vec::new(), value)
                .map_err(cannot_write)?;
            Ok(Answer { media_type: chosen.media_type(), body })
        }
        QueryResults::Solutions(solutions) => {
            let chosen = negotiate::choose(&SOLUTION_FORMATS, format, accept)?;
            let mut writer = QueryResultsSerializer::from_format(chosen)
                .serialize_solutions_to_writer(Vec::new(), solutions.variables().to_vec())
                .map_err(cannot_write)?;
            for (row, solution) in solutions.enumerate() {
                if row == limits.max_rows {
                    return Err(too_many_rows(limits));
                }
                writer.serialize(&solution.map_err(failed)?).map_err(cannot_write)?;
            }
            Ok(Answer { media_type: chosen.media_type(), body: writer.finish().map_err(cannot_write)? })
        }
        QueryResults::Graph(triples) => {
            let chosen = negotiate::choose(&GRAPH_FORMATS, format, accept)?;
            let mut serializer = RdfSerializer::from_format(chosen);
            for (prefix, namespace) in PREFIXES {
                serializer = serializer.with_prefix(*prefix, *namespace).map_err(cannot_write)?;
            }
            let mut writer = serializer.for_writer(Vec::new());
            for (row, triple) in triples.enumerate() {
                if row == limits.max_rows {
                    return Err(too_many_rows(limits));
                }
                writer.serialize_triple(&triple.map_err(failed)?).map_err(cannot_write)?;
            }
            Ok(Answer { media_type: chosen.media_type(), body: writer.finish().map_err(cannot_write)? })
        }
    }
}

fn apply(
    dataset: &oxigraph::store::Store,
    request: &UpdateRequest,
    limits: Limits,
    token: &CancellationToken,
) -> Result<(), Refusal> {
    let mut prepared = store::evaluator()
        .with_cancellation_token(token.clone())
        .parse_update(&request.text)
        .map_err(invalid_sparql)?;
    for dataset in prepared.using_datasets_mut() {
        request.graphs.apply(dataset);
    }
    prepared.on_store(dataset).execute().map_err(|error| update_failed(error, token, limits))
}

fn overran(overrun: Overrun, limits: Limits) -> Refusal {
    match overrun {
        Overrun::TimedOut => out_of_time(limits),
        Overrun::Busy(running) => Refusal::new(
            StatusCode::SERVICE_UNAVAILABLE,
            format!("{running} queries are running already: try again when they have finished"),
        ),
        Overrun::Failed(message) => Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, message),
    }
}

/// A syntax error, with the line and column oxigraph gives.
fn invalid_sparql(error: SparqlSyntaxError) -> Refusal {
    Refusal::bad_request(format!("invalid SPARQL: {error}"))
}

fn query_failed(error: QueryEvaluationError, token: &CancellationToken, limits: Limits) -> Refusal {
    match error {
        _ if token.is_cancelled() => out_of_time(limits),
        QueryEvaluationError::Cancelled => out_of_time(limits),
        QueryEvaluationError::UnsupportedService(_)
        | QueryEvaluationError::Service(_)
        | QueryEvaluationError::UnboundService
        | QueryEvaluationError::InvalidServiceName(_) => service_refused(),
        other => Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, format!("the query failed: {other}")),
    }
}

fn update_failed(error: UpdateEvaluationError, token: &CancellationToken, limits: Limits) -> Refusal {
    match error {
        _ if token.is_cancelled() => out_of_time(limits),
        UpdateEvaluationError::UnsupportedService(_)
        | UpdateEvaluationError::Service(_)
        | UpdateEvaluationError::UnboundService
        | UpdateEvaluationError::InvalidServiceName(_) => service_refused(),
        error @ (UpdateEvaluationError::GraphAlreadyExists(_) | UpdateEvaluationError::GraphDoesNotExist(_)) => {
            Refusal::bad_request(format!("the update failed: {error}"))
        }
        other => Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, format!("the update failed: {other}")),
    }
}

fn out_of_time(limits: Limits) -> Refusal {
    Refusal::new(
        StatusCode::SERVICE_UNAVAILABLE,
        format!(
            "stopped after the time limit of {} s (govkg serve --timeout): narrow the query or add a LIMIT",
            limits.timeout.as_secs()
        ),
    )
}

fn too_many_rows(limits: Limits) -> Refusal {
    Refusal::bad_request(format!(
        "the answer has more than {} rows (govkg serve --max-rows) and is not sent in part: add a LIMIT, \
         or page with LIMIT and OFFSET",
        limits.max_rows
    ))
}

fn service_refused() -> Refusal {
    Refusal::new(
        StatusCode::FORBIDDEN,
        "SERVICE is refused: this endpoint never calls other endpoints (govkg is built without an HTTP client)",
    )
}

fn cannot_write(error: impl std::fmt::Display) -> Refusal {
    Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, format!("cannot write the answer: {error}"))
}
