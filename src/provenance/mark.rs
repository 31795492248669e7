//! Marking the evidence inside its sentence: the phrase that states a fact
//! is cut out of the sentence by NIF offsets, which count code points (as
//! SPARQL's STRLEN does), never bytes, so CJK text and curly quotes cut
//! where the graph says.

use std::ops::Range;

/// How a marked span is set off from the rest of the sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    /// `«…»`: readable in a file, a pipe or a test.
    Guillemets,
    /// ANSI bold, for a terminal.
    Bold,
}

impl Marker {
    /// Bold on a terminal, guillemets anywhere else.
    pub fn for_stdout() -> Self {
        use std::io::IsTerminal;
        if std::io::stdout().is_terminal() { Self::Bold } else { Self::Guillemets }
    }

    fn open(self) -> &'static str {
        match self {
            Self::Guillemets => "«",
            Self::Bold => "\x1b[1m",
        }
    }

    fn close(self) -> &'static str {
        match self {
            Self::Guillemets => "»",
            Self::Bold => "\x1b[0m",
        }
    }
}

/// `text` with each span (code point offsets into `text`) set off by
/// `marker`. Spans are clamped to the text; overlapping or touching spans
/// are marked as one; empty spans are ignored. Control characters (line
/// breaks inside a headline) print as spaces so a sentence stays one line.
pub fn mark(text: &str, spans: &[Range<usize>], marker: Marker) -> String {
    let length = text.chars().count();
    let mut spans: Vec<Range<usize>> =
        spans.iter().map(|s| s.start.min(length)..s.end.min(length)).filter(|s| s.start < s.end).collect();
    spans.sort_by_key(|s| (s.start, s.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(spans.len());
    for span in spans {
        match merged.last_mut() {
            Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
            _ => merged.push(span),
        }
    }
    let mut out = String::with_capacity(text.len() + merged.len() * 8);
    let mut next = merged.iter().peekable();
    let mut open: Option<usize> = None;
    for (index, c) in text.chars().enumerate() {
        if open == Some(index) {
            out.push_str(marker.close());
            open = None;
        }
        if let Some(span) = next.next_if(|s| s.start == index) {
            out.push_str(marker.open());
            open = Some(span.end);
        }
        out.push(if c.is_control() { ' ' } else { c });
    }
    if open.is_some() {
        out.push_str(marker.close());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const G: Marker = Marker::Guillemets;

    fn mark_one(text: &str, span: Range<usize>) -> String {
        mark(text, std::slice::from_ref(&span), G)
    }

    #[test]
    fn a_span_is_cut_by_code_points() {
        assert_eq!(mark_one("reached about 20,000 as of", 8..20), "reached «about 20,000» as of");
        // Curly quotes are three bytes each: byte offsets would land inside them.
        assert_eq!(mark_one("“a” said Cheng Tong", 9..19), "“a” said «Cheng Tong»");
    }

    #[test]
    fn cjk_characters_count_once() {
        assert_eq!(mark_one("国务院新闻办公室主任王晨说", 10..12), "国务院新闻办公室主任«王晨»说");
        assert_eq!(mark_one("王晨", 0..2), "«王晨»");
    }

    #[test]
    fn spans_at_the_edges_and_beyond() {
        assert_eq!(mark_one("Sina Weibo", 0..4), "«Sina» Weibo");
        assert_eq!(mark_one("Sina Weibo", 5..10), "Sina «Weibo»");
        assert_eq!(mark_one("Sina Weibo", 5..99), "Sina «Weibo»", "clamped to the text");
        assert_eq!(mark("Sina Weibo", &[3..3, 20..30], G), "Sina Weibo", "empty and outside spans mark nothing");
        assert_eq!(mark_one("", 0..1), "");
    }

    #[test]
    fn overlapping_spans_are_marked_once() {
        assert_eq!(mark("about 20,000 accounts", &[6..12, 0..12], G), "«about 20,000» accounts");
        assert_eq!(mark("ab cd ef", &[0..2, 6..8], G), "«ab» cd «ef»");
        assert_eq!(mark("abcd", &[0..2, 2..4], G), "«abcd»", "touching spans join");
    }

    #[test]
    fn terminals_get_bold_and_lines_stay_whole() {
        assert_eq!(mark("a b", std::slice::from_ref(&(2..3)), Marker::Bold), "a \x1b[1mb\x1b[0m");
        assert_eq!(mark("a\nb", &[], G), "a b");
    }
}
