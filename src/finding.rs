//! Findings: what a rule reports and the evidence behind it, below both the rules that make
//! them and the report that renders them (neither imports the other for these types).

use serde::{Deserialize, Serialize};

use crate::text::Slice;
use crate::Analysis;

/// Severity of a finding. Ordered most severe first, for sorting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// What a finding is about (the contract's finding kinds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Date,
    Number,
    Identifier,
    Name,
    Role,
    Quote,
    Stance,
    Internal,
    Unsupported,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Date => "date",
            Kind::Number => "number",
            Kind::Identifier => "identifier",
            Kind::Name => "name",
            Kind::Role => "role",
            Kind::Quote => "quote",
            Kind::Stance => "stance",
            Kind::Internal => "internal",
            Kind::Unsupported => "unsupported",
        }
    }
}

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
    /// One word diff per departing version, each from the version most sources give (or
    /// the first) to it: an extension of report-v1; `diff` is the first of them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub diffs: Vec<VersionDiff>,
    /// How likely an editor is to confirm the finding, 0 to 1 (two decimals): the rule's
    /// measured confidence, lowered when the rule itself lowered the severity (an extension
    /// of report-v1; `--min-confidence` drops findings below a threshold).
    pub confidence: f64,
    /// A rule's own confidence for this finding, in place of its file's (set by the rule).
    #[serde(skip)]
    pub confidence_hint: Option<f64>,
}

/// A word diff from one source's version to another's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VersionDiff {
    /// The source whose version the diff starts from.
    pub from: String,
    /// The source whose version it ends at.
    pub to: String,
    pub diff: Vec<DiffPart>,
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
            diffs: Vec::new(),
            confidence: 0.0,
            confidence_hint: None,
        }
    }

    /// Sets the confidence from the rule's (`base`, for findings at `spec` severity): the
    /// rule's hint for this finding if it gave one, else `base`, times 0.8 for each step
    /// the rule lowered the severity; rounded to two decimals.
    pub fn settle_confidence(&mut self, base: f64, spec: Severity) {
        let steps = (self.severity as i32 - spec as i32).max(0);
        let c = self.confidence_hint.unwrap_or(base) * 0.8_f64.powi(steps);
        self.confidence = (c.clamp(0.0, 1.0) * 100.0).round() / 100.0;
    }

    /// Adds claim `index` of the analysis as evidence.
    pub fn push_claim(&mut self, a: &Analysis, index: usize) {
        let c = &a.claims[index];
        self.values
            .push(evidence(a, c.source, c.sentence, c.span, &c.normalized));
    }

    /// Keeps the evidence of the first [`MAX_PER_VALUE`] sources of each value (and every
    /// value `keep` asks for: a draft's), and says in the note how many more give them, so
    /// a finding grows with the story's facts, not with its sources.
    pub(crate) fn bound_values(&mut self, keep: impl Fn(&Evidence) -> bool) {
        if self.values.len() <= MAX_PER_VALUE {
            return;
        }
        let before = self.values.len();
        let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        self.values.retain(|v| {
            let n = seen.entry(v.normalized.clone()).or_default();
            *n += 1;
            *n <= MAX_PER_VALUE || keep(v)
        });
        let dropped = before - self.values.len();
        if dropped > 0 {
            let line = format!(
                "{dropped} more sources give these values (the first {MAX_PER_VALUE} of each value are shown)"
            );
            self.note = Some(match self.note.take() {
                Some(n) => format!("{n}\n{line}"),
                None => line,
            });
        }
    }

    pub(crate) fn compute_fingerprint(&mut self) {
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

/// Sources' evidence a finding shows per value, at most (a draft's is always shown).
pub const MAX_PER_VALUE: usize = 8;

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
pub(crate) fn squash(s: &str) -> String {
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
