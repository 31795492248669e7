//! The Oxigraph store behind govkg: opening it (with a lock, so two govkg
//! processes never write one store at once), replacing an article's graph,
//! running queries with the common prefixes declared, and exporting.
//!
//! The store's default graph is the merge of all named graphs, kept up to
//! date as graphs are replaced: every statement that some graph makes is in
//! it once. Queries without GRAPH read it, so the same label asserted by five
//! articles is one row, as in a union graph with set semantics.
//!
//! Two backends, one interface:
//! - default: oxigraph's in-memory store, persisted in the store folder as an
//!   N-Quads snapshot that is written to a temporary file and renamed after
//!   every change, and loaded at start;
//! - feature `rocksdb`: oxigraph's on-disk RocksDB store in the same folder,
//!   for archives too large to load at every start.
//!
//! The folder also keeps the last build's file stamps (see
//! [`crate::pipeline::stamps`]), valid only until the store is next written:
//! the store deletes them when it is opened for writing and at each write.

mod bind;
mod bulk;

pub use bulk::with_merged_copy;

use crate::graph::vocab::{GAZETTEER_GRAPH, GK_CONTENT_HASH, ONTOLOGY_GRAPH, PREFIXES};
use crate::graph::{iri, reference};
use anyhow::{Context, Result, anyhow, bail};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, NamedNodeRef, Quad, QuadRef, Term, Triple, Variable};
use oxigraph::sparql::{CancellationToken, QueryExplanation, QueryResults, SparqlEvaluator};
use oxigraph::store::Transaction;
use spargebra::SparqlParser;
use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError};

/// How a store is opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Queries only: other readers may share the store.
    Read,
    /// Builds and loads: no other govkg process may have the store open.
    Write,
}

/// An open govkg store.
pub struct Store {
    inner: oxigraph::store::Store,
    dir: PathBuf,
    /// Held for the life of the store: an OS file lock on `dir/lock`.
    lock: File,
    access: Access,
    /// The last build's file stamps, taken from the store folder when the
    /// store was opened for writing (see [`Store::take_build_stamps`]).
    build_stamps: Mutex<Option<String>>,
    /// Whether stamps are saved in the folder, to be deleted at the next
    /// write.
    stamps_saved: AtomicBool,
}

/// The file, in the store folder, of the last build's file stamps.
const BUILD_STAMPS: &str = "build-stamps.tsv";

/// The in-memory store's snapshot, in the store folder.
#[cfg(not(feature = "rocksdb"))]
const SNAPSHOT: &str = "snapshot.nq";

impl Store {
    /// Opens (creating if needed) the store in `dir`.
    pub fn open(dir: &Path, access: Access) -> Result<Self> {
        fs::create_dir_all(dir).with_context(|| format!("cannot create store folder {}", dir.display()))?;
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join("lock"))
            .with_context(|| format!("cannot open store lock {}", dir.join("lock").display()))?;
        let locked = match (access, cfg!(feature = "rocksdb")) {
            // RocksDB allows one process per store, readers included.
            (Access::Write, _) | (Access::Read, true) => lock.try_lock(),
            (Access::Read, false) => lock.try_lock_shared(),
        };
        if let Err(err) = locked {
            return Err(match err {
                fs::TryLockError::WouldBlock => anyhow!(
                    "store {} is in use by another govkg process (try again when it has finished)",
                    dir.display()
                ),
                fs::TryLockError::Error(err) => anyhow!(err).context(format!("cannot lock store {}", dir.display())),
            });
        }
        let inner = open_backend(dir)?;
        let store = Self {
            inner,
            dir: dir.to_path_buf(),
            lock,
            access,
            build_stamps: Mutex::new(None),
            stamps_saved: AtomicBool::new(true),
        };
        if access == Access::Write {
            store.take_stamps_from_folder();
        }
        Ok(store)
    }

    /// The folder of the store.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Turns a read handle into a write handle, if no other process reads.
    pub fn upgrade(&mut self) -> Result<()> {
        if self.access == Access::Write {
            return Ok(());
        }
        self.lock.try_lock().map_err(|_| {
            anyhow!("store {} is in use by another govkg process; cannot write to it now", self.dir.display())
        })?;
        self.access = Access::Write;
        self.take_stamps_from_folder();
        Ok(())
    }

    /// The file stamps the last build saved, if nothing has written to the
    /// store since: they describe the store only as that build left it, so
    /// the store deletes them from its folder as soon as it may be written
    /// (when opened for writing, and at each write), and keeps them in
    /// memory for the build that is about to run.
    pub fn take_build_stamps(&self) -> Option<String> {
        self.build_stamps.lock().unwrap_or_else(PoisonError::into_inner).take()
    }

    /// Saves a build's file stamps in the store folder, for the next build;
    /// they are deleted at the next write. Call after [`Store::persist`].
    pub fn save_build_stamps(&self, text: &str) -> Result<()> {
        self.require_write()?;
        let path = self.dir.join(BUILD_STAMPS);
        let temporary = temporary_beside(&path);
        fs::write(&temporary, text).with_context(|| format!("cannot write {}", temporary.display()))?;
        fs::rename(&temporary, &path).with_context(|| format!("cannot replace {}", path.display()))?;
        self.stamps_saved.store(true, Ordering::SeqCst);
        Ok(())
    }

    fn take_stamps_from_folder(&self) {
        let text = fs::read_to_string(self.dir.join(BUILD_STAMPS)).ok();
        *self.build_stamps.lock().unwrap_or_else(PoisonError::into_inner) = text;
        self.forget_saved_stamps();
    }

    fn forget_saved_stamps(&self) {
        if self.stamps_saved.swap(false, Ordering::SeqCst) {
            // Not there is as good as deleted.
            fs::remove_file(self.dir.join(BUILD_STAMPS)).ok();
        }
    }

    /// The underlying Oxigraph store.
    pub fn oxigraph(&self) -> &oxigraph::store::Store {
        &self.inner
    }

    /// Loads the ontology and gazetteer graphs, replacing older versions.
    pub fn install_reference_graphs(&self) -> Result<()> {
        self.replace_graph(NamedNode::new_unchecked(ONTOLOGY_GRAPH).as_ref(), reference::ontology_quads())?;
        self.replace_graph(NamedNode::new_unchecked(GAZETTEER_GRAPH).as_ref(), reference::gazetteer_quads())
    }

    /// Replaces a named graph with `quads`, in one transaction: readers see
    /// the old graph or the new one, never half of either.
    pub fn replace_graph(&self, graph: NamedNodeRef<'_>, quads: Vec<Quad>) -> Result<()> {
        self.require_write()?;
        let mut transaction = self.inner.start_transaction()?;
        write_graph(&mut transaction, graph, Some(&quads))?;
        transaction.commit()?;
        Ok(())
    }

    /// Replaces several named graphs in one transaction.
    pub fn replace_graphs(&self, graphs: Vec<(NamedNode, Vec<Quad>)>) -> Result<()> {
        self.require_write()?;
        if graphs.is_empty() {
            return Ok(());
        }
        let mut transaction = self.inner.start_transaction()?;
        for (graph, quads) in &graphs {
            write_graph(&mut transaction, graph.as_ref(), Some(quads))?;
        }
        transaction.commit()?;
        Ok(())
    }

    /// Drops a named graph (an article removed from the archive).
    pub fn remove_graph(&self, graph: NamedNodeRef<'_>) -> Result<bool> {
        self.require_write()?;
        if !self.inner.contains_named_graph(graph)? {
            return Ok(false);
        }
        let mut transaction = self.inner.start_transaction()?;
        write_graph(&mut transaction, graph, None)?;
        transaction.commit()?;
        Ok(true)
    }

    /// Loads an RDF file (Turtle, TriG, N-Triples, N-Quads, RDF/XML) into the
    /// store; triples go to `graph` (a graph named after the file by default).
    pub fn load_file(&self, path: &Path, graph: Option<NamedNode>) -> Result<usize> {
        self.require_write()?;
        let format = path
            .extension()
            .and_then(|e| e.to_str())
            .and_then(RdfFormat::from_extension)
            .ok_or_else(|| anyhow!("{}: unknown RDF format (use .ttl, .trig, .nt, .nq or .rdf)", path.display()))?;
        let file = File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
        let graph = graph.unwrap_or_else(|| {
            iri::entity(&format!(
                "file-{}",
                path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned())
            ))
        });
        let quads = oxigraph::io::RdfParser::from_format(format)
            .with_default_graph(graph)
            .for_reader(BufReader::new(file))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| anyhow!("{}:{e}", path.display()))?;
        let count = quads.len();
        let mut transaction = self.inner.start_transaction()?;
        let mut by_graph: HashMap<NamedNode, Vec<Quad>> = HashMap::new();
        for quad in quads {
            let GraphName::NamedNode(name) = &quad.graph_name else {
                continue;
            };
            by_graph.entry(name.clone()).or_default().push(quad);
        }
        for (name, mut quads) in by_graph {
            // Loading adds to a graph: keep what it had.
            quads.extend(
                transaction
                    .quads_for_pattern(None, None, None, Some(name.as_ref().into()))
                    .collect::<Result<Vec<_>, _>>()?,
            );
            write_graph(&mut transaction, name.as_ref(), Some(&quads))?;
        }
        transaction.commit()?;
        Ok(count)
    }

    /// The content hash recorded for one article, if it is in the store.
    pub fn article_hash(&self, doc: NamedNodeRef<'_>) -> Result<Option<String>> {
        let recorded = self
            .inner
            .quads_for_pattern(Some(doc.into()), Some(GK_CONTENT_HASH.as_ref()), None, Some(doc.into()))
            .next()
            .transpose()?;
        Ok(recorded.and_then(|quad| match quad.object {
            Term::Literal(hash) => Some(hash.value().to_string()),
            _ => None,
        }))
    }

    /// The content hash recorded for each article, by article IRI.
    pub fn article_hashes(&self) -> Result<HashMap<String, String>> {
        let query = "SELECT ?doc ?hash WHERE { GRAPH ?doc { ?doc gk:contentHash ?hash } }";
        let mut hashes = HashMap::new();
        if let QueryResults::Solutions(solutions) = self.query(query, &[], None)? {
            for solution in solutions {
                let solution = solution?;
                if let (Some(Term::NamedNode(doc)), Some(Term::Literal(hash))) =
                    (solution.get("doc"), solution.get("hash"))
                {
                    hashes.insert(doc.as_str().to_string(), hash.value().to_string());
                }
            }
        }
        Ok(hashes)
    }

    /// Writes the store's changes where they survive the process: for the
    /// in-memory store, a new snapshot written beside the old one and renamed
    /// over it, so a crash leaves one or the other whole.
    pub fn persist(&self) -> Result<()> {
        self.require_write()?;
        self.persist_backend()
    }

    #[cfg(feature = "rocksdb")]
    fn persist_backend(&self) -> Result<()> {
        Ok(self.inner.flush()?)
    }

    #[cfg(not(feature = "rocksdb"))]
    fn persist_backend(&self) -> Result<()> {
        let target = self.dir.join(SNAPSHOT);
        let temporary = self.dir.join(format!("{SNAPSHOT}.tmp"));
        let file = File::create(&temporary).with_context(|| format!("cannot write {}", temporary.display()))?;
        let mut writer = self.inner.dump_to_writer(RdfFormat::NQuads, BufWriter::new(file))?;
        writer.flush()?;
        writer.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        fs::rename(&temporary, &target).with_context(|| format!("cannot replace {}", target.display()))?;
        File::open(&self.dir).and_then(|d| d.sync_all()).ok();
        Ok(())
    }

    /// Runs a SPARQL query with govkg's prefixes declared and `bindings`
    /// bound (see [`bind`]).
    pub fn query(
        &self,
        sparql: &str,
        bindings: &[(Variable, Term)],
        cancel: Option<CancellationToken>,
    ) -> Result<QueryResults<'static>> {
        let mut evaluator = SparqlEvaluator::new();
        if let Some(token) = cancel {
            evaluator = evaluator.with_cancellation_token(token);
        }
        self.query_with(evaluator, parser(), sparql, bindings)
    }

    /// Runs a SPARQL query read by `parser` (with its prefixes) with
    /// `evaluator` (with its cancellation token), `bindings` bound as a
    /// `VALUES` row at the start of its `WHERE` clause (see [`bind`]).
    pub fn query_with(
        &self,
        evaluator: SparqlEvaluator,
        parser: SparqlParser,
        sparql: &str,
        bindings: &[(Variable, Term)],
    ) -> Result<QueryResults<'static>> {
        let query = parser.parse_query(sparql).map_err(|e| anyhow!("invalid SPARQL: {e}"))?;
        let query = bind::bind(query, bindings)?;
        Ok(evaluator.for_query(query).on_store(&self.inner).execute()?)
    }

    /// Runs a query like [`Store::query_with`], with `bindings` bound, and
    /// also returns oxigraph's account of how it evaluates it: the plan,
    /// with the rows and time of each step once the results have been read.
    pub fn query_explained(
        &self,
        parser: SparqlParser,
        sparql: &str,
        bindings: &[(Variable, Term)],
    ) -> Result<(Result<QueryResults<'static>>, QueryExplanation)> {
        let query = parser.parse_query(sparql).map_err(|e| anyhow!("invalid SPARQL: {e}"))?;
        let query = bind::bind(query, bindings)?;
        let (results, explanation) = evaluator().for_query(query).on_store(&self.inner).compute_statistics().explain();
        Ok((results.map_err(anyhow::Error::from), explanation))
    }

    /// Writes the store in an RDF format, to a temporary file renamed into
    /// place (or to standard output when `path` is `None`). Turtle and
    /// N-Triples write the merged default graph; TriG and N-Quads the named
    /// graphs, one per article.
    pub fn export(&self, format: RdfFormat, path: Option<&Path>) -> Result<usize> {
        match path {
            None => {
                let stdout = std::io::stdout().lock();
                self.write_rdf(format, BufWriter::new(stdout)).map(|(count, _)| count)
            }
            Some(path) => {
                let temporary = temporary_beside(path);
                let file = File::create(&temporary).with_context(|| format!("cannot write {}", temporary.display()))?;
                let result = self.write_rdf(format, BufWriter::new(file)).and_then(|(count, writer)| {
                    writer.into_inner().map_err(|e| e.into_error())?.sync_all()?;
                    Ok(count)
                });
                match result {
                    Ok(count) => {
                        fs::rename(&temporary, path).with_context(|| format!("cannot write {}", path.display()))?;
                        Ok(count)
                    }
                    Err(err) => {
                        fs::remove_file(&temporary).ok();
                        Err(err)
                    }
                }
            }
        }
    }

    fn write_rdf<W: Write>(&self, format: RdfFormat, writer: W) -> Result<(usize, W)> {
        let mut serializer = RdfSerializer::from_format(format);
        for (prefix, namespace) in PREFIXES {
            serializer = serializer.with_prefix(*prefix, *namespace)?;
        }
        let mut out = serializer.for_writer(writer);
        let mut count = 0;
        if format.supports_datasets() {
            for quad in self.inner.iter() {
                let quad = quad?;
                if !quad.graph_name.is_default_graph() {
                    out.serialize_quad(&quad)?;
                    count += 1;
                }
            }
        } else {
            // Sorted by subject, so Turtle groups each subject's statements.
            let mut triples: Vec<Triple> = self
                .inner
                .quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph))
                .map(|q| q.map(Triple::from))
                .collect::<Result<_, _>>()?;
            triples.sort_by_cached_key(|t| (t.subject.to_string(), t.predicate.to_string(), t.object.to_string()));
            for triple in &triples {
                out.serialize_triple(triple)?;
            }
            count = triples.len();
        }
        let mut writer = out.finish()?;
        writer.flush()?;
        Ok((count, writer))
    }

    /// Number of quads in the store.
    pub fn len(&self) -> Result<usize> {
        Ok(self.inner.len()?)
    }

    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.inner.is_empty()?)
    }

    /// Fails on a store opened for reading; otherwise the store is about to
    /// change, so the last build's file stamps no longer describe it.
    fn require_write(&self) -> Result<()> {
        if self.access != Access::Write {
            bail!("store {} was opened for reading only", self.dir.display());
        }
        self.forget_saved_stamps();
        Ok(())
    }

    /// Whether the default graph of this store is empty of articles.
    pub fn contains_graph(&self, graph: NamedNodeRef<'_>) -> Result<bool> {
        Ok(self.inner.contains_named_graph(graph)?)
    }

    /// All quads of one graph.
    pub fn graph_quads(&self, graph: NamedNodeRef<'_>) -> Result<Vec<Quad>> {
        Ok(self
            .inner
            .quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph)))
            .collect::<Result<Vec<_>, _>>()?)
    }
}

/// Replaces (or with `None`, drops) a named graph within a transaction, and
/// keeps the default graph the merge of all named graphs: new statements are
/// added to it, and old ones leave it when no other graph makes them.
fn write_graph(transaction: &mut Transaction<'_>, graph: NamedNodeRef<'_>, quads: Option<&[Quad]>) -> Result<()> {
    let old: Vec<Triple> = transaction
        .quads_for_pattern(None, None, None, Some(graph.into()))
        .map(|q| q.map(Triple::from))
        .collect::<Result<_, _>>()?;
    transaction.remove_named_graph(graph)?;
    if let Some(quads) = quads {
        transaction.insert_named_graph(graph);
        for quad in quads {
            let quad = QuadRef::new(quad.subject.as_ref(), quad.predicate.as_ref(), quad.object.as_ref(), graph);
            transaction.insert(quad);
            transaction.insert(QuadRef::new(quad.subject, quad.predicate, quad.object, GraphNameRef::DefaultGraph));
        }
    }
    for triple in &old {
        let elsewhere = transaction
            .quads_for_pattern(
                Some(triple.subject.as_ref()),
                Some(triple.predicate.as_ref()),
                Some(triple.object.as_ref()),
                None,
            )
            .any(|q| q.is_ok_and(|q| !q.graph_name.is_default_graph()));
        if !elsewhere {
            transaction.remove(QuadRef::new(
                triple.subject.as_ref(),
                triple.predicate.as_ref(),
                triple.object.as_ref(),
                GraphNameRef::DefaultGraph,
            ));
        }
    }
    Ok(())
}

/// A SPARQL parser with govkg's prefixes.
pub fn parser() -> SparqlParser {
    let mut parser = SparqlParser::new();
    for (prefix, namespace) in PREFIXES {
        parser = parser.with_prefix(*prefix, *namespace).expect("prefix namespaces are valid IRIs");
    }
    parser
}

/// A SPARQL evaluator with govkg's prefixes. govkg builds oxigraph without
/// its HTTP client, so SERVICE calls to remote endpoints are refused.
pub fn evaluator() -> SparqlEvaluator {
    let mut evaluator = SparqlEvaluator::new();
    for (prefix, namespace) in PREFIXES {
        evaluator = evaluator.with_prefix(*prefix, *namespace).expect("prefix namespaces are valid IRIs");
    }
    evaluator
}

fn temporary_beside(path: &Path) -> PathBuf {
    let name = path.file_name().map_or_else(|| "export".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

#[cfg(not(feature = "rocksdb"))]
fn open_backend(dir: &Path) -> Result<oxigraph::store::Store> {
    let store = oxigraph::store::Store::new()?;
    let snapshot = dir.join(SNAPSHOT);
    if snapshot.exists() {
        let size = fs::metadata(&snapshot).map(|m| m.len()).unwrap_or(0);
        let progress = crate::progress::bytes("loading store", size);
        let file = File::open(&snapshot).with_context(|| format!("cannot read {}", snapshot.display()))?;
        let reader = progress.wrap_read(BufReader::new(file));
        let mut loader = store.bulk_loader();
        loader
            .load_from_reader(RdfFormat::NQuads, reader)
            .with_context(|| format!("store snapshot {} is damaged", snapshot.display()))?;
        loader.commit()?;
        progress.finish_and_clear();
    }
    Ok(store)
}

#[cfg(feature = "rocksdb")]
fn open_backend(dir: &Path) -> Result<oxigraph::store::Store> {
    oxigraph::store::Store::open(dir.join("rocksdb"))
        .with_context(|| format!("cannot open RocksDB store in {}", dir.display()))
}
