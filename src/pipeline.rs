//! `govkg build`: find article files, read them, extract their facts, and
//! replace each article's graph in the store. An article whose file has not
//! changed since the last build (same size and time, or same content hash)
//! is left as it is; an article that cannot be read is reported and
//! skipped, and its old graph, if any, is kept.

pub mod stamps;
pub mod workers;

use crate::emit::ShardWriter;
use crate::store::Store;
use anyhow::{Result, bail};
use stamps::Stamps;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};
use workers::{Extracted, Known, Outcome};

/// What a build is asked to do.
#[derive(Debug, Default)]
pub struct BuildOptions {
    /// Rebuild articles whose files have not changed.
    pub force: bool,
    /// Files larger than this are skipped; `None` is
    /// [`crate::article::DEFAULT_MAX_BYTES`].
    pub max_article_bytes: Option<u64>,
}

/// What a build did.
#[derive(Debug, Default)]
pub struct BuildReport {
    pub files: usize,
    pub built: usize,
    pub unchanged: usize,
    /// Files that could not be read, with the reason.
    pub skipped: Vec<(PathBuf, String)>,
    pub quads: usize,
    /// Distinct entities of the built articles, by kind.
    pub entities: BTreeMap<&'static str, usize>,
    pub figures: usize,
    pub elapsed: Duration,
}

/// The article files named by `paths`: files as given, folders searched
/// recursively for `.txt` files. Fails, before anything is built, on a path
/// that does not exist or a folder without articles.
pub fn article_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        let metadata = std::fs::metadata(path).map_err(|e| anyhow::anyhow!("{}: {}", path.display(), io_reason(&e)))?;
        if metadata.is_dir() {
            let before = files.len();
            collect(path, &mut files)?;
            if files.len() == before {
                bail!("{}: no articles (.txt files) in this folder", path.display());
            }
        } else {
            files.push(path.clone());
        }
    }
    // By bytes, not by path components: as good an order, much faster on
    // 100,000 paths.
    files.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    files.dedup_by(|a, b| a.as_os_str() == b.as_os_str());
    Ok(files)
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| anyhow::anyhow!("{}: {}", dir.display(), io_reason(&e)))?;
    for entry in entries {
        let entry = entry?;
        let path = entry.path();
        let hidden = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        // The folder listing says what an entry is, without a stat per
        // file; a symbolic link is followed to find out.
        let is_dir = match entry.file_type() {
            Ok(kind) if !kind.is_symlink() => kind.is_dir(),
            _ => path.is_dir(),
        };
        if is_dir {
            collect(&path, files)?;
        } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt")) {
            files.push(path);
        }
    }
    Ok(())
}

fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => error.to_string(),
    }
}

/// Changed articles replaced per transaction: fewer, larger commits are
/// much faster, and each article still lands whole or not at all.
const BATCH: usize = 256;

/// Builds the articles of `paths` into `store` and persists it.
///
/// Articles new to the store stream into one bulk load while the others are
/// extracted (see [`Store::load_new_articles`]). Changed ones are replaced
/// in transactions, which also take their old statements out of the
/// default graph; a transaction cannot run while a load is open, so every
/// [`BATCH`] changed articles the load is committed, they are replaced, and
/// a new load starts.
pub fn build(store: &Store, paths: &[PathBuf], options: &BuildOptions) -> Result<BuildReport> {
    let started = Instant::now();
    let started_at = SystemTime::now();
    let files = article_files(paths)?;
    let mut report = BuildReport { files: files.len(), ..BuildReport::default() };
    let stamps = Stamps::take(store);
    // Without stamps most files are read, and one pass over the stored
    // hashes beats a lookup per file.
    let hashes = (stamps.is_empty() || options.force).then(|| store.article_hashes()).transpose()?;
    let known = Known { stamps, hashes, store: Some(store), force: options.force };
    let mut settled = Vec::new();
    let mut entities: BTreeSet<(&'static str, String)> = BTreeSet::new();
    let progress = crate::progress::items("building", files.len() as u64);
    let max_bytes = options.max_article_bytes.unwrap_or(crate::article::DEFAULT_MAX_BYTES);
    workers::extract_all(&files, &known, max_bytes, |outcomes| -> Result<()> {
        let mut exhausted = false;
        while !exhausted {
            let mut replacements = Vec::with_capacity(BATCH);
            let new_graphs = std::iter::from_fn(|| {
                while replacements.len() < BATCH {
                    let Some(mut outcome) = outcomes.next() else {
                        exhausted = true;
                        return None;
                    };
                    progress.inc(1);
                    settled.extend(outcome.take_stamp());
                    let Some(article) = report.count(outcome, &mut entities) else { continue };
                    if article.replaces {
                        replacements.push((article.doc, article.quads));
                    } else {
                        return Some(article.quads);
                    }
                }
                None
            });
            store.load_new_articles(new_graphs)?;
            store.replace_graphs(replacements)?;
        }
        Ok(())
    })?;
    progress.finish_and_clear();
    store.install_reference_graphs()?;
    store.persist()?;
    let mut stamps = known.stamps;
    stamps.update(settled, started_at);
    stamps.save(store)?;
    report.finish(entities, started);
    Ok(report)
}

/// Extracts the articles of `paths` into N-Quads shards in `dir` (see
/// [`crate::emit`]); no store is involved.
pub fn emit(paths: &[PathBuf], dir: &Path, max_bytes: u64) -> Result<BuildReport> {
    let started = Instant::now();
    let files = article_files(paths)?;
    let mut report = BuildReport { files: files.len(), ..BuildReport::default() };
    let mut entities = BTreeSet::new();
    let mut shards = ShardWriter::create(dir)?;
    let progress = crate::progress::items("extracting", files.len() as u64);
    workers::extract_all(&files, &Known::default(), max_bytes, |outcomes| -> Result<()> {
        for outcome in outcomes {
            progress.inc(1);
            if let Some(article) = report.count(outcome, &mut entities) {
                shards.add(&article.quads)?;
            }
        }
        Ok(())
    })?;
    progress.finish_and_clear();
    shards.finish()?;
    report.finish(entities, started);
    Ok(report)
}

impl BuildReport {
    /// Counts what became of one file; returns the article to store, if any.
    fn count(&mut self, outcome: Outcome, entities: &mut BTreeSet<(&'static str, String)>) -> Option<Extracted> {
        match outcome {
            Outcome::Unchanged(_) => self.unchanged += 1,
            Outcome::Failed(path, reason) => self.skipped.push((path, reason)),
            Outcome::Extracted(article) => {
                self.built += 1;
                self.quads += article.quads.len();
                self.figures += article.figures;
                entities.extend(article.entities.iter().cloned());
                return Some(article);
            }
        }
        None
    }

    fn finish(&mut self, entities: BTreeSet<(&'static str, String)>, started: Instant) {
        for (kind, _) in entities {
            *self.entities.entry(kind).or_default() += 1;
        }
        self.elapsed = started.elapsed();
    }

    /// The summary printed after a build.
    pub fn summary(&self) -> String {
        let mut lines = vec![format!(
            "built {} of {} articles ({} unchanged, {} skipped): {} quads, {} figures in {:.2} s",
            self.built,
            self.files,
            self.unchanged,
            self.skipped.len(),
            self.quads,
            self.figures,
            self.elapsed.as_secs_f64()
        )];
        if !self.entities.is_empty() {
            let kinds: Vec<String> = self.entities.iter().map(|(kind, n)| format!("{n} {kind}")).collect();
            lines.push(format!("entities: {}", kinds.join(", ")));
        }
        for (_, reason) in &self.skipped {
            lines.push(format!("skipped: {reason}"));
        }
        lines.join("\n")
    }
}
