//! Organisations, platforms and accounts named in a sentence.
//!
//! Known names come from the gazetteer. Unknown organisations are found by
//! the shape of their names: capitalised words that end in a head noun
//! ("... Publicity Department", "... Monitoring Center"), with "of"/"for"
//! chains ("Ministry of Public Security"), or a place followed by a body in
//! lower case ("Guangdong police", "Shanghai's government press office").

use super::gazetteer::{EntityKind as GazetteerKind, Entry, OrgKind, gazetteer};
use super::words::{Word, is_pinyin, slug};
use super::{Entity, EntityKind, Extraction, Sentence};
use crate::lexicon;
use regex::Regex;
use std::collections::{BTreeSet, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

/// An entity found in the sentence being read (span relative to it).
#[derive(Clone, Debug)]
pub struct Found {
    pub span: Range<usize>,
    pub entity: usize,
    pub kind: EntityKind,
}

/// Everything named in one sentence.
#[derive(Debug, Default)]
pub struct Named {
    pub entities: Vec<Found>,
    /// Places (not entities of the graph unless they hold posts).
    pub places: Vec<(Range<usize>, &'static Entry)>,
    /// The place (not a country) the story is in as of this sentence: the
    /// one named last, for "the province's governor".
    pub story_place: Option<&'static Entry>,
    /// The counties, districts and townships the gazetteer does not know
    /// named so far, as written ("Pingyuan County"), the last one last, for
    /// "the county's Communist Party secretary".
    pub story_locals: Vec<String>,
}

impl Named {
    /// The entity whose span starts at `at` (after an optional "the ").
    pub fn starting_at(&self, text: &str, at: usize) -> Option<&Found> {
        let start = after_the(text, at);
        self.entities.iter().find(|f| f.span.start == start)
    }

    /// The place whose span starts at `at` (after an optional "the ").
    pub fn place_starting_at(&self, text: &str, at: usize) -> Option<&(Range<usize>, &'static Entry)> {
        let start = after_the(text, at);
        self.places.iter().find(|(span, _)| span.start == start)
    }

    /// The entity whose span ends at `at`.
    pub fn ending_at(&self, at: usize) -> Option<&Found> {
        self.entities.iter().find(|f| f.span.end == at)
    }

    pub fn platforms(&self) -> impl Iterator<Item = &Found> {
        self.entities.iter().filter(|f| f.kind == EntityKind::Platform)
    }

    pub fn organizations(&self) -> impl Iterator<Item = &Found> {
        self.entities.iter().filter(|f| matches!(f.kind, EntityKind::Organization(_)))
    }

    /// Whether `at` falls inside a named entity or place.
    pub fn covers(&self, at: usize) -> bool {
        self.entities.iter().any(|f| f.span.contains(&at)) || self.places.iter().any(|(s, _)| s.contains(&at))
    }
}

/// Where the words at `at` begin once an opening "the " is passed.
fn after_the(text: &str, at: usize) -> usize {
    let the = text.get(at..at + 4).is_some_and(|word| word.eq_ignore_ascii_case("the "));
    if the { at + 4 } else { at }
}

static HEADS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lexicon::words("gazetteer/org_heads.txt").into_iter().collect());

/// Clause openers that begin a name before "People's" or a head noun and
/// "of" (`lexicon/name_adjectives.txt`).
static NAME_ADJECTIVES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lexicon::words("lexicon/name_adjectives.txt").into_iter().collect());

/// Whether the clause opener at `at` begins a name: "Chinese People's
/// Public Security University", "Chinese Academy of Governance".
fn opens_name(tokens: &[Word<'_>], at: usize) -> bool {
    let word = |i: usize| tokens.get(i).map(|w| w.text);
    // (Or a head in the possessive: "Chinese University's School of
    // Journalism".)
    let head = tokens.get(at + 1).filter(|w| HEADS.contains(w.without_possessive()));
    NAME_ADJECTIVES.contains(tokens[at].text)
        && (word(at + 1) == Some("People's")
            || head.is_some_and(|head| head.is_possessive() || word(at + 2) == Some("of")))
}

/// Phrases with the kind of organisation each names (a `phrase<TAB>kind`
/// table of `ontology/`), and a pattern made around their alternation.
struct KindedPhrases {
    pattern: Regex,
    kinds: Vec<(&'static str, OrgKind)>,
}

impl KindedPhrases {
    fn new(table: &str, name: &str, pattern: impl Fn(&str) -> String) -> Self {
        let table = lexicon::table(table, 2);
        let kinds: Vec<(&str, OrgKind)> = table.rows.iter().map(|r| (r[0], OrgKind::parse(r[1]))).collect();
        let alternation = lexicon::alternation(kinds.iter().map(|(phrase, _)| *phrase));
        let pattern = Regex::new(&pattern(&alternation)).unwrap_or_else(|err| panic!("{name} pattern: {err}"));
        Self { pattern, kinds }
    }

    /// The kind of `phrase`, one of the table's in any case.
    fn kind_of(&self, phrase: &str) -> Option<OrgKind> {
        self.kinds.iter().find(|(p, _)| p.eq_ignore_ascii_case(phrase)).map(|(_, kind)| *kind)
    }
}

/// The kind of place, described, before its name: "(the bureau of) the
/// southern city of Guangzhou".
static PLACE_DESCRIBED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(" {DESCRIBED_PLACE}$")).expect("described place pattern compiles"));

/// Words describing the place named after them: "the southern city of ",
/// "the eastern province of ".
pub const DESCRIBED_PLACE: &str = r"the\s+(?:[a-z-]+\s+){0,2}(?:city|province|county|district|town|region)\s+of\s+";

/// "the land resources bureau", "the work safety administration": a body
/// in lower case that `lexicon/local_bodies.tsv` does not list, before "in"
/// and a place (`LOCAL_BODIES_LONGEST_FIRST` first).
static LOWER_CASE_BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?i:the)\s+(?P<body>(?:[a-z][a-z-]+\s+){1,3}(?:bureau|administration|commission|department|office|committee))$")
        .expect("lower-case body pattern compiles")
});

/// A compass point before a place: "in northwestern Shaanxi province".
static COMPASS_POINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r" (?:north|south|east|west|central|(?:north|south)(?:east|west))(?:ern)? $")
        .expect("compass point pattern compiles")
});

/// Place + lower-case body: "Guangdong police", "Shanghai's press office".
static LOCAL_BODY: LazyLock<KindedPhrases> = LazyLock::new(|| {
    // ("the Zhejiang provincial Party committee": some write a word of it
    // in capitals.)
    KindedPhrases::new("lexicon/local_bodies.tsv", "local body", |bodies| {
        format!(r"^(?:'s|\u{{2019}}s)?\s+(?P<body>(?i:{bodies}))\b")
    })
});

/// A body named by the level of the place the story is in ("the municipal
/// public security bureau", "the province's publicity department"), with
/// the kinds of place each level word fits (`lexicon/place_levels.tsv`).
struct StoryBodies {
    pattern: Regex,
    fits: Vec<(&'static str, Vec<&'static str>)>,
}

static STORY_BODY: LazyLock<StoryBodies> = LazyLock::new(|| {
    let table = lexicon::table("lexicon/place_levels.tsv", 2);
    let fits: Vec<(&str, Vec<&str>)> =
        table.rows.iter().map(|row| (row[0], lexicon::Table::alternatives(row[1]).collect())).collect();
    // (Typeset apostrophes too: "the city’s police".)
    let levels = lexicon::alternation(fits.iter().map(|(word, _)| *word)).replace('\'', "['\u{2019}]");
    let bodies = lexicon::alternation(LOCAL_BODY.kinds.iter().map(|(phrase, _)| *phrase));
    // (Also "the provincial government's information office".)
    let pattern = Regex::new(&format!(
        r"\b(?i:the)\s+(?P<level>(?i:{levels}))\s+(?P<government>government['\u{{2019}}]s\s+)?(?P<body>(?i:{bodies}))\b"
    ))
    .expect("story body pattern compiles");
    StoryBodies { pattern, fits }
});

/// What earlier sentences of an article set for the later ones: the place
/// the story is in, named last.
#[derive(Default)]
pub struct Setting {
    place: Option<&'static Entry>,
    locals: Vec<String>,
}

/// The phrases of `lexicon/local_bodies.tsv`, longest first, to find one
/// ending right before "in" or "of" and a place.
static LOCAL_BODIES_LONGEST_FIRST: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut bodies: Vec<&str> = LOCAL_BODY.kinds.iter().map(|(phrase, _)| *phrase).collect();
    bodies.sort_by_key(|body| std::cmp::Reverse(body.len()));
    bodies
});

/// An apposition that says what an unknown name is: ", a Beijing-based
/// research firm" (`lexicon/org_appositives.tsv`).
static ORG_APPOSITIVE: LazyLock<KindedPhrases> = LazyLock::new(|| {
    KindedPhrases::new("lexicon/org_appositives.tsv", "organisation apposition", |nouns| {
        format!(
            r"^,\s+(?:a|an)\s+(?:[\w-]+\s+){{0,3}}?(?P<noun>{nouns})(?:[,.;]|\s+(?:in|based|that|which|with|owned|run|founded)\b|$)"
        )
    })
});

/// The same nouns before the name: "Beijing-based consultancy Anvision
/// Data", "the think tank Horizon Research".
static ORG_DESCRIBED_BEFORE: LazyLock<KindedPhrases> = LazyLock::new(|| {
    KindedPhrases::new("lexicon/org_appositives.tsv", "organisation described before", |nouns| {
        let described = DESCRIPTION_SUFFIXES.join("|");
        format!(r"(?:^|\s)(?:the|a|an|[\w-]+(?:{described}))\s+(?:[a-z-]+\s+)?(?P<noun>{nouns})\s+$")
    })
});

/// The kind of organisation a description right after a name (`after`) or
/// right before it (`before`) says it is.
fn described_as_org(before: &str, after: &str) -> Option<OrgKind> {
    let described = |phrases: &KindedPhrases, text: &str| {
        phrases.pattern.captures(text).and_then(|caps| phrases.kind_of(caps.name("noun")?.as_str()))
    };
    described(&ORG_APPOSITIVE, after).or_else(|| described(&ORG_DESCRIBED_BEFORE, before))
}

/// Each word capitalised but the short ones that link them: "public
/// security bureau" as "Public Security Bureau".
fn title_case(words: &str) -> String {
    let word = |w: &str| {
        if matches!(w, "of" | "and" | "for" | "the") {
            return w.to_string();
        }
        let mut chars = w.chars();
        chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
    };
    words.split_whitespace().map(word).collect::<Vec<_>>().join(" ")
}

/// "its microblog" a few words after a company: "Tencent said its
/// microblog had 540 million users", "Tencent Holdings Ltd. claims 507 million for
/// its own microblog".
static ITS_MICROBLOG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[.,]?(?:\s+[\w,.'\u{2019}-]+){0,8}?\s+(?P<its>its\s+(?:own\s+)?(?i:micro[- ]?blog(?:ging)?(?:\s+service)?|weibo(?:\s+service)?))\b")
        .expect("its-microblog pattern compiles")
});

/// "its Sina account", "Tencent accounts", "accounts on Sina", "followers
/// on Tencent's service": the company's name stands for the platform it
/// runs.
static COMPANY_ACCOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s+accounts?\b|(?:'s|\u{2019}s)\s+(?:own\s+|rival\s+)?(?:micro[- ]?blog(?:ging)?\s+)?service\b)")
        .expect("company account pattern compiles")
});

/// The platform a company (named at `span`) runs, when the words after its
/// name call it "its microblog" or an account on it: the platform's span and
/// the platform.
fn its_platform(text: &str, span: &Range<usize>, company: &'static Entry) -> Option<(Range<usize>, &'static Entry)> {
    let rest = &text[span.end..];
    let platform_span = if let Some(its) = ITS_MICROBLOG.captures(rest).and_then(|caps| caps.name("its")) {
        span.end + its.start()..span.end + its.end()
    } else if text[..span.start].ends_with(" on ") && !rest.trim_start_matches('.').starts_with(['\'', '\u{2019}']) {
        // (But "on Sina's website" or "on Sina Corp.'s Weibo" is on the
        // company's.)
        span.clone()
    } else {
        span.start..span.end + COMPANY_ACCOUNT.find(rest)?.end()
    };
    Some((platform_span, gazetteer().platform_run_by(company.id)?))
}

/// A named account: "the Foreign Ministry's Waijiao Xiaolingtong micro blog".
static ACCOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:'s|\u{2019}s)\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3})\s*(?:(?:—|--|–|-|\()\s*[^—–()]{1,60}?\s*(?:—|--|–|-|\))\s*)?(?P<noun>micro[- ]?blogs?|microblog|account|Weibo account|Weibo|WeChat account)\b")
        .expect("account pattern compiles")
});

/// A named account after the word for it, set off by commas: "the Ministry
/// of Foreign Affairs' microblog, Waijiao Xiaolingtong (...), has".
static ACCOUNT_APPOSITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:'s|\u{2019}s|'|\u{2019})\s+(?:official\s+)?(?:micro[- ]?blog|microblog|Weibo account|account),\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3})\s*(?:\([^)]{1,60}\)\s*)?,")
        .expect("account apposition pattern compiles")
});

/// A quoted account name after the word for it: "its microblog "Ping'an
/// Nanjing"", "an account called "Shanghai Fabu"".
static QUOTED_ACCOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\b(?i:micro[- ]?blogs?|microblog|account|weibo|wechat account|public account)\s+(?:(?i:called|named|dubbed)\s+)?["\u{201c}](?P<name>[A-Z][^"\u{201d}]{1,40}?)[,.]?["\u{201d}]"#)
        .expect("quoted account pattern compiles")
});

/// Reads the organisations, platforms, accounts and places of a sentence,
/// adds them to the extraction, and returns them with their local spans.
pub fn find(sentence: &Sentence<'_>, setting: &mut Setting, extraction: &mut Extraction) -> Named {
    let text = sentence.text;
    let mut named = Named::default();
    let mut candidates: Vec<(Range<usize>, Candidate)> = Vec::new();
    let known = gazetteer().find(text);
    for found in known.iter().cloned() {
        match found.entry.kind {
            GazetteerKind::Place { .. } => named.places.push((found.span, found.entry)),
            GazetteerKind::Platform if super::likeness::is_likeness(text, &found.span, found.entry) => {}
            // ("Communist Party secretary of Qiyang county": a title, whose
            // body is the one after "of".)
            GazetteerKind::Organization(OrgKind::Party) if titles_a_post_of(&text[found.span.end..]) => {}
            // ("Hunan's Xinhua county": a place named as a body is.)
            GazetteerKind::Organization(_) if names_a_place(&text[found.span.end..]) => {}
            _ => {
                if let Some((span, platform)) = its_platform(text, &found.span, found.entry)
                    // ("Tencent said Sina runs its own microblog" is Sina's.)
                    && !known.iter().any(|other| {
                        other.span.start >= found.span.end
                            && other.span.end <= span.start
                            && matches!(other.entry.kind, GazetteerKind::Organization(_))
                    })
                {
                    candidates.push((span, Candidate::Known(platform)));
                }
                candidates.push((found.span, Candidate::Known(found.entry)));
            }
        }
    }
    let tokens = &sentence.words;
    for (span, name, kind) in capitalised_names(text, tokens, &named.places) {
        candidates.push((span, Candidate::Named(name, kind)));
    }
    candidates.extend(ministers_ministries(tokens).map(|(span, ministry)| (span, Candidate::Known(ministry))));
    // (Places within a country: the bodies around them, and the place the
    // story is in.)
    let local_places: Vec<(Range<usize>, &'static Entry)> =
        named.places.iter().filter(|(_, p)| p.kind == GazetteerKind::Place { country: false }).cloned().collect();
    for (place_span, place) in &local_places {
        let rest = &text[place_span.end..];
        if let Some(caps) = LOCAL_BODY.pattern.captures(rest) {
            let body = caps.name("body").map_or(String::new(), |m| m.as_str().to_lowercase());
            let end = place_span.end + caps.get(0).map_or(0, |m| m.end());
            candidates.push((place_span.start..end, place_body(place.name, &body)));
        }
    }
    // ("Hexi County's public security bureau": a county or district the
    // gazetteer does not know, with a body of it.)
    for local in LOCAL_PLACE.find_iter(text) {
        let known = candidates.iter().any(|(span, _)| span.start < local.end() && local.start() < span.end);
        // (Not "The County's ...".)
        if known || opens_clause(local.as_str()) {
            continue;
        }
        if let Some(caps) = LOCAL_BODY.pattern.captures(&text[local.end()..]) {
            let body = caps.name("body").map_or(String::new(), |m| m.as_str().to_lowercase());
            let end = local.end() + caps.get(0).map_or(0, |m| m.end());
            candidates.push((local.start()..end, place_body(&title_case(local.as_str()), &body)));
        }
    }
    // The body written before its place: "police in Dongguan", "the public
    // security bureau in Suqian", "the municipal government of Nanjing".
    // (Also "the public security bureau of the southern city of Guangzhou".)
    for (place_span, place) in &local_places {
        let lead = &text[..place_span.start];
        let described = PLACE_DESCRIBED.find(lead).map(|described| &lead[..=described.start()]);
        // (Only "of": "a district government in the eastern city of
        // Hangzhou" is one of the city's districts.)
        let lead = match described {
            Some(lead) => lead.strip_suffix(" of "),
            None => {
                // ("the work safety administration in northwestern Shaanxi")
                let lead = COMPASS_POINT.find(lead).map_or(lead, |point| &lead[..=point.start()]);
                lead.strip_suffix(" in ").or_else(|| lead.strip_suffix(" of "))
            }
        };
        let Some(lead) = lead else { continue };
        let listed = LOCAL_BODIES_LONGEST_FIRST.iter().find(|body| super::words::ends_with_word(lead, body)).copied();
        // ("the land resources bureau in Hengyang": unlisted, but a body by
        // its noun; not "the head of the bureau in ...", nor "the news
        // office of Dongguan's public security bureau".)
        let possessed = text[place_span.end..].starts_with(['\'', '\u{2019}']);
        let unlisted = || {
            let body = LOWER_CASE_BODY.captures(lead).filter(|_| !possessed)?.name("body")?.as_str();
            let linked =
                body.split_whitespace().any(|word| matches!(word, "of" | "and" | "its" | "their" | "his" | "her"));
            (!linked).then_some(body)
        };
        if let Some(body) = listed.or_else(unlisted) {
            let start = lead.len() - body.len();
            candidates.push((start..place_span.end, place_body(place.name, body)));
        }
    }
    // (Also of a county or district the gazetteer does not know: "the
    // government of Jianggan district".)
    let story_locals: Vec<regex::Match<'_>> =
        STORY_LOCAL.find_iter(text).filter(|m| !opens_clause(m.as_str())).collect();
    for local in &story_locals {
        let Some(lead) = text[..local.start()].strip_suffix(" of ") else { continue };
        if let Some(body) = LOCAL_BODIES_LONGEST_FIRST.iter().find(|body| super::words::ends_with_word(lead, body)) {
            let start = lead.len() - body.len();
            candidates.push((start..local.end(), place_body(local.as_str(), body)));
        }
    }
    let story_bodies = story_bodies(text, &local_places, setting.place);
    if let Some((_, place)) = local_places.last() {
        setting.place = Some(place);
    }
    named.story_place = setting.place;
    setting.locals.extend(story_locals.iter().map(|local| local.as_str().to_string()));
    named.story_locals = setting.locals.clone();
    candidates.extend(story_bodies.iter().cloned());
    // An acronym where a post is held: "an internet analyst at CLSA".
    for (i, word) in tokens.iter().enumerate().filter(|(_, w)| is_acronym(w.text)) {
        let before: Vec<&str> = tokens[i.saturating_sub(4)..i].iter().map(|w| w.text).collect();
        let held = before.split_last().is_some_and(|(at, role)| {
            matches!(*at, "at" | "with" | "from")
                && role.iter().any(|w| lexicon::ROLE_WORDS.contains(&w.trim_end_matches(',').to_lowercase()))
        });
        if held && !known.iter().any(|k| k.span.start <= word.span.start && word.span.end <= k.span.end) {
            candidates.push((word.span.clone(), Candidate::Named(word.text.to_string(), OrgKind::Other)));
        }
    }
    // An acronym the article gave a body before: "the Rule-of-Law Public
    // Opinion Lab (RPOL) ... RPOL researchers".
    for word in tokens.iter().filter(|w| is_acronym(w.text)) {
        let given = extraction.entities.iter().find(|e| is_organization(e) && e.aliases.contains(word.text));
        if let Some(given) = given
            && let EntityKind::Organization(kind) = given.kind
        {
            candidates.push((word.span.clone(), Candidate::Named(given.name.clone(), kind)));
        }
    }
    let chosen = with_parents(text, choose(candidates.clone()), &candidates);
    let mut parent_of_previous = false;
    for (position, (span, candidate)) in chosen.iter().enumerate() {
        let span = span.clone();
        // "the Office of Public Sentiment Monitoring, People's Daily Online":
        // a unit followed by its parent's name is one body, whose parent is
        // recorded rather than mentioned.
        if parent_of_previous {
            parent_of_previous = false;
            continue;
        }
        let parent = chosen.get(position + 1).filter(|(next, next_candidate)| {
            let Some(between) = text.get(span.end..next.start) else { return false };
            let closes =
                text[next.end..].trim_start().starts_with([',', '.', ';', ')']) || text[next.end..].trim().is_empty();
            between == ", "
                && closes
                && is_unit(candidate)
                && matches!(next_candidate, Candidate::Known(e) if matches!(e.kind, GazetteerKind::Organization(_)))
        });
        // ("the Information Office" after "the Information Office of Beijing
        // Municipal Government": the body named in full before.)
        if let Candidate::Named(name, _) = candidate
            && whole_known(name).is_none()
            && let Some(index) = named_in_full(name, extraction)
        {
            extraction.mention(index, sentence.evidence(span.clone(), "org.short-name-of-named-body"));
            named.entities.push(Found { span, entity: index, kind: extraction.entities[index].kind });
            continue;
        }
        // ("the microblogs of People's Daily Online and Xinhuanet": the
        // portals named stand for their platforms, and are named too as
        // their owners.)
        let listed = match candidate {
            &Candidate::Known(entry) => platform_in_list(text, span.clone(), entry),
            Candidate::Named(..) => None,
        };
        if let (Some((_, true)), &Candidate::Known(operator)) = (listed, candidate) {
            let index = extraction.entity(known_entity(operator, &text[span.clone()]));
            extraction.mention(index, sentence.evidence(span.clone(), "org.operator-of-listed-platform"));
        }
        let (mut entity, rule) = match candidate {
            &Candidate::Known(entry) => match listed {
                Some((platform, _)) => {
                    (known_entity(platform, &text[span.clone()]), "platform.operator-in-platform-list")
                }
                None => (
                    known_entity(entry, &text[span.clone()]),
                    if entry.kind == GazetteerKind::Platform { "platform.gazetteer" } else { "org.gazetteer" },
                ),
            },
            Candidate::Named(name, kind) => match whole_known(name) {
                Some(entry) => (known_entity(entry, &text[span.clone()]), "org.gazetteer"),
                None => (named_org(name, *kind, &text[span.clone()]), "org.name-shape"),
            },
        };
        let rule = if story_bodies.iter().any(|(s, _)| *s == span) { "org.body-of-the-story-place" } else { rule };
        if let Some((_, Candidate::Known(parent))) = parent {
            entity.related =
                entity.related.or_else(|| Some(entity_key(EntityKind::Organization(OrgKind::Other), parent.id)));
            parent_of_previous = true;
        }
        let kind = entity.kind;
        let index = extraction.entity(entity);
        extraction.mention(index, sentence.evidence(span.clone(), rule));
        // ("the Rule-of-Law Public Opinion Lab (RPOL)": a name the article
        // gives it.)
        if matches!(kind, EntityKind::Organization(_))
            && let Some(caps) = ACRONYM_AFTER.captures(&text[span.end..])
        {
            extraction.entities[index].aliases.insert(caps["acronym"].to_string());
        }
        named.entities.push(Found { span, entity: index, kind });
    }
    find_accounts(sentence, &mut named, extraction);
    named.entities.sort_by_key(|f| f.span.start);
    named
}

/// Whether `after` a party's name goes on with a one-word role and "of":
/// "(Communist Party) secretary of ...", "(Party) chief of ...".
fn titles_a_post_of(after: &str) -> bool {
    let mut words = after.split_whitespace();
    let role = words.next().map(|word| word.to_lowercase());
    role.is_some_and(|role| lexicon::ROLE_WORDS.contains(&role)) && words.next() == Some("of")
}

/// The organisation named last whose name is `short` and what it is a unit
/// of: "Information Office" for "Information Office of Beijing Municipal
/// Government".
fn named_in_full(short: &str, extraction: &Extraction) -> Option<usize> {
    extraction.entities.iter().rposition(|entity| {
        is_organization(entity) && entity.name.strip_prefix(short).is_some_and(|rest| rest.starts_with(" of "))
    })
}

/// An acronym in brackets right after a name: " (RPOL)".
static ACRONYM_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\((?P<acronym>[A-Z]{2,6})\)").expect("acronym pattern compiles"));

/// A word of two to six capital letters.
fn is_acronym(word: &str) -> bool {
    (2..=6).contains(&word.len()) && word.chars().all(|c| c.is_ascii_uppercase())
}

fn is_organization(entity: &Entity) -> bool {
    matches!(entity.kind, EntityKind::Organization(_))
}

/// Whether a candidate names a unit of a larger body (an office, centre,
/// department) that may be followed by its parent's name.
fn is_unit(candidate: &Candidate) -> bool {
    let name = match candidate {
        Candidate::Known(entry) => entry.name,
        Candidate::Named(name, _) => name.as_str(),
    };
    ["Office", "Center", "Centre", "Department", "Bureau", "Division", "Institute"]
        .iter()
        .any(|unit| name.split_whitespace().any(|w| w == *unit))
}

#[derive(Clone)]
enum Candidate {
    Known(&'static Entry),
    Named(String, OrgKind),
}

/// Keeps the longest of overlapping candidates (gazetteer first on a tie).
fn choose(mut candidates: Vec<(Range<usize>, Candidate)>) -> Vec<(Range<usize>, Candidate)> {
    candidates.sort_by_key(|(span, c)| (span.start, std::cmp::Reverse(span.end), matches!(c, Candidate::Named(..))));
    let mut chosen: Vec<(Range<usize>, Candidate)> = Vec::new();
    for (span, candidate) in candidates {
        // Overlaps go to the longer name ("Party School of the CPC Beijing
        // Municipal Committee" over "CPC"); "X of <platform>" names were
        // already cut before the platform by `org_in_run`.
        if chosen.last().is_some_and(|(last, _)| span.start < last.end) {
            continue;
        }
        chosen.push((span, candidate));
    }
    chosen
}

/// The chosen names, each unit named with a body the gazetteer knows
/// followed by that body too: "the School of Journalism and Communication
/// of Renmin University of China" names the school and the university.
fn with_parents(
    text: &str,
    chosen: Vec<(Range<usize>, Candidate)>,
    candidates: &[(Range<usize>, Candidate)],
) -> Vec<(Range<usize>, Candidate)> {
    let mut all = Vec::with_capacity(chosen.len());
    for (span, candidate) in chosen {
        let parent = matches!(candidate, Candidate::Named(..))
            .then(|| {
                candidates.iter().find(|(inner, inner_candidate)| {
                    matches!(inner_candidate, Candidate::Known(_))
                        && inner.end == span.end
                        && inner.start > span.start
                        && [" of ", " of the "].iter().any(|of| text[span.start..inner.start].ends_with(of))
                })
            })
            .flatten()
            .cloned();
        all.push((span, candidate));
        all.extend(parent);
    }
    all
}

/// In a list of platforms ("other platforms, such as Netease and People's
/// Daily Online", "the microblog services of People's Daily Online and
/// Xinhua", "accounts on Sina Weibo, Tencent Weibo, People's Daily Online
/// and Xinhuanet"), a company stands for the platform it runs: that
/// platform, and whether the list names the companies as its owners ("the
/// microblogs of ...", "microblogs run by ...").
fn platform_in_list(text: &str, span: Range<usize>, entry: &'static Entry) -> Option<(&'static Entry, bool)> {
    if entry.kind == GazetteerKind::Platform {
        return None;
    }
    let at = span.start;
    let before = text[..at].to_ascii_lowercase();
    let clause_start = before.rfind([';', '.']).map_or(0, |i| i + 1);
    let list = &before[clause_start..];
    let cued = LIST_CUES
        .iter()
        .filter_map(|cue| {
            list.rfind(cue.as_str()).map(|i| (i + cue.len(), cue.ends_with(" of") || cue.ends_with(" by")))
        })
        .max();
    // (Or after a platform, in a list joined by "and" or "or": not "WeChat,
    // Tencent's messaging app".)
    let after_platform = || {
        let platforms = gazetteer().find(&text[clause_start..at]);
        let last = platforms.iter().filter(|m| m.entry.kind == GazetteerKind::Platform).map(|m| m.span.end).max()?;
        let joined = |words: &str| words.contains(" and ") || words.contains(" or ");
        let after = &text[span.end..];
        let goes_on = [",", " and ", " or "].iter().any(|joint| after.starts_with(joint));
        (list[last..].contains(',') && (joined(&list[last..]) || goes_on)).then_some((last, false))
    };
    let (start, owners) = cued.or_else(after_platform)?;
    // Only names within the list itself: separated by commas and "and".
    let between = &list[start..];
    if between
        .split([',', ' '])
        .any(|w| !w.is_empty() && w != "and" && w != "or" && !w.chars().next().is_some_and(char::is_alphanumeric))
    {
        return None;
    }
    // (Each item a name: "on Sina Weibo, a rival of Twitter" is no list.)
    let items = text[clause_start + start..at].split([',']).flat_map(|item| item.split(" and "));
    if !items.map(str::trim).filter(|item| !item.is_empty()).all(|item| item.starts_with(char::is_uppercase)) {
        return None;
    }
    Some((gazetteer().platform_run_by(entry.id)?, owners))
}

/// What opens a list of platforms: "platforms such as", "the microblog
/// services of" (`lexicon/platform_list_cues.txt`).
static LIST_CUES: LazyLock<Vec<String>> =
    LazyLock::new(|| lexicon::words("lexicon/platform_list_cues.txt").into_iter().map(str::to_lowercase).collect());

/// The gazetteer entry a whole name stands for, if any.
fn whole_known(name: &str) -> Option<&'static Entry> {
    gazetteer()
        .find(name)
        .into_iter()
        .find(|m| m.span.start == 0 && m.span.end == name.len() && !matches!(m.entry.kind, GazetteerKind::Place { .. }))
        .map(|m| m.entry)
}

pub fn entity_key(kind: EntityKind, id: &str) -> String {
    let prefix = match kind {
        EntityKind::Person => "person",
        EntityKind::Organization(_) => "org",
        EntityKind::Platform => "platform",
        EntityKind::Account => "account",
    };
    format!("{prefix}-{id}")
}

/// The entity a gazetteer entry stands for, named `surface` in the text.
pub fn known_entity(entry: &'static Entry, surface: &str) -> Entity {
    let kind = match entry.kind {
        GazetteerKind::Platform => EntityKind::Platform,
        GazetteerKind::Organization(kind) => EntityKind::Organization(kind),
        GazetteerKind::Place { .. } => EntityKind::Organization(OrgKind::Jurisdiction),
    };
    let related = entry.related.map(|id| entity_key(EntityKind::Organization(OrgKind::Other), id));
    Entity {
        key: entity_key(kind, entry.id),
        kind,
        name: entry.name.to_string(),
        aliases: alias_set(surface, entry.name),
        related,
        platform: None,
        opened: None,
    }
}

/// The microblog a company runs ("Sina" runs Sina Weibo), for "Sina.com
/// hosted 1,708 of the accounts".
pub fn microblog_of(company: &Entity) -> Option<Entity> {
    if company.kind != EntityKind::Organization(OrgKind::Company) {
        return None;
    }
    let id = company.key.strip_prefix(&entity_key(company.kind, ""))?;
    let platform = gazetteer().platform_run_by(id).filter(|p| p.name.ends_with(" Weibo"))?;
    Some(known_entity(platform, platform.name))
}

/// The levels of a place the gazetteer may not know: "Longtan county",
/// "Xindu District", "Liling city".
pub const LOCAL_LEVELS: &str = "county|district|city|township|town|village|prefecture";

/// The levels below a city, whose places the gazetteer (of provinces and
/// cities) does not hold.
pub const BELOW_CITY: [&str; 3] = ["county", "district", "township"];

/// A county or district as the story names it, in either case: "Pingyuan
/// County", "Jianggan district", "Jing'an District".
static STORY_LOCAL: LazyLock<Regex> = LazyLock::new(|| {
    let levels = BELOW_CITY.join("|");
    Regex::new(&format!(r"\b[A-Z][a-z]+(?:['\u{{2019}}-][a-z]+)?\s+(?i:{levels})\b"))
        .expect("story local pattern compiles")
});

/// Whether the words after a name make it a place's: "Xinhua county",
/// "Jianggan district".
fn names_a_place(after: &str) -> bool {
    after.strip_prefix(' ').and_then(|rest| rest.split_whitespace().next()).is_some_and(|word| {
        let word = word.trim_end_matches(|c: char| !c.is_alphabetic());
        BELOW_CITY.iter().any(|level| word.eq_ignore_ascii_case(level))
    })
}

/// Whether a name begins with a word that opens clauses ("The County").
fn opens_clause(name: &str) -> bool {
    name.split_whitespace().next().is_some_and(|word| lexicon::CLAUSE_OPENERS.contains(word))
}

/// A county, district or prefecture by its name and level: "Hexi County",
/// "Nanhai district".
static LOCAL_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[A-Z][a-z]+\s+(?i:County|District|Prefecture|Township)\b").expect("local place pattern compiles")
});

/// The bodies of a sentence named by the level of the place the story is
/// in (see [`STORY_BODY`]): the place (of `local`, within a country) named
/// last before them in the sentence, else `story_place`, the one named last
/// in the article before it.
fn story_bodies(
    text: &str,
    local: &[(Range<usize>, &'static Entry)],
    story_place: Option<&'static Entry>,
) -> Vec<(Range<usize>, Candidate)> {
    let mut bodies = Vec::new();
    for caps in STORY_BODY.pattern.captures_iter(text) {
        let (Some(whole), Some(level), Some(body)) = (caps.get(0), caps.name("level"), caps.name("body")) else {
            continue;
        };
        let before = local.iter().rev().find(|(span, _)| span.end <= whole.start()).map(|(_, place)| *place);
        let Some(place) = before.or(story_place) else { continue };
        let level = level.as_str().to_lowercase().replace('\u{2019}', "'");
        let fits = STORY_BODY.fits.iter().find(|(word, _)| *word == level).map(|(_, kinds)| kinds);
        if !fits.is_some_and(|kinds| gazetteer().level_of(place).is_some_and(|kind| kinds.contains(&kind))) {
            continue;
        }
        // (A body of one word, "the city's police", "the provincial
        // government", is the place acting rather than one of its bodies.)
        let mut body = body.as_str().to_lowercase();
        if caps.name("government").is_some() {
            body = format!("government {body}");
            if LOCAL_BODY.kind_of(&body).is_none() {
                continue;
            }
        }
        if !body.contains(' ') {
            continue;
        }
        // ("the municipal public security bureau" is the place's "Municipal
        // Public Security Bureau".)
        let with_level = format!("{level} {body}");
        let body = if LOCAL_BODY.kind_of(&with_level).is_some() { with_level } else { body };
        // (The mention leaves out "the ".)
        bodies.push((whole.start() + 4..whole.end(), place_body(place.name, &body)));
    }
    bodies
}

/// A body of a place named by its kind (`body`, in lower case, from
/// `lexicon/local_bodies.tsv`): "Guangdong police", "Shanghai's press office".
fn place_body(place: &str, body: &str) -> Candidate {
    let kind = LOCAL_BODY.kind_of(body).unwrap_or(OrgKind::Agency);
    let body = &body.replace('-', " ");
    // Named as the body names itself: "Shanghai Municipal Government" (but
    // "Chengdu police" or "Beijing local government", which are no names).
    let proper = body.contains(' ') && !body.starts_with("local ");
    let body_name = if proper { title_case(body) } else { body.to_string() };
    let name = format!("{place} {body_name}");
    // Every police phrase of a place ("Guangdong's provincial police bureau")
    // names the place's police, which the gazetteer may know by another of
    // its names ("Guangdong police").
    let police = (kind == OrgKind::Police && whole_known(&name).is_none())
        .then(|| whole_known(&format!("{place} police")))
        .flatten();
    police.map_or(Candidate::Named(name, kind), Candidate::Known)
}

/// The body a unit of a place names, written before it ("the publicity
/// department of Hexi County", `surface`), when `body` is one of
/// `lexicon/local_bodies.tsv`.
pub fn body_of_place(place: &str, body: &str, surface: &str) -> Option<Entity> {
    let body = body.to_lowercase();
    LOCAL_BODY.kind_of(&body)?;
    Some(match place_body(place, &body) {
        Candidate::Known(entry) => known_entity(entry, surface),
        Candidate::Named(name, kind) => match whole_known(&name) {
            Some(entry) => known_entity(entry, surface),
            None => named_org(&name, kind, surface),
        },
    })
}

/// Whether `before` ends with what describes a name after it: "Beijing-based
/// consultancy ", "the think tank ".
pub fn described_before(before: &str) -> bool {
    ORG_DESCRIBED_BEFORE.pattern.is_match(before)
}

/// The company that runs a platform of the gazetteer: Sina for Sina Weibo.
pub fn operator_of(platform: &Entity) -> Option<Entity> {
    let id = platform.key.strip_prefix(&entity_key(EntityKind::Platform, ""))?;
    let operator = gazetteer().get(gazetteer().get(id)?.related?)?;
    Some(known_entity(operator, operator.name))
}

/// An organisation not in the gazetteer, keyed by its normalised name so the
/// same body spelled "Centre" or "Center" is one node.
/// A body known only by its name as written after a post ("an analyst at
/// Jefferies"), of the kind its last word tells.
pub fn body_named(name: &str) -> Entity {
    named_org(name, OrgKind::Other, name)
}

fn named_org(name: &str, kind: OrgKind, surface: &str) -> Entity {
    let kind = if kind == OrgKind::Other { kind_from_head(name) } else { kind };
    // A place's body is one whether or not its level is written: "the
    // Guangzhou Municipal Government" and "the Guangzhou government".
    let place_end = gazetteer()
        .find(name)
        .into_iter()
        .find(|m| m.span.start == 0 && matches!(m.entry.kind, GazetteerKind::Place { .. }))
        .map_or(0, |m| m.span.end);
    let (place, rest) = name.split_at(place_end);
    let rest = match rest.trim_start().split_once(' ') {
        Some((level, body))
            if place_end > 0 && ["municipal", "provincial", "city"].iter().any(|l| level.eq_ignore_ascii_case(l)) =>
        {
            body
        }
        _ => rest,
    };
    // (Nor whether it says "government": "the Yunnan provincial government
    // information office" is the "Yunnan information office".)
    let rest = match rest.trim_start().split_once(' ') {
        Some((government, body)) if place_end > 0 && government.eq_ignore_ascii_case("government") => body,
        _ => rest,
    };
    let normalised = place
        .split_whitespace()
        .chain(rest.split_whitespace())
        .map(|w| match w.to_lowercase().as_str() {
            "centre" => "center".to_string(),
            "organisation" => "organization".to_string(),
            other => other.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ");
    Entity {
        key: entity_key(EntityKind::Organization(kind), &slug(&normalised)),
        kind: EntityKind::Organization(kind),
        name: name.to_string(),
        aliases: alias_set(surface, name),
        related: None,
        platform: None,
        opened: None,
    }
}

/// A jurisdiction used as the body of a post ("Zhejiang Province").
pub fn jurisdiction(place: &'static Entry, surface: &str) -> Entity {
    let name = surface.trim().to_string();
    jurisdiction_named(alias_set(place.name, &name), name)
}

/// A county, district or city the gazetteer does not know, as the body of
/// a post ("party secretary of Longtan county"), named with its level in
/// capitals ("Longtan County").
pub fn local_jurisdiction(surface: &str) -> Entity {
    let name = title_case(surface.trim());
    jurisdiction_named(alias_set(surface, &name), name)
}

fn jurisdiction_named(aliases: BTreeSet<String>, name: String) -> Entity {
    Entity {
        key: entity_key(EntityKind::Organization(OrgKind::Jurisdiction), &slug(&name)),
        kind: EntityKind::Organization(OrgKind::Jurisdiction),
        aliases,
        name,
        related: None,
        platform: None,
        opened: None,
    }
}

fn kind_from_head(name: &str) -> OrgKind {
    let last = name.split_whitespace().last().unwrap_or_default().to_lowercase();
    let has = |w: &str| name.split_whitespace().any(|x| x.eq_ignore_ascii_case(w));
    if has("police") || has("security") {
        OrgKind::Police
    } else if has("party") || has("cpc") || has("communist") {
        OrgKind::Party
    } else if matches!(last.as_str(), "university" | "college" | "school" | "academy" | "institute") || has("research")
    {
        OrgKind::Research
    } else if matches!(
        last.as_str(),
        "daily" | "news" | "times" | "post" | "press" | "television" | "radio" | "network"
    ) {
        OrgKind::Media
    } else if matches!(last.as_str(), "company" | "corporation" | "corp" | "group" | "inc" | "ltd") {
        OrgKind::Company
    } else {
        OrgKind::Agency
    }
}

fn alias_set(surface: &str, name: &str) -> BTreeSet<String> {
    let surface = surface.trim();
    if surface == name { BTreeSet::new() } else { BTreeSet::from([surface.to_string()]) }
}

/// Capitalised names ending in an organisation head noun, with their spans
/// and normalised names (a place's possessive dropped).
fn capitalised_names(
    text: &str,
    tokens: &[Word<'_>],
    places: &[(Range<usize>, &Entry)],
) -> Vec<(Range<usize>, String, OrgKind)> {
    let is_place =
        |w: &Word<'_>| places.iter().any(|(span, _)| span.start <= w.span.start && w.span.end <= span.end + 2);
    let adjacent =
        |a: &Word<'_>, b: &Word<'_>| text[a.span.end..b.span.start].chars().all(|c| c == ' ' || c == '\u{a0}');
    let has_head = |run: &[usize]| run.iter().any(|&r| HEADS.contains(tokens[r].without_possessive()));
    // ("School of Journalism and ...", "Center for Media and ...": after
    // the head, in its field.)
    // (After the first head: "Media" is one too.)
    let in_field = |run: &[usize]| {
        let head = run.iter().position(|&r| HEADS.contains(tokens[r].without_possessive()));
        head.is_some_and(|head| run[head + 1..].iter().any(|&r| matches!(tokens[r].text, "of" | "for")))
    };
    // Capitalised words from `at` that end in a head noun before any "of":
    // a name of their own ("... School of Law and Fudan University").
    let names_itself = |at: usize| {
        let mut words = tokens[at..].iter().take_while(|w| w.is_capitalized());
        words.any(|w| HEADS.contains(w.without_possessive()))
    };
    let mut names = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let start = &tokens[i];
        if !start.is_capitalized()
            || lexicon::CLAUSE_OPENERS.contains(start.text) && !opens_name(tokens, i)
            || is_description(start)
        {
            i += 1;
            continue;
        }
        // "Professor Hu Yong of Peking University": a person (with a title)
        // before "of" is not the start of a body's name.
        if let Some(after_person) = person_of(tokens, i) {
            i = after_person;
            continue;
        }
        // Grow the run of capitalised words and connectors.
        let mut run = vec![i];
        let mut j = i;
        while j + 1 < tokens.len() {
            let current = &tokens[j];
            if current.is_possessive() && current.without_possessive() != "People" && !is_place(current) {
                break;
            }
            let next = &tokens[j + 1];
            // ("the Beijing No. 1 Intermediate People's Court": a number
            // after "No." is part of the name.)
            let numbered = current.text == "No"
                && next.text.chars().all(|c| c.is_ascii_digit())
                && text[current.span.end..next.span.start].trim() == ".";
            if !adjacent(current, next) && !numbered {
                break;
            }
            if next.is_capitalized() && !is_description(next) || numbered {
                j += 1;
                run.push(j);
            } else if next.text == "and"
                && (run.len() == 1 || !has_head(&run) || in_field(&run) && !names_itself(j + 2))
                && tokens
                    .get(j + 2)
                    .is_some_and(|w| w.is_capitalized() && !lexicon::CLAUSE_OPENERS.contains(w.text) && !is_place(w))
                && whole_known(&text[tokens[i].span.start..current.span.end]).is_none()
            {
                // "Media and Public Opinion Research Center": "and" within a
                // name, before its head noun (but "Xinhua and China Daily"
                // are two).
                run.extend([j + 1, j + 2]);
                j += 2;
            } else if matches!(next.text, "of" | "for") {
                let mut k = j + 2;
                if tokens.get(k).is_some_and(|w| w.text == "the") {
                    k += 1;
                }
                match tokens.get(k) {
                    Some(w)
                        if w.is_capitalized()
                            && (!lexicon::CLAUSE_OPENERS.contains(w.text) || opens_name(tokens, k))
                            && !is_description(w) =>
                    {
                        run.extend(j + 1..=k);
                        j = k;
                    }
                    _ => break,
                }
            } else {
                break;
            }
        }
        if let Some((span, name)) = org_in_run(text, tokens, &run, places) {
            names.push((span, name, OrgKind::Other));
        } else if let Some(kind) = described_as_org(&text[..tokens[i].span.start], &text[tokens[j].span.end..])
            // (A place may begin a name described before it: "consultancy
            // China Channel Research".)
            && (described_before(&text[..tokens[i].span.start]) || !run.iter().any(|&r| is_place(&tokens[r])))
            && tokens[i..=j].iter().all(|w| w.is_capitalized() && !w.is_possessive())
        {
            // "Danwei, a Beijing-based research firm": a name the
            // apposition after it makes an organisation's.
            let span = tokens[i].span.start..tokens[j].span.end;
            names.push((span.clone(), text[span].to_string(), kind));
        }
        i = j + 1;
    }
    names
}

/// How a word describing a name ends: "Beijing-based", "Nasdaq-listed".
const DESCRIPTION_SUFFIXES: [&str; 5] = ["-based", "-listed", "-owned", "-run", "-backed"];

/// "Nasdaq-listed", "Beijing-based": a word describing the name after it,
/// and no part of it.
fn is_description(word: &Word<'_>) -> bool {
    ends_as_description(word.text)
}

/// Whether `text` ends as a word describing a name does ("Hong Kong-based").
pub fn ends_as_description(text: &str) -> bool {
    DESCRIPTION_SUFFIXES.iter().any(|suffix| text.ends_with(suffix))
}

/// "Vice-Minister of Public Security Huang Ming", "Minister of Commerce Chen
/// Deming": the ministry a minister's title names, when the gazetteer knows
/// it, with the span of the words naming its field. (The longest field the
/// gazetteer knows, so the minister's name is not taken for part of it.)
fn ministers_ministries<'a>(tokens: &'a [Word<'a>]) -> impl Iterator<Item = (Range<usize>, &'static Entry)> + 'a {
    tokens.windows(2).enumerate().filter_map(|(i, pair)| {
        let minister = pair[0].text.to_lowercase();
        if !(minister == "minister" || minister.ends_with("-minister")) || pair[1].text != "of" {
            return None;
        }
        let field: Vec<&Word<'_>> = tokens[i + 2..].iter().take(4).take_while(|w| w.is_capitalized()).collect();
        (1..=field.len()).rev().find_map(|k| {
            let words: Vec<&str> = field[..k].iter().map(|w| w.text).collect();
            let ministry = whole_known(&format!("Ministry of {}", words.join(" ")))?;
            Some((field[0].span.start..field[k - 1].span.end, ministry))
        })
    })
}

/// Where the words after a person's name and "of" begin, when the words at
/// `i` are an optional title, a Chinese name and "of".
fn person_of(tokens: &[Word<'_>], i: usize) -> Option<usize> {
    // ("Dr Xu Ming of Peking University" too.)
    let titled = lexicon::is_title_word(tokens[i].text);
    let name = if titled { i + 1 } else { i };
    let (surname, given, of) = (tokens.get(name)?, tokens.get(name + 1)?, tokens.get(name + 2)?);
    (gazetteer().is_surname(surname.text) && given.is_capitalized() && is_pinyin(given.text) && of.text == "of")
        .then_some(name + 3)
}

/// The organisation name within a run of capitalised words: up to its last
/// head noun, plus an "of ..." chain after that head (unless the chain names
/// a platform: "the Press Center of Sina Weibo").
fn org_in_run(
    text: &str,
    tokens: &[Word<'_>],
    run: &[usize],
    places: &[(Range<usize>, &Entry)],
) -> Option<(Range<usize>, String)> {
    let is_head = |i: usize| HEADS.contains(tokens[i].without_possessive());
    // ("Party Secretary Yu", "Guangdong Party chief Wang Yang": the head
    // starts a title; but "Jinan University's Professor Tan" ends a name.)
    let starts_title = |position: usize| {
        !tokens[run[position]].is_possessive()
            && tokens.get(run[position] + 1).is_some_and(|next| lexicon::ROLE_WORDS.contains(&next.text.to_lowercase()))
    };
    let last_head = (0..run.len()).rev().find(|&p| is_head(run[p]) && !starts_title(p))?;
    let mut end = last_head;
    let after = &run[last_head + 1..];
    // ("Center for Media and Public Opinion Research": the run took "and"
    // in the field, "Media" being a head too.)
    if after.first().is_some_and(|&i| matches!(tokens[i].text, "of" | "for" | "and")) {
        let chain_text = &text[tokens[after[0]].span.start..tokens[*after.last()?].span.end];
        let names_platform = gazetteer().find(chain_text).iter().any(|m| m.entry.kind == GazetteerKind::Platform);
        if !names_platform {
            end = run.len() - 1;
        }
    }
    // A title, or a person with one, before the first "of" is no part of
    // the name ("Assistant Professor Chua Wei Ling of the National
    // University of Singapore", "Director of the Cyberspace Administration
    // of China"): it begins after that "of" (and "the"). (But "Rule of Law
    // Research Center" is one name.)
    let first_of = run.iter().position(|&i| matches!(tokens[i].text, "of" | "for"));
    let begin = match first_of {
        Some(of)
            if last_head > of
                && !(0..of).any(|p| is_head(run[p]))
                && (0..of).any(|p| lexicon::is_title_word(tokens[run[p]].text)) =>
        {
            of + 1 + usize::from(run.get(of + 1).is_some_and(|&i| tokens[i].text == "the"))
        }
        _ => 0,
    };
    let words = &run[begin..=end];
    // Trailing connectors are not part of a name.
    let words: Vec<usize> = {
        let mut w = words.to_vec();
        while w.last().is_some_and(|&i| !tokens[i].is_capitalized()) {
            w.pop();
        }
        w
    };
    if words.len() < 2 {
        return None;
    }
    // A possessive on the last word belongs to the sentence, not the name
    // ("the Ministry of Commerce's account").
    let last = &tokens[*words.last()?];
    let end = last.span.start + last.without_possessive().len();
    let span = tokens[words[0]].span.start..end;
    let name = words
        .iter()
        .map(|&i| {
            let word = &tokens[i];
            let is_place = places.iter().any(|(s, _)| s.end + 2 >= word.span.end && s.start <= word.span.start);
            if word.is_possessive() && (is_place || i == *words.last().unwrap_or(&i)) {
                word.without_possessive()
            } else if word.text == "No" && text[word.span.end..].starts_with('.') {
                "No."
            } else {
                word.text
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    Some((span, name))
}

/// Named accounts: an organisation's possessive, then a name and the word
/// micro blog or account.
fn find_accounts(sentence: &Sentence<'_>, named: &mut Named, extraction: &mut Extraction) {
    let text = sentence.text;
    let owners: Vec<Found> = named.organizations().cloned().collect();
    let mut found: Vec<(Range<usize>, Option<usize>, &'static str)> = Vec::new();
    for owner in &owners {
        let rest = &text[owner.span.end..];
        let Some(name) =
            ACCOUNT.captures(rest).or_else(|| ACCOUNT_APPOSITION.captures(rest)).and_then(|caps| caps.name("name"))
        else {
            continue;
        };
        let span = owner.span.end + name.start()..owner.span.end + name.end();
        found.push((span, Some(owner.entity), "account.possessive-name"));
    }
    // "its microblog "Ping'an Nanjing"": run by the body named last before.
    for caps in QUOTED_ACCOUNT.captures_iter(text) {
        let Some(name) = caps.name("name") else { continue };
        let owner = owners.iter().rfind(|o| o.span.end <= name.start()).map(|o| o.entity);
        found.push((name.range(), owner, "account.quoted-name"));
    }
    for (span, owner, rule) in found {
        let name = &text[span.clone()];
        if gazetteer().find(name).iter().any(|m| m.span == (0..name.len())) || named.covers(span.start) {
            continue;
        }
        let account = Entity {
            key: entity_key(EntityKind::Account, &slug(name)),
            kind: EntityKind::Account,
            name: name.to_string(),
            aliases: BTreeSet::new(),
            related: owner.map(|o| extraction.entities[o].key.clone()),
            platform: named.platforms().next().map(|p| p.entity),
            opened: None,
        };
        let index = extraction.entity(account);
        extraction.mention(index, sentence.evidence(span.clone(), rule));
        named.entities.push(Found { span, entity: index, kind: EntityKind::Account });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn orgs(text: &str) -> Vec<String> {
        let mut extraction = Extraction::default();
        let sentence = Sentence::new(0, 0, 0..text.len(), text);
        let named = find(&sentence, &mut Setting::default(), &mut extraction);
        named.entities.iter().map(|f| extraction.entities[f.entity].name.clone()).collect()
    }

    #[test]
    fn a_title_before_of_is_no_part_of_the_name() {
        assert_eq!(orgs("said Professor Mark Ellis of Keele University."), vec!["Keele University"]);
        assert_eq!(
            orgs("said Senior Lecturer Goh Chee Wah of the Singapore Management University."),
            vec!["Singapore Management University"]
        );
        assert_eq!(orgs("Deputy Director of the Hexi Information Office Wang Ming"), vec!["Hexi Information Office"]);
        // (A head before "of" begins the name there.)
        assert_eq!(
            orgs("the Institute of Journalism of Fudan University"),
            vec!["Institute of Journalism of Fudan University", "Fudan University"]
        );
    }

    #[test]
    fn a_body_of_a_county_the_gazetteer_does_not_know() {
        assert_eq!(
            orgs("Hexi County's public security bureau opened an account."),
            vec!["Hexi County Public Security Bureau"]
        );
        assert!(orgs("The County's public security bureau opened an account.").is_empty());
        // (Its level may be in lower case.)
        assert_eq!(
            orgs("said the political commissar of the Hexi district public security bureau."),
            vec!["Hexi District Public Security Bureau"]
        );
        // (Some join the words: "public-security bureau".)
        assert_eq!(
            orgs("Nanchang's public-security bureau opened an account."),
            vec!["Nanchang Public Security Bureau"]
        );
    }

    #[test]
    fn chinese_begins_a_name_only_before_peoples_or_a_head_and_of() {
        assert_eq!(
            orgs("Wu Lan teaches at the Chinese People's Public Security University."),
            vec!["Chinese People's Public Security University"]
        );
        assert_eq!(
            orgs("A survey by the Chinese Academy of Fiscal Sciences found it."),
            vec!["Chinese Academy of Fiscal Sciences"]
        );
        assert_eq!(orgs("The Chinese Foreign Ministry opened an account."), vec!["Ministry of Foreign Affairs"]);
        assert!(orgs("Chinese Internet users read it.").is_empty());
        assert_eq!(
            orgs("She teaches at Chinese University's School of Journalism."),
            vec!["Chinese University", "School of Journalism"]
        );
        assert_eq!(
            orgs("It was compiled by the Policy Research Center of the Chinese Academy of Fiscal Sciences."),
            vec!["Policy Research Center of the Chinese Academy of Fiscal Sciences"]
        );
        assert_eq!(orgs("Zhou Ming, a lawyer at Beijing Hengde Law Firm, said so."), vec!["Beijing Hengde Law Firm"]);
        assert_eq!(
            orgs("The Shanghai No. 2 Intermediate People's Court broadcast the trial."),
            vec!["Shanghai No. 2 Intermediate People's Court"]
        );
    }

    #[test]
    fn a_portal_in_a_list_of_platforms_is_its_microblog() {
        let (extraction, found) = story(&[
            "Accounts on Sina Weibo, Tencent Weibo, People's Daily Online and Xinhuanet grew.",
            "Some moved to the microblog services of People's Daily Online and Xinhuanet.",
            "Many use WeChat, Tencent's messaging app, and Sina Weibo.",
        ]);
        let names = |n: usize| found[n].iter().map(|&e| extraction.entities[e].name.clone()).collect::<Vec<_>>();
        assert_eq!(names(0), ["Sina Weibo", "Tencent Weibo", "People's Daily Online Weibo", "Xinhuanet Weibo"]);
        assert_eq!(names(1), ["People's Daily Online Weibo", "Xinhuanet Weibo"]);
        assert_eq!(names(2), ["WeChat", "Tencent", "Sina Weibo"]);
        // (The portals named as the owners are named as well, as
        // organisations.)
        let portals: Vec<&str> = extraction
            .entities
            .iter()
            .filter(|e| matches!(e.kind, EntityKind::Organization(_)))
            .map(|e| e.name.as_str())
            .collect();
        assert_eq!(portals, ["People's Daily Online", "Xinhuanet", "Tencent"]);
    }

    #[test]
    fn a_unit_named_with_its_parent_names_the_parent_too() {
        assert_eq!(
            orgs(
                "Li Bin, a professor at the School of Journalism and Communication of Renmin University of China, said so."
            ),
            vec!["School of Journalism and Communication of Renmin University of China", "Renmin University of China"]
        );
    }

    #[test]
    fn a_body_s_name_before_county_is_a_place() {
        assert!(orgs("Tan Li, a deputy county chief in Hunan's Xinhua county, said so.").is_empty());
        assert_eq!(orgs("Xinhua reported it."), vec!["Xinhua"]);
    }

    #[test]
    fn a_body_written_before_its_place() {
        assert_eq!(orgs("Police in Dongguan opened an account."), vec!["Dongguan police"]);
        assert_eq!(orgs("It was forwarded by police in Zhuhai and Foshan."), vec!["Zhuhai police"]);
        assert_eq!(
            orgs("The best-known account belongs to the public security bureau in Suqian, a city of five million."),
            vec!["Suqian Public Security Bureau"]
        );
        // (Not a place's people.)
        assert!(orgs("The people of Suqian read it.").is_empty());
        assert_eq!(
            orgs("The public security bureau of the southern city of Shantou opened one."),
            vec!["Shantou Public Security Bureau"]
        );
    }

    #[test]
    fn an_acronym_the_article_gives_a_body_names_it_later() {
        let names = orgs_of_story(&[
            "The Rule of Law Public Opinion Research Center (RPORC) issued the report.",
            "RPORC researchers counted the accounts.",
        ]);
        assert_eq!(
            names.concat(),
            ["Rule of Law Public Opinion Research Center", "Rule of Law Public Opinion Research Center"]
        );
    }

    /// The entities named in each of `sentences`, read in order as one
    /// article.
    fn story(sentences: &[&str]) -> (Extraction, Vec<Vec<usize>>) {
        let mut extraction = Extraction::default();
        let mut setting = Setting::default();
        let mut found = Vec::new();
        for (index, text) in sentences.iter().enumerate() {
            let sentence = Sentence::new(index, 0, 0..text.len(), text);
            found.push(find(&sentence, &mut setting, &mut extraction).entities.iter().map(|f| f.entity).collect());
        }
        (extraction, found)
    }

    /// The names of the organisations named in each of `sentences`.
    fn orgs_of_story(sentences: &[&str]) -> Vec<Vec<String>> {
        let (extraction, found) = story(sentences);
        found.iter().map(|entities| entities.iter().map(|&e| extraction.entities[e].name.clone()).collect()).collect()
    }

    #[test]
    fn a_body_named_by_the_level_of_the_story_place() {
        assert_eq!(
            orgs_of_story(&[
                "In Xuzhou, a city of nine million, the municipal public security bureau opened an account in May.",
                "The city\u{2019}s publicity department answers within an hour, while the provincial public security department posts weekly.",
                "The city's police and the municipal government answer too.",
            ]),
            vec![
                vec!["Xuzhou Municipal Public Security Bureau".to_string()],
                vec!["Xuzhou Publicity Department".to_string()],
                vec![]
            ],
            "a province's body does not fit a city; the city's police is the city"
        );
        assert_eq!(
            orgs_of_story(&["Officials in Hunan met.", "The provincial publicity department said so."]),
            vec![vec![], vec!["Hunan Provincial Publicity Department".to_string()]]
        );
        assert_eq!(
            orgs_of_story(&["Officials in Guangdong met.", "The provincial government's information office said so."]),
            vec![vec![], vec!["Guangdong Provincial Government Information Office".to_string()]]
        );
        // (No place named before: no body.)
        assert_eq!(orgs_of_story(&["The municipal government opened an account."]), vec![Vec::<String>::new()]);
    }

    #[test]
    fn a_party_before_a_post_of_another_body_is_a_title() {
        assert_eq!(orgs("Li Ming, Communist Party secretary of Daxing district, spoke."), Vec::<String>::new());
        assert_eq!(
            orgs("It cited the Langfang municipal Communist Party committee."),
            vec!["Langfang Municipal Communist Party Committee"]
        );
    }

    #[test]
    fn a_places_body_is_one_with_or_without_its_level_or_government() {
        let (extraction, found) = story(&[
            "The Yunnan provincial government information office said so.",
            "The provincial information office agreed, as did the Yunnan Information Office.",
        ]);
        let found = found.concat();
        assert_eq!(found.len(), 3);
        assert!(found.iter().all(|&entity| entity == found[0]), "{:?}", extraction.entities);
    }

    #[test]
    fn a_short_name_is_the_body_named_in_full_before() {
        let found = orgs_of_story(&[
            "The Publicity Department of the Hunan Provincial Party Committee opened an account.",
            "The Publicity Department said so.",
        ]);
        assert_eq!(found[1], vec!["Publicity Department of the Hunan Provincial Party Committee".to_string()]);
    }

    #[test]
    fn a_person_with_a_title_before_of_is_no_body() {
        assert_eq!(orgs("According to Dr Xu Ming of Peking University, few replied."), vec!["Peking University"]);
    }

    #[test]
    fn weibo_in_lower_case_is_any_microblog() {
        assert!(orgs("China's microblogging services, known as weibo, have grown").is_empty());
        assert_eq!(orgs("posted on Weibo"), vec!["Sina Weibo"]);
        assert_eq!(
            orgs("Rival Tencent claims over 200 million users for its own weibo"),
            vec!["Tencent", "Tencent Weibo"],
            "its microblog, however far after the company"
        );
    }

    #[test]
    fn an_unknown_name_described_as_a_firm_or_website() {
        assert_eq!(orgs("said Mark Tilden, director of Kaiyuan, a Shanghai-based research firm."), ["Kaiyuan"]);
        assert_eq!(orgs("Data came from Netscope Data, a consultancy in Beijing."), ["Netscope Data"]);
        // The noun must end the description: a spokesman is no company.
        assert!(orgs("Li Wenbo, a company spokesman, said so.").is_empty());
        assert!(orgs("Kunming, a city in the south, said so.").is_empty());
        // Or before it.
        assert_eq!(orgs("according to Beijing-based consultancy Netscope Data."), ["Netscope Data"]);
        assert_eq!(orgs("said an analyst at the consultancy China Market Research."), ["China Market Research"]);
        assert_eq!(orgs("a survey by the research firm Horizon Insight found."), ["Horizon Insight"]);
        assert!(orgs("said company spokesman Li Wenbo.").is_empty());
        assert_eq!(orgs("Shares of Nasdaq-listed Horizon Insight Corp rose."), ["Horizon Insight Corp"]);
    }

    #[test]
    fn names_ending_in_head_nouns() {
        assert_eq!(
            orgs("said an official of the Hubei Provincial Tourism Bureau on Monday"),
            vec!["Hubei Provincial Tourism Bureau"]
        );
        assert_eq!(
            orgs("the Party School of the CPC Hunan Provincial Committee"),
            vec!["Party School of the CPC Hunan Provincial Committee"]
        );
    }

    #[test]
    fn of_chains_and_possessive_places() {
        assert_eq!(
            orgs("the Office of Internet Affairs Coordination said"),
            vec!["Office of Internet Affairs Coordination"]
        );
        assert_eq!(
            orgs("director of Nanjing's Municipal Transport Bureau"),
            vec!["Nanjing Municipal Transport Bureau"]
        );
    }

    #[test]
    fn a_name_after_the_head_is_not_part_of_it() {
        assert_eq!(
            orgs("secretary of the Hunan Provincial Party Committee Zhou Qiang said"),
            vec!["Hunan Provincial Party Committee"]
        );
    }

    #[test]
    fn a_ministers_title_names_the_ministry() {
        assert_eq!(orgs("Vice-Minister of Public Security Huang Ming said"), vec!["Ministry of Public Security"]);
        assert_eq!(orgs("the minister of Foreign Affairs Wang Yi"), vec!["Ministry of Foreign Affairs"]);
        assert!(orgs("Minister of Fun Li Lei").is_empty(), "no such ministry");
    }

    #[test]
    fn places_with_bodies_in_lower_case() {
        assert_eq!(
            orgs("Chengdu police and the Wuhan municipal government"),
            vec!["Chengdu police", "Wuhan Municipal Government"]
        );
        assert_eq!(orgs("the Beijing local government"), vec!["Beijing local government"]);
        assert_eq!(
            orgs("head of the organization department of the Zhejiang provincial Party committee"),
            vec!["Zhejiang Provincial Party Committee"]
        );
    }

    #[test]
    fn a_places_police_is_one_body_however_named() {
        let known = orgs("Guangdong police said")[0].clone();
        for text in ["Guangdong's provincial police bureau said", "the Guangdong public security department said"] {
            assert_eq!(orgs(text), vec![known.clone()], "{text}");
        }
        // A place the gazetteer has no police for keeps the body's words.
        assert_eq!(orgs("Xuzhou's municipal police bureau said"), vec!["Xuzhou Municipal Police Bureau"]);
    }

    #[test]
    fn a_places_body_is_one_whether_or_not_its_level_is_written() {
        let keys = |text: &str| {
            let mut extraction = Extraction::default();
            let sentence = Sentence::new(0, 0, 0..text.len(), text);
            find(&sentence, &mut Setting::default(), &mut extraction);
            extraction.entities.iter().map(|e| e.key.clone()).collect::<Vec<_>>()
        };
        assert_eq!(keys("the Wuhan Municipal Government said"), keys("the Wuhan government said"));
        assert_eq!(keys("the Xuzhou Municipal Transport Bureau"), keys("the Xuzhou Transport Bureau"));
        assert_ne!(keys("the Wuhan Municipal Government said"), keys("the Hubei Provincial Government said"));
    }

    #[test]
    fn and_before_the_head_noun_is_part_of_the_name() {
        assert_eq!(
            orgs("a survey by Wuhan University's Media and Social Survey Center found"),
            vec!["Wuhan University", "Media and Social Survey Center"]
        );
        assert_eq!(orgs("Fudan University and Nankai University"), vec!["Fudan University", "Nankai University"]);
        assert_eq!(orgs("Xinhua and China Daily reported"), vec!["Xinhua", "China Daily"]);
        // A name may start with a word whose capital comes second.
        assert_eq!(
            orgs("compiled by the e-Government Research Center of the Hubei Academy of Social Sciences"),
            vec!["e-Government Research Center of the Hubei Academy of Social Sciences"]
        );
        // So is "and" in the field after "of" ("School of Journalism and
        // Communication"), but not after a whole name.
        assert_eq!(
            orgs("said Hu Jun of the School of Journalism and Communication of Anhui University."),
            vec!["School of Journalism and Communication of Anhui University"]
        );
        // ... or after "for".
        assert_eq!(
            orgs("said Ma Lin, a researcher at the Center for Media and Public Opinion Research."),
            vec!["Center for Media and Public Opinion Research"]
        );
        let two = orgs("The Wuhan University School of Law and Fudan University agreed.");
        assert_eq!(two.len(), 2, "{two:?}");
        assert_eq!(two[1], "Fudan University");
        let two = orgs("The Institute for Public Policy and Tsinghua University agreed.");
        assert_eq!(two, ["Institute for Public Policy", "Tsinghua University"]);
    }

    #[test]
    fn a_companys_own_microblog_is_its_platform() {
        assert_eq!(
            orgs("Sina Weibo had 500 million users, while Tencent said its microblog had 540 million"),
            vec!["Sina Weibo", "Tencent", "Tencent Weibo"]
        );
        // Without "its", a company is only a company.
        assert_eq!(orgs("Tencent said the microblog had 540 million users"), vec!["Tencent"]);
        // Named words may stand between, but not another company.
        assert_eq!(
            orgs("Tencent, which runs the WeChat app and its own microblog, said so"),
            vec!["Tencent", "WeChat", "Tencent Weibo"]
        );
        assert_eq!(orgs("Tencent said Sina had closed its microblog"), vec!["Tencent", "Sina", "Sina Weibo"]);
        // An account on a company's name is an account on its platform.
        assert_eq!(orgs("the city's Sina account has 860,000 fans"), vec!["Sina Weibo"]);
        assert_eq!(orgs("it runs 40 Tencent accounts"), vec!["Tencent Weibo"]);
        assert_eq!(orgs("accounts opened on Sina numbered 18,000"), vec!["Sina Weibo"]);
        assert_eq!(orgs("a statement on Sina's website"), vec!["Sina"]);
        assert_eq!(orgs("accounts on Sina Corp.'s Weibo"), vec!["Sina", "Sina Weibo"]);
        assert_eq!(
            orgs("Tencent Holdings Ltd. claims 507 million for its own microblog"),
            vec!["Tencent", "Tencent Weibo"]
        );
    }

    #[test]
    fn a_country_with_a_body_is_not_an_organisation() {
        assert!(orgs("China's police have opened accounts").is_empty());
    }

    #[test]
    fn platform_after_of_is_cut() {
        let found = orgs("registered with the Kunming Microblog Press Center of Sina Weibo");
        assert_eq!(found, vec!["Kunming Microblog Press Center", "Sina Weibo"]);
    }

    #[test]
    fn quoted_account_names() {
        let found = orgs("Kunming police, whose microblog \"Ping'an Kunming\" has 2.1 million followers, answered.");
        assert_eq!(found, vec!["Kunming police", "Ping'an Kunming"]);
    }

    #[test]
    fn named_accounts_of_organisations() {
        let found = orgs("The Ministry of Commerce's Shangwu Xiaobang micro blog has many followers");
        assert!(found.contains(&"Shangwu Xiaobang".to_string()), "{found:?}");
        let found =
            orgs("The Ministry of Civil Affairs' microblog, Minzheng Xiaobang (Civil Affairs Helper), has fans");
        assert!(found.contains(&"Minzheng Xiaobang".to_string()), "{found:?}");
    }
}
