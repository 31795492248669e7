//! Any bytes as an article file: reading and extraction never panic, and
//! every span they give (paragraphs, sentences, evidence, quotes) lies inside
//! the text, on character boundaries.

#![no_main]

use govkg::article::Article;
use govkg::extract::{self, Evidence};
use libfuzzer_sys::fuzz_target;
use std::ops::Range;
use std::path::Path;

fuzz_target!(|bytes: &[u8]| {
    let Ok(article) = Article::from_bytes(Path::new("fuzz.txt"), bytes) else { return };
    let text = &article.text;
    let inside = |span: &Range<usize>| {
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
    };
    assert!(article.paragraphs.iter().all(inside), "paragraph outside the text");
    let extraction = extract::extract(&article);
    assert!(extraction.sentences.iter().all(inside), "sentence outside the text");
    let check = |evidence: &Evidence| {
        assert!(inside(&evidence.span), "{evidence:?} outside the text");
        let sentence = &extraction.sentences[evidence.sentence];
        assert!(
            sentence.start <= evidence.span.start && evidence.span.end <= sentence.end,
            "{evidence:?} outside its sentence"
        );
    };
    extraction.mentions.iter().for_each(|m| check(&m.evidence));
    extraction.posts.iter().for_each(|p| check(&p.evidence));
    for quote in &extraction.quotes {
        check(&quote.evidence);
        assert!(inside(&quote.text), "quote outside the text");
    }
    for figure in &extraction.figures {
        figure.evidence.iter().for_each(check);
        assert!(figure.value.is_finite(), "figure {} is not finite", figure.value);
    }
    // The graph is built from the same spans (NIF offsets in code points).
    let _ = govkg::graph::article_quads(&article, &extraction);
});
