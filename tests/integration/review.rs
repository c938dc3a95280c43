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

/// `concord review DRAFT --against STORY` with a draft copied from the references.
fn review_json(draft: &str, story: &std::path::Path, extra: &[&str]) -> serde_json::Value {
    // One folder per call: tests run in parallel.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = crate::temp_dir(&format!("review-draft-{n}"));
    let path = dir.join("draft.txt");
    std::fs::write(&path, draft).expect("write draft");
    let mut args = vec![
        "review",
        path.to_str().expect("utf-8 path"),
        "--against",
        story.to_str().expect("utf-8 path"),
        "--format",
        "json",
        "--fail-on",
        "never",
    ];
    args.extend_from_slice(extra);
    let out = crate::concord().args(&args).output().expect("run concord");
    assert_eq!(out.status.code(), Some(0), "{}", crate::stderr(&out));
    serde_json::from_slice(&out.stdout).expect("a JSON report")
}

/// The findings of a report that name the draft at warning or error.
fn loud_on_draft(report: &serde_json::Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["severity"] != "info")
        .filter(|f| {
            f["values"]
                .as_array()
                .is_some_and(|vs| vs.iter().any(|v| v["source"] == "draft"))
        })
        .map(|f| format!("{}: {} {}", f["rule"], f["subject"], f["message"]))
        .collect()
}

#[test]
fn a_draft_that_copies_its_references_sentence_by_sentence_is_quiet() {
    // Sentences taken from three of the seed reports, in their own words.
    let seeds = crate::crate_path("seeds");
    let mut draft = String::new();
    for file in [
        "001_63d238dfb94e751f.txt",
        "003_f33406f2d147a99b.txt",
        "004_eba7041762319045.txt",
    ] {
        let text = std::fs::read_to_string(seeds.join(file)).unwrap_or_default();
        let picked: Vec<&str> = text
            .lines()
            .filter(|l| l.split_whitespace().count() > 12)
            .take(3)
            .collect();
        for line in picked {
            draft.push_str(line);
            draft.push_str("\n\n");
        }
    }
    assert!(draft.len() > 500, "the seed files were read");
    let report = review_json(&draft, &seeds, &[]);
    let loud = loud_on_draft(&report);
    assert!(loud.is_empty(), "{loud:#?}");
    // Sentence by sentence: each is supported by the reference sentence it copies.
    let sentences = report["review"][0]["sentences"]
        .as_array()
        .expect("the review's sentences");
    assert!(sentences.len() >= 9, "{} sentences", sentences.len());
    for s in sentences {
        assert_eq!(s["verdict"], "supported", "{s:#}");
        assert_eq!(s["support"][0]["overlap"], 1.0, "{s:#}");
    }
}

#[test]
fn a_reference_given_as_one_long_paragraph_is_kept() {
    // Two references, one of them a single long paragraph that shares few words with the
    // other: it is the article, not a sidebar, and the draft's figures are found in it.
    let dir = crate::temp_dir("review-one-paragraph");
    let long = "The river Kell burst its banks at Marton on Sunday night after three days of \
        rain, flooding 40 homes and closing the A614 bridge. Firefighters rescued 12 people by \
        boat, the county fire service said, and a rest centre opened at Marton school. The \
        Environment Agency issued 9 flood warnings along the valley. Farmers lost about 300 \
        sheep in the fields below the weir, the farmers' union estimated. Engineers will \
        inspect the bridge on Tuesday before it reopens. Residents said the water rose faster \
        than in 2007, when the last great flood hit the town.";
    let other = "Heavy rain fell across the north on Sunday. Forecasters expect drier weather \
        later in the week.";
    std::fs::write(dir.join("long.txt"), long).expect("write");
    std::fs::write(dir.join("other.txt"), other).expect("write");
    std::fs::write(
        dir.join("story.toml"),
        "title = \"flood\"\n[[sources]]\nid = \"long\"\npath = \"long.txt\"\n[[sources]]\nid = \"other\"\npath = \"other.txt\"\n",
    )
    .expect("write manifest");
    let draft = "Firefighters rescued 12 people by boat after the river Kell flooded 40 homes \
        in Marton.";
    let report = review_json(draft, &dir, &[]);
    let sentence = &report["review"][0]["sentences"][0];
    assert_eq!(sentence["verdict"], "supported", "{sentence:#}");
    assert_eq!(sentence["support"][0]["source"], "long", "{sentence:#}");
    let long_source = crate::find(&report["sources"], "id", "long");
    assert!(
        long_source["sentences"].as_u64().unwrap_or(0) >= 6,
        "the long paragraph is kept: {long_source:#}"
    );
    let loud = loud_on_draft(&report);
    assert!(loud.is_empty(), "{loud:#?}");
}

#[test]
fn min_confidence_leaves_out_the_less_sure_findings() {
    let seeds = crate::crate_path("seeds");
    let run = |extra: &[&str]| {
        let mut args = vec!["check", seeds.to_str().expect("utf-8"), "--format", "json"];
        args.extend_from_slice(extra);
        let out = crate::concord().args(&args).output().expect("run");
        serde_json::from_slice::<serde_json::Value>(&out.stdout).expect("json")
    };
    let all = run(&[]);
    let sure = run(&["--min-confidence", "0.85"]);
    let confidences = |r: &serde_json::Value| -> Vec<f64> {
        r["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|f| f["confidence"].as_f64().expect("a confidence"))
            .collect()
    };
    let (c_all, c_sure) = (confidences(&all), confidences(&sure));
    assert!(c_all.iter().all(|c| (0.0..=1.0).contains(c)));
    assert!(c_all.iter().any(|c| *c < 0.85), "{c_all:?}");
    assert!(!c_sure.is_empty() && c_sure.iter().all(|c| *c >= 0.85));
    assert_eq!(
        sure["summary"]["findings"].as_u64(),
        Some(c_sure.len() as u64)
    );
    let bad = crate::concord()
        .args([
            "check",
            seeds.to_str().expect("utf-8"),
            "--min-confidence",
            "2",
        ])
        .output()
        .expect("run");
    assert_eq!(bad.status.code(), Some(2));
    assert!(crate::stderr(&bad).contains("between 0 and 1"));
}

#[test]
fn a_draft_that_swaps_who_did_what_or_denies_it_is_flagged_on_its_own_words() {
    // Two references of one match report; a draft with the winner and loser swapped, and one
    // that says a player who withdrew did not.
    let dir = crate::temp_dir("review-relations");
    std::fs::write(
        dir.join("a.txt"),
        "Elena Marsh beat Priya Nair 6-4 6-3 in the final in Doha on Saturday. Nair had \
         beaten Marsh twice this season. Sofia Lind withdrew with a wrist injury.",
    )
    .expect("write");
    std::fs::write(
        dir.join("b.txt"),
        "Priya Nair was beaten by Elena Marsh in the Doha final. Sofia Lind withdrew before \
         the semi-final.",
    )
    .expect("write");
    std::fs::write(
        dir.join("story.toml"),
        "title = \"final\"\n[[sources]]\nid = \"a\"\npath = \"a.txt\"\n[[sources]]\nid = \"b\"\npath = \"b.txt\"\n",
    )
    .expect("write manifest");
    // The draft's findings from this rule.
    let relation_findings = |draft: &str| -> Vec<String> {
        loud_on_draft(&review_json(draft, &dir, &[]))
            .into_iter()
            .filter(|f| f.contains("relation-conflict"))
            .collect()
    };
    let swapped = relation_findings("Priya Nair beat Elena Marsh in the final in Doha.");
    let report = review_json(
        "Priya Nair beat Elena Marsh in the final in Doha.",
        &dir,
        &[],
    );
    let sentence = &report["review"][0]["sentences"][0];
    assert_eq!(sentence["verdict"], "contradicted", "{sentence:#}");
    assert_eq!(sentence["support"][0]["source"], "a", "{sentence:#}");
    assert!(
        swapped.iter().any(|f| f.contains("who beat whom")),
        "{swapped:#?}"
    );
    let denied =
        relation_findings("Elena Marsh beat Priya Nair in the final. Sofia Lind did not withdraw.");
    assert!(denied.iter().any(|f| f.contains("withdr")), "{denied:#?}");
    // The draft that tells the match as the references do is quiet.
    let right = relation_findings(
        "Elena Marsh beat Priya Nair in the Doha final. Sofia Lind withdrew injured.",
    );
    assert!(right.is_empty(), "{right:#?}");
}
