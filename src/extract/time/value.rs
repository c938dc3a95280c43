//! The value of a date expression (`DateValue`), a resolved expression, and its normalized
//! form.

use chrono::{Datelike, Months, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Weekday};
use chrono_tz::Tz;

use super::pieces::Unit;
use super::zones::Lexicon;

/// A resolved (or partly resolved) date expression.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "independent facts about one expression (tense, year, wording, calendar), not states"
)]
pub struct DateValue {
    /// The day, or the first day of a range.
    pub date: Option<NaiveDate>,
    /// The exclusive end of a range (week, month, year).
    pub end: Option<NaiveDate>,
    /// The weekday the text names.
    pub weekday: Option<Weekday>,
    /// A time of day, when given.
    pub time: Option<NaiveTime>,
    /// The zone abbreviation given with the time, or "local" for "local time".
    pub zone: Option<String>,
    /// A second time given for the same moment in another zone ("3 p.m. ET (21:00 CET)").
    pub alt_time: Option<(NaiveTime, String)>,
    /// What a relative expression resolved to when the text also gives an explicit date
    /// for it ("yesterday (June 10)"): the explicit one is `date`.
    pub relative: Option<NaiveDate>,
    /// The relative words, when `relative` is set.
    pub relative_text: Option<String>,
    /// Said in the future tense.
    pub future: bool,
    /// Governed by a verb in the past tense ("collapsed on June 9", "was dated May 3").
    pub past: bool,
    /// Whether the year was written.
    pub explicit_year: bool,
    /// A month and day no calendar has ("February 30", "June 31, 2025").
    pub impossible: bool,
    /// Written as words relative to the publication time (yesterday, last week, Monday).
    pub is_relative: bool,
    /// How the value was reached ("published 2025-06-10 07:14 Europe/London → yesterday = 2025-06-09").
    pub reasoning: String,
    /// The event verb class near the date (`begin`, `end`, `call`…), from events.toml.
    pub event: Option<String>,
    /// The verb as written when the event is a verb in no class (`event` is then `v:` and
    /// its lemma key): "was contained", "resigned".
    pub verb: Option<String>,
    /// Noun classes and names in the sentence: what the event is about.
    pub topics: Vec<String>,
    /// The event class the sentence says does not happen on this date ("pre-orders will not
    /// start April 9"): then `event` is `None`.
    pub denied: Option<String>,
    /// A time of day that its sentence gives no day for ("at 3:15 p.m. EST"): `date` is the
    /// publication day, as a reader would assume, but never compared as a day.
    pub day_assumed: bool,
    /// A part of the day ("yesterday evening", "Monday morning", "the night of June 9",
    /// "last night"): its start and its end (midnight ends the day). The value still
    /// compares as its day; `normalized` shows the span.
    pub part: Option<(NaiveTime, NaiveTime)>,
}

impl DateValue {
    /// Can this value be compared day by day (a single day or a weekday)? A time whose day
    /// is only assumed cannot.
    pub fn is_day(&self) -> bool {
        !self.day_assumed && self.end.is_none() && (self.date.is_some() || self.weekday.is_some())
    }

    /// Is this value one calendar month ("in April", "last month")?
    pub fn is_month(&self) -> bool {
        match (self.date, self.end) {
            (Some(start), Some(end)) => {
                start.day() == 1
                    && end.day() == 1
                    && start.checked_add_months(Months::new(1)) == Some(end)
            }
            _ => false,
        }
    }

    /// Can this value be compared with another of one event: a day, a weekday, or a month?
    pub fn comparable(&self) -> bool {
        self.is_day() || self.is_month()
    }

    /// Do two values of one event contradict each other? Days compare by day (weekday-only
    /// values by weekday); a day and a month when the day lies outside the month ("convicted
    /// on March 5", "convicted in April"); two months when they differ.
    pub fn contradicts(&self, other: &DateValue) -> bool {
        if self.is_month() || other.is_month() {
            let inside =
                |day: &DateValue, month: &DateValue| match (day.date, month.date, month.end) {
                    (Some(d), Some(start), Some(end)) => d >= start && d < end,
                    _ => true,
                };
            return match (self.is_month(), other.is_month()) {
                (true, true) => self.date != other.date,
                (true, false) => other.is_day() && other.date.is_some() && !inside(other, self),
                (false, true) => self.is_day() && self.date.is_some() && !inside(self, other),
                (false, false) => false,
            };
        }
        if !self.is_day() || !other.is_day() {
            return false;
        }
        match (self.date, other.date) {
            (Some(a), Some(b)) => a != b,
            (Some(a), None) => other.weekday.is_some_and(|w| a.weekday() != w),
            (None, Some(b)) => self.weekday.is_some_and(|w| b.weekday() != w),
            (None, None) => self.weekday != other.weekday,
        }
    }
}

/// The full English name of a weekday.
pub fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// A date expression resolved for one source.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub start: usize,
    pub end: usize,
    pub value: DateValue,
    pub normalized: String,
    /// For "N units after/before <event>": the offset, resolved against the next date.
    pub(super) after_event: Option<(i64, Unit, i64)>,
}

pub(super) fn normalize(v: &DateValue, tz: Option<Tz>, lex: &Lexicon, words: &str) -> String {
    match (v.date, v.end) {
        (Some(s), Some(e)) => format!("{}/{}", s.format("%Y-%m-%d"), e.format("%Y-%m-%d")),
        (Some(d), None) => match v.time {
            None if v.part.is_some() => {
                let (from, to) = v.part.unwrap_or_default();
                let last = if to <= from {
                    d.succ_opt().unwrap_or(d)
                } else {
                    d
                };
                format!(
                    "{}/{}",
                    NaiveDateTime::new(d, from).format("%Y-%m-%dT%H:%M:%S"),
                    NaiveDateTime::new(last, to).format("%Y-%m-%dT%H:%M:%S")
                )
            }
            Some(t) => {
                let naive = NaiveDateTime::new(d, t);
                let zone = match v.zone.as_deref() {
                    Some("local") | None => tz,
                    Some(abbr) => lex.resolve(abbr, tz).map(|(z, _, _)| z),
                };
                match zone.and_then(|z| z.from_local_datetime(&naive).earliest()) {
                    Some(dt) => dt.fixed_offset().to_rfc3339(),
                    None => naive.format("%Y-%m-%dT%H:%M:%S").to_string(),
                }
            }
            None => d.format("%Y-%m-%d").to_string(),
        },
        (None, _) => match v.weekday {
            Some(w) => weekday_name(w).to_string(),
            None => words.trim().to_lowercase(),
        },
    }
}
