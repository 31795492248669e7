//! Any line typed into the shell: deciding whether it is complete, splitting
//! it into words and parsing it as a dot-command never panic, and a line
//! that splits cleanly keeps every character outside its quotes.

#![no_main]

use govkg::repl::{commands, input};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|line: &str| {
    input::is_complete(line);
    if let Ok(words) = input::split_words(line) {
        let unquoted: String =
            line.chars().filter(|c| !c.is_whitespace() && *c != '"' && *c != '\'' && *c != '\\').collect();
        let joined: String =
            words.concat().chars().filter(|c| !c.is_whitespace() && *c != '"' && *c != '\'' && *c != '\\').collect();
        assert_eq!(unquoted, joined, "split_words lost or invented characters");
    }
    let _ = commands::parse(&format!(".{line}"));
    let _ = commands::parse(line);
});
