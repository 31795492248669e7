//! Splitting paragraphs into sentences: a full stop, question or exclamation
//! mark (with any closing quote) followed by a space and a capital, a digit or
//! an opening quote ends a sentence, unless the word before is an
//! abbreviation ("Dec.", "Mr.", "U.S.") or a single initial, or the mark
//! stands inside a quotation that closes later in the paragraph (a quote of
//! several sentences stays with its speaker).

use crate::lexicon;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

static ABBREVIATIONS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lexicon::words("lexicon/abbreviations.txt").into_iter().collect());

const CLOSERS: &[char] = &['"', '\'', '\u{201d}', '\u{2019}', ')', ']'];

/// Byte spans of the sentences of `text[span]`, trimmed.
pub fn split(text: &str, span: Range<usize>) -> Vec<Range<usize>> {
    let paragraph = &text[span.clone()];
    let mut sentences = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
    let mut i = 0;
    let mut quoted = false;
    while i < chars.len() {
        let (at, c) = chars[i];
        let closes_later = |close: char| chars[i + 1..].iter().any(|&(_, n)| n == close);
        match c {
            '\u{201c}' if closes_later('\u{201d}') => quoted = true,
            '\u{201d}' => quoted = false,
            '"' if quoted => quoted = false,
            '"' if closes_later('"') => quoted = true,
            _ => {}
        }
        if matches!(c, '.' | '!' | '?') {
            // Take closing quotes and brackets with the sentence.
            let mut j = i + 1;
            while j < chars.len() && CLOSERS.contains(&chars[j].1) {
                j += 1;
            }
            if quoted && chars[i + 1..j].iter().any(|&(_, q)| q == '"' || q == '\u{201d}') {
                quoted = false;
            }
            if quoted {
                i += 1;
                continue;
            }
            let end = chars.get(j).map_or(paragraph.len(), |&(b, _)| b);
            let next_word = chars[j..].iter().skip_while(|(_, c)| c.is_whitespace()).map(|&(_, c)| c).next();
            let has_space = chars.get(j).is_some_and(|(_, c)| c.is_whitespace());
            let starts_new =
                next_word.is_none_or(|n| n.is_uppercase() || n.is_ascii_digit() || "\"'\u{201c}\u{2018}(".contains(n));
            if (has_space || j == chars.len()) && starts_new && !(c == '.' && is_abbreviation(paragraph, at)) {
                push(paragraph, span.start, start..end, &mut sentences);
                start = end;
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    push(paragraph, span.start, start..paragraph.len(), &mut sentences);
    sentences
}

fn push(paragraph: &str, offset: usize, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let piece = &paragraph[range.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if piece.trim().is_empty() {
        return;
    }
    out.push(offset + range.start + lead..offset + range.end - trail);
}

/// Whether the word ending with the full stop at `dot` is an abbreviation.
fn is_abbreviation(paragraph: &str, dot: usize) -> bool {
    let word_start =
        paragraph[..dot].char_indices().rfind(|(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8());
    let word = paragraph[word_start..=dot].trim_start_matches(['(', '"', '\u{201c}']);
    let letters = word.trim_end_matches('.');
    ABBREVIATIONS.contains(word)
        // A single initial ("Liang M.") or dotted initials ("U.S.").
        || (letters.chars().all(|c| c.is_uppercase() || c == '.') && letters.chars().filter(|c| c.is_alphabetic()).count() <= 3 && !letters.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text, 0..text.len()).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_on_full_stops() {
        assert_eq!(
            sentences("The office opened an account. It has 2.8 million followers! Is that many?"),
            vec!["The office opened an account.", "It has 2.8 million followers!", "Is that many?"]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            sentences("The summit opened on Dec. 12 in Beijing. The U.S. Embassy has an account."),
            vec!["The summit opened on Dec. 12 in Beijing.", "The U.S. Embassy has an account."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("\"Your pain is our pain.\" The letter was posted online."),
            vec!["\"Your pain is our pain.\"", "The letter was posted online."]
        );
    }

    #[test]
    fn a_quote_of_several_sentences_stays_whole() {
        assert_eq!(
            sentences("\"We listen. We answer,\" Li said. Then he left."),
            vec!["\"We listen. We answer,\" Li said.", "Then he left."]
        );
    }

    #[test]
    fn lowercase_after_a_stop_continues() {
        assert_eq!(sentences("Visit weibo.com for more. Thanks."), vec!["Visit weibo.com for more.", "Thanks."]);
    }
}
