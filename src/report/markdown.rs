//! The Markdown report: for pasting into a ticket. A heading, a summary table by severity
//! and kind, then one section per finding with each source's words quoted and its place.
//! Source text is escaped so it can never become markup or a link.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{inline_diff, Report};

/// Escapes text for Markdown (and for the HTML that Markdown passes through).
/// A code span holding `s` as written: Markdown escapes do not work inside one, so the span
/// is fenced with one more backtick than the longest run in `s` (and padded when `s`
/// begins or ends with one); line breaks become spaces.
pub fn code(s: &str) -> String {
    let flat = s.replace(['\n', '\r'], " ");
    let longest = flat.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if flat.starts_with('`') || flat.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{flat}{pad}{fence}")
}

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Renders the report as Markdown.
pub fn render(report: &Report) -> String {
    let mut s = String::new();
    let title = report.story.title.as_deref().unwrap_or("story");
    let _ = writeln!(s, "# concord report: {}\n", escape(title));
    let sm = &report.summary;
    let _ = writeln!(
        s,
        "{} finding{} in {} sources ({} claims): {} error, {} warning, {} info.\n",
        sm.findings,
        if sm.findings == 1 { "" } else { "s" },
        sm.sources,
        sm.claims,
        sm.error,
        sm.warning,
        sm.info
    );
    if let Some(b) = sm.baselined {
        let _ = writeln!(
            s,
            "{b} finding(s) suppressed by the baseline; {} fixed since.\n",
            sm.fixed.unwrap_or(0)
        );
    }
    let mut table: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    for f in &report.findings {
        table.entry(f.kind.as_str()).or_default()[f.severity as usize] += 1;
    }
    if !table.is_empty() {
        s.push_str("| kind | error | warning | info |\n|---|---:|---:|---:|\n");
        for (kind, [e, w, i]) in &table {
            let _ = writeln!(s, "| {kind} | {e} | {w} | {i} |");
        }
        s.push('\n');
    }
    for (n, f) in report.findings.iter().enumerate() {
        let _ = writeln!(
            s,
            "## {}. {} `{}`: {}\n",
            n + 1,
            f.severity.as_str(),
            f.rule,
            escape(&f.subject)
        );
        let _ = writeln!(s, "{}\n", escape(&f.message));
        for v in &f.values {
            let _ = writeln!(
                s,
                "- **{}** {}: \u{201c}{}\u{201d} ({})\n  > {}",
                escape(&v.source),
                code(&format!("{}:{}:{}", v.path, v.span.line, v.span.column)),
                escape(&v.text),
                escape(&v.normalized),
                escape(&v.sentence)
            );
        }
        if f.diffs.len() > 1 {
            for d in &f.diffs {
                let _ = writeln!(
                    s,
                    "\nDiff {} → {}: {}",
                    escape(&d.from),
                    escape(&d.to),
                    escape(&inline_diff(&d.diff))
                );
            }
        } else if let Some(d) = &f.diff {
            let _ = writeln!(s, "\nDiff: {}", escape(&inline_diff(d)));
        }
        if let Some(note) = &f.note {
            let _ = writeln!(s, "\nNote: {}", escape(note));
        }
        if let Some(sg) = &f.suggestion {
            let _ = writeln!(s, "\nSuggestion: {}", escape(sg));
        }
        let _ = writeln!(s, "\nFingerprint: `{}`\n", f.fingerprint);
    }
    for fx in &report.fixed {
        let _ = writeln!(
            s,
            "- fixed since the baseline: `{}` {} ({})",
            fx.rule,
            escape(&fx.subject),
            fx.fingerprint
        );
    }
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn code_spans_keep_names_as_written() {
        assert_eq!(super::code("seeds/002_a.txt:1:2"), "`seeds/002_a.txt:1:2`");
        assert_eq!(super::code("a`b"), "``a`b``");
        assert_eq!(super::code("`x"), "`` `x ``");
    }
}
