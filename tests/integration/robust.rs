//! Never crash: hostile but plausible input. Each sentence here once panicked concord (a
//! byte offset computed in one string used to slice another, or arithmetic assuming one
//! byte per character); a panic that does slip through is contained to its stage, named,
//! and makes the run exit 2 with the rest of the report intact.

use std::path::Path;
use std::process::Output;

/// Sentences that once panicked, each from an ordinary news register.
pub const REPROS: &[&str] = &[
    // An em dash before a figure in the same clause.
    "The company said revenue rose—5% to $10 billion in the quarter.",
    // Two neighbouring dates both take the same time of day.
    "The strike ended Monday at 9 a.m. on Tuesday.",
    // Text decoded twice: quotation marks and an accent repaired, spans on the raw bytes.
    "The minister said: \u{e2}\u{20ac}\u{153}We will sign on June 5 in Montr\u{c3}\u{a9}al.\u{e2}\u{20ac}\u{9d} He left \u{e2}\u{20ac}",
    // "İ" grows when lower-cased.
    "Officials in İzmir said chips were offered in exchange for rare earths.",
    "In İzmir, prices rose 5%, wages 6% and rents —7%.",
    "In ẞtraße, prices rose 5%, wages 6% and rents —7%. In total, costs rose 18%: fuel 9% and food 12%.",
];

fn run(dir: &Path, args: &[&str], env: Option<(&str, &str)>) -> Output {
    let mut cmd = crate::concord();
    cmd.args(args).current_dir(dir);
    if let Some((k, v)) = env {
        cmd.env(k, v);
    }
    cmd.output().expect("run concord")
}

fn no_panic(o: &Output) {
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert!(!err.contains("internal error"), "{err}");
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "status {:?}: {err}",
        o.status
    );
}

#[test]
fn repro_sentences_extract_without_panic() {
    let dir = crate::temp_dir("robust-extract");
    for (i, text) in REPROS.iter().enumerate() {
        let file = format!("r{i}.txt");
        std::fs::write(dir.join(&file), text).expect("write");
        let o = run(&dir, &["extract", &file, "--published", "2025-06-10"], None);
        no_panic(&o);
        let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
        for c in json["claims"].as_array().expect("claims") {
            // Every claim's span slices the file exactly, on character boundaries.
            let (s, e) = (
                c["span"]["start"].as_u64().unwrap() as usize,
                c["span"]["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(text.get(s..e), c["text"].as_str(), "{text}");
        }
    }
}

#[test]
fn repro_sentences_check_without_panic() {
    let dir = crate::temp_dir("robust-check");
    for (i, text) in REPROS.iter().enumerate() {
        // Each repro in two sources that differ a little, so rules compare them.
        std::fs::write(dir.join(format!("a{i}.txt")), text).expect("write");
        std::fs::write(dir.join(format!("b{i}.txt")), text.replace('5', "4")).expect("write");
    }
    let o = run(&dir, &["check", ".", "--format", "json"], None);
    no_panic(&o);
}

#[test]
fn a_panicking_stage_is_contained_and_named() {
    let seeds = crate::crate_path("seeds");
    let o = run(
        &seeds,
        &["check", ".", "--format", "json"],
        Some(("CONCORD_FAILPOINT", "extract:bloomberg")),
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("internal error in stage `extract` on `bloomberg`"),
        "{err}"
    );
    assert!(err.contains("please report"), "{err}");
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("a full report");
    assert_eq!(json["faults"][0]["stage"], "extract");
    // The other sources were still checked: findings among them remain.
    assert!(!json["findings"].as_array().unwrap().is_empty());
    assert_eq!(
        crate::find(&json["sources"], "id", "bloomberg")["claims"],
        0
    );
}

#[test]
fn a_panicking_rule_is_contained_and_named() {
    let seeds = crate::crate_path("seeds");
    let o = run(
        &seeds,
        &["check", "."],
        Some(("CONCORD_FAILPOINT", "rule:date-conflict")),
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("stage `rule` on `date-conflict`"), "{err}");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("number-conflict"),
        "other rules still report: {out}"
    );
    assert!(!out.contains("[date-conflict]"), "{out}");
}

#[test]
fn every_story_in_the_project_runs_without_a_fault() {
    let mut dirs = vec![crate::crate_path("seeds")];
    for e in std::fs::read_dir(crate::crate_path("tests/fixtures")).expect("fixtures") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            dirs.push(p);
        }
    }
    dirs.sort();
    for d in dirs {
        let o = run(&d, &["check", ".", "--format", "json"], None);
        no_panic(&o);
        let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json report");
        assert!(json.get("faults").is_none(), "{}: {json}", d.display());
    }
}

#[test]
fn hostile_figures_give_a_claim_or_nothing() {
    let dir = crate::temp_dir("robust-figures");
    let huge = "9".repeat(400);
    let text = format!(
        "Revenue rose to ${huge} billion, {huge}% of output, with 1e308 people and ½½½ hours. A lone - then 12,34,567 rupees and −5% growth.\n"
    );
    std::fs::write(dir.join("f.txt"), &text).expect("write");
    let o = run(&dir, &["extract", "f.txt", "--kind", "number"], None);
    no_panic(&o);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let normalized: Vec<&str> = json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["normalized"].as_str())
        .collect();
    assert!(
        normalized
            .iter()
            .all(|n| !n.contains("inf") && !n.contains("NaN")),
        "{normalized:?}"
    );
    assert!(normalized.contains(&"1.234567e6 INR"), "{normalized:?}");
    assert!(normalized.contains(&"-5%"), "{normalized:?}");
}
