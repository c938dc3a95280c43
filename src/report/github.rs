//! GitHub workflow commands: one `::error`/`::warning`/`::notice` line per finding and
//! source location, so a pull request shows each finding on the lines it concerns.

use std::fmt::Write as _;

use super::Report;
use crate::rules::Severity;

/// Escapes a command's message (GitHub's rules: `%`, CR, LF).
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property (also `:` and `,`).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Renders the findings as GitHub workflow commands.
pub fn render(report: &Report) -> String {
    let mut s = String::new();
    for f in &report.findings {
        let level = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        for v in &f.values {
            let _ = writeln!(
                s,
                "::{level} file={},line={},col={},title={}::{}",
                property(&v.path),
                v.span.line,
                v.span.column,
                property(&format!("{} ({})", f.rule, f.subject)),
                data(&format!(
                    "{}: {} [{}: \u{201c}{}\u{201d}]",
                    f.subject, f.message, v.source, v.text
                ))
            );
        }
    }
    s
}
