//! Numbers as news reports write them: digits with thousands separators and
//! decimals ("20,000", "2.8"), scale words ("2.8 million", "six million"),
//! number words ("Forty-five", "nine"), and percentages ("73.5 percent").

use crate::lexicon;
use regex::Regex;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// A number found in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct NumberMention {
    /// Byte span of the number with its scale word and percent sign or word.
    pub span: Range<usize>,
    pub value: f64,
    pub percent: bool,
    /// Written with digits only, with no scale word and no separator (so it
    /// could be a year, a day or a page number).
    pub bare_digits: bool,
    /// "20,000-plus", "5,000+": more than the number.
    pub plus: bool,
    /// "11,100-odd", "4,000 or so": about the number.
    pub odd: bool,
}

struct NumberWords {
    values: HashMap<String, (f64, &'static str)>,
    pattern: Regex,
}

static WORDS: LazyLock<NumberWords> = LazyLock::new(|| {
    let table = lexicon::table("lexicon/numbers.tsv", 3);
    let mut values = HashMap::new();
    for row in &table.rows {
        let value: f64 = row[1].parse().expect("number value in numbers.tsv");
        values.insert(row[0].to_lowercase(), (value, row[2]));
    }
    let words = |kind: &str| lexicon::alternation(table.rows.iter().filter(|r| r[2] == kind).map(|r| r[0]));
    let (units, tens, scales) = (words("unit"), words("tens"), words("scale"));
    // Each word ends at a word boundary, and "sixty" is tried before "six",
    // so "one hundred sixty" is one number, not "one hundred six" and "ty".
    // Words start at one too: "ten" inside "often" would otherwise swallow
    // a number after it ("often ten thousand"). "a" counts only before a
    // scale ("a million"), so not every "a" of the text is a match.
    let unit = format!(r"(?:{units})\b");
    let tens_unit = format!(r"(?:{tens})(?:[-\s]{unit})?\b");
    let pattern = format!(
        r"(?xi)
        (?:
          (?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<suffix>mn|m|bn)?
        | \b(?P<words>(?:{tens_unit}|{unit}|a\s+(?:{scales})\b)(?:\s+(?:and\s+)?(?:(?:{scales})\b|{tens_unit}|{unit}))*)
        )
        (?P<scale>\s*(?:{scales})\b)*
        (?P<plus>-plus\b|\+)?
        (?P<odd>-odd\b|\s+or\s+so\b)?
        (?P<percent>\s*(?:%|per\s?cent\b))?"
    );
    NumberWords { values, pattern: Regex::new(&pattern).expect("number pattern compiles") }
});

/// Whether `word` (lower case) is a number or scale word: "five", "million".
pub fn is_number_word(word: &str) -> bool {
    WORDS.values.contains_key(word)
}

/// Finds the numbers in `text`.
pub fn find_numbers(text: &str) -> Vec<NumberMention> {
    let words = &*WORDS;
    words
        .pattern
        .captures_iter(text)
        .filter_map(|caps| {
            let whole = caps.get(0)?;
            // Whole words only: "4G" or "x86" are not numbers.
            let before = text[..whole.start()].chars().next_back();
            let after = text[whole.end()..].chars().next();
            // A hyphen joins digits to a word ("4-year"), or to more digits:
            // a range ("250-300"), or a date, which `dates` reads.
            let range = text[whole.end()..]
                .strip_prefix('-')
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()));
            if before.is_some_and(|c| c.is_alphanumeric() || c == '.' || c == ',')
                || after.is_some_and(|c| c.is_alphanumeric() || c == '-' && caps.name("digits").is_some() && !range)
            {
                return None;
            }
            let scale_text = caps.name("scale").map_or("", |m| m.as_str());
            let mut start = whole.start();
            // Decimals are divided out last, after any scale, so that "66.6
            // million" is 666 million tenths, exactly 66,600,000 (not
            // 66.6 times a million, 66,599,999.99999999).
            let mut decimals = 1.0;
            let (mut value, bare) = if let Some(digits) = caps.name("digits") {
                let raw = digits.as_str();
                let plain = raw.replace(',', "");
                let (units, fraction) = plain.split_once('.').unwrap_or((&plain, ""));
                let value: f64 = format!("{units}{fraction}").parse().ok()?;
                decimals = 10f64.powi(i32::try_from(fraction.len()).ok()?);
                // "300m users", "503mn", "2.5bn" (the British press).
                let suffix = match caps.name("suffix").map(|m| m.as_str()) {
                    Some("bn") => 1e9,
                    Some(_) => 1e6,
                    None => 1.0,
                };
                (value * suffix, !raw.contains(',') && !raw.contains('.') && scale_text.is_empty() && suffix == 1.0)
            } else {
                let phrase = caps.name("words")?.as_str();
                let mut value = words_value(phrase, &words.values)?;
                // "half a million"
                let lead = &text[..start];
                if phrase.to_ascii_lowercase().starts_with("a ") && lead.to_ascii_lowercase().ends_with("half ") {
                    value /= 2.0;
                    start -= "half ".len();
                }
                (value, false)
            };
            for scale in scale_text.split_whitespace() {
                value *= words.values.get(&scale.to_lowercase())?.0;
            }
            value /= decimals;
            Some(NumberMention {
                span: start..whole.end(),
                value,
                percent: caps.name("percent").is_some(),
                bare_digits: bare && caps.name("plus").is_none() && caps.name("odd").is_none(),
                plus: caps.name("plus").is_some(),
                odd: caps.name("odd").is_some(),
            })
        })
        .collect()
}

/// The value of a number written in words ("forty-five", "two hundred").
fn words_value(phrase: &str, values: &HashMap<String, (f64, &'static str)>) -> Option<f64> {
    let (mut total, mut current): (f64, f64) = (0.0, 0.0);
    for word in phrase.split(|c: char| c == '-' || c.is_whitespace()).filter(|w| !w.is_empty()) {
        let word = word.to_lowercase();
        if word == "and" {
            continue;
        }
        if word == "a" {
            current = 1.0;
            continue;
        }
        let (value, kind) = *values.get(&word)?;
        match kind {
            "scale" if value >= 1000.0 => {
                total += current.max(1.0) * value;
                current = 0.0;
            }
            "scale" => current = current.max(1.0) * value,
            _ => current += value,
        }
    }
    Some(total + current)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<f64> {
        find_numbers(text).iter().map(|n| n.value).collect()
    }

    #[test]
    fn digits_separators_decimals_and_scales() {
        assert_eq!(values("about 20,000 accounts"), vec![20_000.0]);
        assert_eq!(values("more than 2.8 million followers"), vec![2_800_000.0]);
        assert_eq!(values("1,234,567 users"), vec![1_234_567.0]);
        assert_eq!(values("3.5 billion posts"), vec![3_500_000_000.0]);
    }

    #[test]
    fn scales_as_the_british_press_writes_them() {
        assert_eq!(values("used by 300m people, 503mn users and 2.5bn posts"), vec![3e8, 5.03e8, 2.5e9]);
        assert_eq!(values("about half a million followers"), vec![500_000.0]);
        assert!(values("the 100ms mark").is_empty(), "a unit that is not a scale");
    }

    #[test]
    fn odd_and_or_so_mean_about() {
        let found = find_numbers("11,100-odd accounts and 4,000 or so on Tencent");
        assert_eq!(found.iter().map(|n| (n.value, n.odd)).collect::<Vec<_>>(), vec![(11_100.0, true), (4_000.0, true)]);
    }

    #[test]
    fn a_plus_means_more_than() {
        let found = find_numbers("20,000-plus followers and 5,000+ posts");
        assert_eq!(
            found.iter().map(|n| (n.value, n.plus)).collect::<Vec<_>>(),
            vec![(20_000.0, true), (5_000.0, true)]
        );
    }

    #[test]
    fn number_words() {
        assert_eq!(values("Forty-five government employees"), vec![45.0]);
        assert_eq!(values("nearly six million followers"), vec![6_000_000.0]);
        assert_eq!(values("Seventeen ministries"), vec![17.0]);
        assert_eq!(values("two hundred officials"), vec![200.0]);
        assert_eq!(values("one hundred and twenty posts"), vec![120.0]);
    }

    #[test]
    fn decimals_of_millions_are_exact() {
        for (text, value) in [
            ("66.6 million", 66_600_000.0),
            ("2.8 million", 2_800_000.0),
            ("1.23 billion", 1_230_000_000.0),
            ("0.5%", 0.5),
        ] {
            assert_eq!(find_numbers(text)[0].value, value, "{text}");
        }
    }

    #[test]
    fn percentages() {
        let found = find_numbers("a growth rate of more than 100 percent and 73.5% of users");
        assert_eq!(found.iter().map(|n| (n.value, n.percent)).collect::<Vec<_>>(), vec![(100.0, true), (73.5, true)]);
    }

    #[test]
    fn a_hyphen_joins_the_ends_of_a_range() {
        assert_eq!(values("30,000-40,000 accounts"), vec![30_000.0, 40_000.0]);
        assert_eq!(values("250-300 accounts"), vec![250.0, 300.0]);
        assert_eq!(values("a 5-year plan"), Vec::<f64>::new());
    }

    #[test]
    fn digits_inside_words_are_not_numbers() {
        assert!(values("a 4G network on x86").is_empty());
        assert!(find_numbers("in 2011").iter().all(|n| n.bare_digits));
    }

    #[test]
    fn number_words_start_a_word() {
        assert_eq!(values("it is often ten thousand or more"), vec![10000.0]);
        // ("a five" is five, not one and five.)
        assert_eq!(values("half a million, a five-year plan"), vec![500000.0, 5.0]);
    }
}
