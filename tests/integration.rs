//! concord's integration tests: one binary, one module per area. Tests go through stable
//! boundaries (the CLI, `concord::check`), never internals. Every snapshot lands in the
//! top-level `snapshots/` folder through [`settings`].

#[path = "integration/clean.rs"]
mod clean;
#[path = "integration/cli.rs"]
mod cli;
#[path = "integration/examples.rs"]
mod examples;
#[path = "integration/fuzz.rs"]
mod fuzz;
#[path = "integration/reports.rs"]
mod reports;
#[path = "integration/review.rs"]
mod review;
#[path = "integration/seeds.rs"]
mod seeds;
#[path = "integration/temporal.rs"]
mod temporal;

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

/// A fresh temporary folder under `target/`, removed first if it exists.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}
