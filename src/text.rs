//! Cleaned text that remembers where every byte came from.
//!
//! `clean` builds a [`MappedText`] from pieces of the original file (and the odd
//! synthetic separator); later stages work on the cleaned text and turn their ranges back
//! into spans of the original with [`MappedText::to_span`]. Invariant: a span produced
//! here always slices the source text on character boundaries.

use std::ops::{Bound, RangeBounds};

use crate::story::Span;

/// Slicing by computed byte offsets that cannot panic.
///
/// Offsets in concord are computed: a match end plus one, a position found in a
/// lower-cased copy, the gap between two neighbouring claims. Indexing a `str` with such an
/// offset panics when it falls inside a multi-byte character or past the end, and a
/// reversed range panics too. Every slice by a computed offset goes through [`Slice::slice`]
/// instead (the crate denies `clippy::string_slice`): the start moves back and the end
/// forward to the nearest character boundary, both are clamped to the text, and a range
/// whose start is not before its end is empty.
pub trait Slice {
    /// `self[range]`, widened to character boundaries and clamped; never panics.
    fn slice(&self, range: impl RangeBounds<usize>) -> &str;
}

impl Slice for str {
    fn slice(&self, range: impl RangeBounds<usize>) -> &str {
        let len = self.len();
        let start = match range.start_bound() {
            Bound::Included(&s) => s,
            Bound::Excluded(&s) => s.saturating_add(1),
            Bound::Unbounded => 0,
        };
        let end = match range.end_bound() {
            Bound::Included(&e) => e.saturating_add(1),
            Bound::Excluded(&e) => e,
            Bound::Unbounded => len,
        };
        let start = floor_boundary(self, start.min(len));
        let end = ceil_boundary(self, end.min(len));
        self.get(start..end).unwrap_or("")
    }
}

/// The boundary just after the character that starts at byte `i` of `s` (for "the text
/// after the separator found at `i`", where the separator may be a multi-byte dash).
pub fn next_boundary(s: &str, i: usize) -> usize {
    ceil_boundary(s, i.saturating_add(1))
}

/// The start of a window of at most `max` bytes of `s` ending at `at`. When the window
/// is cut short of the text's start, it begins after the first whitespace in it, so no
/// word is cut in half. Extractors look at a bounded neighbourhood of what they found this
/// way: a line of 100 KB without a full stop must not be rescanned for every date in it.
pub fn window_start(s: &str, at: usize, max: usize) -> usize {
    let at = floor_boundary(s, at);
    if at <= max {
        return 0;
    }
    let from = ceil_boundary(s, at - max);
    s.slice(from..at)
        .find(char::is_whitespace)
        .map_or(from, |i| from + i + 1)
        .min(at)
}

/// The end of a window of at most `max` bytes of `s` starting at `at`, ending before the
/// last whitespace in it when cut short of the text's end.
pub fn window_end(s: &str, at: usize, max: usize) -> usize {
    let at = ceil_boundary(s, at);
    if s.len() - at <= max {
        return s.len();
    }
    let to = floor_boundary(s, at + max);
    s.slice(at..to)
        .rfind(char::is_whitespace)
        .map_or(to, |i| at + i)
        .max(at)
}

/// `s` lower-cased character by character, keeping every byte offset: a character whose
/// lower case has another UTF-8 length ("İ" becomes "i̇", "ẞ" becomes "ß") is kept as it
/// is. Offsets found in the result index `s` itself, so code that searches a lower-cased
/// sentence can slice the original with them.
pub fn lowercase_aligned(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
            _ => out.push(c),
        }
    }
    out
}

/// The largest character boundary of `s` at or before `i` (`i` at most `s.len()`).
pub fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest character boundary of `s` at or after `i` (at most `s.len()`).
pub fn ceil_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i.min(s.len())
}

/// The Windows-1252 characters of bytes 0x80–0x9F (a byte with no character is kept as the
/// C1 control of the same number, as decoders do).
const CP1252_HIGH: [char; 32] = [
    '\u{20ac}', '\u{81}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2c6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8d}', '\u{17d}', '\u{8f}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2dc}', '\u{2122}', '\u{161}', '\u{203a}', '\u{153}', '\u{9d}', '\u{17e}', '\u{178}',
];

/// The byte a character stands for when UTF-8 was read as Windows-1252.
fn cp1252_byte(c: char) -> Option<u8> {
    let n = u32::from(c);
    if (0x80..=0xff).contains(&n) {
        return u8::try_from(n).ok();
    }
    CP1252_HIGH
        .iter()
        .position(|&h| h == c)
        .and_then(|k| u8::try_from(0x80 + k).ok())
}

/// The character that UTF-8 read as Windows-1252 garbled at the start of `rest`, and how
/// many bytes of `rest` the garbled form takes: "Ã©" is "é", "â€œ" is "\u{201c}", "Ã\u{81}"
/// is "Á", "â‚¬" is "€". A right double quote whose last byte was dropped ("â€" alone) is
/// read as one.
fn garbled(rest: &str) -> Option<(char, usize)> {
    let mut chars = rest.char_indices();
    let (_, lead) = chars.next()?;
    // Lead bytes of Latin letters and signs (U+0080–U+017F), of punctuation and symbols
    // (U+2000–U+2FFF) and of emoji: others (a capital "É" or a "ß" before a curly quote)
    // are more often the letter itself than a garbled one.
    let first = cp1252_byte(lead).filter(|b| matches!(b, 0xc2..=0xc5 | 0xe2 | 0xf0))?;
    let need = match first {
        0xc2..=0xdf => 1,
        0xe0..=0xef => 2,
        _ => 3,
    };
    let mut bytes = vec![first];
    let mut end = lead.len_utf8();
    for (at, c) in chars.take(need) {
        match cp1252_byte(c).filter(|b| (0x80..=0xbf).contains(b)) {
            Some(b) => {
                bytes.push(b);
                end = at + c.len_utf8();
            }
            None => break,
        }
    }
    if bytes.len() == need + 1 {
        let decoded = std::str::from_utf8(&bytes).ok()?.chars().next()?;
        return Some((decoded, end));
    }
    (bytes == [0xe2, 0x80]).then_some(('\u{201d}', end))
}

/// Text assembled from pieces of an original, with a map back to original byte offsets.
#[derive(Debug, Clone, Default)]
pub struct MappedText {
    text: String,
    /// Runs `(text_offset, original_offset, synthetic)`: from `text_offset` on, bytes map
    /// linearly to the original from `original_offset`, until the next run. A synthetic
    /// run (a separator concord inserted) maps every byte to its one original position.
    runs: Vec<(usize, usize, bool)>,
}

impl MappedText {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Appends `piece`, which is the original text starting at byte `original`.
    pub fn push_original(&mut self, piece: &str, original: usize) {
        if piece.is_empty() {
            return;
        }
        self.runs.push((self.text.len(), original, false));
        self.text.push_str(piece);
    }

    /// Appends `piece` (the original text from byte `original`) with text decoded twice
    /// repaired: UTF-8 read as Windows-1252 ("â€œ" for "\u{201c}", "â€™" for "\u{2019}",
    /// "Ã©" for "é"), as scraped pages often carry it. A repaired character maps to where
    /// its garbled bytes begin.
    pub fn push_repaired(&mut self, piece: &str, original: usize) {
        if !piece
            .chars()
            .any(|c| matches!(c, '\u{c2}'..='\u{c5}' | '\u{e2}' | '\u{f0}'))
        {
            self.push_original(piece, original);
            return;
        }
        let mut done = 0;
        let mut i = 0;
        while i < piece.len() {
            let rest = piece.slice(i..);
            if let Some((good, len)) = garbled(rest) {
                self.push_original(piece.slice(done..i), original + done);
                self.push_synthetic(good.encode_utf8(&mut [0; 4]), original + i);
                i += len;
                done = i;
            } else {
                i += rest.chars().next().map_or(1, char::len_utf8);
            }
        }
        self.push_original(piece.slice(done..), original + done);
    }

    /// Appends text that is not in the original (a separator, a decoded entity) and
    /// stands at original byte `at`.
    pub fn push_synthetic(&mut self, piece: &str, at: usize) {
        if piece.is_empty() {
            return;
        }
        self.runs.push((self.text.len(), at, true));
        self.text.push_str(piece);
    }

    /// Appends `self[start..end]` to `out`, keeping its map to the original.
    pub fn copy_range(&self, start: usize, end: usize, out: &mut MappedText) {
        let first = self
            .runs
            .partition_point(|r| r.0 <= start)
            .saturating_sub(1);
        for (i, &(t, o, synthetic)) in self.runs.iter().enumerate().skip(first) {
            let next = self.runs.get(i + 1).map_or(self.text.len(), |r| r.0);
            let (a, b) = (t.max(start), next.min(end));
            if a >= b {
                if t >= end {
                    break;
                }
                continue;
            }
            let piece = self.text.slice(a..b);
            if synthetic {
                out.push_synthetic(piece, o);
            } else {
                out.push_original(piece, o + (a - t));
            }
        }
    }

    /// The original byte offset of cleaned byte `offset` (the start side).
    pub fn to_original(&self, offset: usize) -> usize {
        let i = self.runs.partition_point(|r| r.0 <= offset);
        if i == 0 {
            return self.runs.first().map_or(0, |r| r.1);
        }
        let (t, o, synthetic) = self.runs[i - 1];
        if synthetic {
            o
        } else {
            o + (offset - t)
        }
    }

    /// The original span covering cleaned range `start..end`.
    ///
    /// The end maps through the last byte of the range, so a range ending at a piece
    /// boundary does not run into whatever followed that piece in the original.
    pub fn to_span(&self, start: usize, end: usize, original: &str) -> Span {
        let s = self.to_original(start);
        let e = if end > start {
            let last = end - 1;
            let i = self.runs.partition_point(|r| r.0 <= last);
            let synthetic = i > 0 && self.runs[i - 1].2;
            let o = self.to_original(last);
            if synthetic {
                o
            } else {
                o + 1
            }
        } else {
            s
        };
        let (mut s, mut e) = (s.min(original.len()), e.min(original.len()).max(s));
        while s > 0 && !original.is_char_boundary(s) {
            s -= 1;
        }
        while e < original.len() && !original.is_char_boundary(e) {
            e += 1;
        }
        Span::new(s, e.max(s))
    }
}

/// Where one clause ends and the next begins inside a sentence: a semicolon, or a contrast
/// ("…, while customers in Europe …", "…, but in Canada …", "…, though the launch …").
static CLAUSE_BREAK: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    crate::text::regex(r"(?i);|,\s+(?:while|whereas|but|although|though)\b|\s(?:while|whereas)\s")
        .expect("a valid pattern")
});

/// The byte range of the clause of `sentence` that holds byte `at`, cut at
/// [`CLAUSE_BREAK`]s.
pub fn clause_bounds(sentence: &str, at: usize) -> (usize, usize) {
    let (from, to) = clause_of(&clause_breaks(sentence), at);
    (from, to.min(sentence.len()))
}

/// The [`CLAUSE_BREAK`]s of `sentence`, `(start, end)` in text order: found once per
/// sentence, then [`clause_of`] answers for each place in it by binary search.
pub fn clause_breaks(sentence: &str) -> Vec<(usize, usize)> {
    CLAUSE_BREAK
        .find_iter(sentence)
        .map(|m| (m.start(), m.end()))
        .collect()
}

/// The clause holding byte `at`, given the sentence's `breaks`: from the end of the last
/// break before it to the start of the next (`usize::MAX` when none follows).
pub fn clause_of(breaks: &[(usize, usize)], at: usize) -> (usize, usize) {
    let k = breaks.partition_point(|b| b.1 <= at);
    let from = if k > 0 { breaks[k - 1].1 } else { 0 };
    let to = breaks[k..]
        .iter()
        .find(|b| b.0 >= at)
        .map_or(usize::MAX, |b| b.0);
    (from, to)
}

/// Is `lower[i..end]` a whole word (no letter or digit either side)?
pub fn is_whole_word(lower: &str, i: usize, end: usize) -> bool {
    lower
        .slice(..i)
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
        && lower
            .slice(end..)
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clause_ends_at_a_semicolon_or_a_contrast() {
        let s = "Orders open in Canada on May 2, while buyers in Spain wait; prices rise.";
        let (a, b) = clause_bounds(s, s.find("May").unwrap_or(0));
        assert_eq!(s.slice(a..b), "Orders open in Canada on May 2");
        let (a, b) = clause_bounds(s, s.find("Spain").unwrap_or(0));
        assert_eq!(s.slice(a..b), " buyers in Spain wait");
        // A comma alone does not end a clause.
        let t = "The talks, held in London, began on Monday.";
        assert_eq!(clause_bounds(t, 30), (0, t.len()));
    }

    #[test]
    fn garbled_characters_are_read_back_and_real_letters_kept() {
        let repaired = |s: &str| {
            let mut m = MappedText::new();
            m.push_repaired(s, 0);
            m.as_str().to_string()
        };
        assert_eq!(
            repaired("Jos\u{c3}\u{a9} \u{c3}\u{81}lvarez"),
            "José Álvarez"
        );
        assert_eq!(repaired("\u{e2}\u{82}\u{ac}4.2 billion"), "€4.2 billion");
        assert_eq!(
            repaired("\u{e2}\u{20ac}\u{153}Yes,\u{e2}\u{20ac} he said"),
            "\u{201c}Yes,\u{201d} he said"
        );
        assert_eq!(repaired("\u{c5}\u{201a}\u{c3}\u{b3}d\u{c5}\u{ba}"), "łódź");
        for kept in [
            "S\u{c3}O PAULO",
            "Strau\u{df}\u{201d}",
            "JOS\u{c9}\u{201d}",
            "caf\u{e9}\u{a0}\u{a0}",
        ] {
            assert_eq!(repaired(kept), kept);
        }
    }

    #[test]
    fn slices_never_panic() {
        let t = "rose—5% in İzmir";
        let dash = t.find('—').unwrap();
        assert_eq!(t.slice(dash + 1..), "—5% in İzmir");
        assert_eq!(t.slice(..=dash), "rose—");
        let (a, b) = (9, 3);
        assert_eq!(t.slice(a..b), "");
        assert_eq!(t.slice(100..), "");
        assert_eq!(t.slice(..100), t);
        assert_eq!(t.slice(next_boundary(t, dash)..), "5% in İzmir");
        assert_eq!(t.slice(..=0), "r");
    }

    #[test]
    fn text_decoded_twice_is_repaired_and_maps_back() {
        let original = "He said: \u{e2}\u{20ac}\u{153}We\u{e2}\u{20ac}\u{2122}ll go.\u{e2}\u{20ac}\u{9d} Caf\u{c3}\u{a9} \u{e2}\u{20ac}";
        let mut m = MappedText::new();
        m.push_repaired(original, 0);
        assert_eq!(
            m.as_str(),
            "He said: \u{201c}We\u{2019}ll go.\u{201d} Caf\u{e9} \u{201d}"
        );
        // A repaired character maps to where its garbled bytes begin, and the text after it
        // to its own bytes.
        let open = m.as_str().find('\u{201c}').unwrap();
        assert_eq!(m.to_original(open), original.find('\u{e2}').unwrap());
        let we = m.as_str().find("We").unwrap();
        assert_eq!(
            original.slice(m.to_original(we)..),
            original.slice(original.find("We").unwrap()..)
        );
        // Clean text is kept as it is.
        let mut plain = MappedText::new();
        plain.push_repaired("“Plain” text", 7);
        assert_eq!((plain.as_str(), plain.to_original(0)), ("“Plain” text", 7));
    }

    #[test]
    fn windows_are_bounded_and_keep_words_whole() {
        let t = "alpha beta gamma delta";
        assert_eq!(window_start(t, t.len(), 100), 0);
        assert_eq!(t.slice(window_start(t, t.len(), 9)..), "delta");
        assert_eq!(t.slice(..window_end(t, 0, 13)), "alpha beta");
        assert_eq!(window_end(t, 6, 100), t.len());
        let d = "—————";
        assert!(d.is_char_boundary(window_start(d, 7, 4)));
        assert!(d.is_char_boundary(window_end(d, 1, 4)));
    }

    #[test]
    fn lowercase_keeps_offsets() {
        for t in ["In İzmir, ẞ and ΣΑΣ rose", "ÀÉÎ Ǆ ǅ", "ﬃ K Å"] {
            let l = lowercase_aligned(t);
            assert_eq!(l.len(), t.len(), "{t}");
            for (i, _) in t.char_indices() {
                assert!(l.is_char_boundary(i), "{t} at {i}");
            }
        }
        assert_eq!(lowercase_aligned("In İzmir RATES"), "in İzmir rates");
    }

    #[test]
    fn maps_pieces_back() {
        let original = "ad\nHello world.\nSTORY\nBye now.";
        let mut m = MappedText::new();
        m.push_original("Hello world.", 3);
        m.push_synthetic("\n\n", 15);
        m.push_original("Bye now.", 22);
        let t = m.as_str();
        let b = t.find("Bye").unwrap();
        let sp = m.to_span(b, b + 8, original);
        assert_eq!(original.slice(sp.start..sp.end), "Bye now.");
        let sp = m.to_span(0, 5, original);
        assert_eq!(original.slice(sp.start..sp.end), "Hello");
    }
}

/// A pattern with ASCII word boundaries: `\b` and `\B` read as `(?-u:\b)` and `(?-u:\B)`.
/// A Unicode word boundary stops the regex crate's lazy DFA on any text with a character
/// beyond ASCII (a curly quote, a non-breaking space), sending the search to its slower
/// engines; the words these patterns bound (months, units, verbs) are ASCII, so the ASCII
/// boundary finds the same matches. Escaped backslashes (`\\b`) are left alone.
pub fn ascii_bounds(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some(b @ ('b' | 'B')) => {
                out.push_str("(?-u:\\");
                out.push(b);
                out.push(')');
            }
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Compiles a built-in pattern with [`ascii_bounds`].
pub fn regex(pattern: &str) -> Result<regex::Regex, regex::Error> {
    regex::Regex::new(&ascii_bounds(pattern))
}

#[cfg(test)]
mod ascii_bounds_tests {
    use super::{ascii_bounds, regex};

    #[test]
    fn word_boundaries_become_ascii_and_escapes_stay() {
        assert_eq!(ascii_bounds(r"\bMay\b"), r"(?-u:\b)May(?-u:\b)");
        assert_eq!(ascii_bounds(r"a\\b\B"), r"a\\b(?-u:\B)");
        assert_eq!(ascii_bounds(r"\d+\s"), r"\d+\s");
        let re = regex(r"(?i)\bjune\s+(\d+)\b").expect("compiles");
        // Curly quotes and non-breaking spaces around the words change nothing.
        let m = re.captures("“June\u{a0}9” and June 10’s").expect("match");
        assert_eq!(&m[1], "9");
        assert_eq!(re.find_iter("June 10’s talks").count(), 1);
    }
}
