//! Reading and extracting articles on every core, while the calling thread
//! stores what comes out: the build overlaps extraction with loading, and
//! never holds more than a few hundred articles' quads between the two.

use super::stamps::{FileTime, Stamp, Stamps};
use crate::article::{self, Article};
use crate::extract::{self, EntityKind};
use crate::graph::{self, iri};
use crate::store::Store;
use oxigraph::model::{NamedNode, Quad};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// What became of one article file.
pub enum Outcome {
    /// The store has the file as it is: same stamp or same content hash.
    /// The stamp is that of a file read to find out (`None` where the file
    /// system keeps no times); one trusted by its stamp has it already.
    Unchanged(Option<Stamp>),
    /// The file could not be read, with the reason.
    Failed(PathBuf, String),
    Extracted(Extracted),
}

impl Outcome {
    /// The stamp of a file that was read, for when the store has its article
    /// as it is.
    pub fn take_stamp(&mut self) -> Option<Stamp> {
        match self {
            Outcome::Unchanged(stamp) => stamp.take(),
            Outcome::Extracted(extracted) => extracted.stamp.take(),
            Outcome::Failed(..) => None,
        }
    }
}

/// An article's graph, ready to store.
pub struct Extracted {
    /// The article's IRI, which names its graph.
    pub doc: NamedNode,
    pub quads: Vec<Quad>,
    pub figures: usize,
    /// The entities it mentions, as (kind, key).
    pub entities: Vec<(&'static str, String)>,
    /// Whether the store has an older version of the article, to replace.
    pub replaces: bool,
    pub stamp: Option<Stamp>,
}

/// What the store already has, to tell new, changed and unchanged files
/// apart.
#[derive(Default)]
pub struct Known<'a> {
    /// Files as the last build left them: trusted without being read.
    pub stamps: Stamps,
    /// Every stored article's content hash by IRI, when reading them all at
    /// once is cheaper than looking up the few that are needed.
    pub hashes: Option<HashMap<String, String>>,
    /// Where to look up the others.
    pub store: Option<&'a Store>,
    /// Extract every file, changed or not.
    pub force: bool,
}

impl Known<'_> {
    fn stored_hash(&self, doc: &NamedNode) -> anyhow::Result<Option<String>> {
        match (&self.hashes, self.store) {
            (Some(hashes), _) => Ok(hashes.get(doc.as_str()).cloned()),
            (None, Some(store)) => store.article_hash(doc.as_ref()),
            (None, None) => Ok(None),
        }
    }
}

/// Articles in flight between the extracting threads and the storing one:
/// enough to keep extracting while the storing side is busy, few enough to
/// keep memory flat (a few hundred kilobytes of quads each).
const IN_FLIGHT: usize = 256;

/// Extracts the articles of `files` on all cores and hands their outcomes,
/// in no particular order, to `consume` on the calling thread, as an
/// iterator that yields each as soon as it is ready. Unless `known.force`,
/// a file with its stamp in `known.stamps` is `Unchanged` unread, and one
/// whose content hash is its stored article's is `Unchanged` without being
/// laid out; a file over `max_bytes` is `Failed` unread. When `consume`
/// returns, whether or not it read every outcome, the workers stop.
pub fn extract_all<R>(
    files: &[PathBuf],
    known: &Known<'_>,
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
                    if sender.send(outcome(path, known, max_bytes)).is_err() {
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

/// Stats, reads (up to `max_bytes`), hashes and (if changed) extracts one
/// article file.
fn outcome(path: &Path, known: &Known<'_>, max_bytes: u64) -> Outcome {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    // Taken before reading: a file modified while read gets a new time, and
    // the next build reads it again.
    let time = std::fs::metadata(path).ok().as_ref().and_then(FileTime::of);
    if !known.force && time.is_some_and(|time| known.stamps.unchanged(&absolute, time)) {
        return Outcome::Unchanged(None);
    }
    let bytes = match article::read_bytes_at_most(path, max_bytes) {
        Ok(bytes) => bytes,
        Err(err) => return Outcome::Failed(path.into(), err.to_string()),
    };
    let doc = iri::article(&article::id_of(path));
    let stored = match known.stored_hash(&doc) {
        Ok(stored) => stored,
        Err(err) => return Outcome::Failed(path.into(), format!("{}: {err:#}", path.display())),
    };
    let hash = article::content_hash(&bytes);
    let stamp = time.map(|time| Stamp { path: absolute, time, hash: hash.clone() });
    if !known.force && stored.as_ref() == Some(&hash) {
        return Outcome::Unchanged(stamp);
    }
    match Article::from_hashed_bytes(path, &bytes, hash) {
        Ok(article) => Outcome::Extracted(Extracted { replaces: stored.is_some(), stamp, ..extracted(&article) }),
        Err(err) => Outcome::Failed(path.into(), err.to_string()),
    }
}

/// An article's extraction as quads of its graph.
pub fn extracted(article: &Article) -> Extracted {
    let extraction = extract::extract(article);
    let quads = graph::article_quads(article, &extraction);
    let entities = extraction.entities.iter().map(|e| (kind_name(e.kind), e.key.clone())).collect();
    Extracted {
        doc: iri::article(&article.id),
        quads,
        figures: extraction.figures.len(),
        entities,
        replaces: false,
        stamp: None,
    }
}

fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "people",
        EntityKind::Organization(_) => "organisations",
        EntityKind::Platform => "platforms",
        EntityKind::Account => "accounts",
    }
}
