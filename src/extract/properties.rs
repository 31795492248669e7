//! Property tests of number and date reading: any number, written the ways
//! news reports write numbers, reads back as its value; and any date the
//! text places in the past resolves on or before the publication date.

use super::dates::find_dates;
use super::numbers::find_numbers;
use crate::date::PartialDate;
use proptest::prelude::*;

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/// How a number is spelt: "twenty-three" or "twenty three", and "one
/// hundred and five" or "one hundred five".
#[derive(Clone, Copy, Debug)]
struct Spelling {
    hyphen: bool,
    and: bool,
}

fn below_hundred(n: u64, spelling: Spelling) -> String {
    match n {
        0..20 => UNITS[n as usize].to_string(),
        _ if n.is_multiple_of(10) => TENS[(n / 10) as usize].to_string(),
        _ => {
            let joint = if spelling.hyphen { "-" } else { " " };
            format!("{}{joint}{}", TENS[(n / 10) as usize], UNITS[(n % 10) as usize])
        }
    }
}

fn below_thousand(n: u64, spelling: Spelling) -> String {
    match (n / 100, n % 100) {
        (0, rest) => below_hundred(rest, spelling),
        (hundreds, 0) => format!("{} hundred", UNITS[hundreds as usize]),
        (hundreds, rest) => {
            let and = if spelling.and { " and" } else { "" };
            format!("{} hundred{and} {}", UNITS[hundreds as usize], below_hundred(rest, spelling))
        }
    }
}

/// `n` in English words: 23_000 is "twenty-three thousand".
fn in_words(n: u64, spelling: Spelling) -> String {
    if n == 0 {
        return "zero".into();
    }
    let mut parts = Vec::new();
    for (scale, name) in [(1_000_000_000, "billion"), (1_000_000, "million"), (1_000, "thousand"), (1, "")] {
        let group = n / scale % 1000;
        if group > 0 {
            let words = below_thousand(group, spelling);
            parts.push(if name.is_empty() { words } else { format!("{words} {name}") });
        }
    }
    parts.join(" ")
}

/// `n` in digits with a comma every three digits: 1234567 is "1,234,567".
fn with_separators(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// The one number `find_numbers` reads in a sentence around `written`.
fn read_back(written: &str) -> Vec<f64> {
    let sentence = format!("The office said {written} people follow its account.");
    find_numbers(&sentence).iter().map(|n| n.value).collect()
}

fn assert_reads(written: &str, expected: f64) -> Result<(), TestCaseError> {
    let values = read_back(written);
    prop_assert!(
        values.len() == 1 && (values[0] - expected).abs() <= expected.abs() * 1e-12,
        "{written:?} read as {values:?}, not {expected}"
    );
    Ok(())
}

fn spelling() -> impl Strategy<Value = Spelling> {
    (any::<bool>(), any::<bool>()).prop_map(|(hyphen, and)| Spelling { hyphen, and })
}

/// Numbers across every order of magnitude, small ones often.
fn number() -> impl Strategy<Value = u64> {
    prop_oneof![0..100u64, 100..1_000u64, 1_000..1_000_000u64, 1_000_000..1_000_000_000_000u64]
}

const SCALES: [(&str, f64); 3] = [("thousand", 1e3), ("million", 1e6), ("billion", 1e9)];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn numbers_in_digits_read_as_their_value(n in number(), separators in any::<bool>()) {
        let written = if separators { with_separators(n) } else { n.to_string() };
        assert_reads(&written, n as f64)?;
    }

    #[test]
    fn numbers_in_words_read_as_their_value(n in number(), spelling in spelling(), capital in any::<bool>()) {
        let mut written = in_words(n, spelling);
        if capital {
            written = written[..1].to_uppercase() + &written[1..];
        }
        assert_reads(&written, n as f64)?;
    }

    #[test]
    fn decimals_and_words_with_a_scale_read_as_their_value(
        whole in 1..1000u64,
        tenths in 0..10u64,
        scale in 0..SCALES.len(),
        spelling in spelling(),
    ) {
        let (name, factor) = SCALES[scale];
        assert_reads(&format!("{whole}.{tenths} {name}"), (whole as f64 + tenths as f64 / 10.0) * factor)?;
        assert_reads(&format!("{} {name}", with_separators(whole)), whole as f64 * factor)?;
        assert_reads(&format!("{} {name}", below_thousand(whole, spelling)), whole as f64 * factor)?;
    }
}

/// Expressions that place a date in the past, relative to publication.
fn past_expression() -> impl Strategy<Value = String> {
    let month = prop::sample::select(vec![
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan.",
        "Feb.",
        "Sept.",
        "Dec.",
    ]);
    let weekday = prop::sample::select(vec![
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Mon.",
        "Thurs.",
    ]);
    let fixed = prop::sample::select(vec![
        "yesterday",
        "last week",
        "last month",
        "last year",
        "the previous year",
        "the end of last year",
        "the beginning of last year",
        "early last year",
    ]);
    prop_oneof![
        fixed.prop_map(str::to_string),
        weekday.clone().prop_map(|w| format!("on {w}")),
        weekday.prop_map(|w| format!("last {w}")),
        (month.clone(), 1..=28u8).prop_map(|(m, d)| format!("{m} {d}")),
        (month.clone(), 1..=28u8).prop_map(|(m, d)| format!("{d} {m}")),
        month.clone().prop_map(|m| format!("in {m}")),
        month.clone().prop_map(|m| format!("the end of {m}")),
        month.prop_map(|m| format!("{m} last year")),
    ]
}

fn publication_date() -> impl Strategy<Value = PartialDate> {
    (1990..2040i32, 1..=12u8, 1..=31u8)
        .prop_map(|(y, m, d)| PartialDate::day(y, m, d.min(crate::date::days_in_month(y, m))).expect("a valid day"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn past_dates_resolve_on_or_before_publication(published in publication_date(), past in past_expression()) {
        let text = format!("As of {past}, the bureau had opened 20 accounts.");
        let dates: Vec<PartialDate> = find_dates(&text, Some(published)).into_iter().filter_map(|m| m.date).collect();
        prop_assert!(!dates.is_empty(), "{text:?} gave no date (published {published})");
        for date in dates {
            prop_assert!(
                date.days_since_epoch() <= published.days_since_epoch(),
                "{text:?} resolved to {date}, after publication on {published}"
            );
        }
    }
}
