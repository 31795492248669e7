//! Completing entities by what they are called: typing part of a label
//! ("Sina We") offers the IRI of the entity with that label or alias. The
//! labels are read from the store on the first completion that needs them,
//! so the shell starts at once whatever the size of the store.

use crate::render;
use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;
use rustyline::completion::Pair;

/// Longest run of words taken as one label being typed.
const MAX_WORDS: usize = 5;
/// Most entities offered at once.
const MAX_OFFERS: usize = 40;

const LABELS: &str = "SELECT DISTINCT ?entity ?label WHERE {
  ?entity rdfs:label|schema:alternateName|skos:altLabel|skos:prefLabel ?label .
  FILTER(isIRI(?entity))
}";

/// Every labelled IRI with its labels, for lookup by prefix.
#[derive(Debug, Default)]
pub struct LabelIndex {
    /// (label in lower case, label, the entity as written in a query),
    /// sorted by the first.
    entries: Vec<(String, String, String)>,
}

impl LabelIndex {
    /// Reads the labels from `store`; a store that cannot answer gives an
    /// empty index (completion is a convenience, never an error).
    pub fn load(store: &oxigraph::store::Store) -> Self {
        let Ok(prepared) = crate::store::evaluator().parse_query(LABELS) else { return Self::default() };
        let Ok(QueryResults::Solutions(solutions)) = prepared.on_store(store).execute() else {
            return Self::default();
        };
        let pairs = solutions.flatten().filter_map(|solution| match (solution.get("entity"), solution.get("label")) {
            (Some(Term::NamedNode(entity)), Some(Term::Literal(label))) => {
                Some((label.value().to_string(), render::prefixed(entity.as_str())))
            }
            _ => None,
        });
        Self::from_pairs(pairs)
    }

    /// An index of (label, entity) pairs.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> Self {
        let mut entries: Vec<_> =
            pairs.into_iter().map(|(label, entity)| (label.to_lowercase(), label, entity)).collect();
        entries.sort();
        entries.dedup();
        Self { entries }
    }

    /// Completions for the label being typed at the end of `before`: where
    /// the replaced text starts, and the entities whose label starts with it
    /// (or has a word that does). Inside an open string the label itself is
    /// completed and the string closed; elsewhere the entity's IRI replaces
    /// what was typed.
    pub fn complete(&self, before: &str) -> Option<(usize, Vec<Pair>)> {
        let fragment_start = before.rfind(|c: char| "{}().,;<>\"'".contains(c)).map_or(0, |i| i + 1);
        let in_string = before[..fragment_start].ends_with(['"', '\'']) && open_quote(before).is_some();
        let fragment = &before[fragment_start..];
        // Try the longest run of words first: "Sina We" before "We".
        let word_starts: Vec<usize> = std::iter::once(0)
            .chain(fragment.match_indices(char::is_whitespace).map(|(i, s)| i + s.len()))
            .filter(|&i| i < fragment.len() && !fragment[i..].starts_with(char::is_whitespace))
            .collect();
        let first = word_starts.len().saturating_sub(MAX_WORDS);
        for &start in &word_starts[first..] {
            let typed = fragment[start..].to_lowercase();
            if typed.chars().count() < 2 || typed.starts_with(['?', '$']) || typed.contains(':') {
                continue;
            }
            let offers = self.matching(&typed, in_string);
            if !offers.is_empty() {
                return Some((fragment_start + start, offers));
            }
        }
        None
    }

    fn matching(&self, typed: &str, in_string: bool) -> Vec<Pair> {
        // Labels that start with the typed text come first, from the sorted
        // index; then labels with a later word that starts with it.
        let from = self.entries.partition_point(|(lower, _, _)| lower.as_str() < typed);
        let leading = self.entries[from..].iter().take_while(|(lower, _, _)| lower.starts_with(typed));
        let inner = self.entries.iter().filter(|(lower, _, _)| {
            !lower.starts_with(typed) && lower.split_whitespace().skip(1).any(|w| w.starts_with(typed))
        });
        let mut offers: Vec<Pair> = Vec::new();
        for (_, label, entity) in leading.chain(inner) {
            let replacement = if in_string { format!("{label}\"") } else { entity.clone() };
            if offers.iter().any(|o| o.replacement == replacement) {
                continue;
            }
            offers.push(Pair { display: format!("{label}  {entity}"), replacement });
            if offers.len() == MAX_OFFERS {
                break;
            }
        }
        offers
    }
}

/// The quote character of a string left open at the end of `text`.
fn open_quote(text: &str) -> Option<char> {
    let mut open = None;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match (open, c) {
            (Some(_), '\\') => {
                chars.next();
            }
            (Some(q), c) if c == q => open = None,
            (None, '"' | '\'') => open = Some(c),
            _ => {}
        }
    }
    open
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> LabelIndex {
        LabelIndex::from_pairs([
            ("Sina Weibo".to_string(), "kg:platform/sina-weibo".to_string()),
            ("Tencent Weibo".to_string(), "kg:platform/tencent-weibo".to_string()),
            ("Weibo".to_string(), "kg:platform/sina-weibo".to_string()),
            ("Cai Qi".to_string(), "kg:person/cai-qi".to_string()),
        ])
    }

    fn replacements(found: Option<(usize, Vec<Pair>)>) -> (usize, Vec<String>) {
        let (start, pairs) = found.unwrap();
        (start, pairs.into_iter().map(|p| p.replacement).collect())
    }

    #[test]
    fn part_of_a_label_offers_the_entity_iri() {
        let line = "SELECT * WHERE { ?post gk:platform Sina We";
        assert_eq!(replacements(index().complete(line)), (35, vec!["kg:platform/sina-weibo".to_string()]));
    }

    #[test]
    fn a_later_word_of_a_label_matches_too() {
        let (_, found) = replacements(index().complete("{ ?s ?p weib"));
        assert_eq!(found, ["kg:platform/sina-weibo", "kg:platform/tencent-weibo"]);
    }

    #[test]
    fn inside_a_string_the_label_is_completed_and_closed() {
        let line = "FILTER(?label = \"cai";
        assert_eq!(replacements(index().complete(line)), (17, vec!["Cai Qi\"".to_string()]));
    }

    #[test]
    fn variables_prefixed_names_and_single_letters_are_left_alone() {
        assert!(index().complete("SELECT ?wei").is_none());
        assert!(index().complete("gk:Sina").is_none());
        assert!(index().complete("{ ?s ?p s").is_none());
        assert!(index().complete("").is_none());
    }
}
