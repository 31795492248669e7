//! The shell at a real terminal, through a pseudo-terminal: what can only be
//! seen there (colours, Tab completion, Ctrl-C, Ctrl-D, the pager). The rest
//! of the shell is tested on piped input in tests/cli.rs.

use rexpect::session::PtySession;
use std::path::{Path, PathBuf};
use std::process::Command;

const TIMEOUT_MS: u64 = 20_000;
const PROMPT: &str = "govkg> ";

/// What the line editor writes when it takes the terminal for a new line
/// (bracketed paste on), before its prompt. Input sent before then may be
/// flushed when it sets the terminal's mode, and the prompt alone is also
/// redrawn at every key, so a test waits for both before typing.
const NEW_LINE: &str = "\x1b[?2004h";

/// Waits until the shell is ready for a new line.
fn ready(shell: &mut PtySession) {
    shell.exp_string(NEW_LINE).expect("the line editor starts a line");
    shell.exp_string(PROMPT).expect("a prompt");
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A store built from the seeds, in a temporary folder.
fn seeded_store() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    let status = Command::new(env!("CARGO_BIN_EXE_govkg"))
        .args(["--store", &dir.path().join("store").to_string_lossy(), "build", "seeds"])
        .current_dir(repo())
        .output()
        .expect("govkg builds");
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    dir
}

/// `govkg repl` on `dir`'s store, in a terminal of 100 by 20 characters.
fn shell(dir: &Path, pager: &str) -> PtySession {
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(format!("stty cols 100 rows 20 && exec '{}' repl", env!("CARGO_BIN_EXE_govkg")))
        .env("GOVKG_STORE", dir.join("store"))
        .env("GOVKG_HISTORY", dir.join("history"))
        .env("TERM", "xterm")
        .env("PAGER", pager)
        .env_remove("NO_COLOR")
        .current_dir(repo());
    let mut session =
        rexpect::session::spawn_command(command, Some(TIMEOUT_MS)).expect("the shell starts in a terminal");
    ready(&mut session);
    session
}

#[test]
fn keywords_are_coloured_as_they_are_typed() {
    let dir = seeded_store();
    let mut shell = shell(dir.path(), "cat");
    shell.send("SELECT ?s").unwrap();
    shell.flush().unwrap();
    // Keywords bold magenta, variables yellow.
    shell.exp_string("\x1b[1;35mSELECT\x1b[0m").unwrap();
    shell.exp_string("\x1b[33m?s\x1b[0m").unwrap();
    // Ctrl-C at the prompt clears the line and the shell goes on.
    shell.send_control('c').unwrap();
    ready(&mut shell);
    shell.send_line("ASK { ?s ?p ?o }").unwrap();
    shell.exp_string("true").unwrap();
    shell.send_control('d').unwrap();
    shell.exp_eof().unwrap();
}

#[test]
fn tab_completes_keywords_terms_and_entities_by_label() {
    let dir = seeded_store();
    let mut shell = shell(dir.path(), "cat");
    shell.send("SELECT ?p WHERE { ?p gk:onPlatf\t").unwrap();
    shell.flush().unwrap();
    shell.exp_string("gk:onPlatform").unwrap();
    shell.send_control('c').unwrap();
    ready(&mut shell);
    // Part of a label offers the entity's IRI, here the only one.
    shell.send("SELECT ?post WHERE { ?post ?p Sina We\t").unwrap();
    shell.flush().unwrap();
    shell.exp_regex("kg:[^ ]*sina[^ ]*weibo").unwrap();
    shell.send_control('c').unwrap();
    ready(&mut shell);
    shell.send_line(".quit").unwrap();
    shell.exp_eof().unwrap();
}

#[test]
fn ctrl_c_cancels_a_running_query_and_returns_to_the_prompt() {
    let dir = seeded_store();
    let mut shell = shell(dir.path(), "cat");
    // Every triple with every triple with every triple: it would run for
    // hours.
    shell.send_line("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }").unwrap();
    // The terminal may still be the line editor's for a moment after Enter
    // (a Ctrl-C there is a key, not a signal), so press it until it lands.
    let mut seen = String::new();
    for _ in 0..60 {
        std::thread::sleep(std::time::Duration::from_millis(300));
        shell.send_control('c').unwrap();
        std::thread::sleep(std::time::Duration::from_millis(100));
        while let Some(c) = shell.try_read() {
            seen.push(c);
        }
        if seen.split_once("query cancelled").is_some_and(|(_, after)| after.contains(PROMPT)) {
            break;
        }
    }
    assert!(seen.contains("query cancelled"), "no cancellation in: {seen:?}");
    shell.send_line("ASK { ?s ?p ?o }").unwrap();
    shell.exp_string("true").unwrap();
    shell.send_line(".quit").unwrap();
    shell.exp_eof().unwrap();
}

#[test]
fn results_taller_than_the_terminal_go_through_the_pager() {
    let dir = seeded_store();
    let mut shell = shell(dir.path(), "sed s/^/PAGED:/");
    shell.send_line("SELECT ?s WHERE { ?s a ?type } LIMIT 40").unwrap();
    shell.exp_string("PAGED:").unwrap();
    shell.exp_string("40 rows in").unwrap();
    ready(&mut shell);
    // A short result is printed as it is.
    shell.send_line(".pager off").unwrap();
    ready(&mut shell);
    shell.send_line("SELECT ?s WHERE { ?s a ?type } LIMIT 40").unwrap();
    let before = shell.exp_string("40 rows in").unwrap();
    assert!(!before.contains("PAGED:"), "paged with .pager off: {before}");
    shell.send_line(".quit").unwrap();
    shell.exp_eof().unwrap();
}
