//! Identifiers: product and model codes (H20, A800, GB200, 737 MAX, RTX 4090).
//!
//! A code is a run of capital letters and digits mixing both ("H20", "910B"), optionally with
//! a model suffix word. Known families and the context words that make a code that product
//! are data (`rules/lexicon/identifiers.toml`). Each claim carries the code as written, its
//! confusable skeleton (O→0, I/l→1, S→5, B→8, Z→2) and the sentence's lowercase words, so
//! a rule can match "H2O" to the listed "H20" only where the sentence speaks of chips.

use std::sync::{Arc, LazyLock};

use regex::Regex;
use serde::Deserialize;

use super::{claim, Claim, Ctx, Value};
use crate::segment::Doc;
use crate::story::Source;
use crate::text::Slice;
use crate::words;

/// Known identifier families (`rules/lexicon/identifiers.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Lexicon {
    #[serde(default)]
    pub family: Vec<Family>,
}

/// One product family.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Family {
    pub name: String,
    pub codes: Vec<String>,
    /// Words that, in the same sentence, make a code this family's.
    pub context: Vec<String>,
}

/// A product or model code as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identifier {
    pub code: String,
    /// The code with confusable characters unified.
    pub skeleton: String,
    /// The sentence's distinct lowercase words, sorted (for deciding which family a code
    /// belongs to by binary search), shared by every code of the sentence: a sentence of
    /// 8,000 codes must hold one copy of its words, not 8,000.
    pub words: Arc<[String]>,
}

/// Unifies characters that are easily confused in print or by OCR.
pub fn skeleton(code: &str) -> String {
    code.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c.to_ascii_uppercase() {
            'O' | 'Q' => '0',
            'I' | 'L' => '1',
            'S' => '5',
            'B' => '8',
            'Z' => '2',
            u => u,
        })
        .collect()
}

static CODE_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::regex(r"\b(?:[A-Z]{1,4}-?[0-9][A-Z0-9]{0,5}(?:\s(?:MAX|Pro|Ultra|Max|neo|XL|XLR)\b)?|[A-Z]{2,4}\s[0-9]{3,4}[A-Z]?\b|[0-9]{3}[A-Z]{1,3}|[0-9]{3}\s(?:MAX|X)\b)")
        .expect("static pattern")
});

/// Codes that are not products: standards, groups, ordinary abbreviations.
const NOT_PRODUCTS: &[&str] = &[
    "G7", "G20", "G8", "5G", "4G", "3G", "2G", "B2B", "B2C", "P2P", "COVID-19", "COVID19", "CO2",
    "H1", "H2", "Q1", "Q2", "Q3", "Q4", "FY24", "FY25", "FY26", "MP3", "MP4", "U2", "A1", "K12",
    "T20", "F1", "PM2", "PM10",
];

pub fn extract(si: usize, source: &Source, doc: &Doc, _ctx: &Ctx, out: &mut Vec<Claim>) {
    for (i, s) in doc.sentences.iter().enumerate() {
        let text = doc.sentence_text(i);
        let mut sentence_words: Vec<String> = words::tokens(text)
            .into_iter()
            .map(|(a, b)| text.slice(a..b).to_lowercase())
            .collect();
        sentence_words.sort_unstable();
        sentence_words.dedup();
        let sentence_words: Arc<[String]> = sentence_words.into();
        for m in CODE_RE.find_iter(text) {
            let code = m.as_str();
            let letters = code.chars().filter(char::is_ascii_alphabetic).count();
            let digits = code.chars().filter(char::is_ascii_digit).count();
            if digits == 0 || (letters == 0 && !code.contains(' ')) || NOT_PRODUCTS.contains(&code)
            {
                continue;
            }
            // A year-like run ("2025A") or an ordinal is not a code.
            if code.len() >= 4 && code.slice(..4).chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            let value = Identifier {
                code: code.to_string(),
                skeleton: skeleton(code),
                words: Arc::clone(&sentence_words),
            };
            let mut c = claim(
                source,
                doc,
                (si, i),
                (s.start + m.start(), s.start + m.end()),
                Value::Identifier(value),
                code.to_string(),
            );
            c.context = vec![format!("id:{}", skeleton(code))];
            c.about = code.to_string();
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confusables_share_a_skeleton() {
        assert_eq!(skeleton("H2O"), skeleton("H20"));
        assert_eq!(skeleton("GB2OO"), skeleton("GB200"));
        assert_ne!(skeleton("H100"), skeleton("H200"));
    }

    #[test]
    fn codes_are_found() {
        let found: Vec<&str> = CODE_RE
            .find_iter("Nvidia's H20 and GB200, Boeing's 737 MAX, the RTX 4090 and Huawei's 910B.")
            .map(|m| m.as_str())
            .collect();
        assert_eq!(found, ["H20", "GB200", "737 MAX", "RTX 4090", "910B"]);
    }
}
