//! Writing articles that are new to the store through oxigraph's bulk
//! loader, which sorts quads into index files instead of inserting them one
//! by one in a transaction (on RocksDB many times faster).
//!
//! The bulk loader has no transaction around an article, so completeness is
//! recorded apart from the load. The invariant, which every writer keeps:
//! **an article's graph is complete when it states the article's
//! `gk:contentHash`.** The hash is left out of the bulk load and inserted, in
//! one transaction, only after the loader has committed every quad of the
//! articles of its batch. While a load is under way the store folder holds a
//! `loading` mark (removed by [`Store::persist`]); a store opened for writing
//! that still has it was interrupted, and [`Store::repair`] drops every
//! article graph without its hash, so the next build extracts those articles
//! again (a build skips only articles whose stored hash matches).
//!
//! The default graph stays the merge of the named graphs: each quad is also
//! loaded into it. Loading a statement that another article already made is
//! harmless (a store is a set), and nothing is removed on this path, since
//! the articles are new.

use super::{Store, write_graph};
use crate::graph::vocab::GK_CONTENT_HASH;
use anyhow::{Context, Result};
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, Quad, QuadRef};
use std::fs;

/// The mark of a load under way, in the store folder.
pub(super) const LOADING_MARK: &str = "loading";

/// Quads loaded and committed at once (each article's quads twice: in its
/// graph and in the default graph): about a thousand articles, a few hundred
/// megabytes while sorted. Larger batches make fewer, larger index files.
const BATCH_QUADS: usize = 800_000;

/// A bulk load of new articles, committed batch by batch. Call
/// [`finish`](Self::finish); dropped unfinished, it loses the last batch, and
/// the store keeps its `loading` mark.
pub struct ArticleLoader<'a> {
    store: &'a Store,
    batch: Vec<Quad>,
    /// The articles' hash statements, stored once the rest is committed.
    hashes: Vec<Quad>,
}

impl Store {
    /// Starts a bulk load of articles that are not in the store yet.
    pub fn article_loader(&self) -> Result<ArticleLoader<'_>> {
        self.require_write()?;
        let mark = self.dir.join(LOADING_MARK);
        fs::write(&mark, b"").with_context(|| format!("cannot write {}", mark.display()))?;
        Ok(ArticleLoader { store: self, batch: Vec::with_capacity(BATCH_QUADS), hashes: Vec::new() })
    }

    /// Whether a load was interrupted since the store was last persisted.
    pub fn needs_repair(&self) -> bool {
        self.dir.join(LOADING_MARK).exists()
    }

    /// Drops the graphs of articles that an interrupted load left without
    /// their content hash (see the module doc), and persists the store.
    /// Returns how many articles were dropped.
    pub fn repair(&self) -> Result<usize> {
        self.require_write()?;
        let incomplete = "SELECT DISTINCT ?doc WHERE { GRAPH ?doc { ?doc a schema:NewsArticle } \
                          FILTER NOT EXISTS { GRAPH ?doc { ?doc gk:contentHash ?hash } } }";
        let mut docs = Vec::new();
        if let oxigraph::sparql::QueryResults::Solutions(solutions) = self.query(incomplete, &[], None)? {
            for solution in solutions {
                if let Some(oxigraph::model::Term::NamedNode(doc)) = solution?.get("doc") {
                    docs.push(doc.clone());
                }
            }
        }
        let mut transaction = self.inner.start_transaction()?;
        for doc in &docs {
            write_graph(&mut transaction, doc.as_ref(), None)?;
        }
        transaction.commit()?;
        self.persist()?;
        Ok(docs.len())
    }
}

impl ArticleLoader<'_> {
    /// Adds an article's graph (named `doc`) to the load.
    pub fn add(&mut self, doc: &NamedNode, quads: Vec<Quad>) -> Result<()> {
        for quad in quads {
            if quad.predicate == *GK_CONTENT_HASH && quad.subject.as_ref() == doc.as_ref().into() {
                self.hashes.push(quad);
                continue;
            }
            let mut merged = quad.clone();
            merged.graph_name = GraphName::DefaultGraph;
            self.batch.push(quad);
            self.batch.push(merged);
        }
        if self.batch.len() >= BATCH_QUADS {
            self.load_batch()?;
        }
        Ok(())
    }

    /// Loads and commits the batch, then records its articles' hashes: from
    /// then on their graphs count as complete, and a crash later in the
    /// build keeps them.
    fn load_batch(&mut self) -> Result<()> {
        let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH_QUADS));
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        // The loader's batch is sized to hold ours whole (its default is a
        // million quads per thread), so one batch is one sort.
        let mut loader = self
            .store
            .inner
            .bulk_loader()
            .with_num_threads(threads)
            .with_max_memory_size_in_megabytes((2 * BATCH_QUADS * threads).div_ceil(1000));
        loader.load_quads(batch)?;
        loader.commit()?;
        let mut transaction = self.store.inner.start_transaction()?;
        for quad in self.hashes.drain(..) {
            transaction.insert(quad.as_ref());
            transaction.insert(QuadRef { graph_name: GraphNameRef::DefaultGraph, ..quad.as_ref() });
        }
        transaction.commit()?;
        Ok(())
    }

    /// Loads and records what is left.
    pub fn finish(mut self) -> Result<()> {
        if !self.batch.is_empty() || !self.hashes.is_empty() {
            self.load_batch()?;
        }
        Ok(())
    }
}
