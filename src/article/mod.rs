//! Reading an article file: decoding, page furniture, and the metadata a
//! news page carries (headline, publication date, publisher, byline,
//! dateline). What comes out is the article's text with the byte spans of
//! its body paragraphs, ready for extraction.

mod layout;
mod metadata;

pub use metadata::Metadata;

use sha2::{Digest, Sha256};
use std::ops::Range;
use std::path::{Path, PathBuf};

/// An article read from a file.
#[derive(Debug)]
pub struct Article {
    /// The file name without its extension: the article's identifier.
    pub id: String,
    pub path: PathBuf,
    /// The text as decoded: a byte-order mark removed, CRLF made LF.
    pub text: String,
    /// SHA-256 of the file's bytes, in hex.
    pub hash: String,
    pub metadata: Metadata,
    /// Byte spans of the body paragraphs, page furniture left out.
    pub paragraphs: Vec<Range<usize>>,
}

/// Why an article file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: cannot read: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}: not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 { path: PathBuf, offset: usize },
    #[error("{path}: empty file")]
    Empty { path: PathBuf },
    #[error("{path}: no article text found (only page furniture)")]
    NoText { path: PathBuf },
}

impl Article {
    /// Reads and lays out the article in `path`.
    pub fn read(path: &Path) -> Result<Self, ReadError> {
        let bytes = std::fs::read(path).map_err(|source| ReadError::Io { path: path.into(), source })?;
        Self::from_bytes(path, &bytes)
    }

    /// Lays out an article from the bytes of its file.
    pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Self, ReadError> {
        let hash = content_hash(bytes);
        let decoded = std::str::from_utf8(bytes)
            .map_err(|e| ReadError::NotUtf8 { path: path.into(), offset: e.valid_up_to() })?;
        let text = decoded.strip_prefix('\u{feff}').unwrap_or(decoded).replace("\r\n", "\n");
        if text.trim().is_empty() {
            return Err(ReadError::Empty { path: path.into() });
        }
        let id = path.file_stem().map_or_else(|| "article".into(), |stem| stem.to_string_lossy().into_owned());
        let layout = layout::Layout::of(&text);
        let metadata = Metadata::read(&text, &layout);
        let mut paragraphs = layout.body_paragraphs(&text, metadata.title.as_ref());
        if let (Some(first), Some(start)) = (paragraphs.first_mut(), metadata.story_start)
            && first.contains(&start)
        {
            first.start = start + (text[start..first.end].len() - text[start..first.end].trim_start().len());
        }
        if paragraphs.is_empty() {
            return Err(ReadError::NoText { path: path.into() });
        }
        Ok(Self { id, path: path.into(), text, hash, metadata, paragraphs })
    }
}

/// The content hash of an article file's bytes (SHA-256, in hex): a build
/// compares it with the stored one before laying the article out.
pub fn content_hash(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_and_bom_are_normalised() {
        let bytes = "\u{feff}Officials open accounts on Weibo\r\n\r\nMarch 3, 2012\r\n\r\nThe bureau opened an account on Sina Weibo last week, officials said.\r\n";
        let article = Article::from_bytes(Path::new("a.txt"), bytes.as_bytes()).expect("reads");
        assert!(!article.text.contains('\r'));
        assert!(!article.text.starts_with('\u{feff}'));
        assert_eq!(article.paragraphs.len(), 1);
    }

    #[test]
    fn bad_files_say_why() {
        let latin1 = b"Caf\xe9 society";
        let err = Article::from_bytes(Path::new("x.txt"), latin1).expect_err("not UTF-8");
        assert_eq!(err.to_string(), "x.txt: not UTF-8 text (invalid byte at offset 3)");
        let err = Article::from_bytes(Path::new("e.txt"), b"  \n").expect_err("empty");
        assert_eq!(err.to_string(), "e.txt: empty file");
    }
}
