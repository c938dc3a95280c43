//! `role-conflict`: one person given incompatible titles.
//!
//! Titles are compared in their normalised form (equivalent wordings meet). Two titles of
//! one person conflict when they name the same kind of office with different portfolios
//! ("Defence Minister" and "Foreign Minister"), when one source calls "former" what another
//! shows in office, or when a title one source gives the person is the one the sources give
//! to someone else ("Trade Representative" for a person others call the economic adviser,
//! while they name another Trade Representative). Each person's conflicting titles make one
//! finding with every source's words; two people whose titles the sources swap make one.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{Check, Rule};
use crate::extract::entity::TitleMention;
use crate::extract::Value;
use crate::finding::Finding;
use crate::Analysis;

pub struct RoleConflict;

/// A person's conflicting pairs of titles (claim, claim, why), and the other people the
/// sources give one of those titles.
/// A person's conflicts: the claims in some conflicting pair, the reasons in the order
/// the pairs first give them, and the other people whose title the person is given.
type Conflicts<'a> = (BTreeSet<usize>, Vec<String>, BTreeSet<&'a str>);

/// Whether two titles conflict: why, and the other people who hold the title.
type Verdict<'a> = Option<(String, Vec<&'a str>)>;

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
        // Per person: every conflicting pair (claim, claim, why), and the other people whose
        // title this person is given.
        let mut conflicts: BTreeMap<&str, Conflicts> = BTreeMap::new();
        for (person, titles) in &by_person {
            // Mentions alike in every field are one class: each pair of classes is judged
            // once, however many sources repeat a title.
            let mut class_of: HashMap<(&str, &str, &str, bool), usize> = HashMap::new();
            let class: Vec<usize> = titles
                .iter()
                .map(|(_, t)| {
                    let next = class_of.len();
                    *class_of
                        .entry((&t.person_text, &t.title, &t.normalized, t.former))
                        .or_insert(next)
                })
                .collect();
            let mut judged: HashMap<(usize, usize), Verdict> = HashMap::new();
            for (k, &(i, x)) in titles.iter().enumerate() {
                for (l, &(j, y)) in titles.iter().enumerate().skip(k + 1) {
                    if a.claims[i].source == a.claims[j].source {
                        continue;
                    }
                    let verdict = judged
                        .entry((class[k], class[l]))
                        .or_insert_with(|| conflict(person, x, y, &holders, &a.lexicons.entity));
                    if let Some((why, others)) = verdict {
                        let entry = conflicts.entry(person).or_default();
                        entry.0.extend([i, j]);
                        if !entry.1.contains(why) {
                            entry.1.push(why.clone());
                        }
                        entry.2.extend(others.iter().copied());
                    }
                }
            }
        }
        let mut done: BTreeSet<&str> = BTreeSet::new();
        for (person, (_, _, others)) in &conflicts {
            if done.contains(person) {
                continue;
            }
            // Two people whose titles the sources swap: one finding for both.
            let swapped: Vec<&str> = others
                .iter()
                .copied()
                .filter(|o| conflicts.get(o).is_some_and(|c| c.2.contains(person)))
                .collect();
            let mut people = vec![*person];
            people.extend(swapped.iter().copied());
            let mut claims: Vec<usize> = Vec::new();
            let mut reasons: Vec<String> = Vec::new();
            for p in &people {
                done.insert(p);
                claims.extend(conflicts[p].0.iter().copied());
                for why in &conflicts[p].1 {
                    if !reasons.contains(why) {
                        reasons.push(why.clone());
                    }
                }
            }
            claims.sort_unstable();
            claims.dedup();
            let name_of = |p: &str| {
                by_person[p]
                    .first()
                    .map_or_else(|| p.to_string(), |(_, t)| t.person_text.clone())
            };
            let names: Vec<String> = people.iter().map(|p| name_of(p)).collect();
            // Each title once (as its first source writes it), with the sources that give
            // it; the title fewest sources give (the odd one out) first.
            // A former holder's title is not the holder's: "Former Gov" and "Gov" are two.
            let mut said: BTreeMap<(String, String, bool), (String, BTreeSet<&str>)> =
                BTreeMap::new();
            for &c in &claims {
                if let Value::Title(t) = &a.claims[c].value {
                    said.entry((t.person_text.clone(), t.normalized.clone(), t.former))
                        .or_insert_with(|| (a.claims[c].text.trim().to_string(), BTreeSet::new()))
                        .1
                        .insert(a.story.sources[a.claims[c].source].id.as_str());
                }
            }
            let mut said: Vec<_> = said.into_iter().collect();
            said.sort_by_key(|(key, (_, ids))| (ids.len(), key.clone()));
            let parts: Vec<String> = said
                .iter()
                .map(|((who, _, _), (title, ids))| {
                    let ids: Vec<&str> = ids.iter().copied().collect();
                    format!(
                        "{} call{} {who} \u{201c}{title}\u{201d}",
                        ids.join(", "),
                        if ids.len() == 1 { "s" } else { "" }
                    )
                })
                .collect();
            let subject = if names.len() > 1 {
                format!("{}'s titles", names.join(" and "))
            } else {
                format!("{}'s title", names[0])
            };
            let mut f = rule.finding(subject, parts.join("; "));
            // Two former offices may both have been held: a warning, not an error.
            let past = |c: usize| matches!(&a.claims[c].value, Value::Title(t) if t.former);
            if people
                .iter()
                .flat_map(|p| conflicts[p].0.iter())
                .all(|&c| past(c))
            {
                f.severity = super::Severity::Warning;
            }
            f.note = Some(if names.len() > 1 {
                format!(
                    "the sources swap the titles of {}: {}",
                    names.join(" and "),
                    reasons.first().map_or("", String::as_str)
                )
            } else {
                reasons.join("; ")
            });
            for c in claims {
                f.push_claim(a, c);
            }
            out.push(f);
        }
    }
}

/// A title with an owner ("senator clara oduya's campaign manager"): the owner and the
/// office.
fn owned(title: &str) -> Option<(&str, &str)> {
    let (owner, office) = title
        .split_once("'s ")
        .or_else(|| title.split_once("’s "))?;
    (!owner.is_empty() && !office.is_empty()).then_some((owner, office))
}

/// Why two titles of one person cannot both hold, and the other people whose title is one of
/// them; `None` when they can.
fn conflict<'a>(
    person: &str,
    x: &TitleMention,
    y: &TitleMention,
    holders: &BTreeMap<&str, BTreeSet<&'a str>>,
    lex: &crate::extract::entity::Lexicon,
) -> Option<(String, Vec<&'a str>)> {
    // One office held for two different owners ("Oduya's campaign manager", "Rell's
    // campaign manager"): whose office it is conflicts, former or not.
    if let (Some((ox, tx)), Some((oy, ty))) = (owned(&x.normalized), owned(&y.normalized)) {
        let (nx, ny): (BTreeSet<&str>, BTreeSet<&str>) = (
            ox.split(' ').filter(|w| !lex.is_office(w)).collect(),
            oy.split(' ').filter(|w| !lex.is_office(w)).collect(),
        );
        if tx == ty && !nx.is_empty() && !ny.is_empty() && nx.is_disjoint(&ny) {
            return Some((
                format!("\"{tx}\" of {ox} in one source, of {oy} in another"),
                Vec::new(),
            ));
        }
    }
    if x.normalized == y.normalized {
        return (x.former != y.former).then(|| {
            (
                "one source calls the title former, another shows the person in office".to_string(),
                Vec::new(),
            )
        });
    }
    let (hx, hy) = (
        x.normalized.rsplit(' ').next(),
        y.normalized.rsplit(' ').next(),
    );
    let same_kind = hx == hy
        && x.normalized.contains(' ')
        && y.normalized.contains(' ')
        && !x.former
        && !y.former;
    // Only a portfolio title ("trade representative") has one holder; "president" or
    // "minister" alone has many.
    let taken = |t: &TitleMention| {
        t.normalized.contains(' ')
            && holders
                .get(t.normalized.as_str())
                .is_some_and(|h| h.iter().any(|p| *p != person))
    };
    // A title that says less ("receiver", "secretary") never contradicts one that says more
    // ("wide receiver", "treasury secretary") of the same person.
    let (wx, wy): (BTreeSet<&str>, BTreeSet<&str>) = (
        x.normalized.split(' ').collect(),
        y.normalized.split(' ').collect(),
    );
    let nested = (wx.is_subset(&wy) || wy.is_subset(&wx))
        && wx
            .symmetric_difference(&wy)
            .all(|w| !RANKS.contains(w) && !w.ends_with("-elect"));
    // Two rungs of one ladder of rank ("Bishop", "Archbishop"; "Sgt.", "Lt.").
    let rungs = match (hx, hy) {
        (Some(a), Some(b)) => lex.other_rung(a, b) && !x.former && !y.former,
        _ => false,
    };
    if nested {
        None
    } else if rungs {
        Some((
            format!(
                "\"{}\" and \"{}\" are different ranks of one hierarchy",
                x.normalized, y.normalized
            ),
            Vec::new(),
        ))
    } else if same_kind {
        // The others the sources give either office (a swap of two people's titles).
        let others: Vec<&'a str> = [x, y]
            .iter()
            .filter_map(|t| holders.get(t.normalized.as_str()))
            .flatten()
            .filter(|p| **p != person)
            .copied()
            .collect();
        Some((
            format!(
                "\"{}\" and \"{}\" are different offices of one kind",
                x.normalized, y.normalized
            ),
            others,
        ))
    } else if !x.former && !y.former && (taken(x) || taken(y)) {
        let (t, other) = if taken(x) { (x, y) } else { (y, x) };
        let who: Vec<&'a str> = holders[t.normalized.as_str()]
            .iter()
            .filter(|p| **p != person)
            .copied()
            .collect();
        Some((
            format!(
                "\"{}\" is the title the sources give to {}; elsewhere this person is \"{}\"",
                t.normalized,
                who.join(", "),
                other.normalized
            ),
            who,
        ))
    } else {
        None
    }
}
