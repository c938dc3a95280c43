//! Report: findings in their final, sorted, fingerprinted form, and the renderers.
//!
//! Only the types here are serialised: the JSON report (`concord/report-v1`) is a
//! versioned contract. Every format renders the same sorted [`Finding`] list, one file
//! per format; renderers format, they never decide.

pub mod baseline;
pub mod github;
pub mod html;
pub mod json;
pub mod markdown;
pub mod sarif;
pub mod text;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::clean::Dropped;
use crate::rules::{Kind, Severity};
use crate::story::{Role, Story};
use crate::text::Slice;
use crate::Analysis;

/// The report schema id.
pub const SCHEMA: &str = "concord/report-v1";

/// The schema id of several stories' reports in one document.
pub const BATCH_SCHEMA: &str = "concord/batch-v1";

/// A span as the report gives it: bytes, and 1-based line and character column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SpanOut {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
}

/// One source's words behind a finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub source: String,
    pub text: String,
    pub normalized: String,
    pub span: SpanOut,
    pub sentence: String,
    /// The source's path, for renderers (not part of the JSON value).
    #[serde(skip)]
    pub path: String,
}

/// A discrepancy found by a rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub fingerprint: String,
    pub rule: String,
    pub kind: Kind,
    pub severity: Severity,
    pub subject: String,
    pub message: String,
    pub values: Vec<Evidence>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    /// A word diff between two versions (quotes): an extension of report-v1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diff: Option<Vec<DiffPart>>,
}

/// One run of a word diff: words both versions share, or words only one has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffPart {
    /// `equal`, `delete` (only in the first version) or `insert` (only in the second).
    pub op: DiffOp,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DiffOp {
    Equal,
    Delete,
    Insert,
}

/// Renders a diff inline for plain text: `[-removed-]` and `{+added+}`, as `git diff --word-diff`.
pub fn inline_diff(parts: &[DiffPart]) -> String {
    let mut s = String::new();
    for p in parts {
        match p.op {
            DiffOp::Equal => s.push_str(&p.text),
            DiffOp::Delete => {
                s.push_str("[-");
                s.push_str(&p.text);
                s.push_str("-]");
            }
            DiffOp::Insert => {
                s.push_str("{+");
                s.push_str(&p.text);
                s.push_str("+}");
            }
        }
    }
    s
}

impl Finding {
    pub fn new(
        rule: &str,
        kind: Kind,
        severity: Severity,
        subject: impl Into<String>,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            fingerprint: String::new(),
            rule: rule.to_string(),
            kind,
            severity,
            subject: subject.into(),
            message: message.into(),
            values: Vec::new(),
            note: None,
            suggestion: None,
            diff: None,
        }
    }

    /// Adds claim `index` of the analysis as evidence.
    pub fn push_claim(&mut self, a: &Analysis, index: usize) {
        let c = &a.claims[index];
        self.values
            .push(evidence(a, c.source, c.sentence, c.span, &c.normalized));
    }

    fn compute_fingerprint(&mut self) {
        let mut values: Vec<String> = self
            .values
            .iter()
            .map(|v| format!("{}={}", v.source, v.normalized))
            .collect();
        values.sort();
        let key = format!(
            "{}\u{0}{}\u{0}{}",
            self.rule,
            self.subject,
            values.join("\u{0}")
        );
        self.fingerprint = format!("{:016x}", fnv1a(key.as_bytes()));
    }
}

/// Evidence for a span of source `si` inside its sentence `sentence`.
pub fn evidence(
    a: &Analysis,
    si: usize,
    sentence: usize,
    span: crate::story::Span,
    normalized: &str,
) -> Evidence {
    let source = &a.story.sources[si];
    let (line, column) = source.line_col(span.start);
    let sentence_text = a.docs[si]
        .sentences
        .get(sentence)
        .map(|s| squash(source.text.slice(s.span.start..s.span.end)))
        .unwrap_or_default();
    Evidence {
        source: source.id.clone(),
        text: source.text.slice(span.start..span.end).to_string(),
        normalized: normalized.to_string(),
        span: SpanOut {
            start: span.start,
            end: span.end,
            line,
            column,
        },
        sentence: sentence_text,
        path: source.file.clone(),
    }
}

/// Collapses runs of whitespace (a sentence may span lines in the file).
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// FNV-1a, 64 bits: a fingerprint hash that is the same on every machine and release.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[derive(Debug, Clone, Serialize)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct StoryOut {
    pub title: Option<String>,
    pub timezone: Option<String>,
}

/// A source as the report lists it.
#[derive(Debug, Clone, Serialize)]
pub struct SourceOut {
    pub id: String,
    pub outlet: Option<String>,
    pub path: String,
    /// The file as reached from the current directory (`sources[].file` of the contract).
    pub file: String,
    pub url: Option<String>,
    pub published: Option<String>,
    pub published_from: crate::story::PublishedFrom,
    pub role: Role,
    pub sentences: usize,
    pub claims: usize,
    /// What cleaning removed, by reason (an extension of report-v1).
    pub dropped: BTreeMap<String, Dropped>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub sources: usize,
    pub claims: usize,
    pub findings: usize,
    pub error: usize,
    pub warning: usize,
    pub info: usize,
    /// Findings suppressed by `--baseline` (an extension of report-v1; absent without one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baselined: Option<usize>,
    /// Baseline findings that no longer occur (an extension of report-v1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fixed: Option<usize>,
}

/// A kept sentence of a source, for renderers that show the sources (not serialised).
#[derive(Debug, Clone)]
pub struct SentenceView {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub text: String,
}

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub schema: &'static str,
    pub tool: Tool,
    pub story: StoryOut,
    pub sources: Vec<SourceOut>,
    pub findings: Vec<Finding>,
    pub summary: Summary,
    /// Baseline findings that no longer occur: fingerprint, rule and subject (an
    /// extension of report-v1).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fixed: Vec<baseline::Fixed>,
    /// Each source's kept sentences, for the HTML source view (not serialised).
    #[serde(skip)]
    pub kept: Vec<Vec<SentenceView>>,
    /// Review mode: what the references say of each draft claim (an extension of report-v1).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub review: Vec<crate::review::Review>,
    /// Loading notes (skipped files, lossy decoding): an extension of report-v1.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Stages or rules that panicked (bugs): the report is incomplete and the command
    /// exits with status 2 (an extension of report-v1).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub faults: Vec<crate::guard::Fault>,
}

impl Report {
    /// Builds the report: fingerprints, deduplicates and orders the findings.
    pub fn new(story: &Story, a: &Analysis, mut findings: Vec<Finding>) -> Report {
        for f in &mut findings {
            f.compute_fingerprint();
        }
        let order = |f: &Finding| {
            (
                f.severity,
                f.subject.to_lowercase(),
                f.values.first().map(|v| (v.source.clone(), v.span.start)),
                f.rule.clone(),
                f.fingerprint.clone(),
            )
        };
        findings.sort_by_key(order);
        findings.dedup_by(|a, b| a.fingerprint == b.fingerprint);
        let sources: Vec<SourceOut> = story
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| SourceOut {
                id: s.id.clone(),
                outlet: s.outlet.clone(),
                path: s.path.clone(),
                file: s.file.clone(),
                url: s.url.clone(),
                published: a.times[i].published.map(|p| p.to_string()),
                published_from: a.times[i].from.unwrap_or(s.published_from),
                role: s.role,
                sentences: a.docs[i].sentences.len(),
                claims: a.claims.iter().filter(|c| c.source == i).count(),
                dropped: a.docs[i].cleaned.dropped.clone(),
                notes: s
                    .notes
                    .iter()
                    .cloned()
                    .chain(s.published_note.clone())
                    .chain(a.times[i].note.clone())
                    .collect(),
            })
            .collect();
        let count = |sev| findings.iter().filter(|f| f.severity == sev).count();
        let summary = Summary {
            sources: sources.len(),
            claims: a.claims.len(),
            findings: findings.len(),
            error: count(Severity::Error),
            warning: count(Severity::Warning),
            info: count(Severity::Info),
            baselined: None,
            fixed: None,
        };
        Report {
            schema: SCHEMA,
            tool: Tool {
                name: "concord",
                version: env!("CARGO_PKG_VERSION"),
            },
            story: StoryOut {
                title: story.title.clone(),
                timezone: story.timezone.map(|t| t.name().to_string()),
            },
            sources,
            findings,
            summary,
            fixed: Vec::new(),
            kept: a
                .docs
                .iter()
                .zip(&story.sources)
                .map(|(d, src)| {
                    d.sentences
                        .iter()
                        .map(|sn| SentenceView {
                            start: sn.span.start,
                            end: sn.span.end,
                            line: src.line_col(sn.span.start).0,
                            text: squash(src.text.slice(sn.span.start..sn.span.end)),
                        })
                        .collect()
                })
                .collect(),
            review: Vec::new(),
            notes: story.notes.clone(),
            faults: Vec::new(),
        }
    }

    /// Recounts the summary after findings were removed (baselines).
    pub fn recount(&mut self) {
        let count = |sev| self.findings.iter().filter(|f| f.severity == sev).count();
        self.summary.findings = self.findings.len();
        self.summary.error = count(Severity::Error);
        self.summary.warning = count(Severity::Warning);
        self.summary.info = count(Severity::Info);
    }

    /// The most severe finding's severity, if any.
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).min()
    }
}

/// Several stories checked in one run (`concord/batch-v1`): each a full report, and the
/// totals.
#[derive(Debug, Serialize)]
pub struct Batch<'a> {
    pub schema: &'static str,
    pub tool: Tool,
    pub stories: &'a [Report],
    pub summary: Summary,
}

impl<'a> Batch<'a> {
    pub fn new(stories: &'a [Report]) -> Batch<'a> {
        let mut summary = Summary::default();
        let add = |a: Option<usize>, b: Option<usize>| match (a, b) {
            (None, None) => None,
            (a, b) => Some(a.unwrap_or(0) + b.unwrap_or(0)),
        };
        for r in stories {
            summary.sources += r.summary.sources;
            summary.claims += r.summary.claims;
            summary.findings += r.summary.findings;
            summary.error += r.summary.error;
            summary.warning += r.summary.warning;
            summary.info += r.summary.info;
            summary.baselined = add(summary.baselined, r.summary.baselined);
            summary.fixed = add(summary.fixed, r.summary.fixed);
        }
        Batch {
            schema: BATCH_SCHEMA,
            tool: Tool {
                name: "concord",
                version: env!("CARGO_PKG_VERSION"),
            },
            stories,
            summary,
        }
    }
}
