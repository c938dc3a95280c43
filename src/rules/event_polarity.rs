//! `event-polarity`: one source says an event happens on a day, another that it does not
//! ("pre-orders will open on April 9"; "pre-orders will not start April 9").
//!
//! Dates are blocked by day and event class (`rules/lexicon/events.toml`): a date whose verb
//! is negated carries the class as `denied`. Within a block, an affirming date and a denying
//! date of different sources meet when their sentences share a topic (a noun class or a
//! name) and do not name different places. A plan a source itself reports superseded
//! ("originally scheduled to begin on April 9") affirms nothing, and a source that both
//! affirms and denies is left to `internal-date`.

use std::collections::{BTreeMap, BTreeSet};

use super::{Check, Rule};
use crate::extract::time::DateValue;
use crate::extract::Value;
use crate::finding::{evidence, Finding};
use crate::text::Slice;
use crate::Analysis;

pub struct EventPolarity;

/// Sources shown in full per side of a finding; the rest are counted in its message.
const MAX_SHOWN: usize = 8;

/// Words before a verb that report a plan since given up ("originally scheduled to begin").
const SUPERSEDED: &[&str] = &[
    "originally",
    "initially",
    "previously",
    "first planned",
    "had been",
    "had planned",
    "was scheduled",
    "were scheduled",
    "was due",
    "were due",
    "was supposed",
    "were supposed",
    "was meant",
    "were meant",
];

/// The words of a sentence shown as its side of the finding: the sentence, shortened.
fn clause(text: &str) -> String {
    let t = text.trim().trim_start_matches(['"', '“', '\'', '‘']);
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() <= 40 {
        words.join(" ")
    } else {
        format!("{}…", words[..40].join(" "))
    }
}

/// The places a sentence names, by the places lexicon (countries: "U.S." and "American" are
/// the US).
fn places(a: &Analysis, text: &str) -> BTreeSet<String> {
    let lex = &a.lexicons.quantity.places;
    crate::words::tokens(text)
        .into_iter()
        .filter_map(|(s, e)| {
            let w = text.slice(s..e).to_lowercase();
            lex.get(&w)
                .cloned()
                .or_else(|| lex.values().find(|p| **p == w).cloned())
        })
        .collect()
}

/// One dated claim: its index, value, sentence text, and the content words before the date
/// (what the sentence says happens: "pre-orders", "console").
struct Dated<'a> {
    claim: usize,
    value: &'a DateValue,
    sentence: &'a str,
    /// The sentence up to the date.
    before: &'a str,
    words: BTreeSet<String>,
    /// The places the sentence names.
    places: BTreeSet<String>,
}

/// Content words of `before` (the sentence up to the date): four letters or more, not
/// function words, not calendar words, not the event verbs themselves.
fn content(a: &Analysis, before: &str) -> BTreeSet<String> {
    let verbs = &a.lexicons.events.verbs;
    crate::words::tokens(before)
        .into_iter()
        .map(|(s, e)| before.slice(s..e).to_lowercase())
        .filter(|w| {
            w.chars().count() >= 4
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
                && !crate::words::is_stop(w)
                && crate::extract::time::month_word(w).is_none()
                && crate::extract::time::weekday_word(w).is_none()
                && !verbs.iter().any(|(_, ws)| ws.iter().any(|v| v == w))
        })
        .collect()
}

impl Check for EventPolarity {
    fn run(&self, rule: &Rule, a: &Analysis, out: &mut Vec<Finding>) {
        // (day, class) → (affirming, denying) dates.
        type Sides<'a> = (Vec<Dated<'a>>, Vec<Dated<'a>>);
        let mut blocks: BTreeMap<(chrono::NaiveDate, &str), Sides> = BTreeMap::new();
        // Per sentence, found once: where the last date was found (claims come in text
        // order, so each search starts past the one before) and the places named.
        let mut sentences: BTreeMap<(usize, usize), (usize, BTreeSet<String>)> = BTreeMap::new();
        for (i, c) in a.claims.iter().enumerate() {
            let Value::Date(v) = &c.value else { continue };
            let (Some(day), None) = (v.date, v.end) else {
                continue;
            };
            if c.copied || v.day_assumed || (v.event.is_none() && v.denied.is_none()) {
                continue;
            }
            let sentence = a.docs[c.source].sentence_text(c.sentence);
            let (cursor, named) = sentences
                .entry((c.source, c.sentence))
                .or_insert_with(|| (0, places(a, sentence)));
            // The words before the date (a bounded window), in the sentence as cleaned.
            let date_at = sentence
                .slice(*cursor..)
                .find(c.text.as_str())
                .map_or(sentence.len(), |k| *cursor + k);
            *cursor = date_at.min(sentence.len());
            let before = sentence.slice(crate::text::window_start(sentence, date_at, 300)..date_at);
            let dated = Dated {
                claim: i,
                value: v,
                sentence,
                before,
                words: content(a, before),
                places: named.clone(),
            };
            if let Some(class) = v.denied.as_deref() {
                blocks.entry((day, class)).or_default().1.push(dated);
            } else if let Some(class) = v.event.as_deref() {
                let low = before.to_lowercase();
                if SUPERSEDED.iter().any(|w| low.contains(w)) {
                    continue;
                }
                blocks.entry((day, class)).or_default().0.push(dated);
            }
        }
        for ((day, _), (yes, no)) in &blocks {
            if yes.is_empty() || no.is_empty() {
                continue;
            }
            let source = |d: &Dated| a.claims[d.claim].source;
            let denying: BTreeSet<usize> = no.iter().map(source).collect();
            let meets = |y: &Dated, n: &Dated| {
                let shared = y.value.topics.iter().any(|t| n.value.topics.contains(t))
                    || !y.words.is_disjoint(&n.words);
                let (py, pn) = (&y.places, &n.places);
                shared && (py.is_empty() || pn.is_empty() || !py.is_disjoint(pn))
            };
            // Each source once per side, its first date that meets the other side.
            let mut shown_yes: BTreeMap<usize, &Dated> = BTreeMap::new();
            let mut shown_no: BTreeMap<usize, &Dated> = BTreeMap::new();
            for y in yes.iter().filter(|y| !denying.contains(&source(y))) {
                for n in no.iter().filter(|n| source(n) != source(y)) {
                    if meets(y, n) {
                        shown_yes.entry(source(y)).or_insert(y);
                        shown_no.entry(source(n)).or_insert(n);
                    }
                }
            }
            let Some(first) = shown_yes.values().next() else {
                continue;
            };
            // Each side's sources by name, the first few; the rest counted.
            let ids = |m: &BTreeMap<usize, &Dated>| super::source_ids(a, m.keys(), MAX_SHOWN);
            // "whether Pre-orders for the console will open in North America on 2025-04-09"
            let lead = clause(first.before);
            let mut lead: Vec<&str> = lead.split_whitespace().collect();
            if lead.len() > 12 {
                lead.drain(..lead.len() - 12);
            }
            while lead
                .last()
                .is_some_and(|w| matches!(w.to_lowercase().as_str(), "on" | "for" | "by" | "from"))
            {
                lead.pop();
            }
            let mut f = rule.finding(
                format!("whether {} on {day}", lead.join(" ")),
                format!(
                    "{} say{} it happens on {day}; {} say{} it does not",
                    ids(&shown_yes),
                    if shown_yes.len() == 1 { "s" } else { "" },
                    ids(&shown_no),
                    if shown_no.len() == 1 { "s" } else { "" },
                ),
            );
            f.note = Some(
                "a plan reported before it was called off is true when written and outdated now: compare each source's publication time".into(),
            );
            let mut shown: Vec<&Dated> = shown_yes
                .values()
                .take(MAX_SHOWN)
                .chain(shown_no.values().take(MAX_SHOWN))
                .copied()
                .collect();
            shown.sort_by_key(|d| (source(d), a.claims[d.claim].span.start));
            for d in shown {
                let c = &a.claims[d.claim];
                f.values.push(evidence(
                    a,
                    c.source,
                    c.sentence,
                    c.span,
                    &clause(d.sentence),
                ));
            }
            out.push(f);
        }
    }
}
