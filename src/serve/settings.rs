//! What `govkg serve` was asked to do, checked: the options as typed
//! resolved into the address, permissions and limits the endpoint enforces.

use crate::cli::ServeArgs;
use anyhow::{Result, bail};
use std::net::SocketAddr;
use std::time::Duration;

/// The endpoint's resolved settings.
#[derive(Clone, Debug)]
pub struct Settings {
    pub bind: SocketAddr,
    /// SPARQL Update is applied (and the store saved) rather than refused.
    pub writable: bool,
    pub limits: Limits,
    /// Connections served at once.
    pub connections: usize,
}

/// What one request may cost.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Longest a query or update may run.
    pub timeout: Duration,
    /// Most rows (SELECT) or triples (CONSTRUCT, DESCRIBE) in an answer.
    pub max_rows: usize,
    /// Largest request body, in bytes.
    pub max_body: usize,
}

impl TryFrom<&ServeArgs> for Settings {
    type Error = anyhow::Error;

    fn try_from(args: &ServeArgs) -> Result<Self> {
        if !args.bind.ip().is_loopback() && !args.allow_remote {
            bail!(
                "{} is not a loopback address: anyone who can reach it could query the graph, with no \
                 authentication; add --allow-remote if that is what you want",
                args.bind.ip()
            );
        }
        Ok(Self {
            bind: args.bind,
            writable: args.writable,
            limits: Limits {
                timeout: Duration::from_secs(args.timeout),
                max_rows: saturating_usize(args.max_rows),
                max_body: saturating_usize(args.max_body),
            },
            connections: saturating_usize(args.connections),
        })
    }
}

/// clap parses the limits as u64; on a 32-bit target a larger value means
/// "as many as the machine can address".
fn saturating_usize(value: u64) -> usize {
    usize::try_from(value).unwrap_or(usize::MAX)
}
