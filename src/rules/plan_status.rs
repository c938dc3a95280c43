//! `plan-status`: one source says a plan goes ahead, another that it is delayed or called
//! off ("pre-orders outside the U.S. will proceed as planned"; "pre-orders in Canada will be
//! delayed").
//!
//! A statement is a clause holding one phrase of `proceeds` or of `halts`
//! (`rules/lexicon/stance.toml`), turned over by a negation before it in the clause, and
//! left out when the clause holds both, is a question, a condition ("even if") or a
//! possibility ("could be delayed"). Its topic is the clause's lower-case words of substance;
//! its places are those the clause names (else its sentence), read as a region's countries,
//! everywhere ("around the world"), or everywhere but a place ("outside the U.S."). Two
//! statements of different sources meet when they share a word of topic and their places
//! overlap (two statements that name no place meet; one that names none and one that does
//! do not: the unnamed one may be about another market).

use std::collections::{BTreeMap, BTreeSet};

use regex::Regex;

use super::{Check, Rule};
use crate::finding::{evidence, Finding};
use crate::text::Slice;
use crate::Analysis;

use super::places::{overlap, places_of, Places};

pub struct PlanStatus;

/// Sources shown in full per side of a finding; the rest are counted in its message.
const MAX_SHOWN: usize = 8;

/// One clause saying a plan goes ahead (`go`) or not.
#[derive(Debug)]
struct Statement {
    source: usize,
    sentence: usize,
    span: crate::story::Span,
    clause: String,
    go: bool,
    /// Stems of what the plan is, with the words as written.
    topic: BTreeMap<String, String>,
    places: Places,
}

/// Words that make a clause a possibility or a condition, not a report.
const UNCERTAIN: &[&str] = &[
    "if", "could", "might", "may", "whether", "unless", "possibly", "risk",
];
const NEGATIONS: &[&str] = &[
    "not", "no", "never", "won't", "wont", "isn't", "aren't", "wasn't", "weren't", "didn't",
    "doesn't", "don't", "hasn't", "haven't", "cannot", "can't",
];

/// The first match of any of `res` in `text`.
fn first(res: &[Regex], text: &str) -> Option<(usize, usize)> {
    res.iter()
        .filter_map(|r| r.find(text))
        .map(|m| (m.start(), m.end()))
        .min()
}

/// Lower-case words of substance of a clause (a sentence's first word too, when only its
/// first letter is a capital), stemmed: what the plan is, each stem with its word as
/// written.
fn topic(
    a: &Analysis,
    clause: &str,
    cue: (usize, usize),
    opens_sentence: bool,
) -> BTreeMap<String, String> {
    let lex = &a.lexicons.stance;
    crate::words::tokens(clause)
        .into_iter()
        .filter(|&(s, e)| e <= cue.0 || s >= cue.1)
        .enumerate()
        .map(|(k, (s, e))| (k, clause.slice(s..e)))
        .filter(|(k, w)| {
            w.chars().next().is_some_and(char::is_lowercase)
                || (*k == 0 && opens_sentence && w.chars().skip(1).all(|c| !c.is_uppercase()))
        })
        .map(|(_, w)| w.to_lowercase())
        .filter(|w| {
            w.chars().count() >= 4
                && !crate::words::is_stop(w)
                && !NEGATIONS.contains(&w.as_str())
                && crate::extract::time::month_word(w).is_none()
                && crate::extract::time::weekday_word(w).is_none()
                && !lex
                    .proceeds_re
                    .iter()
                    .chain(&lex.halts_re)
                    .any(|r| r.is_match(w))
        })
        .map(|w| (crate::words::stem(&w), w))
        .collect()
}

/// The clauses of a sentence: split at semicolons, commas and "but"/"while"/"though".
fn clauses(text: &str) -> Vec<(usize, usize)> {
    let mut cuts = vec![0];
    for (i, c) in text.char_indices() {
        if matches!(c, ',' | ';' | ':') {
            cuts.push(i + 1);
        }
    }
    for w in [" but ", " while ", " though ", " although ", " whereas "] {
        for (i, _) in text.match_indices(w) {
            cuts.push(i + 1);
        }
    }
    cuts.push(text.len());
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2).map(|w| (w[0], w[1])).collect()
}

/// The statements of every source.
fn statements(a: &Analysis) -> Vec<Statement> {
    let lex = &a.lexicons.stance;
    let mut out = Vec::new();
    for (si, doc) in a.docs.iter().enumerate() {
        for (i, s) in doc.sentences.iter().enumerate() {
            let text = doc.sentence_text(i);
            if text.trim_end().ends_with('?') {
                continue;
            }
            if !lex.status_any.as_ref().is_some_and(|r| r.is_match(text)) {
                continue;
            }
            for (cs, ce) in clauses(text) {
                let clause = text.slice(cs..ce);
                let go = first(&lex.proceeds_re, clause);
                let halt = first(&lex.halts_re, clause);
                let (cue, mut goes) = match (go, halt) {
                    (Some(g), None) => (g, true),
                    (None, Some(h)) => (h, false),
                    _ => continue,
                };
                let head: Vec<String> = clause
                    .slice(..cue.0)
                    .split_whitespace()
                    .map(|w| {
                        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                            .replace('’', "'")
                            .to_lowercase()
                    })
                    .collect();
                let whole: Vec<String> = text
                    .slice(..cs + cue.0)
                    .split_whitespace()
                    .map(|w| {
                        w.trim_matches(|c: char| !c.is_alphanumeric())
                            .to_lowercase()
                    })
                    .collect();
                if whole.iter().any(|w| UNCERTAIN.contains(&w.as_str())) {
                    continue;
                }
                if head
                    .iter()
                    .any(|w| NEGATIONS.contains(&w.as_str()) || w.ends_with("n't"))
                {
                    goes = !goes;
                }
                let topic = topic(a, clause, cue, cs == 0);
                if topic.is_empty() {
                    continue;
                }
                // The clause as shown: without the conjunction that joins it on.
                let mut lead = clause.len() - clause.trim_start().len();
                for w in ["and ", "but ", "while ", "though ", "although ", "whereas "] {
                    if clause.slice(lead..).starts_with(w) {
                        lead += w.len();
                    }
                }
                let places = places_of(a, clause, text);
                // A place's exception told later in the sentence ("…, with one notable
                // exception: fans in the United States") is shown with the clause.
                let shown = if matches!(places, Places::Except(_))
                    && !lex.except_re.iter().any(|r| r.is_match(clause))
                {
                    text.slice(cs..)
                } else {
                    clause
                };
                let body = shown
                    .slice(lead..)
                    .trim_end()
                    .trim_end_matches([',', ';', ':', '.']);
                let from = s.start + cs + lead;
                let span =
                    doc.cleaned
                        .text
                        .to_span(from, from + body.len(), &a.story.sources[si].text);
                out.push(Statement {
                    source: si,
                    sentence: i,
                    span,
                    clause: body.to_string(),
                    go: goes,
                    topic,
                    places,
                });
            }
        }
    }
    out
}

/// Words that tell a plan's change over time ("was originally set for April 9", "had been
/// on track until"): a source telling both states then contradicts nothing.
const CHANGE: &[&str] = &[
    "originally",
    "initially",
    "previously",
    "earlier",
    "until",
    "had",
    "first",
    "supposed",
    "now",
    "no longer",
    "later",
];

/// Whether a statement's sentence tells a change of plan over time.
fn told_as_change(a: &Analysis, s: &Statement) -> bool {
    let sentence = a.docs[s.source].sentence_text(s.sentence).to_lowercase();
    let words: BTreeSet<&str> = sentence
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    CHANGE.iter().any(|w| {
        if w.contains(' ') {
            sentence.contains(w)
        } else {
            words.contains(w)
        }
    })
}

/// Where a statement applies, for a message: "everywhere but US", "in Canada".
fn place_words(p: &Places) -> String {
    super::places::describe_places(p).unwrap_or_else(|| "with no place named".into())
}

/// A source that says a plan goes ahead in places where it also says it is held up: an
/// `internal` warning showing both statements.
fn own_finding(rule: &Rule, a: &Analysis, g: &Statement, h: &Statement) -> Finding {
    let id = &a.story.sources[g.source].id;
    let what: Vec<&str> = g
        .topic
        .iter()
        .filter(|(stem, _)| h.topic.contains_key(*stem))
        .map(|(_, w)| w.as_str())
        .take(4)
        .collect();
    let mut f = rule.finding(
        format!("whether the plan goes ahead ({})", what.join(", ")),
        format!(
            "{id} says it goes ahead ({}) and that it is delayed or called off ({}): the places overlap",
            place_words(&g.places),
            place_words(&h.places)
        ),
    );
    f.kind = crate::finding::Kind::Internal;
    let mut shown = [g, h];
    shown.sort_by_key(|s| s.span.start);
    for s in shown {
        f.values
            .push(evidence(a, s.source, s.sentence, s.span, &s.clause));
    }
    f
}

impl Check for PlanStatus {
    fn run(&self, rule: &Rule, a: &Analysis, out: &mut Vec<Finding>) {
        let all = statements(a);
        let (go, halt): (Vec<usize>, Vec<usize>) = (0..all.len()).partition(|&k| all[k].go);
        // Conflicting pairs, grouped: a statement meets its other side's statements. Both
        // sides are blocked by topic word first, so only statements sharing one are paired.
        let mut by_topic: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for &h in &halt {
            for stem in all[h].topic.keys() {
                by_topic.entry(stem).or_default().push(h);
            }
        }
        let mut parent: Vec<usize> = (0..all.len()).collect();
        let mut met = BTreeSet::new();
        // One source's own statements that conflict: the first pair per source.
        let mut own: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
        for &x in &go {
            let g = &all[x];
            let candidates: BTreeSet<usize> = g
                .topic
                .keys()
                .filter_map(|k| by_topic.get(k.as_str()))
                .flatten()
                .copied()
                .collect();
            for y in candidates {
                let h = &all[y];
                if !overlap(a, &g.places, &h.places, false) {
                    continue;
                }
                if g.source == h.source {
                    // A plan told going ahead and held up in one place by one source, in
                    // two sentences that tell no change between them ("originally", "until").
                    if g.sentence != h.sentence
                        && !matches!((&g.places, &h.places), (Places::Unnamed, Places::Unnamed))
                        && !told_as_change(a, g)
                        && !told_as_change(a, h)
                    {
                        own.entry(g.source).or_insert((x, y));
                    }
                    continue;
                }
                met.extend([x, y]);
                let (rx, ry) = (super::root(&mut parent, x), super::root(&mut parent, y));
                parent[rx.max(ry)] = rx.min(ry);
            }
        }
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for &k in &met {
            let r = super::root(&mut parent, k);
            groups.entry(r).or_default().push(k);
        }
        for &(x, y) in own.values() {
            out.push(own_finding(rule, a, &all[x], &all[y]));
        }
        for members in groups.values() {
            // Each source once per side: its first statement.
            let mut sides: [BTreeMap<usize, &Statement>; 2] = [BTreeMap::new(), BTreeMap::new()];
            for &k in members {
                let s = &all[k];
                sides[usize::from(!s.go)].entry(s.source).or_insert(s);
            }
            let ids = |m: &BTreeMap<usize, &Statement>| super::source_ids(a, m.keys(), MAX_SHOWN);
            // What the plan is: the words both sides use, as the first source writes them.
            let mut what: Vec<&str> = Vec::new();
            for s in sides[0].values() {
                for (stem, word) in &s.topic {
                    if sides[1].values().any(|h| h.topic.contains_key(stem))
                        && !what.contains(&word.as_str())
                    {
                        what.push(word);
                    }
                }
            }
            what.truncate(4);
            let verb = |m: &BTreeMap<usize, &Statement>| if m.len() == 1 { "says" } else { "say" };
            let mut f = rule.finding(
                format!("whether the plan goes ahead ({})", what.join(", ")),
                format!(
                    "{} {} it goes ahead as planned; {} {} it is delayed or called off",
                    ids(&sides[0]),
                    verb(&sides[0]),
                    ids(&sides[1]),
                    verb(&sides[1]),
                ),
            );
            f.note = Some(
                "a plan reported before it was changed is true when written and outdated now: compare each source's publication time".into(),
            );
            let mut shown: Vec<&Statement> = sides[0]
                .values()
                .take(MAX_SHOWN)
                .chain(sides[1].values().take(MAX_SHOWN))
                .copied()
                .collect();
            shown.sort_by_key(|s| (s.source, s.span.start));
            for s in shown {
                f.values
                    .push(evidence(a, s.source, s.sentence, s.span, &s.clause));
            }
            out.push(f);
        }
    }
}
