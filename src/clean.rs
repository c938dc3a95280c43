//! Clean: from a source's raw text to the article text worth reading.
//!
//! Input: a [`Source`] (text, Markdown or HTML). Output: a [`Cleaned`] text whose every
//! byte maps back to the original, split into paragraphs, plus counts of what was dropped
//! and why. Boilerplate is recognised by the patterns in `rules/lexicon/boilerplate.toml`
//! and by structure (lines that are mostly links, repeated passages).
//! Invariant: cleaning only removes or separates; it never rewrites kept text, so spans
//! of kept text slice the original exactly.

use std::collections::{BTreeMap, HashSet};

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::story::{Format, Source};
use crate::text::MappedText;

/// The boilerplate lexicon (`rules/lexicon/boilerplate.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(try_from = "RawLexicon")]
pub struct Lexicon {
    /// A line matching one of these is page chrome, dropped on its own.
    line: Vec<(String, Regex)>,
    /// A line matching one of these starts a section that is not the story (dropped to
    /// the end of the text).
    section_end: Vec<Regex>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawLexicon {
    #[serde(default)]
    line: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    section_end: Vec<String>,
}

impl TryFrom<RawLexicon> for Lexicon {
    type Error = String;
    fn try_from(raw: RawLexicon) -> Result<Self, String> {
        let compile = |p: &str| {
            Regex::new(&format!("(?i){p}")).map_err(|e| format!("bad pattern `{p}`: {e}"))
        };
        let mut line = Vec::new();
        for (reason, patterns) in raw.line {
            for p in patterns {
                line.push((reason.clone(), compile(&p)?));
            }
        }
        let section_end = raw
            .section_end
            .iter()
            .map(|p| compile(p))
            .collect::<Result<_, _>>()?;
        Ok(Lexicon { line, section_end })
    }
}

/// What was dropped for one reason.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Dropped {
    /// Number of passages (lines or blocks) dropped.
    pub passages: usize,
    /// Bytes of original text they covered.
    pub bytes: usize,
}

/// A source's cleaned text.
#[derive(Debug, Clone, Default)]
pub struct Cleaned {
    pub text: MappedText,
    /// Paragraphs as byte ranges of `text`.
    pub paragraphs: Vec<(usize, usize)>,
    /// Dropped passages by reason (`boilerplate`, `link-list`, `off-topic`, `duplicate`…).
    pub dropped: BTreeMap<String, Dropped>,
}

impl Cleaned {
    fn drop(&mut self, reason: &str, bytes: usize) {
        let d = self.dropped.entry(reason.to_string()).or_default();
        d.passages += 1;
        d.bytes += bytes;
    }
}

/// A candidate paragraph: a range of the original text.
struct Block {
    start: usize,
    end: usize,
}

/// Cleans one source.
pub fn clean(source: &Source, lex: &Lexicon) -> Cleaned {
    let blocks = match source.format {
        Format::Text | Format::Markdown | Format::Html => line_blocks(&source.text),
    };
    let mut out = Cleaned::default();
    let mut seen: HashSet<String> = HashSet::new();
    let mut ended = false;
    for b in blocks {
        let raw = &source.text[b.start..b.end];
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            continue;
        }
        if ended {
            out.drop("off-topic", raw.len());
            continue;
        }
        if lex.section_end.iter().any(|r| r.is_match(trimmed)) {
            ended = true;
            out.drop("off-topic", raw.len());
            continue;
        }
        if let Some((reason, _)) = lex.line.iter().find(|(_, r)| r.is_match(trimmed)) {
            out.drop(reason, raw.len());
            continue;
        }
        if mostly_links(trimmed) {
            out.drop("link-list", raw.len());
            continue;
        }
        let key: String = trimmed
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        if !seen.insert(key) {
            out.drop("duplicate", raw.len());
            continue;
        }
        let lead = raw.len() - raw.trim_start().len();
        let start = b.start + lead;
        if !out.text.is_empty() {
            out.text.push_synthetic("\n\n", start);
        }
        let t0 = out.text.len();
        out.text.push_original(trimmed, start);
        out.paragraphs.push((t0, out.text.len()));
    }
    out
}

/// Lines of the original as blocks.
fn line_blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices('\n') {
        out.push(Block { start, end: i });
        start = i + 1;
    }
    if start < text.len() {
        out.push(Block {
            start,
            end: text.len(),
        });
    }
    out
}

/// Is a line mostly URLs (a link list, a share bar)?
fn mostly_links(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() {
        return false;
    }
    let links = words
        .iter()
        .filter(|w| w.starts_with("http://") || w.starts_with("https://") || w.starts_with("www."))
        .count();
    links * 3 >= words.len()
}
