//! Scanning a sentence: where the rules match, ranges joined, and matches that are not dates
//! (phantoms) dropped.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::text::{window_end, window_start, Slice};

use super::events::CLAUSE_WINDOW;
use super::pieces::{
    count_of, is_day_expr, ordinal_word, re, unit_of, Expr, Unit, WdMod, MON, NUM, WD,
};
use super::rules::{expr_of, Pat, PATTERNS};
use super::tense::is_future;

/// A found expression in a sentence (byte range in the sentence).
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) expr: Expr,
    pub(super) pat: Pat,
    /// For a range: what to read instead when it does not resolve (its dates one by one).
    pub(super) parts: Vec<Found>,
}

/// Cheap test for anything a date pattern could match: most sentences have none.
pub(super) static MAYBE_DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\d|\b(?:{MON}|{WD}|yesterday|today|tonight|tomorrow|this\s+(?:morning|afternoon|evening)|ago|week|month|year|first|second|third|fourth|fifth|tenth|twentieth|thirtieth|days?|fortnight|yrs?|wks?|quarter|weekend|week-end|christmas|x-?mas|halloween|valentine|boxing|new year|thanksgiving|easter|labor|memorial|luther|mlk|president|father|juneteenth|veteran|armistice|remembrance|bastille|patrick|fools|shrove|maundy|half|decade|century|centuries|last night|spring|summer|autumn|fall|winter|h[12]|hours?|minutes?)"
    ))
});

/// Is a weekday written short and alone ("Wed", "thu") a weekday here? Abbreviations alone
/// are too often other words ("sat", "sun", "wed", "Mon" for Monmouth): lower-case ones, and
/// "Sat", "Sun", "Wed", "Mon", only right after "on" and before a stop or a comma ("the
/// meeting is on wed.", "shipped on Sat, …"), or before a clock time ("we meet wed at
/// 3pm"). Whole names and modified ones always stand.
pub(super) fn weekday_abbreviation_stands(text: &str, c: &Captures) -> bool {
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
    // "we meet wed at 3pm", "sat 10:30am": a clock time after it makes it the day, unless
    // a verb's helper before it makes it the verb ("will wed at 3 p.m.").
    let helper = before
        .rsplit(|ch: char| !ch.is_alphanumeric())
        .next()
        .is_some_and(|p| {
            [
                "will", "to", "would", "shall", "can", "could", "may", "might", "did", "not",
                "and", "they", "we", "he", "she", "i", "who", "couple",
            ]
            .iter()
            .any(|h| p.eq_ignore_ascii_case(h))
        });
    // "sat", "sun" and "mon" are words far more often than days, even before a time.
    let rarely_a_word = !["sat", "sun", "mon"]
        .iter()
        .any(|x| word.eq_ignore_ascii_case(x));
    (after_on && stops) || (rarely_a_word && !helper && CLOCK_AFTER_RE.is_match(rest))
}

/// A clock time right after a word: " at 3pm", " 10:30", ", 9 a.m.".
static CLOCK_AFTER_RE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^,?\s+(?:at\s+)?\d{1,2}(?::[0-5]\d\s*|\s*)(?:a\.?m\.?|p\.?m\.?)|^,?\s+(?:at\s+)?\d{1,2}:[0-5]\d\b",
    )
});

/// Can pattern `pat` match a text (lower-cased)? A cheap test on words the pattern needs,
/// so that rare forms do not cost a regex pass over every sentence.
pub(super) fn may_match(pat: Pat, lower: &str) -> bool {
    let any = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    match pat {
        Pat::Half => any(&["half", "h1", "h2"]),
        Pat::Decade => any(&["0s", "0's", "0\u{2019}s"]),
        Pat::Season => any(&["spring", "summer", "autumn", "fall", "winter"]),
        Pat::Century => lower.contains("century"),
        Pat::CountedLong => any(&["decade", "centur"]),
        Pat::OfPeriod => any(&["day of", "week of"]),
        Pat::WeekOf => lower.contains("week of"),
        Pat::YearRange | Pat::MonthRange => any(&["between", "from"]),
        Pat::PeriodTwo | Pat::AfterNext => any(&[" after next", " before last"]),
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
pub(super) fn find(text: &str) -> Vec<Found> {
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
    ago_on_day(
        text,
        of_relative_year(text, shift_from_days(text, join_ranges(text, out))),
    )
}

/// A count back followed by the day it counts from is one day: "a week ago Monday" is the
/// Monday a week before last Monday, "two weeks ago today" the day fourteen days back.
fn ago_on_day(text: &str, found: Vec<Found>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        let day = matches!(
            f.expr,
            Expr::RelDay(_)
                | Expr::Weekday {
                    modifier: WdMod::Bare,
                    ..
                }
        );
        if let Some(prev) = out.last_mut().filter(|p| {
            day && matches!(
                p.expr,
                Expr::Offset {
                    sign: -1,
                    base: None,
                    ..
                }
            ) && text.slice(p.end..f.start).trim().is_empty()
                && text
                    .slice(p.start..p.end)
                    .to_ascii_lowercase()
                    .ends_with("ago")
        }) {
            if let Expr::Offset { base, .. } = &mut prev.expr {
                *base = Some(Box::new(f.expr.clone()));
            }
            prev.end = f.end;
            continue;
        }
        out.push(f);
    }
    out
}

/// What joins a month or a day to the year after it: "June of last year", "3 June last year".
static OF_YEAR_JOIN_RE: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*(?:of\s+)?$"));

/// A month or a day without its year followed by "last year", "next year" or "this year"
/// is one expression: that month or day of that year.
fn of_relative_year(text: &str, found: Vec<Found>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        if let (
            Expr::Period {
                unit: Unit::Year,
                shift,
            },
            Some(prev),
        ) = (&f.expr, out.last_mut())
        {
            let yearless = matches!(
                prev.expr,
                Expr::Month { y: None, .. } | Expr::Date { y: None, .. }
            );
            // Not "in June last year's champion won": a possessive year is another thing's.
            let possessive = text.slice(f.end..).starts_with(['\'', '’']);
            if yearless && !possessive && OF_YEAR_JOIN_RE.is_match(text.slice(prev.end..f.start)) {
                prev.expr = Expr::OfYear(Box::new(prev.expr.clone()), *shift);
                prev.end = f.end;
                continue;
            }
        }
        out.push(f);
    }
    out
}

/// A count of days, weeks, months or years before a day: "the day after Christmas", "three
/// days before Thanksgiving", "a week after Easter Sunday", "a year from Christmas".
pub(super) static SHIFT_BEFORE_RE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:(?P<the>the)|(?P<n>{NUM}))\s+(?P<unit>days?|weeks?|months?|years?)\s+(?P<dir>after|before|from)\s+(?:the\s+)?$"
    ))
});

/// Composes a day with the count of days or weeks written before it into one day ("the day
/// after Christmas" is December 26), replacing the count read alone.
pub(super) fn shift_from_days(text: &str, found: Vec<Found>) -> Vec<Found> {
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
        if unit != Unit::Day && text.slice(start..).to_ascii_lowercase().starts_with("the") {
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
pub(super) static RANGE_JOIN_RE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*(?:-|–|—|to|through|thru|until|till|and)\s*$"));

/// The end day after a month and day: "June 3-5", "June 3 to 5, 2025".
pub(super) static DAY_TAIL_RE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*(?:-|–|—|to|through|thru|until|till)\s*(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{4})\b)?",
    )
});

/// The start day before a day and month: "3-5 June", "between 3 and 5 June".
pub(super) static DAY_HEAD_RE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[^\d.,$£€¥])(?P<d>\b\d{1,2})(?:st|nd|rd|th)?\s*(?P<j>-|–|—|to|through|thru|until|till|and)\s*$",
    )
});

/// What may not follow a number for it to be a day: a time, a percentage, a decimal.
pub(super) static NOT_A_DAY_RE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:\s*(?:a\.?m\b|p\.?m\b|%|percent|per cent|hours?\b|minutes?\b)|[:.,]\d)")
});

/// Words that make "from June 3 to June 5" a change of date, not a span of days, and "rose
/// 3 to 5 June" a change of a number.
pub(super) static TRANSITION_RE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:postpon\w*|delay\w*|mov(?:e|ed|es|ing)|push\w*|reschedul\w*|shift\w*|chang\w*|brought|bring\w*|advanc\w*|extend\w*|bump\w*|put off|instead|ros(?:e|en)|rises?|rising|f[ae]ll(?:en|s)?|falling|climb\w*|increas\w*|decreas\w*|jump\w*|drop\w*|grew|grow\w*|rais\w*|cut)\b",
    )
});

/// Joins the two ends of simple day ranges into one expression: two dates joined by "to",
/// "-", "through" or "between … and", and a month with two days ("June 3-5", "3 to 5 June").
/// A change of date ("postponed from June 3 to June 5") is two dates, not a range.
pub(super) fn join_ranges(text: &str, found: Vec<Found>) -> Vec<Found> {
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
pub(super) const NAMED_DAY_WORDS: &[&str] = &[
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
pub(super) fn last_word(text: &str) -> &str {
    text.rsplit(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty())
        .unwrap_or("")
}

/// Words that follow the verb "may" and never the month: "this May be", "by May have".
const MODAL_COMPLEMENTS: &[&str] = &[
    "be",
    "have",
    "not",
    "also",
    "well",
    "soon",
    "never",
    "still",
    "only",
    "even",
    "need",
    "want",
    "take",
    "make",
    "help",
    "seem",
    "prove",
    "become",
    "became",
    "lead",
    "face",
    "see",
    "get",
    "go",
    "come",
    "find",
    "look",
    "include",
    "affect",
    "cause",
    "result",
    "happen",
    "change",
    "offer",
    "allow",
    "require",
    "feel",
    "know",
    "say",
    "said",
    "decide",
    "choose",
    "win",
    "lose",
    "use",
    "give",
    "keep",
    "hold",
    "mean",
    "continue",
    "remain",
    "return",
    "step",
    "resign",
    "resigned",
    "run",
    "stand",
    "try",
    "tried",
    "call",
    "ask",
    "agree",
    "announce",
    "announced",
    "took",
    "told",
    "was",
    "had",
    "has",
    "is",
    "will",
    "would",
    "could",
    "should",
    "can",
    "did",
    "does",
    "do",
    "already",
    "just",
    "yet",
    "indeed",
    "simply",
    "eventually",
    "ultimately",
    "possibly",
    "perhaps",
];

/// A fiscal year's words just before a date expression: "fiscal", "fiscal 2024", "FY24".
static FISCAL_BEFORE_RE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:fiscal(?:\s+year)?(?:\s+'?\d{2,4})?|fy\s*'?\d{2,4}|fy)\s*$"));

/// A fiscal year's words just after one: "of fiscal 2024", "FY24", "of the fiscal year".
static FISCAL_AFTER_RE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:of\s+)?(?:the\s+|its\s+|their\s+|the\s+company's\s+)?(?:fiscal\b|fy\s*'?\d{2,4}\b)")
});

pub(super) fn phantom(text: &str, start: usize, end: usize, expr: &Expr) -> bool {
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
    // "USA TODAY", "CBS THIS MORNING": a word in capitals before a relative day in
    // capitals is a masthead or a programme.
    let written = text.slice(start..end);
    if ["TODAY", "TONIGHT", "THIS "]
        .iter()
        .any(|w| written.starts_with(w))
        && text
            .slice(window_start(text, start, 40)..start)
            .split_whitespace()
            .next_back()
            .is_some_and(|w| {
                w.len() >= 2 && w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
            })
    {
        return true;
    }
    // "the first quarter of fiscal 2024", "Q3 FY24", "fiscal 2024 first half": a period of a
    // fiscal year, whose calendar the text does not give, is no calendar period.
    if FISCAL_BEFORE_RE.is_match(&before) || FISCAL_AFTER_RE.is_match(&after) {
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
        // "this May be", "since May became prime minister", "by May's": the verb or the
        // name, not the month.
        Expr::Month { y: None, m: 5 } => {
            text.slice(start..end).ends_with("May") && {
                let next: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
                after.starts_with(['\'', '’']) || MODAL_COMPLEMENTS.contains(&next.as_str())
            }
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
pub(super) fn took_time(text: &str, start: usize, end: usize, before: &str) -> bool {
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
pub(super) fn is_past_verb(w: &str) -> bool {
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
pub(super) fn is_superlative(w: &str) -> bool {
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
