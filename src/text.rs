//! Cleaned text that remembers where every byte came from.
//!
//! `clean` builds a [`MappedText`] from pieces of the original file (and the odd
//! synthetic separator); later stages work on the cleaned text and turn their ranges back
//! into spans of the original with [`MappedText::to_span`]. Invariant: a span produced
//! here always slices the source text on character boundaries.

use crate::story::Span;

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
            let piece = &self.text[a..b];
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

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(&original[sp.start..sp.end], "Bye now.");
        let sp = m.to_span(0, 5, original);
        assert_eq!(&original[sp.start..sp.end], "Hello");
    }
}
