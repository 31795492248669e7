//! People and the posts they hold.
//!
//! Names are found by shape: a Chinese surname followed by a given name in
//! Hanyu Pinyin ("Yan Liqiang"), or any two capitalised words where the
//! context says a person is meant ("said David Smith"). Posts come from the
//! constructions news reports use around a name:
//!
//! - after it: "Wang Yukai, a professor from the National School of
//!   Administration", "Wang, who is also the deputy head of ...",
//!   "Wang Chen, the office head";
//! - before it: "secretary of the Shanghai Municipal Party Committee Yu
//!   Zhengsheng", "Sina Editor-in-Chief Cheng Tong", "Zhejiang Province
//!   Organization Minister Cai Qi", "the micro blog's operations director,
//!   Gong Yufeng".
//!
//! Later mentions by surname alone ("said Yu") resolve to the person last
//! named with that surname.

use super::entities::{
    BELOW_CITY, DESCRIBED_PLACE, Found, LOCAL_LEVELS, Named, body_of_place, described_before, entity_key, jurisdiction,
    local_jurisdiction, operator_of,
};
use super::gazetteer::{EntityKind as GazetteerKind, Entry, gazetteer};
use super::words::{is_name_syllable, is_pinyin, slug};
use super::{Entity, EntityKind, Extraction, OrgKind, Post, Sentence};
use crate::lexicon;
use regex::Regex;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

struct Patterns {
    chinese_name: Regex,
    western_said_before: Regex,
    western_said_after: Regex,
    western_apposition: Regex,
    western_titled: Regex,
    after_role_org: Regex,
    after_role_only: Regex,
    joined_role: Regex,
    after_reference: Regex,
    after_role_of_reference: Regex,
    after_role_of_its: Regex,
    before_reference: Regex,
    before_bare_reference: Regex,
    before_opening_reference: Regex,
    before_role_of: Regex,
    before_title: Regex,
    before_possessive_title: Regex,
    before_account_title: Regex,
    before_role_of_local: Regex,
    before_place_title: Regex,
    title_before: Regex,
    before_its_title: Regex,
    after_who_heads: Regex,
    after_who_teaches: Regex,
    comma_before_org: Regex,
    role_after_org: Regex,
    /// " of ", ", of ", " at ": the body after a name (the title's, or the
    /// one the person belongs to).
    of_after: Regex,
    /// " of the university": a body named before.
    of_the_reference: Regex,
    /// "the publicity office of " before a body: a unit of it.
    unit_of_before: Regex,
    /// "'s publicity division" after a body: its unit.
    unit_after_possessive: Regex,
    /// "the bureau's publicity division": a unit of the body named last.
    possessed_unit: Regex,
    age: Regex,
    /// " (蔡永欣)": the name again in Chinese characters.
    in_characters: Regex,
    /// ", Professor, Tsinghua University:": a speaker's caption in a
    /// transcript, the body ending it.
    captioned: Regex,
    /// ", a professor at", ", 52, the head of": a person introduced.
    introduced: Regex,
    after_who_heads_reference: Regex,
    /// "Longtan county", "Daoli District": a place with its level.
    local_place: Regex,
    /// "a district in ", "the eastern city of ": words describing the place
    /// after them.
    described_place: Regex,
    speech_verbs: HashSet<&'static str>,
    /// Abbreviated roles and what they stand for ("prof": "professor").
    full_roles: HashMap<&'static str, &'static str>,
}

/// A noun a body or place is referred back to by: "the office head",
/// "director of the bureau's publicity department"
/// (`lexicon/body_nouns.tsv`).
struct BodyNoun {
    /// The word of the body's name it stands for ("center" for "centre").
    word: &'static str,
    /// What else it refers to: "media", "company" or "place".
    refers_to: Option<&'static str>,
}

static BODY_NOUNS: LazyLock<HashMap<&'static str, BodyNoun>> = LazyLock::new(|| {
    let cell = |row: &Vec<&'static str>, at: usize| row.get(at).copied().filter(|cell| !cell.is_empty());
    lexicon::table("lexicon/body_nouns.tsv", 1)
        .rows
        .iter()
        .map(|row| (row[0], BodyNoun { word: cell(row, 1).unwrap_or(row[0]), refers_to: cell(row, 2) }))
        .collect()
});

/// The pattern of a body noun, captured as `noun`.
static BODY_NOUN: LazyLock<String> =
    LazyLock::new(|| format!("(?P<noun>{})", lexicon::alternation(BODY_NOUNS.keys().copied())));

/// "NAME, who heads ORG": verbs that make the person the body's head (or,
/// "who edits", its editor).
const HEADS: &str = "heads|leads|directs|chairs|runs|edits";
/// "NAME, who teaches ... at ORG": verbs of teachers and researchers.
const TEACHES: &str = "teaches|lectures|studies|researches";

impl Patterns {
    /// A role as the graph keeps it: lower case, with no verb or article
    /// ("NAME is an associate professor at"), abbreviations written out.
    fn full_role(&self, role: &str) -> String {
        let role = role.trim().to_lowercase();
        let words = role.split_whitespace().skip_while(|word| matches!(*word, "is" | "was" | "a" | "an" | "the"));
        words.map(|word| self.full_roles.get(word).copied().unwrap_or(word)).collect::<Vec<_>>().join(" ")
    }
}

static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| {
    let surnames = lexicon::alternation(lexicon::words("gazetteer/surnames.txt"));
    let roles = lexicon::alternation(lexicon::table("gazetteer/roles.tsv", 1).rows.iter().map(|r| r[0]));
    let modifiers = lexicon::alternation(lexicon::ROLE_MODIFIERS.iter().copied());
    let verbs = lexicon::words("lexicon/speech_verbs.txt");
    let said = lexicon::alternation(verbs.iter().copied());
    let role = format!(r"(?P<role>(?i:(?:(?:{modifiers})[\s-]+){{0,3}}(?:{roles})))");
    // After a name, a role may carry a word or two of description ("a media
    // researcher at", "a senior policy analyst with").
    // (An age is no part of it: "a 29-year-old officer in".)
    let described_role = format!(
        r"(?:\d{{1,3}}-year-old\s+)?(?P<role>(?i:(?:[a-z][a-z-]*\s+){{0,2}}?(?:(?:{modifiers})[\s-]+){{0,3}}(?:{roles})))"
    );
    // (A surname may have a second capital: "MacKinnon", "O'Brien".)
    let western = r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z](?:[a-z]+[A-Z])?(?:'[A-Z])?[a-z]+(?:-[A-Z][a-z]+)?)";
    let build = |p: String| Regex::new(&p).expect("people pattern compiles");
    let body_noun = &*BODY_NOUN;
    Patterns {
        // (The given name may be two syllables written apart: "Chua Wei
        // Ling".)
        chinese_name: build(format!(
            r"\b(?P<surname>{surnames})\s+(?P<given>[A-Z][a-z]+(?:['\u{{2019}}-][a-z]+)?)(?:\s+(?P<third>[A-Z][a-z]{{1,5}}(?:['\u{{2019}}]s)?))?\b"
        )),
        western_said_before: build(format!(r"\b(?:{said}|(?i:according)\s+to)\s+{western}\b")),
        western_said_after: build(format!(r"\b{western},?\s+(?:{said})\b")),
        western_apposition: build(format!(
            r"\b{western},\s+(?:(?:a|an|the)\s+{described_role}\s+(?:of|at|from|with|for)|who\s+(?:{HEADS}|{TEACHES})\s)"
        )),
        // ("Sina spokeswoman Wendy Luo declined to comment", "Dr Ruth
        // Calloway, a specialist in ...")
        western_titled: build(format!(r"\b(?:{role}|Dr\.?|Prof\.)\s+{western}\b")),
        // The role may name its field ("a professor of journalism at") or
        // the unit it heads ("head of the press office of the ... Bureau").
        after_role_org: build(format!(
            r"^,?\s+(?:who\s+is\s+(?:also\s+)?|also\s+)?(?:(?i:the|a|an)\s+)?{described_role}(?:\s+(?:of|in|at|for)\s+(?:the\s+)?(?P<field>[a-z]+(?:\s+[a-z]+){{0,3}}))?(?:\s+who\s+(?:{TEACHES})\b[^,.;]{{0,40}}?)?\s+(?:of|at|from|with|in|for|under)\s+"
        )),
        // (" and a professor of journalism at", " and vice president of")
        joined_role: build(format!(
            r"^\s+and\s+(?:also\s+)?(?:(?i:the|a|an)\s+)?{described_role}(?:\s+of\s+(?P<field>[a-z]+(?:\s+[a-z]+){{0,3}}))?\s+(?:of|at|from|with|in)\s+"
        )),
        after_role_only: build(format!(r"^,\s+(?:who\s+is\s+(?:also\s+)?)?(?:(?i:the|a|an)\s+)?{described_role}\b")),
        after_reference: build(format!(r"^,\s+the\s+{body_noun}(?:'s|\u{{2019}}s)?\s+{role}\b")),
        after_role_of_reference: build(format!(
            r"^,\s+(?:who\s+is\s+(?:also\s+)?)?(?:(?i:the|a|an)\s+)?{described_role}\s+(?:of|at|in|for|with)\s+the\s+(?P<words>(?:[a-z]+\s+){{0,2}}){body_noun}\b"
        )),
        after_role_of_its: build(format!(
            r"^,\s+(?:who\s+is\s+(?:also\s+)?)?(?:(?i:the|a|an)\s+)?{described_role}\s+(?:of|at|in|for)\s+its\b"
        )),
        before_reference: build(format!(r"(?i:the)\s+{body_noun}(?:'s|\u{{2019}}s)\s+{role},?\s+$")),
        before_bare_reference: build(format!(r"\b{body_noun}\s+{role},?\s+$")),
        // ("Court spokeswoman NAME told reporters ...")
        before_opening_reference: build(format!(r"^\s*(?i:{body_noun})\s+{role},?\s+$")),
        before_role_of: build(format!(r"{role}\s+(?:of|at|from|with|for)\s+(?:the\s+)?$")),
        // (An acronym may follow the body: "Mainland Affairs Council (MAC)
        // Deputy Minister NAME".)
        before_title: build(format!(r"^(?:\s+\([A-Z]{{2,6}}\))?\s+{role},?\s+$")),
        // ("Tencent's vice president for WeChat, Allen Xu")
        before_possessive_title: build(format!(
            r"^(?:'s|\u{{2019}}s)\s+{role}(?:\s+(?:for|of)\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){{0,3}})?,?\s+$"
        )),
        before_role_of_local: build(format!(
            r"{role}\s+of\s+(?P<local>[A-Z][a-z]+\s+(?i:{LOCAL_LEVELS}))(?:\s+in\s+[A-Z][a-z]+)?,\s+$"
        )),
        before_account_title: build(format!(
            r"(?i:the)\s+(?:micro[- ]?blog|microblog|account|weibo)(?:'s|\u{{2019}}s)\s+{role},?\s+$"
        )),
        // ("Zhejiang Province Organization Minister", "Guangdong provincial
        // party chief": the place's post.)
        before_place_title: build(format!(
            r"^(?:'s|\u{{2019}}s)?(?P<unit>\s+(?:Province|Municipality|City|County|Autonomous\s+Region|Prefecture))?(?:\s+(?i:provincial|municipal|city|county|prefectural))?\s+{role},?\s+$"
        )),
        title_before: build(format!(r"(?:^|\s){role}\s+$")),
        before_its_title: build(format!(r"\b(?i:its)\s+{role},?\s+$")),
        // "NAME, who heads the Henan Higher People's Court" (or "the
        // publicity division at the ... Procuratorate"), "NAME, who teaches
        // new media at Wuhan University"
        after_who_heads: build(format!(
            r"^,\s+who\s+(?P<verb>{HEADS})\s+(?:(?:the\s+)?(?P<field>[a-z]+(?:\s+[a-z]+){{0,2}})\s+(?:at|of|in)\s+)?"
        )),
        after_who_heads_reference: build(format!(r"^,\s+who\s+(?P<verb>{HEADS})\s+the\s+{body_noun}\b")),
        after_who_teaches: build(format!(r"^,\s+who\s+(?P<verb>{TEACHES})\b[^,.;]{{0,40}}?\s+(?:at|in)\s+")),
        // "NAME, a Sina spokesman", "NAME, a Democratic Party district
        // councillor", "NAME, Sina's chief executive": an organisation
        // between the comma (and an article) and the role.
        comma_before_org: build(r"^,\s+(?:(?:a|an|the)\s+)?".to_string()),
        role_after_org: build(format!(r"^(?:'s|\u{{2019}}s)?\s+{described_role}\b")),
        // ("Professor NAME, of Sun Yat-sen University")
        of_after: build(r"^,?\s+(?:of|at|from|with)\s+".to_string()),
        of_the_reference: build(format!(r"^\s+(?:of|at|from|with)\s+the\s+{body_noun}\b")),
        unit_of_before: build(format!(r"\b(?i:the)\s+(?:[a-z][\w-]*\s+){{0,3}}?{body_noun}\s+of\s+(?:the\s+)?$")),
        unit_after_possessive: build(format!(r"^(?:'s|\u{{2019}}s)\s+(?:[a-z][\w-]*\s+){{0,3}}?{body_noun}\b")),
        possessed_unit: build(format!(
            r"\b(?i:the)\s+{body_noun}(?:'s|\u{{2019}}s)\s+(?:[a-z][\w-]*\s+){{0,3}}?{}\b",
            body_noun.replace("(?P<noun>", "(?P<unit>")
        )),
        age: build(r"^,\s*\d{1,3}\s*,".to_string()),
        in_characters: build(r"^\s*\([^()\x00-\x7F]{1,12}\)".to_string()),
        captioned: build(format!(r"^,\s+{role},\s+")),
        introduced: build(r"^,\s+(?:\d{1,3}\s*,\s+)?(?:a|an|the)\s".to_string()),
        local_place: build(format!(r"^[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?i:{LOCAL_LEVELS})\b")),
        described_place: build(format!(
            r"^(?:(?:a|one)\s+(?:[a-z]+-level\s+)?(?:{LOCAL_LEVELS})\s+(?:in|of)\s+)?(?:{DESCRIBED_PLACE})?"
        )),
        speech_verbs: verbs.into_iter().collect(),
        full_roles: lexicon::table("gazetteer/roles.tsv", 1)
            .rows
            .iter()
            .filter_map(|row| Some((row[0], *row.get(2).filter(|full| !full.is_empty())?)))
            .collect(),
    }
});

/// The people of an article, as they are named sentence by sentence.
#[derive(Default)]
pub struct People {
    /// Persons named so far: (surname, given name, entity), latest last.
    known: Vec<(String, String, usize)>,
    /// Person mentions of the sentence being read: local span and entity.
    current: Vec<(Range<usize>, usize)>,
    /// Organisations named so far, latest last, for "the office head".
    organisations: Vec<usize>,
    /// Units of them named in lower case, latest last: the noun they may be
    /// referred back to by, the body, and its place in `organisations` ("the
    /// e-government research center of the Chinese Academy of Governance
    /// ... director of the center").
    units: Vec<(String, usize, usize)>,
    /// The account named last, for "the micro blog's director".
    last_account: Option<usize>,
}

impl People {
    /// Person mentions of the current sentence (local spans).
    pub fn in_sentence(&self) -> &[(Range<usize>, usize)] {
        &self.current
    }

    /// The person last named with this surname (or given name, for names
    /// written in Western order).
    pub fn by_surname(&self, word: &str) -> Option<usize> {
        self.known
            .iter()
            .rev()
            .find(|(surname, given, _)| surname == word || given == word)
            .map(|(_, _, entity)| *entity)
    }

    /// Finds the people of a sentence and the posts stated with them.
    pub fn read(&mut self, sentence: &Sentence<'_>, named: &Named, extraction: &mut Extraction) {
        let text = sentence.text;
        let patterns = &*PATTERNS;
        self.current.clear();
        let mut names: Vec<(Range<usize>, String, &'static str)> = Vec::new();
        for caps in patterns.chinese_name.captures_iter(text) {
            let (Some(whole), Some(given)) = (caps.get(0), caps.name("given")) else { continue };
            // (A third word is the given name's second syllable only where
            // both read as syllables of a name and it names nothing else.)
            let (whole, given) = match caps.name("third") {
                Some(third) if !is_third_syllable(text, given.as_str(), third) => {
                    (whole.start()..given.end(), given.range())
                }
                Some(third) => (whole.range(), given.start()..third.end()),
                None => (whole.range(), given.range()),
            };
            // ("Officer Li Dongsheng's beat": the name without its
            // possessive.)
            let cut = ["'s", "\u{2019}s"].iter().find(|s| text[given.clone()].ends_with(*s)).map_or(0, |s| s.len());
            let (whole, given) = (whole.start..whole.end - cut, given.start..given.end - cut);
            let given_name = &text[given.clone()];
            // (Names from Taiwan and Hong Kong are not in Pinyin but join
            // their syllables: "Chang Wen-hsin", "Ma Ying-jeou"; but "Long
            // March-era" is no name.)
            // ("Hong Kong-based" is no name either.)
            let hyphenated = given_name.split_once('-').is_some_and(|(first, second)| {
                first.len() <= 5
                    && second.len() <= 5
                    && !crate::lexicon::MONTHS.contains_key(&first.to_lowercase())
                    && !super::entities::ends_as_description(given_name)
            });
            // (A given name that is also a place's or a body's is a name
            // only where the sentence introduces a person: "Xie Jinhua, a
            // professor at ...", "said Xie Jinhua".)
            let known = named.covers(given.start)
                || gazetteer().find(given_name).iter().any(|m| m.span == (0..given_name.len()));
            let introduced = patterns.introduced.is_match(&text[whole.end..])
                || patterns.after_role_only.is_match(&text[whole.end..])
                || text[..whole.start].trim_end().rsplit(' ').next().is_some_and(|w| patterns.speech_verbs.contains(w));
            // ("the Shanghai Jiao Tong report": a name after a place's is
            // the rest of a body's name.)
            let after_place = text[..whole.start]
                .strip_suffix(' ')
                .is_some_and(|before| named.places.iter().any(|(place, _)| place.end == before.len()));
            let apart = given_name.contains(' ');
            if !(is_pinyin(given_name) || hyphenated || apart)
                || named.covers(whole.start)
                || known && !introduced
                || after_place
            {
                continue;
            }
            // ("Raymond Ho Chun-kit": an English given name first.)
            let start =
                if hyphenated { english_given_name(text, whole.start).unwrap_or(whole.start) } else { whole.start };
            names.push((start..whole.end, text[start..whole.end].to_string(), "person.chinese-name"));
        }
        let western = [
            &patterns.western_said_before,
            &patterns.western_said_after,
            &patterns.western_apposition,
            &patterns.western_titled,
        ];
        for pattern in western {
            for caps in pattern.captures_iter(text) {
                let Some(name) = caps.name("name") else { continue };
                let overlaps = names.iter().any(|(span, _, _)| span.start < name.end() && name.start() < span.end);
                // ("a councillor in Sheung Shui, said", "an analyst at
                // Analysys International, said": a place or a body.)
                let word_before = text[..name.start()].split_whitespace().next_back().unwrap_or_default();
                // (Nor the end of a body's name after a place: "consultancy
                // China Channel Research, said".)
                let word_before_start = text[..name.start()].trim_end().len() - word_before.len();
                let after_place = word_before.starts_with(char::is_uppercase)
                    && !word_before.ends_with([',', ';', ':', '.'])
                    && named.covers(word_before_start);
                let placed =
                    after_place || ["in", "at", "of", "for", "from", "with", "by", "on", "near"].contains(&word_before);
                if overlaps || placed || named.covers(name.start()) || !plausible_western_name(name.as_str()) {
                    continue;
                }
                names.push((name.range(), name.as_str().to_string(), "person.speaker-name"));
            }
        }
        names.sort_by_key(|(span, _, _)| span.start);
        // ("CCTV reporter Wang Hui has more.": a broadcast's reporter
        // handing over, an author of the report and not in it.)
        names.retain(|(span, _, _)| !text[span.end..].trim_end().trim_end_matches('.').eq(" has more"));
        for (span, name, rule) in names {
            let parts: Vec<&str> = name.split_whitespace().collect();
            // (The surname is the first word, or the second after an English
            // given name: "Raymond Ho Chun-kit".)
            let english = parts.len() == 3 && gazetteer().is_surname(parts[1]) && !gazetteer().is_surname(parts[0]);
            let surname = parts.get(usize::from(english)).unwrap_or(&"").to_string();
            let given = parts.last().unwrap_or(&"").to_string();
            let entity = extraction.entity(Entity {
                key: entity_key(EntityKind::Person, &slug(&name)),
                kind: EntityKind::Person,
                name: name.clone(),
                aliases: BTreeSet::new(),
                related: None,
                platform: None,
                opened: None,
            });
            extraction.mention(entity, sentence.evidence(span.clone(), rule));
            self.known.push((surname, given, entity));
            self.current.push((span, entity));
        }
        self.resolve_surnames(sentence, named);
        // ("the e-government research center of ORG", "ORG's publicity
        // division", "the bureau's publicity division": units a later "head
        // of the division" refers to.)
        for org in named.organizations() {
            let unit = patterns
                .unit_of_before
                .captures(&text[..org.span.start])
                .or_else(|| patterns.unit_after_possessive.captures(&text[org.span.end..]));
            if let Some(unit) = unit {
                self.units.push((body_word(&unit["noun"]), org.entity, self.organisations.len()));
            }
            self.organisations.push(org.entity);
        }
        let possessed: Vec<(String, usize)> = patterns
            .possessed_unit
            .captures_iter(text)
            .filter_map(|caps| {
                let body = self.referred_body(&body_word(&caps["noun"]), "", extraction)?;
                Some((body_word(&caps["unit"]), body))
            })
            .collect();
        for (unit, body) in possessed {
            self.units.push((unit, body, self.organisations.len()));
        }
        for (span, person) in self.current.clone() {
            self.read_posts(sentence, named, span.clone(), person, extraction);
            read_joined_post(sentence, named, span, person, extraction);
        }
        if let Some(account) = named.entities.iter().rev().find(|f| f.kind == EntityKind::Account) {
            self.last_account = Some(account.entity);
        }
    }

    /// Surname-only mentions of people named before: "said Yu", "Wang, who".
    fn resolve_surnames(&mut self, sentence: &Sentence<'_>, named: &Named) {
        let text = sentence.text;
        let words = &sentence.words;
        for (i, word) in words.iter().enumerate() {
            if !word.is_capitalized()
                || self.current.iter().any(|(s, _)| s.contains(&word.span.start))
                || named.covers(word.span.start)
            {
                continue;
            }
            let Some(person) = self.by_surname(word.text) else { continue };
            let before = i.checked_sub(1).map(|j| words[j].text.to_lowercase());
            let after = words.get(i + 1).map(|w| w.text.to_lowercase());
            let rest = &text[word.span.end..];
            let speaker = before.as_deref().is_some_and(|b| PATTERNS.speech_verbs.contains(b))
                || after.as_deref().is_some_and(|a| PATTERNS.speech_verbs.contains(a))
                || rest.starts_with(", who")
                || rest.starts_with(", the")
                || (i == 0 && after.is_some());
            if speaker {
                self.current.push((word.span.clone(), person));
            }
        }
        self.current.sort_by_key(|(span, _)| span.start);
    }

    fn read_posts(
        &mut self,
        sentence: &Sentence<'_>,
        named: &Named,
        span: Range<usize>,
        person: usize,
        extraction: &mut Extraction,
    ) {
        let text = sentence.text;
        let patterns = &*PATTERNS;
        // (`field`: the words after the role that title the post, as
        // written: " of Chinese media".)
        let titled_post = |role: &str,
                           field: Option<&str>,
                           organization: Option<usize>,
                           rule: &'static str,
                           extraction: &mut Extraction| {
            let role = patterns.full_role(role);
            let title = field.map(|field| format!("{role}{field}"));
            let evidence = sentence.evidence(span.clone(), rule);
            extraction.posts.push(Post { person, role, title, organization, evidence });
        };
        let post = |role: &str, organization: Option<usize>, rule: &'static str, extraction: &mut Extraction| {
            titled_post(role, None, organization, rule, extraction);
        };
        // A post in a place, named by the words at `body` ("Zhejiang
        // Province"), which are the place's mention as a body.
        let post_in_place =
            |place: &'static Entry, body: Range<usize>, role: &str, rule: &'static str, extraction: &mut Extraction| {
                let entity = extraction.entity(jurisdiction(place, &text[body.clone()]));
                extraction.mention(entity, sentence.evidence(body, "org.jurisdiction-of-post"));
                post(role, Some(entity), rule, extraction);
            };
        // "ROLE of BODY, NAME": the role just before the body, and nothing
        // but a comma between the body and the name.
        let role_of = |body: &Range<usize>| {
            let adjacent = text[body.end..span.start].trim().trim_end_matches(',').trim().is_empty();
            adjacent.then(|| patterns.before_role_of.captures(&text[..body.start])).flatten()
        };
        // ("NAME (蔡永欣), a professor at ...": the name in characters, and
        // "NAME, 52, a professor at ...": the age, are no part of the post.)
        let end = span.end + patterns.in_characters.find(&text[span.end..]).map_or(0, |aside| aside.end());
        let end = end + patterns.age.find(&text[end..]).map_or(0, |age| age.end() - 1);
        let (before, after) = (&text[..span.start], &text[end..]);
        // ("its director, Superintendent Huang Degang": the rank is no role.)
        let before = lexicon::HONORIFICS
            .iter()
            .find_map(|honorific| before.trim_end().strip_suffix(honorific).filter(|rest| rest.ends_with(' ')))
            .unwrap_or(before);
        // "NAME, director of its news office" and "its director, NAME": the
        // body named last.
        let its = || {
            let in_sentence = named.organizations().filter(|o| o.span.end <= span.start).last().map(|o| o.entity);
            in_sentence.or_else(|| {
                self.organisations.iter().rev().copied().find(|o| !named.organizations().any(|n| n.entity == *o))
            })
        };
        let body_at = |at: usize, extraction: &mut Extraction| body_at(text, named, at, extraction);
        // "NAME, a Tencent spokeswoman in Shenzhen": the company, not a kind
        // of spokeswoman. (A platform only as its company's: "NAME, Weibo's
        // vice president", not "NAME, a Weibo expert".)
        let possessed = |found: &&Found| {
            found.kind != EntityKind::Platform || text[found.span.end..].starts_with(['\'', '\u{2019}'])
        };
        if let Some(comma) = patterns.comma_before_org.find(after) {
            let at = end + comma.end();
            if let Some(found) = named.entities.iter().find(|f| f.span.start == at).filter(possessed)
                && let Some(caps) = patterns.role_after_org.captures(&text[found.span.end..])
                && let Some(org) = body_at(found.span.start, extraction)
            {
                post(&caps["role"], Some(org), "post.name-a-org-role", extraction);
                return;
            }
            // ("NAME, Guangdong's deputy Party secretary": the place's post.)
            if let Some((place_span, place)) = named.place_starting_at(text, at)
                && text[place_span.end..].starts_with(['\'', '\u{2019}'])
                && let Some(caps) = patterns.role_after_org.captures(&text[place_span.end..])
            {
                post_in_place(place, place_span.clone(), &caps["role"], "post.name-places-role", extraction);
                return;
            }
        }
        if let Some(caps) = patterns.captioned.captures(after)
            && let Some(found) = named.starting_at(text, end + caps.get(0).map_or(0, |m| m.end()))
            && text[found.span.end..].trim_start().starts_with(':')
            && let Some(org) = body_at(found.span.start, extraction)
        {
            post(&caps["role"], Some(org), "post.transcript-caption", extraction);
            return;
        }
        // "NAME, (who is) the ROLE of ORG", "NAME, the head of ... of PLACE"
        if let Some(caps) = patterns.after_role_org.captures(after) {
            let at = end + caps.get(0).map_or(0, |m| m.end());
            // ("deputy director of the land resources bureau in Hengyang":
            // a body named with its place, which the role's field began.)
            let field = caps.name("field").map_or(at, |field| end + field.start());
            let body_in_place = named.organizations().find(|o| {
                o.span.start == field && o.span.end > at && !text[o.span.end..].starts_with(['\'', '\u{2019}'])
            });
            if let Some(found) = body_in_place {
                post(&caps["role"], Some(found.entity), "post.name-comma-role-of-body-in-place", extraction);
                return;
            }
            // ("NAME, a professor of public administration at ORG", "head of
            // the press office of ORG": a post titled with its field or
            // unit.)
            let title = |to: usize| caps.name("role").map(|role| &text[end + role.end()..to]);
            if let Some(org) = body_at(at, extraction) {
                let title = caps.name("field").and_then(|field| title(end + field.end()));
                titled_post(&caps["role"], title, Some(org), "post.name-comma-role-of-org", extraction);
                return;
            }
            // ("NAME, head of the publicity department of Hexi County": a
            // unit of the place, which is the body.)
            let unit_of = |place: &str, place_end: usize, extraction: &mut Extraction| {
                let field = caps.name("field")?;
                let surface = &text[end + field.start()..place_end];
                let entity = extraction.entity(body_of_place(place, field.as_str(), surface)?);
                extraction.mention(entity, sentence.evidence(end + field.start()..place_end, "org.unit-of-place"));
                Some(entity)
            };
            // A post in a county or district the gazetteer does not know
            // (named at `local`), or in a unit of it.
            let post_in_local = |local: Range<usize>, extraction: &mut Extraction| {
                let jurisdiction = local_jurisdiction(&text[local.clone()]);
                if let Some(unit) = unit_of(&jurisdiction.name, local.end, extraction) {
                    post(&caps["role"], Some(unit), "post.name-comma-role-of-unit-of-place", extraction);
                    return;
                }
                let entity = extraction.entity(jurisdiction);
                extraction.mention(entity, sentence.evidence(local, "org.jurisdiction-of-post"));
                post(&caps["role"], Some(entity), "post.name-comma-role-of-place", extraction);
            };
            // ("party secretary of a district in the eastern city of Wuxi":
            // a post in that place.)
            let described = patterns.described_place.find(&text[at..]).map_or(at, |m| at + m.end());
            if let Some((place_span, place)) =
                named.place_starting_at(text, at).or_else(|| named.place_starting_at(text, described))
            {
                // ("a housing official in Wuhan's Jianghan district": the
                // district of the city.)
                let rest = &text[place_span.end..];
                let district = ["'s ", "\u{2019}s "].iter().find_map(|s| rest.strip_prefix(s)).and_then(|rest| {
                    let start = text.len() - rest.len();
                    patterns.local_place.find(rest).map(|local| start..start + local.end())
                });
                // ("deputy director of the propaganda department of
                // Chengdu's Wuhou district": the district's department.)
                if let Some(district) = district {
                    post_in_local(district, extraction);
                    return;
                }
                if let Some(unit) = unit_of(place.name, place_span.end, extraction) {
                    post(&caps["role"], Some(unit), "post.name-comma-role-of-unit-of-place", extraction);
                } else {
                    let rule = "post.name-comma-role-of-place";
                    post_in_place(place, place_span.clone(), &caps["role"], rule, extraction);
                }
                return;
            }
            // ("a professor of Chinese media at Waseda University", "deputy
            // director of the Internet news bureau of the State Council
            // Information Office": the body after the role's field or unit,
            // in the same clause.)
            let clause = &text[at..];
            let clause = &clause[..clause.find([',', ';', '(']).unwrap_or(clause.len())];
            let mut linked: Vec<usize> =
                clause.match_indices(" at ").chain(clause.match_indices(" of ")).map(|(i, _)| i + 4).collect();
            linked.sort_unstable();
            if let Some((found, org)) =
                linked.into_iter().find_map(|found| body_at(at + found, extraction).map(|org| (found, org)))
            {
                let rule = "post.name-comma-role-of-field-at-org";
                titled_post(&caps["role"], title(at + found - 4), Some(org), rule, extraction);
                return;
            }
            // ("NAME, an analyst at Jefferies in Hong Kong", "a researcher
            // with Orient Digital Research": a body the gazetteer does not
            // know, named in capitals after "at" or "with".)
            let linked_by = text[..at].trim_end().rsplit(' ').next().unwrap_or_default();
            if matches!(linked_by, "at" | "with")
                && let Some(name) = capitalised_body(&text[at..], named, at)
            {
                let entity = extraction.entity(super::entities::body_named(name));
                extraction.mention(entity, sentence.evidence(at..at + name.len(), "org.named-after-post"));
                post(&caps["role"], Some(entity), "post.name-comma-role-at-named-body", extraction);
                return;
            }
            // ("NAME, party secretary of Longtan county": a place the
            // gazetteer does not know, named with its level.)
            if let Some(local) = patterns.local_place.find(&text[at..]) {
                post_in_local(at + local.start()..at + local.end(), extraction);
                return;
            }
        }
        // ("who edits": the body's editor; heads, leads ...: its head.)
        let head_or_editor = |caps: &regex::Captures<'_>| if &caps["verb"] == "edits" { "editor" } else { "head" };
        if let Some(who) = patterns.after_who_heads.captures(after) {
            let at = end + who.get(0).map_or(0, |m| m.end());
            if let Some(org) = body_at(at, extraction) {
                // ("who heads government relations at": the head of them;
                // "who runs the account of": its manager.)
                let role = match who.name("field").map(|field| field.as_str()) {
                    Some(field) if field.ends_with("account") || field.ends_with("microblog") => {
                        "account manager".to_string()
                    }
                    Some(field) => format!("{} of {field}", head_or_editor(&who)),
                    None => head_or_editor(&who).to_string(),
                };
                post(&role, Some(org), "post.name-who-heads-org", extraction);
                return;
            }
        }
        // ("NAME, who heads the bureau's new media unit", "who edits the
        // paper's new media desk")
        if let Some(caps) = patterns.after_who_heads_reference.captures(after)
            && let Some(org) = self.referred_body(&body_word(&caps["noun"]), "", extraction)
        {
            post(head_or_editor(&caps), Some(org), "post.name-who-heads-the-body", extraction);
            return;
        }
        if let Some(who) = patterns.after_who_teaches.captures(after) {
            let at = end + who.get(0).map_or(0, |m| m.end());
            if let Some(org) = named.starting_at(text, at).filter(|org| org.kind != EntityKind::Platform) {
                // ("who studies Internet governance at": a researcher; but
                // "Professor NAME, who teaches ...": a professor.)
                let titled = patterns.title_before.captures(before);
                let role = match &titled {
                    Some(title) => &title["role"],
                    None if matches!(&who["verb"], "teaches" | "lectures") => "teacher",
                    None => "researcher",
                };
                post(role, Some(org.entity), "post.name-who-teaches-at-org", extraction);
                return;
            }
        }
        if let Some(caps) = patterns.after_role_of_its.captures(after) {
            post(&caps["role"], its(), "post.name-role-of-its-unit", extraction);
            return;
        }
        if let Some(caps) = patterns.before_its_title.captures(before) {
            post(&caps["role"], its(), "post.its-role-name", extraction);
            return;
        }
        // A title right before the name, read once for the rules below.
        let title = patterns.title_before.captures(before);
        // "Professor Hu Yong of Peking University"
        if let Some(caps) = &title
            && let Some(of) = patterns.of_after.find(after)
            && let Some(org) = named.starting_at(text, end + of.end())
            && org.kind != EntityKind::Platform
        {
            post(&caps["role"], Some(org.entity), "post.title-name-of-org", extraction);
            return;
        }
        // "Professor Xu Jianhua of the university": the one named last.
        if let Some(caps) = &title
            && let Some(of) = patterns.of_the_reference.captures(after)
            && let Some(org) = self.referred_body(&body_word(&of["noun"]), "", extraction)
        {
            post(&caps["role"], Some(org), "post.title-name-of-the-body", extraction);
            return;
        }
        // "NAME, the office head", "NAME, deputy director of the bureau's
        // publicity department": the office or bureau named last.
        let reference = patterns
            .after_reference
            .captures(after)
            .map(|caps| (caps, "post.name-the-body-role"))
            .or_else(|| {
                patterns.after_role_of_reference.captures(after).map(|caps| (caps, "post.name-role-of-the-body"))
            })
            .or_else(|| patterns.before_reference.captures(before).map(|caps| (caps, "post.the-bodys-role-name")))
            // "ministry spokesman Wu Heping" (when a ministry was named)
            .or_else(|| {
                let bare = patterns.before_bare_reference.captures(before);
                bare.or_else(|| patterns.before_opening_reference.captures(before))
                    .map(|caps| (caps, "post.body-role-name"))
            });
        let refers = reference.is_some();
        if let Some((caps, rule)) = reference {
            let noun = body_word(&caps["noun"]);
            // (Only "the province's governor" refers to a place named before,
            // not "county chief Li".)
            let place_noun = BODY_NOUNS.get(noun.as_str()).is_some_and(|n| n.refers_to == Some("place"));
            // ("the county's Communist Party secretary", "district party
            // secretary NAME": the county or district named last, which the
            // gazetteer may not know.)
            let local = named.story_locals.iter().rev().find(|local| local.to_lowercase().ends_with(noun.as_str()));
            if place_noun && let Some(local) = local {
                let body = extraction.entity(local_jurisdiction(local));
                post(&caps["role"], Some(body), "post.name-the-place-role", extraction);
                return;
            }
            // (A county or district is none of the places the gazetteer
            // knows, which are provinces and cities.)
            let below_city = BELOW_CITY.contains(&noun.as_str());
            if place_noun && !below_city && rule != "post.body-role-name" {
                let body = named.story_place.map(|place| extraction.entity(jurisdiction(place, place.name)));
                post(&caps["role"], body, "post.name-the-place-role", extraction);
                return;
            }
            let words = caps.name("words").map_or("", |words| words.as_str());
            let org = self.referred_body(&noun, words, extraction);
            if org.is_some() || rule != "post.body-role-name" {
                post(&caps["role"], org, rule, extraction);
                return;
            }
        }
        // "ROLE of ORG NAME" and "ORG ROLE NAME" and "ORG's ROLE, NAME"; not
        // a body whose name is part of the title ("Sichuan's Communist
        // Party chief NAME").
        let title_start = title.as_ref().and_then(|caps| caps.name("role")).map(|r| r.start());
        let in_title = |org: &Range<usize>| title_start.is_some_and(|start| start <= org.start);
        let bodies = named.entities.iter().filter(|f| f.span.end <= span.start && f.kind != EntityKind::Platform);
        for org in bodies.filter(|f| !in_title(&f.span)) {
            let between = &text[org.span.end..span.start];
            if let Some(caps) =
                patterns.before_title.captures(between).or_else(|| patterns.before_possessive_title.captures(between))
            {
                post(&caps["role"], Some(org.entity), "post.org-role-name", extraction);
                return;
            }
            if let Some(caps) = role_of(&org.span) {
                post(&caps["role"], Some(org.entity), "post.role-of-org-name", extraction);
                return;
            }
        }
        // ("the party secretary of Xindu District in Chengdu, Yang Fan")
        if let Some(caps) = patterns.before_role_of_local.captures(before) {
            let local = caps.name("local").map_or(0..0, |m| m.range());
            let entity = extraction.entity(local_jurisdiction(&text[local.clone()]));
            extraction.mention(entity, sentence.evidence(local, "org.jurisdiction-of-post"));
            post(&caps["role"], Some(entity), "post.role-of-place-name", extraction);
            return;
        }
        if let Some(caps) = patterns.before_account_title.captures(before) {
            post(&caps["role"], self.last_account, "post.account-role-name", extraction);
            return;
        }
        for (place_span, place) in named.places.iter().filter(|(s, _)| s.end <= span.start) {
            // "The vice governor of Hainan, Tan Li, ..."
            if !matches!(place.kind, GazetteerKind::Place { country: true })
                && let Some(caps) = role_of(place_span)
            {
                post_in_place(place, place_span.clone(), &caps["role"], "post.role-of-place-name", extraction);
                return;
            }
            if let Some(caps) = patterns.before_place_title.captures(&text[place_span.end..span.start]) {
                let unit_end = caps.name("unit").map_or(place_span.end, |unit| place_span.end + unit.end());
                post_in_place(place, place_span.start..unit_end, &caps["role"], "post.place-role-name", extraction);
                return;
            }
        }
        if let Some(caps) = patterns.after_role_only.captures(after) {
            post(&caps["role"], None, "post.name-comma-role", extraction);
            return;
        }
        // "Premier Wen Jiabao", "said presiding judge Fan Wen": a title with
        // no body (not one referring to a body that was not named: "bureau
        // chief NAME").
        if !refers && let Some(caps) = &title {
            // ("new Communist Party chief Xi Jinping": the body the title
            // names, when no place before it says whose it is.)
            let role = caps.name("role").map_or(0..0, |m| m.range());
            let named_in_title =
                named.organizations().find(|org| role.start <= org.span.start && org.span.end <= role.end).filter(
                    |_| !named.places.iter().any(|(place, _)| place.end <= role.start && role.start - place.end <= 3),
                );
            post(&caps["role"], named_in_title.map(|org| org.entity), TITLE_NAME, extraction);
            return;
        }
        // "Dr Xu Ming of Peking University", "said Li Wei from Fudan
        // University": a member of a body, in a post the article leaves
        // unsaid.
        if !refers
            && let Some(of) = patterns.of_after.find(after)
            && let Some(org) = body_at(end + of.end(), extraction)
        {
            post("", Some(org), "membership.name-of-org", extraction);
        }
    }

    /// The organisation named last whose name has `noun` ("the bureau")
    /// and the `words` before it ("the monitoring office"), or, for "the
    /// newspaper" and "the company", that is one.
    fn referred_body(&self, noun: &str, words: &str, extraction: &Extraction) -> Option<usize> {
        let kind = match BODY_NOUNS.get(noun).and_then(|n| n.refers_to) {
            Some("media") => Some(EntityKind::Organization(OrgKind::Media)),
            Some("company") => Some(EntityKind::Organization(OrgKind::Company)),
            _ => None,
        };
        let refers = |o: usize| {
            let entity = &extraction.entities[o];
            // (By any of its names: "the office" is the "Public Opinion
            // Monitoring Office of People's Daily Online" whose name in
            // the gazetteer ends in "Center".)
            // (With the words before the noun, in its name or naming its
            // kind: "the police bureau" is a "Public Security Bureau", "the
            // new media center" no "Internet Network Information Center".)
            let described = |word: &str| {
                let kind = OrgKind::parse(word);
                kind != OrgKind::Other && entity.kind == EntityKind::Organization(kind)
            };
            let named_so = |name: &String| {
                let name = name.to_lowercase();
                let mut name_words = name.split_whitespace();
                name_words.clone().any(|w| body_word(w) == noun)
                    && words.split_whitespace().all(|word| described(word) || name_words.any(|w| w == word))
            };
            Some(entity.kind) == kind || named_so(&entity.name) || entity.aliases.iter().any(named_so)
        };
        let named = self.organisations.iter().rposition(|&o| refers(o));
        let unit = self.units.iter().rev().find(|(unit, _, _)| unit == noun);
        // (The later of the two: a unit counts as named with its body.)
        match (named, unit) {
            (Some(at), Some((_, org, named_at))) if *named_at >= at => Some(*org),
            (Some(at), _) => Some(self.organisations[at]),
            (None, unit) => unit.map(|(_, org, _)| *org),
        }
    }

    /// Folds posts that say the same thing: a role without an organisation
    /// is dropped when the same person holds that role in a named body (or
    /// any post there, for a title before the name).
    pub fn merge_posts(&self, extraction: &mut Extraction) {
        let posts = std::mem::take(&mut extraction.posts);
        let mut kept: Vec<Post> = Vec::new();
        for post in &posts {
            let duplicate = kept
                .iter()
                .any(|k| k.person == post.person && k.role == post.role && k.organization == post.organization);
            // (A title alone, "Professor Zhou" after "Zhou Minglan, a
            // political scientist at Fudan University", names the same post.)
            let title_only = post.evidence.rule == TITLE_NAME;
            let vaguer = post.organization.is_none()
                && posts.iter().any(|p| {
                    p.person == post.person
                        && p.organization.is_some()
                        && (p.role == post.role || post.role.is_empty() || title_only)
                })
                // (A membership says less than a post in the same body.)
                || post.role.is_empty()
                    && posts.iter().any(|p| {
                        p.person == post.person && p.organization == post.organization && !p.role.is_empty()
                    });
            if !duplicate && !vaguer {
                kept.push(post.clone());
            }
        }
        extraction.posts = kept;
    }
}

/// A second post joined to the first by "and" in the same apposition: "NAME,
/// a member of the CPPCC National Committee and vice president of Northwest
/// University", "NAME, director of the new media center and a professor at
/// ORG".
fn read_joined_post(
    sentence: &Sentence<'_>,
    named: &Named,
    span: Range<usize>,
    person: usize,
    extraction: &mut Extraction,
) {
    let text = sentence.text;
    let Some(apposition) = text[span.end..].strip_prefix(", ") else { return };
    let start = span.end + 2;
    // (Within the apposition: up to its next comma, quote or clause end.)
    let apposition = &apposition[..apposition.find([',', ';', '"', '(', '\u{201c}']).unwrap_or(apposition.len())];
    for (at, _) in apposition.match_indices(" and ") {
        let Some(caps) = PATTERNS.joined_role.captures(&apposition[at..]) else { continue };
        let body = start + at + caps.get(0).map_or(0, |m| m.end());
        if let Some(org) = body_at(text, named, body, extraction) {
            let role = PATTERNS.full_role(&caps["role"]);
            let evidence = sentence.evidence(span.clone(), "post.name-role-and-role-of-org");
            extraction.posts.push(Post { person, role, title: None, organization: Some(org), evidence });
            return;
        }
    }
}

/// The body named at `at` in `text`: for a platform, the company running it
/// ("who heads public affairs at Sina's Weibo unit"); also after words
/// describing it ("an analyst at Shanghai-based consultancy Clearpath
/// Research").
fn body_at(text: &str, named: &Named, at: usize, extraction: &mut Extraction) -> Option<usize> {
    let described = || {
        named.entities.iter().find(|f| {
            f.span.start > at
                && !text[at..f.span.start].contains([',', ';'])
                && described_before(&text[..f.span.start])
                && text[at..f.span.start].split_whitespace().count() <= 4
        })
    };
    let found = named.starting_at(text, at).or_else(described)?;
    if found.kind != EntityKind::Platform {
        return Some(found.entity);
    }
    let operator = operator_of(&extraction.entities[found.entity])?;
    Some(extraction.entity(operator))
}

/// The name in capitals at the start of `rest` (at `at` in the sentence):
/// one to five capitalised words, joined by "of", "and" or "&" ("Bank of
/// America", "Procter & Gamble"), that is no place, person, month or day.
fn capitalised_body<'t>(rest: &'t str, named: &Named, at: usize) -> Option<&'t str> {
    let (mut end, mut offset) = (0, 0);
    for (nth, word) in rest.split(' ').enumerate().take(5) {
        let start = offset;
        offset += word.len() + 1;
        let bare = word.trim_end_matches([',', '.', ';', ':', ')', '"', '\u{201d}', '\'']);
        let capital = bare.starts_with(|c: char| c.is_ascii_uppercase())
            && bare.chars().skip(1).all(|c| c.is_alphanumeric() || "-&.'".contains(c));
        if !(capital || nth > 0 && matches!(bare, "of" | "and" | "&")) {
            break;
        }
        if capital {
            end = start + bare.len();
        }
        // (Punctuation ends the name.)
        if bare.len() < word.len() {
            break;
        }
    }
    let name = &rest[..end];
    let other = named.entities.iter().any(|f| f.span.start < at + end && at < f.span.end)
        || named.places.iter().any(|(place, _)| place.start < at + end && at < place.end)
        || !super::dates::find_dates(name, None).is_empty()
        || name.contains(' ') && gazetteer().is_surname(name.split(' ').next().unwrap_or_default());
    (!name.is_empty() && !other).then_some(name)
}

/// The rule of a title before a name with no body ("Premier Wen Jiabao"),
/// which a post of the same person in a body makes redundant.
const TITLE_NAME: &str = "post.title-name";

/// A word of a body's name as the body is referred back to: "Centre" and
/// "center", "Lab" and "laboratory", "paper" and "newspaper" are one.
fn body_word(word: &str) -> String {
    let word = word.to_lowercase();
    BODY_NOUNS.get(word.as_str()).map_or(word, |noun| noun.word.to_string())
}

/// Two capitalised words that could be a person's name: not a place, an
/// organisation, a month, a word of `gazetteer/not_given_names.txt`, nor a
/// title before a surname ("Professor Zhou", "Dr Wang").
fn plausible_western_name(name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or_default();
    // (Nor a title: "said Assistant Professor Chua Wei Ling".)
    let titled = name.split_whitespace().any(|word| lexicon::ROLE_WORDS.contains(&word.to_lowercase()));
    plausible_given_name(first) && !titled && gazetteer().find(name).is_empty()
}

static NOT_GIVEN_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| lexicon::words("gazetteer/not_given_names.txt"));

/// Whether a capitalised word may be a given name: not a title, a word of
/// `gazetteer/not_given_names.txt`, a month or a speech verb ("Said").
fn plausible_given_name(word: &str) -> bool {
    let lower = word.to_lowercase();
    !lexicon::HONORIFICS.contains(&word)
        && !lexicon::ROLE_WORDS.contains(&lower)
        && !NOT_GIVEN_NAMES.contains(&word)
        && !lexicon::CLAUSE_OPENERS.contains(word)
        && !lexicon::MONTHS.contains_key(&lower)
        && !PATTERNS.speech_verbs.contains(lower.as_str())
}

/// Whether the capitalised word `third` after a surname and `given` is the
/// second syllable of the given name ("Chua Wei Ling", "Tan Kee Yong"), not
/// a word of its own ("Wang Lei Says", "Li Wei Weibo").
fn is_third_syllable(text: &str, given: &str, third: regex::Match<'_>) -> bool {
    let word = third.as_str().trim_end_matches("'s").trim_end_matches("\u{2019}s");
    is_name_syllable(given)
        && is_name_syllable(word)
        && plausible_given_name(word)
        && gazetteer().find(word).is_empty()
        // (Not the first of more capitalised words: "Li Wei Ling Road".)
        && !text[third.end()..].strip_prefix(' ').is_some_and(|rest| rest.starts_with(char::is_uppercase))
}

/// The English given name before a Hong Kong or Taiwan name ("Raymond" in
/// "Raymond Ho Chun-kit"), which starts at `at`: its start.
fn english_given_name(text: &str, at: usize) -> Option<usize> {
    let before = text[..at].strip_suffix(' ')?;
    let word = before.rsplit([' ', '(', '"', '\u{201c}']).next()?;
    let shaped = word.len() >= 3
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && word.chars().skip(1).all(|c| c.is_ascii_lowercase());
    (shaped && plausible_given_name(word) && gazetteer().find(word).is_empty()).then(|| before.len() - word.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities;

    /// (person, role, organisation) triples read from `sentences`.
    fn posts(sentences: &[&str]) -> Vec<(String, String, String)> {
        let mut extraction = Extraction::default();
        let mut setting = entities::Setting::default();
        let mut people = People::default();
        for (index, text) in sentences.iter().enumerate() {
            let sentence = Sentence::new(index, 0, 0..text.len(), text);
            let named = entities::find(&sentence, &mut setting, &mut extraction);
            people.read(&sentence, &named, &mut extraction);
        }
        people.merge_posts(&mut extraction);
        extraction
            .posts
            .iter()
            .map(|p| {
                let org = p.organization.map_or(String::new(), |o| extraction.entities[o].name.clone());
                (extraction.entities[p.person].name.clone(), p.role.clone(), org)
            })
            .collect()
    }

    fn triple(p: &str, r: &str, o: &str) -> (String, String, String) {
        (p.into(), r.into(), o.into())
    }

    /// The title of the one post read from `sentence`, if it has one.
    fn title(sentence: &str) -> Option<String> {
        let mut extraction = Extraction::default();
        let text = Sentence::new(0, 0, 0..sentence.len(), sentence);
        let named = entities::find(&text, &mut entities::Setting::default(), &mut extraction);
        People::default().read(&text, &named, &mut extraction);
        extraction.posts.first()?.title.clone()
    }

    #[test]
    fn a_body_the_gazetteer_does_not_know_after_a_post() {
        assert_eq!(
            posts(&["\"Users moved on,\" said Mark Ellis, a media analyst at Kestrel in Singapore."]),
            vec![triple("Mark Ellis", "media analyst", "Kestrel")]
        );
        assert_eq!(
            posts(&["Sara Holm, a fellow with Lindqvist & Moe Digital, disagreed."]),
            vec![triple("Sara Holm", "fellow", "Lindqvist & Moe Digital")]
        );
        // (Not a day, nor a person.)
        assert_eq!(
            posts(&["\"We posted it,\" said Luo Fang, a spokeswoman at Monday's briefing."]),
            vec![triple("Luo Fang", "spokeswoman", "")]
        );
    }

    #[test]
    fn a_unit_named_with_a_possessive_is_referred_back_to() {
        assert_eq!(
            posts(&[
                "The Hangzhou Municipal Public Security Bureau runs two accounts from the bureau's new media division.",
                "\"We never sleep,\" said Tao Ling, head of the division.",
            ]),
            vec![triple("Tao Ling", "head", "Hangzhou Municipal Public Security Bureau")]
        );
        assert_eq!(
            posts(&[
                "The Ministry of Commerce's press office opened a WeChat account in May.",
                "\"Readers ask hard questions,\" said Ren Bo, deputy director of the press office.",
            ]),
            vec![triple("Ren Bo", "deputy director", "Ministry of Commerce")]
        );
    }

    #[test]
    fn a_post_is_titled_with_the_field_or_unit_after_its_role() {
        let said = |apposition: &str| title(&format!("\"It matters,\" said Sun Hong, {apposition}."));
        assert_eq!(said("a lecturer in new media at Wuhan University").as_deref(), Some("lecturer in new media"));
        assert_eq!(
            said("head of the press office of the Chengdu Municipal Transport Bureau").as_deref(),
            Some("head of the press office")
        );
        assert_eq!(
            said("an associate professor of Asian studies at Fudan University").as_deref(),
            Some("associate professor of Asian studies")
        );
        // (Not the body itself, nor a role that says no more.)
        assert_eq!(said("deputy director of the Hengyang land resources bureau"), None);
        assert_eq!(said("a professor at Wuhan University"), None);
    }

    #[test]
    fn a_unit_named_in_lower_case_is_referred_back_to() {
        assert_eq!(
            posts(&[
                "The report was compiled by the new media research center of Renmin University of China.",
                "\"Few accounts reply,\" said Gao Ming, director of the center.",
            ]),
            vec![triple("Gao Ming", "director", "Renmin University of China")]
        );
        // (A body named with that word after the unit is the one meant.)
        assert_eq!(
            posts(&[
                "The publicity office of the Ministry of Commerce drafted it, and the Beijing Municipal Information Office agreed.",
                "Fan Li, deputy director of the office, said so.",
            ]),
            vec![triple("Fan Li", "deputy director", "Information Office of the Beijing Municipal Government")]
        );
    }

    #[test]
    fn a_body_after_a_unit_or_a_comma() {
        assert_eq!(
            posts(&[
                "Wang Yan, deputy director of the Internet news bureau of the State Council Information Office, said so."
            ]),
            vec![triple("Wang Yan", "deputy director", "State Council Information Office")]
        );
        assert_eq!(
            posts(&["\"It works,\" said Professor Deng Yun, of Sun Yat-sen University."]),
            vec![triple("Deng Yun", "professor", "Sun Yat-sen University")]
        );
    }

    #[test]
    fn a_company_before_the_role_is_the_body_not_the_place_after() {
        assert_eq!(
            posts(&["\"We listen,\" said Zhang Yu, a Tencent spokeswoman in Shenzhen."]),
            vec![triple("Zhang Yu", "spokeswoman", "Tencent")]
        );
    }

    #[test]
    fn a_body_after_the_roles_field_by_acronym_or_by_another_name() {
        assert_eq!(
            posts(&["Ann Reeve, a professor of Chinese media at Keio University in Tokyo, said so."]),
            vec![triple("Ann Reeve", "professor", "Keio University")]
        );
        assert_eq!(
            posts(&["Tom Lake, an internet analyst at CLSA in Hong Kong, said so."]),
            vec![triple("Tom Lake", "internet analyst", "CLSA")]
        );
        // (A place may begin the name: not "Data Research, said".)
        assert_eq!(
            posts(&["Tom Lake, an analyst with Beijing-based consultancy China Data Research, said so."]),
            vec![triple("Tom Lake", "analyst", "China Data Research")]
        );
        // ("the office", by a name the gazetteer knows under another head.)
        assert_eq!(
            posts(&[
                "It was compiled by the Public Opinion Monitoring Office of People's Daily Online.",
                "Zhu Min, deputy director of the monitoring office, said so.",
            ]),
            vec![triple("Zhu Min", "deputy director", "People's Daily Online Public Opinion Monitoring Center")]
        );
    }

    #[test]
    fn a_role_after_a_unit_of_a_body_or_a_platform() {
        assert_eq!(
            posts(&[
                "Zhao Lin, a press officer at the information office of the Nanjing municipal government, said so."
            ]),
            vec![triple("Zhao Lin", "press officer", "Nanjing Municipal Government")]
        );
        assert_eq!(
            posts(&["Ma Jun, Sina Weibo's vice president, said so."]),
            vec![triple("Ma Jun", "vice president", "Sina")]
        );
        // (A given name that is also a place's, before a role: a person.)
        assert_eq!(
            posts(&["Xie Jinhua, deputy head of the Ministry of Commerce, said so."]),
            vec![triple("Xie Jinhua", "deputy head", "Ministry of Commerce")]
        );
    }

    #[test]
    fn a_body_described_possessed_or_with_its_acronym() {
        assert_eq!(
            posts(&["\"It works,\" said Ann Reeve, an analyst at Beijing-based consultancy Northgate Research."]),
            vec![triple("Ann Reeve", "analyst", "Northgate Research")]
        );
        assert_eq!(
            posts(&["\"It works,\" said Shandong University's Professor Wu Bin."]),
            vec![triple("Wu Bin", "professor", "Shandong University")]
        );
        assert_eq!(
            posts(&["Mainland Affairs Council (MAC) Deputy Minister Kao Chih-wei said so."]),
            vec![triple("Kao Chih-wei", "deputy minister", "Mainland Affairs Council")]
        );
    }

    #[test]
    fn a_field_a_verb_of_the_post_or_with_before_the_body() {
        assert_eq!(
            posts(&["Wu Ping, dean of the school of international relations at Nanjing University, said so."]),
            vec![triple("Wu Ping", "dean", "Nanjing University")]
        );
        assert_eq!(
            posts(&["Lu Xin, who heads public affairs at Tencent, said so."]),
            vec![triple("Lu Xin", "head of public affairs", "Tencent")]
        );
        assert_eq!(
            posts(&["Lin Yun, who runs the account of the Nanchang Public Security Bureau, said so."]),
            vec![triple("Lin Yun", "account manager", "Nanchang Public Security Bureau")]
        );
        // A post at a platform is a post in the company running it.
        assert_eq!(
            posts(&["Lu Xin, who heads public affairs at Sina's Weibo unit, said so."]),
            vec![triple("Lu Xin", "head of public affairs", "Sina")]
        );
        assert_eq!(
            posts(&["Fan Qi, a product manager at Tencent Weibo, said so."]),
            vec![triple("Fan Qi", "product manager", "Tencent")]
        );
        assert_eq!(
            posts(&[
                "The comment ran in the Beijing News.",
                "Ding Yu, who edits the newspaper's online desk, said so."
            ]),
            vec![triple("Ding Yu", "editor", "The Beijing News")]
        );
        assert_eq!(
            posts(&[
                "The Shanghai Academy of Social Sciences published the survey.",
                "Gao Lin, a researcher at the academy's institute of sociology, said so.",
            ]),
            vec![triple("Gao Lin", "researcher", "Shanghai Academy of Social Sciences")]
        );
        assert_eq!(
            posts(&["Professor Tang Hui with Renmin University of China said so."]),
            vec![triple("Tang Hui", "professor", "Renmin University of China")]
        );
        assert_eq!(
            posts(&[
                "Shandong University published the survey.",
                "According to Professor Gu Yan of the university, it was the first.",
            ]),
            vec![triple("Gu Yan", "professor", "Shandong University")]
        );
    }

    #[test]
    fn who_heads_who_teaches_and_an_organisation_before_the_role() {
        assert_eq!(
            posts(&["\"We post the verdict,\" said Sun Jianhua, who heads the Henan Higher People's Court."]),
            vec![triple("Sun Jianhua", "head", "Henan Higher People's Court")]
        );
        assert_eq!(
            posts(&["Xie Jun, who teaches new media at Wuhan University, said so."]),
            vec![triple("Xie Jun", "teacher", "Wuhan University")]
        );
        assert_eq!(
            posts(&["Zhang Wei, who studies Internet governance at Peking University, said so."]),
            vec![triple("Zhang Wei", "researcher", "Peking University")]
        );
        assert_eq!(
            posts(&[
                "Mo Lin, who heads the publicity division at the Hebei Provincial People's Procuratorate, said so."
            ]),
            vec![triple("Mo Lin", "head of publicity division", "Hebei Provincial People's Procuratorate")]
        );
        assert_eq!(
            posts(&["Ma Li, a professor who studies e-government at Fudan University, said so."]),
            vec![triple("Ma Li", "professor", "Fudan University")]
        );
        assert_eq!(
            posts(&["Lu Qing is an associate professor at Wuhan University."]),
            vec![triple("Lu Qing", "associate professor", "Wuhan University")]
        );
        assert_eq!(
            posts(&["Xie Jun, 41, a professor at Wuhan University, said so."]),
            vec![triple("Xie Jun", "professor", "Wuhan University")],
            "an age after the name"
        );
        assert_eq!(
            posts(&["Liu Qi, a Sina spokesman, said the accounts were verified."]),
            vec![triple("Liu Qi", "spokesman", "Sina")]
        );
        assert_eq!(
            posts(&["Zhao Lei, a Ministry of Public Security spokeswoman, said so."]),
            vec![triple("Zhao Lei", "spokeswoman", "Ministry of Public Security")]
        );
        assert_eq!(
            posts(&["Lo Kwok-ming, a Democratic Party district councillor in Sheung Shui, said so."]),
            vec![triple("Lo Kwok-ming", "district councillor", "Democratic Party")]
        );
    }

    #[test]
    fn a_western_name_set_off_by_commas() {
        assert_eq!(
            posts(&["Tencent's vice president for WeChat, Allen Xu, said the accounts were useful."]),
            vec![triple("Allen Xu", "vice president", "Tencent")]
        );
    }

    #[test]
    fn a_western_name_known_from_its_apposition_or_source() {
        assert_eq!(
            posts(&["Karen O'Neill, who studies Chinese media at Stanford University, said the trend would last."]),
            vec![triple("Karen O'Neill", "researcher", "Stanford University")]
        );
        assert_eq!(
            posts(&[
                "According to Duncan McLeod, a senior fellow at the Brookings Institution, censors still delete posts."
            ]),
            vec![triple("Duncan McLeod", "senior fellow", "Brookings Institution")]
        );
        // Not names: a place or body after "according to".
        assert!(persons("According to Hong Kong University, the accounts grew.").is_empty());
    }

    /// The people named in `text`.
    fn persons(text: &str) -> Vec<String> {
        let mut extraction = Extraction::default();
        let mut setting = entities::Setting::default();
        let sentence = Sentence::new(0, 0, 0..text.len(), text);
        let named = entities::find(&sentence, &mut setting, &mut extraction);
        People::default().read(&sentence, &named, &mut extraction);
        extraction.entities.iter().filter(|e| e.kind == EntityKind::Person).map(|e| e.name.clone()).collect()
    }

    #[test]
    fn an_english_given_name_before_a_hong_kong_name() {
        assert_eq!(
            persons("\"We answer every message,\" said Raymond Ho Chun-kit, who runs the team."),
            vec!["Raymond Ho Chun-kit"]
        );
        // (Not a word opening the sentence, nor a title.)
        assert_eq!(persons("When Lam Siu-fong opened her account, few followed."), vec!["Lam Siu-fong"]);
        assert_eq!(persons("Legislator Kwan Ho-yin said so."), vec!["Kwan Ho-yin"]);
        // The surname is the one after the English name: "Ho said" is him.
        let found = posts(&[
            "Raymond Ho Chun-kit runs the account.",
            "Ho, who is also a lecturer at the University of Hong Kong, agreed.",
        ]);
        assert_eq!(found, vec![triple("Raymond Ho Chun-kit", "lecturer", "University of Hong Kong")]);
    }

    #[test]
    fn a_place_or_a_body_before_said_is_no_person() {
        assert_eq!(
            persons(
                "Lo Kwok-ming, a councillor in Sheung Shui, said so, and an analyst at Analysys International, said more."
            ),
            vec!["Lo Kwok-ming"]
        );
    }

    #[test]
    fn a_name_in_the_possessive() {
        assert_eq!(persons("Officer Li Dongsheng's beat is a row of noodle shops."), vec!["Li Dongsheng"]);
    }

    #[test]
    fn a_hyphenated_word_after_a_surname_is_no_name() {
        assert!(persons("Veterans of the Long March-era army posted online.").is_empty());
    }

    #[test]
    fn names_from_taiwan_keep_their_hyphen() {
        assert_eq!(
            posts(&["\"It is a show,\" said Chang Wen-hsin, an associate professor at Renmin University."]),
            vec![triple("Chang Wen-hsin", "associate professor", "Renmin University of China")]
        );
    }

    #[test]
    fn ranks_and_honorifics_between_role_and_name() {
        assert_eq!(
            posts(&[
                "The Ministry of Public Security told every county to get online.",
                "The ministry's vice-minister, Mr Lin Haitao, told a conference in May.",
            ]),
            vec![triple("Lin Haitao", "vice-minister", "Ministry of Public Security")]
        );
        assert_eq!(
            posts(&[
                "The Wuhan Public Security Bureau opened its account in 2010.",
                "The account handled 8,900 tip-offs, said its director, Superintendent Huang Degang.",
            ]),
            vec![triple("Huang Degang", "director", "Wuhan Public Security Bureau")]
        );
    }

    #[test]
    fn abbreviated_roles_courts_labs_and_places_with_commas() {
        assert_eq!(
            posts(&["\"Half of them are idle,\" said Prof Ma Jianbo of Renmin University in Beijing."]),
            vec![triple("Ma Jianbo", "professor", "Renmin University of China")]
        );
        assert_eq!(
            posts(&[
                "The report was compiled by the Public Opinion Research Lab of Shanghai Jiao Tong University.",
                "\"They publish,\" said Tang Weiping, director of the lab.",
            ]),
            vec![triple(
                "Tang Weiping",
                "director",
                "Public Opinion Research Laboratory of Shanghai Jiao Tong University"
            )]
        );
        assert_eq!(
            posts(&["Accounts rose, the Supreme People's Court said.", "The court's spokesman, Liu Zhenhua, said so."]),
            vec![triple("Liu Zhenhua", "spokesman", "Supreme People's Court")]
        );
        assert_eq!(
            posts(&["Hunan's party chief, Zhou Qiang, has an account."]),
            vec![triple("Zhou Qiang", "party chief", "Hunan")]
        );
    }

    #[test]
    fn apposition_after_the_name() {
        assert_eq!(
            posts(&["\"We listen,\" said Zhao Lei, deputy director of the Hubei Provincial Tourism Bureau."]),
            vec![triple("Zhao Lei", "deputy director", "Hubei Provincial Tourism Bureau")]
        );
        assert_eq!(
            posts(&["Liu Fang, a professor from the Chinese Academy of Social Sciences, disagreed."])[0].1,
            "professor"
        );
        // A place in the possessive: its post.
        assert_eq!(
            posts(&["The talks ended when Liu Xiaoming, Fujian's deputy Party secretary, agreed to meet them."]),
            vec![triple("Liu Xiaoming", "deputy party secretary", "Fujian")]
        );
        // The body in the possessive, with no article before it.
        assert_eq!(
            posts(&["\"Officials are welcome,\" said Ma Jun, Tencent's vice president."]),
            vec![triple("Ma Jun", "vice president", "Tencent")]
        );
    }

    #[test]
    fn titles_before_the_name() {
        assert_eq!(
            posts(&["On Monday, secretary of the Hunan Provincial Party Committee Zhou Qiang posted a letter."]),
            vec![triple("Zhou Qiang", "secretary", "Hunan Provincial Party Committee")]
        );
        assert_eq!(
            posts(&["Guangdong Province Publicity Chief Hu Hao has many followers."]),
            vec![triple("Hu Hao", "publicity chief", "Guangdong Province")]
        );
        assert_eq!(
            posts(&["Hubei Party chief Li Hongzhong urged officials to go online."]),
            vec![triple("Li Hongzhong", "party chief", "Hubei")],
            "\"Party\" starts the title, it does not end a body's name"
        );
        assert_eq!(
            posts(&["Sichuan's Communist Party chief Wang Dong has opened a microblog."]),
            vec![triple("Wang Dong", "communist party chief", "Sichuan")],
            "nor does \"Communist Party\""
        );
        assert_eq!(
            posts(&["Minister of Commerce Chen Deming said so."]),
            vec![triple("Chen Deming", "minister", "Ministry of Commerce")]
        );
    }

    #[test]
    fn a_county_or_district_the_gazetteer_does_not_know() {
        assert_eq!(
            posts(&["Ma Jianguo, Party secretary of Longtan county, has 40,000 followers."]),
            vec![triple("Ma Jianguo", "party secretary", "Longtan County")]
        );
        assert_eq!(
            posts(&["Wu Qiang, the party secretary of Daoli District in Harbin, posts daily."]),
            vec![triple("Wu Qiang", "party secretary", "Daoli District")]
        );
    }

    #[test]
    fn a_given_name_that_is_also_a_places() {
        assert_eq!(
            posts(&["Xie Jinhua, a professor at Wuhan University, said so."]),
            vec![triple("Xie Jinhua", "professor", "Wuhan University")]
        );
        // Without the introduction it stays a place.
        assert!(persons("Xie Jinhua opened an account.").is_empty());
    }

    #[test]
    fn a_title_with_no_body() {
        assert_eq!(posts(&["Premier Wen Jiabao promised a full inquiry."]), vec![triple("Wen Jiabao", "premier", "")]);
        assert_eq!(
            posts(&["\"The rules are clear,\" said presiding judge Fan Wen."]),
            vec![triple("Fan Wen", "presiding judge", "")]
        );
        // A body named with the title makes it a post in that body.
        assert_eq!(
            posts(&["Guangdong Province Publicity Chief Hu Hao has many followers."]),
            vec![triple("Hu Hao", "publicity chief", "Guangdong Province")]
        );
    }

    #[test]
    fn described_roles_and_other_prepositions() {
        assert_eq!(
            posts(&["\"It is a start,\" said Zhang Zhi'an, a media researcher at Fudan University."]),
            vec![triple("Zhang Zhi'an", "media researcher", "Fudan University")]
        );
        assert_eq!(
            posts(&["Qin Gang, spokesman for the Foreign Ministry, said the account was popular."]),
            vec![triple("Qin Gang", "spokesman", "Ministry of Foreign Affairs")]
        );
        assert_eq!(
            posts(&["Hunan's party chief Zhou Qiang answered questions online."]),
            vec![triple("Zhou Qiang", "party chief", "Hunan")]
        );
    }

    #[test]
    fn the_province_refers_back() {
        let found = posts(&[
            "Officials in Guangdong must open accounts.",
            "About 2,700 departments run accounts, said Zhu Mingguo, the province's deputy party secretary.",
        ]);
        assert_eq!(found, vec![triple("Zhu Mingguo", "deputy party secretary", "Guangdong")]);
    }

    #[test]
    fn the_office_refers_back() {
        assert_eq!(
            posts(&["At a meeting of the State Council Information Office, Cai Mingzhao, the office head, spoke."]),
            vec![triple("Cai Mingzhao", "head", "State Council Information Office")]
        );
        assert_eq!(
            posts(&[
                "The Shanghai Municipal Information Office ranked the accounts.",
                "\"We answer at night,\" said Gu Lei, director of the information office's new media division.",
            ]),
            vec![triple("Gu Lei", "director", "Information Office of the Shanghai Municipal Government")]
        );
        assert_eq!(
            posts(&[
                "The account is run by the Hangzhou Municipal Transport Authority.",
                "It posts alerts hourly, according to the authority's spokeswoman, Wu Lan.",
            ]),
            vec![triple("Wu Lan", "spokeswoman", "Hangzhou Municipal Transport Authority")]
        );
        assert_eq!(
            posts(&[
                "The Nanjing Municipal Public Security Bureau runs four accounts.",
                "\"We reply within an hour,\" said Gao Min, who heads the bureau's new media unit.",
            ]),
            vec![triple("Gao Min", "head", "Nanjing Municipal Public Security Bureau")]
        );
        assert_eq!(
            posts(&[
                "The Supreme People's Court opened an account on Sina Weibo.",
                "Court spokesman Sun Jun told reporters that 24 high courts had followed.",
            ]),
            vec![triple("Sun Jun", "spokesman", "Supreme People's Court")]
        );
    }

    #[test]
    fn the_words_before_the_noun_must_name_the_body_referred_to() {
        // ("the new media center" is not the center named before.)
        assert_eq!(
            posts(&[
                "The China Internet Network Information Center released the figures.",
                "Liu Gang, director of the new media center, said so.",
            ]),
            vec![triple("Liu Gang", "director", "")]
        );
        assert_eq!(
            posts(&[
                "The China Internet Network Information Center released the figures.",
                "Liu Gang, director of the information center, said so.",
            ]),
            vec![triple("Liu Gang", "director", "China Internet Network Information Center")]
        );
        assert_eq!(
            posts(&[
                "The Wuhan Municipal Public Security Bureau opened an account.",
                "Tang Li, deputy director of the police bureau's press office, said so.",
            ]),
            vec![triple("Tang Li", "deputy director", "Wuhan Municipal Public Security Bureau")]
        );
    }

    #[test]
    fn a_second_post_joined_by_and() {
        assert_eq!(
            posts(&["Ma Lin, a member of the State Council and vice president of Fudan University, said so."]),
            vec![triple("Ma Lin", "member", "State Council"), triple("Ma Lin", "vice president", "Fudan University")]
        );
        assert_eq!(
            posts(&["Hu Qing, director of the media lab and a professor of law at Wuhan University, said so."]),
            vec![triple("Hu Qing", "director", "Wuhan University"), triple("Hu Qing", "professor", "Wuhan University")]
        );
        // (Not past the apposition: "and" joins what the person said.)
        assert_eq!(
            posts(&[
                "Ma Lin, a professor at Fudan University, said the bureau and a professor at Wuhan University agreed."
            ]),
            vec![triple("Ma Lin", "professor", "Fudan University")]
        );
    }

    #[test]
    fn an_age_before_the_role_and_with_the_body() {
        assert_eq!(
            posts(&[
                "Lin Hui, a 29-year-old officer in the publicity section of the Zhaoqing Public Security Bureau, said so."
            ]),
            vec![triple("Lin Hui", "officer", "Zhaoqing Public Security Bureau")]
        );
        assert_eq!(
            posts(&[
                "The Fujian Provincial Public Security Department runs it.",
                "Lin Qiao, an official with the department, said so."
            ]),
            vec![triple("Lin Qiao", "official", "Fujian Provincial Public Security Department")]
        );
    }

    #[test]
    fn a_county_or_district_named_before() {
        assert_eq!(
            posts(&[
                "Floods hit Heping County last month.",
                "\"We listen,\" said Hu Dexin, the county's Communist Party secretary."
            ]),
            vec![triple("Hu Dexin", "communist party secretary", "Heping County")]
        );
        // (The county named last, not a township named after it.)
        assert_eq!(
            posts(&[
                "Floods hit Heping County and its Dongshan Township.",
                "\"We listen,\" said Hu Dexin, the county's Communist Party secretary.",
            ]),
            vec![triple("Hu Dexin", "communist party secretary", "Heping County")]
        );
        assert_eq!(
            posts(&[
                "The government of Jiangbei district runs it.",
                "\"It helps,\" said district party secretary Deng Hui."
            ]),
            vec![triple("Deng Hui", "party secretary", "Jiangbei District")]
        );
        assert_eq!(
            posts(&[
                "When the party secretary of Xindu District in Chengdu, Yang Fan, opened an account, many followed."
            ]),
            vec![triple("Yang Fan", "party secretary", "Xindu District")]
        );
    }

    #[test]
    fn a_body_in_a_title_with_no_place_before_it() {
        assert_eq!(
            posts(&["The new Communist Party chief Xi Jinping spoke."]),
            vec![triple("Xi Jinping", "communist party chief", "Communist Party of China")]
        );
    }

    #[test]
    fn a_district_of_a_city_in_the_possessive() {
        assert_eq!(
            posts(&["Zhou Ping, a housing official in Beijing's Shijingshan district, was photographed."]),
            vec![triple("Zhou Ping", "housing official", "Shijingshan District")]
        );
    }

    #[test]
    fn a_name_right_after_a_place_is_no_person() {
        assert!(posts(&["According to the Shanghai Jiao Tong report, officials said so."]).is_empty());
        let mut extraction = Extraction::default();
        let text = "According to the Shanghai Jiao Tong report, officials said so.";
        let sentence = Sentence::new(0, 0, 0..text.len(), text);
        let named = entities::find(&sentence, &mut entities::Setting::default(), &mut extraction);
        People::default().read(&sentence, &named, &mut extraction);
        assert!(extraction.entities.iter().all(|e| e.kind != EntityKind::Person));
    }

    #[test]
    fn a_reporter_handing_over_is_no_one_in_the_story() {
        assert!(posts(&["CCTV reporter Li Bo has more."]).is_empty());
    }

    #[test]
    fn a_western_name_after_its_title() {
        assert_eq!(
            posts(&["Tencent spokeswoman Amy Cole declined to comment."]),
            vec![triple("Amy Cole", "spokeswoman", "Tencent")]
        );
        assert_eq!(
            posts(&["Dr Ann Reeve, a specialist in Chinese media at Keio University, said so."]),
            vec![triple("Ann Reeve", "specialist", "Keio University")]
        );
    }

    #[test]
    fn a_given_name_of_two_syllables_written_apart() {
        assert_eq!(
            posts(&[
                "\"It will last,\" said Assistant Professor Lim Boon Kiat of the National University of Singapore."
            ]),
            vec![triple("Lim Boon Kiat", "assistant professor", "National University of Singapore")]
        );
        assert_eq!(persons("Ng Siew Hua, a lecturer at Fudan University, agreed."), vec!["Ng Siew Hua"]);
        // (A word after a two-word name is its own: a verb of a headline, a
        // platform.)
        assert_eq!(persons("Officer Wang Lei Says Sorry"), vec!["Wang Lei"]);
        assert_eq!(persons("said Zhang Wei Weibo users"), vec!["Zhang Wei"]);
    }

    #[test]
    fn a_place_with_its_level_in_lower_case_before_the_title() {
        assert_eq!(
            posts(&["Hubei provincial party chief Li Qiang told a meeting that every county must go online."]),
            vec![triple("Li Qiang", "party chief", "Hubei")]
        );
    }

    #[test]
    fn a_post_in_a_place_described_before_it() {
        assert_eq!(
            posts(&["Sun Lei, the party secretary of a county in the southern province of Hainan, has an account."]),
            vec![triple("Sun Lei", "party secretary", "Hainan")]
        );
        assert_eq!(
            posts(&["Wu Ming, 41, the deputy mayor of a county-level city in Yunnan, has 90,000 followers."]),
            vec![triple("Wu Ming", "deputy mayor", "Yunnan")]
        );
    }

    #[test]
    fn a_speakers_caption_in_a_transcript() {
        assert_eq!(
            posts(&["Gao Yan, Spokeswoman, Shenzhen Municipal Government: \"We answer every question.\""]),
            vec![triple("Gao Yan", "spokeswoman", "Shenzhen Municipal Government")]
        );
        // (Not a role and a body that merely follow: "NAME, a professor,
        // Fudan University said" is no caption.)
        assert!(
            posts(&["Gao Yan, a spokeswoman, said Fudan University would reply."]).iter().all(|(_, _, o)| o.is_empty())
        );
    }

    #[test]
    fn a_body_in_lower_case_before_its_place_and_a_title_before_who_teaches() {
        assert_eq!(
            posts(&["Li Gang, deputy director of the land resources bureau in Hengyang, was suspended."]),
            vec![triple("Li Gang", "deputy director", "Hengyang Land Resources Bureau")]
        );
        assert_eq!(
            posts(&["Wu Bo, head of the work safety administration in northwestern Shaanxi province, was removed."]),
            vec![triple("Wu Bo", "head", "Shaanxi Work Safety Administration")]
        );
        assert_eq!(
            posts(&["Professor Ma Jun, who teaches media studies at Jinan University, said so."]),
            vec![triple("Ma Jun", "professor", "Jinan University")]
        );
        assert_eq!(
            posts(&["Gao Lei, a venture capitalist with 3 million followers, was detained."]),
            vec![triple("Gao Lei", "venture capitalist", "")]
        );
    }

    #[test]
    fn the_name_in_characters_between_name_and_post() {
        assert_eq!(
            posts(&["Lin Chia-hao (林家豪), a lecturer at Fudan University, said so."]),
            vec![triple("Lin Chia-hao", "lecturer", "Fudan University")]
        );
    }

    #[test]
    fn a_role_of_the_body_refers_back() {
        let found = posts(&[
            "The Shenzhen Municipal Public Security Bureau opened its account in 2011.",
            "The account has answered 20,000 questions, said Liu Wei, deputy director of the bureau's publicity department.",
            "Ministry of Civil Affairs accounts are busy, said Gao Lin, a spokeswoman for the ministry.",
            "The China Internet Research Center counted them, and the center's director Sun Bin said so.",
            "The Wuxi Municipal Health Bureau replies within a day, said Qian Hua, head of its press office.",
        ]);
        assert_eq!(
            found,
            vec![
                triple("Liu Wei", "deputy director", "Shenzhen Municipal Public Security Bureau"),
                triple("Gao Lin", "spokeswoman", "Ministry of Civil Affairs"),
                triple("Sun Bin", "director", "China Internet Research Center"),
                triple("Qian Hua", "head", "Wuxi Municipal Health Bureau")
            ]
        );
        // Without "the" or a possessive, when such a body was named.
        let found = posts(&[
            "The Ministry of Commerce said exports rose.",
            "Few firms complained, ministry spokeswoman Shen Dan told reporters.",
            "Locals said bureau chief Han Bo was not there.",
        ]);
        assert_eq!(found, vec![triple("Shen Dan", "spokeswoman", "Ministry of Commerce")], "no bureau was named");
    }

    #[test]
    fn a_unit_under_a_body() {
        assert_eq!(
            posts(&[
                "The account is run by Gao Feng, head of the news office under the Wuhan municipal public security bureau."
            ]),
            vec![triple("Gao Feng", "head", "Wuhan Municipal Public Security Bureau")]
        );
    }

    #[test]
    fn a_field_or_a_unit_between_the_role_and_the_body() {
        assert_eq!(
            posts(&["\"It matters,\" said Sun Hong, a lecturer in new media at Wuhan University."]),
            vec![triple("Sun Hong", "lecturer", "Wuhan University")]
        );
        assert_eq!(
            posts(&["Ma Jun, head of the press office of the Chengdu Municipal Transport Bureau, replied."]),
            vec![triple("Ma Jun", "head", "Chengdu Municipal Transport Bureau")]
        );
    }

    #[test]
    fn a_title_before_the_name_and_the_body_after_it() {
        assert_eq!(
            posts(&["Professor Sun Lin of Wuhan University said the move was overdue."]),
            vec![triple("Sun Lin", "professor", "Wuhan University")]
        );
    }

    #[test]
    fn a_unit_of_a_place_after_the_name() {
        // The unit is the body (as the gazetteer knows it, if it does).
        assert_eq!(
            posts(&["Li Jun, the head of the publicity department of Hainan Province, has 3 million fans."]),
            vec![triple("Li Jun", "head", "Hainan Publicity Department")]
        );
        assert_eq!(
            posts(&["Wu Bo, head of the publicity department of Hexi County, said so."]),
            vec![triple("Wu Bo", "head", "Hexi County Publicity Department")]
        );
        assert_eq!(
            posts(&["Tan Li, deputy head of the public security bureau of Guangzhou, said so."]),
            vec![triple("Tan Li", "deputy head", "Guangzhou Municipal Public Security Bureau")]
        );
        // Any other unit leaves the place the body.
        assert_eq!(
            posts(&["Gao Yi, head of the tourism section of Hainan Province, said so."]),
            vec![triple("Gao Yi", "head", "Hainan Province")]
        );
    }

    #[test]
    fn a_role_of_a_place_before_the_name() {
        assert_eq!(
            posts(&["The vice governor of Hainan, Tan Li, posted a reply."]),
            vec![triple("Tan Li", "vice governor", "Hainan")]
        );
    }

    #[test]
    fn surname_alone_resolves_to_the_person() {
        let found = posts(&[
            "Zhou Qiang posted a letter online.",
            "Zhou, who is also the deputy head of the Provincial Publicity Department of Hunan, replied.",
        ]);
        assert_eq!(found, vec![triple("Zhou Qiang", "deputy head", "Provincial Publicity Department of Hunan")]);
        // Also after a title ("Professor Zhou" is no given name and surname).
        let found = posts(&[
            "Wei Lanfang, a political scientist at Fudan University, said so.",
            "Professor Wei said the account had 12,000 followers.",
        ]);
        // (The title names the post already read, so it adds none.)
        assert_eq!(found, vec![triple("Wei Lanfang", "political scientist", "Fudan University")]);
        assert!(persons("Professor Wei said the account had 12,000 followers.").is_empty());
    }

    #[test]
    fn ordinary_capitalised_words_are_not_people() {
        assert!(posts(&["Long March veterans met in Beijing, Fan Club members said."]).is_empty());
    }
}
