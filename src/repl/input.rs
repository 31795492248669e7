//! Reading the shell's input: when a SPARQL query typed over several lines
//! is complete, and how a dot-command line splits into words.

/// Whether `text` is ready to run: a dot-command is one line; a query is
/// ready when its braces are balanced and it parses, closes a group, ends
/// with `;`, or is followed by an empty line.
pub fn is_complete(text: &str) -> bool {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed.starts_with('.') {
        return true;
    }
    let Some(depth) = brace_depth(trimmed) else { return false };
    if depth > 0 {
        return false;
    }
    text.ends_with("\n\n")
        || trimmed.ends_with(';')
        || trimmed.ends_with('}')
        || crate::store::evaluator().parse_query(trimmed).is_ok()
}

/// Depth of `{`/`(`/`[` nesting at the end of `text`, ignoring brackets in
/// strings, IRIs and comments; `None` inside an unfinished string.
fn brace_depth(text: &str) -> Option<i64> {
    let mut depth = 0i64;
    let mut chars = text.chars().peekable();
    let mut in_iri = false;
    while let Some(c) = chars.next() {
        match c {
            '#' if !in_iri => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            '<' if !in_iri => {
                // An IRI opens with < followed by a non-space; a comparison
                // operator is followed by a space or =.
                in_iri = chars.peek().is_some_and(|n| !n.is_whitespace() && *n != '=');
            }
            '>' if in_iri => in_iri = false,
            '"' | '\'' if !in_iri => {
                let mut closed = false;
                while let Some(s) = chars.next() {
                    if s == '\\' {
                        chars.next();
                    } else if s == c {
                        closed = true;
                        break;
                    }
                }
                if !closed {
                    return None;
                }
            }
            '{' | '(' | '[' if !in_iri => depth += 1,
            '}' | ')' | ']' if !in_iri => depth -= 1,
            _ => {}
        }
    }
    Some(depth)
}

/// Splits a command line into words, keeping quoted parts together and
/// removing their quotes: `.run growth platform="Sina Weibo"` gives
/// `[".run", "growth", "platform=Sina Weibo"]`.
pub fn split_words(line: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut in_word = false;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' | '\'' => {
                in_word = true;
                let mut closed = false;
                while let Some(q) = chars.next() {
                    if q == '\\' && c == '"' {
                        if let Some(escaped) = chars.next() {
                            current.push(escaped);
                        }
                    } else if q == c {
                        closed = true;
                        break;
                    } else {
                        current.push(q);
                    }
                }
                if !closed {
                    return Err(format!("unclosed {c} quote"));
                }
            }
            c if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut current));
                    in_word = false;
                }
            }
            c => {
                in_word = true;
                current.push(c);
            }
        }
    }
    if in_word {
        words.push(current);
    }
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_complete_when_balanced() {
        assert!(!is_complete("SELECT * WHERE {"));
        assert!(!is_complete("SELECT * WHERE { ?s ?p \"}"));
        assert!(is_complete("SELECT * WHERE { ?s ?p ?o }"));
        assert!(is_complete("DESCRIBE <http://example.com/x>"));
        assert!(!is_complete("SELECT ?s"));
        assert!(is_complete("SELECT * WHERE { ?s ?p ?o FILTER(?o < 3) }"));
        assert!(is_complete(".help"));
    }

    #[test]
    fn words_keep_quoted_values() {
        assert_eq!(
            split_words(".run growth platform=\"Sina Weibo\"").expect("splits"),
            vec![".run", "growth", "platform=Sina Weibo"]
        );
        assert!(split_words(".run \"x").is_err());
    }
}
