//! The data files under `ontology/` (gazetteers, cue words, number words),
//! compiled into the binary and parsed once on first use.
//!
//! The files are part of the program, not user input: a malformed line is a
//! bug in govkg, caught by this module's tests, so parsing panics with the file
//! and line at fault instead of returning an error to the user.

use std::collections::HashMap;
use std::sync::LazyLock;

/// One parsed data file: its non-comment lines split on tabs.
pub struct Table {
    pub name: &'static str,
    pub rows: Vec<Vec<&'static str>>,
}

impl Table {
    /// Parses a tab-separated data file; `#` starts a comment line.
    ///
    /// # Panics
    /// When a row has fewer than `min_columns` fields (a bug in the shipped data).
    pub fn parse(name: &'static str, text: &'static str, min_columns: usize) -> Self {
        let rows = text
            .lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'))
            .map(|(i, line)| {
                let row: Vec<&str> = line.split('\t').map(str::trim).collect();
                assert!(
                    row.len() >= min_columns,
                    "ontology data {name}:{}: expected {min_columns} tab-separated columns",
                    i + 1
                );
                row
            })
            .collect();
        Self { name, rows }
    }

    /// The `|`-separated alternatives of a cell (empty cell: none).
    pub fn alternatives(cell: &'static str) -> impl Iterator<Item = &'static str> {
        cell.split('|').map(str::trim).filter(|s| !s.is_empty())
    }
}

macro_rules! data_file {
    ($path:literal) => {
        ($path, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/ontology/", $path)))
    };
}

/// Every data file of the ontology folder, by its path below `ontology/`.
pub static FILES: &[(&str, &str)] = &[
    data_file!("lexicon/qualifiers.tsv"),
    data_file!("lexicon/measures.tsv"),
    data_file!("lexicon/numbers.tsv"),
    data_file!("lexicon/months.tsv"),
    data_file!("lexicon/weekdays.tsv"),
    data_file!("lexicon/abbreviations.txt"),
    data_file!("lexicon/furniture.txt"),
    data_file!("lexicon/sections.txt"),
    data_file!("lexicon/speech_verbs.txt"),
    data_file!("lexicon/date_anchors.tsv"),
    data_file!("lexicon/date_blockers.txt"),
    data_file!("lexicon/figure_verbs.txt"),
    data_file!("lexicon/now_words.tsv"),
    data_file!("lexicon/contrast_connectives.txt"),
    data_file!("lexicon/holding_verbs.txt"),
    data_file!("lexicon/local_bodies.tsv"),
    data_file!("lexicon/place_levels.tsv"),
    data_file!("lexicon/body_nouns.tsv"),
    data_file!("lexicon/date_labels.txt"),
    data_file!("lexicon/own_service_words.txt"),
    data_file!("lexicon/measures_before.tsv"),
    data_file!("lexicon/toll_words.txt"),
    data_file!("lexicon/posting_verbs.txt"),
    data_file!("lexicon/rate_periods.txt"),
    data_file!("lexicon/clause_links.txt"),
    data_file!("lexicon/org_appositives.tsv"),
    data_file!("lexicon/org_stopwords.txt"),
    data_file!("lexicon/name_adjectives.txt"),
    data_file!("lexicon/obligation_words.txt"),
    data_file!("lexicon/platform_list_cues.txt"),
    data_file!("gazetteer/platforms.tsv"),
    data_file!("gazetteer/organizations.tsv"),
    data_file!("gazetteer/places.tsv"),
    data_file!("gazetteer/surnames.txt"),
    data_file!("gazetteer/roles.tsv"),
    data_file!("gazetteer/role_modifiers.txt"),
    data_file!("gazetteer/honorifics.txt"),
    data_file!("gazetteer/not_given_names.txt"),
    data_file!("gazetteer/org_heads.txt"),
    data_file!("gazetteer/publishers.tsv"),
    data_file!("gazetteer/day_first_publishers.txt"),
    data_file!("gazetteer/month_first_dash_publishers.txt"),
    data_file!("lexicon/change_verbs.txt"),
    data_file!("lexicon/change_nouns.txt"),
    data_file!("lexicon/comparisons.txt"),
    data_file!("lexicon/statement_verbs.txt"),
    data_file!("lexicon/estimate_verbs.txt"),
    data_file!("lexicon/interaction_verbs.txt"),
    data_file!("lexicon/casualty_words.txt"),
    data_file!("lexicon/population_cues.txt"),
    data_file!("lexicon/dweller_nouns.txt"),
    data_file!("lexicon/group_cues.txt"),
    data_file!("lexicon/time_units.txt"),
    data_file!("lexicon/agent_participles.txt"),
    data_file!("lexicon/platform_plurals.txt"),
    data_file!("lexicon/platform_references.txt"),
    data_file!("lexicon/fieldwork_verbs.txt"),
    data_file!("lexicon/respondents.txt"),
    data_file!("lexicon/share_phrases.txt"),
    data_file!("lexicon/source_documents.txt"),
    data_file!("lexicon/same_time_phrases.txt"),
    data_file!("lexicon/caption_cues.txt"),
    data_file!("lexicon/same_time_exclusions.txt"),
    data_file!("lexicon/citation_determiners.tsv"),
    data_file!("lexicon/superlatives.txt"),
    data_file!("lexicon/present_verbs.txt"),
    data_file!("lexicon/elided_noun_followers.txt"),
    data_file!("lexicon/service_kinds.txt"),
    data_file!("lexicon/money_nouns.txt"),
    data_file!("lexicon/money_units.txt"),
    data_file!("lexicon/likenesses.tsv"),
    data_file!("lexicon/profile_cues.txt"),
    data_file!("lexicon/modal_verbs.txt"),
];

/// Parses the data file at `path` (below `ontology/`).
///
/// # Panics
/// When `path` is not one of [`FILES`] or a row is short (bugs in govkg).
pub fn table(path: &str, min_columns: usize) -> Table {
    let (name, text) =
        FILES.iter().find(|(name, _)| *name == path).unwrap_or_else(|| panic!("no ontology data file {path}"));
    Table::parse(name, text, min_columns)
}

/// A one-column word list, as owned lowercase or verbatim strings.
pub fn words(path: &str) -> Vec<&'static str> {
    table(path, 1).rows.into_iter().map(|row| row[0]).collect()
}

/// Maps every `|`-separated name in column `names_col` to column `key_col`.
pub fn name_index(path: &str, key_col: usize, names_col: usize) -> HashMap<String, &'static str> {
    let mut index = HashMap::new();
    for row in table(path, key_col.max(names_col) + 1).rows {
        for name in Table::alternatives(row[names_col]) {
            index.insert(name.to_lowercase(), row[key_col]);
        }
    }
    index
}

/// Honorifics and ranks written before a name ("Dr", "Mr", "Superintendent"),
/// as written.
pub static HONORIFICS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("gazetteer/honorifics.txt"));

/// One-word roles of `gazetteer/roles.tsv`, in lower case ("minister",
/// "professor"): before a name they are a title, after a head noun part of
/// one ("Organization Minister").
pub static ROLE_WORDS: LazyLock<std::collections::HashSet<String>> = LazyLock::new(|| {
    table("gazetteer/roles.tsv", 1)
        .rows
        .iter()
        .map(|r| r[0])
        .filter(|r| !r.contains(' '))
        .map(str::to_lowercase)
        .collect()
});

/// Words that may come before a role ("deputy", "senior", "assistant"), in
/// lower case.
pub static ROLE_MODIFIERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("gazetteer/role_modifiers.txt"));

/// Whether a word is part of a title written before a name: a one-word
/// role, a word before a role, or an honorific ("Professor", "Senior",
/// "Dr.").
pub fn is_title_word(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    let lower = word.to_lowercase();
    HONORIFICS.contains(&word) || ROLE_WORDS.contains(&lower) || ROLE_MODIFIERS.contains(&lower.as_str())
}

/// Capitalised words that open a sentence or a clause ("The", "According",
/// "When") and so begin no name of a body or a person.
pub static CLAUSE_OPENERS: LazyLock<std::collections::HashSet<&'static str>> =
    LazyLock::new(|| words("lexicon/org_stopwords.txt").into_iter().collect());

/// Month names (lowercase, abbreviations included) to month numbers.
pub static MONTHS: LazyLock<HashMap<String, u8>> = LazyLock::new(|| {
    name_index("lexicon/months.tsv", 0, 1)
        .into_iter()
        .map(|(name, month)| (name, month.parse().expect("month number in months.tsv")))
        .collect()
});

/// Weekday names (lowercase) to ISO weekday numbers (Monday = 1).
pub static WEEKDAYS: LazyLock<HashMap<String, u8>> = LazyLock::new(|| {
    name_index("lexicon/weekdays.tsv", 0, 1)
        .into_iter()
        .map(|(name, day)| (name, day.parse().expect("weekday number in weekdays.tsv")))
        .collect()
});

/// A regex alternation matching any of `names`, longest first, escaped.
pub fn alternation<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let mut names: Vec<&str> = names.into_iter().collect();
    names.sort_by_key(|name| std::cmp::Reverse(name.len()));
    names.dedup();
    names.iter().map(|name| regex::escape(name)).collect::<Vec<_>>().join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_file_parses() {
        for (path, _) in FILES {
            let table = table(path, 1);
            assert!(!table.rows.is_empty(), "{path} has no rows");
        }
    }

    #[test]
    fn months_cover_the_year() {
        assert_eq!(MONTHS.get("sept."), Some(&9));
        assert_eq!(MONTHS.get("december"), Some(&12));
        assert_eq!((1..=12).filter(|m| MONTHS.values().any(|v| v == m)).count(), 12);
    }
}
