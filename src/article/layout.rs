//! The layout of a news web page saved as text: which lines are page
//! furniture (menus, share buttons, copyright, comment boxes, page numbers),
//! which belong to the header (headline, dateline, byline), and which are the
//! body's paragraphs.

use crate::extract::phrases::Phrases;
use crate::lexicon;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A line of the page with its byte span (without the newline).
#[derive(Clone, Debug)]
pub struct Line {
    pub span: Range<usize>,
    pub kind: LineKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    Blank,
    Furniture,
    /// Short text without a full stop: a headline, a section heading or a
    /// caption.
    Heading,
    /// Running text: at least one sentence.
    Paragraph,
    /// Who reported, wrote or edited the article (`credits.rs`).
    Credit,
}

struct FurnitureCues {
    /// Phrases that make a short line furniture wherever they stand in it,
    /// as whole words ("follow us", but not "follow users").
    contained: Phrases,
    /// Lines that are furniture when they are exactly this text.
    whole: Vec<String>,
    /// Lines that are furniture, however long, when they open with this.
    opening: Vec<String>,
}

static SECTIONS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lexicon::words("lexicon/sections.txt"));

static CAPTION_CUES: LazyLock<Vec<&'static str>> = LazyLock::new(|| lexicon::words("lexicon/caption_cues.txt"));

static CUES: LazyLock<FurnitureCues> = LazyLock::new(|| {
    let (mut whole, mut opening, mut contained) = (Vec::new(), Vec::new(), Vec::new());
    for cue in lexicon::words("lexicon/furniture.txt") {
        if let Some(cue) = cue.strip_prefix('=') {
            whole.push(cue.to_lowercase());
        } else if let Some(cue) = cue.strip_prefix('^') {
            opening.push(cue.to_lowercase());
        } else {
            contained.push(cue);
        }
    }
    FurnitureCues { contained: Phrases::ignoring_case(contained), whole, opening }
});

/// A line of two or more labelled numbers or dates, as forums and blogs show
/// them: "Views: 1,284 | Replies: 17", "Posts: 2,366  Joined: 2008-04-11"
/// (but not a publication line, "Updated: 2014-02-18 07:49").
static STATISTICS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[A-Z][a-z]+:\s*[\d,./-]+\s*\|?\s*){2,}$").expect("statistics pattern compiles")
});

/// Lines longer than this many words are running text even when they
/// contain a furniture phrase ("... said the copyright office ...").
const FURNITURE_MAX_WORDS: usize = 14;

pub struct Layout {
    pub lines: Vec<Line>,
}

impl Layout {
    pub fn of(text: &str) -> Self {
        let mut lines = Vec::new();
        let mut start = 0;
        for line in text.split('\n') {
            let span = start..start + line.len();
            start = span.end + 1;
            lines.push(Line { kind: classify(line), span });
        }
        Self { lines }
    }

    /// Index of the first running-text paragraph: where the header ends.
    pub fn body_start(&self) -> usize {
        self.lines.iter().position(|line| line.kind == LineKind::Paragraph).unwrap_or(self.lines.len())
    }

    /// The first of three paragraphs in a row (blank lines aside): where
    /// the story runs on. A paragraph before it stands among headings: a
    /// standfirst, a photo's caption, a writer's blurb, or a site's tagline
    /// ("Asia Times Online :: China News, China Business News ..."). With no
    /// such run, the first paragraph.
    pub fn story_start(&self) -> usize {
        let text_lines: Vec<(usize, &Line)> =
            self.lines.iter().enumerate().filter(|(_, line)| line.kind != LineKind::Blank).collect();
        text_lines
            .windows(3)
            .find(|run| run.iter().all(|(_, line)| line.kind == LineKind::Paragraph))
            .map_or(self.body_start(), |run| run[0].0)
    }

    /// The body's paragraphs, leaving out headings and any repeat of the
    /// headline (pages of a multi-page article repeat it).
    pub fn body_paragraphs(&self, text: &str, title: Option<&Range<usize>>) -> Vec<Range<usize>> {
        let title_text = title.map(|t| text[t.clone()].trim());
        self.lines[self.body_start()..]
            .iter()
            .filter(|line| line.kind == LineKind::Paragraph)
            .filter(|line| Some(text[line.span.clone()].trim()) != title_text)
            .map(|line| trim_span(text, line.span.clone()))
            .collect()
    }
}

/// The span without leading and trailing white space.
pub fn trim_span(text: &str, span: Range<usize>) -> Range<usize> {
    let slice = &text[span.clone()];
    let start = span.start + (slice.len() - slice.trim_start().len());
    let end = span.end - (slice.len() - slice.trim_end().len());
    start..end.max(start)
}

fn classify(line: &str) -> LineKind {
    let trimmed = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
    if trimmed.is_empty() {
        return LineKind::Blank;
    }
    let words: Vec<&str> = trimmed.split_whitespace().collect();
    if is_furniture(trimmed, &words) {
        return LineKind::Furniture;
    }
    if super::credits::names(trimmed).is_some() {
        return LineKind::Credit;
    }
    // ("By Zhang Yue in Nanning (China Daily)", repeated on a second page,
    // is no paragraph of the story for ending in a bracket.)
    if words.len() <= 12
        && words.first().is_some_and(|w| w.eq_ignore_ascii_case("by"))
        && super::metadata::is_byline(trimmed)
    {
        return LineKind::Heading;
    }
    let ends_sentence = trimmed.ends_with(['.', '"', '\u{201d}', '!', '?', ')', ':', ';']) && !trimmed.ends_with("...");
    if words.len() >= 8 && (ends_sentence || words.len() >= 20) { LineKind::Paragraph } else { LineKind::Heading }
}

fn is_furniture(line: &str, words: &[&str]) -> bool {
    let lower = line.to_lowercase();
    let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
    if bare.is_empty() || bare.chars().all(|c| c.is_ascii_digit() || c.is_whitespace()) {
        // Page numbers, bullets, lone symbols.
        return true;
    }
    if CUES.whole.iter().any(|cue| cue == bare) {
        return true;
    }
    if CUES.opening.iter().any(|cue| lower.trim_start().starts_with(cue.as_str())) {
        return true;
    }
    if is_caption(&lower) {
        return true;
    }
    if words.len() <= FURNITURE_MAX_WORDS && CUES.contained.any_in(&lower) {
        return true;
    }
    if is_menu(line) || STATISTICS.is_match(line) {
        return true;
    }
    // Menus: every word a section name, or a short word in capitals
    // ("US EUROPE AFRICA ASIA 中文", "News Politics Sports Video").
    words.len() >= 2
        && words.iter().all(|word| {
            let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
            bare.is_empty()
                || SECTIONS.iter().any(|s| s.eq_ignore_ascii_case(bare))
                || (bare.chars().count() <= 7 && bare.chars().all(|c| c.is_uppercase() || !c.is_ascii()))
        })
}

/// A photo caption or credit, however long: "... in Beijing, Sept 9.
/// [Photo/Xinhua]", "Photo: AFP/Getty Images" (`lower` in lower case).
pub fn is_caption(lower: &str) -> bool {
    CAPTION_CUES.iter().any(|cue| lower.contains(cue)) || PHOTO_CREDIT.is_match(lower)
}

/// A photographer and agency in brackets closing a caption: "... (Alex
/// Wong/Reuters)".
/// Or after a slash set apart: "... on his mobile phone. Huang Jian / for
/// China Daily", "[Wu Hongjun / for China Daily]".
static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\([a-z][\w.' -]*/[a-z][\w.' -]*\)|(?:\.\s+|\[)[a-z][\w'-]+(?:\s+[a-z][\w'-]+){1,2}\s/\s(?:for\s+)?[a-z][\w.' -]*\]?)\s*$")
        .expect("photo credit pattern compiles")
});

/// A menu or breadcrumb of links set off by bars, slashes, bullets or
/// arrows: at least four items of a few words each, each starting with a
/// capital ("News | US | World | Life & style | Data", "Home / China /
/// Society"), or three set off by arrows ("NEWS › CHINA › POLICIES &
/// POLITICS"). Headlines seldom hold more than one such mark; a credit line
/// of as many parts has a date ("Source: Xinhua | Updated: 2012-03-04 |
/// By ...").
fn is_menu(line: &str) -> bool {
    const MARKS: [char; 7] = ['|', '/', '\u{b7}', '\u{2022}', '\u{203a}', '\u{bb}', '>'];
    const ARROWS: [char; 3] = ['\u{203a}', '\u{bb}', '>'];
    // (After a label: "You are here: Home > China > Government".)
    let line = line
        .split_once(": ")
        .filter(|(label, _)| label.split_whitespace().count() <= 3 && !label.contains(MARKS))
        .map_or(line, |(_, links)| links);
    // (Items copied from a page may be set apart by wide gaps alone:
    // "East Asia   China   Citizen Media   Governance". A line with no mark
    // and no gap is one item, no menu: most lines, so they are let go
    // before being split.)
    if !line.contains(MARKS) && !line.contains("  ") && !line.contains('\t') {
        return false;
    }
    let items: Vec<&str> = line
        .split(MARKS)
        .flat_map(|part| part.split("  ").flat_map(|item| item.split('\t')))
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .collect();
    // (A breadcrumb of arrows may be short, "Taiwan News > Politics", and so
    // may one from the home page, "Home / Taiwan News".)
    let from_home = items.first().is_some_and(|item| item.eq_ignore_ascii_case("home"));
    // (Three set off by bars are a section's path: "Technology | Media |
    // Internet News".)
    let enough = if line.contains(ARROWS) || from_home {
        2
    } else if line.matches('|').count() >= 2 {
        3
    } else {
        4
    };
    // (An item may be an abbreviation, "U.S.", but not a sentence; one in
    // five may be no link's name, "Recommend 0".)
    let link = |item: &&str| {
        // (A link may show its count: "Comments (6)".)
        let item = item
            .strip_suffix(')')
            .and_then(|rest| rest.rsplit_once(" ("))
            .map_or(*item, |(name, count)| if count.chars().all(|c| c.is_ascii_digit()) { name } else { *item });
        let words = item.split_whitespace().count();
        words <= 3
            && item.starts_with(char::is_uppercase)
            && !item.contains(|c: char| c.is_ascii_digit())
            && !(words > 1 && item.ends_with(['.', '?', '!']))
    };
    items.len() >= enough && items.iter().filter(|item| !link(item)).count() <= items.len() / 5
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(line: &str) -> LineKind {
        classify(line)
    }

    #[test]
    fn furniture_lines() {
        for line in [
            "Print E-mail Bookmark and Share",
            "Previous Page 1 2 Next Page",
            "Copyright ©1999-2018 Chinanews.com. All rights reserved.",
            "US EUROPE AFRICA ASIA 中文",
            "News Politics Sports Video",
            "East Asia   China   Citizen Media   Digital Activism",
            "Home | Local | U.S. | World | Business | Sports | Entertainment | Health | Living | Travel | Opinion",
            "Home / Taiwan News",
            "You are here: Home > China > Government",
            "Share  |  Print  |  Email  |  Comments (6)",
            "A resident reads the police account on his phone. Huang Jian / for China Daily",
            "Officers answer questions online. [Wu Hong / for China Daily]",
            "Email | Share | Print | Recommend 0 | Tweet",
            "Taiwan News > Politics",
            "A commuter checks WeChat on a subway train in Guangzhou on Tuesday. (Alex Ho/Reuters)",
            "1",
            "» News",
            "Most Viewed Today's Top News",
            "This story has been viewed 2,871 times.",
            "News | US | World | Sport | Comment | Culture | Business | Money | Environment | Science | Travel | Tech | Media | Life & style | Data",
            "Home / China / Society                  Tools: Save | Print | E-mail | Most Read",
            "News \u{203a} World news \u{203a} Asia-Pacific \u{203a} China",
            "Text larger \u{b7} smaller",
            "Font: A A A",
            "[Video] Court live-posts trial on microblog  02:35",
            "Technology | Media | Internet News",
            "NEWS \u{203a} CHINA \u{203a} POLICIES & POLITICS",
            "Views: 1,284  |  Replies: 17",
            "Posts: 2,366  Joined: 2008-04-11",
            "Copyright 1995 - 2011 . All rights reserved. The content (including but not limited to text, photo, multimedia information, etc) published in this site belongs to China Daily Information Co (CDIC).",
        ] {
            assert_eq!(kind(line), LineKind::Furniture, "{line}");
        }
    }

    #[test]
    fn credit_lines_are_not_the_story() {
        assert_eq!(kind("(Reporting by Sun Yu; Editing by Alex Hunt)"), LineKind::Credit);
        assert_eq!(kind("Chen Mei and Tom Hale contributed reporting."), LineKind::Credit);
    }

    #[test]
    fn headlines_and_paragraphs() {
        assert_eq!(kind("Govt blogs have work to do"), LineKind::Heading);
        // A furniture cue only as whole words ("follow us", "share on").
        assert_eq!(kind("Officials follow users to WeChat"), LineKind::Heading);
        assert_eq!(kind("Police photos shared online"), LineKind::Heading);
        assert_eq!(kind("Officials sign in to WeChat"), LineKind::Heading);
        // (A slash or a bar or two is no menu.)
        assert_eq!(kind("Beijing / Shanghai police go online"), LineKind::Heading);
        assert_eq!(kind("Weibo > WeChat? Officials weigh in"), LineKind::Heading);
        assert_eq!(kind("Updated: 2014-02-18 07:49"), LineKind::Heading);
        assert_eq!(kind("Source: Xinhua | Updated: 2012-03-04 | By Li Ming | Editor: Zhang Pei"), LineKind::Heading);
        assert_eq!(kind("Follow us on Weibo"), LineKind::Furniture);
        assert_eq!(
            kind("The city's police bureau opened an account on Sina Weibo in May, a spokesman said."),
            LineKind::Paragraph
        );
    }
}
