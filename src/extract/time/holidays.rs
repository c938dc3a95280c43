//! Holidays: fixed-date ones and those computed from the calendar (Easter, Thanksgiving…).

use chrono::{Datelike, Months, NaiveDate, Weekday};

/// Holidays on one day every year, by the start of their name (general calendar knowledge).
pub(super) const FIXED_HOLIDAYS: &[(&str, u32, u32)] = &[
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
pub(super) fn fixed_holiday(name: &str) -> Option<(u32, u32)> {
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
pub(super) enum FloatingDay {
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
pub(super) fn floating_day(name: &str) -> Option<FloatingDay> {
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
pub(super) fn easter(y: i32) -> Option<NaiveDate> {
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
    pub(super) fn in_year(self, y: i32) -> Option<NaiveDate> {
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
