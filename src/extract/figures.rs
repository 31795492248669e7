//! Figures: a number, its hedge, what it counts, about which platform or
//! body, and the date it holds for.
//!
//! A number is a figure when a counted noun follows it ("35 accounts",
//! "2.8 million followers", "100 percent"), when it continues a list begun by
//! such a figure ("and 14 by officials", "the Ministry of Health five"), or
//! when it completes "the number of <noun> ... reached N". Years, days of a
//! date, times, page numbers and ages are not figures.
//!
//! The platform and the date may be named in the figure's clause, elsewhere
//! in the sentence, or earlier in the paragraph; with no date at all the
//! figure holds at the publication date, marked as inferred.

use super::dates::{DateMention, find_dates};
use super::entities::Named;
use super::numbers::{NumberMention, find_numbers};
use super::people::People;
use super::phrases::Phrases;
use super::{EntityKind, Evidence, Extraction, Figure, Qualifier, Sentence};
use crate::date::PartialDate;
use crate::lexicon;
use regex::Regex;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

struct Cues {
    /// (phrase, qualifier), longest first.
    qualifiers: Vec<(&'static str, Qualifier)>,
    /// (noun phrase, measure), longest first.
    measures: Vec<(&'static str, &'static str)>,
    /// ("following of", measure): the noun before the number.
    measures_before: Vec<(&'static str, &'static str)>,
    /// (phrase, scope), longest first.
    anchors: Vec<(&'static str, Scope)>,
    blockers: Phrases,
    /// "must", "told": a "by" date after them is a deadline.
    obligation_words: Phrases,
    /// Verbs linking "the number of <noun>" to a value, longest first.
    linking_verbs: Vec<&'static str>,
    now_words: Phrases,
    /// " while ", ", and ": what opens a clause with a second count.
    contrast_connectives: Vec<String>,
    /// " had", " hosted": how that clause's subject has its count.
    holding_verbs: Vec<String>,
    /// "grew", "rose": a change in a count.
    change_verbs: Vec<&'static str>,
    /// "increase", "year-on-year": a percentage that is a change.
    change_nouns: Vec<&'static str>,
    /// "up from", "compared with": an earlier value of the same count.
    comparisons: Vec<&'static str>,
    agent_participles: Vec<&'static str>,
    platform_plurals: Phrases,
    platform_references: Phrases,
    fieldwork_verbs: Vec<&'static str>,
    /// Who answers a survey: "respondents", "percent" ("18.9 percent
    /// said").
    respondents: Vec<&'static str>,
    /// "making up": a share, not a rise ("up").
    share_phrases: Vec<&'static str>,
    /// "report", "survey": a document counting as of a date.
    source_documents: Phrases,
    /// "said", "noted": a speaker's words.
    speech_verbs: Phrases,
    /// "at the same time": when the count before held ...
    same_time_phrases: Phrases,
    /// ... unless "last year" or "of" follows.
    same_time_exclusions: Vec<&'static str>,
    /// "the" (the same report), "a" (another).
    citation_determiners: HashMap<&'static str, Citation>,
    /// "the most", "the largest number of": what names the count ranked
    /// first before its number.
    superlatives: Phrases,
    /// "claims", "is": a count told as it stands now.
    present_verbs: Phrases,
    /// "by", "in": what may follow a count with its noun left out.
    elided_noun_followers: Vec<&'static str>,
    /// "its", "the service": a company's own microblog.
    own_service_words: Phrases,
    service_kinds: Phrases,
    money_nouns: Phrases,
    money_units: Vec<&'static str>,
    /// "said", "released": when a figure was given.
    statement_verbs: Vec<&'static str>,
    /// "put", "estimated": "put the number of X at N".
    estimate_verbs: Vec<&'static str>,
    /// "viewed", "forwarded": "viewed 12,000 times".
    interaction_verbs: Phrases,
    /// "posted", "tweeted": "posted 11,400 times".
    posting_verbs: Phrases,
    /// "a day", "per week": "N times a day" is a rate.
    rate_periods: Vec<&'static str>,
    /// "and", "but only": what may open a clause before its figure.
    clause_links: Vec<&'static str>,
    /// "killing", "injuring": a toll, not a count of people.
    casualty_words: Vec<&'static str>,
    /// "died", "injured": after "N people had", a toll.
    toll_words: Vec<&'static str>,
    population_cues: Vec<&'static str>,
    dweller_nouns: Vec<&'static str>,
    group_cues: Vec<&'static str>,
    modals: Vec<&'static str>,
    /// "hours", "days": a number before one is a span of time.
    time_units: Vec<&'static str>,
}

/// How far a date reaches (see `lexicon/date_anchors.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scope {
    Anchor,
    Event,
    Start,
}

fn longest_first<T>(mut items: Vec<(&'static str, T)>) -> Vec<(&'static str, T)> {
    items.sort_by_key(|(phrase, _)| std::cmp::Reverse(phrase.len()));
    items
}

static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let qualifiers = lexicon::table("lexicon/qualifiers.tsv", 2)
        .rows
        .iter()
        .map(|r| (r[0], Qualifier::parse(r[1]).unwrap_or_else(|| panic!("qualifiers.tsv: unknown qualifier {}", r[1]))))
        .collect();
    let measures = lexicon::table("lexicon/measures.tsv", 2).rows.iter().map(|r| (r[0], r[1])).collect();
    let measures_before = lexicon::table("lexicon/measures_before.tsv", 2).rows.iter().map(|r| (r[0], r[1])).collect();
    let anchors = lexicon::table("lexicon/date_anchors.tsv", 2)
        .rows
        .iter()
        .map(|r| {
            let scope = match r[1] {
                "anchor" => Scope::Anchor,
                "start" => Scope::Start,
                _ => Scope::Event,
            };
            (r[0], scope)
        })
        .collect();
    Cues {
        qualifiers: longest_first(qualifiers),
        measures: longest_first(measures),
        measures_before,
        anchors: longest_first(anchors),
        blockers: Phrases::new(lexicon::words("lexicon/date_blockers.txt")),
        linking_verbs: {
            let mut verbs = lexicon::words("lexicon/figure_verbs.txt");
            verbs.sort_by_key(|v| std::cmp::Reverse(v.len()));
            verbs
        },
        now_words: Phrases::new(lexicon::words("lexicon/now_words.tsv")),
        obligation_words: Phrases::new(lexicon::words("lexicon/obligation_words.txt")),
        contrast_connectives: lexicon::words("lexicon/contrast_connectives.txt")
            .into_iter()
            .map(|w| format!(" {w} "))
            .collect(),
        holding_verbs: lexicon::words("lexicon/holding_verbs.txt").into_iter().map(|w| format!(" {w}")).collect(),
        change_verbs: lexicon::words("lexicon/change_verbs.txt"),
        change_nouns: lexicon::words("lexicon/change_nouns.txt"),
        comparisons: lexicon::words("lexicon/comparisons.txt"),
        agent_participles: lexicon::words("lexicon/agent_participles.txt"),
        platform_plurals: Phrases::new(lexicon::words("lexicon/platform_plurals.txt")),
        platform_references: Phrases::new(lexicon::words("lexicon/platform_references.txt")),
        fieldwork_verbs: lexicon::words("lexicon/fieldwork_verbs.txt"),
        respondents: lexicon::words("lexicon/respondents.txt"),
        share_phrases: lexicon::words("lexicon/share_phrases.txt"),
        source_documents: Phrases::new(lexicon::words("lexicon/source_documents.txt")),
        speech_verbs: Phrases::new(lexicon::words("lexicon/speech_verbs.txt")),
        same_time_phrases: Phrases::new(lexicon::words("lexicon/same_time_phrases.txt")),
        same_time_exclusions: lexicon::words("lexicon/same_time_exclusions.txt"),
        citation_determiners: lexicon::table("lexicon/citation_determiners.tsv", 2)
            .rows
            .iter()
            .map(|row| (row[0], if row[1] == "same" { Citation::Same } else { Citation::New }))
            .collect(),
        superlatives: Phrases::new(lexicon::words("lexicon/superlatives.txt")),
        present_verbs: Phrases::new(lexicon::words("lexicon/present_verbs.txt")),
        elided_noun_followers: lexicon::words("lexicon/elided_noun_followers.txt"),
        own_service_words: Phrases::new(lexicon::words("lexicon/own_service_words.txt")),
        service_kinds: Phrases::new(lexicon::words("lexicon/service_kinds.txt")),
        money_nouns: Phrases::new(lexicon::words("lexicon/money_nouns.txt")),
        money_units: lexicon::words("lexicon/money_units.txt"),
        statement_verbs: lexicon::words("lexicon/statement_verbs.txt"),
        estimate_verbs: lexicon::words("lexicon/estimate_verbs.txt"),
        interaction_verbs: Phrases::new(lexicon::words("lexicon/interaction_verbs.txt")),
        posting_verbs: Phrases::new(lexicon::words("lexicon/posting_verbs.txt")),
        rate_periods: lexicon::words("lexicon/rate_periods.txt"),
        clause_links: lexicon::words("lexicon/clause_links.txt"),
        casualty_words: lexicon::words("lexicon/casualty_words.txt"),
        toll_words: lexicon::words("lexicon/toll_words.txt"),
        population_cues: lexicon::words("lexicon/population_cues.txt"),
        dweller_nouns: lexicon::words("lexicon/dweller_nouns.txt"),
        group_cues: lexicon::words("lexicon/group_cues.txt"),
        modals: lexicon::words("lexicon/modal_verbs.txt"),
        time_units: lexicon::words("lexicon/time_units.txt"),
    }
});

/// Words that may stand between a number and its noun ("44 official micro
/// blogs") are any but these.
const NOT_MODIFIERS: &[&str] = &[
    "of", "the", "and", "or", "by", "in", "on", "at", "to", "for", "with", "from", "that", "which", "who", "a", "an",
    "is", "are", "was", "were", "have", "has", "had", "be", "been", "will", "would", "this", "these", "those", "their",
    "its", "his", "her", "than", "as", "per", "each", "every", "day", "year", "years", "times",
];

/// Dollar, yuan (and yen), euro and pound: a number beside one is money.
const CURRENCY_SIGNS: [char; 4] = ['$', '\u{a5}', '\u{20ac}', '\u{a3}'];

/// "a year earlier", "two years ago".
static YEARS_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?P<count>[a-z]+|\d+)\s+(?P<unit>year|month)s?\s+(?:earlier|before|ago|previously)\b")
        .expect("years-before pattern compiles")
});

/// What is counted on some platform: accounts, their followers and posts.
/// (Not users: "564 million internet users" are a country's.)
const ON_A_PLATFORM: &[&str] =
    &["GovernmentAccounts", "AgencyAccounts", "OfficialAccounts", "Accounts", "Followers", "Posts", "Interactions"];

/// Verbs that say when an account was opened.
const OPENING_VERBS: &[&str] = &["registered", "opened", "launched", "set", "started", "created", "joined"];

/// Whether a date says when something was opened: "opened in May 2011",
/// "opened an account on Tencent Weibo in March" (a verb of
/// [`OPENING_VERBS`] among the seven words before it, back to a number at
/// most: "registered users grew from 140 million at the end of 2010" dates
/// the number).
fn is_opening_date(lower: &str, date: &DateMention) -> bool {
    let words: Vec<&str> = lower[..date.span.start]
        .trim_end()
        .rsplit(' ')
        .take(7)
        .take_while(|w| !w.contains(|c: char| c.is_ascii_digit()) && !super::numbers::is_number_word(w))
        .collect();
    // (Not a verb naming what is counted with the word after it: "45
    // million registered users in April".)
    let names_measure =
        |at: usize| at > 0 && CUES.measures.iter().any(|(noun, _)| *noun == format!("{} {}", words[at], words[at - 1]));
    (0..words.len()).any(|at| OPENING_VERBS.contains(&words[at]) && !names_measure(at))
}

/// What the article has said so far that later sentences lean on.
pub struct Discourse {
    published: Option<PartialDate>,
    /// In an article with no publication date, the year of the last date
    /// stated with its month and year ("by the end of November 2013"): the
    /// story's own time, which "on August 26" or "at the end of the year"
    /// later in it fall in, as a reader takes them.
    story_year: Option<i32>,
    /// The last platform named: entity, paragraph, sentence.
    platform: Option<(usize, usize, usize)>,
    /// The last anchoring date ("as of ..."): date, phrase, paragraph.
    anchor: Option<(PartialDate, String, usize)>,
    /// The report or survey cited with the last anchoring date.
    report: Option<Report>,
    /// The paragraph that last cited a report with no date for its counts
    /// ("according to a report released on Saturday"), which the next
    /// anchored count may give.
    cited: Option<usize>,
    /// The account named last, for "it" in "since it was registered".
    account: Option<usize>,
    /// What the last sentence with figures counted (as its noun says it,
    /// and as refined), and its date, for "Of these, ..." or "... hosted
    /// 41,020 of them" in the next.
    last_measure: Option<(&'static str, &'static str)>,
    last_date: Option<(PartialDate, String)>,
    /// Every platform the article has named so far, in order.
    platforms_named: Vec<usize>,
    /// Figures counting on some platform without naming one (indices in
    /// the extraction's figures), with the company their sentence is about;
    /// see [`Discourse::finish`].
    platformless: Vec<(usize, Option<String>)>,
}

/// How a sentence cites a report, a survey or statistics.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Citation {
    /// The one cited before: "the report said", "the same survey".
    Same,
    /// Another: "a survey of 1,600 officials", "according to statistics".
    New,
}

/// How the sentence `lower` cites a document counting as of a date, by the
/// word that determines its first mention, in its clause
/// (`lexicon/citation_determiners.tsv`); not a possessive's ("this year's
/// survey" is another).
fn citation(lower: &str) -> Option<Citation> {
    let at = CUES.source_documents.spans_in(lower).map(|span| span.start).min()?;
    let clause = &lower[lower[..at].rfind([',', ';', ':']).map_or(0, |i| i + 1)..at];
    let words: Vec<&str> = clause.split_whitespace().rev().take(6).collect();
    let determiner = words.iter().enumerate().find_map(|(nth, word)| {
        let possessive = nth > 0 && words[nth - 1].ends_with("'s");
        CUES.citation_determiners.get(word).copied().filter(|_| !possessive)
    });
    Some(determiner.unwrap_or(Citation::New))
}

/// Whether a clause says "has" or "have" other than in "has been": a count
/// as it stands ("has more than 300 million users") or a change up to now
/// ("has grown by 70.4 percent").
fn has_perfect(clause: &str) -> bool {
    clause.split_whitespace().any(|word| matches!(word, "has" | "have"))
        && !clause.contains(" has been ")
        && !clause.contains(" have been ")
}

/// The first word of the sentence citing a report, survey or statistics
/// (the shortest of those found there: "survey" in "surveys").
fn cited_noun(lower: &str) -> Option<&str> {
    let span = CUES.source_documents.spans_in(lower).min_by_key(|span| (span.start, span.len()))?;
    Some(&lower[span])
}

/// Whether a date is when a survey or study was done: "conducted in
/// August", "carried out by Sun Yat-sen University in July".
fn conducted(lower: &str, date: &DateMention) -> bool {
    let before = lower[..date.span.start].trim_end();
    let before = [" in", " on", " between"].iter().find_map(|w| before.strip_suffix(w)).unwrap_or(before);
    let agent = before.rfind(" by ").filter(|&at| {
        let agent = &before[at..];
        !agent.contains([',', ';']) && agent.split_whitespace().count() <= 8
    });
    let verb_end = agent.map_or(before, |at| &before[..at]);
    CUES.fieldwork_verbs.iter().any(|verb| super::words::ends_with_word(verb_end, verb))
}

/// Whether someone speaks in the sentence: a speech verb, except one whose
/// subject is a survey's share or respondents ("another 18.9 percent said",
/// "most respondents said"), which goes on giving a survey's findings.
fn speaks(lower: &str) -> bool {
    CUES.speech_verbs.spans_in(lower).any(|verb| {
        let before = lower[..verb.start].trim_end();
        !(before.ends_with('%') || CUES.respondents.iter().any(|subject| super::words::ends_with_word(before, subject)))
    })
}

/// A report, survey or statistics cited with the date its counts hold at
/// ("according to a report released in April, there were 176,714
/// government accounts by the end of 2012").
struct Report {
    date: PartialDate,
    phrase: String,
    /// The platform it counted on, when one.
    platform: Option<usize>,
    /// The last paragraph that went on giving its counts.
    paragraph: usize,
    /// For a survey dated by when it was done ("conducted in December"),
    /// the word citing it ("survey", "poll"): only that word cites it again,
    /// not "the report" it may be part of; and its respondents may speak
    /// ("another 18.9 percent said").
    survey: Option<String>,
}

/// The dates a figure may hold at when its clause states none.
#[derive(Clone, Copy)]
struct Around<'a> {
    /// The sentence's anchoring date, or the one it goes on from.
    anchor: Option<&'a (PartialDate, String)>,
    /// That of the figure before it in the sentence, told in parallel.
    stated_before: Option<&'a (PartialDate, String)>,
    /// That of the report whose counts the sentence goes on giving.
    report: Option<&'a (PartialDate, String)>,
}

/// A figure being read, before it is recorded.
struct Candidate {
    number: NumberMention,
    qualifier: Qualifier,
    /// What is counted, as the noun says it ...
    base_measure: &'static str,
    /// ... and as refined by the words around it.
    measure: &'static str,
    /// End of the counted noun (or of the number), local.
    end: usize,
    start: usize,
    rule: &'static str,
    /// Whether it is a share of what the sentence before counted.
    refers_back: bool,
}

impl Discourse {
    pub fn new(published: Option<PartialDate>) -> Self {
        Self {
            published,
            story_year: None,
            platform: None,
            anchor: None,
            report: None,
            cited: None,
            account: None,
            last_measure: None,
            last_date: None,
            platforms_named: Vec::new(),
            platformless: Vec::new(),
        }
    }

    /// Reads the figures of a sentence.
    pub fn read(&mut self, sentence: &Sentence<'_>, named: &Named, people: &People, extraction: &mut Extraction) {
        let text = sentence.text;
        // ASCII lower case keeps byte offsets.
        let lower = text.to_ascii_lowercase();
        let mut dates = find_dates(text, self.published.or(self.story_year.map(PartialDate::year)));
        if self.published.is_none() {
            // "last year" counts back from the day of publication, which the
            // story's year need not be.
            for date in dates.iter_mut().filter(|d| d.year_from_reference) {
                date.date = None;
            }
            if let Some(stated) =
                dates.iter().rev().find_map(|d| d.date.filter(|date| !d.relative && date.month.is_some()))
            {
                self.story_year = Some(stated.year);
            }
        }
        let clauses = clauses(text);
        let passages = super::quotes::passages(text);
        let mut candidates: Vec<Candidate> = Vec::new();
        let numbers = find_numbers(text);
        let number_spans: Vec<Range<usize>> = numbers.iter().map(|n| n.span.clone()).collect();
        for (index, number) in numbers.iter().enumerate() {
            let number = number.clone();
            // "two in five officials", "one out of 10 users": a ratio.
            let ratio = index
                .checked_sub(1)
                .is_some_and(|i| matches!(text[numbers[i].span.end..number.span.start].trim(), "in" | "out of"));
            // The low end of a range is read with its high end, below.
            let low_end = range_start(&lower, &numbers, index).is_some();
            // ("on its two microblog accounts": a few of its own, told in
            // passing.)
            let owned_few = number.value < 10.0
                && matches!(
                    lower[..number.span.start].split_whitespace().next_back(),
                    Some("its" | "their" | "his" | "her")
                );
            if ratio || low_end || owned_few || !self.is_count(text, &number, &dates, named) {
                continue;
            }
            // "between 30,000 and 40,000 accounts": at least the one, at
            // most the other, both stated by the whole phrase.
            let range = index.checked_sub(1).and_then(|low| {
                let start = range_start(&lower, &numbers, low)?;
                self.is_count(text, &numbers[low], &dates, named).then_some((low, start))
            });
            let qualifier_span = match range {
                Some((_, start)) => Some((Qualifier::LessThan, start)),
                None => qualifier_before(&lower, number.span.start),
            };
            let mut qualifier = qualifier_span.as_ref().map_or(
                if number.plus {
                    Qualifier::MoreThan
                } else if number.odd {
                    Qualifier::About
                } else {
                    Qualifier::Exact
                },
                |(q, _)| *q,
            );
            let start = qualifier_span.as_ref().map_or(number.span.start, |(_, s)| *s);
            let clause = clause_of(&clauses, number.span.start);
            let bound = matches!(qualifier, Qualifier::MoreThan | Qualifier::LessThan);
            // (Any one: only a clause opening the sentence, not "NAME, a
            // venture capitalist with some 12 million followers".)
            let opening_clause = lower[..clause.start].trim_matches(|c: char| c.is_whitespace() || c == '"').is_empty();
            if bound && is_threshold(&lower[clause.start..start])
                || opening_clause && is_any_one(&lower[clause.start..start])
            {
                continue;
            }
            // "Of these, 113,382 were run by agencies", "Netease hosted
            // 41,020 of them": a list may continue the last figure of the
            // sentence before.
            let after = &lower[number.span.end..];
            // (A share, "30 percent of the accounts we examined", refers back
            // only to the count itself, not to one described anew.)
            let described = !number.percent;
            let continued = if candidates.is_empty() && (opens_with_reference(&lower) || refers_back(after, described))
            {
                // "of the accounts" names what it refers to.
                let same = |noun: &str, base: &str| noun == base || noun == "Accounts" && base.ends_with("Accounts");
                // (Or the sentence's opening: "Of the government accounts,
                // approximately 2,180 belonged to city governments".)
                let opening = || referred(lower.trim_start(), described).filter(|_| opens_with_reference(&lower));
                match (self.last_measure, referred(after, described).or_else(opening).map(|(noun, _)| noun)) {
                    (Some((base, _)), Some(noun)) if !same(noun, base) => Some((noun, noun)),
                    // ("41,020 of the government accounts" after a count of
                    // officials' accounts: all of them, as the noun says.)
                    (Some((base, _)), Some(noun)) if noun != "Accounts" => Some((base, noun)),
                    (None, Some(noun)) => Some((noun, noun)),
                    (last, _) => last,
                }
            } else {
                None
            };
            let previous_measure =
                candidates.iter().rev().find(|c| !c.number.percent).map(|c| c.base_measure).or(continued.map(|m| m.0));
            let previous = candidates.last();
            let linked = || {
                linked_measure(&lower[..number.span.start], clause.start)
                    .or_else(|| linked_measure(&lower[..start], clause.start))
            };
            // A verb tying the number to a noun of its own clause ("accounts
            // of agencies made up 201,300 of the total") says more than the
            // sentence before.
            let linked_first = continued.and_then(|_| linked());
            let (measure, end, rule) = if number.percent {
                let lead = lower[clause.start..start].trim_end();
                // ("Sina shares rose 2.3 percent", "79 percent of sales",
                // "an 18 percent stake", "rose 2.3 percent to $55.15")
                let tail = &after[..after.match_indices(' ').nth(3).map_or(after.len(), |(at, _)| at)];
                let money_after = CUES.money_nouns.any_in(tail) || tail.contains(CURRENCY_SIGNS);
                // (Also "Tencent shares closed at HK$532, down 1.8 percent":
                // a clause of a change word alone goes on from the one
                // before.)
                let elliptic = lead.split_whitespace().count() <= 1;
                let money_before = CUES.money_nouns.any_in(lead)
                    || elliptic && {
                        let before = &lower[..clause.start];
                        CUES.money_nouns.any_in(before) || before.contains(CURRENCY_SIGNS)
                    };
                if money_before || money_after {
                    continue;
                }
                // "up 46 percent", "grew by 25%", "an increase of 30 percent",
                // "a drop of nine percent", "growing only 3.2%".
                let by = is_change_by(lead);
                let lead = [" only", " just"].iter().find_map(|adverb| lead.strip_suffix(adverb)).unwrap_or(lead);
                // "a 776 percent increase year-on-year"
                let named_change = CUES.change_nouns.iter().any(|w| after.trim_start().starts_with(w));
                // (Not "making up 23.4 per cent of ...", a share.)
                let share = CUES.share_phrases.iter().any(|phrase| super::words::ends_with_word(lead, phrase));
                let growth = by
                    || named_change
                    || lower[clause.clone()].contains("growth")
                    || !share && CUES.change_verbs.iter().any(|w| lead.ends_with(&format!(" {w}")) || lead == *w);
                (if growth { "GrowthRate" } else { "Percentage" }, number.span.end, "figure.percent")
            } else if is_change_by(&lower[clause.start..start]) {
                // "fell by 27.83 million last year to 281 million", "rose by
                // 12,000 accounts": the change, not the count it changed.
                let end = measure_after(&lower, number.span.end).map_or(number.span.end, |(_, end)| end);
                ("Change", end, "figure.change-by")
            } else if let Some((measure, end)) = measure_after(&lower, number.span.end) {
                (measure, end, "figure.count-noun")
            } else if let Some(measure) = CUES
                .measures_before
                .iter()
                .find(|(phrase, _)| super::words::ends_with_word(lower[..start].trim_end(), phrase))
                .map(|(_, measure)| *measure)
            {
                // "a combined following of 1.4 million"
                (measure, number.span.end, "figure.noun-before")
            } else if let Some(end) = times_done(&lower[clause.start..start], after, &CUES.interaction_verbs) {
                ("Interactions", number.span.end + end, "figure.times")
            } else if let Some(end) = times_done(&lower[clause.start..start], after, &CUES.posting_verbs) {
                // "The bureau posted 11,400 times last year"
                ("Posts", number.span.end + end, "figure.times-posted")
            } else if let Some(next) = numbers.get(index + 1)
                && is_part_of(&lower[number.span.end..next.span.start])
                && let Some((measure, _)) = measure_after(&lower, next.span.end)
            {
                // "21 of China's 31 provinces": a part of the total after it.
                (measure, number.span.end, "figure.part-of-total")
            } else if let (_, last) = joined_run(&lower, &number_spans, index)
                && last > index
                && let Some((measure, _)) = measure_after(&lower, number_spans[last].end)
            {
                // "about 6,000 and 4,500 accounts respectively", "with 6,283,
                // 5,417 and 4,960 government accounts respectively": the noun
                // of the last number of the list.
                (measure, number.span.end, "figure.shared-noun")
            } else if let Some(whole) = previous.filter(|p| opens_with_whole(&lower, p.start, start)) {
                // "Of the 20 provincial governments surveyed, 17 now push
                // a daily digest": a part of the whole the sentence opened
                // with.
                (whole.base_measure, number.span.end, "figure.part-of-total")
            } else if let Some(Linked { measure, described, following }) = linked_first {
                (refine_measure(measure, described, following), number.span.end, "figure.linked-noun")
            } else if let Some(measure) =
                previous.filter(|p| p.measure == "GrowthRate" && compared_before(&lower[..start])).and_then(|_| {
                    let opening = measure_after(&lower, clause.start).filter(|(_, end)| *end < start);
                    opening.map(|(measure, _)| measure).or(self.last_measure.map(|(_, measure)| measure))
                })
            {
                // "The figure was up 18.8 percent from 50,561 at the end of
                // 2011", "Users climbed 8 percent from about 300 million":
                // the value the count changed from.
                (measure, number.span.end, "figure.changed-from")
            } else if let Some(Linked { measure, described, following }) = linked().filter(|_| {
                // ("..., and its followers rose from fewer than 5,000": a
                // clause of its own whose noun changed, not the figure's
                // before it.)
                previous.is_some_and(|p| p.number.span.end < clause.start)
                    && lower[clause.clone()]
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|word| CUES.change_verbs.contains(&word))
            }) {
                (refine_measure(measure, described, following), number.span.end, "figure.linked-noun")
            } else if let Some(measure) = previous_measure.filter(|_| continues_list(&lower, start, &number, named)) {
                (measure, number.span.end, "figure.list-continuation")
            } else if let Some(Linked { measure, described, following }) = linked() {
                (refine_measure(measure, described, following), number.span.end, "figure.linked-noun")
            } else if let Some(Linked { measure, described, following }) = superlative_measure(&lower[..start]) {
                (refine_measure(measure, described, following), number.span.end, "figure.superlative-noun")
            } else if let Some(rule) = restates_count(&lower[..start])
                && let Some(measure) = previous_measure.or(self.last_measure.map(|(_, measure)| measure))
            {
                (measure, number.span.end, rule)
            } else if holds_elided(&lower[..start], after)
                && let Some(measure) = previous_measure.or(self.last_measure.map(|(_, measure)| measure))
            {
                (measure, number.span.end, "figure.elided-noun")
            } else {
                continue;
            };
            if measure == "People"
                && (is_toll_or_population(&lower[..start])
                    || is_toll_after(&lower[end..])
                    || is_people_of_a_place(&lower[..end], &text[end..]))
            {
                continue;
            }
            // ("a team of about 40 employees", "a survey of 812 residents":
            // `lexicon/group_cues.txt`; read, since "71 of them" may count
            // its members, but dropped at the end.)
            let lead = lower[..start].trim_end();
            let rule = if CUES.group_cues.iter().any(|cue| super::words::ends_with_word(lead, cue)) {
                GROUP_SIZE
            } else {
                rule
            };
            // "over 10,000 authorities and 9,000 officials": the hedge
            // reaches over a short coordination, or over one that repeats
            // its shape ("about 2.1 million followers on Sina Weibo and 1.6
            // million on Tencent Weibo").
            let coordination = previous.map_or("", |p| &lower[p.number.span.end..number.span.start]);
            let words = coordination.split_whitespace().count();
            let parallel = coordination.contains(" on ") && after.trim_start().starts_with("on ");
            if qualifier_span.is_none()
                && let Some(previous) = previous
                && previous.qualifier != Qualifier::Exact
                && coordination.contains(" and ")
                && (words <= 3 || words <= 6 && parallel)
            {
                qualifier = previous.qualifier;
            }
            let base_measure = measure;
            let measure = match rule {
                "figure.count-noun" => refine_measure(measure, &lower[number.span.end..end], &lower[end..]),
                "figure.list-continuation" => {
                    let refined = refine_measure(measure, "", referred(after, true).map_or(after, |(_, rest)| rest));
                    // Nothing more precise after the number ("..., whereas
                    // Tencent Weibo had 51,500."): the same count as the
                    // figure it continues, as that figure's words refined it.
                    let same = candidates
                        .iter()
                        .rev()
                        .find(|c| !c.number.percent && c.base_measure == measure)
                        .map(|c| c.measure)
                        .or(continued.map(|m| m.1));
                    match same {
                        Some(previous) if refined == measure => previous,
                        _ => refined,
                    }
                }
                _ => measure,
            };
            let refers_back = continued.is_some();
            if let Some((low, _)) = range {
                // ("between 10 and 15 percent": both are percentages.)
                let number = NumberMention { percent: number.percent, ..numbers[low].clone() };
                let qualifier = Qualifier::MoreThan;
                candidates.push(Candidate { number, qualifier, base_measure, measure, end, start, rule, refers_back });
            }
            candidates.push(Candidate { number, qualifier, base_measure, measure, end, start, rule, refers_back });
        }

        // A value compared with, and its date: "..., up from 18,000 at the
        // end of 2011".
        // (Also the date right after such a value: "up 18.8 percent from
        // 50,561 at the end of 2011".)
        let comparing = |at: usize| {
            let clause = clause_of(&clauses, at);
            let opening = lower[clause.clone()].trim_start();
            // (Of any number, counted or not: "The figure was up from about
            // 2,000 at the end of September".)
            // (And the date a count changed from: "jumped from 63.1 million at
            // the end of 2010 to 195 million by June".)
            let dates_compared = numbers.iter().rev().find(|n| n.span.end <= at).is_some_and(|n| {
                let start = qualifier_before(&lower, n.span.start).map_or(n.span.start, |(_, start)| start);
                // (To a number in the clause: not "from 1,200 at the end of
                // 2010, according to the report".)
                let changed_from = lower[..start].trim_end().ends_with(" from")
                    && lower[at..clause.end].find(" to ").is_some_and(|to| {
                        let to = at + to + 4;
                        numbers.iter().any(|later| {
                            (to..clause.end).contains(&later.span.start)
                                && lower[to..later.span.start].split_whitespace().count() <= 2
                        })
                    });
                clause.contains(&start)
                    && (compared_before(&lower[..start]) || changed_from)
                    && lower[n.span.end..at].split_whitespace().count() <= 3
            });
            opening.starts_with("from ")
                || CUES.comparisons.iter().any(|w| opening.starts_with(w))
                || compared_before(&lower[..at])
                || dates_compared
        };
        // (A date in a quote holds for the sentence only when all its
        // figures are quoted there too: not "'In 2010 most counties had
        // none,' Hu said, adding that about 42 percent ...".)
        let figures_outside =
            |d: &&DateMention| candidates.iter().all(|c| !apart(&passages, d.span.start, c.number.span.start));
        let anchor_in_sentence = dates
            .iter()
            .filter(figures_outside)
            .filter(|d| self.scope(&lower, d) == Some(Scope::Anchor) && !comparing(d.span.start))
            .find_map(|d| d.date.map(|date| (date, text[d.span.clone()].to_string())));
        // "In 2011, the number ... was 800": a date opening the sentence, in
        // a clause of its own, holds for the whole sentence.
        // (A survey's sample there is no figure: "In a survey of 3,200 users
        // in January, 47.3 percent said ...".)
        let opening = clauses
            .first()
            .filter(|first| !candidates.iter().any(|c| c.rule != GROUP_SIZE && first.contains(&c.number.span.start)));
        let fronted = opening.and_then(|first| {
            dates
                .iter()
                .filter(figures_outside)
                // (Not when something was opened: "The ministry opened an
                // account in March, which has about 800,000 followers".)
                .filter(|d| {
                    first.contains(&d.span.start) && self.scope(&lower, d).is_some() && !is_opening_date(&lower, d)
                })
                .find_map(|d| d.date.map(|date| (date, text[d.span.clone()].to_string())))
        });
        let continues =
            opens_with_reference(&lower) || candidates.iter().any(|c| c.refers_back) || at_same_time(&lower);
        // A report's counts go on into the next paragraph, and on from there
        // while each goes on giving counts, or anywhere that cites it again;
        // not into a person's words ("Xu estimated that ...").
        let citation = citation(&lower);
        let speaking = |report: &Report| {
            let speech = if report.survey.is_some() { speaks(&lower) } else { CUES.speech_verbs.any_in(&lower) };
            speech || !people.in_sentence().is_empty()
        };
        // (Nor into a sentence that speaks of now: "reached 2 to date, with 9
        // run by ministries".)
        let report = self.report.as_ref().filter(|report| match citation {
            Some(Citation::Same) => report.survey.as_ref().is_none_or(|noun| cited_noun(&lower) == Some(noun.as_str())),
            Some(Citation::New) => false,
            None => sentence.paragraph <= report.paragraph + 1 && !speaking(report) && !CUES.now_words.any_in(&lower),
        });
        let report_date = report.map(|report| (report.date, report.phrase.clone()));
        let report_platform = report.and_then(|report| report.platform);
        let reaches_report = report.is_some();
        let sentence_date =
            anchor_in_sentence.clone().or(fronted).or_else(|| self.last_date.clone().filter(|_| continues));
        let starts: Vec<usize> = candidates.iter().map(|c| c.number.span.start).collect();
        let spans: Vec<Range<usize>> = candidates.iter().map(|c| c.number.span.clone()).collect();
        // A sentence about a company that runs a microblog ("Sina said it
        // has ...") is not about another company's platform named before
        // it; the next sentences ("The service ...") are about its microblog
        // (or about the platform of its that was named before: "China loves
        // WeChat. Data released by Tencent ...").
        // (Not a company running a platform named before it: "WeChat,
        // launched by Tencent, said it had ...".)
        let runs_named_before = |company: &super::entities::Found| {
            let key = &extraction.entities[company.entity].key;
            named.platforms().any(|p| {
                p.span.end <= company.span.start && extraction.entities[p.entity].related.as_ref() == Some(key)
            })
        };
        let all_companies: Vec<(&super::entities::Found, super::Entity)> = named
            .organizations()
            .filter(|f| !runs_named_before(f))
            .filter_map(|f| Some((f, super::entities::microblog_of(&extraction.entities[f.entity])?)))
            .collect();
        let companies: &[(&super::entities::Found, super::Entity)] =
            if named.platforms().next().is_none() { &all_companies } else { &[] };
        let company_microblog = companies.last().map(|(_, microblog)| microblog.clone());
        let company = companies.last().map(|(f, _)| extraction.entities[f.entity].key.clone());
        // "Sina says its service ... has more than 195 million users", "...,
        // while Tencent claims 310 million for its own": what a company
        // calls its own is its microblog (`lexicon/own_service_words.txt`).
        // (Also after a platform named before the company: "Sina says its
        // weibo has 250 million users, while Tencent claims over 310 million
        // for its rival service"; but not past a platform named after it.)
        let its_microblog = |at: usize| {
            let (company, microblog) = all_companies.iter().rev().find(|(f, _)| f.span.end <= at)?;
            let reach = clause_of(&clauses, at).end.max(at);
            let platform_after = named.platforms().any(|p| company.span.end <= p.span.start && p.span.start < reach);
            (!platform_after && CUES.own_service_words.any_in(&lower[company.span.end..reach]))
                .then(|| microblog.clone())
        };
        let runs = |platform: usize, extraction: &Extraction| runs(company.as_deref(), platform, extraction);
        // ("on the four biggest microblog services": on none of them.)
        let several_platforms = CUES.platform_plurals.any_in(&lower);
        let mut stated_before: Option<(PartialDate, String)> = None;
        for (index, candidate) in candidates.iter().enumerate() {
            let clause = clause_of(&clauses, candidate.number.span.start);
            // The words between this figure and its neighbours: "rose from
            // 600 at the end of 2010 to 20,000 in November" dates each
            // number by the date beside it.
            let between = index.checked_sub(1).map_or(clause.start, |i| candidates[i].number.span.end).max(clause.start)
                ..candidates.get(index + 1).map_or(clause.end, |next| next.start).min(clause.end);
            let at = candidate.number.span.start;
            let subject = subject_for(text, named, people, &clauses, &clause, candidate);
            let platform = respective_platform(&lower, named, &spans, at)
                .or_else(|| {
                    let microblog = its_microblog(at).filter(|_| named.platforms().next().is_some())?;
                    Some(extraction.entity(microblog))
                })
                .or_else(|| self.platform_for(&lower, named, &clauses, &passages, at, &starts))
                .or_else(|| subject.and_then(|s| extraction.entities[s].platform))
                .or_else(|| {
                    // A company counting accounts counts them on its microblog.
                    let microblog = super::entities::microblog_of(&extraction.entities[subject?])?;
                    Some(extraction.entity(microblog))
                })
                .or_else(|| its_microblog(at).map(|microblog| extraction.entity(microblog)))
                .or_else(|| {
                    let carried =
                        self.carried_platform(sentence, &lower, named, &clauses, at).filter(|_| !several_platforms)?;
                    runs(carried, extraction).then_some(carried)
                })
                // ("... now has about 2.1 million followers on the site": the
                // platform named last, however far back.)
                .or_else(|| {
                    let referred =
                        named.platforms().next().is_none() && CUES.platform_references.any_in(&lower[clause.clone()]);
                    self.platform.filter(|_| referred).map(|(platform, _, _)| platform)
                })
                // (A report's breakdown of accounts it counted on one
                // platform, or a share of them: "By region, Guangdong led
                // with 5,310 government accounts", "Police accounts numbered
                // 4,012, the report said", "made up 46.8 percent of agency
                // microblogs".)
                .or_else(|| {
                    let tail = &lower[candidate.number.span.end..clause.end];
                    let share_of_accounts = candidate.measure == "Percentage"
                        && CUES
                            .measures
                            .iter()
                            .any(|(noun, measure)| measure.ends_with("Accounts") && super::words::has_word(tail, noun));
                    let accounts = candidate.measure.ends_with("Accounts") || share_of_accounts;
                    report_platform.filter(|_| accounts && !several_platforms && named.platforms().next().is_none())
                })
                // (The followers or posts of an account, "His account now has
                // about 86,000 followers": on the platform named last.)
                .or_else(|| {
                    let of_account = matches!(candidate.measure, "Followers" | "Posts")
                        && (lower[clause.clone()].contains("account")
                            || subject.is_some_and(|s| extraction.entities[s].kind == EntityKind::Account));
                    self.platform.filter(|_| of_account && !several_platforms).map(|(platform, _, _)| platform)
                });
            // (Not a count over a kind of service, "nearly 80,000 microblog
            // accounts", nor over several.)
            if platform.is_none()
                && ON_A_PLATFORM.contains(&candidate.measure)
                && !several_platforms
                && !CUES.service_kinds.any_in(&lower[clause.clone()])
            {
                self.platformless.push((extraction.figures.len(), company.clone()));
            }
            // (A verb in "-ing" in lower case: not "Beijing", nor "according to".)
            let opening = text[clause.clone()].split_whitespace().next().unwrap_or_default();
            let participle =
                opening.ends_with("ing") && opening.starts_with(char::is_lowercase) && opening != "according";
            let led_by =
                participle.then(|| clause_of(&clauses, clause.start.saturating_sub(2))).filter(|c| c != &clause);
            let place = Place {
                number: candidate.number.span.clone(),
                between,
                clause: clause.clone(),
                led_by,
                change: matches!(candidate.measure, "GrowthRate" | "Change"),
                held: matches!(candidate.measure, "Followers" | "Posts" | "Users" | "Interactions"),
                share: candidate.measure == "Percentage",
            };
            let said_here: Vec<DateMention> =
                dates.iter().filter(|d| !apart(&passages, d.span.start, at)).cloned().collect();
            // (Only to a figure opening a clause of its own, as the one
            // before did: "..., but only 17 percent said ...", "..., up 124
            // percent", not "..., and the company plans to hire 50 more";
            // also a change told apart: "..., a drop of nine percent".)
            let lead = &lower[clause.start..candidate.start];
            let parallel = lead.split_whitespace().all(|word| CUES.clause_links.contains(&word))
                || place.change && is_change_by(lead);
            let carried = stated_before.as_ref().filter(|_| parallel);
            // (Not to a count on another platform than the report's, unless
            // the sentence cites it.)
            let report = report_date.as_ref().filter(|_| {
                citation == Some(Citation::Same)
                    || platform.is_none()
                    || report_platform.is_none_or(|p| Some(p) == platform)
            });
            let around = Around { anchor: sentence_date.as_ref(), stated_before: carried, report };
            let (date, inferred, date_text) = self.date_for(sentence, &lower, &said_here, &place, around);
            // (What a figure of the sentence was stated for carries on to
            // the next; not an earlier value compared with, nor the time of
            // publication, "now", which the next reaches anyway.)
            if let (Some(date), false, Some(phrase)) = (date, inferred, &date_text)
                && !comparing(at)
                && Some(date) != self.published
            {
                stated_before = Some((date, phrase.clone()));
            }
            extraction.figures.push(Figure {
                value: candidate.number.value,
                percent: candidate.number.percent,
                qualifier: candidate.qualifier,
                measure: candidate.measure,
                platform,
                subject,
                date,
                date_inferred: inferred,
                date_text,
                evidence: vec![sentence.evidence(candidate.start..candidate.end, candidate.rule)],
            });
        }

        // (Not a date after publication, a deadline or a plan: "told every
        // bureau to open an account by the end of 2013".)
        let published = self.published;
        let past = |(date, _): &(PartialDate, String)| !published.is_some_and(|p| date.begins_after(&p));
        self.read_opening(&lower, &dates, named, extraction);
        // "A report tallied government accounts as of the end of 2013. Sina
        // Weibo hosted 100,151 of them": a count named with its date but no
        // number is what "of them" refers to next.
        if candidates.is_empty()
            && let Some(anchor) = anchor_in_sentence.clone().filter(past)
            && let Some(named_count) = named_count(text)
        {
            self.last_measure = Some(named_count);
            self.last_date = Some(anchor);
        }
        // What "Of these" or "of the accounts" refers to next: the last
        // count, as of its date. (Not a value compared with, nor a past value
        // of the same count: "The number stood at 412 in 2011".)
        let first = extraction.figures.len() - candidates.len();
        let last = candidates
            .iter()
            .enumerate()
            .rev()
            .find(|(_, c)| !c.number.percent && c.rule != "figure.restated" && !comparing(c.number.span.start));
        if let Some((index, last)) = last {
            let figure = &extraction.figures[first + index];
            self.last_measure = Some((last.base_measure, last.measure));
            self.last_date = match (figure.date, &figure.date_text) {
                (Some(date), Some(text)) if !figure.date_inferred => Some((date, text.clone())),
                _ => sentence_date.clone(),
            };
        }
        let mut platforms: Vec<usize> = named.platforms().map(|f| f.entity).collect();
        platforms.dedup();
        for platform in &platforms {
            self.name_platform(*platform);
        }
        if platforms.len() > 1 {
            // A sentence comparing platforms makes none of them the topic.
            self.platform = None;
        } else if let Some(platform) = platforms.first().copied().or_else(|| {
            let microblog = company_microblog?;
            let kept =
                self.platform.map(|(p, _, _)| p).filter(|&p| self.carries_platform(sentence) && runs(p, extraction));
            let platform = kept.unwrap_or_else(|| extraction.entity(microblog));
            // (A company's microblog, reached by its name, is one the
            // article is about too.)
            self.name_platform(platform);
            Some(platform)
        }) {
            self.platform = Some((platform, sentence.paragraph, sentence.index));
        } else if !candidates.is_empty()
            && let Some((platform, _, _)) = self.platform.filter(|_| self.carries_platform(sentence))
        {
            // Figures that lean on the platform keep it the paragraph's topic.
            self.platform = Some((platform, sentence.paragraph, sentence.index));
        }
        // (A sentence going on from the last figure, "Of these, 14,820
        // ...", holds at its date, and so does the rest of its paragraph.)
        let carried = sentence_date.filter(|_| continues && !candidates.is_empty());
        if let Some((date, phrase)) = anchor_in_sentence.clone().filter(past).or(carried) {
            self.anchor = Some((date, phrase, sentence.paragraph));
        }
        // (Cited in the sentence, or in the paragraph before: "... according
        // to a report released on Saturday. As of the end of June 2012,
        // agencies had opened 132,624 accounts.")
        let cited_before = self.cited.is_some_and(|paragraph| paragraph + 1 >= sentence.paragraph);
        if anchor_in_sentence.is_none() && citation == Some(Citation::New) {
            self.cited = Some(sentence.paragraph);
        }
        // (Or a survey's counts, from when it was done: "A survey ...
        // conducted in December found that 62.4 percent ... Another 18.9
        // percent said ...".)
        let surveyed = dates
            .iter()
            .filter(|d| citation.is_some() && !candidates.is_empty() && conducted(&lower, d))
            .find_map(|d| d.date.map(|date| (date, text[d.span.clone()].to_string())));
        let cited = anchor_in_sentence.filter(|_| citation.is_some() || cited_before).map(|anchor| (anchor, None));
        let dated_source = cited.or_else(|| surveyed.map(|survey| (survey, cited_noun(&lower))));
        if let Some(((date, phrase), survey)) = dated_source.filter(|(anchor, _)| past(anchor)) {
            // (On the platform its dated counts are all on, if they are.)
            let figures = &extraction.figures[first..];
            let counted: Vec<Option<usize>> =
                figures.iter().filter(|f| f.date == Some(date)).map(|f| f.platform).collect();
            let platform = counted.first().copied().flatten().filter(|p| counted.iter().all(|c| *c == Some(*p)));
            let survey = survey.map(str::to_string);
            self.report = Some(Report { date, phrase, platform, paragraph: sentence.paragraph, survey });
        } else if reaches_report
            && !candidates.is_empty()
            && let Some(report) = &mut self.report
        {
            report.paragraph = sentence.paragraph;
        }
    }

    /// Records that the article names `platform`.
    fn name_platform(&mut self, platform: usize) {
        if !self.platforms_named.contains(&platform) {
            self.platforms_named.push(platform);
        }
    }

    /// Once the article is read: an article that names one platform only is
    /// about it, so a count on some platform that names none is on that one,
    /// however far before or after it was named. (Wire copy puts each
    /// sentence in a paragraph of its own, so the paragraph's topic does not
    /// reach it.)
    pub fn finish(self, extraction: &mut Extraction) {
        if let [sole] = self.platforms_named[..] {
            for (index, company) in self.platformless {
                // (Not when the sentence is about a company that does not
                // run it.)
                if runs(company.as_deref(), sole, extraction) {
                    extraction.figures[index].platform = Some(sole);
                }
            }
        }
        // A count of nothing ("grew from zero to more than 10,000") or the
        // size of a group mentioned in passing is no figure, though it
        // leads the sentence to the one after it.
        extraction.figures.retain(|figure| figure.value != 0.0 && figure.evidence.iter().all(|e| e.rule != GROUP_SIZE));
    }

    /// "The account, opened in May 2011, ...", "since it was registered in
    /// April last year": the date an account named in the sentence (or the
    /// one named last, for "it") was opened.
    fn read_opening(&mut self, lower: &str, dates: &[DateMention], named: &Named, extraction: &mut Extraction) {
        let account = named.entities.iter().find(|f| f.kind == EntityKind::Account).map(|f| f.entity).or(self.account);
        let Some(account) = account else { return };
        let opened = dates.iter().find(|d| d.date.is_some() && is_opening_date(lower, d));
        if let Some(date) = opened.and_then(|d| d.date) {
            extraction.entities[account].opened.get_or_insert(date);
        }
        if let Some(found) = named.entities.iter().rev().find(|f| f.kind == EntityKind::Account) {
            self.account = Some(found.entity);
        }
    }

    /// Whether a number can be a count: not part of a date, a time, a page
    /// number, an age or a name.
    fn is_count(&self, text: &str, number: &NumberMention, dates: &[DateMention], named: &Named) -> bool {
        let span = &number.span;
        if dates.iter().any(|d| d.span.start < span.end && span.start < d.span.end) {
            return false;
        }
        let before = text[..span.start].trim_end();
        let after = &text[span.end..];
        let before_word = before.rsplit(|c: char| c.is_whitespace()).next().unwrap_or_default().to_lowercase();
        if after.starts_with(':') && after[1..].starts_with(|c: char| c.is_ascii_digit())
            || before.ends_with(':')
            || matches!(
                before_word.as_str(),
                "page" | "no." | "no" | "aged" | "age" | "number" | "grade" | "level" | "version"
            )
            || before.ends_with(CURRENCY_SIGNS)
            || CUES
                .money_units
                .iter()
                .any(|unit| after.trim_start().get(..unit.len()).is_some_and(|word| word.eq_ignore_ascii_case(unit)))
            || after.starts_with("-year-old")
            // ("26 hours", "five days": a span of time; but "up 32 percent
            // year on year" is a rate)
            || !number.percent && after.split_whitespace().next().is_some_and(|word| CUES.time_units.contains(&word.trim_end_matches([',', '.', ';'])))
            || after.trim_start().starts_with("years old")
            || named.covers(span.start)
            || is_ranking(before)
            || is_superlative_rank(before, after)
            // ("one police account": an article, not a count; "the two
            // companies": the ones named before.)
            || number.value == 1.0 && !text[span.clone()].contains(|c: char| c.is_ascii_digit())
            || before_word == "the" && number.value < 10.0 && !text[span.clone()].contains(|c: char| c.is_ascii_digit())
            || is_age(before, number, after)
            || is_top_ranks(before, &before_word)
        {
            return false;
        }
        true
    }

    /// The scope of a date mention, from the cue phrase before it; `None` for
    /// dates that cannot be a figure's date.
    fn scope(&self, lower: &str, date: &DateMention) -> Option<Scope> {
        let before = lower[..date.span.start].trim_end();
        // The six words before the date, back to a number at most: in "rose
        // from about 600 at the end of 2010" or "from about five million in
        // early 2010", "from" belongs to the number.
        let mut window_start = before.len();
        for word in before.rsplit(' ').take(6) {
            if word.contains(|c: char| c.is_ascii_digit()) || super::numbers::is_number_word(word) {
                break;
            }
            // (The word and the space before it.)
            window_start = window_start.saturating_sub(word.len() + 1);
        }
        let window = &before[window_start..];
        let cue = CUES.anchors.iter().find(|(phrase, _)| {
            before.ends_with(phrase)
                && before[..before.len() - phrase.len()].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
        });
        // "had been set up by the end of last year": a count as of a date,
        // not a founding date.
        let anchored = cue.is_some_and(|(_, scope)| *scope == Scope::Anchor);
        // ("must open accounts by December 31": a deadline, which a date
        // with no year would put before publication; "ordered 90 percent of
        // townships to open accounts by the end of 2011" holds then.)
        let clause = before.rsplit([',', ';', ':']).next().unwrap_or(before);
        let year_given = lower[date.span.clone()].split(|c: char| !c.is_ascii_digit()).any(|digits| digits.len() == 4);
        if anchored && !year_given && before.ends_with(" by") && CUES.obligation_words.any_in(clause) {
            return None;
        }
        // ("from" only right before the date: "from March", not "1.2
        // million messages from residents last year".)
        let from = window.ends_with(" from") || window == "from";
        if !anchored && (from || CUES.blockers.any_in(window)) {
            return None;
        }
        match cue {
            Some((_, Scope::Start)) => None,
            Some((_, scope)) => Some(*scope),
            // A bare year ("the 2011 summit") is a name, not a date of a figure.
            None if date.bare_year => None,
            None => Some(Scope::Event),
        }
    }

    fn date_for(
        &self,
        sentence: &Sentence<'_>,
        lower: &str,
        dates: &[DateMention],
        place: &Place,
        around: Around<'_>,
    ) -> (Option<PartialDate>, bool, Option<String>) {
        let text = sentence.text;
        let Around { anchor, stated_before, report } = around;
        let Place { number, between, clause, led_by, change, held, share } = place;
        // (Not a date a now-word after it leaves behind: "opened its account
        // in March and has since gained 260,000 followers".)
        let left_behind =
            |d: &DateMention| d.span.end <= number.start && CUES.now_words.any_in(&lower[d.span.end..number.start]);
        // (An "as of" date is no opening's: "had 400 million registered
        // users as of June 30".)
        let opening = |d: &DateMention| self.scope(lower, d) != Some(Scope::Anchor) && is_opening_date(lower, d);
        // (Nor, for a change, the date it started from: "up 58.5 percent
        // from 13,500 at the end of September".)
        // (Nor one it is compared with: "about 45% more than at the end of
        // 2011".)
        let started_from = |d: &DateMention| {
            let between = &lower[number.end..d.span.start.max(number.end)];
            *change && d.span.start > number.end && (between.contains(" from ") || between.contains(" than "))
        };
        let usable = |d: &&DateMention| {
            d.date.is_some()
                && self.scope(lower, d).is_some()
                && !left_behind(d)
                && !(*held && opening(d))
                && !started_from(d)
        };
        // The date beside the figure (after it, else before it), else the
        // first of its clause.
        let beside = dates
            .iter()
            .filter(usable)
            .find(|d| between.contains(&d.span.start) && d.span.start >= number.end)
            .or_else(|| dates.iter().filter(usable).find(|d| between.contains(&d.span.start)));
        // (A clause led by the one before takes its date, "..., bringing
        // the total to 50,000", but not a change up to now: "..., meaning
        // the number has grown by 70.4 percent".)
        let led_by = led_by.as_ref().filter(|_| !(*change && has_perfect(&lower[clause.clone()])));
        // (Nor, for a count told as it stands, a date after the next figure
        // of its clause, which is that one's: "has 1.25 million followers
        // and posted 1,340 updates in the first half of this year".)
        let stands = has_perfect(&lower[clause.start..number.start]);
        let own = |d: &&DateMention| clause.contains(&d.span.start) && !(stands && d.span.start >= between.end);
        let in_clause = beside
            .or_else(|| dates.iter().filter(usable).find(own))
            .or_else(|| dates.iter().filter(usable).find(|d| led_by.is_some_and(|c| c.contains(&d.span.start))));
        if let Some(found) = in_clause {
            // ("fell by 35 percent between March and December", "posted
            // 4,870 times between its launch in February and the end of
            // June": a period holds at its end.)
            let opens_period = ["between ", "from "].iter().any(|w| lower[..found.span.start].ends_with(w));
            let end = dates.iter().find(|d| {
                d.date.is_some()
                    && d.span.start > found.span.end
                    && matches!(lower[found.span.end..d.span.start].trim(), "and" | "to" | "until")
            });
            let found = end.filter(|_| opens_period).unwrap_or(found);
            return (found.date, false, Some(text[found.span.clone()].to_string()));
        }
        // ("A survey of 1,500 civil servants, conducted in August, found
        // that 61.2 percent ...": a share holds when the survey was done.)
        // (Also with its agent between: "conducted by Sun Yat-sen
        // University in July".)
        // (So does one "A 2012 survey of 2,010 officials found": the year
        // that names the survey.)
        let named_by_year = |d: &&DateMention| {
            let rest = lower[d.span.end..].trim_start();
            d.bare_year
                && d.date.is_some()
                && d.span.end <= number.start
                && CUES.source_documents.spans_in(rest).any(|span| span.start == 0)
        };
        let surveyed = if *share {
            dates.iter().filter(usable).find(|d| conducted(lower, d)).or_else(|| dates.iter().find(named_by_year))
        } else {
            None
        };
        if let Some(found) = surveyed {
            return (found.date, false, Some(text[found.span.clone()].to_string()));
        }
        let clause_text = &lower[clause.clone()];
        // "up from 18,200 a year earlier", "two years ago": years before the
        // sentence's date.
        // (Or months: "from just over 61 million three months earlier".)
        // (Only where no other figure stands between: not "258,737 accounts,
        // up 46.42 percent from a year earlier".)
        // (Nor "..., more than four times the total a year earlier": the
        // total compared is the earlier one.)
        let own = |caps: &regex::Captures<'_>| {
            caps.get(0).is_some_and(|m| {
                let at = clause.start + m.start();
                let compared = lower[number.end.min(at)..at].split_whitespace().rev().take(3).any(|word| {
                    matches!(word, "total" | "number" | "figure" | "level" | "tally" | "count" | "that" | "those")
                });
                between.contains(&at) && !compared
            })
        };
        let years_before = YEARS_BEFORE.captures(clause_text).filter(|caps| !change && own(caps)).and_then(|caps| {
            let count = caps.name("count")?.as_str();
            let count = if count == "a" { 1.0 } else { find_numbers(count).first()?.value };
            let months = if &caps["unit"] == "year" { 12 * count as i32 } else { count as i32 };
            Some((caps.get(0)?.as_str(), months))
        });
        // (Before the date the count compared holds at: the sentence's, the
        // one before it in the sentence, or the paragraph's.)
        let paragraph_anchor =
            self.anchor.as_ref().filter(|(_, _, paragraph)| *paragraph == sentence.paragraph).map(|(date, _, _)| *date);
        let reference = anchor.or(stated_before).map(|(date, _)| *date).or(paragraph_anchor).or(self.published);
        if let (Some((phrase, months)), Some(date)) = (years_before, reference) {
            let earlier = match (date.month, date.day) {
                (Some(month), day) => {
                    let index = date.year * 12 + i32::from(month) - 1 - months;
                    let (year, month) = (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8);
                    match day {
                        // (February 29 a year before is the 28th.)
                        Some(day) => PartialDate::day(year, month, day).or_else(|| PartialDate::day(year, month, 28)),
                        None => PartialDate::month(year, month),
                    }
                }
                // (A year alone goes back in whole years only.)
                (None, _) if months % 12 == 0 => Some(PartialDate::year(date.year - months / 12)),
                (None, _) => None,
            };
            return (earlier, false, Some(phrase.to_string()));
        }
        // ("The account, launched in March 2011, now has 420,000
        // followers": the clause says when.)
        // (So does "since January" by the figure: from then until now.)
        let since = dates.iter().find(|d| {
            between.contains(&d.span.start) && d.span.start >= number.end && lower[..d.span.start].ends_with("since ")
        });
        let now = CUES
            .now_words
            .first_in(clause_text)
            .map(String::from)
            .or_else(|| since.map(|d| format!("since {}", &text[d.span.clone()])));
        // (Not to a change told in the present perfect in another clause:
        // "At the end of last year there were 1,360, meaning the number has
        // grown by 70.4 percent" has grown up to now.)
        let perfect = |phrase: &String| {
            *change && has_perfect(clause_text) && !clause_text.contains(phrase.to_lowercase().as_str())
        };
        if let Some((date, phrase)) = anchor.filter(|(_, phrase)| now.is_none() && !perfect(phrase)) {
            return (Some(*date), false, Some(phrase.clone()));
        }
        // "In a poll conducted in February, 38.2 percent said ..., but only
        // 12 percent ...": the date of the figure before it in the sentence.
        if let Some((date, phrase)) = stated_before.filter(|(_, phrase)| now.is_none() && !perfect(phrase)) {
            return (Some(*date), false, Some(phrase.clone()));
        }
        // "..., the bureau said on Wednesday": a figure given without a date
        // holds when it was given (also one it calls "now").
        // ("said in a statement on April 30")
        let said = dates.iter().filter(usable).find(|d| {
            lower[..d.span.start].split_whitespace().rev().take(5).any(|word| CUES.statement_verbs.contains(&word))
        });
        if let Some(found) = said {
            return (found.date, false, Some(text[found.span.clone()].to_string()));
        }
        if let Some(words) = now {
            return (self.published, false, Some(words));
        }
        // (Not to a count in the present tense: "The service has more than
        // 300 million registered users" holds now.)
        let present = has_perfect(clause_text);
        if let Some((date, phrase, paragraph)) = &self.anchor
            && *paragraph == sentence.paragraph
            && !present
        {
            return (Some(*date), true, Some(phrase.clone()));
        }
        // (Nor a report's breakdown in a later paragraph, in the past tense
        // (no "has", nor a present verb a paragraph's date may outweigh but
        // a report's may not: "Tencent Weibo, which claims more than 370
        // million registered users"), nor the followers or users of one
        // account or service, which are told as they stand.)
        let stands = CUES.present_verbs.any_in(clause_text);
        if let Some((date, phrase)) = report.filter(|_| !present && !stands && !*held) {
            return (Some(*date), true, Some(phrase.clone()));
        }
        (self.published, true, None)
    }

    /// The platform a figure is about, named in its clause, else in its
    /// sentence (see `carried_platform` for one named earlier).
    fn platform_for<'a>(
        &self,
        lower: &str,
        named: &'a Named,
        clauses: &[Range<usize>],
        passages: &[Range<usize>],
        at: usize,
        figures: &[usize],
    ) -> Option<usize> {
        let clause = clause_of(clauses, at);
        // ("Sina Weibo, a hybrid of Twitter and Facebook, had ...", "Tencent
        // Weibo, the main rival to Sina's service, said ...", "Tencent
        // Weibo, Sina Weibo's rival, ...": a platform named in an apposition
        // to another is not the one counted.)
        let likened = |f: &super::entities::Found| {
            lower[..f.span.start].rfind(", ").is_some_and(|comma| {
                let lead = &lower[comma + 2..f.span.start];
                let described = ["a ", "an ", "the "].iter().any(|w| lead.starts_with(w))
                    || lead.is_empty() && lower[f.span.end..].starts_with("'s");
                described && named.platforms().any(|p| p.span.end == comma)
            })
        };
        let platforms: Vec<&super::entities::Found> =
            named.platforms().filter(|f| !apart(passages, f.span.start, at) && !likened(f)).collect();
        let platforms = || platforms.iter().copied();
        let distance = |span: &Range<usize>| if span.start >= at { span.start - at } else { at - span.end };
        let nearest = |items: Vec<&'a super::entities::Found>| items.into_iter().min_by_key(|f| distance(&f.span));
        // Outside its own clause, a figure is not about platforms named as
        // examples ("other platforms, such as Netease").
        let example = |f: &&super::entities::Found| {
            let lead = &lower[clause_of(clauses, f.span.start).start..f.span.start];
            ["such as", "like", "including"].iter().any(|cue| lead.contains(cue))
        };
        // In its clause: the platform its noun phrase names ("18,000 on
        // Tencent Weibo"), else the one it follows ("Netease hosting
        // 12,000"), else any.
        let in_clause = |f: &&super::entities::Found| clause.contains(&f.span.start);
        let next_figure = figures.iter().copied().filter(|&n| n > at).min().unwrap_or(usize::MAX);
        let named_after = |f: &&super::entities::Found| {
            let lead = lower[..f.span.start].trim_end();
            f.span.start > at && f.span.start < next_figure && ON_PLATFORM.iter().any(|p| lead.ends_with(p))
        };
        let own_figure = |f: &super::entities::Found| {
            let other = clause_of(clauses, f.span.start);
            figures.iter().any(|&n| n != at && other.contains(&n))
        };
        let found = nearest(platforms().filter(|f| in_clause(f) && named_after(f)).collect())
            .or_else(|| nearest(platforms().filter(|f| in_clause(f) && f.span.end <= at).collect()))
            .or_else(|| nearest(platforms().filter(in_clause).collect()))
            .or_else(|| nearest(platforms().filter(|f| f.span.end <= at && !example(f)).collect()))
            // After it, not a platform given its own figure ("About 310,000
            // accounts, with Netease hosting 12,000 and ...").
            .or_else(|| nearest(platforms().filter(|f| !example(f) && !own_figure(f)).collect()))?;
        // (A platform before its own figure, "Tencent Weibo had 30,100", or
        // named right after another figure, "9,400 on Netease Weibo", is that
        // one's.)
        let has_own = |f: &super::entities::Found| {
            figures.iter().any(|&n| n != at && n > f.span.end && !lower[f.span.end..n].contains([',', ';']))
        };
        let anothers = |f: &super::entities::Found| {
            let lead = lower[..f.span.start].trim_end();
            let figure = figures.iter().copied().filter(|&n| n < f.span.start).max();
            figure.is_some_and(|n| n != at && !platforms().any(|p| (n..f.span.start).contains(&p.span.start)))
                && ON_PLATFORM.iter().any(|p| lead.ends_with(p))
        };
        // ("accounts on Sina Weibo, Tencent Weibo and Xinhua Weibo": on
        // several, so on none; but "9,400 on Netease Weibo, and Tencent
        // Weibo had 30,100" is on one.)
        let joined = |first: &super::entities::Found, second: &super::entities::Found| {
            first.entity != second.entity
                && second.span.start >= first.span.end
                && joins_list(&lower[first.span.end..second.span.start])
                && !has_own(second)
                && !anothers(first)
        };
        let listed = platforms().any(|other| joined(found, other) || joined(other, found));
        (!listed).then_some(found.entity)
    }

    /// The platform of the paragraph, carried on to a figure (at `at`, in
    /// `clause`) of a sentence that names none before it or in its clause.
    /// ("It had 5.2 million followers, and its sister account on Tencent
    /// Weibo had another 3.6 million": Tencent Weibo is the other clause's;
    /// but not in a clause breaking the count down, "..., including 1,024
    /// on Sina Weibo".)
    fn carried_platform(
        &self,
        sentence: &Sentence<'_>,
        lower: &str,
        named: &Named,
        clauses: &[Range<usize>],
        at: usize,
    ) -> Option<usize> {
        let later = |f: &super::entities::Found| {
            let other = clause_of(clauses, f.span.start);
            let lead = lower[other.start..f.span.start].trim_start();
            f.span.start > at
                && !other.contains(&at)
                && ["and ", "while ", "but ", "whereas ", "compared with ", "compared to "]
                    .iter()
                    .any(|w| lead.starts_with(w))
        };
        let carried = self.platform.filter(|_| named.platforms().all(later) && self.carries_platform(sentence));
        carried.map(|(platform, _, _)| platform)
    }

    /// Whether the last platform named is still the topic at `sentence`:
    /// named in its paragraph, or in the sentence just before.
    fn carries_platform(&self, sentence: &Sentence<'_>) -> bool {
        self.platform
            .is_some_and(|(_, paragraph, index)| paragraph == sentence.paragraph || index + 1 == sentence.index)
    }
}

/// Whether a bound ("more than", "fewer than") after `lead`, its clause up
/// to the hedge, sets a threshold rather than counting: "officials with more
/// than 1 million followers should ...", "40 percent of the accounts had
/// posted fewer than 10 messages".
/// The words that put a figure on the platform named after them: "18,000 on
/// Tencent Weibo".
const ON_PLATFORM: [&str; 5] = [" on", " in", " via", " across", " through"];

/// Whether a number set off by commas after a name is the person's age:
/// "said Chen, 47, who joined the force in 1986".
fn is_age(before: &str, number: &NumberMention, after: &str) -> bool {
    let name = before.strip_suffix(',').map(|name| name.rsplit(' ').next().unwrap_or(name));
    number.bare_digits
        && number.value < 120.0
        && after.starts_with(',')
        && name.is_some_and(|name| name.starts_with(|c: char| c.is_uppercase()))
}

/// Whether a number after "top" is a ranking's length: "the top 10
/// accounts", "the year's top 20 officials" (but "expected to top 75
/// million" is a count).
fn is_top_ranks(before: &str, before_word: &str) -> bool {
    let owner = before.strip_suffix(before_word).unwrap_or(before).trim_end().rsplit(' ').next().unwrap_or_default();
    before_word == "top"
        && (matches!(owner.to_ascii_lowercase().as_str(), "the" | "its" | "their" | "his" | "her")
            || owner.ends_with("'s")
            || owner.ends_with("\u{2019}s"))
}

/// Whether `lead` states a change by the number after it: "fell by", "rose
/// by", "an increase of" (`lexicon/change_verbs.txt`, `change_nouns.txt`).
fn is_change_by(lead: &str) -> bool {
    let lead = lead.trim_end();
    if let Some(verb) = lead.strip_suffix(" by") {
        let verb = verb.rsplit(' ').next().unwrap_or(verb);
        return CUES.change_verbs.contains(&verb);
    }
    lead.strip_suffix(" of").and_then(|noun| noun.rsplit_once(' ')).is_some_and(|(article, noun)| {
        matches!(article.rsplit(' ').next(), Some("a" | "an")) && CUES.change_nouns.contains(&noun)
    })
}

fn is_threshold(lead: &str) -> bool {
    let lead = lead.trim_end();
    let class = lead
        .strip_suffix(" with")
        .is_some_and(|rest| CUES.measures.iter().any(|(noun, _)| super::words::ends_with_word(rest, noun)));
    let share = ["percent of", "per cent of", "% of"].iter().any(|share| lead.contains(share));
    class || share
}

/// Whether `lead`, a clause up to a number, speaks of any one thing of a
/// kind: "An account with 300 followers (and three posts is decoration)",
/// "a county with 50 accounts".
fn is_any_one(lead: &str) -> bool {
    let lead = lead.trim_start_matches(|c: char| c.is_whitespace() || c == '"' || c == '\u{201c}');
    let words: Vec<&str> = lead.split_whitespace().collect();
    matches!(words.first(), Some(&("a" | "an" | "one" | "any"))) && words.iter().take(4).skip(2).any(|w| *w == "with")
}

/// Whether a number after `before` is an earlier value of the count before
/// it: "up from 18,200 a year earlier", "compared with 25,987", "up 58.5
/// percent from 13,500 at the end of September".
fn compared_before(before: &str) -> bool {
    let before = before.trim_end();
    let after_change = before.strip_suffix(" from").is_some_and(|rest| {
        let rest = rest.trim_end();
        // (Not the year of a date between: "rose to 100,151 at the end of
        // 2013, from 60,064 a year earlier".)
        let year = |n: &NumberMention| n.bare_digits && (1900.0..2100.0).contains(&n.value);
        let last = find_numbers(rest).into_iter().rev().find(|n| !year(n));
        // ("up 58.5 percent from", "rose to 36,500 at the end of April
        // from": the value it changed from.)
        last.is_some_and(|number| {
            number.percent && number.span.end == rest.len() || rest[..number.span.start].trim_end().ends_with(" to")
        })
    });
    after_change || CUES.comparisons.iter().any(|w| super::words::ends_with_word(before, w))
}

/// Whether what stands at `at_item` is in a quoted passage that the figure
/// at `at_figure` is not in: said by a speaker, not of the figure.
fn apart(passages: &[Range<usize>], at_item: usize, at_figure: usize) -> bool {
    passages.iter().any(|p| p.contains(&at_item) && !p.contains(&at_figure))
}

/// Where a figure stands in its sentence, in bytes.
struct Place {
    number: Range<usize>,
    /// From the figure before it (or its clause's start) to the figure
    /// after it (or its clause's end).
    between: Range<usize>,
    clause: Range<usize>,
    /// The clause a participle clause goes on from: "... live-blogged a
    /// trial last month, drawing some 12,000 comments".
    led_by: Option<Range<usize>>,
    /// Whether the figure is a rate of change: "up 38 percent from a year
    /// earlier" holds when the change ends, not a year before.
    change: bool,
    /// Whether the figure is what an account has gathered (followers,
    /// posts, users): the date it was opened is not the count's ("an
    /// account opened in May 2011 has around 86,000 followers").
    held: bool,
    /// Whether it is a share ("61.2 percent of respondents").
    share: bool,
}

/// The body, account or person a figure counted on a platform (accounts,
/// followers, posts, interactions) is about: the one named last before it
/// in its clause ("Cai Qi has nearly 6 million followers").
fn subject_for(
    text: &str,
    named: &Named,
    people: &People,
    clauses: &[Range<usize>],
    clause: &Range<usize>,
    candidate: &Candidate,
) -> Option<usize> {
    // (Only what is counted on a platform belongs to someone.)
    if !ON_A_PLATFORM.contains(&candidate.measure) {
        return None;
    }
    let at = candidate.number.span.start;
    // "Guangzhou's police bureau, whose account has 1.5 million fans": a
    // relative clause is about what stands before its comma.
    // So is a clause that goes on from a subject set off by commas ("The
    // ministry's microblog, Waijiao Xiaolingtong (...), has gathered ...").
    let opening = text[clause.clone()].trim_start().to_ascii_lowercase();
    let relative = ["whose ", "which ", "who ", "has ", "have ", "had "].iter().any(|w| opening.starts_with(w));
    let mut from = if relative { clause_of(clauses, clause.start.saturating_sub(2)).start } else { clause.start };
    // "A People's Daily report put the number of ... at N": the count is
    // not the reporter's.
    let lower = text[..at].to_ascii_lowercase();
    if let Some(verb) = lower[from..].rfind(" at ").and_then(|end| estimate_verb(&lower[from..from + end])) {
        from += verb;
    }
    // "Cai Qi, head of the ... committee, has 3.5 million followers": the
    // clause before describes the person named right before it.
    let described = people
        .in_sentence()
        .iter()
        .find(|(s, _)| relative && s.end <= from && text[s.end..from].trim_matches([',', ' ']).is_empty());
    let in_clause_before = |span: &Range<usize>| from <= span.start && span.end <= at;
    let person = people.in_sentence().iter().filter(|(s, _)| in_clause_before(s)).map(|(s, e)| (s.end, *e));
    let bodies = named
        .entities
        .iter()
        .filter(|f| f.kind != EntityKind::Platform && in_clause_before(&f.span))
        .map(|f| (f.span.end, f.entity));
    described.map(|(_, e)| *e).or_else(|| person.chain(bodies).max_by_key(|(end, _)| *end).map(|(_, e)| e))
}

/// Phrases pointing back at figures already given.
const REFERENCES: &[&str] = &[
    "of these",
    "of them",
    "of those",
    "among them",
    "among these",
    "of the total",
    "of that total",
    "of this total",
    "of which",
];

/// Whether a sentence opens by pointing back at the figures before it
/// ("Of these, ...", "Among them, ...").
fn opens_with_reference(lower: &str) -> bool {
    let lower = lower.trim_start();
    // (Also "Of the Sina accounts, ...": a part of a count named before.)
    let of_the_count = || {
        let opening = lower.strip_prefix("of the ")?;
        let opening = &opening[..opening.find(',')?];
        let words: Vec<&str> = opening.split_whitespace().collect();
        (words.len() <= 3).then(|| named_count(opening)).flatten()
    };
    REFERENCES.iter().any(|opener| lower.starts_with(opener)) || of_the_count().is_some()
}

/// Whether a sentence dates its count by the one before: "hosted 70,084
/// over the same period" (but not "in the same period last year").
fn at_same_time(lower: &str) -> bool {
    CUES.same_time_phrases.spans_in(lower).any(|span| {
        let rest = lower[span.end..].trim_start();
        let another = CUES.same_time_exclusions.iter().any(|words| super::words::starts_with_word(rest, words));
        let year = find_dates(rest, None).first().is_some_and(|date| date.span.start == 0);
        !another && !year
    })
}

/// Whether the words after a number make it a share of figures already
/// given: "hosted 41,020 of them", "made up 201,300 of the total".
fn refers_back(after: &str, described: bool) -> bool {
    let after = after.trim_start();
    let reference = REFERENCES
        .iter()
        .filter(|r| r.starts_with("of "))
        .any(|r| after.starts_with(r) && after[r.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric()));
    reference || referred(after, described).is_some()
}

/// What "1,708 of the accounts" or "of these micro-blogs" refers to, and the
/// words after it.
fn referred(after: &str, described: bool) -> Option<(&'static str, &str)> {
    let after = after.trim_start();
    let phrase = ["of the ", "of these ", "of those "].iter().find_map(|of| after.strip_prefix(of))?;
    let mut rest = phrase;
    // (After a word or two describing them, when `described`: "of the
    // verified government accounts", which are government accounts.)
    for _ in 0..if described { 3 } else { 1 } {
        if let Some((noun, measure)) = CUES.measures.iter().find(|(noun, _)| rest.starts_with(noun)) {
            let words = &phrase[..phrase.len() - rest.len()];
            return Some((refine_measure(measure, words, ""), &rest[noun.len()..]));
        }
        let (word, next) = rest.split_once(' ')?;
        if !word.chars().all(|c| c.is_ascii_lowercase() || c == '-') || NOT_MODIFIERS.contains(&word) {
            return None;
        }
        rest = next;
    }
    None
}

/// The clauses of a sentence: split at semicolons, and at commas that a
/// lower-case word follows (", with", ", including", ", according to").
/// Dashes enclose asides within a clause ("Waijiao Xiaolingtong — Foreign
/// Affairs Information — micro blog has ..."), so they do not split.
fn clauses(text: &str) -> Vec<Range<usize>> {
    let mut clauses = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        let boundary = match c {
            ';' => true,
            ',' => bytes.get(i + 1) == Some(&b' ') && bytes.get(i + 2).is_some_and(u8::is_ascii_lowercase),
            _ => false,
        };
        if boundary {
            clauses.push(start..i);
            start = i + c.len_utf8();
        }
    }
    clauses.push(start..text.len());
    clauses
}

fn clause_of(clauses: &[Range<usize>], at: usize) -> Range<usize> {
    clauses.iter().find(|c| c.contains(&at)).cloned().unwrap_or(at..at)
}

/// The qualifier phrase ending right before `at`, and where it starts.
fn qualifier_before(lower: &str, at: usize) -> Option<(Qualifier, usize)> {
    let before = lower[..at].trim_end();
    CUES.qualifiers.iter().find_map(|(phrase, qualifier)| {
        let start = before.strip_suffix(phrase)?.len();
        let whole_word = before[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        whole_word.then_some((*qualifier, start))
    })
}

/// Where the range that the number at `index` opens starts: "between
/// 30,000 and 40,000", "30,000-40,000" (but not "rose from 30,000 to
/// 40,000", a change).
fn range_start(lower: &str, numbers: &[NumberMention], index: usize) -> Option<usize> {
    let (low, high) = (numbers.get(index)?, numbers.get(index + 1)?);
    if low.percent && !high.percent {
        return None;
    }
    let gap = &lower[low.span.end..high.span.start];
    if matches!(gap, "-" | "\u{2013}") {
        return Some(low.span.start);
    }
    let before = lower[..low.span.start].trim_end();
    let start = before.strip_suffix("between")?.len();
    let whole_word = before[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
    (gap.trim() == "and" && whole_word).then_some(start)
}

/// The counted noun after a number, skipping up to three modifiers; returns
/// the measure and where the noun ends.
/// The rule of a number giving the size of a group ("a team of 40"), which
/// is read but not kept.
const GROUP_SIZE: &str = "figure.group-size";

/// Whether the sentence opens with a whole ("Of the 20 provincial
/// governments surveyed by the lab, ...") whose figure starts at `whole`,
/// and the number (or its hedge) at `start` is the first word after the
/// comma that closes it.
fn opens_with_whole(lower: &str, whole: usize, start: usize) -> bool {
    let opening = lower[..whole].trim();
    let lead = lower[..start].trim_end();
    matches!(opening, "of the" | "of all" | "of the total of" | "among the")
        && lead.ends_with(',')
        && !lower[whole..lead.len() - 1].contains([',', ';'])
}

/// Whether the words between two numbers make the first a part of the
/// second: "of the", "of its", "of China's", "of the country's" (at most
/// three words after "of").
fn is_part_of(between: &str) -> bool {
    let Some(rest) = between.trim().strip_prefix("of") else { return false };
    let words: Vec<&str> = rest.split_whitespace().collect();
    rest.starts_with(' ')
        && (1..=3).contains(&words.len())
        && (matches!(words[0], "the" | "its" | "their" | "all") || words.last().is_some_and(|w| w.ends_with("'s")))
}

/// "(the post was) viewed some 12,000 times", "(the bureau) posted 11,400
/// times": how often something was done, a verb of `verbs`
/// (`lexicon/interaction_verbs.txt`, `lexicon/posting_verbs.txt`) among the
/// last three words of `lead` (the clause up to the number or its hedge) and
/// "times" right after the number; the end of "times" in `after`. Not a
/// threshold, two counts joined by "or" ("rumours viewed 5,000 times or
/// reposted 500 times can bring charges"), nor what may happen ("a comment
/// can be forwarded a million times"): neither is what happened.
fn times_done(lead: &str, after: &str, verbs: &Phrases) -> Option<usize> {
    let times = after.trim_start().strip_prefix("times")?;
    // (Nor "reposted 500 times can earn its author three years": a modal
    // after it.)
    let next = times.split_whitespace().next().unwrap_or_default();
    // (Nor a rate: "posted 1.3 times a day".)
    let rate = CUES.rate_periods.iter().any(|per| times.trim_start().starts_with(per));
    if times.starts_with(char::is_alphanumeric) || next == "or" || CUES.modals.contains(&next) || rate {
        return None;
    }
    let lead = lead.trim_end();
    let window = &lead[lead.rmatch_indices(' ').nth(2).map_or(0, |(at, _)| at + 1)..];
    let alternative = window.starts_with("or ") || window.contains(" or ");
    let modal = window.split_whitespace().any(|word| CUES.modals.contains(&word));
    (!alternative && !modal && verbs.any_in(window)).then(|| after.len() - times.len())
}

fn measure_after(lower: &str, end: usize) -> Option<(&'static str, usize)> {
    let rest = &lower[end..];
    // "14,000 of its accounts", "1,870 of the province's accounts" (but
    // "of the accounts" refers back: see `refers_back`)
    let mut offset = ["of its ", "of their "]
        .iter()
        .find_map(|of| rest.trim_start().strip_prefix(of))
        .or_else(|| {
            let owner = rest.trim_start().strip_prefix("of ")?;
            let owner = owner.strip_prefix("the ").unwrap_or(owner);
            let (word, after) = owner.split_once(' ')?;
            (word.ends_with("'s") || word.ends_with("\u{2019}s")).then_some(after)
        })
        .map_or(0, |after| rest.len() - after.len());
    for words in 0..=4 {
        let here = &rest[offset..];
        let trimmed = here.trim_start();
        let skipped = offset + here.len() - trimmed.len();
        if let Some((noun, measure)) = CUES.measures.iter().find(|(noun, _)| {
            trimmed.starts_with(noun) && trimmed[noun.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric())
        }) {
            return Some((measure, end + skipped + noun.len()));
        }
        let word_len = trimmed.find(|c: char| c.is_whitespace() || ",;:.()\"".contains(c)).unwrap_or(trimmed.len());
        let word = &trimmed[..word_len];
        // ("11,580 government and official accounts": modifiers joined.)
        let joins = words > 0 && matches!(word, "and" | "or");
        let is_modifier = joins
            || !word.is_empty()
                && word.chars().all(|c| c.is_alphabetic() || c == '-')
                && !NOT_MODIFIERS.contains(&word);
        if !is_modifier {
            return None;
        }
        offset = skipped + word_len;
    }
    None
}

/// The first count `text` names without a number ("tallied government
/// accounts"), as (measure, measure refined by its words).
fn named_count(text: &str) -> Option<(&'static str, &'static str)> {
    let lower = text.to_ascii_lowercase();
    // (A word of the sentence, not of a name: "People's Daily".)
    let common = |at: usize, end: usize| {
        super::gazetteer::is_word_boundary(&lower, at, end)
            && text[at..].starts_with(char::is_lowercase)
            && !text[end..].starts_with(['\'', '\u{2019}'])
    };
    let (at, noun, measure) = CUES
        .measures
        .iter()
        .filter_map(|(noun, measure)| {
            let at = lower.match_indices(noun).map(|(at, _)| at).find(|&at| common(at, at + noun.len()))?;
            Some((at, *noun, *measure))
        })
        .min_by_key(|(at, noun, _)| (*at, std::cmp::Reverse(noun.len())))?;
    let described = lower[..at].split_whitespace().next_back().unwrap_or_default();
    Some((measure, refine_measure(measure, described, &lower[at + noun.len()..])))
}

/// Whether the company (by its entity key) a sentence is about, if any, runs
/// `platform`.
fn runs(company: Option<&str>, platform: usize, extraction: &Extraction) -> bool {
    company.is_none_or(|key| extraction.entities[platform].related.as_deref() == Some(key))
}

/// "the ten most-followed police accounts", "its five biggest cities": the
/// first of a ranking, not a count.
fn is_superlative_rank(before: &str, after: &str) -> bool {
    let next = after.split_whitespace().next().unwrap_or_default().to_ascii_lowercase();
    before.rsplit(char::is_whitespace).next().is_some_and(is_determiner)
        && (next.starts_with("most") || next.ends_with("est") && next.len() > 4)
}

/// "The top 100 accounts", "China's top 10 government microblogs": a rank,
/// not a count. (Without a determiner, "top" is the verb: "accounts top
/// 100,000".) `before` ends at the number.
fn is_ranking(before: &str) -> bool {
    let mut words = before.rsplit(char::is_whitespace);
    words.next().is_some_and(|w| w.eq_ignore_ascii_case("top")) && words.next().is_some_and(is_determiner)
}

/// "the", "its", "China's" (also "\u{201c}The", its quotation mark left out).
fn is_determiner(word: &str) -> bool {
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
    matches!(word.as_str(), "the" | "its" | "their" | "his" | "her" | "our")
        || word.ends_with("'s")
        || word.ends_with("\u{2019}s")
}

/// "Sina Weibo alone hosts roughly 79,000; Tencent says it has 95,000",
/// "People's Daily Online Weibo and Xinhuanet Weibo hosted about 8,000 and
/// 6,500 respectively": the platform in the same place of its list as the
/// figure at `at` in the list of `figures` (their spans) it belongs to.
fn respective_platform(lower: &str, named: &Named, figures: &[Range<usize>], at: usize) -> Option<usize> {
    if !lower.contains("respectively") {
        return None;
    }
    let index = figures.iter().position(|f| f.start == at)?;
    let (first, last) = joined_run(lower, figures, index);
    let platforms: Vec<&super::entities::Found> =
        named.platforms().filter(|p| p.span.end <= figures[first].start).collect();
    let spans: Vec<Range<usize>> = platforms.iter().map(|p| p.span.clone()).collect();
    let (start, end) = joined_run(lower, &spans, spans.len().checked_sub(1)?);
    let listed = &platforms[start..=end];
    (listed.len() > 1 && listed.len() == last - first + 1).then(|| listed[index - first].entity)
}

/// Whether the words between two items join them in a list: a comma,
/// "and" or "or".
fn joins_list(between: &str) -> bool {
    matches!(between.trim(), "," | "and" | "or" | ", and" | ", or")
}

/// The list of items around `spans[index]` joined by commas, "and" or "or"
/// ("6,283, 5,417 and 4,960"): the index of its first item and of its last.
fn joined_run(lower: &str, spans: &[Range<usize>], index: usize) -> (usize, usize) {
    let joined = |i: usize| joins_list(&lower[spans[i].end..spans[i + 1].start]);
    let first = (0..index).rev().take_while(|&i| joined(i)).last().unwrap_or(index);
    let last = (index..spans.len().saturating_sub(1)).take_while(|&i| joined(i)).last().map_or(index, |i| i + 1);
    (first, last)
}

/// "A year ago there were fewer than 500.": a count held with its noun left
/// out, the count said before (`before` ends at the number or its hedge,
/// `after` follows the number).
fn holds_elided(before: &str, after: &str) -> bool {
    // ("Its account on Tencent has another 3 million.")
    let before = before.trim_end();
    let before = before.strip_suffix(" another").unwrap_or(before);
    let held = CUES.holding_verbs.iter().any(|verb| before.ends_with(verb.as_str()));
    let after = after.trim_start();
    // ("had more than 590,000 by the time the hearing closed", "there
    // were 500 in 2010": the count's date or place follows.)
    let next_word = after.split([' ', ',']).next().unwrap_or_default();
    held && (after.is_empty()
        || after.starts_with(['.', ',', ';', ')'])
        || CUES.elided_noun_followers.contains(&next_word))
}

/// Whether a number without its own noun continues a list of figures: "and
/// 14 by officials", "with about 4,000 run by officials", "the Ministry of
/// Health five", "over one million of which".
fn continues_list(lower: &str, start: usize, number: &NumberMention, named: &Named) -> bool {
    let after = lower[number.span.end..].trim_start();
    let before = lower[..start].trim_end();
    let after_org = named.ending_at(before.len()).is_some();
    // ("plans to train another 3,000 this year": more of what was counted.)
    if [" another", " a further", " an additional"].iter().any(|words| before.ends_with(words)) {
        return true;
    }
    // ("and another 4,000 on Tencent", "while the remaining 78,400 were
    // opened by officials")
    let before = [" another", " the remaining", " the other"]
        .iter()
        .find_map(|words| before.strip_suffix(words))
        .unwrap_or(before);
    // "up from 18,200 a year earlier": an earlier value of the same count.
    let compares = compared_before(before);
    // "rose from about 600 at the end of 2010 to nearly 20,000": the later
    // value of the count that changed.
    let changed_to = before.ends_with(" to")
        && before.rfind(" from ").is_some_and(|at| before[at..].contains(|c: char| c.is_ascii_digit()));
    if compares || changed_to {
        return true;
    }
    // ("..., including about 113,000 run by agencies", "with Guangdong
    // alone accounting for 412", "..., of which 18,132 belonged to
    // agencies")
    let opens = [
        " and",
        " with",
        ",",
        " while",
        " including",
        " accounting for",
        " accounted for",
        " accounts for",
        " of which",
        " of whom",
        " among them",
    ]
    .iter()
    .any(|w| before.ends_with(w))
        || contrasts_with_verb(before)
        || gapped(&lower[..number.span.start], after)
        // ("..., followed by judicial bodies at 8,900")
        || before.strip_suffix(" at").and_then(|rest| rest.rsplit_once(" followed by ")).is_some_and(|(_, named)| {
            !named.contains(',') && named.split_whitespace().count() <= 4
        });
    // What may follow a number whose noun is left out: "14 by officials",
    // "1,850 belong to agencies", "over one million of which", "1,350 to
    // individual officials".
    let elliptic = [
        "by ",
        "of them",
        "of these",
        "of those",
        "of the total",
        "of which",
        "of whom",
        "in ",
        "on ",
        "for ",
        "to ",
        "as of",
        "at ",
        "are ",
        "were ",
        "and ",
        "respectively",
    ]
    .iter()
    .chain(&CUES.agent_participles)
    .any(|p| after.starts_with(p))
        || after.starts_with(['.', ',', ';'])
        || refers_back(after, true);
    (after_org || opens || after.starts_with("of ")) && elliptic
}

/// "Agencies ran 183,232 of the accounts and individual officials 75,505.":
/// a clause after "and" (or "while", "but") that leaves out the verb as well
/// as the noun: a few words, perhaps a hedge or the first clause's
/// preposition, and then the number ending the clause (`before` ends at the
/// number, `after` follows it).
fn gapped(before: &str, after: &str) -> bool {
    const MAX_WORDS: usize = 3;
    let Some(at) =
        [" and ", " while ", " but "].iter().filter_map(|c| before.rfind(c).map(|at| at + c.len() - 1)).max()
    else {
        return false;
    };
    let clause = &before[at..];
    // ("and followers surpassed 2 million": a verb ties the noun to it.)
    let verb = CUES.linking_verbs.iter().any(|verb| clause.contains(&format!(" {verb} ")));
    // ("and officials about 2,000": the hedge is no part of the subject.)
    let clause = clause.trim_end();
    let hedge = CUES
        .qualifiers
        .iter()
        .find(|(phrase, _)| clause.ends_with(phrase) && clause[..clause.len() - phrase.len()].ends_with(' '));
    let subject = hedge.map_or(clause, |(phrase, _)| &clause[..clause.len() - phrase.len()]);
    // ("Courts accounted for 5,133 of the accounts and procuratorates for
    // 4,417": the preposition of the first clause, repeated.)
    let subject = ["for", "with", "at"]
        .iter()
        .find_map(|p| {
            let rest = subject.trim_end().strip_suffix(p)?;
            (rest.ends_with(' ') && before[..at].contains(&format!(" {p} "))).then_some(rest)
        })
        .unwrap_or(subject);
    let words: Vec<&str> = subject.split_whitespace().collect();
    !verb
        && (1..=MAX_WORDS).contains(&words.len())
        && words.iter().all(|word| word.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\''))
        && !words.iter().any(|word| NOT_MODIFIERS.contains(word))
        && (after.is_empty() || after.starts_with(['.', ',', ';']))
}

/// A number of people after a word of `lexicon/casualty_words.txt`
/// ("killing 40 people"), after a possessive ("the province's 46 million
/// residents") or after a phrase of `lexicon/population_cues.txt` ("a city
/// of 4.5 million people", "home to"): a toll or a population, which no one
/// counted on a platform. `before` ends at the number or its hedge.
fn is_toll_or_population(before: &str) -> bool {
    let before = before.trim_end();
    let word = before.rsplit(' ').next().unwrap_or_default();
    CUES.casualty_words.contains(&word)
        || word.ends_with("'s")
        || word.ends_with("\u{2019}s")
        || CUES.population_cues.iter().any(|cue| super::words::ends_with_word(before, cue))
}

/// "(37 people) had died", "(22 people) were injured": a toll told after
/// the count.
fn is_toll_after(after: &str) -> bool {
    let mut words = after.split_whitespace().map(|word| word.trim_end_matches([',', '.', ';']));
    let verb = words.next();
    let word = if matches!(verb, Some("had" | "have" | "has" | "were" | "was" | "are" | "is")) {
        words.find(|word| !matches!(*word, "been" | "reported" | "confirmed"))
    } else {
        verb
    };
    word.is_some_and(|word| CUES.toll_words.contains(&word))
}

/// "The 23 million people of Taiwan": the people (`lexicon/dweller_nouns.txt`)
/// of a place named in capitals after them; `counted` ends at the counted
/// noun.
fn is_people_of_a_place(counted: &str, after: &str) -> bool {
    CUES.dweller_nouns.iter().any(|noun| counted.ends_with(noun))
        && after.strip_prefix(" of ").is_some_and(|place| place.starts_with(char::is_uppercase))
}

/// "Tencent Weibo hosted 70,000 accounts, while Sina Weibo had nearly
/// 61,000": a contrasting clause (`lexicon/contrast_connectives.txt`) whose
/// subject has a number of the same thing (`lexicon/holding_verbs.txt`),
/// the noun left out. `before` ends at the number
/// (or its hedge); the clause from its connective to there has no other
/// number.
fn contrasts_with_verb(before: &str) -> bool {
    let Some(clause) = CUES
        .contrast_connectives
        .iter()
        .filter_map(|c| before.rfind(c.as_str()).map(|at| &before[at + c.len()..]))
        .min_by_key(|clause| clause.len())
    else {
        return false;
    };
    // (Linking verbs as whole words: "are" does not end "software".)
    let holds = CUES.holding_verbs.iter().any(|verb| before.ends_with(verb.as_str())) || verb_subject(before).is_some();
    holds && !clause.contains(|c: char| c.is_ascii_digit())
}

/// A counted noun tied to a number by a verb.
struct Linked<'a> {
    measure: &'static str,
    /// The clause's words up to the verb, which may describe the noun
    /// ("the number of verified accounts").
    described: &'a str,
    /// Those after the noun ("accounts of government agencies made up").
    following: &'a str,
}

impl<'a> Linked<'a> {
    /// The noun of `phrase` ending at byte `end`.
    fn at(phrase: &'a str, end: usize, measure: &'static str) -> Self {
        Self { measure, described: phrase, following: &phrase[end..] }
    }
}

/// A number linked by a verb to the noun it counts: "the number of <noun>
/// ... reached N", "Weibo users totaled N", "accounts rose 30 percent to N".
/// `before` is the sentence up to the number (or its hedge), `clause_start`
/// where the number's clause begins; a relative clause ("microblogs, which
/// numbered 6,500") or a participle ("..., reaching 58 million") counts the
/// noun of the clause before it.
fn linked_measure(before: &str, clause_start: usize) -> Option<Linked<'_>> {
    let subject = verb_subject(before)?;
    // The clause of the verb (for a relative clause, the one before it).
    let mut from = clause_start.min(subject.len());
    // (A participle opening the clause, "users grew by 190 percent,
    // reaching about 58 million", counts the noun of the clause before.)
    let participle = subject[from..].trim().is_empty();
    if participle || ["which ", "that "].iter().any(|w| subject[from..].trim_start().starts_with(w)) {
        from = subject[..from].trim_end_matches([',', ' ']).rfind([',', ';']).map_or(0, |i| i + 1);
    }
    // "The number of X ...", in the clause, else the noun the clause names
    // ("..., and followers surpassed 2 million"), else "the number of X"
    // before it ("The number of X on Y, another service, reached ...").
    // (Over an aside of a few words between the subject and its verb:
    // "Government accounts on Sina Weibo, by contrast, numbered ...".)
    let over_aside = || {
        let aside = &subject[from..];
        (aside.split_whitespace().count() <= 3).then_some(())?;
        let head = subject[..from].trim_end_matches([',', ' ']);
        last_noun(&head[head.rfind([',', ';']).map_or(0, |i| i + 1)..])
    };
    number_of(subject, from)
        .or_else(|| last_noun(&subject[from..]))
        .or_else(over_aside)
        .or_else(|| number_of(subject, 0))
}

/// The noun a superlative names right before a number: "Tencent Weibo
/// hosted the most government accounts, 70,084", "had the largest number of
/// government accounts at 61,540". `before` ends at the number (or its
/// hedge).
fn superlative_measure(before: &str) -> Option<Linked<'_>> {
    let trimmed = before.trim_end();
    let phrase = [",", " at", " with"].iter().find_map(|link| trimmed.strip_suffix(link))?.trim_end_matches([',', ' ']);
    let from = phrase.rfind([',', ';']).map_or(0, |i| i + 1);
    let cue = CUES.superlatives.spans_in(&phrase[from..]).max_by_key(|span| span.start)?;
    let named = &phrase[from + cue.start..];
    // The noun right after it ("the most government accounts on Sina among
    // the provinces, with 7,512"), or after "number of".
    let rest = named[cue.len()..].trim_start();
    let rest = ["number of ", "numbers of "].iter().find_map(|words| rest.strip_prefix(words)).unwrap_or(rest);
    let (measure, end) = measure_after(named, named.len() - rest.len())?;
    Some(Linked::at(named, end, measure))
}

/// "the number of (a few words) X" in `subject` after `from`.
fn number_of(subject: &str, from: usize) -> Option<Linked<'_>> {
    let at = subject[from..].rfind("number of ").or_else(|| subject[from..].rfind("numbers of "))?;
    let phrase = &subject[from + at..];
    let (end, measure) = phrase.split_whitespace().skip(2).take(8).find_map(|word| {
        let offset = word.as_ptr() as usize - phrase.as_ptr() as usize;
        let tail = &phrase[offset..];
        CUES.measures.iter().find(|(noun, _)| tail.starts_with(noun)).map(|(noun, m)| (offset + noun.len(), *m))
    })?;
    Some(Linked::at(phrase, end, measure))
}

/// The counted noun named last in `phrase`, or the head it belongs to.
fn last_noun(phrase: &str) -> Option<Linked<'_>> {
    let nouns: Vec<(Range<usize>, &'static str)> = CUES
        .measures
        .iter()
        // (Not "percent": a count is never of a share.)
        .filter(|(noun, measure)| {
            noun.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '-') && *measure != "Percentage"
        })
        .flat_map(|(noun, measure)| {
            phrase.match_indices(noun).map(|(i, _)| (i..i + noun.len(), *measure)).filter(|(at, _)| {
                let before = phrase[..at.start].chars().next_back();
                let after = phrase[at.end..].chars().next();
                before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
            })
        })
        .collect();
    let mut last = nouns.iter().max_by_key(|(at, _)| (at.end, std::cmp::Reverse(at.start)))?;
    // "accounts of government agencies made up ...": the head of "X of
    // (a few words) Y" is X; so is that of "X opened by (a few words) Y".
    while let Some(head) = nouns.iter().find(|(at, _)| {
        let between = phrase.get(at.end..last.0.start).unwrap_or_default();
        let words = between.split_whitespace().count();
        between.starts_with(" of ") && words <= 4
            || CUES.agent_participles.iter().any(|p| between.trim_start().starts_with(p)) && words <= 7
    }) {
        last = head;
    }
    Some(Linked::at(phrase, last.0.end, last.1))
}

/// Whether the words before a number give it as another value of the count
/// given before, and which: a past one ("The number stood at 32,358 at the
/// end of 2011", "That figure rose to ...": `figure.restated`) or the new
/// total ("..., bringing the total to 25,300", "bringing their total to":
/// `figure.new-total`).
fn restates_count(before: &str) -> Option<&'static str> {
    const NAMES: &[&str] = &["number", "figure", "total", "tally", "count"];
    let trimmed = before.trim_end();
    // (Also "bringing their total to", "raising its tally to".)
    let new_total = trimmed.strip_suffix(" to").is_some_and(|rest| {
        let mut words = rest.rsplit(' ');
        words.next().is_some_and(|name| NAMES.contains(&name))
            && words.next().is_some_and(|owner| matches!(owner, "the" | "their" | "its"))
    });
    if new_total {
        return Some("figure.new-total");
    }
    let subject = verb_subject(before)?;
    let words: Vec<&str> = subject.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).collect();
    // (Also with where or when it stood: "the count at the same point
    // stood at about 19,600", "the total on Tencent Weibo was 5,300".)
    let restated = (0..words.len().saturating_sub(1)).rev().take(7).any(|at| {
        let modified = match words.get(at + 2) {
            None => true,
            Some(preposition) => matches!(*preposition, "at" | "on" | "for" | "in"),
        };
        matches!(words[at], "the" | "that" | "this") && NAMES.contains(&words[at + 1]) && modified
    });
    restated.then_some("figure.restated")
}

/// Where the estimate verb starts in a phrase ending "... put the (total)
/// number of <noun>" (lowercase).
fn estimate_verb(phrase: &str) -> Option<usize> {
    let at = phrase.rfind(" number of ")?;
    let lead = phrase[..at].trim_end();
    let lead = lead.strip_suffix(" the total").or_else(|| lead.strip_suffix(" the"))?;
    let verb = lead.rsplit(' ').next()?;
    CUES.estimate_verbs.contains(&verb).then(|| lead.len() - verb.len())
}

/// The subject of the linking verb ("reached", "stood at", "rose ... to")
/// that ends `before`, up to the verb.
fn verb_subject(before: &str) -> Option<&str> {
    let trimmed = before.trim_end();
    let verb = CUES.linking_verbs.iter().copied().find(|verb| {
        trimmed.strip_suffix(*verb).is_some_and(|rest| rest.ends_with([' ', ',']) || rest.ends_with(char::is_numeric))
    });
    // "... grew by 25% over the period, to 79,000": the new value.
    let changed_to = || {
        let rest = trimmed.strip_suffix("to")?;
        // ("up to 3,000" is a hedge, not a change.)
        let changed = rest.ends_with([' ', ','])
            && !rest.trim_end().ends_with(" up")
            && CUES.change_verbs.iter().any(|v| rest.split(|c: char| !c.is_alphabetic()).any(|w| w == *v));
        changed.then_some("to")
    };
    // "A report put the number of government microblogs at 50,561": the
    // value an estimate gives.
    let estimated_at = || estimate_verb(trimmed.strip_suffix(" at")?).map(|_| "at");
    let verb = verb.or_else(changed_to).or_else(estimated_at)?;
    Some(&trimmed[..trimmed.len() - verb.len()])
}

/// Accounts of government bodies or officials get a finer measure, from
/// the words that describe them (`described`: "verified government") and
/// what follows ("operated by government agencies").
fn refine_measure(measure: &'static str, described: &str, following: &str) -> &'static str {
    // (Government accounts are of agencies or of officials.)
    if !matches!(measure, "Accounts" | "GovernmentAccounts") {
        return measure;
    }
    let mut words: Vec<&str> = following.split_whitespace().take(8).collect();
    // "35 accounts are operated by ...": the auxiliary does not matter.
    while words
        .first()
        .is_some_and(|w| matches!(*w, "are" | "were" | "is" | "was" | "have" | "has" | "had" | "been" | "being"))
    {
        words.remove(0);
    }
    let following = words.join(" ");
    // ("Accounts of agencies and officials", "opened by agencies and
    // officials" are both kinds.)
    let agents: Vec<&str> = CUES
        .agent_participles
        .iter()
        .chain(&["by", "to", "of"])
        .filter_map(|verb| following.strip_prefix(verb)?.strip_prefix(' '))
        .collect();
    let by = |who: &[&str]| {
        agents.iter().any(|agent| {
            who.iter().filter_map(|w| agent.strip_prefix(w)).any(|rest| {
                let both = rest.strip_prefix(" and ").is_some_and(|r| r.starts_with(char::is_alphabetic));
                rest.is_empty() || !rest.starts_with(char::is_alphanumeric) && !both
            })
        })
    };
    if by(&[
        "government agencies",
        "agencies",
        "departments",
        "government departments",
        "authorities",
        "high-level government agencies",
        "offices",
        "government offices",
        "bodies",
        "government bodies",
    ]) {
        "AgencyAccounts"
    } else if by(&["officials", "individual officials", "government officials", "officers"]) {
        "OfficialAccounts"
    } else if described.split_whitespace().any(|word| word == "agency") {
        // ("17,960 agency accounts")
        "AgencyAccounts"
    } else if ["government", "official", "verified"].iter().any(|w| described.contains(w)) {
        "GovernmentAccounts"
    } else {
        measure
    }
}

/// Folds a figure stated twice in an article into one with both sentences
/// as its evidence.
pub fn merge_repeated(extraction: &mut Extraction) {
    let figures = std::mem::take(&mut extraction.figures);
    let mut merged: Vec<Figure> = Vec::new();
    for figure in figures {
        let same = merged.iter_mut().find(|m| {
            m.value == figure.value
                && m.percent == figure.percent
                && m.platform == figure.platform
                && m.measure == figure.measure
                // (Two accounts with as many posts are two figures.)
                && (m.subject == figure.subject || m.subject.is_none() || figure.subject.is_none())
                // (Restated later in the same words but with no date of its
                // own, as a summary does: the figure as of its first date.)
                && (m.date == figure.date
                    || figure.date_inferred
                        && !m.date_inferred
                        && m.qualifier == figure.qualifier
                        && m.subject == figure.subject)
        });
        match same {
            Some(existing) => {
                let new: Vec<Evidence> =
                    figure.evidence.into_iter().filter(|e| e.sentence != existing.evidence[0].sentence).collect();
                existing.evidence.extend(new);
            }
            None => merged.push(figure),
        }
    }
    extraction.figures = merged;
}

#[cfg(test)]
mod tests;
