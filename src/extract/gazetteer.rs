//! Known entities (platforms, organisations, places) from the gazetteers in
//! `ontology/gazetteer/`, found in text by one Aho-Corasick automaton.
//!
//! Each entity has an id (its IRI's local name), a canonical name and the
//! aliases the press uses; every alias leads to the same entity, so "Foreign
//! Ministry" and "Ministry of Foreign Affairs" are one node in the graph.

use crate::lexicon::{self, Table};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

/// What a gazetteer entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntityKind {
    Platform,
    Organization(OrgKind),
    /// A place; `true` for a country, whose name before "police" or
    /// "government" speaks of a whole nation, not of a body.
    Place {
        country: bool,
    },
}

/// The kind of an organisation, as the gazetteer and the rules tell it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OrgKind {
    Agency,
    Party,
    Police,
    Company,
    Media,
    Research,
    /// A province or city acting as the body a post is held in
    /// ("Zhejiang Province Organization Minister").
    Jurisdiction,
    Other,
}

impl OrgKind {
    pub fn parse(text: &str) -> Self {
        match text {
            "agency" => Self::Agency,
            "party" => Self::Party,
            "police" => Self::Police,
            "company" => Self::Company,
            "media" => Self::Media,
            "research" => Self::Research,
            _ => Self::Other,
        }
    }
}

/// An entity of the gazetteer.
#[derive(Debug)]
pub struct Entry {
    pub id: &'static str,
    pub name: &'static str,
    pub kind: EntityKind,
    /// The organisation a platform is run by, or an organisation's parent.
    pub related: Option<&'static str>,
}

/// A gazetteer entity found in a text.
#[derive(Clone, Debug)]
pub struct GazetteerMatch {
    pub span: Range<usize>,
    pub entry: &'static Entry,
}

pub struct Gazetteer {
    entries: Vec<Entry>,
    /// The aliases of each entry (its name left out).
    aliases: Vec<Vec<&'static str>>,
    by_id: HashMap<&'static str, usize>,
    automaton: AhoCorasick,
    /// Per pattern of the automaton: its entry, and how its case must match.
    patterns: Vec<(usize, Case)>,
    pub surnames: HashSet<String>,
    pub publishers: HashMap<String, &'static str>,
    /// The country each platform is run from (by id).
    homes: HashMap<&'static str, &'static str>,
    /// The kind of each place ("province", "city": `places.tsv`), by id.
    levels: HashMap<&'static str, &'static str>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

/// The gazetteer shipped with govkg.
pub fn gazetteer() -> &'static Gazetteer {
    &GAZETTEER
}

impl Gazetteer {
    fn load() -> Self {
        let mut entries = Vec::new();
        let mut entry_aliases: Vec<Vec<&'static str>> = Vec::new();
        let mut aliases: Vec<(String, usize)> = Vec::new();
        let mut add = |entry: Entry, names: &mut dyn Iterator<Item = &'static str>| {
            let index = entries.len();
            let names: Vec<&'static str> = names.collect();
            for name in std::iter::once(entry.name).chain(names.iter().copied()) {
                aliases.push((name.to_string(), index));
                // Typeset apostrophes: "People’s Daily".
                if name.contains('\'') {
                    aliases.push((name.replace('\'', "\u{2019}"), index));
                }
            }
            entry_aliases.push(names);
            entries.push(entry);
        };
        let mut homes = HashMap::new();
        for row in lexicon::table("gazetteer/platforms.tsv", 3).rows {
            if let Some(home) = row.get(4).filter(|s| !s.is_empty()) {
                homes.insert(row[0], *home);
            }
            let related = row.get(2).filter(|s| !s.is_empty()).copied();
            let entry = Entry { id: row[0], name: row[1], kind: EntityKind::Platform, related };
            add(entry, &mut row.get(3).into_iter().flat_map(|cell| Table::alternatives(cell)));
        }
        for row in lexicon::table("gazetteer/organizations.tsv", 3).rows {
            let kind = EntityKind::Organization(OrgKind::parse(row[2]));
            let related = row.get(3).filter(|s| !s.is_empty()).copied();
            let entry = Entry { id: row[0], name: row[1], kind, related };
            add(entry, &mut row.get(4).into_iter().flat_map(|cell| Table::alternatives(cell)));
        }
        let mut levels = HashMap::new();
        for row in lexicon::table("gazetteer/places.tsv", 2).rows {
            levels.insert(row[0], row[1]);
            let kind = EntityKind::Place { country: row[1] == "country" };
            let entry = Entry { id: row[0], name: row[0], kind, related: None };
            add(entry, &mut row.get(2).into_iter().flat_map(|cell| Table::alternatives(cell)));
        }
        // One pattern per distinct alias; the first entity to claim it keeps it
        // (platforms before organisations before places).
        let mut seen = HashSet::new();
        aliases.retain(|(alias, _)| seen.insert(alias.to_lowercase()));
        let patterns = aliases
            .iter()
            .map(|(alias, index)| {
                let case = if is_acronym(alias) {
                    Case::Exact(alias.clone())
                } else if matches!(
                    entries[*index].kind,
                    EntityKind::Organization(OrgKind::Media) | EntityKind::Platform
                ) {
                    Case::Capitals(alias.clone())
                } else {
                    Case::Any
                };
                (*index, case)
            })
            .collect();
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            // (A DFA: several times faster per byte than the default NFA on
            // this many case-folded names, for a few MB built once.)
            .kind(Some(AhoCorasickKind::DFA))
            .build(aliases.iter().map(|(alias, _)| alias))
            .expect("gazetteer automaton builds");
        let by_id = entries.iter().enumerate().map(|(i, e)| (e.id, i)).collect();
        let surnames = lexicon::words("gazetteer/surnames.txt").into_iter().map(str::to_string).collect();
        let mut publishers = HashMap::new();
        for row in lexicon::table("gazetteer/publishers.tsv", 2).rows {
            for alias in Table::alternatives(row[1]) {
                publishers.insert(alias.to_lowercase(), row[0]);
            }
        }
        Self { entries, aliases: entry_aliases, by_id, automaton, patterns, surnames, publishers, homes, levels }
    }

    /// The entity with this id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }

    /// The other names of an entity.
    pub fn aliases_of(&self, entry: &Entry) -> &[&'static str] {
        self.entries.iter().position(|e| std::ptr::eq(e, entry)).map_or(&[], |i| &self.aliases[i])
    }

    /// The country (ISO 3166 code) a platform is run from.
    pub fn home_of(&self, platform: &Entry) -> Option<&'static str> {
        self.homes.get(platform.id).copied()
    }

    /// The kind of a place of `places.tsv`: "province", "city" ...
    pub fn level_of(&self, place: &Entry) -> Option<&'static str> {
        self.levels.get(place.id).copied()
    }

    /// The platform a company runs: the first of its platforms in
    /// `platforms.tsv`, where each company's microblog comes first.
    pub fn platform_run_by(&self, company_id: &str) -> Option<&Entry> {
        self.entries.iter().find(|p| p.kind == EntityKind::Platform && p.related == Some(company_id))
    }

    /// Every entity, in file order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Every known entity named in `text`, on word boundaries, longest first.
    pub fn find(&'static self, text: &str) -> Vec<GazetteerMatch> {
        self.automaton
            .find_iter(text)
            .filter(|m| is_word_boundary(text, m.start(), m.end()))
            .filter_map(|m| {
                let (entry, case) = &self.patterns[m.pattern().as_usize()];
                if !case.matches(&text[m.range()]) {
                    return None;
                }
                Some(GazetteerMatch { span: m.range(), entry: &self.entries[*entry] })
            })
            .collect()
    }

    /// The publisher (an organisation id) a cue such as "Xinhua" or "ECNS"
    /// names in a byline, dateline or page header.
    pub fn publisher(&self, cue: &str) -> Option<&Entry> {
        let cue = cue.trim().replace('\u{2019}', "'").to_lowercase();
        self.publishers.get(&cue).and_then(|id| self.get(id))
    }

    pub fn is_surname(&self, word: &str) -> bool {
        self.surnames.contains(word)
    }
}

/// How the case of a name in the text must match the gazetteer's.
enum Case {
    Any,
    /// Acronyms, exactly.
    Exact(String),
    /// A paper's, magazine's or service's name keeps the capital of its
    /// first word after a leading "The": "the Economist" and "The Diplomat"
    /// are publications, "an economist" and "the diplomat" are people (but
    /// "the Xinhua news agency" is Xinhua News Agency); "Weibo" is Sina's
    /// service, "weibo" any microblog.
    Capitals(String),
}

impl Case {
    fn matches(&self, found: &str) -> bool {
        match self {
            Self::Any => true,
            Self::Exact(alias) => alias == found,
            Self::Capitals(alias) => {
                let at = if alias.starts_with("The ") { 4 } else { 0 };
                let capital = |name: &str| name[at..].chars().next().is_some_and(char::is_uppercase);
                !capital(alias) || capital(found)
            }
        }
    }
}

/// Short all-capital aliases (ANN, CNS, AP) must match in capitals: "ann" or
/// "ap" in running text are other words.
fn is_acronym(alias: &str) -> bool {
    alias.len() <= 5 && alias.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

/// Whether `start..end` in `text` is a whole word (or words).
pub fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
        && !after.is_some_and(|c| {
            c.is_alphanumeric() || c == '-' && text[end..].chars().nth(1).is_some_and(char::is_alphanumeric)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&'static str> {
        gazetteer().find(text).iter().map(|m| m.entry.name).collect()
    }

    #[test]
    fn aliases_lead_to_one_entity() {
        let long = gazetteer().find("the Ministry of Foreign Affairs");
        let short = gazetteer().find("the Foreign Ministry");
        assert_eq!(long[0].entry.id, short[0].entry.id);
    }

    #[test]
    fn a_publications_name_keeps_its_capital() {
        assert_eq!(names("wrote the Economist and The Diplomat"), vec!["The Economist", "The Diplomat"]);
        assert!(names("said the economist and the diplomat").is_empty());
        assert_eq!(names("the official Xinhua news agency"), vec!["Xinhua"]);
    }

    #[test]
    fn platforms_win_over_their_companies() {
        assert_eq!(names("on his Tencent micro-blog"), vec!["Tencent Weibo"]);
        assert_eq!(names("developed by Tencent"), vec!["Tencent"]);
    }

    #[test]
    fn acronyms_match_in_capitals_only() {
        assert!(names("Ann said").is_empty());
        assert!(!names("(ANN)").is_empty());
    }

    #[test]
    fn words_must_be_whole() {
        assert!(names("Sinai").is_empty());
    }
}
