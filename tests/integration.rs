//! concord's integration tests: one binary, one module per area. Tests go through stable
//! boundaries (the CLI, `concord::check`), never internals. Every snapshot lands in the
//! top-level `snapshots/` folder through [`settings`].

// Tests index reports by the offsets they promise (`file[start..end] == text`): a wrong
// offset must fail loudly here, so the crate-wide `string_slice` lint is off for them.
#![allow(clippy::string_slice)]

#[path = "integration/clean.rs"]
mod clean;
#[path = "integration/cli.rs"]
mod cli;
#[path = "integration/examples.rs"]
mod examples;
#[path = "integration/files.rs"]
mod files;
#[path = "integration/frank.rs"]
mod frank;
#[path = "integration/fuzz.rs"]
mod fuzz;
#[path = "integration/hostile.rs"]
mod hostile;
#[path = "integration/reports.rs"]
mod reports;
#[path = "integration/review.rs"]
mod review;
#[path = "integration/robust.rs"]
mod robust;

#[path = "integration/sarif.rs"]
mod sarif;
#[path = "integration/score.rs"]
mod score;
#[path = "integration/seeds.rs"]
mod seeds;
#[path = "integration/stories.rs"]
mod stories;
#[path = "integration/temporal.rs"]
mod temporal;
#[path = "integration/time_grammar.rs"]
mod time_grammar;

use std::path::PathBuf;

/// insta settings that keep every snapshot in the top-level `snapshots/` folder.
pub fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
    s.set_prepend_module_to_snapshot(false);
    s
}

/// A path inside the crate.
pub fn crate_path(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// The concord binary built for these tests.
pub fn concord() -> std::process::Command {
    std::process::Command::new(env!("CARGO_BIN_EXE_concord"))
}

/// Runs concord in `dir`.
pub fn run_in(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    concord()
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run concord")
}

/// A command's standard error as text.
pub fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Exit status 2, one line on stderr containing every `needle`, and no panic.
pub fn assert_bad(o: &std::process::Output, needles: &[&str]) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "stderr: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(
        err.trim_end().lines().count(),
        1,
        "one line expected: {err}"
    );
    for n in needles {
        assert!(err.contains(n), "`{n}` not in: {err}");
    }
}

/// The first element of a JSON array whose `key` equals `value`.
pub fn find<'a>(array: &'a serde_json::Value, key: &str, value: &str) -> &'a serde_json::Value {
    array
        .as_array()
        .and_then(|a| a.iter().find(|x| x[key] == value))
        .unwrap_or_else(|| panic!("no element with {key} = {value} in {array}"))
}

/// Prints `text` on standard error even when the test passes: the harness captures the
/// print macros, not direct writes, and the score tables are meant to be read on every run.
pub fn show(text: &str) {
    use std::io::Write;
    let _ = std::io::stderr().write_all(text.as_bytes());
}

/// A fresh temporary folder under `target/`, removed first if it exists.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}
