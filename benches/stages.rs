//! The stages of a build, timed apart for `benches/scale.py`:
//!
//! - `stages extract PATH...`: reading and extraction alone, on all cores,
//!   as `govkg build` does it, with the quads dropped; then, on one core,
//!   the same work split into its steps (reading, laying out, rules,
//!   building quads), each as MB/s of one core;
//! - `stages bulk-load STORE SHARDS`: oxigraph's own bulk loader loading the
//!   quads that `govkg build --emit nquads SHARDS` wrote, each also into the
//!   default graph as `govkg build` does (see `src/store/bulk.rs`), into a
//!   new store in `STORE` (RocksDB with `--features rocksdb`, else memory).
//!
//! Each prints one line of `key=value` figures.

use anyhow::{Context, Result, bail};
use govkg::pipeline::{article_files, workers};
use govkg::store::with_merged_copy;
use oxigraph::io::{RdfFormat, RdfParser};
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The allocator `govkg` uses, so the stages run as they do in a build.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    match args.split_first() {
        Some((command, rest)) if command == "extract" => extract(rest),
        Some((command, [store, shards])) if command == "bulk-load" => bulk_load(Path::new(store), Path::new(shards)),
        _ => bail!("usage: stages extract PATH... | stages bulk-load STORE SHARDS"),
    }
}

fn extract(paths: &[String]) -> Result<()> {
    let files = article_files(&paths.iter().map(PathBuf::from).collect::<Vec<_>>())?;
    let bytes: u64 = files.iter().map(|f| std::fs::metadata(f).map_or(0, |m| m.len())).sum();
    let started = Instant::now();
    let (mut docs, mut quads) = (0usize, 0usize);
    workers::extract_all(&files, &workers::Known::default(), govkg::article::DEFAULT_MAX_BYTES, |outcomes| {
        for outcome in outcomes {
            if let workers::Outcome::Extracted(article) = outcome {
                docs += 1;
                quads += article.quads.len();
            }
        }
    });
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "extract docs={docs} mb={:.1} seconds={seconds:.2} mb_per_s={:.1} docs_per_s={:.0} quads={quads}",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / seconds,
        docs as f64 / seconds
    );
    steps(&files, bytes)
}

/// The steps of extraction timed apart on one core, in MB/s of that core.
fn steps(files: &[PathBuf], bytes: u64) -> Result<()> {
    let mut spent = [Duration::ZERO; 4];
    let mut lap = |step: usize, since: &mut Instant| {
        spent[step] += since.elapsed();
        *since = Instant::now();
    };
    for file in files {
        let mut since = Instant::now();
        let raw = govkg::article::read_bytes_at_most(file, govkg::article::DEFAULT_MAX_BYTES)?;
        lap(0, &mut since);
        let Ok(article) = govkg::article::Article::from_bytes(file, &raw) else { continue };
        lap(1, &mut since);
        let extraction = govkg::extract::extract(&article);
        lap(2, &mut since);
        drop(govkg::graph::article_quads(&article, &extraction));
        lap(3, &mut since);
    }
    let rate = |d: Duration| bytes as f64 / 1e6 / d.as_secs_f64();
    println!(
        "steps read={:.1} layout={:.1} rules={:.1} quads={:.1} all={:.1}",
        rate(spent[0]),
        rate(spent[1]),
        rate(spent[2]),
        rate(spent[3]),
        rate(spent.iter().sum())
    );
    Ok(())
}

fn bulk_load(store_dir: &Path, shards: &Path) -> Result<()> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(shards)
        .with_context(|| format!("cannot read {}", shards.display()))?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    files.retain(|f| f.to_string_lossy().ends_with(".nq.gz"));
    files.sort();
    let store = open(store_dir)?;
    let started = Instant::now();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut loader = store.bulk_loader().with_num_threads(threads);
    let mut quads = 0usize;
    for file in &files {
        let reader = flate2::read::GzDecoder::new(BufReader::new(std::fs::File::open(file)?));
        let parsed = RdfParser::from_format(RdfFormat::NQuads).for_reader(BufReader::new(reader));
        let with_copies = parsed.flat_map(|quad| match quad {
            Ok(quad) => with_merged_copy(quad).into_iter().map(Ok).collect(),
            Err(err) => vec![Err(err)],
        });
        loader.load_ok_quads::<_, anyhow::Error>(with_copies.inspect(|_| quads += 1))?;
    }
    loader.commit()?;
    #[cfg(feature = "rocksdb")]
    store.flush()?;
    let seconds = started.elapsed().as_secs_f64();
    println!("bulk-load quads={quads} seconds={seconds:.2} quads_per_s={:.0}", quads as f64 / seconds);
    Ok(())
}

#[cfg(feature = "rocksdb")]
fn open(dir: &Path) -> Result<oxigraph::store::Store> {
    Ok(oxigraph::store::Store::open(dir)?)
}

#[cfg(not(feature = "rocksdb"))]
fn open(_dir: &Path) -> Result<oxigraph::store::Store> {
    Ok(oxigraph::store::Store::new()?)
}
