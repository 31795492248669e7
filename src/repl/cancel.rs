//! Ctrl-C while a query runs cancels that query and returns to the prompt.
//! At the prompt the line editor reads Ctrl-C as a key (it clears the
//! line), so the signal only arrives while govkg is working; when no query
//! is running it ends govkg as it would without this handler, except just
//! after a query ended: a Ctrl-C pressed twice to stop a query, the second
//! landing before the prompt is back, is not meant to leave the shell.

use oxigraph::sparql::{CancellationToken, QueryEvaluationError};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The token of the query running now, if any, and when the last one ended.
static RUNNING: Mutex<(Option<CancellationToken>, Option<Instant>)> = Mutex::new((None, None));

/// How long after a query ends a Ctrl-C is still taken as meant for it.
const GRACE: Duration = Duration::from_secs(1);

/// Installs the SIGINT handler, once per process.
pub fn install() -> anyhow::Result<()> {
    ctrlc::set_handler(|| {
        let (running, ended) = RUNNING.lock().map(|state| state.clone()).unwrap_or((None, None));
        match running {
            Some(token) => token.cancel(),
            None if ended.is_some_and(|ended| ended.elapsed() < GRACE) => {}
            None => std::process::exit(130),
        }
    })?;
    Ok(())
}

/// A query's cancellation token, armed for Ctrl-C until dropped.
pub struct Guard {
    token: CancellationToken,
}

impl Guard {
    pub fn arm() -> Self {
        let token = CancellationToken::new();
        if let Ok(mut running) = RUNNING.lock() {
            running.0 = Some(token.clone());
        }
        Self { token }
    }

    pub fn token(&self) -> CancellationToken {
        self.token.clone()
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        if let Ok(mut running) = RUNNING.lock() {
            *running = (None, Some(Instant::now()));
        }
    }
}

/// Says "cancelled" in words when the error is a cancellation.
pub fn explain(err: anyhow::Error) -> anyhow::Error {
    let cancelled = err
        .chain()
        .any(|cause| matches!(cause.downcast_ref::<QueryEvaluationError>(), Some(QueryEvaluationError::Cancelled)));
    if cancelled { anyhow::anyhow!("query cancelled (Ctrl-C)") } else { err }
}
