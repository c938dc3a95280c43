//! `value-conflict`: aligned quantities whose values differ across sources.
//!
//! Two figures are compared only when alignment grouped them, their units agree (a rate
//! such as "$55 a share" has its own unit), their contexts are alike enough
//! (`min-similarity`), they stand at the same point of any change they describe (a
//! "before" value only against another "before"), and each is the other's best match in
//! its source: a group chained through loose links compares each source's figure for one
//! quantity, never every figure with every other. A difference is
//! an error, except drift, reported as a warning: values within `tolerance` (relative), a
//! value that rounds to the other at its precision ("6.9%" and "7%"), an approximate value
//! near the other ("about 300" and "312"), or a value that is the end of a change one
//! source reports against a figure given later (a rate that moved over time).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{Check, Rule, RuleFile, Severity};
use crate::extract::frame::{self, Part};
use crate::extract::quantity::{
    is_count, measure, plain, rate_parts, Bound, Phase, Quantity, TALLY_LINKS,
};
use crate::extract::Value;
use crate::finding::Finding;
use crate::words;
use crate::Analysis;

pub struct ValueConflict;

fn quantity<'a>(a: &'a Analysis, i: usize) -> Option<&'a Quantity> {
    match &a.claims[i].value {
        Value::Quantity(q) => Some(q),
        _ => None,
    }
}

/// How alike two figures' contexts are, when they can be the same quantity (other
/// sources, one unit, the same point of any change); `None` when they cannot.
#[cfg(test)]
fn comparable(a: &Analysis, first: usize, second: usize, min_sim: f64) -> Option<f64> {
    if a.claims[first].source == a.claims[second].source {
        return None;
    }
    same_quantity(a, first, second, min_sim, true)
}

/// How alike two figures' contexts are, when they can be one quantity whatever their
/// sources: frames and owners that agree, one unit or dimension, the same point of any
/// change, the same target, and words alike enough; `None` when they cannot.
pub(super) fn same_quantity(
    a: &Analysis,
    first: usize,
    second: usize,
    min_sim: f64,
    across_sources: bool,
) -> Option<f64> {
    let (one, other) = (&a.claims[first], &a.claims[second]);
    let (q1, q2) = (quantity(a, first)?, quantity(a, second)?);
    // A lead is one moment of a game; only results are compared.
    let result = |c: &crate::extract::Claim| c.context.iter().any(|t| t == "event:result");
    if (q1.unit == "score" || q2.unit == "score") && !(result(one) && result(other)) {
        return None;
    }
    // Frames that name different senses (the dead and the injured, a length and a height)
    // are different quantities, however alike the other words.
    // A count that says what happened to what it counts and one that does not are not known
    // to be one quantity either ("six people missing", "eight people were aboard").
    let event_unsaid = is_count(&q1.unit)
        && is_count(&q2.unit)
        && frame::has_event(&one.context) != frame::has_event(&other.context);
    if frame::clash(&one.context, &other.context)
        || frame::owners_differ(&one.owners, &other.owners)
        || event_unsaid
    {
        return None;
    }
    // Counts of differently named things meet when their frames share what is counted or
    // what happened to it ("six people missing", "6 missing"; "2 survivors", "two people
    // were rescued").
    // Without an event, only the same noun meets ("seven people", "eight people"): "eight
    // people" and "22 crew" are likely different groups.
    // One noun, singular or plural ("one touchdown", "two touchdowns"), or two nouns of one
    // narrow kind ("vehicles", "cars").
    let senses = &a.lexicons.measures;
    // Nouns that can count one thing: the same noun, two nouns the lexicon knows (whose
    // kinds `differ` then tells apart), or a noun that is itself what happened ("14 dead").
    // "4 games" and "30 attendants" never meet, whatever happened to them.
    let known =
        |u: &str| senses.sense(Part::Kind, u).is_some() || senses.sense(Part::Event, u).is_some();
    let nouns_agree = || {
        q1.unit == q2.unit
            || words::stem(&q1.unit) == words::stem(&q2.unit)
            || (known(&q1.unit) && known(&q2.unit))
            || senses.sense(Part::Event, &q1.unit).is_some()
            || senses.sense(Part::Event, &q2.unit).is_some()
    };
    let counts_meet = is_count(&q1.unit)
        && is_count(&q2.unit)
        && frame::share(&one.context, &other.context, Part::Event)
        && !frame::differ(&one.context, &other.context, Part::Kind)
        && nouns_agree();
    let same_noun = is_count(&q1.unit)
        && is_count(&q2.unit)
        && (words::stem(&q1.unit) == words::stem(&q2.unit)
            || matches!((senses.narrow_kind(&q1.unit), senses.narrow_kind(&q2.unit)), (Some(k1), Some(k2)) if k1 == k2));
    if !(same_dimension(&q1.unit, &q2.unit) || counts_meet || same_noun) {
        return None;
    }
    // A range and a figure in other units: not compared (the conversion of ranges is not
    // worth its error).
    if q1.unit != q2.unit && (q1.high.is_some() || q2.high.is_some()) {
        return None;
    }
    if (q1.phase == Phase::Before) != (q2.phase == Phase::Before) {
        return None;
    }
    // The target of a levy or a measure ("on:china") is part of what is measured: duties on
    // Mexican steel are not duties on Canadian steel, however alike the words.
    let targets = |c: &[String]| -> BTreeSet<String> {
        c.iter().filter(|w| w.starts_with("on:")).cloned().collect()
    };
    let (t1, t2) = (targets(&one.context), targets(&other.context));
    if !t1.is_empty() && !t2.is_empty() && t1.is_disjoint(&t2) {
        return None;
    }
    // Points are a player's or an index's: compared only for one named owner ("James scored
    // 31 points", "Davis scored 25 points" are two players; a sentence's first word may be
    // either).
    if q1.unit == "points" && (one.owners.is_empty() || other.owners.is_empty()) {
        return None;
    }
    // An age is a person's: two ages meet only for one named person.
    if q1.unit == "years old" {
        let surname = |c: &crate::extract::Claim| c.owners.last().cloned();
        // One person: the same surname (the last word of the name).
        return (surname(one).is_some() && surname(one) == surname(other)).then_some(1.0);
    }
    let sim = words::token_similarity(&one.context, &other.context);
    // Figures far apart (one three times the other) are seldom one quantity misreported:
    // they are compared only on strong evidence that they measure the same thing.
    let base = |q: &Quantity| q.value.abs() * measure(&q.unit).map_or(1.0, |m| m.1);
    let (x, y) = (base(q1), base(q2));
    let ratio = x.max(y) / x.min(y).max(f64::MIN_POSITIVE);
    // A zero ("no deaths were reported") states an absence, not a scaled figure.
    if ratio > 3.0 && x.min(y) > 0.0 && sim < FAR_APART_SIMILARITY {
        return None;
    }
    // Counts that share what happened to what they count ("nine people were killed", "14
    // dead") are named by their frame: the rest of the words may differ more.
    // So are measurements of one named thing ("a 1.9-mile span", "the 1.6 mile bridge").
    let measures_meet = measure(&q1.unit).is_some()
        && same_dimension(&q1.unit, &q2.unit)
        && frame::share(&one.context, &other.context, Part::Kind);
    // Measurements of one named thing meet on fewer words across sources only: one report
    // naming two kicks names two kicks.

    // Frame tokens alone ("people", "a clock") do not name one quantity: some word of what
    // is measured is shared too, unless the frames meet on what happened or what is measured,
    // or the two sentences share another figure (one event: "a 53-yard field goal").
    // Context words are stems already: counted in place, without allocating.
    let shared = one
        .context
        .iter()
        .enumerate()
        .filter(|(k, t)| {
            !t.contains(':') && !one.context[..*k].contains(t) && other.context.contains(t)
        })
        .count();
    // Two counts of one noun near each other ("eight people", "seven people") may be named by
    // their noun alone; far apart, or anything but a count, they need a shared word.
    let anchored = one.anchors.iter().any(|x| other.anchors.contains(x));
    // A rate of one counted kind ("11.3 million vehicles a year", "11.5 million vehicles
    // annually") is a narrow frame: with a word of what is measured shared too ("carries",
    // "estimated to carry") and values near each other, it names one quantity.
    let rates_meet =
        q1.unit == q2.unit && rate_parts(&q1.unit).is_some() && shared > 0 && ratio <= 1.5;
    let floor = if rates_meet {
        min_sim.min(ANCHORED_SIMILARITY)
    } else if counts_meet || (across_sources && measures_meet) {
        min_sim.min(FRAME_SIMILARITY)
    } else {
        min_sim
    };
    // "turnout of 61%", "Turnout was 64%": the noun the figure is bound to by a link names
    // what it measures; the same noun on both sides makes one quantity of fewer words.
    let (h1, h2) = (bound_noun(a, first), bound_noun(a, second));
    let heads_meet = matches!((&h1, &h2), (Some(x), Some(y)) if x == y);
    // A figure bound to one noun and a share of another say what they measure, and it
    // differs ("turnout of 61%" and "won 64% of the vote").
    let share_of_other = |h: &Option<String>, c: &crate::extract::Claim| {
        h.as_ref().is_some_and(|h| {
            let of: Vec<&String> = c
                .context
                .iter()
                .filter(|t| t.starts_with(frame::SHARE_OF))
                .collect();
            !of.is_empty()
                && !of
                    .iter()
                    .any(|t| words::stem(t.trim_start_matches(frame::SHARE_OF)) == *h)
        })
    };
    if !heads_meet && (share_of_other(&h1, other) || share_of_other(&h2, one)) {
        return None;
    }
    // Two game clocks are the moments of events: a shared word of what happened then
    // ("tying the score … with six seconds left", "tied with a field goal with three
    // seconds left") names one moment in fewer words.
    let clocks = [one, other]
        .iter()
        .all(|c| c.context.iter().any(|t| t == frame::CLOCK));
    let floor = if heads_meet {
        floor.min(ANCHORED_SIMILARITY)
    } else if clocks && shared > 0 {
        floor.min(CLOCK_SIMILARITY)
    } else {
        floor
    };
    let shared = shared + usize::from(heads_meet);
    let near_counts = same_noun && ratio <= 3.0;
    if !counts_meet && !measures_meet && !anchored && !near_counts && shared == 0 {
        return None;
    }
    // A span of time ("3 years", "18 months") is said of many things in a story: two words
    // of what it spans, or another figure of the same event, make it one quantity.
    let span = |u: &str| matches!(u, "days" | "weeks" | "months" | "years" | "hours");
    if span(&q1.unit) && !anchored && shared < 2 {
        return None;
    }
    (sim >= floor).then_some(sim)
}

/// Words that bind a figure to the noun before it: the verbs that give a tally its figure
/// ("turnout of 61%", "turnout was 64%", "turnout stood at 61%"), and a few more of change.
fn binds(w: &str) -> bool {
    TALLY_LINKS.contains(&w)
        || matches!(
            w,
            "were" | "are" | "at" | "to" | "fell" | "dropped" | "totalled" | "totaled"
        )
}

/// The noun a figure is bound to ("turnout" in "Turnout was 64%"), stemmed: the nearest
/// word before the figure past binding words only, in its own clause. Not a function word,
/// a name or a figure.
fn bound_noun(a: &Analysis, claim: usize) -> Option<String> {
    let c = &a.claims[claim];
    let text = &a.story.sources[c.source].text;
    let from = crate::text::window_start(text, c.span.start, 60);
    let head = text.get(from..c.span.start)?;
    let toks = words::tokens(head);
    // The figure's own words start at the span: nothing but spaces after the last word.
    let &(_, last_end) = toks.last()?;
    if !head.get(last_end..)?.trim().is_empty() {
        return None;
    }
    let mut bound = false;
    for &(s, e) in toks.iter().rev().take(4) {
        let w = head.get(s..e)?;
        let low = w.to_lowercase();
        if !head
            .get(e..)?
            .chars()
            .all(|ch| ch.is_whitespace() || ch.is_alphanumeric())
        {
            return None;
        }
        if binds(&low) {
            bound = true;
            continue;
        }
        let noun = bound
            && low.len() >= 4
            && low.chars().all(char::is_alphabetic)
            && !words::is_stop(&low)
            && (w.chars().next().is_some_and(char::is_lowercase) || s == 0 || {
                // A sentence's first word is capitalised whatever it is.
                head.get(..s)
                    .is_some_and(|b| b.trim_end().ends_with(['.', '!', '?']))
            });
        return noun.then(|| words::stem(&low));
    }
    None
}

/// How alike the words of two figures whose sentences share an anchor figure must be: some
/// shared word or frame token still ("a 53-yard field goal … with 1:57 left", "… with 1:53
/// remaining"), so that a deal's price does not pair its premium with another's share move.
const ANCHORED_SIMILARITY: f64 = 0.2;

/// How much more alike one candidate's context must be than another's to win over a
/// candidate nearer in value.
const NEAR_TIE: f64 = 0.1;

/// How alike the other words of two counts of one frame must be.
const FRAME_SIMILARITY: f64 = 0.35;

/// How alike two game clocks' contexts must be, sharing a word of the event they time.
const CLOCK_SIMILARITY: f64 = 0.3;

/// How alike two figures' contexts must be to compare figures three or more times apart.
const FAR_APART_SIMILARITY: f64 = 0.95;

/// The moments each sentence names, for each (source, sentence): the days of its dates
/// (`YYYY-MM-DD`) and the game clocks of its figures ("with 1:53 remaining", "with six
/// seconds left"), each with the claim that names it. A figure's time is the moments of its
/// sentence other than itself. Two figures stated for different days ("a 142% premium to the
/// Aug. 11 close", "a 40% premium to the Dec. 15 close") or at different moments of a game
/// ("a 28-yard field goal with 23 seconds left", "a 29-yard field goal with three seconds
/// left") are different quantities, or one quantity at two moments: not a contradiction.
pub(super) type Moments = BTreeMap<(usize, usize), Vec<(usize, String)>>;

/// A weekday's name as written ("Thursday").
fn weekday_name(w: chrono::Weekday) -> &'static str {
    use chrono::Weekday::{Fri, Mon, Sat, Sun, Thu, Tue, Wed};
    match w {
        Mon => "Monday",
        Tue => "Tuesday",
        Wed => "Wednesday",
        Thu => "Thursday",
        Fri => "Friday",
        Sat => "Saturday",
        Sun => "Sunday",
    }
}

/// The kind of a moment: a game clock, a period of a game, or a day.
fn moment_kind(m: &str) -> &'static str {
    match m.split_once(' ') {
        Some(("clock", _)) => "clock",
        Some(("period", _)) => "period",
        // A weekday no date anchors: apart only from another such weekday.
        _ if m.parse::<chrono::Weekday>().is_ok() => "weekday",
        _ => "day",
    }
}

/// Are two figures stated for different moments (days, game clocks, periods)?
pub(super) fn different_moments(a: &Analysis, moments: &Moments, i: usize, j: usize) -> bool {
    // Most sentences name no moment: nothing to compare, nothing to allocate.
    let key = |k: usize| (a.claims[k].source, a.claims[k].sentence);
    if !moments.contains_key(&key(i)) || !moments.contains_key(&key(j)) {
        return false;
    }
    let time_of = |k: usize| -> BTreeSet<&str> {
        moments
            .get(&(a.claims[k].source, a.claims[k].sentence))
            .map(|v| {
                v.iter()
                    .filter(|(m, _)| *m != k)
                    .map(|(_, m)| m.as_str())
                    .collect()
            })
            .unwrap_or_default()
    };
    let (when_i, when_j) = (time_of(i), time_of(j));
    // Each kind of moment on its own: days, game clocks, periods. Two sentences that both
    // name a period and no period in common are apart, whatever clocks they share.

    ["day", "weekday", "clock", "period"].iter().any(|k| {
        let here: BTreeSet<&str> = when_i
            .iter()
            .copied()
            .filter(|m| moment_kind(m) == *k)
            .collect();
        let there: BTreeSet<&str> = when_j
            .iter()
            .copied()
            .filter(|m| moment_kind(m) == *k)
            .collect();
        !here.is_empty() && !there.is_empty() && here.is_disjoint(&there)
    })
}

pub(super) fn sentence_moments(a: &Analysis) -> Moments {
    let mut out: Moments = BTreeMap::new();
    for (i, c) in a.claims.iter().enumerate() {
        let moment = match &c.value {
            // A period ("in April", "in 2019") is no moment of one day.
            Value::Date(d) if d.day_assumed => None,
            // A weekday no date anchors ("on Monday" in an undated source) still names a day.
            Value::Date(d) => d
                .date
                .map(|day| day.format("%Y-%m-%d").to_string())
                .or_else(|| d.weekday.map(|w| weekday_name(w).to_string())),
            Value::Quantity(_) if c.context.iter().any(|t| t == frame::CLOCK) => {
                Some(format!("clock {}", c.normalized))
            }
            _ => None,
        };
        if let Some(m) = moment {
            out.entry((c.source, c.sentence)).or_default().push((i, m));
        }
    }
    // The period of a game a sentence names ("in the third quarter", "in overtime").
    let mut seen = BTreeSet::new();
    for c in a
        .claims
        .iter()
        .filter(|c| matches!(c.value, Value::Quantity(_)))
    {
        if !seen.insert((c.source, c.sentence)) {
            continue;
        }
        let Some(doc) = a.docs.get(c.source) else {
            continue;
        };
        for m in PERIOD_RE.captures_iter(doc.sentence_text(c.sentence)) {
            let period = m
                .iter()
                .skip(1)
                .flatten()
                .map(|g| g.as_str().to_lowercase())
                .collect::<Vec<_>>()
                .join(" ");
            out.entry((c.source, c.sentence))
                .or_default()
                .push((usize::MAX, format!("period {period}")));
        }
    }
    out
}

/// A period of a game named with "in" ("in the third quarter", "late in the first half",
/// "in overtime"): the moment of the sentence's figures. General sports vocabulary.
static PERIOD_RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    crate::text::regex(r"(?i)\b(?:in|during|into|through)\s+(?:the\s+)?(first|second|third|fourth|fifth|final|opening|closing|1st|2nd|3rd|4th|5th|9th|ninth|eighth|seventh|sixth)\s+(quarter|half|period|set|inning|innings|round|frame|lap|stage|leg)\b|\bin\s+(overtime|regulation|extra\s+time|stoppage\s+time|injury\s+time|added\s+time)\b")
        .expect("static pattern")
});

/// A figure as its source states it, for messages: the value a reader writes, after the
/// approximator the source used ("more than 50 people", "nearly $2 billion"), so a bound is
/// never shown as an exact figure.
pub(super) fn stated(c: &crate::extract::Claim) -> String {
    let shown = human(&c.normalized);
    let Value::Quantity(q) = &c.value else {
        return shown;
    };
    if q.bound == Bound::Exact || q.high.is_some() {
        return shown;
    }
    let low = c.text.to_lowercase();
    let written = low
        .find(|ch: char| ch.is_ascii_digit())
        .map(|k| {
            crate::text::Slice::slice(low.as_str(), ..k)
                .trim_end_matches(['$', '€', '£', '¥', '₹'])
                .trim()
        })
        .filter(|w| !w.is_empty() && w.chars().all(|ch| ch.is_alphabetic() || ch == ' '));
    let word = written.unwrap_or(match q.bound {
        Bound::AtLeast => "at least",
        Bound::AtMost => "at most",
        Bound::About | Bound::Exact => "about",
    });
    format!("{word} {shown}")
}

/// The value most of `chosen` (one figure per source) give, when at least two sources give
/// it and more than give any other value.
fn majority(a: &Analysis, chosen: &[usize]) -> Option<String> {
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for &m in chosen {
        *count.entry(stated(&a.claims[m])).or_default() += 1;
    }
    let mut ranked: Vec<(usize, String)> = count.into_iter().map(|(v, n)| (n, v)).collect();
    ranked.sort_by_key(|r| std::cmp::Reverse(r.0));
    match ranked.as_slice() {
        [(n, v), rest @ ..] if *n >= 2 && rest.first().is_none_or(|r| r.0 < *n) => Some(v.clone()),
        _ => None,
    }
}

/// What a comparison of two figures reads of each: its value (as debug text), frame,
/// owners and anchors.
#[cfg(test)]
type FigureKey<'a> = (String, &'a [String], &'a [String], &'a [String]);

/// The pairs of a group worth comparing: each figure's best-matching figure in every other
/// source (the most alike context; the first on a tie), kept when the choice is mutual. A
/// group chained through loose links ("$14.9 billion" … "$55 a share") then compares each
/// source's figure for one quantity with the other sources' figure for it, never every
/// figure with every other.
#[cfg(test)]
fn best_pairs_all(
    a: &Analysis,
    members: &[usize],
    min_sim: f64,
    moments: &Moments,
) -> Vec<(usize, usize)> {
    let other_days = |i: usize, j: usize| other_days(a, moments, i, j);
    // (figure, other source) → (similarity, figure there)
    let mut best: BTreeMap<(usize, usize), (f64, usize)> = BTreeMap::new();
    // On a tie, the figure nearer in value: of two equally described candidates, the one
    // that agrees is the likelier to be the same quantity.
    let gap = |i: usize, j: usize| match (quantity(a, i), quantity(a, j)) {
        (Some(x), Some(y)) => (x.value - y.value).abs(),
        _ => f64::INFINITY,
    };
    // Contexts nearly as alike (within NEAR_TIE) are a tie too: "95 infections" meets "95
    // cases of COVID-19" rather than "11 severe cases", whose context is a word closer.
    let mut offer = |i: usize, j: usize, sim: f64| {
        let e = best.entry((i, a.claims[j].source)).or_insert((sim, j));
        let nearer = gap(i, j) < gap(i, e.1);
        if sim > e.0 + NEAR_TIE || ((sim - e.0).abs() <= NEAR_TIE && nearer) {
            *e = (sim, j);
        }
    };
    // Figures alike in everything a comparison reads (value, frame, owners, anchors) are
    // compared once: a thousand sources repeating one wire sentence cost one comparison,
    // not half a million.
    let mut classes: HashMap<FigureKey<'_>, usize> = HashMap::new();
    let class: Vec<usize> = members
        .iter()
        .map(|&i| {
            let c = &a.claims[i];
            let key = (
                format!("{:?}", c.value),
                c.context.as_slice(),
                c.owners.as_slice(),
                c.anchors.as_slice(),
            );
            let next = classes.len();
            *classes.entry(key).or_insert(next)
        })
        .collect();
    let mut known: HashMap<(usize, usize), Option<f64>> = HashMap::new();
    for (k, &i) in members.iter().enumerate() {
        for (l, &j) in members.iter().enumerate().skip(k + 1) {
            if a.claims[i].source == a.claims[j].source || other_days(i, j) {
                continue;
            }
            let sim = *known.entry((class[k], class[l])).or_insert_with(|| {
                // Two sentences that share another distinctive figure ("a 53-yard field
                // goal") tell of one event: their other figures need no further likeness
                // of words.
                let (ai, aj) = (&a.claims[i].anchors, &a.claims[j].anchors);
                let floor = if ai.iter().any(|x| aj.contains(x)) {
                    ANCHORED_SIMILARITY.min(min_sim)
                } else {
                    min_sim
                };
                comparable(a, i, j, floor)
            });
            if let Some(sim) = sim {
                offer(i, j, sim);
                offer(j, i, sim);
            }
        }
    }
    best.iter()
        .filter(|(&(i, _), &(_, j))| {
            i < j && best.get(&(j, a.claims[i].source)).map(|b| b.1) == Some(i)
        })
        .map(|(&(i, _), &(_, j))| (i, j))
        .collect()
}

/// What a figure's choice of partner reads of it: value (as debug text), frame, owners,
/// anchors, the other moments its sentence names, the one day it names, and whether it
/// tells a running total.
type ChoiceKey<'a> = (
    String,
    &'a [String],
    &'a [String],
    &'a [String],
    Vec<&'a str>,
    Option<&'a String>,
    bool,
);

/// Whether two figures tell of different moments and so are not compared: their
/// sentences name moments none shared. An age is a person's whatever the day a sentence
/// tells of; a running tally stated for two days is one quantity that moved (compared, as
/// drift).
fn other_days(a: &Analysis, moments: &Moments, i: usize, j: usize) -> bool {
    let age = |k: usize| quantity(a, k).is_some_and(|q| q.unit == "years old");
    !(age(i) && age(j))
        && different_moments(a, moments, i, j)
        && !(shared_tally(a, i, j).is_some()
            && [i, j]
                .iter()
                .all(|&k| figure_day(a, moments, k).is_some() && cumulative(a, k)))
}

/// [`best_pairs_all`] computed by class: figures alike in everything a comparison reads
/// (value, frame, owners, anchors, the moments their sentence names, the day it names and
/// whether it tells a running total) choose alike, so each class's choice in each source
/// is made once, and the pairs are read off the choices. The same pairs in the same
/// order, in classes × figures comparisons and classes × sources memory, where comparing
/// every figure with every other kept figures × sources choices.
fn best_pairs(
    a: &Analysis,
    members: &[usize],
    min_sim: f64,
    moments: &Moments,
) -> Vec<(usize, usize)> {
    let other_days = |i: usize, j: usize| other_days(a, moments, i, j);
    let gap = |i: usize, j: usize| match (quantity(a, i), quantity(a, j)) {
        (Some(x), Some(y)) => (x.value - y.value).abs(),
        _ => f64::INFINITY,
    };
    // The class of each member: what `comparable`, `other_days` and `gap` read.
    let mut classes: HashMap<ChoiceKey<'_>, usize> = HashMap::new();
    let mut first_of: Vec<usize> = Vec::new();
    let class: Vec<usize> = members
        .iter()
        .map(|&i| {
            let c = &a.claims[i];
            let when: Vec<&str> = moments
                .get(&(c.source, c.sentence))
                .map(|v| {
                    let mut w: Vec<&str> = v
                        .iter()
                        .filter(|(m, _)| *m != i)
                        .map(|(_, m)| m.as_str())
                        .collect();
                    w.sort_unstable();
                    w.dedup();
                    w
                })
                .unwrap_or_default();
            let key = (
                format!("{:?}", c.value),
                c.context.as_slice(),
                c.owners.as_slice(),
                c.anchors.as_slice(),
                when,
                figure_day(a, moments, i),
                cumulative(a, i),
            );
            let next = classes.len();
            *classes.entry(key).or_insert_with(|| {
                first_of.push(i);
                next
            })
        })
        .collect();
    // Figures of each source in member order, with their classes.
    let mut by_source: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
    for (k, &i) in members.iter().enumerate() {
        by_source
            .entry(a.claims[i].source)
            .or_default()
            .push((i, class[k]));
    }
    // Similarity of two classes (as their first figures), measured once.
    let mut known: HashMap<(usize, usize), Option<f64>> = HashMap::new();
    let mut sim_of = |x: usize, y: usize| -> Option<f64> {
        // In member order, as pairs are compared.
        let (lo, hi) = (x.min(y), x.max(y));
        *known.entry((lo, hi)).or_insert_with(|| {
            let (i, j) = (first_of[lo], first_of[hi]);
            if other_days(i, j) {
                return None;
            }
            let (ai, aj) = (&a.claims[i].anchors, &a.claims[j].anchors);
            let floor = if ai.iter().any(|v| aj.contains(v)) {
                ANCHORED_SIMILARITY.min(min_sim)
            } else {
                min_sim
            };
            same_quantity(a, i, j, floor, true)
        })
    };
    // Each class's choice in each source: the figures offered in member order, as
    // `best_pairs_all` offers them.
    let mut choice: HashMap<(usize, usize), Option<usize>> = HashMap::new();
    let mut choose = |x: usize, s: usize| -> Option<usize> {
        if let Some(c) = choice.get(&(x, s)) {
            return *c;
        }
        let mut best: Option<(f64, usize)> = None;
        for &(j, y) in &by_source[&s] {
            let Some(sim) = sim_of(x, y) else { continue };
            match best {
                None => best = Some((sim, j)),
                Some((bs, bj)) => {
                    let i = first_of[x];
                    let nearer = gap(i, j) < gap(i, bj);
                    if sim > bs + NEAR_TIE || ((sim - bs).abs() <= NEAR_TIE && nearer) {
                        best = Some((sim, j));
                    }
                }
            }
        }
        let c = best.map(|b| b.1);
        choice.insert((x, s), c);
        c
    };
    let class_of: HashMap<usize, usize> = members
        .iter()
        .enumerate()
        .map(|(k, &i)| (i, class[k]))
        .collect();
    let sources: Vec<usize> = by_source.keys().copied().collect();
    let mut out = Vec::new();
    for (k, &i) in members.iter().enumerate() {
        let si = a.claims[i].source;
        for &s in &sources {
            if s == si {
                continue;
            }
            let Some(j) = choose(class[k], s) else {
                continue;
            };
            if i < j && choose(class_of[&j], si) == Some(i) {
                out.push((i, s, j));
            }
        }
    }
    out.sort_unstable();
    out.into_iter().map(|(i, _, j)| (i, j)).collect()
}

/// Two counts of a tally that moves while a story unfolds (the dead, the missing, the
/// rescued), published on different days: drift, with each figure's time, not an error.
fn tally_drift(a: &Analysis, moments: &Moments, i: usize, j: usize) -> Option<String> {
    let (ci, cj) = (&a.claims[i], &a.claims[j]);
    let tally = shared_tally(a, i, j)?;
    // Each figure's time: the day its sentence names for a running total ("as of
    // Thursday", "by Friday"), else its source's publication time (the day of an event, "6
    // were killed on Tuesday", is not the time of the count).
    let when = |k: usize| -> Option<(String, String)> {
        if let Some(day) = figure_day(a, moments, k).filter(|_| cumulative(a, k)) {
            return Some((day.clone(), day.clone()));
        }
        let p = a.times.get(a.claims[k].source).and_then(|t| t.published)?;
        Some((p.date().to_string(), p.to_string()))
    };
    let ((di, wi), (dj, wj)) = (when(i)?, when(j)?);
    if di == dj {
        return None;
    }
    let id = |c: &crate::extract::Claim| a.story.sources[c.source].id.as_str();
    Some(format!(
        "a count that moves as a story unfolds ({tally}): {} gives {} as of {wi}, {} gives {} as of {wj}; the later figure may supersede the earlier",
        id(ci),
        stated(ci),
        id(cj),
        stated(cj)
    ))
}

/// Does a figure's sentence state a running total ("as of Thursday", "the death toll rose
/// to", "so far"), not a count of one day's events ("killed 40 people on Monday")?
fn cumulative(a: &Analysis, k: usize) -> bool {
    let c = &a.claims[k];
    a.docs
        .get(c.source)
        .filter(|d| c.sentence < d.sentences.len())
        .is_some_and(|d| CUMULATIVE_RE.is_match(d.sentence_text(c.sentence)))
}

/// Words of a running total: general news usage.
static CUMULATIVE_RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    crate::text::regex(r"(?i)\b(?:as of|as at|so far|to date|toll|in total|total of|rose to|risen to|climbed to|has risen|had risen|reached|now stands|stood at|by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mid|late|early|the end|noon|midnight|\d))\b")
        .expect("static pattern")
});

/// The tally event two figures share (the dead, the missing), if any.
fn shared_tally(a: &Analysis, i: usize, j: usize) -> Option<String> {
    let senses = &a.lexicons.measures;
    let events = frame::parts(&a.claims[i].context, Part::Event);
    let other = frame::parts(&a.claims[j].context, Part::Event);
    events
        .intersection(&other)
        .find(|e| senses.is_tally(e))
        .map(|e| (*e).to_string())
}

/// The one day a figure's sentence names (`YYYY-MM-DD`), if it names exactly one.
fn figure_day<'m>(a: &Analysis, moments: &'m Moments, k: usize) -> Option<&'m String> {
    let c = &a.claims[k];
    let mut days = moments
        .get(&(c.source, c.sentence))?
        .iter()
        .filter(|(m, day)| *m != k && matches!(moment_kind(day), "day" | "weekday"))
        .map(|(_, day)| day);
    let first = days.next()?;
    days.all(|d| d == first).then_some(first)
}

/// Is this unit a currency (an ISO code, possibly per something)?
pub(super) fn is_currency(unit: &str) -> bool {
    let code = unit.split('/').next().unwrap_or("");
    code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase())
}

/// One unit, or two units of one dimension (miles and kilometres).
fn same_dimension(u1: &str, u2: &str) -> bool {
    u1 == u2
        || matches!((measure(u1), measure(u2)), (Some(a), Some(b)) if a.0 == b.0)
        || celsius(1.0, u1).is_some() && celsius(1.0, u2).is_some()
}

/// A temperature in degrees Celsius.
fn celsius(value: f64, unit: &str) -> Option<f64> {
    match unit {
        "°C" => Some(value),
        "°F" => Some((value - 32.0) * 5.0 / 9.0),
        _ => None,
    }
}

/// How two differing values differ: `None` when they are equal.
pub(super) fn difference(
    x: &Quantity,
    y: &Quantity,
    tolerance: f64,
) -> Option<(Severity, Option<String>)> {
    if x.unit == "score" || y.unit == "score" {
        // Scores are exact; the order of the two sides is how each report tells it.
        let sides = |q: &Quantity| {
            let h = q.high.unwrap_or(0.0);
            (q.value.max(h), q.value.min(h))
        };
        return (sides(x) != sides(y)).then_some((Severity::Error, None));
    }
    if let (Some(cx), Some(cy)) = (celsius(x.value, &x.unit), celsius(y.value, &y.unit)) {
        // Temperatures in two scales ("47 °F", "8 °C") agree within a degree Celsius of
        // conversion rounding.
        if x.unit != y.unit {
            return ((cx - cy).abs() > 1.0).then(|| {
                (
                    Severity::Error,
                    Some(format!(
                        "compared in one scale: {} {} is {:.1} °C",
                        plain(x.value),
                        x.unit,
                        cx
                    )),
                )
            });
        }
    }
    if x.unit != y.unit && !(is_count(&x.unit) && is_count(&y.unit)) {
        // Converted figures ("8 knots", "9 mph") are rounded in conversion: within 5% they
        // agree; beyond, they are compared in the base unit.
        let (Some((_, fx)), Some((_, fy))) = (measure(&x.unit), measure(&y.unit)) else {
            return None;
        };
        let (vx, vy) = (x.value * fx, y.value * fy);
        let rel = (vx - vy).abs() / vx.abs().max(vy.abs()).max(f64::MIN_POSITIVE);
        if rel <= 0.05 {
            return None;
        }
        return Some((
            Severity::Error,
            Some(format!(
                "compared in one unit: {} {} is {:.3} {}",
                x.value,
                x.unit,
                vx / fy,
                y.unit
            )),
        ));
    }
    if (x.value - y.value).abs() < f64::EPSILON {
        return None;
    }
    // A price written without its cents ("$449" for "$449.99") says the same price.
    let cents_dropped = |a: &Quantity, b: &Quantity| {
        a.decimals == 0
            && b.decimals == 2
            && (a.value - b.value.trunc()).abs() < 1e-9
            && is_currency(&a.unit)
    };
    if cents_dropped(x, y) || cents_dropped(y, x) {
        return None;
    }
    let max = x.value.abs().max(y.value.abs());
    let rel = (x.value - y.value).abs() / max;
    // A bound ("more than 3,700", "up to 40%") or a range ("4-6%") and a figure, or two of
    // them, conflict only when no value satisfies both.
    if matches!(x.bound, Bound::AtLeast | Bound::AtMost)
        || matches!(y.bound, Bound::AtLeast | Bound::AtMost)
        || x.high.is_some()
        || y.high.is_some()
    {
        let interval = |q: &Quantity| match (q.bound, q.high) {
            (_, Some(h)) => (q.value.min(h), q.value.max(h)),
            (Bound::AtLeast, None) => (q.value, f64::INFINITY),
            (Bound::AtMost, None) => (f64::NEG_INFINITY, q.value),
            (Bound::Exact | Bound::About, None) => (q.value, q.value),
        };
        let ((lx, hx), (ly, hy)) = (interval(x), interval(y));
        if lx <= hy && ly <= hx {
            return None;
        }
        let severity = if rel <= 0.1 {
            Severity::Warning
        } else {
            Severity::Error
        };
        return Some((
            severity,
            Some("one figure is a bound (\"more than\", \"at least\", \"up to\", \"nearly\") or a range that the other figure does not satisfy".into()),
        ));
    }
    let rounds = |a: &Quantity, b: &Quantity| {
        a.decimals < b.decimals && {
            let f = 10f64.powi(a.decimals);
            ((b.value * f).round() / f - a.value).abs() < 1e-9
        }
    };
    // One figure is the other rounded to the precision it is written in ("3.8%" for
    // "3.75%"): both can be true, so it is only noted.
    if rounds(x, y) || rounds(y, x) {
        return Some((
            Severity::Info,
            Some("one figure is the other rounded to the precision it is written in".into()),
        ));
    }
    if rel <= tolerance {
        return Some((
            Severity::Warning,
            Some("the values differ by rounding or precision".into()),
        ));
    }
    if (x.approximate || y.approximate) && rel <= 0.1 {
        return Some((
            Severity::Warning,
            Some("one value is approximate and the other lies near it".into()),
        ));
    }
    // The result of a change against a figure stated later: the quantity may have moved.
    // Both the result of a change: the same moment, a real contradiction.
    if (x.phase == Phase::After) != (y.phase == Phase::After) {
        return Some((
            Severity::Warning,
            Some("one source gives this figure as the result of a change (\"from … to …\"): the sources may describe different moments of a quantity that moved; reconcile before relying on either".into()),
        ));
    }
    Some((Severity::Error, None))
}

impl Check for ValueConflict {
    fn params(&self) -> &'static [super::params::Param] {
        use super::params::{fraction, Param, ParamType};
        const PARAMS: &[Param] = &[
            Param {
                name: "claim",
                ty: ParamType::OneOf(&["number"]),
                doc: "the claim type compared",
            },
            fraction(
                "tolerance",
                "relative difference below which two values agree",
            ),
            fraction(
                "min-similarity",
                "how alike two figures' contexts must be to be compared",
            ),
        ];
        PARAMS
    }

    fn validate(&self, rule: &RuleFile) -> Result<(), String> {
        match rule.params.get("claim").and_then(toml::Value::as_str) {
            Some("number") | None => Ok(()),
            Some(k) => Err(format!(
                "params.claim `{k}`: value-conflict compares numbers"
            )),
        }
    }

    fn run(&self, rule: &Rule, a: &Analysis, out: &mut Vec<Finding>) {
        let tolerance = rule.param_f64("tolerance", 0.0);
        let min_sim = rule.param_f64("min-similarity", 0.6);
        let days = sentence_moments(a);
        for group in a.groups.iter().filter(|g| g.kind == "number") {
            let mut found: Vec<(usize, usize, (Severity, Option<String>))> = Vec::new();
            for (i, j) in best_pairs(a, &group.members, min_sim, &days) {
                let (Some(x), Some(y)) = (quantity(a, i), quantity(a, j)) else {
                    continue;
                };
                if let Some(mut d) = difference(x, y, tolerance) {
                    if d.0 == Severity::Error {
                        if let Some(note) = tally_drift(a, &days, i, j) {
                            d = (Severity::Warning, Some(note));
                        }
                    }
                    found.push((i, j, d));
                }
            }
            // One finding per quantity: the differing pairs that share a figure.
            for component in components(&found) {
                report(rule, a, &component, out);
            }
        }
    }
}

/// The differing pairs, split into sets linked through a shared figure, in order: each
/// set's pairs by figure, the sets by their first pair. Union–find over the figures, so
/// the work grows with the pairs, not with pairs times sets.
fn components<T: Clone>(pairs: &[(usize, usize, T)]) -> Vec<Vec<(usize, usize, T)>> {
    let mut index: BTreeMap<usize, usize> = BTreeMap::new();
    for (i, j, _) in pairs {
        let n = index.len();
        index.entry(*i).or_insert(n);
        let n = index.len();
        index.entry(*j).or_insert(n);
    }
    let mut parent: Vec<usize> = (0..index.len()).collect();
    for (i, j, _) in pairs {
        let (x, y) = (
            super::root(&mut parent, index[i]),
            super::root(&mut parent, index[j]),
        );
        if x != y {
            parent[x.max(y)] = x.min(y);
        }
    }
    let mut sets: BTreeMap<usize, Vec<(usize, usize, T)>> = BTreeMap::new();
    for (i, j, t) in pairs {
        let r = super::root(&mut parent, index[i]);
        sets.entry(r).or_default().push((*i, *j, t.clone()));
    }
    let mut out: Vec<Vec<(usize, usize, T)>> = sets.into_values().collect();
    for set in &mut out {
        set.sort_by_key(|p| (p.0, p.1));
    }
    out.sort_by_key(|c| c.first().map(|p| (p.0, p.1)));
    out
}

/// How two figures differ: the severity, and a note saying why.
type Difference = (Severity, Option<String>);

/// One finding for a set of differing pairs that share figures.
fn report(rule: &Rule, a: &Analysis, found: &[(usize, usize, Difference)], out: &mut Vec<Finding>) {
    let mut members: BTreeSet<usize> = BTreeSet::new();
    let mut worst: Option<(Severity, Option<String>)> = None;
    let mut differing: Vec<(usize, usize)> = Vec::new();
    for (i, j, d) in found {
        members.insert(*i);
        members.insert(*j);
        differing.push((*i, *j));
        if worst.as_ref().is_none_or(|w| d.0 < w.0) {
            worst = Some(d.clone());
        }
    }
    let Some((severity, note)) = worst else {
        return;
    };
    // One figure per source, in text order.
    let mut seen = BTreeSet::new();
    let chosen: Vec<usize> = members
        .into_iter()
        .filter(|&m| seen.insert(a.claims[m].source))
        .collect();
    let id = |m: usize| a.story.sources[a.claims[m].source].id.as_str();
    // Most sources agree: the finding shows each source that departs from them,
    // beside the agreeing figure it was compared with; the message names them all.
    let (evidence, message) = if let Some(value) = majority(a, &chosen) {
        let odd: Vec<usize> = chosen
            .iter()
            .copied()
            .filter(|&m| stated(&a.claims[m]) != value)
            .collect();
        let mut evidence: BTreeSet<usize> = odd.iter().copied().collect();
        for &m in &odd {
            if let Some(&(x, y)) = differing.iter().find(|p| p.0 == m || p.1 == m) {
                let partner = if x == m { y } else { x };
                if stated(&a.claims[partner]) == value {
                    evidence.insert(partner);
                }
            }
        }
        let agreeing: Vec<&str> = chosen
            .iter()
            .filter(|&&m| stated(&a.claims[m]) == value)
            .map(|&m| id(m))
            .collect();
        // What most sources say first, then each source that departs:
        // "3 sources (a, b, c) say 9 people; d says 10 people".
        let mut parts = vec![format!(
            "{} sources ({}) say {value}",
            agreeing.len(),
            super::bounded_names(&agreeing, super::NAMES_SHOWN)
        )];
        parts.extend(
            odd.iter()
                .map(|&m| format!("{} says {}", id(m), stated(&a.claims[m]))),
        );
        (evidence.into_iter().collect::<Vec<_>>(), parts.join("; "))
    } else {
        let parts: Vec<String> = chosen
            .iter()
            .map(|&m| format!("{} says {}", id(m), stated(&a.claims[m])))
            .collect();
        (chosen.clone(), parts.join("; "))
    };
    let first = &a.claims[evidence[0]];
    let mut f = rule.finding(first.about.clone(), message);
    f.severity = severity.max(rule.spec.severity);
    f.note = note;
    for &m in &evidence {
        f.push_claim(a, m);
    }
    out.push(f);
}

/// A normalised figure as a reader writes it, for messages (the `normalized` values keep
/// the contract's form): "6.88e11 USD" → "$688 billion", "4200000 USD" → "$4.2 million",
/// "1.15e7 vehicles per year" → "11.5 million vehicles per year".
pub fn human(normalized: &str) -> String {
    let (num, rest) = normalized
        .split_once(' ')
        .map_or((normalized, ""), |(n, r)| (n, r));
    let Ok(x) = num.parse::<f64>() else {
        return normalized.to_string();
    };
    // Beyond trillions, or not a number at all: as normalised.
    if !x.is_finite() || x.abs() >= 1e15 {
        return normalized.to_string();
    }
    let (scaled, scale) = [(1e12, " trillion"), (1e9, " billion"), (1e6, " million")]
        .iter()
        .find(|(s, _)| x.abs() >= *s)
        .map_or((x, ""), |&(s, w)| (x / s, w));
    // Up to three decimals, trailing zeros dropped.
    let mut digits = format!("{scaled:.3}");
    while digits.contains('.') && (digits.ends_with('0') || digits.ends_with('.')) {
        digits.pop();
    }
    let (unit, tail) = rest.split_once(' ').map_or((rest, ""), |(u, t)| (u, t));
    let symbol = match unit {
        "USD" => Some("$"),
        "EUR" => Some("€"),
        "GBP" => Some("£"),
        "JPY" => Some("¥"),
        "INR" => Some("₹"),
        _ => None,
    };
    match symbol {
        Some(sym) if tail.is_empty() => format!("{sym}{digits}{scale}"),
        Some(sym) => format!("{sym}{digits}{scale} {tail}"),
        None if num.contains('e') || !scale.is_empty() => {
            format!(
                "{digits}{scale}{}{rest}",
                if rest.is_empty() { "" } else { " " }
            )
        }
        None => normalized.to_string(),
    }
}

#[cfg(test)]
mod human_tests {
    #[test]
    fn figures_read_as_written() {
        for (n, want) in [
            ("6.88e11 USD", "$688 billion"),
            ("4200000 USD", "$4.2 million"),
            ("449.99 USD", "$449.99"),
            ("1.15e7 vehicles per year", "11.5 million vehicles per year"),
            ("12 people", "12 people"),
            ("30%", "30%"),
            ("2.5e6 CAD", "2.5 million CAD"),
            ("1e308", "1e308"),
        ] {
            assert_eq!(super::human(n), want, "{n}");
        }
    }
}

#[cfg(test)]
mod pairs_tests {
    use super::{best_pairs, best_pairs_all, sentence_moments};
    use crate::lexicon::Lexicons;
    use crate::story::{Format, Source, Story};

    /// The class-wise choice gives exactly the pairs of comparing every figure with every
    /// other, on every story in the project and on a story of varied copies.
    #[test]
    fn best_pairs_by_class_are_the_pairs_of_all_pairs() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut stories: Vec<Story> = ["seeds", "tests/fixtures/review"]
            .iter()
            .map(|d| root.join(d))
            .chain(
                std::fs::read_dir(root.join("tests/stories"))
                    .expect("stories")
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.is_dir()),
            )
            .map(|p| Story::open(&p).expect("story"))
            .collect();
        // Forty sources from the seed texts with figures and days moved, so many figures
        // fall in one class and some depart.
        let seeds = &stories[0];
        let sources = (0..40)
            .map(|i| {
                let s = &seeds.sources[i % seeds.sources.len()];
                let text = s
                    .text
                    .replace("30%", &format!("{}%", 30 + i % 3))
                    .replace("June 10", &format!("June {}", 9 + i % 2));
                Source::from_text(&format!("s{i}"), &format!("s{i}.txt"), Format::Text, text)
            })
            .collect();
        stories.push(Story {
            sources,
            ..seeds.clone()
        });
        let lex = Lexicons::builtin();
        let mut compared = 0;
        for story in &stories {
            let a = crate::analyse(story, &lex);
            let moments = sentence_moments(&a);
            for g in a.groups.iter().filter(|g| g.kind == "number") {
                for min_sim in [0.6, 0.35] {
                    assert_eq!(
                        best_pairs(&a, &g.members, min_sim, &moments),
                        best_pairs_all(&a, &g.members, min_sim, &moments),
                        "{:?}: group {:?}",
                        story.title,
                        g.members
                    );
                    compared += 1;
                }
            }
        }
        assert!(compared > 50, "{compared} groups compared");
    }
}
