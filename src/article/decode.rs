//! Turning an article file's bytes into text, or saying precisely why they
//! are not text.
//!
//! Accepted: UTF-8 (with or without a byte-order mark) and UTF-16 (with a
//! byte-order mark, or without one when the file is mostly ASCII, as English
//! news is, so every other byte is zero). Line endings become LF.
//!
//! Refused, with the byte offset of the first bad byte: anything else that
//! is not valid UTF-8 (Latin-1, Windows-1252, GBK...), and binary data (a
//! NUL byte). Legacy 8-bit encodings are not guessed: the same bytes are
//! "é" in Latin-1 and half a Chinese character in GBK, and a wrong guess
//! would put misspelt names into the graph without a word. `iconv -f
//! ENCODING -t UTF-8` converts such files.

use std::fmt;

/// Why bytes are not an article's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not valid UTF-8: the byte at `offset` is the first that is not.
    NotUtf8 { offset: usize },
    /// Says it is UTF-16 but is not: an unpaired surrogate or an odd length.
    NotUtf16 { offset: usize },
    /// A NUL byte, which text never holds.
    Binary { offset: usize },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotUtf8 { offset } => write!(f, "not UTF-8 text (invalid byte at offset {offset})"),
            Self::NotUtf16 { offset } => write!(f, "not valid UTF-16 text (invalid code unit at offset {offset})"),
            Self::Binary { offset } => write!(f, "binary data, not text (NUL byte at offset {offset})"),
        }
    }
}

#[derive(Clone, Copy)]
enum Endian {
    Little,
    Big,
}

/// Decodes `bytes` as described in the module documentation.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    let text = if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        utf8(rest, 3)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        utf16(rest, Endian::Little, 2)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        utf16(rest, Endian::Big, 2)?
    } else if let Some(endian) = unmarked_utf16(bytes) {
        utf16(bytes, endian, 0)?
    } else {
        utf8(bytes, 0)?
    };
    Ok(normalise_line_ends(&text))
}

/// `bytes` as UTF-8 with no NUL; `base` is the offset of `bytes` in the file.
fn utf8(bytes: &[u8], base: usize) -> Result<String, DecodeError> {
    let text = std::str::from_utf8(bytes).map_err(|e| DecodeError::NotUtf8 { offset: base + e.valid_up_to() })?;
    if let Some(nul) = text.find('\0') {
        return Err(DecodeError::Binary { offset: base + nul });
    }
    Ok(text.to_string())
}

fn utf16(bytes: &[u8], endian: Endian, base: usize) -> Result<String, DecodeError> {
    if bytes.len() % 2 == 1 {
        return Err(DecodeError::NotUtf16 { offset: base + bytes.len() - 1 });
    }
    let units = bytes.chunks_exact(2).map(|pair| match endian {
        Endian::Little => u16::from_le_bytes([pair[0], pair[1]]),
        Endian::Big => u16::from_be_bytes([pair[0], pair[1]]),
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut offset = base;
    for decoded in char::decode_utf16(units) {
        match decoded {
            Ok('\0') => return Err(DecodeError::Binary { offset }),
            Ok(c) => {
                offset += c.len_utf16() * 2;
                text.push(c);
            }
            Err(_) => return Err(DecodeError::NotUtf16 { offset }),
        }
    }
    Ok(text)
}

/// UTF-16 without a byte-order mark, recognised by its zero bytes: in
/// mostly-ASCII text one byte of each pair is zero, and UTF-8 text has no
/// zero bytes at all. Text without ASCII (all Chinese, say) is not
/// recognised, and is then reported as not UTF-8.
fn unmarked_utf16(bytes: &[u8]) -> Option<Endian> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 || bytes.len() % 2 == 1 {
        return None;
    }
    let units = sample.len() / 2;
    let zeros_at = |parity: usize| sample.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd) = (zeros_at(0), zeros_at(1));
    // Most units ASCII, and the other half of each pair never zero.
    match (even, odd) {
        (0, odd) if odd * 2 > units => Some(Endian::Little),
        (even, 0) if even * 2 > units => Some(Endian::Big),
        _ => None,
    }
}

/// CRLF and lone CR (old Mac files) become LF, so rules see one kind of line end.
fn normalise_line_ends(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16_bytes(text: &str, endian: Endian, bom: bool) -> Vec<u8> {
        let mut bytes = Vec::new();
        let units = bom.then_some(0xfeff).into_iter().chain(text.encode_utf16());
        for unit in units {
            bytes.extend(match endian {
                Endian::Little => unit.to_le_bytes(),
                Endian::Big => unit.to_be_bytes(),
            });
        }
        bytes
    }

    #[test]
    fn utf16_with_and_without_a_byte_order_mark() {
        let text = "Officials open accounts\n\nWang Chen (王晨) said 20,000 accounts.";
        for endian in [Endian::Little, Endian::Big] {
            for bom in [true, false] {
                assert_eq!(decode(&utf16_bytes(text, endian, bom)).as_deref(), Ok(text));
            }
        }
    }

    #[test]
    fn broken_utf16_and_binary_say_where() {
        assert_eq!(decode(b"\xff\xfeA\0B"), Err(DecodeError::NotUtf16 { offset: 4 }));
        assert_eq!(decode(b"\xff\xfeA\0\x00\xd8B\0"), Err(DecodeError::NotUtf16 { offset: 4 }));
        assert_eq!(decode(b"GIF89a\0\0\x01"), Err(DecodeError::Binary { offset: 6 }));
        assert_eq!(decode(b"Caf\xe9 society"), Err(DecodeError::NotUtf8 { offset: 3 }));
        assert_eq!(decode(b"\xef\xbb\xbfCaf\xe9"), Err(DecodeError::NotUtf8 { offset: 6 }));
    }

    #[test]
    fn line_ends_become_lf() {
        assert_eq!(decode(b"a\r\nb\rc\n").as_deref(), Ok("a\nb\nc\n"));
    }
}
