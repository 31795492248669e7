//! `govkg build --emit nquads DIR`: the extracted graphs as gzip-compressed
//! N-Quads shards, for a bulk loader on another machine (Oxigraph's
//! `oxigraph load`, Virtuoso's `ld_dir`, QLever's index builder, Fuseki's
//! `tdb2.xloader`) instead of the local store.
//!
//! Only the named graphs are written, one per article, plus the ontology and
//! gazetteer graphs in a shard of their own: stores that load them can serve
//! the merged view the local store keeps in its default graph by querying
//! the union of the named graphs. An article never straddles two shards, and
//! a shard appears under its final name only once it is complete.

use crate::graph::reference;
use anyhow::{Context, Result};
use flate2::Compression;
use flate2::write::GzEncoder;
use oxigraph::io::{RdfFormat, RdfSerializer, WriterQuadSerializer};
use oxigraph::model::Quad;
use std::fs::{self, File};
use std::io::BufWriter;
use std::path::{Path, PathBuf};

/// Quads per shard: shards of a few tens of megabytes compressed, which
/// loaders can take in parallel.
const SHARD_QUADS: usize = 1_000_000;

/// The serializer writes a quad a few characters at a time; the outer buffer
/// hands the compressor large blocks instead (each call into flate2 clears
/// its output buffer's spare room: unbuffered, that clearing took two
/// thirds of `--emit`'s time).
type Shard = WriterQuadSerializer<BufWriter<GzEncoder<BufWriter<File>>>>;

/// Writes articles' quads into numbered shards `DIR/articles-NNNNN.nq.gz`.
pub struct ShardWriter {
    dir: PathBuf,
    current: Option<(Shard, PathBuf)>,
    quads_in_shard: usize,
    shards: usize,
    /// Quads written, over all shards.
    pub quads: usize,
}

impl ShardWriter {
    /// Creates `dir` if needed, and writes the reference graphs' shard.
    pub fn create(dir: &Path) -> Result<Self> {
        fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let mut writer = Self { dir: dir.to_path_buf(), current: None, quads_in_shard: 0, shards: 0, quads: 0 };
        let (mut shard, path) = open_shard(&dir.join("reference.nq.gz"))?;
        for quad in reference::ontology_quads().into_iter().chain(reference::gazetteer_quads()) {
            shard.serialize_quad(&quad)?;
        }
        close_shard(shard, &path)?;
        writer.shards += 1;
        Ok(writer)
    }

    /// Adds one article's graph.
    pub fn add(&mut self, quads: &[Quad]) -> Result<()> {
        if self.quads_in_shard >= SHARD_QUADS {
            self.close_current()?;
        }
        let (shard, _) = match &mut self.current {
            Some(current) => current,
            None => {
                let path = self.dir.join(format!("articles-{:05}.nq.gz", self.shards));
                self.shards += 1;
                self.quads_in_shard = 0;
                self.current.insert(open_shard(&path)?)
            }
        };
        for quad in quads {
            shard.serialize_quad(quad)?;
        }
        self.quads_in_shard += quads.len();
        self.quads += quads.len();
        Ok(())
    }

    /// Completes the last shard; returns the number of shards written.
    pub fn finish(mut self) -> Result<usize> {
        self.close_current()?;
        Ok(self.shards)
    }

    fn close_current(&mut self) -> Result<()> {
        if let Some((shard, path)) = self.current.take() {
            close_shard(shard, &path)?;
        }
        Ok(())
    }
}

/// Opens a shard under a temporary name beside `path`.
fn open_shard(path: &Path) -> Result<(Shard, PathBuf)> {
    let temporary = path.with_extension("gz.tmp");
    let file = File::create(&temporary).with_context(|| format!("cannot write {}", temporary.display()))?;
    // Fast compression: the output is large, and the time is better spent
    // extracting (N-Quads still shrinks about tenfold).
    let encoder = GzEncoder::new(BufWriter::new(file), Compression::fast());
    let writer = BufWriter::with_capacity(1 << 16, encoder);
    Ok((RdfSerializer::from_format(RdfFormat::NQuads).for_writer(writer), path.to_path_buf()))
}

fn close_shard(shard: Shard, path: &Path) -> Result<()> {
    let temporary = path.with_extension("gz.tmp");
    let encoder = shard.finish()?.into_inner().map_err(|e| e.into_error())?;
    let file = encoder.finish()?.into_inner().map_err(|e| e.into_error())?;
    file.sync_all()?;
    fs::rename(&temporary, path).with_context(|| format!("cannot write {}", path.display()))
}
