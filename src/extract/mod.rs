//! Facts from an article's text, by rules: regular expressions over the
//! sentences, dictionaries from `ontology/`, and a little discourse memory
//! (the platform, date and people a paragraph is about).
//!
//! Every fact carries [`Evidence`]: the span it was read from, its sentence,
//! and the rule that read it, so a wrong fact leads straight to its rule.

pub mod dates;
mod entities;
mod figures;
pub mod gazetteer;
mod likeness;
pub mod numbers;
mod people;
pub(crate) mod phrases;
mod quotes;
pub mod sentences;
mod words;

use crate::article::Article;
use crate::date::PartialDate;
pub use entities::known_entity;
pub use gazetteer::OrgKind;
use std::collections::BTreeSet;
use std::ops::Range;
pub use words::{ends_with_word, slug, starts_with_word};

/// What a rule read, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    /// Byte span in the article text.
    pub span: Range<usize>,
    /// Index of the sentence in [`Extraction::sentences`].
    pub sentence: usize,
    /// The rule's identifier, as recorded in the graph (`gk:rule`).
    pub rule: &'static str,
}

/// Kinds of entities an article mentions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    Person,
    Organization(OrgKind),
    Platform,
    Account,
}

/// An entity of the article, identified across articles by its key.
#[derive(Clone, Debug)]
pub struct Entity {
    /// The stable local name of the entity's IRI ("org-ministry-of-health").
    pub key: String,
    pub kind: EntityKind,
    /// The canonical name.
    pub name: String,
    /// Other names the article uses for it.
    pub aliases: BTreeSet<String>,
    /// The key of the company running a platform, the parent of an
    /// organisation, or the operator of an account.
    pub related: Option<String>,
    /// The platform an account is on.
    pub platform: Option<usize>,
    /// When an account was opened.
    pub opened: Option<PartialDate>,
}

/// An entity named in a sentence.
#[derive(Clone, Debug)]
pub struct Mention {
    pub entity: usize,
    pub evidence: Evidence,
}

/// A post held by a person in an organisation ("deputy director of ..."),
/// or, with an empty role, membership of it ("Dr Xu Ming of Peking
/// University").
#[derive(Clone, Debug)]
pub struct Post {
    pub person: usize,
    /// The role as written, lower case ("deputy director"); empty when the
    /// article names the body only.
    pub role: String,
    /// The post's title as written, where it says more than the role: the
    /// field or unit after it ("professor of public administration", "head
    /// of the press office"), lower case.
    pub title: Option<String>,
    pub organization: Option<usize>,
    pub evidence: Evidence,
}

/// The hedge on a figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Qualifier {
    Exact,
    About,
    MoreThan,
    Nearly,
    LessThan,
}

impl Qualifier {
    pub fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "exact" => Self::Exact,
            "about" => Self::About,
            "more-than" => Self::MoreThan,
            "nearly" => Self::Nearly,
            "less-than" => Self::LessThan,
            _ => return None,
        })
    }

    /// The local name of the qualifier in the ontology.
    pub fn term(self) -> &'static str {
        match self {
            Self::Exact => "Exact",
            Self::About => "About",
            Self::MoreThan => "MoreThan",
            Self::Nearly => "Nearly",
            Self::LessThan => "LessThan",
        }
    }
}

/// A figure: a number stated about something, at a date.
#[derive(Clone, Debug)]
pub struct Figure {
    pub value: f64,
    pub percent: bool,
    pub qualifier: Qualifier,
    /// What is counted: the local name of a gk:Measure.
    pub measure: &'static str,
    pub platform: Option<usize>,
    /// The organisation, account or person the figure is about.
    pub subject: Option<usize>,
    pub date: Option<PartialDate>,
    /// The date was taken from the paragraph or the publication date, not
    /// stated with the figure.
    pub date_inferred: bool,
    /// The phrase the date was read from.
    pub date_text: Option<String>,
    /// Where the figure is stated (more than once when repeated).
    pub evidence: Vec<Evidence>,
}

/// Words attributed to a speaker.
#[derive(Clone, Debug)]
pub struct Quote {
    pub speaker: usize,
    /// Byte span of the quoted words, without the quote marks.
    pub text: Range<usize>,
    pub evidence: Evidence,
}

/// Everything read from one article.
#[derive(Debug, Default)]
pub struct Extraction {
    /// Byte spans of the body's sentences.
    pub sentences: Vec<Range<usize>>,
    pub entities: Vec<Entity>,
    pub mentions: Vec<Mention>,
    pub posts: Vec<Post>,
    pub figures: Vec<Figure>,
    pub quotes: Vec<Quote>,
}

impl Extraction {
    /// Adds an entity, or merges it into the one with the same key, and
    /// returns its index.
    pub fn entity(&mut self, entity: Entity) -> usize {
        if let Some(index) = self.entities.iter().position(|e| e.key == entity.key) {
            let existing = &mut self.entities[index];
            existing.aliases.extend(entity.aliases);
            // One body written two ways ("Guangzhou Municipal Government",
            // "Guangzhou government"): the second is a name it has too.
            if entity.name != existing.name {
                existing.aliases.insert(entity.name);
            }
            existing.related = existing.related.take().or(entity.related);
            existing.platform = existing.platform.or(entity.platform);
            existing.opened = existing.opened.or(entity.opened);
            return index;
        }
        self.entities.push(entity);
        self.entities.len() - 1
    }

    /// Records that `entity` is named at `evidence`.
    pub fn mention(&mut self, entity: usize, evidence: Evidence) {
        self.mentions.push(Mention { entity, evidence });
    }

    /// Every sentence a fact was read from.
    pub fn evidence_sentences(&self) -> BTreeSet<usize> {
        let mentions = self.mentions.iter().map(|m| m.evidence.sentence);
        let posts = self.posts.iter().map(|p| p.evidence.sentence);
        let figures = self.figures.iter().flat_map(|f| f.evidence.iter().map(|e| e.sentence));
        let quotes = self.quotes.iter().map(|q| q.evidence.sentence);
        mentions.chain(posts).chain(figures).chain(quotes).collect()
    }
}

/// A sentence being read, with what was found in it so far.
pub struct Sentence<'a> {
    pub index: usize,
    pub paragraph: usize,
    pub span: Range<usize>,
    pub text: &'a str,
    /// Its words, split once for every rule that reads words.
    pub words: Vec<words::Word<'a>>,
}

impl<'a> Sentence<'a> {
    pub fn new(index: usize, paragraph: usize, span: Range<usize>, text: &'a str) -> Self {
        Self { index, paragraph, span, words: words::words(text), text }
    }

    /// Evidence for a span given relative to the sentence.
    pub fn evidence(&self, local: Range<usize>, rule: &'static str) -> Evidence {
        Evidence { span: self.span.start + local.start..self.span.start + local.end, sentence: self.index, rule }
    }
}

/// Reads every fact of `article`.
pub fn extract(article: &Article) -> Extraction {
    let mut extraction = Extraction::default();
    let mut sentences = Vec::new();
    for (paragraph, span) in article.paragraphs.iter().enumerate() {
        for sentence in sentences::split(&article.text, span.clone()) {
            sentences.push((paragraph, sentence));
        }
    }
    extraction.sentences = sentences.iter().map(|(_, s)| s.clone()).collect();
    let mut discourse = figures::Discourse::new(article.metadata.published);
    let mut people = people::People::default();
    let mut setting = entities::Setting::default();
    for (index, (paragraph, span)) in sentences.iter().enumerate() {
        let sentence = Sentence::new(index, *paragraph, span.clone(), &article.text[span.clone()]);
        let found = entities::find(&sentence, &mut setting, &mut extraction);
        people.read(&sentence, &found, &mut extraction);
        quotes::read(&sentence, &people, &mut extraction);
        discourse.read(&sentence, &found, &people, &mut extraction);
    }
    discourse.finish(&mut extraction);
    people.merge_posts(&mut extraction);
    figures::merge_repeated(&mut extraction);
    extraction
}

pub mod contract;

#[cfg(test)]
mod properties;
