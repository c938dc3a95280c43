//! Quantities: percentages with the words around them that say what they measure.
//!
//! Output: `Value::Quantity` claims normalised per the contract (`30%`).

use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;

use super::{claim, Claim, Ctx, Value};
use crate::segment::Doc;
use crate::story::Source;
use crate::words;

/// Units and scale words (`rules/lexicon/quantities.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Lexicon {}

/// A number with its unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub value: f64,
    /// Canonical unit: `%`, `USD`, `days`, or empty for a bare count.
    pub unit: String,
}

static PERCENT_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d+(?:\.\d+)?)\s*(?:%|per\s?cent\b|percent\b|pct\b)")
        .expect("static pattern")
});

/// Formats a number without trailing zeros.
pub fn plain(v: f64) -> String {
    let s = format!("{v:.6}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

pub fn extract(si: usize, source: &Source, doc: &Doc, _ctx: &Ctx, out: &mut Vec<Claim>) {
    for (i, s) in doc.sentences.iter().enumerate() {
        let text = doc.sentence_text(i);
        for m in PERCENT_RE.captures_iter(text) {
            let whole = m.get(0).expect("match");
            let Ok(value) = m[1].parse::<f64>() else {
                continue;
            };
            let mut c = claim(
                source,
                doc,
                (si, i),
                (s.start + whole.start(), s.start + whole.end()),
                Value::Quantity(Quantity {
                    value,
                    unit: "%".into(),
                }),
                format!("{}%", plain(value)),
            );
            let before = &text[..whole.start()];
            let window: Vec<&str> = before.split_whitespace().rev().take(8).collect();
            let window: Vec<&str> = window.into_iter().rev().collect();
            let window = window.join(" ");
            c.context = words::content_words(&window);
            c.about = window;
            out.push(c);
        }
    }
}
