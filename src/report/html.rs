//! The HTML report: one self-contained page (inline CSS and script, nothing loaded from the
//! network) for an editor's browser. Findings with severity filters, each with its sources
//! side by side and the compared words highlighted in their sentence; then a view of every
//! source's kept sentences, marking the spans findings cite. The page is rendered by
//! minijinja with auto-escaping, so source text can never become markup.

use minijinja::{context, Environment};
use serde::Serialize;

use super::{DiffOp, Report};
use crate::finding::{DiffPart, Finding};
use crate::text::Slice;

const TEMPLATE: &str = include_str!("report.html.j2");

#[derive(Serialize)]
struct ValueView {
    source: String,
    path: String,
    line: usize,
    column: usize,
    before: String,
    words: String,
    after: String,
    normalized: String,
}

#[derive(Serialize)]
struct DiffView {
    op: &'static str,
    text: String,
}

#[derive(Serialize)]
struct FindingView {
    index: usize,
    severity: &'static str,
    rule: String,
    kind: &'static str,
    subject: String,
    message: String,
    note: Option<String>,
    suggestion: Option<String>,
    diffs: Vec<DiffBlock>,
    values: Vec<ValueView>,
}

/// One word diff of a finding, labelled with its two sources when it has several.
#[derive(Serialize)]
struct DiffBlock {
    label: String,
    parts: Vec<DiffView>,
}

fn diff_views(f: &Finding) -> Vec<DiffBlock> {
    let parts = |d: &[DiffPart]| {
        d.iter()
            .map(|d| DiffView {
                op: match d.op {
                    DiffOp::Equal => "eq",
                    DiffOp::Delete => "del",
                    DiffOp::Insert => "ins",
                },
                text: d.text.clone(),
            })
            .collect()
    };
    if f.diffs.len() > 1 {
        f.diffs
            .iter()
            .map(|d| DiffBlock {
                label: format!(" {} → {}", d.from, d.to),
                parts: parts(&d.diff),
            })
            .collect()
    } else {
        f.diff
            .iter()
            .map(|d| DiffBlock {
                label: String::new(),
                parts: parts(d),
            })
            .collect()
    }
}

#[derive(Serialize)]
struct Piece {
    text: String,
    cited: Vec<usize>,
}

#[derive(Serialize)]
struct DraftLine {
    line: usize,
    text: String,
    cited: Vec<usize>,
}

#[derive(Serialize)]
struct SourceView {
    id: String,
    path: String,
    outlet: Option<String>,
    published: Option<String>,
    sentences: Vec<(usize, Vec<Piece>)>,
    /// Paragraphs cleaning dropped: `(line, reason, text)`.
    dropped: Vec<(usize, String, String)>,
}

/// Splits a sentence around the evidence words, if they lie inside it.
fn around(sentence: &str, words: &str) -> (String, String, String) {
    let flat: String = words.split_whitespace().collect::<Vec<_>>().join(" ");
    match sentence.find(&flat) {
        Some(i) => (
            sentence.slice(..i).to_string(),
            flat.clone(),
            sentence.slice(i + flat.len()..).to_string(),
        ),
        None => (String::new(), flat, format!(" — {sentence}")),
    }
}

/// One story's part of the page.
#[derive(Serialize)]
struct StoryView {
    /// Prefix of the story's anchors ("" for a page of one story, "s2-" for the second of
    /// several), so every `#f3` link lands in its own story.
    prefix: String,
    title: String,
    summary: super::Summary,
    findings: Vec<FindingView>,
    sources: Vec<SourceView>,
    fixed: Vec<super::baseline::Fixed>,
    notes: Vec<String>,
    faults: Vec<String>,
    draft: Vec<DraftLine>,
    draft_id: Option<String>,
}

/// Renders the report as one self-contained HTML page.
pub fn render(report: &Report) -> String {
    render_many(std::slice::from_ref(report))
}

/// Renders several stories' reports as one page, a section per story.
pub fn render_many(reports: &[Report]) -> String {
    let many = reports.len() > 1;
    let stories: Vec<StoryView> = reports
        .iter()
        .enumerate()
        .map(|(k, r)| {
            story_view(
                r,
                if many {
                    format!("s{}-", k + 1)
                } else {
                    String::new()
                },
            )
        })
        .collect();
    let (title, summary) = match reports {
        [one] => (
            one.story.title.clone().unwrap_or_else(|| "story".into()),
            one.summary.clone(),
        ),
        _ => (
            format!("{} stories", reports.len()),
            super::Batch::new(reports).summary,
        ),
    };
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    if let Err(e) = env.add_template("report.html", TEMPLATE) {
        return format!(
            "<!doctype html><p>template error: {}</p>",
            minijinja::HtmlEscape(&e.to_string())
        );
    }
    let rendered = env.get_template("report.html").and_then(|t| {
        t.render(context! {
            title => title,
            summary => summary,
            stories => stories,
            many => many,
            version => env!("CARGO_PKG_VERSION"),
        })
    });
    match rendered {
        Ok(mut s) => {
            s.push('\n');
            s
        }
        Err(e) => format!(
            "<!doctype html><p>render error: {}</p>\n",
            minijinja::HtmlEscape(&e.to_string())
        ),
    }
}

fn story_view(report: &Report, prefix: String) -> StoryView {
    let findings: Vec<FindingView> = report
        .findings
        .iter()
        .enumerate()
        .map(|(n, f)| FindingView {
            index: n + 1,
            severity: f.severity.as_str(),
            rule: f.rule.clone(),
            kind: f.kind.as_str(),
            subject: f.subject.clone(),
            message: f.message.clone(),
            note: f.note.clone(),
            suggestion: f.suggestion.clone(),
            diffs: diff_views(f),
            values: f
                .values
                .iter()
                .map(|v| {
                    let (before, words, after) = around(&v.sentence, &v.text);
                    ValueView {
                        source: v.source.clone(),
                        path: v.path.clone(),
                        line: v.span.line,
                        column: v.span.column,
                        before,
                        words,
                        after,
                        normalized: v.normalized.clone(),
                    }
                })
                .collect(),
        })
        .collect();
    let sources: Vec<SourceView> = report
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let kept = report.kept.get(i).cloned().unwrap_or_default();
            let sentences = kept
                .iter()
                .map(|sn| {
                    // Findings citing a span inside this sentence.
                    let cited: Vec<usize> = report
                        .findings
                        .iter()
                        .enumerate()
                        .filter(|(_, f)| {
                            f.values.iter().any(|v| {
                                v.source == s.id
                                    && v.span.start >= sn.start
                                    && v.span.start < sn.end
                            })
                        })
                        .map(|(n, _)| n + 1)
                        .collect();
                    (
                        sn.line,
                        vec![Piece {
                            text: sn.text.clone(),
                            cited,
                        }],
                    )
                })
                .collect();
            SourceView {
                id: s.id.clone(),
                path: s.file.clone(),
                outlet: s.outlet.clone(),
                published: s.published.clone(),
                sentences,
                dropped: s
                    .dropped
                    .iter()
                    .flat_map(|(why, d)| {
                        d.paragraphs
                            .iter()
                            .map(move |p| (p.line, why.clone(), p.text.clone()))
                    })
                    .collect(),
            }
        })
        .collect();
    let draft: Vec<DraftLine> = report
        .review
        .first()
        .and_then(|r| report.sources.iter().position(|s| s.id == r.draft))
        .map(|i| {
            let id = &report.sources[i].id;
            report
                .kept
                .get(i)
                .into_iter()
                .flatten()
                .map(|sn| DraftLine {
                    line: sn.line,
                    text: sn.text.clone(),
                    cited: report
                        .findings
                        .iter()
                        .enumerate()
                        .filter(|(_, f)| {
                            f.values.iter().any(|v| {
                                &v.source == id && v.span.start >= sn.start && v.span.start < sn.end
                            })
                        })
                        .map(|(n, _)| n + 1)
                        .collect(),
                })
                .collect()
        })
        .unwrap_or_default();
    let draft_id = report.review.first().map(|r| r.draft.clone());
    StoryView {
        prefix,
        title: report.story.title.clone().unwrap_or_else(|| "story".into()),
        summary: report.summary.clone(),
        findings,
        sources,
        fixed: report.fixed.clone(),
        notes: report.notes.clone(),
        faults: report.faults.iter().map(ToString::to_string).collect(),
        draft,
        draft_id,
    }
}
