//! `unsupported`: in review mode, a specific claim of the draft that no reference supports.
//!
//! A draft claim is supported when alignment put a reference claim in its group (if the
//! values differ, a conflict rule reports it), or when some reference states the same
//! normalised value of the same claim type anywhere (alignment can miss a paraphrase; an
//! editor would not call a figure every reference gives "unsupported"). Quotes are also
//! supported by a reference quote sharing most of their words.
//!
//! Parameters: `claims` (claim types to check, default date, number, quote),
//! `min-quote-words` (shorter quotes are not specific claims).

use std::collections::BTreeSet;

use super::{Check, Rule};
use crate::extract::Value;
use crate::report::Finding;
use crate::story::Role;
use crate::words;
use crate::Analysis;

pub struct Unsupported;

fn claim_kinds(rule: &Rule) -> Vec<String> {
    match rule.spec.params.get("claims") {
        Some(toml::Value::Array(a)) => a
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        _ => vec!["date".into(), "number".into(), "quote".into()],
    }
}

impl Check for Unsupported {
    fn params(&self) -> &'static [super::params::Param] {
        use super::params::{count, Param, ParamType};
        const PARAMS: &[Param] = &[
            Param {
                name: "claims",
                ty: ParamType::ClaimTypes,
                doc: "the draft's claim types that need a reference's support",
            },
            count(
                "min-quote-words",
                1,
                "shortest draft quote checked, in words",
            ),
        ];
        PARAMS
    }

    fn validate(&self, rule: &super::RuleFile) -> Result<(), String> {
        if let Some(v) = rule.params.get("claims") {
            let Some(a) = v.as_array() else {
                return Err("params.claims must be a list of claim types".into());
            };
            for k in a {
                match k.as_str() {
                    Some(k) if crate::extract::KINDS.contains(&k) => {}
                    _ => return Err(format!("params.claims: `{k}` is not a claim type")),
                }
            }
        }
        Ok(())
    }

    fn run(&self, rule: &Rule, a: &Analysis, out: &mut Vec<Finding>) {
        let is_ref = |si: usize| a.story.sources[si].role == Role::Reference;
        let is_draft = |si: usize| a.story.sources[si].role == Role::Draft;
        if !a.story.sources.iter().any(|s| s.role == Role::Draft) {
            return;
        }
        let kinds = claim_kinds(rule);
        let min_words = rule.param_f64("min-quote-words", 5.0) as usize;
        let mut group_of = vec![0usize; a.claims.len()];
        for (gi, g) in a.groups.iter().enumerate() {
            for &m in &g.members {
                group_of[m] = gi;
            }
        }
        let reference_values: BTreeSet<(&str, &str)> = a
            .claims
            .iter()
            .filter(|c| is_ref(c.source))
            .map(|c| (c.value.kind(), c.normalized.as_str()))
            .collect();
        let reference_quotes: Vec<Vec<String>> = a
            .claims
            .iter()
            .filter(|c| is_ref(c.source) && matches!(c.value, Value::Quote(_)))
            .map(|c| words::content_words(&c.normalized))
            .collect();
        for (ci, c) in a.claims.iter().enumerate() {
            if !is_draft(c.source) || !kinds.iter().any(|k| k == c.value.kind()) {
                continue;
            }
            match &c.value {
                Value::Quote(_) if c.normalized.split_whitespace().count() < min_words => continue,
                // "last year", "this week": not a specific date.
                Value::Date(v) if !v.is_day() => continue,
                _ => {}
            }
            let aligned = a.groups[group_of[ci]]
                .members
                .iter()
                .any(|&m| is_ref(a.claims[m].source));
            if aligned || reference_values.contains(&(c.value.kind(), c.normalized.as_str())) {
                continue;
            }
            if let Value::Quote(_) = c.value {
                let mine = words::content_words(&c.normalized);
                if reference_quotes
                    .iter()
                    .any(|r| containment(&mine, r) >= 0.6)
                {
                    continue;
                }
            }
            let subject = if c.about.is_empty() {
                c.text.clone()
            } else {
                c.about.clone()
            };
            let mut f = rule.finding(
                subject,
                format!(
                    "the draft's {} `{}` is given by no reference",
                    c.value.kind(),
                    c.normalized
                ),
            );
            f.push_claim(a, ci);
            out.push(f);
        }
    }
}

/// Share of `a`'s words found in `b`.
fn containment(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() {
        return 0.0;
    }
    let b: BTreeSet<&String> = b.iter().collect();
    a.iter().filter(|w| b.contains(w)).count() as f64 / a.len() as f64
}
