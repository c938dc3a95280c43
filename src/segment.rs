//! Segment: cleaned paragraphs into sentences, each with its span in the original.
//!
//! A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets) followed by
//! space and a capital, a digit or an opening quote, or at the end of its paragraph.
//! Abbreviations ("U.S.", "Mr.", "Jun.", initials) do not end sentences: the exceptions are
//! `rules/lexicon/abbreviations.toml`. Decimals and clock times never do, since no space
//! follows their point.

use serde::Deserialize;

use crate::clean::Cleaned;
use crate::story::{Source, Span};
use crate::text::Slice;

/// Sentence-ending exceptions (`rules/lexicon/abbreviations.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Lexicon {
    /// Words that, followed by a period, never end a sentence ("Mr", "Jun", "Corp").
    #[serde(default)]
    pub never_final: Vec<String>,
    /// Words that end a sentence only when the next word could not continue it
    /// ("U.S", "a.m", "p.m"): they end one when followed by a common sentence opener.
    #[serde(default)]
    pub rarely_final: Vec<String>,
    /// Sentence openers that make a `rarely-final` abbreviation end its sentence.
    #[serde(default)]
    pub openers: Vec<String>,
    /// Words (month names) after which a period followed by a number does not end the
    /// sentence ("October. 2"), and before which a number's period does not ("16. Nov.").
    #[serde(default)]
    pub before_number: Vec<String>,
}

/// A sentence of a cleaned source.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Byte range in the cleaned text.
    pub start: usize,
    pub end: usize,
    /// Index of its paragraph.
    pub paragraph: usize,
    /// Its span in the original text.
    pub span: Span,
}

/// A source cleaned and segmented: what extraction reads.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub cleaned: Cleaned,
    pub sentences: Vec<Sentence>,
}

impl Doc {
    /// The cleaned text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &str {
        let s = &self.sentences[i];
        self.cleaned.text.as_str().slice(s.start..s.end)
    }
}

/// Splits a cleaned source into sentences.
pub fn segment(source: &Source, cleaned: Cleaned, lex: &Lexicon) -> Doc {
    let mut sentences = Vec::new();
    let text = cleaned.text.as_str();
    for (pi, &(ps, pe)) in cleaned.paragraphs.iter().enumerate() {
        for (s, e) in split(text.slice(ps..pe), lex) {
            let (s, e) = (ps + s, ps + e);
            let span = cleaned.text.to_span(s, e, &source.text);
            sentences.push(Sentence {
                start: s,
                end: e,
                paragraph: pi,
                span,
            });
        }
    }
    Doc { cleaned, sentences }
}

const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»'];
const OPENERS: &[char] = &['"', '\'', '“', '‘', '(', '['];

/// Sentence ranges of one paragraph.
pub fn split(text: &str, lex: &Lexicon) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            // Extend over repeated marks and closing quotes/brackets.
            let mut j = i + 1;
            while j < chars.len()
                && (matches!(chars[j].1, '.' | '!' | '?') || CLOSERS.contains(&chars[j].1))
            {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(p, _)| p);
            // Needs whitespace then a plausible sentence start.
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let spaced = k > j;
            let next = chars.get(k).map(|&(_, c)| c);
            let starts_sentence = next.is_some_and(|n| {
                n.is_uppercase() || n.is_ascii_digit() || OPENERS.contains(&n) || n == '“'
            });
            if spaced
                && starts_sentence
                && !(c == '.' && is_abbreviation(text, pos, chars.get(k).map(|&(p, _)| p), lex))
            {
                push_trimmed(text, start, end, &mut out);
                start = chars[k].0;
                i = k;
                continue;
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let piece = text.slice(start..end);
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if start + lead < end - trail {
        out.push((start + lead, end - trail));
    }
}

/// Does the period at `dot` close an abbreviation rather than the sentence?
fn is_abbreviation(text: &str, dot: usize, next: Option<usize>, lex: &Lexicon) -> bool {
    let before = text.slice(..dot);
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || OPENERS.contains(&c))
        .map_or(0, |i| {
            i + before.slice(i..).chars().next().map_or(1, char::len_utf8)
        });
    let word = before.slice(word_start..);
    if word.is_empty() {
        return false;
    }
    // A single capital is an initial ("J. Powell").
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return true;
        }
    }
    let next_word: String = next
        .map(|n| {
            text.slice(n..)
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .collect()
        })
        .unwrap_or_default();
    let is_month = |w: &str| lex.before_number.iter().any(|m| m.eq_ignore_ascii_case(w));
    if is_month(word)
        && next_word.chars().all(|c| c.is_ascii_digit())
        && !next_word.is_empty()
        && next_word.len() <= 4
    {
        return true;
    }
    if word.len() <= 2 && word.chars().all(|c| c.is_ascii_digit()) && is_month(&next_word) {
        return true;
    }
    let eq = |w: &String| w.eq_ignore_ascii_case(word);
    if lex.never_final.iter().any(eq) {
        return true;
    }
    if lex.rarely_final.iter().any(|w| w == word) {
        let next_word: String = next
            .map(|n| {
                text.slice(n..)
                    .chars()
                    .take_while(|c| c.is_alphabetic())
                    .collect()
            })
            .unwrap_or_default();
        return !lex.openers.iter().any(|o| o == &next_word);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        crate::lexicon::Lexicons::builtin().segment
    }

    fn sentences(text: &str) -> Vec<&str> {
        split(text, &lex())
            .into_iter()
            .map(|(s, e)| text.slice(s..e))
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let t = "Mr. Smith met Dr. Jones at 10 a.m. Monday in the U.S. Capitol. Rates rose 4.75% by 12:19 p.m. He left.";
        assert_eq!(
            sentences(t),
            [
                "Mr. Smith met Dr. Jones at 10 a.m. Monday in the U.S. Capitol.",
                "Rates rose 4.75% by 12:19 p.m.",
                "He left."
            ]
        );
    }

    #[test]
    fn initials_months_and_corporate_suffixes() {
        let t =
            "J. Powell spoke on Jun. 5 at Acme Corp. about Gen. Milley and No. 10. Then he left.";
        assert_eq!(
            sentences(t),
            [
                "J. Powell spoke on Jun. 5 at Acme Corp. about Gen. Milley and No. 10.",
                "Then he left."
            ]
        );
    }

    #[test]
    fn quotes_ending_inside_a_sentence_stay_whole() {
        let t = "“We can go back to smaller matters,” he said. “Fine.” She agreed.";
        assert_eq!(
            sentences(t),
            [
                "“We can go back to smaller matters,” he said.",
                "“Fine.”",
                "She agreed."
            ]
        );
    }
}
