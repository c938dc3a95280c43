//! `internal-arithmetic`: a source's figures contradicting its own words or each other.
//!
//! A change described as a cut whose numbers rise, or a rise whose numbers fall; and one
//! source giving two different values for one quantity (same unit, nearly the same
//! context, neither part of a change).

use super::{Check, Rule};
use crate::extract::quantity::{Phase, CHANGE_DOWN as DOWN, CHANGE_UP as UP};
use crate::extract::Value;
use crate::report::Finding;
use crate::words;
use crate::Analysis;

pub struct Arithmetic;

impl Check for Arithmetic {
    fn run(&self, rule: &Rule, a: &Analysis, out: &mut Vec<Finding>) {
        let min_sim = rule.param_f64("min-similarity", 0.85);
        let claims = &a.claims;
        for (i, c) in claims.iter().enumerate() {
            let Value::Quantity(before) = &c.value else {
                continue;
            };
            if before.phase != Phase::Before {
                continue;
            }
            // The "after" of the same change is the next figure of the sentence.
            let Some((j, after)) =
                claims
                    .iter()
                    .enumerate()
                    .skip(i + 1)
                    .find_map(|(j, d)| match &d.value {
                        Value::Quantity(q)
                            if d.source == c.source
                                && d.sentence == c.sentence
                                && q.phase == Phase::After =>
                        {
                            Some((j, q))
                        }
                        _ => None,
                    })
            else {
                continue;
            };
            let Some(verb) = before.change.as_deref() else {
                continue;
            };
            let wrong = (DOWN.contains(&verb) && after.value > before.value)
                || (UP.contains(&verb) && after.value < before.value);
            if wrong {
                let id = &a.story.sources[c.source].id;
                let mut f = rule.finding(
                    c.about.clone(),
                    format!(
                        "{id} says the figure was {verb}, but its numbers go from {} to {}",
                        c.normalized, claims[j].normalized
                    ),
                );
                f.note = Some(format!(
                    "\"{verb}\" says the value went {}",
                    if DOWN.contains(&verb) { "down" } else { "up" }
                ));
                f.push_claim(a, i);
                f.push_claim(a, j);
                out.push(f);
            }
        }
        // Two values for one quantity in one source: compared within each source only.
        let mut by_source: std::collections::BTreeMap<usize, Vec<usize>> =
            std::collections::BTreeMap::new();
        for (i, c) in claims.iter().enumerate() {
            if let Value::Quantity(q) = &c.value {
                if q.phase == Phase::Plain && q.high.is_none() && c.context.len() >= 2 {
                    by_source.entry(c.source).or_default().push(i);
                }
            }
        }
        for members in by_source.values() {
            for (k, &i) in members.iter().enumerate() {
                for &j in &members[k + 1..] {
                    let (first, second) = (&claims[i], &claims[j]);
                    let (Value::Quantity(q1), Value::Quantity(q2)) = (&first.value, &second.value)
                    else {
                        continue;
                    };
                    if second.sentence == first.sentence
                        || q1.unit != q2.unit
                        || first.normalized == second.normalized
                        || words::token_similarity(&first.context, &second.context) < min_sim
                    {
                        continue;
                    }
                    let id = &a.story.sources[first.source].id;
                    let mut f = rule.finding(
                        first.about.clone(),
                        format!(
                            "{id} gives this quantity as {} and as {}",
                            first.normalized, second.normalized
                        ),
                    );
                    f.push_claim(a, i);
                    f.push_claim(a, j);
                    out.push(f);
                }
            }
        }
    }
}
