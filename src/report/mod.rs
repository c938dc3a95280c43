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
use crate::finding::squash;
use crate::finding::Severity;
use crate::story::{Role, Story};
use crate::text::Slice;
use crate::Analysis;

/// The report schema id.
pub const SCHEMA: &str = "concord/report-v1";

/// The schema id of several stories' reports in one document.
pub const BATCH_SCHEMA: &str = "concord/batch-v1";

pub use crate::finding::{evidence, inline_diff, DiffOp, DiffPart, Evidence, Finding, SpanOut};

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
        findings.sort_by_cached_key(order);
        findings.dedup_by(|a, b| a.fingerprint == b.fingerprint);
        // Claims per source, counted in one pass.
        let mut claims_of = vec![0usize; story.sources.len()];
        for c in &a.claims {
            if let Some(n) = claims_of.get_mut(c.source) {
                *n += 1;
            }
        }
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
                claims: claims_of[i],
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
