//! `role-conflict`: one person given incompatible titles.
//!
//! Titles are compared in their normalised form (equivalent wordings meet). Two titles of
//! one person conflict when they name the same kind of office with different portfolios
//! ("Defence Minister" and "Foreign Minister"), when one source calls "former" what another
//! shows in office, or when a title one source gives the person is the one the sources give
//! to someone else ("Trade Representative" for a person others call the economic adviser,
//! while they name another Trade Representative).

use std::collections::{BTreeMap, BTreeSet};

use super::{Check, Rule};
use crate::extract::entity::TitleMention;
use crate::extract::Value;
use crate::report::Finding;
use crate::Analysis;

pub struct RoleConflict;

/// Words that make another rank of an office ("vice president" is not the president): a
/// title with one of them never says more of the same office.
const RANKS: &[&str] = &[
    "vice",
    "deputy",
    "assistant",
    "associate",
    "under",
    "lieutenant",
    "co",
    "sub",
    "junior",
    "senior",
    "chief",
    "first",
    "second",
    "former",
    "elect",
    "emeritus",
    "acting",
    "interim",
];

impl Check for RoleConflict {
    fn run(&self, rule: &Rule, a: &Analysis, out: &mut Vec<Finding>) {
        let mut by_person: BTreeMap<&str, Vec<(usize, &TitleMention)>> = BTreeMap::new();
        let mut holders: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for (i, c) in a.claims.iter().enumerate() {
            if let Value::Title(t) = &c.value {
                by_person.entry(t.person.as_str()).or_default().push((i, t));
                if !t.former {
                    holders
                        .entry(t.normalized.as_str())
                        .or_default()
                        .insert(t.person.as_str());
                }
            }
        }
        for (person, titles) in by_person {
            let mut conflict: Option<(usize, usize, String)> = None;
            'pairs: for (k, &(i, x)) in titles.iter().enumerate() {
                for &(j, y) in &titles[k + 1..] {
                    if a.claims[i].source == a.claims[j].source {
                        continue;
                    }
                    let why = if x.normalized == y.normalized {
                        (x.former != y.former).then(|| "one source calls the title former, another shows the person in office".to_string())
                    } else {
                        let (hx, hy) = (
                            x.normalized.rsplit(' ').next(),
                            y.normalized.rsplit(' ').next(),
                        );
                        let same_kind = hx == hy
                            && x.normalized.contains(' ')
                            && y.normalized.contains(' ')
                            && !x.former
                            && !y.former;
                        // Only a portfolio title ("trade representative") has one holder;
                        // "president" or "minister" alone has many.
                        let taken = |t: &TitleMention| {
                            t.normalized.contains(' ')
                                && holders
                                    .get(t.normalized.as_str())
                                    .is_some_and(|h| h.iter().any(|p| *p != person))
                        };
                        // A title that says less ("receiver", "secretary") never
                        // contradicts one that says more ("wide receiver", "treasury
                        // secretary") of the same person.
                        let (wx, wy): (
                            std::collections::BTreeSet<&str>,
                            std::collections::BTreeSet<&str>,
                        ) = (
                            x.normalized.split(' ').collect(),
                            y.normalized.split(' ').collect(),
                        );
                        let nested = (wx.is_subset(&wy) || wy.is_subset(&wx))
                            && wx
                                .symmetric_difference(&wy)
                                .all(|w| !RANKS.contains(w) && !w.ends_with("-elect"));
                        if nested {
                            None
                        } else if same_kind {
                            Some(format!(
                                "\"{}\" and \"{}\" are different offices of one kind",
                                x.normalized, y.normalized
                            ))
                        } else if !x.former && !y.former && (taken(x) || taken(y)) {
                            let (t, other) = if taken(x) { (x, y) } else { (y, x) };
                            let who: Vec<&str> = holders[t.normalized.as_str()]
                                .iter()
                                .filter(|p| **p != person)
                                .copied()
                                .collect();
                            Some(format!("\"{}\" is the title the sources give to {}; elsewhere this person is \"{}\"", t.normalized, who.join(", "), other.normalized))
                        } else {
                            None
                        }
                    };
                    if let Some(why) = why {
                        conflict = Some((i, j, why));
                        break 'pairs;
                    }
                }
            }
            let Some((i, j, why)) = conflict else {
                continue;
            };
            let (ci, cj) = (&a.claims[i], &a.claims[j]);
            let name = match &ci.value {
                Value::Title(t) => t.person_text.clone(),
                _ => person.to_string(),
            };
            let mut f = rule.finding(
                format!("{name}'s title"),
                format!(
                    "{} calls {name} \u{201c}{}\u{201d}; {} calls {name} \u{201c}{}\u{201d}",
                    a.story.sources[ci.source].id, ci.text, a.story.sources[cj.source].id, cj.text
                ),
            );
            f.note = Some(why);
            f.push_claim(a, i);
            f.push_claim(a, j);
            out.push(f);
        }
    }
}
