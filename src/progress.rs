//! Progress bars on standard error, drawn only when it is a terminal (so
//! scripts and tests see clean output).

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

fn target() -> ProgressDrawTarget {
    if std::io::stderr().is_terminal() { ProgressDrawTarget::stderr() } else { ProgressDrawTarget::hidden() }
}

/// A bar counting bytes (shown for large amounts only).
pub fn bytes(message: &'static str, total: u64) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(
        Some(total),
        if total > 8 << 20 { target() } else { ProgressDrawTarget::hidden() },
    );
    bar.set_style(
        ProgressStyle::with_template("{msg} {wide_bar} {bytes}/{total_bytes} ({eta})")
            .expect("progress template is valid"),
    );
    bar.set_message(message);
    bar
}

/// A bar counting items, such as articles.
pub fn items(message: &'static str, total: u64) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(total), target());
    bar.set_style(
        ProgressStyle::with_template("{msg} {wide_bar} {pos}/{len} ({per_sec}, {eta})")
            .expect("progress template is valid"),
    );
    bar.set_message(message);
    bar
}
