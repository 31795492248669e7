//! `govkg serve`: the store as a SPARQL 1.1 Protocol endpoint over HTTP, so
//! that YASGUI, rdflib, Jena or curl can question the graph.
//!
//! Safe by default: it listens on loopback only, refuses updates unless
//! `--writable`, never calls other endpoints (SERVICE), stops queries at a
//! time limit and refuses answers past a row cap. Each connection has a
//! thread of its own, up to a bound, so a slow query holds up no other.
//!
//! [`request`] reads an HTTP request as a protocol operation,
//! [`evaluate`] runs it on the store (on a thread [`deadline`] watches),
//! [`negotiate`] picks the answer's format and [`reply`] makes the HTTP
//! response.

mod deadline;
mod evaluate;
mod negotiate;
mod reply;
mod request;
mod settings;

pub use settings::{Limits, Settings};

use crate::store::Store;
use anyhow::{Context, Result};
use deadline::Evaluations;
use oxhttp::model::header::ACCEPT;
use oxhttp::model::{Body, Request, Response, StatusCode};
use oxhttp::{ListeningServer, Server};
use reply::Refusal;
use request::Operation;
use std::io::{ErrorKind, Write};
use std::net::{SocketAddr, TcpListener};
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How long a connection may wait on the client between reads or writes
/// (an idle keep-alive connection is closed after this).
const IDLE_TIMEOUT: Duration = Duration::from_secs(30);

/// The page at `/`, for a person who opens the endpoint in a browser.
const HOME: &str = include_str!("home.html");

/// Serves `store` until the process is stopped.
pub fn run(store: Store, settings: Settings) -> Result<()> {
    if !settings.bind.ip().is_loopback() {
        eprintln!(
            "warning: listening on {}, not loopback: anyone who can reach it can query the graph{}; there is no \
             authentication",
            settings.bind.ip(),
            if settings.writable { " and change it" } else { "" }
        );
    }
    let connections = settings.connections;
    let bind = settings.bind;
    // Room for every connection's query, and as many again abandoned at
    // the time limit and not yet stopped.
    let evaluations = Evaluations::new(connections.saturating_mul(2));
    let endpoint = Arc::new(Endpoint { store, settings, evaluations, writes: Mutex::new(()) });
    let (address, server) = listen(bind, |address| {
        let endpoint = Arc::clone(&endpoint);
        Server::new(move |request| endpoint.respond(request))
            .bind(address)
            .with_global_timeout(IDLE_TIMEOUT)
            .with_max_concurrent_connections(connections)
            .spawn()
    })?;
    // Scripts and tests read the address (and the port chosen for port 0)
    // from this line. Serving goes on should no one be reading it.
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "listening on http://{address}/query").and_then(|()| stdout.flush()).ok();
    drop(stdout);
    server.join().context("the server stopped")?;
    Ok(())
}

/// Starts the server on `bind`. oxhttp binds when it starts and does not
/// say which port the system picked for port 0, so a free port is found
/// first, and another tried should someone take it in between.
fn listen(
    bind: SocketAddr,
    spawn: impl Fn(SocketAddr) -> std::io::Result<ListeningServer>,
) -> Result<(SocketAddr, ListeningServer)> {
    let cannot_listen = || format!("cannot listen on {bind}");
    if bind.port() != 0 {
        return Ok((bind, spawn(bind).with_context(cannot_listen)?));
    }
    let mut attempts = 0;
    loop {
        let address = TcpListener::bind(bind).and_then(|probe| probe.local_addr()).with_context(cannot_listen)?;
        match spawn(address) {
            Err(err) if err.kind() == ErrorKind::AddrInUse && attempts < 5 => attempts += 1,
            result => return Ok((address, result.with_context(cannot_listen)?)),
        }
    }
}

/// The store and how it is served, shared by the connection threads.
struct Endpoint {
    store: Store,
    settings: Settings,
    evaluations: Evaluations,
    /// Held while an update changes and saves the store.
    writes: Mutex<()>,
}

impl Endpoint {
    /// Answers one request. A panic is a bug, but it costs one 500 and not
    /// the server.
    fn respond(&self, request: &mut Request<Body>) -> Response<Body> {
        let response = panic::catch_unwind(AssertUnwindSafe(|| self.answer(request))).unwrap_or_else(|_| {
            Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, "internal error (see the server's log)").into_response()
        });
        reply::with_cors(response)
    }

    fn answer(&self, request: &mut Request<Body>) -> Response<Body> {
        let limits = self.settings.limits;
        let outcome = request::read(request, limits.max_body).and_then(|operation| match operation {
            Operation::Preflight => Ok(reply::preflight()),
            Operation::Home => Ok(reply::content("text/html; charset=utf-8", HOME.as_bytes().to_vec())),
            Operation::Query(query) => {
                let accept = request.headers().get(ACCEPT).and_then(|value| value.to_str().ok()).map(str::to_owned);
                let answer = evaluate::query(&self.evaluations, &self.store, query, accept, limits)?;
                Ok(reply::content(answer.media_type, answer.body))
            }
            Operation::Update(_) if !self.settings.writable => Err(Refusal::new(
                StatusCode::FORBIDDEN,
                "this endpoint is read-only: start it with `govkg serve --writable` to accept SPARQL Update",
            )),
            Operation::Update(update) => {
                evaluate::update(&self.evaluations, &self.store, update, limits, &self.writes)?;
                Ok(reply::no_content())
            }
        });
        outcome.unwrap_or_else(|refusal| {
            if refusal.status.is_server_error() && refusal.status != StatusCode::SERVICE_UNAVAILABLE {
                eprintln!("error: {}", refusal.message);
            }
            refusal.into_response()
        })
    }
}
