//! Time expressions: calendar dates, resolved against the source's publication time.
//!
//! Input: sentences. Output: `Value::Date` claims whose `normalized` is `YYYY-MM-DD` (or a
//! weekday name when nothing anchors it). Zone abbreviations and their offsets are data
//! (`rules/lexicon/timezones.toml`).

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, Weekday};
use regex::Regex;
use serde::Deserialize;

use super::{claim, Claim, Ctx, Value};
use crate::segment::Doc;
use crate::story::Source;
use crate::words;

/// Time-zone abbreviations (`rules/lexicon/timezones.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Lexicon {
    #[serde(default)]
    pub zone: Vec<ZoneAbbreviation>,
}

/// One abbreviation and what it may stand for.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ZoneAbbreviation {
    pub abbreviation: String,
    /// IANA zones it may stand for, most likely first.
    pub zones: Vec<String>,
}

/// A resolved (or partly resolved) date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateValue {
    /// The calendar date, when known.
    pub date: Option<NaiveDate>,
    /// The weekday the text names, if any.
    pub weekday: Option<Weekday>,
    /// How the date was found, for notes ("explicit", "weekday", "relative").
    pub how: String,
}

static MONTH: &str = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

static DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let p = format!(
        r"\b(?:{MONTH}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{{4}}))?|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+{m2}(?:,?\s+(?P<y2>\d{{4}}))?|(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}}))\b",
        m2 = MONTH.replace("?P<month>", "?P<month2>")
    );
    Regex::new(&p).expect("static pattern")
});

/// Month number from its name or abbreviation.
pub fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months
        .iter()
        .position(|m| n.starts_with(m))
        .map(|i| i as u32 + 1)
}

/// The year nearest `anchor` for a month and day given without one.
fn nearest_year(month: u32, day: u32, anchor: NaiveDate) -> Option<NaiveDate> {
    (anchor.year() - 1..=anchor.year() + 1)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - anchor).num_days().abs())
}

pub fn extract(si: usize, source: &Source, doc: &Doc, ctx: &Ctx, out: &mut Vec<Claim>) {
    let anchor = ctx.published.map(|p| p.date());
    for (i, s) in doc.sentences.iter().enumerate() {
        let text = doc.sentence_text(i);
        for m in DATE_RE.captures_iter(text) {
            let whole = m.get(0).expect("match");
            let date = if let Some(y) = m.name("iy") {
                let (Ok(y), Ok(mo), Ok(d)) = (
                    y.as_str().parse(),
                    m["im"].parse::<u32>(),
                    m["id"].parse::<u32>(),
                ) else {
                    continue;
                };
                NaiveDate::from_ymd_opt(y, mo, d)
            } else {
                let month = m
                    .name("month")
                    .or_else(|| m.name("month2"))
                    .and_then(|x| month_number(x.as_str()));
                let day = m
                    .name("d1")
                    .or_else(|| m.name("d2"))
                    .and_then(|x| x.as_str().parse::<u32>().ok());
                let year = m
                    .name("y1")
                    .or_else(|| m.name("y2"))
                    .and_then(|x| x.as_str().parse::<i32>().ok());
                let (Some(month), Some(day)) = (month, day) else {
                    continue;
                };
                // "May 5" is a date; "may" as a verb never has a day after it.
                match (year, anchor) {
                    (Some(y), _) => NaiveDate::from_ymd_opt(y, month, day),
                    (None, Some(a)) => nearest_year(month, day, a),
                    (None, None) => None,
                }
            };
            let Some(date) = date else { continue };
            let (start, end) = (s.start + whole.start(), s.start + whole.end());
            let mut c = claim(
                source,
                doc,
                (si, i),
                (start, end),
                Value::Date(DateValue {
                    date: Some(date),
                    weekday: None,
                    how: "explicit".into(),
                }),
                date.format("%Y-%m-%d").to_string(),
            );
            let rest = format!("{} {}", &text[..whole.start()], &text[whole.end()..]);
            c.context = words::content_words(&rest);
            c.about = rest
                .split_whitespace()
                .take(12)
                .collect::<Vec<_>>()
                .join(" ");
            out.push(c);
        }
    }
}
