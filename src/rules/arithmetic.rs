//! `internal-arithmetic`: a source's figures contradicting its own words or each other.
//!
//! A change described as a cut whose numbers rise, or a rise whose numbers fall; and one
//! source giving two different values for one quantity (same unit, nearly the same
//! context, neither part of a change).

use std::collections::{BTreeMap, BTreeSet};

use super::{Check, Rule};
use crate::extract::frame::Part;
use crate::extract::quantity::{is_count, Bound, Phase, CHANGE_DOWN as DOWN, CHANGE_UP as UP};
use crate::extract::Value;
use crate::finding::Finding;
use crate::text::Slice;
use crate::Analysis;

pub struct Arithmetic;

impl Check for Arithmetic {
    fn params(&self) -> &'static [super::params::Param] {
        const PARAMS: &[super::params::Param] = &[super::params::fraction(
            "min-similarity",
            "how alike two figures' contexts must be to be one quantity",
        )];
        PARAMS
    }

    fn run(&self, rule: &Rule, a: &Analysis, out: &mut Vec<Finding>) {
        let min_sim = rule.param_f64("min-similarity", 0.85);
        let claims = &a.claims;
        // The quantities of each sentence, in claim order: a change's "after" is looked up
        // here, not by scanning every later claim.
        let mut by_sentence: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
        for (i, c) in claims.iter().enumerate() {
            if matches!(c.value, Value::Quantity(_)) {
                by_sentence
                    .entry((c.source, c.sentence))
                    .or_default()
                    .push(i);
            }
        }
        for (i, c) in claims.iter().enumerate() {
            let Value::Quantity(before) = &c.value else {
                continue;
            };
            if before.phase != Phase::Before {
                continue;
            }
            // The "after" of the same change is the nearest "after" figure of the sentence,
            // later ("from A to B") or earlier ("to B from A").
            let same = by_sentence
                .get(&(c.source, c.sentence))
                .map_or(&[][..], Vec::as_slice);
            let Some((j, after)) = same
                .iter()
                .filter_map(|&j| match &claims[j].value {
                    Value::Quantity(q) if q.phase == Phase::After && j != i => Some((j, q)),
                    _ => None,
                })
                .min_by_key(|&(j, _)| (j.abs_diff(i), usize::from(j < i)))
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
                        "{id} says \"{verb}\", but its numbers go from {} to {}",
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
        parts_exceed_total(rule, a, out);
        comparatives(rule, a, out);
        cash_with_debt(rule, a, out);
        parts_in_next_sentence(rule, a, out);
        // Two values for one quantity in one source: compared within each source only,
        // and only figures sharing a context word and a unit (blocking, as in `align`). A
        // block of many figures is a series or a table ("prices rose 5% in May, 6% in
        // June…"), not one quantity given twice, and is not compared at all.
        let mut blocks: BTreeMap<(usize, &str, &str), Vec<usize>> = BTreeMap::new();
        for (i, c) in claims.iter().enumerate() {
            if let Value::Quantity(q) = &c.value {
                if q.phase == Phase::Plain && q.high.is_none() && c.context.len() >= 2 {
                    for w in &c.context {
                        blocks
                            .entry((c.source, q.unit.as_str(), w.as_str()))
                            .or_default()
                            .push(i);
                    }
                }
            }
        }
        let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
        for members in blocks.values() {
            if members.len() > MAX_SERIES {
                continue;
            }
            for (k, &i) in members.iter().enumerate() {
                for &j in &members[k + 1..] {
                    pairs.insert((i.min(j), i.max(j)));
                }
            }
        }
        // Each figure is in at most one such finding.
        let mut reported: BTreeSet<usize> = BTreeSet::new();
        let moments = super::value_conflict::sentence_moments(a);
        for (i, j) in pairs {
            if reported.contains(&i) || reported.contains(&j) {
                continue;
            }
            let (first, second) = (&claims[i], &claims[j]);
            let (Value::Quantity(q1), Value::Quantity(q2)) = (&first.value, &second.value) else {
                continue;
            };
            // One quantity by the same tests as across sources (frames, owners, units,
            // figures far apart, moments), with a stricter likeness of words.
            if second.sentence == first.sentence
                || breaks_down(a, first)
                || breaks_down(a, second)
                || q1.unit != q2.unit
                || first.normalized == second.normalized
                // Values both can hold ("more than 200" and "about 202"), or one the other
                // rounded, are no contradiction.
                || super::value_conflict::difference(q1, q2, 0.0)
                    .is_none_or(|(s, _)| s == super::Severity::Info)
                || super::value_conflict::same_quantity(a, i, j, min_sim, false).is_none()
                || super::value_conflict::different_moments(a, &moments, i, j)
            {
                continue;
            }
            let id = &a.story.sources[first.source].id;
            let mut f = rule.finding(
                first.about.clone(),
                format!(
                    "{id} gives this quantity as {} and as {}",
                    super::value_conflict::stated(first),
                    super::value_conflict::stated(second)
                ),
            );
            // A tally (the dead, the missing) given twice in one report: an update that left
            // an earlier figure behind, drift to reconcile rather than a contradiction.
            let senses = &a.lexicons.measures;
            let events = crate::extract::frame::parts(&first.context, Part::Event);
            if let Some(tally) = events
                .intersection(&crate::extract::frame::parts(&second.context, Part::Event))
                .find(|e| senses.is_tally(e))
            {
                f.severity = super::Severity::Warning.max(rule.spec.severity);
                f.note = Some(format!(
                    "a count that moves as a story unfolds ({tally}): an updated report may have kept an earlier figure"
                ));
            }
            f.push_claim(a, i);
            f.push_claim(a, j);
            out.push(f);
            reported.extend([i, j]);
        }
    }
}

/// Words that say the figure before them is above, or below, the figure after them.
const ABOVE: &[&str] = &[
    "above",
    "higher than",
    "exceeding",
    "exceeded",
    "exceeds",
    "surpassing",
    "topping",
    "topped",
    "over",
    "ahead of",
    "beat",
    "beating",
];
const BELOW: &[&str] = &[
    "below",
    "lower than",
    "short of",
    "under",
    "beneath",
    "behind",
    "shy of",
    "missing",
    "missed",
];

/// Each sentence's figures stated on their own (not a change, not a range) that `keep`
/// accepts, in claim order: (source, sentence) → claims.
fn plain_figures_by_sentence(
    a: &Analysis,
    keep: impl Fn(&crate::extract::quantity::Quantity) -> bool,
) -> BTreeMap<(usize, usize), Vec<usize>> {
    let mut by_sentence: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for (i, c) in a.claims.iter().enumerate() {
        if let Value::Quantity(q) = &c.value {
            if q.phase == Phase::Plain && q.high.is_none() && keep(q) {
                by_sentence
                    .entry((c.source, c.sentence))
                    .or_default()
                    .push(i);
            }
        }
    }
    by_sentence
}

/// A comparative that contradicts its own figures: "inflation of 2.8%, well above the 3%
/// target". The figure compared is the nearest figure of the same unit before the
/// comparative, in the same sentence.
fn comparatives(rule: &Rule, a: &Analysis, out: &mut Vec<Finding>) {
    let by_sentence = plain_figures_by_sentence(a, |q| !is_count(&q.unit));
    for ((si, _), members) in by_sentence {
        let source = &a.story.sources[si];
        for pair in members.windows(2) {
            let (first, second) = (pair[0], pair[1]);
            let (Value::Quantity(x), Value::Quantity(y)) =
                (&a.claims[first].value, &a.claims[second].value)
            else {
                continue;
            };
            if x.unit != y.unit || x.approximate || y.approximate {
                continue;
            }
            let between = crate::text::lowercase_aligned(
                source
                    .text
                    .slice(a.claims[first].span.end..a.claims[second].span.start),
            );
            let tail: Vec<&str> = between.split_whitespace().rev().take(4).collect();
            let tail: String = tail.into_iter().rev().collect::<Vec<_>>().join(" ");
            // Whole words only: "over" is not in "overall".
            let padded = format!(
                " {} ",
                tail.split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
            );
            let says = |list: &[&str]| list.iter().any(|w| padded.contains(&format!(" {w} ")));
            // Only a short stretch of words between the two, with one comparative.
            if between.split_whitespace().count() > 8 || (says(ABOVE) && says(BELOW)) {
                continue;
            }
            let (word, wrong) = if says(ABOVE) {
                ("above", x.value <= y.value)
            } else if says(BELOW) {
                ("below", x.value >= y.value)
            } else {
                continue;
            };
            if !wrong {
                continue;
            }
            let mut f = rule.finding(
                a.claims[first].about.clone(),
                format!(
                    "{} puts {} {word} {}",
                    source.id, a.claims[first].normalized, a.claims[second].normalized
                ),
            );
            f.note = Some(format!(
                "the comparative says the first figure is {word} the second; its own numbers say otherwise"
            ));
            f.push_claim(a, first);
            f.push_claim(a, second);
            out.push(f);
        }
    }
}

/// The finding of a total whose parts add up to `sum`, with the total and its parts.
fn total_finding(rule: &Rule, a: &Analysis, total: usize, parts: &[usize], sum: f64) -> Finding {
    let shown: Vec<&str> = parts
        .iter()
        .map(|&p| a.claims[p].normalized.as_str())
        .collect();
    let mut f = rule.finding(
        a.claims[total].about.clone(),
        format!(
            "{} gives a total of {} but parts adding up to {} ({})",
            a.story.sources[a.claims[total].source].id,
            a.claims[total].normalized,
            crate::extract::quantity::plain(sum),
            shown.join(" + ")
        ),
    );
    f.push_claim(a, total);
    for &p in parts {
        f.push_claim(a, p);
    }
    f
}

/// Does a counted noun count people of some kind (people, children, soldiers, police…)?
fn counts_people(senses: &crate::extract::frame::Senses, unit: &str) -> bool {
    matches!(
        senses.sense(Part::Kind, unit),
        Some("people" | "children" | "soldiers" | "police")
    )
}

/// Openings of a sentence that breaks down the count of the sentence before it: "The
/// quake killed 40 people. Among the dead were 25 children and 20 adults."
const BREAKDOWN: &[&str] = &[
    "of those",
    "of them",
    "of these",
    "of whom",
    "among them",
    "among those",
    "among these",
    "among the dead",
    "among the injured",
    "among the victims",
    "among the missing",
    "they included",
    "they include",
    "those included",
    "the dead included",
    "the victims included",
];

/// Does a figure's sentence open by breaking down a count before it ("Of those, …",
/// "Among the dead were …")? Its figures are parts, not the count again.
fn breaks_down(a: &Analysis, c: &crate::extract::Claim) -> bool {
    let Some(doc) = a.docs.get(c.source) else {
        return false;
    };
    if c.sentence >= doc.sentences.len() {
        return false;
    }
    let opening = crate::text::lowercase_aligned(doc.sentence_text(c.sentence));
    let opening = opening.trim_start_matches(|ch: char| !ch.is_alphanumeric());
    BREAKDOWN.iter().any(|b| {
        opening.starts_with(b)
            && opening
                .slice(b.len()..)
                .starts_with(|ch: char| !ch.is_alphanumeric())
    })
}

/// A count broken down in the next sentence of its paragraph, whose parts add up to more:
/// "The quake killed 40 people. Among the dead were 25 children and 20 adults." The total
/// is the last count of the sentence before; the parts are counts of one kind with it
/// (people of any kind for people).
fn parts_in_next_sentence(rule: &Rule, a: &Analysis, out: &mut Vec<Finding>) {
    let by_sentence = plain_figures_by_sentence(a, |q| is_count(&q.unit) && !q.unit.is_empty());
    let senses = &a.lexicons.measures;
    let kind = |u: &str| {
        senses
            .sense(Part::Kind, u)
            .map_or_else(|| crate::words::stem(u), str::to_string)
    };
    for (&(si, sentence), parts) in &by_sentence {
        if sentence == 0 || parts.len() < 2 {
            continue;
        }
        let doc = &a.docs[si];
        let (Some(prev), Some(here)) =
            (doc.sentences.get(sentence - 1), doc.sentences.get(sentence))
        else {
            continue;
        };
        if prev.paragraph != here.paragraph {
            continue;
        }
        if !breaks_down(a, &a.claims[parts[0]]) {
            continue;
        }
        let Some(&total) = by_sentence.get(&(si, sentence - 1)).and_then(|v| v.last()) else {
            continue;
        };
        let Value::Quantity(t) = &a.claims[total].value else {
            continue;
        };
        if t.bound != Bound::Exact {
            continue;
        }
        let quantities: Vec<&crate::extract::quantity::Quantity> = parts
            .iter()
            .filter_map(|&p| match &a.claims[p].value {
                Value::Quantity(q) => Some(q),
                _ => None,
            })
            .collect();
        let people = |u: &str| counts_people(senses, u);
        if quantities
            .iter()
            .any(|q| kind(&q.unit) != kind(&t.unit) && !(people(&q.unit) && people(&t.unit)))
        {
            continue;
        }
        let sum: f64 = quantities.iter().map(|q| q.value).sum();
        if sum <= t.value + 1e-9 {
            continue;
        }
        let mut f = total_finding(rule, a, total, parts, sum);
        f.note = Some("the next sentence breaks the total down into parts that exceed it".into());
        out.push(f);
    }
}

/// Words that call a price cash paid ("an all-cash deal", "$5 billion in cash").
const CASH: &[&str] = &["all-cash", "all cash", "in cash", "cash deal", "cash offer"];
/// Words that make a price a total including debt the buyer takes on, not cash paid.
const WITH_DEBT: &[&str] = &[
    "enterprise value",
    "including debt",
    "including net debt",
    "including assumed debt",
    "assumption of debt",
    "assumed debt",
    "assuming debt",
    "assume debt",
    "plus debt",
];

/// One price called cash and also a total including assumed debt: "will buy U.S. Steel for
/// $14.9 billion in an all-cash agreement" and, later, "an equity value of $14.1 billion
/// along with an assumption of debt, for a total enterprise value of $14.9 billion". The
/// cash paid is the equity value; general knowledge of how deals are priced.
fn cash_with_debt(rule: &Rule, a: &Analysis, out: &mut Vec<Finding>) {
    // (source, currency, value) → (claims called cash, claims including debt)
    type Sides = (Vec<usize>, Vec<usize>);
    let mut by_price: BTreeMap<(usize, String, i64), Sides> = BTreeMap::new();
    for (i, c) in a.claims.iter().enumerate() {
        let Value::Quantity(q) = &c.value else {
            continue;
        };
        if !super::value_conflict::is_currency(&q.unit) || q.unit.contains('/') || q.high.is_some()
        {
            continue;
        }
        let Some(sn) = a
            .docs
            .get(c.source)
            .and_then(|d| d.sentences.get(c.sentence))
        else {
            continue;
        };
        let text = &a.story.sources[c.source].text;
        let sentence = crate::text::lowercase_aligned(text.slice(sn.span.start..sn.span.end));
        let at = c
            .span
            .start
            .saturating_sub(sn.span.start)
            .min(sentence.len());
        let end = c.span.end.saturating_sub(sn.span.start).min(sentence.len());
        // The figure's own words: a few before it, and its clause after it.
        let before = sentence.slice(crate::text::window_start(&sentence, at, 40)..at);
        let after = sentence.slice(end..crate::text::window_end(&sentence, end, 40));
        let after = after.split([',', ';']).next().unwrap_or("");
        let cash = CASH.iter().any(|w| after.contains(w) || before.contains(w));
        let debt = WITH_DEBT
            .iter()
            .any(|w| before.contains(w) || after.contains(w));
        if cash == debt {
            continue;
        }
        // Rounded to three significant figures, as prices are written.
        let magnitude = 10f64.powi(q.value.abs().max(1.0).log10().floor() as i32 - 2);
        let key = (
            c.source,
            q.unit.clone(),
            (q.value / magnitude).round() as i64,
        );
        let sides = by_price.entry(key).or_default();
        if cash {
            sides.0.push(i);
        } else {
            sides.1.push(i);
        }
    }
    for ((si, _, _), (cash, debt)) in by_price {
        let (Some(&x), Some(&y)) = (cash.first(), debt.first()) else {
            continue;
        };
        let id = &a.story.sources[si].id;
        let mut f = rule.finding(
            a.claims[x].about.clone(),
            format!(
                "{id} calls {} a cash price, and also a total that includes debt the buyer takes on",
                a.claims[x].text
            ),
        );
        f.severity = super::Severity::Warning.max(rule.spec.severity);
        f.note = Some(
            "a price that includes assumed debt (an enterprise value) is not all paid in cash; the cash is the equity value".into(),
        );
        f.push_claim(a, x);
        f.push_claim(a, y);
        out.push(f);
    }
}

/// More figures than this sharing a context word and unit in one source are a series.
const MAX_SERIES: usize = 6;

/// Words that say a list gives only some of the parts.
const NOT_ALL: &[&str] = &[
    "including",
    "among",
    "others",
    "such as",
    "at least",
    "more than",
    "some",
    "rest",
    "remaining",
];

/// Words that mark a figure as a total, and words that introduce its parts.
const TOTAL: &[&str] = &[
    "total",
    "totalled",
    "totaled",
    "totalling",
    "totaling",
    "altogether",
    "combined",
    "overall",
    "in all",
];
const PARTS: &[&str] = &[
    "including",
    "of which",
    "of them",
    "of whom",
    "comprising",
    "made up of",
    "among them",
];

/// Parts that add up to more than the total the same sentence states: "a total of 40
/// people were hurt, including 25 children and 20 adults".
fn parts_exceed_total(rule: &Rule, a: &Analysis, out: &mut Vec<Finding>) {
    let by_sentence = plain_figures_by_sentence(a, |_| true);
    for ((si, sentence), members) in by_sentence {
        if members.len() < 3 {
            continue;
        }
        let source = &a.story.sources[si];
        let Some(sn) = a.docs[si].sentences.get(sentence) else {
            continue;
        };
        let text = crate::text::lowercase_aligned(source.text.slice(sn.span.start..sn.span.end));
        let at = |i: usize| {
            a.claims[i]
                .span
                .start
                .saturating_sub(sn.span.start)
                .min(text.len())
        };
        for &t in &members {
            let before = text.slice(..at(t));
            let window: String = before
                .split_whitespace()
                .rev()
                .take(4)
                .collect::<Vec<_>>()
                .join(" ");
            let after: String = text
                .slice((a.claims[t].span.end - sn.span.start).min(text.len())..)
                .split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ");
            // "Of the 95 cases, 90 … and 15 …": a total that opens the sentence, its parts
            // after the comma.
            let opens = matches!(
                before.trim(),
                "of" | "of the" | "of these" | "of those" | "of its" | "of their" | "of all"
            );
            // "40 homes were destroyed: 12 in Alton, 15 in Brent and 10 in Carver": a list
            // after a colon gives every part, so its sum must be the total, both ways.
            let total_end = a.claims[t]
                .span
                .end
                .saturating_sub(sn.span.start)
                .min(text.len());
            let tail = text.slice(total_end..);
            // Only one colon, after at most a few words and no figure ("Runs: 8463
            // Centuries: 15" is a table, not a total and its parts).
            let colon = tail
                .find(':')
                .filter(|&k| {
                    let between = tail.slice(..k);
                    tail.matches(':').count() == 1
                        && !text.slice(..at(t)).contains(':')
                        && !between.contains([',', ';', '(', ')'])
                        && !between.contains(|c: char| c.is_ascii_digit())
                        && between.split_whitespace().count() <= 6
                })
                .map(|k| k + total_end);
            // Whole words only: "rest" is not in "arrested".
            let exhaustive = colon.is_some_and(|k| {
                let list: Vec<&str> = text
                    .slice(k..)
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .collect();
                let padded = format!(" {} ", list.join(" "));
                !NOT_ALL.iter().any(|w| padded.contains(&format!(" {w} ")))
            });
            let named_total = TOTAL.iter().any(|w| window.contains(w))
                || after.starts_with("in total")
                || after.starts_with("in all")
                || opens;
            if !named_total && !exhaustive {
                continue;
            }
            let Value::Quantity(total) = &a.claims[t].value else {
                continue;
            };
            // The parts: same unit, after a parts marker that follows the total.
            let marker = PARTS
                .iter()
                .filter_map(|m| text.slice(at(t)..).find(m).map(|p| p + at(t)))
                .chain(
                    opens
                        .then(|| text.slice(at(t)..).find(',').map(|p| p + at(t)))
                        .flatten(),
                )
                .chain(colon.filter(|_| exhaustive))
                .min();
            let Some(marker) = marker else { continue };
            let parts: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&p| p != t && at(p) > marker)
                .filter(|&p| {
                    matches!(&a.claims[p].value, Value::Quantity(q)
                        if q.unit == total.unit || (is_count(&q.unit) && is_count(&total.unit)))
                })
                .collect();
            if parts.len() < 2 {
                continue;
            }
            // A list that gives every part counts one thing: each part in the total's unit, or
            // people of some kind when the total counts people ("nine people: five
            // firefighters and four residents"); any other figure in it is no part.
            let people = |u: &str| counts_people(&a.lexicons.measures, u);
            let exhaustive = exhaustive
                && members.iter().all(|&p| {
                    at(p) <= marker
                        || parts.contains(&p)
                            && matches!(&a.claims[p].value, Value::Quantity(q)
                                if q.unit == total.unit || (people(&q.unit) && people(&total.unit)))
                });
            if !named_total && !exhaustive {
                continue;
            }
            let sum: f64 = parts
                .iter()
                .filter_map(|&p| match &a.claims[p].value {
                    Value::Quantity(q) => Some(q.value),
                    _ => None,
                })
                .sum();
            let short = exhaustive && sum < total.value - 1e-9 && total.bound == Bound::Exact;
            if sum > total.value + 1e-9 || short {
                let mut f = total_finding(rule, a, t, &parts, sum);
                f.note = Some(if short {
                    "the parts the list after the colon gives fall short of the total it states"
                        .into()
                } else {
                    "the parts the sentence lists exceed the total it states".into()
                });
                if short {
                    f.severity = super::Severity::Warning.max(rule.spec.severity);
                }
                out.push(f);
            }
        }
    }
}
