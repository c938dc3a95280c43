//! Throughput of date resolution (`concord::extract::time::resolve_text`), in bytes of text
//! a second: the sources of the seed story and of the test stories (`tests/stories/`),
//! split into sentences, each resolved against one publication date. The corpus is taken
//! once, 4 and 16 times, each copy with its numbers moved (years back, days forward, other
//! figures up) so that no two copies are the same text; resolution is per sentence, so the
//! throughput should stay flat as the corpus grows.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveTime};
use concord::extract::time::{resolve_text, Anchor, Lexicon};

fn main() {
    divan::main();
}

/// The story folders whose sources make the corpus.
fn story_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.join("seeds")];
    let stories = std::fs::read_dir(root.join("tests/stories")).expect("tests/stories folder");
    let mut more: Vec<PathBuf> = stories
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("story.toml").is_file())
        .collect();
    more.sort();
    dirs.extend(more);
    dirs
}

/// The texts of a story's sources, as its `story.toml` lists them.
fn sources(dir: &Path) -> Vec<String> {
    let manifest = std::fs::read_to_string(dir.join("story.toml")).expect("read story.toml");
    let table: toml::Table = toml::from_str(&manifest).expect("parse story.toml");
    table
        .get("sources")
        .and_then(toml::Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|s| s.get("path").and_then(toml::Value::as_str))
        .filter(|p| [".txt", ".md", ".html"].iter().any(|ext| p.ends_with(ext)))
        .map(|p| std::fs::read_to_string(dir.join(p)).expect("read a source"))
        .collect()
}

/// The zone abbreviations concord ships.
fn lexicon() -> Lexicon {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/lexicon/timezones.toml");
    let text = std::fs::read_to_string(path).expect("read rules/lexicon/timezones.toml");
    toml::from_str(&text).expect("parse rules/lexicon/timezones.toml")
}

/// A text with its numbers moved by `k`: a year (1900–2099) `k` years back, a number up to
/// 28 (a day, most often) `k` days on within 1–28, any other number `k` up.
fn varied(text: &str, k: u64) -> String {
    if k == 0 {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String| {
        if digits.is_empty() {
            return;
        }
        match digits.parse::<u64>() {
            Ok(n) if digits.len() == 4 && (1900..2100).contains(&n) => {
                out.push_str(&(n - k % 50).to_string());
            }
            Ok(n) if (1..=28).contains(&n) && !digits.starts_with('0') => {
                out.push_str(&((n - 1 + k) % 28 + 1).to_string());
            }
            Ok(n) if !digits.starts_with('0') => out.push_str(&(n + k).to_string()),
            _ => out.push_str(digits),
        }
        digits.clear();
    };
    for ch in text.chars() {
        if ch.is_ascii_digit() {
            digits.push(ch);
        } else {
            flush(&mut digits, &mut out);
            out.push(ch);
        }
    }
    flush(&mut digits, &mut out);
    out
}

/// The corpus taken `copies` times, split into sentences: at line ends and at ". ".
fn sentences(copies: u64) -> Vec<String> {
    let texts: Vec<String> = story_dirs().iter().flat_map(|d| sources(d)).collect();
    assert!(!texts.is_empty(), "no source texts found");
    let mut out = Vec::new();
    for k in 0..copies {
        for text in &texts {
            let text = varied(text, k);
            for line in text.lines() {
                out.extend(
                    line.split_inclusive(". ")
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_string),
                );
            }
        }
    }
    out
}

#[divan::bench(args = [1, 4, 16], sample_count = 10, sample_size = 1)]
fn resolve(bencher: divan::Bencher, copies: u64) {
    let sentences = sentences(copies);
    let bytes: usize = sentences.iter().map(String::len).sum();
    let anchor = Anchor {
        date: NaiveDate::from_ymd_opt(2024, 3, 27).expect("a day"),
        time: NaiveTime::from_hms_opt(9, 30, 0),
        desc: "published 2024-03-27 09:30 America/New_York".into(),
        year_only: false,
    };
    let tz = Some(chrono_tz::Tz::America__New_York);
    let lex = lexicon();
    bencher
        .counter(divan::counter::BytesCount::new(bytes))
        .bench(|| {
            let mut dates = 0;
            for s in &sentences {
                dates += resolve_text(divan::black_box(s), Some(&anchor), tz, &lex).len();
            }
            dates
        });
}
