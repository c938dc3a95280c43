//! Datelines and page stamps: a source's publication time from its opening lines.

use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveDateTime, TimeZone};
use chrono_tz::Tz;
use regex::{Captures, Regex};

use crate::story::{Published, PublishedFrom, Source};
use crate::text::{window_end, Slice};

use super::clock::{time_of, TIME_RE};
use super::pieces::{month_number, re, MON, WD};
use super::resolution::Anchor;
use super::zones::Lexicon;

/// A source's publication time as concord settled it.
#[derive(Debug, Clone, Default)]
pub struct SourceTime {
    pub published: Option<Published>,
    pub from: Option<PublishedFrom>,
    pub note: Option<String>,
}

pub(super) static DATELINE_RE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:(?:{WD})\.?,?\s+)?(?:(?P<mon>{MON})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon2>{MON})\.?,?\s+(?P<y2>\d{{4}})|(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}}))(?:\s*,?\s*(?:at\s+)?(?P<time>\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s*(?:a\.m\.|p\.m\.|am|pm))?|\d{{1,2}}\s*(?:a\.m\.|p\.m\.|am|pm)))?(?:\s*\(?(?P<zone>[A-Z]{{2,5}})\)?\b)?"
    ))
});

pub(super) static RELATIVE_DATELINE_RE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:\d+|\ban?|\bone)\s*(?:minutes?|mins?|hours?|hrs?|days?)\s+ago\b"));

/// Is this the opening of a page stamp ("date", "Published:", "Last updated")? The date after
/// it dates the page, not an event.
pub(super) fn is_stamp(opening: &str) -> bool {
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
            if is_sentence_around(l, &c) {
                continue;
            }
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

/// A line that is a sentence of the story with a date in it ("Acme will release the phone
/// on March 3, 2025, the company said."): it ends as a sentence does and has six words or
/// more besides the date. A dateline or byline is a label, never a sentence.
fn is_sentence_around(line: &str, c: &Captures) -> bool {
    let Some(m) = c.get(0) else {
        return false;
    };
    let ends = line.trim_end().ends_with(['.', '!', '?', '"', '\u{201d}'])
        && !line.trim_end().ends_with("a.m.")
        && !line.trim_end().ends_with("p.m.");
    let words = line.slice(..m.start()).split_whitespace().count()
        + line.slice(m.end()..).split_whitespace().count();
    ends && words >= 6
}

pub(super) fn dateline_of(c: &Captures, lex: &Lexicon, story_tz: Option<Tz>) -> Option<SourceTime> {
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
