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

/// A reference sentence that supports a draft sentence.
#[derive(Debug, Clone, Serialize)]
pub struct Support {
    pub source: String,
    pub span: SpanOut,
    pub sentence: String,
    /// The share of the draft sentence's content words (stems and figures) this sentence
    /// has, 0 to 1 (two decimals).
    pub overlap: f64,
}

/// One draft sentence and what the references make of it.
#[derive(Debug, Clone, Serialize)]
pub struct DraftSentence {
    pub text: String,
    pub span: SpanOut,
    /// `contradicted`: a finding (warning or error) sets its words against a reference;
    /// `unsupported`: it gives a name, figure, date, quote or wording no reference gives;
    /// `supported`: a reference sentence has at least half its content words and nothing
    /// in it is found wrong; `unaligned`: no reference sentence has half its content
    /// words, and nothing checkable in it is found wrong.
    pub verdict: &'static str,
    /// Fingerprints of the findings (warning or error) on its words.
    pub findings: Vec<String>,
    /// The reference sentences that share most of its content words, best first (at most
    /// `MAX_SUPPORT`, each with at least `MIN_OVERLAP` of them).
    pub support: Vec<Support>,
}

/// The review section of the report (an extension of report-v1).
#[derive(Debug, Clone, Serialize)]
pub struct Review {
    pub draft: String,
    pub claims: Vec<DraftClaim>,
    /// The draft sentence by sentence, each with its verdict and best reference sentences.
    pub sentences: Vec<DraftSentence>,
}

/// Reference sentences shown per draft sentence.
const MAX_SUPPORT: usize = 2;
/// The least share of a draft sentence's content words a reference sentence must have to
/// be shown as its support.
const MIN_OVERLAP: f64 = 0.3;
/// The share from which a sentence with no finding counts as supported.
const SUPPORTED: f64 = 0.5;

/// The content words of a sentence: stems of words of three letters or more that are not
/// function words, and figures as written.
fn content_words(text: &str) -> BTreeSet<String> {
    crate::words::tokens(text)
        .into_iter()
        .filter_map(|(s, e)| {
            use crate::text::Slice;
            let w = text.slice(s..e).to_lowercase();
            if w.chars().any(|c| c.is_ascii_digit()) {
                Some(w)
            } else if w.chars().count() >= 3 && !crate::words::is_stop(&w) {
                Some(crate::words::stem(&w))
            } else {
                None
            }
        })
        .collect()
}

/// The draft's sentences with their verdicts: reference sentences are indexed by content
/// word once, so each draft sentence scores only the sentences it shares a word with.
fn sentences(a: &Analysis, d: usize, findings: &[Finding]) -> Vec<DraftSentence> {
    let mut index: std::collections::HashMap<String, Vec<(usize, usize)>> =
        std::collections::HashMap::new();
    for (si, (source, doc)) in a.story.sources.iter().zip(&a.docs).enumerate() {
        if source.role != Role::Reference {
            continue;
        }
        for i in 0..doc.sentences.len() {
            for w in content_words(doc.sentence_text(i)) {
                index.entry(w).or_default().push((si, i));
            }
        }
    }
    let id = a.story.sources[d].id.as_str();
    let doc = &a.docs[d];
    let mut out = Vec::new();
    for (i, sentence) in doc.sentences.iter().enumerate() {
        let words = content_words(doc.sentence_text(i));
        let mut shared: std::collections::BTreeMap<(usize, usize), usize> =
            std::collections::BTreeMap::new();
        for w in &words {
            for &at in index.get(w).map_or(&[][..], Vec::as_slice) {
                *shared.entry(at).or_default() += 1;
            }
        }
        let total = words.len().max(1) as f64;
        let mut ranked: Vec<((usize, usize), f64)> = shared
            .into_iter()
            .map(|(at, n)| (at, (n as f64 / total * 100.0).round() / 100.0))
            .filter(|&(_, o)| o >= MIN_OVERLAP)
            .collect();
        // Best first; ties in story order (the map gave them in order, the sort is stable).
        ranked.sort_by(|x, y| y.1.total_cmp(&x.1));
        let best = ranked.first().map_or(0.0, |r| r.1);
        let support: Vec<Support> = ranked
            .into_iter()
            .take(MAX_SUPPORT)
            .map(|((si, k), overlap)| {
                let ev = crate::finding::evidence(a, si, k, a.docs[si].sentences[k].span, "");
                Support {
                    source: ev.source,
                    span: ev.span,
                    sentence: ev.sentence,
                    overlap,
                }
            })
            .collect();
        let on_sentence: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.severity != Severity::Info)
            .filter(|f| {
                f.values.iter().any(|v| {
                    v.source == id
                        && v.span.start < sentence.span.end
                        && sentence.span.start < v.span.end
                })
            })
            .collect();
        let against_reference = on_sentence
            .iter()
            .any(|f| f.rule != "unsupported" && f.values.iter().any(|v| v.source != id));
        let verdict = if against_reference {
            "contradicted"
        } else if on_sentence.iter().any(|f| f.rule == "unsupported") {
            "unsupported"
        } else if best >= SUPPORTED {
            "supported"
        } else {
            "unaligned"
        };
        let ev = crate::finding::evidence(a, d, i, sentence.span, "");
        out.push(DraftSentence {
            text: ev.sentence,
            span: ev.span,
            verdict,
            findings: on_sentence.iter().map(|f| f.fingerprint.clone()).collect(),
            support,
        });
    }
    out
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
            sentences: sentences(a, d, findings),
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
