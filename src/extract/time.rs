//! Time: date and time expressions, resolved as an editor would, and publication times.
//!
//! Input: sentences, the source's publication time and the story's zone. Output:
//! `Value::Date` claims. `normalized` is `YYYY-MM-DD`, an RFC 3339 datetime when a time of
//! day is known, `START/END` (end exclusive) for a week, month, year or span of days ("June
//! 3-5" is `2025-06-03/2025-06-06`), or a weekday's name when nothing anchors it ("Monday" is
//! still compared by weekday: it can never be a Tuesday's date). A day no calendar has
//! ("February 30") stays a claim, marked `impossible`, for `internal-date`.
//!
//! Resolution follows news conventions: a bare weekday in a past or present sentence is
//! the most recent one (today included); in a future sentence ("will … on Tuesday") the
//! next one (today included); a month and day without a year take the year nearest the
//! publication date; "next Friday" is the first Friday after today (the peer suite reads
//! it as next week's Friday; see `concord explain date-conflict`).
//!
//! Zone abbreviations are data (`rules/lexicon/timezones.toml`); event words used to tell
//! which happening a date belongs to are data too (`rules/lexicon/events.toml`).

use std::collections::BTreeMap;
use std::sync::LazyLock;

use chrono::{
    DateTime, Datelike, Days, FixedOffset, Months, NaiveDate, NaiveDateTime, NaiveTime, Offset,
    TimeZone, Weekday,
};
use chrono_tz::Tz;
use regex::{Captures, Regex};
use serde::Deserialize;

use super::{claim, Claim, Ctx, Value};
use crate::segment::Doc;
use crate::story::{Published, PublishedFrom, Source};
use crate::text::{window_end, window_start, Slice};

// ---------------------------------------------------------------- lexicons

/// Time-zone abbreviations (`rules/lexicon/timezones.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Lexicon {
    #[serde(default)]
    pub zone: Vec<ZoneAbbreviation>,
}

/// Whether an abbreviation names standard time, daylight time, or whichever is in force.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ZoneKind {
    #[default]
    Generic,
    Standard,
    Daylight,
}

/// One abbreviation and the zones it may stand for.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ZoneAbbreviation {
    pub abbreviation: String,
    /// IANA zones, most likely first.
    pub zones: Vec<String>,
    #[serde(default)]
    pub kind: ZoneKind,
}

impl Lexicon {
    fn find(&self, abbreviation: &str) -> Option<&ZoneAbbreviation> {
        self.zone
            .iter()
            .find(|z| z.abbreviation.eq_ignore_ascii_case(abbreviation))
    }

    /// The zone an abbreviation stands for in this story, with a note when it was a choice.
    pub fn resolve(
        &self,
        abbreviation: &str,
        story: Option<Tz>,
    ) -> Option<(Tz, ZoneKind, Option<String>)> {
        let z = self.find(abbreviation)?;
        let zones: Vec<Tz> = z
            .zones
            .iter()
            .filter_map(|n| n.parse::<Tz>().ok())
            .collect();
        let first = *zones.first()?;
        if zones.len() == 1 {
            return Some((first, z.kind, None));
        }
        if let Some(tz) = story.filter(|s| zones.contains(s)) {
            return Some((tz, z.kind, None));
        }
        let others: Vec<&str> = z.zones[1..].iter().map(String::as_str).collect();
        Some((
            first,
            z.kind,
            Some(format!(
                "{} is ambiguous (also {}); taken as {}",
                z.abbreviation,
                others.join(", "),
                first.name()
            )),
        ))
    }
}

/// Event words (`rules/lexicon/events.toml`): verb classes and noun classes.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct EventLexicon {
    #[serde(default)]
    pub verbs: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub nouns: BTreeMap<String, Vec<String>>,
}

// ---------------------------------------------------------------- values

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

/// A source's publication time as concord settled it.
#[derive(Debug, Clone, Default)]
pub struct SourceTime {
    pub published: Option<Published>,
    pub from: Option<PublishedFrom>,
    pub note: Option<String>,
}

// ---------------------------------------------------------------- patterns

const MON: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const WD: &str = r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)";
const ORDW: &str = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first|twenty-second|twenty-third|twenty-fourth|twenty-fifth|twenty-sixth|twenty-seventh|twenty-eighth|twenty-ninth|thirtieth|thirty-first)";
const NUM: &str = r"(?:\d+|half\s+an?|an?\s+dozen|dozen|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|a few|few|several|a couple of|couple of)";
/// A count of hours or minutes: a number, a decimal, or a fraction of an hour.
const CLOCK_NUM: &str = r"(?:\d+\.\d+|half\s+an|(?:a|one)\s+quarter\s+of\s+an|three[-\s]quarters\s+of\s+an|\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|few|several|a couple of|couple of)";
const UNIT: &str =
    r"(?:days?|weeks?|months?|years?|fortnights?|yrs?|wks?|decades?|centur(?:y|ies))";

fn re(p: &str) -> Regex {
    Regex::new(&format!("(?i){p}")).expect("static pattern")
}

thread_local! {
    /// Whether the story's region writes numeric dates day first ("05/11/2021" is 5
    /// November): set per call of [`resolve_text`] from the story's zone.
    static DAY_FIRST: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The expression kinds the patterns recognise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pat {
    Half,
    Decade,
    PeriodTwo,
    Iso,
    IsoMonth,
    MonYy,
    WdCount,
    YearMonDay,
    DayMonYear,
    MonDayYearDash,
    MonYearDay,
    DayYearMon,
    MonDay,
    MonCommaOrd,
    DayMon,
    OrdwMon,
    MonOrdw,
    WdTheDay,
    WdDay,
    TheDay,
    MonthYear,
    MonthBare,
    RelDay,
    WdMod,
    WdNextWeek,
    Period,
    Ago,
    In,
    FromBase,
    WdOffset,
    AfterEvent,
    Quarter,
    BareYear,
    Counted,
    Weekend,
    MonthPart,
    Holiday,
    Numeric,
    NumericShort,
    Hence,
    Within,
    NthWeekday,
    DayOfRelMonth,
    Season,
    Century,
    CountedLong,
    OfPeriod,
    WeekOf,
    AfterNext,
    YearRange,
    MonthRange,
    ClockOffset,
}

static PATTERNS: LazyLock<Vec<(Pat, Regex)>> = LazyLock::new(|| {
    let wd_pre = format!(r"(?:(?P<wd>{WD})\.?,?\s+)?");
    let year_tail = r"(?:\s*,?\s*(?:of\s+|in\s+)?(?P<y>\d{4}|'\d{2})\b|\s+of\s+(?P<y2>\d{2})\b)?";
    vec![
        (
            Pat::Iso,
            re(&format!(
                r"\b(?:(?P<wd>{WD})\.?,?\s+)?(?P<y>\d{{4}})(?:-(?P<m>\d{{1,2}})-|/(?P<ms>\d{{1,2}})/)(?P<d>\d{{1,2}})\b"
            )),
        ),
        (
            // "2021-11": a month in ISO form. "2010-11" (a season of two years) is not one;
            // see `expr_of`.
            Pat::IsoMonth,
            re(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>0[1-9]|1[0-2])\b"),
        ),
        (
            // "Nov21", "Nov'21": a month and the two digits of its year, written together.
            Pat::MonYy,
            re(&format!(r"\b(?P<mon>{MON})'?(?P<y>\d{{2}})\b")),
        ),
        (
            // "2 Mondays ago", "three Fridays from now".
            Pat::WdCount,
            re(&format!(
                r"\b(?P<n>{NUM})\s+(?P<wd>(?:mon|tues|wednes|thurs|fri|satur|sun)days)\s+(?P<dir>ago|from\s+now|hence)\b"
            )),
        ),
        (
            Pat::YearMonDay,
            re(&format!(
                r"\b(?P<y>\d{{4}})[-/](?P<mon>{MON})[-/](?P<d>\d{{1,2}})\b"
            )),
        ),
        (
            Pat::DayMonYear,
            re(&format!(
                r"\b(?P<d>\d{{1,2}})[-/](?P<mon>{MON})[-/](?P<y>\d{{4}}|\d{{2}})\b"
            )),
        ),
        (
            Pat::MonDayYearDash,
            re(&format!(
                r"\b(?P<mon>{MON})-(?P<d>\d{{1,2}})-(?P<y>\d{{4}})\b"
            )),
        ),
        (
            Pat::MonYearDay,
            re(&format!(
                r"\b(?P<mon>{MON})-(?P<y>\d{{4}})-(?P<d>\d{{1,2}})\b"
            )),
        ),
        (
            Pat::DayYearMon,
            re(&format!(
                r"\b(?P<d>\d{{1,2}})-(?P<y>\d{{4}})-(?P<mon>{MON})\b"
            )),
        ),
        (
            Pat::MonDay,
            re(&format!(
                r"\b{wd_pre}(?P<mon>{MON})\.?(?:\s+(?P<the>the\s+)?|[-/]|\.\s*)(?P<d>\d{{1,2}})(?P<suffix>st|nd|rd|th)?\b(?:\s*\((?P<wd2>{WD})\))?{year_tail}"
            )),
        ),
        (
            // "October, 1st": a comma only before an ordinal, or "in October, 12 died" would
            // be a date.
            Pat::MonCommaOrd,
            re(&format!(
                r"\b(?P<mon>{MON})\.?,\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)\b{year_tail}"
            )),
        ),
        (
            Pat::DayMon,
            re(&format!(
                r"\b{wd_pre}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<mon>{MON})\b\.?{year_tail}"
            )),
        ),
        (
            Pat::OrdwMon,
            re(&format!(
                r"\b(?:the\s+)?(?P<dw>{ORDW})\s+of\s+(?P<mon>{MON})\b{year_tail}"
            )),
        ),
        (
            Pat::MonOrdw,
            re(&format!(
                r"\b(?P<mon>{MON})\s+(?:the\s+)?(?P<dw>{ORDW})\b(?:,?\s+(?P<y>\d{{4}}|\d{{2}})\b)?"
            )),
        ),
        (
            Pat::WdTheDay,
            re(&format!(
                r"\b(?P<wd>{WD})\.?\s+the\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)\b"
            )),
        ),
        (
            Pat::WdDay,
            re(&format!(
                r"\b(?P<wd>{WD})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)\b"
            )),
        ),
        (
            Pat::TheDay,
            re(r"\bthe\s+(?P<d>\d{1,2})(?:st|nd|rd|th)\b(?:\s+of\s+(?:the\s+)?month)?"),
        ),
        (
            Pat::MonthYear,
            re(&format!(
                r"\b(?P<mon>{MON})\.?,?\s+(?:of\s+|in\s+)?(?P<y>\d{{4}})\b"
            )),
        ),
        (
            Pat::MonthBare,
            re(&format!(
                r"\b(?:in|during|since|until|till|from|by|through|throughout|early|late|mid|mid-|last|next|this|coming)\s+(?:the\s+)?(?P<mon>{MON})\b"
            )),
        ),
        (
            Pat::RelDay,
            re(
                r"\b(?:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tonight|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))\b",
            ),
        ),
        (
            Pat::WdNextWeek,
            re(&format!(
                r"\b(?:(?P<pre>last|next|this|coming|past)\s+week\s+(?:on\s+)?(?P<wd>{WD})\b|(?:on\s+)?(?P<wd2>{WD})\s+(?:of\s+)?(?P<post>last|next|this)\s+week\b)"
            )),
        ),
        (
            Pat::WdMod,
            re(
                r"\b(?:(?P<mod>last|next|this|coming|past)\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b",
            ),
        ),
        (
            Pat::Period,
            re(
                r"\b(?P<mod>last|next|this|coming|past|previous)\s+(?P<unit>week|month|year|yr|wk)\b",
            ),
        ),
        (
            Pat::WdOffset,
            re(&format!(
                r"\b(?P<wd>{WD}),?\s+(?P<n>{NUM})\s+(?P<unit>{UNIT})\s+(?P<dir>from|after)\s+(?P<base>now|today|(?P<mon>{MON})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?)"
            )),
        ),
        (
            Pat::AfterEvent,
            re(&format!(
                r"\b(?P<n>{NUM})\s+(?P<unit>{UNIT})\s+(?P<dir>after|before)\b"
            )),
        ),
        (
            Pat::Ago,
            re(&format!(
                r"\b(?P<amount>(?:{NUM}\s+{UNIT}(?:\s*,?\s*(?:and\s+)?)?)+)\s*ago\b"
            )),
        ),
        (
            Pat::In,
            re(&format!(r"\bin\s+(?P<n>{NUM})\s+(?P<unit>{UNIT})\b")),
        ),
        (
            Pat::NthWeekday,
            re(&format!(
                r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+(?P<wd>{WD})\s+(?:of|in)\s+(?:(?P<mmod>next|last|this|the\s+coming|the\s+previous)\s+month|(?P<mon>{MON})(?:,?\s+(?P<y>\d{{4}}))?)\b"
            )),
        ),
        (
            Pat::DayOfRelMonth,
            re(
                r"\bthe\s+(?P<d>\d{1,2})(?:st|nd|rd|th)\s+of\s+(?P<mmod>next|last|this|the\s+coming|the\s+previous)\s+month\b",
            ),
        ),
        (
            Pat::Quarter,
            re(
                r"\b(?:q(?P<qn>[1-4])(?:\s*|-|/)(?:(?P<qy>\d{4})\b|'?(?P<qy2>\d{2})\b)?|(?:the\s+)?(?P<qw>first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+(?:fiscal\s+|calendar\s+)?quarter(?:\s+of\s+(?P<qy3>\d{4})|,?\s+(?P<qy4>\d{4}))?|(?:the\s+)?(?P<qmod>next|last|this|previous|coming|past|current)\s+quarter)\b",
            ),
        ),
        (
            Pat::BareYear,
            re(
                r"\b(?:in|by|since|during|throughout|until|till|through|thru|before|for)\s+(?:the\s+year\s+)?(?P<y>(?:18|19|20)\d{2})\b",
            ),
        ),
        (
            Pat::Counted,
            re(&format!(
                r"\b(?:the\s+|over\s+the\s+|in\s+the\s+|within\s+the\s+|during\s+the\s+)?(?P<dir>past|last|previous|next|coming|following|upcoming)\s+(?P<n>{NUM})\s+(?P<unit>{UNIT})\b"
            )),
        ),
        (
            // "within 10 days", "within two weeks": from now to then.
            Pat::Within,
            re(&format!(
                r"\bwithin\s+(?:a\s+period\s+of\s+)?(?P<n>{NUM})\s+(?P<unit>{UNIT})\b"
            )),
        ),
        (
            Pat::Weekend,
            re(
                r"\b(?:(?P<mod>last|next|this|coming|past|previous)|(?P<over>over|during)\s+the)\s+week-?end\b",
            ),
        ),
        (
            // "the first half of 2023", "H1 2023", "the second half of the year".
            Pat::Half,
            re(
                r"\b(?:(?:the\s+)?(?P<hw>first|second|1st|2nd)\s+half\s+of\s+(?:(?P<y>(?:19|20)\d{2})|(?:the|this)\s+year|(?P<hmod>next|last|previous)\s+year)|h(?P<hn>[12])\s*(?P<y2>(?:19|20)\d{2}))\b",
            ),
        ),
        (
            // "the 1990s", "the '90s", "the 90s": a decade.
            Pat::Decade,
            re(r"\bthe\s+(?:(?P<dec>(?:1[89]|20)\d0)|['’](?P<dec2>\d0)|(?P<dec3>[2-9]0))['’]?s\b"),
        ),
        (
            // "last summer", "this spring", "the fall of 2019", "winter 2020": a season
            // ("fall" only with a year or a modifier: it is a verb too).
            Pat::Season,
            re(
                r"\b(?:(?P<smod>last|next|this|coming|past|previous)\s+(?P<s1>spring|summer|autumn|fall|winter)|(?:the\s+)?(?P<s2>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<y>(?:19|20)\d{2}))\b",
            ),
        ),
        (
            // "the 19th century", "the twenty-first century".
            Pat::Century,
            re(
                r"\bthe\s+(?:(?P<c>\d{1,2})(?:st|nd|rd|th)|(?P<cw>eighteenth|nineteenth|twentieth|twenty-first))\s+century\b",
            ),
        ),
        (
            // "the past decade", "over the next two decades", "the last century".
            Pat::CountedLong,
            re(&format!(
                r"\b(?:the\s+|over\s+the\s+|in\s+the\s+|within\s+the\s+|during\s+the\s+)?(?P<dir>past|last|previous|next|coming|following|upcoming)\s+(?:(?P<n>{NUM})\s+)?(?P<unit>decades?|centur(?:y|ies))\b"
            )),
        ),
        (
            // "the first day of next month", "the last day of October 2015", "the first week
            // of October 2014", "the last week of 2014", "the third day of the year".
            Pat::OfPeriod,
            re(&format!(
                r"\b(?:the\s+)?(?P<ord>first|last|final|{ORDW}|\d{{1,2}}(?:st|nd|rd|th))\s+(?P<what>day|week)\s+of\s+(?:(?:the|this)\s+(?P<cunit>month|year)|(?P<pmod>next|last|previous|coming|past)\s+(?P<punit>month|year)|(?P<mon>{MON})\.?(?:,?\s+(?P<y>\d{{4}}))?|(?P<yy>(?:19|20)\d{{2}}))\b"
            )),
        ),
        (
            // "the week of October 6th", "the week of 9 June 2025".
            Pat::WeekOf,
            re(&format!(
                r"\bthe\s+week\s+of\s+(?:(?P<mon>{MON})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>{MON}))\b(?:,?\s+(?P<y>\d{{4}})\b)?"
            )),
        ),
        (
            // "Monday after next": a week after next Monday.
            Pat::AfterNext,
            re(&format!(r"\b(?P<wd>{WD})\s+after\s+next\b")),
        ),
        (
            // "between 2010 and 2015", "from 2010 to 2015", "2010-2015".
            Pat::YearRange,
            re(
                r"\b(?:between\s+(?P<y1>(?:18|19|20)\d{2})\s+and|from\s+(?P<y3>(?:18|19|20)\d{2})\s+(?:to|through|until|till))\s+(?P<y2>(?:18|19|20)\d{2})\b",
            ),
        ),
        (
            // "from March to May", "between June and August 2024".
            Pat::MonthRange,
            re(&format!(
                r"\b(?:from|between)\s+(?P<mon>{MON})\.?\s+(?:to|and|through|until|till)\s+(?P<mon2>{MON})\b\.?(?:,?\s+(?P<y>\d{{4}})\b)?"
            )),
        ),
        (
            // "the week after next", "the year before last".
            Pat::PeriodTwo,
            re(r"\bthe\s+(?P<unit>week|month|year)\s+(?P<rel>after\s+next|before\s+last)\b"),
        ),
        (
            Pat::MonthPart,
            re(&format!(
                r"\b(?P<part>early|mid|late|(?:the\s+)?(?:start|beginning|middle|end)\s+of)[\s-]+(?:in\s+)?(?:(?P<mon>{MON})\.?(?:,?\s+(?P<y>\d{{4}}))?|(?P<yy>(?:19|20)\d{{2}})|(?:the\s+|(?P<pmod>this|next|last|coming|previous|past)\s+)?(?P<punit>year|month|week))\b"
            )),
        ),
        (
            Pat::Holiday,
            re(
                r"\b(?P<hol>christmas\s+eve|christmas\s+day|christmas|x-?mas|new\s+year['’]?s\s+eve|new\s+year['’]?s\s+day|halloween|valentine['’]?s\s+day|boxing\s+day|juneteenth|veterans['’]?\s+day|armistice\s+day|remembrance\s+day|bastille\s+day|(?:st\.?|saint)\s+patrick['’]?s\s+day|april\s+fools['’]?\s+day|(?P<float>thanksgiving(?:\s+day)?|black\s+friday|cyber\s+monday|labor\s+day|memorial\s+day|martin\s+luther\s+king(?:\s+jr\.?)?\s+day|mlk\s+day|presidents['’]?\s+day|fathers?['’]?s?\s+day|mothers?['’]?s?\s+day|easter\s+monday|easter(?:\s+sunday)?|good\s+friday|ash\s+wednesday|palm\s+sunday|maundy\s+thursday|holy\s+saturday|shrove\s+tuesday))\b(?:\s*,?\s*(?P<y>\d{4})\b)?",
            ),
        ),
        (
            Pat::Numeric,
            re(r"\b(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?:[/.])(?P<y>\d{4}|\d{2})\b"),
        ),
        (
            // "on 2/15", "4/25 at 4:00pm": a month and day without a year only where a
            // preposition or a time says it is a day (never "24/7", "3/4 of").
            Pat::NumericShort,
            re(
                r"(?:\b(?P<prep>on|by|until|till|since|before|after|through|thru|dated)\s+)?\b(?P<a>\d{1,2})/(?P<b>\d{1,2})(?P<tail>\s+at\b|[^/\d]|$)",
            ),
        ),
        (
            // "in 24 hours", "two hours ago", "half an hour from now": an instant counted
            // from the publication time (never "two hours later": that counts from
            // another event).
            Pat::ClockOffset,
            re(&format!(
                r"\b(?:in\s+(?:(?:about|around|roughly|approximately|some)\s+)?(?P<n1>{CLOCK_NUM})\s+(?P<u1>hours?|hrs?|minutes?|mins?)|(?P<n2>{CLOCK_NUM})\s+(?P<u2>hours?|hrs?|minutes?|mins?)\s+(?P<dir>ago|from\s+now|hence)|(?:the\s+)?(?P<span>past|last|next|coming|previous)\s+(?P<n3>{CLOCK_NUM})\s+(?P<u3>hours?|hrs?|minutes?|mins?))\b"
            )),
        ),
        (
            Pat::Hence,
            re(&format!(
                r"\b(?P<n>{NUM})\s+(?P<unit>{UNIT})\s+(?:hence|from\s+now)\b"
            )),
        ),
        (
            Pat::FromBase,
            re(&format!(
                r"\b(?P<n>{NUM})\s+(?P<unit>{UNIT})\s+(?P<dir>from|after|before)\s+(?P<base>now|today|tomorrow|yesterday|(?:next\s+|last\s+)?{WD}|(?P<mon>{MON})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?)(?:\s+on\s+(?P<wd>{WD}))?"
            )),
        ),
    ]
});

static AMOUNT_RE: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?P<n>{NUM})\s+(?P<unit>{UNIT})")));
static GLUE_RE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:\s*,?\s*(?:at|around|about|for|by|from|-|–|just after|just before|after|before)?\s*)$")
});
static BEFORE_GLUE_RE: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*(?:on|,)?\s*$"));
static YEAR_AFTER_RE: LazyLock<Regex> = LazyLock::new(|| re(r"^\s+(\d{4})\b"));
/// A part of the day after a day: "yesterday evening", "Monday night", "June 9 morning".
static PART_AFTER_RE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^,?\s+(?:in\s+the\s+)?(?P<part>morning|afternoon|evening|night)\b"));
/// A part of the day before a day: "on the morning of June 9", "the night of Tuesday".
static PART_BEFORE_RE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:the\s+)?(?P<part>morning|afternoon|evening|night)\s+of\s+$"));
static ALT_TIME_RE: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*\((?P<t>[^)]{1,20})\)"));

static TIME_RE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?P<rel>(?:a\s+)?quarter|half|\d{1,2}(?:\s+minutes)?|five|ten|twenty|twenty-five)\s+(?P<rdir>past|after|to|before|till)\s+(?:(?P<rh>\d{1,2})\s*(?P<rap>a\.m\.|p\.m\.|am\b|pm\b)|(?P<rnoon>noon|midnight)\b)|\b(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?(?::(?P<s>\d{2}))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b|a\b|p\b)|\b(?P<hp>\d{1,2})(?:[:.](?P<mip>[0-5]\d))?\s*(?:o['’]clock\s*)?(?:in\s+the\s+)?(?P<part>morning|afternoon|evening|tonight)\b|\b(?P<hoc>\d{1,2})\s*o['’]clock\b|\b(?P<h24>[01]?\d|2[0-3])(?::|h)(?P<mi24>[0-5]\d)(?::(?P<s24>[0-5]\d))?\b|\b(?P<noon>noon|midday|midnight)\b",
    )
});

static HOUR_BEFORE_TONIGHT_RE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?P<h>\d{1,2}|five|six|seven|eight|nine|ten|eleven)(?:[:.](?P<mi>[0-5]\d))?\s+$")
});

static ZONE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:\(?(?P<abbr>[A-Z]{2,5})\)?\b|(?P<local>local time\b))")
        .expect("static pattern")
});

static FUTURE_RE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:will|won't|would|shall|'ll|going to|is to|are to|due to|expected to|scheduled|set to|plans? to|planned|may|might|upcoming|next)\b",
    )
});

/// A date expression before resolution.
#[derive(Debug, Clone)]
enum Expr {
    Date {
        y: Option<i32>,
        m: u32,
        d: u32,
        wd: Option<Weekday>,
        next: bool,
    },
    Month {
        y: Option<i32>,
        m: u32,
    },
    DayOfMonth {
        d: u32,
        wd: Option<Weekday>,
    },
    Weekday {
        wd: Weekday,
        modifier: WdMod,
    },
    RelDay(i64),
    /// A holiday whose day moves from year to year ("Thanksgiving", "Good Friday").
    Floating {
        day: FloatingDay,
        y: Option<i32>,
    },
    /// The n-th given weekday before the anchor (n < 0: "2 Mondays ago") or after it.
    WeekdayCount {
        wd: Weekday,
        n: i64,
    },
    Period {
        unit: Unit,
        shift: i32,
    },
    Offset {
        amount: Vec<(i64, Unit)>,
        sign: i64,
        base: Option<Box<Expr>>,
        then_wd: Option<Weekday>,
    },
    /// "four days after <an event dated later in the sentence>".
    AfterEvent {
        amount: (i64, Unit),
        sign: i64,
    },
    /// A span of days, both ends included as written: "June 3-5", "from Monday to
    /// Wednesday", "between 3 and 5 June".
    Range(Box<Expr>, Box<Expr>),
    /// A day picked inside a month: "the second Tuesday of next month", "the last Friday in
    /// May", "the 15th of last month". The month is an [`Expr::Month`] or an
    /// [`Expr::Period`] of months.
    InMonth {
        pick: Pick,
        month: Box<Expr>,
    },
    /// A period named by its place in the calendar: a year, a quarter, a part of a month,
    /// a weekend, a counted run of days ("the past 3 weeks").
    Span(Span),
    /// A day or a week counted inside a period (a month or a year): "the last day of
    /// October 2015" (`ord` -1), "the first week of next month".
    OfPeriod {
        ord: i32,
        week: bool,
        period: Box<Expr>,
    },
    /// The week (Monday to Sunday) that holds a day: "the week of October 6th".
    WeekOf(Box<Expr>),
    /// "Monday after next".
    AfterNext(Weekday),
    /// Minutes from the publication time ("in 24 hours", "two hours ago").
    ClockOffset(i64),
    /// The hours or minutes before (negative) or after the publication time ("the past 24
    /// hours", "the next 3 hours").
    ClockSpan(i64),
}

/// Holidays on one day every year, by the start of their name (general calendar knowledge).
const FIXED_HOLIDAYS: &[(&str, u32, u32)] = &[
    ("christmas eve", 12, 24),
    ("christmas", 12, 25),
    ("xmas", 12, 25),
    ("x-mas", 12, 25),
    ("halloween", 10, 31),
    ("valentine", 2, 14),
    ("juneteenth", 6, 19),
    ("veteran", 11, 11),
    ("armistice", 11, 11),
    ("remembrance", 11, 11),
    ("bastille", 7, 14),
    ("st patrick", 3, 17),
    ("st. patrick", 3, 17),
    ("saint patrick", 3, 17),
    ("april fool", 4, 1),
    ("boxing", 12, 26),
];

/// The month and day of a fixed-date holiday, its name lower-cased.
fn fixed_holiday(name: &str) -> Option<(u32, u32)> {
    if name.starts_with("new year") {
        return Some(if name.ends_with("eve") {
            (12, 31)
        } else {
            (1, 1)
        });
    }
    FIXED_HOLIDAYS
        .iter()
        .find(|(start, ..)| name.starts_with(start))
        .map(|&(_, m, d)| (m, d))
}

/// How a moving holiday falls: the n-th weekday of a month (n = -1 for the last), plus
/// days ("Black Friday" is the day after the fourth Thursday of November), or days from
/// Easter Sunday.
#[derive(Debug, Clone, Copy, PartialEq)]
enum FloatingDay {
    Nth {
        n: i32,
        wd: Weekday,
        m: u32,
        plus: i64,
    },
    Easter(i64),
}

/// The moving holidays of English-language news: United States federal days and the
/// Christian feasts around Easter (general calendar knowledge).
fn floating_day(name: &str) -> Option<FloatingDay> {
    let nth = |n: i32, wd: Weekday, m: u32, plus: i64| FloatingDay::Nth { n, wd, m, plus };
    let first = name.split_whitespace().next()?;
    Some(match first {
        "thanksgiving" => nth(4, Weekday::Thu, 11, 0),
        "black" => nth(4, Weekday::Thu, 11, 1),
        "cyber" => nth(4, Weekday::Thu, 11, 4),
        "labor" => nth(1, Weekday::Mon, 9, 0),
        "memorial" => nth(-1, Weekday::Mon, 5, 0),
        "martin" | "mlk" => nth(3, Weekday::Mon, 1, 0),
        _ if first.starts_with("president") => nth(3, Weekday::Mon, 2, 0),
        _ if first.starts_with("father") => nth(3, Weekday::Sun, 6, 0),
        // The US and most countries' date; the UK's Mothering Sunday follows Easter.
        _ if first.starts_with("mother") => nth(2, Weekday::Sun, 5, 0),
        "easter" if name.ends_with("monday") => FloatingDay::Easter(1),
        "easter" => FloatingDay::Easter(0),
        "good" => FloatingDay::Easter(-2),
        "ash" => FloatingDay::Easter(-46),
        "palm" => FloatingDay::Easter(-7),
        "maundy" => FloatingDay::Easter(-3),
        "holy" => FloatingDay::Easter(-1),
        "shrove" => FloatingDay::Easter(-47),
        _ => return None,
    })
}

/// Easter Sunday of a year (Gregorian calendar; the anonymous algorithm of 1876, with its
/// customary one-letter names).
#[expect(
    clippy::many_single_char_names,
    reason = "the published algorithm's names, kept so it can be checked against its source"
)]
fn easter(y: i32) -> Option<NaiveDate> {
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

impl FloatingDay {
    /// The day of this holiday in year `y`.
    fn in_year(self, y: i32) -> Option<NaiveDate> {
        match self {
            FloatingDay::Easter(plus) => {
                easter(y)?.checked_add_signed(chrono::Duration::try_days(plus)?)
            }
            FloatingDay::Nth { n, wd, m, plus } => {
                let first = NaiveDate::from_ymd_opt(y, m, 1)?;
                let day = if n > 0 {
                    let ahead = (7 + wd.num_days_from_monday()
                        - first.weekday().num_days_from_monday())
                        % 7;
                    first + chrono::Duration::days(i64::from(ahead) + 7 * i64::from(n - 1))
                } else {
                    let last = first.checked_add_months(Months::new(1))?.pred_opt()?;
                    let back =
                        (7 + last.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
                    last - chrono::Duration::days(i64::from(back))
                };
                day.checked_add_signed(chrono::Duration::try_days(plus)?)
            }
        }
    }
}

/// Which day of a month [`Expr::InMonth`] names.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Pick {
    /// The n-th given weekday (n = -1 for the last).
    Nth(i32, Weekday),
    /// A day of the month.
    Day(u32),
}

/// The periods of [`Expr::Span`].
#[derive(Debug, Clone, PartialEq)]
enum Span {
    /// "in 2019", "by 2030".
    Year(i32),
    /// "Q2 2022", "the fourth quarter of 2023", "next quarter" (a shift from the current).
    Quarter {
        y: Option<i32>,
        q: u32,
        shift: Option<i32>,
    },
    /// "the past 3 weeks" (back from the anchor), "the next five days" (from the day after).
    Counted { n: i64, unit: Unit, past: bool },
    /// "last weekend", "this weekend": Saturday and Sunday.
    Weekend { shift: i32 },
    /// "over the weekend": the weekend just past, or the one under way.
    RecentWeekend,
    /// "the first half of 2023", "H2 2024", "the second half of next year".
    Half {
        y: Option<i32>,
        second: bool,
        shift: i32,
    },
    /// "the 1990s".
    Decade(i32),
    /// Whole years, the last exclusive: "the 19th century" (1800–1900), "between 2010
    /// and 2015" (2010–2016).
    Years(i32, i32),
    /// A season (0 spring, 1 summer, 2 autumn, 3 winter), by its astronomical dates: of a
    /// year, or the current one moved by `shift` ("last summer", "this winter").
    Season { y: Option<i32>, s: u32, shift: i32 },
    /// Months of one year, both written: "from March to May".
    Months { y: Option<i32>, from: u32, to: u32 },
    /// "early April" (days 1–10), "mid-April" (11–20), "late April" (21 to the end), and of a
    /// year ("early 2021": January–April, "mid-2021": May–August, "late 2021":
    /// September–December).
    Part {
        y: Option<i32>,
        m: Option<u32>,
        part: u32,
    },
    /// A part of the anchor's month or year, or of one next to it: "the end of the year",
    /// "early next month", "late last year" (the parts of [`Span::Part`]).
    RelPart { unit: Unit, shift: i32, part: u32 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WdMod {
    Bare,
    Last,
    Next,
    This,
    LastWeek,
    NextWeek,
    ThisWeek,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Fortnight,
    Month,
    Year,
}

fn unit_of(s: &str) -> Unit {
    let s = s.to_ascii_lowercase();
    if s.starts_with("fortnight") {
        Unit::Fortnight
    } else if s.starts_with("week") || s.starts_with("wk") {
        Unit::Week
    } else if s.starts_with("month") {
        Unit::Month
    } else if s.starts_with("year") || s.starts_with("yr") {
        Unit::Year
    } else {
        Unit::Day
    }
}

/// A count of calendar units ("three weeks", "twenty years", "a decade", "half a year"):
/// decades and centuries count years; half a year is six months.
fn count_of(n: &str, unit: &str) -> Option<(i64, Unit)> {
    let u = unit.to_ascii_lowercase();
    let years = if u.starts_with("decade") {
        10
    } else if u.starts_with("centur") {
        100
    } else {
        1
    };
    let n = n.trim().to_ascii_lowercase();
    if n.starts_with("half") {
        return match (unit_of(&u), years) {
            (Unit::Year, 1) => Some((6, Unit::Month)),
            (Unit::Year, y) => Some((y / 2, Unit::Year)),
            _ => None,
        };
    }
    let count = number_of(&n)?;
    if years > 1 {
        return Some((count.checked_mul(years)?, Unit::Year));
    }
    Some((count, unit_of(&u)))
}

fn number_of(s: &str) -> Option<i64> {
    let s = s.trim().to_ascii_lowercase();
    if let Ok(n) = s.parse::<i64>() {
        return Some(n);
    }
    if let Some(n) = crate::extract::quantity::word_number(&s) {
        // Whole numbers of words only ("twenty", "forty-five").
        return Some(n as i64);
    }
    Some(match s.as_str() {
        "a" | "an" | "one" => 1,
        "two" | "a couple of" | "couple of" => 2,
        "three" | "a few" | "few" | "several" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" | "a dozen" | "an dozen" | "dozen" => 12,
        _ => return None,
    })
}

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

pub fn weekday_of(name: &str) -> Option<Weekday> {
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    let days = [
        ("mon", Weekday::Mon),
        ("tue", Weekday::Tue),
        ("wed", Weekday::Wed),
        ("thu", Weekday::Thu),
        ("fri", Weekday::Fri),
        ("sat", Weekday::Sat),
        ("sun", Weekday::Sun),
    ];
    days.iter().find(|(p, _)| n.starts_with(p)).map(|(_, w)| *w)
}

/// A whole word that names a month: its full name or its usual abbreviation ("Sept",
/// "Dec."), never a word that merely starts like one ("Marr", "Janet", "Julia", "Mayor").
pub fn month_word(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let n = word.trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .position(|m| {
            *m == n || n.len() == 3 && m.starts_with(&n) || n == "sept" && *m == "september"
        })
        .map(|i| i as u32 + 1)
}

/// A whole word that names a weekday: its full name, plural or usual abbreviation ("Wed",
/// "Thurs"), never a word that merely starts like one ("Monica", "Sunni", "Friends").
pub fn weekday_word(word: &str) -> Option<Weekday> {
    const DAYS: [(&str, &[&str], Weekday); 7] = [
        ("monday", &["mon"], Weekday::Mon),
        ("tuesday", &["tue", "tues"], Weekday::Tue),
        ("wednesday", &["wed"], Weekday::Wed),
        ("thursday", &["thu", "thur", "thurs"], Weekday::Thu),
        ("friday", &["fri"], Weekday::Fri),
        ("saturday", &["sat"], Weekday::Sat),
        ("sunday", &["sun"], Weekday::Sun),
    ];
    let n = word.trim_end_matches('.').to_lowercase();
    let n = n.trim_end_matches('s');
    DAYS.iter()
        .find(|(full, short, _)| n == *full || short.contains(&n))
        .map(|(_, _, d)| *d)
}

fn ordinal_word(s: &str) -> Option<u32> {
    let words = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
        "twenty-first",
        "twenty-second",
        "twenty-third",
        "twenty-fourth",
        "twenty-fifth",
        "twenty-sixth",
        "twenty-seventh",
        "twenty-eighth",
        "twenty-ninth",
        "thirtieth",
        "thirty-first",
    ];
    let s = s.to_ascii_lowercase();
    words.iter().position(|w| *w == s).map(|i| i as u32 + 1)
}

fn year_of(c: &Captures) -> Option<i32> {
    if let Some(y) = c.name("y") {
        let t = y.as_str().trim_start_matches('\'');
        let n: i32 = t.parse().ok()?;
        return Some(if t.len() == 2 { two_digit_year(n) } else { n });
    }
    c.name("y2")
        .and_then(|y| y.as_str().parse().ok())
        .map(two_digit_year)
}

fn two_digit_year(n: i32) -> i32 {
    if n < 50 {
        2000 + n
    } else {
        1900 + n
    }
}

/// Turns one pattern match into an expression.
fn expr_of(pat: Pat, c: &Captures) -> Option<Expr> {
    // A day outside 1..=31 is no day ("June 45"); 29 to 31 in a shorter month is kept, as an
    // impossible date `internal-date` reports.
    let num = |name: &str| {
        c.name(name)
            .and_then(|m| m.as_str().parse::<u32>().ok())
            .filter(|n| name != "d" || (1..=31).contains(n))
    };
    let mon = || c.name("mon").and_then(|m| month_number(m.as_str()));
    let wd = || {
        c.name("wd")
            .or_else(|| c.name("wd2"))
            .and_then(|m| weekday_of(m.as_str()))
    };
    Some(match pat {
        Pat::Iso => Expr::Date {
            y: year_of(c),
            m: num("m").or_else(|| num("ms"))?,
            d: num("d")?,
            wd: wd(),
            next: false,
        },
        Pat::YearMonDay
        | Pat::DayMonYear
        | Pat::MonDayYearDash
        | Pat::MonYearDay
        | Pat::DayYearMon => Expr::Date {
            y: year_of(c),
            m: mon()?,
            d: num("d")?,
            wd: None,
            next: false,
        },
        Pat::MonDay | Pat::MonCommaOrd | Pat::DayMon => {
            let whole = c.get(0)?.as_str().to_ascii_lowercase();
            // "February the 15th": "the" only before an ordinal.
            if c.name("the").is_some() && c.name("suffix").is_none() {
                return None;
            }
            Expr::Date {
                y: year_of(c),
                m: mon()?,
                d: num("d")?,
                wd: wd(),
                next: whole.starts_with("next "),
            }
        }
        Pat::OrdwMon | Pat::MonOrdw => {
            let d = ordinal_word(c.name("dw")?.as_str())?;
            Expr::Date {
                y: year_of(c),
                m: mon()?,
                d,
                wd: None,
                next: false,
            }
        }
        Pat::WdTheDay | Pat::WdDay => Expr::DayOfMonth {
            d: num("d")?,
            wd: wd(),
        },
        Pat::TheDay => Expr::DayOfMonth {
            d: num("d")?,
            wd: None,
        },
        Pat::MonthYear | Pat::MonYy => Expr::Month {
            y: year_of(c),
            m: mon()?,
        },
        Pat::IsoMonth => {
            let (y, m) = (year_of(c)?, num("m")?);
            // "2010-11", "2019-20": a season over two years, not a month.
            if i32::try_from(m).ok()? == (y + 1) % 100 {
                return None;
            }
            Expr::Month { y: Some(y), m }
        }
        Pat::WdCount => {
            let name = c.name("wd")?.as_str();
            let n = number_of(c.name("n")?.as_str())?;
            let sign = if c.name("dir")?.as_str().eq_ignore_ascii_case("ago") {
                -1
            } else {
                1
            };
            Expr::WeekdayCount {
                wd: weekday_of(name.trim_end_matches(['s', 'S']))?,
                n: n * sign,
            }
        }
        Pat::Quarter => {
            let y = ["qy", "qy3", "qy4"]
                .iter()
                .find_map(|k| c.name(k))
                .and_then(|y| y.as_str().parse::<i32>().ok())
                .or_else(|| {
                    c.name("qy2")
                        .and_then(|y| y.as_str().parse::<i32>().ok())
                        .map(two_digit_year)
                });
            if let Some(m) = c.name("qmod") {
                let shift = match m.as_str().to_ascii_lowercase().as_str() {
                    "next" | "coming" => 1,
                    "last" | "previous" | "past" => -1,
                    _ => 0,
                };
                Expr::Span(Span::Quarter {
                    y: None,
                    q: 0,
                    shift: Some(shift),
                })
            } else {
                let q = match c.name("qn") {
                    Some(n) => n.as_str().parse::<u32>().ok()?,
                    None => match c.name("qw")?.as_str().to_ascii_lowercase().as_str() {
                        "first" | "1st" => 1,
                        "second" | "2nd" => 2,
                        "third" | "3rd" => 3,
                        _ => 4,
                    },
                };
                Expr::Span(Span::Quarter { y, q, shift: None })
            }
        }
        Pat::NthWeekday | Pat::DayOfRelMonth => {
            let month = match c.name("mmod") {
                Some(m) => {
                    let m = m.as_str().to_ascii_lowercase();
                    let shift = if m.contains("next") || m.contains("coming") {
                        1
                    } else if m.contains("last") || m.contains("previous") {
                        -1
                    } else {
                        0
                    };
                    Expr::Period {
                        unit: Unit::Month,
                        shift,
                    }
                }
                None => Expr::Month {
                    y: year_of(c),
                    m: mon()?,
                },
            };
            let pick = if pat == Pat::NthWeekday {
                let n = match c.name("ord")?.as_str().to_ascii_lowercase().as_str() {
                    "last" => -1,
                    o => {
                        i32::try_from(ordinal_word(o).or_else(|| o.get(..1)?.parse().ok())?).ok()?
                    }
                };
                Pick::Nth(n, wd()?)
            } else {
                Pick::Day(num("d")?)
            };
            Expr::InMonth {
                pick,
                month: Box::new(month),
            }
        }
        Pat::BareYear => Expr::Span(Span::Year(c.name("y")?.as_str().parse().ok()?)),
        Pat::Counted => {
            let dir = c.name("dir")?.as_str().to_ascii_lowercase();
            let (n, unit) = count_of(c.name("n")?.as_str(), c.name("unit")?.as_str())?;
            Expr::Span(Span::Counted {
                n,
                unit,
                past: matches!(dir.as_str(), "past" | "last" | "previous"),
            })
        }
        Pat::Within => {
            let (n, unit) = count_of(c.name("n")?.as_str(), c.name("unit")?.as_str())?;
            Expr::Span(Span::Counted {
                n,
                unit,
                past: false,
            })
        }
        Pat::Weekend if c.name("over").is_some() => Expr::Span(Span::RecentWeekend),
        Pat::Half => {
            let h = c
                .name("hw")
                .or_else(|| c.name("hn"))?
                .as_str()
                .to_ascii_lowercase();
            let second = h.starts_with('s') || h.starts_with('2');
            let y = c
                .name("y")
                .or_else(|| c.name("y2"))
                .and_then(|y| y.as_str().parse().ok());
            let shift = match c
                .name("hmod")
                .map(|m| m.as_str().to_ascii_lowercase())
                .as_deref()
            {
                Some("next") => 1,
                Some(_) => -1,
                None => 0,
            };
            Expr::Span(Span::Half { y, second, shift })
        }
        Pat::Decade => {
            let dec: i32 = match (c.name("dec"), c.name("dec2").or_else(|| c.name("dec3"))) {
                (Some(d), _) => d.as_str().parse().ok()?,
                (None, Some(d)) => 1900 + d.as_str().parse::<i32>().ok()?,
                (None, None) => return None,
            };
            Expr::Span(Span::Decade(dec))
        }
        Pat::Season => {
            let name = c
                .name("s1")
                .or_else(|| c.name("s2"))?
                .as_str()
                .to_ascii_lowercase();
            let s = match name.as_str() {
                "spring" => 0,
                "summer" => 1,
                "autumn" | "fall" => 2,
                _ => 3,
            };
            let shift = match c.name("smod").map(|m| m.as_str().to_ascii_lowercase()) {
                Some(m) if matches!(m.as_str(), "last" | "past" | "previous") => -1,
                Some(m) if matches!(m.as_str(), "next" | "coming") => 1,
                _ => 0,
            };
            Expr::Span(Span::Season {
                y: c.name("y").and_then(|y| y.as_str().parse().ok()),
                s,
                shift,
            })
        }
        Pat::Century => {
            let n: i32 = match c.name("c") {
                Some(n) => n.as_str().parse().ok()?,
                None => match c.name("cw")?.as_str().to_ascii_lowercase().as_str() {
                    "eighteenth" => 18,
                    "nineteenth" => 19,
                    "twentieth" => 20,
                    _ => 21,
                },
            };
            if !(1..=30).contains(&n) {
                return None;
            }
            Expr::Span(Span::Years((n - 1) * 100, n * 100))
        }
        Pat::CountedLong => {
            let n = c.name("n").map_or(Some(1), |n| number_of(n.as_str()))?;
            let per = if c
                .name("unit")?
                .as_str()
                .to_ascii_lowercase()
                .starts_with('d')
            {
                10
            } else {
                100
            };
            let dir = c.name("dir")?.as_str().to_ascii_lowercase();
            Expr::Span(Span::Counted {
                n: n.checked_mul(per)?,
                unit: Unit::Year,
                past: matches!(dir.as_str(), "past" | "last" | "previous"),
            })
        }
        Pat::OfPeriod => {
            let word = c.name("ord")?.as_str().to_ascii_lowercase();
            let ord: i32 = match word.as_str() {
                "last" | "final" => -1,
                w => match ordinal_word(w) {
                    Some(n) => i32::try_from(n).ok()?,
                    None => w.trim_end_matches(char::is_alphabetic).parse().ok()?,
                },
            };
            let week = c.name("what")?.as_str().eq_ignore_ascii_case("week");
            let unit_named = |m: &str| {
                if m.eq_ignore_ascii_case("month") {
                    Unit::Month
                } else {
                    Unit::Year
                }
            };
            let period = if let Some(u) = c.name("cunit") {
                Expr::Period {
                    unit: unit_named(u.as_str()),
                    shift: 0,
                }
            } else if let Some(u) = c.name("punit") {
                let back = matches!(
                    c.name("pmod")?.as_str().to_ascii_lowercase().as_str(),
                    "last" | "previous" | "past"
                );
                Expr::Period {
                    unit: unit_named(u.as_str()),
                    shift: if back { -1 } else { 1 },
                }
            } else if let Some(yy) = c.name("yy") {
                Expr::Span(Span::Year(yy.as_str().parse().ok()?))
            } else {
                Expr::Month {
                    y: year_of(c),
                    m: mon()?,
                }
            };
            if ord == 0 || ord > if week { 5 } else { 31 } {
                return None;
            }
            Expr::OfPeriod {
                ord,
                week,
                period: Box::new(period),
            }
        }
        Pat::WeekOf => {
            let m = c
                .name("mon")
                .or_else(|| c.name("mon2"))
                .and_then(|m| month_number(m.as_str()))?;
            let d: u32 = c
                .name("d")
                .or_else(|| c.name("d2"))?
                .as_str()
                .parse()
                .ok()?;
            if !(1..=31).contains(&d) {
                return None;
            }
            Expr::WeekOf(Box::new(Expr::Date {
                y: year_of(c),
                m,
                d,
                wd: None,
                next: false,
            }))
        }
        Pat::AfterNext => Expr::AfterNext(wd()?),
        Pat::YearRange => {
            let from: i32 = c
                .name("y1")
                .or_else(|| c.name("y3"))?
                .as_str()
                .parse()
                .ok()?;
            let to: i32 = c.name("y2")?.as_str().parse().ok()?;
            if to <= from {
                return None;
            }
            Expr::Span(Span::Years(from, to + 1))
        }
        Pat::MonthRange => {
            let from = mon()?;
            let to = c.name("mon2").and_then(|m| month_number(m.as_str()))?;
            if to == from {
                return None;
            }
            Expr::Span(Span::Months {
                y: year_of(c),
                from,
                to,
            })
        }
        Pat::PeriodTwo => Expr::Period {
            unit: unit_of(c.name("unit")?.as_str()),
            shift: if c
                .name("rel")?
                .as_str()
                .to_ascii_lowercase()
                .starts_with("after")
            {
                2
            } else {
                -2
            },
        },
        Pat::Weekend => Expr::Span(Span::Weekend {
            shift: match c.name("mod")?.as_str().to_ascii_lowercase().as_str() {
                "next" | "coming" => 1,
                "last" | "past" | "previous" => -1,
                _ => 0,
            },
        }),
        Pat::MonthPart => {
            let word = c.name("part")?.as_str().to_ascii_lowercase();
            let third = if word == "early" || word.contains("start") || word.contains("beginning") {
                0
            } else if word == "mid" || word.contains("middle") {
                1
            } else {
                2
            };
            if let Some(unit) = c.name("punit") {
                // "the end of the year", "early next month": a part of the anchor's period.
                let shift = match c
                    .name("pmod")
                    .map(|m| m.as_str().to_ascii_lowercase())
                    .as_deref()
                {
                    Some("next" | "coming") => 1,
                    Some("last" | "previous" | "past") => -1,
                    _ => 0,
                };
                return Some(Expr::Span(Span::RelPart {
                    unit: unit_of(unit.as_str()),
                    shift,
                    part: third,
                }));
            }
            Expr::Span(Span::Part {
                y: year_of(c).or_else(|| c.name("yy").and_then(|y| y.as_str().parse().ok())),
                m: mon(),
                part: third,
            })
        }
        Pat::Holiday => {
            let h = c.name("hol")?.as_str().to_ascii_lowercase();
            if c.name("float").is_some() {
                return Some(Expr::Floating {
                    day: floating_day(&h)?,
                    y: year_of(c),
                });
            }
            let (m, d) = fixed_holiday(&h)?;
            Expr::Date {
                y: year_of(c),
                m,
                d,
                wd: None,
                next: false,
            }
        }
        Pat::Numeric | Pat::NumericShort => {
            if pat == Pat::NumericShort
                && c.name("prep").is_none()
                && !c
                    .name("tail")
                    .is_some_and(|t| t.as_str().trim_start().eq_ignore_ascii_case("at"))
            {
                return None;
            }
            // Day and month in the order the numbers allow, else as the story's region
            // writes them: a dot always means day first.
            let (first, second) = (num("a")?, num("b")?);
            let dot = c.name("sep").is_some_and(|s| s.as_str() == ".");
            let day_first =
                dot || first > 12 || (second <= 12 && DAY_FIRST.with(std::cell::Cell::get));
            let (d, m) = if day_first {
                (first, second)
            } else {
                (second, first)
            };
            if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
                return None;
            }
            Expr::Date {
                y: year_of(c),
                m,
                d,
                wd: None,
                next: false,
            }
        }
        Pat::MonthBare => {
            let m = c.name("mon")?;
            // "may" as a bare month is too often the verb.
            if m.as_str().eq_ignore_ascii_case("may")
                && !c.get(0)?.as_str().to_ascii_lowercase().starts_with("in")
            {
                return None;
            }
            let word = c.get(0)?.as_str().to_ascii_lowercase();
            let shift = match word.split_whitespace().next() {
                Some("last") => -1,
                Some("next" | "coming") => 1,
                _ => 0,
            };
            if shift != 0 {
                return Some(Expr::Offset {
                    amount: vec![],
                    sign: shift,
                    base: Some(Box::new(Expr::Month {
                        y: None,
                        m: month_number(m.as_str())?,
                    })),
                    then_wd: None,
                });
            }
            Expr::Month {
                y: None,
                m: month_number(m.as_str())?,
            }
        }
        Pat::RelDay => {
            let w = c.get(0)?.as_str().to_ascii_lowercase();
            let offset = match w.split_whitespace().last() {
                Some("yesterday") if w.contains("before") => -2,
                Some("tomorrow") if w.contains("after") => 2,
                Some("yesterday") => -1,
                Some("night") if w.starts_with("last") => -1,
                Some("tomorrow") => 1,
                _ => 0,
            };
            Expr::RelDay(offset)
        }
        Pat::WdNextWeek => {
            let m = c
                .name("pre")
                .or_else(|| c.name("post"))?
                .as_str()
                .to_ascii_lowercase();
            let modifier = match m.as_str() {
                "last" | "past" => WdMod::LastWeek,
                "next" | "coming" => WdMod::NextWeek,
                _ => WdMod::ThisWeek,
            };
            Expr::Weekday {
                wd: wd()?,
                modifier,
            }
        }
        Pat::WdMod => {
            let w = c.name("wd")?.as_str();
            let modifier = match c
                .name("mod")
                .map(|m| m.as_str().to_ascii_lowercase())
                .as_deref()
            {
                Some("last" | "past") => WdMod::Last,
                Some("next" | "coming") => WdMod::Next,
                Some("this") => WdMod::This,
                _ => WdMod::Bare,
            };
            Expr::Weekday {
                wd: weekday_of(w)?,
                modifier,
            }
        }
        Pat::Period => {
            let m = c.name("mod")?.as_str().to_ascii_lowercase();
            let shift = match m.as_str() {
                "last" | "past" | "previous" => -1,
                "next" | "coming" => 1,
                _ => 0,
            };
            Expr::Period {
                unit: unit_of(c.name("unit")?.as_str()),
                shift,
            }
        }
        Pat::Ago => {
            let amount: Vec<(i64, Unit)> = AMOUNT_RE
                .captures_iter(c.name("amount")?.as_str())
                .filter_map(|a| count_of(a.name("n")?.as_str(), a.name("unit")?.as_str()))
                .collect();
            if amount.is_empty() {
                return None;
            }
            Expr::Offset {
                amount,
                sign: -1,
                base: None,
                then_wd: None,
            }
        }
        Pat::ClockOffset => {
            let (n, unit) = match (c.name("n1"), c.name("u1"), c.name("n3"), c.name("u3")) {
                (Some(n), Some(u), ..) | (.., Some(n), Some(u)) => (n, u),
                _ => (c.name("n2")?, c.name("u2")?),
            };
            let n = n.as_str().to_ascii_lowercase();
            let minutes_per = if unit.as_str().to_ascii_lowercase().starts_with('h') {
                60
            } else {
                1
            };
            let minutes = if n.starts_with("half") {
                minutes_per / 2
            } else if n.contains("quarter") {
                minutes_per * if n.starts_with("three") { 3 } else { 1 } / 4
            } else if n.contains('.') {
                let x: f64 = n.parse().ok()?;
                // At most a year of minutes: beyond that it is no time of day.
                (x * minutes_per as f64 <= 525_600.0)
                    .then(|| (x * minutes_per as f64).round() as i64)?
            } else {
                number_of(&n)?.checked_mul(minutes_per)?
            };
            let sign = if c
                .name("dir")
                .is_some_and(|d| d.as_str().eq_ignore_ascii_case("ago"))
            {
                -1
            } else {
                1
            };
            match c.name("span").map(|w| w.as_str().to_ascii_lowercase()) {
                Some(w) if w == "next" || w == "coming" => Expr::ClockSpan(minutes),
                Some(_) => Expr::ClockSpan(-minutes),
                None => Expr::ClockOffset(sign * minutes),
            }
        }
        Pat::In | Pat::Hence => Expr::Offset {
            amount: vec![count_of(c.name("n")?.as_str(), c.name("unit")?.as_str())?],
            sign: 1,
            base: None,
            then_wd: None,
        },
        Pat::AfterEvent => Expr::AfterEvent {
            amount: count_of(c.name("n")?.as_str(), c.name("unit")?.as_str())?,
            sign: if c.name("dir")?.as_str().eq_ignore_ascii_case("before") {
                -1
            } else {
                1
            },
        },
        Pat::FromBase | Pat::WdOffset => {
            let amount = vec![count_of(c.name("n")?.as_str(), c.name("unit")?.as_str())?];
            let sign = if c.name("dir")?.as_str().eq_ignore_ascii_case("before") {
                -1
            } else {
                1
            };
            let base_text = c.name("base")?.as_str().to_ascii_lowercase();
            let base = if let (Some(m), Some(d)) = (mon(), num("d")) {
                Some(Box::new(Expr::Date {
                    y: year_of(c),
                    m,
                    d,
                    wd: None,
                    next: false,
                }))
            } else if base_text == "now" || base_text == "today" {
                None
            } else if base_text == "tomorrow" {
                Some(Box::new(Expr::RelDay(1)))
            } else if base_text == "yesterday" {
                Some(Box::new(Expr::RelDay(-1)))
            } else {
                let modifier = if base_text.starts_with("next") {
                    WdMod::Next
                } else if base_text.starts_with("last") {
                    WdMod::Last
                } else {
                    WdMod::Bare
                };
                Some(Box::new(Expr::Weekday {
                    wd: weekday_of(base_text.split_whitespace().last()?)?,
                    modifier,
                }))
            };
            let then_wd = if pat == Pat::WdOffset {
                wd()
            } else {
                c.name("wd").and_then(|m| weekday_of(m.as_str()))
            };
            Expr::Offset {
                amount,
                sign,
                base,
                then_wd,
            }
        }
    })
}

// ---------------------------------------------------------------- resolution

/// What relative expressions are resolved against.
#[derive(Debug, Clone)]
pub struct Anchor {
    pub date: NaiveDate,
    /// The publication's time of day, when known (for "in 24 hours", "two hours ago").
    pub time: Option<NaiveTime>,
    /// "published 2025-06-10 07:14 Europe/London", for notes.
    pub desc: String,
    /// Only the year can be taken from this anchor: it is the story's time, not the
    /// source's own, so a month and day get their year ("March 25" near a story of March
    /// 2024) but nothing relative ("yesterday", "Tuesday") is resolved against it.
    pub year_only: bool,
}

impl Anchor {
    /// The anchor for a source: its publication time, seen in the story's zone.
    pub fn of(published: Option<Published>, tz: Option<Tz>) -> Option<Anchor> {
        match published? {
            Published::Date(d) => Some(Anchor {
                date: d,
                time: None,
                desc: format!("published {d}"),
                year_only: false,
            }),
            Published::DateTime(dt) => Some(match tz {
                Some(tz) => {
                    let local = dt.with_timezone(&tz);
                    Anchor {
                        date: local.date_naive(),
                        time: Some(local.time()),
                        desc: format!("published {} {}", local.format("%Y-%m-%d %H:%M"), tz.name()),
                        year_only: false,
                    }
                }
                None => Anchor {
                    date: dt.date_naive(),
                    time: Some(dt.time()),
                    desc: format!("published {}", dt.format("%Y-%m-%d %H:%M %:z")),
                    year_only: false,
                },
            }),
        }
    }
}

fn add_units(date: NaiveDate, n: i64, unit: Unit) -> Option<NaiveDate> {
    let forward = n >= 0;
    let k = n.unsigned_abs();
    match unit {
        Unit::Day => {
            if forward {
                date.checked_add_days(Days::new(k))
            } else {
                date.checked_sub_days(Days::new(k))
            }
        }
        Unit::Week | Unit::Fortnight => {
            let days = if unit == Unit::Week { 7 * k } else { 14 * k };
            if forward {
                date.checked_add_days(Days::new(days))
            } else {
                date.checked_sub_days(Days::new(days))
            }
        }
        Unit::Month => {
            let m = Months::new(u32::try_from(k).ok()?);
            if forward {
                date.checked_add_months(m)
            } else {
                date.checked_sub_months(m)
            }
        }
        Unit::Year => {
            let m = Months::new(u32::try_from(k * 12).ok()?);
            if forward {
                date.checked_add_months(m)
            } else {
                date.checked_sub_months(m)
            }
        }
    }
}

/// The first and (exclusive) last day of a calendar period, from anchor `a`.
fn resolve_span(span: &Span, a: NaiveDate, future: bool) -> Option<(NaiveDate, Option<NaiveDate>)> {
    let quarter_start = |y: i32, q: u32| NaiveDate::from_ymd_opt(y, 3 * q - 2, 1);
    let three_months = |d: NaiveDate| d.checked_add_months(Months::new(3));
    match span {
        Span::Year(y) => Some((
            NaiveDate::from_ymd_opt(*y, 1, 1)?,
            NaiveDate::from_ymd_opt(*y + 1, 1, 1),
        )),
        Span::Quarter {
            shift: Some(shift), ..
        } => {
            let current = quarter_start(a.year(), (a.month() - 1) / 3 + 1)?;
            let start = if *shift >= 0 {
                current.checked_add_months(Months::new(3 * shift.unsigned_abs()))?
            } else {
                current.checked_sub_months(Months::new(3 * shift.unsigned_abs()))?
            };
            Some((start, three_months(start)))
        }
        Span::Quarter { y, q, .. } => {
            // The quarter named without a year: this year's, unless it is still to come and
            // the sentence is not about the future (then last year's).
            let y = if let Some(y) = y {
                *y
            } else if quarter_start(a.year(), *q)? > a && !future {
                a.year() - 1
            } else {
                a.year()
            };
            let start = quarter_start(y, *q)?;
            Some((start, three_months(start)))
        }
        Span::Counted { n, unit, past } => {
            if *past {
                let start = add_units(a, -*n, *unit)?;
                Some((start, Some(a)))
            } else {
                let start = a.succ_opt()?;
                Some((start, add_units(start, *n, *unit)))
            }
        }
        Span::RecentWeekend => {
            let shift = if a.weekday().num_days_from_monday() >= 5 {
                0
            } else {
                -1
            };
            resolve_span(&Span::Weekend { shift }, a, future)
        }
        Span::Half { y, second, shift } => {
            let y = y.unwrap_or(a.year() + shift);
            let from = NaiveDate::from_ymd_opt(y, if *second { 7 } else { 1 }, 1)?;
            Some((from, from.checked_add_months(Months::new(6))))
        }
        Span::Years(from, to) => Some((
            NaiveDate::from_ymd_opt(*from, 1, 1)?,
            NaiveDate::from_ymd_opt(*to, 1, 1),
        )),
        Span::Season { y, s, shift } => {
            // Astronomical seasons: spring from March 20, summer from June 21, autumn from
            // September 23, winter from December 21 to March 20 of the next year.
            const STARTS: [(u32, u32); 4] = [(3, 20), (6, 21), (9, 23), (12, 21)];
            let (m, d) = STARTS[usize::try_from(*s).ok()?.min(3)];
            let (nm, nd) = STARTS[(usize::try_from(*s).ok()?.min(3) + 1) % 4];
            let of = |y: i32| -> Option<(NaiveDate, NaiveDate)> {
                let start = NaiveDate::from_ymd_opt(y, m, d)?;
                let end = NaiveDate::from_ymd_opt(if nm < m { y + 1 } else { y }, nm, nd)?;
                Some((start, end))
            };
            let (start, end) = if let Some(y) = y {
                of(*y)?
            } else {
                let all: Vec<(NaiveDate, NaiveDate)> =
                    (a.year() - 3..=a.year() + 3).filter_map(of).collect();
                match shift {
                    // The season under way, or else this year's.
                    0 => all
                        .iter()
                        .copied()
                        .find(|(s, e)| *s <= a && a < *e)
                        .or_else(|| of(a.year()))?,
                    k if *k < 0 => all.iter().copied().filter(|(_, e)| *e <= a).max()?,
                    _ => all.iter().copied().filter(|(s, _)| *s > a).min()?,
                }
            };
            Some((start, Some(end)))
        }
        Span::Months { y, from, to } => {
            // The year written belongs to the last month: "from November to March 2024".
            let y = y.map(|y| if to < from { y - 1 } else { y });
            let (start, _) = resolve(&Expr::Month { y, m: *from }, a, future)?;
            let end_year = if to < from {
                start.year() + 1
            } else {
                start.year()
            };
            Some((
                start,
                month_start(end_year, *to)?.checked_add_months(Months::new(1)),
            ))
        }
        Span::Decade(start) => Some((
            NaiveDate::from_ymd_opt(*start, 1, 1)?,
            NaiveDate::from_ymd_opt(*start + 10, 1, 1),
        )),
        Span::Weekend { shift } => {
            // The Saturday of the anchor's week (weeks start on Monday), moved by weeks.
            let saturday = week_start(a) + chrono::Duration::days(5 + 7 * i64::from(*shift));
            Some((saturday, Some(saturday + chrono::Duration::days(2))))
        }
        Span::Part {
            y,
            m: Some(m),
            part,
        } => {
            let y = y.unwrap_or_else(|| {
                if *m > a.month() && !future {
                    a.year() - 1
                } else {
                    a.year()
                }
            });
            let first = NaiveDate::from_ymd_opt(y, *m, 1)?;
            let next = first.checked_add_months(Months::new(1))?;
            let (from, to) = match part {
                0 => (1, NaiveDate::from_ymd_opt(y, *m, 11)?),
                1 => (11, NaiveDate::from_ymd_opt(y, *m, 21)?),
                _ => (21, next),
            };
            Some((NaiveDate::from_ymd_opt(y, *m, from)?, Some(to)))
        }
        Span::RelPart { unit, shift, part } => {
            // "the end of next week": Thursday to Sunday; the start, Monday to Wednesday.
            if *unit == Unit::Week {
                let start = week_start(a) + chrono::Duration::days(7 * i64::from(*shift));
                let (from, to) = match part {
                    0 => (0, 3),
                    1 => (1, 4),
                    _ => (3, 7),
                };
                return Some((
                    start + chrono::Duration::days(from),
                    Some(start + chrono::Duration::days(to)),
                ));
            }
            let (y, m) = if *unit == Unit::Month {
                let first = month_start(a.year(), a.month())?;
                let moved = if *shift >= 0 {
                    first.checked_add_months(Months::new(shift.unsigned_abs()))?
                } else {
                    first.checked_sub_months(Months::new(shift.unsigned_abs()))?
                };
                (moved.year(), Some(moved.month()))
            } else {
                (a.year() + shift, None)
            };
            resolve_span(
                &Span::Part {
                    y: Some(y),
                    m,
                    part: *part,
                },
                a,
                future,
            )
        }
        Span::Part { y, m: None, part } => {
            let y = (*y)?;
            let from = NaiveDate::from_ymd_opt(y, 1 + 4 * part, 1)?;
            let to = from.checked_add_months(Months::new(4))?;
            Some((from, Some(to)))
        }
    }
}

fn week_start(d: NaiveDate) -> NaiveDate {
    d - chrono::Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

fn month_start(y: i32, m: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, 1)
}

/// The resolved value of an expression: (start, exclusive end for ranges).
fn resolve(e: &Expr, a: NaiveDate, future: bool) -> Option<(NaiveDate, Option<NaiveDate>)> {
    let day = |d: Option<NaiveDate>| d.map(|d| (d, None));
    match e {
        Expr::Date {
            y: Some(y), m, d, ..
        } => day(NaiveDate::from_ymd_opt(*y, *m, *d)),
        Expr::Date {
            y: None,
            m,
            d,
            wd,
            next,
        } => {
            let candidates: Vec<NaiveDate> = (a.year() - 4..=a.year() + 4)
                .filter_map(|y| NaiveDate::from_ymd_opt(y, *m, *d))
                .collect();
            let pick = if *next || future {
                candidates
                    .iter()
                    .copied()
                    .find(|c| if *next { *c > a } else { *c >= a })
            } else if let Some(w) = wd {
                // "Tuesday, March 25": the year nearest the anchor when the weekday fits it;
                // else a recent past year the weekday fits (a report looking back: "the
                // deadline of Friday, 6 June" three years ago); else the nearest year, and the
                // weekday that does not fit is a discrepancy to show, never a reason to move
                // the date into the future.
                let nearest = candidates
                    .iter()
                    .copied()
                    .min_by_key(|c| ((*c - a).num_days().abs(), *c > a));
                nearest
                    .filter(|c| c.weekday() == *w)
                    .or_else(|| {
                        candidates
                            .iter()
                            .copied()
                            .filter(|c| {
                                c.weekday() == *w && *c < a && (a - *c).num_days() <= 4 * 366
                            })
                            .max()
                    })
                    .or(nearest)
            } else {
                candidates
                    .iter()
                    .copied()
                    .min_by_key(|c| ((*c - a).num_days().abs(), *c > a))
            };
            day(pick.or_else(|| {
                candidates
                    .iter()
                    .copied()
                    .min_by_key(|c| (*c - a).num_days().abs())
            }))
        }
        Expr::Span(span) => resolve_span(span, a, future),
        Expr::OfPeriod { ord, week, period } => {
            let (first, end) = resolve(period, a, future)?;
            let end = end?;
            let day = if *ord > 0 {
                first.checked_add_days(Days::new(u64::from(ord.unsigned_abs() - 1)))?
            } else {
                end.pred_opt()?
            };
            if day < first || day >= end {
                return None;
            }
            if *week {
                // A week (Monday to Sunday) belongs to the period that holds its Thursday,
                // as ISO weeks do: the first week of October 2014 starts on September 29,
                // the last week of September 2014 on September 22.
                let start = if *ord > 0 {
                    week_start(first + chrono::Duration::days(3))
                        + chrono::Duration::days(7 * i64::from(*ord - 1))
                } else {
                    week_start(end - chrono::Duration::days(4))
                };
                let thursday = start + chrono::Duration::days(3);
                (thursday >= first && thursday < end)
                    .then_some((start, Some(start + chrono::Duration::days(7))))
            } else {
                Some((day, None))
            }
        }
        Expr::WeekOf(inner) => {
            let (d, None) = resolve(inner, a, future)? else {
                return None;
            };
            let start = week_start(d);
            Some((start, Some(start + chrono::Duration::days(7))))
        }
        Expr::AfterNext(wd) => {
            let fwd = (7 + wd.num_days_from_monday() - a.weekday().num_days_from_monday()) % 7;
            let next = if fwd == 0 { 7 } else { fwd };
            day(a.checked_add_signed(chrono::Duration::days(i64::from(next) + 7)))
        }
        Expr::InMonth { pick, month } => {
            let (first, end) = resolve(month, a, future)?;
            let end = end?;
            let day = match pick {
                Pick::Day(d) => NaiveDate::from_ymd_opt(first.year(), first.month(), *d)?,
                Pick::Nth(n, wd) if *n > 0 => {
                    let ahead = (7 + wd.num_days_from_monday()
                        - first.weekday().num_days_from_monday())
                        % 7;
                    first + chrono::Duration::days(i64::from(ahead) + 7 * i64::from(*n - 1))
                }
                Pick::Nth(_, wd) => {
                    let last = end.pred_opt()?;
                    let back =
                        (7 + last.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
                    last - chrono::Duration::days(i64::from(back))
                }
            };
            (day >= first && day < end).then_some((day, None))
        }
        Expr::Month { y, m } => {
            let y = match y {
                Some(y) => *y,
                None if future => {
                    if *m >= a.month() {
                        a.year()
                    } else {
                        a.year() + 1
                    }
                }
                None => {
                    if *m <= a.month() {
                        a.year()
                    } else {
                        a.year() - 1
                    }
                }
            };
            let start = month_start(y, *m)?;
            Some((start, start.checked_add_months(Months::new(1))))
        }
        Expr::DayOfMonth { d, wd } => {
            let first = month_start(a.year(), a.month())?;
            let months: Vec<NaiveDate> = (-12i32..=12)
                .filter_map(|k| {
                    if k < 0 {
                        first.checked_sub_months(Months::new(k.unsigned_abs()))
                    } else {
                        first.checked_add_months(Months::new(k.unsigned_abs()))
                    }
                })
                .filter_map(|m| m.with_day(*d))
                .collect();
            let pick = match wd {
                Some(w) => months
                    .iter()
                    .copied()
                    .filter(|c| c.weekday() == *w)
                    .min_by_key(|c| ((*c - a).num_days().abs(), *c > a)),
                None if future => months.iter().copied().filter(|c| *c >= a).min(),
                None => months.iter().copied().filter(|c| *c <= a).max(),
            };
            day(pick)
        }
        Expr::Weekday { wd, modifier } => {
            let from_mon = |start: NaiveDate| {
                start + chrono::Duration::days(i64::from(wd.num_days_from_monday()))
            };
            let back = (7 + a.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
            let fwd = (7 + wd.num_days_from_monday() - a.weekday().num_days_from_monday()) % 7;
            day(Some(match modifier {
                WdMod::Bare if future => a + chrono::Duration::days(i64::from(fwd)),
                WdMod::Bare => a - chrono::Duration::days(i64::from(back)),
                WdMod::Last => {
                    a - chrono::Duration::days(i64::from(if back == 0 { 7 } else { back }))
                }
                WdMod::Next => {
                    a + chrono::Duration::days(i64::from(if fwd == 0 { 7 } else { fwd }))
                }
                WdMod::This | WdMod::ThisWeek => from_mon(week_start(a)),
                WdMod::NextWeek => from_mon(week_start(a) + chrono::Duration::days(7)),
                WdMod::LastWeek => from_mon(week_start(a) - chrono::Duration::days(7)),
            }))
        }
        Expr::RelDay(n) => day(a.checked_add_signed(chrono::Duration::days(*n))),
        Expr::Floating { day: holiday, y } => {
            if let Some(y) = y {
                return day(holiday.in_year(*y));
            }
            // The year of the anchor, the one before or the one after: the next one in a
            // sentence about the future, else the nearest (as for a month and day).
            let candidates: Vec<NaiveDate> = (a.year() - 1..=a.year() + 1)
                .filter_map(|y| holiday.in_year(y))
                .collect();
            let pick = if future {
                candidates.iter().copied().find(|c| *c >= a)
            } else {
                candidates
                    .iter()
                    .copied()
                    .min_by_key(|c| ((*c - a).num_days().abs(), *c > a))
            };
            day(pick)
        }
        Expr::WeekdayCount { wd, n } => {
            // The nearest such weekday strictly before (or after) the anchor is the first.
            let gap = |from: Weekday, to: Weekday| {
                let g = (i64::from(to.num_days_from_monday())
                    - i64::from(from.num_days_from_monday()))
                .rem_euclid(7);
                if g == 0 {
                    7
                } else {
                    g
                }
            };
            let first = if *n < 0 {
                -gap(*wd, a.weekday())
            } else {
                gap(a.weekday(), *wd)
            };
            let weeks = n.signum().checked_mul(n.checked_abs()?.checked_sub(1)?)?;
            let days = first.checked_add(weeks.checked_mul(7)?)?;
            day(a.checked_add_signed(chrono::Duration::try_days(days)?))
        }
        Expr::Period { unit, shift } => {
            let s = i64::from(*shift);
            match unit {
                Unit::Week | Unit::Fortnight => {
                    let start = week_start(a) + chrono::Duration::days(7 * s);
                    Some((start, Some(start + chrono::Duration::days(7))))
                }
                Unit::Month => {
                    let start = add_units(month_start(a.year(), a.month())?, s, Unit::Month)?;
                    Some((start, start.checked_add_months(Months::new(1))))
                }
                Unit::Year | Unit::Day => {
                    let start = NaiveDate::from_ymd_opt(a.year() + *shift, 1, 1)?;
                    Some((start, NaiveDate::from_ymd_opt(a.year() + *shift + 1, 1, 1)))
                }
            }
        }
        // Resolved against the time of day, in `resolve_found`.
        Expr::AfterEvent { .. } | Expr::ClockOffset(_) | Expr::ClockSpan(_) => None,
        Expr::Range(first, last) => {
            let (s, None) = resolve(first, a, future)? else {
                return None;
            };
            // The end is read from the start: the first such day on or after it.
            let e = match &**last {
                Expr::Date { y: None, m, d, .. } => (s.year()..=s.year() + 1)
                    .filter_map(|y| NaiveDate::from_ymd_opt(y, *m, *d))
                    .find(|c| *c >= s)?,
                Expr::DayOfMonth { d, .. } => (0..=1)
                    .filter_map(|k| {
                        s.with_day(1)?
                            .checked_add_months(Months::new(k))?
                            .with_day(*d)
                    })
                    .find(|c| *c >= s)?,
                Expr::Weekday {
                    wd,
                    modifier: WdMod::Bare,
                } => {
                    s + chrono::Duration::days(i64::from(
                        (7 + wd.num_days_from_monday() - s.weekday().num_days_from_monday()) % 7,
                    ))
                }
                other => match resolve(other, a, future)? {
                    (e, None) => e,
                    _ => return None,
                },
            };
            if e <= s {
                return None;
            }
            Some((s, e.checked_add_days(Days::new(1))))
        }
        Expr::Offset {
            amount,
            sign,
            base,
            then_wd,
        } => {
            if amount.is_empty() {
                // "last May" / "next May": the month a year before or after its nearest.
                let (start, _) = resolve(base.as_deref()?, a, *sign > 0)?;
                let start = if *sign < 0 && start >= month_start(a.year(), a.month())? {
                    start.checked_sub_months(Months::new(12))?
                } else {
                    start
                };
                return Some((start, start.checked_add_months(Months::new(1))));
            }
            let base_date = match base {
                // A weekday counted from ("a week from Monday") is the coming one; a day of
                // the calendar ("the day after Christmas") the one the sentence's tense picks.
                Some(b) if matches!(**b, Expr::Weekday { .. }) => resolve(b, a, true)?.0,
                Some(b) => resolve(b, a, future)?.0,
                None => a,
            };
            let mut d = base_date;
            for (n, unit) in amount {
                d = add_units(d, n * sign, *unit)?;
            }
            if let Some(w) = then_wd {
                let sunday =
                    d - chrono::Duration::days(i64::from(d.weekday().num_days_from_sunday()));
                d = sunday + chrono::Duration::days(i64::from(w.num_days_from_sunday()));
            }
            day(Some(d))
        }
    }
}

// ---------------------------------------------------------------- extraction

/// A found expression in a sentence (byte range in the sentence).
#[derive(Debug, Clone)]
struct Found {
    start: usize,
    end: usize,
    expr: Expr,
    pat: Pat,
    /// For a range: what to read instead when it does not resolve (its dates one by one).
    parts: Vec<Found>,
}

/// Cheap test for anything a date pattern could match: most sentences have none.
static MAYBE_DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\d|\b(?:{MON}|{WD}|yesterday|today|tonight|tomorrow|this\s+(?:morning|afternoon|evening)|ago|week|month|year|first|second|third|fourth|fifth|tenth|twentieth|thirtieth|days?|fortnight|yrs?|wks?|quarter|weekend|week-end|christmas|x-?mas|halloween|valentine|boxing|new year|thanksgiving|easter|labor|memorial|luther|mlk|president|father|juneteenth|veteran|armistice|remembrance|bastille|patrick|fools|shrove|maundy|half|decade|century|centuries|last night|spring|summer|autumn|fall|winter|h[12]|hours?|minutes?)"
    ))
});

/// Is a weekday written short and alone ("Wed", "thu") a weekday here? Abbreviations alone
/// are too often other words ("sat", "sun", "wed", "Mon" for Monmouth): lower-case ones, and
/// "Sat", "Sun", "Wed", "Mon", only right after "on" and before a stop or a comma ("the
/// meeting is on wed.", "shipped on Sat, …"). Whole names and modified ones always stand.
fn weekday_abbreviation_stands(text: &str, c: &Captures) -> bool {
    let (Some(w), None) = (c.name("wd"), c.name("mod")) else {
        return true;
    };
    let word = w.as_str();
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    if word.len() > 4 || (capitalised && !matches!(word, "Sat" | "Sun" | "Wed" | "Mon")) {
        return true;
    }
    let before = text.slice(..w.start()).trim_end_matches(' ');
    let after_on = before.len() < w.start()
        && before
            .rsplit(|ch: char| !ch.is_alphanumeric())
            .next()
            .is_some_and(|p| p.eq_ignore_ascii_case("on"));
    let rest = text.slice(w.end()..);
    let stops = rest.is_empty() || rest.starts_with(['.', ',', ';', ')']);
    after_on && stops
}

/// Can pattern `pat` match a text (lower-cased)? A cheap test on words the pattern needs,
/// so that rare forms do not cost a regex pass over every sentence.
fn may_match(pat: Pat, lower: &str) -> bool {
    let any = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    match pat {
        Pat::Half => any(&["half", "h1", "h2"]),
        Pat::Decade => any(&["0s", "0's", "0\u{2019}s"]),
        Pat::Season => any(&["spring", "summer", "autumn", "fall", "winter"]),
        Pat::Century => lower.contains("century"),
        Pat::CountedLong => any(&["decade", "centur"]),
        Pat::OfPeriod => any(&["day of", "week of"]),
        Pat::WeekOf => lower.contains("week of"),
        Pat::AfterNext => lower.contains(" after next"),
        Pat::YearRange | Pat::MonthRange => any(&["between", "from"]),
        Pat::PeriodTwo => any(&[" after next", " before last"]),
        Pat::WdCount => lower.contains("days "),
        Pat::IsoMonth => lower.contains('-'),
        Pat::NumericShort => lower.contains('/'),
        Pat::Holiday => any(&[
            "day",
            "new year",
            "christmas",
            "mas",
            "easter",
            "thanksgiving",
            "halloween",
            "juneteenth",
        ]),
        _ => true,
    }
}

/// Finds date expressions in a text, longest first, without overlaps.
fn find(text: &str) -> Vec<Found> {
    let mut cands: Vec<Found> = Vec::new();
    if !MAYBE_DATE_RE.is_match(text) {
        return cands;
    }
    let lower = text.to_ascii_lowercase();
    for (pat, r) in PATTERNS.iter() {
        if !may_match(*pat, &lower) {
            continue;
        }
        for c in r.captures_iter(text) {
            let Some(m) = c.get(0) else { continue };
            if let Some(expr) = expr_of(*pat, &c) {
                // "in 2021-11" is a month, not the year 2021.
                let year_of_more = *pat == Pat::BareYear
                    && text.slice(m.end()..).starts_with('-')
                    && text
                        .slice(m.end()..)
                        .chars()
                        .nth(1)
                        .is_some_and(|ch| ch.is_ascii_digit());
                if phantom(text, m.start(), m.end(), &expr)
                    || year_of_more
                    || (*pat == Pat::WdMod && !weekday_abbreviation_stands(text, &c))
                {
                    continue;
                }
                let (mut start, mut end) = (m.start(), m.end());
                // "from June", "by April": the preposition only tells a month from a verb
                // or a name; the expression is the month, so "by April 1" stays a day.
                if let (Pat::MonthBare, Expr::Month { .. }, Some(mon)) = (pat, &expr, c.name("mon"))
                {
                    start = mon.start();
                }
                // "on 2/15": the day is its two numbers.
                if let (Pat::NumericShort, Some(a), Some(b)) = (pat, c.name("a"), c.name("b")) {
                    start = a.start();
                    end = b.end();
                }
                // "on 5 June.": the full stop ends the sentence, not an abbreviation.
                if text.slice(start..end).ends_with('.') {
                    end -= 1;
                }
                cands.push(Found {
                    start,
                    end,
                    expr,
                    pat: *pat,
                    parts: Vec::new(),
                });
            }
        }
    }
    cands.sort_by_key(|f| (std::cmp::Reverse(f.end - f.start), f.start));
    let mut out: Vec<Found> = Vec::new();
    for f in cands {
        if out.iter().all(|o| f.end <= o.start || f.start >= o.end) {
            out.push(f);
        }
    }
    out.sort_by_key(|f| f.start);
    shift_from_days(text, join_ranges(text, out))
}

/// A count of days or weeks before a day: "the day after Christmas", "three days before
/// Thanksgiving", "a week after Easter Sunday".
static SHIFT_BEFORE_RE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:(?P<the>the)|(?P<n>{NUM}))\s+(?P<unit>days?|weeks?)\s+(?P<dir>after|before)\s+(?:the\s+)?$"
    ))
});

/// Composes a day with the count of days or weeks written before it into one day ("the day
/// after Christmas" is December 26), replacing the count read alone.
fn shift_from_days(text: &str, found: Vec<Found>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        let day = matches!(
            f.expr,
            Expr::Date { .. } | Expr::Floating { .. } | Expr::DayOfMonth { .. }
        );
        let head_from = window_start(text, f.start, 60);
        let shift = day
            .then(|| SHIFT_BEFORE_RE.captures(text.slice(head_from..f.start)))
            .flatten()
            .and_then(|c| {
                let (n, unit) = if c.name("the").is_some() {
                    (1, unit_of(c.name("unit")?.as_str()))
                } else {
                    count_of(c.name("n")?.as_str(), c.name("unit")?.as_str())?
                };
                let sign = if c.name("dir")?.as_str().eq_ignore_ascii_case("before") {
                    -1
                } else {
                    1
                };
                Some((head_from + c.get(0)?.start(), n, unit, sign))
            });
        let Some((start, n, unit, sign)) = shift else {
            out.push(f);
            continue;
        };
        // "the week after Christmas" is a week, not a day: only a count of weeks is a day.
        if unit == Unit::Week && text.slice(start..).to_ascii_lowercase().starts_with("the") {
            out.push(f);
            continue;
        }
        out.retain(|o| o.end <= start);
        out.push(Found {
            start,
            end: f.end,
            expr: Expr::Offset {
                amount: vec![(n, unit)],
                sign,
                base: Some(Box::new(f.expr)),
                then_wd: None,
            },
            pat: f.pat,
            parts: Vec::new(),
        });
    }
    out
}

/// What joins the two ends of a range: "June 3 - June 5", "from Monday to Wednesday",
/// "between June 3 and June 5".
static RANGE_JOIN_RE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*(?:-|–|—|to|through|thru|until|till|and)\s*$"));
/// The end day after a month and day: "June 3-5", "June 3 to 5, 2025".
static DAY_TAIL_RE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*(?:-|–|—|to|through|thru|until|till)\s*(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{4})\b)?",
    )
});
/// The start day before a day and month: "3-5 June", "between 3 and 5 June".
static DAY_HEAD_RE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[^\d.,$£€¥])(?P<d>\b\d{1,2})(?:st|nd|rd|th)?\s*(?P<j>-|–|—|to|through|thru|until|till|and)\s*$",
    )
});
/// What may not follow a number for it to be a day: a time, a percentage, a decimal.
static NOT_A_DAY_RE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:\s*(?:a\.?m\b|p\.?m\b|%|percent|per cent|hours?\b|minutes?\b)|[:.,]\d)")
});
/// Words that make "from June 3 to June 5" a change of date, not a span of days, and "rose
/// 3 to 5 June" a change of a number.
static TRANSITION_RE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:postpon\w*|delay\w*|mov(?:e|ed|es|ing)|push\w*|reschedul\w*|shift\w*|chang\w*|brought|bring\w*|advanc\w*|extend\w*|bump\w*|put off|instead|ros(?:e|en)|rises?|rising|f[ae]ll(?:en|s)?|falling|climb\w*|increas\w*|decreas\w*|jump\w*|drop\w*|grew|grow\w*|rais\w*|cut)\b",
    )
});

/// Is an expression one day (or a weekday), so that it can end a range?
fn is_day_expr(e: &Expr) -> bool {
    matches!(
        e,
        Expr::Date { .. } | Expr::DayOfMonth { .. } | Expr::Weekday { .. } | Expr::RelDay(_)
    )
}

/// Joins the two ends of simple day ranges into one expression: two dates joined by "to",
/// "-", "through" or "between … and", and a month with two days ("June 3-5", "3 to 5 June").
/// A change of date ("postponed from June 3 to June 5") is two dates, not a range.
fn join_ranges(text: &str, found: Vec<Found>) -> Vec<Found> {
    let clause_head = |at: usize| {
        let head = text.slice(window_start(text, at, CLAUSE_WINDOW)..at);
        head.slice(head.rfind([';', '.']).map_or(0, |i| i + 1)..)
    };
    let mut out: Vec<Found> = Vec::new();
    let mut it = found.into_iter().peekable();
    while let Some(f) = it.next() {
        let transition = TRANSITION_RE.is_match(clause_head(f.start));
        let between_before = clause_head(f.start)
            .trim_end()
            .to_ascii_lowercase()
            .ends_with("between");
        // Two dates joined.
        if let Some(g) = it.peek() {
            let join = text.slice(f.end..g.start);
            let ok_join = RANGE_JOIN_RE.is_match(join)
                && (!join.trim().eq_ignore_ascii_case("and") || between_before);
            // Ends of one kind: "Friday-Jun-15" is a weekday and its date, not a range.
            let kind = |e: &Expr| match e {
                Expr::Weekday { .. } => 1,
                Expr::Date { .. } | Expr::DayOfMonth { .. } => 2,
                _ => 0,
            };
            let (k1, k2) = (kind(&f.expr), kind(&g.expr));
            let ends_ok = is_day_expr(&f.expr)
                && (k1 == k2 || k1 == 0 || k2 == 0)
                && matches!(
                    g.expr,
                    Expr::Date { .. }
                        | Expr::DayOfMonth { .. }
                        | Expr::RelDay(_)
                        | Expr::Weekday {
                            modifier: WdMod::Bare,
                            ..
                        }
                );
            if ok_join && ends_ok && !transition {
                let g = it.next().expect("peeked");
                let mut first = f.expr.clone();
                // "June 3 to June 5, 2025": the start takes the end's year.
                if let (
                    Expr::Date {
                        y: y1 @ None,
                        m: m1,
                        ..
                    },
                    Expr::Date {
                        y: Some(y2), m: m2, ..
                    },
                ) = (&mut first, &g.expr)
                {
                    *y1 = Some(if *m1 > *m2 { y2 - 1 } else { *y2 });
                }
                out.push(Found {
                    start: f.start,
                    end: g.end,
                    expr: Expr::Range(Box::new(first), Box::new(g.expr.clone())),
                    pat: f.pat,
                    parts: vec![f, g],
                });
                continue;
            }
        }
        // "June 3-5", "June 3 to 5, 2025".
        if let (Pat::MonDay, Expr::Date { y: None, m, d, .. }) = (f.pat, &f.expr) {
            if let Some(c) = DAY_TAIL_RE.captures(text.slice(f.end..)) {
                let tail_end = f.end + c.get(0).map_or(0, |m| m.end());
                let next_starts_inside = it.peek().is_some_and(|g| g.start < tail_end);
                let d2: Option<u32> = c.name("d").and_then(|m| m.as_str().parse().ok());
                if let Some(d2) = d2.filter(|d2| *d2 > *d && *d2 <= 31) {
                    if !next_starts_inside
                        && !transition
                        && !NOT_A_DAY_RE.is_match(text.slice(tail_end..))
                    {
                        let y = c.name("y").and_then(|m| m.as_str().parse().ok());
                        let (m, d) = (*m, *d);
                        out.push(Found {
                            start: f.start,
                            end: tail_end,
                            expr: Expr::Range(
                                Box::new(Expr::Date {
                                    y,
                                    m,
                                    d,
                                    wd: None,
                                    next: false,
                                }),
                                Box::new(Expr::Date {
                                    y,
                                    m,
                                    d: d2,
                                    wd: None,
                                    next: false,
                                }),
                            ),
                            pat: f.pat,
                            parts: vec![f],
                        });
                        continue;
                    }
                }
            }
        }
        // "3-5 June", "between 3 and 5 June 2025".
        if let (
            Pat::DayMon,
            Expr::Date {
                y, m, d, wd: None, ..
            },
        ) = (f.pat, &f.expr)
        {
            let prev_end = out.last().map_or(0, |p| p.end);
            if let Some(c) = DAY_HEAD_RE.captures(text.slice(prev_end..f.start)) {
                let d1: Option<u32> = c.name("d").and_then(|m| m.as_str().parse().ok());
                let is_and = c
                    .name("j")
                    .is_some_and(|j| j.as_str().eq_ignore_ascii_case("and"));
                let start = prev_end + c.name("d").map_or(0, |m| m.start());
                let between = text
                    .slice(window_start(text, start, 40)..start)
                    .trim_end()
                    .to_ascii_lowercase()
                    .ends_with("between");
                let transition = TRANSITION_RE.is_match(clause_head(start));
                if let Some(d1) = d1.filter(|d1| *d1 >= 1 && *d1 < *d) {
                    if (!is_and || between) && !transition {
                        let (y, m, d) = (*y, *m, *d);
                        out.push(Found {
                            start,
                            end: f.end,
                            expr: Expr::Range(
                                Box::new(Expr::Date {
                                    y,
                                    m,
                                    d: d1,
                                    wd: None,
                                    next: false,
                                }),
                                Box::new(Expr::Date {
                                    y,
                                    m,
                                    d,
                                    wd: None,
                                    next: false,
                                }),
                            ),
                            pat: f.pat,
                            parts: vec![f],
                        });
                        continue;
                    }
                }
            }
        }
        out.push(f);
    }
    out
}

/// Rejects matches that are words, not dates, in context: "May I", "March forward",
/// "a Sunday roast", "the 21st century".
/// Words that make a weekday part of the name of a day ("Black Friday", "Super Tuesday",
/// "Ash Wednesday", "Bloody Sunday"): the weekday alone is then not the recent one.
const NAMED_DAY_WORDS: &[&str] = &[
    "black",
    "good",
    "easter",
    "cyber",
    "super",
    "ash",
    "palm",
    "holy",
    "maundy",
    "shrove",
    "bloody",
    "giving",
    "whit",
    "trinity",
    "low",
    "mothering",
    "passion",
];

/// The last word of a lower-cased text.
fn last_word(text: &str) -> &str {
    text.rsplit(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty())
        .unwrap_or("")
}

fn phantom(text: &str, start: usize, end: usize, expr: &Expr) -> bool {
    let after = text
        .slice(end..window_end(text, end, 80))
        .trim_start()
        .to_ascii_lowercase();
    let before = text
        .slice(window_start(text, start, 80)..start)
        .trim_end()
        .to_ascii_lowercase();
    // "$12 December": the number is money, not a day.
    if before.ends_with(['$', '€', '£', '¥']) {
        return true;
    }
    match expr {
        // "the worst storm in 30 years", "a first Super Bowl in 28 years", "the first rise
        // in six years": after a superlative or "first", "in N years" is a duration.
        Expr::Offset {
            sign: 1,
            base: None,
            ..
        } => {
            before
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .rev()
                .take(8)
                .any(is_superlative)
                || took_time(text, start, end, &before)
        }
        // "the last two minutes of the game": a part of something else, not of today.
        Expr::ClockSpan(_) => after.starts_with("of "),
        // "finished in 2 hours", "in 2 hours 5 minutes": how long something took.
        Expr::ClockOffset(minutes) => {
            *minutes > 0
                && (took_time(text, start, end, &before)
                    || after.starts_with(|c: char| c.is_ascii_digit())
                    || after.starts_with("and "))
        }
        Expr::DayOfMonth { wd: None, .. } => {
            after.starts_with("century")
                || after.starts_with("amendment")
                || after.starts_with("birthday")
                || after.starts_with("anniversary")
                || after.starts_with("floor")
        }
        Expr::Weekday {
            modifier: WdMod::Bare,
            ..
        } => {
            let next_word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
            // "Saturday night" is a night; "Monday Night Football" a programme.
            let programme = next_word == "night" && {
                let rest = after.slice("night".len()..).trim_start();
                [
                    "football", "live", "lights", "fever", "raw", "baseball", "fights",
                ]
                .iter()
                .any(|w| rest.starts_with(w))
            };
            programme
                || matches!(
                    next_word.as_str(),
                    "roast"
                        | "lunch"
                        | "dinner"
                        | "school"
                        | "times"
                        | "best"
                        | "paper"
                        | "service"
                        | "league"
                        | "edition"
                        | "magazine"
                        | "supplement"
                )
                || before.ends_with(" a")
                || before.ends_with(" every")
                || before == "a"
                || NAMED_DAY_WORDS.contains(&last_word(&before))
        }
        _ => false,
    }
}

/// "The house was built in 3 days", "he finished in 2 hours": "in N units" after a verb in
/// the past tense says how long something took, not when. Only for the "in …" form, and
/// never in a clause that speaks of the future.
fn took_time(text: &str, start: usize, end: usize, before: &str) -> bool {
    text.slice(start..end)
        .get(..3)
        .is_some_and(|w| w.eq_ignore_ascii_case("in "))
        && !is_future(text, start)
        && before
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .rev()
            .take(5)
            .any(is_past_verb)
}

/// A verb in the past tense: a regular "-ed" form, or a common irregular one. General
/// English, not a list from any story.
fn is_past_verb(w: &str) -> bool {
    const IRREGULAR: &[&str] = &[
        "was", "were", "had", "did", "ran", "won", "took", "made", "came", "went", "got", "sold",
        "built", "beat", "grew", "rose", "fell", "swam", "flew", "drove", "rode", "wrote", "began",
        "became", "spent", "lost", "left", "kept", "held", "found", "brought", "bought", "caught",
        "fought", "sent", "put", "cut", "hit", "led", "met", "paid", "broke", "drew", "ate",
        "gave", "threw", "struck", "sank", "spread", "dug",
    ];
    const NOT_PAST: &[&str] = &[
        "need", "speed", "feed", "bed", "red", "shed", "seed", "breed", "hundred", "indeed",
        "proceed", "succeed", "exceed", "greed", "weed", "bleed",
    ];
    IRREGULAR.contains(&w) || w.len() > 4 && w.ends_with("ed") && !NOT_PAST.contains(&w)
}

/// A superlative or an ordinal of rank ("worst", "first", "highest", "deadliest"): what
/// follows "in N years" then counts back, it does not point ahead. General English.
fn is_superlative(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "last",
        "only",
        "worst",
        "best",
        "most",
        "least",
        "fewest",
        "highest",
        "lowest",
        "largest",
        "biggest",
        "greatest",
        "smallest",
        "strongest",
        "longest",
        "shortest",
        "fastest",
        "slowest",
        "oldest",
        "youngest",
        "latest",
        "earliest",
        "closest",
        "deepest",
        "warmest",
        "coldest",
        "hottest",
        "wettest",
        "driest",
        "heaviest",
        "deadliest",
        "costliest",
        "busiest",
        "sharpest",
        "steepest",
        "weakest",
        "record",
    ];
    WORDS.contains(&w) || ordinal_word(w).is_some() || (w.len() > 6 && w.ends_with("iest"))
}

/// Attaches a time of day next to a date expression: returns (time, zone, new start, new end).
/// The hours a part of the day covers, as news and time taggers read them: morning 4–12,
/// afternoon 12–19, evening and night 18–24.
fn part_window(part: &str) -> Option<(NaiveTime, NaiveTime)> {
    let (from, to) = match part {
        "morning" => (4, 12),
        "afternoon" => (12, 19),
        "evening" | "night" | "tonight" => (18, 0),
        _ => return None,
    };
    Some((
        NaiveTime::from_hms_opt(from, 0, 0)?,
        NaiveTime::from_hms_opt(to, 0, 0)?,
    ))
}

/// A part of the day given with a day: in the words themselves ("this morning", "tonight",
/// "last night"), after them ("yesterday evening", "Monday night") or before them ("the
/// morning of June 9"). Returns the window and the span widened to take the words in.
fn part_of_day(text: &str, f: &Found) -> Option<((NaiveTime, NaiveTime), usize, usize)> {
    let own = text.slice(f.start..f.end).to_ascii_lowercase();
    let own_part = ["morning", "afternoon", "evening", "tonight", "night"]
        .into_iter()
        .find(|p| own.ends_with(p));
    if let Some(p) = own_part {
        return Some((part_window(p)?, f.start, f.end));
    }
    if let Some(c) = PART_AFTER_RE.captures(text.slice(f.end..)) {
        let part = c.name("part")?.as_str().to_ascii_lowercase();
        return Some((part_window(&part)?, f.start, f.end + c.get(0)?.end()));
    }
    let head = window_start(text, f.start, 40);
    if let Some(c) = PART_BEFORE_RE.captures(text.slice(head..f.start)) {
        let part = c.name("part")?.as_str().to_ascii_lowercase();
        return Some((part_window(&part)?, head + c.get(0)?.start(), f.end));
    }
    None
}

fn attach_time(text: &str, f: &Found) -> Option<(NaiveTime, Option<String>, usize, usize)> {
    let glue = &*GLUE_RE;
    // After the expression.
    if let Some(c) = TIME_RE.captures(text.slice(f.end..window_end(text, f.end, 64))) {
        let m = c.get(0)?;
        if m.start() <= 24 && glue.is_match(text.slice(f.end..f.end + m.start())) {
            let t = time_of(&c)?;
            let mut end = f.end + m.end();
            let zone = zone_after(text, &mut end);
            return Some((t, zone, f.start, end));
        }
    }
    // Before it: "8pm today", "13:00 February 28".
    let from = window_start(text, f.start, 64);
    let head = text.slice(from..f.start);
    // "at 9 tonight": an hour of the evening.
    if text.slice(f.start..f.end).eq_ignore_ascii_case("tonight") {
        if let Some(c) = HOUR_BEFORE_TONIGHT_RE.captures(head) {
            let h = c.name("h")?.as_str().to_ascii_lowercase();
            let h: u32 = h.parse().ok().or_else(|| {
                ["five", "six", "seven", "eight", "nine", "ten", "eleven"]
                    .iter()
                    .position(|w| *w == h)
                    .and_then(|k| u32::try_from(k + 5).ok())
            })?;
            let m: u32 = c.name("mi").map_or(Some(0), |x| x.as_str().parse().ok())?;
            if (5..=11).contains(&h) {
                let start = from + c.get(0)?.start();
                return Some((NaiveTime::from_hms_opt(h + 12, m, 0)?, None, start, f.end));
            }
        }
    }
    let mut last = None;
    for c in TIME_RE.captures_iter(head) {
        last = Some(c);
    }
    if let Some(c) = last {
        let m = c.get(0)?;
        let mut after = m.end();
        let zone = zone_after(head, &mut after);
        if BEFORE_GLUE_RE.is_match(head.slice(after..)) {
            let t = time_of(&c)?;
            return Some((t, zone, from + m.start(), f.end));
        }
    }
    None
}

/// What joins the two times of a span of the day: "9:30-11:00", "from 3:30 to 6 p.m.".
static TIME_JOIN_RE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*(?:-|–|to|until|till|through|and)\s*$"));

/// A bare hour that starts a span ending in a marked time: "3-4pm", "between 3 and 5 p.m.".
static BARE_HOUR_BEFORE_RE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:(?P<between>\bbetween)\s+|\bfrom\s+|[^\d:.,$£€]\s*|^)(?P<h>\b(?:1[0-2]|0?[1-9]))(?::(?P<mi>[0-5]\d))?\s*(?P<j>-|–|to|until|till|and)\s*$",
    )
});

/// A clock time told by its preposition ("at 15:15", "by noon", "until 9:30"): the hour
/// of a day, not a game clock ("at the 1:53 mark", "1:53 remaining") or a race time.
fn clock_preposition(text: &str, start: usize, end: usize) -> bool {
    static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"\b(?:at|by|until|till|from|since|before|after|between)\s+(?:(?:about|around|roughly|approximately|precisely|exactly)\s+)?$",
        )
    });
    static AFTER: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^\s*(?:remaining|left|to\s+go|to\s+play|mark|into|in\s+the\s+(?:first|second|third|fourth|final)|of\s+the\b)",
        )
    });
    BEFORE.is_match(text.slice(window_start(text, start, 24)..start))
        && !AFTER.is_match(text.slice(end..window_end(text, end, 32)))
}

fn zone_after(text: &str, end: &mut usize) -> Option<String> {
    let c = ZONE_RE.captures(text.slice(*end..))?;
    if let Some(a) = c.name("abbr") {
        let word = a.as_str();
        if word.chars().all(|c| c.is_ascii_uppercase()) && word.len() <= 5 {
            *end += c.get(0)?.end();
            return Some(word.to_string());
        }
        return None;
    }
    if c.name("local").is_some() {
        *end += c.get(0)?.end();
        return Some("local".into());
    }
    None
}

fn time_of(c: &Captures) -> Option<NaiveTime> {
    if let Some(rel) = c.name("rel") {
        // "half past 3pm", "a quarter to noon", "20 minutes to midnight".
        let rel = rel.as_str().to_ascii_lowercase();
        let minutes: i64 = if rel.ends_with("quarter") {
            15
        } else if rel == "half" {
            30
        } else {
            match rel.split_whitespace().next()? {
                "five" => 5,
                "ten" => 10,
                "twenty" => 20,
                "twenty-five" => 25,
                n => n.parse().ok().filter(|m| (1..60).contains(m))?,
            }
        };
        let hour = if let Some(n) = c.name("rnoon") {
            if n.as_str().eq_ignore_ascii_case("midnight") {
                0
            } else {
                12
            }
        } else {
            let h: u32 = c.name("rh")?.as_str().parse().ok()?;
            let pm = c
                .name("rap")?
                .as_str()
                .to_ascii_lowercase()
                .starts_with('p');
            if !(1..=12).contains(&h) {
                return None;
            }
            match (pm, h) {
                (false, 12) => 0,
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, h) => h,
            }
        };
        let base = NaiveTime::from_hms_opt(hour, 0, 0)?;
        let sign = match c.name("rdir")?.as_str().to_ascii_lowercase().as_str() {
            "past" | "after" => 1,
            _ => -1,
        };
        return Some(
            base.overflowing_add_signed(chrono::Duration::minutes(sign * minutes))
                .0,
        );
    }
    if let Some(n) = c.name("noon") {
        return NaiveTime::from_hms_opt(
            if n.as_str().eq_ignore_ascii_case("midnight") {
                0
            } else {
                12
            },
            0,
            0,
        );
    }
    if let Some(h) = c.name("hp") {
        // "3 in the afternoon", "9 tonight", "8 o'clock in the morning".
        let mut h: u32 = h.as_str().parse().ok()?;
        let m: u32 = c.name("mip").map_or(Some(0), |s| s.as_str().parse().ok())?;
        let part = c.name("part")?.as_str().to_ascii_lowercase();
        // An hour the part of the day can hold ("2 in the evening" is none).
        let fits = match part.as_str() {
            "morning" => (1..=11).contains(&h),
            "afternoon" => (1..=6).contains(&h) || h == 12,
            "evening" => (4..=11).contains(&h),
            _ => (5..=12).contains(&h) || (1..=3).contains(&h),
        };
        if !fits {
            return None;
        }
        if part == "morning" {
            h %= 12;
        } else if h < 12 && !(part == "tonight" && h <= 3) {
            h += 12;
        } else if h == 12 && part == "tonight" {
            h = 0;
        }
        return NaiveTime::from_hms_opt(h, m, 0);
    }
    if let Some(h) = c.name("hoc") {
        // "9 o'clock": the hour as written.
        let h: u32 = h.as_str().parse().ok()?;
        return NaiveTime::from_hms_opt(h % 24, 0, 0);
    }
    if let Some(h) = c.name("h24") {
        let h: u32 = h.as_str().parse().ok()?;
        let m: u32 = c.name("mi24")?.as_str().parse().ok()?;
        let s: u32 = c.name("s24").map_or(Some(0), |s| s.as_str().parse().ok())?;
        return NaiveTime::from_hms_opt(h, m, s);
    }
    let mut h: u32 = c.name("h")?.as_str().parse().ok()?;
    let m: u32 = c.name("mi").map_or(Some(0), |s| s.as_str().parse().ok())?;
    let s: u32 = c.name("s").map_or(Some(0), |s| s.as_str().parse().ok())?;
    let pm = c.name("ap")?.as_str().to_ascii_lowercase().starts_with('p');
    if h > 12 {
        return None;
    }
    if pm && h < 12 {
        h += 12;
    } else if !pm && h == 12 {
        h = 0;
    }
    NaiveTime::from_hms_opt(h, m, s)
}

/// The clause before an expression, from its last ";" or sentence stop.
fn clause_before(text: &str, start: usize) -> &str {
    // The clause before the expression decides; a past-tense cue right before wins.
    let head = text.slice(window_start(text, start, CLAUSE_WINDOW)..start);
    // A clause ends at ";" or at a full stop that ends a sentence, not the one inside an
    // abbreviation ("U.S.", "Gov.").
    let clause_start = head
        .char_indices()
        .filter(|&(i, c)| {
            c == ';'
                || (c == '.'
                    && head.slice(i + 1..).starts_with(' ')
                    && head
                        .slice(..i)
                        .chars()
                        .next_back()
                        .is_some_and(|p| p.is_lowercase() || p.is_ascii_digit())
                    && head
                        .slice(..i)
                        .rsplit(|ch: char| !ch.is_alphanumeric())
                        .next()
                        .is_some_and(|w| w.chars().count() > 3))
        })
        .map(|(i, c)| i + c.len_utf8())
        .next_back()
        .unwrap_or(0);
    head.slice(clause_start..)
}

fn is_future(text: &str, start: usize) -> bool {
    FUTURE_RE.is_match(&unquoted(clause_before(text, start)))
}

/// Is the verb that governs an expression in the past tense ("Stores reopened on December
/// 25", "the letter was dated May 3")? The nearest verb among the last few words of its
/// clause, outside quotation marks.
fn is_past(text: &str, start: usize) -> bool {
    let clause = unquoted(clause_before(text, start)).to_lowercase();
    clause
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .rev()
        .take(4)
        .any(is_past_verb)
}

/// A clause without the words quoted inside it: a speaker's "we will" does not make the
/// reporter's date future. Inside an open quotation, only the quoted words count.
fn unquoted(clause: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    let mut quoted = String::new();
    for ch in clause.chars() {
        match ch {
            '“' | '”' | '"' => {
                let opening = ch == '“' || (ch == '"' && !inside);
                if opening && !inside {
                    inside = true;
                    quoted.clear();
                } else {
                    inside = false;
                }
            }
            _ if inside => quoted.push(ch),
            _ => out.push(ch),
        }
    }
    if inside {
        quoted
    } else {
        out
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

/// Expression weekday named in it (for anchoring nothing, the name is all there is).
fn named_weekday(e: &Expr) -> Option<Weekday> {
    match e {
        Expr::Date { wd, .. } | Expr::DayOfMonth { wd, .. } => *wd,
        Expr::Weekday {
            wd,
            modifier: WdMod::Bare,
        } => Some(*wd),
        _ => None,
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
    after_event: Option<(i64, Unit, i64)>,
}

/// Does the region of a zone write numeric dates day first ("05/11/2021" is 5 November)?
/// Everywhere but the United States (and its Pacific zones); with no zone, or UTC, month
/// first, as most English-language wire copy does.
fn day_first(tz: Option<Tz>) -> bool {
    let Some(tz) = tz else { return false };
    let name = tz.name();
    let us = [
        "America/New_York",
        "America/Chicago",
        "America/Denver",
        "America/Los_Angeles",
        "America/Phoenix",
        "America/Anchorage",
        "America/Detroit",
        "America/Boise",
        "America/Juneau",
        "America/Adak",
        "Pacific/Honolulu",
        "US/",
    ];
    !(name == "UTC"
        || name == "Etc/UTC"
        || us.iter().any(|z| name.starts_with(z))
        || name.starts_with("America/Indiana")
        || name.starts_with("America/Kentucky"))
}

/// Finds and resolves the date expressions of one text (a sentence).
pub fn resolve_text(
    text: &str,
    anchor: Option<&Anchor>,
    tz: Option<Tz>,
    lex: &Lexicon,
) -> Vec<Resolved> {
    DAY_FIRST.with(|d| d.set(day_first(tz)));
    let mut out = Vec::new();
    for f in find(text) {
        let r = resolve_found(text, &f, anchor, tz, lex);
        // A range that does not resolve (no anchor, an end before its start) is read as
        // the dates it joined.
        if matches!(f.expr, Expr::Range(..)) && r.value.date.is_none() {
            out.extend(
                f.parts
                    .iter()
                    .map(|p| resolve_found(text, p, anchor, tz, lex)),
            );
        } else {
            out.push(r);
        }
    }
    resolve_after_events(text, &mut out);
    let mut out = merge_parentheticals(text, &out);
    standalone_times(text, &mut out, anchor, tz, lex);
    out
}

/// Times of day standing alone in a sentence that names one day ("The ship crashed early
/// Tuesday … around 1:30 a.m."): the time of that day. In a sentence that names no date at
/// all ("The blast came at 3:15 p.m. EST"), the time of the publication day, marked
/// [`DateValue::day_assumed`]: shown, never compared as a day. Only times that say they are
/// clock times (a.m./p.m., or a zone), never a game clock ("1:53 remaining") or a duration.
fn standalone_times(
    text: &str,
    out: &mut Vec<Resolved>,
    anchor: Option<&Anchor>,
    tz: Option<Tz>,
    lex: &Lexicon,
) {
    let days: Vec<usize> = (0..out.len())
        .filter(|&k| out[k].value.date.is_some() && out[k].value.end.is_none())
        .collect();
    let assumed = match (days.as_slice(), anchor) {
        ([day], _) if out[*day].value.time.is_some() => return,
        ([_], _) => None,
        ([], Some(a)) if out.is_empty() && !a.year_only => Some(a),
        _ => return,
    };
    let base = |out: &[Resolved]| {
        if let Some(a) = assumed {
            return DateValue {
                date: Some(a.date),
                day_assumed: true,
                reasoning: format!(
                    "a time of day in a sentence that names no day: the day {}",
                    a.desc
                ),
                ..DateValue::default()
            };
        }
        let mut value = out[days[0]].value.clone();
        value.alt_time = None;
        value.relative = None;
        value.relative_text = None;
        let d = value.date.map_or_else(String::new, |d| d.to_string());
        value.reasoning = format!("a time of day in a sentence dated {d}");
        value
    };
    // Every clock time of the sentence: (start, end, time, zone, marked, meridiem given).
    let mut times: Vec<(usize, usize, NaiveTime, Option<String>, bool, bool)> = Vec::new();
    for c in TIME_RE.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        if out.iter().any(|r| r.start < m.end() && m.start() < r.end) {
            continue;
        }
        let mut end = m.end();
        let zone = zone_after(text, &mut end);
        let meridiem = c.name("ap").is_some_and(|ap| ap.as_str().len() > 1)
            || c.name("rel").is_some()
            || c.name("part").is_some();
        let marked = meridiem
            || (c.name("h24").is_some() && zone.is_some())
            || ((c.name("h24").is_some() || c.name("noon").is_some())
                && clock_preposition(text, m.start(), m.end()));
        // A bare 24-hour time is a clock time only with a preposition or in a span.
        if !marked && c.name("h24").is_none() {
            continue;
        }
        let Some(t) = time_of(&c) else { continue };
        // "3-4pm", "between 3 and 5 p.m.": a bare hour before a marked one starts a span.
        if meridiem && c.name("ap").is_some() {
            let from = window_start(text, m.start(), 24);
            if let Some(b) = BARE_HOUR_BEFORE_RE.captures(text.slice(from..m.start())) {
                let h: u32 = b.name("h").map_or(99, |h| h.as_str().parse().unwrap_or(99));
                let mi: u32 = b.name("mi").map_or(0, |x| x.as_str().parse().unwrap_or(0));
                let by_and = b
                    .name("j")
                    .is_some_and(|j| j.as_str().eq_ignore_ascii_case("and"));
                let start = from + b.name("h").map_or(0, |h| h.start());
                let free = times.last().is_none_or(|l| l.1 <= start)
                    && !out.iter().any(|r| r.start < m.start() && start < r.end);
                if let Some(first) = NaiveTime::from_hms_opt(h, mi, 0)
                    .filter(|_| free && (!by_and || b.name("between").is_some()))
                {
                    let join_end = from + b.name("j").map_or(0, |j| j.start());
                    times.push((start, join_end, first, None, false, false));
                }
            }
        }
        times.push((m.start(), end, t, zone, marked, meridiem));
    }
    let hour = chrono::Timelike::hour;
    let mut extra = Vec::new();
    let mut k = 0;
    while k < times.len() {
        let (start, end, t, zone, marked, meridiem) = times[k].clone();
        // Two times joined by "-", "to", "until" (or "between … and"): one span of the day.
        let joined = times.get(k + 1).filter(|next| {
            let join = text.slice(end.min(next.0)..next.0);
            let between = text
                .slice(window_start(text, start, 12)..start)
                .trim_end()
                .to_ascii_lowercase()
                .ends_with("between");
            TIME_JOIN_RE.is_match(join) && (!join.trim().eq_ignore_ascii_case("and") || between)
        });
        if let Some(next) = joined {
            let (mut from, mut to) = (t, next.2);
            // The first takes the second's afternoon when it can ("from 3:30 to 6 p.m.",
            // not "from 11:30 to 1 p.m."); a second without a meridiem that reads earlier
            // than the first is in the afternoon ("11:30-1:30").
            if !meridiem && next.5 && hour(&to) >= 12 && hour(&from) + 12 <= hour(&to) {
                from = from.overflowing_add_signed(chrono::Duration::hours(12)).0;
            }
            if !next.5 && to <= from && hour(&to) < 12 {
                to = to.overflowing_add_signed(chrono::Duration::hours(12)).0;
            }
            let clock = marked || next.4 || next.5 || text.slice(start..next.1).contains(':');
            if from < to && clock {
                let mut value = base(out);
                value.part = Some((from, to));
                value.zone = next.3.clone().or(zone);
                let normalized = normalize(&value, tz, lex, text.slice(start..next.1));
                extra.push(Resolved {
                    start,
                    end: next.1,
                    value,
                    normalized,
                    after_event: None,
                });
                k += 2;
                continue;
            }
        }
        if marked {
            let mut value = base(out);
            value.time = Some(t);
            value.zone = zone;
            let normalized = normalize(&value, tz, lex, text.slice(start..end));
            extra.push(Resolved {
                start,
                end,
                value,
                normalized,
                after_event: None,
            });
        }
        k += 1;
    }
    out.extend(extra);
    out.sort_by_key(|r| r.start);
}

/// Does an expression give its year (a range: its first day)?
fn has_year(e: &Expr) -> bool {
    match e {
        Expr::Date { y, .. }
        | Expr::Month { y, .. }
        | Expr::Span(
            Span::Part { y, .. }
            | Span::Half { y, .. }
            | Span::Season { y, .. }
            | Span::Months { y, .. },
        )
        | Expr::Floating { y, .. } => y.is_some(),
        Expr::Range(first, _) => has_year(first),
        Expr::InMonth { month, .. } => has_year(month),
        Expr::Span(Span::Year(_) | Span::Decade(_) | Span::Years(..)) => true,
        Expr::OfPeriod { period, .. } => has_year(period),
        Expr::WeekOf(inner) => has_year(inner),
        Expr::Span(Span::Quarter { y, shift, .. }) => y.is_some() && shift.is_none(),
        _ => false,
    }
}

/// Is an expression written relative to the publication time?
fn is_relative_expr(e: &Expr) -> bool {
    match e {
        Expr::RelDay(_)
        | Expr::Weekday { .. }
        | Expr::Period { .. }
        | Expr::Offset { .. }
        | Expr::AfterEvent { .. }
        | Expr::AfterNext(_)
        | Expr::Span(Span::Counted { .. } | Span::Weekend { .. }) => true,
        Expr::Span(Span::Quarter { shift, .. }) => shift.is_some(),
        Expr::InMonth { month, .. } | Expr::OfPeriod { period: month, .. } => {
            is_relative_expr(month)
        }
        Expr::Range(first, _) => is_relative_expr(first),
        Expr::Span(Span::Season { y, .. }) => y.is_none(),
        _ => false,
    }
}

/// Is a month and day one no calendar has ("February 30", "June 31, 2025")?
fn impossible(e: &Expr) -> bool {
    match e {
        Expr::Date {
            y: Some(y), m, d, ..
        } => NaiveDate::from_ymd_opt(*y, *m, *d).is_none(),
        // February 29 exists in a leap year.
        Expr::Date { y: None, m, d, .. } => NaiveDate::from_ymd_opt(2024, *m, *d).is_none(),
        Expr::Range(first, last) => impossible(first) || impossible(last),
        _ => false,
    }
}

/// Resolves one found expression.
fn resolve_found(
    text: &str,
    f: &Found,
    anchor: Option<&Anchor>,
    tz: Option<Tz>,
    lex: &Lexicon,
) -> Resolved {
    {
        let future = is_future(text, f.start);
        let explicit_year = has_year(&f.expr);
        let is_relative = is_relative_expr(&f.expr);
        let mut v = DateValue {
            future,
            explicit_year,
            is_relative,
            impossible: impossible(&f.expr),
            weekday: named_weekday(&f.expr),
            ..DateValue::default()
        };
        let resolved = match (&f.expr, anchor) {
            (e, _)
                if explicit_year
                    && !matches!(e, Expr::Range(_, last) if is_relative_expr(last)) =>
            {
                resolve(&f.expr, NaiveDate::MIN, future)
            }
            // The story's time gives a month and day their year, and nothing else.
            (e, Some(a)) if a.year_only && !matches!(e, Expr::Date { y: None, .. }) => None,
            (_, Some(a)) => resolve(&f.expr, a.date, future),
            (_, None) => None,
        };
        // A calendar day without its year told in the past tense ("Stores reopened on
        // December 25", published in November): the last such day before publication.
        let yearless = |e: &Expr| {
            matches!(
                e,
                Expr::Date {
                    y: None,
                    wd: None,
                    next: false,
                    ..
                } | Expr::Floating { y: None, .. }
            )
        };
        let resolved = match (resolved, &f.expr, anchor) {
            (Some((day, None)), expr, Some(a))
                if (yearless(expr)
                    || matches!(expr, Expr::Offset { base: Some(b), .. } if yearless(b)))
                    && !future
                    && !a.year_only
                    && (day - a.date).num_days() > 1
                    && is_past(text, f.start) =>
            {
                a.date
                    .checked_sub_months(Months::new(12))
                    .and_then(|back| resolve(&f.expr, back, false))
                    .filter(|(p, _)| *p <= a.date)
                    .or(Some((day, None)))
            }
            (r, ..) => r,
        };
        // "the past 24 hours", "the next 3 hours": a span of at most a day from the
        // publication's time of day; shown, never compared as a day.
        if let (Expr::ClockSpan(minutes), Some(a)) = (&f.expr, anchor) {
            let at = a
                .time
                .filter(|_| !a.year_only && minutes.abs() <= 24 * 60)
                .map(|t| NaiveDateTime::new(a.date, t));
            let other =
                at.and_then(|at| at.checked_add_signed(chrono::Duration::try_minutes(*minutes)?));
            if let (Some(at), Some(other)) = (at, other) {
                let (from, to) = (at.min(other), at.max(other));
                v.date = Some(from.date());
                v.part = Some((from.time(), to.time()));
                v.day_assumed = true;
                v.reasoning = format!(
                    "{} → {} = {} to {}",
                    a.desc,
                    text.slice(f.start..f.end).trim(),
                    from.format("%Y-%m-%d %H:%M"),
                    to.format("%Y-%m-%d %H:%M")
                );
            }
        }
        // "in 24 hours", "two hours ago": an instant from the publication's time of day.
        if let (Expr::ClockOffset(minutes), Some(a)) = (&f.expr, anchor) {
            if let Some(at) = a
                .time
                .filter(|_| !a.year_only)
                .map(|t| NaiveDateTime::new(a.date, t))
                .and_then(|at| at.checked_add_signed(chrono::Duration::try_minutes(*minutes)?))
            {
                v.date = Some(at.date());
                v.time = Some(at.time());
                v.reasoning = format!(
                    "{} → {} = {}",
                    a.desc,
                    text.slice(f.start..f.end).trim(),
                    at.format("%Y-%m-%d %H:%M")
                );
            }
        }
        if let Some((d, end)) = resolved {
            v.date = Some(d);
            v.end = end;
            let words = text.slice(f.start..f.end);
            v.reasoning = match anchor {
                Some(a) if !explicit_year => format!("{} → {} = {}", a.desc, words.trim(), d),
                _ => String::new(),
            };
        }
        let (mut start, mut end) = (f.start, f.end);
        if v.end.is_none() {
            if let Some((t, zone, s, e)) = attach_time(text, f) {
                v.time = Some(t);
                v.zone = zone;
                start = s;
                end = e;
                // "Wed Oct 26 15:50:06 2016": the year after the time.
                if let (Expr::Date { y: None, m, d, .. }, Some(c)) =
                    (&f.expr, YEAR_AFTER_RE.captures(text.slice(end..)))
                {
                    if let Some(date) = c[1]
                        .parse()
                        .ok()
                        .and_then(|y| NaiveDate::from_ymd_opt(y, *m, *d))
                    {
                        v.date = Some(date);
                        v.explicit_year = true;
                        v.reasoning.clear();
                        end += c.get(0).map_or(0, |m| m.end());
                    }
                }
                // A second time in another zone, in brackets: "3 p.m. ET (21:00 CET)".
                if let Some(c) = ALT_TIME_RE.captures(text.slice(end..)) {
                    let inner = c.name("t").map_or("", |m| m.as_str());
                    if let Some(tc) = TIME_RE.captures(inner) {
                        if let (Some(t2), Some(m)) = (time_of(&tc), tc.get(0)) {
                            let mut zend = m.end();
                            if let Some(z2) = zone_after(inner, &mut zend) {
                                v.alt_time = Some((t2, z2));
                                end += c.get(0).map_or(0, |m| m.end());
                            }
                        }
                    }
                }
            }
        }
        if v.end.is_none() && v.time.is_none() && v.date.is_some() {
            if let Some((window, s, e)) = part_of_day(text, f) {
                start = start.min(s);
                end = end.max(e);
                // "Thursday morning at 9 a.m.": the clock time says more than the part.
                let widened = Found {
                    start,
                    end,
                    parts: Vec::new(),
                    ..f.clone()
                };
                match attach_time(text, &widened) {
                    Some((t, zone, _, e)) => {
                        v.time = Some(t);
                        v.zone = zone;
                        end = e;
                    }
                    None => v.part = Some(window),
                }
            }
        }
        let normalized = normalize(&v, tz, lex, text.slice(f.start..f.end));
        let after_event = match f.expr {
            Expr::AfterEvent {
                amount: (n, unit),
                sign,
            } => Some((n, unit, sign)),
            _ => None,
        };
        Resolved {
            start,
            end,
            value: v,
            normalized,
            after_event,
        }
    }
}

/// "four days after Trump spoke … last Thursday": an offset from the next date of the
/// sentence, once that date is resolved.
fn resolve_after_events(text: &str, items: &mut [Resolved]) {
    for k in 0..items.len() {
        let Some((n, unit, sign)) = items[k].after_event else {
            continue;
        };
        let base = items[k + 1..]
            .iter()
            .find(|r| r.value.is_day() && r.value.date.is_some());
        let Some(base) = base else { continue };
        let (Some(bd), base_text) = (
            base.value.date,
            text.slice(base.start..base.end).to_string(),
        ) else {
            continue;
        };
        if let Some(d) = add_units(bd, n * sign, unit) {
            let words = text.slice(items[k].start..items[k].end).trim().to_string();
            let item = &mut items[k];
            item.value.date = Some(d);
            item.value.reasoning = format!("{words} \"{base_text}\" ({bd}) = {d}");
            item.normalized = d.format("%Y-%m-%d").to_string();
        }
    }
}

/// "yesterday (June 10)": one claim whose date is the explicit one, remembering what the
/// relative words resolved to, so a rule can see they disagree.
fn merge_parentheticals(text: &str, items: &[Resolved]) -> Vec<Resolved> {
    let mut out: Vec<Resolved> = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let a = &items[i];
        if let Some(b) = items.get(i + 1) {
            let between = text.slice(a.end..b.start);
            let closes = text.slice(b.end..).trim_start().starts_with(')');
            if between.trim() == "(" && closes && a.value.is_relative && !b.value.is_relative {
                let close = b.end + text.slice(b.end..).find(')').unwrap_or(0) + 1;
                let mut v = b.value.clone();
                v.relative = a.value.date;
                v.relative_text = Some(text.slice(a.start..a.end).to_string());
                v.future = a.value.future;
                v.reasoning.clone_from(&a.value.reasoning);
                out.push(Resolved {
                    start: a.start,
                    end: close,
                    value: v,
                    normalized: b.normalized.clone(),
                    after_event: None,
                });
                i += 2;
                continue;
            }
        }
        out.push(a.clone());
        i += 1;
    }
    out
}

fn normalize(v: &DateValue, tz: Option<Tz>, lex: &Lexicon, words: &str) -> String {
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

// ---------------------------------------------------------------- events

/// How far back the clause of a date is looked for (its tense, a transition verb): a
/// clause is seldom longer, and a line without full stops is not rescanned per date.
const CLAUSE_WINDOW: usize = 300;

/// The most names a date takes as its topics: enough to align a claim, and a sentence
/// listing thousands of names must not copy them all into every date it holds.
const MAX_NAME_TOPICS: usize = 16;

/// A verb nearer a date than this (in bytes) can name its event; further away it cannot,
/// and a pathological sentence costs no more than an ordinary one per date.
const EVENT_WINDOW: usize = 400;

/// What [`EventIndex::at`] finds for a date: the event class, the class of a negated event
/// ("will not start April 9"), and the topics.
type EventAt = (Option<String>, Option<String>, Vec<String>);

/// A sentence's event words, found once per sentence (not once per date in it): verb
/// occurrences with their class, the first mention of each noun class, and the capitalised
/// names. [`EventIndex::at`] then answers for each date from these lists.
struct EventIndex {
    /// `(start, end, class order, word order, class)`, sorted by start.
    verbs: Vec<(usize, usize, usize, usize, String)>,
    /// For each verb: is it negated ("will not start", "didn't open", "never signed")?
    negated: Vec<bool>,
    /// For each verb: is it the noun of a date ("the launch date", "a start date")?
    date_noun: Vec<bool>,
    /// `(first start, end, "n:class")`, sorted by start.
    nouns: Vec<(usize, usize, String)>,
    /// `(end, lower-case name)` in text order, distinct.
    names: Vec<(usize, String)>,
}

/// Is `lower[i..end]` a whole word (no letter or digit either side)?
fn whole_word(lower: &str, i: usize, end: usize) -> bool {
    lower
        .slice(..i)
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
        && lower
            .slice(end..)
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
}

impl EventIndex {
    fn new(text: &str, ev: &EventLexicon) -> EventIndex {
        let lower = crate::text::lowercase_aligned(text);
        let mut verbs = Vec::new();
        for (ci, (class, words)) in ev.verbs.iter().enumerate() {
            for (wi, w) in words.iter().enumerate() {
                for (i, _) in lower.match_indices(w.as_str()) {
                    let end = i + w.len();
                    if whole_word(&lower, i, end) {
                        verbs.push((i, end, ci, wi, class.clone()));
                    }
                }
            }
        }
        verbs.sort();
        let negated = verbs
            .iter()
            .map(|v| is_negated(lower.slice(window_start(&lower, v.0, 60)..v.0)))
            .collect();
        let date_noun = verbs
            .iter()
            .map(|v| {
                let rest = lower.slice(v.1..);
                rest.starts_with(" date") && !rest.starts_with(" dated")
            })
            .collect();
        let mut nouns = Vec::new();
        for (class, words) in &ev.nouns {
            let first = words
                .iter()
                .filter_map(|w| {
                    lower
                        .match_indices(w.as_str())
                        .map(move |(i, _)| (i, i + w.len()))
                        .find(|&(i, end)| whole_word(&lower, i, end))
                })
                .min();
            if let Some((i, end)) = first {
                nouns.push((i, end, format!("n:{class}")));
            }
        }
        nouns.sort();
        // Names: capitalised words not opening the sentence, not calendar words.
        let mut names: Vec<(usize, String)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (k, (s, e)) in crate::words::tokens(text).into_iter().enumerate() {
            let w = text.slice(s..e);
            if k == 0 || !w.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let lw = w.to_lowercase();
            if month_word(&lw).is_some()
                || weekday_word(&lw).is_some()
                || crate::words::is_stop(&lw)
            {
                continue;
            }
            let name = lw.trim_end_matches("’s").trim_end_matches("'s").to_string();
            if seen.insert(name.clone()) {
                names.push((e, name));
            }
        }
        EventIndex {
            verbs,
            negated,
            date_noun,
            nouns,
            names,
        }
    }

    /// The event verb class nearest byte `at`, and the noun classes and names, of the
    /// sentence's first `limit` bytes (the whole sentence, or the part before a date that
    /// is itself an anchor).
    ///
    /// A negated event ("pre-orders will not start April 9") dates nothing that happened:
    /// the date then has no event. A verb used as the noun of a date ("revealed the launch
    /// date on April 2") names the event of a date only when that date is its own ("the
    /// launch date of June 5", "the June 5 launch date"). "Did not open until May 3" (`until`)
    /// dates the opening.
    fn at(&self, at: usize, end: usize, limit: usize, until: bool) -> EventAt {
        let lo = self.verbs.partition_point(|v| v.0 + EVENT_WINDOW < at);
        let best = self.verbs[lo..]
            .iter()
            .enumerate()
            .map(|(k, v)| (k + lo, v))
            .take_while(|(_, v)| v.0 <= at + EVENT_WINDOW)
            .filter(|(_, v)| v.1 <= limit)
            .filter(|&(k, v)| {
                !self.date_noun[k]
                    || (v.0 >= end && v.0 <= end + 2)
                    || (at >= v.1 + " date".len() && at <= v.1 + " date of ".len() + 1)
            })
            .map(|(k, v)| {
                let dist = if v.1 <= at {
                    at - v.1
                } else {
                    v.0.saturating_sub(at)
                };
                (dist, v.2, v.3, v.0, k)
            })
            .min()
            .map(|b| (self.verbs[b.4].4.clone(), self.negated[b.4] && !until));
        let (best, denied) = match best {
            Some((class, true)) => (None, Some(class)),
            Some((class, false)) => (Some(class), None),
            None => (None, None),
        };
        let mut topics: Vec<String> = self
            .nouns
            .iter()
            .filter(|n| n.1 <= limit)
            .map(|n| n.2.clone())
            .collect();
        for (_, name) in self.names.iter().filter(|n| n.0 <= limit) {
            if topics.len() >= MAX_NAME_TOPICS {
                break;
            }
            if !topics.contains(name) {
                topics.push(name.clone());
            }
        }
        (best, denied, topics)
    }
}

/// Does the text before a verb end in a negation of it ("will not", "didn't", "never",
/// "no longer", "has yet to")? Up to two words may stand between ("will not now start").
fn is_negated(before: &str) -> bool {
    let words: Vec<&str> = before
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .collect();
    let n = words.len();
    let tail = &words[n.saturating_sub(3)..];
    tail.iter().any(|w| {
        matches!(*w, "not" | "never" | "cannot") || w.ends_with("n't") || w.ends_with("n’t")
    }) || before.trim_end().ends_with("no longer")
        || before.trim_end().ends_with("yet to")
}

/// Where the subordinate clauses of a sentence that name another event begin ("… before X
/// unveiled", "… after Y called"), in text order: found once per sentence, so each date
/// looks its bound up by binary search.
fn subordinate_starts(text: &str) -> Vec<usize> {
    const OPENERS: &[&str] = &[
        "before", "after", "until", "since", "because", "when", "while",
    ];
    crate::words::tokens(text)
        .into_iter()
        .filter(|&(s, e)| OPENERS.contains(&text.slice(s..e).to_lowercase().as_str()))
        .map(|(s, _)| s)
        .collect()
}

/// Words for a finding's subject: "when the talks began"; a name is spelled as the
/// sentence `text` spells it.
/// The names of a sentence (runs of capitalised words, a possessive ending one), each as the
/// sentence spells it, with "the" when the sentence has it, and its words lower-case: found
/// once per sentence, for every date in it.
pub struct SentenceNames(Vec<(String, Vec<String>)>);

impl SentenceNames {
    pub fn of(text: &str) -> SentenceNames {
        let toks = crate::words::tokens(text);
        let word = |k: usize| text.slice(toks[k].0..toks[k].1);
        let capital = |k: usize| {
            let w = word(k);
            w.chars().next().is_some_and(char::is_uppercase)
                && !crate::words::is_stop(&w.to_lowercase())
        };
        let possessive = |w: &str| w.ends_with("’s") || w.ends_with("'s");
        let bare = |w: &str| w.trim_end_matches("’s").trim_end_matches("'s").to_string();
        let mut out = Vec::new();
        let mut k = 0;
        while k < toks.len() {
            if !capital(k) {
                k += 1;
                continue;
            }
            let start = k;
            while k < toks.len() && capital(k) {
                k += 1;
                if possessive(word(k - 1)) {
                    break;
                }
            }
            let words: Vec<String> = (start..k).map(|i| bare(word(i))).collect();
            let the = start > 0 && word(start - 1).eq_ignore_ascii_case("the");
            let phrase = format!("{}{}", if the { "the " } else { "" }, words.join(" "));
            out.push((phrase, words.iter().map(|w| w.to_lowercase()).collect()));
        }
        SentenceNames(out)
    }

    /// The longest name that holds one of the topics ("the Francis Scott Key Bridge", not
    /// "Francis").
    fn holding(&self, topics: &[String]) -> Option<String> {
        self.0
            .iter()
            .filter(|(_, words)| words.iter().any(|w| topics.contains(w)))
            .fold(None::<&(String, Vec<String>)>, |best, r| match best {
                Some(b) if b.1.len() >= r.1.len() => Some(b),
                _ => Some(r),
            })
            .map(|(phrase, _)| phrase.clone())
    }
}

pub fn event_phrase(v: &DateValue, text: &str) -> String {
    event_phrase_in(v, &SentenceNames::of(text))
}

/// [`event_phrase`] with the sentence's names found already.
pub fn event_phrase_in(v: &DateValue, names: &SentenceNames) -> String {
    let noun = v
        .topics
        .iter()
        .find_map(|t| t.strip_prefix("n:"))
        .map_or_else(
            || names.holding(&v.topics).unwrap_or_else(|| "it".into()),
            |n| format!("the {n}"),
        );
    // The tense of the sentence: "when the bridge opens" for "will open on May 4".
    let (past, future) = match v.event.as_deref() {
        Some("begin") => ("began", "begins"),
        Some("end") => ("ended", "ends"),
        Some("continue") => ("continue", "continue"),
        Some("meet") => ("met", "meet"),
        Some("call") => ("took place (call)", "takes place (call)"),
        Some("announce") => ("was announced", "is announced"),
        Some("sign") => ("was agreed", "is agreed"),
        Some("impose") => ("took effect", "takes effect"),
        Some("die") => ("died", "died"),
        Some("decide") => ("was taken", "is taken"),
        Some("elect") => ("took place (vote)", "takes place (vote)"),
        Some("arrive") => ("took place (visit)", "takes place (visit)"),
        Some("collapse") => ("collapsed", "collapses"),
        Some("release") => ("was released", "is released"),
        Some("verdict") if noun != "it" && !noun.starts_with("the ") => {
            let when = if v.future { "comes" } else { "came" };
            return format!("when the verdict on {noun} {when}");
        }
        Some("verdict") => ("was reached (verdict)", "is reached (verdict)"),
        Some("sentence") => ("was sentenced", "is sentenced"),
        Some("evacuate") => ("took place (evacuation)", "takes place (evacuation)"),
        Some("arrest") => ("took place (arrest)", "takes place (arrest)"),
        Some("charge") => ("was made (charge)", "is made (charge)"),
        Some("splash") => ("landed or lifted off", "lands or lifts off"),
        // Who struck whom is not known from the names: the event, then who was in it.
        Some("strike") if noun != "it" => {
            let when = if v.future { "happens" } else { "happened" };
            return format!("when the strike or crash involving {noun} {when}");
        }
        Some(other) => (other, other),
        None => ("happened", "happens"),
    };
    format!("when {noun} {}", if v.future { future } else { past })
}

// ---------------------------------------------------------------- publication time

static DATELINE_RE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:(?:{WD})\.?,?\s+)?(?:(?P<mon>{MON})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon2>{MON})\.?,?\s+(?P<y2>\d{{4}})|(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}}))(?:\s*,?\s*(?:at\s+)?(?P<time>\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s*(?:a\.m\.|p\.m\.|am|pm))?|\d{{1,2}}\s*(?:a\.m\.|p\.m\.|am|pm)))?(?:\s*\(?(?P<zone>[A-Z]{{2,5}})\)?\b)?"
    ))
});

static RELATIVE_DATELINE_RE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:\d+|\ban?|\bone)\s*(?:minutes?|mins?|hours?|hrs?|days?)\s+ago\b"));

/// Is this the opening of a page stamp ("date", "Published:", "Last updated")? The date after
/// it dates the page, not an event.
fn is_stamp(opening: &str) -> bool {
    let low = opening
        .trim()
        .trim_end_matches(':')
        .trim()
        .to_ascii_lowercase();
    matches!(
        low.as_str(),
        "date"
            | "dated"
            | "published"
            | "published on"
            | "posted"
            | "posted on"
            | "updated"
            | "last updated"
            | "first published"
            | "updated on"
    )
}

/// Finds a source's publication time in a dateline or byline near the top of the text (or
/// on a line that says "Published"/"Updated"), or a page stamp opening the text ("date
/// 2023-11-02 …").
pub fn dateline(text: &str, lex: &Lexicon, story_tz: Option<Tz>) -> SourceTime {
    let opening = text.trim_start();
    if let Some(c) = DATELINE_RE.captures(opening.slice(..window_end(opening, 0, 120))) {
        if let Some(m) = c.get(0) {
            if is_stamp(opening.slice(..m.start())) {
                if let Some(t) = dateline_of(&c, lex, story_tz) {
                    return t;
                }
            }
        }
    }
    let mut published_lines = Vec::new();
    let mut top = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let l = line.trim();
        // A dateline is a short line of its own, never a sentence of the story or a caption.
        if l.is_empty() || l.chars().count() > 90 {
            continue;
        }
        let low = l.to_ascii_lowercase();
        if low.starts_with("published")
            || low.starts_with("posted")
            || low.starts_with("first published")
        {
            published_lines.insert(0, l);
        } else if low.starts_with("updated") || low.starts_with("last updated") {
            published_lines.push(l);
        } else if i < 12 {
            top.push(l);
        }
    }
    for l in published_lines.iter().chain(top.iter()) {
        if let Some(c) = DATELINE_RE.captures(l) {
            if let Some(t) = dateline_of(&c, lex, story_tz) {
                return t;
            }
        }
    }
    // A wire dateline opening the first paragraph: "LONDON, Nov 7, 2024 (Wire) - …".
    for line in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(4)
    {
        let Some(dash) = [" - ", " — ", " – ", " -- "]
            .iter()
            .filter_map(|d| line.find(d))
            .min()
        else {
            continue;
        };
        if dash > 80 {
            continue;
        }
        if let Some(c) = DATELINE_RE.captures(line.slice(..dash)) {
            if let Some(t) = dateline_of(&c, lex, story_tz) {
                return t;
            }
        }
    }
    for l in &top {
        if let Some(m) = RELATIVE_DATELINE_RE.find(l) {
            return SourceTime {
                published: None,
                from: Some(PublishedFrom::Unknown),
                note: Some(format!(
                    "the dateline says only \"{}\", with nothing to anchor it: publication time unknown",
                    m.as_str()
                )),
            };
        }
    }
    SourceTime {
        published: None,
        from: Some(PublishedFrom::Unknown),
        note: Some("no dateline or byline with a date: publication time unknown".into()),
    }
}

fn dateline_of(c: &Captures, lex: &Lexicon, story_tz: Option<Tz>) -> Option<SourceTime> {
    let date = if let Some(y) = c.name("iy") {
        NaiveDate::from_ymd_opt(
            y.as_str().parse().ok()?,
            c.name("im")?.as_str().parse().ok()?,
            c.name("id")?.as_str().parse().ok()?,
        )?
    } else {
        let mon = c.name("mon").or_else(|| c.name("mon2"))?;
        let d = c.name("d").or_else(|| c.name("d2"))?;
        let y = c.name("y").or_else(|| c.name("y2"))?;
        NaiveDate::from_ymd_opt(
            y.as_str().parse().ok()?,
            month_number(mon.as_str())?,
            d.as_str().parse().ok()?,
        )?
    };
    let Some(tm) = c.name("time") else {
        return Some(SourceTime {
            published: Some(Published::Date(date)),
            from: Some(PublishedFrom::Dateline),
            note: None,
        });
    };
    let tc = TIME_RE.captures(tm.as_str())?;
    let time = time_of(&tc)?;
    let naive = NaiveDateTime::new(date, time);
    let (zone, note) = match c.name("zone").map(|z| z.as_str()) {
        Some(abbr) => match lex.resolve(abbr, story_tz) {
            Some((tz, _, note)) => (Some(tz), note),
            None => (
                None,
                Some(format!(
                    "unknown zone abbreviation {abbr}: time taken without it"
                )),
            ),
        },
        None => (story_tz, None),
    };
    let published = match zone.and_then(|z| z.from_local_datetime(&naive).earliest()) {
        Some(dt) => Published::DateTime(dt.fixed_offset()),
        None => Published::Date(date),
    };
    Some(SourceTime {
        published: Some(published),
        from: Some(PublishedFrom::Dateline),
        note,
    })
}

/// The story's day: the median of its sources' known publication days, in the story's
/// zone. `None` when no source has a date.
pub fn story_date(times: &[SourceTime], tz: Option<Tz>) -> Option<NaiveDate> {
    let mut days: Vec<NaiveDate> = times
        .iter()
        .filter_map(|t| Anchor::of(t.published, tz))
        .map(|a| a.date)
        .collect();
    days.sort_unstable();
    days.get(days.len() / 2).copied()
}

/// The publication time of a source: the manifest's, else its dateline's.
pub fn source_time(source: &Source, lex: &Lexicon, story_tz: Option<Tz>) -> SourceTime {
    if source.published.is_some() {
        return SourceTime {
            published: source.published,
            from: Some(source.published_from),
            note: None,
        };
    }
    dateline(&source.text, lex, story_tz)
}

/// The offset a zone had at a local time, for notes.
pub fn offset_at(tz: Tz, naive: NaiveDateTime) -> Option<FixedOffset> {
    tz.from_local_datetime(&naive)
        .earliest()
        .map(|d| d.offset().fix())
}

/// Is daylight-saving time in force in `tz` on `date` (at noon)?
pub fn is_dst(tz: Tz, date: NaiveDate) -> bool {
    let noon = NaiveDateTime::new(date, NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default());
    let jan = NaiveDateTime::new(
        NaiveDate::from_ymd_opt(date.year(), 1, 15).unwrap_or(date),
        noon.time(),
    );
    let jul = NaiveDateTime::new(
        NaiveDate::from_ymd_opt(date.year(), 7, 15).unwrap_or(date),
        noon.time(),
    );
    let (Some(now), Some(a), Some(b)) =
        (offset_at(tz, noon), offset_at(tz, jan), offset_at(tz, jul))
    else {
        return false;
    };
    let standard = a.local_minus_utc().min(b.local_minus_utc());
    a != b && now.local_minus_utc() > standard
}

/// The UTC instant of a local time in the zone an abbreviation names.
pub fn instant(
    date: NaiveDate,
    time: NaiveTime,
    abbr: &str,
    lex: &Lexicon,
    story_tz: Option<Tz>,
) -> Option<DateTime<FixedOffset>> {
    let (tz, kind, _) = lex.resolve(abbr, story_tz)?;
    let naive = NaiveDateTime::new(date, time);
    let local = tz.from_local_datetime(&naive).earliest()?;
    // EST/CET name standard time whatever the season: honour the abbreviation. The
    // standard offset is the smaller of January's and July's, daylight the larger.
    let at = |month| {
        offset_at(
            tz,
            NaiveDateTime::new(NaiveDate::from_ymd_opt(date.year(), month, 15)?, time),
        )
    };
    let (jan, jul) = (at(1)?, at(7)?);
    let (standard, daylight) = if jan.local_minus_utc() < jul.local_minus_utc() {
        (jan, jul)
    } else {
        (jul, jan)
    };
    let offset = match kind {
        ZoneKind::Generic => local.offset().fix(),
        ZoneKind::Standard => standard,
        ZoneKind::Daylight => daylight,
    };
    offset.from_local_datetime(&naive).earliest()
}

/// Extracts the date claims of one source.
pub fn extract(si: usize, source: &Source, doc: &Doc, ctx: &Ctx, out: &mut Vec<Claim>) {
    let anchor = Anchor::of(ctx.published, ctx.tz).or_else(|| {
        ctx.story_date.map(|d| Anchor {
            date: d,
            time: None,
            desc: format!("no date of its own; the story's other sources are dated about {d}"),
            year_only: true,
        })
    });
    for (i, s) in doc.sentences.iter().enumerate() {
        let text = doc.sentence_text(i);
        // "SANTIAGO, March 12, 2024 (Wire) - A quake struck…": a date before the dateline
        // dash dates the report, not an event of the sentence.
        let dateline_end = [" - ", " — ", " – ", " -- "]
            .iter()
            .filter_map(|d| text.find(d))
            .min()
            .filter(|&p| p <= 80);
        let found = resolve_text(text, anchor.as_ref(), ctx.tz, &ctx.lex.time);
        if found.is_empty() {
            continue;
        }
        let events = EventIndex::new(text, &ctx.lex.events);
        let openers = subordinate_starts(text);
        let names = SentenceNames::of(text);
        for r in found {
            // "date 2023-11-02 …" opening the text: a page stamp, publication metadata.
            if i == 0 && r.start <= 40 && is_stamp(text.slice(..r.start)) {
                continue;
            }
            let mut value = r.value;
            let in_dateline = dateline_end.is_some_and(|p| r.end <= p);
            // "The meeting came four days after Trump spoke…": what is dated comes before;
            // the event after it is the anchor, not the subject.
            // A clause after the date that another event opens ("the last trading day
            // before Cleveland-Cliffs unveiled its bid") is not what the date dates.
            let scope = if r.after_event.is_some() {
                text.slice(..r.start)
            } else {
                let k = openers.partition_point(|&o| o < r.end);
                text.slice(..openers.get(k).copied().unwrap_or(text.len()))
            };
            let until = {
                let near = crate::text::window_start(text, r.start, 24);
                let before = text.slice(near..r.start).trim_end().to_lowercase();
                before.ends_with("until") || before.ends_with("till")
            };
            let (event, denied, topics) =
                events.at(r.start.min(scope.len()), r.end, scope.len(), until);
            // "…, its operator said on Tuesday": the day of the words, not of the event.
            let said = {
                let near = crate::text::window_start(text, r.start, 40);
                let before = text.slice(near..r.start).to_lowercase();
                let last: Vec<&str> = before
                    .split(|c: char| !c.is_alphabetic())
                    .filter(|w| !w.is_empty())
                    .rev()
                    .take(2)
                    .collect();
                last.iter().any(|w| {
                    matches!(
                        *w,
                        "said" | "says" | "told" | "added" | "stated" | "confirmed" | "reported"
                    )
                })
            };
            value.event = if in_dateline || said { None } else { event };
            value.denied = if in_dateline || said { None } else { denied };
            // A zone abbreviation ("ET", "BST") is part of the time, not what it is about.
            value.topics = topics
                .into_iter()
                .filter(|t| ctx.lex.time.find(t).is_none())
                .collect();
            let about = event_phrase_in(&value, &names);
            let mut context: Vec<String> = value.event.iter().map(|e| format!("ev:{e}")).collect();
            context.extend(value.topics.iter().cloned());
            let mut c = claim(
                source,
                doc,
                (si, i),
                (s.start + r.start, s.start + r.end),
                Value::Date(value),
                r.normalized,
            );
            c.context = context;
            c.about = about;
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_and_weekday_words_are_whole_words() {
        assert_eq!(month_word("Sept."), Some(9));
        assert_eq!(month_word("March"), Some(3));
        assert_eq!(month_word("dec"), Some(12));
        for w in ["Marr", "Janet", "Julia", "Mayor", "Augusto", "Decker", "Ma"] {
            assert_eq!(month_word(w), None, "{w}");
        }
        assert_eq!(weekday_word("Thurs"), Some(Weekday::Thu));
        assert_eq!(weekday_word("Sundays"), Some(Weekday::Sun));
        for w in ["Monica", "Sunni", "Friends", "Wedgwood", "Saturn"] {
            assert_eq!(weekday_word(w), None, "{w}");
        }
    }

    fn lex() -> Lexicon {
        crate::lexicon::Lexicons::builtin().time
    }

    fn norm(text: &str, published: &str) -> Vec<String> {
        let p = Published::parse_rfc3339(published);
        let a = Anchor::of(p, None);
        resolve_text(text, a.as_ref(), None, &lex())
            .into_iter()
            .map(|r| r.normalized)
            .collect()
    }

    #[test]
    fn hours_and_minutes_count_from_the_publication_time() {
        let p = "2013-02-12T04:30:00+00:00";
        assert_eq!(
            norm("The storm will hit in 24 hours.", p),
            ["2013-02-13T04:30:00"]
        );
        assert_eq!(
            norm("The blast came two hours ago.", p),
            ["2013-02-12T02:30:00"]
        );
        assert_eq!(
            norm("Call back in half an hour.", p),
            ["2013-02-12T05:00:00"]
        );
        // How long something took is not when it happened.
        assert!(norm("He finished the marathon in 2 hours.", p).is_empty());
        assert!(norm("The house was built in 3 days.", p).is_empty());
        assert!(norm("Doors open two hours later.", p).is_empty());
        // A day alone gives no time of day to count from: the words stay unresolved.
        assert_eq!(
            norm("The storm will hit in 24 hours.", "2013-02-12"),
            ["in 24 hours"]
        );
    }

    #[test]
    fn clock_times_counted_from_an_hour_and_more_holiday_and_period_names() {
        let p = "2013-02-12T04:30:00+00:00";
        for (text, want) in [
            ("We meet at half past 3pm.", "2013-02-12T15:30:00"),
            ("We meet at a quarter to noon.", "2013-02-12T11:45:00"),
            ("We meet at 20 minutes to midnight.", "2013-02-12T23:40:00"),
            (
                "The bus comes in a quarter of an hour.",
                "2013-02-12T04:45:00",
            ),
            ("The bus comes in 2.5 hours.", "2013-02-12T07:00:00"),
            ("The shop shuts on Xmas.", "2012-12-25"),
            ("It falls on Mother's Day.", "2013-05-12"),
            ("The fee is due by end of month.", "2013-02-21/2013-03-01"),
            ("They met this week-end.", "2013-02-16/2013-02-18"),
        ] {
            assert_eq!(norm(text, p), [want], "{text}");
        }
        // A range of numbers is no clock time.
        assert!(norm("Between 10 to 12 people came.", p).is_empty());
        // An hour of a part of the day, alone in its sentence: that hour of the day.
        assert_eq!(
            norm("The polls close at 3:15 in the afternoon.", p),
            ["2013-02-12T15:15:00"]
        );
        assert_eq!(
            norm("The show starts eight tonight.", p),
            ["2013-02-12T20:00:00"]
        );
        // Spans of hours from the publication time, shown but never compared as days.
        assert_eq!(
            norm("Rain fell in the past 24 hours.", p),
            ["2013-02-11T04:30:00/2013-02-12T04:30:00"]
        );
        assert_eq!(
            norm("Storms are due over the next 3 hours.", p),
            ["2013-02-12T04:30:00/2013-02-12T07:30:00"]
        );
        assert!(norm("He scored in the last two minutes of the game.", p).is_empty());
        // An hour the part cannot hold is no time of day.
        assert!(norm("They led 2 in the evening session.", p).is_empty());
    }

    #[test]
    fn weekdays_are_past_biased_and_future_tense_looks_ahead() {
        assert_eq!(
            norm("The talks opened on Monday.", "2025-06-10"),
            ["2025-06-09"]
        );
        assert_eq!(
            norm("They will meet again on Tuesday.", "2025-06-10"),
            ["2025-06-10"]
        );
        assert_eq!(
            norm("They will meet again on Friday.", "2025-06-10"),
            ["2025-06-13"]
        );
        assert_eq!(norm("The talks opened on Monday.", ""), ["Monday"]);
    }

    #[test]
    fn in_n_years_after_a_superlative_is_a_duration() {
        let p = "2024-02-12";
        assert_eq!(
            norm("They won a first Super Bowl in 28 years.", p),
            Vec::<String>::new()
        );
        assert_eq!(
            norm(
                "It was the worst storm in 30 years, and the deadliest in decades.",
                p
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            norm("The vote will be held in two weeks.", p),
            ["2024-02-26"]
        );
    }

    #[test]
    fn standalone_times_take_the_sentence_day() {
        let p = "2024-03-27";
        assert_eq!(
            norm(
                "It happened early Tuesday, when the ship crashed into a piling around 1:30 a.m.",
                p
            ),
            ["2024-03-26", "2024-03-26T01:30:00"]
        );
        // A game clock and a rate give no time.
        assert_eq!(
            norm("On Sunday they led with 1:53 remaining.", p),
            ["2024-03-24"]
        );
        assert_eq!(norm("On Sunday the bid was $3 a share.", p), ["2024-03-24"]);
        // A sentence without a day: the time of the publication day, assumed, never a day
        // to compare.
        assert_eq!(norm("It crashed at 1:30 a.m.", p), ["2024-03-27T01:30:00"]);
        assert_eq!(
            norm("The match starts at 7.30pm.", p),
            ["2024-03-27T19:30:00"]
        );
        let anchor = Anchor::of(Published::parse_rfc3339(p), None);
        let found = resolve_text("It crashed at 1:30 a.m.", anchor.as_ref(), None, &lex());
        assert!(found
            .iter()
            .all(|r| r.value.day_assumed && !r.value.is_day()));
        // Game clocks and bare numbers still give nothing.
        assert_eq!(
            norm("They led with 1:53 remaining.", p),
            Vec::<String>::new()
        );
        assert_eq!(norm("He scored 2 in the third.", p), Vec::<String>::new());
        // Fractions and "24/7" are no days.
        assert_eq!(norm("About 3/4 of voters agreed.", p), Vec::<String>::new());
        assert_eq!(norm("The hotline is open 24/7.", p), Vec::<String>::new());
    }

    #[test]
    fn clock_times_told_by_a_preposition_or_a_range() {
        let p = "2024-03-27";
        // A 24-hour time or noon after "at", "by", "until": a clock time, no zone needed.
        assert_eq!(
            norm("The polls close at 20:00.", p),
            ["2024-03-27T20:00:00"]
        );
        assert_eq!(
            norm("Rescuers hoped to reach the village by noon.", p),
            ["2024-03-27T12:00:00"]
        );
        assert_eq!(
            norm("Trading was halted until 9:30.", p),
            ["2024-03-27T09:30:00"]
        );
        // Two times joined are one span of the day; the first takes the second's meridiem
        // when it can.
        assert_eq!(
            norm("The clinic is open from 3:30 to 6 p.m.", p),
            ["2024-03-27T15:30:00/2024-03-27T18:00:00"]
        );
        assert_eq!(
            norm("Voting runs from 11:30 to 1 p.m.", p),
            ["2024-03-27T11:30:00/2024-03-27T13:00:00"]
        );
        assert_eq!(
            norm("The road is closed 3-4pm.", p),
            ["2024-03-27T15:00:00/2024-03-27T16:00:00"]
        );
        assert_eq!(
            norm("Polls are open from 7 a.m. to 8 p.m.", p),
            ["2024-03-27T07:00:00/2024-03-27T20:00:00"]
        );
        assert_eq!(
            norm("The hearing runs 9:30 - 11:00.", p),
            ["2024-03-27T09:30:00/2024-03-27T11:00:00"]
        );
        // A score before a time is no span.
        assert_eq!(
            norm("The score was 2-1 at 9:30 pm.", p),
            ["2024-03-27T21:30:00"]
        );
        // A game clock after "at" is no time of day; nor is a time with no preposition.
        assert_eq!(
            norm("He scored at 1:53 of the third period.", p),
            Vec::<String>::new()
        );
        assert_eq!(
            norm("She won the final set at 12:45 remaining.", p),
            Vec::<String>::new()
        );
        assert_eq!(norm("He ran the course in 2:05.", p), Vec::<String>::new());
    }

    #[test]
    fn months_contradict_other_months_and_days_outside_them() {
        let d = |y: i32, m: u32, day: u32| NaiveDate::from_ymd_opt(y, m, day);
        let day = |x| DateValue {
            date: x,
            ..DateValue::default()
        };
        let month = |y, m| DateValue {
            date: d(y, m, 1),
            end: d(y, m, 1).and_then(|s| s.checked_add_months(Months::new(1))),
            ..DateValue::default()
        };
        assert!(month(2024, 3).is_month() && month(2024, 3).comparable());
        assert!(month(2024, 3).contradicts(&month(2024, 4)));
        assert!(!month(2024, 3).contradicts(&month(2024, 3)));
        assert!(!month(2024, 3).contradicts(&day(d(2024, 3, 12))));
        assert!(day(d(2024, 4, 2)).contradicts(&month(2024, 3)));
        // A quarter is no month, and is not compared.
        let quarter = DateValue {
            date: d(2024, 1, 1),
            end: d(2024, 4, 1),
            ..DateValue::default()
        };
        assert!(!quarter.comparable() && !quarter.contradicts(&month(2024, 5)));
    }

    #[test]
    fn parts_of_relative_periods_counted_weekdays_compact_forms_and_clock_words() {
        // Published Tuesday 7 November 2023.
        let p = "2023-11-07T12:00:00+00:00";
        for (text, want) in [
            (
                "It should close by the end of the year.",
                "2023-09-01/2024-01-01",
            ),
            ("Prices rise early next month.", "2023-12-01/2023-12-11"),
            // Parts of a week: its start Monday to Wednesday, its end Thursday to Sunday.
            ("It ends by the end of next week.", "2023-11-16/2023-11-20"),
            ("Talks began early this week.", "2023-11-06/2023-11-09"),
            ("Sales fell late last year.", "2022-09-01/2023-01-01"),
            ("Output fell early in 2021.", "2021-01-01/2021-05-01"),
            ("He left 2 Mondays ago.", "2023-10-30"),
            // Counts in words past twelve, dozens, decades, centuries, half a year.
            ("The mine closed twenty years ago.", "2003-11-07"),
            ("The dam was built forty-five years ago.", "1978-11-07"),
            ("The firm was founded a century ago.", "1923-11-07"),
            ("The treaty was signed a decade ago.", "2013-11-07"),
            ("The law passed half a year ago.", "2023-05-07"),
            ("The plant closes in fifteen years.", "2038-11-07"),
            // A count of days or weeks before a calendar day composes with it.
            ("Stores reopened the day after Christmas.", "2022-12-26"),
            // A yearless day told in the past is the last one before publication.
            ("Stores reopened on December 25.", "2022-12-25"),
            ("Stores will reopen on December 25.", "2023-12-25"),
            ("The vote was held on Thanksgiving.", "2022-11-24"),
            ("Polls open two days before Thanksgiving.", "2023-11-21"),
            ("The fair ended a week after Labor Day.", "2023-09-11"),
            ("He returns three Fridays from now.", "2023-11-24"),
            ("The filing is dated 05-Nov-21.", "2021-11-05"),
            ("The filing is dated 2021/11/5.", "2021-11-05"),
            ("The law took effect on November the 3rd.", "2023-11-03"),
            // A month and day in figures without a year, told as a day by a preposition
            // or a time after it.
            ("The bill passed on 10/31.", "2023-10-31"),
            ("The hearing is 11/20 at 2pm.", "2023-11-20T14:00:00"),
            ("Sales rose in 2021-11.", "2021-11-01/2021-12-01"),
            ("Sales rose in Nov21.", "2021-11-01/2021-12-01"),
            ("The meeting was on wed.", "2023-11-01"),
            ("We met Friday at 7.30pm.", "2023-11-03T19:30:00"),
            (
                "We met on Nov 3 at 3 in the afternoon.",
                "2023-11-03T15:00:00",
            ),
            ("The show starts at 9 tonight.", "2023-11-07T21:00:00"),
            ("We meet tomorrow at 9 o'clock.", "2023-11-08T09:00:00"),
            ("We met on Friday at 14h30.", "2023-11-03T14:30:00"),
        ] {
            assert_eq!(norm(text, p), [want], "{text}");
        }
        // Moving holidays, halves, decades, periods two away, the weekend just past.
        for (text, want) in [
            ("Stores open on Thanksgiving.", "2023-11-23"),
            ("Sales spiked on Black Friday 2022.", "2022-11-25"),
            ("The service is on Easter Sunday 2024.", "2024-03-31"),
            ("It happened on Good Friday 2023.", "2023-04-07"),
            ("They met on Memorial Day 2021.", "2021-05-31"),
            ("Parades were held on Labor Day.", "2023-09-04"),
            ("The party is on St. Patrick's Day 2024.", "2024-03-17"),
            (
                "Profit rose in the first half of 2023.",
                "2023-01-01/2023-07-01",
            ),
            ("Profit rose in H2 2022.", "2022-07-01/2023-01-01"),
            (
                "It will grow in the second half of next year.",
                "2024-07-01/2025-01-01",
            ),
            ("We meet the week after next.", "2023-11-20/2023-11-27"),
            ("It happened the year before last.", "2021-01-01/2022-01-01"),
            ("It happened in the 1990s.", "1990-01-01/2000-01-01"),
            ("It happened over the weekend.", "2023-11-04/2023-11-06"),
            ("The plan runs through 2025.", "2025-01-01/2026-01-01"),
        ] {
            assert_eq!(norm(text, p), [want], "{text}");
        }
        // A season of two years is not a month; lower-case "wed" and "sun" as words are not
        // weekdays; a weekday in the name of a day is not the recent weekday; the half of a
        // match is no date.
        for text in [
            "The 2010-11 season was long.",
            "They wed in a hurry.",
            "He sat on the sun deck.",
            "Candidates campaigned before Super Tuesday.",
            "Chelsea led in the first half of the match.",
        ] {
            assert_eq!(norm(text, p), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn calendar_periods_quarters_years_and_parts() {
        let p = "2024-06-12";
        for (text, want) in [
            (
                "Sales rose in the third quarter of 2023.",
                "2023-07-01/2023-10-01",
            ),
            ("Results for Q2 2022 were weak.", "2022-04-01/2022-07-01"),
            ("Revenue will grow next quarter.", "2024-07-01/2024-10-01"),
            (
                "Profit fell in the fourth quarter.",
                "2023-10-01/2024-01-01",
            ),
            ("The plant opened in 2019.", "2019-01-01/2020-01-01"),
            (
                "Prices rose over the past 3 weeks.",
                "2024-05-22/2024-06-12",
            ),
            (
                "It will rain in the coming five days.",
                "2024-06-13/2024-06-18",
            ),
            ("They met last weekend.", "2024-06-08/2024-06-10"),
            ("Talks resume in early April.", "2024-04-01/2024-04-11"),
            ("Growth slowed in mid-2021.", "2021-05-01/2021-09-01"),
            ("The fire broke out on Christmas Eve 2019.", "2019-12-24"),
            ("He spoke on New Year’s Day.", "2024-01-01"),
            ("It was signed on 25/12/2020.", "2020-12-25"),
            ("The vote is two weeks hence.", "2024-06-26"),
            ("The vote is a fortnight from now.", "2024-06-26"),
            ("He left last yr.", "2023-01-01/2024-01-01"),
            ("They met on Friday of last week.", "2024-06-07"),
            (
                "The board meets on the second Tuesday of next month.",
                "2024-07-09",
            ),
            ("It happened on the 15th of last month.", "2024-05-15"),
            ("The vote is on the last Friday in May 2025.", "2025-05-30"),
        ] {
            assert_eq!(norm(text, p), [want], "{text}");
        }
        // Month first without a region, day first in Europe; a dot is always day first.
        assert_eq!(norm("Signed on 11/05/2021.", p), ["2021-11-05"]);
        let a = Anchor::of(Published::parse_rfc3339(p), None);
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        let r = resolve_text("Signed on 11/05/2021.", a.as_ref(), Some(berlin), &lex());
        assert_eq!(r[0].normalized, "2021-05-11");
        assert_eq!(norm("Signed on 11.05.2021.", p), ["2021-05-11"]);
    }

    #[test]
    fn tense_comes_from_the_reporter_not_the_quote_or_an_abbreviation() {
        // Past bias outside the quote: "will" inside it does not make Monday the next one.
        assert_eq!(
            norm(
                "“We will fight on,” the minister said on Monday.",
                "2025-06-11"
            ),
            ["2025-06-09"]
        );
        // The full stop of "U.S." does not end the clause that holds "will".
        assert_eq!(
            norm("The U.S. team will meet on Friday.", "2025-06-11"),
            ["2025-06-13"]
        );
        assert!(unquoted("He said “we will” and left").contains("left"));
        assert_eq!(unquoted("He said “we will"), "we will");
    }

    /// A resolved value printed back in one canonical English form.
    fn canonical(v: &DateValue) -> Option<String> {
        let start = v.date?;
        Some(match v.end {
            None => format!("on {}", start.format("%A, %B %-d, %Y")),
            Some(end) => {
                let days = (end - start).num_days();
                let month_start = start.day() == 1;
                if month_start && start.month() == 1 && (365..=366).contains(&days) {
                    format!("in {}", start.year())
                } else if month_start && (start.month() - 1) % 3 == 0 && (90..=92).contains(&days) {
                    format!("in Q{} {}", (start.month() - 1) / 3 + 1, start.year())
                } else if month_start && (28..=31).contains(&days) {
                    format!("in {}", start.format("%B %Y"))
                } else {
                    let last = end.pred_opt()?;
                    format!(
                        "from {} to {}",
                        start.format("%B %-d, %Y"),
                        last.format("%B %-d, %Y")
                    )
                }
            }
        })
    }

    /// Property: every value the resolver gives, printed back in canonical English and read
    /// again, resolves to the same value. Over three years of days (every eleventh, and
    /// 2024-02-29) and the periods and relative expressions of five anchors (no randomness:
    /// a failure names its input).
    #[test]
    fn canonical_forms_read_back_to_the_same_value() {
        let mut inputs: Vec<(String, String)> = Vec::new();
        let first = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap();
        // Every eleventh day of three years: each month, weekday and leap day position.
        for k in (0..(3 * 366)).step_by(11).chain([424]) {
            let d = first + chrono::Duration::days(k);
            inputs.push((
                format!("It happened on {}.", d.format("%B %-d, %Y")),
                "2024-06-12".into(),
            ));
        }
        for anchor in [
            "2024-06-10",
            "2024-06-12",
            "2024-06-16",
            "2025-01-01",
            "2024-02-29",
        ] {
            for text in [
                "It happened yesterday.",
                "It happened last Thursday.",
                "It happens next week.",
                "It happened last month.",
                "It happened in the third quarter of 2023.",
                "It happens next quarter.",
                "It happened in 2019.",
                "It happened three weeks ago.",
                "It happened on the 15th of last month.",
                "It happens on the second Tuesday of next month.",
                "It happened on Christmas Eve 2019.",
                "It happened in mid-2021.",
                "It happened in early April.",
            ] {
                inputs.push((text.into(), anchor.into()));
            }
        }
        for (text, anchor) in inputs {
            let a = Anchor::of(Published::parse_rfc3339(&anchor), None);
            for r in resolve_text(&text, a.as_ref(), None, &lex()) {
                let Some(form) = canonical(&r.value) else {
                    continue;
                };
                let again = resolve_text(&format!("It happened {form}."), a.as_ref(), None, &lex());
                let back: Vec<&str> = again.iter().map(|x| x.normalized.as_str()).collect();
                assert_eq!(back, [r.normalized.as_str()], "{text} ({anchor}) → {form}");
            }
        }
    }

    #[test]
    fn the_story_gives_an_undated_source_its_year_and_nothing_else() {
        let story = Anchor {
            date: NaiveDate::from_ymd_opt(2024, 3, 27).expect("day"),
            time: None,
            desc: "the story".into(),
            year_only: true,
        };
        let read = |t: &str| -> Vec<String> {
            resolve_text(t, Some(&story), None, &lex())
                .into_iter()
                .map(|r| r.normalized)
                .collect()
        };
        // A weekday that does not fit stays beside the nearest year's date, to be flagged.
        assert_eq!(
            read("The bridge collapsed on Tuesday, March 25."),
            ["2024-03-25"]
        );
        assert_eq!(read("The ferry sank on Dec. 30."), ["2023-12-30"]);
        // Nothing relative is resolved against another source's day.
        assert_eq!(read("The bridge collapsed on Tuesday."), ["Tuesday"]);
        assert_eq!(read("The bridge collapsed yesterday."), ["yesterday"]);
        // With the source's own date, the nearest year too, never a later year the weekday
        // fits (2025); a recent past year it fits is a report looking back.
        assert_eq!(
            norm("The bridge collapsed on Tuesday, March 25.", "2024-03-27"),
            ["2024-03-25"]
        );
        assert_eq!(
            norm("The deadline was Friday, 6 June.", "2017-03-17"),
            ["2014-06-06"]
        );
    }

    #[test]
    fn a_finding_names_the_whole_name_and_the_event() {
        let v = |topics: &[&str], event: Option<&str>| DateValue {
            topics: topics.iter().map(|t| (*t).to_string()).collect(),
            event: event.map(str::to_string),
            ..DateValue::default()
        };
        let text = "In Baltimore, the Francis Scott Key Bridge collapsed on March 26.";
        assert_eq!(
            event_phrase(&v(&["baltimore", "francis"], Some("collapse")), text),
            "when the Francis Scott Key Bridge collapsed"
        );
        assert_eq!(
            event_phrase(
                &v(&["n:talks"], Some("begin")),
                "The talks began on Monday."
            ),
            "when the talks began"
        );
        assert_eq!(
            event_phrase(&v(&[], None), "It was on Monday."),
            "when it happened"
        );
    }

    /// The event class `EventIndex` gives the first date of `text`.
    fn event_of(text: &str) -> Option<String> {
        let lexicons = crate::lexicon::Lexicons::builtin();
        let found = resolve_text(text, None, None, &lexicons.time);
        let r = found.first().expect("a date");
        let until = text.slice(..r.start).trim_end().ends_with("until");
        EventIndex::new(text, &lexicons.events)
            .at(r.start, r.end, text.len(), until)
            .0
    }

    #[test]
    fn parts_of_today_and_spans_within() {
        let p = "2025-06-10";
        assert_eq!(
            norm("The vote was held this morning.", p),
            ["2025-06-10T04:00:00/2025-06-10T12:00:00"]
        );
        assert_eq!(
            norm("They spoke this evening.", p),
            ["2025-06-10T18:00:00/2025-06-11T00:00:00"]
        );
        assert_eq!(
            norm("They met yesterday afternoon.", p),
            ["2025-06-09T12:00:00/2025-06-09T19:00:00"]
        );
        assert_eq!(
            norm("Talks resume on the morning of June 12.", p),
            ["2025-06-12T04:00:00/2025-06-12T12:00:00"]
        );
        assert_eq!(
            norm("Talks will resume Thursday morning at 9 a.m.", p),
            ["2025-06-12T09:00:00"]
        );
        assert_eq!(
            norm("Payment is due within 10 days.", p),
            norm("Payment is due in the next 10 days.", p)
        );
    }

    #[test]
    fn a_negated_event_dates_nothing_and_a_date_noun_is_not_the_event() {
        // Across domains: products, trials, transport, diplomacy.
        assert_eq!(event_of("Pre-orders will not start April 9, 2025."), None);
        let text = "Pre-orders will not start April 9, 2025.";
        let lexicons = crate::lexicon::Lexicons::builtin();
        let r = &resolve_text(text, None, None, &lexicons.time)[0];
        let at = EventIndex::new(text, &lexicons.events).at(r.start, r.end, text.len(), false);
        assert_eq!((at.0, at.1.as_deref()), (None, Some("begin")));
        assert_eq!(event_of("The trial didn't begin on March 3, 2024."), None);
        assert_eq!(event_of("The ferry never arrived on May 2, 2023."), None);
        assert_eq!(
            event_of("The talks did not begin until June 9, 2025.").as_deref(),
            Some("begin")
        );
        assert_eq!(
            event_of("The trial began on March 3, 2024.").as_deref(),
            Some("begin")
        );
        // "the launch date" is what was revealed, not the launch.
        assert_eq!(
            event_of("Nintendo revealed the launch date for the console on April 2, 2025.")
                .as_deref(),
            Some("announce")
        );
        assert_eq!(
            event_of("The official launch date of June 5, 2025, remains unchanged.").as_deref(),
            Some("begin")
        );
    }

    #[test]
    fn a_page_stamp_dates_the_page() {
        let t = dateline(
            "date 2024-03-27 The ship lost power before the crash, officials said on Tuesday.",
            &lex(),
            None,
        );
        assert_eq!(
            t.published.map(|p| p.to_string()).as_deref(),
            Some("2024-03-27")
        );
        assert!(is_stamp("date "));
        assert!(is_stamp("Last updated:"));
        assert!(!is_stamp("The talks began"));
    }

    #[test]
    fn relative_with_explicit_parenthesis_keeps_both() {
        let a = Anchor::of(Published::parse_rfc3339("2025-06-10"), None);
        let r = resolve_text(
            "The talks began in London yesterday (June 10) as planned.",
            a.as_ref(),
            None,
            &lex(),
        );
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].normalized, "2025-06-10");
        assert_eq!(r[0].value.relative, NaiveDate::from_ymd_opt(2025, 6, 9));
    }

    #[test]
    fn offsets_from_an_event_dated_in_the_sentence() {
        assert_eq!(
            norm("The meeting came four days after Trump spoke to Xi during a phone call last Thursday.", "2025-06-10"),
            ["2025-06-09", "2025-06-05"]
        );
    }

    #[test]
    fn simple_day_ranges_are_one_span_with_an_exclusive_end() {
        let p = "2025-06-10";
        for t in [
            "The fair ran from June 3 to June 5.",
            "The fair ran June 3-5.",
            "The fair ran June 3 to 5, 2025.",
            "The fair ran between June 3 and June 5.",
            "The fair ran from 3 to 5 June.",
            "The fair ran between 3 and 5 June 2025.",
            "The fair ran 3 June – 5 June.",
        ] {
            assert_eq!(norm(t, p), ["2025-06-03/2025-06-06"], "{t}");
        }
        assert_eq!(
            norm("The fair ran December 30 to January 2, 2025.", p),
            ["2024-12-30/2025-01-03"]
        );
        // Weekdays: the end is the first such day from the start.
        assert_eq!(
            norm("The strike lasted from Thursday to Saturday.", p),
            ["2025-06-05/2025-06-08"]
        );
        // With nothing to anchor them, the ends stay weekdays.
        assert_eq!(
            norm("The strike lasted from Thursday to Saturday.", ""),
            ["Thursday", "Saturday"]
        );
    }

    #[test]
    fn a_change_of_date_or_a_time_is_not_a_range() {
        let p = "2025-06-10";
        assert_eq!(
            norm("The vote was postponed from June 3 to June 5.", p),
            ["2025-06-03", "2025-06-05"]
        );
        assert_eq!(
            norm("They met on June 3 and June 5.", p),
            ["2025-06-03", "2025-06-05"]
        );
        assert_eq!(
            norm("Shares rose on June 3 to 5 percent.", p),
            ["2025-06-03"]
        );
        assert!(
            norm("They met this Friday-Jun-15.", p)
                .iter()
                .all(|n| !n.contains('/')),
            "a weekday and its date"
        );
    }

    #[test]
    fn a_preposition_does_not_swallow_the_day() {
        let p = "2025-06-10";
        assert_eq!(norm("Tariffs rise by April 1.", p), ["2025-04-01"]);
        assert_eq!(norm("The truce lasts until August 12.", p), ["2025-08-12"]);
        assert_eq!(norm("Prices rose in April.", p), ["2025-04-01/2025-05-01"]);
        let a = Anchor::of(Published::parse_rfc3339(p), None);
        let r = resolve_text("The deal was struck on 3 June.", a.as_ref(), None, &lex());
        assert_eq!(r.len(), 1);
        assert_eq!(
            (r[0].start, r[0].end),
            (23, 29),
            "the full stop is not part of it"
        );
    }

    #[test]
    fn impossible_days_are_kept_and_marked() {
        let a = Anchor::of(Published::parse_rfc3339("2025-06-10"), None);
        let r = resolve_text(
            "It was signed on February 30, 2025.",
            a.as_ref(),
            None,
            &lex(),
        );
        assert_eq!(r.len(), 1);
        assert!(r[0].value.impossible && r[0].value.date.is_none());
        let r = resolve_text("It was signed on February 29.", a.as_ref(), None, &lex());
        assert!(!r[0].value.impossible, "February 29 exists in a leap year");
        assert!(norm("He ran June 45 laps.", "2025-06-10").is_empty());
    }

    #[test]
    fn no_phantom_dates() {
        for t in [
            "May I ask a question?",
            "Protesters vowed to March forward.",
            "We had a Sunday roast.",
            "The 2025 Act was passed by parliament.",
            "It may rain.",
            "It came on the 21st floor.",
            "Prices fall in winter.",
        ] {
            assert!(
                norm(t, "2025-06-10").is_empty(),
                "{t}: {:?}",
                norm(t, "2025-06-10")
            );
        }
    }

    #[test]
    fn seasons_centuries_weeks_and_days_inside_periods() {
        // Tuesday 12 February 2013.
        let at = "2013-02-12";
        for (text, want) in [
            ("It happened last summer.", "2012-06-21/2012-09-23"),
            ("It opens this summer.", "2013-06-21/2013-09-23"),
            ("It will open next winter.", "2013-12-21/2014-03-20"),
            ("It opened in the fall of 2019.", "2019-09-23/2019-12-21"),
            ("Music of the '90s was loud.", "1990-01-01/2000-01-01"),
            ("Art of the 19th century was sold.", "1800-01-01/1900-01-01"),
            ("Prices rose over the past decade.", "2003-02-12/2013-02-12"),
            ("Rent is due on the last day of the month.", "2013-02-28"),
            ("It closed on the last day of October 2015.", "2015-10-31"),
            ("It opened on the third day of October.", "2012-10-03"),
            (
                "Talks began the first week of October 2014.",
                "2014-09-29/2014-10-06",
            ),
            (
                "Talks ended the last week of September 2014.",
                "2014-09-22/2014-09-29",
            ),
            (
                "They meet the week of October 6th, 2014.",
                "2014-10-06/2014-10-13",
            ),
            ("We meet Monday after next.", "2013-02-25"),
            (
                "Output grew between 2010 and 2015.",
                "2010-01-01/2016-01-01",
            ),
            (
                "The fair ran from March to May 2012.",
                "2012-03-01/2012-06-01",
            ),
            (
                "He was shot last night.",
                "2013-02-11T18:00:00/2013-02-12T00:00:00",
            ),
            (
                "He was shot Saturday night.",
                "2013-02-09T18:00:00/2013-02-10T00:00:00",
            ),
        ] {
            assert_eq!(norm(text, at), vec![want.to_string()], "{text}");
        }
        assert!(norm("We watched Monday Night Football.", at).is_empty());
    }

    #[test]
    fn datelines() {
        let l = lex();
        let t = dateline(
            "Headline\nFP News Desk June 10, 2025, 11:44:12 IST\nBody.",
            &l,
            None,
        );
        assert_eq!(
            t.published.map(|p| p.to_string()).as_deref(),
            Some("2025-06-10T11:44:12+05:30")
        );
        let t = dateline("By  LiDan  Jun 10, 2025, 12:19 a.m. ET\n", &l, None);
        assert_eq!(
            t.published.map(|p| p.to_string()).as_deref(),
            Some("2025-06-10T00:19:00-04:00")
        );
        let t = dateline(
            "Published: Tuesday 10 June 2025 07:14 BST\n",
            &l,
            Some(chrono_tz::Europe::London),
        );
        assert_eq!(
            t.published.map(|p| p.to_string()).as_deref(),
            Some("2025-06-10T07:14:00+01:00")
        );
        let t = dateline("First Post8 hours ago\n", &l, None);
        assert!(t.published.is_none() && t.note.is_some_and(|n| n.contains("8 hours ago")));
    }
}
