//! Colours for the line being typed: a small SPARQL scanner that tells
//! keywords, variables, IRIs, prefixed names, literals and comments apart.
//! It only has to be right enough to colour, never to parse: the query is
//! parsed by oxigraph when it runs. The coloured line has the same display
//! width as the typed one, as rustyline requires.

use std::fmt::Write;

/// What a piece of the line is, for its colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Token {
    Keyword,
    Variable,
    Iri,
    PrefixedName,
    Literal,
    Number,
    Comment,
    Command,
    Plain,
}

impl Token {
    /// The ANSI style of this kind of token (`None`: as typed).
    fn style(self) -> Option<&'static str> {
        match self {
            Self::Keyword => Some("1;35"),
            Self::Variable => Some("33"),
            Self::Iri => Some("36"),
            Self::PrefixedName => Some("34"),
            Self::Literal => Some("32"),
            Self::Number => Some("32"),
            Self::Comment => Some("2"),
            Self::Command => Some("1"),
            Self::Plain => None,
        }
    }
}

/// SPARQL's keywords and built-in function names, upper case.
const KEYWORDS: &[&str] = &[
    "ABS",
    "ADD",
    "ALL",
    "AS",
    "ASC",
    "ASK",
    "AVG",
    "BASE",
    "BIND",
    "BNODE",
    "BOUND",
    "BY",
    "CEIL",
    "CLEAR",
    "COALESCE",
    "CONCAT",
    "CONSTRUCT",
    "CONTAINS",
    "COPY",
    "COUNT",
    "CREATE",
    "DATATYPE",
    "DAY",
    "DEFAULT",
    "DELETE",
    "DESC",
    "DESCRIBE",
    "DISTINCT",
    "DROP",
    "ENCODE_FOR_URI",
    "EXISTS",
    "FILTER",
    "FLOOR",
    "FROM",
    "GRAPH",
    "GROUP",
    "GROUP_CONCAT",
    "HAVING",
    "HOURS",
    "IF",
    "IN",
    "INSERT",
    "INTO",
    "IRI",
    "ISBLANK",
    "ISIRI",
    "ISLITERAL",
    "ISNUMERIC",
    "ISURI",
    "LANG",
    "LANGMATCHES",
    "LCASE",
    "LIMIT",
    "LOAD",
    "MAX",
    "MD5",
    "MIN",
    "MINUS",
    "MINUTES",
    "MONTH",
    "MOVE",
    "NAMED",
    "NOT",
    "NOW",
    "OFFSET",
    "OPTIONAL",
    "ORDER",
    "PREFIX",
    "RAND",
    "REDUCED",
    "REGEX",
    "REPLACE",
    "ROUND",
    "SAMETERM",
    "SAMPLE",
    "SECONDS",
    "SELECT",
    "SEPARATOR",
    "SERVICE",
    "SILENT",
    "STR",
    "STRAFTER",
    "STRBEFORE",
    "STRDT",
    "STRENDS",
    "STRLANG",
    "STRLEN",
    "STRSTARTS",
    "SUBSTR",
    "SUM",
    "TO",
    "UCASE",
    "UNDEF",
    "UNION",
    "URI",
    "USING",
    "VALUES",
    "WHERE",
    "WITH",
    "YEAR",
];

/// Whether `word` is a SPARQL keyword, in any case (and `a`, for rdf:type).
pub fn is_keyword(word: &str) -> bool {
    word == "a" || KEYWORDS.iter().any(|k| k.eq_ignore_ascii_case(word))
}

/// Splits `line` into coloured pieces that together are `line` exactly.
pub fn tokens(line: &str) -> Vec<(Token, &str)> {
    let start = line.len() - line.trim_start().len();
    if line[start..].starts_with('.') {
        let end = line[start..].find(char::is_whitespace).map_or(line.len(), |i| start + i);
        let parts = [(Token::Plain, &line[..start]), (Token::Command, &line[start..end]), (Token::Plain, &line[end..])];
        return parts.into_iter().filter(|(_, text)| !text.is_empty()).collect();
    }
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        let (token, len) = match c {
            '#' => (Token::Comment, rest.find('\n').unwrap_or(rest.len())),
            '"' | '\'' => (Token::Literal, string_len(rest, c)),
            '?' | '$' => (Token::Variable, 1 + name_len(&rest[1..])),
            '<' if rest[1..].starts_with(|n: char| !n.is_whitespace() && n != '=') => {
                match rest.find(|n: char| n == '>' || n.is_whitespace()) {
                    Some(end) if rest.as_bytes()[end] == b'>' => (Token::Iri, end + 1),
                    _ => (Token::Plain, 1),
                }
            }
            c if c.is_ascii_digit() => (
                Token::Number,
                rest.find(|n: char| !(n.is_ascii_digit() || n == '.' || n == 'e')).unwrap_or(rest.len()),
            ),
            c if c.is_alphabetic() || c == '_' || c == ':' => word(rest),
            c => (Token::Plain, c.len_utf8()),
        };
        let len = len.max(c.len_utf8());
        out.push((token, &rest[..len]));
        rest = &rest[len..];
    }
    out
}

/// `line` with ANSI colours.
pub fn colour(line: &str) -> String {
    let mut out = String::with_capacity(line.len() * 2);
    for (token, text) in tokens(line) {
        match token.style() {
            // Colours end at each line break so a multi-line comment or
            // string does not bleed into the prompt of the next line.
            Some(style) => {
                for (i, part) in text.split('\n').enumerate() {
                    if i > 0 {
                        out.push('\n');
                    }
                    if !part.is_empty() {
                        let _ = write!(out, "\x1b[{style}m{part}\x1b[0m");
                    }
                }
            }
            None => out.push_str(text),
        }
    }
    out
}

/// A keyword, a prefixed name (`gk:Figure`, `kg:`) or a plain word.
fn word(text: &str) -> (Token, usize) {
    let len = text.find(|c: char| !(c.is_alphanumeric() || "_-:.".contains(c))).unwrap_or(text.len());
    // A name does not end with a dot: that dot ends the triple.
    let len = text[..len].trim_end_matches('.').len().max(1);
    let word = &text[..len];
    if word.contains(':') {
        (Token::PrefixedName, len)
    } else if is_keyword(word) {
        (Token::Keyword, len)
    } else {
        (Token::Plain, len)
    }
}

fn name_len(text: &str) -> usize {
    text.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(text.len())
}

/// The length of a string opening `text` with `quote`, long (`"""`) or
/// short, up to the end of the line when it is not closed yet.
fn string_len(text: &str, quote: char) -> usize {
    let long: String = std::iter::repeat_n(quote, 3).collect();
    if let Some(body) = text.strip_prefix(long.as_str()) {
        return body.find(long.as_str()).map_or(text.len(), |end| 3 + end + 3);
    }
    let mut chars = text.char_indices().skip(1);
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '\n' => return i,
            c if c == quote => return i + 1,
            _ => {}
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(line: &str) -> Vec<(Token, &str)> {
        tokens(line).into_iter().filter(|(t, _)| *t != Token::Plain).collect()
    }

    #[test]
    fn pieces_put_back_together_are_the_line() {
        for line in [
            "SELECT ?s WHERE { ?s a gk:Figure ; rdfs:label \"x\\\"y\" . FILTER(?n < 3) } # end",
            "ASK { <http://ex/é> ?p '''long\nstring''' }",
            ".run growth platform=\"Sina Weibo\"",
            "\"unterminated",
            "中文 ?名字 <a b> $v 1.5e3",
        ] {
            let joined: String = tokens(line).into_iter().map(|(_, t)| t).collect();
            assert_eq!(joined, line);
        }
    }

    #[test]
    fn tells_the_parts_of_a_query_apart() {
        assert_eq!(
            kinds("select ?s where { ?s a gk:Figure . FILTER(?n < 3) } # note"),
            vec![
                (Token::Keyword, "select"),
                (Token::Variable, "?s"),
                (Token::Keyword, "where"),
                (Token::Variable, "?s"),
                (Token::Keyword, "a"),
                (Token::PrefixedName, "gk:Figure"),
                (Token::Keyword, "FILTER"),
                (Token::Variable, "?n"),
                (Token::Number, "3"),
                (Token::Comment, "# note"),
            ]
        );
        assert_eq!(
            kinds("<http://x/> 'it''s'"),
            vec![(Token::Iri, "<http://x/>"), (Token::Literal, "'it'"), (Token::Literal, "'s'")]
        );
    }

    #[test]
    fn dot_commands_are_bold_and_their_arguments_plain() {
        assert_eq!(kinds(".run growth"), vec![(Token::Command, ".run")]);
    }

    #[test]
    fn colours_keep_the_text_and_close_every_style() {
        let coloured = colour("SELECT ?x # c\nWHERE");
        let plain =
            coloured.replace("\x1b[0m", "").replace("\x1b[1;35m", "").replace("\x1b[33m", "").replace("\x1b[2m", "");
        assert_eq!(plain, "SELECT ?x # c\nWHERE");
        assert_eq!(coloured.matches("\x1b[0m").count(), 4);
    }
}
