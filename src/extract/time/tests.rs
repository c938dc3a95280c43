//! The resolver's tests: expressions in sentences, resolved against fixed anchors.

use chrono::{Datelike, Months, NaiveDate, Weekday};
use chrono_tz::Tz;

use crate::story::Published;
use crate::text::Slice;

use super::datelines::{dateline, is_stamp};
use super::events::{event_phrase, EventIndex};
use super::pieces::{month_word, weekday_word};
use super::resolution::{resolve_text, Anchor};
use super::rules::{examples, PATTERNS};
use super::scan::find;
use super::tense::unquoted;
use super::value::DateValue;
use super::zones::Lexicon;

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

/// A span of times with its day is one span of that day, wherever the day stands; a bare
/// number before "to" is an hour, unless it cannot be one ("20 to 8 p.m." is 7:40 p.m.).
#[test]
fn spans_of_times_take_their_day() {
    let p = "2013-02-12T04:30:00+00:00";
    for (text, want) in [
        (
            "The office is open from 9 a.m. to 5 p.m. on Saturday.",
            "2013-02-09T09:00:00/2013-02-09T17:00:00",
        ),
        (
            "The clinic opened Saturday from 9 a.m. to 5 p.m.",
            "2013-02-09T09:00:00/2013-02-09T17:00:00",
        ),
        (
            "Polls were open between 7 a.m. and 8 p.m. on Tuesday.",
            "2013-02-12T07:00:00/2013-02-12T20:00:00",
        ),
        (
            "The hearing ran from 9:30 to 11:00 on Thursday.",
            "2013-02-07T09:30:00/2013-02-07T11:00:00",
        ),
        (
            "The vigil was held from 7 to 8 p.m. on Sunday.",
            "2013-02-10T19:00:00/2013-02-10T20:00:00",
        ),
        ("The match ended at 20 to 8 p.m.", "2013-02-12T19:40:00"),
    ] {
        assert_eq!(norm(text, p), [want], "{text}");
    }
    // Times on two different days stay two moments.
    assert_eq!(
        norm("The strike ran from 6 a.m. Monday to 6 a.m. Tuesday.", p),
        ["2013-02-11T06:00:00", "2013-02-12T06:00:00"]
    );
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
        event_of("Nintendo revealed the launch date for the console on April 2, 2025.").as_deref(),
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
        norm(
            "The meeting came four days after Trump spoke to Xi during a phone call last Thursday.",
            "2025-06-10"
        ),
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
    // A short opening sentence with a date is the story, not its dateline.
    for text in [
        "Acme will release the phone on March 3, 2025, the company said.\n",
        "The court will hear the appeal on 14 May 2024, lawyers for both sides said.\n",
        "Polls close at 8 p.m. on November 5, 2024, in most states.\n",
    ] {
        assert!(dateline(text, &l, None).published.is_none(), "{text}");
    }
    // A byline with a date and a time ending "a.m." is still one.
    let t = dateline(
        "By Ana Ruiz, staff writer, March 3, 2025 at 9:05 a.m.\n",
        &l,
        None,
    );
    assert!(t.published.is_some());
}

/// Every rule of the grammar has examples beside it (`rules::examples`); each is read by
/// that rule and resolves as written.
#[test]
fn every_rule_reads_its_examples() {
    let a = Anchor::of(Published::parse_rfc3339("2013-02-12T04:30:00Z"), None);
    for (pat, _) in PATTERNS.iter() {
        let examples = examples(*pat);
        assert!(!examples.is_empty(), "{pat:?} has no examples");
        for (text, want) in examples {
            assert!(
                find(text).iter().any(|f| f.pat == *pat),
                "{pat:?} does not read {text:?}"
            );
            let got: Vec<String> = resolve_text(text, a.as_ref(), None, &lex())
                .into_iter()
                .map(|r| r.normalized)
                .collect();
            assert_eq!(&got.join(" | "), want, "{pat:?}: {text}");
        }
    }
}

/// A period of a fiscal year is not a calendar period: the text does not give the fiscal
/// calendar, so nothing is resolved ("the first quarter of fiscal 2024", "Q3 FY24").
#[test]
fn fiscal_periods_are_not_calendar_periods() {
    let p = "2024-06-12T10:00:00+00:00";
    for text in [
        "Sales fell in the first quarter of fiscal 2024.",
        "Revenue rose in Q3 FY24.",
        "Profit rose in fiscal Q3.",
        "Profit rose in the fiscal 2024 first quarter.",
        "Margins narrowed in the second half of the fiscal year.",
    ] {
        assert_eq!(norm(text, p), Vec::<String>::new(), "{text}");
    }
    assert_eq!(
        norm("Profit rose in the third quarter of 2023.", p),
        ["2023-07-01/2023-10-01"]
    );
}

/// A bare hour beside a part of the day is read in that part ("Tuesday evening at 7" is
/// 7 p.m., "at 3 on Sunday morning" is 3 a.m.); a score or a figure after "at" is not.
#[test]
fn hours_beside_a_part_of_the_day_take_its_meridiem() {
    let p = "2013-02-12T04:30:00+00:00";
    for (text, want) in [
        (
            "The talks ended Tuesday evening at 7.",
            "2013-02-12T19:00:00",
        ),
        (
            "The fire broke out at 3 on Sunday morning.",
            "2013-02-10T03:00:00",
        ),
        (
            "The court sits tomorrow afternoon at 2.",
            "2013-02-13T14:00:00",
        ),
        (
            "Polls closed on Tuesday evening at 10:30.",
            "2013-02-12T22:30:00",
        ),
        (
            "The hearing ran 9:30 - 11:00 on Thursday.",
            "2013-02-07T09:30:00/2013-02-07T11:00:00",
        ),
        ("The vote is the day after tomorrow.", "2013-02-14"),
        ("Prices rose in the current week.", "2013-02-11/2013-02-18"),
        (
            "Rent is due on the 20th of the current month.",
            "2013-02-20",
        ),
        (
            "The blast came at three p.m. on Sunday.",
            "2013-02-10T15:00:00",
        ),
    ] {
        assert_eq!(norm(text, p), [want], "{text}");
    }
    for text in [
        "The team won on Saturday afternoon at 2-1.",
        "The bill passed on Tuesday evening at 7% interest.",
    ] {
        let got = norm(text, p);
        assert!(got.iter().all(|v| v.contains('/')), "{text}: {got:?}");
    }
}

/// The event and topics `EventIndex` gives the first date of `text`.
fn event_and_topics(text: &str) -> (Option<String>, Vec<String>) {
    let lexicons = crate::lexicon::Lexicons::builtin();
    let found = resolve_text(text, None, None, &lexicons.time);
    let r = found.first().expect("a date");
    let at = EventIndex::new(text, &lexicons.events).at(r.start, r.end, text.len(), false);
    (at.0, at.2)
}

#[test]
fn a_verb_in_no_class_dates_its_event_by_its_lemma() {
    use super::events::lemma_key;
    // Past and base forms meet on one key.
    assert_eq!(lemma_key("resigned", true), lemma_key("resign", false));
    assert_eq!(lemma_key("stopped", true), lemma_key("stop", false));
    assert_eq!(lemma_key("carried", true), lemma_key("carry", false));
    assert_eq!(lemma_key("closed", true), lemma_key("close", false));
    assert_eq!(lemma_key("passed", true), lemma_key("pass", false));
    // Across domains: disaster, business, politics, health.
    let ev = |t: &str| event_and_topics(t).0;
    assert_eq!(
        ev("The Creek Fire was contained on May 7, 2024.").as_deref(),
        Some("v:contain")
    );
    assert_eq!(
        ev("Acme Corp filed for bankruptcy on March 3, 2024.").as_deref(),
        Some("v:fil")
    );
    assert_eq!(
        ev("Ana Ruiz will resign on June 1, 2024.").as_deref(),
        ev("Ana Ruiz resigned on June 1, 2024.").as_deref()
    );
    assert_eq!(
        ev("The patient was discharged on May 2, 2024.").as_deref(),
        Some("v:discharg")
    );
    assert_eq!(
        ev("The plant fell silent on May 2, 2024.").as_deref(),
        Some("v:fall")
    );
    // The verb before the date governs it, not an infinitive after it.
    assert_eq!(
        ev("Nippon Steel clinched a deal on May 2, 2024 to buy U.S. Steel.").as_deref(),
        Some("v:clinch")
    );
    // A verb in no class between a class verb and the date governs the date.
    assert_eq!(
        ev("He was picked up by immigration officers on May 3, 2024 and a judge signed a warrant on May 6, 2024.").as_deref(),
        Some("v:pick")
    );
    // A verb that only says something happened leaves the event to its noun.
    assert_eq!(
        ev("The Bank of England's rate cut came on Wednesday, November 6, 2024.").as_deref(),
        Some("decide")
    );
    assert_eq!(
        ev("The crash occurred on May 2, 2024 near Leeds.").as_deref(),
        Some("strike")
    );
    // Not a verb of saying or planning, an adjective, a negated verb or quoted words.
    assert_eq!(
        ev("The ticket price remains unchanged on June 5, 2025."),
        None
    );
    assert_eq!(ev("The hearing was scheduled for June 5, 2025."), None);
    assert_eq!(ev("The highly anticipated show on June 5, 2025."), None);
    assert_eq!(ev("The plant never reopened on June 5, 2025."), None);
    assert_eq!(ev("He said “we prevailed” on June 5, 2025."), None);
    // A class verb wins over a verb in no class.
    assert_eq!(
        ev("The talks, long stalled, began on June 9, 2025.").as_deref(),
        Some("begin")
    );
    // The clause's own names are the event's arguments; the sentence's first word is one
    // when a capitalised word follows it.
    let (_, topics) = event_and_topics("Ana Ruiz resigned on Friday, while Tomas Kral stayed on.");
    assert!(topics.contains(&"ana".to_string()) && topics.contains(&"ruiz".to_string()));
    assert!(!topics.contains(&"kral".to_string()));
}

#[test]
fn the_date_s_own_clause_names_what_it_dates() {
    let (_, topics) = event_and_topics(
        "Pre-orders lack a start date, though the console's June 5, 2025 launch remains on track.",
    );
    assert_eq!(topics.first().map(String::as_str), Some("n:launch"));
    assert!(!topics.contains(&"n:pre-orders".to_string()));
    // A clause naming no event noun takes the sentence's.
    let (_, topics) = event_and_topics("The talks, which stalled in May, began on June 9, 2025.");
    assert!(topics.contains(&"n:talks".to_string()));
    // A verb used as a verb is not its noun: "to debut" names no launch.
    let (_, topics) = event_and_topics("He is expected to debut on Saturday, June 8, 2024.");
    assert!(!topics.contains(&"n:launch".to_string()));
}

#[test]
fn a_masthead_in_capitals_is_no_day() {
    let p = "2024-02-12";
    assert!(norm("Photo: © USA TODAY Sports via Reuters Connect.", p).is_empty());
    assert!(norm("He spoke on CBS THIS MORNING about the strike.", p).is_empty());
    assert_eq!(norm("The vote is TODAY.", p), ["2024-02-12"]);
    assert_eq!(norm("The talks resume today.", p), ["2024-02-12"]);
}

#[test]
fn lunchtime_a_weekday_short_before_a_time_and_a_schedule_told_in_the_present() {
    let p = "2024-05-10";
    // Lunchtime is a part of the day, 11 to 14, before or after its day.
    assert_eq!(
        norm("They met at lunchtime on Tuesday.", p),
        ["2024-05-07T11:00:00/2024-05-07T14:00:00"]
    );
    assert_eq!(
        norm("They met on Tuesday at lunchtime.", p),
        norm("They met Tuesday lunchtime.", p)
    );
    // A short weekday in lower case before a clock time is the day; never "sat", nor the
    // verb after a helper or a pronoun.
    assert_eq!(norm("Doors open thu 10:30am.", p), ["2024-05-09T10:30:00"]);
    assert_eq!(norm("He sat at 3pm.", p), ["2024-05-10T15:00:00"]);
    assert!(!norm("They wed at 3 p.m. on Saturday.", p)
        .iter()
        .any(|v| v.starts_with("2024-05-08")));
    // A schedule in the present whose nearest-year day is long past is the coming one;
    // a past verb, or a day just gone, keeps the nearest.
    assert_eq!(norm("The exhibit opens on December 20.", p), ["2024-12-20"]);
    assert_eq!(
        norm("The new law takes effect on January 1.", p),
        ["2025-01-01"]
    );
    assert_eq!(
        norm("The museum reopened on December 20.", p),
        ["2023-12-20"]
    );
    assert_eq!(
        norm("Museum reopens on May 8 after repairs.", p),
        ["2024-05-08"]
    );
}
