//! The seed story end to end: JSON and text reports snapshotted, spans exact, runs
//! deterministic.

use concord::report::{json, text};
use concord::{RuleSet, Story};

fn seed_story() -> Story {
    // As a user types it from the project's folder (where cargo runs tests): the report
    // names files "seeds/…", the same on every machine.
    Story::open(std::path::Path::new("seeds")).expect("seed story loads")
}

#[test]
fn seed_report_json() {
    let story = seed_story();
    let report = concord::check(&story, &RuleSet::builtin().expect("rules"));
    crate::settings().bind(|| insta::assert_snapshot!("seeds-json", json::render(&report)));
}

#[test]
fn seed_report_text() {
    let story = seed_story();
    let report = concord::check(&story, &RuleSet::builtin().expect("rules"));
    let out = text::render(&report, &story, text::Options::default());
    crate::settings().bind(|| insta::assert_snapshot!("seeds-text", out));
}

#[test]
fn every_span_slices_its_file_exactly() {
    let story = seed_story();
    let report = concord::check(&story, &RuleSet::builtin().expect("rules"));
    for f in &report.findings {
        for v in &f.values {
            let src = story
                .sources
                .iter()
                .find(|s| s.id == v.source)
                .expect("source");
            let file =
                std::fs::read_to_string(crate::crate_path("seeds").join(&src.path)).expect("read");
            assert_eq!(&file[v.span.start..v.span.end], v.text, "{}", f.rule);
            let (line, col) = src.line_col(v.span.start);
            assert_eq!((line, col), (v.span.line, v.span.column));
        }
    }
}

#[test]
fn two_runs_give_identical_bytes() {
    let a = crate::concord()
        .args(["check", "seeds", "--format", "json"])
        .current_dir(crate::crate_path(""))
        .output()
        .expect("run");
    let b = crate::concord()
        .args(["check", "seeds", "--format", "json"])
        .current_dir(crate::crate_path(""))
        .output()
        .expect("run");
    assert!(!a.stdout.is_empty());
    assert_eq!(a.stdout, b.stdout);
}

/// Precision: stories written for these tests, in three domains (a disaster in text,
/// Markdown and HTML; a rugby final full of scores, leads, players' metres and kicks; company
/// results in euros, percent and points), whose reports agree on every fact in different
/// words, report nothing at warning or error.
#[test]
fn consistent_stories_are_silent() {
    for fixture in [
        "tests/fixtures/consistent",
        "tests/fixtures/consistent-sport",
        "tests/fixtures/consistent-business",
        "tests/fixtures/consistent-transport",
    ] {
        let story = Story::open(&crate::crate_path(fixture)).expect("fixture");
        let report = concord::check(&story, &RuleSet::builtin().expect("rules"));
        let loud: Vec<String> = report
            .findings
            .iter()
            .filter(|f| f.severity.as_str() != "info")
            .map(|f| format!("{}: {}", f.rule, f.message))
            .collect();
        assert!(loud.is_empty(), "{fixture}: {loud:#?}");
        assert!(
            report.summary.claims > 15,
            "{fixture}: the reports' claims are read"
        );
    }
}

/// Recall on a story unlike the seeds: every planted discrepancy is found, at its severity.
#[test]
fn a_rate_decision_story_finds_its_planted_errors() {
    let story = Story::open(&crate::crate_path("tests/fixtures/rate-decision")).expect("fixture");
    let report = concord::check(&story, &RuleSet::builtin().expect("rules"));
    let found: Vec<(&str, &str)> = report
        .findings
        .iter()
        .map(|f| (f.rule.as_str(), f.severity.as_str()))
        .collect();
    for expected in [
        ("date-conflict", "error"),
        ("number-conflict", "error"),
        ("quote-drift", "error"),
        ("name-variant", "warning"),
    ] {
        assert!(found.contains(&expected), "{expected:?} not in {found:?}");
    }
    let date = report
        .findings
        .iter()
        .find(|f| f.rule == "date-conflict")
        .expect("date finding");
    assert_eq!(date.subject, "when the decision was taken");
}
