//! `govkg build`: find article files, read them, extract their facts, and
//! replace each article's graph in the store. An article whose file has not
//! changed since the last build (same content hash) is left as it is; an
//! article that cannot be read is reported and skipped, and its old graph,
//! if any, is kept.

use crate::article::Article;
use crate::extract::{self, EntityKind};
use crate::graph::{self, iri};
use crate::store::Store;
use anyhow::{Result, bail};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

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
    files.sort();
    files.dedup();
    Ok(files)
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| anyhow::anyhow!("{}: {}", dir.display(), io_reason(&e)))?;
    for entry in entries {
        let path = entry?.path();
        let hidden = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
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

/// Articles written to the store per transaction: fewer, larger commits are
/// much faster, and each article still lands whole or not at all.
const BATCH: usize = 256;

/// Builds the articles of `paths` into `store` and persists it.
pub fn build(store: &Store, paths: &[PathBuf], options: &BuildOptions) -> Result<BuildReport> {
    let started = Instant::now();
    let files = article_files(paths)?;
    let mut report = BuildReport { files: files.len(), ..BuildReport::default() };
    let known = if options.force { Default::default() } else { store.article_hashes()? };
    let mut entities: BTreeSet<(&'static str, String)> = BTreeSet::new();
    let progress = crate::progress::items("building", files.len() as u64);
    let mut batch = Vec::with_capacity(BATCH);
    let max_bytes = options.max_article_bytes.unwrap_or(crate::article::DEFAULT_MAX_BYTES);
    for path in &files {
        progress.inc(1);
        let article = match Article::read_at_most(path, max_bytes) {
            Ok(article) => article,
            Err(err) => {
                report.skipped.push((path.clone(), err.to_string()));
                continue;
            }
        };
        let doc = iri::article(&article.id);
        if known.get(doc.as_str()) == Some(&article.hash) {
            report.unchanged += 1;
            continue;
        }
        let extraction = extract::extract(&article);
        let quads = graph::article_quads(&article, &extraction);
        report.quads += quads.len();
        report.figures += extraction.figures.len();
        for entity in &extraction.entities {
            entities.insert((kind_name(entity.kind), entity.key.clone()));
        }
        batch.push((doc, quads));
        report.built += 1;
        if batch.len() == BATCH {
            store.replace_graphs(std::mem::take(&mut batch))?;
        }
    }
    store.replace_graphs(batch)?;
    progress.finish_and_clear();
    store.install_reference_graphs()?;
    store.persist()?;
    for (kind, _) in entities {
        *report.entities.entry(kind).or_default() += 1;
    }
    report.elapsed = started.elapsed();
    Ok(report)
}

fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "people",
        EntityKind::Organization(_) => "organisations",
        EntityKind::Platform => "platforms",
        EntityKind::Account => "accounts",
    }
}

impl BuildReport {
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
