//! Reading and extracting articles on every core, while the calling thread
//! stores what comes out: the build overlaps extraction with loading, and
//! never holds more than a few dozen articles' quads between the two.

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
/// enough to keep extracting while a batch is committed, few enough to keep
/// memory flat (a few hundred kilobytes of quads each).
const IN_FLIGHT: usize = 256;

/// Extracts the articles of `files` on all cores and hands each outcome to
/// `store`, on the calling thread, in no particular order. A file whose
/// content hash is its article's in `skip` is `Unchanged` without being laid
/// out; a file over `max_bytes` is `Failed` unread. Stops early when `store` fails, and returns its error.
pub fn extract_all<E>(
    files: &[PathBuf],
    skip: &HashMap<String, String>,
    max_bytes: u64,
    mut store: impl FnMut(Outcome) -> Result<(), E>,
) -> Result<(), E> {
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
                    // A closed channel means the storing side gave up.
                    if sender.send(outcome(path, skip, max_bytes)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        let mut result = Ok(());
        for outcome in receiver.iter() {
            if let Err(err) = store(outcome) {
                result = Err(err);
                // Stop the workers: they see the closed channel on next send.
                next.store(files.len(), Ordering::Relaxed);
                break;
            }
        }
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
