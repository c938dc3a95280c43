//! Resolution: an `Expr` against an anchor (the publication day) becomes a day or a span.

use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use chrono_tz::Tz;

use crate::story::Published;
use crate::text::Slice;

use super::clock::{
    attach_time, hour_in_part, join_day_time_spans, part_of_day, standalone_times, time_of,
    ALT_TIME_RE, TIME_RE,
};
use super::pieces::DAY_FIRST;
use super::pieces::{
    has_year, impossible, is_relative_expr, named_weekday, Expr, Pick, Span, Unit, WdMod,
};
use super::rules::YEAR_AFTER_RE;
use super::scan::{find, Found};
use super::tense::{is_future, is_past, is_scheduled_present};
use super::value::{normalize, DateValue, Resolved};
use super::zones::{day_first, zone_after, Lexicon};

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

pub(super) fn add_units(date: NaiveDate, n: i64, unit: Unit) -> Option<NaiveDate> {
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
pub(super) fn resolve_span(
    span: &Span,
    a: NaiveDate,
    future: bool,
) -> Option<(NaiveDate, Option<NaiveDate>)> {
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
        Span::Quarter {
            y, q, year_shift, ..
        } => {
            // The quarter named without a year: this year's, unless it is still to come and
            // the sentence is not about the future (then last year's), or it is over and
            // the sentence is about the future (then next year's).
            let start = quarter_start(a.year(), *q)?;
            let y = if let Some(y) = y {
                *y
            } else if let Some(k) = year_shift {
                a.year() + k
            } else if start > a && !future {
                a.year() - 1
            } else if future && three_months(start).is_some_and(|end| end <= a) {
                a.year() + 1
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
            // As a month alone: a later month in a past sentence is last year's, an earlier
            // one in a future sentence next year's.
            let y = y.unwrap_or_else(|| {
                if *m > a.month() && !future {
                    a.year() - 1
                } else if *m < a.month() && future {
                    a.year() + 1
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

pub(super) fn week_start(d: NaiveDate) -> NaiveDate {
    d - chrono::Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

pub(super) fn month_start(y: i32, m: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, 1)
}

/// The resolved value of an expression: (start, exclusive end for ranges).
pub(super) fn resolve(
    e: &Expr,
    a: NaiveDate,
    future: bool,
) -> Option<(NaiveDate, Option<NaiveDate>)> {
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
        Expr::OfYear(inner, shift) => {
            let y = Some(a.year() + shift);
            let dated = match &**inner {
                Expr::Month { m, .. } => Expr::Month { y, m: *m },
                Expr::Date { m, d, wd, next, .. } => Expr::Date {
                    y,
                    m: *m,
                    d: *d,
                    wd: *wd,
                    next: *next,
                },
                _ => return None,
            };
            resolve(&dated, a, future)
        }
        Expr::BeforeLast(wd) => {
            let back = (7 + a.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
            let last = if back == 0 { 7 } else { back };
            day(a.checked_sub_signed(chrono::Duration::days(i64::from(last) + 7)))
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
                // "will meet this Wednesday" said on a Friday: the coming Wednesday.
                WdMod::This if future && from_mon(week_start(a)) < a => {
                    from_mon(week_start(a) + chrono::Duration::days(7))
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
        Expr::WeekdayFrom { wd, n, base } => {
            let from = resolve(base, a, future)?.0;
            let step = chrono::Duration::days(n.signum());
            let mut d = from + step;
            while d.weekday() != *wd {
                d += step;
            }
            day(d.checked_add_signed(chrono::Duration::days(7 * (n - n.signum()))))
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
                // A weekday counted from ("a week from Monday") is the coming one, counted
                // back from ("a week ago Monday") the last one; a day of the calendar ("the
                // day after Christmas") the one the sentence's tense picks.
                Some(b) if matches!(**b, Expr::Weekday { .. }) => resolve(b, a, *sign > 0)?.0,
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
    join_day_time_spans(text, &mut out, tz, lex);
    hour_in_part(text, &mut out, tz, lex);
    standalone_times(text, &mut out, anchor, tz, lex);
    out
}

/// Resolves one found expression.
pub(super) fn resolve_found(
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
            past: !future && is_past(text, f.start),
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
                    || matches!(expr, Expr::Offset { base: Some(b), .. }
                        | Expr::WeekdayFrom { base: b, .. } if yearless(b)))
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
            // "The exhibit opens on December 20" in May: a schedule told in the present is
            // the coming day, not last December's. Only when the nearest year's day is
            // long past (a headline's "reopens on May 8" two days on stays that day).
            (Some((day, None)), expr, Some(a))
                if yearless(expr)
                    && !future
                    && !a.year_only
                    && (a.date - day).num_days() > 31
                    && is_scheduled_present(text, f.start) =>
            {
                resolve(&f.expr, a.date, true).or(Some((day, None)))
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
pub(super) fn resolve_after_events(text: &str, items: &mut [Resolved]) {
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
pub(super) fn merge_parentheticals(text: &str, items: &[Resolved]) -> Vec<Resolved> {
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
