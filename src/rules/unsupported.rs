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

use std::collections::{BTreeMap, BTreeSet};

use super::{Check, Rule};
use crate::extract::quantity::is_count;
use crate::extract::Value;
use crate::finding::Finding;
use crate::story::Role;
use crate::text::Slice;
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
            count(
                "min-new-words",
                1,
                "words no reference uses that make a draft sentence unsupported (claim type `words`)",
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
                    Some(k) if crate::extract::KINDS.contains(&k) || k == "words" => {}
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
        let reference_numbers: Vec<&crate::extract::quantity::Quantity> = a
            .claims
            .iter()
            .filter(|c| is_ref(c.source))
            .filter_map(|c| match &c.value {
                Value::Quantity(q) => Some(q),
                _ => None,
            })
            .collect();
        let reference_quotes: Vec<Vec<String>> = a
            .claims
            .iter()
            .filter(|c| is_ref(c.source) && matches!(c.value, Value::Quote(_)))
            .map(|c| words::content_words(&c.normalized))
            .collect();
        let first = out.len();
        if kinds.iter().any(|k| k == "name") {
            unsupported_names(rule, a, out);
        }
        for (ci, c) in a.claims.iter().enumerate() {
            if !is_draft(c.source) || !kinds.iter().any(|k| k == c.value.kind()) {
                continue;
            }
            // Names are checked word by word against the references' text, below.
            if matches!(c.value, Value::Name(_)) {
                continue;
            }
            match &c.value {
                Value::Quote(_) if c.normalized.split_whitespace().count() < min_words => continue,
                // Reported speech is the draft's own paraphrase, not words it quotes.
                Value::Quote(q) if !q.marked => continue,
                // "last year", "this week": not a specific date.
                Value::Date(v) if !v.is_day() => continue,
                // A title is checked when it names whose office it is (a relation in
                // apposition: "Oduya's campaign manager"); a bare office is often paraphrased.
                Value::Title(t)
                    if !t.normalized.contains("'s ") && !t.normalized.contains("’s ") =>
                {
                    continue
                }
                _ => {}
            }
            // A figure is supported by a reference giving the same number, whatever noun
            // counts it ("40 homes", "40 properties"; "the 24-year-old", "Mensah, 24,"),
            // and covered by an aligned reference figure in the same unit (if the values
            // differ, `number-conflict` reports it). An aligned figure in another unit
            // ("82 years old" beside "18 months") is a different quantity: no support.
            let members = &a.groups[group_of[ci]].members;
            let aligned = match &c.value {
                Value::Quantity(q) => {
                    reference_numbers.iter().any(|r| same_number(q, r))
                        || members.iter().any(|&m| {
                            is_ref(a.claims[m].source)
                                && matches!(&a.claims[m].value,
                                    Value::Quantity(r) if r.unit == q.unit)
                        })
                }
                _ => members.iter().any(|&m| is_ref(a.claims[m].source)),
            };
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
                    match c.value {
                        Value::Quantity(_) => super::value_conflict::human(&c.normalized),
                        _ => c.normalized.clone(),
                    }
                ),
            );
            // Measured on FRANK's validation split: a date no reference gives is confirmed
            // less often (a paraphrased or implied day) than a figure.
            f.confidence_hint = match c.value {
                Value::Date(_) => Some(0.65),
                Value::Quantity(_) | Value::Quote(_) => Some(0.9),
                _ => None,
            };
            f.push_claim(a, ci);
            out.push(f);
        }
        if kinds.iter().any(|k| k == "words") {
            let least = rule.param_f64("min-new-words", 2.0).max(1.0) as usize;
            // A sentence already reported (a name, a figure, a date, a quote) is not
            // reported again for its wording.
            let seen: BTreeSet<(String, String)> = out[first..]
                .iter()
                .flat_map(|f| f.values.iter())
                .map(|v| (v.source.clone(), v.sentence.clone()))
                .collect();
            unsupported_words(rule, a, least, &seen, out);
        }
    }
}

/// A word of a name worth checking: three letters or more, not a function word, a month, a
/// weekday or an office ("President", "Secretary" are said of many).
fn name_word(a: &Analysis, w: &str) -> bool {
    let low = w.to_lowercase();
    low.chars().count() >= 3
        && low
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
        && !words::is_stop(&low)
        && crate::extract::time::month_word(&low).is_none()
        && crate::extract::time::weekday_word(&low).is_none()
        && !a.lexicons.entity.is_office(w)
}

/// Every word of every reference, lower-case.
fn reference_words<'a>(a: &'a Analysis<'_>) -> impl Iterator<Item = String> + 'a {
    a.docs
        .iter()
        .enumerate()
        .filter(|(si, _)| a.story.sources[*si].role == Role::Reference)
        .flat_map(|(_, doc)| {
            let text = doc.cleaned.text.as_str();
            words::tokens(text)
                .into_iter()
                .map(move |(s, e)| text.slice(s..e).to_lowercase())
        })
}

/// In review mode, the names of the draft (people, organisations, places: capitalised words
/// past the first of a sentence) that no reference mentions anywhere, in any case. A name
/// with several words is unsupported when one of its words is nowhere in the references
/// ("Manchester United" against references that only say "Manchester City").
fn unsupported_names(rule: &Rule, a: &Analysis, out: &mut Vec<Finding>) {
    let places = &a.lexicons.quantity.places;
    let place = |w: &str| places.get(w).cloned().unwrap_or_else(|| w.to_string());
    // Every word of every reference, lower-case, its stem, and its place.
    let mut known: BTreeSet<String> = BTreeSet::new();
    for w in reference_words(a) {
        let w = w.trim_end_matches("’s").trim_end_matches("'s");
        known.insert(words::stem(w));
        known.insert(place(w));
        known.insert(w.to_string());
    }
    // A word the references spell a letter or two differently is a misspelling, which
    // `name-variant` reports: not a name the references lack.
    let mut by_initial: BTreeMap<char, Vec<&str>> = BTreeMap::new();
    for w in &known {
        if let Some(c) = w.chars().next() {
            by_initial.entry(c).or_default().push(w);
        }
    }
    let supported = |w: &str| {
        let low = w.to_lowercase();
        let low = low.trim_end_matches("’s").trim_end_matches("'s");
        known.contains(low)
            || known.contains(&words::stem(low))
            || known.contains(&place(low))
            || low
                .chars()
                .next()
                .and_then(|c| by_initial.get(&c))
                .is_some_and(|ws| {
                    ws.iter()
                        .any(|k| super::name_spelling::near_spelling(low, k))
                })
    };
    for (si, doc) in a.docs.iter().enumerate() {
        if a.story.sources[si].role != Role::Draft {
            continue;
        }
        let mut reported: BTreeSet<String> = BTreeSet::new();
        for (i, sentence) in doc.sentences.iter().enumerate() {
            let text = doc.sentence_text(i);
            let toks = words::tokens(text);
            let capital = |k: usize| {
                text.slice(toks[k].0..toks[k].1)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
            };
            // The first word of a sentence is capitalised whatever it is, unless it opens a
            // run of capitalised words ("Andrew Marr said").
            let mut k = usize::from(
                toks.len() < 2
                    || !capital(1)
                    || !text.slice(toks[0].1..toks[1].0).trim().is_empty(),
            );
            while k < toks.len() {
                if !capital(k) {
                    k += 1;
                    continue;
                }
                let start = k;
                while k == start
                    || k < toks.len()
                        && capital(k)
                        && text.slice(toks[k - 1].1..toks[k].0).trim().is_empty()
                {
                    k += 1;
                }
                let run = &toks[start..k];
                let missing: Vec<&str> = run
                    .iter()
                    .map(|&(s, e)| text.slice(s..e))
                    .filter(|w| name_word(a, w) && !supported(w))
                    .collect();
                if missing.is_empty() {
                    continue;
                }
                let name = text.slice(run[0].0..run[run.len() - 1].1).to_string();
                if !reported.insert(name.to_lowercase()) {
                    continue;
                }
                let mut f = rule.finding(
                    name.clone(),
                    format!(
                        "the draft names \u{201c}{name}\u{201d}; no reference mentions \u{201c}{}\u{201d}",
                        missing.join(" ")
                    ),
                );
                let span = doc.cleaned.text.to_span(
                    sentence.start + run[0].0,
                    sentence.start + run[run.len() - 1].1,
                    &a.story.sources[si].text,
                );
                f.values
                    .push(crate::finding::evidence(a, si, i, span, &name));
                out.push(f);
            }
        }
    }
}

/// The first letters of a word that tell it among its relatives ("investi" for
/// "investigation", "investigators"): a word whose stem shares them is no new word.
const ROOT_LETTERS: usize = 7;

fn root(w: &str) -> String {
    w.chars().take(ROOT_LETTERS).collect()
}

/// In review mode, a sentence of the draft that says things in words no reference uses:
/// at least `least` words of substance (not function words, months, weekdays or figures)
/// whose stem or root ("investi…") no reference has. Each is named, so the editor sees
/// what the draft adds.
fn unsupported_words(
    rule: &Rule,
    a: &Analysis,
    least: usize,
    seen: &BTreeSet<(String, String)>,
    out: &mut Vec<Finding>,
) {
    let mut known: BTreeSet<String> = BTreeSet::new();
    for w in reference_words(a) {
        let stem = words::stem(w.trim_end_matches("'s").trim_end_matches("’s"));
        known.insert(root(&stem));
        known.insert(stem);
    }
    if known.is_empty() {
        return;
    }
    for (si, doc) in a.docs.iter().enumerate() {
        if a.story.sources[si].role != Role::Draft {
            continue;
        }
        let id = &a.story.sources[si].id;
        for (i, sentence) in doc.sentences.iter().enumerate() {
            let text = doc.sentence_text(i);
            // The sentence as findings show it (from the source's own text).
            let shown = crate::finding::evidence(a, si, i, sentence.span, "").sentence;
            if seen.contains(&(id.clone(), shown)) {
                continue;
            }
            let mut new: Vec<&str> = Vec::new();
            for (s, e) in words::tokens(text) {
                let w = text.slice(s..e);
                let low = w.to_lowercase();
                if !name_word(a, w) || new.iter().any(|n| n.eq_ignore_ascii_case(w)) {
                    continue;
                }
                let stem = words::stem(low.trim_end_matches("'s").trim_end_matches("’s"));
                if !known.contains(&stem) && !known.contains(&root(&stem)) {
                    new.push(w);
                }
            }
            if new.len() < least {
                continue;
            }
            let said = text.trim();
            // The sentence's opening words, cut at a word, as the subject.
            let mut subject = String::new();
            for w in said.split_whitespace() {
                if !subject.is_empty() && subject.chars().count() + w.chars().count() > 60 {
                    subject.push('…');
                    break;
                }
                if !subject.is_empty() {
                    subject.push(' ');
                }
                subject.push_str(w);
            }
            let subject = subject
                .trim_end_matches(['.', '!', '?', ',', ';', ':'])
                .to_string();
            let quoted: Vec<String> = new.iter().map(|w| format!("\u{201c}{w}\u{201d}")).collect();
            let mut f = rule.finding(
                subject,
                format!(
                    "the draft's sentence says what no reference says: no reference uses {}",
                    quoted.join(", ")
                ),
            );
            let lead = text.len() - text.trim_start().len();
            let span = doc.cleaned.text.to_span(
                sentence.start + lead,
                sentence.start + lead + said.len(),
                &a.story.sources[si].text,
            );
            f.values
                .push(crate::finding::evidence(a, si, i, span, said));
            out.push(f);
        }
    }
}

/// The same number, whatever its unit or noun: equal values, or equal ranges.
fn same_number(
    q: &crate::extract::quantity::Quantity,
    r: &crate::extract::quantity::Quantity,
) -> bool {
    let close = |x: f64, y: f64| (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0);
    // Small whole numbers recur in any article with other meanings ("2 goals", "6 uses"):
    // only a number worth noticing is matched across nouns.
    let notable = q.value.fract() != 0.0 || q.value.abs() > 10.0;
    close(q.value, r.value)
        // Counted nouns ("homes", "properties"), never measures, money, shares or durations.
        && (q.unit == r.unit || notable && is_count(&q.unit) && is_count(&r.unit))
        && match (q.high, r.high) {
            (Some(x), Some(y)) => close(x, y),
            _ => true,
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
