//! Tense: whether a date is told in the future or the past, from the governing verb outside
//! quotations.

use std::sync::LazyLock;

use regex::Regex;

use crate::text::{window_start, Slice};

use super::events::CLAUSE_WINDOW;
use super::pieces::re;
use super::scan::is_past_verb;

pub(super) static FUTURE_RE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:will|won't|would|shall|'ll|going to|is to|are to|due to|expected to|scheduled|set to|plans? to|planned|may|might|upcoming|next)\b",
    )
});

/// The clause before an expression, from its last ";" or sentence stop.
pub(super) fn clause_before(text: &str, start: usize) -> &str {
    // The clause before the expression decides; a past-tense cue right before wins.
    let head = text.slice(window_start(text, start, CLAUSE_WINDOW)..start);
    // A clause ends at ";" or at a full stop that ends a sentence, not the one inside an
    // abbreviation ("U.S.", "Gov.").
    let clause_start = head
        .char_indices()
        .filter(|&(i, c)| {
            c == ';'
                || (c == '.'
                    && head.slice(i + 1..).starts_with(' ')
                    && head
                        .slice(..i)
                        .chars()
                        .next_back()
                        .is_some_and(|p| p.is_lowercase() || p.is_ascii_digit())
                    && head
                        .slice(..i)
                        .rsplit(|ch: char| !ch.is_alphanumeric())
                        .next()
                        .is_some_and(|w| w.chars().count() > 3))
        })
        .map(|(i, c)| i + c.len_utf8())
        .next_back()
        .unwrap_or(0);
    head.slice(clause_start..)
}

pub(super) fn is_future(text: &str, start: usize) -> bool {
    FUTURE_RE.is_match(&unquoted(clause_before(text, start)))
}

/// Is the verb that governs an expression in the past tense ("Stores reopened on December
/// 25", "the letter was dated May 3")? The nearest verb among the last few words of its
/// clause, outside quotation marks.
pub(super) fn is_past(text: &str, start: usize) -> bool {
    last_words_any(text, start, is_past_verb)
}

/// Does one of the last four words of the clause before `start`, outside quotation marks,
/// satisfy `word_fits`?
fn last_words_any(text: &str, start: usize, word_fits: impl Fn(&str) -> bool) -> bool {
    let clause = unquoted(clause_before(text, start)).to_lowercase();
    clause
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .rev()
        .take(4)
        .any(word_fits)
}

/// Is the verb that governs an expression a schedule told in the present ("the exhibit
/// opens on December 20", "the season kicks off May 2", "the law takes effect on July 1")?
/// One of the last few words of its clause, outside quotation marks.
pub(super) fn is_scheduled_present(text: &str, start: usize) -> bool {
    const SCHEDULE: &[&str] = &[
        "opens",
        "reopens",
        "begins",
        "starts",
        "restarts",
        "resumes",
        "ends",
        "closes",
        "runs",
        "launches",
        "premieres",
        "debuts",
        "airs",
        "expires",
        "arrives",
        "returns",
        "kicks",
        "goes",
        "hits",
        "takes",
        "comes",
        "lands",
        "convenes",
        "reconvenes",
        "sits",
        "departs",
        "leaves",
        "releases",
        "concludes",
        "wraps",
        "finishes",
    ];
    last_words_any(text, start, |w| SCHEDULE.contains(&w))
}

/// A clause without the words quoted inside it: a speaker's "we will" does not make the
/// reporter's date future. Inside an open quotation, only the quoted words count.
pub(super) fn unquoted(clause: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    let mut quoted = String::new();
    for ch in clause.chars() {
        match ch {
            '“' | '”' | '"' => {
                let opening = ch == '“' || (ch == '"' && !inside);
                if opening && !inside {
                    inside = true;
                    quoted.clear();
                } else {
                    inside = false;
                }
            }
            _ if inside => quoted.push(ch),
            _ => out.push(ch),
        }
    }
    if inside {
        quoted
    } else {
        out
    }
}
