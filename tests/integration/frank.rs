//! Review mode on a fixed subset of FRANK's validation split (`tests/frank/`): each
//! model-written summary is a draft checked against its article, exactly as the evaluation's
//! `frank_score.py` runs it. Prints the balanced accuracy and the recall per error type, and
//! fails below the floor in `tests/stories/floors.toml`.

use std::collections::BTreeMap;
use std::fmt::Write;

use concord::story::{Format, Role, Source, Story};

/// One record's outcome: labelled inconsistent, flagged by concord, its error types.
type Outcome = (bool, bool, Vec<String>);

#[test]
fn frank_subset_holds_its_floor() {
    let text =
        std::fs::read_to_string(crate::crate_path("tests/frank/subset.jsonl")).expect("subset");
    let rules = concord::RuleSet::builtin().expect("rules");
    let mut results: Vec<Outcome> = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let rec: serde_json::Value = serde_json::from_str(line).expect("record");
        let field = |k: &str| rec[k].as_str().unwrap_or("").trim().to_string() + "\n";
        let mut draft = Source::from_text("summary", "summary.txt", Format::Text, field("summary"));
        draft.role = Role::Draft;
        let article = Source::from_text("article", "article.txt", Format::Text, field("article"));
        let story = Story {
            title: Some(format!("FRANK {}", rec["id"].as_str().unwrap_or(""))),
            sources: vec![draft, article],
            ..Story::default()
        };
        let report = concord::check(&story, &rules);
        assert!(
            report.faults.is_empty(),
            "{}: {:?}",
            rec["id"],
            report.faults
        );
        let flagged = report.findings.iter().any(|f| {
            matches!(
                f.severity,
                concord::rules::Severity::Warning | concord::rules::Severity::Error
            ) && f.values.iter().any(|v| v.source == "summary")
        });
        let types = rec["error_types"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|t| t.as_str().map(str::to_string))
            .collect();
        results.push((rec["label"] == "inconsistent", flagged, types));
    }
    let count = |f: &dyn Fn(&Outcome) -> bool| results.iter().filter(|r| f(r)).count();
    let (tp, fneg) = (count(&|r| r.0 && r.1), count(&|r| r.0 && !r.1));
    let (tn, fp) = (count(&|r| !r.0 && !r.1), count(&|r| !r.0 && r.1));
    let tpr = tp as f64 / (tp + fneg).max(1) as f64;
    let tnr = tn as f64 / (tn + fp).max(1) as f64;
    let balanced = f64::midpoint(tpr, tnr);
    let mut by_type: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for r in results.iter().filter(|r| r.0) {
        for t in &r.2 {
            let e = by_type.entry(t.as_str()).or_default();
            e.1 += 1;
            if r.1 {
                e.0 += 1;
            }
        }
    }
    let mut table = format!(
        "FRANK subset: {} records, balanced accuracy {balanced:.4} (flagged: {tp} of {} inconsistent, {fp} of {} consistent)\n",
        results.len(),
        tp + fneg,
        tn + fp
    );
    for (t, (hit, all)) in &by_type {
        let _ = writeln!(table, "  {t:<8} recall {hit}/{all}");
    }
    crate::show(&table);
    let floors: toml::Table = toml::from_str(
        &std::fs::read_to_string(crate::crate_path("tests/stories/floors.toml")).expect("floors"),
    )
    .expect("floors parse");
    let floor = floors["frank"]["balanced-accuracy"]
        .as_float()
        .expect("frank floor");
    let shown: f64 = format!("{balanced:.4}").parse().unwrap();
    assert!(
        shown >= floor,
        "balanced accuracy {shown} is below its floor {floor}\n{table}"
    );
}

/// Precision where every answer is known: the distinct articles of the subset are unrelated
/// stories, so checked together as one story, any finding that compares two of them is a
/// false alarm. Their number must stay at or under the ceiling in `floors.toml`.
#[test]
fn unrelated_articles_raise_few_false_alarms() {
    let text =
        std::fs::read_to_string(crate::crate_path("tests/frank/subset.jsonl")).expect("subset");
    let mut articles: Vec<String> = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let rec: serde_json::Value = serde_json::from_str(line).expect("record");
        let article = rec["article"].as_str().unwrap_or("").trim().to_string() + "\n";
        if !articles.contains(&article) {
            articles.push(article);
        }
    }
    let sources: Vec<Source> = articles
        .into_iter()
        .enumerate()
        .map(|(i, a)| {
            Source::from_text(
                &format!("a{i:03}"),
                &format!("a{i:03}.txt"),
                Format::Text,
                a,
            )
        })
        .collect();
    let count = sources.len();
    let story = Story {
        title: Some("unrelated FRANK articles".into()),
        sources,
        ..Story::default()
    };
    let report = concord::check(&story, &concord::RuleSet::builtin().expect("rules"));
    let alarms: Vec<String> = report
        .findings
        .iter()
        .filter(|f| f.severity.as_str() != "info")
        .filter(|f| {
            f.values
                .iter()
                .map(|v| v.source.as_str())
                .collect::<std::collections::BTreeSet<_>>()
                .len()
                > 1
        })
        .map(|f| format!("{}: {}", f.rule, f.message))
        .collect();
    let floors: toml::Value = toml::from_str(
        &std::fs::read_to_string(crate::crate_path("tests/stories/floors.toml")).expect("floors"),
    )
    .expect("floors.toml");
    let ceiling = floors["unrelated"]["max-false-alarms"]
        .as_integer()
        .expect("unrelated.max-false-alarms") as usize;
    eprintln!(
        "unrelated articles: {count} sources, {} cross-source false alarms (ceiling {ceiling})",
        alarms.len()
    );
    assert!(alarms.len() <= ceiling, "{alarms:#?}");
}
