//! The `govkg` binary as a user runs it: builds, saved queries, the shell on
//! piped input, exports, and the errors a user can hit.

#[path = "common/random.rs"]
mod random;
mod virtuoso;

use oxigraph::model::Dataset;
use oxigraph::model::dataset::CanonicalizationAlgorithm;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A store of its own in a temporary folder, and the binary to run on it.
struct Govkg {
    dir: tempfile::TempDir,
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

impl Govkg {
    fn new() -> Self {
        Self { dir: tempfile::tempdir().expect("temporary folder") }
    }

    /// A store already built from the seed articles.
    fn seeded() -> Self {
        let govkg = Self::new();
        govkg.ok(&["build", repo().join("seeds").to_str().expect("UTF-8 path")]);
        govkg
    }

    fn store(&self) -> PathBuf {
        self.dir.path().join("store")
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_govkg"));
        command
            .args(args)
            .env("GOVKG_STORE", self.store())
            .env("GOVKG_HISTORY", self.dir.path().join("history"))
            .current_dir(repo());
        command
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("govkg runs")
    }

    /// Runs and expects success; returns standard output.
    fn ok(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert!(output.status.success(), "govkg {args:?} failed: {}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).expect("UTF-8 output")
    }

    /// Runs and expects failure; returns standard error.
    fn fails(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert!(!output.status.success(), "govkg {args:?} should fail");
        String::from_utf8(output.stderr).expect("UTF-8 errors")
    }

    /// Runs with `input` on standard input.
    fn with_input(&self, args: &[&str], input: &str) -> Output {
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write input");
        child.wait_with_output().expect("govkg runs")
    }

    /// A new folder in the test's temporary folder.
    fn folder(&self, name: &str) -> PathBuf {
        let folder = self.dir.path().join(name);
        std::fs::create_dir(&folder).expect("create folder");
        folder
    }

    fn csv(&self, query: &str) -> Vec<Vec<String>> {
        csv_rows(&self.ok(&["query", query, "--format", "csv"]))
    }

    fn count(&self, what: &str) -> usize {
        let rows = self.csv(&format!("SELECT (COUNT(*) AS ?n) WHERE {{ {what} }}"));
        rows[1][0].parse().expect("a count")
    }
}

/// Rows of SPARQL CSV results (header first), quoted fields unquoted.
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\r', false) => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// The first row of a CSV result whose leading columns are `keys`.
fn row<'a>(rows: &'a [Vec<String>], keys: &[&str]) -> Option<&'a Vec<String>> {
    rows.iter().find(|r| r.iter().zip(keys).all(|(cell, key)| cell == key))
}

fn column(rows: &[Vec<String>], name: &str) -> usize {
    rows[0].iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name} in {:?}", rows[0]))
}

#[test]
fn building_the_seeds_answers_the_saved_queries() {
    let govkg = Govkg::new();
    let summary = govkg.ok(&["build", "seeds"]);
    assert!(summary.starts_with("built 5 of 5 articles"), "{summary}");
    assert!(summary.contains("entities:") && summary.contains("platforms"), "{summary}");

    let documents = govkg.csv("documents");
    assert_eq!(documents[0], ["source", "title", "publisher", "date"]);
    assert!(documents.contains(&vec![
        "000_6be1f48adc806788".to_string(),
        "Publicity official calls for better use of China's social media".to_string(),
        "Xinhua".to_string(),
        "2012-09-10".to_string()
    ]));

    let figures = govkg.csv("figures");
    assert_eq!(figures[0], ["source", "value", "qualifier", "date", "platform", "measure", "subject", "evidence"]);
    let sina_20000 = figures.iter().find(|r| r[1] == "20000").expect("the 20,000 Sina Weibo accounts");
    assert_eq!(
        (sina_20000[2].as_str(), sina_20000[3].as_str(), sina_20000[4].as_str()),
        ("About", "2011-11", "Sina Weibo")
    );
    assert!(sina_20000[7].contains(" | "), "a figure stated twice keeps both sentences: {}", sina_20000[7]);

    let people = govkg.csv("people");
    assert!(
        people.iter().any(|r| r[1] == "Wang Chen" && r[2] == "head" && r[3] == "State Internet Information Office")
    );
    let platforms = govkg.csv("platforms");
    assert!(platforms.iter().any(|r| r[0] == "004_1be2842a34887ad7" && r[1] == "WeChat"));
}

#[test]
fn building_again_never_duplicates_a_fact() {
    let govkg = Govkg::seeded();
    let quads = govkg.count("GRAPH ?g { ?s ?p ?o }");
    let again = govkg.ok(&["build", "seeds"]);
    assert!(again.contains("0 of 5") || again.contains("(5 unchanged"), "{again}");
    govkg.ok(&["build", "seeds", "--force"]);
    assert_eq!(govkg.count("GRAPH ?g { ?s ?p ?o }"), quads);
}

#[test]
fn every_span_is_where_its_offsets_say() {
    let govkg = Govkg::seeded();
    let wrong = govkg.count(
        "GRAPH ?doc { ?span nif:referenceContext ?doc ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?text . ?doc nif:isString ?all } \
         FILTER(SUBSTR(?all, ?b + 1, ?e - ?b) != ?text)",
    );
    assert_eq!(wrong, 0);
    assert!(govkg.count("?span a nif:Phrase") > 40);
}

#[test]
fn one_node_per_entity_across_articles() {
    let govkg = Govkg::seeded();
    let sina = govkg.csv("SELECT DISTINCT ?doc WHERE { GRAPH ?doc { ?doc schema:mentions kg:platform-sina-weibo } }");
    assert_eq!(sina.len() - 1, 5, "Sina Weibo is one node mentioned by all five articles");
    let labels = govkg.csv("SELECT ?name WHERE { GRAPH ?g { kg:platform-tencent-weibo schema:alternateName ?name } }");
    assert!(labels.iter().any(|r| r[0].contains("micro")), "other names are kept: {labels:?}");
}

#[test]
fn result_formats_are_the_w3c_ones() {
    let govkg = Govkg::seeded();
    let query = "SELECT ?name WHERE { ?p a gk:Platform ; rdfs:label ?name } LIMIT 1";
    assert!(govkg.ok(&["query", query, "--format", "json"]).starts_with("{\"head\":{\"vars\":[\"name\"]}"));
    assert!(govkg.ok(&["query", query, "--format", "xml"]).starts_with("<?xml"));
    assert!(govkg.ok(&["query", query, "--format", "tsv"]).starts_with("?name\n"));
    assert!(govkg.ok(&["query", query]).contains("name"));
    assert_eq!(govkg.ok(&["query", "ASK { ?f a gk:Figure }"]).trim(), "true");
    let turtle = govkg.ok(&["query", "CONSTRUCT { ?p rdfs:label ?n } WHERE { ?p a gk:Platform ; rdfs:label ?n }"]);
    assert!(turtle.contains("@prefix rdfs:") && turtle.contains("rdfs:label"), "{turtle}");
}

#[test]
fn queries_from_files_and_by_name() {
    let govkg = Govkg::seeded();
    let file = govkg.dir.path().join("q.rq");
    std::fs::write(&file, "SELECT (COUNT(*) AS ?n) WHERE { ?d a schema:NewsArticle }").expect("write query");
    let rows = csv_rows(&govkg.ok(&["query", file.to_str().expect("UTF-8"), "--format", "csv"]));
    assert_eq!(rows[1][0], "5");
    let listing = govkg.ok(&["queries"]);
    for name in
        ["figures", "people", "organizations", "platforms", "documents", "growth", "posts", "followers", "quotes"]
    {
        assert!(listing.contains(name), "{name} missing from {listing}");
    }
    assert!(govkg.fails(&["query", "nosuchquery"]).contains("no saved query named \"nosuchquery\""));
}

#[test]
fn parameters_are_bound_not_spliced() {
    let govkg = Govkg::seeded();
    let rows = csv_rows(&govkg.ok(&["query", "growth", "--param", "platform=Sina Weibo", "--format", "csv"]));
    assert!(rows.len() > 2);
    let platform = column(&rows, "platform");
    assert!(rows[1..].iter().all(|r| r[platform] == "Sina Weibo"), "{rows:?}");
    let before = govkg.count("GRAPH ?g { ?s ?p ?o }");
    let hostile = "platform=Sina Weibo\" } } ; DROP ALL ; SELECT * { ?s ?p ?o";
    let rows = csv_rows(&govkg.ok(&["query", "growth", "--param", hostile, "--format", "csv"]));
    assert_eq!(rows.len(), 1, "a hostile value matches nothing: {rows:?}");
    assert_eq!(govkg.count("GRAPH ?g { ?s ?p ?o }"), before);
}

#[test]
fn a_saved_query_bound_to_one_article_gives_that_articles_rows() {
    let govkg = Govkg::seeded();
    let all = govkg.csv("figures");
    let source = column(&all, "source");
    let article = all[1][source].clone();
    let rows = csv_rows(&govkg.ok(&["query", "figures", "-p", &format!("source={article}"), "--format", "csv"]));
    let expected: Vec<&Vec<String>> = all[1..].iter().filter(|r| r[source] == article).collect();
    assert_eq!(rows[1..].iter().collect::<Vec<_>>(), expected, "the bound query keeps the article's rows, in order");
    assert!(expected.len() < all.len() - 1, "the other articles' figures are left out");
    let error = govkg.fails(&["query", "figures", "-p", "sourse=x"]);
    assert_eq!(error.trim().lines().count(), 1, "{error}");
    assert!(error.contains("?sourse is not a variable of the query"), "{error}");
}

#[test]
fn one_build_adds_new_replaces_changed_and_keeps_unchanged_articles() {
    let govkg = Govkg::new();
    let corpus = govkg.folder("corpus");
    let seeds: Vec<PathBuf> = std::fs::read_dir(repo().join("seeds"))
        .expect("seeds")
        .map(|e| e.expect("seed").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    let (first, later) = seeds.split_at(2);
    for seed in first {
        std::fs::copy(seed, corpus.join(seed.file_name().expect("name"))).expect("copy seed");
    }
    govkg.ok(&["build", corpus.to_str().expect("UTF-8")]);
    // Next: one article changed, one unchanged, the rest new, one unreadable.
    let changed = corpus.join(first[0].file_name().expect("name"));
    let mut text = std::fs::read_to_string(&changed).expect("read seed");
    text.push_str("\nBy the end of 2013 the bureau had 4,321 followers on Sina Weibo.\n");
    std::fs::write(&changed, text).expect("change seed");
    for seed in later {
        std::fs::copy(seed, corpus.join(seed.file_name().expect("name"))).expect("copy seed");
    }
    std::fs::write(corpus.join("broken.txt"), [0xffu8, 0xfe, 0x00, 0xd8]).expect("write broken file");
    let output = govkg.run(&["build", corpus.to_str().expect("UTF-8")]);
    let summary = String::from_utf8_lossy(&output.stdout);
    assert!(summary.contains(&format!("built {} of {}", later.len() + 1, seeds.len() + 1)), "{summary}");
    assert!(summary.contains("1 unchanged, 1 skipped"), "{summary}");
    let reference = Govkg::new();
    std::fs::remove_file(corpus.join("broken.txt")).expect("remove broken file");
    reference.ok(&["build", corpus.to_str().expect("UTF-8")]);
    let sorted = |g: &Govkg, query: &str| {
        let mut rows = g.csv(query);
        rows.sort();
        rows
    };
    // (The ontology's blank nodes are named afresh by each store.)
    for (query, what) in [
        ("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(!isBlank(?s) && !isBlank(?o)) }", "the graphs"),
        ("SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER(!isBlank(?s) && !isBlank(?o)) }", "the merged default graph"),
    ] {
        assert!(sorted(&govkg, query) == sorted(&reference, query), "{what} differ from a build from scratch");
    }
    assert_eq!(govkg.count("?f schema:value 4321"), 1, "the changed article's new figure is in the merged graph");
}

#[test]
fn people_lists_each_post_by_the_articles_words_and_also_people_without_one() {
    let govkg = Govkg::new();
    let graph = govkg.dir.path().join("people.trig");
    std::fs::write(
        &graph,
        r#"@prefix schema: <http://schema.org/> . @prefix org: <http://www.w3.org/ns/org#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix kg: <https://w3id.org/govkg/id/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix itsrdf: <http://www.w3.org/2005/11/its/rdf#> .
kg:doc-x {
  kg:doc-x schema:identifier "x" ; schema:mentions kg:a, kg:b, kg:c, kg:d .
  kg:a a schema:Person ; rdfs:label "Ann Li" ; org:holds kg:post-a1, kg:post-a2 .
  kg:post-a1 rdfs:label "head" ; org:heldBy kg:a ; org:postIn kg:bureau ; prov:wasDerivedFrom kg:name-1 .
  kg:post-a2 rdfs:label "spokeswoman" ; org:heldBy kg:a ; org:postIn kg:office ; prov:wasDerivedFrom kg:name-2 .
  kg:name-1 nif:anchorOf "Ann Li" ; nif:sentence kg:sentence-1 .
  kg:sentence-1 nif:anchorOf "Ann Li, head of the Press Bureau, spoke." .
  kg:bureau-1 nif:anchorOf "Press Bureau" ; nif:sentence kg:sentence-1 ; itsrdf:taIdentRef kg:bureau .
  kg:name-2 nif:anchorOf "Ann Li" ; nif:sentence kg:sentence-2 .
  kg:sentence-2 nif:anchorOf "Ann Li is also a spokeswoman." .
  kg:bureau rdfs:label "Municipal Press Bureau" ; schema:alternateName "Bureau of the Press", "Press Bureau" .
  kg:office rdfs:label "Information Office" .
  kg:b a schema:Person ; rdfs:label "Bo Wu" .
  kg:c a schema:Person ; rdfs:label "Cao Ye" ; schema:hasOccupation kg:occupation-c .
  kg:occupation-c a schema:Occupation ; schema:name "premier" .
  kg:d a schema:Person ; rdfs:label "Dai Lin" ; org:memberOf kg:office .
  kg:membership-d a org:Membership ; org:member kg:d ; org:organization kg:office .
}"#,
    )
    .expect("write graph");
    let loaded = govkg.with_input(&["repl"], &format!(".load {}\n", graph.display()));
    assert!(String::from_utf8_lossy(&loaded.stdout).contains("loaded"), "{loaded:?}");
    // The bureau by its mention in the sentence stating the post (not the
    // other name the article wrote, nor its name); the office by its only
    // name; Bo Wu with no post; Cao Ye with an occupation and no body; Dai
    // Lin in a body with no post.
    let expected = [
        ["source", "name", "role", "organization"],
        ["x", "Ann Li", "head", "Press Bureau"],
        ["x", "Ann Li", "spokeswoman", "Information Office"],
        ["x", "Bo Wu", "", ""],
        ["x", "Cao Ye", "premier", ""],
        ["x", "Dai Lin", "", "Information Office"],
    ];
    assert_eq!(govkg.csv("people"), expected);
    let bound = csv_rows(&govkg.ok(&["query", "people", "-p", "source=x", "--format", "csv"]));
    assert_eq!(bound, expected);
}

#[test]
fn a_title_with_no_body_is_an_occupation_with_its_evidence() {
    let govkg = Govkg::new();
    let article = govkg.dir.path().join("premier.txt");
    std::fs::write(
        &article,
        "Premier answers questions online\n\nMarch 5, 2012\n\nPremier Wen Jiabao answered questions from netizens on Sina Weibo on Monday, officials said.\n",
    )
    .expect("write article");
    govkg.ok(&["build", &article.to_string_lossy()]);
    let people = csv_rows(&govkg.ok(&["query", "people", "-p", "source=premier", "--format", "csv"]));
    assert!(
        people.contains(&vec!["premier".into(), "Wen Jiabao".into(), "premier".into(), String::new()]),
        "{people:?}"
    );
    // Like a post, the occupation leads back to its sentence and rule.
    let why = csv_rows(&govkg.ok(&[
        "query",
        "SELECT ?rule WHERE { ?person schema:hasOccupation/prov:wasDerivedFrom ?phrase . ?person schema:hasOccupation/gk:rule ?rule }",
        "--format",
        "csv",
    ]));
    assert_eq!(why, vec![vec!["rule".to_string()], vec!["post.title-name".to_string()]]);
}

#[test]
fn a_body_with_no_post_is_a_membership_with_its_evidence() {
    let govkg = Govkg::new();
    let article = govkg.dir.path().join("member.txt");
    std::fs::write(
        &article,
        "Few accounts answer, study finds\n\nMarch 5, 2012\n\n\"Few accounts answer,\" said Dr Gao Ming of Fudan University on Monday.\n",
    )
    .expect("write article");
    govkg.ok(&["build", &article.to_string_lossy()]);
    let people = csv_rows(&govkg.ok(&["query", "people", "-p", "source=member", "--format", "csv"]));
    assert_eq!(people[1..], [vec!["member".to_string(), "Gao Ming".into(), String::new(), "Fudan University".into()]]);
    let why = csv_rows(&govkg.ok(&[
        "query",
        "SELECT ?rule WHERE { ?m org:member ?person ; org:organization ?body ; prov:wasDerivedFrom ?phrase ; gk:rule ?rule . ?person org:memberOf ?body }",
        "--format",
        "csv",
    ]));
    assert_eq!(why, vec![vec!["rule".to_string()], vec!["membership.name-of-org".to_string()]]);
    // (It conforms to the shapes.)
    if cfg!(feature = "shacl") {
        assert!(govkg.ok(&["validate"]).contains("the graph conforms"));
    }
}

#[test]
fn explain_writes_the_plan_after_the_results() {
    let govkg = Govkg::seeded();
    let output = govkg.run(&["query", "figures", "-p", "source=000_6be1f48adc806788", "--format", "csv", "--explain"]);
    assert!(output.status.success());
    let rows = csv_rows(&String::from_utf8_lossy(&output.stdout));
    assert!(rows.len() > 1 && rows[1..].iter().all(|r| r[0] == "000_6be1f48adc806788"), "{rows:?}");
    let plan = String::from_utf8_lossy(&output.stderr);
    assert!(plan.contains("\"plan\"") && plan.contains("number of results"), "{plan}");
    let shell = govkg.with_input(&["repl"], ".explain SELECT * WHERE { ?s rdfs:label \"Sina  Weibo\" }\n");
    let stdout = String::from_utf8_lossy(&shell.stdout);
    assert!(stdout.contains("Sina  Weibo"), "the query's own quotes and spaces are kept: {stdout}");
}

fn set_modified(path: &std::path::Path, time: std::time::SystemTime) {
    std::fs::File::options().write(true).open(path).and_then(|f| f.set_modified(time)).expect("set the file's time");
}

#[test]
fn a_rebuild_trusts_unchanged_file_times_until_something_else_writes_the_store() {
    let govkg = Govkg::new();
    let corpus = govkg.folder("corpus");
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    let mut copies = Vec::new();
    for name in ["000_6be1f48adc806788.txt", "001_5edc08ff969cea0c.txt"] {
        let copy = corpus.join(name);
        std::fs::copy(repo().join("seeds").join(name), &copy).expect("copy seed");
        set_modified(&copy, an_hour_ago);
        copies.push(copy);
    }
    let corpus = corpus.to_str().expect("UTF-8");
    assert!(govkg.ok(&["build", corpus]).starts_with("built 2 of 2 articles"));

    // Same size, same time, other bytes: trusted as unchanged, as by make.
    let text = std::fs::read_to_string(&copies[0]).expect("read copy");
    std::fs::write(&copies[0], text.replacen("Weibo", "WEIBO", 1)).expect("edit copy");
    set_modified(&copies[0], an_hour_ago);
    let summary = govkg.ok(&["build", corpus]);
    assert!(summary.starts_with("built 0 of 2 articles (2 unchanged"), "{summary}");
    let summary = govkg.ok(&["build", "--force", corpus]);
    assert!(summary.starts_with("built 2 of 2 articles"), "--force reads every file: {summary}");

    // `remove` writes the store: the next build cannot trust the times and
    // finds the removed article missing.
    govkg.ok(&["remove", "000_6be1f48adc806788"]);
    let summary = govkg.ok(&["build", corpus]);
    assert!(summary.starts_with("built 1 of 2 articles (1 unchanged"), "{summary}");
    assert_eq!(govkg.count("GRAPH ?doc { ?doc schema:identifier \"000_6be1f48adc806788\" }"), 1);
}

#[test]
fn the_shell_reads_piped_queries_and_commands() {
    let govkg = Govkg::seeded();
    let input = "SELECT (COUNT(*) AS ?n)\nWHERE {\n  ?d a schema:NewsArticle\n}\n.format csv\nSELECT ?name WHERE { kg:platform-wechat rdfs:label ?name }\n.nosuch\nSELECT * WHERE { ?s ?p }\n.queries\n.run growth platform=\"Tencent Weibo\"\n.help\n.quit\nSELECT 1\n";
    let output = govkg.with_input(&["repl"], input);
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout).replace("\r\n", "\n");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stdout.contains("│ 5 "), "the multi-line query ran: {stdout}");
    assert!(stdout.contains("name\nWeChat\n"), "csv after .format: {stdout}");
    assert!(stdout.contains("1 row in"), "row count and time: {stdout}");
    assert!(stdout.contains("Tencent Weibo,"), ".run with a parameter: {stdout}");
    assert!(stdout.contains(".explain"), ".help lists commands: {stdout}");
    assert!(stderr.contains("unknown command .nosuch"), "{stderr}");
    let syntax = stderr.lines().find(|l| l.contains("invalid SPARQL")).expect("syntax error reported");
    assert!(syntax.contains("1:"), "the position is named: {syntax}");
    assert_eq!(
        stdout.matches("rows in").count() + stdout.matches("row in").count(),
        3,
        ".quit stops before the last query"
    );
}

#[test]
fn the_shell_declares_prefixes_for_the_queries_that_follow() {
    let govkg = Govkg::seeded();
    let input = ".prefix ex: <http://example.org/ns#>\n.format csv\nSELECT (ex:thing AS ?x) {}\n.prefixes\n.prefix bad <http://x/>\n.prefix ex2: http://x/\n.pager off\n.pager maybe\n";
    let output = govkg.with_input(&["repl"], input);
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout).replace("\r\n", "\n");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stdout.contains("x\nhttp://example.org/ns#thing\n"), "the prefix is used: {stdout}");
    assert!(stdout.contains("PREFIX gk: <") && stdout.contains("PREFIX ex: <http://example.org/ns#>"), "{stdout}");
    assert!(stderr.contains("bad: a prefix ends with a colon"), "{stderr}");
    assert!(stderr.contains("http://x/: write the namespace IRI in angle brackets"), "{stderr}");
    assert!(stderr.contains("invalid value 'maybe'"), "{stderr}");
}

#[test]
fn shell_completions_and_the_manual_come_from_the_help() {
    let govkg = Govkg::new();
    let bash = govkg.ok(&["completions", "bash"]);
    assert!(bash.contains("complete -F _govkg") && bash.contains("build"), "{bash}");
    let zsh = govkg.ok(&["completions", "zsh"]);
    assert!(zsh.starts_with("#compdef govkg"), "{zsh}");
    let man = govkg.ok(&["man"]);
    assert!(man.contains(".TH govkg 1") && man.contains("SPARQL"), "{man}");
    assert!(govkg.fails(&["completions", "cmd.exe"]).contains("invalid value"));
}

#[test]
fn the_shell_exports_and_survives_bad_files() {
    let govkg = Govkg::seeded();
    let out = govkg.dir.path().join("graph.nq");
    let output = govkg.with_input(&["repl"], &format!(".export {}\n.load /no/such/file.ttl\n.export\n", out.display()));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(out.exists());
    assert!(stderr.contains("/no/such/file.ttl"), "{stderr}");
    assert!(stderr.lines().count() >= 2, "{stderr}");
}

/// The quads of an RDF file, blank nodes canonicalised so two parses of
/// the same graph compare equal.
fn quads_of(path: &Path, format: oxigraph::io::RdfFormat) -> Dataset {
    let file = std::fs::File::open(path).expect("export exists");
    let mut dataset: Dataset =
        oxigraph::io::RdfParser::from_format(format).for_reader(file).map(|q| q.expect("export parses")).collect();
    dataset.canonicalize(CanonicalizationAlgorithm::Unstable);
    dataset
}

#[test]
fn exports_round_trip() {
    let govkg = Govkg::seeded();
    let trig = govkg.dir.path().join("graph.trig");
    let nquads = govkg.dir.path().join("graph.nq");
    govkg.ok(&["export", "-o", trig.to_str().expect("UTF-8"), "--format", "trig"]);
    govkg.ok(&["export", "-o", nquads.to_str().expect("UTF-8"), "--format", "nquads"]);
    let from_trig = quads_of(&trig, oxigraph::io::RdfFormat::TriG);
    assert!(from_trig == quads_of(&nquads, oxigraph::io::RdfFormat::NQuads), "TriG and N-Quads exports differ");
    assert_eq!(from_trig.len(), govkg.count("GRAPH ?g { ?s ?p ?o }"));

    let turtle = govkg.ok(&["export"]);
    assert!(turtle.starts_with("@prefix"), "readable Turtle with prefixes");
    let triples: Vec<_> = oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::Turtle)
        .for_slice(turtle.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .expect("Turtle export parses");
    assert_eq!(triples.len(), govkg.count("SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"));

    // Loading the export into a fresh store gives the same graph.
    let other = Govkg::new();
    let output = other.with_input(&["repl"], &format!(".load {}\n", nquads.display()));
    assert!(output.status.success());
    assert_eq!(other.count("GRAPH ?g { ?s ?p ?o }"), from_trig.len());
}

#[test]
fn figures_that_disagree_are_paired_once_across_sources() {
    let govkg = Govkg::new();
    let corpus = govkg.dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let article = |name: &str, date: &str, count: &str| {
        let text = format!(
            "Government accounts keep growing\n\n{date}\n\nBEIJING - The number of government accounts on Sina Weibo reached {count} by the end of 2012, a report said.\n\nThe report also said officials answered more questions online.\n"
        );
        std::fs::write(corpus.join(name), text).unwrap();
    };
    article("a-report.txt", "2013-01-05", "60,064");
    article("b-report.txt", "2013-02-01", "65,000");
    article("c-report.txt", "2013-03-01", "60,064");
    govkg.ok(&["build", corpus.to_str().unwrap()]);
    let rows = govkg.csv("disagreements");
    let mut pairs: Vec<(&str, &str, &str, &str)> =
        rows[1..].iter().map(|r| (r[3].as_str(), r[4].as_str(), r[5].as_str(), r[6].as_str())).collect();
    pairs.sort();
    // a and c agree; each disagrees with b, and each pair is listed once.
    assert_eq!(
        pairs,
        [("60064", "a-report", "65000", "b-report"), ("65000", "b-report", "60064", "c-report")],
        "{rows:?}"
    );
    assert!(rows[1..].iter().all(|r| r[1] == "Sina Weibo" && r[2] == "2012-12"), "{rows:?}");
}

#[test]
fn unseen_articles_in_other_styles() {
    let govkg = Govkg::new();
    govkg.ok(&["build", "tests/data/articles"]);
    let documents = govkg.csv("documents");
    assert!(documents.contains(&vec![
        "gt-police-2013".into(),
        "Police embrace microblogs to reach netizens".into(),
        "Global Times".into(),
        "2013-04-12".into()
    ]));
    assert!(documents.iter().any(|r| r[0] == "no-date" && r[3].is_empty()));
    assert!(
        documents.iter().any(|r| r[0] == "reuters-2011" && r[2] == "Reuters" && r[3] == "2011-11-15"),
        "the agency tag opening the story names the publisher: {documents:?}"
    );
    let figures = govkg.csv("figures");
    let find = |source: &str, value: &str| {
        row(&figures, &[source, value]).unwrap_or_else(|| panic!("no figure {value} in {source}: {figures:?}"))
    };
    // "... has exceeded 6,500, ..., according to a report released Thursday"
    // (the day before publication).
    assert_eq!(&find("gt-police-2013", "6500")[2..5], ["MoreThan", "2013-04-11", "Tencent Weibo"]);
    assert_eq!(&find("wire-wechat-2014", "600")[2..5], ["About", "2014-04", "WeChat"]);
    assert_eq!(&find("wire-wechat-2014", "103000")[2..5], ["Exact", "2013-12", "Sina Weibo"]);
    assert_eq!(find("no-date", "32")[3], "", "no publication date, no inferred date");
    let earlier = find("reuters-2011", "600");
    assert_eq!(&earlier[2..5], ["About", "2010-12", "Sina Weibo"], "the earlier value of a change, dated");
    let organizations = govkg.csv("organizations");
    assert!(organizations.iter().any(|r| r[1] == "Tencent Holdings"), "{organizations:?}");
    assert!(organizations.iter().all(|r| !r[1].starts_with("Rival")), "{organizations:?}");
    let people = govkg.csv("people");
    assert!(
        people.iter().any(|r| r[1] == "Li Ming"
            && r[2] == "deputy director"
            && r[3] == "Zhejiang Provincial Information Office")
    );
    assert!(people.iter().all(|r| r[1] != "Zhang Yiwei"), "the byline's author is not a person in the story");
    assert!(people.iter().all(|r| r[1] != "Michael Martina"), "a reporting credit is not a person in the story");
    assert!(people.iter().any(|r| r[1] == "Wang Chen" && r[2] == "director"));
    let post = |name: &str| people.iter().find(|r| r[1] == name).unwrap_or_else(|| panic!("no {name}: {people:?}"));
    assert_eq!(
        &post("Wang Yukai")[2..],
        ["professor", "Chinese Academy of Governance"],
        "the body as the article names it"
    );
    assert_eq!(
        &post("Zhao Ming")[2..],
        ["deputy director", "Beijing Municipal Public Security Bureau"],
        "\"the bureau's\" refers back, to the body named by its longest name"
    );
    assert!(people.iter().all(|r| r[1] != "Liang Jun"), "an editor is not a person in the story");
    assert_eq!(&find("pdo-2012", "176714")[2..4], ["Exact", "2012-10"]);
    assert_eq!(
        &find("pdo-2012", "61000")[2..5],
        ["Nearly", "2012-10", "Sina Weibo"],
        "a report's breakdown in the next paragraph holds at the report's date"
    );
    assert_eq!(&find("xinhua-police-2012", "50561")[2..4], ["Exact", "2011-12"], "\"numbered\" links a count");
    assert_eq!(find("ecns-weibo-2013", "540000000")[4], "Tencent Weibo", "\"Tencent said its microblog had\"");
    assert!(
        figures.iter().all(|r| !(r[0] == "gt-officials-2013" && r[1] == "100")),
        "\"the top 100 accounts\" is a rank, not a count"
    );
    assert_eq!(&post("Liu Jianguo")[2..], ["spokesman", "Ministry of Public Security"], "\"for the ministry\"");
    assert_eq!(post("Zhu Huaxin")[2], "secretary-general");
    let quotes = govkg.csv("quotes");
    assert!(quotes.iter().any(|r| r[0] == "Li Ming" && r[1].starts_with("People read their phones")));
}

#[test]
fn more_styles_wire_foreign_press_and_portals() {
    let govkg = Govkg::new();
    govkg.ok(&["build", "tests/data/articles"]);
    let documents = govkg.csv("documents");
    let document = |source: &str| row(&documents, &[source]).expect("document").clone();
    assert_eq!(document("gt-2012")[1], "Govt Weibo accounts double in a year", "not the date line");
    assert_eq!(document("sinaeng-2014")[2], "Sina English", "a portal publishes");
    let figures = govkg.csv("figures");
    let figure =
        |source: &str, value: &str| row(&figures, &[source, value]).map_or_else(Vec::new, |r| r[1..5].to_vec());
    // "Sina Weibo hosted 100,151 of them, while Tencent Weibo hosted 158,586"
    assert_eq!(figure("sinaeng-2014", "100151"), ["100151", "Exact", "2013-12", "Sina Weibo"]);
    assert_eq!(figure("sinaeng-2014", "158586"), ["158586", "Exact", "2013-12", "Tencent Weibo"]);
    // "Sina.com hosted 1,708 of the accounts, followed by Tencent with 421"
    assert_eq!(figure("xinhua-2010", "1708"), ["1708", "Exact", "2010-10", "Sina Weibo"]);
    assert_eq!(figure("xinhua-2010", "421"), ["421", "Exact", "2010-10", "Tencent Weibo"]);
    // "with the number of official accounts ... exceeding 2,400 by the end of October"
    assert_eq!(figure("xinhua-2010", "2400")[1..3], ["MoreThan", "2010-10"]);
    // "expected to top 75 million by the end of this year, up from 8 million in 2009"
    assert_eq!(figure("xinhua-2010", "8000000")[2], "2009");
    // "grew by roughly 25% over the same period, to 79,000 at the end of June"
    assert_eq!(figure("wsj-2013", "79000")[1..4], ["Exact", "2013-06", "Sina Weibo"]);
    // "had been set up by the end of last year, ... with Tencent Weibo hosting about 150,000"
    assert_eq!(figure("scmp-2014", "260000")[1..4], ["Nearly", "2013-12", ""]);
    assert_eq!(figure("scmp-2014", "150000")[1..4], ["About", "2013-12", "Tencent Weibo"]);
    // "compared with 25,987 a year ago", and "three in five officials" is no count
    assert_eq!(figure("gt-2012", "25987")[2], "2011-10-31");
    assert!(figure("gt-2012", "5").is_empty());
    let people = govkg.csv("people");
    let post = |source: &str, name: &str| row(&people, &[source, name]).map_or_else(Vec::new, |r| r[2..].to_vec());
    assert_eq!(post("nyt-2011", "Chen Gang"), ["deputy mayor", "Nanjing"], "\"A deputy mayor of Nanjing, Chen Gang,\"");
    assert_eq!(
        post("nyt-2011", "Zhan Jiang"),
        ["professor of journalism", "Beijing Foreign Studies University"],
        "a professor of journalism at"
    );
    // The post is titled as written; its role is the role.
    let roles =
        govkg.csv("SELECT ?role WHERE { ?post rdfs:label \"professor of journalism\" ; org:role/rdfs:label ?role }");
    assert_eq!(roles[1..], [vec!["professor".to_string()]]);
    assert_eq!(
        post("scmp-2014", "Hu Yong"),
        ["professor", "Peking University"],
        "\"Professor Hu Yong of Peking University\""
    );
    assert_eq!(
        post("nyt-2011", "Wu Hao")[1],
        "Guangzhou Public Security Bureau",
        "one row, the body as the sentence names it"
    );
    assert_eq!(people.iter().filter(|r| r[0] == "nyt-2011" && r[1] == "Wu Hao").count(), 1);
    for credited in ["Li Bibo", "Jonathan Ansfield", "Edward Wong"] {
        assert!(post("nyt-2011", credited).is_empty(), "{credited} is credited, not in the story");
    }
    // The British press: "By ... in Beijing" bylines, "300m", "half a million",
    // "no fewer than".
    assert_eq!(document("ft-2013")[1], "China's bureaucrats go mobile");
    assert_eq!(document("guardian-2012")[1], "China's officials take to Weibo in their thousands");
    assert_eq!(figure("ft-2013", "503000000")[1..4], ["Exact", "2012-12", "Sina Weibo"]);
    assert_eq!(figure("ft-2013", "1000")[1], "MoreThan");
    assert_eq!(figure("guardian-2012", "500000")[1..3], ["About", "2012-12-03"], "not the opening date");
    assert_eq!(figure("guardian-2012", "60000")[2], "2012-12-03", "not the date of the value it is compared with");
    assert_eq!(
        post("ft-2013", "Song Jie"),
        ["director", "China E-Government Research Center"],
        "\"the center's director\""
    );
    // China Daily: a named account in apposition, "director of its news
    // office", a long copyright notice.
    let subject = figures.iter().find(|r| r[0] == "chinadaily-2011" && r[1] == "2000000").map(|r| r[6].as_str());
    assert_eq!(subject, Some("Waijiao Xiaolingtong"));
    assert_eq!(post("chinadaily-2011", "Li Wei"), ["director", "Chengdu Public Security Bureau"]);
    let organizations = govkg.csv("organizations");
    assert!(organizations.iter().all(|r| !r[1].contains("Information Co")), "the copyright line is furniture");
    let names: Vec<&str> = organizations.iter().filter(|r| r[0] == "xinhua-2010").map(|r| r[1].as_str()).collect();
    assert!(names.contains(&"China Internet Network Information Center"), "the longest name written: {names:?}");
    assert!(organizations.iter().any(|r| r[0] == "nyt-2011" && r[1] == "Media and Public Opinion Research Center"));
    // Shanghai Daily: ranges, a past value of the count given before, an
    // account on a company's name, and a body named in a possessive.
    assert_eq!(
        figure("shdaily-2012", "600")[1..3],
        ["MoreThan", "2012-06-13"],
        "\"Between 600 and 700 of the accounts\""
    );
    assert_eq!(figure("shdaily-2012", "700")[1], "LessThan");
    assert_eq!(figure("shdaily-2012", "250")[1..2], ["MoreThan"], "\"250-300 accounts\"");
    assert_eq!(figure("shdaily-2012", "412")[1..3], ["Exact", "2011-12"], "\"The number stood at only 412\"");
    assert_eq!(figure("shdaily-2012", "2100000")[3], "Sina Weibo", "\"its Sina account\"");
    assert_eq!(figure("shdaily-2012", "3200")[3], "Tencent Weibo", "\"The service\" after \"Tencent said\"");
    assert!(organizations.iter().any(|r| r[0] == "shdaily-2012" && r[1] == "Shanghai Municipal Government"));
    // AP: who opened the accounts is not what is counted, "on NetEase", a
    // rival's claim, a person in apposition, "ministry spokesman".
    assert_eq!(figure("ap-2012", "9400")[1..4], ["Exact", "2012-10", "Netease Weibo"]);
    let measure = |source: &str, value: &str| row(&figures, &[source, value]).map(|r| r[5].clone());
    assert_eq!(measure("ap-2012", "9400").as_deref(), Some("GovernmentAccounts"));
    assert_eq!(measure("ap-2012", "6300").as_deref(), Some("AgencyAccounts"));
    assert_eq!(measure("ap-2012", "3100").as_deref(), Some("OfficialAccounts"));
    assert_eq!(figure("ap-2012", "507000000")[3], "Tencent Weibo", "\"claims 507 million for its own microblog\"");
    let subject = row(&figures, &["ap-2012", "1100000"]).map(|r| (r[4].as_str(), r[6].as_str()));
    assert_eq!(subject, Some(("", "Zhou Lin")), "a sentence naming two platforms sets no topic");
    assert_eq!(post("ap-2012", "Wu Heping"), ["spokesman", "Ministry of Public Security"]);
    assert_eq!(figure("sinaeng-2014", "183232")[3], "", "the share of a total over both platforms");
    // Bloomberg: "taking the total to", a count over several services, a
    // share price; China Daily's second page.
    assert_eq!(figure("bloomberg-2013", "25300")[1..4], ["Exact", "2013-03-31", "Sina Weibo"]);
    assert_eq!(figure("bloomberg-2013", "176714")[1..4], ["Exact", "2012-12-31", ""]);
    assert!(figure("bloomberg-2013", "2.4").is_empty(), "a share price's change");
    assert_eq!(document("chinadaily-page2-2012")[1], "Microblogs bring officials closer to public");
}

#[test]
fn headers_of_foreign_press_and_counts_with_the_noun_left_out() {
    let govkg = Govkg::new();
    govkg.ok(&["build", "tests/data/articles"]);
    let documents = govkg.csv("documents");
    let document = |source: &str| row(&documents, &[source]).expect("document")[1..].to_vec();
    // A headline in two sentences, a standfirst, a section name before the
    // date, a site name before the headline, a repost.
    assert_eq!(
        document("techinasia-2014"),
        ["WeChat now has 20,000 government accounts. Are any of them worth following?", "Tech in Asia", "2014-11-04"]
    );
    assert_eq!(document("economist-2013"), ["Tweeting the party line", "The Economist", "2013-06-15"]);
    assert_eq!(document("bbc-2011"), ["China police embrace microblogs to fight rumours", "BBC", "2011-09-28"]);
    assert_eq!(document("straitstimes-yahoo-2012")[1], "The Straits Times", "not the portal");
    let figures = govkg.csv("figures");
    let figure =
        |source: &str, value: &str| row(&figures, &[source, value]).map_or_else(Vec::new, |r| r[1..5].to_vec());
    // "Sina Weibo alone hosts roughly 79,000; ...", "A year ago there were
    // fewer than 500.", "about five million in early 2010"
    assert_eq!(figure("economist-2013", "79000")[1..4], ["About", "2012-12", "Sina Weibo"]);
    assert_eq!(figure("bbc-2011", "500")[1..3], ["LessThan", "2010-09-28"]);
    assert_eq!(figure("bbc-2011", "5000000")[1..3], ["About", "2010"]);
    // "its own weibo" after a rival; an article about WeChat whose data
    // Tencent released.
    assert_eq!(figure("bbc-2011", "200000000")[3], "Tencent Weibo");
    // ("there are now more than 20,000 ... on the messaging app, which had
    // 468 million monthly active users at the end of September": now.)
    assert_eq!(figure("techinasia-2014", "20000")[1..4], ["MoreThan", "2014-11-04", "WeChat"]);
    // "a People's Daily report ... put the number of verified government
    // accounts on Sina Weibo at 130,103 as of June 30": not the paper's.
    let estimate = row(&figures, &["techinasia-2014", "130103"]).map(|r| r[2..7].to_vec());
    assert_eq!(
        estimate.as_deref(),
        Some(&["Exact", "2014-06-30", "Sina Weibo", "GovernmentAccounts", "Sina Weibo"].map(String::from)[..])
    );
    // "11,100-odd", "another 4,000 or so on Tencent"
    assert_eq!(figure("straitstimes-yahoo-2012", "4000")[1..4], ["About", "2012-07-10", "Tencent Weibo"]);
    let people = govkg.csv("people");
    let post = |source: &str, name: &str| row(&people, &[source, name]).map_or_else(Vec::new, |r| r[2..].to_vec());
    assert_eq!(post("straitstimes-yahoo-2012", "Huang Degang"), ["director", "Wuhan Public Security Bureau"]);
    assert_eq!(post("straitstimes-yahoo-2012", "Lin Haitao"), ["vice-minister", "Ministry of Public Security"]);
    assert_eq!(post("bbc-2011", "Ma Jianbo"), ["professor", "Renmin University"], "\"Prof Ma Jianbo of\"");
    assert_eq!(post("taipeitimes-2013", "Chang Wen-hsin")[0], "associate professor");
    assert_eq!(post("taipeitimes-2013", "Liu Zhenhua"), ["spokesman", "Supreme People's Court"]);
    assert_eq!(post("techinasia-2014", "Allen Xu"), ["vice president", "Tencent"]);
    // A date line above the headline, a long standfirst, an editor line, a
    // date in capitals, a wire dateline after the standfirst; a French
    // page's "05/04/2012" is 5 April.
    assert_eq!(
        document("afp-france24-2012"),
        ["Chinese courts take to microblogs to win back trust", "Agence France-Presse", "2012-04-05"]
    );
    assert_eq!(
        document("telegraph-2012"),
        ["Guangdong orders its officials on to Weibo", "The Daily Telegraph", "2012-11-14"]
    );
    assert_eq!(document("bjreview-2013"), ["Governing in 140 Characters", "Beijing Review", "2013-08-22"]);
    assert_eq!(document("thestandard-2013")[1], "The Standard");
    // "in the first three months of the year, up from 12,000 in the same
    // period of 2011", "about 6,000 and 4,500 accounts respectively"
    assert_eq!(figure("afp-france24-2012", "90000")[1..3], ["About", "2012-03"]);
    assert_eq!(figure("afp-france24-2012", "12000")[2], "2011");
    assert_eq!(figure("bjreview-2013", "6000")[1], "About");
    assert_eq!(post("thestandard-2013", "Lo Kwok-ming"), ["district councillor", "Democratic Party"]);
    // A British paper's date in numbers, an estimate, a part of a total,
    // counts of forwards and views, Western names known from their
    // appositions, an unknown firm described as one.
    assert_eq!(
        document("guardian-police-2012"),
        ["Chinese police find a voice on Weibo", "The Guardian", "2012-07-04"]
    );
    assert_eq!(figure("guardian-police-2012", "5700")[1..4], ["Exact", "2012-05", "Sina Weibo"]);
    assert_eq!(figure("guardian-police-2012", "27")[1], "Exact");
    let interactions = |value: &str| row(&figures, &["guardian-police-2012", value]).map(|r| r[5].clone());
    assert_eq!(interactions("80000").as_deref(), Some("Interactions"));
    assert_eq!(interactions("2000000").as_deref(), Some("Interactions"));
    assert_eq!(post("guardian-police-2012", "Jeremy Halloran"), ["director", "Sinoscope"]);
    assert_eq!(post("guardian-police-2012", "Claire Dempsey"), ["senior fellow", "Lowy Institute"]);
    assert_eq!(post("guardian-police-2012", "Kevin O'Hara"), ["researcher", "University of Sydney"]);
    assert!(people.iter().all(|r| r[1] != "Sheung Shui"), "a place before \", said\" is no person");
}

#[test]
fn bad_input_gets_one_line_and_keeps_the_store() {
    let govkg = Govkg::seeded();
    let before = govkg.count("GRAPH ?g { ?s ?p ?o }");

    let missing = govkg.fails(&["build", "no/such/folder"]);
    assert_eq!(missing.trim(), "error: no/such/folder: no such file or folder");

    let output = govkg.run(&["build", "tests/data/bad/latin1.txt", "tests/data/bad/empty.txt"]);
    assert_eq!(output.status.code(), Some(2), "not everything went in");
    let summary = String::from_utf8_lossy(&output.stdout);
    assert!(
        summary.contains("skipped: tests/data/bad/latin1.txt: not UTF-8 text (invalid byte at offset 3)"),
        "{summary}"
    );
    assert!(summary.contains("skipped: tests/data/bad/empty.txt: empty file"), "{summary}");

    let empty = govkg.dir.path().join("empty-folder");
    std::fs::create_dir(&empty).expect("folder");
    assert!(govkg.fails(&["build", empty.to_str().expect("UTF-8")]).contains("no articles"));

    let nowhere = govkg
        .command(&["query", "figures"])
        .env("GOVKG_STORE", govkg.dir.path().join("typo.db"))
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&nowhere.stderr).contains("typo.db: no store here"));
    assert!(!govkg.dir.path().join("typo.db").exists());

    let syntax = govkg.fails(&["query", "SELECT * WHERE { ?s ?p }"]);
    assert_eq!(syntax.lines().count(), 1, "{syntax}");
    assert!(syntax.starts_with("error: invalid SPARQL") && syntax.contains("1:"), "{syntax}");

    assert_eq!(govkg.count("GRAPH ?g { ?s ?p ?o }"), before);
}

#[test]
fn a_second_writer_is_refused_while_the_store_is_open() {
    let govkg = Govkg::seeded();
    let mut shell = govkg
        .command(&["repl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    // The shell holds the store from when it answers its first query.
    let mut stdin = shell.stdin.take().expect("stdin");
    stdin.write_all(b"ASK { ?s ?p ?o }\n").expect("write");
    std::thread::sleep(std::time::Duration::from_millis(500));
    let refused = govkg.fails(&["build", "seeds"]);
    assert!(refused.contains("in use by another govkg process"), "{refused}");
    drop(stdin);
    shell.wait().expect("shell ends");
    govkg.ok(&["build", "seeds"]);
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let govkg = Govkg::seeded();
    let output = Command::new("sh")
        .arg("-c")
        .arg(format!("'{}' query figures --format csv | head -n 1", env!("CARGO_BIN_EXE_govkg")))
        .env("GOVKG_STORE", govkg.store())
        .current_dir(repo())
        .output()
        .expect("sh runs");
    assert!(output.stderr.is_empty(), "{}", String::from_utf8_lossy(&output.stderr));
}

#[test]
fn running_with_no_command_builds_the_seeds_and_opens_the_shell() {
    let govkg = Govkg::new();
    let output = govkg.with_input(&[], "SELECT (COUNT(*) AS ?n) WHERE { ?d a schema:NewsArticle }\n");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(String::from_utf8_lossy(&output.stderr).contains("built 5 of 5 articles"));
    assert!(String::from_utf8_lossy(&output.stdout).contains("│ 5 "));
}

#[cfg(feature = "shacl")]
#[test]
fn the_seeds_conform_to_the_shapes_and_a_broken_fact_is_reported() {
    let govkg = Govkg::seeded();
    let report = govkg.ok(&["validate"]);
    assert!(report.contains("the graph conforms to ontology/shapes.ttl"), "{report}");

    let broken = govkg.dir.path().join("broken.ttl");
    std::fs::write(
        &broken,
        "@prefix gk: <https://w3id.org/govkg/ontology#> .\n\
         @prefix schema: <http://schema.org/> .\n\
         @prefix kg: <https://w3id.org/govkg/id/> .\n\
         kg:fig-broken a gk:Figure ; schema:value 12 ; gk:dateInferred false .\n\
         kg:person-nameless a schema:Person .\n\
         kg:membership-broken a <http://www.w3.org/ns/org#Membership> .\n",
    )
    .expect("write broken.ttl");
    let loaded = govkg.with_input(&["repl"], &format!(".load {}\n", broken.display()));
    assert!(loaded.status.success(), "{}", String::from_utf8_lossy(&loaded.stderr));

    let output = govkg.run(&["validate"]);
    let report = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(3), "{report}");
    assert!(report.contains("kg:fig-broken gk:qualifier: A figure needs exactly one gk:qualifier"), "{report}");
    assert!(report.contains("kg:person-nameless rdfs:label:"), "{report}");
    assert!(report.contains("kg:membership-broken org:member: A membership needs exactly one org:member"), "{report}");
    assert!(report.lines().last().is_some_and(|l| l.ends_with(" violations")), "{report}");
}

#[cfg(not(feature = "shacl"))]
#[test]
fn validation_needs_the_shacl_feature() {
    let error = Govkg::seeded().fails(&["validate"]);
    assert!(error.contains("--features shacl"), "{error}");
}

#[test]
fn service_calls_are_refused_without_touching_the_network() {
    let govkg = Govkg::seeded();
    let started = std::time::Instant::now();
    let error = govkg.fails(&["query", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"]);
    assert!(error.contains("is not supported"), "{error}");
    assert!(started.elapsed() < std::time::Duration::from_secs(5), "took {:?}", started.elapsed());
}

const FIGURE_20000: &str = "<https://w3id.org/govkg/id/doc-001_5edc08ff969cea0c#figure-1>";

#[test]
fn why_a_figure_shows_its_article_sentence_and_rule() {
    let govkg = Govkg::seeded();
    let text = govkg.ok(&["why", FIGURE_20000]);
    assert!(
        text.starts_with(&format!("{FIGURE_20000} (20000 GovernmentAccounts of Sina Weibo as of 2011-11)")),
        "{text}"
    );
    assert!(text.contains("2011-12-16  2011: Year of government micro-blogs\n"), "{text}");
    assert!(text.contains("People's Daily · 001_5edc08ff969cea0c · "), "publisher and id: {text}");
    assert!(text.contains("seeds/001_5edc08ff969cea0c.txt\n"), "the file: {text}");
    assert!(
        text.contains(
            "Sina Weibo, China’s leading micro-blogging service, reached «about 20,000» as of early November"
        )
    );
    assert!(text.contains("verified government accounts on Sina Weibo reached «about 20,000» as of"), "both sentences");
    assert!(text.contains("    rule: figure.linked-noun\n"), "{text}");
    assert_eq!(text.matches('«').count(), 2, "only the value is marked: {text}");
}

#[test]
fn why_a_person_or_post_by_name_or_prefixed_name() {
    let govkg = Govkg::seeded();
    let person = govkg.ok(&["why", "cai", "QI"]);
    assert!(person.starts_with("kg:person-cai-qi (Cai Qi): 1 sentence in 1 article"), "{person}");
    assert!(person.contains("Zhejiang Province Organization Minister «Cai Qi» has nearly 6 million followers"));
    let post = govkg.ok(&["why", "kg:post-person-cai-qi--organization-minister--org-zhejiang-province"]);
    assert!(post.contains("rule: post.place-role-name"), "{post}");

    // Articles in date order, each once.
    let platform = govkg.ok(&["why", "Sina Weibo"]);
    let dates: Vec<usize> = ["2011-12-16  ", "2012-03-02  ", "2012-08-28  ", "2012-09-10  ", "2014-02-18  "]
        .iter()
        .map(|d| platform.find(d).unwrap_or_else(|| panic!("{d} missing: {platform}")))
        .collect();
    assert!(dates.windows(2).all(|w| w[0] < w[1]), "{platform}");
    assert!(platform.contains("«Sina micro-blog»"), "other names are marked too: {platform}");

    // A publisher is named by the article's description, not by a sentence.
    let publisher = govkg.ok(&["why", "Xinhua"]);
    assert!(publisher.contains("named in the article's description (schema:publisher)"), "{publisher}");
}

#[test]
fn why_in_json_gives_offsets_and_the_marked_sentence() {
    let govkg = Govkg::seeded();
    let json: serde_json::Value = serde_json::from_str(&govkg.ok(&["why", "Cai Qi", "--format", "json"])).unwrap();
    let sentence = &json[0]["articles"][0]["sentences"][0];
    assert_eq!(json[0]["target"], "kg:person-cai-qi");
    assert_eq!(json[0]["articles"][0]["id"], "001_5edc08ff969cea0c");
    let phrase = &sentence["phrases"][0];
    assert_eq!(
        (phrase["text"].as_str(), phrase["end"].as_u64().unwrap() - phrase["begin"].as_u64().unwrap()),
        (Some("Cai Qi"), 6)
    );
    assert!(sentence["marked"].as_str().unwrap().contains("«Cai Qi»"));
}

#[test]
fn why_something_unknown_is_one_line_and_fails() {
    let govkg = Govkg::seeded();
    let error = govkg.fails(&["why", "Nobody Atall"]);
    assert_eq!(
        error.trim(),
        "error: nothing in the store is called \"Nobody Atall\" (try a prefixed name like kg:person-cai-qi)"
    );
    let error = govkg.fails(&["why", "kg:person-nobody"]);
    assert_eq!(error.trim(), "error: kg:person-nobody is not in the store");
}

#[test]
fn the_shell_explains_rows_and_describes_entities() {
    let govkg = Govkg::seeded();
    let input =
        ".why\n.run growth platform=\"Tencent Weibo\"\n.why 1\n.why 4\n.describe Sina Weibo\n.describe nobody\n";
    let output = govkg.with_input(&["repl"], input);
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let errors: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        errors,
        [
            "error: no result to explain yet: run a SELECT query first, then .why ROW",
            "error: no row 4: the last result has 3 rows (rows count from 1)",
            "error: nothing in the store is called \"nobody\" (try a prefixed name like kg:person-cai-qi)",
        ]
    );
    let why = &stdout[stdout.find("── row 1:").expect(".why 1 explains row 1")..];
    assert!(why.contains("platform=Tencent Weibo · date=2011-09 · value=18000"), "{why}");
    assert!(why.contains("reached «over 18,000» as of the end of September"), "{why}");
    assert!(why.contains("rule: figure."), "{why}");
    assert!(why.contains("2011: Year of government micro-blogs"), "{why}");

    let describe = &stdout[stdout.find("kg:platform-sina-weibo (Sina Weibo)\n").expect(".describe")..];
    assert!(describe.contains("  a gk:Platform\n"), "{describe}");
    assert!(describe.contains("\"Sina micro-blog\""), "other names: {describe}");
    assert!(describe.contains("gk:operatedBy            kg:org-sina (Sina)"), "{describe}");
    assert!(describe.contains("gk:onPlatform of "), "incoming links: {describe}");
    assert!(describe.contains(" in 5 articles:\n"), "{describe}");
    assert!(describe.contains("× 2014-02-18  004_1be2842a34887ad7  Govt blogs have work to do"), "{describe}");
}

#[test]
fn describe_lists_the_nodes_a_name_fits() {
    let govkg = Govkg::seeded();
    let text = govkg.ok(&["describe", "head"]);
    assert!(text.starts_with("\"head\" names 2 nodes"), "{text}");
    assert!(text.contains("kg:role-head (head)  org:Role"), "{text}");
}

/// An element of an SVG document: name, attributes, and the text inside.
type Element = (String, Vec<(String, String)>, String);

/// The elements of an SVG document in document order, checking on the way
/// that it is well-formed XML (every tag closed, in order; text escaped).
fn svg_elements(svg: &str) -> Vec<Element> {
    use quick_xml::events::{BytesStart, Event};
    let element = |tag: &BytesStart<'_>| -> Element {
        let attributes = tag
            .attributes()
            .map(|a| {
                let a = a.expect("well-formed attribute");
                (
                    String::from_utf8(a.key.as_ref().to_vec()).expect("UTF-8 name"),
                    a.unescape_value().expect("escaped value").into_owned(),
                )
            })
            .collect();
        (String::from_utf8(tag.name().as_ref().to_vec()).expect("UTF-8 name"), attributes, String::new())
    };
    let mut reader = quick_xml::Reader::from_str(svg);
    let mut elements = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    loop {
        match reader.read_event().unwrap_or_else(|e| panic!("SVG is not well-formed: {e}")) {
            Event::Start(tag) => {
                elements.push(element(&tag));
                open.push(elements.len() - 1);
            }
            Event::Empty(tag) => elements.push(element(&tag)),
            Event::End(_) => {
                open.pop().expect("an end tag closes an open element");
            }
            Event::Text(text) => {
                if let Some(&i) = open.last() {
                    elements[i].2.push_str(&text.unescape().expect("text is escaped"));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(open.is_empty(), "unclosed elements in {svg}");
    assert_eq!(elements[0].0, "svg");
    elements
}

fn attribute<'a>(element: &'a Element, name: &str) -> Option<&'a str> {
    element.1.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_str())
}

#[test]
fn chart_draws_a_line_per_platform() {
    let govkg = Govkg::seeded();
    let file = govkg.dir.path().join("growth.svg");
    govkg.ok(&["chart", "growth", "-o", file.to_str().expect("UTF-8")]);
    let svg = std::fs::read_to_string(&file).expect("chart written");
    let elements = svg_elements(&svg);
    let lines: Vec<&Element> = elements.iter().filter(|e| e.0 == "polyline").collect();
    assert_eq!(lines.len(), 2, "one line per platform");
    let series: Vec<&str> =
        elements.iter().filter(|e| e.0 == "g").filter_map(|e| attribute(e, "data-series")).collect();
    assert_eq!(series, ["Sina Weibo", "Tencent Weibo"]);
    let legend: Vec<&str> = elements.iter().filter(|e| e.0 == "text").map(|e| e.2.as_str()).collect();
    assert!(legend.contains(&"Sina Weibo") && legend.contains(&"Tencent Weibo"), "{legend:?}");
    assert!(legend.iter().any(|t| t.starts_with("How did the number of government accounts")), "title: {legend:?}");
    assert!(legend.contains(&"2012-01") && legend.contains(&"150k"), "date and value ticks: {legend:?}");
    let tooltips: Vec<&str> = elements.iter().filter(|e| e.0 == "title").map(|e| e.2.as_str()).collect();
    assert!(tooltips.contains(&"Tencent Weibo, 2013-12: 160,000"), "{tooltips:?}");

    // The same chart from `query --format svg`, and one platform alone.
    assert_eq!(govkg.ok(&["query", "growth", "--format", "svg"]), svg);
    let sina = govkg.ok(&["chart", "growth", "--param", "platform=Sina Weibo", "--title", "Sina <Weibo> & co"]);
    let elements = svg_elements(&sina);
    assert_eq!(elements.iter().filter(|e| e.0 == "polyline").count(), 1);
    assert!(elements.iter().any(|e| e.0 == "text" && e.2 == "Sina <Weibo> & co"), "the title is escaped");
}

#[test]
fn chart_refuses_results_without_dates_or_numbers() {
    let govkg = Govkg::seeded();
    let error = govkg.fails(&["chart", "people"]);
    assert_eq!(error.lines().count(), 1, "{error}");
    assert!(error.starts_with("error: cannot chart this result: no column holds dates"), "{error}");
    let error = govkg.fails(&["chart", "SELECT ?date WHERE { ?d schema:datePublished ?date }"]);
    assert!(error.contains("no column holds numbers"), "{error}");
    let error = govkg.fails(&["query", "ASK { ?s ?p ?o }", "--format", "svg"]);
    assert!(error.contains("a chart needs a SELECT query"), "{error}");
}

// Longer suites, in tests/cli/ so Cargo does not build each as a test binary.
#[path = "cli/bad_input.rs"]
mod bad_input;
#[path = "cli/crashes.rs"]
mod crashes;
