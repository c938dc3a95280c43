//! `single-source`: a specific figure that only one source gives.
//!
//! Money and percentages no other source states (neither aligned with a claim of another
//! source nor repeated anywhere else with the same value): worth knowing, never an error.

use std::collections::BTreeSet;

use super::{Check, Rule};
use crate::extract::Value;
use crate::finding::Finding;
use crate::story::Role;
use crate::Analysis;

pub struct SingleSource;

impl Check for SingleSource {
    fn run(&self, rule: &Rule, a: &Analysis, out: &mut Vec<Finding>) {
        if a.story.sources.len() < 2 {
            return;
        }
        let mut by_value: std::collections::BTreeMap<&str, BTreeSet<usize>> =
            std::collections::BTreeMap::new();
        for c in &a.claims {
            by_value
                .entry(c.normalized.as_str())
                .or_default()
                .insert(c.source);
        }
        for g in a.groups.iter().filter(|g| g.kind == "number") {
            let sources: BTreeSet<usize> = g.members.iter().map(|&m| a.claims[m].source).collect();
            if sources.len() > 1 {
                continue;
            }
            for &m in &g.members {
                let c = &a.claims[m];
                let Value::Quantity(q) = &c.value else {
                    continue;
                };
                let money = q.unit.len() == 3 && q.unit.chars().all(|ch| ch.is_ascii_uppercase());
                if !(money || q.unit == "%") || a.story.sources[c.source].role == Role::Draft {
                    continue;
                }
                if by_value
                    .get(c.normalized.as_str())
                    .is_some_and(|s| s.len() > 1)
                {
                    continue;
                }
                let id = &a.story.sources[c.source].id;
                let mut f = rule.finding(
                    c.about.clone(),
                    format!(
                        "only {id} gives {}",
                        super::value_conflict::human(&c.normalized)
                    ),
                );
                f.push_claim(a, m);
                out.push(f);
            }
        }
    }
}
