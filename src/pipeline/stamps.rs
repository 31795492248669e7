//! What each article file was like when the store last took it in: its
//! size, modification time and content hash. A re-build trusts a file whose
//! size and time are unchanged without reading it, as `make` and git's
//! index do; at 100,000 articles, reading and hashing every file was most of
//! a re-build's time.
//!
//! The stamps live beside the store (see [`Store::take_build_stamps`]),
//! which deletes them whenever it is opened for writing: they only ever
//! describe the store as the last build left it, and anything else that
//! writes to it (`remove`, `.load`, a SPARQL update) makes the next build
//! read every file again. `build --force` reads every file too.

use crate::store::Store;
use anyhow::Result;
use std::collections::HashMap;
use std::fmt::Write;
use std::fs::Metadata;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A file's size and modification time, as the file system reports them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileTime {
    pub size: u64,
    /// Nanoseconds since the Unix epoch.
    pub modified: u128,
}

impl FileTime {
    /// `None` where the file system keeps no modification time.
    pub fn of(metadata: &Metadata) -> Option<Self> {
        let modified = metadata.modified().ok()?.duration_since(UNIX_EPOCH).ok()?.as_nanos();
        Some(Self { size: metadata.len(), modified })
    }
}

/// A file the store holds as it was: where, when, and its content hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    /// Absolute, so that builds from different folders agree.
    pub path: PathBuf,
    pub time: FileTime,
    pub hash: String,
}

/// The stamps of the files of the last build: time and hash by path.
/// (Keyed by text: hashing a `Path` walks its components, a tenth of a
/// re-build's time at 100,000 files; a path that is not UTF-8 is not
/// stamped.)
#[derive(Debug, Default)]
pub struct Stamps {
    by_path: HashMap<String, (FileTime, String)>,
}

/// A file modified this close to the build that records it may be modified
/// again within the file system's clock resolution (a second on some)
/// without its time changing: such a file is not stamped, and the next
/// build reads it again.
const SETTLE: Duration = Duration::from_secs(2);

impl Stamps {
    /// The stamps the store kept from its last build; none if anything else
    /// has written to it since, or if they cannot be read.
    pub fn take(store: &Store) -> Self {
        let text = store.take_build_stamps().unwrap_or_default();
        let mut by_path = HashMap::with_capacity(text.lines().count());
        for stamp in text.lines().filter_map(parse) {
            if let Some(key) = key(&stamp.path) {
                by_path.insert(key, (stamp.time, stamp.hash));
            }
        }
        Self { by_path }
    }

    pub fn is_empty(&self) -> bool {
        self.by_path.is_empty()
    }

    /// Whether the file at `path` still has the `time` it had when the store
    /// took it in: then the store has it as it is.
    pub fn unchanged(&self, path: &Path, time: FileTime) -> bool {
        path.to_str().and_then(|path| self.by_path.get(path)).is_some_and(|(stamped, _)| *stamped == time)
    }

    /// Records what a build left in the store: `built`, the stamps of the
    /// files it read, replaces those of the same files; the others are
    /// kept, since their articles are untouched. Files modified after
    /// `started - SETTLE` are left out.
    pub fn update(&mut self, built: impl IntoIterator<Item = Stamp>, started: SystemTime) {
        let settled = started.checked_sub(SETTLE).and_then(|t| t.duration_since(UNIX_EPOCH).ok());
        for stamp in built {
            let Some(key) = key(&stamp.path) else { continue };
            if settled.is_some_and(|settled| stamp.time.modified < settled.as_nanos()) {
                self.by_path.insert(key, (stamp.time, stamp.hash));
            } else {
                self.by_path.remove(&key);
            }
        }
    }

    /// Saves the stamps beside the store, to be taken by the next build.
    pub fn save(&self, store: &Store) -> Result<()> {
        let mut text = String::new();
        for (path, (time, hash)) in &self.by_path {
            writeln!(text, "{}\t{}\t{hash}\t{path}", time.size, time.modified)?;
        }
        store.save_build_stamps(&text)
    }
}

/// The key of a path that can be stamped: UTF-8, without line breaks.
fn key(path: &Path) -> Option<String> {
    path.to_str().filter(|p| !p.contains(['\n', '\r'])).map(str::to_string)
}

/// One line: size, modification time, hash and path, tab-separated (the
/// path last, since it may hold a tab).
fn parse(line: &str) -> Option<Stamp> {
    let mut fields = line.splitn(4, '\t');
    let size = fields.next()?.parse().ok()?;
    let modified = fields.next()?.parse().ok()?;
    let hash = fields.next()?.to_string();
    let path = PathBuf::from(fields.next()?);
    Some(Stamp { path, time: FileTime { size, modified }, hash })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(path: &str, modified: u128) -> Stamp {
        Stamp { path: path.into(), time: FileTime { size: 10, modified }, hash: "ab12".into() }
    }

    #[test]
    fn a_stamp_reads_back_as_written() {
        let written = stamp("/archive/a\tb.txt", 1_700_000_000_123_456_789);
        assert_eq!(parse("10\t1700000000123456789\tab12\t/archive/a\tb.txt"), Some(written));
        assert_eq!(parse("10\tnot-a-time\tab12\t/a.txt"), None);
        assert_eq!(parse("garbage"), None);
    }

    #[test]
    fn only_files_settled_before_the_build_are_stamped() {
        let started = UNIX_EPOCH + Duration::from_secs(1_000);
        let old = stamp("/old.txt", Duration::from_secs(900).as_nanos());
        let fresh = stamp("/fresh.txt", Duration::from_secs(999).as_nanos());
        let mut stamps = Stamps::default();
        stamps.update([old.clone(), fresh.clone()], started);
        assert!(stamps.unchanged(&old.path, old.time));
        assert!(!stamps.unchanged(&fresh.path, fresh.time));
        let touched = FileTime { modified: old.time.modified + 1, ..old.time };
        assert!(!stamps.unchanged(&old.path, touched), "a new time means the file is read again");
    }

    #[test]
    fn a_fresh_stamp_replaces_an_old_one_and_others_are_kept() {
        let started = UNIX_EPOCH + Duration::from_secs(1_000);
        let mut stamps = Stamps::default();
        stamps.update([stamp("/a.txt", 1), stamp("/b.txt", 1)], started);
        // a.txt was modified just before this build: not trusted next time.
        stamps.update([stamp("/a.txt", Duration::from_secs(999).as_nanos())], started);
        assert!(!stamps.by_path.contains_key("/a.txt"));
        assert!(stamps.by_path.contains_key("/b.txt"));
    }
}
