//! Embeds the saved queries of `queries/` in the binary, so `govkg query
//! figures` works from anywhere.

use std::fmt::Write;
use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=queries");
    let mut entries: Vec<_> = std::fs::read_dir("queries")
        .expect("queries/ folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "rq"))
        .collect();
    entries.sort();
    let mut code = String::from(
        "/// The saved queries shipped with govkg: (file stem, text).\npub static SAVED_QUERIES: &[(&str, &str)] = &[\n",
    );
    for path in entries {
        let stem = path.file_stem().and_then(|s| s.to_str()).expect("query file name is UTF-8");
        // Relative to the package, not absolute: a build cache shared by
        // clones in different folders must not read another clone's files.
        let relative = format!("/queries/{stem}.rq");
        writeln!(code, "    ({stem:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), {relative:?}))),")
            .expect("write to string");
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR set by cargo")).join("saved_queries.rs");
    std::fs::write(out, code).expect("write saved_queries.rs");
}
