//! Credit lines closing a report: who reported, wrote, edited or helped
//! ("(Reporting by Li Hui and Ben Blanchard; Editing by Ken Wills)", "Zhang
//! Wei contributed research.", "Jane Doe reported from Beijing, and Wang
//! Lei from Shanghai."). They are the article's authors, not people in its
//! story.

use regex::Regex;
use std::sync::LazyLock;

/// A person's name as credits write it.
const NAME: &str = r"[A-Z][\w'\u{2019}-]+(?:\s+[A-Z][\w'\u{2019}-]+){1,3}";

/// "Reporting by A and B in Beijing; Additional reporting by C; Editing by
/// D", "Reported by A for RFA's Mandarin Service".
static CREDITED_BY: LazyLock<Regex> = LazyLock::new(|| {
    // ("Translated and written in English by ...", as RFA signs off.)
    let role = r"(?:Additional\s+)?(?i:reporting|reported|writing|written|editing|edited|translated|research)(?:\s+and\s+(?i:written|edited))?(?:\s+in\s+English)?\s+by\s+";
    let credited = format!(r"{NAME}(?:\s+(?:in|for)\s+[A-Z][\w'\u{{2019}}-]*(?:\s+[A-Z][\w'\u{{2019}}-]*){{0,3}})?");
    Regex::new(&format!(r"^\(?{role}{credited}(?:(?:,\s+|,?\s+and\s+|;\s*{role}){credited})*\)?\.?$"))
        .expect("credit pattern compiles")
});

/// The words ending the desk a credit may name before the name:
/// "Associated Press researcher", "CCTV reporter".
const DESK_WORDS: &[&str] = &["researcher", "reporter", "correspondent", "writer"];

/// "A and B contributed reporting.", "A reported from Beijing, and B from
/// Shanghai.", "Associated Press researcher A contributed to this report.",
/// and a broadcast's "CCTV reporter A has more."
static CONTRIBUTED: LazyLock<Regex> = LazyLock::new(|| {
    let desk = format!(r"(?:(?:[A-Z][\w.'\u{{2019}}-]*\s+){{1,3}}(?:{})\s+)?", DESK_WORDS.join("|"));
    Regex::new(&format!(
        r"^{desk}{NAME}(?:(?:,\s+|,?\s+and\s+){NAME})*\s+(?:contributed\s+(?:reporting|research|to\s+this\s+report)(?:\s+from\s+[A-Z][a-z]+)?|reported\s+from\s+[A-Z][a-z]+(?:(?:,\s+|,?\s+and\s+){NAME}\s+from\s+[A-Z][a-z]+)*|has\s+more)\.?$"
    ))
    .expect("contribution pattern compiles")
});

static NAMES: LazyLock<Regex> = LazyLock::new(|| Regex::new(NAME).expect("name pattern compiles"));

/// Words every credit line has one of (see the patterns above).
const CUES: &[&str] = &[
    "reporting",
    "writing",
    "written",
    "editing",
    "edited",
    "translated",
    "research",
    "contributed",
    "reported",
    "has more",
];

/// Words a credit line has that are not names.
const NOT_NAMES: &[&str] =
    &["Reporting", "Reported", "Additional", "Writing", "Written", "Editing", "Edited", "Translated", "Research"];

/// The names a credit line gives, or `None` for any other line. A line may
/// hold several credits, as sentences ("A reported from Beijing. B
/// contributed research.").
pub fn names(line: &str) -> Option<Vec<String>> {
    // (Every line of every page is asked: the words no credit goes without
    // rule out nearly all of them before the patterns run.)
    let lower = line.to_ascii_lowercase();
    if !CUES.iter().any(|cue| lower.contains(cue)) {
        return None;
    }
    let mut names = Vec::new();
    for credit in line.trim().split_inclusive(". ") {
        let credit = credit.trim();
        if !CREDITED_BY.is_match(credit) && !CONTRIBUTED.is_match(credit) {
            return None;
        }
        // Names are the capitalised runs; a place follows "in" or "from".
        let found = NAMES
            .find_iter(credit)
            .filter(|m| {
                let before = credit[..m.start()].trim_end();
                // (Nor is the desk before a name: "Associated Press researcher".)
                let next = credit[m.end()..].split_whitespace().next().unwrap_or_default();
                let desk = m.start() == 0 && DESK_WORDS.contains(&next);
                !before.ends_with(" in") && !before.ends_with(" from") && !before.ends_with(" for") && !desk
            })
            .map(|m| m.as_str().split_whitespace().filter(|w| !NOT_NAMES.contains(w)).collect::<Vec<_>>().join(" "))
            .filter(|name| name.contains(' '));
        names.extend(found);
    }
    Some(names)
}

#[cfg(test)]
mod tests {
    use super::names;

    #[test]
    fn wire_and_newspaper_credits_give_their_names() {
        assert_eq!(
            names("(Reporting by Li Hui and Ben Blanchard in Beijing; Editing by Ken Wills)"),
            Some(vec!["Li Hui".into(), "Ben Blanchard".into(), "Ken Wills".into()])
        );
        assert_eq!(names("Zhang Wei contributed research."), Some(vec!["Zhang Wei".into()]));
        assert_eq!(names("Reported by Lin Jie for RFA's Cantonese Service."), Some(vec!["Lin Jie".into()]));
        assert_eq!(
            names("Jane Doe reported from Beijing. Zhang Wei contributed research."),
            Some(vec!["Jane Doe".into(), "Zhang Wei".into()])
        );
        assert_eq!(
            names("Jane Doe reported from Beijing, and Wang Lei from Shanghai."),
            Some(vec!["Jane Doe".into(), "Wang Lei".into()])
        );
        assert_eq!(
            names("Associated Press researcher Yu Bing contributed to this report."),
            Some(vec!["Yu Bing".into()])
        );
        assert_eq!(names("CNTV reporter Li Bo has more."), Some(vec!["Li Bo".into()]));
        assert_eq!(
            names("Reported by Lin Jie for RFA's Cantonese Service. Translated and written in English by Ann Lee."),
            Some(vec!["Lin Jie".into(), "Ann Lee".into()])
        );
    }

    #[test]
    fn sentences_of_the_story_are_not_credits() {
        for line in [
            "Wang Lei reported the fraud to the police in Shanghai last year.",
            "The report by Fudan University found 20,000 accounts.",
            "Xinhua reported from Beijing that the rules would change.",
        ] {
            assert_eq!(names(line), None, "{line}");
        }
    }
}
