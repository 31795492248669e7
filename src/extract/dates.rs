//! Dates as news reports write them, absolute ("September 10, 2012",
//! "28-08-2012", "2014-02-18") or relative to the publication date ("as of
//! yesterday", "by the end of last year", "the end of September this year",
//! "February 24", a weekday), resolved to a [`PartialDate`] of the precision
//! the text gives.

use crate::date::PartialDate;
use crate::lexicon::{self, MONTHS, WEEKDAYS};
use regex::{Captures, Regex};
use std::ops::Range;
use std::sync::LazyLock;

/// A date expression found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMention {
    /// Byte span of the expression, modifiers ("the end of") included.
    pub span: Range<usize>,
    /// The date, when it could be resolved (relative dates need a reference).
    pub date: Option<PartialDate>,
    /// Whether the expression names a full calendar date by itself, with a
    /// year ("March 1, 2012" or "2012-03-01"), as publication lines do.
    pub absolute: bool,
    /// A year in digits and nothing else ("2011"), which is as often part of
    /// a name ("the 2011 summit") as a date.
    pub bare_year: bool,
    /// Whether the date was resolved against the reference ("last month",
    /// "August 26") rather than stated with its year.
    pub relative: bool,
    /// Whether it counts years from the reference ("last year", "November
    /// this year"), which only a publication date can be.
    pub year_from_reference: bool,
}

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let months = lexicon::table("lexicon/months.tsv", 2);
    let weekdays = lexicon::table("lexicon/weekdays.tsv", 2);
    // Month and weekday names are matched case-sensitively ("may" is a
    // verb), as written or in capitals: before a day any of them ("AUG 12,
    // 2014"), alone only a full name ("NO. 34 AUGUST 22, 2013"; but "MAY"
    // or "SAT" alone is no date).
    let names = |table: &lexicon::Table, capitals: fn(usize, &str) -> bool| -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for row in &table.rows {
            for (nth, name) in lexicon::Table::alternatives(row[1]).enumerate() {
                names.push(name.to_string());
                if capitals(nth, name) {
                    names.push(name.to_uppercase());
                }
            }
        }
        names
    };
    let full_name = |nth: usize, name: &str| nth == 0 && name.len() > 3;
    let month_names = lexicon::alternation(names(&months, |_, _| true).iter().map(String::as_str));
    let month_words = whole_names(names(&months, full_name).iter().map(String::as_str));
    let weekday_words = whole_names(names(&weekdays, full_name).iter().map(String::as_str));
    let pattern = format!(
        r"(?x)
        (?P<mod>(?i:(?:the\s+)?(?:end|beginning|start|middle|close|first\s+half|second\s+half|first\s+(?:two|three|four|five|six|seven|eight|nine|ten|eleven|\d{{1,2}})\s+months)\s+of|early|mid-?|late)\s+)?
        (?:
          \b(?P<iy>\d{{4}})(?P<isep>[-/.])(?P<im>\d{{1,2}})[-/.](?P<id>\d{{1,2}})\b
        | \b(?P<na>\d{{1,2}})(?P<nsep>[-/.])(?P<nb>\d{{1,2}})[-/.](?P<ny>\d{{4}})\b
        | \b(?P<mdm>{month_names})\s*(?P<mdd>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<mdy>\d{{4}})\b)?
        | \b(?P<dmd>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmm>{month_words})(?:,?\s+(?P<dmy>\d{{4}})\b)?
        | \b(?P<mm>{month_words})(?:,?\s+(?P<my>\d{{4}})\b|\s+(?P<mrel>(?i:this|last|next))\s+(?i:year))?
        | \b(?P<half>(?i:first|second))\s+(?i:half)\b
        | \b(?i:first)\s+(?P<fm>(?i:two|three|four|five|six|seven|eight|nine|ten|eleven)|\d{{1,2}})\s+(?i:months)\b
        | \b(?P<q>(?i:first|second|third|fourth|1st|2nd|3rd|4th))\s+(?i:quarter)(?:,?\s+(?:of\s+)?(?P<qy>\d{{4}})\b)?
        | \bQ(?P<qn>[1-4])(?:\s+(?P<qny>\d{{4}})\b)?
        | \b(?P<yrel>(?i:this|last|next|the\s+previous|the))\s+(?i:year)\b
        | \b(?P<yy>(?:19|20)\d{{2}})\b
        | \b(?P<rel>(?i:yesterday|today|tonight|last\s+month|this\s+month|last\s+week|this\s+week))\b
        | \b(?P<wlast>(?i:last)\s+)?(?P<wd>{weekday_words})
        )"
    );
    Regex::new(&pattern).expect("date pattern compiles")
});

/// Month names as written in full ("June"), the first of each row of
/// `months.tsv`; the others are abbreviations.
static FULL_MONTH_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let months = lexicon::table("lexicon/months.tsv", 2);
    months.rows.iter().filter_map(|row| lexicon::Table::alternatives(row[1]).next()).collect()
});

/// An alternation of names, each ending at a word boundary or with its
/// abbreviation's dot: "Thurs." before a comma is a weekday, "Mon" in
/// "Monsoon" is not.
fn whole_names<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let mut names: Vec<&str> = names.into_iter().collect();
    names.sort_by_key(|name| std::cmp::Reverse(name.len()));
    names.dedup();
    let whole = |name: &&str| {
        let escaped = regex::escape(name);
        if name.ends_with('.') { escaped } else { format!(r"{escaped}\b") }
    };
    names.iter().map(whole).collect::<Vec<_>>().join("|")
}

/// The number of months in "the first six months": 1 to 12.
fn month_count(count: &str) -> Option<u8> {
    let months = crate::extract::numbers::find_numbers(count).first()?.value;
    (1.0..=12.0).contains(&months).then_some(months as u8)
}

/// How a page orders a date written in numbers ("05/04/2012",
/// "06-05-2014"). With dashes or dots, most write the day first, whatever
/// they do with slashes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NumericOrder {
    /// Month first with slashes, the American order, and the default.
    #[default]
    MonthFirst,
    /// Day first, as British, European and most Asian papers write it.
    DayFirst,
    /// Month first with dashes too, as CNTV writes "06-05-2014 16:20 BJT".
    MonthFirstDashes,
}

/// Finds every date expression in `text`, resolving relative ones against
/// `reference` (the publication date) when it is known.
pub fn find_dates(text: &str, reference: Option<PartialDate>) -> Vec<DateMention> {
    find_dates_in(text, reference, NumericOrder::default())
}

/// [`find_dates`], reading dates written in numbers in the given order.
pub fn find_dates_in(text: &str, reference: Option<PartialDate>, order: NumericOrder) -> Vec<DateMention> {
    let mut mentions: Vec<(DateMention, bool)> = date_matches(text)
        .into_iter()
        .filter_map(|caps| {
            let span = caps.get(0)?.range();
            // A month abbreviated after a name, with no day or year, is a
            // given name ("Zhang Jun"), not a date.
            let bare_month = caps.name("mm").filter(|_| caps.name("my").is_none() && caps.name("mrel").is_none());
            let after_name = text[..span.start].trim_end().rsplit(' ').next().is_some_and(|word| {
                word.starts_with(char::is_uppercase)
                    && !["In", "By", "Since", "Until", "From", "Before", "After", "As", "Of"].contains(&word)
            });
            if after_name
                && bare_month.is_some_and(|m| !m.as_str().ends_with('.') && !FULL_MONTH_NAMES.contains(&m.as_str()))
            {
                return None;
            }
            // "its first 11 months", "their first half year": a span of
            // something's life, not of a calendar year.
            let owned = text[..span.start]
                .trim_end()
                .rsplit(' ')
                .next()
                .is_some_and(|word| matches!(word.to_ascii_lowercase().as_str(), "its" | "their" | "his" | "her"));
            if owned && (caps.name("fm").is_some() || caps.name("half").is_some()) {
                return None;
            }
            // "the last week of December" is a part of December.
            let week = caps.name("rel").filter(|rel| rel.as_str().to_ascii_lowercase().ends_with("week"));
            if week.is_some() && text[span.end..].trim_start().starts_with("of ") {
                return None;
            }
            // So is an abbreviated weekday before a given name ("Sun Bin").
            let weekday = caps.name("wd").filter(|day| day.len() <= 4 && !day.as_str().ends_with('.'));
            if weekday.is_some_and(|_| text[span.end..].trim_start().starts_with(char::is_uppercase)) {
                return None;
            }
            let (date, absolute) = resolve(&caps, reference, order);
            let bare_year = caps.name("yy").is_some() && caps.name("mod").is_none();
            let relative = date.is_some() && reference.is_some() && resolve(&caps, None, order).0.is_none();
            let year_from_reference = caps.name("mrel").is_some()
                || caps.name("yrel").is_some_and(|rel| !rel.as_str().eq_ignore_ascii_case("the"));
            let mention = DateMention { span, date, absolute, bare_year, relative, year_from_reference };
            Some((mention, caps.name("wd").is_some()))
        })
        .collect();
    // "Tuesday, March 6, 2012": the weekday only introduces the date.
    let starts: Vec<usize> = mentions.iter().map(|(m, _)| m.span.start).collect();
    mentions.retain(|(mention, weekday)| {
        !weekday
            || !starts
                .iter()
                .any(|&s| s > mention.span.end && text[mention.span.end..s].trim_matches([',', ' ']).is_empty())
    });
    mentions.into_iter().map(|(mention, _)| mention).collect()
}

/// The date expressions of `text`, left to right. A day before a month
/// that a day and a year follow ("NO. 10 MARCH 6, 2014", an issue's
/// number) is read again from the month (but "on 10 March 2,000 people
/// marched" is 10 March).
fn date_matches(text: &str) -> Vec<Captures<'_>> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(caps) = DATE.captures_at(text, at) {
        let Some(whole) = caps.get(0) else { break };
        if let (Some(month), None) = (caps.name("dmm"), caps.name("dmy"))
            && DATE.captures_at(text, month.start()).is_some_and(|again| {
                again.name("mdm").map(|m| m.start()) == Some(month.start()) && again.name("mdy").is_some()
            })
        {
            at = month.start();
            continue;
        }
        at = whole.end().max(at + 1);
        found.push(caps);
    }
    found
}

fn number<T: std::str::FromStr>(caps: &Captures<'_>, name: &str) -> Option<T> {
    caps.name(name)?.as_str().parse().ok()
}

fn month_of(caps: &Captures<'_>, name: &str) -> Option<u8> {
    let name = caps.name(name)?.as_str().to_lowercase();
    MONTHS.get(&name).or_else(|| MONTHS.get(name.trim_end_matches('.'))).copied()
}

/// The last `month`/`day` on or before `reference` (a date with no year).
fn last_day_before(month: u8, day: u8, reference: PartialDate) -> Option<PartialDate> {
    let this_year = PartialDate::day(reference.year, month, day)?;
    if reference.is_full() && this_year > reference {
        PartialDate::day(reference.year - 1, month, day)
    } else {
        Some(this_year)
    }
}

/// The last `month` on or before the reference's month.
fn last_month_before(month: u8, reference: PartialDate) -> Option<PartialDate> {
    match reference.month {
        Some(current) if month > current => PartialDate::month(reference.year - 1, month),
        _ => PartialDate::month(reference.year, month),
    }
}

fn relative_year(word: &str, reference: Option<PartialDate>) -> Option<i32> {
    let year = reference?.year;
    let words = word.to_lowercase();
    match words.split_whitespace().last()? {
        "this" | "the" => Some(year),
        "next" => Some(year + 1),
        // last, previous ("the past year" is the twelve months to now,
        // not a date)
        _ => Some(year - 1),
    }
}

/// The date a match names, and whether it is a full date with a year.
fn resolve(caps: &Captures<'_>, reference: Option<PartialDate>, order: NumericOrder) -> (Option<PartialDate>, bool) {
    let modifier = caps.name("mod").map(|m| m.as_str().to_lowercase());
    let ends_year = modifier.as_deref().is_some_and(|m| m.contains("end") || m.contains("close"));
    let starts_year = modifier.as_deref().is_some_and(|m| m.contains("beginning") || m.contains("start"));
    // "the first half of 2013", "the first five months of the year": as of
    // the last month, as a quarter.
    let first_half = modifier.as_deref().is_some_and(|m| m.contains("first half"));
    let second_half = modifier.as_deref().is_some_and(|m| m.contains("second half"));
    let first_months = modifier
        .as_deref()
        .and_then(|m| month_count(m.trim_start_matches("the ").strip_prefix("first ")?.split_once(" months")?.0));
    if let (Some(y), Some(m), Some(d)) = (number(caps, "iy"), number(caps, "im"), number(caps, "id")) {
        return (PartialDate::day(y, m, d), true);
    }
    if let (Some(a), Some(b), Some(y)) = (number::<u8>(caps, "na"), number::<u8>(caps, "nb"), number(caps, "ny")) {
        // Slashes are month-first unless the page writes them day first;
        // dashes and dots day-first; either unless the numbers only make
        // sense the other way round.
        let separator = caps.name("nsep").map_or("", |s| s.as_str());
        let month_first = match order {
            NumericOrder::MonthFirst => separator == "/",
            NumericOrder::MonthFirstDashes => matches!(separator, "/" | "-"),
            NumericOrder::DayFirst => false,
        };
        let (day, month) = if (month_first && a <= 12) || b > 12 { (b, a) } else { (a, b) };
        return (PartialDate::day(y, month, day), true);
    }
    if let (Some(month), Some(day)) = (month_of(caps, "mdm"), number::<u8>(caps, "mdd")) {
        return match number(caps, "mdy") {
            Some(year) => (PartialDate::day(year, month, day), true),
            None => (reference.and_then(|r| last_day_before(month, day, r)), false),
        };
    }
    if let (Some(day), Some(month)) = (number::<u8>(caps, "dmd"), month_of(caps, "dmm")) {
        return match number(caps, "dmy") {
            Some(year) => (PartialDate::day(year, month, day), true),
            None => (reference.and_then(|r| last_day_before(month, day, r)), false),
        };
    }
    if let Some(month) = month_of(caps, "mm") {
        let date = if let Some(year) = number(caps, "my") {
            PartialDate::month(year, month)
        } else if let Some(rel) = caps.name("mrel") {
            relative_year(rel.as_str(), reference).and_then(|y| PartialDate::month(y, month))
        } else {
            reference.and_then(|r| last_month_before(month, r))
        };
        return (date, false);
    }
    // "the first half", "the first six months" of no year said: as of their
    // last month, in the last year where it has come by the reference date.
    let half = caps.name("half").map(|h| if h.as_str().eq_ignore_ascii_case("first") { 6 } else { 12 });
    let months_alone = caps.name("fm").and_then(|count| month_count(count.as_str()));
    if let Some(last_month) = half.or(months_alone) {
        let year = reference.map(|r| if r.month.is_none_or(|month| month >= last_month) { r.year } else { r.year - 1 });
        return (year.and_then(|year| PartialDate::month(year, last_month)), false);
    }
    // "the third quarter (of 2013)", "Q3 2013": as of its last month.
    let quarter = caps.name("q").map(|q| match q.as_str().to_ascii_lowercase().as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        _ => 4,
    });
    if let Some(quarter) = quarter.or_else(|| number::<u8>(caps, "qn")) {
        let last_month = quarter * 3;
        let year = number(caps, "qy").or_else(|| number(caps, "qny")).or_else(|| {
            // The last such quarter begun by the reference date.
            let reference = reference?;
            let begun = reference.month.is_none_or(|month| month > last_month - 3);
            Some(if begun { reference.year } else { reference.year - 1 })
        });
        return (year.and_then(|year| PartialDate::month(year, last_month)), false);
    }
    let year_date = |year: i32| {
        if let Some(months) = first_months {
            PartialDate::month(year, months)
        } else if ends_year || second_half {
            PartialDate::month(year, 12)
        } else if first_half {
            PartialDate::month(year, 6)
        } else if starts_year {
            PartialDate::month(year, 1)
        } else {
            Some(PartialDate::year(year))
        }
    };
    if let Some(rel) = caps.name("yrel") {
        // "the year" is a date only as "the end (or start) of the year".
        if rel.as_str().eq_ignore_ascii_case("the") && modifier.is_none() {
            return (None, false);
        }
        return (relative_year(rel.as_str(), reference).and_then(year_date), false);
    }
    if let Some(year) = number(caps, "yy") {
        return (year_date(year), false);
    }
    if let Some(rel) = caps.name("rel") {
        let words = rel.as_str().to_lowercase();
        let date = reference.and_then(|r| match words.split_whitespace().collect::<Vec<_>>()[..] {
            ["yesterday"] => r.is_full().then(|| r.add_days(-1)),
            ["today"] | ["tonight"] => Some(r),
            ["last", "month"] => r.month.map(|_| r.previous_month()),
            ["this", "month"] => PartialDate::month(r.year, r.month?),
            ["last", "week"] => r.is_full().then(|| r.add_days(-7)).and_then(|d| PartialDate::month(d.year, d.month?)),
            ["this", "week"] => PartialDate::month(r.year, r.month?),
            _ => None,
        });
        return (date, false);
    }
    if let Some(name) = caps.name("wd") {
        let name = name.as_str().to_lowercase();
        let weekday = WEEKDAYS.get(&name).or_else(|| WEEKDAYS.get(name.trim_end_matches('.')));
        let strictly_before = caps.name("wlast").is_some();
        let date = reference.filter(PartialDate::is_full).zip(weekday).map(|(r, &weekday)| {
            let mut back = (i64::from(r.weekday()) - i64::from(weekday)).rem_euclid(7);
            if back == 0 && strictly_before {
                back = 7;
            }
            r.add_days(-back)
        });
        return (date, false);
    }
    (None, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u8, d: u8) -> PartialDate {
        PartialDate::day(y, m, d).expect("valid date")
    }

    fn first(text: &str, reference: Option<PartialDate>) -> Option<String> {
        find_dates(text, reference).first()?.date.map(|d| d.to_string())
    }

    #[test]
    fn dates_in_capitals() {
        assert_eq!(first("NO. 34 AUGUST 22, 2013", None).as_deref(), Some("2013-08-22"));
        assert_eq!(first("THURSDAY, APRIL 4, 2013", None).as_deref(), Some("2013-04-04"));
        assert_eq!(first("AUG 12, 2014", None).as_deref(), Some("2014-08-12"));
        assert_eq!(first("OFFICIALS MAY POST MORE", None), None);
    }

    #[test]
    fn half_years_hold_as_of_their_last_month() {
        assert_eq!(first("in the first half of 2013", None).as_deref(), Some("2013-06"));
        assert_eq!(first("in the first three months of the year", Some(day(2012, 4, 5))).as_deref(), Some("2012-03"));
        assert_eq!(first("in the first 5 months of 2012", None).as_deref(), Some("2012-05"));
        assert_eq!(first("in the second half of last year", Some(day(2014, 3, 2))).as_deref(), Some("2013-12"));
        // Halves and first months with no year: the last to have come.
        assert_eq!(first("at the end of the first half", Some(day(2014, 8, 12))).as_deref(), Some("2014-06"));
        assert_eq!(first("in the first six months", Some(day(2014, 8, 12))).as_deref(), Some("2014-06"));
        assert_eq!(first("in the second half", Some(day(2014, 8, 12))).as_deref(), Some("2013-12"));
        assert_eq!(first("in the first half", Some(day(2014, 3, 2))).as_deref(), Some("2013-06"));
        // (Not a span of an account's life.)
        assert!(find_dates("posted 2,600 messages in its first 11 months", Some(day(2010, 10, 26))).is_empty());
        // A week of a month is in that month.
        assert_eq!(first("in the last week of December", Some(day(2012, 3, 14))).as_deref(), Some("2011-12"));
        assert_eq!(first("posted last week", Some(day(2012, 3, 14))).as_deref(), Some("2012-03"));
    }

    #[test]
    fn absolute_dates_in_publication_lines() {
        assert_eq!(first("08:47, September 10, 2012", None).as_deref(), Some("2012-09-10"));
        assert_eq!(first("2012-03-02 16:13Ecns.cn", None).as_deref(), Some("2012-03-02"));
        assert_eq!(first("Publication Date : 28-08-2012", None).as_deref(), Some("2012-08-28"));
        assert_eq!(first("Updated: 2014-02-18 07:49", None).as_deref(), Some("2014-02-18"));
        assert_eq!(first("Tuesday, 6 March 2012", None).as_deref(), Some("2012-03-06"));
        assert_eq!(first("Posted 03/06/2012", None).as_deref(), Some("2012-03-06"));
        assert_eq!(first("Xinhua, Dec. 16, 2011", None).as_deref(), Some("2011-12-16"));
    }

    #[test]
    fn dates_with_slashes_in_the_pages_order() {
        let read = |text, order| find_dates_in(text, None, order).first().and_then(|d| d.date).map(|d| d.to_string());
        assert_eq!(read("Last updated: 05/04/2012", NumericOrder::DayFirst).as_deref(), Some("2012-04-05"));
        assert_eq!(read("Last updated: 05/04/2012", NumericOrder::MonthFirst).as_deref(), Some("2012-05-04"));
        // Numbers that make sense one way only are read that way.
        assert_eq!(read("Posted 12/25/2013", NumericOrder::DayFirst).as_deref(), Some("2013-12-25"));
        assert_eq!(read("Posted 25/12/2013", NumericOrder::MonthFirst).as_deref(), Some("2013-12-25"));
        // Dashes and dots stay day first, unless the page writes them month
        // first.
        assert_eq!(read("05-04-2012", NumericOrder::MonthFirst).as_deref(), Some("2012-04-05"));
        assert_eq!(read("06-05-2014 16:20 BJT", NumericOrder::MonthFirstDashes).as_deref(), Some("2014-06-05"));
    }

    #[test]
    fn relative_dates_resolve_against_publication() {
        // Against a year alone, a month is in that year, but "last month"
        // is no date.
        // ("NO. 10 MARCH 6, 2014": an issue's number, then the date.)
        assert_eq!(first("NO. 10 MARCH 6, 2014", None).as_deref(), Some("2014-03-06"));
        assert_eq!(first("On 10 March 2,000 people marched", Some(day(2012, 5, 1))).as_deref(), Some("2012-03-10"));
        let year = Some(PartialDate::year(2013));
        assert_eq!(first("at the end of November", year).as_deref(), Some("2013-11"));
        assert_eq!(first("last month", year), None);
        assert!(find_dates("on May 9", year)[0].relative);
        assert!(!find_dates("on May 9, 2013", year)[0].relative);
        let published = Some(day(2012, 8, 28));
        assert_eq!(first("As of yesterday, it had", published).as_deref(), Some("2012-08-27"));
        assert_eq!(first("as of the end of September this year", Some(day(2011, 12, 16))).as_deref(), Some("2011-09"));
        assert_eq!(first("By the end of last year, about", Some(day(2014, 2, 18))).as_deref(), Some("2013-12"));
        assert_eq!(first("As of February 24, the center", Some(day(2012, 3, 2))).as_deref(), Some("2012-02-24"));
        // A month with no year is the last such month before publication.
        assert_eq!(first("in November", Some(day(2012, 3, 2))).as_deref(), Some("2011-11"));
        assert_eq!(first("on Monday", Some(day(2012, 9, 12))).as_deref(), Some("2012-09-10"));
        assert_eq!(first("last month", Some(day(2013, 1, 9))).as_deref(), Some("2012-12"));
    }

    #[test]
    fn an_abbreviated_month_or_weekday_by_a_name_is_part_of_it() {
        assert!(find_dates("said Zhang Jun, a spokesman", Some(day(2013, 5, 20))).is_empty());
        assert_eq!(first("the end of Jan", Some(day(2013, 5, 20))).as_deref(), Some("2013-01"));
        assert_eq!(first("In Jan, it grew", Some(day(2013, 5, 20))).as_deref(), Some("2013-01"));
        assert!(find_dates("300 accounts, said Sun Bin, a spokesman", Some(day(2013, 5, 22))).is_empty());
        assert_eq!(first("Sun, May 19, 2013", None).as_deref(), Some("2013-05-19"));
        assert_eq!(first("in Jun 2012", None).as_deref(), Some("2012-06"));
        assert_eq!(first("on Jun 5", Some(day(2013, 5, 20))).as_deref(), Some("2012-06-05"));
        assert_eq!(first("since June", Some(day(2013, 5, 20))).as_deref(), Some("2012-06"));
    }

    #[test]
    fn quarters_hold_as_of_their_last_month() {
        assert_eq!(first("at the end of the third quarter", Some(day(2013, 11, 11))).as_deref(), Some("2013-09"));
        assert_eq!(first("in the fourth quarter", Some(day(2014, 2, 3))).as_deref(), Some("2013-12"));
        assert_eq!(first("in the first quarter of 2012", None).as_deref(), Some("2012-03"));
        assert_eq!(first("Q2 2013 results", None).as_deref(), Some("2013-06"));
        assert!(find_dates("a quarter of the accounts", None).is_empty());
    }

    #[test]
    fn stated_precision_is_kept() {
        assert_eq!(first("as of early November, 2011", None).as_deref(), Some("2011-11"));
        assert_eq!(first("by the end of 2010", None).as_deref(), Some("2010-12"));
        assert_eq!(first("in 2011", None).as_deref(), Some("2011"));
        assert_eq!(first("by the end of the year", Some(day(2012, 3, 6))).as_deref(), Some("2012-12"));
        assert_eq!(first("over the previous year", Some(day(2013, 6, 5))).as_deref(), Some("2012"));
        assert_eq!(first("in the past year", Some(day(2013, 6, 5))), None, "the twelve months to now");
    }

    #[test]
    fn no_publication_date_means_no_relative_date() {
        assert_eq!(first("as of yesterday", None), None);
        assert_eq!(first("by the end of last year", None), None);
    }

    #[test]
    fn modal_may_is_not_a_month() {
        assert!(find_dates("officials may post more", None).is_empty());
    }
}
