//! Reading and extracting articles on every core, while the calling thread
//! stores what comes out: the build overlaps extraction with loading, and
//! never holds more than a few hundred articles' quads between the two.

use crate::article::{self, Article};
use crate::extract::{self, EntityKind};
use crate::graph::{self, iri};
use oxigraph::model::{NamedNode, Quad};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// What became of one article file.
pub enum Outcome {
    /// Same content hash as the stored article: nothing to do.
    Unchanged,
    /// The file could not be read, with the reason.
    Failed(PathBuf, String),
    Extracted(Extracted),
}

/// An article's graph, ready to store.
pub struct Extracted {
    /// The article's IRI, which names its graph.
    pub doc: NamedNode,
    pub quads: Vec<Quad>,
    pub figures: usize,
    /// The entities it mentions, as (kind, key).
    pub entities: Vec<(&'static str, String)>,
}

/// Articles in flight between the extracting threads and the storing one:
/// enough to keep extracting while the storing side is busy, few enough to
/// keep memory flat (a few hundred kilobytes of quads each).
const IN_FLIGHT: usize = 256;

/// Extracts the articles of `files` on all cores and hands their outcomes,
/// in no particular order, to `consume` on the calling thread, as an
/// iterator that yields each as soon as it is ready. A file whose content
/// hash is its article's in `skip` is `Unchanged` without being laid out; a
/// file over `max_bytes` is `Failed` unread. When `consume` returns, whether
/// or not it read every outcome, the workers stop.
pub fn extract_all<R>(
    files: &[PathBuf],
    skip: &HashMap<String, String>,
    max_bytes: u64,
    consume: impl FnOnce(&mut dyn Iterator<Item = Outcome>) -> R,
) -> R {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(files.len().max(1));
    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::sync_channel(IN_FLIGHT);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let sender = sender.clone();
            let next = &next;
            scope.spawn(move || {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(index) else { break };
                    // A closed channel means the consuming side is done.
                    if sender.send(outcome(path, skip, max_bytes)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        let result = consume(&mut receiver.iter());
        // Workers stop at their next file, or at their next send once the
        // channel is closed.
        next.store(files.len(), Ordering::Relaxed);
        drop(receiver);
        result
    })
}

/// Reads (up to `max_bytes`), hashes and (if changed) extracts one article
/// file.
fn outcome(path: &std::path::Path, skip: &HashMap<String, String>, max_bytes: u64) -> Outcome {
    let bytes = match article::read_bytes_at_most(path, max_bytes) {
        Ok(bytes) => bytes,
        Err(err) => return Outcome::Failed(path.into(), err.to_string()),
    };
    let id = path.file_stem().map_or_else(|| "article".into(), |stem| stem.to_string_lossy().into_owned());
    let doc = iri::article(&id);
    if skip.get(doc.as_str()).is_some_and(|hash| *hash == article::content_hash(&bytes)) {
        return Outcome::Unchanged;
    }
    match Article::from_bytes(path, &bytes) {
        Ok(article) => Outcome::Extracted(extracted(&article)),
        Err(err) => Outcome::Failed(path.into(), err.to_string()),
    }
}

/// An article's extraction as quads of its graph.
pub fn extracted(article: &Article) -> Extracted {
    let extraction = extract::extract(article);
    let quads = graph::article_quads(article, &extraction);
    let entities = extraction.entities.iter().map(|e| (kind_name(e.kind), e.key.clone())).collect();
    Extracted { doc: iri::article(&article.id), quads, figures: extraction.figures.len(), entities }
}

fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "people",
        EntityKind::Organization(_) => "organisations",
        EntityKind::Platform => "platforms",
        EntityKind::Account => "accounts",
    }
}
