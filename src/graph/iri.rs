//! Stable IRIs for the graph's nodes. The same input gives the same IRIs on
//! every build, so exports diff cleanly and queries can name entities.
//!
//! - entities: `kg:{kind}-{slug}` (`kg:platform-sina-weibo`);
//! - an article (and its named graph): `kg:doc-{file stem}`, percent-encoded;
//! - spans of an article: `kg:doc-{stem}#char={begin},{end}` (RFC 5147
//!   offsets, as NIF uses them), facts: `kg:doc-{stem}#figure-{n}`.

use super::vocab::KG;
use oxigraph::model::NamedNode;

/// The IRI of an entity with this key.
pub fn entity(key: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{KG}{}", encode(key)))
}

/// The IRI of an article, which also names its graph.
pub fn article(id: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{KG}doc-{}", encode(id)))
}

/// The IRI of a span of an article, by code point offsets.
pub fn span(article_iri: &NamedNode, begin: usize, end: usize) -> NamedNode {
    NamedNode::new_unchecked(format!("{}#char={begin},{end}", article_iri.as_str()))
}

/// The IRI of the `n`-th fact of a kind in an article.
pub fn fact(article_iri: &NamedNode, kind: &str, n: usize) -> NamedNode {
    NamedNode::new_unchecked(format!("{}#{kind}-{n}", article_iri.as_str()))
}

/// Percent-encodes everything but unreserved characters, so any file name
/// makes a valid IRI.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_file_name_makes_a_valid_iri() {
        for id in ["001_abc", "a b<c>\"d", "王晨", "x#y?z"] {
            let iri = article(id);
            assert!(NamedNode::new(iri.as_str()).is_ok(), "{iri}");
        }
        assert_eq!(article("a b").as_str(), "https://w3id.org/govkg/id/doc-a%20b");
    }
}
