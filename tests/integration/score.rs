//! A scorer with exactly the semantics of the evaluation's `score.py`: a JSON report
//! against an answer key (`[[expect]]` discrepancies an editor flags, `[[agree]]` facts that
//! must not be flagged). Findings of severity warning or error count. A finding matches an
//! expect when its kind is the expect's kind and it names enough of the expect's sources with
//! the expected values (dates and numbers normalised; names and identifiers by the source's
//! words, case kept; quotes, stances, roles and internal contradictions by word overlap; a
//! qualifier such as "former" in a key's title must be in the finding). A second finding for
//! an already matched expect counts against precision.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value as Json;
use unicode_normalization::UnicodeNormalization;

/// The score of one report: what `score.py` prints on its last line, plus what it found.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    pub expects: usize,
    pub hit: usize,
    pub findings: usize,
    pub true_positives: usize,
    pub agree_violations: usize,
    /// Per expect id: found or not, and the expect's kind.
    pub by_expect: Vec<(String, String, bool)>,
    /// The kind of every counted finding (warning or error), in report order.
    pub finding_kinds: Vec<String>,
    /// The kinds of findings that matched no expect or repeated one.
    pub extra_kinds: Vec<String>,
}

impl Score {
    pub fn recall(&self) -> f64 {
        if self.expects == 0 {
            1.0
        } else {
            self.hit as f64 / self.expects as f64
        }
    }

    pub fn precision(&self) -> f64 {
        if self.findings == 0 {
            if self.expects == 0 {
                1.0
            } else {
                0.0
            }
        } else {
            self.true_positives as f64 / self.findings as f64
        }
    }

    /// `score.py`'s last line.
    pub fn line(&self) -> String {
        format!(
            "recall={:.2} precision={:.2} agree_violations={} findings={}",
            self.recall(),
            self.precision(),
            self.agree_violations,
            self.findings
        )
    }
}

/// One `[[expect]]` or `[[agree]]` entry.
#[derive(Debug, Clone)]
struct Entry {
    id: String,
    kind: String,
    /// Source id → expected value, in the key's order.
    values: Vec<(String, String)>,
}

const QUOTES: [(char, &str); 7] = [
    ('\u{2018}', "'"),
    ('\u{2019}', "'"),
    ('\u{201c}', "\""),
    ('\u{201d}', "\""),
    ('\u{2013}', "-"),
    ('\u{2014}', "-"),
    ('\u{a0}', " "),
];
const QUALIFIERS: [&str; 10] = [
    "former",
    "ex",
    "acting",
    "interim",
    "deputy",
    "vice",
    "then",
    "assistant",
    "outgoing",
    "incoming",
];
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn re(p: &str) -> Regex {
    Regex::new(p).expect("static pattern")
}

static SPACE: LazyLock<Regex> = LazyLock::new(|| re(r"\s+"));
static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| re(r"^\d{4}-\d{2}-\d{2}"));
static PER_CENT: LazyLock<Regex> = LazyLock::new(|| re(r"\s*(per ?cent|percent|pct)\b"));
static MONEY: LazyLock<Regex> = LazyLock::new(|| re(r"^\$?([0-9.]+(?:e[0-9]+)?)(.*)$"));
static NUMBER: LazyLock<Regex> = LazyLock::new(|| re(r"^([0-9.]+(?:e[0-9]+)?)(.*)$"));
static WORD: LazyLock<Regex> = LazyLock::new(|| re(r"\w+"));
static NOUN: LazyLock<Regex> = LazyLock::new(|| re(r"^[a-z][a-z -]*$"));

fn norm(text: &str) -> String {
    let mut t: String = text.nfkc().collect();
    for (a, b) in QUOTES {
        t = t.replace(a, b);
    }
    SPACE.replace_all(&t, " ").trim().to_string()
}

/// Python's `f"{x:g}"`: six significant digits, exponent form outside 1e-4..1e6.
fn python_g(x: f64) -> String {
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.into();
    }
    if x == 0.0 {
        return "0".into();
    }
    let sci = format!("{x:.5e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let strip = |s: String| {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    };
    if (-4..6).contains(&exp) {
        let decimals = usize::try_from(5 - exp).unwrap_or(0);
        strip(format!("{x:.decimals$}"))
    } else {
        let sign = if exp < 0 { '-' } else { '+' };
        format!(
            "{}e{sign}{:02}",
            strip(mantissa.to_string()),
            exp.unsigned_abs()
        )
    }
}

/// Python's `float()` on `[0-9.]+(e[0-9]+)?`.
fn python_float(s: &str) -> Option<f64> {
    if s.chars().filter(|c| *c == '.').count() > 1 || s.starts_with('e') {
        return None;
    }
    let (mantissa, _) = s.split_once('e').unwrap_or((s, ""));
    if mantissa == "." || mantissa.is_empty() {
        return None;
    }
    s.parse().ok()
}

fn norm_number(text: &str) -> String {
    let t = norm(text).to_lowercase().replace(',', "");
    let t = PER_CENT.replace_all(&t, "%").replace(' ', "");
    let Some(m) = MONEY.captures(&t) else {
        return t;
    };
    let Some(num) = python_float(&m[1]) else {
        return t;
    };
    let mut unit = m[2].to_string();
    if t.starts_with('$') && !unit.contains("usd") {
        unit = format!("usd{unit}");
    }
    format!("{}{unit}", python_g(num))
}

fn split_number(text: &str) -> Option<(String, String)> {
    let n = norm_number(text);
    NUMBER
        .captures(&n)
        .map(|m| (m[1].to_string(), m[2].to_string()))
}

fn words(text: &str) -> HashSet<String> {
    WORD.find_iter(&text.to_lowercase())
        .map(|m| m.as_str().to_string())
        .collect()
}

fn overlap(a: &str, b: &str) -> f64 {
    let wa: HashSet<&str> = WORD.find_iter(a).map(|m| m.as_str()).collect();
    let wb: HashSet<&str> = WORD.find_iter(b).map(|m| m.as_str()).collect();
    if wa.is_empty() || wb.is_empty() {
        return 0.0;
    }
    wa.intersection(&wb).count() as f64 / wa.len().min(wb.len()) as f64
}

/// The forms under which a report value is compared: its normalised value and its text.
fn candidates(value: &Json) -> Vec<String> {
    ["normalized", "text"]
        .iter()
        .filter_map(|f| match value.get(f) {
            None | Some(Json::Null) => None,
            Some(Json::String(s)) => Some(norm(s)),
            Some(other) => Some(norm(&other.to_string())),
        })
        .collect()
}

fn value_matches(kind: &str, expected: &str, value: &Json, strict: bool) -> bool {
    let exp = norm(expected);
    let mut cands = candidates(value);
    if matches!(kind, "date" | "number" | "internal") && ISO_DATE.is_match(&exp) {
        let day: String = exp.chars().take(10).collect();
        return cands.iter().any(|c| c.starts_with(&day));
    }
    if kind == "date" && WEEKDAYS.contains(&exp.to_lowercase().as_str()) {
        let low = exp.to_lowercase();
        return cands.iter().any(|c| c.to_lowercase().contains(&low));
    }
    if kind == "number" {
        let n = norm_number(&exp);
        if cands.iter().any(|c| norm_number(c) == n) {
            return true;
        }
        // A bare count in the key matches a count with its noun ("143" ~ "143 people").
        if let Some((num, unit)) = split_number(&exp) {
            if unit.is_empty() {
                return cands.iter().any(|c| {
                    split_number(c).is_some_and(|(g, u)| {
                        g == num && NOUN.is_match(if u.is_empty() { "-" } else { &u })
                    })
                });
            }
        }
        return false;
    }
    if matches!(kind, "name" | "identifier") {
        // Case matters: the case is often the very discrepancy.
        return cands
            .iter()
            .any(|c| !c.is_empty() && (exp.contains(c.as_str()) || c.contains(exp.as_str())));
    }
    let low = exp.to_lowercase();
    if kind == "role" && strict {
        let need: BTreeSet<String> = words(&exp)
            .into_iter()
            .filter(|w| QUALIFIERS.contains(&w.as_str()))
            .collect();
        cands.retain(|c| {
            let have = words(c);
            need.iter().all(|w| have.contains(w))
        });
    }
    cands.iter().any(|c| {
        let cl = c.to_lowercase();
        !c.is_empty() && (cl.contains(&low) || low.contains(&cl) || overlap(&low, &cl) >= 0.6)
    })
}

fn by_source(finding: &Json) -> BTreeMap<String, Vec<&Json>> {
    let mut out: BTreeMap<String, Vec<&Json>> = BTreeMap::new();
    for v in finding["values"].as_array().into_iter().flatten() {
        let s = v
            .get("source")
            .and_then(Json::as_str)
            .unwrap_or("\u{0}none");
        out.entry(s.to_string()).or_default().push(v);
    }
    out
}

fn matches(entry: &Entry, finding: &Json, strict: bool) -> bool {
    if finding.get("kind").and_then(Json::as_str) != Some(entry.kind.as_str()) {
        return false;
    }
    let values = by_source(finding);
    let shared: Vec<&(String, String)> = entry
        .values
        .iter()
        .filter(|(s, _)| values.contains_key(s))
        .collect();
    let need = entry.values.len().min(2);
    if shared.len() < need {
        return false;
    }
    let good = shared
        .iter()
        .filter(|(s, want)| {
            values[s]
                .iter()
                .any(|v| value_matches(&entry.kind, want, v, strict))
        })
        .count();
    good >= need
}

/// A key value as Python's `str()` writes it.
fn key_value(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => s.clone(),
        toml::Value::Float(f) if f.fract() == 0.0 && f.is_finite() => format!("{f:.1}"),
        other => other.to_string(),
    }
}

fn entries(key: &toml::Table, name: &str) -> Vec<Entry> {
    key.get(name)
        .and_then(toml::Value::as_array)
        .into_iter()
        .flatten()
        .map(|e| Entry {
            id: e.get("id").map(key_value).unwrap_or_default(),
            kind: e.get("kind").map(key_value).unwrap_or_default(),
            values: e
                .get("values")
                .and_then(toml::Value::as_table)
                .map(|t| t.iter().map(|(k, v)| (k.clone(), key_value(v))).collect())
                .unwrap_or_default(),
        })
        .collect()
}

/// Scores `report` (a `concord/report-v1` JSON value) against `key` (an answer key's text).
pub fn score(report: &Json, key: &str) -> Score {
    let key: toml::Table = toml::from_str(key).expect("answer key parses");
    let findings: Vec<&Json> = report["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| matches!(f["severity"].as_str(), Some("warning" | "error")))
        .collect();
    let (expects, agrees) = (entries(&key, "expect"), entries(&key, "agree"));
    let mut used: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
    let mut by_expect = Vec::new();
    let mut hit = 0;
    for e in &expects {
        let found: Vec<usize> = (0..findings.len())
            .filter(|&i| matches(e, findings[i], true))
            .collect();
        if !found.is_empty() {
            hit += 1;
        }
        for &i in &found {
            used.entry(i).or_default().push(&e.id);
        }
        by_expect.push((e.id.clone(), e.kind.clone(), !found.is_empty()));
    }
    let agree_violations = agrees
        .iter()
        .filter(|a| findings.iter().any(|f| matches(a, f, false)))
        .count();
    let mut seen: HashSet<&str> = HashSet::new();
    let mut true_positives = 0;
    let mut extra_kinds = Vec::new();
    for (i, f) in findings.iter().enumerate() {
        let fresh: Vec<&str> = used
            .get(&i)
            .into_iter()
            .flatten()
            .copied()
            .filter(|x| !seen.contains(x))
            .collect();
        if fresh.is_empty() {
            extra_kinds.push(f["kind"].as_str().unwrap_or("").to_string());
        } else {
            true_positives += 1;
            seen.extend(fresh);
        }
    }
    Score {
        expects: expects.len(),
        hit,
        findings: findings.len(),
        true_positives,
        agree_violations,
        by_expect,
        finding_kinds: findings
            .iter()
            .map(|f| f["kind"].as_str().unwrap_or("").to_string())
            .collect(),
        extra_kinds,
    }
}

#[test]
fn python_g_formats_as_python_does() {
    for (x, want) in [
        (6.88e11, "6.88e+11"),
        (1.6, "1.6"),
        (1e16, "1e+16"),
        (123_456_789.0, "1.23457e+08"),
        (0.0001, "0.0001"),
        (0.00001, "1e-05"),
        (30.0, "30"),
        (143.0, "143"),
        (999_999.5, "1e+06"),
        (0.5, "0.5"),
    ] {
        assert_eq!(python_g(x), want, "{x}");
    }
    assert_eq!(norm_number("$688 billion"), "688usdbillion");
    assert_eq!(norm_number("55 per cent"), "55%");
    assert_eq!(norm_number("6.88e11 USD"), "6.88e+11usd");
}
