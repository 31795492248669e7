//! Long results on a terminal go through a pager, as in psql: `$PAGER`, or
//! `less` told to quit when the text fits, keep colours and leave the
//! screen as it was. Without a pager the text is printed as it is.

use std::io::{IsTerminal, Write};
use std::process::{Command, Stdio};

/// The terminal's columns and rows, when standard output is one.
pub fn terminal_size() -> Option<(u16, u16)> {
    let stdout = std::io::stdout();
    if !stdout.is_terminal() {
        return None;
    }
    terminal_size::terminal_size_of(&stdout).map(|(width, height)| (width.0, height.0)).filter(|&(w, h)| w > 0 && h > 0)
}

/// Writes `text` to `out`, or to the pager when `paging` and it is taller
/// than the terminal's `height`.
pub fn show(text: &[u8], height: u16, paging: bool, out: &mut dyn Write) -> std::io::Result<()> {
    let lines = text.iter().filter(|&&b| b == b'\n').count();
    if paging && lines >= usize::from(height).saturating_sub(1) && page(text).is_ok() {
        return Ok(());
    }
    out.write_all(text)
}

fn page(text: &[u8]) -> std::io::Result<()> {
    let pager = std::env::var("PAGER").ok().filter(|p| !p.trim().is_empty()).unwrap_or_else(|| "less".into());
    let mut words = pager.split_whitespace();
    let program = words.next().unwrap_or("less");
    let mut child = Command::new(program).args(words).env("LESS", "FRX").stdin(Stdio::piped()).spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        // The reader may quit before reading everything: not an error.
        let _ = stdin.write_all(text);
    }
    child.wait()?;
    Ok(())
}
