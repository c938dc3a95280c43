//! The grammar's typed pieces: months, weekdays, ordinals, counts and units, and the expression
//! tree (`Expr`) the rules build from them.

use chrono::{NaiveDate, Weekday};
use regex::{Captures, Regex};

use super::holidays::FloatingDay;

pub(super) const MON: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

pub(super) const WD: &str = r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)";

pub(super) const ORDW: &str = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first|twenty-second|twenty-third|twenty-fourth|twenty-fifth|twenty-sixth|twenty-seventh|twenty-eighth|twenty-ninth|thirtieth|thirty-first)";

pub(super) const NUM: &str = r"(?:\d+|half\s+an?|an?\s+dozen|dozen|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|a few|few|several|a couple of|couple of)";

/// A count of hours or minutes: a number, a decimal, or a fraction of an hour.
pub(super) const CLOCK_NUM: &str = r"(?:\d+\.\d+|half\s+an|(?:a|one)\s+quarter\s+of\s+an|three[-\s]quarters\s+of\s+an|\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|few|several|a couple of|couple of)";

pub(super) const UNIT: &str =
    r"(?:days?|weeks?|months?|years?|fortnights?|yrs?|wks?|decades?|centur(?:y|ies))";

pub(super) fn re(p: &str) -> Regex {
    crate::text::regex(&format!("(?i){p}")).expect("static pattern")
}

thread_local! {
    /// Whether the story's region writes numeric dates day first ("05/11/2021" is 5
    /// November): set per call of [`resolve_text`] from the story's zone.
    pub(super) static DAY_FIRST: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// A date expression before resolution.
#[derive(Debug, Clone)]
pub(super) enum Expr {
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
    /// The n-th given weekday after a day (n < 0: before it): "the first Monday after
    /// Labor Day", "the Friday before Christmas".
    WeekdayFrom {
        wd: Weekday,
        n: i64,
        base: Box<Expr>,
    },
    /// "Monday after next".
    AfterNext(Weekday),
    /// "the Monday before last": a week before last Monday.
    BeforeLast(Weekday),
    /// A month or a day in a year counted from the anchor's: "June of last year", "3 June
    /// last year", "March next year".
    OfYear(Box<Expr>, i32),
    /// Minutes from the publication time ("in 24 hours", "two hours ago").
    ClockOffset(i64),
    /// The hours or minutes before (negative) or after the publication time ("the past 24
    /// hours", "the next 3 hours").
    ClockSpan(i64),
}

/// Which day of a month [`Expr::InMonth`] names.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Pick {
    /// The n-th given weekday (n = -1 for the last).
    Nth(i32, Weekday),
    /// A day of the month.
    Day(u32),
}

/// The periods of [`Expr::Span`].
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Span {
    /// "in 2019", "by 2030".
    Year(i32),
    /// "Q2 2022", "the fourth quarter of 2023", "next quarter" (a shift from the current).
    Quarter {
        y: Option<i32>,
        q: u32,
        shift: Option<i32>,
        /// The year counted from the anchor's: "the second quarter of last year" is -1.
        year_shift: Option<i32>,
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
pub(super) enum WdMod {
    Bare,
    Last,
    Next,
    This,
    LastWeek,
    NextWeek,
    ThisWeek,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Day,
    Week,
    Fortnight,
    Month,
    Year,
}

pub(super) fn unit_of(s: &str) -> Unit {
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
pub(super) fn count_of(n: &str, unit: &str) -> Option<(i64, Unit)> {
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

pub(super) fn number_of(s: &str) -> Option<i64> {
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

pub(super) fn ordinal_word(s: &str) -> Option<u32> {
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

pub(super) fn year_of(c: &Captures) -> Option<i32> {
    if let Some(y) = c.name("y") {
        let t = y.as_str().trim_start_matches('\'');
        let n: i32 = t.parse().ok()?;
        return Some(if t.len() == 2 { two_digit_year(n) } else { n });
    }
    c.name("y2")
        .and_then(|y| y.as_str().parse().ok())
        .map(two_digit_year)
}

pub(super) fn two_digit_year(n: i32) -> i32 {
    if n < 50 {
        2000 + n
    } else {
        1900 + n
    }
}

/// Is an expression one day (or a weekday), so that it can end a range?
pub(super) fn is_day_expr(e: &Expr) -> bool {
    matches!(
        e,
        Expr::Date { .. } | Expr::DayOfMonth { .. } | Expr::Weekday { .. } | Expr::RelDay(_)
    )
}

/// Expression weekday named in it (for anchoring nothing, the name is all there is).
pub(super) fn named_weekday(e: &Expr) -> Option<Weekday> {
    match e {
        Expr::Date { wd, .. } | Expr::DayOfMonth { wd, .. } => *wd,
        Expr::Weekday {
            wd,
            modifier: WdMod::Bare,
        } => Some(*wd),
        _ => None,
    }
}

/// Does an expression give its year (a range: its first day)?
pub(super) fn has_year(e: &Expr) -> bool {
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
pub(super) fn is_relative_expr(e: &Expr) -> bool {
    match e {
        Expr::RelDay(_)
        | Expr::Weekday { .. }
        | Expr::Period { .. }
        | Expr::Offset { .. }
        | Expr::AfterEvent { .. }
        | Expr::AfterNext(_)
        | Expr::BeforeLast(_)
        | Expr::OfYear(..)
        | Expr::Span(Span::Counted { .. } | Span::Weekend { .. }) => true,
        Expr::Span(Span::Quarter {
            shift, year_shift, ..
        }) => shift.is_some() || year_shift.is_some(),
        Expr::InMonth { month, .. } | Expr::OfPeriod { period: month, .. } => {
            is_relative_expr(month)
        }
        Expr::Range(first, _) => is_relative_expr(first),
        Expr::Span(Span::Season { y, .. }) => y.is_none(),
        _ => false,
    }
}

/// Is a month and day one no calendar has ("February 30", "June 31, 2025")?
pub(super) fn impossible(e: &Expr) -> bool {
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
