//! `stance-conflict`: one source asserts a link (an exchange, a condition) that another
//! denies.
//!
//! An assertion and a denial from different sources conflict when their scopes overlap:
//! at least `min-shared` scope words in common and an overlap of at least `min-overlap` of
//! the smaller scope. The finding lists the denial and every asserting source (its clearest
//! assertion: unhedged prose first), and its note states who speaks on each side, the
//! hedges, and what each side's scope covers that the other's does not. When only hedged
//! assertions meet the denial, the finding is a warning. A denial no other source
//! contradicts is compared with its own source's firm assertions: a source reporting both is
//! an `internal` warning, or `info` when its sentences date the denial before the
//! acknowledgement (a change of position).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

use super::{Check, Rule, Severity};
use crate::extract::stance::Stance;
use crate::extract::Value;
use crate::finding::Finding;
use crate::Analysis;

pub struct StanceConflict;

fn stance<'a>(a: &'a Analysis, i: usize) -> Option<&'a Stance> {
    match &a.claims[i].value {
        Value::Stance(s) => Some(s),
        _ => None,
    }
}

fn overlap(x: &[String], y: &[String]) -> (usize, f64) {
    let sx: BTreeSet<&String> = x.iter().collect();
    let sy: BTreeSet<&String> = y.iter().collect();
    let shared = sx.intersection(&sy).count();
    let smaller = sx.len().min(sy.len()).max(1);
    (shared, shared as f64 / smaller as f64)
}

/// One side of a stance conflict for the note: source, speaker and hedges. The words are
/// the finding's evidence; `quote` adds them (shortened) for a stance the evidence lacks.
fn side(a: &Analysis, i: usize, quote: bool) -> String {
    let c = &a.claims[i];
    let Some(s) = stance(a, i) else {
        return String::new();
    };
    let id = &a.story.sources[c.source].id;
    let who = s.speaker.as_deref().unwrap_or("the outlet itself");
    let hedged = if s.hedges.is_empty() {
        String::new()
    } else {
        format!(", hedged: {}", s.hedges.join(", "))
    };
    if !quote {
        return format!("{id} ({who}{hedged})");
    }
    let words: Vec<&str> = c.text.split_whitespace().collect();
    let shown = words[..words.len().min(QUOTED_WORDS)].join(" ");
    let more = if words.len() > QUOTED_WORDS {
        "…"
    } else {
        ""
    };
    format!("{id} ({who}{hedged}): \u{201c}{shown}{more}\u{201d}")
}

/// The asserting sides for the note, sources with one speaker and hedges together
/// ("bloomberg, asianfin (the outlet itself)"), the first `MAX_SHOWN` and a count.
fn grouped_sides(a: &Analysis, asserting: &[usize]) -> String {
    let mut groups: Vec<(String, Vec<&str>)> = Vec::new();
    for &i in asserting.iter().take(MAX_SHOWN) {
        let Some(s) = stance(a, i) else {
            continue;
        };
        let who = s.speaker.as_deref().unwrap_or("the outlet itself");
        let key = if s.hedges.is_empty() {
            who.to_string()
        } else {
            format!("{who}, hedged: {}", s.hedges.join(", "))
        };
        let id = a.story.sources[a.claims[i].source].id.as_str();
        match groups.iter_mut().find(|g| g.0 == key) {
            Some(g) if !g.1.contains(&id) => g.1.push(id),
            Some(_) => {}
            None => groups.push((key, vec![id])),
        }
    }
    let mut parts: Vec<String> = groups
        .iter()
        .map(|(key, ids)| format!("{} ({key})", ids.join(", ")))
        .collect();
    if asserting.len() > MAX_SHOWN {
        parts.push(format!("{} more", asserting.len() - MAX_SHOWN));
    }
    parts.join("; ")
}

/// A denial's best asserting stance in one source: unhedged, prose, words shared, and
/// the claim (its index last).
type Best = (bool, bool, usize, usize);

/// The denials of `matched` that deny one proposition, grouped: two denials whose best
/// asserting stances include one claim are about the same link (union–find through the
/// asserting claims, so linear in the matches); a draft's denials and the references'
/// are grouped apart. Groups in order of their first denial.
fn propositions(a: &Analysis, matched: &[(usize, BTreeMap<usize, Best>)]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..matched.len()).collect();
    // Keyed by the asserting claim and whether the denial is a draft's: a draft's denial
    // is weighed against the references on its own.
    let mut first: BTreeMap<(usize, bool), usize> = BTreeMap::new();
    for (k, (d, best)) in matched.iter().enumerate() {
        let draft = a.story.sources[a.claims[*d].source].role == crate::story::Role::Draft;
        for b in best.values() {
            match first.get(&(b.3, draft)) {
                Some(&o) => {
                    let (x, y) = (super::root(&mut parent, k), super::root(&mut parent, o));
                    if x != y {
                        parent[x.max(y)] = x.min(y);
                    }
                }
                None => {
                    first.insert((b.3, draft), k);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for k in 0..matched.len() {
        let r = super::root(&mut parent, k);
        groups.entry(r).or_default().push(k);
    }
    groups.into_values().collect()
}

/// Asserting sources shown in full in a finding (message, note, evidence); the rest are
/// counted.
const MAX_SHOWN: usize = 8;

/// Words of a stance quoted in a note, and scope words listed: a note stays a few lines.
const QUOTED_WORDS: usize = 10;
const LISTED_WORDS: usize = 6;

/// A list of words, the first few and a count of the rest.
fn listed(words: &[&str]) -> String {
    let shown = words[..words.len().min(LISTED_WORDS)].join(", ");
    if words.len() > LISTED_WORDS {
        format!("{shown} and {} more", words.len() - LISTED_WORDS)
    } else {
        shown
    }
}

/// The day a sentence tells of: its first single day, if any.
fn sentence_day(a: &Analysis, source: usize, sentence: usize) -> Option<chrono::NaiveDate> {
    a.claims
        .iter()
        .filter(|c| c.source == source && c.sentence == sentence)
        .find_map(|c| match &c.value {
            Value::Date(v) if v.end.is_none() && !v.day_assumed => v.date,
            _ => None,
        })
}

/// A source that reports a link denied and, itself, the link asserted firmly (no hedge)
/// where no other source asserts it: the source contradicts itself (`internal`), unless its
/// sentences date the denial before the assertion, which is a change of position (noted,
/// `info`).
fn own_turn(
    rule: &Rule,
    a: &Analysis,
    d: usize,
    stances: &[usize],
    min_shared: usize,
    min_overlap: f64,
) -> Option<Finding> {
    let ds = stance(a, d)?;
    let source = a.claims[d].source;
    let own = stances.iter().copied().find(|&i| {
        i != d
            && a.claims[i].source == source
            && stance(a, i).is_some_and(|s| {
                let (shared, ratio) = overlap(&s.scope, &ds.scope);
                s.asserted && s.hedges.is_empty() && shared >= min_shared && ratio >= min_overlap
            })
    })?;
    let id = &a.story.sources[source].id;
    let (denied_on, asserted_on) = (
        sentence_day(a, source, a.claims[d].sentence),
        sentence_day(a, source, a.claims[own].sentence),
    );
    let mut f = rule.finding(
        "whether the two are linked (an exchange or condition)",
        format!("{id} reports the link and its denial"),
    );
    f.kind = crate::finding::Kind::Internal;
    f.severity = Severity::Warning;
    let mut note = format!(
        "Asserted by {}; denied by {}.",
        side(a, own, false),
        side(a, d, false)
    );
    if let (Some(x), Some(y)) = (denied_on, asserted_on) {
        if x < y {
            f.severity = Severity::Info;
            let _ = write!(
                note,
                " The denial is dated {x} and the acknowledgement {y}: a change of position, not a contradiction."
            );
        }
    }
    f.note = Some(note);
    f.push_claim(a, own);
    f.push_claim(a, d);
    Some(f)
}

impl Check for StanceConflict {
    fn params(&self) -> &'static [super::params::Param] {
        use super::params::{count, fraction, Param};
        const PARAMS: &[Param] = &[
            count(
                "min-shared",
                0,
                "scope words two stances must share to be about one link",
            ),
            fraction(
                "min-overlap",
                "share of scope words two stances must have in common",
            ),
        ];
        PARAMS
    }

    fn run(&self, rule: &Rule, a: &Analysis, out: &mut Vec<Finding>) {
        let min_shared = rule.param_f64("min-shared", 3.0) as usize;
        let min_overlap = rule.param_f64("min-overlap", 0.3);
        let stances: Vec<usize> = (0..a.claims.len())
            .filter(|&i| stance(a, i).is_some())
            .collect();
        let denials: Vec<usize> = stances
            .iter()
            .copied()
            .filter(|&i| stance(a, i).is_some_and(|s| !s.asserted))
            .collect();
        // Each denial's best asserting stance per other source.
        // Asserting stances by scope, and each denial scope's overlaps with them, measured
        // once: many sources repeating one sentence cost one comparison.
        let mut scopes: Vec<(&[String], Vec<usize>)> = Vec::new();
        let mut scope_index: HashMap<&[String], usize> = HashMap::new();
        for &i in &stances {
            let Some(s) = stance(a, i).filter(|s| s.asserted) else {
                continue;
            };
            let k = *scope_index.entry(s.scope.as_slice()).or_insert_with(|| {
                scopes.push((s.scope.as_slice(), Vec::new()));
                scopes.len() - 1
            });
            scopes[k].1.push(i);
        }
        let mut hits_of: HashMap<&[String], Vec<(usize, usize)>> = HashMap::new();
        let mut matched: Vec<(usize, BTreeMap<usize, Best>)> = Vec::new();
        for d in denials {
            let Some(ds) = stance(a, d) else { continue };
            let hits = hits_of.entry(ds.scope.as_slice()).or_insert_with(|| {
                scopes
                    .iter()
                    .enumerate()
                    .filter_map(|(k, (scope, _))| {
                        let (shared, ratio) = overlap(scope, &ds.scope);
                        (shared >= min_shared && ratio >= min_overlap).then_some((k, shared))
                    })
                    .collect()
            });
            let mut best: BTreeMap<usize, Best> = BTreeMap::new();
            for &(k, shared) in hits.iter() {
                for &i in &scopes[k].1 {
                    let Some(s) = stance(a, i) else { continue };
                    if a.claims[i].source == a.claims[d].source {
                        continue;
                    }
                    // Per source: unhedged prose first, then the widest overlap, then the
                    // first in text order.
                    let key = (s.hedges.is_empty(), s.prose, shared, i);
                    let entry = best.entry(a.claims[i].source).or_insert(key);
                    if (key.0, key.1, key.2, std::cmp::Reverse(key.3))
                        > (entry.0, entry.1, entry.2, std::cmp::Reverse(entry.3))
                    {
                        *entry = key;
                    }
                }
            }
            if best.is_empty() {
                if let Some(f) = own_turn(rule, a, d, &stances, min_shared, min_overlap) {
                    out.push(f);
                }
                continue;
            }
            matched.push((d, best));
        }
        // One finding per proposition: denials that meet one asserting stance deny one
        // link, whichever sources print them.
        for group in propositions(a, &matched) {
            let deniers: Vec<usize> = {
                let mut seen = BTreeSet::new();
                group
                    .iter()
                    .map(|&k| matched[k].0)
                    .filter(|&d| seen.insert(a.claims[d].source))
                    .collect()
            };
            let denier_sources: BTreeSet<usize> =
                deniers.iter().map(|&d| a.claims[d].source).collect();
            let mut best: BTreeMap<usize, Best> = BTreeMap::new();
            for &k in &group {
                for (&source, b) in &matched[k].1 {
                    if denier_sources.contains(&source) {
                        continue;
                    }
                    let entry = best.entry(source).or_insert(*b);
                    if (b.0, b.1, b.2) > (entry.0, entry.1, entry.2) {
                        *entry = *b;
                    }
                }
            }
            if best.is_empty() {
                continue;
            }
            let d = deniers[0];
            let Some(ds) = stance(a, d) else { continue };
            let asserting: Vec<usize> = best.values().map(|v| v.3).collect();
            let any_firm = asserting
                .iter()
                .any(|&i| stance(a, i).is_some_and(|s| s.hedges.is_empty()));
            let denier = super::source_ids(a, denier_sources.iter(), MAX_SHOWN);
            // The first few sources of each side in full, the rest counted: a finding
            // grows with the story's facts, not with its sources.
            let asserting_sources: Vec<usize> = best.keys().copied().collect();
            let mut f = rule.finding(
                "whether the two are linked (an exchange or condition)",
                format!(
                    "{} report{} a link that {denier} report{} denied",
                    super::source_ids(a, asserting_sources.iter(), MAX_SHOWN),
                    if asserting.len() == 1 { "s" } else { "" },
                    if deniers.len() == 1 { "s" } else { "" }
                ),
            );
            if !any_firm {
                f.severity = Severity::Warning;
            }
            // Scope: what each side covers.
            let assert_scope: BTreeSet<&String> = asserting
                .iter()
                .filter_map(|&i| stance(a, i))
                .flat_map(|s| s.scope.iter())
                .collect();
            let deny_scope: BTreeSet<&String> = ds.scope.iter().collect();
            let shared: Vec<&str> = assert_scope
                .intersection(&deny_scope)
                .map(|s| s.as_str())
                .collect();
            // What only the denial names, leaving out its cue and the people it names.
            let cue: BTreeSet<String> =
                crate::extract::stance::scope_words(&ds.cue, &a.lexicons.stance)
                    .into_iter()
                    .collect();
            let names: BTreeSet<String> = ds
                .speaker
                .iter()
                .flat_map(|n| n.split_whitespace().map(str::to_lowercase))
                .collect();
            let only_deny: Vec<&str> = deny_scope
                .difference(&assert_scope)
                .map(|s| s.as_str())
                .filter(|w| !cue.contains(*w) && !names.contains(*w))
                .take(8)
                .collect();
            let mut seen_own = BTreeSet::new();
            let own: Vec<String> = stances
                .iter()
                .filter(|&&i| i != d && a.claims[i].source == a.claims[d].source)
                .filter(|&&i| {
                    stance(a, i).is_some_and(|s| {
                        s.asserted && overlap(&s.scope, &ds.scope).1 >= min_overlap
                    })
                })
                .filter(|&&i| {
                    seen_own.insert(
                        stance(a, i)
                            .map(|s| s.scope.clone())
                            .unwrap_or_default()
                            .into_iter()
                            .take(6)
                            .collect::<Vec<_>>(),
                    )
                })
                .map(|&i| side(a, i, true))
                .collect();
            // A few short lines: who denies, who asserts (sources grouped by speaker and
            // hedges), the words both sides share and those only the denial has.
            let mut note = format!(
                "denied by {}\nasserted by {}\nboth sides: {}",
                if deniers.len() == 1 {
                    side(a, d, false)
                } else {
                    grouped_sides(a, &deniers)
                },
                grouped_sides(a, &asserting),
                listed(&shared)
            );
            if !only_deny.is_empty() {
                let _ = write!(
                    note,
                    "\nonly the denial: {} (check it is the same exchange)",
                    listed(&only_deny)
                );
            }
            if !own.is_empty() {
                let _ = write!(
                    note,
                    "\nthe denying source also reports a link: {}",
                    own.join("; ")
                );
            }
            f.note = Some(note);
            for &i in asserting.iter().take(MAX_SHOWN) {
                f.push_claim(a, i);
            }
            for &d in deniers.iter().take(MAX_SHOWN) {
                f.push_claim(a, d);
            }
            out.push(f);
        }
    }
}
