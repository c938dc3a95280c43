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

mod clock;
mod datelines;
mod events;
mod holidays;
mod pieces;
mod resolution;
mod rules;
mod scan;
mod tense;
#[cfg(test)]
mod tests;
mod value;
mod zones;

use chrono::NaiveDate;

use crate::extract::{claim, Claim, Ctx, Value};
use crate::segment::Doc;
use crate::story::Source;
use crate::text::Slice;

use datelines::is_stamp;
pub use datelines::{dateline, source_time, story_date, SourceTime};
pub use events::{event_phrase, event_phrase_in, EventLexicon, SentenceNames};
pub(crate) use events::{is_negated, lemma_key};
use events::{subordinate_starts, EventIndex};
pub use pieces::{month_number, month_word, weekday_of, weekday_word};
pub use resolution::{resolve_text, Anchor};
use value::normalize;
pub use value::{weekday_name, DateValue, Resolved};
pub use zones::{instant, is_dst, offset_at, Lexicon, ZoneAbbreviation, ZoneKind};

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
    // The one day the current paragraph has named so far: (paragraph, day, more than one).
    let mut paragraph_day: (usize, Option<NaiveDate>, bool) = (usize::MAX, None, false);
    for (i, s) in doc.sentences.iter().enumerate() {
        let text = doc.sentence_text(i);
        if paragraph_day.0 != s.paragraph {
            paragraph_day = (s.paragraph, None, false);
        }
        // "SANTIAGO, March 12, 2024 (Wire) - A quake struck…": a date before the dateline
        // dash dates the report, not an event of the sentence.
        let dateline_end = [" - ", " — ", " – ", " -- "]
            .iter()
            .filter_map(|d| text.find(d))
            .min()
            .filter(|&p| p <= 80);
        let mut found = resolve_text(text, anchor.as_ref(), ctx.tz, &ctx.lex.time);
        if found.is_empty() {
            continue;
        }
        // A time of day in a sentence that names no day ("Rescuers arrived around 3 a.m.")
        // is shown on the day its paragraph named ("The ship crashed early Tuesday."),
        // still never compared as a day; the zone checks then use that day.
        for r in &mut found {
            if let (true, Some(_), (_, Some(day), false)) =
                (r.value.day_assumed, r.value.time, paragraph_day)
            {
                r.value.date = Some(day);
                r.value.reasoning = format!("a time of day in a paragraph dated {day}");
                r.normalized =
                    normalize(&r.value, ctx.tz, &ctx.lex.time, text.slice(r.start..r.end));
            }
        }
        for d in found
            .iter()
            .filter(|r| r.value.is_day())
            .filter_map(|r| r.value.date)
        {
            match paragraph_day.1 {
                None => paragraph_day.1 = Some(d),
                Some(p) if p != d => paragraph_day.2 = true,
                Some(_) => {}
            }
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
            let (event, denied, topics, verb, past) =
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
            value.verb = if value.event.is_some() { verb } else { None };
            // The tense of the verb that names the event, when the words just before the
            // date did not tell it ("filed for bankruptcy in Delaware on May 14").
            value.past |= past && value.event.is_some() && !value.future;
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
