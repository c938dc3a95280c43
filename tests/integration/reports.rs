//! Every output format renders the seed report (snapshotted), source text is escaped,
//! SARIF is structurally sound, baselines suppress and count, the rules page is current,
//! and the HTML report renders in a real browser when one is installed.

use std::path::Path;
use std::process::Output;

fn run(args: &[&str]) -> Output {
    crate::concord()
        .args(args)
        .current_dir(crate::crate_path(""))
        .output()
        .expect("run concord")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn seeds(format: &str) -> String {
    let o = run(&["check", "seeds", "--format", format, "--fail-on", "never"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    stdout(&o)
}

fn json_report() -> serde_json::Value {
    serde_json::from_str(&seeds("json")).expect("json report")
}

#[test]
fn every_format_snapshot() {
    for format in ["markdown", "html", "sarif", "github"] {
        let out = seeds(format);
        crate::settings().bind(|| insta::assert_snapshot!(format!("seeds-{format}"), out));
    }
}

#[test]
fn markdown_names_every_rule_and_place() {
    let md = seeds("markdown");
    let report = json_report();
    for f in report["findings"].as_array().expect("findings") {
        let rule = f["rule"].as_str().expect("rule");
        assert!(md.contains(&format!("`{rule}`")), "{rule} missing");
        for v in f["values"].as_array().expect("values") {
            let place = format!("{}:{}", v["span"]["line"], v["span"]["column"]);
            assert!(md.contains(&place), "{place} missing");
        }
    }
}

#[test]
fn sarif_has_one_result_per_finding_with_locations() {
    let sarif: serde_json::Value = serde_json::from_str(&seeds("sarif")).expect("sarif json");
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    let results = run["results"].as_array().expect("results");
    let report = json_report();
    let findings = report["findings"].as_array().expect("findings");
    assert_eq!(results.len(), findings.len());
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    for (r, f) in results.iter().zip(findings) {
        assert_eq!(r["ruleId"], f["rule"]);
        assert!(rules.contains(&r["ruleId"].as_str().unwrap_or("")));
        assert_eq!(r["partialFingerprints"]["concord/v1"], f["fingerprint"]);
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap_or("")));
        let locs = r["locations"].as_array().expect("locations");
        assert_eq!(locs.len(), f["values"].as_array().map_or(0, Vec::len));
        for (l, v) in locs.iter().zip(f["values"].as_array().expect("values")) {
            let region = &l["physicalLocation"]["region"];
            assert_eq!(region["startLine"], v["span"]["line"]);
            assert_eq!(region["byteOffset"], v["span"]["start"]);
            assert!(l["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .is_some_and(|u| std::path::Path::new(u)
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("txt"))));
        }
    }
}

#[test]
fn html_is_self_contained_and_complete() {
    let html = seeds("html");
    for needle in [
        "src=\"http",
        "href=\"http",
        "src='http",
        "<link",
        "@import",
        "url(http",
    ] {
        assert!(!html.contains(needle), "{needle} in HTML");
    }
    let report = json_report();
    for s in report["sources"].as_array().expect("sources") {
        assert!(html.contains(&format!("id=\"s-{}\"", s["id"].as_str().expect("id"))));
    }
    for f in report["findings"].as_array().expect("findings") {
        assert!(html.contains(f["rule"].as_str().expect("rule")));
    }
}

#[test]
fn hostile_text_is_escaped() {
    let dir = "tests/fixtures/hostile";
    let html = stdout(&run(&[
        "check",
        dir,
        "--format",
        "html",
        "--fail-on",
        "never",
    ]));
    assert!(
        html.contains("&lt;script&gt;alert(1)"),
        "the finding quotes the hostile sentence, escaped"
    );
    assert!(
        !html.contains("<script>alert") && !html.contains("<img src=x"),
        "raw markup in HTML"
    );
    let md = stdout(&run(&[
        "check",
        dir,
        "--format",
        "markdown",
        "--fail-on",
        "never",
    ]));
    assert!(
        md.contains("&lt;script&gt;") && !md.contains("<script>") && !md.contains("<img"),
        "{md}"
    );
    assert!(
        !md.contains("[link](javascript"),
        "a link survived in Markdown"
    );
}

#[test]
fn github_commands_carry_file_line_col() {
    let gh = seeds("github");
    let report = json_report();
    let n: usize = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["values"].as_array().map_or(0, Vec::len))
        .sum();
    let _ = n;
    // One annotation per finding, on the source that departs.
    assert_eq!(
        gh.lines().count(),
        report["findings"].as_array().map_or(0, Vec::len)
    );
    assert!(gh.lines().all(|l| l.starts_with("::")
        && l.contains(" file=")
        && l.contains(",line=")
        && l.contains(",col=")));
    // The misspelt name is annotated where it is misspelt, the correct spellings named.
    let lutnick = gh
        .lines()
        .find(|l| l.contains("Howard Lutnick") && l.contains("name-variant"))
        .expect("a name-variant annotation");
    assert!(lutnick.contains("compared with"), "{lutnick}");
    // The job summary gets the full table when the workflow gives its file.
    let dir = crate::temp_dir("step-summary");
    let summary = dir.join("summary.md");
    std::fs::write(&summary, "previous step\n").expect("write");
    let o = crate::concord()
        .args(["check", "seeds", "--format", "github", "--fail-on", "never"])
        .current_dir(crate::crate_path(""))
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .expect("run concord");
    assert_eq!(o.status.code(), Some(0));
    let table = std::fs::read_to_string(&summary).expect("summary");
    assert!(
        table.starts_with("previous step\n") && table.contains("| error |"),
        "{table}"
    );
}

#[test]
fn annotations_name_files_from_the_current_directory() {
    // As a workflow step run from the project root would: every annotated file exists there.
    let o = run(&[
        "check",
        "tests/stories/keybridge",
        "--format",
        "github",
        "--fail-on",
        "never",
    ]);
    let gh = stdout(&o);
    assert!(gh.lines().count() > 0);
    for line in gh.lines() {
        let file = line
            .split(" file=")
            .nth(1)
            .and_then(|rest| rest.split(',').next())
            .expect("file property");
        assert!(
            crate::crate_path(file).is_file(),
            "{file} does not exist from the project root"
        );
    }
    let v: serde_json::Value = serde_json::from_slice(
        &run(&[
            "check",
            "tests/stories/keybridge",
            "--format",
            "json",
            "--fail-on",
            "never",
        ])
        .stdout,
    )
    .expect("json");
    for s in v["sources"].as_array().expect("sources") {
        let file = s["file"].as_str().expect("file");
        assert!(file.starts_with("tests/stories/keybridge/"), "{file}");
        assert!(file.ends_with(s["path"].as_str().expect("path")));
    }
    let sarif: serde_json::Value = serde_json::from_slice(
        &run(&["check", "seeds", "--format", "sarif", "--fail-on", "never"]).stdout,
    )
    .expect("sarif");
    let loc =
        &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert!(loc["uri"].as_str().is_some_and(|u| u.starts_with("seeds/")));
    assert_eq!(loc["uriBaseId"], "%SRCROOT%");
    assert!(sarif["runs"][0]["originalUriBaseIds"]["%SRCROOT%"].is_object());
}

#[test]
fn several_stories_make_one_document() {
    let two = [
        "check",
        "seeds",
        "tests/stories/keybridge",
        "--fail-on",
        "never",
    ];
    let json = run(&[&two[..], &["--format", "json"]].concat());
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("one JSON document");
    assert_eq!(v["schema"], "concord/batch-v1");
    let stories = v["stories"].as_array().expect("stories");
    assert_eq!(stories.len(), 2);
    assert!(stories.iter().all(|r| r["schema"] == "concord/report-v1"));
    let total: u64 = stories
        .iter()
        .map(|r| r["summary"]["findings"].as_u64().expect("count"))
        .sum();
    assert_eq!(v["summary"]["findings"].as_u64(), Some(total));
    // One report per line.
    let lines = stdout(&run(&[&two[..], &["--format", "jsonl"]].concat()));
    assert_eq!(lines.lines().count(), 2);
    for l in lines.lines() {
        let r: serde_json::Value = serde_json::from_str(l).expect("a report per line");
        assert_eq!(r["schema"], "concord/report-v1");
    }
    // One SARIF log, one run per story.
    let sarif: serde_json::Value =
        serde_json::from_slice(&run(&[&two[..], &["--format", "sarif"]].concat()).stdout)
            .expect("sarif");
    assert_eq!(sarif["runs"].as_array().map(Vec::len), Some(2));
    // One HTML page, a section per story, anchors kept apart.
    let html = stdout(&run(&[&two[..], &["--format", "html"]].concat()));
    assert_eq!(html.matches("<html").count(), 1);
    assert!(html.contains("id=\"s1-f1\"") && html.contains("id=\"s2-f1\""));
    // One baseline covers both stories; a story left out of a later run is not "fixed".
    let dir = crate::temp_dir("batch-baseline");
    let base = dir.join("base.json");
    let b = base.to_str().expect("utf-8");
    run(&[&two[..], &["--write-baseline", b]].concat());
    let v: serde_json::Value = serde_json::from_slice(
        &run(&[&two[..], &["--baseline", b, "--format", "json"]].concat()).stdout,
    )
    .expect("json");
    assert_eq!(v["summary"]["findings"], 0);
    assert_eq!(v["summary"]["baselined"].as_u64(), Some(total));
    assert_eq!(v["summary"]["fixed"], 0);
    let v: serde_json::Value = serde_json::from_slice(
        &run(&["check", "seeds", "--baseline", b, "--format", "json"]).stdout,
    )
    .expect("json");
    assert_eq!(v["schema"], "concord/report-v1");
    assert_eq!(v["summary"]["findings"], 0);
    assert_eq!(v["summary"]["fixed"], 0);
}

#[test]
fn a_report_written_to_a_file_still_says_how_the_run_went() {
    let dir = crate::temp_dir("output-summary");
    let file = dir.join("r.json");
    let f = file.to_str().expect("utf-8");
    let o = run(&["check", "seeds", "--format", "json", "--output", f]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("wrote") && err.contains("9 findings (4 error, 5 warning, 0 info)"),
        "{err}"
    );
    let o = run(&[
        "check", "seeds", "--format", "json", "--output", f, "--quiet",
    ]);
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn baseline_suppresses_everything_it_holds() {
    let dir = crate::temp_dir("baseline");
    let base = dir.join("base.json");
    std::fs::write(&base, seeds("json")).expect("write baseline");
    let b = base.to_str().expect("utf-8");
    let o = run(&[
        "check",
        "seeds",
        "--baseline",
        b,
        "--fail-on",
        "info",
        "--format",
        "json",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["findings"].as_array().map(Vec::len), Some(0));
    assert!(v["summary"]["baselined"].as_u64().is_some_and(|n| n > 0));
    assert_eq!(v["summary"]["fixed"], 0);
    // A baseline finding that no longer occurs is reported as fixed.
    let mut edited: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&base).expect("read")).expect("json");
    edited["findings"].as_array_mut().expect("findings").push(serde_json::json!({"fingerprint": "0000000000000000", "rule": "date-conflict", "subject": "gone"}));
    std::fs::write(&base, edited.to_string()).expect("write");
    let v: serde_json::Value = serde_json::from_slice(
        &run(&["check", "seeds", "--baseline", b, "--format", "json"]).stdout,
    )
    .expect("json");
    assert_eq!(v["summary"]["fixed"], 1);
    assert_eq!(v["fixed"][0]["subject"], "gone");
    // --write-baseline writes the full report.
    let written = dir.join("written.json");
    run(&[
        "check",
        "seeds",
        "--write-baseline",
        written.to_str().expect("utf-8"),
        "--fail-on",
        "never",
    ]);
    let w: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&written).expect("written")).expect("json");
    assert_eq!(w["schema"], "concord/report-v1");
    std::fs::write(dir.join("bad.json"), "{").expect("write");
    let o = run(&[
        "check",
        "seeds",
        "--baseline",
        dir.join("bad.json").to_str().expect("utf-8"),
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn rules_page_is_current() {
    let o = run(&["rules", "--format", "markdown"]);
    let page = stdout(&o);
    let file = std::fs::read_to_string(crate::crate_path("docs/rules.md")).unwrap_or_default();
    assert!(
        page == file,
        "docs/rules.md is stale: regenerate it with `cargo run -- rules --format markdown > docs/rules.md`"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&run(&["rules", "--format", "json"]).stdout).expect("json");
    assert!(json.as_array().is_some_and(|a| a
        .iter()
        .all(|r| r["summary"].is_string() && r["examples"].is_array())));
}

#[test]
fn html_renders_in_a_real_browser() {
    let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .find(|p| Path::new(p).exists());
    let Some(chromium) = chromium else {
        // In CI (`.ci/run` installs Chromium) a missing browser is a failure, never a pass.
        assert!(
            std::env::var("CI").map_or(true, |v| v != "true"),
            "CI=true but Chromium is not installed: the HTML report cannot be checked"
        );
        println!("note: chromium not installed; browser test skipped");
        return;
    };
    let target = crate::crate_path("target");
    // CARGO_TARGET_DIR may point elsewhere: the screenshot still goes to ./target.
    std::fs::create_dir_all(&target).expect("target folder");
    let page = target.join("html-report.html");
    std::fs::write(&page, seeds("html")).expect("write page");
    let profile = crate::temp_dir("chromium-profile");
    let flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];
    let url = format!("file://{}", page.display());
    let shot = target.join("html-report.png");
    let o = std::process::Command::new(chromium)
        .args(flags)
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", shot.display()))
        .arg("--window-size=1400,2200")
        .arg(&url)
        .output()
        .expect("run chromium");
    assert!(
        shot.exists(),
        "no screenshot: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = std::process::Command::new(chromium)
        .args(flags)
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(&url)
        .output()
        .expect("run chromium");
    let dom = String::from_utf8_lossy(&o.stdout);
    let report = json_report();
    for f in report["findings"].as_array().expect("findings") {
        assert!(
            dom.contains(f["rule"].as_str().expect("rule")),
            "rendered page lacks {}",
            f["rule"]
        );
    }
}

#[test]
fn stories_checked_in_parallel_give_the_same_bytes() {
    let all = [
        "check",
        "seeds",
        "tests/stories/keybridge",
        "tests/stories/nippon-ussteel",
        "tests/stories/super-bowl",
        "--fail-on",
        "never",
        "--format",
        "json",
    ];
    let one = run(&[&all[..], &["--jobs", "1"]].concat());
    let four = run(&[&all[..], &["--jobs", "4"]].concat());
    let default = run(&all);
    assert_eq!(one.status.code(), Some(0));
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, four.stdout, "--jobs 4 changed the report");
    assert_eq!(
        one.stdout, default.stdout,
        "the default jobs changed the report"
    );
    let zero = run(&["check", "seeds", "--jobs", "0"]);
    assert_eq!(zero.status.code(), Some(2), "--jobs 0 is a usage error");
}

#[test]
fn streamed_json_is_the_rendered_report() {
    // The command line streams the JSON report; the library renders it as a string: the
    // same bytes, for a baseline file too.
    let story = concord::story::Story::open(std::path::Path::new("seeds")).expect("seeds");
    let rules = concord::rules::RuleSet::builtin().expect("rules");
    let rendered = concord::report::json::render(&concord::check(&story, &rules));
    let out = run(&["check", "seeds", "--format", "json"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), rendered);
    let dir = crate::temp_dir("streamed-baseline");
    let base = dir.join("base.json");
    run(&[
        "check",
        "seeds",
        "--write-baseline",
        base.to_str().expect("utf-8"),
    ]);
    assert_eq!(std::fs::read_to_string(&base).expect("baseline"), rendered);
}

#[test]
fn a_stance_finding_shows_the_first_few_sources_and_counts_the_rest() {
    use std::fmt::Write as _;
    // Twelve outlets report an exchange a minister denies: one finding, its evidence bounded.
    let dir = crate::temp_dir("stance-many");
    let mut manifest = String::from("title = \"salmon\"\n");
    for i in 1..=13 {
        let text = if i == 13 {
            "Trade minister Ola Berg said there was no quid pro quo between salmon import \
             limits and copper export controls."
                .to_string()
        } else {
            format!(
                "Report {i}. Norway will lift its salmon import limits in exchange for Chile \
                 easing its copper export controls, officials said."
            )
        };
        std::fs::write(dir.join(format!("s{i}.txt")), text).expect("write");
        let _ = write!(
            manifest,
            "[[sources]]\nid = \"s{i}\"\npath = \"s{i}.txt\"\n"
        );
    }
    std::fs::write(dir.join("story.toml"), manifest).expect("write manifest");
    let out = run(&["check", dir.to_str().expect("utf-8"), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let stance: Vec<&serde_json::Value> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == "stance-conflict")
        .collect();
    assert_eq!(stance.len(), 1, "{stance:#?}");
    let f = stance[0];
    assert!(
        f["message"]
            .as_str()
            .is_some_and(|m| m.contains("4 more") && m.contains("s13")),
        "{f:#}"
    );
    // Eight asserting sources and the denial.
    assert_eq!(f["values"].as_array().map(Vec::len), Some(9), "{f:#}");
}

/// Writes a story of plain-text sources `s1`, `s2`, … and checks it as JSON.
fn check_texts(name: &str, texts: &[&str]) -> serde_json::Value {
    use std::fmt::Write as _;
    let dir = crate::temp_dir(name);
    let mut manifest = String::from("title = \"t\"\n");
    for (i, text) in texts.iter().enumerate() {
        std::fs::write(dir.join(format!("s{}.txt", i + 1)), text).expect("write");
        let _ = write!(
            manifest,
            "[[sources]]\nid = \"s{n}\"\npath = \"s{n}.txt\"\n",
            n = i + 1
        );
    }
    std::fs::write(dir.join("story.toml"), manifest).expect("write manifest");
    let out = run(&["check", dir.to_str().expect("utf-8"), "--format", "json"]);
    serde_json::from_slice(&out.stdout).expect("json")
}

fn findings_of<'a>(v: &'a serde_json::Value, rule: &str) -> Vec<&'a serde_json::Value> {
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == rule)
        .collect()
}

#[test]
fn a_finding_says_first_what_most_sources_say_then_who_departs() {
    // A flood toll: four sources agree, one departs.
    let flood = check_texts(
        "majority-flood",
        &[
            "Floods in the valley killed 9 people on Tuesday, officials said.",
            "The floods killed 9 people in the valley on Tuesday.",
            "Officials said 9 people were killed by the floods in the valley.",
            "Floods killed 9 people across the valley on Tuesday, police said.",
            "Floods in the valley killed 10 people on Tuesday, officials said.",
        ],
    );
    let found = findings_of(&flood, "number-conflict");
    assert_eq!(found.len(), 1, "{flood:#}");
    let message = found[0]["message"].as_str().expect("message");
    assert!(
        message.starts_with("4 sources (s1, s2, s3, s4) say 9 people; s5 says 10 people"),
        "{message}"
    );
    // A product launch date: two sources against one.
    let launch = check_texts(
        "majority-launch",
        &[
            "Acme will release the phone on March 3, 2025, the company said.",
            "Acme will release the phone on March 3, 2025, a spokeswoman said.",
            "Acme will release the phone on March 4, 2025, the company said.",
        ],
    );
    let found = findings_of(&launch, "date-conflict");
    assert_eq!(found.len(), 1, "{launch:#}");
    let message = found[0]["message"].as_str().expect("message");
    assert!(
        message.starts_with("2 sources (s1, s2) say 2025-03-03"),
        "{message}"
    );
    assert!(
        message.ends_with("s3 says 2025-03-04 (Tuesday)"),
        "{message}"
    );
}

#[test]
fn a_quote_diff_runs_from_the_majority_wording_to_each_departing_one() {
    // A coach's words: two sources agree, two others change them, each differently.
    let v = check_texts(
        "quote-majority",
        &[
            "Coach Dana Reyes said: \"We played with heart tonight and the fans carried us to the very end.\"",
            "\"We played with heart tonight and the fans carried us to the very end,\" Reyes said.",
            "\"We played with real heart tonight and the fans carried us to the very end,\" coach Dana Reyes said.",
            "Reyes said: \"We played with heart tonight and our fans carried us right to the end.\"",
        ],
    );
    let found = findings_of(&v, "quote-drift");
    assert_eq!(found.len(), 1, "{v:#}");
    let diffs = found[0]["diffs"].as_array().expect("diffs");
    let pairs: Vec<(&str, &str)> = diffs
        .iter()
        .map(|d| {
            (
                d["from"].as_str().unwrap_or(""),
                d["to"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(pairs, [("s1, s2", "s3"), ("s1, s2", "s4")], "{v:#}");
    // `diff` (report-v1) is the first of them.
    assert_eq!(found[0]["diff"], diffs[0]["diff"]);
}

#[test]
fn one_stance_finding_per_denied_link_whoever_prints_the_denial() {
    // Six outlets report a trade of salmon limits for copper controls; three print the
    // minister's denial: one finding naming both sides, not one per denial.
    let mut texts: Vec<String> = (1..=6)
        .map(|i| {
            format!(
                "Report {i}. Norway will lift its salmon import limits in exchange for Chile \
                 easing its copper export controls, officials said."
            )
        })
        .collect();
    for i in 7..=9 {
        texts.push(format!(
            "Bulletin {i}. Trade minister Ola Berg said there was no quid pro quo between \
             salmon import limits and copper export controls."
        ));
    }
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let v = check_texts("stance-grouped", &refs);
    let found = findings_of(&v, "stance-conflict");
    assert_eq!(found.len(), 1, "{v:#}");
    let message = found[0]["message"].as_str().expect("message");
    assert!(
        message.ends_with("report a link that s7, s8, s9 report denied"),
        "{message}"
    );
    // Six asserting sources and the three denials.
    assert_eq!(found[0]["values"].as_array().map(Vec::len), Some(9));
}

#[test]
fn a_fact_every_one_of_a_thousand_sources_states_is_still_compared() {
    // A thousand sources give a bridge collapse's toll, each in its own words around the
    // figure; one departs. The message stays short however many sources agree.
    let who = [
        "Police",
        "Officials",
        "Rescuers",
        "Firefighters",
        "The mayor",
        "The governor",
        "Engineers",
        "Witnesses",
        "Union leaders",
        "The contractor",
        "State officials",
        "The coast guard",
        "Divers",
        "Hospital staff",
        "A spokesman",
        "City officials",
        "Investigators",
        "The minister",
        "Emergency crews",
        "Local reporters",
        "The company",
        "Inspectors",
        "A police chief",
        "Volunteers",
        "County officials",
    ];
    let when = [
        "early on Tuesday",
        "overnight",
        "on Tuesday morning",
        "late on Monday",
        "before dawn",
        "in the night",
        "at the weekend",
        "after midnight",
        "during the storm",
        "in heavy rain",
        "near the river",
        "at the harbour",
        "by the port",
        "in the city",
        "along the highway",
        "during rush hour",
        "while traffic was light",
        "as ships passed",
        "in strong winds",
        "during repairs",
        "amid the fog",
        "after the impact",
        "as crews worked",
        "in cold water",
        "near the docks",
        "off the coast",
        "over the estuary",
        "in the dark",
        "without warning",
        "within seconds",
        "in thick mist",
        "near the pier",
        "above the channel",
        "beside the terminal",
        "during a shift",
        "at low tide",
        "under the span",
        "across the bay",
        "near the tunnel",
        "close to shore",
    ];
    let texts: Vec<String> = who
        .iter()
        .flat_map(|w| when.iter().map(move |t| (w, t)))
        .enumerate()
        .map(|(i, (w, t))| {
            let n = if i == 500 { 8 } else { 6 };
            format!("{w} said {t} the bridge collapse killed {n} workers.")
        })
        .collect();
    assert_eq!(texts.len(), 1000);
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let v = check_texts("thousand-sources", &refs);
    let found = findings_of(&v, "number-conflict");
    assert_eq!(found.len(), 1, "{:#}", v["findings"]);
    let message = found[0]["message"].as_str().expect("message");
    assert_eq!(
        message,
        "999 sources (s1, s2, s3, s4, s5, s6, s7, s8, 991 more) say 6 workers; s501 says 8 workers"
    );
}

#[test]
fn a_finding_shows_the_first_eight_sources_of_each_value_and_counts_the_rest() {
    // Twelve sources give one launch date, one another: the finding shows eight of the
    // twelve and the one, and its note counts the four left out.
    let mut texts: Vec<String> = (1..=12)
        .map(|i| {
            format!("Report {i}. Acme will release the phone on March 3, 2025, the company said.")
        })
        .collect();
    texts.push("Acme will release the phone on March 4, 2025, the company said.".into());
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let v = check_texts("bounded-evidence", &refs);
    let found = findings_of(&v, "date-conflict");
    assert_eq!(found.len(), 1, "{v:#}");
    let values = found[0]["values"].as_array().expect("values");
    assert_eq!(values.len(), 9, "{:#}", found[0]);
    assert!(values.iter().any(|x| x["source"] == "s13"));
    let note = found[0]["note"].as_str().unwrap_or("");
    assert!(note.contains("4 more sources give these values"), "{note}");
    assert!(
        found[0]["message"]
            .as_str()
            .is_some_and(|m| m
                .starts_with("12 sources (s1, s2, s3, s4, s5, s6, s7, s8, 4 more) say 2025-03-03")),
        "{:#}",
        found[0]
    );
}
