//! The text report for people: each finding like a compiler diagnostic, with every
//! source's line as `path:line:column` and the compared words underlined.

use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::{Finding, Report};
use crate::rules::Severity;
use crate::story::Story;
use crate::text::Slice;

/// Options for the text report.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// ANSI colours (only on a terminal, and never with `NO_COLOR`).
    pub color: bool,
    /// Also list what cleaning dropped from each source.
    pub verbose: bool,
}

fn level(sev: Severity) -> Level<'static> {
    match sev {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

/// Renders the report as text.
pub fn render(report: &Report, story: &Story, opts: Options) -> String {
    let renderer = if opts.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .term_width(120);
    let mut out = String::new();
    out.push_str(&draft_view(report));
    for f in &report.findings {
        out.push_str(&renderer.render(&finding_groups(f, story)));
        out.push_str("\n\n");
    }
    if opts.verbose {
        for s in &report.sources {
            let dropped: Vec<String> = s
                .dropped
                .iter()
                .map(|(why, d)| format!("{why} {} ({} bytes)", d.passages, d.bytes))
                .collect();
            let _ = writeln!(
                out,
                "{}: {} sentences, {} claims; dropped: {}",
                s.file,
                s.sentences,
                s.claims,
                if dropped.is_empty() {
                    "nothing".to_string()
                } else {
                    dropped.join(", ")
                }
            );
            for (why, d) in &s.dropped {
                for p in &d.paragraphs {
                    let _ = writeln!(out, "  {}:{} dropped ({why}): {}", s.file, p.line, p.text);
                }
            }
        }
    }
    for n in &report.notes {
        let _ = writeln!(out, "note: {n}");
    }
    for f in &report.faults {
        let _ = writeln!(out, "error: {f}");
    }
    let sm = &report.summary;
    let _ = writeln!(
        out,
        "{} finding{} ({} error, {} warning, {} info) in {} sources, {} claims",
        sm.findings,
        if sm.findings == 1 { "" } else { "s" },
        sm.error,
        sm.warning,
        sm.info,
        sm.sources,
        sm.claims
    );
    out
}

/// Bytes of a source's words underlined in a text finding, at most.
const MAX_MARKED: usize = 60;
/// Words of a value's normalised form in an underline's label, at most.
const LABEL_WORDS: usize = 10;

/// A value's normalised form for an underline's label: its first words when long.
fn short_label(normalized: &str) -> String {
    let words: Vec<&str> = normalized.split_whitespace().collect();
    if words.len() > LABEL_WORDS {
        format!("{}…", words[..LABEL_WORDS].join(" "))
    } else {
        normalized.to_string()
    }
}

fn finding_groups<'a>(f: &'a Finding, story: &'a Story) -> Vec<Group<'a>> {
    let title = level(f.severity)
        .primary_title(format!("{}: {}", f.subject, f.message))
        .id(f.rule.as_str());
    let mut snippets = Vec::new();
    for v in &f.values {
        let Some(source) = story.sources.iter().find(|s| s.id == v.source) else {
            continue;
        };
        let (line_no, _) = source.line_col(v.span.start);
        let line = source.line_span(line_no);
        // Clamped to the line: an annotation past its snippet would make the renderer panic.
        let len = line.end.saturating_sub(line.start);
        let start = v.span.start.saturating_sub(line.start).min(len);
        let end = v
            .span
            .end
            .min(line.end)
            .saturating_sub(line.start)
            .clamp(start, len);
        // A long span is marked by its first words only, so the underline and its label
        // stay within a terminal's width; the whole words are in the JSON report.
        let text = source.text.slice(line.start..line.end);
        let end = if end - start > MAX_MARKED {
            let mut cut = start + MAX_MARKED;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            cut
        } else {
            end
        };
        snippets.push(
            Snippet::source(source.text.slice(line.start..line.end))
                .line_start(line_no)
                .path(source.file.as_str())
                .annotation(AnnotationKind::Primary.span(start..end).label(format!(
                    "{}: {}",
                    v.source,
                    short_label(&v.normalized)
                ))),
        );
    }
    let mut groups = vec![title.elements(snippets)];
    if f.diffs.len() > 1 {
        for d in &f.diffs {
            groups.push(Group::with_title(Level::NOTE.secondary_title(format!(
                "diff {} → {}: {}",
                d.from,
                d.to,
                super::inline_diff(&d.diff)
            ))));
        }
    } else if let Some(diff) = &f.diff {
        groups.push(Group::with_title(
            Level::NOTE.secondary_title(format!("diff: {}", super::inline_diff(diff))),
        ));
    }
    if let Some(note) = &f.note {
        groups.push(Group::with_title(
            Level::NOTE.secondary_title(note.as_str()),
        ));
    }
    if let Some(s) = &f.suggestion {
        groups.push(Group::with_title(Level::HELP.secondary_title(s.as_str())));
    }
    groups
}

/// Review mode: the draft first, sentence by sentence, each flagged sentence with the
/// findings that concern it and what the references say.
fn draft_view(report: &Report) -> String {
    let mut out = String::new();
    for review in &report.review {
        let Some(i) = report.sources.iter().position(|s| s.id == review.draft) else {
            continue;
        };
        let source = &report.sources[i];
        let _ = writeln!(
            out,
            "Draft {} ({}), checked against {} references\n",
            source.id,
            source.file,
            report.sources.len() - 1
        );
        for sn in report.kept.get(i).into_iter().flatten() {
            let flagged: Vec<(usize, &Finding)> = report
                .findings
                .iter()
                .enumerate()
                .filter(|(_, f)| {
                    f.values.iter().any(|v| {
                        v.source == source.id && v.span.start >= sn.start && v.span.start < sn.end
                    })
                })
                .collect();
            let mark = if flagged.is_empty() { ' ' } else { '!' };
            let _ = writeln!(out, "{mark} {:>4} | {}", sn.line, sn.text);
            for (n, f) in flagged {
                let _ = writeln!(
                    out,
                    "       #{} {}[{}]: {}",
                    n + 1,
                    f.severity.as_str(),
                    f.rule,
                    f.message
                );
                for v in f.values.iter().filter(|v| v.source != source.id) {
                    let _ = writeln!(
                        out,
                        "          {} {}:{}:{}: \u{201c}{}\u{201d}",
                        v.source, v.path, v.span.line, v.span.column, v.text
                    );
                }
            }
        }
        let supported = review
            .claims
            .iter()
            .filter(|c| !c.supported_by.is_empty())
            .count();
        let contradicted = review
            .claims
            .iter()
            .filter(|c| !c.contradicted_by.is_empty())
            .count();
        let _ = writeln!(
            out,
            "\n{} draft claims: {supported} supported by a reference, {contradicted} contradicted by one, {} neither supported nor contradicted\n",
            review.claims.len(),
            review.claims.iter().filter(|c| c.supported_by.is_empty() && c.contradicted_by.is_empty()).count()
        );
    }
    out
}
