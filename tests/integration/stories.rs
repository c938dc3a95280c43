//! Real stories as the yardstick: every story under `tests/stories/` (development stories in
//! other domains, each with its answer key) and the seed story are checked and scored with
//! the Rust scorer (`score.rs`, the semantics of `score.py`), per story and per finding kind.
//! The table is printed and written to `target/story-scores.md`; a story below its floor in
//! `tests/stories/floors.toml` fails the test. Floors only rise.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};

use crate::score::{score, Score};

/// The kinds of finding a key names, in table order.
pub const KINDS: [&str; 8] = [
    "date",
    "number",
    "identifier",
    "name",
    "role",
    "quote",
    "stance",
    "internal",
];

/// Every scored story: (name, manifest, key).
fn stories() -> Vec<(String, PathBuf, PathBuf)> {
    let mut out = vec![(
        "seeds".to_string(),
        crate::crate_path("seeds/story.toml"),
        crate::crate_path("seeds/key.toml"),
    )];
    let root = crate::crate_path("tests/stories");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("tests/stories")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("story.toml").is_file() && p.join("key.toml").is_file())
        .collect();
    dirs.sort();
    for d in dirs {
        let name = d.file_name().unwrap().to_string_lossy().into_owned();
        out.push((name, d.join("story.toml"), d.join("key.toml")));
    }
    out
}

/// The JSON report concord writes for a story, as a value.
pub fn report_json(manifest: &Path) -> serde_json::Value {
    let story = concord::Story::open(manifest).expect("story opens");
    let rules = concord::RuleSet::builtin().expect("rules");
    let report = concord::check(&story, &rules);
    assert!(
        report.faults.is_empty(),
        "{}: {:?}",
        manifest.display(),
        report.faults
    );
    serde_json::from_str(&concord::report::json::render(&report)).expect("report JSON")
}

/// Recall and precision of one kind: (found, expects, true positives, findings).
fn per_kind(s: &Score, kind: &str) -> (usize, usize, usize, usize) {
    let expects = s.by_expect.iter().filter(|e| e.1 == kind).count();
    let found = s.by_expect.iter().filter(|e| e.1 == kind && e.2).count();
    let findings = s.finding_kinds.iter().filter(|k| *k == kind).count();
    let extra = s.extra_kinds.iter().filter(|k| *k == kind).count();
    (found, expects, findings - extra, findings)
}

fn cell(num: usize, den: usize) -> String {
    if den == 0 {
        "–".into()
    } else {
        format!("{:.2} ({num}/{den})", num as f64 / den as f64)
    }
}

/// The floors: story → (min recall, min precision, max agree violations).
fn floors() -> (BTreeMap<String, (f64, f64, usize)>, toml::Table) {
    let text = std::fs::read_to_string(crate::crate_path("tests/stories/floors.toml"))
        .expect("floors.toml");
    let t: toml::Table = toml::from_str(&text).expect("floors.toml parses");
    let mut out = BTreeMap::new();
    for (name, v) in t
        .get("stories")
        .and_then(toml::Value::as_table)
        .expect("[stories]")
    {
        let f = |k: &str| v.get(k).and_then(toml::Value::as_float).unwrap_or(0.0);
        let max = v
            .get("max-agree-violations")
            .and_then(toml::Value::as_integer)
            .unwrap_or(0);
        out.insert(
            name.clone(),
            (
                f("recall"),
                f("precision"),
                usize::try_from(max).unwrap_or(0),
            ),
        );
    }
    (out, t)
}

#[test]
fn story_scores_hold_their_floors() {
    let (floors, _) = floors();
    let mut table = String::from("| story | recall | precision | agree violations | findings |");
    for k in KINDS {
        let _ = write!(table, " {k} R | {k} P |");
    }
    table.push('\n');
    table.push_str(&"|---".repeat(5 + 2 * KINDS.len()));
    table.push_str("|\n");
    let mut failures = Vec::new();
    let mut totals = vec![(0, 0, 0, 0); KINDS.len()];
    for (name, manifest, key) in stories() {
        let report = report_json(&manifest);
        let key = std::fs::read_to_string(&key).expect("key");
        let s = score(&report, &key);
        let _ = write!(
            table,
            "| {name} | {} | {} | {} | {} |",
            cell(s.hit, s.expects),
            cell(s.true_positives, s.findings),
            s.agree_violations,
            s.findings
        );
        for (k, kind) in KINDS.iter().enumerate() {
            let (f, e, tp, n) = per_kind(&s, kind);
            let _ = write!(table, " {} | {} |", cell(f, e), cell(tp, n));
            totals[k].0 += f;
            totals[k].1 += e;
            totals[k].2 += tp;
            totals[k].3 += n;
        }
        table.push('\n');
        match floors.get(&name) {
            None => failures.push(format!("{name}: no floor in tests/stories/floors.toml")),
            Some(&(recall, precision, agree)) => {
                // Compared as printed (two decimals), like score.py's thresholds.
                let r: f64 = format!("{:.2}", s.recall()).parse().unwrap();
                let p: f64 = format!("{:.2}", s.precision()).parse().unwrap();
                if r < recall || p < precision || s.agree_violations > agree {
                    failures.push(format!(
                        "{name}: {} is below its floor (recall {recall}, precision {precision}, agree violations at most {agree})",
                        s.line()
                    ));
                }
            }
        }
    }
    let _ = write!(table, "| all | | | | |");
    for t in &totals {
        let _ = write!(table, " {} | {} |", cell(t.0, t.1), cell(t.2, t.3));
    }
    table.push('\n');
    eprintln!("\n{table}");
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).parent().map_or_else(
        || PathBuf::from("story-scores.md"),
        |t| t.join("story-scores.md"),
    );
    let _ = std::fs::write(&out, format!("# Story scores\n\n{table}"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The Rust scorer and `score.py` print the same line on every story (when Python 3.11+ is
/// there to run it; CI has it).
#[test]
fn rust_scorer_agrees_with_score_py() {
    let python = std::process::Command::new("python3")
        .args(["-c", "import tomllib"])
        .status();
    if !python.is_ok_and(|s| s.success()) {
        eprintln!("python3 with tomllib not found: score.py comparison skipped");
        return;
    }
    let dir = crate::temp_dir("score-py");
    for (name, manifest, key) in stories() {
        let report = report_json(&manifest);
        let file = dir.join(format!("{name}.json"));
        std::fs::write(&file, report.to_string()).expect("write report");
        let o = std::process::Command::new("python3")
            .arg(crate::crate_path("tests/stories/score.py"))
            .arg(&file)
            .arg(&key)
            .output()
            .expect("run score.py");
        let py = String::from_utf8_lossy(&o.stdout);
        let last = py.lines().last().unwrap_or("").to_string();
        let rust = score(&report, &std::fs::read_to_string(&key).expect("key")).line();
        assert_eq!(rust, last, "{name}");
    }
}
