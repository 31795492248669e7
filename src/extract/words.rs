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

static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{L}\p{N}]+(?:['\u{2019}.\-&][\p{L}\p{N}]+)*").expect("word pattern compiles"));

/// The words of `text`.
pub fn words(text: &str) -> Vec<Word<'_>> {
    WORD.find_iter(text).map(|m| Word { span: m.range(), text: m.as_str() }).collect()
}

impl Word<'_> {
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The word without a possessive "'s".
    pub fn without_possessive(&self) -> &str {
        self.text.strip_suffix("'s").or_else(|| self.text.strip_suffix("\u{2019}s")).unwrap_or(self.text)
    }

    pub fn is_possessive(&self) -> bool {
        self.without_possessive().len() != self.text.len()
    }
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
    fn pinyin_given_names() {
        for name in ["Zhengsheng", "Qi", "Liqiang", "Huaxin", "Chun-ying", "Xiaolingtong"] {
            assert!(is_pinyin(name), "{name}");
        }
        for word in ["March", "Club", "Street", "Weekly", "Daily"] {
            assert!(!is_pinyin(word), "{word}");
        }
    }

    #[test]
    fn slugs_are_stable_ascii() {
        assert_eq!(slug("People's Daily Online"), "peoples-daily-online");
        assert_eq!(slug("  Ministry of Health "), "ministry-of-health");
        assert_eq!(slug("王晨"), "u738b-u6668");
    }
}
