//! `internal-date`: a source contradicting itself or the calendar about a date.
//!
//! Checks, each on one source alone: relative words against the explicit date given with
//! them ("yesterday (June 10)" in a June 10 piece); a weekday against its date ("Tuesday,
//! June 9, 2025"); a future-tense event dated in a year before publication; one time given
//! in two zones that do not agree ("3 p.m. ET (21:00 CET)"); a standard-time abbreviation
//! in a season of daylight time ("EST" in July); a month and day no calendar has
//! ("February 30", "June 31"); an event told in the past tense dated after the piece's own
//! date; something resuming before the day it began; and one event dated on two different
//! days in the same source.

use chrono::{Datelike, NaiveDate};

use super::date_conflict::{clusters, describe, event_date};
use super::{Check, Rule};
use crate::extract::time::{self, ZoneKind};
use crate::extract::Value;
use crate::finding::Finding;
use crate::Analysis;

pub struct InternalDate;

impl Check for InternalDate {
    fn run(&self, rule: &Rule, a: &Analysis, out: &mut Vec<Finding>) {
        for (ci, c) in a.claims.iter().enumerate() {
            let Value::Date(v) = &c.value else { continue };
            let id = &a.story.sources[c.source].id;
            let published = a.times[c.source].published;
            let mut problems: Vec<(String, String)> = Vec::new();
            let mut slips: Vec<usize> = Vec::new();
            if v.impossible {
                problems.push((
                    format!("{id} gives {}, a day that does not exist", c.text.trim()),
                    impossible_note(&c.text),
                ));
            }
            if let (Some(rel), Some(d)) = (v.relative, v.date) {
                if rel != d {
                    problems.push((
                        format!(
                            "{id} says \"{}\", which is {rel}, but dates it {d}",
                            v.relative_text.as_deref().unwrap_or("").trim()
                        ),
                        format!(
                            "{}; the explicit date is {d} ({})",
                            v.reasoning,
                            d.format("%A")
                        ),
                    ));
                }
            }
            if let (Some(d), Some(w)) = (v.date, v.weekday) {
                if d.weekday() != w && v.relative.is_none() {
                    // A weekday beside a date that does not fit: a slip in one of the two
                    // words, for an editor to check (the date itself is compared across
                    // sources by `date-conflict`).
                    slips.push(problems.len());
                    problems.push((
                        format!(
                            "{id} gives {} for {d}, which is a {}",
                            time::weekday_name(w),
                            d.format("%A")
                        ),
                        format!("{d} fell on a {}", d.format("%A")),
                    ));
                }
            }
            if let (Some(d), Some(p)) = (v.date, published) {
                if v.future && v.explicit_year && d.year() < p.date().year() {
                    problems.push((
                        format!("{id} describes a future event dated {d}, before the piece was published ({})", p.date()),
                        format!("published {p}; future tense, dated in {}", d.year()),
                    ));
                }
                // "The bridge collapsed on June 12, 2025" in a piece dated June 10: the page
                // date or the event's date is wrong (a day's grace for time zones).
                if v.past
                    && v.event.is_some()
                    && v.explicit_year
                    && v.is_day()
                    && (d - p.date()).num_days() > 1
                {
                    slips.push(problems.len());
                    problems.push((
                        format!(
                            "{id} tells of an event on {d} in the past tense, after its own date ({})",
                            p.date()
                        ),
                        format!(
                            "published {p}; the sentence's verb is in the past tense: either the page's date or the event's is wrong"
                        ),
                    ));
                }
            }
            let day = v.date.or_else(|| published.map(|p| p.date()));
            if let (Some(t1), Some(z1), Some((t2, z2))) =
                (v.time, v.zone.as_deref(), v.alt_time.as_ref())
            {
                let tz = a.story.timezone;
                let lex = &a.lexicons.time;
                // With no day known, the two times must disagree in winter and in summer
                // alike: then they disagree whatever the day.
                let days: Vec<NaiveDate> = match day {
                    Some(d) => vec![d],
                    None => [(1, 15), (7, 15)]
                        .iter()
                        .filter_map(|&(m, d)| NaiveDate::from_ymd_opt(2024, m, d))
                        .collect(),
                };
                let both = |d: NaiveDate| {
                    Some((
                        time::instant(d, t1, z1, lex, tz)?,
                        time::instant(d, *t2, z2, lex, tz)?,
                    ))
                };
                let pairs: Vec<_> = days.iter().filter_map(|&d| both(d)).collect();
                if pairs.len() == days.len() && pairs.iter().all(|(i1, i2)| i1 != i2) {
                    let (i1, i2) = pairs[0];
                    {
                        problems.push((
                            format!(
                                "{id} gives one moment as {} {z1} and {} {z2}, which differ by {} minutes",
                                t1.format("%H:%M"),
                                t2.format("%H:%M"),
                                (i2 - i1).num_minutes().abs()
                            ),
                            if day.is_some() {
                                format!("{} {z1} = {}; {} {z2} = {}", t1.format("%H:%M"), i1.to_rfc3339(), t2.format("%H:%M"), i2.to_rfc3339())
                            } else {
                                let gaps: Vec<String> = pairs
                                    .iter()
                                    .map(|(i1, i2)| (*i2 - *i1).num_minutes().abs().to_string())
                                    .collect();
                                format!("the source gives no day; the two differ in winter and in summer alike ({} minutes)", gaps.join(" and "))
                            },
                        ));
                    }
                }
            }
            if let (Some(zone), Some(day)) = (v.zone.as_deref(), day) {
                if let Some((tz, ZoneKind::Standard, _)) =
                    a.lexicons.time.resolve(zone, a.story.timezone)
                {
                    if time::is_dst(tz, day) {
                        problems.push((
                            format!("{id} uses {zone}, a standard-time zone, for {day}, when {} keeps daylight time", tz.name()),
                            format!("{} observes daylight-saving time on {day}; the generic or daylight abbreviation was probably meant", tz.name()),
                        ));
                    }
                }
            }
            for (k, (message, note)) in problems.into_iter().enumerate() {
                let mut f = rule.finding(c.about.clone(), message);
                if slips.contains(&k) && f.severity == super::Severity::Error {
                    f.severity = super::Severity::Warning;
                }
                f.note = Some(note);
                f.push_claim(a, ci);
                out.push(f);
            }
        }
        resumed_before_begun(rule, a, out);
        // One event dated on two different days within one source.
        for group in clusters(a, false) {
            let values: Vec<(usize, NaiveDate)> = group
                .iter()
                .filter_map(|&m| {
                    event_date(&a.claims[m])
                        .filter(|v| v.is_day())
                        .and_then(|v| v.date)
                        .map(|d| (m, d))
                })
                .collect();
            // Two dates of one sentence are two events ("pre-orders open in North America on
            // April 9, while customers in Europe can order from April 8"): only dates of
            // different sentences are one event dated twice.
            let sentence = |m: usize| (a.claims[m].source, a.claims[m].sentence);
            let Some((first, d0, other, d1)) = values.iter().find_map(|&(m, d)| {
                values
                    .iter()
                    .find(|&&(o, e)| e != d && sentence(o) != sentence(m))
                    .map(|&(o, e)| (m, d, o, e))
            }) else {
                // One day, two times of day for one event ("around 1:35 a.m." in a caption,
                // "around 1:30 a.m." in the text): drift to reconcile.
                let time = |m: usize| event_date(&a.claims[m]).and_then(|v| v.time);
                if let Some((first, other)) = values.iter().find_map(|&(m, d)| {
                    values
                        .iter()
                        .find(|&&(o, e)| {
                            e == d
                                && sentence(o) != sentence(m)
                                && time(m).is_some()
                                && time(o).is_some()
                                && time(m) != time(o)
                        })
                        .map(|&(o, _)| (m, o))
                }) {
                    let (c0, c1) = (&a.claims[first], &a.claims[other]);
                    let id = &a.story.sources[c0.source].id;
                    let mut f = rule.finding(
                        c0.about.clone(),
                        format!(
                            "{id} times the same event {} and {}",
                            c0.text.trim(),
                            c1.text.trim()
                        ),
                    );
                    f.severity = super::Severity::Warning.max(rule.spec.severity);
                    f.note = Some(format!(
                        "{} and {}: both sentences name the same kind of event about the same thing on one day",
                        c0.normalized, c1.normalized
                    ));
                    f.push_claim(a, first);
                    f.push_claim(a, other);
                    out.push(f);
                }
                continue;
            };
            let c0 = &a.claims[first];
            let id = &a.story.sources[c0.source].id;
            let v0 = event_date(c0).map_or_else(String::new, |v| describe(v, &c0.normalized));
            let c1 = &a.claims[other];
            let v1 = event_date(c1).map_or_else(String::new, |v| describe(v, &c1.normalized));
            let mut f = rule.finding(
                c0.about.clone(),
                format!("{id} dates the same event {v0} and {v1}"),
            );
            f.note = Some(format!(
                "{d0} and {d1}: both sentences name the same kind of event about the same thing"
            ));
            f.push_claim(a, first);
            f.push_claim(a, other);
            out.push(f);
        }
    }
}

/// A source that has something resume (or continue) before the day it says it began: "the
/// talks began on June 10 … the talks resumed on June 9". The earliest beginning of each
/// noun class per source is kept, so the check is one pass over the claims.
fn resumed_before_begun(rule: &Rule, a: &Analysis, out: &mut Vec<Finding>) {
    use std::collections::BTreeMap;
    fn day(c: &crate::extract::Claim) -> Option<(&time::DateValue, NaiveDate)> {
        match &c.value {
            Value::Date(v) if v.is_day() && !c.copied => v.date.map(|d| (v, d)),
            _ => None,
        }
    }
    // (source, noun class) → (earliest beginning, its claim).
    let mut begun: BTreeMap<(usize, &str), (NaiveDate, usize)> = BTreeMap::new();
    for (ci, c) in a.claims.iter().enumerate() {
        let Some((v, d)) = day(c) else { continue };
        if v.event.as_deref() != Some("begin") {
            continue;
        }
        for noun in v.topics.iter().filter(|t| t.starts_with("n:")) {
            let e = begun.entry((c.source, noun.as_str())).or_insert((d, ci));
            if d < e.0 {
                *e = (d, ci);
            }
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    for (ci, c) in a.claims.iter().enumerate() {
        let Some((v, d)) = day(c) else { continue };
        if v.event.as_deref() != Some("continue") {
            continue;
        }
        let Some(&(start, bi)) = v
            .topics
            .iter()
            .filter(|t| t.starts_with("n:"))
            .filter_map(|n| begun.get(&(c.source, n.as_str())))
            .find(|(start, bi)| d < *start && a.claims[*bi].sentence != c.sentence)
        else {
            continue;
        };
        if !seen.insert((bi, ci)) {
            continue;
        }
        let id = &a.story.sources[c.source].id;
        let mut f = rule.finding(
            c.about.clone(),
            format!("{id} has it resume on {d}, before it began ({start})"),
        );
        f.severity = super::Severity::Warning.max(rule.spec.severity);
        f.note = Some(format!(
            "{d} ({}) comes before {start} ({}): a resumption or continuation cannot precede the beginning it follows",
            d.format("%A"),
            start.format("%A")
        ));
        f.push_claim(a, bi);
        f.push_claim(a, ci);
        out.push(f);
    }
}

/// Why a written date does not exist: "June has 30 days" / "February 2025 has 28 days".
fn impossible_note(text: &str) -> String {
    let lower = text.to_lowercase();
    let month = lower
        .split(|c: char| !c.is_alphabetic())
        .find_map(time::month_number);
    let year = lower
        .split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 4)
        .and_then(|w| w.parse::<i32>().ok());
    let Some(m) = month else {
        return "no month has that many days".into();
    };
    let days = |y: i32| {
        let first = NaiveDate::from_ymd_opt(y, m, 1)?;
        let next = first.checked_add_months(chrono::Months::new(1))?;
        Some((next - first).num_days())
    };
    let name = NaiveDate::from_ymd_opt(2024, m, 1)
        .map_or_else(String::new, |d| d.format("%B").to_string());
    match year.and_then(|y| days(y).map(|n| (y, n))) {
        Some((y, n)) => format!("{name} {y} has {n} days"),
        None if m == 2 => format!("{name} has 28 days, 29 in a leap year"),
        None => format!("{name} has {} days", days(2025).unwrap_or(31)),
    }
}
