//! Date resolution measured on a peer project's test cases (`tests/data/temporal/`, from
//! Microsoft Recognizers-Text, MIT licence): each case's sentence goes through
//! `concord::analyse` with the case's reference time as the publication time (UTC); a case
//! passes when every expected expression is found (its span overlaps a date claim) and
//! resolved to the peer's value (either candidate where the peer gives a past and a
//! future one). Prints the rate per category; fails under 0.90 overall.

use std::collections::BTreeMap;

use concord::story::{Format, Published, PublishedFrom, Source, Story};
use concord::RuleSet;
use serde_json::Value;

fn day_before(iso: &str) -> String {
    chrono::NaiveDate::parse_from_str(&iso[..10], "%Y-%m-%d")
        .ok()
        .and_then(|d| d.pred_opt())
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

fn agrees(expected: &str, got: &str) -> bool {
    if let Some((s, e)) = expected.split_once('/') {
        let Some((gs, ge)) = got.split_once('/') else {
            return false;
        };
        return gs.get(..10) == s.get(..10)
            && (ge.get(..10) == e.get(..10) || ge.get(..10) == Some(day_before(e).as_str()));
    }
    if expected.contains('T') {
        return got.get(..16) == expected.get(..16);
    }
    got.get(..10) == expected.get(..10)
}

fn passes(case: &Value, rules: &RuleSet) -> bool {
    let input = case["input"].as_str().unwrap_or_default();
    let reference = format!("{}+00:00", case["reference"].as_str().unwrap_or_default());
    let mut source = Source::from_text("case", "case.txt", Format::Text, input.to_string());
    source.published = Published::parse_rfc3339(&reference);
    source.published_from = PublishedFrom::Manifest;
    let story = Story {
        timezone: concord::story::parse_timezone("UTC"),
        sources: vec![source],
        ..Story::default()
    };
    let a = concord::analyse(&story, &rules.lexicons);
    let claims: Vec<_> = a
        .claims
        .iter()
        .filter(|c| c.value.kind() == "date")
        .collect();
    case["expressions"]
        .as_array()
        .into_iter()
        .flatten()
        .all(|exp| {
            let text = exp["text"].as_str().unwrap_or_default();
            let chars: Vec<char> = input.chars().collect();
            let mut start = exp["start"].as_u64().unwrap_or(0) as usize;
            let slice: String = chars
                .iter()
                .skip(start)
                .take(text.chars().count())
                .collect();
            if slice.to_lowercase() != text.to_lowercase() {
                start = input
                    .to_lowercase()
                    .find(&text.to_lowercase())
                    .map_or(0, |b| input[..b].chars().count());
            }
            let b0: usize = chars[..start.min(chars.len())]
                .iter()
                .map(|c| c.len_utf8())
                .sum();
            let b1 = b0 + text.len();
            let wanted: Vec<&str> = ["value", "past", "future"]
                .iter()
                .filter_map(|k| exp[k].as_str())
                .collect();
            claims
                .iter()
                .filter(|c| c.span.start < b1 && c.span.end > b0)
                .any(|c| wanted.iter().any(|w| agrees(w, &c.normalized)))
        })
}

#[test]
fn peer_date_cases_pass_at_ninety_percent() {
    let data = std::fs::read_to_string(crate::crate_path(
        "tests/data/temporal/recognizers-en.jsonl",
    ))
    .expect("cases");
    let rules = RuleSet::builtin().expect("rules");
    let mut per: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line).expect("case json");
        let cat = case["category"].as_str().unwrap_or("?").to_string();
        let e = per.entry(cat).or_default();
        e.1 += 1;
        if passes(&case, &rules) {
            e.0 += 1;
        }
    }
    let (passed, total) = per.values().fold((0, 0), |(p, t), (a, b)| (p + a, t + b));
    for (cat, (p, n)) in &per {
        println!("{cat:16} {p:4}/{n:<4} {:.2}", *p as f64 / *n as f64);
    }
    let rate = passed as f64 / total as f64;
    println!("temporal={rate:.2} cases={total}");
    assert!(total > 150, "the case file is complete");
    assert!(rate >= 0.90, "peer pass rate {rate:.2} < 0.90");
}
