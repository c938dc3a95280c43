//! `date-conflict`: the same event dated differently by different sources.
//!
//! Dates are grouped by event: the verb class nearest the date (`begin`, `end`, `call`…,
//! from `rules/lexicon/events.toml`) is the blocking key, and two dates of one class belong
//! to the same event when their sentences share a noun class ("talks" ≈ "meeting" ≈
//! "negotiations") or, when neither names one, a proper name. Only single days and
//! weekdays are compared; an unanchored weekday compares by weekday ("Monday" can never
//! be a Tuesday's date).

use std::collections::BTreeMap;

use super::{Check, Rule};
use crate::extract::time::DateValue;
use crate::extract::{Claim, Value};
use crate::report::Finding;
use crate::Analysis;

pub struct DateConflict;

/// The date value of a claim that names an event and a comparable day.
pub fn event_date(c: &Claim) -> Option<&DateValue> {
    match &c.value {
        Value::Date(v) if v.event.is_some() && v.is_day() => Some(v),
        _ => None,
    }
}

/// Do two dated claims speak of the same event?
pub fn same_event(a: &DateValue, b: &DateValue) -> bool {
    if a.event != b.event {
        return false;
    }
    let (na, nb) = (topics(a, true), topics(b, true));
    if !na.is_empty() && !nb.is_empty() {
        return na.iter().any(|n| nb.contains(n));
    }
    let (ma, mb) = (topics(a, false), topics(b, false));
    ma.iter().filter(|n| mb.contains(n)).count() >= 2
}

/// A value's noun classes (`nouns`) or its names.
fn topics(v: &DateValue, nouns: bool) -> Vec<&String> {
    v.topics
        .iter()
        .filter(|t| t.starts_with("n:") == nouns)
        .collect()
}

/// Clusters event dates: blocking by verb class, linking claims of the same event.
/// `across` links only claims of different sources; otherwise only of the same source.
pub fn clusters(a: &Analysis, across: bool) -> Vec<Vec<usize>> {
    let mut blocks: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, c) in a.claims.iter().enumerate() {
        if let Some(v) = event_date(c) {
            blocks
                .entry(v.event.as_deref().unwrap_or(""))
                .or_default()
                .push(i);
        }
    }
    let mut parent: Vec<usize> = (0..a.claims.len()).collect();
    for members in blocks.values() {
        for (k, &i) in members.iter().enumerate() {
            for &j in &members[k + 1..] {
                let (ci, cj) = (&a.claims[i], &a.claims[j]);
                if (ci.source != cj.source) != across {
                    continue;
                }
                if across && (ci.source, ci.sentence) == (cj.source, cj.sentence) {
                    continue;
                }
                if let (Some(x), Some(y)) = (event_date(ci), event_date(cj)) {
                    if same_event(x, y) {
                        let (ri, rj) = (super::root(&mut parent, i), super::root(&mut parent, j));
                        parent[ri.max(rj)] = ri.min(rj);
                    }
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for members in blocks.values() {
        for &i in members {
            let r = super::root(&mut parent, i);
            groups.entry(r).or_default().push(i);
        }
    }
    groups.into_values().filter(|g| g.len() > 1).collect()
}

/// How a claim's date reads in a message: "2025-06-09 (Monday)" or "Monday".
pub fn describe(v: &DateValue, normalized: &str) -> String {
    match v.date {
        Some(d) => format!("{} ({})", d.format("%Y-%m-%d"), d.format("%A")),
        None => normalized.to_string(),
    }
}

impl Check for DateConflict {
    fn run(&self, rule: &Rule, a: &Analysis, out: &mut Vec<Finding>) {
        for group in clusters(a, true) {
            // One claim per source (the first in text order); every claim of a draft, so
            // each of its dates is weighed against the references.
            let mut per_source: BTreeMap<usize, usize> = BTreeMap::new();
            let mut drafts: Vec<usize> = Vec::new();
            for &m in &group {
                if a.story.sources[a.claims[m].source].role == crate::story::Role::Draft {
                    drafts.push(m);
                } else {
                    per_source.entry(a.claims[m].source).or_insert(m);
                }
            }
            let mut members: Vec<usize> = per_source.into_values().collect();
            // A draft date some reference agrees with is not the draft's error.
            let refs: Vec<&DateValue> = members
                .iter()
                .filter_map(|&m| event_date(&a.claims[m]))
                .collect();
            members.extend(drafts.into_iter().filter(|&m| {
                event_date(&a.claims[m]).is_some_and(|v| refs.iter().all(|r| r.contradicts(v)))
            }));
            members.sort_unstable();
            let values: Vec<&DateValue> = members
                .iter()
                .filter_map(|&m| event_date(&a.claims[m]))
                .collect();
            let conflict = values
                .iter()
                .enumerate()
                .any(|(k, x)| values[k + 1..].iter().any(|y| x.contradicts(y)));
            if !conflict {
                continue;
            }
            let first = &a.claims[members[0]];
            let subject = first.about.clone();
            let mut by_value: BTreeMap<String, Vec<&str>> = BTreeMap::new();
            for &m in &members {
                let c = &a.claims[m];
                if let Some(v) = event_date(c) {
                    by_value
                        .entry(describe(v, &c.normalized))
                        .or_default()
                        .push(a.story.sources[c.source].id.as_str());
                }
            }
            let message = by_value
                .iter()
                .map(|(v, ids)| {
                    format!(
                        "{} {} {v}",
                        ids.join(" and "),
                        if ids.len() > 1 { "say" } else { "says" }
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            let mut f = rule.finding(subject, message);
            let mut notes = Vec::new();
            for &m in &members {
                f.push_claim(a, m);
                let c = &a.claims[m];
                if let Some(v) = event_date(c) {
                    let id = &a.story.sources[c.source].id;
                    if !v.reasoning.is_empty() {
                        notes.push(format!("{id}: {}", v.reasoning));
                    } else if v.date.is_none() {
                        notes.push(format!(
                            "{id}: no publication date, so \"{}\" stays a weekday",
                            c.text
                        ));
                    }
                    if let (Some(rel), Some(d)) = (v.relative, v.date) {
                        if rel != d {
                            notes.push(format!(
                                "{id}: its own relative words give {rel}, its explicit date {d}"
                            ));
                        }
                    }
                }
            }
            if !notes.is_empty() {
                f.note = Some(notes.join("; "));
            }
            out.push(f);
        }
    }
}
