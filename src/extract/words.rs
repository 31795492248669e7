//! Words of a sentence with their spans, and the word-level tests the rules
//! share: capitalisation, Hanyu Pinyin syllables, name shapes.

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A word of a sentence: letters, digits, inner apostrophes and hyphens
/// ("People's", "Editor-in-Chief", "micro-blog").
#[derive(Clone, Debug)]
pub struct Word<'a> {
    pub span: Range<usize>,
    pub text: &'a str,
}

/// Marks that join two runs of letters and digits into one word.
const JOINERS: [char; 5] = ['\'', '\u{2019}', '.', '-', '&'];

/// The words of `text`: runs of letters and digits, joined by one of
/// [`JOINERS`] between two such runs. (A scan rather than a regular
/// expression: every rule tokenizes, and this runs several times faster.)
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut words = Vec::new();
    let mut start = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            continue;
        }
        let Some(begin) = start else { continue };
        let joins = JOINERS.contains(&c) && chars.peek().is_some_and(|(_, next)| next.is_alphanumeric());
        if !joins {
            words.push(Word { span: begin..i, text: &text[begin..i] });
            start = None;
        }
    }
    if let Some(begin) = start {
        words.push(Word { span: begin..text.len(), text: &text[begin..] });
    }
    words
}

impl Word<'_> {
    /// Written with a capital, as names are: "Bureau", and also
    /// "e-Government" and "iResearch", whose capital comes second.
    pub fn is_capitalized(&self) -> bool {
        let mut chars = self.text.chars().filter(|&c| c != '-');
        match (chars.next(), chars.next()) {
            (Some(first), _) if first.is_uppercase() => true,
            (Some(first), Some(second)) => first.is_lowercase() && second.is_uppercase(),
            _ => false,
        }
    }

    /// The word without a possessive "'s".
    pub fn without_possessive(&self) -> &str {
        self.text.strip_suffix("'s").or_else(|| self.text.strip_suffix("\u{2019}s")).unwrap_or(self.text)
    }

    pub fn is_possessive(&self) -> bool {
        self.without_possessive().len() != self.text.len()
    }
}

/// Whether `text` ends with `word` (in any ASCII case), not as the end of a
/// longer word.
pub fn ends_with_word(text: &str, word: &str) -> bool {
    let Some(at) = text.len().checked_sub(word.len()) else { return false };
    text.get(at..).is_some_and(|tail| tail.eq_ignore_ascii_case(word))
        && !text[..at].ends_with(|c: char| c.is_alphanumeric())
}

/// Whether `text` holds `word`, as written, as a whole word.
pub fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word)
        .any(|(at, _)| !text[..at].ends_with(|c: char| c.is_alphanumeric()) && starts_with_word(&text[at..], word))
}

/// Whether `text` starts with `word` (in any ASCII case), not as the start of
/// a longer word.
pub fn starts_with_word(text: &str, word: &str) -> bool {
    text.get(..word.len()).is_some_and(|head| head.eq_ignore_ascii_case(word))
        && !text[word.len()..].starts_with(|c: char| c.is_alphanumeric())
}

static PINYIN: LazyLock<Regex> = LazyLock::new(|| {
    let initial = "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?";
    let finals = "(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u|v)";
    Regex::new(&format!("^(?:{initial}{finals}){{1,3}}$")).expect("pinyin pattern compiles")
});

/// Whether `word` reads as one to three Hanyu Pinyin syllables, as Chinese
/// given names do ("Zhengsheng", "Qi", "Chun-ying").
pub fn is_pinyin(word: &str) -> bool {
    let lower = word.to_lowercase().replace(['-', '\''], "");
    !lower.is_empty() && PINYIN.is_match(&lower)
}

static SYLLABLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("^[bcdfghjklmnpqrstvwxz]{0,3}[aeiouy]{1,3}(?:ng|n|m|h|k|t|p|w)?$").expect("syllable pattern compiles")
});

/// Whether `word` reads as one syllable of a Chinese name in any
/// romanisation (Pinyin, Wade-Giles, Cantonese, Hokkien): "Wei", "Hsien",
/// "Kee", "Loong"; so "Chua Wei Ling" and "Lee Hsien Loong" are names of
/// three syllables written apart.
pub fn is_name_syllable(word: &str) -> bool {
    word.len() <= 6 && SYLLABLE.is_match(&word.to_lowercase())
}

/// Turns a name into the stable local part of an IRI ("People's Daily" to
/// "peoples-daily"): ASCII letters and digits, hyphens between words.
pub fn slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if c == '\'' || c == '\u{2019}' {
            continue;
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        // Names in other scripts: keep them distinct by their code points.
        name.chars().map(|c| format!("u{:x}", c as u32)).collect::<Vec<_>>().join("-")
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_punctuation() {
        let found: Vec<&str> = words("People's Daily's Editor-in-Chief, 2.8 million").iter().map(|w| w.text).collect();
        assert_eq!(found, vec!["People's", "Daily's", "Editor-in-Chief", "2.8", "million"]);
    }

    #[test]
    fn capitals_may_come_second() {
        let capitalized: Vec<bool> = words("the e-Government Research center of iResearch and e-mail")
            .iter()
            .map(Word::is_capitalized)
            .collect();
        assert_eq!(capitalized, vec![false, true, true, false, false, true, false, false]);
    }

    #[test]
    fn words_end_at_joiners_that_join_nothing() {
        let text = "'Weibo' a--b U.S. ends. R&D \u{2019}s 王晨說 -3";
        let found: Vec<(&str, usize)> = words(text).iter().map(|w| (w.text, w.span.start)).collect();
        let expected = ["Weibo", "a", "b", "U.S", "ends", "R&D", "s", "王晨說", "3"];
        assert_eq!(found.iter().map(|(word, _)| *word).collect::<Vec<_>>(), expected);
        assert!(found.iter().all(|(word, start)| &text[*start..*start + word.len()] == *word));
    }

    #[test]
    fn pinyin_given_names() {
        for name in ["Zhengsheng", "Qi", "Liqiang", "Huaxin", "Chun-ying", "Xiaolingtong"] {
            assert!(is_pinyin(name), "{name}");
        }
        for word in ["March", "Club", "Street", "Weekly", "Daily"] {
            assert!(!is_pinyin(word), "{word}");
        }
    }

    #[test]
    fn syllables_of_names_in_any_romanisation() {
        for word in ["Wei", "Ling", "Hsien", "Loong", "Kee", "Eng", "Wah", "Yong"] {
            assert!(is_name_syllable(word), "{word}");
        }
        for word in ["Said", "Says", "Joins", "Weibo", "Bank", "Post", "Liqiang"] {
            assert!(!is_name_syllable(word), "{word}");
        }
    }

    #[test]
    fn slugs_are_stable_ascii() {
        assert_eq!(slug("People's Daily Online"), "peoples-daily-online");
        assert_eq!(slug("  Ministry of Health "), "ministry-of-health");
        assert_eq!(slug("王晨"), "u738b-u6668");
    }
}
