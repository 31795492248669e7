//! The line editor's helper: one field per job. The validator makes a query
//! span lines until it is complete; the completer offers SPARQL keywords,
//! prefixes, the ontology's terms and dot-commands.

use super::input;
use rustyline::completion::{Completer, Pair};
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{Context, Helper};

pub struct ShellHelper {
    pub completer: WordCompleter,
}

impl Helper for ShellHelper {}

impl Validator for ShellHelper {
    fn validate(&self, ctx: &mut ValidationContext<'_>) -> rustyline::Result<ValidationResult> {
        Ok(if input::is_complete(ctx.input()) { ValidationResult::Valid(None) } else { ValidationResult::Incomplete })
    }
}

impl Hinter for ShellHelper {
    type Hint = String;
}

impl Highlighter for ShellHelper {}

impl Completer for ShellHelper {
    type Candidate = Pair;

    fn complete(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<Pair>)> {
        Ok(self.completer.complete(line, pos))
    }
}

/// Completes the word before the cursor from a fixed vocabulary.
pub struct WordCompleter {
    words: Vec<String>,
}

const KEYWORDS: &[&str] = &[
    "SELECT",
    "DISTINCT",
    "WHERE",
    "FILTER",
    "OPTIONAL",
    "GRAPH",
    "UNION",
    "MINUS",
    "ORDER BY",
    "GROUP BY",
    "HAVING",
    "LIMIT",
    "OFFSET",
    "ASK",
    "CONSTRUCT",
    "DESCRIBE",
    "PREFIX",
    "VALUES",
    "BIND",
    "COUNT",
    "SAMPLE",
    "GROUP_CONCAT",
    "STR",
    "CONTAINS",
    "REGEX",
    "LANG",
    "DATATYPE",
    "COALESCE",
    "EXISTS",
    "NOT EXISTS",
    "STRLEN",
    "SUBSTR",
];

impl WordCompleter {
    pub fn new(extra: impl IntoIterator<Item = String>) -> Self {
        let mut words: Vec<String> = KEYWORDS.iter().map(|k| k.to_string()).collect();
        words.extend(crate::graph::vocab::PREFIXES.iter().map(|(p, _)| format!("{p}:")));
        words.extend(extra);
        words.sort();
        words.dedup();
        Self { words }
    }

    pub fn complete(&self, line: &str, pos: usize) -> (usize, Vec<Pair>) {
        let before = &line[..pos];
        let start = before.rfind(|c: char| c.is_whitespace() || "{}().,;".contains(c)).map_or(0, |i| i + 1);
        // A dot-command at the start of the line keeps its dot.
        let start = if start == 1 && before.starts_with('.') { 0 } else { start };
        let word = &before[start..];
        if word.is_empty() {
            return (pos, Vec::new());
        }
        let matches = self
            .words
            .iter()
            .filter(|w| w.to_lowercase().starts_with(&word.to_lowercase()))
            .map(|w| Pair { display: w.clone(), replacement: w.clone() })
            .collect();
        (start, matches)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completes_keywords_prefixes_and_terms() {
        let completer = WordCompleter::new(["gk:Figure".to_string(), ".help".to_string()]);
        let (start, found) = completer.complete("SELECT * WHERE { ?f a gk:Fi", 27);
        assert_eq!(start, 22);
        assert_eq!(found[0].replacement, "gk:Figure");
        let (_, found) = completer.complete("sel", 3);
        assert_eq!(found[0].replacement, "SELECT");
        let (start, found) = completer.complete(".he", 3);
        assert_eq!((start, found[0].replacement.as_str()), (0, ".help"));
    }
}
