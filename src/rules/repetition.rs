//! `repeated-words`: in review mode, words of the draft written twice in a row ("the the",
//! "at Twickenham at Twickenham", "the Isle of Isle of Lewis"), or a sentence of the draft
//! that repeats an earlier one word for word: an editing slip (a paste, a half-done
//! rewrite) that leaves the sentence saying something garbled or twice.
//!
//! Precision first:
//! - the repeat is inside one sentence, with nothing but spaces between its halves ("her
//!   first. Her first", "Vettel. Vettel" are two sentences);
//! - one word repeated is reported only when it is written in lower case and is not a
//!   doubling the language allows ("had had", "that that", "very very", "no no"): one
//!   capitalised word twice is a name ("Bora Bora", "Sirhan Sirhan");
//! - figures are not words ("10 10" is a list or a score);
//! - a sentence repeated has at least `min-sentence-words` words.
//!
//! Only drafts are checked: published reports are what they are, and their own slips are
//! not a discrepancy between sources.

use std::collections::BTreeMap;

use super::{Check, Rule};
use crate::finding::{evidence, Finding};
use crate::story::Role;
use crate::text::Slice;
use crate::words;
use crate::Analysis;

/// The longest phrase looked for twice in a row, in words.
const MAX_PHRASE: usize = 4;

/// Words English writes twice on purpose.
const DOUBLINGS: &[&str] = &[
    "had", "that", "very", "so", "bye", "no", "yes", "ha", "knock", "go", "bang", "far", "many",
    "more", "again", "blah", "boo", "tut", "la", "chop", "night", "there", "now", "well", "tick",
    "ding",
];

pub struct Repetition;

impl Check for Repetition {
    fn params(&self) -> &'static [super::params::Param] {
        use super::params::{count, Param};
        const PARAMS: &[Param] = &[count(
            "min-sentence-words",
            1,
            "shortest sentence reported when the draft repeats it, in words",
        )];
        PARAMS
    }

    fn run(&self, rule: &Rule, a: &Analysis, out: &mut Vec<Finding>) {
        let min_words = rule.param_f64("min-sentence-words", 4.0) as usize;
        for (si, doc) in a.docs.iter().enumerate() {
            let source = &a.story.sources[si];
            if source.role != Role::Draft {
                continue;
            }
            // Earlier sentences by their words, lower-case: the first sentence of each.
            let mut seen: BTreeMap<Vec<String>, usize> = BTreeMap::new();
            for (i, sentence) in doc.sentences.iter().enumerate() {
                let text = doc.sentence_text(i);
                let toks = words::tokens(text);
                let lower: Vec<String> = toks
                    .iter()
                    .map(|&(s, e)| text.slice(s..e).to_lowercase())
                    .collect();
                let span_of = |s: usize, e: usize| {
                    doc.cleaned
                        .text
                        .to_span(sentence.start + s, sentence.start + e, &source.text)
                };
                if lower.len() >= min_words {
                    if let Some(&first) = seen.get(&lower) {
                        let mut f = rule.finding(
                            text.to_string(),
                            format!(
                                "the draft says this sentence twice (sentences {} and {})",
                                first + 1,
                                i + 1
                            ),
                        );
                        let earlier = doc.sentence_text(first);
                        let start = doc.sentences[first].start;
                        let span0 =
                            doc.cleaned
                                .text
                                .to_span(start, start + earlier.len(), &source.text);
                        f.values.push(evidence(a, si, first, span0, earlier));
                        f.values
                            .push(evidence(a, si, i, span_of(0, text.len()), text));
                        out.push(f);
                        continue;
                    }
                    seen.insert(lower.clone(), i);
                }
                let mut at = 0;
                while at < toks.len() {
                    let Some(n) = (1..=MAX_PHRASE).find(|&n| doubled(text, &toks, &lower, at, n))
                    else {
                        at += 1;
                        continue;
                    };
                    let (from, to) = (toks[at].0, toks[at + 2 * n - 1].1);
                    let phrase = text.slice(toks[at].0..toks[at + n - 1].1).to_string();
                    let written = text.slice(from..to);
                    let mut f = rule.finding(
                        phrase.clone(),
                        format!("the draft writes \u{201c}{phrase}\u{201d} twice in a row"),
                    );
                    f.values
                        .push(evidence(a, si, i, span_of(from, to), written));
                    out.push(f);
                    at += 2 * n;
                }
            }
        }
    }
}

/// Do the `n` words at `k` repeat right after themselves, with only spaces between?
fn doubled(text: &str, toks: &[(usize, usize)], lower: &[String], k: usize, n: usize) -> bool {
    if k + 2 * n > toks.len() || lower[k..k + n] != lower[k + n..k + 2 * n] {
        return false;
    }
    let spaced = (k + 1..k + 2 * n).all(|j| {
        text.slice(toks[j - 1].1..toks[j].0)
            .chars()
            .all(char::is_whitespace)
    });
    let figures = lower[k..k + n]
        .iter()
        .any(|w| w.chars().any(|c| c.is_ascii_digit()));
    if !spaced || figures {
        return false;
    }
    if n == 1 {
        let word = text.slice(toks[k].0..toks[k].1);
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        return !capital
            && word.chars().all(char::is_alphabetic)
            && !DOUBLINGS.contains(&lower[k].as_str());
    }
    true
}
