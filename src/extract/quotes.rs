//! Direct quotes and their speakers: a quoted passage next to a speech verb
//! and a person ("...," Cheng Tong said; said Yu, "..."; Li said: "...").
//! The speaker is resolved to the person, also when named by surname only.

use super::people::People;
use super::{Extraction, Quote, Sentence};
use crate::lexicon;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static QUOTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#""(?P<a>[^"]{8,})"|\u{201c}(?P<b>[^\u{201d}]{8,})\u{201d}"#).expect("quote pattern compiles")
});

static SPEECH: LazyLock<Regex> = LazyLock::new(|| {
    let verbs = lexicon::alternation(lexicon::words("lexicon/speech_verbs.txt"));
    Regex::new(&format!(r"\b(?:{verbs})\b")).expect("speech verb pattern compiles")
});

/// How far from the quote marks a speech verb and its speaker may stand.
const REACH: usize = 160;

/// Reads the quotes of a sentence whose people have been read.
pub fn read(sentence: &Sentence<'_>, people: &People, extraction: &mut Extraction) {
    let text = sentence.text;
    for caps in QUOTED.captures_iter(text) {
        let (Some(whole), Some(inner)) = (caps.get(0), caps.name("a").or_else(|| caps.name("b"))) else { continue };
        if !is_speech(inner.as_str()) {
            continue;
        }
        let Some(speaker) =
            speaker_after(text, whole.end(), people).or_else(|| speaker_before(text, whole.start(), people))
        else {
            continue;
        };
        extraction.quotes.push(Quote {
            speaker,
            text: sentence.span.start + inner.start()..sentence.span.start + inner.end(),
            evidence: sentence.evidence(whole.range(), "quote.speech-verb"),
        });
    }
}

/// The quoted passages of a sentence (with their quote marks): what is
/// said there, such as its dates and platforms, is said by the speaker and
/// not by the sentence around it.
pub fn passages(text: &str) -> Vec<Range<usize>> {
    QUOTED
        .captures_iter(text)
        .filter(|caps| caps.name("a").or_else(|| caps.name("b")).is_some_and(|inner| is_speech(inner.as_str())))
        .filter_map(|caps| caps.get(0).map(|whole| whole.range()))
        .collect()
}

/// Whether quoted words are speech: scare quotes inside running text are
/// not; a quote holds a clause of its own, long or ending with its own
/// punctuation ("We must listen," Yu said).
fn is_speech(inner: &str) -> bool {
    let punctuated = inner.trim_end().ends_with([',', '.', '!', '?']);
    inner.split_whitespace().count() >= 4 || punctuated
}

/// `"...," X said` or `"...," said X`: a person within reach after the quote,
/// with a speech verb between or right after.
fn speaker_after(text: &str, end: usize, people: &People) -> Option<usize> {
    let window = end..floor(text, (end + REACH).min(text.len()));
    let verb = SPEECH.find(&text[window.clone()])?;
    let verb_at = window.start + verb.start();
    // Stop at the next quote: a speaker belongs to the nearest quote.
    if text[end..verb_at].contains(['"', '\u{201c}']) {
        return None;
    }
    people
        .in_sentence()
        .iter()
        .filter(|(span, _)| span.start >= end && span.start <= verb_at + verb.len() + 40)
        .min_by_key(|(span, _)| distance(span, verb_at))
        .map(|(_, person)| *person)
}

/// `X said: "..."` or `X said "...`: a person and a verb right before.
fn speaker_before(text: &str, start: usize, people: &People) -> Option<usize> {
    let from = floor(text, start.saturating_sub(REACH));
    let window = &text[from..start];
    let verb = SPEECH.find_iter(window).last()?;
    let verb_at = from + verb.start();
    if !text[from + verb.end()..start].trim().trim_end_matches([',', ':']).trim().len().le(&2) {
        return None;
    }
    people
        .in_sentence()
        .iter()
        .filter(|(span, _)| span.end <= start && span.start >= from)
        .min_by_key(|(span, _)| distance(span, verb_at))
        .map(|(_, person)| *person)
}

fn distance(span: &Range<usize>, at: usize) -> usize {
    if span.start >= at { span.start - at } else { at.saturating_sub(span.end) }
}

/// The largest char boundary at or below `at`.
fn floor(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities;

    fn quotes(sentences: &[&str]) -> Vec<(String, String)> {
        let mut extraction = Extraction::default();
        let mut setting = entities::Setting::default();
        let mut people = People::default();
        let mut out = Vec::new();
        for (index, text) in sentences.iter().enumerate() {
            let sentence = Sentence::new(index, 0, 0..text.len(), text);
            let named = entities::find(&sentence, &mut setting, &mut extraction);
            people.read(&sentence, &named, &mut extraction);
            let before = extraction.quotes.len();
            read(&sentence, &people, &mut extraction);
            for quote in &extraction.quotes[before..] {
                out.push((extraction.entities[quote.speaker].name.clone(), text[quote.text.clone()].to_string()));
            }
        }
        out
    }

    #[test]
    fn speaker_after_the_quote() {
        assert_eq!(
            quotes(&["\u{201c}Microblogs let us hear the public directly,\u{201d} Hu Xiaoming said at the forum."]),
            vec![("Hu Xiaoming".to_string(), "Microblogs let us hear the public directly,".to_string())]
        );
    }

    #[test]
    fn surname_resolves_to_the_speaker() {
        let found =
            quotes(&["Li Qiang posted a reply on Monday.", "\"We will answer every message within a day,\" said Li."]);
        assert_eq!(found[0].0, "Li Qiang");
    }

    #[test]
    fn a_short_quote_with_its_own_punctuation() {
        let found = quotes(&["Yu Zhengsheng reads posts daily.", "\"We must listen,\" Yu said."]);
        assert_eq!(found, vec![("Yu Zhengsheng".to_string(), "We must listen,".to_string())]);
    }

    #[test]
    fn scare_quotes_are_not_quotes() {
        assert!(quotes(&["Tang Wei called it a \"salvage platform\" for voices."]).is_empty());
    }
}
