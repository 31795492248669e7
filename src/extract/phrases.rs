//! A list of cue phrases searched as whole words, all at once.
//!
//! Rules ask "does this clause say any of the now-words?" many times per
//! sentence; one Aho-Corasick pass over the text answers for the whole list
//! instead of one substring search per phrase.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder};

/// Cue phrases in their lexicon's order (earlier ones win).
pub struct Phrases {
    list: Vec<&'static str>,
    automaton: AhoCorasick,
}

impl Phrases {
    pub fn new(list: Vec<&'static str>) -> Self {
        let automaton = AhoCorasick::new(&list).expect("cue phrases build an automaton");
        Self { list, automaton }
    }

    /// The same, matching in any (ASCII) case.
    pub fn ignoring_case(list: Vec<&'static str>) -> Self {
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(&list)
            .expect("cue phrases build an automaton");
        Self { list, automaton }
    }

    /// The first phrase of the list (in the list's order) that `text` holds
    /// as whole words: not inside a longer word.
    pub fn first_in(&self, text: &str) -> Option<&'static str> {
        self.automaton
            .find_overlapping_iter(text)
            .filter(|m| whole_words(text, m.start(), m.end()))
            .map(|m| m.pattern().as_usize())
            .min()
            .map(|index| self.list[index])
    }

    /// Where in `text` the phrases stand as whole words, each match (also
    /// those inside or overlapping another: "report" and "reports"), in the
    /// order they end.
    pub fn spans_in<'t>(&'t self, text: &'t str) -> impl Iterator<Item = std::ops::Range<usize>> + 't {
        self.automaton.find_overlapping_iter(text).filter(|m| whole_words(text, m.start(), m.end())).map(|m| m.range())
    }

    /// Whether `text` holds any of the phrases as whole words.
    pub fn any_in(&self, text: &str) -> bool {
        self.automaton.find_overlapping_iter(text).any(|m| whole_words(text, m.start(), m.end()))
    }
}

fn whole_words(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_whole_words_and_keep_the_lists_order() {
        let phrases = Phrases::new(vec!["now", "so far", "to date"]);
        assert_eq!(phrases.first_in("so far, and now"), Some("now"));
        assert_eq!(phrases.first_in("known to dates"), None);
        assert!(phrases.any_in("the total to date."));
        assert!(!phrases.any_in("snow"));
        assert!(Phrases::ignoring_case(vec!["Follow us"]).any_in("follow US on Weibo"));
    }
}
