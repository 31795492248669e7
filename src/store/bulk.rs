//! Writing articles that are new to the store through oxigraph's bulk
//! loader, which sorts quads into index files instead of inserting them one
//! by one in a transaction (on RocksDB many times faster).
//!
//! One load takes a stream of articles' graphs: while the calling side keeps
//! extracting, the loader sorts a batch on its own threads, so extraction and
//! loading overlap. Nothing is visible until [`Store::load_new_articles`]
//! returns: oxigraph's loader commits atomically (RocksDB ingests every index
//! file in one step; the in-memory store commits one transaction). An
//! interrupted load therefore leaves no part of any article behind, and the
//! next build extracts those articles again.
//!
//! The default graph stays the merge of the named graphs: each quad is also
//! loaded into it. Loading a statement that another article already made is
//! harmless (a store is a set), and nothing is removed on this path, since
//! the articles are new.

use super::Store;
use anyhow::Result;
use oxigraph::model::{GraphName, Quad};

/// Memory for the loader's batches, in megabytes, shared among its threads.
/// A batch of quads takes a few hundred bytes per quad while sorted, and
/// the loader holds up to one batch per thread being sorted plus the one it
/// fills: this keeps a build's peak near 600 MB (measured at 10,000 and
/// 100,000 articles). 1,000 MB was a few percent faster at 10,000 articles
/// but peaked at 1.5 GB.
const LOADER_MEMORY_MB: usize = 400;

impl Store {
    /// Loads the graphs of articles that are not in the store yet, each a
    /// graph's quads, all at once: when this returns, every one of them is
    /// in the store, each quad also in the default graph; when it fails,
    /// none is.
    pub fn load_new_articles(&self, graphs: impl Iterator<Item = Vec<Quad>>) -> Result<()> {
        self.require_write()?;
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let mut loader =
            self.inner.bulk_loader().with_num_threads(threads).with_max_memory_size_in_megabytes(LOADER_MEMORY_MB);
        loader.load_quads(graphs.flat_map(|quads| quads.into_iter().flat_map(with_merged_copy)))?;
        loader.commit()?;
        Ok(())
    }
}

/// A quad of an article's graph and its copy in the default graph, the merge
/// of all graphs: what the bulk loader is given for each quad (the
/// benchmark's loader too, so it loads what a build loads).
pub fn with_merged_copy(quad: Quad) -> [Quad; 2] {
    let merged = Quad { graph_name: GraphName::DefaultGraph, ..quad.clone() };
    [quad, merged]
}
