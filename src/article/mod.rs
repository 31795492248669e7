//! Reading an article file: decoding, page furniture, and the metadata a
//! news page carries (headline, publication date, publisher, byline,
//! dateline). What comes out is the article's text with the byte spans of
//! its body paragraphs, ready for extraction.

mod credits;
mod decode;
mod layout;
mod metadata;

pub use decode::DecodeError;

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
    /// The text as decoded (UTF-8 or UTF-16): a byte-order mark removed,
    /// line ends made LF.
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
    #[error("{path}: {reason}")]
    NotText { path: PathBuf, reason: DecodeError },
    #[error(
        "{path}: too large for an article ({size}; the limit is {limit}, raise it with --max-article-mb)",
        size = megabytes(*size),
        limit = megabytes(*limit)
    )]
    TooLarge { path: PathBuf, size: u64, limit: u64 },
    #[error("{path}: an HTML page, not plain text (save the article's text as a .txt file)")]
    Html { path: PathBuf },
    #[error("{path}: empty file")]
    Empty { path: PathBuf },
    #[error("{path}: no article text found (only page furniture)")]
    NoText { path: PathBuf },
}

/// The largest article file read by default: 2 MB (`--max-article-mb`).
/// News articles are tens of kilobytes, and 2 MB is some 300,000 words; a
/// larger file is almost always something else (an archive in one file, a
/// log, a dump), and would cost about 200 MB of memory and 2 s per MB to
/// extract, for facts that are not an article's.
pub const DEFAULT_MAX_BYTES: u64 = 2 * MB;

/// A megabyte, as the command line counts them.
pub const MB: u64 = 1_000_000;

impl Article {
    /// Reads and lays out the article in `path`, refusing files larger than
    /// [`DEFAULT_MAX_BYTES`].
    pub fn read(path: &Path) -> Result<Self, ReadError> {
        Self::read_at_most(path, DEFAULT_MAX_BYTES)
    }

    /// Reads and lays out the article in `path`, refusing files larger than
    /// `max_bytes` before reading them.
    pub fn read_at_most(path: &Path, max_bytes: u64) -> Result<Self, ReadError> {
        Self::from_bytes(path, &read_bytes_at_most(path, max_bytes)?)
    }

    /// Lays out an article from the bytes of its file.
    pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Self, ReadError> {
        Self::from_hashed_bytes(path, bytes, content_hash(bytes))
    }

    /// Lays out an article from the bytes of its file, whose
    /// [`content_hash`] the caller has already taken.
    pub fn from_hashed_bytes(path: &Path, bytes: &[u8], hash: String) -> Result<Self, ReadError> {
        let text = decode::decode(bytes).map_err(|reason| ReadError::NotText { path: path.into(), reason })?;
        if text.trim().is_empty() {
            return Err(ReadError::Empty { path: path.into() });
        }
        if is_html(&text) {
            return Err(ReadError::Html { path: path.into() });
        }
        let id = id_of(path);
        let mut layout = layout::Layout::of(&text);
        let metadata = Metadata::read(&text, &mut layout);
        let mut paragraphs = layout.body_paragraphs(&text, metadata.title.as_ref());
        if let Some(start) = metadata.story_start
            && let Some(opening) = paragraphs.iter_mut().find(|paragraph| paragraph.contains(&start))
        {
            opening.start = start + (text[start..opening.end].len() - text[start..opening.end].trim_start().len());
        }
        if paragraphs.is_empty() {
            return Err(ReadError::NoText { path: path.into() });
        }
        Ok(Self { id, path: path.into(), text, hash, metadata, paragraphs })
    }
}

/// A saved web page rather than its text: it opens with a doctype or an
/// `<html>` tag, perhaps after an XML declaration or a comment.
fn is_html(text: &str) -> bool {
    let head = text.trim_start().chars().take(512).collect::<String>().to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with('<') && head.contains("<html")
}

/// A byte count in MB, for messages.
fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / MB as f64)
}

/// The bytes of the file at `path`, refusing a file larger than `max_bytes`
/// before reading it.
pub fn read_bytes_at_most(path: &Path, max_bytes: u64) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let io = |source| ReadError::Io { path: path.into(), source };
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    let too_large = |size| ReadError::TooLarge { path: path.into(), size, limit: max_bytes };
    if size > max_bytes {
        return Err(too_large(size));
    }
    // The file may grow, or be a device with no size: read one byte past
    // the limit to tell.
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(max_bytes.saturating_add(1)).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// An article's identifier: its file name without the extension.
pub fn id_of(path: &Path) -> String {
    path.file_stem().map_or_else(|| "article".into(), |stem| stem.to_string_lossy().into_owned())
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
