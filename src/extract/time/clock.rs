//! Times of day: clock times, parts of the day, spans of time, and times standing alone.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use chrono::NaiveTime;
use chrono_tz::Tz;
use regex::{Captures, Regex};

use crate::text::{window_end, window_start, Slice};

use super::pieces::re;
use super::resolution::Anchor;
use super::rules::{BEFORE_GLUE_RE, GLUE_RE, PART_AFTER_RE, PART_BEFORE_RE};
use super::scan::Found;
use super::value::{normalize, DateValue, Resolved};
use super::zones::{zone_after, Lexicon};

pub(super) static ALT_TIME_RE: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*\((?P<t>[^)]{1,20})\)"));

pub(super) static TIME_RE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:(?P<rel>(?:a\s+)?quarter|half|\d{1,2}\s+minutes|1[3-9]|[2-5]\d|five|ten|twenty|twenty-five)\s+(?P<rdir>past|after|to|before|till)|(?P<reln>\d{1,2})\s+(?P<rdirn>past|after))\s+(?:(?P<rh>\d{1,2})\s*(?P<rap>a\.m\.|p\.m\.|am\b|pm\b)|(?P<rnoon>noon|midnight)\b)|\b(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?(?::(?P<s>\d{2}))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b|a\b|p\b)|\b(?P<hp>\d{1,2})(?:[:.](?P<mip>[0-5]\d))?\s*(?:o['’]clock\s*)?(?:in\s+the\s+)?(?P<part>morning|afternoon|evening|tonight)\b|\b(?P<hoc>\d{1,2})\s*o['’]?\s?clock\b|\b(?P<hw>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?P<apw>a\.m\.|p\.m\.|am\b|pm\b)|\b(?P<h24>[01]?\d|2[0-3])(?::|h)(?P<mi24>[0-5]\d)(?::(?P<s24>[0-5]\d))?\b|\b(?P<noon>noon|midday|midnight)\b",
    )
});

pub(super) static HOUR_BEFORE_TONIGHT_RE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?P<h>\d{1,2}|five|six|seven|eight|nine|ten|eleven)(?:[:.](?P<mi>[0-5]\d))?\s+$")
});

/// Attaches a time of day next to a date expression: returns (time, zone, new start, new end).
/// The hours a part of the day covers, as news and time taggers read them: morning 4–12,
/// afternoon 12–19, evening and night 18–24, lunchtime 11–14.
pub(super) fn part_window(part: &str) -> Option<(NaiveTime, NaiveTime)> {
    let (from, to) = match part {
        "morning" => (4, 12),
        "afternoon" => (12, 19),
        "lunchtime" | "lunch time" => (11, 14),
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
pub(super) fn part_of_day(text: &str, f: &Found) -> Option<((NaiveTime, NaiveTime), usize, usize)> {
    let own = text.slice(f.start..f.end).to_ascii_lowercase();
    let own_part = ["morning", "afternoon", "evening", "tonight", "night"]
        .into_iter()
        .find(|p| own.ends_with(p));
    if let Some(p) = own_part {
        return Some((part_window(p)?, f.start, f.end));
    }
    if let Some(c) = PART_AFTER_RE.captures(text.slice(f.end..)) {
        let part = c.name("part")?.as_str().to_ascii_lowercase();
        let part = part.split_whitespace().collect::<Vec<_>>().join(" ");
        return Some((part_window(&part)?, f.start, f.end + c.get(0)?.end()));
    }
    let head = window_start(text, f.start, 40);
    if let Some(c) = PART_BEFORE_RE.captures(text.slice(head..f.start)) {
        let part = c
            .name("part")
            .or_else(|| c.name("part2"))
            .or_else(|| c.name("part3"))?
            .as_str()
            .to_ascii_lowercase();
        let part = part.split_whitespace().collect::<Vec<_>>().join(" ");
        return Some((part_window(&part)?, head + c.get(0)?.start(), f.end));
    }
    None
}

pub(super) fn attach_time(
    text: &str,
    f: &Found,
) -> Option<(NaiveTime, Option<String>, usize, usize)> {
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
pub(super) static TIME_JOIN_RE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*(?:-|–|to|until|till|through|and)\s*$"));

/// A bare hour that starts a span ending in a marked time: "3-4pm", "between 3 and 5 p.m.".
pub(super) static BARE_HOUR_BEFORE_RE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:(?P<between>\bbetween)\s+|\bfrom\s+|[^\d:.,$£€]\s*|^)(?P<h>\b(?:1[0-2]|0?[1-9]))(?::(?P<mi>[0-5]\d))?\s*(?P<j>-|–|to|until|till|and)\s*$",
    )
});

/// A clock time told by its preposition ("at 15:15", "by noon", "until 9:30"): the hour
/// of a day, not a game clock ("at the 1:53 mark", "1:53 remaining") or a race time.
pub(super) fn clock_preposition(text: &str, start: usize, end: usize) -> bool {
    pub(super) static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"\b(?:at|by|until|till|from|since|before|after|between)\s+(?:(?:about|around|roughly|approximately|precisely|exactly)\s+)?$",
        )
    });
    pub(super) static AFTER: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^\s*(?:remaining|left|to\s+go|to\s+play|mark|into|in\s+the\s+(?:first|second|third|fourth|final)|of\s+the\b)",
        )
    });
    BEFORE.is_match(text.slice(window_start(text, start, 24)..start))
        && !AFTER.is_match(text.slice(end..window_end(text, end, 32)))
}

pub(super) fn time_of(c: &Captures) -> Option<NaiveTime> {
    // A bare number that could be an hour counts minutes only past it: "7 to 8 p.m." is a
    // span of hours, "20 to 8 p.m." is 7:40 p.m.
    if let Some(rel) = c.name("rel").or_else(|| c.name("reln")) {
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
        let sign = match c
            .name("rdir")
            .or_else(|| c.name("rdirn"))?
            .as_str()
            .to_ascii_lowercase()
            .as_str()
        {
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
    if let (Some(h), Some(ap)) = (c.name("hw"), c.name("apw")) {
        // "three p.m.": an hour in words.
        const HOURS: [&str; 12] = [
            "twelve", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven",
        ];
        let h = HOURS
            .iter()
            .position(|w| h.as_str().eq_ignore_ascii_case(w))
            .and_then(|k| u32::try_from(k).ok())?;
        let pm = ap.as_str().to_ascii_lowercase().starts_with('p');
        return NaiveTime::from_hms_opt(if pm { h + 12 } else { h }, 0, 0);
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

/// Times of day standing alone in a sentence that names one day ("The ship crashed early
/// Tuesday … around 1:30 a.m."): the time of that day. In a sentence that names no date at
/// all ("The blast came at 3:15 p.m. EST"), the time of the publication day, marked
/// [`DateValue::day_assumed`]: shown, never compared as a day. Only times that say they are
/// clock times (a.m./p.m., or a zone), never a game clock ("1:53 remaining") or a duration.
pub(super) fn standalone_times(
    text: &str,
    out: &mut Vec<Resolved>,
    anchor: Option<&Anchor>,
    tz: Option<Tz>,
    lex: &Lexicon,
) {
    let days: Vec<usize> = (0..out.len())
        .filter(|&k| out[k].value.date.is_some() && out[k].value.end.is_none())
        .collect();
    // A sentence of a source with no date of its own: its times are read only when they
    // carry a second time in another zone, for the conversion check of `internal-date`.
    let undated = days.is_empty() && out.is_empty() && anchor.is_none_or(|a| a.year_only);
    let assumed = match (days.as_slice(), anchor) {
        ([day], _) if out[*day].value.time.is_some() => return,
        ([_], _) => None,
        ([], Some(a)) if out.is_empty() && !a.year_only => Some(a),
        _ if undated => None,
        _ => return,
    };
    let base = |out: &[Resolved]| {
        if undated {
            return DateValue {
                day_assumed: true,
                reasoning: "a time of day in a source that gives no day".into(),
                ..DateValue::default()
            };
        }
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
    // A second time of one moment in another zone, by the first's start: "3 p.m. ET (21:00
    // CET)".
    let mut alts: BTreeMap<usize, (NaiveTime, String)> = BTreeMap::new();
    for c in TIME_RE.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        if out.iter().any(|r| r.start < m.end() && m.start() < r.end)
            || times.last().is_some_and(|l| m.start() < l.1)
        {
            continue;
        }
        let mut end = m.end();
        let zone = zone_after(text, &mut end);
        if zone.is_some() {
            if let Some((alt, alt_end)) = alt_time_after(text, end) {
                alts.insert(m.start(), alt);
                end = alt_end;
            }
        }
        let meridiem = c.name("ap").is_some_and(|ap| ap.as_str().len() > 1)
            || c.name("apw").is_some()
            || c.name("rel").is_some()
            || c.name("reln").is_some()
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
        if marked && (!undated || alts.contains_key(&start)) {
            let mut value = base(out);
            value.time = Some(t);
            value.zone = zone;
            value.alt_time = alts.get(&start).cloned();
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

/// What ends a time that starts a span: "from 9 a.m. to", "between 7 a.m. and".
static SPAN_JOIN_AFTER_RE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*(?P<j>-|–|to|until|till|through|and)\s*"));

/// What opens a span of times, before its first time: "from", "between".
static SPAN_OPEN_RE: LazyLock<Regex> = LazyLock::new(|| re(r"\b(?P<open>from|between)\s*$"));

/// The same inside a day's own words: "Saturday from 9 a.m.".
static SPAN_OPEN_IN_RE: LazyLock<Regex> = LazyLock::new(|| re(r"\b(?P<open>from|between)\s+"));

/// A day whose attached time is one end of a span of times becomes that span of the day:
/// "from 9 a.m. to 5 p.m. on Saturday", "Saturday from 9 a.m. to 5 p.m.", "between 7 a.m.
/// and 8 p.m. Tuesday". Without this, the day would carry only the end it touches.
pub(super) fn join_day_time_spans(text: &str, out: &mut [Resolved], tz: Option<Tz>, lex: &Lexicon) {
    let hour = chrono::Timelike::hour;
    for r in out.iter_mut() {
        let Some(t) = r.value.time else { continue };
        if r.value.part.is_some() || r.value.day_assumed || r.value.date.is_none() {
            continue;
        }
        // The time before the day ends the span: "from 9 a.m. to [5 p.m. on Saturday]".
        let from = window_start(text, r.start, 40);
        let head = text.slice(from..r.start);
        let before = TIME_RE
            .captures_iter(head)
            .last()
            .and_then(|c| {
                let m = c.get(0)?;
                let join = SPAN_JOIN_AFTER_RE.captures(head.slice(m.end()..))?;
                if m.end() + join.get(0)?.end() != head.len() {
                    return None;
                }
                let and = join["j"].eq_ignore_ascii_case("and");
                let dash = matches!(&join["j"], "-" | "–");
                // "9:30 - 11:00 on Thursday": a dash joins two times without an opener.
                let start = match SPAN_OPEN_RE.captures(head.slice(..m.start())) {
                    Some(open) if and == open["open"].eq_ignore_ascii_case("between") => {
                        open.get(0)?.start()
                    }
                    None if dash => m.start(),
                    _ => return None,
                };
                let meridiem =
                    c.name("ap").is_some() || c.name("apw").is_some() || c.name("part").is_some();
                Some((from + start, time_of(&c)?, meridiem))
            })
            .or_else(|| {
                // A bare hour: "from 7 to [8 p.m. on Tuesday]", "between 3 and [5 p.m. Friday]".
                let b = BARE_HOUR_BEFORE_RE.captures(head)?;
                let h = b.name("h")?;
                let open = SPAN_OPEN_RE.captures(head.slice(..h.start()))?;
                let and = b["j"].eq_ignore_ascii_case("and");
                if and != open["open"].eq_ignore_ascii_case("between") {
                    return None;
                }
                let mi = b.name("mi").map_or(Some(0), |m| m.as_str().parse().ok())?;
                let first = NaiveTime::from_hms_opt(h.as_str().parse().ok()?, mi, 0)?;
                Some((from + open.get(0)?.start(), first, false))
            });
        let (start, end, first, last, first_meridiem) = if let Some((s, first, m)) = before {
            (s, r.end, first, t, m)
        } else {
            // The time after the day starts it: "[Saturday from 9 a.m.] to 5 p.m.".
            let own = text.slice(r.start..r.end);
            let Some(open) = SPAN_OPEN_IN_RE.captures_iter(own).last() else {
                continue;
            };
            let Some(first) = open
                .get(0)
                .and_then(|o| TIME_RE.captures(own.slice(o.end()..)))
                .filter(|c| c.get(0).is_some_and(|m| m.start() == 0))
            else {
                continue;
            };
            let meridiem = first.name("ap").is_some() || first.name("part").is_some();
            let between = open["open"].eq_ignore_ascii_case("between");
            let tail = text.slice(r.end..window_end(text, r.end, 40));
            let Some(join) = SPAN_JOIN_AFTER_RE.captures(tail) else {
                continue;
            };
            if join["j"].eq_ignore_ascii_case("and") != between {
                continue;
            }
            let rest = join.get(0).map_or(0, |j| j.end());
            let Some(c) = TIME_RE.captures(tail.slice(rest..)) else {
                continue;
            };
            let Some(m) = c.get(0).filter(|m| m.start() == 0) else {
                continue;
            };
            let Some(second) = time_of(&c) else { continue };
            (r.start, r.end + rest + m.end(), t, second, meridiem)
        };
        let mut first = first;
        // "from 9 to 5 p.m." stays morning; "from 3 to 6 p.m." is afternoon.
        if !first_meridiem && hour(&last) >= 12 && hour(&first) + 12 <= hour(&last) {
            first = first.overflowing_add_signed(chrono::Duration::hours(12)).0;
        }
        if first >= last {
            continue;
        }
        r.value.time = None;
        r.value.part = Some((first, last));
        r.start = start;
        r.end = end;
        r.normalized = normalize(&r.value, tz, lex, text.slice(start..end));
    }
}

/// A bare hour after a part of the day: "tomorrow morning at 9", "Tuesday evening at 7".
static HOUR_AFTER_PART_RE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^,?\s+at\s+(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?(?P<rest>\s*(?:[ap]\.?m\b|[ap]\.m\.|o['’]?clock|[:.]\d|[\d%$-]))?",
    )
});

/// A bare hour before one: "at 3 on Sunday morning", "at 5 tomorrow afternoon".
static HOUR_BEFORE_PART_RE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\bat\s+(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s+(?:on\s+)?$"));

/// A part of the day with a bare hour beside it is that hour of that part: "tomorrow
/// morning at 9" is 9 a.m., "Tuesday evening at 7" is 7 p.m., "at 3 on Sunday morning" is
/// 3 a.m. The hour is read in the part's window, or not at all.
pub(super) fn hour_in_part(text: &str, out: &mut [Resolved], tz: Option<Tz>, lex: &Lexicon) {
    for r in out.iter_mut() {
        let own = text.slice(r.start..r.end).to_ascii_lowercase();
        let Some((from, to)) = ["morning", "afternoon", "evening", "night", "tonight"]
            .iter()
            .find(|p| own.contains(*p))
            .and_then(|p| part_window(p))
        else {
            continue;
        };
        // An hour of the morning may be before dawn ("at 3 on Sunday morning").
        let from = if own.contains("morning") {
            NaiveTime::MIN
        } else {
            from
        };
        let inside = |t: NaiveTime| t >= from && (to <= from || t < to);
        // A time already read without its meridiem: "Tuesday evening at 10:30" is 10:30 p.m.
        if let Some(t) = r.value.time {
            let marked = ["am", "pm", "a.m", "p.m"].iter().any(|m| own.contains(m));
            let later = t.overflowing_add_signed(chrono::Duration::hours(12)).0;
            if !marked && !inside(t) && inside(later) && chrono::Timelike::hour(&t) < 12 {
                r.value.time = Some(later);
                r.normalized = normalize(&r.value, tz, lex, &own);
            }
            continue;
        }
        if r.value.part.is_none() || own.contains(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let after = text.slice(r.end..window_end(text, r.end, 24));
        let before_from = window_start(text, r.start, 24);
        let before = text.slice(before_from..r.start);
        let (c, start, end) = if let Some(c) = HOUR_AFTER_PART_RE
            .captures(after)
            .filter(|c| c.name("rest").is_none())
        {
            let e = r.end + c.get(0).map_or(0, |m| m.end());
            (c, r.start, e)
        } else if let Some(c) = HOUR_BEFORE_PART_RE.captures(before) {
            let s = before_from + c.get(0).map_or(0, |m| m.start());
            (c, s, r.end)
        } else {
            continue;
        };
        let Some(h) = c.name("h").and_then(|h| h.as_str().parse::<u32>().ok()) else {
            continue;
        };
        let mi = c
            .name("mi")
            .and_then(|m| m.as_str().parse::<u32>().ok())
            .unwrap_or(0);
        // The hour as written or twelve hours on, whichever lies in the part's window
        // (a window ending at midnight ends at 24:00).
        let Some(t) = [h % 12, h % 12 + 12]
            .into_iter()
            .filter_map(|h| NaiveTime::from_hms_opt(h, mi, 0))
            .find(|t| inside(*t))
        else {
            continue;
        };
        r.value.time = Some(t);
        r.value.part = None;
        r.start = start;
        r.end = end;
        r.normalized = normalize(&r.value, tz, lex, text.slice(start..end));
    }
}

/// A second time in another zone in brackets after `end` ("(21:00 CET)"): the time, its
/// zone, and where the brackets end.
pub(super) fn alt_time_after(text: &str, end: usize) -> Option<((NaiveTime, String), usize)> {
    let c = ALT_TIME_RE.captures(text.slice(end..))?;
    let inner = c.name("t")?.as_str();
    let tc = TIME_RE.captures(inner)?;
    let t2 = time_of(&tc)?;
    let mut zend = tc.get(0)?.end();
    let z2 = zone_after(inner, &mut zend)?;
    Some(((t2, z2), end + c.get(0)?.end()))
}
