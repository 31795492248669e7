//! The line editor's helper: one field per job. The validator makes a query
//! span lines until it is complete; the completer offers SPARQL keywords,
//! prefixes, the ontology's terms, dot-commands and the store's entities by
//! label; the highlighter colours the query as it is typed; the hinter
//! suggests the rest of a line from history.

use super::highlight;
use super::input;
use super::labels::LabelIndex;
use rustyline::completion::{Completer, Pair};
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::{Hinter, HistoryHinter};
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{Context, Helper};
use std::borrow::Cow;
use std::sync::OnceLock;

pub struct ShellHelper {
    pub completer: WordCompleter,
    /// The store whose labels are completed, read on first use.
    pub store: oxigraph::store::Store,
    pub labels: OnceLock<LabelIndex>,
    pub hinter: HistoryHinter,
    /// Whether to colour (not when NO_COLOR is set or TERM is dumb).
    pub colour: bool,
}

impl Helper for ShellHelper {}

impl Validator for ShellHelper {
    fn validate(&self, ctx: &mut ValidationContext<'_>) -> rustyline::Result<ValidationResult> {
        Ok(if input::is_complete(ctx.input()) { ValidationResult::Valid(None) } else { ValidationResult::Incomplete })
    }
}

impl Hinter for ShellHelper {
    type Hint = String;

    fn hint(&self, line: &str, pos: usize, ctx: &Context<'_>) -> Option<String> {
        self.hinter.hint(line, pos, ctx)
    }
}

impl Highlighter for ShellHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        if self.colour { Cow::Owned(highlight::colour(line)) } else { Cow::Borrowed(line) }
    }

    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        if self.colour { Cow::Owned(format!("\x1b[2m{hint}\x1b[0m")) } else { Cow::Borrowed(hint) }
    }

    fn highlight_char(&self, _line: &str, _pos: usize, kind: CmdKind) -> bool {
        // Recolour on every edit; moving the cursor changes no colour.
        self.colour && kind != CmdKind::MoveCursor
    }
}

impl Completer for ShellHelper {
    type Candidate = Pair;

    fn complete(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<Pair>)> {
        let (start, mut found) = self.completer.complete(line, pos);
        let labels = self.labels.get_or_init(|| LabelIndex::load(&self.store));
        match labels.complete(&line[..pos]) {
            // A label of several words replaces more than the last word.
            Some((label_start, offers)) if label_start < start || found.is_empty() => Ok((label_start, offers)),
            Some((label_start, offers)) if label_start == start => {
                found.extend(offers);
                Ok((start, found))
            }
            _ => Ok((start, found)),
        }
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
        // Words as typed first (gk:platform, not gk:Platform); then in any
        // case, so `select` finds SELECT.
        let mut matches: Vec<&String> = self.words.iter().filter(|w| w.starts_with(word)).collect();
        if matches.is_empty() {
            let lower = word.to_lowercase();
            matches = self.words.iter().filter(|w| w.to_lowercase().starts_with(&lower)).collect();
        }
        (start, matches.into_iter().map(|w| Pair { display: w.clone(), replacement: w.clone() }).collect())
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
        let completer = WordCompleter::new(["gk:Platform".to_string(), "gk:platform".to_string(), ".help".to_string()]);
        let (_, found) = completer.complete("?p gk:platf", 11);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].replacement, "gk:platform");
        let (start, found) = completer.complete(".he", 3);
        assert_eq!((start, found[0].replacement.as_str()), (0, ".help"));
    }
}
