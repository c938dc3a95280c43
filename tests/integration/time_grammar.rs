//! The date grammar, read back: every expression the grammar produces, printed back in a
//! canonical English form and parsed again, resolves to the same value.
//!
//! Each property draws expressions of one kind from the grammar's typed pieces (absolute
//! days, months, years, quarters, weekdays with their modifiers, relative days, offsets,
//! counted spans, parts of periods, days picked inside a month, holidays, times on a day,
//! and the rarer forms: seasons, halves, decades, weekends, ranges, parts of the day),
//! with random numbers, months, weekdays and years (1990–2035) and a random publication
//! date as the anchor. Each expression goes into a short news sentence, in the past tense,
//! or with "will" when it points ahead, and through `resolve_text`. Then:
//!
//! - the sentence holds exactly one date, it has a day, and its span is the expression
//!   (no kind the generator draws is skipped: a form that stops resolving fails here);
//! - where the resolver's convention is documented (a written year, "yesterday", "3 days
//!   ago", "last Tuesday", "the past 3 weeks", "early April"), the value is the one the
//!   convention gives;
//! - the value printed back in a canonical form ("on June 3, 2025", "on June 3, 2025 at
//!   3:15 p.m.", "in June 2025", "in 2025", "from April to June 2025", "from 1990 to 1999",
//!   "from June 3, 2025 to June 5, 2025" with the last day included, "on the morning of
//!   June 3, 2025"), in the same sentence, resolves to the same `normalized` value.
//!
//! The runs are deterministic: a fixed seed (`PROPTEST_RNG_SEED` picks another) and 256
//! cases per property (`PROPTEST_CASES` sets another count), and no failure file is
//! written or read.

use std::sync::LazyLock;

use chrono::{Datelike, Months, NaiveDate, NaiveTime, Weekday};
use chrono_tz::Tz;
use concord::extract::time::{resolve_text, weekday_name, Anchor, DateValue, Lexicon, Resolved};
use proptest::prelude::*;
use proptest::test_runner::{RngAlgorithm, RngSeed, TestCaseError};

/// The zone abbreviations concord ships.
static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let path = crate::crate_path("rules/lexicon/timezones.toml");
    let text = std::fs::read_to_string(path).expect("read rules/lexicon/timezones.toml");
    toml::from_str(&text).expect("parse rules/lexicon/timezones.toml")
});

/// The seed of every property, unless `PROPTEST_RNG_SEED` gives another.
const SEED: u64 = 0x0c0c_04d0_da7e_5eed;

/// 256 cases a property from a fixed seed, no failure persistence; the environment may
/// set another count or seed.
fn config() -> ProptestConfig {
    let base = ProptestConfig::default();
    ProptestConfig {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() {
            base.cases
        } else {
            256
        },
        failure_persistence: None,
        rng_algorithm: RngAlgorithm::ChaCha,
        rng_seed: match base.rng_seed {
            RngSeed::Random => RngSeed::Fixed(SEED),
            fixed @ RngSeed::Fixed(_) => fixed,
        },
        ..base
    }
}

// ---------------------------------------------------------------- words

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Month names as the AP stylebook writes them before a day.
const MONTHS_AP: [&str; 12] = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];

const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

const ORDINAL_WORDS: [&str; 5] = ["first", "second", "third", "fourth", "fifth"];

const NUMBER_WORDS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn month_name(m: u32) -> &'static str {
    MONTHS[(m - 1) as usize]
}

/// A number under 100 in words ("twenty-one").
fn spelled(n: u32) -> String {
    match n {
        0..=19 => NUMBER_WORDS[n as usize].to_string(),
        _ if n % 10 == 0 => TENS[(n / 10) as usize].to_string(),
        _ => format!(
            "{}-{}",
            TENS[(n / 10) as usize],
            NUMBER_WORDS[(n % 10) as usize]
        ),
    }
}

/// "1st", "2nd", "3rd", "11th", "22nd".
fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// A count of a unit, as news writes it: digits, words, or "a"/"an" for one.
fn count(n: u32, unit: Unit, style: usize) -> String {
    let name = unit.name();
    if n == 1 {
        return match style % 3 {
            0 => format!("1 {name}"),
            1 => format!("one {name}"),
            _ => format!("a {name}"),
        };
    }
    if style % 2 == 0 {
        format!("{n} {name}s")
    } else {
        format!("{} {name}s", spelled(n))
    }
}

/// "June 3, 2025".
fn long_day(d: NaiveDate) -> String {
    format!("{} {}, {}", month_name(d.month()), d.day(), d.year())
}

/// A time of day on a twelve-hour clock: "3:15 p.m.", "12:00 a.m." (midnight).
fn clock(t: NaiveTime) -> String {
    let (h, m) = (chrono::Timelike::hour(&t), chrono::Timelike::minute(&t));
    let meridiem = if h < 12 { "a.m." } else { "p.m." };
    let h12 = match h % 12 {
        0 => 12,
        h => h,
    };
    format!("{h12}:{m:02} {meridiem}")
}

// ---------------------------------------------------------------- calendar

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a calendar day")
}

fn plus_days(d: NaiveDate, n: i64) -> NaiveDate {
    d.checked_add_signed(chrono::Duration::days(n))
        .expect("a day in range")
}

/// `d` moved by `n` months (the day kept, or the month's last when it has no such day).
fn plus_months(d: NaiveDate, n: i64) -> NaiveDate {
    let k = Months::new(n.unsigned_abs() as u32);
    if n >= 0 {
        d.checked_add_months(k)
    } else {
        d.checked_sub_months(k)
    }
    .expect("a day in range")
}

fn month_start(d: NaiveDate) -> NaiveDate {
    date(d.year(), d.month(), 1)
}

/// The Monday of the week that holds `d`.
fn week_start(d: NaiveDate) -> NaiveDate {
    plus_days(d, -i64::from(d.weekday().num_days_from_monday()))
}

/// Days from `from`'s weekday forward to `to` (0 to 6).
fn days_ahead(from: Weekday, to: Weekday) -> i64 {
    i64::from((7 + to.num_days_from_monday() - from.num_days_from_monday()) % 7)
}

/// The `n`-th `wd` of a month (`n` = -1: the last).
fn nth_weekday(first: NaiveDate, n: i32, wd: Weekday) -> NaiveDate {
    if n > 0 {
        plus_days(
            first,
            days_ahead(first.weekday(), wd) + 7 * i64::from(n - 1),
        )
    } else {
        let last = plus_days(plus_months(first, 1), -1);
        plus_days(last, -days_ahead(wd, last.weekday()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Fortnight,
    Month,
    Year,
}

impl Unit {
    const ALL: [Unit; 5] = [
        Unit::Day,
        Unit::Week,
        Unit::Fortnight,
        Unit::Month,
        Unit::Year,
    ];

    fn name(self) -> &'static str {
        match self {
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Fortnight => "fortnight",
            Unit::Month => "month",
            Unit::Year => "year",
        }
    }

    /// `d` moved by `n` of this unit.
    fn add(self, d: NaiveDate, n: i64) -> NaiveDate {
        match self {
            Unit::Day => plus_days(d, n),
            Unit::Week => plus_days(d, 7 * n),
            Unit::Fortnight => plus_days(d, 14 * n),
            Unit::Month => plus_months(d, n),
            Unit::Year => plus_months(d, 12 * n),
        }
    }

    /// The counts drawn for this unit.
    fn counts(self) -> std::ops::RangeInclusive<u32> {
        match self {
            Unit::Day => 2..=30,
            Unit::Week => 1..=20,
            Unit::Fortnight => 1..=4,
            Unit::Month => 1..=18,
            Unit::Year => 1..=12,
        }
    }
}

// ---------------------------------------------------------------- cases

/// What an expression must resolve to: its first day, its exclusive end for a span, its
/// time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Expect {
    date: NaiveDate,
    end: Option<NaiveDate>,
    time: Option<NaiveTime>,
}

fn day(d: NaiveDate) -> Expect {
    Expect {
        date: d,
        end: None,
        time: None,
    }
}

fn span(from: NaiveDate, to: NaiveDate) -> Expect {
    Expect {
        date: from,
        end: Some(to),
        time: None,
    }
}

/// One generated expression in its sentence.
#[derive(Debug, Clone)]
struct Case {
    /// Words before the expression a resolver may leave out of its span ("on", "in", "the").
    lead: String,
    /// The expression.
    core: String,
    /// Said in the future tense.
    future: bool,
    /// The publication date.
    anchor: NaiveDate,
    /// The story's zone.
    tz: Option<Tz>,
    /// The value, where the resolver's convention for it is documented.
    expect: Option<Expect>,
}

/// Sentences in the past tense: the words before the expression and after it.
const PAST: [(&str, &str); 4] = [
    ("The talks began ", ""),
    ("Police said the suspect was arrested ", ""),
    ("The company reported the outage ", ", a spokesman said"),
    ("Rescuers reached the flooded village ", ", officials said"),
];

/// Sentences in the future tense.
const FUTURE: [(&str, &str); 3] = [
    ("The talks will begin ", ""),
    ("The company will open the plant ", ", a spokesman said"),
    ("Voters will go to the polls ", ", officials said"),
];

/// The zones a story may have: none, or one whose numeric dates run month first.
const ZONES: [Option<Tz>; 4] = [
    None,
    Some(Tz::UTC),
    Some(Tz::America__New_York),
    Some(Tz::Europe__London),
];

impl Case {
    fn new(lead: &str, core: impl Into<String>, future: bool, anchor: NaiveDate) -> Case {
        let k = anchor.num_days_from_ce().unsigned_abs() as usize;
        Case {
            lead: lead.to_string(),
            core: core.into(),
            future,
            anchor,
            tz: ZONES[k / 7 % ZONES.len()],
            expect: None,
        }
    }

    fn expect(mut self, e: Expect) -> Case {
        self.expect = Some(e);
        self
    }

    fn maybe(mut self, e: Option<Expect>) -> Case {
        self.expect = e;
        self
    }

    /// The sentence frame: the words before the expression and after it.
    fn frame(&self) -> (&'static str, &'static str) {
        let k = self.anchor.num_days_from_ce().unsigned_abs() as usize;
        if self.future {
            FUTURE[k % FUTURE.len()]
        } else {
            PAST[k % PAST.len()]
        }
    }

    /// The sentence with `expr` in its place, and the byte range of `expr` in it.
    fn sentence(&self, expr: &str) -> (String, usize, usize) {
        let (head, tail) = self.frame();
        let stop = if tail.is_empty() && expr.ends_with('.') {
            ""
        } else {
            "."
        };
        (
            format!("{head}{expr}{tail}{stop}"),
            head.len(),
            head.len() + expr.len(),
        )
    }

    fn anchor(&self) -> Anchor {
        Anchor {
            date: self.anchor,
            time: None,
            desc: format!("published {}", self.anchor),
            year_only: false,
        }
    }
}

// ---------------------------------------------------------------- the canonical form

/// The canonical English form of a resolved value, or why it has none.
fn canonical(v: &DateValue) -> Result<String, String> {
    let start = v.date.ok_or("no day")?;
    match (v.end, v.time, v.part) {
        (None, Some(t), _) => Ok(match v.zone.as_deref() {
            None => format!("on {} at {}", long_day(start), clock(t)),
            Some("local") => format!("on {} at {} local time", long_day(start), clock(t)),
            Some(zone) => format!("on {} at {} {zone}", long_day(start), clock(t)),
        }),
        (None, None, Some((from, to))) => {
            let hour = |t: NaiveTime| chrono::Timelike::hour(&t);
            let part = match (hour(from), hour(to)) {
                (4, 12) => "morning",
                (12, 19) => "afternoon",
                (18, 0) => "evening",
                _ => return Err(format!("a part of the day from {from} to {to}")),
            };
            Ok(format!("on the {part} of {}", long_day(start)))
        }
        (None, None, None) => Ok(format!("on {}", long_day(start))),
        (Some(end), ..) => span_form(start, end),
    }
}

/// A span, from its first day to its exclusive end: whole years, whole months, or days.
fn span_form(start: NaiveDate, end: NaiveDate) -> Result<String, String> {
    if end <= plus_days(start, 1) {
        return Err(format!("a span of less than two days ({start}/{end})"));
    }
    let last = plus_days(end, -1);
    if start.day() == 1 && end.day() == 1 {
        if start.month() == 1 && end.month() == 1 {
            return Ok(if end.year() == start.year() + 1 {
                format!("in {}", start.year())
            } else {
                format!("from {} to {}", start.year(), last.year())
            });
        }
        let months = (end.year() - start.year()) * 12 + end.month() as i32 - start.month() as i32;
        if months == 1 {
            return Ok(format!("in {} {}", month_name(start.month()), start.year()));
        }
        if months <= 12 {
            return Ok(format!(
                "from {} to {} {}",
                month_name(start.month()),
                month_name(last.month()),
                last.year()
            ));
        }
    }
    Ok(format!("from {} to {}", long_day(start), long_day(last)))
}

// ---------------------------------------------------------------- the property

fn fail(msg: String) -> TestCaseError {
    TestCaseError::fail(msg)
}

/// Describes a result list for a failure message.
fn shown(sentence: &str, found: &[Resolved]) -> String {
    let items: Vec<String> = found
        .iter()
        .map(|r| {
            format!(
                "{:?} = {} ({})",
                sentence.get(r.start..r.end).unwrap_or("?"),
                r.normalized,
                r.value.reasoning
            )
        })
        .collect();
    format!("[{}]", items.join("; "))
}

/// The one date a sentence holds, spanning `start..end` (a span may start up to `core`
/// earlier, where the lead words are).
fn one_date<'a>(
    sentence: &str,
    found: &'a [Resolved],
    (lead, core, end): (usize, usize, usize),
    anchor: NaiveDate,
) -> Result<&'a Resolved, TestCaseError> {
    let [r] = found else {
        return Err(fail(format!(
            "does not resolve to one date: {sentence:?} (published {anchor}) gives {} values {}",
            found.len(),
            shown(sentence, found)
        )));
    };
    if r.value.date.is_none() {
        return Err(fail(format!(
            "resolves to no day: {sentence:?} (published {anchor}) gives {}",
            shown(sentence, found)
        )));
    }
    if r.start < lead || r.start > core || r.end != end {
        return Err(fail(format!(
            "resolves only part of the expression {:?}: {sentence:?} (published {anchor}) gives {}",
            sentence.get(lead..end).unwrap_or("?"),
            shown(sentence, found)
        )));
    }
    Ok(r)
}

/// The property for one case: it resolves, to the documented value where there is one,
/// and its canonical form resolves to the same value.
fn check(case: &Case) -> Result<(), TestCaseError> {
    let anchor = case.anchor();
    let lex = &*LEXICON;
    let expr = format!("{}{}", case.lead, case.core);
    let (sentence, at, end) = case.sentence(&expr);
    let found = resolve_text(&sentence, Some(&anchor), case.tz, lex);
    let r = one_date(
        &sentence,
        &found,
        (at, at + case.lead.len(), end),
        case.anchor,
    )?;
    if let Some(e) = case.expect {
        let got = (r.value.date, r.value.end, r.value.time);
        if got != (Some(e.date), e.end, e.time) {
            return Err(fail(format!(
                "wrong value: {sentence:?} (published {}) = {} ({}); expected {e:?}",
                case.anchor, r.normalized, r.value.reasoning
            )));
        }
    }
    let form = canonical(&r.value).map_err(|why| {
        fail(format!(
            "no canonical form for {sentence:?} (published {}) = {}: {why}",
            case.anchor, r.normalized
        ))
    })?;
    let (again, at2, end2) = case.sentence(&form);
    let found2 = resolve_text(&again, Some(&anchor), case.tz, lex);
    // The preposition that opens the canonical form may stay out of its span.
    let word = form.find(' ').map_or(0, |k| k + 1);
    let r2 = one_date(&again, &found2, (at2, at2 + word, end2), case.anchor).map_err(|e| {
        fail(format!(
            "the canonical form of {sentence:?} (published {}) = {}: {e}",
            case.anchor, r.normalized
        ))
    })?;
    if r2.normalized != r.normalized {
        return Err(fail(format!(
            "round trip changed the value: {sentence:?} (published {}) = {} ({}); canonical {again:?} = {}",
            case.anchor, r.normalized, r.value.reasoning, r2.normalized
        )));
    }
    Ok(())
}

// ---------------------------------------------------------------- strategies

fn day_between(from: NaiveDate, to: NaiveDate) -> impl Strategy<Value = NaiveDate> + Clone {
    (0..=(to - from).num_days()).prop_map(move |k| plus_days(from, k))
}

/// A day of 1990–2035, with more than their share of the days where calendars turn: the
/// first and last of a month, the turn of a year, the end of February.
fn any_day() -> impl Strategy<Value = NaiveDate> + Clone {
    let first = |(y, m): (i32, u32)| date(y, m, 1);
    prop_oneof![
        6 => day_between(date(1990, 1, 1), date(2035, 12, 31)),
        1 => (any_year(), 1..=12u32).prop_map(first),
        1 => (any_year(), 1..=12u32).prop_map(move |ym| plus_days(plus_months(first(ym), 1), -1)),
        1 => (any_year(), -10..=10i64).prop_map(|(y, k)| plus_days(date(y, 1, 1), k)),
        1 => (any_year(), -2..=2i64).prop_map(|(y, k)| plus_days(date(y, 3, 1), k)),
    ]
}

fn any_weekday() -> impl Strategy<Value = Weekday> + Clone {
    prop::sample::select(WEEKDAYS.to_vec())
}

fn any_year() -> impl Strategy<Value = i32> + Clone {
    1990..=2035i32
}

fn lead(on: bool, word: &str) -> &str {
    if on {
        word
    } else {
        ""
    }
}

/// "June 3, 2025", "3 June 2025", "2025-06-03", "June 3", "Tuesday, June 3, 2025".
fn absolute_days() -> impl Strategy<Value = Case> {
    (
        any_day(),
        any_day(),
        0..13usize,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(d, anchor, form, ap, on, future)| {
            let month = if ap { MONTHS_AP } else { MONTHS }[d.month0() as usize];
            let full = month_name(d.month());
            let (y, dd) = (d.year(), d.day());
            let (lead_word, core, dated) = match form {
                0 => ("on ", format!("{month} {dd}, {y}"), true),
                1 => ("on ", format!("{dd} {full} {y}"), true),
                2 => ("on ", d.format("%Y-%m-%d").to_string(), true),
                3 => ("on ", format!("{month} {dd}"), false),
                4 => ("on ", format!("{full} {}, {y}", ordinal(dd)), true),
                5 => ("on the ", format!("{} of {full} {y}", ordinal(dd)), true),
                6 => (
                    "on ",
                    format!("{}, {month} {dd}, {y}", weekday_name(d.weekday())),
                    true,
                ),
                7 => ("on ", format!("{dd} {full}"), false),
                8 => ("on ", format!("{full} {}", ordinal(dd)), false),
                9 => (
                    "on ",
                    format!("{}, {month} {dd}", weekday_name(d.weekday())),
                    false,
                ),
                10 => ("on ", d.format("%Y/%m/%d").to_string(), true),
                11 => (
                    "on ",
                    format!("{dd}-{}-{y}", full.get(..3).unwrap_or(full)),
                    true,
                ),
                _ => ("on ", format!("{full} the {}, {y}", ordinal(dd)), true),
            };
            Case::new(lead(on, lead_word), core, future, anchor).maybe(dated.then(|| day(d)))
        })
}

/// "April 2024", "in April", "last April".
fn months() -> impl Strategy<Value = Case> {
    (1..=12u32, any_year(), any_day(), 0..6usize, any::<bool>()).prop_map(
        |(m, y, anchor, form, future)| {
            let name = month_name(m);
            let whole = span(date(y, m, 1), plus_months(date(y, m, 1), 1));
            match form {
                0 => Case::new("in ", format!("{name} {y}"), future, anchor).expect(whole),
                1 => Case::new("", format!("{name} {y}"), future, anchor).expect(whole),
                2 => Case::new("in ", format!("{name} of {y}"), future, anchor).expect(whole),
                3 => Case::new("in ", name, future, anchor),
                4 => Case::new("", format!("last {name}"), false, anchor),
                _ => Case::new("", format!("next {name}"), true, anchor),
            }
        },
    )
}

/// "in 2019", "during 2019", "in the year 2019".
fn years() -> impl Strategy<Value = Case> {
    (any_year(), any_day(), 0..4usize, any::<bool>()).prop_map(|(y, anchor, form, future)| {
        let core = match form {
            0 => format!("in {y}"),
            1 => format!("during {y}"),
            2 => format!("throughout {y}"),
            _ => format!("in the year {y}"),
        };
        Case::new("", core, future, anchor).expect(span(date(y, 1, 1), date(y + 1, 1, 1)))
    })
}

/// "Q2 2022", "the fourth quarter of 2023", "last quarter".
fn quarters() -> impl Strategy<Value = Case> {
    (1..=4u32, any_year(), any_day(), 0..8usize, any::<bool>()).prop_map(
        |(q, y, anchor, form, future)| {
            let of_year = |y: i32| {
                let start = date(y, 3 * q - 2, 1);
                span(start, plus_months(start, 3))
            };
            let current = date(anchor.year(), (anchor.month() - 1) / 3 * 3 + 1, 1);
            let shifted = |k: i64| {
                let start = plus_months(current, 3 * k);
                span(start, plus_months(start, 3))
            };
            let word = ORDINAL_WORDS[(q - 1) as usize];
            match form {
                0 => Case::new("in ", format!("Q{q} {y}"), future, anchor).expect(of_year(y)),
                1 => Case::new("in ", format!("the {word} quarter of {y}"), future, anchor)
                    .expect(of_year(y)),
                2 => Case::new(
                    "in ",
                    format!("the {} quarter of {y}", ordinal(q)),
                    future,
                    anchor,
                )
                .expect(of_year(y)),
                3 => Case::new("in ", format!("the {word} quarter"), future, anchor),
                4 => Case::new("in ", format!("Q{q}"), future, anchor),
                5 => Case::new("", "last quarter", false, anchor).expect(shifted(-1)),
                6 => Case::new("", "next quarter", true, anchor).expect(shifted(1)),
                _ => Case::new("", "this quarter", future, anchor).expect(shifted(0)),
            }
        },
    )
}

/// "on Monday", "last Tuesday", "next Friday", "Monday of last week".
fn weekdays() -> impl Strategy<Value = Case> {
    (any_weekday(), any_day(), 0..10usize).prop_map(|(wd, a, form)| {
        let name = weekday_name(wd);
        let back = days_ahead(wd, a.weekday());
        let fwd = days_ahead(a.weekday(), wd);
        match form {
            // A bare weekday in a past sentence: the most recent one, today included.
            0 => Case::new("on ", name, false, a).expect(day(plus_days(a, -back))),
            // In a future sentence: the next one, today included.
            1 => Case::new("on ", name, true, a).expect(day(plus_days(a, fwd))),
            // "last Tuesday": the one before today; "next Friday": the first after today.
            2 => Case::new("", format!("last {name}"), false, a)
                .expect(day(plus_days(a, -if back == 0 { 7 } else { back }))),
            3 => Case::new("", format!("next {name}"), true, a)
                .expect(day(plus_days(a, if fwd == 0 { 7 } else { fwd }))),
            4 => Case::new("", format!("this {name}"), a.day() % 2 == 0, a),
            5 => Case::new("on ", format!("{name} of last week"), false, a),
            6 => Case::new("", format!("next week on {name}"), true, a),
            7 => Case::new("", format!("{name} after next"), true, a),
            // "this past Tuesday": the one before today.
            8 => Case::new("this ", format!("past {name}"), false, a)
                .expect(day(plus_days(a, -if back == 0 { 7 } else { back }))),
            // "on Tues": a weekday's abbreviation after "on" (the past: the most recent).
            _ => {
                let short = ["Mon", "Tues", "Wed", "Thurs", "Fri", "Sat", "Sun"]
                    [wd.num_days_from_monday() as usize];
                Case::new("on ", short, false, a).expect(day(plus_days(a, -back)))
            }
        }
    })
}

/// "yesterday", "the day before yesterday", "tomorrow".
fn relative_days() -> impl Strategy<Value = Case> {
    let words: [(&str, i64, bool); 5] = [
        ("yesterday", -1, false),
        ("today", 0, false),
        ("tomorrow", 1, true),
        ("the day before yesterday", -2, false),
        ("the day after tomorrow", 2, true),
    ];
    (prop::sample::select(words.to_vec()), any_day())
        .prop_map(|((w, k, future), a)| Case::new("", w, future, a).expect(day(plus_days(a, k))))
}

/// One of `units` and a count drawn for it.
fn unit_count(units: &[Unit]) -> impl Strategy<Value = (Unit, u32)> {
    prop::sample::select(units.to_vec()).prop_flat_map(|u| (Just(u), u.counts()))
}

/// "3 days ago", "in two weeks", "a fortnight from now", "two weeks hence", "a year and
/// two months ago".
fn offsets() -> impl Strategy<Value = Case> {
    (
        unit_count(&Unit::ALL),
        1..=11u32,
        any_day(),
        0..8usize,
        0..6usize,
        any_day(),
    )
        .prop_map(|((unit, n), months, a, form, style, base)| {
            let amount = count(n, unit, style);
            let back = day(unit.add(a, -i64::from(n)));
            let ahead = day(unit.add(a, i64::from(n)));
            match form {
                0 => Case::new("", format!("{amount} ago"), false, a).expect(back),
                1 => Case::new("", format!("in {amount}"), true, a).expect(ahead),
                2 => Case::new("", format!("{amount} from now"), true, a).expect(ahead),
                3 => Case::new("", format!("{amount} hence"), true, a).expect(ahead),
                4 => Case::new("", format!("{amount} from today"), true, a).expect(ahead),
                // Counted from a day: "three weeks after June 3, 2025".
                6 => Case::new("", format!("{amount} after {}", long_day(base)), false, a)
                    .expect(day(unit.add(base, i64::from(n)))),
                7 => Case::new("", format!("{amount} before {}", long_day(base)), false, a)
                    .expect(day(unit.add(base, -i64::from(n)))),
                _ => {
                    // Two amounts, counted back in the order written.
                    let then = Unit::Month.add(unit.add(a, -i64::from(n)), -i64::from(months));
                    let more = count(months, Unit::Month, style + 1);
                    Case::new("", format!("{amount} and {more} ago"), false, a).expect(day(then))
                }
            }
        })
}

/// "the past 3 weeks", "the next five days", "over the last two months".
fn counted() -> impl Strategy<Value = Case> {
    let units = [Unit::Day, Unit::Week, Unit::Month, Unit::Year];
    (
        unit_count(&units),
        any_day(),
        0..6usize,
        0..6usize,
        0..3usize,
    )
        .prop_map(|((unit, n), a, form, style, lead_form)| {
            // "the past one week", never "the past a week".
            let amount = count(n, unit, style % 2);
            let past = span(unit.add(a, -i64::from(n)), a);
            let start = plus_days(a, 1);
            let next = span(start, unit.add(start, i64::from(n)));
            let lead_word = ["", "over ", "in "][lead_form];
            match form {
                0 => Case::new(lead_word, format!("the past {amount}"), false, a).expect(past),
                1 => Case::new(lead_word, format!("the last {amount}"), false, a).expect(past),
                2 => Case::new(lead_word, format!("the previous {amount}"), false, a).expect(past),
                3 => Case::new(lead_word, format!("the next {amount}"), true, a).expect(next),
                4 => Case::new(lead_word, format!("the coming {amount}"), true, a).expect(next),
                _ => Case::new("", format!("within {amount}"), true, a).expect(next),
            }
        })
}

/// "early April", "mid-2021", "the end of next month", "late last year".
fn period_parts() -> impl Strategy<Value = Case> {
    (
        1..=12u32,
        any_year(),
        any_day(),
        0..3u32,
        0..8usize,
        0..3i64,
        any::<bool>(),
    )
        .prop_map(|(m, y, a, part, form, shift, future)| {
            let first = date(y, m, 1);
            let of_month = |first: NaiveDate| match part {
                0 => span(first, plus_days(first, 10)),
                1 => span(plus_days(first, 10), plus_days(first, 20)),
                _ => span(plus_days(first, 20), plus_months(first, 1)),
            };
            let of_year = |y: i32| {
                let from = date(y, 1 + 4 * part, 1);
                span(from, plus_months(from, 4))
            };
            let word = ["early ", "mid-", "late "][part as usize];
            let phrase = ["the start of ", "the middle of ", "the end of "][part as usize];
            let (modifier, shift) = [("last ", -1), ("this ", 0), ("next ", 1)][shift as usize];
            let future = if shift == 0 { future } else { shift > 0 };
            let name = month_name(m);
            match form {
                0 => Case::new("in ", format!("{word}{name}"), future, a),
                1 => {
                    Case::new("in ", format!("{word}{name} {y}"), future, a).expect(of_month(first))
                }
                2 => Case::new("in ", format!("{word}{y}"), future, a).expect(of_year(y)),
                3 => Case::new("at ", format!("{phrase}{name} {y}"), future, a)
                    .expect(of_month(first)),
                4 => Case::new("at ", format!("{phrase}{modifier}month"), future, a)
                    .expect(of_month(plus_months(month_start(a), shift))),
                5 => Case::new("at ", format!("{phrase}{modifier}year"), future, a)
                    .expect(of_year(a.year() + shift as i32)),
                6 => {
                    // A week's start is Monday to Wednesday, its middle Tuesday to Thursday,
                    // its end Thursday to Sunday.
                    let monday = plus_days(week_start(a), 7 * shift);
                    let (from, to) = [(0, 3), (1, 4), (3, 7)][part as usize];
                    Case::new("at ", format!("{phrase}{modifier}week"), future, a)
                        .expect(span(plus_days(monday, from), plus_days(monday, to)))
                }
                _ => {
                    let word = ["early ", "late "][part as usize % 2];
                    let part = if part % 2 == 0 { 0 } else { 2 };
                    let from = date(a.year() + shift as i32, 1 + 4 * part, 1);
                    Case::new("", format!("{word}{modifier}year"), future, a)
                        .expect(span(from, plus_months(from, 4)))
                }
            }
        })
}

/// "last week", "next month", "this year", "the week after next".
fn periods() -> impl Strategy<Value = Case> {
    (0..3usize, 0..5usize, any_day(), any::<bool>()).prop_map(|(unit, form, a, future)| {
        let (modifier, shift) = [
            ("last ", -1),
            ("this ", 0),
            ("next ", 1),
            ("the {} before last", -2),
            ("the {} after next", 2),
        ][form];
        let future = if shift == 0 { future } else { shift > 0 };
        let name = ["week", "month", "year"][unit];
        let value = match unit {
            0 => {
                let monday = plus_days(week_start(a), 7 * shift);
                span(monday, plus_days(monday, 7))
            }
            1 => {
                let first = plus_months(month_start(a), shift);
                span(first, plus_months(first, 1))
            }
            _ => {
                let y = a.year() + shift as i32;
                span(date(y, 1, 1), date(y + 1, 1, 1))
            }
        };
        let core = if modifier.contains("{}") {
            modifier.replace("{}", name)
        } else {
            format!("{modifier}{name}")
        };
        Case::new("", core, future, a).expect(value)
    })
}

/// "the second Tuesday of next month", "the last Friday in May 2024", "the 15th of last
/// month", "the first day of next month", "the last day of October 2015".
fn anchored_days() -> impl Strategy<Value = Case> {
    (
        any_weekday(),
        0..5usize,
        1..=28u32,
        1..=12u32,
        any_year(),
        any_day(),
        0..3i64,
        0..6usize,
    )
        .prop_map(|(wd, nth, dd, m, y, a, shift, form)| {
            let (modifier, shift) = [("last", -1), ("this", 0), ("next", 1)][shift as usize];
            let future = shift > 0;
            let rel_month = plus_months(month_start(a), shift);
            let n = if nth == 4 { -1 } else { nth as i32 + 1 };
            let ord = if nth == 4 { "last" } else { ORDINAL_WORDS[nth] };
            let name = weekday_name(wd);
            let mon = month_name(m);
            match form {
                0 => Case::new(
                    "on ",
                    format!("the {ord} {name} of {modifier} month"),
                    future,
                    a,
                )
                .expect(day(nth_weekday(rel_month, n, wd))),
                1 => Case::new("on ", format!("the {ord} {name} in {mon} {y}"), future, a)
                    .expect(day(nth_weekday(date(y, m, 1), n, wd))),
                2 => Case::new("on ", format!("the {ord} {name} of {mon} {y}"), future, a)
                    .expect(day(nth_weekday(date(y, m, 1), n, wd))),
                3 => Case::new(
                    "on ",
                    format!("the {} of {modifier} month", ordinal(dd)),
                    future,
                    a,
                )
                .expect(day(date(rel_month.year(), rel_month.month(), dd))),
                4 => {
                    let (word, value) = if nth % 2 == 0 {
                        ("first", rel_month)
                    } else {
                        ("last", plus_days(plus_months(rel_month, 1), -1))
                    };
                    Case::new(
                        "on ",
                        format!("the {word} day of {modifier} month"),
                        future,
                        a,
                    )
                    .expect(day(value))
                }
                _ => {
                    let (word, value) = if nth % 2 == 0 {
                        ("first", date(y, m, 1))
                    } else {
                        ("last", plus_days(plus_months(date(y, m, 1), 1), -1))
                    };
                    Case::new("on ", format!("the {word} day of {mon} {y}"), future, a)
                        .expect(day(value))
                }
            }
        })
}

/// Holidays on one day every year.
const FIXED: [(&str, u32, u32); 12] = [
    ("Christmas Eve", 12, 24),
    ("Christmas Day", 12, 25),
    ("Christmas", 12, 25),
    ("New Year's Day", 1, 1),
    ("New Year's Eve", 12, 31),
    ("Halloween", 10, 31),
    ("Valentine's Day", 2, 14),
    ("Boxing Day", 12, 26),
    ("Juneteenth", 6, 19),
    ("Veterans Day", 11, 11),
    ("St. Patrick's Day", 3, 17),
    ("April Fools' Day", 4, 1),
];

/// Holidays on the n-th weekday of a month (n = -1: the last), and days after it.
const FLOATING: [(&str, i32, Weekday, u32, i64); 9] = [
    ("Thanksgiving", 4, Weekday::Thu, 11, 0),
    ("Black Friday", 4, Weekday::Thu, 11, 1),
    ("Labor Day", 1, Weekday::Mon, 9, 0),
    ("Memorial Day", -1, Weekday::Mon, 5, 0),
    ("Martin Luther King Jr. Day", 3, Weekday::Mon, 1, 0),
    ("Presidents' Day", 3, Weekday::Mon, 2, 0),
    ("Mother's Day", 2, Weekday::Sun, 5, 0),
    ("Father's Day", 3, Weekday::Sun, 6, 0),
    ("Cyber Monday", 4, Weekday::Thu, 11, 4),
];

/// Holidays counted from Easter.
const EASTER: [&str; 4] = ["Easter", "Easter Sunday", "Good Friday", "Easter Monday"];

/// "Christmas Eve 2019", "New Year's Day", "Thanksgiving 2021", "Good Friday".
fn holidays() -> impl Strategy<Value = Case> {
    (
        0..FIXED.len() + FLOATING.len() + EASTER.len(),
        any_year(),
        any_day(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(k, y, a, with_year, future, comma)| {
            let year = if !with_year {
                String::new()
            } else if comma {
                format!(", {y}")
            } else {
                format!(" {y}")
            };
            let (name, value) = if let Some(&(name, m, d)) = FIXED.get(k) {
                (name, date(y, m, d))
            } else if let Some(&(name, n, wd, m, plus)) = FLOATING.get(k - FIXED.len()) {
                (name, plus_days(nth_weekday(date(y, m, 1), n, wd), plus))
            } else {
                let name = EASTER[k - FIXED.len() - FLOATING.len()];
                return Case::new("on ", format!("{name}{year}"), future, a);
            };
            Case::new("on ", format!("{name}{year}"), future, a)
                .maybe(with_year.then(|| day(value)))
        })
}

/// "June 3, 2025 at 3:15 p.m.", "at 9 a.m. yesterday", "on Monday at noon EST".
fn times() -> impl Strategy<Value = Case> {
    (
        any_day(),
        any_day(),
        0..24u32,
        0..60u32,
        0..5usize,
        0..7usize,
        any::<bool>(),
        0..12usize,
    )
        .prop_map(|(d, a, h, mi, day_form, time_form, before, zone)| {
            let (h, mi) = match time_form {
                3 => (h, 0),
                4 => (12, 0),
                5 => (h, [15, 30, 45][mi as usize % 3]),
                6 => (h % 11 + [1, 13, 19][mi as usize % 3], 0),
                _ => (h, mi),
            };
            let h = h.min(23);
            let t = NaiveTime::from_hms_opt(h, mi, 0).expect("a time of day");
            let twelve = clock(t);
            let mut time = match time_form {
                0 => twelve,
                1 => twelve.replace(" a.m.", " am").replace(" p.m.", " pm"),
                2 => format!("{h:02}:{mi:02}"),
                3 => twelve.replace(":00", ""),
                4 => "noon".to_string(),
                // "a quarter past 3 p.m.", "half past 3 p.m.", "a quarter to 4 p.m.".
                5 => {
                    let hour = |t: NaiveTime| clock(t).replace(":00", "");
                    match mi {
                        15 => format!("a quarter past {}", hour(t - chrono::Duration::minutes(15))),
                        30 => format!("half past {}", hour(t - chrono::Duration::minutes(30))),
                        _ => format!("a quarter to {}", hour(t + chrono::Duration::minutes(15))),
                    }
                }
                // "7 in the morning", "3 in the afternoon", "9 in the evening".
                _ => {
                    let part = match h {
                        0..=11 => "morning",
                        12..=18 => "afternoon",
                        _ => "evening",
                    };
                    format!("{} in the {part}", if h > 12 { h - 12 } else { h })
                }
            };
            // A zone now and then.
            let zones = ["EST", "EDT", "GMT", "BST", "PT", "CET", "JST", "local time"];
            if let Some(z) = zones.get(zone) {
                time = format!("{time} {z}");
            }
            let (dayw, future, date_of) = match day_form {
                0 => (long_day(d), false, Some(d)),
                1 => (
                    format!("{} {} {}", d.day(), month_name(d.month()), d.year()),
                    false,
                    Some(d),
                ),
                2 => ("yesterday".to_string(), false, Some(plus_days(a, -1))),
                3 => (weekday_name(d.weekday()).to_string(), false, None),
                _ => ("tomorrow".to_string(), true, Some(plus_days(a, 1))),
            };
            let on = if day_form == 3 || day_form < 2 {
                "on "
            } else {
                ""
            };
            let value = date_of.map(|d| Expect {
                date: d,
                end: None,
                time: Some(t),
            });
            if before {
                Case::new("at ", format!("{time} {on}{dayw}"), future, a).maybe(value)
            } else {
                Case::new(on, format!("{dayw} at {time}"), future, a).maybe(value)
            }
        })
}

/// The rarer spans: seasons, halves, decades, weekends, the week of a day, ranges of
/// months, years, days and weekdays.
fn rare_spans() -> impl Strategy<Value = Case> {
    (
        any_day(),
        any_day(),
        any_year(),
        0..4usize,
        1..=9u32,
        0..16usize,
        any::<bool>(),
    )
        .prop_map(|(d, a, y, k, n, form, future)| {
            let season = ["spring", "summer", "autumn", "winter"][k];
            let modifier = ["last", "this", "next"][k % 3];
            let mod_future = k % 3 == 2;
            let mon = |m: u32| month_name(m);
            match form {
                0 => Case::new("", format!("{modifier} {season}"), mod_future, a),
                1 => Case::new("in ", format!("the {season} of {y}"), future, a),
                2 => Case::new("in ", format!("{season} {y}"), future, a),
                3 => Case::new(
                    "in ",
                    format!("the {} half of {y}", ["first", "second"][k % 2]),
                    future,
                    a,
                ),
                4 => Case::new("in ", format!("H{} {y}", k % 2 + 1), future, a),
                5 => Case::new(
                    "in ",
                    format!("the {} half of {modifier} year", ["first", "second"][k % 2]),
                    mod_future,
                    a,
                ),
                6 => Case::new("in ", format!("the {}0s", 195 + k as i32 % 4 * 2), false, a)
                    .expect(span(
                        date(1950 + 20 * (k as i32 % 4), 1, 1),
                        date(1960 + 20 * (k as i32 % 4), 1, 1),
                    )),
                7 => Case::new("", format!("{modifier} weekend"), mod_future, a),
                8 => Case::new("", "over the weekend", false, a),
                9 => Case::new("in ", format!("the week of {}", long_day(d)), future, a),
                10 => {
                    let (m1, m2) = (1 + k as u32 * 2, 4 + k as u32 * 2);
                    Case::new(
                        "",
                        format!("from {} to {} {y}", mon(m1), mon(m2)),
                        future,
                        a,
                    )
                    .expect(span(date(y, m1, 1), date(y, m2 + 1, 1)))
                }
                11 => Case::new("", format!("between {y} and {}", y + n as i32), future, a)
                    .expect(span(date(y, 1, 1), date(y + n as i32 + 1, 1, 1))),
                12 => Case::new("", format!("from {y} to {}", y + n as i32), future, a)
                    .expect(span(date(y, 1, 1), date(y + n as i32 + 1, 1, 1))),
                13 => Case::new(
                    "from ",
                    format!(
                        "{} to {}",
                        long_day(d),
                        long_day(plus_days(d, i64::from(n)))
                    ),
                    future,
                    a,
                )
                .expect(span(d, plus_days(d, i64::from(n) + 1))),
                14 => {
                    // "June 3-5, 2025", "3-5 June 2025", "between June 3 and June 5, 2025".
                    let first = date(d.year(), d.month(), d.day().min(20));
                    let last = plus_days(first, i64::from(n.min(8)));
                    let (m, y) = (month_name(first.month()), first.year());
                    let core = match k {
                        0 => format!("{m} {}-{}, {y}", first.day(), last.day()),
                        1 => format!("{}-{} {m} {y}", first.day(), last.day()),
                        2 => format!("{m} {} to {}, {y}", first.day(), last.day()),
                        _ => format!("{m} {} and {m} {}, {y}", first.day(), last.day()),
                    };
                    let lead = if k == 3 { "between " } else { "" };
                    Case::new(lead, core, future, a).expect(span(first, plus_days(last, 1)))
                }
                _ => Case::new(
                    "from ",
                    format!(
                        "{} to {}",
                        weekday_name(d.weekday()),
                        weekday_name(plus_days(d, i64::from(n.min(5))).weekday())
                    ),
                    future,
                    a,
                ),
            }
        })
}

/// The rarer days: numeric dates, counted weekdays, parts of the day, days counted from
/// a holiday, a day of the month with or without its weekday.
fn rare_days() -> impl Strategy<Value = Case> {
    (
        any_day(),
        any_day(),
        0..4usize,
        1..=9u32,
        0..10usize,
        any::<bool>(),
    )
        .prop_map(|(d, a, k, n, form, future)| {
            let wd = weekday_name(d.weekday());
            match form {
                0 => Case {
                    tz: None,
                    ..Case::new(
                        "on ",
                        format!("{}/{}/{}", d.month(), d.day(), d.year()),
                        future,
                        a,
                    )
                    .expect(day(d))
                },
                1 => Case::new("", format!("{} {wd}s ago", spelled(n.min(5))), false, a),
                2 => Case::new(
                    "",
                    [
                        "yesterday morning",
                        "last night",
                        "this morning",
                        "yesterday afternoon",
                    ][k],
                    false,
                    a,
                ),
                3 => Case::new("on ", format!("{wd} evening"), false, a),
                4 => Case::new("on ", format!("the morning of {}", long_day(d)), future, a),
                5 => Case::new(
                    "",
                    format!(
                        "{} after {}",
                        count(n.min(3), Unit::Day, k),
                        ["Christmas", "Thanksgiving", "Easter", "Labor Day"][k]
                    ),
                    future,
                    a,
                ),
                6 => Case {
                    tz: Some(Tz::Europe__London),
                    ..Case::new(
                        "on ",
                        format!("{}/{}/{}", d.day(), d.month(), d.year()),
                        future,
                        a,
                    )
                    .expect(day(d))
                },
                7 => Case::new(
                    "on ",
                    format!("{}.{}.{}", d.day(), d.month(), d.year()),
                    future,
                    a,
                )
                .expect(day(d)),
                8 => {
                    // A day of the month with the weekday it has near the publication.
                    let near = plus_days(a, i64::from(n) * 3 - 14);
                    Case::new(
                        "on ",
                        format!(
                            "{} the {}",
                            weekday_name(near.weekday()),
                            ordinal(near.day())
                        ),
                        future,
                        a,
                    )
                }
                _ => Case::new(
                    "on ",
                    format!("the {}", ordinal(d.day().min(28))),
                    future,
                    a,
                ),
            }
        })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn absolute_days_read_back(case in absolute_days()) {
        check(&case)?;
    }

    #[test]
    fn months_read_back(case in months()) {
        check(&case)?;
    }

    #[test]
    fn years_read_back(case in years()) {
        check(&case)?;
    }

    #[test]
    fn quarters_read_back(case in quarters()) {
        check(&case)?;
    }

    #[test]
    fn weekdays_read_back(case in weekdays()) {
        check(&case)?;
    }

    #[test]
    fn relative_days_read_back(case in relative_days()) {
        check(&case)?;
    }

    #[test]
    fn offsets_read_back(case in offsets()) {
        check(&case)?;
    }

    #[test]
    fn counted_spans_read_back(case in counted()) {
        check(&case)?;
    }

    #[test]
    fn parts_of_periods_read_back(case in period_parts()) {
        check(&case)?;
    }

    #[test]
    fn periods_read_back(case in periods()) {
        check(&case)?;
    }

    #[test]
    fn anchored_days_read_back(case in anchored_days()) {
        check(&case)?;
    }

    #[test]
    fn holidays_read_back(case in holidays()) {
        check(&case)?;
    }

    #[test]
    fn times_read_back(case in times()) {
        check(&case)?;
    }

    #[test]
    fn rare_spans_read_back(case in rare_spans()) {
        check(&case)?;
    }

    #[test]
    fn rare_days_read_back(case in rare_days()) {
        check(&case)?;
    }
}

/// Forms the resolver once missed or misread, each with its publication date and the value
/// it must have.
#[test]
fn forms_once_misread() {
    let a = date(2025, 6, 10);
    let may = |y| span(date(y, 5, 1), date(y, 6, 1));
    let cases = [
        // A capitalised "May" after a word other than "in" is the month.
        Case::new("", "last May", false, a).expect(may(2025)),
        Case::new("", "next May", true, a).expect(may(2026)),
        Case::new("during ", "May", false, a).expect(may(2025)),
        Case::new("by ", "May", true, a).expect(may(2026)),
        // "last quarter" is the one before this one, not the fourth.
        Case::new("", "last quarter", false, a).expect(span(date(2025, 1, 1), date(2025, 4, 1))),
        // The year after "of" is the quarter's.
        Case::new("in ", "Q2 of 2024", false, a).expect(span(date(2024, 4, 1), date(2024, 7, 1))),
        // A quarter of a relative year is one period.
        Case::new("in ", "the second quarter of last year", false, a)
            .expect(span(date(2024, 4, 1), date(2024, 7, 1))),
        // A week before last Monday.
        Case::new("on ", "the Monday before last", false, a).expect(day(date(2025, 6, 2))),
        // Half a year is six months.
        Case::new("", "a year and a half ago", false, a).expect(day(date(2023, 12, 10))),
        Case::new("", "two and a half years ago", false, a).expect(day(date(2022, 12, 10))),
        // A month or a day and a relative year are one expression.
        Case::new("in ", "June of last year", false, a)
            .expect(span(date(2024, 6, 1), date(2024, 7, 1))),
        Case::new("on ", "3 June last year", false, a).expect(day(date(2024, 6, 3))),
        Case::new("in ", "March next year", true, a)
            .expect(span(date(2026, 3, 1), date(2026, 4, 1))),
        // A count back and the day it counts from are one day.
        Case::new("", "a week ago Monday", false, a).expect(day(date(2025, 6, 2))),
        Case::new("", "two weeks ago today", false, a).expect(day(date(2025, 5, 27))),
        // Years and months counted from a holiday.
        Case::new("", "a year from Christmas", true, a).expect(day(date(2026, 12, 25))),
        // "this Monday" in a future sentence after Monday has passed is the coming one.
        Case::new("", "this Monday", true, a).expect(day(date(2025, 6, 16))),
        // A part of an earlier month in a future sentence is next year's.
        Case::new("in ", "late March", true, a).expect(span(date(2026, 3, 21), date(2026, 4, 1))),
        // Parts of a decade.
        Case::new("in ", "the early 2000s", false, a)
            .expect(span(date(2000, 1, 1), date(2004, 1, 1))),
        Case::new("in ", "the late 1990s", false, a)
            .expect(span(date(1996, 1, 1), date(2000, 1, 1))),
    ];
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|c| check(c).err().map(|e| e.to_string()))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
