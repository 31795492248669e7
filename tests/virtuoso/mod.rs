//! `govkg push` and `govkg query --endpoint` against a real SPARQL store
//! that govkg did not write: a Virtuoso started on loopback for the test by
//! `scripts/virtuoso.sh`. Without Virtuoso installed the test prints a SKIP
//! line, unless GOVKG_REQUIRE_VIRTUOSO=1 (set by .ci/run), where it fails.

use super::{Govkg, csv_rows, repo};
use std::net::TcpListener;
use std::path::Path;
use std::process::Command;

/// A Virtuoso of the test's own, stopped when dropped.
struct Virtuoso {
    dir: tempfile::TempDir,
    http_port: u16,
}

impl Virtuoso {
    /// Starts one, or says why not: `None` means "skip".
    fn start() -> Option<Self> {
        let required = std::env::var("GOVKG_REQUIRE_VIRTUOSO").is_ok_and(|v| v == "1");
        let installed =
            Command::new("sh").args(["-c", "command -v virtuoso-t"]).output().is_ok_and(|o| o.status.success());
        if !installed {
            assert!(
                !required,
                "GOVKG_REQUIRE_VIRTUOSO=1 but virtuoso-t is not installed (apt-get install virtuoso-opensource)"
            );
            eprintln!(
                "SKIP: Virtuoso is not installed (apt-get install virtuoso-opensource); remote store tests not run"
            );
            return None;
        }
        let dir = tempfile::tempdir().expect("temporary folder");
        let (http_port, sql_port) = (free_port(), free_port());
        let output = Command::new(repo().join("scripts/virtuoso.sh"))
            .args(["start", path(dir.path()), &http_port.to_string(), &sql_port.to_string()])
            .output()
            .expect("scripts/virtuoso.sh runs");
        let virtuoso = Self { dir, http_port };
        assert!(output.status.success(), "Virtuoso did not start: {}", String::from_utf8_lossy(&output.stderr));
        Some(virtuoso)
    }

    fn query_endpoint(&self) -> String {
        format!("http://127.0.0.1:{}/sparql", self.http_port)
    }

    fn graph_store_endpoint(&self) -> String {
        format!("http://127.0.0.1:{}/sparql-graph-crud", self.http_port)
    }
}

impl Drop for Virtuoso {
    fn drop(&mut self) {
        let _stopped = Command::new(repo().join("scripts/virtuoso.sh")).args(["stop", path(self.dir.path())]).status();
    }
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("its address").port()
}

fn path(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// Triples of govkg's graphs, counted where `endpoint` says (local if None).
fn govkg_triples(govkg: &Govkg, endpoint: Option<&str>) -> usize {
    let query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), \"https://w3id.org/govkg/\")) }";
    let mut args = vec!["query", query, "--format", "csv"];
    if let Some(endpoint) = endpoint {
        args.extend(["--endpoint", endpoint]);
    }
    csv_rows(&govkg.ok(&args))[1][0].parse().expect("a count")
}

#[test]
fn pushing_to_virtuoso_twice_changes_nothing_and_it_answers_like_the_store() {
    let Some(virtuoso) = Virtuoso::start() else { return };
    let govkg = Govkg::seeded();
    let local = govkg_triples(&govkg, None);
    let pushed = govkg.ok(&["push", "--endpoint", &virtuoso.graph_store_endpoint()]);
    assert!(pushed.starts_with("pushed 7 graphs"), "5 articles, the ontology and the gazetteer: {pushed}");
    let endpoint = virtuoso.query_endpoint();
    assert_eq!(govkg_triples(&govkg, Some(&endpoint)), local);
    govkg.ok(&["push", "--endpoint", &virtuoso.graph_store_endpoint()]);
    assert_eq!(govkg_triples(&govkg, Some(&endpoint)), local, "a second push replaces, never adds");

    // The same question, with govkg's prefixes, rendered the same way.
    let query = "SELECT ?source ?headline WHERE { GRAPH ?doc { ?doc schema:identifier ?source ; schema:headline ?headline } } ORDER BY ?source";
    for format in ["csv", "table"] {
        let remote = govkg.ok(&["query", query, "--format", format, "--endpoint", &endpoint]);
        assert_eq!(remote, govkg.ok(&["query", query, "--format", format]), "{format}");
    }
    let ask =
        govkg.ok(&["query", "ASK { GRAPH ?g { kg:platform-sina-weibo a gk:Platform } }", "--endpoint", &endpoint]);
    assert!(ask.contains("true"), "{ask}");

    let refused = govkg.fails(&["query", "SELECT * WHERE { ?s ?p }", "--endpoint", &endpoint]);
    assert!(refused.contains("invalid SPARQL"), "checked before it is sent: {refused}");
}
