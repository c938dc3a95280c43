//! The command line: bad input exits 2 with one clear line naming the file; good input
//! runs from any folder.

use std::path::Path;

use crate::{assert_bad, run_in, stderr};

fn story(dir: &Path, manifest: &str, files: &[(&str, &str)]) {
    std::fs::write(dir.join("story.toml"), manifest).expect("write manifest");
    for (name, text) in files {
        std::fs::write(dir.join(name), text).expect("write file");
    }
}

#[test]
fn missing_path() {
    let dir = crate::temp_dir("cli-missing");
    assert_bad(
        &run_in(&dir, &["check", "nowhere"]),
        &["nowhere", "no such"],
    );
}

#[test]
fn malformed_manifest_names_file_and_line() {
    let dir = crate::temp_dir("cli-malformed");
    story(
        &dir,
        "title = \"x\"\n[[sources]]\nid = \"a\"\npath = \n",
        &[],
    );
    assert_bad(&run_in(&dir, &["check", "."]), &["story.toml:4"]);
}

#[test]
fn unknown_key_is_an_error_with_its_line() {
    let dir = crate::temp_dir("cli-unknown-key");
    story(
        &dir,
        "title = \"x\"\n[[sources]]\nid = \"a\"\npath = \"a.txt\"\npublshed = \"2025-06-10\"\n",
        &[("a.txt", "Text.")],
    );
    assert_bad(
        &run_in(&dir, &["check", "."]),
        &["story.toml:5", "publshed"],
    );
}

#[test]
fn path_leaving_the_story_folder() {
    let dir = crate::temp_dir("cli-escape");
    story(&dir, "[[sources]]\nid = \"a\"\npath = \"../a.txt\"\n", &[]);
    assert_bad(
        &run_in(&dir, &["check", "."]),
        &["story.toml:3", "leaves the story folder"],
    );
}

#[test]
fn duplicate_id() {
    let dir = crate::temp_dir("cli-dup");
    story(
        &dir,
        "[[sources]]\nid = \"a\"\npath = \"a.txt\"\n[[sources]]\nid = \"a\"\npath = \"b.txt\"\n",
        &[("a.txt", "A."), ("b.txt", "B.")],
    );
    assert_bad(
        &run_in(&dir, &["check", "."]),
        &["story.toml:5", "duplicate source id `a`"],
    );
}

#[test]
fn bad_id_role_and_published() {
    let dir = crate::temp_dir("cli-bad-fields");
    story(
        &dir,
        "[[sources]]\nid = \"A b\"\npath = \"a.txt\"\n",
        &[("a.txt", "A.")],
    );
    assert_bad(&run_in(&dir, &["check", "."]), &["story.toml:2", "A b"]);
    story(
        &dir,
        "[[sources]]\nid = \"a\"\npath = \"a.txt\"\nrole = \"editor\"\n",
        &[("a.txt", "A.")],
    );
    assert_bad(&run_in(&dir, &["check", "."]), &["story.toml:4", "editor"]);
    story(
        &dir,
        "[[sources]]\nid = \"a\"\npath = \"a.txt\"\npublished = \"June 10\"\n",
        &[("a.txt", "A.")],
    );
    assert_bad(
        &run_in(&dir, &["check", "."]),
        &["story.toml:4", "RFC 3339"],
    );
}

#[test]
fn missing_source_file_is_named() {
    let dir = crate::temp_dir("cli-missing-source");
    story(&dir, "[[sources]]\nid = \"a\"\npath = \"gone.txt\"\n", &[]);
    assert_bad(&run_in(&dir, &["check", "."]), &["gone.txt"]);
}

#[test]
fn unreadable_file_is_named() {
    let dir = crate::temp_dir("cli-unreadable");
    std::fs::create_dir_all(dir.join("a.txt")).expect("dir named like a file");
    story(&dir, "[[sources]]\nid = \"a\"\npath = \"a.txt\"\n", &[]);
    assert_bad(&run_in(&dir, &["check", "."]), &["a.txt"]);
}

#[test]
fn unknown_and_later_formats_are_refused() {
    let seeds = crate::crate_path("seeds");
    let dir = seeds.to_str().expect("utf-8 path");
    assert_bad(
        &run_in(&seeds, &["check", dir, "--format", "yaml"]),
        &["yaml"],
    );
}

#[test]
fn binary_non_utf8_and_empty_files_do_not_crash() {
    let dir = crate::temp_dir("cli-odd-files");
    std::fs::write(dir.join("bin.txt"), b"\x00\x01\x02binary").expect("write");
    std::fs::write(dir.join("latin1.txt"), b"Caf\xe9 opened on March 3, 2024.").expect("write");
    std::fs::write(dir.join("empty.txt"), b"").expect("write");
    let o = run_in(&dir, &["check", ".", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("bin.txt") && err.contains("latin1.txt"),
        "{err}"
    );
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(report["summary"]["sources"], 3);
}

#[test]
fn folder_without_manifest_takes_txt_md_html() {
    let dir = crate::temp_dir("cli-folder");
    std::fs::write(dir.join("One.txt"), "The summit opened on March 3, 2024.").expect("write");
    std::fs::write(dir.join("two.md"), "The summit opened on March 4, 2024.").expect("write");
    std::fs::write(dir.join("notes.csv"), "a,b").expect("write");
    let o = run_in(&dir, &["check", ".", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let ids: Vec<&str> = report["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .map(|s| s["id"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(ids, ["one", "two"]);
    assert!(
        stderr(&o).contains("notes.csv"),
        "a skipped file is reported"
    );
}

#[test]
fn rules_and_explain() {
    let dir = crate::temp_dir("cli-rules");
    let o = run_in(&dir, &["rules"]);
    assert_eq!(o.status.code(), Some(0));
    let list = String::from_utf8_lossy(&o.stdout);
    assert!(list.contains("date-conflict"), "{list}");
    let o = run_in(&dir, &["explain", "date-conflict"]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("## What it checks") && text.contains("Example 1"),
        "{text}"
    );
    assert_bad(
        &run_in(&dir, &["explain", "no-such-rule"]),
        &["no-such-rule"],
    );
}

#[test]
fn rules_dir_adds_and_overrides() {
    let dir = crate::temp_dir("cli-rules-dir");
    std::fs::write(
        dir.join("date-conflict.toml"),
        "check = \"date-conflict\"\nkind = \"date\"\nseverity = \"warning\"\nsummary = \"Overridden.\"\nexplanation = \"x\"\n",
    )
    .expect("write");
    let o = run_in(&dir, &["rules", "--rules", "."]);
    let list = String::from_utf8_lossy(&o.stdout);
    assert!(list.contains("Overridden."), "{list}");
    std::fs::write(dir.join("bad-rule.toml"), "check = \"nope\"\nkind = \"date\"\nseverity = \"error\"\nsummary = \"s\"\nexplanation = \"e\"\n").expect("write");
    assert_bad(
        &run_in(&dir, &["rules", "--rules", "."]),
        &["bad-rule.toml:1", "unknown check"],
    );
}

#[test]
fn fail_on_sets_the_exit_status() {
    let dir = crate::temp_dir("cli-fail-on");
    std::fs::write(
        dir.join("a.txt"),
        "The summit of Nordic energy ministers opened in Oslo on March 3, 2024.",
    )
    .expect("write");
    std::fs::write(
        dir.join("b.txt"),
        "The Nordic energy ministers' summit opened in Oslo on March 4, 2024.",
    )
    .expect("write");
    assert_eq!(run_in(&dir, &["check", "."]).status.code(), Some(1));
    assert_eq!(
        run_in(&dir, &["check", ".", "--fail-on", "never"])
            .status
            .code(),
        Some(0)
    );
    assert_bad(
        &run_in(&dir, &["check", ".", "--fail-on", "sometimes"]),
        &["sometimes"],
    );
}

#[test]
fn extract_reads_stdin() {
    let o = run_stdin(
        &[
            "extract",
            "--kind",
            "date",
            "--published",
            "2025-06-10",
            "-",
        ],
        "It opened on June 9, 2025 in London.",
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["claims"][0]["normalized"], "2025-06-09");
    assert_eq!(v["claims"][0]["text"], "June 9, 2025");
}

#[test]
fn rule_parameters_are_strict() {
    let dir = crate::temp_dir("cli-rule-params");
    let head = "check = \"value-conflict\"\nkind = \"number\"\nseverity = \"error\"\nsummary = \"s\"\nexplanation = \"e\"\n\n[params]\nclaim = \"number\"\n";
    let cases: &[(&str, &[&str])] = &[
        // A typo is not ignored.
        (
            "tolerence = 0.02\n",
            &[
                "numbers.toml:9",
                "unknown parameter `tolerence`",
                "tolerance",
            ],
        ),
        // Wrong type, NaN, infinity, out of range: never a silent switch-off.
        (
            "tolerance = \"2%\"\n",
            &["numbers.toml:9", "`tolerance`", "a number from 0 to 1"],
        ),
        ("tolerance = nan\n", &["numbers.toml:9", "`tolerance`"]),
        (
            "min-similarity = inf\n",
            &["numbers.toml:9", "`min-similarity`"],
        ),
        (
            "min-similarity = -0.5\n",
            &["numbers.toml:9", "`min-similarity`"],
        ),
        ("claim = \"date\"\n", &["numbers.toml:9", "`claim`"]),
    ];
    for (line, needles) in cases {
        let text = if line.starts_with("claim") {
            head.replace("claim = \"number\"\n", &format!("tolerance = 0.1\n{line}"))
        } else {
            format!("{head}{line}")
        };
        std::fs::write(dir.join("numbers.toml"), text).expect("write");
        assert_bad(&run_in(&dir, &["rules", "--rules", "."]), needles);
    }
    // Whole numbers where a count is meant; a check that takes no parameters takes none.
    std::fs::write(
        dir.join("numbers.toml"),
        "check = \"stance-conflict\"\nkind = \"stance\"\nseverity = \"error\"\nsummary = \"s\"\nexplanation = \"e\"\n\n[params]\nmin-shared = -3\n",
    )
    .expect("write");
    assert_bad(
        &run_in(&dir, &["rules", "--rules", "."]),
        &["numbers.toml:8", "`min-shared`", "whole number"],
    );
    std::fs::write(
        dir.join("numbers.toml"),
        "check = \"date-conflict\"\nkind = \"date\"\nseverity = \"error\"\nsummary = \"s\"\nexplanation = \"e\"\n\n[params]\nwindow = 3\n",
    )
    .expect("write");
    assert_bad(
        &run_in(&dir, &["rules", "--rules", "."]),
        &["numbers.toml:8", "it takes none"],
    );
    // A confidence outside 0 to 1 names its line.
    std::fs::write(
        dir.join("numbers.toml"),
        "check = \"date-conflict\"\nkind = \"date\"\nseverity = \"error\"\nconfidence = 1.5\nsummary = \"s\"\nexplanation = \"e\"\n",
    )
    .expect("write");
    assert_bad(
        &run_in(&dir, &["rules", "--rules", "."]),
        &["numbers.toml:4", "confidence must be between 0 and 1"],
    );
    std::fs::remove_file(dir.join("numbers.toml")).expect("remove");
    // `concord explain` lists what a check takes.
    let o = run_in(&dir, &["explain", "number-conflict"]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("- tolerance = 0.02: "), "{text}");
    assert!(text.contains("a number from 0 to 1"), "{text}");
}

#[test]
fn rule_example_sources_need_distinct_ids() {
    // Found by the fuzzer: two example sources with one id crashed the text renderer.
    let dir = crate::temp_dir("cli-example-ids");
    std::fs::write(
        dir.join("drift.toml"),
        "check = \"quote-drift\"\nkind = \"quote\"\nseverity = \"warning\"\nsummary = \"s\"\nexplanation = \"e\"\n\n[params]\nmode = \"drift\"\n\n[[example]]\ndescription = \"d\"\nexpect = 0\n[[example.source]]\nid = \"paper\"\ntext = \"a\"\n[[example.source]]\nid = \"paper\"\ntext = \"b\"\n",
    )
    .expect("write");
    assert_bad(
        &run_in(&dir, &["rules", "--rules", "."]),
        &["drift.toml:", "example 1", "`paper` is used twice"],
    );
    // A publication time or format concord would refuse in a story is refused here too.
    std::fs::write(
        dir.join("drift.toml"),
        "check = \"quote-drift\"\nkind = \"quote\"\nseverity = \"warning\"\nsummary = \"s\"\nexplanation = \"e\"\n\n[params]\nmode = \"drift\"\n\n[[example]]\ndescription = \"d\"\nexpect = 0\n[[example.source]]\nid = \"paper\"\ntext = \"a\"\npublished = \"last Tuesday\"\n",
    )
    .expect("write");
    assert_bad(
        &run_in(&dir, &["rules", "--rules", "."]),
        &["drift.toml:10", "example 1", "`last Tuesday`"],
    );
}

#[test]
fn a_project_config_sets_defaults_the_command_line_overrides() {
    let project = crate::temp_dir("cli-config");
    let nested = project.join("stories").join("trade");
    std::fs::create_dir_all(&nested).expect("mkdir");
    for entry in std::fs::read_dir(crate::crate_path("seeds")).expect("seeds") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), nested.join(entry.file_name())).expect("copy");
    }
    std::fs::write(
        project.join("concord.toml"),
        "format = \"json\"\nfail-on = \"never\"\n\n[rules]\ndisable = [\"quote-drift\"]\nseverity = { name-variant = \"error\" }\n",
    )
    .expect("write config");
    // Found from a folder below the file.
    let o = run_in(&nested, &["check", "."]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json by default");
    let findings = v["findings"].as_array().expect("findings");
    assert!(findings.iter().all(|f| f["rule"] != "quote-drift"));
    assert!(findings
        .iter()
        .filter(|f| f["rule"] == "name-variant")
        .all(|f| f["severity"] == "error"));
    assert!(findings.iter().any(|f| f["rule"] == "name-variant"));
    // The command line wins.
    let o = run_in(
        &nested,
        &["check", ".", "--format", "text", "--fail-on", "error"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("error[name-variant]"));
    // `concord rules` lists the rules in force.
    let listed = String::from_utf8_lossy(&run_in(&nested, &["rules"]).stdout).into_owned();
    assert!(!listed.contains("quote-drift"), "{listed}");
    assert!(
        listed
            .lines()
            .any(|l| l.starts_with("name-variant") && l.contains("error")),
        "{listed}"
    );
    // `concord config` names the file.
    let o = run_in(&nested, &["config"]);
    let shown = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(
        shown.contains("concord.toml") && shown.contains("quote-drift"),
        "{shown}"
    );
    // A rule that does not exist is an error naming the file and line.
    std::fs::write(
        project.join("concord.toml"),
        "[rules]\ndisable = [\"quote-drfit\"]\n",
    )
    .expect("write config");
    assert_bad(
        &run_in(&nested, &["check", "."]),
        &["concord.toml:2", "quote-drfit"],
    );
    // A confidence threshold: findings below it are left out; out of range names the line.
    std::fs::write(
        project.join("concord.toml"),
        "format = \"json\"\nmin-confidence = 0.85\n",
    )
    .expect("write config");
    let o = run_in(&nested, &["check", "."]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let kept = v["findings"].as_array().expect("findings");
    assert!(!kept.is_empty());
    assert!(kept
        .iter()
        .all(|f| f["confidence"].as_f64().unwrap_or(0.0) >= 0.85));
    std::fs::write(project.join("concord.toml"), "min-confidence = 3\n").expect("write config");
    assert_bad(
        &run_in(&nested, &["check", "."]),
        &["concord.toml:1", "min-confidence"],
    );
    std::fs::write(project.join("concord.toml"), "colour = true\n").expect("write config");
    assert_bad(
        &run_in(&nested, &["check", "."]),
        &["concord.toml:1", "colour"],
    );
}

#[test]
fn standard_input_is_a_source_or_a_draft() {
    let o = run_stdin(
        &["check", "-", "--format", "json"],
        "By Jane Roe June 10, 2025\n\nThe engagements began in London yesterday (June 10) as the two sides met, officials said.\n",
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["findings"][0]["rule"], "internal-date", "{v}");
    assert_eq!(v["findings"][0]["values"][0]["source"], "stdin");
    let o = run_stdin(
        &["review", "-", "--against", "seeds", "--format", "json"],
        "US and Chinese negotiators opened trade talks in London on Sunday, June 8, 2025.\n",
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert!(
        v["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .any(|f| f["rule"] == "date-conflict"
                && f["values"]
                    .as_array()
                    .is_some_and(|vs| vs.iter().any(|x| x["source"] == "draft"))),
        "{v}"
    );
}

/// Runs concord from the project's folder with `input` on its standard input.
fn run_stdin(args: &[&str], input: &str) -> std::process::Output {
    use std::io::Write as _;
    let mut child = crate::concord()
        .args(args)
        .current_dir(crate::crate_path(""))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write");
    child.wait_with_output().expect("wait")
}

#[test]
fn completions_and_man_page_come_from_the_command_line() {
    let dir = crate::temp_dir("cli-shell");
    for shell in ["bash", "zsh", "fish"] {
        let out = run_in(&dir, &["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let script = String::from_utf8_lossy(&out.stdout);
        // Every subcommand and the check options users type most are completed.
        for word in ["check", "review", "explain", "min-confidence", "format"] {
            assert!(script.contains(word), "{shell} completion lacks {word}");
        }
    }
    let out = run_in(&dir, &["completions", "tcsh"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown shell is a usage error"
    );
    let out = run_in(&dir, &["man"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let page = String::from_utf8_lossy(&out.stdout);
    assert!(
        page.starts_with(".ie") || page.contains(".TH concord 1"),
        "{page}"
    );
    // One section per subcommand, with its options.
    for title in ["concord-check", "concord-review", "concord-explain"] {
        assert!(
            page.contains(&format!(".TH {title}")),
            "no page for {title}"
        );
    }
    assert!(
        page.contains("\\-\\-fail\\-on"),
        "the check options are in the page"
    );
}
