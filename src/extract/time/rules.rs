//! The grammar's rules: each pattern (`Pat`) and how its captures compose into an `Expr`.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::holidays::{fixed_holiday, floating_day};
use super::pieces::DAY_FIRST;
use super::pieces::{
    count_of, month_number, number_of, ordinal_word, re, two_digit_year, unit_of, weekday_of,
    year_of, Expr, Pick, Span, Unit, WdMod, CLOCK_NUM, MON, NUM, ORDW, UNIT, WD,
};

/// The expression kinds the patterns recognise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pat {
    Half,
    Decade,
    PeriodTwo,
    Iso,
    IsoMonth,
    NumMonth,
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
    WdFromDay,
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

/// Holidays by name: fixed days, and (`float`) days that move from year to year.
const HOLIDAY: &str = r"(?P<hol>christmas\s+eve|christmas\s+day|christmas|x-?mas|new\s+year['’]?s\s+eve|new\s+year['’]?s\s+day|halloween|valentine['’]?s\s+day|boxing\s+day|juneteenth|veterans['’]?\s+day|armistice\s+day|remembrance\s+day|bastille\s+day|(?:st\.?|saint)\s+patrick['’]?s\s+day|april\s+fools['’]?\s+day|(?P<float>thanksgiving(?:\s+day)?|black\s+friday|cyber\s+monday|labor\s+day|memorial\s+day|martin\s+luther\s+king(?:\s+jr\.?)?\s+day|mlk\s+day|presidents['’]?\s+day|fathers?['’]?s?\s+day|mothers?['’]?s?\s+day|easter\s+monday|easter(?:\s+sunday)?|good\s+friday|ash\s+wednesday|palm\s+sunday|maundy\s+thursday|holy\s+saturday|shrove\s+tuesday))";

pub(super) static PATTERNS: LazyLock<Vec<(Pat, Regex)>> = LazyLock::new(|| {
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
            // "2/2013", "02/2013": a month and its year in figures.
            Pat::NumMonth,
            re(r"\b(?P<m>0?[1-9]|1[0-2])/(?P<y>(?:19|20)\d{2})\b"),
        ),
        (
            // "Nov21", "Nov'21": a month and the two digits of its year, written together;
            // after a weekday ("Wed, Feb13") the digits are the day.
            Pat::MonYy,
            re(&format!(
                r"\b{wd_pre}(?P<mon>{MON})(?P<apos>')?(?P<y>\d{{1,2}})\b"
            )),
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
                r"\b{wd_pre}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\.?\s*(?:of\s+)?(?P<mon>{MON})\b\.?{year_tail}"
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
                r"\b(?:(?:the\s+)?day\s+before\s+yesterday|(?:the\s+)?day\s+after\s+tomorrow|yesterday|today|tonight|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))\b",
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
                r"\b(?P<mod>last|next|this|coming|upcoming|current|past|previous)\s+(?P<unit>week|month|year|yr|wk)\b",
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
                r"\b(?P<amount>(?:{NUM}(?:\s+and\s+a\s+half)?\s+{UNIT}(?:\s+and\s+a\s+half)?(?:\s*,?\s*(?:and\s+)?)?)+)\s*ago\b"
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
                r"\b(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)\s+of\s+(?P<mmod>next|last|this|the\s+coming|the\s+previous|the\s+current|the\s+next|the\s+following)\s+month\b",
            ),
        ),
        (
            Pat::Quarter,
            re(
                r"\b(?:q(?P<qn>[1-4])(?:(?:\s+of\s+|\s*|-|/)(?:(?P<qy>\d{4})\b|'?(?P<qy2>\d{2})\b))?|(?:the\s+)?(?P<qw>first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+(?:fiscal\s+|calendar\s+)?quarter(?:\s+of\s+(?P<qy3>\d{4})|,?\s+(?P<qy4>\d{4})|\s+of\s+(?P<qrel>last|next|this|the\s+previous|the\s+past|the\s+current|the\s+coming|the\s+next)\s+year)?|(?:the\s+)?(?P<qmod>next|last|this|previous|coming|past|current)\s+quarter)\b",
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
                r"\b(?:(?:(?P<mod>last|next|this|coming|past|previous)|(?P<over>over|during|at)\s+the)\s+week-?end|(?:the\s+)?week-?end\s+(?P<rel>after\s+next|before\s+last))\b",
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
            // "the 1990s", "the '90s", "the 90s": a decade; "the early 2000s", "the
            // mid-1980s", "the late '90s": its first, middle or last four years.
            Pat::Decade,
            re(
                r"\bthe\s+(?:(?P<dpart>early|mid|late)(?:\s+|-|\s*-\s*))?(?:(?P<dec>(?:1[89]|20)\d0)|['’](?P<dec2>\d0)|(?P<dec3>[2-9]0))['’]?s\b",
            ),
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
            // "Monday after next": a week after next Monday; "the Monday before last": a
            // week before last Monday.
            Pat::AfterNext,
            re(&format!(
                r"\b(?:the\s+)?(?P<wd>{WD})\s+(?P<rel>after\s+next|before\s+last)\b"
            )),
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
            re(&format!(r"\b{HOLIDAY}\b(?:\s*,?\s*(?P<y>\d{{4}})\b)?")),
        ),
        (
            // "the first Monday after Labor Day", "the Friday before Christmas", "the
            // second Tuesday after June 3": a weekday counted from a holiday or a day.
            Pat::WdFromDay,
            re(&format!(
                r"\b(?:the\s+)?(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+)?(?P<wd>{WD})\s+(?P<dir>after|following|before)\s+(?:{HOLIDAY}|(?P<mon>{MON})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?)\b(?:\s*,?\s*(?P<y>\d{{4}})\b)?"
            )),
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

pub(super) static AMOUNT_RE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?P<n>{NUM})(?P<h1>\s+and\s+a\s+half)?\s+(?P<unit>{UNIT})(?P<h2>\s+and\s+a\s+half)?"
    ))
});

pub(super) static GLUE_RE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:\s*,?\s*(?:at|around|about|for|by|from|-|–|just after|just before|after|before)?\s*)$")
});

pub(super) static BEFORE_GLUE_RE: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*(?:on|,)?\s*$"));

pub(super) static YEAR_AFTER_RE: LazyLock<Regex> = LazyLock::new(|| re(r"^\s+(\d{4})\b"));

/// A part of the day after a day: "yesterday evening", "Monday night", "June 9 morning",
/// "Tuesday at lunchtime".
pub(super) static PART_AFTER_RE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^,?\s+(?:(?:in\s+the|at)\s+)?(?P<part>morning|afternoon|evening|night|lunchtime|lunch\s+time)\b",
    )
});

/// A part of the day before a day: "on the morning of June 9", "the night of Tuesday", "at
/// lunchtime on Friday".
pub(super) static PART_BEFORE_RE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:(?:the\s+)?(?P<part>morning|afternoon|evening|night)\s+of|at\s+(?P<part2>lunchtime|lunch\s+time)\s+on|(?P<part3>lunchtime)\s+on)\s+$",
    )
});

/// Each rule's examples: sentences it reads and their values, anchored at Tuesday
/// 2013-02-12 04:30 UTC (`normalized`, one per expression, joined by " | "). The match is
/// exhaustive, so a new rule cannot land without examples; `every_rule_reads_its_examples`
/// checks each one is read by its rule and resolves as written.
#[cfg(test)]
pub(super) fn examples(pat: Pat) -> &'static [(&'static str, &'static str)] {
    match pat {
        Pat::Half => &[
            (
                "Revenue fell in the first half of 2020.",
                "2020-01-01/2020-07-01",
            ),
            (
                "The plant closes in the second half of next year.",
                "2014-07-01/2015-01-01",
            ),
        ],
        Pat::Decade => &[
            ("Crime fell through the 1990s.", "1990-01-01/2000-01-01"),
            (
                "The firm was founded in the early 2000s.",
                "2000-01-01/2004-01-01",
            ),
            ("The mine closed in the mid-1980s.", "1983-01-01/1987-01-01"),
        ],
        Pat::PeriodTwo => &[
            (
                "The hearing resumes the week after next.",
                "2013-02-25/2013-03-04",
            ),
            (
                "Prices peaked the month before last.",
                "2012-12-01/2013-01-01",
            ),
        ],
        Pat::Iso => &[
            ("The filing is dated 2002-10-09.", "2002-10-09"),
            ("The vote was held on Friday 2018-7-6.", "2018-07-06"),
        ],
        Pat::IsoMonth => &[("Sales for 2021-11 fell.", "2021-11-01/2021-12-01")],
        Pat::MonYy => &[
            ("Sales for Nov21 fell.", "2021-11-01/2021-12-01"),
            ("The hearing was on Wed, Feb13.", "2013-02-13"),
        ],
        Pat::NumMonth => &[("Sales for 2/2013 were flat.", "2013-02-01/2013-03-01")],
        Pat::WdCount => &[("The council met 2 Mondays ago.", "2013-02-04")],
        Pat::YearMonDay => &[("The ruling came on 2019/aug/01.", "2019-08-01")],
        Pat::DayMonYear => &[("The ship docked on 05-Nov-21.", "2021-11-05")],
        Pat::MonDayYearDash => &[("The deal closed Mar-05-2019.", "2019-03-05")],
        Pat::MonYearDay => &[("The invoice is dated September-2020-23.", "2020-09-23")],
        Pat::DayYearMon => &[("The invoice is dated 23-2020-September.", "2020-09-23")],
        Pat::MonDay => &[
            ("The talks began on June 9.", "2012-06-09"),
            ("Stores reopened on Monday, Feb 18.", "2013-02-18"),
        ],
        Pat::MonCommaOrd => &[("The vote is set for October, 1st.", "2012-10-01")],
        Pat::DayMon => &[
            ("The storm hit on 8 Aug.", "2012-08-08"),
            ("The trial opened on the 1st of March.", "2012-03-01"),
            ("He left on 14april 2015.", "2015-04-14"),
        ],
        Pat::OrdwMon => &[(
            "Parades were held on the fourth of July 1995.",
            "1995-07-04",
        )],
        Pat::MonOrdw => &[("The law took effect March first.", "2012-03-01")],
        Pat::WdTheDay => &[("The jury returned on Friday the 22nd.", "2013-02-22")],
        Pat::WdDay => &[("The market fell on Wed 13th.", "2013-02-13")],
        Pat::TheDay => &[("Rent is due on the 15th.", "2013-01-15")],
        Pat::MonthYear => &[("The mine closed in October 2014.", "2014-10-01/2014-11-01")],
        Pat::MonthBare => &[
            ("The launch slipped to next March.", "2013-03-01/2013-04-01"),
            ("The election was held in April.", "2012-04-01/2012-05-01"),
        ],
        Pat::RelDay => &[
            ("The minister resigned yesterday.", "2013-02-11"),
            ("Polls open tomorrow.", "2013-02-13"),
        ],
        Pat::WdMod => &[
            ("The verdict came last Tuesday.", "2013-02-05"),
            ("Talks resume next Tuesday.", "2013-02-19"),
            ("The senator spoke on Monday.", "2013-02-11"),
        ],
        Pat::WdNextWeek => &[
            ("The board meets Wednesday of next week.", "2013-02-20"),
            ("The shares fell on Friday of last week.", "2013-02-08"),
        ],
        Pat::Period => &[
            ("Exports rose last week.", "2013-02-04/2013-02-11"),
            ("The budget was cut last month.", "2013-01-01/2013-02-01"),
            ("Profits rose last year.", "2012-01-01/2013-01-01"),
        ],
        Pat::Ago => &[
            ("The quake struck three weeks ago.", "2013-01-22"),
            ("The company was founded two years ago.", "2011-02-12"),
        ],
        Pat::In => &[
            ("The results come out in 7 days.", "2013-02-19"),
            ("The strike will end in two weeks.", "2013-02-26"),
        ],
        Pat::FromBase => &[
            ("The deadline is 3 years from today.", "2016-02-12"),
            ("The tally closes two days from tomorrow.", "2013-02-15"),
        ],
        Pat::WdOffset => &[("The court sits Monday two weeks from now.", "2013-02-25")],
        Pat::AfterEvent => &[(
            "The ceasefire collapsed 3 days after the election on March 5.",
            "2013-03-08 | 2013-03-05",
        )],
        Pat::Quarter => &[
            ("Profit rose in Q2 2022.", "2022-04-01/2022-07-01"),
            (
                "Profit rose in the fourth quarter of 2023.",
                "2023-10-01/2024-01-01",
            ),
            ("Profit rises next quarter.", "2013-04-01/2013-07-01"),
        ],
        Pat::BareYear => &[
            ("The bridge opened in 2019.", "2019-01-01/2020-01-01"),
            ("The tunnel will be done by 2030.", "2030-01-01/2031-01-01"),
        ],
        Pat::Counted => &[
            (
                "Shares rose over the past 3 weeks.",
                "2013-01-22/2013-02-12",
            ),
            (
                "Rain is forecast for the next five days.",
                "2013-02-13/2013-02-18",
            ),
        ],
        Pat::Weekend => &[
            (
                "Crowds gathered this past weekend.",
                "2013-02-09/2013-02-11",
            ),
            ("The festival runs next weekend.", "2013-02-23/2013-02-25"),
            (
                "The shop reopens the weekend after next.",
                "2013-03-02/2013-03-04",
            ),
        ],
        Pat::MonthPart => &[
            ("Work began in early April.", "2012-04-01/2012-04-11"),
            ("Sales fell in mid-2021.", "2021-05-01/2021-09-01"),
            (
                "The law passes by the end of next month.",
                "2013-03-21/2013-04-01",
            ),
        ],
        Pat::WdFromDay => &[
            (
                "The parade was held the first Monday after Labor Day.",
                "2012-09-10",
            ),
            (
                "Shops close the Friday before Christmas 2014.",
                "2014-12-19",
            ),
        ],
        Pat::Holiday => &[
            ("The shops closed on Christmas Eve 2019.", "2019-12-24"),
            ("The parade was held on New Year's Day.", "2013-01-01"),
            ("Sales surged on Black Friday.", "2012-11-23"),
        ],
        Pat::Numeric => &[
            ("The contract was signed on 10/31/1974.", "1974-10-31"),
            ("The contract was signed on 11/05/2021.", "2021-11-05"),
        ],
        Pat::NumericShort => &[("The hearing was held on 2/15.", "2012-02-15")],
        Pat::Hence => &[
            ("The ship sails two weeks hence.", "2013-02-26"),
            ("The vote comes a fortnight from now.", "2013-02-26"),
        ],
        Pat::Within => &[(
            "The firm must reply within 10 days.",
            "2013-02-13/2013-02-23",
        )],
        Pat::NthWeekday => &[
            (
                "The vote is on the second Tuesday of next month.",
                "2013-03-12",
            ),
            (
                "The caucus met on the third Monday in January.",
                "2013-01-21",
            ),
            (
                "Clocks change on the last Sunday of March 2014.",
                "2014-03-30",
            ),
        ],
        Pat::DayOfRelMonth => &[("The bill was paid on the 15th of last month.", "2013-01-15")],
        Pat::Season => &[
            (
                "The drought began in the summer of 2019.",
                "2019-06-21/2019-09-23",
            ),
            ("The dam fills this winter.", "2012-12-21/2013-03-20"),
        ],
        Pat::Century => &[(
            "Sea levels rose through the 20th century.",
            "1900-01-01/2000-01-01",
        )],
        Pat::CountedLong => &[
            (
                "Prices doubled over the past decade.",
                "2003-02-12/2013-02-12",
            ),
            (
                "The port will grow in the next century.",
                "2013-02-13/2113-02-13",
            ),
        ],
        Pat::OfPeriod => &[
            ("Fees rise on the first day of next month.", "2013-03-01"),
            (
                "The audit covers the first week of October 2014.",
                "2014-09-29/2014-10-06",
            ),
            (
                "The lease ends on the last day of October 2015.",
                "2015-10-31",
            ),
        ],
        Pat::WeekOf => &[(
            "The trial was moved to the week of March 4.",
            "2013-03-04/2013-03-11",
        )],
        Pat::AfterNext => &[
            ("The vote is Friday after next.", "2013-02-22"),
            ("The vote was held the Monday before last.", "2013-02-04"),
        ],
        Pat::YearRange => &[(
            "The mill ran at a loss between 2019 and 2021.",
            "2019-01-01/2022-01-01",
        )],
        Pat::MonthRange => &[(
            "The exhibit runs from March to May.",
            "2012-03-01/2012-06-01",
        )],
        Pat::ClockOffset => &[
            ("The launch is in 2 hours.", "2013-02-12T06:30:00"),
            ("The bridge reopened two hours ago.", "2013-02-12T02:30:00"),
        ],
    }
}

/// Turns one pattern match into an expression.
pub(super) fn expr_of(pat: Pat, c: &Captures) -> Option<Expr> {
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
        Pat::MonYy if c.name("wd").is_some() && c.name("apos").is_none() => Expr::Date {
            y: None,
            m: mon()?,
            d: num("y")?,
            wd: weekday_of(c.name("wd")?.as_str()),
            next: false,
        },
        Pat::MonYy if c.name("y")?.as_str().len() < 2 => return None,
        Pat::MonthYear | Pat::MonYy => Expr::Month {
            y: year_of(c),
            m: mon()?,
        },
        Pat::NumMonth => Expr::Month {
            y: Some(year_of(c)?),
            m: num("m")?,
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
            // "last quarter" with no year is the one before this one; "the last quarter of
            // 2023" is the fourth.
            let last = c
                .name("qw")
                .is_some_and(|w| w.as_str().eq_ignore_ascii_case("last"))
                && y.is_none()
                && c.name("qrel").is_none();
            if let Some(m) = c
                .name("qmod")
                .filter(|_| !last)
                .or(c.name("qw").filter(|_| last))
            {
                let shift = match m.as_str().to_ascii_lowercase().as_str() {
                    "next" | "coming" => 1,
                    "last" | "previous" | "past" => -1,
                    _ => 0,
                };
                Expr::Span(Span::Quarter {
                    y: None,
                    q: 0,
                    shift: Some(shift),
                    year_shift: None,
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
                let year_shift = c.name("qrel").map(|r| {
                    let r = r.as_str().to_ascii_lowercase();
                    match r.split_whitespace().last() {
                        Some("last" | "previous" | "past") => -1,
                        Some("next" | "coming") => 1,
                        _ => 0,
                    }
                });
                Expr::Span(Span::Quarter {
                    y,
                    q,
                    shift: None,
                    year_shift,
                })
            }
        }
        Pat::NthWeekday | Pat::DayOfRelMonth => {
            let month = match c.name("mmod") {
                Some(m) => {
                    let m = m.as_str().to_ascii_lowercase();
                    let shift =
                        if m.contains("next") || m.contains("coming") || m.contains("following") {
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
            match c.name("dpart").map(|p| p.as_str().to_ascii_lowercase()) {
                None => Expr::Span(Span::Decade(dec)),
                Some(p) if p == "early" => Expr::Span(Span::Years(dec, dec + 4)),
                Some(p) if p == "mid" => Expr::Span(Span::Years(dec + 3, dec + 7)),
                Some(_) => Expr::Span(Span::Years(dec + 6, dec + 10)),
            }
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
        Pat::AfterNext => {
            if c.name("rel")?
                .as_str()
                .to_ascii_lowercase()
                .starts_with("after")
            {
                Expr::AfterNext(wd()?)
            } else {
                Expr::BeforeLast(wd()?)
            }
        }
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
            shift: two_away(c)?,
        },
        Pat::Weekend if c.name("rel").is_some() => Expr::Span(Span::Weekend {
            shift: two_away(c)?,
        }),
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
        Pat::Holiday => holiday(c)?,
        Pat::WdFromDay => {
            let base = if c.name("hol").is_some() {
                holiday(c)?
            } else {
                Expr::Date {
                    y: year_of(c),
                    m: mon()?,
                    d: num("d")?,
                    wd: None,
                    next: false,
                }
            };
            let n = match c.name("ord").map(|o| o.as_str().to_ascii_lowercase()) {
                None => 1,
                Some(o) => match o.trim_end_matches(char::is_alphabetic).parse::<i64>() {
                    Ok(n) => n,
                    Err(_) => i64::from(ordinal_word(&o)?),
                },
            };
            let before = c.name("dir")?.as_str().eq_ignore_ascii_case("before");
            Expr::WeekdayFrom {
                wd: wd()?,
                n: if before { -n } else { n },
                base: Box::new(base),
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
            let word = c.get(0)?.as_str().to_ascii_lowercase();
            // "may" is too often the verb: the month is "in may", or a capitalised "May"
            // (`phantom` then drops "this May be", "by May's", a verb after it).
            if m.as_str().eq_ignore_ascii_case("may")
                && !word.starts_with("in ")
                && !m.as_str().starts_with('M')
            {
                return None;
            }
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
                "next" | "coming" | "upcoming" => 1,
                _ => 0,
            };
            Expr::Period {
                unit: unit_of(c.name("unit")?.as_str()),
                shift,
            }
        }
        Pat::Ago => {
            // "two and a half years ago", "a year and a half ago": half a year is six
            // months; half of a shorter unit is no whole day, so it is not resolved.
            let amount: Option<Vec<(i64, Unit)>> = AMOUNT_RE
                .captures_iter(c.name("amount")?.as_str())
                .map(|a| {
                    let (n, unit) = count_of(a.name("n")?.as_str(), a.name("unit")?.as_str())?;
                    match (a.name("h1").or(a.name("h2")), unit) {
                        (None, _) => Some((n, unit)),
                        (Some(_), Unit::Year) => {
                            Some((n.checked_mul(12)?.checked_add(6)?, Unit::Month))
                        }
                        (Some(_), _) => None,
                    }
                })
                .collect();
            let amount = amount?;
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

/// A holiday named by the `hol` capture (`float` when its day moves): its day.
fn holiday(c: &Captures) -> Option<Expr> {
    let h = c.name("hol")?.as_str().to_ascii_lowercase();
    if c.name("float").is_some() {
        return Some(Expr::Floating {
            day: floating_day(&h)?,
            y: year_of(c),
        });
    }
    let (m, d) = fixed_holiday(&h)?;
    Some(Expr::Date {
        y: year_of(c),
        m,
        d,
        wd: None,
        next: false,
    })
}

/// "after next" (two ahead) or "before last" (two back), from the `rel` capture.
fn two_away(c: &Captures) -> Option<i32> {
    let rel = c.name("rel")?.as_str().to_ascii_lowercase();
    Some(if rel.starts_with("after") { 2 } else { -2 })
}
