//! `govkg serve` as clients meet it: the real binary on a store built from
//! the seeds, questioned over real TCP connections by a small HTTP/1.1
//! client, including requests no well-behaved client would send.

#[path = "common/random.rs"]
mod random;

use oxigraph::io::{RdfFormat, RdfParser};
use random::Random;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const PLATFORMS: &str = "SELECT ?platform WHERE { ?platform a gk:Platform } ORDER BY ?platform";

/// A `govkg serve` process on a store of its own, killed when dropped.
struct Endpoint {
    child: Child,
    address: SocketAddr,
    /// The store's folder; taken by `stop`.
    dir: Option<tempfile::TempDir>,
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

impl Endpoint {
    /// Serves a store built from the seed articles, with `options`.
    fn start(options: &[&str]) -> Self {
        let dir = tempfile::tempdir().expect("temporary folder");
        let store = dir.path().join("store");
        let built = Command::new(env!("CARGO_BIN_EXE_govkg"))
            .args(["build", "seeds"])
            .env("GOVKG_STORE", &store)
            .current_dir(repo())
            .output()
            .expect("govkg build runs");
        assert!(built.status.success(), "build failed: {}", String::from_utf8_lossy(&built.stderr));
        Self::serve(dir, options)
    }

    /// Serves the store in `dir` (built earlier).
    fn serve(dir: tempfile::TempDir, options: &[&str]) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_govkg"))
            .args(["serve", "--bind", "127.0.0.1:0"])
            .args(options)
            .env("GOVKG_STORE", dir.path().join("store"))
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("govkg serve starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut line).expect("the address line");
        let address = line
            .trim()
            .strip_prefix("listening on http://")
            .and_then(|rest| rest.strip_suffix("/query"))
            .unwrap_or_else(|| panic!("unexpected first line: {line:?}"))
            .parse()
            .expect("a socket address");
        Self { child, address, dir: Some(dir) }
    }

    /// Stops the server and hands back its store.
    fn stop(mut self) -> tempfile::TempDir {
        self.kill();
        self.dir.take().expect("the store")
    }

    fn kill(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
    }

    fn is_running(&mut self) -> bool {
        self.child.try_wait().expect("child status").is_none()
    }

    /// Sends raw bytes on a new connection and reads until the server
    /// closes it.
    fn raw(&self, request: &[u8]) -> Vec<u8> {
        let mut stream = TcpStream::connect(self.address).expect("connect");
        stream.set_read_timeout(Some(Duration::from_secs(20))).expect("timeout");
        // The server may answer (and close) before reading it all.
        stream.write_all(request).ok();
        stream.shutdown(Shutdown::Write).ok();
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).ok();
        answer
    }

    fn request(&self, method: &str, target: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
        let mut request = format!("{method} {target} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n", self.address);
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        if method == "POST" {
            request.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        let mut bytes = request.into_bytes();
        bytes.extend_from_slice(b"\r\n");
        bytes.extend_from_slice(body);
        Reply::parse(&self.raw(&bytes))
    }

    fn get(&self, query: &str, accept: &str) -> Reply {
        self.request("GET", &format!("/query?query={}", encode(query)), &[("Accept", accept)], b"")
    }

    fn post_query(&self, query: &str, accept: &str) -> Reply {
        self.request(
            "POST",
            "/query",
            &[("Content-Type", "application/sparql-query"), ("Accept", accept)],
            query.as_bytes(),
        )
    }

    fn post_form(&self, path: &str, form: &str) -> Reply {
        self.request("POST", path, &[("Content-Type", "application/x-www-form-urlencoded")], form.as_bytes())
    }
}

impl Drop for Endpoint {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A response, as read off the wire.
#[derive(Debug)]
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn parse(bytes: &[u8]) -> Self {
        let text = String::from_utf8_lossy(bytes);
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or_else(|| panic!("no complete response: {text:?}"));
        let mut lines = head.lines();
        let status_line = lines.next().unwrap_or_default();
        let status = status_line.split(' ').nth(1).and_then(|s| s.parse().ok()).expect("a status code");
        let headers = lines
            .filter_map(|line| line.split_once(':'))
            .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_string()))
            .collect();
        Self { status, headers, body: body.to_string() }
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    fn content_type(&self) -> &str {
        self.header("content-type").unwrap_or_default()
    }

    /// Asserts the status, showing the body when it differs.
    fn expect(self, status: u16) -> Self {
        assert_eq!(self.status, status, "body: {}", self.body);
        self
    }
}

/// Percent-encodes everything but unreserved characters.
fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => char::from(b).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn triples(text: &str, format: RdfFormat) -> usize {
    RdfParser::from_format(format).for_slice(text.as_bytes()).collect::<Result<Vec<_>, _>>().expect("valid RDF").len()
}

#[test]
fn get_and_post_give_the_same_answer() {
    let endpoint = Endpoint::start(&[]);
    let by_get = endpoint.get(PLATFORMS, "application/sparql-results+json").expect(200);
    assert_eq!(by_get.content_type(), "application/sparql-results+json");
    assert!(by_get.body.contains("https://w3id.org/govkg/id/platform-sina-weibo"), "{}", by_get.body);
    assert_eq!(by_get.header("access-control-allow-origin"), Some("*"), "CORS, for browser clients");

    let by_post = endpoint.post_query(PLATFORMS, "application/sparql-results+json").expect(200);
    let by_form = endpoint.post_form("/query", &format!("query={}", encode(PLATFORMS))).expect(200);
    let by_sparql_path = endpoint.request("GET", &format!("/sparql?query={}", encode(PLATFORMS)), &[], b"").expect(200);
    assert_eq!(by_post.body, by_get.body);
    assert_eq!(by_form.body, by_get.body);
    assert_eq!(by_sparql_path.body, by_get.body);
}

#[test]
fn each_result_format_by_accept() {
    let endpoint = Endpoint::start(&[]);
    let cases = [
        ("application/sparql-results+json", "application/sparql-results+json", "\"bindings\""),
        ("application/sparql-results+xml", "application/sparql-results+xml", "<sparql"),
        ("text/csv", "text/csv; charset=utf-8", "platform\r\nhttps://w3id.org/govkg/id/platform-"),
        ("text/tab-separated-values", "text/tab-separated-values; charset=utf-8", "?platform\n<https://"),
        ("text/html, application/xml;q=0.9, */*;q=0.8", "application/sparql-results+xml", "<sparql"),
        ("*/*", "application/sparql-results+json", "\"bindings\""),
    ];
    for (accept, content_type, start) in cases {
        let reply = endpoint.get(PLATFORMS, accept).expect(200);
        assert_eq!(reply.content_type(), content_type, "for Accept: {accept}");
        assert!(reply.body.contains(start), "for Accept: {accept}: {}", reply.body);
    }
    let by_parameter = endpoint
        .request("GET", &format!("/query?query={}&format=tsv", encode(PLATFORMS)), &[("Accept", "text/csv")], b"")
        .expect(200);
    assert!(by_parameter.content_type().starts_with("text/tab-separated-values"), "format= overrides Accept");

    let ask = "ASK { ?platform a gk:Platform }";
    assert_eq!(endpoint.get(ask, "application/json").expect(200).body, r#"{"head":{},"boolean":true}"#);
    let ask_xml = endpoint.get(ask, "application/sparql-results+xml").expect(200);
    assert!(ask_xml.body.contains("<boolean>true</boolean>"), "{}", ask_xml.body);
}

#[test]
fn graphs_come_as_turtle_or_as_asked() {
    let endpoint = Endpoint::start(&[]);
    let construct = "CONSTRUCT { ?platform a gk:Platform ; rdfs:label ?label } WHERE { ?platform a gk:Platform ; rdfs:label ?label }";
    let turtle = endpoint.post_query(construct, "").expect(200);
    assert_eq!(turtle.content_type(), "text/turtle");
    assert!(turtle.body.contains("kg:platform-sina-weibo rdfs:label \"Sina Weibo\""), "prefixed: {}", turtle.body);
    let count = triples(&turtle.body, RdfFormat::Turtle);
    assert!(count >= 12, "{count} triples");

    for (accept, format) in [
        ("application/n-triples", RdfFormat::NTriples),
        ("application/rdf+xml", RdfFormat::RdfXml),
        ("application/n-quads", RdfFormat::NQuads),
        ("application/trig", RdfFormat::TriG),
    ] {
        let reply = endpoint.post_query(construct, accept).expect(200);
        assert_eq!(reply.content_type(), format.media_type());
        assert_eq!(triples(&reply.body, format), count, "the same graph as {accept}");
    }
    let describe = endpoint.get("DESCRIBE kg:platform-sina-weibo", "text/turtle").expect(200);
    assert!(describe.body.contains("Sina Weibo"), "{}", describe.body);
}

#[test]
fn an_accept_nothing_fits_is_406() {
    let endpoint = Endpoint::start(&[]);
    let reply = endpoint.get(PLATFORMS, "image/png").expect(406);
    assert!(reply.body.contains("application/sparql-results+json"), "says what it can give: {}", reply.body);
    endpoint.get("CONSTRUCT WHERE { ?s a gk:Platform }", "text/csv").expect(406);
    endpoint.request("GET", &format!("/query?query={}&format=png", encode(PLATFORMS)), &[], b"").expect(406);
}

#[test]
fn graph_parameters_choose_the_dataset() {
    let endpoint = Endpoint::start(&[]);
    let count = "SELECT (COUNT(DISTINCT ?doc) AS ?n) WHERE { GRAPH ?doc { ?doc gk:contentHash ?hash } }";
    let all = endpoint.get(count, "text/csv").expect(200);
    assert!(all.body.ends_with("\r\n5\r\n"), "{}", all.body);
    let article = "https://w3id.org/govkg/id/doc-000_6be1f48adc806788";
    let one = endpoint
        .request("GET", &format!("/query?query={}&named-graph-uri={}", encode(count), encode(article)), &[], b"")
        .expect(200);
    assert!(one.body.contains("\"value\":\"1\""), "one named graph: {}", one.body);
    let bad = endpoint
        .request("GET", &format!("/query?query={}&default-graph-uri=not%20an%20iri", encode(count)), &[], b"")
        .expect(400);
    assert!(bad.body.contains("default-graph-uri"), "{}", bad.body);
}

#[test]
fn updates_are_refused_unless_writable() {
    let insert = "INSERT DATA { kg:platform-sina-weibo rdfs:comment \"added over HTTP\" }";
    let added = "ASK { kg:platform-sina-weibo rdfs:comment \"added over HTTP\" }";

    let read_only = Endpoint::start(&[]);
    let refused = read_only.post_form("/update", &format!("update={}", encode(insert))).expect(403);
    assert!(refused.body.contains("--writable"), "{}", refused.body);
    read_only
        .request("POST", "/update", &[("Content-Type", "application/sparql-update")], insert.as_bytes())
        .expect(403);
    read_only.request("GET", &format!("/query?update={}", encode(insert)), &[], b"").expect(405);
    assert!(read_only.get(added, "").expect(200).body.contains("false"));
    drop(read_only);

    let writable = Endpoint::start(&["--writable"]);
    writable.post_form("/update", &format!("update={}", encode(insert))).expect(204);
    assert!(writable.get(added, "").expect(200).body.contains("true"), "visible at once");
    let bad = writable.post_form("/update", "update=INSERT%20DATA%20%7B").expect(400);
    assert!(bad.body.starts_with("invalid SPARQL"), "{}", bad.body);

    // Saved: a new server on the same store still sees it.
    let dir = writable.stop();
    let again = Endpoint::serve(dir, &[]);
    assert!(again.get(added, "").expect(200).body.contains("true"), "persisted");
}

#[test]
fn service_is_refused() {
    let endpoint = Endpoint::start(&[]);
    let reply = endpoint.get("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "").expect(403);
    assert!(reply.body.starts_with("SERVICE is refused"), "{}", reply.body);
}

#[test]
fn a_query_past_the_time_limit_is_stopped_and_others_are_answered_meanwhile() {
    let endpoint = Endpoint::start(&["--timeout", "1"]);
    let cross_product = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
    let started = Instant::now();
    let slow = std::thread::scope(|scope| {
        let slow = scope.spawn(|| endpoint.get(cross_product, ""));
        std::thread::sleep(Duration::from_millis(200));
        let quick = Instant::now();
        endpoint.get(PLATFORMS, "").expect(200);
        assert!(quick.elapsed() < Duration::from_millis(900), "a slow query blocks no other");
        slow.join().expect("the slow request")
    });
    let slow = slow.expect(503);
    assert!(slow.body.contains("time limit of 1 s"), "{}", slow.body);
    assert!(started.elapsed() < Duration::from_secs(10), "stopped in {:?}", started.elapsed());
    endpoint.get(PLATFORMS, "").expect(200);
}

#[test]
fn answers_past_the_row_cap_are_refused_whole() {
    let endpoint = Endpoint::start(&["--max-rows", "5"]);
    // TSV, where a line break inside a literal is escaped: a row is a line.
    let five = endpoint.get("SELECT * WHERE { ?s ?p ?o } LIMIT 5", "text/tab-separated-values").expect(200);
    assert_eq!(five.body.lines().count(), 6, "a header and five rows: {}", five.body);
    let refused = endpoint.get("SELECT * WHERE { ?s ?p ?o } LIMIT 6", "text/csv").expect(400);
    assert!(refused.body.contains("more than 5 rows"), "{}", refused.body);
    endpoint.get("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 6", "").expect(400);
    endpoint.get("ASK { ?s ?p ?o }", "").expect(200);
}

#[test]
fn malformed_requests_are_answered_not_crashed_on() {
    let mut endpoint = Endpoint::start(&["--max-body", "1000"]);
    let syntax = endpoint.get("SELECT * WHERE { ?s ?p }", "").expect(400);
    assert!(syntax.body.starts_with("invalid SPARQL: error at 1:"), "position given: {}", syntax.body);
    assert_eq!(syntax.body.lines().count(), 1, "one line: {}", syntax.body);

    let percent = endpoint.request("GET", "/query?query=SELECT%2", &[], b"").expect(400);
    assert!(percent.body.contains("URL encoding"), "{}", percent.body);
    endpoint.request("GET", "/query?query=%FF%FE", &[], b"").expect(400);
    endpoint.request("GET", "/query", &[], b"").expect(400);
    endpoint.request("GET", "/query?query=ASK%7B%7D&query=ASK%7B%7D", &[], b"").expect(400);
    endpoint.request("GET", "/elsewhere", &[], b"").expect(404);
    let method = endpoint.request("DELETE", "/query", &[], b"").expect(405);
    assert_eq!(method.header("allow"), Some("GET, POST, OPTIONS"));
    endpoint.request("POST", "/query", &[("Content-Type", "text/plain")], b"ASK {}").expect(415);
    endpoint.request("POST", "/query", &[("Content-Type", "application/sparql-query")], &[0xff, 0xfe]).expect(400);
    endpoint.request("POST", "/query", &[("Content-Type", "application/sparql-query")], &[b' '; 2000]).expect(413);
    let preflight = endpoint
        .request(
            "OPTIONS",
            "/query",
            &[("Origin", "http://yasgui.example"), ("Access-Control-Request-Method", "POST")],
            b"",
        )
        .expect(204);
    assert!(preflight.header("access-control-allow-headers").is_some_and(|h| h.contains("Content-Type")));
    assert_eq!(preflight.header("access-control-allow-origin"), Some("*"));

    let garbage = endpoint.raw(b"\x00\x01\x02 not http at all\r\n\r\n");
    assert!(garbage.starts_with(b"HTTP/1.1 400"), "{}", String::from_utf8_lossy(&garbage));
    let truncated_headers = endpoint.raw(b"GET /query?query=ASK%7B%7D HTTP/1.1\r\nHost: x");
    assert!(truncated_headers.is_empty() || truncated_headers.starts_with(b"HTTP/1.1 4"));
    let truncated_body = endpoint.raw(
        b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 100\r\n\r\nASK",
    );
    assert!(truncated_body.starts_with(b"HTTP/1.1 400"), "{}", String::from_utf8_lossy(&truncated_body));

    assert!(endpoint.is_running());
    endpoint.get(PLATFORMS, "").expect(200);
}

/// A request built from pieces real and broken, then perhaps cut or
/// corrupted.
fn random_request(random: &mut Random) -> Vec<u8> {
    if random.below(10) == 0 {
        let len = random.below(300);
        return random.bytes(len);
    }
    let method = random.pick(&["GET", "POST", "OPTIONS", "PUT", "DELETE", "HEAD", "BREW", "", "G\0T"]);
    let path =
        random.pick(&["/query", "/sparql", "/update", "/", "/nowhere", "*", "", "/query/../x", "http://x/query"]);
    let query = random.pick(&[
        "SELECT * WHERE { ?s ?p ?o } LIMIT 3",
        "ASK {}",
        "CONSTRUCT WHERE { ?s a gk:Platform }",
        "SELECT * WHERE { ?s ?p",
        "INSERT DATA { <a:b> <a:b> <a:b> }",
        "SELECT * WHERE { SERVICE <http://example.org/> { ?s ?p ?o } }",
        "DESCRIBE ?s WHERE { ?s a gk:Platform }",
        "",
    ]);
    let encoded = match random.below(4) {
        0 => query.to_string(),
        1 => format!("{}%{}", encode(query), random.pick(&["", "z", "2", "ZZ", "FF"])),
        _ => encode(query),
    };
    let parameter = random.pick(&["query", "update", "format", "default-graph-uri", "named-graph-uri", "q"]);
    let target = match random.below(3) {
        0 => path.to_string(),
        _ => format!("{path}?{parameter}={encoded}"),
    };
    let mut head = format!("{method} {target} HTTP/1.{}\r\nHost: localhost\r\n", random.below(3));
    for _ in 0..random.below(4) {
        let header = random.pick(&[
            "Accept: text/csv",
            "Accept: */*;q=abc",
            "Accept: ,,;;",
            "Content-Type: application/sparql-query",
            "Content-Type: application/x-www-form-urlencoded",
            "Content-Type: application/sparql-update",
            "Content-Type",
            "Content-Length: 5",
            "Content-Length: -1",
            "Content-Length: 99999999999999999999",
            "Transfer-Encoding: chunked",
            "Expect: 100-continue",
            "Connection: close",
            ": empty name",
        ]);
        head.push_str(header);
        head.push_str("\r\n");
    }
    let body = match random.below(3) {
        0 => Vec::new(),
        1 => format!("{parameter}={encoded}").into_bytes(),
        _ => {
            let len = random.below(200);
            random.bytes(len)
        }
    };
    if !head.contains("Content-Length") && random.below(2) == 0 {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    let mut request = head.into_bytes();
    request.extend_from_slice(b"\r\n");
    request.extend_from_slice(&body);
    match random.below(5) {
        0 => request.truncate(random.below(request.len() + 1)),
        1 => {
            let at = random.below(request.len());
            request[at] = random.next() as u8;
        }
        _ => {}
    }
    request
}

#[test]
fn a_thousand_random_and_malformed_requests_leave_it_answering() {
    let mut endpoint = Endpoint::start(&["--timeout", "2"]);
    let mut random = Random(0x5eed_2026_0bad_cafe);
    let mut answered = 0;
    for _ in 0..1000 {
        let request = random_request(&mut random);
        let answer = endpoint.raw(&request);
        if !answer.is_empty() {
            assert!(answer.starts_with(b"HTTP/1.1 "), "not HTTP: {:?}", String::from_utf8_lossy(&answer));
            assert!(
                !answer.starts_with(b"HTTP/1.1 500"),
                "a server error for {:?}: {:?}",
                String::from_utf8_lossy(&request),
                String::from_utf8_lossy(&answer)
            );
            answered += 1;
        }
    }
    assert!(answered > 500, "only {answered} of 1,000 requests got an answer");
    assert!(endpoint.is_running(), "the server is still up");
    let reply = endpoint.get(PLATFORMS, "text/csv").expect(200);
    assert!(reply.body.contains("platform-sina-weibo"), "{}", reply.body);
}

#[test]
fn a_public_address_needs_to_be_asked_for() {
    let dir = tempfile::tempdir().expect("temporary folder");
    std::fs::create_dir(dir.path().join("store")).expect("store folder");
    let refused = Command::new(env!("CARGO_BIN_EXE_govkg"))
        .args(["serve", "--bind", "0.0.0.0:0"])
        .env("GOVKG_STORE", dir.path().join("store"))
        .output()
        .expect("govkg runs");
    assert!(!refused.status.success());
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(message.contains("not a loopback address") && message.contains("--allow-remote"), "{message}");
}
