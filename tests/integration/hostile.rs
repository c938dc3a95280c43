//! Hostile input at CI scale: each class that once made a stage quadratic in time or
//! memory (`concord::hostile`), a large manifest, and a long line without punctuation must
//! finish, under an address-space cap, far inside a limit a quadratic stage would blow.
//! Scaling itself is measured by `benches/hostile.rs`, not here: these tests catch hangs
//! and runaway memory, with a margin wide enough for a slow CI machine.

use std::fmt::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use concord::hostile::{sources, Class};

/// Bytes per source: a long article's page is a tenth of this.
const BYTES: usize = 150_000;
/// A run this long means a stage went quadratic (debug builds take a few seconds).
const HANG: Duration = Duration::from_secs(120);
/// Address space the run may use (KiB): a quadratic copy of 150 KB blows through it.
const MEMORY_KB: u64 = 1_500_000;

/// Runs `concord check DIR` under the memory cap and the hang limit; returns its status.
fn check_bounded(dir: &Path) -> Option<i32> {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v {MEMORY_KB} && exec \"$0\" check . --format json"
        ))
        .arg(env!("CARGO_BIN_EXE_concord"))
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            let mut err = String::new();
            if let Some(mut e) = child.stderr.take() {
                let _ = std::io::Read::read_to_string(&mut e, &mut err);
            }
            assert!(!err.contains("internal error"), "{err}");
            assert!(!err.contains("memory allocation"), "{err}");
            return status.code();
        }
        if start.elapsed() > HANG {
            let _ = child.kill();
            panic!("{} did not finish in {HANG:?}", dir.display());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn every_hostile_class_finishes_within_bounds() {
    for class in Class::ALL {
        let dir = crate::temp_dir(&format!("hostile-{}", class.name()));
        let [a, b] = sources(class, BYTES);
        std::fs::write(dir.join("a.txt"), a).expect("a");
        std::fs::write(dir.join("b.txt"), b).expect("b");
        let status = check_bounded(&dir);
        assert!(
            matches!(status, Some(0 | 1)),
            "{}: exit {status:?}",
            class.name()
        );
    }
}

#[test]
fn a_large_manifest_finishes_within_bounds() {
    let dir = crate::temp_dir("hostile-manifest");
    let mut manifest = String::from("title = \"many sources\"\n");
    for i in 0..3000 {
        let _ = write!(
            manifest,
            "\n[[sources]]\nid = \"s{i}\"\npath = \"{}.txt\"\n",
            i % 3
        );
    }
    std::fs::write(dir.join("story.toml"), manifest).expect("manifest");
    for (i, day) in [9, 9, 10].iter().enumerate() {
        std::fs::write(
            dir.join(format!("{i}.txt")),
            format!("The trade talks began in London on June {day}, 2025, officials said.\n"),
        )
        .expect("source");
    }
    // June 9 against June 10: found, across three thousand sources.
    assert_eq!(check_bounded(&dir), Some(1));
}
