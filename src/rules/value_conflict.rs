//! `value-conflict`: aligned claims of one type whose values differ across sources.
//!
//! Parameters: `claim` (the claim type: `date`, `number`…), `tolerance` (numbers: a
//! relative difference at or under which values count as rounding drift, reported one
//! severity lower), `min-similarity` (how alike two claims' contexts must be, on top of
//! alignment, to be compared).

use std::collections::BTreeMap;

use super::{Check, Rule, RuleFile, Severity};
use crate::extract::Value;
use crate::report::Finding;
use crate::words;
use crate::Analysis;

pub struct ValueConflict;

impl Check for ValueConflict {
    fn validate(&self, rule: &RuleFile) -> Result<(), String> {
        match rule.params.get("claim").and_then(toml::Value::as_str) {
            Some(k) if crate::extract::KINDS.contains(&k) => Ok(()),
            Some(k) => Err(format!("params.claim `{k}` is not a claim type")),
            None => Err("params.claim is required (the claim type to compare)".into()),
        }
    }

    fn run(&self, rule: &Rule, a: &Analysis, out: &mut Vec<Finding>) {
        let kind = rule.param_str("claim", "date");
        let tolerance = rule.param_f64("tolerance", 0.0);
        let min_sim = rule.param_f64("min-similarity", 0.5);
        for group in a.groups.iter().filter(|g| g.kind == kind) {
            // One claim per source: the first, in text order.
            let mut per_source: BTreeMap<usize, usize> = BTreeMap::new();
            for &m in &group.members {
                per_source.entry(a.claims[m].source).or_insert(m);
            }
            if per_source.len() < 2 {
                continue;
            }
            let members: Vec<usize> = per_source.into_values().collect();
            // Values must be of one comparable sort (same unit) and about the same thing.
            let first = &a.claims[members[0]];
            let comparable: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&m| {
                    let c = &a.claims[m];
                    same_sort(&first.value, &c.value)
                        && (m == members[0]
                            || words::token_similarity(&first.context, &c.context) >= min_sim)
                })
                .collect();
            let mut by_value: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
            for &m in &comparable {
                by_value
                    .entry(a.claims[m].normalized.as_str())
                    .or_default()
                    .push(m);
            }
            if by_value.len() < 2 {
                continue;
            }
            let severity = if within_tolerance(&comparable, a, tolerance) {
                Severity::Warning.max(rule.spec.severity)
            } else {
                rule.spec.severity
            };
            let subject = first.about.clone();
            let parts: Vec<String> = by_value
                .iter()
                .map(|(v, ms)| {
                    let ids: Vec<&str> = ms
                        .iter()
                        .map(|&m| a.story.sources[a.claims[m].source].id.as_str())
                        .collect();
                    format!(
                        "{} {} {v}",
                        ids.join(" and "),
                        if ids.len() > 1 { "say" } else { "says" }
                    )
                })
                .collect();
            let mut f = rule.finding(subject, parts.join("; "));
            f.severity = severity;
            for &m in &comparable {
                f.push_claim(a, m);
            }
            out.push(f);
        }
    }
}

fn same_sort(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Quantity(x), Value::Quantity(y)) => x.unit == y.unit,
        (Value::Date(_), Value::Date(_)) => true,
        _ => std::mem::discriminant(a) == std::mem::discriminant(b),
    }
}

/// Do all numeric values lie within `tolerance` (relative) of each other?
fn within_tolerance(members: &[usize], a: &Analysis, tolerance: f64) -> bool {
    let values: Vec<f64> = members
        .iter()
        .filter_map(|&m| match &a.claims[m].value {
            Value::Quantity(q) => Some(q.value),
            _ => None,
        })
        .collect();
    if values.len() != members.len() || tolerance <= 0.0 {
        return false;
    }
    let max = values.iter().copied().fold(f64::MIN, f64::max);
    let min = values.iter().copied().fold(f64::MAX, f64::min);
    max > 0.0 && (max - min) / max <= tolerance
}
