//! What a news page says about the article itself: headline, publication
//! date, publisher, byline and dateline. Read from the header (the lines
//! before the first paragraph), the dateline that opens the first paragraph
//! ("SHENZHEN, Sept. 9 (Xinhua) --"), and, for the publisher, the footer.

use super::layout::{Layout, LineKind, trim_span};
use crate::date::{PartialDate, days_in_month};
use crate::extract::dates::{DateMention, NumericOrder, find_dates, find_dates_in};
use crate::extract::gazetteer::{EntityKind, Entry, gazetteer};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Debug, Default)]
pub struct Metadata {
    /// Byte span of the headline.
    pub title: Option<Range<usize>>,
    pub published: Option<PartialDate>,
    /// The publishing organisation (a gazetteer entry) and the name the
    /// page gives it.
    pub publisher: Option<(&'static Entry, String)>,
    pub authors: Vec<String>,
    pub editors: Vec<String>,
    /// The place of the dateline, as written ("SHENZHEN").
    pub dateline: Option<String>,
    /// Where the text after the dateline starts: the dateline is metadata,
    /// not a sentence of the story.
    pub story_start: Option<usize>,
}

/// "By Zhou Wei (China Daily)", "By Liu Dong | ...", "By Kathrin Hille in
/// Beijing", "By Megan Ross and Sun Jie", "By staff reporter Chen Ji", or a
/// line that is only a name and where it was written or what the writer is
/// ("Tania Branigan in Beijing", "Marcus Lyle, Beijing", "Mark Holloway,
/// Contributor").
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    let name = r"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,3}?";
    let staff = r"(?:(?:staff|our)\s+(?:reporter|writer|correspondent)s?\s+)?";
    // ("By" opens the line or follows a separator or a verb of writing:
    // "Hosted by Google" is no byline.)
    let opening = r"(?:^|[|–—:,(\]]\s*|\s{2,}|\d\s+|(?i:written|reported|posted|story|text|words)\s+)";
    Regex::new(&format!(r"(?:{opening}(?:[Bb]y|BY|Author|AUTHOR):?\s+{staff}(?P<name>{name}(?:(?:\s*,\s*{name})*(?:\s+and\s+|\s*&\s*){name})?)(?:\s*\((?P<org>[^)]+)\)|\s*[,|/]|\s*$|\s+(?:Updated|Published|Source)|\s+in\s+[A-Z][a-z]+\b)|^\s*(?P<writer>[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){{1,2}})(?:\s+in\s+|\s*,\s+|(?P<bar>\s+\|\s+))(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s*$)"))
        .expect("byline pattern compiles")
});

/// The byline of `line`, if it is one. A writer and a place set apart by a
/// bar ("Mary Chen | Beijing") only with a place the gazetteer knows: "Top
/// Stories | World" is a menu.
fn byline(line: &str) -> Option<regex::Captures<'_>> {
    BYLINE.captures(line).filter(|caps| {
        caps.name("bar").is_none()
            || caps.name("place").is_some_and(|place| {
                let found = gazetteer().find(place.as_str());
                found.iter().any(|m| m.span.len() == place.len() && matches!(m.entry.kind, EntityKind::Place { .. }))
            })
    })
}

static EDITOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:Editor|Edited by|Reporter|Writer)\s*:?\s+(?P<name>[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){0,2})")
        .expect("editor pattern compiles")
});

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?P<place>[A-Z][A-Za-z .'-]+?(?:,\s*[A-Z][A-Za-z .'-]+?)*),?\s+(?:[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s*\d{4})?,?\s+)?)?\((?P<agency>[^)]{2,40})\)\s*(?:--|—|–|-)")
        .expect("dateline pattern compiles")
});

/// A page's time relative to now, in place of a date: "AFP – 3 hrs ago".
static TIME_AGO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:\d+|an?)\s+(?:hrs?|hours?|mins?|minutes?|days?|weeks?)\s+ago\b")
        .expect("time-ago pattern compiles")
});

/// A line that is only a time of day: "10:41 am HKT", "08:47".
static TIME_OF_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,4})?\s*$")
        .expect("time of day pattern compiles")
});

/// A standfirst giving a columnist's view: "NAME says ...", "NAME argues"
/// (a verb of `lexicon/speech_verbs.txt`).
static COLUMNIST_SAYS: LazyLock<Regex> = LazyLock::new(|| {
    let says = crate::lexicon::alternation(crate::lexicon::words("lexicon/speech_verbs.txt"));
    Regex::new(&format!(r"^\s*[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){{1,2}}\s+(?:{says})\b"))
        .expect("columnist pattern compiles")
});

static SOURCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bsource\s*:\s*(?P<org>[A-Z][\w.' ]{1,40})").expect("source pattern compiles"));

impl Metadata {
    /// Reads the metadata of the page laid out in `layout`, first moving
    /// into the header a headline or standfirst that reads like running
    /// text (see [`header_sentences`]).
    pub fn read(text: &str, layout: &mut Layout) -> Self {
        header_sentences(text, layout);
        let body_start = layout.body_start();
        // (With no date line or no byline above the first paragraph, it may
        // stand under a tagline, standfirst or caption that reads as one:
        // the header then runs to where the story runs on.)
        let headed = |line: &super::layout::Line| line.kind != LineKind::Paragraph;
        let has = |lines: &[super::layout::Line], kind: fn(&str) -> bool| {
            lines.iter().any(|line| headed(line) && kind(&text[line.span.clone()]))
        };
        let story_start = layout.story_start().max(body_start);
        let (above, under) = (&layout.lines[..body_start], &layout.lines[body_start..story_start]);
        let header_end = if [is_date_line, is_byline].iter().any(|&kind| !has(above, kind) && has(under, kind)) {
            story_start
        } else {
            body_start
        };
        let header = &layout.lines[..header_end];
        let mut metadata = Self::default();

        // The publication line: the first header line with a full date (read
        // once the publisher, who decides the order of its numbers, is known).
        let date_line = header.iter().position(|line| headed(line) && is_date_line(&text[line.span.clone()]));

        // The headline: the last heading before the publication line or
        // byline, or else the first heading of the page.
        let byline_line = header.iter().position(|line| headed(line) && is_byline(&text[line.span.clone()]));
        let limit = match (date_line, byline_line) {
            (Some(a), Some(b)) => a.min(b),
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => header.len(),
        };
        // (Each header line is asked many times, once for every line below
        // it that might repeat it: answered once.)
        let titles = vec![std::cell::OnceCell::new(); header.len()];
        let is_title = |line: &&super::layout::Line| {
            let at = header.partition_point(|above| above.span.start < line.span.start);
            *titles[at].get_or_init(|| is_title_line(&text[line.span.clone()], line.kind))
        };
        // (A headline has more than two words: a line of one or two before
        // the date is a section's name, a breadcrumb or a menu's last item.)
        let headline = |line: &&super::layout::Line| is_title(line) && word_count(&text[line.span.clone()]) > 2;
        // (Not a line repeating a headline above it for a player or a
        // gallery: "Video: Officials learn the rules of the microblog Play".)
        let repeats = |lines: &[super::layout::Line], at: usize| {
            let line = &text[lines[at].span.clone()];
            lines[..at].iter().any(|above| headline(&above) && line.contains(text[above.span.clone()].trim()))
        };
        let last_headline = |lines: &[super::layout::Line]| {
            let at = (0..lines.len()).rev().find(|&at| headline(&&lines[at]) && !repeats(lines, at))?;
            Some(standfirst_headline(text, lines, at).span.clone())
        };
        // A date line above the headline and a byline below it ("28
        // September 2011", headline, "By ..."): the headline is between them.
        // (Not a standfirst there under a headline above the date: "Latest
        // update : 2012-12-05", then sentences, then "By News Wires".)
        let between = match (date_line, byline_line) {
            (Some(date), Some(byline)) if date < byline => last_headline(&header[date + 1..byline])
                .filter(|span| !reads_as_sentences(&text[span.clone()]) || last_headline(&header[..date]).is_none()),
            _ => None,
        };
        let before = &header[..limit];
        let title = between
            .or_else(|| last_headline(before))
            .or_else(|| before.iter().rev().find(is_title).map(|line| line.span.clone()))
            .or_else(|| header.iter().find(is_title).map(|line| line.span.clone()));
        metadata.title = title.map(|span| without_site_name(text, trim_span(text, span)));

        for line in header {
            let line_text = &text[line.span.clone()];
            if let Some(caps) = byline(line_text)
                && let Some(name) = caps.name("name").or_else(|| caps.name("writer"))
            {
                let names = name.as_str().split([',', '&']).flat_map(|names| names.split(" and "));
                metadata.authors.extend(names.map(str::trim).filter(|name| !name.is_empty()).map(String::from));
                if let Some(org) = caps.name("org")
                    && metadata.publisher.is_none()
                {
                    metadata.publisher =
                        gazetteer().publisher(org.as_str()).map(|p| (p, org.as_str().trim().to_string()));
                }
            }
            if let Some(caps) = EDITOR.captures(line_text) {
                metadata.editors.push(caps["name"].trim().to_string());
            }
        }

        for line in layout.lines.iter().filter(|line| line.kind == LineKind::Credit) {
            metadata.authors.extend(super::credits::names(&text[line.span.clone()]).unwrap_or_default());
        }

        // A wire dateline names the agency, which is the publisher. (It
        // opens the story, which may come after a standfirst.)
        let opening = layout.lines[body_start..].iter().filter(|line| line.kind == LineKind::Paragraph).take(2);
        let mut dateline_text = None;
        for (nth, first) in opening.enumerate() {
            let paragraph = &text[first.span.clone()];
            let indent = paragraph.len() - paragraph.trim_start().len();
            // Without a place ("(Reuters) - ...", the place being in the
            // header), or after a standfirst, only a known agency makes the
            // brackets a dateline ("Wang Wei (pictured) - ..." is none).
            let dateline = DATELINE.captures(paragraph.trim_start()).filter(|caps| {
                caps.name("place").is_some() && nth == 0 || gazetteer().publisher(&caps["agency"]).is_some()
            });
            if let Some(caps) = dateline {
                metadata.dateline = caps.name("place").map(|place| place.as_str().trim().to_string());
                metadata.story_start = caps.get(0).map(|m| first.span.start + indent + m.end());
                dateline_text = caps.get(0).map(|m| m.as_str());
                if let Some(agency) = gazetteer().publisher(&caps["agency"]) {
                    metadata.publisher = Some((agency, caps["agency"].trim().to_string()));
                }
                break;
            }
        }

        // Otherwise the publisher named in the header, or in the footer: in
        // the byline or date line first, since a portal reposting an article
        // puts its own name above it ("Yahoo! News", then "By ... | The
        // Straits Times – Tue, Jul 10, 2012").
        if metadata.publisher.is_none() {
            let credit_lines = [byline_line, date_line].into_iter().flatten().map(|i| &header[i]);
            // (Not a photo's credit: "Photo: AFP/Getty Images" on a
            // Telegraph page.)
            let footer = layout.lines[body_start..].iter().filter(|l| {
                l.kind != LineKind::Paragraph && !super::layout::is_caption(&text[l.span.clone()].to_lowercase())
            });
            for line in credit_lines.chain(header).chain(footer) {
                if let Some(found) = publisher_in(&text[line.span.clone()]) {
                    metadata.publisher = Some(found);
                    break;
                }
            }
        }

        // With no date above the story, a dateline's date with its year
        // ("BEIJING, May 4, 2013 (Reuters) -") is the publication date.
        if date_line.is_none()
            && let Some(dateline) = dateline_text
        {
            metadata.published = find_dates(dateline, None).into_iter().find(|d| d.absolute).and_then(|d| d.date);
        }
        // (Else a labelled date under the story: "Date 23.01.2013".)
        let footer_date = || {
            let footer = layout.lines[body_start..].iter().map(|line| &text[line.span.clone()]);
            footer.filter(|line| word_count(line) <= 8).find(|line| {
                let lower = line.trim_start().to_ascii_lowercase();
                DATE_LABELS.iter().any(|label| crate::extract::starts_with_word(&lower, label)) && is_date_line(line)
            })
        };
        let date_text = date_line.map(|index| &text[header[index].span.clone()]);
        if let Some(line) = date_text.or_else(|| metadata.published.is_none().then(footer_date).flatten()) {
            let order = metadata.publisher.as_ref().map_or(NumericOrder::default(), |(p, _)| numeric_order(p));
            let mention = find_dates_in(line, None, order).into_iter().find(|d| d.absolute);
            // The dateline's own date ("SHENZHEN, Oct. 1 (Xinhua) --") if it
            // has one, else every paragraph's.
            let story: Vec<&str> = match dateline_text.filter(|dateline| !find_dates(dateline, None).is_empty()) {
                Some(dateline) => vec![dateline],
                None => {
                    let paragraphs = layout.lines[body_start..].iter().filter(|line| line.kind == LineKind::Paragraph);
                    paragraphs.map(|line| &text[line.span.clone()]).collect()
                }
            };
            // (Read the other way round if the story's dates fit that
            // better, unless the publisher is known to write it this way.)
            let known_order = order == NumericOrder::MonthFirstDashes;
            metadata.published = mention.and_then(|mention| {
                let date = mention.date?;
                Some(match swapped_reading(&line[mention.span], date).filter(|_| !known_order) {
                    Some(other)
                        if days_back_to_story(other, &story) + AMBIGUITY_MARGIN < days_back_to_story(date, &story) =>
                    {
                        other
                    }
                    _ => date,
                })
            });
        }
        // (Else a day and month above the headline, "Mar 16, 5:48 AM EDT",
        // in the year of the page's copyright line, "Copyright 2012 The
        // Associated Press"; not a site's span of years, "1999-2013".)
        if metadata.published.is_none() {
            let copyright_year = layout.lines[body_start..].iter().find_map(|line| {
                let caps = COPYRIGHT_YEAR.captures(&text[line.span.clone()])?;
                let (whole, year) = (caps.get(0)?, caps.name("year")?);
                (whole.end() == year.end()).then(|| year.as_str().parse().ok()).flatten()
            });
            metadata.published = copyright_year.and_then(|year| {
                let within = |line: &&super::layout::Line| headed(line) && word_count(&text[line.span.clone()]) <= 8;
                header.iter().filter(within).find_map(|line| {
                    let found = find_dates(&text[line.span.clone()], Some(PartialDate::year(year)));
                    found.into_iter().filter_map(|mention| mention.date).find(PartialDate::is_full)
                })
            });
        }
        metadata
    }
}

/// A copyright line of one year: "Copyright 2012 The Associated Press", "©
/// 2013 Reuters".
static COPYRIGHT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:copyright|\u{a9})\s*(?:\(c\)\s*)?(?P<year>(?:19|20)\d{2})\b(?:\s*[-\u{2013}]\s*\d)?")
        .expect("copyright pattern compiles")
});

/// The other reading of a date written in numbers whose day could be its
/// month ("06.12.2012": 6 December or 12 June), if it has one.
fn swapped_reading(written: &str, date: PartialDate) -> Option<PartialDate> {
    let first = written.trim_start().split(['/', '.', '-']).next()?;
    let day_or_month = (1..=2).contains(&first.len()) && first.chars().all(|c| c.is_ascii_digit());
    let (month, day) = (date.month?, date.day?);
    if day_or_month && day <= 12 && day != month { PartialDate::day(date.year, day, month) } else { None }
}

/// How many days before `published` the story's dates without a year lie
/// ("on June 11", "at the end of April"), added up. News reports what
/// happened lately: of two readings of a date in numbers, the one its story
/// points back to more closely is the date, whatever order the publisher
/// is thought to write.
fn days_back_to_story(published: PartialDate, paragraphs: &[&str]) -> i64 {
    let last_day = |date: PartialDate| match (date.month, date.day) {
        (Some(month), None) => date.days_since_epoch() + i64::from(days_in_month(date.year, month)) - 1,
        _ => date.days_since_epoch(),
    };
    // (Only dates that say no year: how far back "February last year" lies
    // depends on the time of year of each reading, not on the story.)
    let without_year = |paragraph: &str, mention: &DateMention| {
        !mention.absolute && !mention.bare_year && !paragraph[mention.span.clone()].contains("year")
    };
    paragraphs
        .iter()
        .flat_map(|paragraph| {
            let mentions = find_dates(paragraph, Some(published));
            mentions.into_iter().filter(|mention| without_year(paragraph, mention)).collect::<Vec<_>>()
        })
        .filter_map(|mention| mention.date.filter(|date| date.month.is_some()))
        .map(|date| (published.days_since_epoch() - last_day(date)).max(0))
        .sum()
}

/// How much closer (in days, over the whole story) the other reading of a
/// date in numbers must bring the story's dates to be taken instead: dates
/// such as "yesterday" or "last month" are as close under either.
const AMBIGUITY_MARGIN: i64 = 30;

/// The publishers that write dates in numbers day first ("05/04/2012" is 5
/// April), by gazetteer id.
static DAY_FIRST: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::lexicon::words("gazetteer/day_first_publishers.txt"));

static MONTH_FIRST_DASHES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::lexicon::words("gazetteer/month_first_dash_publishers.txt"));

/// How `publisher` orders dates written in numbers.
fn numeric_order(publisher: &Entry) -> NumericOrder {
    if DAY_FIRST.contains(&publisher.id) {
        NumericOrder::DayFirst
    } else if MONTH_FIRST_DASHES.contains(&publisher.id) {
        NumericOrder::MonthFirstDashes
    } else {
        NumericOrder::MonthFirst
    }
}

/// A headline or standfirst written as sentences ("WeChat now has 20,000
/// government accounts. Are any of them worth following?") looks like the
/// first paragraph; when the page's date or byline follows it within a few
/// lines and none came before (or its byline, below a date line), it
/// belongs to the header.
fn header_sentences(text: &str, layout: &mut Layout) {
    // (Standfirsts run to some forty words, a few to fifty.)
    const MAX_WORDS: usize = 50;
    for _ in 0..2 {
        let start = layout.body_start();
        let header = &layout.lines[..start];
        // (A date line may stand above the headline, a byline not.)
        let dated = header.iter().any(|line| is_date_or_byline(&text[line.span.clone()]));
        if header.iter().any(|line| is_byline(&text[line.span.clone()])) {
            return;
        }
        let Some(first) = layout.lines.get(start) else { return };
        if text[first.span.clone()].split_whitespace().count() > MAX_WORDS {
            return;
        }
        let header_follows = layout.lines[start + 1..]
            .iter()
            .filter(|line| line.kind != LineKind::Blank)
            .take(3)
            .take_while(|line| line.kind != LineKind::Paragraph)
            .filter(|line| line.kind != LineKind::Credit)
            .any(|line| {
                let line = &text[line.span.clone()];
                if dated { is_byline(line) } else { is_date_or_byline(line) }
            });
        let body_follows = layout.lines[start + 1..].iter().any(|line| line.kind == LineKind::Paragraph);
        if !(header_follows && body_follows) {
            return;
        }
        layout.lines[start].kind = LineKind::Heading;
    }
}

/// Whether a header line can be the headline: a heading that is not the
/// publication line or a byline itself ("Global Times | 2012-11-29
/// 0:58:03"), nor a publisher's name, an editor's line or a time.
fn is_title_line(words: &str, kind: LineKind) -> bool {
    // ("Editor: Zhang Pei", but not a headline "Writer Han Han ...")
    let editor_line = EDITOR.is_match(words) && words.contains(':');
    kind == LineKind::Heading
        && !TIME_OF_DAY.is_match(words)
        && !TIME_AGO.is_match(words)
        && !is_publisher_name(words)
        && !is_byline(words)
        && !editor_line
        && !is_date_line(words)
}

/// Words with a letter or digit: "Home / Asia-Pacific" has two.
fn word_count(line: &str) -> usize {
    line.split_whitespace().filter(|word| word.chars().any(char::is_alphanumeric)).count()
}

pub(super) fn is_byline(line: &str) -> bool {
    byline(line).is_some()
}

fn is_date_or_byline(line: &str) -> bool {
    is_byline(line) || is_date_line(line)
}

/// A line with a full calendar date, as publication lines have (not one
/// dating a forum member: "Posts: 2,366  Joined: 2008-04-11").
fn is_date_line(line: &str) -> bool {
    let lower = line.to_ascii_lowercase();
    let profile = |at: usize| {
        let before = lower[..at].trim_end().trim_end_matches(':');
        PROFILE_CUES.iter().any(|cue| crate::extract::ends_with_word(before, cue))
    };
    find_dates(line, None).iter().any(|d| d.absolute && d.date.is_some() && !profile(d.span.start))
}

static DATE_LABELS: LazyLock<Vec<&'static str>> = LazyLock::new(|| crate::lexicon::words("lexicon/date_labels.txt"));

static PROFILE_CUES: LazyLock<Vec<&'static str>> = LazyLock::new(|| crate::lexicon::words("lexicon/profile_cues.txt"));

/// Whether a line reads as sentences rather than a headline.
fn reads_as_sentences(line: &str) -> bool {
    let line = line.trim();
    line.ends_with(['.', '?', '!']) || [". ", "? ", "! "].iter().any(|stop| line.contains(stop))
}

/// The headline among the headings before the date line, `at` being the
/// last of them: the one before it when `at` is a standfirst, a line of
/// sentences under a shorter headline ("Tweeting the party line" above
/// "Officials are learning to love microblogs. Up to a point").
fn standfirst_headline<'a>(text: &str, header: &'a [super::layout::Line], at: usize) -> &'a super::layout::Line {
    let words = |line: &super::layout::Line| word_count(&text[line.span.clone()]);
    let sentences = |line: &super::layout::Line| reads_as_sentences(&text[line.span.clone()]);
    let last = &header[at];
    let previous = header[..at].iter().rev().find(|line| line.kind != LineKind::Blank);
    // (A standfirst reads as sentences, or runs at least twice as long as
    // the headline above it, or gives a columnist's view: "Cheung Wai-man
    // says Beijing's rush to put every bureau online has produced
    // quantity".)
    // (A tagline of three words above a long headline is no headline:
    // "Dispatches From China".)
    // (Or a deck in sentence case under a headline in title case: "China's
    // Officials Flock to Weibo as Rules Tighten" over "Government agencies
    // open thousands of accounts ...".)
    // (Words of more than three letters, and how many of them are
    // capitalised.)
    let long_words = |line: &super::layout::Line| {
        let long: Vec<&str> = text[line.span.clone()].split_whitespace().filter(|w| w.len() > 3).collect();
        let capitalised = long.iter().filter(|w| w.starts_with(char::is_uppercase)).count();
        (long.len(), capitalised)
    };
    let title_case = |line: &super::layout::Line| {
        let (long, capitalised) = long_words(line);
        long >= 3 && capitalised * 5 >= long * 4
    };
    // (Not a label, "Related: TECH, CHINA", nor the publisher's name.)
    let capitalised = |line: &super::layout::Line| {
        let words = &text[line.span.clone()];
        let (long, capitalised) = long_words(line);
        long >= 2 && capitalised == long && !words.contains([':', ',']) && !is_publisher_name(words)
    };
    let standfirst = |headline: &super::layout::Line| {
        COLUMNIST_SAYS.is_match(&text[last.span.clone()])
            || sentences(last) && !sentences(headline)
            || words(last) >= 10 && words(last) >= 2 * words(headline) && words(headline) >= 4
            || words(headline) >= 5 && words(last) > words(headline) && title_case(headline) && !title_case(last)
            // ("Governing by Microblog" over "Officials learn to speak in 140
            // characters as ...": a short headline in title case over a
            // long deck in sentence case.)
            || words(last) >= 10 && capitalised(headline) && !title_case(last)
            // ("Guangdong orders officials to open microblogs by year end"
            // over "Cadres told to face the public online, but critics warn
            // of 'zombie accounts'")
            || words(headline) >= 4
                && words(last) >= words(headline) + 3
                && !text[headline.span.clone()].contains(|c: char| c.is_ascii_digit())
    };
    match previous {
        Some(headline)
            if headline.kind == LineKind::Heading
                && (3..words(last)).contains(&words(headline))
                && standfirst(headline) =>
        {
            headline
        }
        _ => last,
    }
}

/// A headline without the site name or the page number pages append to it
/// ("Officials go online - China Daily", "... | Reuters", "... - Page 2",
/// "... (2)"), or the breadcrumb before it ("China Daily Forum >> Chinese
/// Society >> Officials go online").
fn without_site_name(text: &str, span: Range<usize>) -> Range<usize> {
    let title = &text[span.clone()];
    for arrow in [" >> ", " \u{bb} ", " \u{203a} "] {
        if let Some(at) = title.rfind(arrow) {
            return without_site_name(text, span.start + at + arrow.len()..span.end);
        }
    }
    if let Some(at) = PAGE_NUMBER.find(title).map(|m| m.start()).filter(|&at| at > 0) {
        return without_site_name(text, span.start..span.start + at);
    }
    for separator in [" - ", " | ", " – ", " — ", " :: "] {
        if let Some(at) = title.rfind(separator)
            && is_publisher_name(&title[at + separator.len()..])
            && at > 0
        {
            return without_site_name(text, span.start..span.start + at);
        }
        // (Some put it first: "BBC News - China police embrace microblogs".)
        if let Some(at) = title.find(separator)
            && is_publisher_name(&title[..at])
            && at + separator.len() < title.len()
        {
            return without_site_name(text, span.start + at + separator.len()..span.end);
        }
    }
    span
}

/// The page number of an article split over pages, after its headline.
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\s+(?:-|\||–|—)\s+page\s+\d+(?:\s+of\s+\d+)?|\s*\((?:page\s+)?\d{1,2}\))\s*$")
        .expect("page number pattern compiles")
});

/// Whether a line is nothing but a publisher's name ("ECNS Wire", "(People's
/// Daily Online)").
fn is_publisher_name(line: &str) -> bool {
    // (Also with its name in Chinese after it: "Beijing Review 北京周报".)
    let line = line.trim_end_matches(|c: char| !c.is_ascii());
    let bare = line.trim().trim_start_matches(['(', '[']).trim_end_matches([')', ']']);
    gazetteer().publisher(bare).is_some()
}

/// A publisher named anywhere in a header or footer line, with the name as
/// written.
fn publisher_in(line: &str) -> Option<(&'static Entry, String)> {
    if let Some(caps) = SOURCE.captures(line)
        && let Some(found) = gazetteer().publisher(&caps["org"])
    {
        return Some((found, caps["org"].trim().to_string()));
    }
    let gazetteer = gazetteer();
    let mut best: Option<(usize, &'static Entry, String)> = None;
    // (ASCII only, so offsets in it are offsets in the line.)
    let lower = line.to_ascii_lowercase();
    for (cue, id) in &gazetteer.publishers {
        let Some(at) = lower.find(cue.as_str()) else { continue };
        // Case matters for acronyms ("ANN" but not "annual").
        let exact = &line[at..at + cue.len()];
        let acronym = cue.len() <= 5 && !exact.chars().any(char::is_lowercase);
        let word = crate::extract::gazetteer::is_word_boundary(line, at, at + cue.len()) || cue.contains('.');
        // (Not an agency the reporter worked with: "Staff reporter, with
        // CNA".)
        let helped = lower[..at].trim_end().ends_with(" with");
        if word
            && !helped
            && (cue.len() > 5 || acronym)
            && best.as_ref().is_none_or(|(len, _, _)| cue.len() > *len)
            && let Some(entry) = gazetteer.get(id)
        {
            best = Some((cue.len(), entry, exact.to_string()));
        }
    }
    best.map(|(_, entry, name)| (entry, name))
}

#[cfg(test)]
mod tests {
    use crate::article::Article;
    use std::path::Path;

    fn article(text: &str) -> Article {
        Article::from_bytes(Path::new("t.txt"), text.as_bytes()).expect("reads")
    }

    fn title(a: &Article) -> &str {
        a.metadata.title.clone().map_or("", |t| &a.text[t])
    }

    const BODY: &str = "The city's public security bureau has opened an account on Sina Weibo to answer questions from residents, officials said on Monday.";

    #[test]
    fn headline_is_the_heading_before_the_date_line() {
        let a = article(&format!(
            "World Business Sports Video\n\nPolice answer questions online\n\n2012-03-02 16:13 Editor: Li Ming\n\n{BODY}\n"
        ));
        assert_eq!(title(&a), "Police answer questions online");
        assert_eq!(a.metadata.published.map(|d| d.to_string()).as_deref(), Some("2012-03-02"));
        assert_eq!(a.metadata.editors, vec!["Li Ming"]);
    }

    #[test]
    fn byline_gives_author_and_publisher() {
        let a = article(&format!(
            "Officials learn to tweet\n\nBy Zhou Wei (China Daily) Updated: 2013-05-07 08:02\n\n{BODY}\n"
        ));
        assert_eq!(a.metadata.authors, vec!["Zhou Wei"]);
        assert_eq!(a.metadata.publisher.as_ref().map(|(p, _)| p.name), Some("China Daily"));
        assert_eq!(title(&a), "Officials learn to tweet");
    }

    #[test]
    fn a_byline_of_several_writers_or_a_staff_reporter() {
        let page = |byline: &str| {
            article(&format!(
                "Officials follow users to WeChat\n\nBEIJING | Thu Jan 23, 2014 6:10am EST\n\n{byline}\n\n{BODY}\n"
            ))
        };
        let a = page("By Anna Berg and Li Ming");
        assert_eq!(a.metadata.authors, vec!["Anna Berg", "Li Ming"]);
        assert_eq!(title(&a), "Officials follow users to WeChat");
        assert_eq!(page("By Anna Berg, Tom Hale & Li Ming").metadata.authors, vec!["Anna Berg", "Tom Hale", "Li Ming"]);
        let a = page("By staff reporter Wu Dan");
        assert_eq!(a.metadata.authors, vec!["Wu Dan"]);
        assert_eq!(title(&a), "Officials follow users to WeChat");
        // A comma without "and" ends the names ("By NAME, China Correspondent").
        assert_eq!(page("By Anna Berg, Guangzhou").metadata.authors, vec!["Anna Berg"]);
    }

    #[test]
    fn cntv_writes_the_month_first_with_dashes() {
        // (Even where the story's dates would fit the other reading better.)
        let a = article(&format!(
            "CNTV English\n\nCourts take to WeChat\n\n06-05-2014 16:20 BJT\n\n{BODY}\n\nThe courts had opened 300 accounts by the end of April, the ministry said.\n"
        ));
        assert_eq!(a.metadata.published.map(|d| d.to_string()).as_deref(), Some("2014-06-05"));
    }

    #[test]
    fn an_author_label_or_a_time_ago_is_no_headline() {
        let a = article(&format!(
            "Home » Metro\n\nCourts take to WeChat\n\nAuthor: Ma Lin  |  Print Edition\n[Print]  [Email]\n\n{BODY}\n"
        ));
        assert_eq!(title(&a), "Courts take to WeChat");
        assert_eq!(a.metadata.authors, vec!["Ma Lin"]);
        let a = article(&format!("World > Asia\n\nCourts take to WeChat\n\nReuters – 5 hrs ago\n\n{BODY}\n"));
        assert_eq!(title(&a), "Courts take to WeChat");
    }

    #[test]
    fn a_site_name_with_its_chinese_or_hosted_by_is_no_headline() {
        let a = article(&format!(
            "Beijing Review 北京周报\nHome | Nation | World\n\nCourts take to WeChat\n\nBy Ma Lin\n\n{BODY}\n"
        ));
        assert_eq!(title(&a), "Courts take to WeChat");
        let a = article(&format!(
            "Google News\nHosted by Google\n\nTop Stories | World\n\nCourts take to WeChat\n\nBy Ma Lin (AFP) – Nov 14, 2010\n\n{BODY}\n"
        ));
        assert_eq!(title(&a), "Courts take to WeChat");
        assert_eq!(a.metadata.authors, vec!["Ma Lin"]);
        let a = article(&format!(
            "Home >> Nation\n\nGoverning by Microblog\nCounty officials learn to answer in 140 characters as accounts spread\n\nBy Ma Lin\n\n{BODY}\n"
        ));
        assert_eq!(title(&a), "Governing by Microblog");
    }

    #[test]
    fn credit_lines_name_authors_and_are_not_body_text() {
        let a = article(&format!(
            "Police answer questions online\n\n{BODY}\n\n(Reporting by Guo Jing; Editing by Mark Lowe)\n"
        ));
        assert_eq!(a.metadata.authors, vec!["Guo Jing", "Mark Lowe"]);
        assert!(a.paragraphs.iter().all(|p| !a.text[p.clone()].contains("Guo Jing")));
    }

    #[test]
    fn the_headline_is_not_the_date_line_or_the_publishers_name() {
        let a = article(&format!("Xinmin Evening News | 2013-04-02 09:15:20\n\nCourts open microblogs\n\n{BODY}\n"));
        assert_eq!(title(&a), "Courts open microblogs");
        let a = article(&format!("Courts open microblogs\n\n(China Daily)\n\n10:02, May 3, 2013\n\n{BODY}\n"));
        assert_eq!(title(&a), "Courts open microblogs");
    }

    #[test]
    fn the_headline_of_a_later_page_has_no_page_number() {
        for heading in [
            "Courts open microblogs - Page 2",
            "Courts open microblogs (3)",
            "Courts open microblogs | page 2 of 4 - China Daily",
        ] {
            let a = article(&format!("{heading}\n\n2013-05-07 08:02\n\n{BODY}\n"));
            assert_eq!(title(&a), "Courts open microblogs", "{heading}");
        }
        for heading in ["Top 10 accounts of 2012", "Top accounts (2012)"] {
            let a = article(&format!("{heading}\n\n2013-05-07 08:02\n\n{BODY}\n"));
            assert_eq!(title(&a), heading, "a number that is no page's");
        }
        let a = article(&format!("Top 10 accounts of 2012\n\n2013-05-07 08:02\n\n{BODY}\n"));
        assert_eq!(title(&a), "Top 10 accounts of 2012", "a number that is no page's");
    }

    #[test]
    fn a_byline_with_the_place_it_was_written() {
        for byline in ["By Anna Berg in Shanghai", "Anna Berg in Shanghai"] {
            let a = article(&format!("Courts open microblogs\n\n{byline}\n\nMonday 3 December 2012\n\n{BODY}\n"));
            assert_eq!(title(&a), "Courts open microblogs", "{byline}");
            assert_eq!(a.metadata.authors, vec!["Anna Berg"], "{byline}");
        }
    }

    #[test]
    fn wire_dateline_gives_place_and_agency() {
        let a =
            article(&format!("Microblogs help police\n\n10:12, May 4, 2013\n\nKUNMING, May 3 (Xinhua) -- {BODY}\n"));
        assert_eq!(a.metadata.dateline.as_deref(), Some("KUNMING"));
        assert_eq!(a.metadata.publisher.as_ref().map(|(p, _)| p.name), Some("Xinhua"));
    }

    #[test]
    fn a_tagline_or_blurb_that_reads_as_running_text_does_not_end_the_header() {
        let a = article(&format!(
            "Daily Herald Online :: China News, Business News, Taiwan and Hong Kong News and Analysis.\n\nGreater China\n   Jun 4, 2012\n\nOfficials find a new voice online\nBy Ann Wu\n\n{BODY}\n\n{BODY}\n\n{BODY}\n"
        ));
        assert_eq!(title(&a), "Officials find a new voice online");
        assert_eq!(a.metadata.published.map(|d| d.to_string()).as_deref(), Some("2012-06-04"));
        assert_eq!(a.metadata.authors, vec!["Ann Wu"]);
    }

    #[test]
    fn a_byline_in_capitals_under_the_headline() {
        let a = article(&format!(
            "Technology | Thu Apr 17, 2014 6:21am EDT\nRelated: TECH, CHINA\n\nAgencies flock to WeChat\n\nBEIJING | BY MEGAN HOLT\n\n{BODY}\n"
        ));
        assert_eq!(title(&a), "Agencies flock to WeChat");
        assert_eq!(a.metadata.authors, vec!["MEGAN HOLT"]);
    }

    #[test]
    fn a_byline_with_a_slash_and_a_headline_repeated_for_a_player() {
        let a = article(&format!(
            "Home / Taiwan News\nMon, Mar 03, 2014 - Page 3\n\nMAC warns on microblogs\n\nBy Shih Hsiu-chuan / Staff reporter\n\n{BODY}\n"
        ));
        assert_eq!(title(&a), "MAC warns on microblogs");
        assert_eq!(a.metadata.authors, vec!["Shih Hsiu-chuan"]);
        let a = article(&format!(
            "Taipei Times\n\nMon, Mar 03, 2014 - Page 3\n\nMAC warns on microblogs\n\nBy Shih Hsiu-chuan / Staff reporter, with CNA\n\n{BODY}\n"
        ));
        assert_eq!(a.metadata.publisher.as_ref().map(|(p, _)| p.name), Some("Taipei Times"));
        let a = article(&format!(
            "Courts learn to tweet\n\nEditor: Li Na\n\nVideo: Courts learn to tweet    Play\n\n{BODY}\n"
        ));
        assert_eq!(title(&a), "Courts learn to tweet");
    }

    #[test]
    fn a_deck_or_a_standfirst_is_no_headline() {
        let a = article(&format!(
            "BUSINESS\n\nChina's Courts Rush to Weibo as Scrutiny Grows\n\nJudges open thousands of accounts on the service ahead of new rules\n\nBy Ann Lee in Beijing\nUpdated March 15, 2012 12:01 a.m. ET\n\n{BODY}\n"
        ));
        assert_eq!(title(&a), "China's Courts Rush to Weibo as Scrutiny Grows");
        let a = article(&format!(
            "Asia-Pacific\n\nChinese courts turn to microblogs\n\nLatest update : 2012-12-05\n\nChinese courts, long criticised as opaque, are posting live updates from trials on microblogs, drawing many readers.\n\nBy News Wires (text)\n\n{BODY}\n"
        ));
        assert_eq!(title(&a), "Chinese courts turn to microblogs");
        let a = article(&format!(
            "News > China\n\nShenzhen orders police to open microblogs\n\nOfficers told to answer the public online, but critics doubt it will last\n\nPUBLISHED : Wednesday, 16 May, 2012, 12:00am\n\n{BODY}\n"
        ));
        assert_eq!(title(&a), "Shenzhen orders police to open microblogs");
        // (Not a date line without its year above the headline.)
        let a = article(&format!(
            "Mar 16, 5:48 AM EDT\n\nCourts flock to microblogs as rules tighten\n\nBy ANN LEE\n\n{BODY}\n"
        ));
        assert_eq!(title(&a), "Courts flock to microblogs as rules tighten");
    }

    #[test]
    fn a_day_without_its_year_takes_the_copyright_lines() {
        let a = article(&format!(
            "Mar 16, 5:48 AM EDT\n\nCourts flock to microblogs\n\nBy ANN LEE\n\n{BODY}\n\nCopyright 2012 The Associated Press. All rights reserved.\n"
        ));
        assert_eq!(a.metadata.published.map(|d| d.to_string()).as_deref(), Some("2012-03-16"));
        // (Not a site's span of years.)
        let a = article(&format!(
            "Mar 16, 5:48 AM EDT\n\nCourts flock to microblogs\n\n{BODY}\n\nCopyright 1999-2013 Example News.\n"
        ));
        assert_eq!(a.metadata.published, None);
    }

    #[test]
    fn a_name_and_place_or_title_alone_is_a_byline() {
        let a = article(&format!("Cadres learn to microblog\n\nMarcus Lee, Beijing\nNovember 27, 2010\n\n{BODY}\n"));
        assert_eq!(title(&a), "Cadres learn to microblog");
        assert_eq!(a.metadata.authors, vec!["Marcus Lee"]);
    }

    #[test]
    fn a_labelled_date_under_the_story_dates_a_page_without_a_date_line() {
        let a = article(&format!(
            "Microblogs help police\n\n{BODY}\n\nDate 14.03.2012\nAuthor Jan Weber\n\nRelated\n\nCensors tighten grip 02.02.2012\n"
        ));
        assert_eq!(a.metadata.published.map(|d| d.to_string()).as_deref(), Some("2012-03-14"));
        // (Not another story's date in a list under it.)
        let b = article(&format!("Microblogs help police\n\n{BODY}\n\nRelated\n\nCensors tighten grip 02.02.2012\n"));
        assert_eq!(b.metadata.published, None);
    }

    #[test]
    fn a_dateline_with_its_year_dates_a_page_without_a_date_line() {
        let a = article(&format!("Microblogs help police\n\nBEIJING, July 9, 2013 (Reuters) - {BODY}\n"));
        assert_eq!(a.metadata.publisher.as_ref().map(|(p, _)| p.name), Some("Reuters"));
        assert_eq!(a.metadata.published.map(|d| d.to_string()).as_deref(), Some("2013-07-09"));
        // Without its year, a dateline dates nothing.
        let b = article(&format!("Microblogs help police\n\nBEIJING, July 9 (Reuters) - {BODY}\n"));
        assert_eq!(b.metadata.published, None);
    }

    #[test]
    fn an_agency_tag_without_a_place_names_the_publisher() {
        let a =
            article(&format!("Officials open accounts\n\nSHANGHAI | Mon Mar 5, 2012 4:10am EST\n\n(AFP) - {BODY}\n"));
        assert_eq!(a.metadata.publisher.as_ref().map(|(p, _)| p.name), Some("Agence France-Presse"));
        assert_eq!(a.metadata.published.map(|d| d.to_string()).as_deref(), Some("2012-03-05"));
        assert!(a.text[a.metadata.story_start.expect("story start")..].trim_start().starts_with(BODY));
        // Brackets that open a paragraph are not always an agency.
        let b = article(&format!("Officials open accounts\n\nMarch 5, 2012\n\n(Updated) - {BODY}\n"));
        assert_eq!(b.metadata.story_start, None);
    }

    #[test]
    fn site_names_are_not_part_of_the_headline() {
        let a = article(&format!("Police answer questions online - China Daily\n\nMarch 3, 2012\n\n{BODY}\n"));
        assert_eq!(title(&a), "Police answer questions online");
        let b = article(&format!("Forum >> Society >> Police answer questions online\n\nMarch 3, 2012\n\n{BODY}\n"));
        assert_eq!(title(&b), "Police answer questions online");
    }

    #[test]
    fn a_photo_credit_names_no_publisher() {
        let a = article(&format!(
            "Police answer questions online\n\n8 March 2011\n\n{BODY}\n\nA policeman at his desk. Photo: AFP/Getty Images\n\n\u{a9} Copyright of Telegraph Media Group Limited 2011\n"
        ));
        assert_eq!(a.metadata.publisher.as_ref().map(|(p, _)| p.name), Some("The Daily Telegraph"));
    }

    #[test]
    fn a_forum_members_profile_does_not_date_the_page() {
        let a = article(&format!(
            "Police answer questions online\n\nmoonriver\nPosts: 1,204  Joined: 2009-02-11\nPosted at 2011-06-02 09:40\n\n{BODY}\n"
        ));
        assert_eq!(a.metadata.published.map(|d| d.to_string()).as_deref(), Some("2011-06-02"));
    }

    #[test]
    fn a_headline_written_as_sentences_is_the_headline() {
        let a = article(&format!(
            "Sign in\n\nCourts now run 3,000 accounts. Is anyone reading them at all?\n\nMei Lan\n2:10 PM at Apr 2, 2013\n\n{BODY}\n"
        ));
        assert_eq!(title(&a), "Courts now run 3,000 accounts. Is anyone reading them at all?");
        assert_eq!(a.metadata.published.map(|d| d.to_string()).as_deref(), Some("2013-04-02"));
        assert!(a.paragraphs.iter().all(|p| !a.text[p.clone()].contains("3,000")), "not a paragraph of the story");
    }

    #[test]
    fn a_first_paragraph_stays_in_the_story() {
        let a = article(&format!(
            "Courts open microblogs\n\nMay 3, 2013\n\n{BODY}\n\nRelated: Police go online 2013-04-02\n\n{BODY}\n"
        ));
        assert_eq!(a.paragraphs.len(), 2);
    }

    #[test]
    fn a_standfirst_is_not_the_headline() {
        let a = article(&format!(
            "Politics\n\nCourts go online\n\nJudges are learning to love microblogs. Up to a point\n\nJun 15th 2013 | BEIJING\n\n{BODY}\n"
        ));
        assert_eq!(title(&a), "Courts go online");
        let a = article(&format!(
            "Courts go online\n\nJudges are learning to love microblogs, and some of them are very good at it.\n\nBy Anna Berg\n\nMonday 3 December 2012\n\n{BODY}\n"
        ));
        assert_eq!(title(&a), "Courts go online");
        // A columnist's view under the headline.
        let a = article(&format!(
            "Comment\n\nOfficials on Weibo must learn to listen\n\nLam Ka-yan says Beijing's rush to put every bureau online has produced noise\n\nPUBLISHED : Tuesday, 07 January, 2014, 12:00am\n\n{BODY}\n"
        ));
        assert_eq!(title(&a), "Officials on Weibo must learn to listen");
    }

    #[test]
    fn a_section_name_before_the_date_is_no_headline() {
        let a = article(&format!(
            "BBC News - Police embrace microblogs to fight rumours\n\nHome\nWorld\n\nAsia-Pacific\n\n28 September 2011 Last updated at 08:17 GMT\n\n{BODY}\n"
        ));
        assert_eq!(title(&a), "Police embrace microblogs to fight rumours");
        assert_eq!(a.metadata.publisher.as_ref().map(|(p, _)| p.name), Some("BBC"));
    }

    #[test]
    fn a_headline_between_the_date_line_and_the_byline() {
        let a = article(&format!(
            "Sinosphere\nDispatches From China\n\nDecember 4, 2013, 9:02 am\n\nPolice find a new beat online\n\nBy DAVID KERR\n\n{BODY}\n"
        ));
        assert_eq!(title(&a), "Police find a new beat online");
        let a = article(&format!(
            "Home / Asia-Pacific\n\nLatest update : 05/04/2012\n\nCourts take to microblogs\n\nCourts, long seen as secretive, are turning to microblogs to publish verdicts and answer questions from the public.\n\nBy News Wires (text)\n\nBEIJING (AFP) - {BODY}\n"
        ));
        assert_eq!(title(&a), "Courts take to microblogs", "a standfirst below the date line");
        assert_eq!(
            a.metadata.publisher.as_ref().map(|(p, _)| p.name),
            Some("Agence France-Presse"),
            "the dateline after it"
        );
        assert_eq!(a.metadata.dateline.as_deref(), Some("BEIJING"));
    }

    #[test]
    fn a_time_line_is_no_headline() {
        let a = article(&format!(
            "China Real Time Report\n\nCourt live-blogs a graft trial\n\n10:41 am HKT\n\nSep 12, 2013\n\nBy Daniel Hu\n\n{BODY}\n"
        ));
        assert_eq!(title(&a), "Court live-blogs a graft trial");
    }

    #[test]
    fn an_editor_line_a_standfirst_without_a_stop_and_a_date_in_capitals() {
        let a = article(&format!("Court live-blogs a trial\n\nEditor: Zhang Pei\n\n05-20-2013 10:11 BJT\n\n{BODY}\n"));
        assert_eq!(title(&a), "Court live-blogs a trial");
        let a = article(&format!(
            "NO. 34 AUGUST 22, 2013\n\nNATION\n\nGoverning in 140 Characters\n\nLocal governments are finding that microblogs can be both a megaphone and a minefield\n\nBy Ding Wenjie\n\n{BODY}\n"
        ));
        assert_eq!(title(&a), "Governing in 140 Characters");
        assert_eq!(a.metadata.published.map(|d| d.to_string()).as_deref(), Some("2013-08-22"));
    }

    #[test]
    fn a_writer_and_place_set_off_by_a_bar_is_a_byline() {
        let a = article(&format!(
            "Voice of America\n\nHome > News > Asia\n\nChina Tells Officials to Join Microblogs\n\nTom Lewis | Shanghai\nMarch 2, 2012\n\n{BODY}\n"
        ));
        assert_eq!(title(&a), "China Tells Officials to Join Microblogs");
        assert_eq!(a.metadata.authors, ["Tom Lewis"]);
        assert_eq!(a.metadata.published.map(|d| d.to_string()).as_deref(), Some("2012-03-02"));
        let a = article(&format!(
            "VOA News\n\nOfficials Told to Join Weibo\n\nAnn Lee | Hong Kong\nMay 2, 2012\n\n{BODY}\n"
        ));
        assert_eq!(title(&a), "Officials Told to Join Weibo");
    }

    #[test]
    fn a_photos_credit_names_no_publisher() {
        let a = article(&format!(
            "The Atlantic\n\nGOVERNMENT\n\nThe Bureau Will Answer You Now\n\nBy Anne Price\n\n[Image: A clerk checks a phone at a counter. (Reuters)]\n\n{BODY}\n"
        ));
        assert_eq!(a.metadata.publisher.as_ref().map(|(p, _)| p.name), Some("The Atlantic"));
    }

    #[test]
    fn a_repost_names_the_paper_it_comes_from() {
        let a = article(&format!(
            "Yahoo! News Singapore\n\nCops find friends online\n\nBy Tan Mei, Correspondent | The Straits Times – Tue, Jul 10, 2012\n\n{BODY}\n"
        ));
        assert_eq!(a.metadata.publisher.as_ref().map(|(p, _)| p.name), Some("The Straits Times"));
        let a = article(&format!(
            "Politics\n\nCourts go online\n\nJun 15th 2013 | From the print edition\n\n{BODY}\n\nThe Economist\n"
        ));
        assert_eq!(a.metadata.publisher.as_ref().map(|(p, _)| p.name), Some("The Economist"));
    }

    #[test]
    fn a_date_in_numbers_is_read_in_the_publishers_order() {
        let page = |footer: &str| {
            let a =
                article(&format!("Police answer questions online\n\nLast updated: 05/04/2012\n\n{BODY}\n\n{footer}\n"));
            a.metadata.published.map(|d| d.to_string())
        };
        assert_eq!(page("© Agence France-Presse").as_deref(), Some("2012-04-05"));
        assert_eq!(page("© The Los Angeles Times").as_deref(), Some("2012-05-04"));
        assert_eq!(page("").as_deref(), Some("2012-05-04"));
    }

    #[test]
    fn a_date_in_numbers_is_read_the_way_its_story_points_back_to() {
        let page = |date: &str, story: &str| {
            let a = article(&format!("Courts open microblogs\n\n{date}\n\n{story}\n\n{BODY}\n"));
            a.metadata.published.map(|d| d.to_string())
        };
        let june = "The report, released on June 8, counted 1,200 accounts as of the end of May.";
        let november = "The report, released on Nov. 30, counted 1,200 accounts as of the end of October.";
        // Dots are read day first, unless the story's dates say otherwise.
        assert_eq!(page("06.12.2012 17:45", november).as_deref(), Some("2012-12-06"));
        assert_eq!(page("06.12.2012 17:45", june).as_deref(), Some("2012-06-12"));
        // Slashes month first, likewise.
        assert_eq!(page("Posted 06/12/2012", june).as_deref(), Some("2012-06-12"));
        assert_eq!(page("Posted 06/12/2012", november).as_deref(), Some("2012-12-06"));
        // Dates as near under either reading ("yesterday", "last week")
        // leave the publisher's order; so does a date with one reading.
        assert_eq!(
            page("Posted 06/12/2012", "Officials said yesterday that more would open.").as_deref(),
            Some("2012-06-12")
        );
        assert_eq!(page("Posted 06/13/2012", november).as_deref(), Some("2012-06-13"));
        let dateline = "SHENZHEN, Oct. 1 (Xinhua) -- The bureau, which opened its account in February last year, has 900 followers.";
        assert_eq!(page("Publication Date : 01-10-2014", dateline).as_deref(), Some("2014-10-01"));
        assert_eq!(page("Posted 2012-06-12", november).as_deref(), Some("2012-06-12"));
    }

    #[test]
    fn publishers_writing_the_day_first_are_known_publishers() {
        for id in super::DAY_FIRST.iter() {
            assert!(crate::extract::gazetteer::gazetteer().get(id).is_some(), "{id} in day_first_publishers.txt");
        }
    }

    #[test]
    fn an_article_without_a_date_has_none() {
        let a = article(&format!("Microblogs help police\n\n{BODY}\n"));
        assert_eq!(a.metadata.published, None);
        assert_eq!(title(&a), "Microblogs help police");
    }
}
