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

/// The value a finding's annotation goes on: the source that departs from the others (its
/// normalised value the fewest sources give; the first such in the finding's order).
fn departing(f: &super::Finding) -> usize {
    let count = |n: &str| f.values.iter().filter(|v| v.normalized == n).count();
    f.values
        .iter()
        .enumerate()
        .min_by_key(|(i, v)| (count(&v.normalized), *i))
        .map_or(0, |(i, _)| i)
}

/// Renders the findings as GitHub workflow commands: one annotation per finding, on the
/// source that departs, with the other sources named in its message (a workflow step shows
/// a limited number of annotations: one per finding keeps them all visible).
pub fn render(report: &Report) -> String {
    let mut s = String::new();
    for f in &report.findings {
        let level = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let Some(v) = f.values.get(departing(f)) else {
            continue;
        };
        let others: Vec<String> = f
            .values
            .iter()
            .filter(|o| !std::ptr::eq(*o, v))
            .map(|o| {
                format!(
                    "{} {}:{}: \u{201c}{}\u{201d}",
                    o.source, o.path, o.span.line, o.text
                )
            })
            .collect();
        let mut message = format!(
            "{}: {} [{}: \u{201c}{}\u{201d}]",
            f.subject, f.message, v.source, v.text
        );
        if !others.is_empty() {
            let _ = write!(message, "; compared with {}", others.join("; "));
        }
        let _ = writeln!(
            s,
            "::{level} file={},line={},col={},title={}::{}",
            property(&v.path),
            v.span.line,
            v.span.column,
            property(&format!("{} ({})", f.rule, f.subject)),
            data(&message)
        );
    }
    s
}
