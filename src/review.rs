//! Review mode: a draft checked against its reference reports.
//!
//! Input: the analysis and the findings of a story with a source whose role is `draft`.
//! Output: the findings re-weighed for the editor (disagreements among the references
//! alone drop to `info`, or out of the report, since the draft is what is under review),
//! and for each draft claim the references that support it, contradict it, or say
//! nothing. Review decides nothing new about the facts: it only reads what alignment and
//! the rules found.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::finding::{Finding, SpanOut};
use crate::rules::Severity;
use crate::story::Role;
use crate::Analysis;

/// Review options.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Keep disagreements among the references at their own severity.
    pub all: bool,
}

/// What the references say of one draft claim.
#[derive(Debug, Clone, Serialize)]
pub struct DraftClaim {
    pub kind: &'static str,
    pub text: String,
    pub normalized: String,
    pub span: SpanOut,
    pub sentence: String,
    /// References with a claim aligned to this one and the same value.
    pub supported_by: Vec<String>,
    /// References with a claim aligned to this one and another value.
    pub contradicted_by: Vec<String>,
    /// References with nothing aligned to this claim.
    pub silent: Vec<String>,
}

/// The review section of the report (an extension of report-v1).
#[derive(Debug, Clone, Serialize)]
pub struct Review {
    pub draft: String,
    pub claims: Vec<DraftClaim>,
}

/// Indices of draft sources.
pub fn drafts(a: &Analysis) -> Vec<usize> {
    a.story
        .sources
        .iter()
        .enumerate()
        .filter(|(_, s)| s.role == Role::Draft)
        .map(|(i, _)| i)
        .collect()
}

/// Re-weighs findings for review: those that do not involve a draft become `info` (unless
/// `opts.all`), and those that do note when the references disagree among themselves. A
/// draft sentence that repeats a reference sentence word for word does not involve the
/// draft: the disagreement is among the references.
pub fn reweigh(a: &Analysis, findings: &mut [Finding], opts: Options) {
    let draft_ids: BTreeSet<&str> = drafts(a)
        .into_iter()
        .map(|i| a.story.sources[i].id.as_str())
        .collect();
    if draft_ids.is_empty() || opts.all {
        return;
    }
    // Sentences of the references, case and spacing aside: a draft sentence that repeats
    // one word for word says what that reference says, so a disagreement it takes part in
    // is among the references.
    let key = |text: &str| {
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let reference_sentences: std::collections::HashSet<String> = a
        .story
        .sources
        .iter()
        .zip(&a.docs)
        .filter(|(s, _)| s.role == Role::Reference)
        .flat_map(|(_, d)| (0..d.sentences.len()).map(|i| key(d.sentence_text(i))))
        .collect();
    for f in findings.iter_mut() {
        // A draft that writes the form the finding suggests ("write Liana Barrientos") is
        // not what the finding is about: a reference departs from it.
        let suggested = f
            .suggestion
            .as_deref()
            .and_then(|s| s.strip_prefix("write "));
        // Only a disagreement with the references can be theirs: a finding on the draft
        // alone (a sentence pasted twice) is the draft's, copied words or not.
        let with_references = f
            .values
            .iter()
            .any(|v| !draft_ids.contains(v.source.as_str()));
        let involves_draft = f.values.iter().any(|v| {
            draft_ids.contains(v.source.as_str())
                && suggested.is_none_or(|s| v.normalized.replace('’', "'") != s.replace('’', "'"))
                && !(with_references && reference_sentences.contains(&key(&v.sentence)))
        });
        if !involves_draft && f.severity != Severity::Info {
            f.severity = Severity::Info;
            let why = "among the references only: not about the draft";
            f.note = Some(match f.note.take() {
                Some(n) => format!("{n} ({why})"),
                None => why.to_string(),
            });
        }
    }
}

/// For each draft claim, which references support, contradict or say nothing. A reference
/// contradicts a claim only where a finding (a warning or an error) sets the two against
/// each other: an aligned figure with other words ("40 homes", "40 properties") that no
/// rule calls a conflict is neither support nor contradiction.
pub fn review(a: &Analysis, findings: &[crate::finding::Finding]) -> Vec<Review> {
    let references: Vec<usize> = a
        .story
        .sources
        .iter()
        .enumerate()
        .filter(|(_, s)| s.role == Role::Reference)
        .map(|(i, _)| i)
        .collect();
    let mut group_of = vec![0usize; a.claims.len()];
    for (gi, g) in a.groups.iter().enumerate() {
        for &m in &g.members {
            group_of[m] = gi;
        }
    }
    let mut out = Vec::new();
    for d in drafts(a) {
        let source = &a.story.sources[d];
        let mut claims = Vec::new();
        for (ci, c) in a.claims.iter().enumerate().filter(|(_, c)| c.source == d) {
            let group = &a.groups[group_of[ci]];
            let mut supported = BTreeSet::new();
            let mut contradicted = BTreeSet::new();
            for &m in &group.members {
                let other = &a.claims[m];
                if !references.contains(&other.source) {
                    continue;
                }
                let id = a.story.sources[other.source].id.clone();
                if other.normalized == c.normalized || within(&c.value, &other.value) {
                    supported.insert(id);
                }
            }
            // Contradicted: a finding sets the claim against a reference, whether or not
            // alignment grouped them (a misspelt name is in no group of the right one).
            for f in findings.iter().filter(|f| {
                f.severity != crate::rules::Severity::Info
                    && f.values.iter().any(|v| {
                        v.source == source.id
                            && v.span.start < c.span.end
                            && c.span.start < v.span.end
                    })
            }) {
                for v in &f.values {
                    if v.source != source.id && !supported.contains(&v.source) {
                        contradicted.insert(v.source.clone());
                    }
                }
            }
            let silent: Vec<String> = references
                .iter()
                .map(|&r| a.story.sources[r].id.clone())
                .filter(|id| !supported.contains(id) && !contradicted.contains(id))
                .collect();
            let ev = crate::finding::evidence(a, d, c.sentence, c.span, &c.normalized);
            claims.push(DraftClaim {
                kind: c.value.kind(),
                text: c.text.clone(),
                normalized: c.normalized.clone(),
                span: ev.span,
                sentence: ev.sentence,
                supported_by: supported.into_iter().collect(),
                contradicted_by: contradicted.into_iter().collect(),
                silent,
            });
        }
        out.push(Review {
            draft: source.id.clone(),
            claims,
        });
    }
    out
}

/// Does one date lie within the other's span ("June 9" and "in 2025", "this month"), or on
/// the other's day ("Monday morning" and "Monday")? Then they agree at the coarser grain.
fn within(left: &crate::extract::Value, right: &crate::extract::Value) -> bool {
    use crate::extract::time::DateValue;
    use crate::extract::Value;
    let (Value::Date(one), Value::Date(other)) = (left, right) else {
        return false;
    };
    let inside = |day: &DateValue, span: &DateValue| match (day.date, span.date, span.end) {
        (Some(d), Some(start), Some(end)) => d >= start && d < end,
        _ => false,
    };
    // "Monday" and "Monday morning", "Monday at 9 a.m.": the same day.
    let same_day =
        one.end.is_none() && other.end.is_none() && one.date.is_some() && one.date == other.date;
    same_day
        || (one.end.is_none() && inside(one, other))
        || (other.end.is_none() && inside(other, one))
}
