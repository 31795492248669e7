//! Broken and strange article files, as users' archives hold them: each is
//! built or skipped with its reason (never a panic), the summary lists what
//! was skipped, and the exit status says whether everything went in. Text
//! that looks like Turtle or SPARQL comes back byte for byte through export
//! and import.
//!
//! The big files (100 MB, a 10 MB line) are written at test time; the small
//! readable ones are in tests/data/bad/.

use super::*;
use oxigraph::io::RdfFormat;
use oxigraph::model::{Quad, Term};
use std::collections::HashMap;

/// What a build must do with a file.
#[derive(Debug)]
enum Outcome {
    /// Built, and its stored text is this.
    Built(String),
    /// Skipped, with a reason containing this.
    Skipped(&'static str),
}

const ARTICLE: &str = "Officials open accounts on Weibo\n\nMarch 3, 2012\n\nThe bureau opened an account on Sina Weibo \
    last week, and it has more than 2,000 followers, officials said.\n";

fn utf16(text: &str, little_endian: bool, bom: bool) -> Vec<u8> {
    let units = bom.then_some(0xfeff_u16).into_iter().chain(text.encode_utf16());
    units.flat_map(|u| if little_endian { u.to_le_bytes() } else { u.to_be_bytes() }).collect()
}

/// `size` bytes of article-like text, on one line or many.
fn big_text(size: usize, one_line: bool) -> Vec<u8> {
    let sentence = "The bureau's account on Sina Weibo had 2,000 more followers than on Monday, officials said.";
    let mut text = b"A very long article\n\n".to_vec();
    while text.len() < size {
        text.extend_from_slice(sentence.as_bytes());
        text.push(if one_line { b' ' } else { b'\n' });
    }
    text.truncate(size);
    text
}

/// Writes the test-time files of the corpus into `dir` and returns every
/// file (committed ones included) with its expected outcome.
fn bad_corpus(dir: &Path) -> Vec<(PathBuf, Outcome)> {
    let committed = |name: &str| repo().join("tests/data/bad").join(name);
    let text_of = |name: &str| std::fs::read_to_string(committed(name)).expect("committed test file");
    let mut files = vec![
        (committed("latin1.txt"), Outcome::Skipped("not UTF-8 text (invalid byte at offset 3)")),
        (committed("empty.txt"), Outcome::Skipped("empty file")),
        (committed("page.html.txt"), Outcome::Skipped("an HTML page, not plain text")),
        (committed("looks-like-rdf.txt"), Outcome::Built(text_of("looks-like-rdf.txt"))),
        (committed("unusual-unicode.txt"), Outcome::Built(text_of("unusual-unicode.txt"))),
    ];
    let generated: Vec<(&str, Vec<u8>, Outcome)> = vec![
        ("utf16-le-bom.txt", utf16(ARTICLE, true, true), Outcome::Built(ARTICLE.into())),
        ("utf16-be-bom.txt", utf16(ARTICLE, false, true), Outcome::Built(ARTICLE.into())),
        ("utf16-le.txt", utf16(ARTICLE, true, false), Outcome::Built(ARTICLE.into())),
        ("utf16-be.txt", utf16(ARTICLE, false, false), Outcome::Built(ARTICLE.into())),
        (
            "utf16-broken.txt",
            [utf16(ARTICLE, true, true), vec![0x00, 0xd8]].concat(),
            Outcome::Skipped("not valid UTF-16"),
        ),
        ("utf8-bom.txt", [b"\xef\xbb\xbf".as_slice(), ARTICLE.as_bytes()].concat(), Outcome::Built(ARTICLE.into())),
        ("crlf.txt", ARTICLE.replace('\n', "\r\n").into_bytes(), Outcome::Built(ARTICLE.into())),
        (
            "png.txt",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            Outcome::Skipped("not UTF-8 text (invalid byte at offset 0)"),
        ),
        (
            "elf.txt",
            b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0".to_vec(),
            Outcome::Skipped("binary data, not text (NUL byte at offset 7)"),
        ),
        ("blank.txt", b" \n\t\r\n \n".to_vec(), Outcome::Skipped("empty file")),
        ("furniture-only.txt", b"Home\n\nNews\n".to_vec(), Outcome::Skipped("no article text found")),
        (
            "100mb.txt",
            big_text(100_000_000, false),
            Outcome::Skipped("too large for an article (100.0 MB; the limit is 2.0 MB"),
        ),
        ("one-line-10mb.txt", big_text(10_000_000, true), Outcome::Skipped("too large for an article (10.0 MB")),
    ];
    for (name, bytes, outcome) in generated {
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("write test file");
        files.push((path, outcome));
    }
    // A long line under the size limit is read like any other article.
    let line = dir.join("one-line-1mb.txt");
    std::fs::write(&line, big_text(1_000_000, true)).expect("write test file");
    let text = std::fs::read_to_string(&line).expect("UTF-8");
    files.push((line, Outcome::Built(text)));
    files
}

/// The `nif:isString` text of each article in an N-Quads export, by article IRI.
fn stored_texts(quads: &[Quad]) -> HashMap<String, String> {
    quads
        .iter()
        .filter(|q| q.predicate.as_str().ends_with("nif-core#isString"))
        .filter_map(|q| match &q.object {
            Term::Literal(text) => Some((q.subject.to_string(), text.value().to_string())),
            _ => None,
        })
        .collect()
}

fn parse(path: &Path, format: RdfFormat) -> Vec<Quad> {
    let bytes = std::fs::read(path).expect("export exists");
    oxigraph::io::RdfParser::from_format(format)
        .for_slice(&bytes)
        .collect::<Result<Vec<_>, _>>()
        .expect("export parses")
}

fn article_iri(path: &Path) -> String {
    let stem = path.file_stem().expect("a file name").to_str().expect("UTF-8");
    govkg::graph::iri::article(stem).to_string()
}

#[test]
fn every_bad_file_is_built_or_skipped_with_its_reason() {
    let govkg = Govkg::new();
    let dir = govkg.dir.path().join("bad");
    std::fs::create_dir(&dir).expect("folder");
    let corpus = bad_corpus(&dir);
    let paths: Vec<&str> = corpus.iter().map(|(path, _)| path.to_str().expect("UTF-8 path")).collect();

    let output = govkg.run(&[&["build"], paths.as_slice()].concat());
    let summary = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.code(), Some(2), "not everything went in: {summary}{stderr}");
    let built = corpus.iter().filter(|(_, outcome)| matches!(outcome, Outcome::Built(_))).count();
    let skipped = corpus.len() - built;
    assert!(
        summary.starts_with(&format!("built {built} of {} articles (0 unchanged, {skipped} skipped)", corpus.len())),
        "{summary}"
    );

    let export = govkg.dir.path().join("graph.nq");
    govkg.ok(&["export", "-o", export.to_str().expect("UTF-8"), "--format", "nquads"]);
    let texts = stored_texts(&parse(&export, RdfFormat::NQuads));
    for (path, outcome) in &corpus {
        let iri = article_iri(path);
        match outcome {
            Outcome::Skipped(reason) => {
                let line = format!("skipped: {}: {reason}", path.display());
                assert!(summary.lines().any(|l| l.starts_with(&line)), "no line {line:?} in\n{summary}");
                assert!(!texts.contains_key(&iri), "{} was skipped but is in the store", path.display());
            }
            Outcome::Built(text) => {
                let stored =
                    texts.get(&iri).unwrap_or_else(|| panic!("{} not in the store: {summary}", path.display()));
                assert!(stored == text, "{}: stored text differs from the file's", path.display());
            }
        }
    }

    // With only the good files, everything goes in: exit status 0.
    let good: Vec<&str> = corpus
        .iter()
        .filter(|(_, outcome)| matches!(outcome, Outcome::Built(_)))
        .map(|(path, _)| path.to_str().expect("UTF-8 path"))
        .collect();
    let output = govkg.run(&[&["build"], good.as_slice()].concat());
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stdout));

    // The size limit is the user's to raise.
    let big = dir.join("one-line-1mb.txt");
    let within = govkg.run(&["build", "--force", "--max-article-mb", "1", big.to_str().expect("UTF-8")]);
    assert_eq!(within.status.code(), Some(0), "1,000,000 bytes is within 1 MB");
    let small_limit = dir.join("two-mb.txt");
    std::fs::write(&small_limit, big_text(2_000_001, false)).expect("write");
    let refused = govkg.run(&["build", "--max-article-mb", "1", small_limit.to_str().expect("UTF-8")]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&refused.stdout)
            .contains("(2.0 MB; the limit is 1.0 MB, raise it with --max-article-mb)")
    );
}

#[test]
fn text_that_looks_like_rdf_or_sparql_survives_export_and_import() {
    let govkg = Govkg::new();
    let file = repo().join("tests/data/bad/looks-like-rdf.txt");
    govkg.ok(&["build", file.to_str().expect("UTF-8")]);
    let original = std::fs::read_to_string(&file).expect("UTF-8");
    let iri = article_iri(&file);

    let nquads = govkg.dir.path().join("graph.nq");
    govkg.ok(&["export", "-o", nquads.to_str().expect("UTF-8"), "--format", "nquads"]);
    let quads = parse(&nquads, RdfFormat::NQuads);
    assert_eq!(stored_texts(&quads).get(&iri), Some(&original), "N-Quads export");
    // Every sentence and phrase is the text at its offsets (code points).
    let chars: Vec<char> = original.chars().collect();
    let mut spans = 0;
    for quad in quads.iter().filter(|q| q.predicate.as_str().ends_with("nif-core#anchorOf")) {
        let subject = quad.subject.to_string();
        let offsets = subject.trim_end_matches('>').rsplit("#char=").next().expect("a span IRI");
        let (begin, end) = offsets.split_once(',').expect("begin,end");
        let (begin, end): (usize, usize) = (begin.parse().expect("begin"), end.parse().expect("end"));
        let Term::Literal(anchor) = &quad.object else { panic!("anchorOf is a literal") };
        assert_eq!(anchor.value(), chars[begin..end].iter().collect::<String>());
        spans += 1;
    }
    assert!(spans > 0, "the article has spans");

    let turtle = govkg.dir.path().join("graph.ttl");
    govkg.ok(&["export", "-o", turtle.to_str().expect("UTF-8"), "--format", "turtle"]);
    assert_eq!(stored_texts(&parse(&turtle, RdfFormat::Turtle)).get(&iri), Some(&original), "Turtle export");

    // Loaded into a fresh store through the shell, and exported again.
    let other = Govkg::new();
    let output = other.with_input(&["repl"], &format!(".load {}\n", nquads.display()));
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let again = other.dir.path().join("again.nq");
    other.ok(&["export", "-o", again.to_str().expect("UTF-8"), "--format", "nquads"]);
    assert_eq!(stored_texts(&parse(&again, RdfFormat::NQuads)).get(&iri), Some(&original), "after .load");
    assert!(quads_of(&again, RdfFormat::NQuads) == quads_of(&nquads, RdfFormat::NQuads), "the same graph");
}
