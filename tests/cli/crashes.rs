//! Crashes and company: `govkg build` killed (SIGKILL) at random moments, and
//! a second govkg process on a store that is being built. Whatever the
//! moment, the store opens, each article holds its old graph or its new one
//! (never part of one), and the next build gives the graph that a build
//! never interrupted gives. Runs against the backend the binary was built
//! with: the in-memory store's snapshot, or RocksDB (`--features rocksdb`).

use super::*;
use crate::random::Random;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// Articles in each version of the corpus; the second version has a few
/// more.
const ARTICLES: usize = 120;
const ADDED: usize = 10;
const KILLS: usize = 20;

/// Writes version `version` (1 or 2) of a corpus made from the seeds and
/// test articles with paragraphs of varied figures added: version 2 changes
/// every article's figures, adds a paragraph to every other one (so its
/// graph differs in size), and adds articles.
fn write_corpus(dir: &Path, version: u64) {
    let mut bases = Vec::new();
    for folder in ["seeds", "tests/data/articles"] {
        let mut files: Vec<PathBuf> =
            std::fs::read_dir(repo().join(folder)).expect("folder").map(|e| e.expect("entry").path()).collect();
        files.sort();
        bases.extend(files.iter().map(|f| std::fs::read_to_string(f).expect("UTF-8 article")));
    }
    std::fs::create_dir_all(dir).expect("corpus folder");
    let count = if version == 1 { ARTICLES } else { ARTICLES + ADDED };
    for i in 0..count {
        let mut text = bases[i % bases.len()].trim_end().to_string();
        let followers = 1000 * (i as u64 + 1) + version;
        text.push_str(&format!(
            "\n\nThe account of bureau number {i} on Sina Weibo had {followers} followers as of March {}, 2012, officials said.\n",
            1 + i % 28
        ));
        if version == 2 && i % 2 == 0 {
            text.push_str(&format!(
                "\nIts account on Tencent Weibo had more than {} followers by the end of last year, the office said.\n",
                500 + i
            ));
        }
        std::fs::write(dir.join(format!("article-{i:04}.txt")), text).expect("write article");
    }
}

/// Quads per named graph.
fn graph_sizes(govkg: &Govkg) -> BTreeMap<String, usize> {
    let rows = govkg.csv("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g");
    rows[1..].iter().map(|row| (row[0].clone(), row[1].parse().expect("a count"))).collect()
}

fn nquads(govkg: &Govkg) -> Dataset {
    let path = govkg.dir.path().join("export.nq");
    govkg.ok(&["export", "-o", path.to_str().expect("UTF-8"), "--format", "nquads"]);
    quads_of(&path, oxigraph::io::RdfFormat::NQuads)
}

fn build_timed(govkg: &Govkg, corpus: &Path) -> Duration {
    let started = Instant::now();
    govkg.ok(&["build", corpus.to_str().expect("UTF-8")]);
    started.elapsed()
}

#[test]
fn a_build_killed_at_any_moment_leaves_whole_articles_and_the_next_build_finishes() {
    let govkg = Govkg::new();
    let (old, new) = (govkg.dir.path().join("v1"), govkg.dir.path().join("v2"));
    write_corpus(&old, 1);
    write_corpus(&new, 2);
    let reference = Govkg::new();
    build_timed(&reference, &new);
    let new_sizes = graph_sizes(&reference);
    build_timed(&govkg, &old);
    let old_sizes = graph_sizes(&govkg);
    let differing = new_sizes.iter().filter(|(g, n)| old_sizes.get(*g).is_some_and(|o| o != *n)).count();
    assert!(differing >= ARTICLES / 3, "the versions differ in size for {differing} articles only");
    // How long a build that changes every article takes, start to end.
    let window = build_timed(&govkg, &new).mul_f64(1.2);

    let mut random = Random(0x5eed_2026);
    let (mut kills, mut builds) = (0, 0);
    while kills < KILLS {
        builds += 1;
        assert!(builds < 4 * KILLS, "only {kills} of {builds} builds were still running when killed");
        // Alternate versions, and force: a killed build leaves the store
        // as it was, and every build still has every article to write.
        let corpus = if builds % 2 == 1 { &old } else { &new };
        let mut build = govkg
            .command(&["build", "--force", corpus.to_str().expect("UTF-8")])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn build");
        let delay = Duration::from_micros(random.next() % window.as_micros() as u64);
        std::thread::sleep(delay);
        if build.try_wait().expect("build status").is_none() {
            build.kill().expect("SIGKILL");
            build.wait().expect("reaped");
            kills += 1;
        }
        // The store opens, and every article is whole: old or new.
        for (graph, size) in graph_sizes(&govkg) {
            let whole = [old_sizes.get(&graph), new_sizes.get(&graph)].contains(&Some(&size));
            assert!(whole, "after a kill at {delay:?}: {graph} has {size} quads, neither its old nor its new graph");
        }
    }

    eprintln!("{kills} kills in {builds} builds (kill delays up to {window:?})");
    let output = govkg.run(&["build", new.to_str().expect("UTF-8")]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(nquads(&govkg) == nquads(&reference), "after {kills} kills the graph differs from an uninterrupted build");
}

#[test]
fn a_second_process_during_a_build_is_told_and_changes_nothing() {
    let govkg = Govkg::new();
    let corpus = govkg.dir.path().join("corpus");
    write_corpus(&corpus, 2);
    let reference = Govkg::new();
    build_timed(&reference, &corpus);
    let path = corpus.to_str().expect("UTF-8");

    let mut told = false;
    for _ in 0..5 {
        let mut build = govkg.command(&["build", "--force", path]).stdout(Stdio::null()).spawn().expect("spawn build");
        std::thread::sleep(Duration::from_millis(300));
        let second = govkg.run(&["build", path]);
        let query = govkg.run(&["query", "ASK { ?s ?p ?o }"]);
        let running = build.try_wait().expect("build status").is_none();
        assert!(build.wait().expect("build ends").success(), "the first build is not disturbed");
        if !running {
            continue;
        }
        // Both were refused, or (a query on RocksDB never shares) ran after.
        let refusal = String::from_utf8_lossy(&second.stderr);
        assert!(!second.status.success() && refusal.contains("is in use by another govkg process"), "{refusal}");
        let query_error = String::from_utf8_lossy(&query.stderr);
        assert!(query.status.success() || query_error.contains("is in use by another govkg process"), "{query_error}");
        told = true;
        break;
    }
    assert!(told, "the first build never ran long enough to meet a second process");
    assert!(nquads(&govkg) == nquads(&reference));
}
