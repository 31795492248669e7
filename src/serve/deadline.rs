//! Running queries and updates within the time limit.
//!
//! Oxigraph stops an evaluation when its cancellation token is fired, but
//! it looks at the token only when it reads the store: a cross product it
//! computes in memory can run on for hours without looking. So each
//! evaluation runs on a thread of its own while the connection's thread
//! waits for it until the limit, fires the token and answers 503; a query
//! still running then is left to stop at its next read of the store (or
//! to finish), its answer dropped. Those left running are counted, and
//! past a bound new work is refused, so runaway queries cannot pile up.
//!
//! An update is never left running: its client waits until it has stopped
//! (or, had it already passed the point of no return, been applied), so the
//! answer says truly whether the store changed.

use oxigraph::sparql::CancellationToken;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Duration;

/// Why work gave no result.
#[derive(Debug)]
pub enum Overrun {
    /// The limit passed; the work was told to stop.
    TimedOut,
    /// Too many evaluations are running already (the number).
    Busy(usize),
    /// No thread could be started, or the work panicked.
    Failed(String),
}

/// The evaluations running now, on their own threads.
pub struct Evaluations {
    running: Arc<AtomicUsize>,
    /// Most evaluations running at once, abandoned ones included.
    max: usize,
}

/// Counts an evaluation as running while it lives, panics included.
struct Running(Arc<AtomicUsize>);

impl Drop for Running {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Evaluations {
    pub fn new(max: usize) -> Self {
        Self { running: Arc::new(AtomicUsize::new(0)), max }
    }

    /// Runs `work` with a token fired at `limit`; gives up waiting then.
    pub fn within<T: Send + 'static>(
        &self,
        limit: Duration,
        work: impl FnOnce(CancellationToken) -> T + Send + 'static,
    ) -> Result<T, Overrun> {
        self.run(limit, false, work)
    }

    /// Runs `work` with a token fired at `limit`, and waits for it to end
    /// however long that takes.
    pub fn to_the_end<T: Send + 'static>(
        &self,
        limit: Duration,
        work: impl FnOnce(CancellationToken) -> T + Send + 'static,
    ) -> Result<T, Overrun> {
        self.run(limit, true, work)
    }

    fn run<T: Send + 'static>(
        &self,
        limit: Duration,
        wait_after_limit: bool,
        work: impl FnOnce(CancellationToken) -> T + Send + 'static,
    ) -> Result<T, Overrun> {
        let running = self.running.fetch_add(1, Ordering::SeqCst);
        let counted = Running(Arc::clone(&self.running));
        if running >= self.max {
            return Err(Overrun::Busy(running));
        }
        let token = CancellationToken::new();
        let (done, result) = mpsc::sync_channel(1);
        let worker_token = token.clone();
        thread::Builder::new()
            .name("sparql evaluation".into())
            .spawn(move || {
                let _counted = counted;
                // The receiver may have stopped waiting: nothing to do then.
                done.send(work(worker_token)).ok();
            })
            .map_err(|err| Overrun::Failed(format!("cannot start an evaluation thread: {err}")))?;
        let panicked = || Overrun::Failed("the evaluation stopped unexpectedly (see the server's log)".into());
        match result.recv_timeout(limit) {
            Ok(value) => Ok(value),
            Err(RecvTimeoutError::Disconnected) => Err(panicked()),
            Err(RecvTimeoutError::Timeout) => {
                token.cancel();
                if wait_after_limit { result.recv().map_err(|_| panicked()) } else { Err(Overrun::TimedOut) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    #[test]
    fn work_past_the_limit_is_cancelled_and_not_waited_for() {
        let evaluations = Evaluations::new(4);
        let started = Instant::now();
        let outcome = evaluations.within(Duration::from_millis(100), |token| {
            while !token.is_cancelled() {
                thread::sleep(Duration::from_millis(10));
            }
            thread::sleep(Duration::from_millis(500));
        });
        assert!(matches!(outcome, Err(Overrun::TimedOut)));
        assert!(started.elapsed() < Duration::from_millis(400));
        assert_eq!(evaluations.within(Duration::from_secs(1), |_| 7).unwrap(), 7);
    }

    #[test]
    fn an_update_is_waited_for_to_the_end() {
        let evaluations = Evaluations::new(4);
        let outcome = evaluations.to_the_end(Duration::from_millis(50), |token| {
            thread::sleep(Duration::from_millis(200));
            token.is_cancelled()
        });
        assert!(outcome.unwrap(), "cancelled, and its own answer given");
    }

    #[test]
    fn too_many_running_are_refused() {
        let evaluations = Evaluations::new(1);
        let slow = evaluations.within(Duration::from_millis(10), |_| thread::sleep(Duration::from_millis(300)));
        assert!(matches!(slow, Err(Overrun::TimedOut)));
        assert!(matches!(evaluations.within(Duration::from_secs(1), |_| ()), Err(Overrun::Busy(1))));
        thread::sleep(Duration::from_millis(500));
        assert!(evaluations.within(Duration::from_secs(1), |_| ()).is_ok(), "free again once it ends");
    }
}
