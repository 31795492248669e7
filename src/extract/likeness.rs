//! Platforms named as a likeness of another service: "Sina Weibo, China's
//! Twitter", "China's version of Facebook", "a YouTube clone". The
//! words speak of a Chinese service through a foreign one's name, so the
//! service they name is no platform the article speaks of (nor the platform
//! of a figure in the sentence). The cues are in
//! `ontology/lexicon/likenesses.tsv`.

use super::gazetteer::{Entry, gazetteer};
use super::words::{ends_with_word, starts_with_word};
use crate::lexicon;
use std::ops::Range;
use std::sync::LazyLock;

struct Cues {
    before: Vec<&'static str>,
    after: Vec<&'static str>,
    before_foreign: Vec<&'static str>,
    /// Nouns after a foreign service's name that make it the service itself
    /// ("Chinese Twitter users").
    foreign_use: Vec<&'static str>,
}

static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let table = lexicon::table("lexicon/likenesses.tsv", 2);
    let of = |place: &str| table.rows.iter().filter(|row| row[1] == place).map(|row| row[0]).collect();
    Cues {
        before: of("before"),
        after: of("after"),
        before_foreign: of("before-foreign"),
        foreign_use: of("foreign-use"),
    }
});

/// Whether the platform named at `span` of `text` is named as a likeness.
pub fn is_likeness(text: &str, span: &Range<usize>, platform: &Entry) -> bool {
    let cues = &*CUES;
    // ("often called "China's Twitter"": a quote mark may open the name.)
    let lead = text[..span.start].trim_end_matches(['"', '\u{201c}', '\'', '\u{2018}']).trim_end();
    let lead = lead.replace('\u{2019}', "'");
    let tail = &text[span.end..];
    let foreign = gazetteer().home_of(platform).is_some_and(|home| home != "CN")
        && cues.before_foreign.iter().any(|cue| ends_with_word(&lead, cue))
        && !cues.foreign_use.iter().any(|noun| starts_with_word(tail.trim_start(), noun));
    foreign
        || cues.before.iter().any(|cue| ends_with_word(&lead, cue))
        || cues.after.iter().any(|cue| tail.strip_prefix(' ').is_some_and(|rest| starts_with_word(rest, cue)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The platforms of `text` the gazetteer finds that are named as a
    /// likeness.
    fn likenesses(text: &str) -> Vec<&'static str> {
        let found = gazetteer().find(text);
        found.into_iter().filter(|f| is_likeness(text, &f.span, f.entry)).map(|f| f.entry.name).collect()
    }

    #[test]
    fn a_foreign_service_standing_for_a_chinese_one() {
        assert_eq!(likenesses("Police opened 300 accounts on Sina Weibo, China's Twitter."), ["Twitter"]);
        assert_eq!(likenesses("Weibo, often dubbed \"China's Twitter\", has 300 million users."), ["Twitter"]);
        assert_eq!(likenesses("Renren, the Chinese Facebook, went public."), ["Facebook"]);
        assert_eq!(likenesses("It is China's version of YouTube."), ["YouTube"]);
        assert!(gazetteer().find("The Twitter-like service has 50,000 government accounts.").is_empty());
        assert_eq!(likenesses("Youku, a YouTube clone, streams the hearings."), ["YouTube"]);
    }

    #[test]
    fn a_service_itself_is_no_likeness() {
        assert!(likenesses("China's WeChat had 300 million users.").is_empty());
        assert!(likenesses("Twitter and Facebook are blocked in China.").is_empty());
        assert!(likenesses("The embassy posts on Twitter like other missions do.").is_empty());
        assert!(likenesses("Chinese Twitter users number 35,000 by one estimate.").is_empty());
        assert!(likenesses("China\u{2019}s Facebook account holders are few.").is_empty());
        assert_eq!(likenesses("Sina Weibo, China\u{2019}s Twitter, said so."), ["Twitter"]);
    }
}
