//! Review mode: a Markdown draft with planted errors checked against the seed reports
//! (`tests/fixtures/review`). Its report is snapshotted; findings on the draft keep their
//! severity while disagreements among the references drop to info; spans land on the
//! draft's own lines; `concord review DRAFT --against STORY` gives the same findings.

use concord::{RuleSet, Story};

fn fixture() -> Story {
    // Relative, as typed from the project's folder: the snapshot is the same on any machine.
    Story::open(std::path::Path::new("tests/fixtures/review")).expect("review fixture")
}

#[test]
fn review_report_snapshots() {
    let story = fixture();
    let report = concord::check(&story, &RuleSet::builtin().expect("rules"));
    crate::settings().bind(|| {
        insta::assert_snapshot!("review-json", concord::report::json::render(&report));
        let text = concord::report::text::render(
            &report,
            &story,
            concord::report::text::Options::default(),
        );
        insta::assert_snapshot!("review-text", text);
    });
}

#[test]
fn findings_on_the_draft_keep_severity_and_references_alone_drop_to_info() {
    let story = fixture();
    let rules = RuleSet::builtin().expect("rules");
    let report = concord::check(&story, &rules);
    for f in &report.findings {
        let on_draft = f.values.iter().any(|v| v.source == "draft");
        if !on_draft {
            assert_eq!(f.severity.as_str(), "info", "{}: {}", f.rule, f.message);
        }
    }
    let kinds: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.values.iter().any(|v| v.source == "draft") && f.severity.as_str() != "info")
        .map(|f| f.kind.as_str())
        .collect();
    for kind in [
        "date",
        "number",
        "role",
        "quote",
        "stance",
        "identifier",
        "name",
        "internal",
        "unsupported",
    ] {
        assert!(
            kinds.contains(&kind),
            "no {kind} finding on the draft: {kinds:?}"
        );
    }
    // --all keeps the references' own disagreements at their severity.
    let all = concord::check_with(&story, &rules, concord::review::Options { all: true });
    assert!(all
        .findings
        .iter()
        .any(|f| f.values.iter().all(|v| v.source != "draft") && f.severity.as_str() == "error"));
    // Each draft claim says which references support or contradict it.
    let review = &report.review[0];
    assert_eq!(review.draft, "draft");
    assert!(review
        .claims
        .iter()
        .any(|c| c.text == "20 percent" && c.contradicted_by.contains(&"firstpost".to_string())));
    assert!(review
        .claims
        .iter()
        .any(|c| c.text == "10 percent" && c.supported_by.contains(&"firstpost".to_string())));
}

#[test]
fn draft_spans_point_at_the_markdown_file() {
    let story = fixture();
    let report = concord::check(&story, &RuleSet::builtin().expect("rules"));
    let md = std::fs::read_to_string(crate::crate_path("tests/fixtures/review/draft.md"))
        .expect("draft");
    let lines: Vec<&str> = md.lines().collect();
    for f in &report.findings {
        for v in f.values.iter().filter(|v| v.source == "draft") {
            assert_eq!(&md[v.span.start..v.span.end], v.text);
            assert!(
                lines[v.span.line - 1].contains(v.text.lines().next().unwrap_or("")),
                "{} not on line {}",
                v.text,
                v.span.line
            );
        }
    }
}

#[test]
fn review_command_needs_no_manifest_change() {
    let dir = crate::temp_dir("review-cli");
    let draft = dir.join("my-draft.md");
    std::fs::copy(crate::crate_path("tests/fixtures/review/draft.md"), &draft).expect("copy draft");
    let o = crate::concord()
        .args([
            "review",
            draft.to_str().expect("utf-8"),
            "--against",
            "seeds",
            "--published",
            "2025-06-10T18:00:00+01:00",
            "--format",
            "json",
        ])
        .current_dir(crate::crate_path(""))
        .output()
        .expect("run");
    assert_eq!(
        o.status.code(),
        Some(1),
        "errors on the draft fail the run: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let draft_source = v["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .find(|s| s["role"] == "draft")
        .expect("a draft");
    assert_eq!(draft_source["id"], "my-draft");
    let on_draft = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| {
            f["values"]
                .as_array()
                .is_some_and(|vs| vs.iter().any(|x| x["source"] == "my-draft"))
        })
        .count();
    assert!(on_draft >= 8, "{on_draft} findings on the draft");
}
