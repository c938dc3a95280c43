//! `date-conflict`: the same event dated differently by different sources.
//!
//! Dates are grouped by event: the verb class nearest the date (`begin`, `end`, `call`…,
//! from `rules/lexicon/events.toml`) is the blocking key, and two dates of one class belong
//! to the same event when their sentences share a noun class ("talks" ≈ "meeting" ≈
//! "negotiations") or, when neither names one, a proper name. Only single days and
//! weekdays are compared; an unanchored weekday compares by weekday ("Monday" can never
//! be a Tuesday's date).

use std::collections::{BTreeMap, BTreeSet};

use super::spec::Severity;
use super::{Check, Rule};
use crate::extract::time::DateValue;
use crate::extract::{Claim, Value};
use crate::finding::Finding;
use crate::Analysis;

use super::places::{claim_places, describe_places, overlap, Places};

pub struct DateConflict;

/// The date value of a claim that names an event and a comparable day.
pub fn event_date(c: &Claim) -> Option<&DateValue> {
    match &c.value {
        Value::Date(v) if v.event.is_some() && v.comparable() && !c.copied => Some(v),
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
///
/// The components are exactly those of linking every pair that [`same_event`] accepts,
/// computed without comparing every pair: within a verb class, claims sharing a noun
/// class form one block, and claims sharing a pair of names another; each block is linked
/// in one pass (see [`link_block`]). A thousand sources dating one meeting cost a thousand
/// steps, not half a million comparisons.
pub fn clusters(a: &Analysis, across: bool) -> Vec<Vec<usize>> {
    let mut members: Vec<usize> = Vec::new();
    let mut blocks: BTreeMap<(&str, Topic<'_>), Vec<usize>> = BTreeMap::new();
    for (i, c) in a.claims.iter().enumerate() {
        let Some(v) = event_date(c) else { continue };
        members.push(i);
        let event = v.event.as_deref().unwrap_or("");
        let names = topics(v, false);
        for n in topics(v, true) {
            blocks.entry((event, Topic::Noun(n))).or_default().push(i);
        }
        for (k, x) in names.iter().enumerate() {
            for y in &names[k + 1..] {
                let pair = if x <= y { (*x, *y) } else { (*y, *x) };
                blocks
                    .entry((event, Topic::Names(pair.0, pair.1)))
                    .or_default()
                    .push(i);
            }
        }
    }
    let mut parent: Vec<usize> = (0..a.claims.len()).collect();
    for ((_, topic), block) in &blocks {
        let item = |i: usize| {
            let c = &a.claims[i];
            let has_nouns = event_date(c).is_some_and(|v| !topics(v, true).is_empty());
            (c.source, has_nouns)
        };
        let items: Vec<Member> = block
            .iter()
            .map(|&i| {
                let (s, n) = item(i);
                (i, s, n)
            })
            .collect();
        link_block(&items, matches!(topic, Topic::Noun(_)), across, &mut parent);
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &i in &members {
        let r = super::root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    groups.into_values().filter(|g| g.len() > 1).collect()
}

/// A block member: claim index, source index, whether it names a noun class.
type Member = (usize, usize, bool);

/// What a block of dated claims shares: a noun class, or two names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Topic<'a> {
    Noun(&'a String),
    Names(&'a String, &'a String),
}

/// Links one block's claims `(claim, source, has noun classes)` as [`same_event`] would,
/// in one pass. In a noun block every member has that noun, so any two are one event; in a
/// block of two shared names, two claims are one event when at least one of them names no
/// noun class (`L` below). `across` allows links only between sources, otherwise only
/// within one. Every union made is a link `same_event` accepts, and every such link ends up
/// inside one component.
fn link_block(items: &[Member], nouns: bool, across: bool, parent: &mut [usize]) {
    let mut union = |x: usize, y: usize| {
        let (rx, ry) = (super::root(parent, x), super::root(parent, y));
        parent[rx.max(ry)] = rx.min(ry);
    };
    let in_l = |it: &Member| nouns || !it.2;
    if !across {
        // Same source only: each source's part of the block is linked to one member of
        // `L` of that source (in a noun block, every member is in `L`).
        let mut anchor: BTreeMap<usize, usize> = BTreeMap::new();
        for it in items.iter().filter(|it| in_l(it)) {
            anchor.entry(it.1).or_insert(it.0);
        }
        for it in items {
            if let Some(&l) = anchor.get(&it.1) {
                if l != it.0 {
                    union(l, it.0);
                }
            }
        }
        return;
    }
    let Some(l1) = items.iter().find(|it| in_l(it)) else {
        return;
    };
    let l2 = items.iter().find(|it| in_l(it) && it.1 != l1.1);
    let o1 = items.iter().find(|it| it.1 != l1.1);
    for it in items {
        if it.1 != l1.1 {
            union(it.0, l1.0);
        } else if in_l(it) {
            if let Some(o) = o1 {
                union(it.0, o.0);
            }
        } else if let Some(l) = l2 {
            union(it.0, l.0);
        }
    }
}

/// Representative pairs of claims across classes of one place and one date (each class's
/// first claim, and its first of another source), so that a property of pairs that depends
/// only on sources, places and dates is checked per pair of classes.
fn class_pairs(
    a: &Analysis,
    members: &[usize],
    kind: &BTreeMap<usize, usize>,
) -> Vec<(usize, usize)> {
    // Per class: up to two claims of different sources.
    let mut classes: BTreeMap<(usize, &str), Vec<usize>> = BTreeMap::new();
    for &m in members {
        let reps = classes
            .entry((kind[&m], a.claims[m].normalized.as_str()))
            .or_default();
        if reps.len() < 2
            && reps
                .iter()
                .all(|&r| a.claims[r].source != a.claims[m].source)
        {
            reps.push(m);
        }
    }
    let reps: Vec<&Vec<usize>> = classes.values().collect();
    let mut out = Vec::new();
    for (i, x) in reps.iter().enumerate() {
        for y in &reps[i + 1..] {
            for &p in *x {
                for &q in *y {
                    out.push((p, q));
                }
            }
        }
    }
    out
}

/// The claims of `members` in some class that a claim of another class contradicts.
fn in_conflict(
    a: &Analysis,
    members: &[usize],
    kind: &BTreeMap<usize, usize>,
    contradict: &dyn Fn(usize, usize) -> bool,
) -> Vec<usize> {
    let class = |m: usize| (kind[&m], a.claims[m].normalized.as_str());
    let hit: BTreeSet<(usize, &str)> = class_pairs(a, members, kind)
        .into_iter()
        .filter(|&(x, y)| contradict(x, y))
        .flat_map(|(x, y)| [class(x), class(y)])
        .collect();
    members
        .iter()
        .copied()
        .filter(|&m| hit.contains(&class(m)))
        .collect()
}

/// How a claim's date reads in a message: "2025-06-09 (Monday)" or "Monday".
pub fn describe(v: &DateValue, normalized: &str) -> String {
    match v.date {
        Some(d) if v.is_month() => format!("{} ({})", d.format("%Y-%m"), d.format("%B %Y")),
        Some(d) => format!("{} ({})", d.format("%Y-%m-%d"), d.format("%A")),
        None => normalized.to_string(),
    }
}

impl Check for DateConflict {
    fn run(&self, rule: &Rule, a: &Analysis, out: &mut Vec<Finding>) {
        for group in clusters(a, true) {
            // Where each date applies: two dates of places that do not overlap ("in North
            // America on April 9", "in Europe from April 8") are two events.
            // Places are compared once per pair of distinct places, not per pair of claims:
            // a thousand sources dating one event name a handful of places.
            let mut kinds: Vec<Places> = Vec::new();
            let kind: BTreeMap<usize, usize> = group
                .iter()
                .map(|&m| {
                    let p = claim_places(a, &a.claims[m]);
                    let k = kinds.iter().position(|q| *q == p).unwrap_or_else(|| {
                        kinds.push(p);
                        kinds.len() - 1
                    });
                    (m, k)
                })
                .collect();
            let meets_kind: Vec<Vec<bool>> = kinds
                .iter()
                .map(|x| kinds.iter().map(|y| overlap(a, x, y, true)).collect())
                .collect();
            let places: BTreeMap<usize, &Places> =
                kind.iter().map(|(&m, &k)| (m, &kinds[k])).collect();
            let meets = |x: usize, y: usize| meets_kind[kind[&x]][kind[&y]];
            // One claim per source and place (the first in text order); every claim of a
            // draft, so each of its dates is weighed against the references.
            let mut slots: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
            let mut drafts: Vec<usize> = Vec::new();
            // A source's day is preferred to its month ("in June … on June 9").
            let is_day = |m: usize| event_date(&a.claims[m]).is_some_and(DateValue::is_day);
            for &m in &group {
                if a.story.sources[a.claims[m].source].role == crate::story::Role::Draft {
                    drafts.push(m);
                    continue;
                }
                // A second claim of a source counts only for a place of its own, named
                // ("in Europe"), not for one its clause leaves unsaid.
                let unnamed = *places[&m] == Places::Unnamed;
                let slot = slots.entry(a.claims[m].source).or_default();
                let same = slot.iter_mut().find(|e| unnamed || kind[*e] == kind[&m]);
                match same {
                    Some(e) if !is_day(*e) && is_day(m) => *e = m,
                    Some(_) => {}
                    None => slot.push(m),
                }
            }
            let mut members: Vec<usize> = slots.into_values().flatten().collect();
            // A draft date is weighed against the references' majority: it departs when
            // the references that contradict it outweigh those that agree, a reference
            // that dates this event two ways itself counting half. A draft that follows a
            // minority of the references is a warning, not an error.
            let weight = |m: usize| {
                let c = &a.claims[m];
                let own = event_date(c);
                let torn = group.iter().any(|&o| {
                    o != m
                        && a.claims[o].source == c.source
                        && meets(o, m)
                        && matches!((event_date(&a.claims[o]), own), (Some(x), Some(y)) if x.contradicts(y))
                });
                if torn {
                    1
                } else {
                    2
                }
            };
            let refs: Vec<(usize, &DateValue, u32)> = members
                .iter()
                .filter_map(|&m| Some((m, event_date(&a.claims[m])?, weight(m))))
                .collect();
            let mut follows_minority = false;
            members.extend(drafts.into_iter().filter(|&m| {
                let Some(v) = event_date(&a.claims[m]) else {
                    return false;
                };
                let (against, agree): (Vec<&(usize, &DateValue, u32)>, Vec<_>) = refs
                    .iter()
                    .filter(|(r, ..)| meets(*r, m))
                    .partition(|(_, r, _)| r.contradicts(v));
                let against: u32 = against.iter().map(|(.., w)| w).sum();
                let agree: u32 = agree.iter().map(|(.., w)| w).sum();
                follows_minority |= agree > 0 && against > agree;
                against > agree
            }));
            members.sort_unstable();
            // Pairs of different sources, about overlapping places, that disagree: found
            // between classes of one place and one date, not between claims.
            let contradict = |x: usize, y: usize| {
                a.claims[x].source != a.claims[y].source
                    && meets(x, y)
                    && matches!((event_date(&a.claims[x]), event_date(&a.claims[y])),
                        (Some(p), Some(q)) if p.contradicts(q))
            };
            let conflicted = in_conflict(a, &members, &kind, &contradict);
            if conflicted.is_empty() {
                continue;
            }
            // The claims shown: those about places every conflicting claim covers (all of
            // them, when no place is named), else the conflicting claims alone.
            let conflict_kinds: BTreeSet<usize> = conflicted.iter().map(|m| kind[m]).collect();
            let covering: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&m| conflict_kinds.iter().all(|&k| meets_kind[kind[&m]][k]))
                .collect();
            let members = if in_conflict(a, &covering, &kind, &contradict).is_empty() {
                conflicted
            } else {
                covering
            };
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
            let message = lead_with_majority(&by_value);
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
            let named: Vec<String> = members
                .iter()
                .filter_map(|&m| {
                    let place = describe_places(places[&m])?;
                    Some(format!(
                        "{} {place}",
                        a.story.sources[a.claims[m].source].id
                    ))
                })
                .collect();
            // Places are noted where they decided something: a date of the group left out
            // for a place that does not overlap, or everywhere against one place.
            let apart = meets_kind.iter().flatten().any(|m| !m);
            let wide = members
                .iter()
                .any(|&m| matches!(places[&m], Places::Everywhere | Places::Except(_)));
            if !named.is_empty() && (apart || wide) {
                notes.push(format!("places: {}", named.join(", ")));
            }
            // Two dates of one named place, or two told with no place, disagree outright.
            // A date told for the whole world (or with no place) against a place another
            // source names is a generalisation that does not hold there: a warning.
            let firm = |x: usize, y: usize| {
                matches!(
                    (places[&x], places[&y]),
                    (Places::Only(_), Places::Only(_)) | (Places::Unnamed, Places::Unnamed)
                )
            };
            let only_loose = !class_pairs(a, &members, &kind)
                .into_iter()
                .any(|(x, y)| contradict(x, y) && firm(x, y));
            if only_loose {
                f.severity = Severity::Warning;
                notes.push(
                    "a date given for everywhere, or for no place, against a place another source names"
                        .into(),
                );
            }
            if follows_minority {
                f.severity = Severity::Warning;
                notes.push("the draft follows a minority of the references".into());
            }
            if !notes.is_empty() {
                f.note = Some(notes.join("\n"));
            }
            out.push(f);
        }
    }
}

/// The dates of a finding, one part per value: when more sources give one date than any
/// other, it comes first with its count ("3 sources (a, b, c) say 2025-06-09; d says
/// 2025-06-10"), else each value in order ("a says …; b and c say …").
fn lead_with_majority(by_value: &BTreeMap<String, Vec<&str>>) -> String {
    let mut groups: Vec<(&String, Vec<&str>)> = by_value
        .iter()
        .map(|(v, ids)| {
            let mut ids = ids.clone();
            ids.dedup();
            (v, ids)
        })
        .collect();
    let most = groups.iter().map(|g| g.1.len()).max().unwrap_or(0);
    let leader = (most >= 2 && groups.iter().filter(|g| g.1.len() == most).count() == 1)
        .then(|| groups.iter().position(|g| g.1.len() == most))
        .flatten();
    let mut parts = Vec::new();
    if let Some(i) = leader {
        let (v, ids) = groups.remove(i);
        parts.push(format!(
            "{} sources ({}) say {v}",
            ids.len(),
            super::bounded_names(&ids, super::NAMES_SHOWN)
        ));
    }
    parts.extend(groups.iter().map(|(v, ids)| {
        format!(
            "{} {} {v}",
            if ids.len() > super::NAMES_SHOWN {
                super::bounded_names(ids, super::NAMES_SHOWN)
            } else {
                ids.join(" and ")
            },
            if ids.len() > 1 { "say" } else { "says" }
        )
    }));
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The blocked linking gives the same components as comparing every pair.
    #[test]
    fn blocked_links_equal_all_pairs() {
        let words: Vec<String> = ["n:talks", "n:vote", "n:deal", "ana", "bo", "cy", "di"]
            .iter()
            .map(ToString::to_string)
            .collect();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for round in 0..300 {
            let n = 2 + (next() % 12) as usize;
            let items: Vec<(usize, Vec<&String>)> = (0..n)
                .map(|_| {
                    let source = (next() % 4) as usize;
                    let mask = next();
                    let topics = words
                        .iter()
                        .enumerate()
                        .filter(|(k, _)| mask >> k & 1 == 1 && next() % 3 > 0)
                        .map(|(_, w)| w)
                        .collect();
                    (source, topics)
                })
                .collect();
            let nouns = |t: &[&String], want: bool| -> Vec<String> {
                t.iter()
                    .filter(|w| w.starts_with("n:") == want)
                    .map(|w| (*w).clone())
                    .collect()
            };
            for across in [true, false] {
                // All pairs, as `same_event` decides.
                let mut brute: Vec<usize> = (0..n).collect();
                for i in 0..n {
                    for j in i + 1..n {
                        if (items[i].0 != items[j].0) != across {
                            continue;
                        }
                        let v = |k: usize| DateValue {
                            event: Some("begin".into()),
                            topics: items[k].1.iter().map(|w| (*w).clone()).collect(),
                            ..DateValue::default()
                        };
                        if same_event(&v(i), &v(j)) {
                            let (ri, rj) = (
                                super::super::root(&mut brute, i),
                                super::super::root(&mut brute, j),
                            );
                            brute[ri.max(rj)] = ri.min(rj);
                        }
                    }
                }
                // Blocks, as `clusters` forms them.
                let mut blocks: BTreeMap<(bool, String), Vec<Member>> = BTreeMap::new();
                for (k, (source, t)) in items.iter().enumerate() {
                    let (ns, ms) = (nouns(t, true), nouns(t, false));
                    for w in &ns {
                        blocks
                            .entry((true, w.clone()))
                            .or_default()
                            .push((k, *source, true));
                    }
                    for (x, a) in ms.iter().enumerate() {
                        for b in &ms[x + 1..] {
                            blocks
                                .entry((false, format!("{a}+{b}")))
                                .or_default()
                                .push((k, *source, !ns.is_empty()));
                        }
                    }
                }
                let mut fast: Vec<usize> = (0..n).collect();
                for ((is_noun, _), block) in &blocks {
                    link_block(block, *is_noun, across, &mut fast);
                }
                for i in 0..n {
                    for j in 0..n {
                        let same_b =
                            super::super::root(&mut brute, i) == super::super::root(&mut brute, j);
                        let same_f =
                            super::super::root(&mut fast, i) == super::super::root(&mut fast, j);
                        assert_eq!(
                            same_b, same_f,
                            "round {round}, across {across}, {i}–{j}: {items:?}"
                        );
                    }
                }
            }
        }
    }
}
