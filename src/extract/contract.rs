//! The contract every rule set keeps, checked on hostile and random input:
//! no panic, every span inside the text and on character boundaries, every
//! fact with its evidence inside a sentence.

use super::*;
use std::path::Path;

/// Reads `bytes` as an article file and extracts it, panicking with the
/// clause of the contract that breaks: every span (paragraphs, sentences,
/// evidence, quotes) inside the text and on character boundaries, every
/// piece of evidence inside its sentence and with its rule, every figure
/// finite and with evidence. Bytes that are not an article are fine. Shared
/// by the unit tests below and the fuzz target `fuzz/fuzz_targets/article.rs`.
pub fn check_bytes(bytes: &[u8]) {
    let Ok(article) = Article::from_bytes(Path::new("contract.txt"), bytes) else { return };
    let extraction = extract(&article);
    let inside = |span: &Range<usize>| {
        span.start <= span.end
            && span.end <= article.text.len()
            && article.text.is_char_boundary(span.start)
            && article.text.is_char_boundary(span.end)
    };
    assert!(article.paragraphs.iter().all(inside), "paragraph outside the text");
    for sentence in &extraction.sentences {
        assert!(inside(sentence), "sentence {sentence:?} outside the text");
    }
    let check_evidence = |evidence: &Evidence| {
        assert!(inside(&evidence.span), "evidence {evidence:?} outside the text");
        let sentence = &extraction.sentences[evidence.sentence];
        assert!(
            sentence.start <= evidence.span.start && evidence.span.end <= sentence.end,
            "{evidence:?} outside its sentence"
        );
        assert!(!evidence.rule.is_empty());
    };
    extraction.mentions.iter().for_each(|m| check_evidence(&m.evidence));
    extraction.posts.iter().for_each(|p| check_evidence(&p.evidence));
    extraction.quotes.iter().for_each(|q| {
        check_evidence(&q.evidence);
        assert!(inside(&q.text));
    });
    for figure in &extraction.figures {
        assert!(!figure.evidence.is_empty(), "figure without evidence");
        figure.evidence.iter().for_each(check_evidence);
        assert!(figure.value.is_finite());
    }
    for entity in &extraction.entities {
        assert!(!entity.key.is_empty() && !entity.name.is_empty());
    }
    // The graph is built from the same spans (NIF offsets in code points).
    let _ = crate::graph::article_quads(&article, &extraction);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) {
        check_bytes(text.as_bytes());
    }

    #[test]
    fn hostile_texts() {
        let body =
            "The bureau's account on Sina Weibo has more than 2.8 million followers as of yesterday, officials said.";
        for text in [
            format!("Title\n\n{body}"),
            format!("\"\"\"\n\n{body} \"\" \u{201c} \u{201d} '' ''"),
            format!("Title\n\n{body} <http://x> ; . @prefix x: <y> . \\\" \\u0000 \"\"\" ^^xsd:date"),
            format!("标题\n\n{body} 王晨说：“我们将改善。”\u{200f}\u{202e} ١٢٣ ２０１２年"),
            format!("T\n\n{body}\u{a0}\u{a0}1\u{a0}000 accounts, ９,０００ posts."),
            format!("T\n\n{}", "More than 1, 2, 3, 4, 5 and 6 million, nearly, about. ".repeat(50)),
            format!("T\n\n{}", "Zhou Qiang, the office head, said \"x\" ".repeat(30)),
            "By\n\nBy By (\n\nSHENZHEN, (Xinhua) -- \"".to_string(),
            format!("T\n\nAs of February 29, 2013, 5 accounts. As of 2013-02-30, 6 accounts. {body}"),
            format!("T\n\n{}", "a".repeat(5000)),
        ] {
            check(&text);
        }
    }

    #[test]
    fn random_texts() {
        let vocabulary = [
            "The",
            "Ministry",
            "of",
            "Public",
            "Security",
            "said",
            "Wang",
            "Chen",
            ",",
            ".",
            "\"",
            "\u{201c}",
            "\u{201d}",
            "about",
            "more",
            "than",
            "20,000",
            "2.8",
            "million",
            "six",
            "accounts",
            "followers",
            "on",
            "Sina",
            "Weibo",
            "Tencent",
            "micro-blog",
            "as",
            "of",
            "early",
            "November",
            "2011",
            "yesterday",
            "deputy",
            "director",
            "'s",
            "Office",
            "Beijing",
            "police",
            "\n",
            "\n\n",
            "—",
            "王",
            "é",
            "\u{a0}",
            "percent",
            "%",
            "Page",
            "1",
            ";",
            "Dec.",
            "12",
            "Yu",
            "who",
            "is",
            "also",
            "head",
            "(",
            ")",
            "--",
            "Xinhua",
            "By",
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..400 {
            let len = (next() % 120) as usize;
            let mut text = String::new();
            for _ in 0..len {
                text.push_str(vocabulary[(next() % vocabulary.len() as u64) as usize]);
                if next() % 3 != 0 {
                    text.push(' ');
                }
            }
            check(&text);
        }
    }
}
