//! What concord reads: regular files inside the story folder, within size limits. A FIFO,
//! device, folder or a link out of the folder is a one-line error (named in a manifest) or
//! a note (found in a folder), never a hang or a leak; UTF-16 and CR-only files are read.

use std::path::Path;
use std::process::Command;

use crate::{assert_bad as one_line_error, find, run_in as run, stderr as err};

const A: &str = "The talks began in London on Monday, June 9, 2025, officials said.\n";
const B: &str = "Officials said the talks began in London on June 9, 2025.\n";

fn manifest(dir: &Path, second: &str) {
    std::fs::write(
        dir.join("story.toml"),
        format!(
            "title = \"t\"\n\n[[sources]]\nid = \"a\"\npath = \"a.txt\"\n\n[[sources]]\nid = \"b\"\npath = \"{second}\"\n"
        ),
    )
    .expect("manifest");
    std::fs::write(dir.join("a.txt"), A).expect("a");
}

fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

#[cfg(unix)]
#[test]
fn fifo_in_manifest_is_an_error_not_a_hang() {
    let dir = crate::temp_dir("files-fifo-manifest");
    manifest(&dir, "b.txt");
    if !mkfifo(&dir.join("b.txt")) {
        eprintln!("mkfifo not available: skipped");
        return;
    }
    one_line_error(
        &run(&dir, &["check", "."]),
        &["story.toml:9", "b.txt", "FIFO"],
    );
}

#[cfg(unix)]
#[test]
fn fifo_and_folder_in_a_story_folder_are_noted() {
    let dir = crate::temp_dir("files-fifo-folder");
    std::fs::write(dir.join("a.txt"), A).expect("a");
    std::fs::write(dir.join("b.txt"), B).expect("b");
    std::fs::create_dir(dir.join("c.txt")).expect("dir");
    if !mkfifo(&dir.join("d.txt")) {
        eprintln!("mkfifo not available: skipped");
        return;
    }
    let o = run(&dir, &["check", "."]);
    let e = err(&o);
    assert_eq!(o.status.code(), Some(0), "{e}");
    assert!(e.contains("c.txt: skipped (a folder"), "{e}");
    assert!(e.contains("d.txt: skipped (a FIFO"), "{e}");
}

#[cfg(unix)]
#[test]
fn symlink_out_of_the_folder_is_refused() {
    let dir = crate::temp_dir("files-symlink");
    let outside = crate::temp_dir("files-symlink-outside");
    std::fs::write(outside.join("secret.txt"), "root:x:0:0:secret line\n").expect("secret");
    manifest(&dir, "b.txt");
    std::os::unix::fs::symlink(outside.join("secret.txt"), dir.join("b.txt")).expect("link");
    let o = run(&dir, &["check", ".", "--format", "html"]);
    one_line_error(&o, &["story.toml:9", "b.txt", "outside the story folder"]);
    assert!(!String::from_utf8_lossy(&o.stdout).contains("secret line"));
    // Without a manifest, the link is skipped with a note and never read.
    std::fs::remove_file(dir.join("story.toml")).expect("rm");
    let o = run(&dir, &["check", ".", "--format", "html"]);
    assert!(
        err(&o).contains("b.txt: skipped (a link to a file outside"),
        "{}",
        err(&o)
    );
    assert!(!String::from_utf8_lossy(&o.stdout).contains("secret line"));
    // A link that stays inside the folder is fine.
    std::fs::remove_file(dir.join("b.txt")).expect("rm");
    std::fs::write(dir.join("real.txt"), B).expect("b");
    std::os::unix::fs::symlink(dir.join("real.txt"), dir.join("b.txt")).expect("link");
    manifest(&dir, "b.txt");
    assert_eq!(run(&dir, &["check", "."]).status.code(), Some(0));
}

#[cfg(unix)]
#[test]
fn device_file_is_refused() {
    let dir = crate::temp_dir("files-device");
    manifest(&dir, "b.txt");
    std::os::unix::fs::symlink("/dev/zero", dir.join("b.txt")).expect("link");
    // Outside the folder first of all; read directly, a device is not a regular file.
    one_line_error(&run(&dir, &["check", "."]), &["b.txt"]);
    one_line_error(
        &run(&dir, &["extract", "/dev/zero"]),
        &["/dev/zero", "device"],
    );
}

#[test]
fn oversized_source_is_a_clear_error() {
    let dir = crate::temp_dir("files-big");
    manifest(&dir, "b.txt");
    let f = std::fs::File::create(dir.join("b.txt")).expect("big");
    // Sparse: costs no disk, reads as zeros if concord ever tried.
    f.set_len(concord::story::MAX_SOURCE_BYTES + 1)
        .expect("set_len");
    one_line_error(
        &run(&dir, &["check", "."]),
        &["story.toml:9", "b.txt", "MiB limit"],
    );
}

#[test]
fn utf16_and_cr_only_sources_are_read() {
    let dir = crate::temp_dir("files-encodings");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        "Officials said the talks began in London on June 10, 2025.\r\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    std::fs::write(dir.join("a.txt"), utf16).expect("a");
    std::fs::write(
        dir.join("b.txt"),
        "Headline\r\rThe talks began in London on Monday, June 9, 2025, officials said.\r",
    )
    .expect("b");
    let o = run(&dir, &["check", ".", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let sources = json["sources"].as_array().expect("sources");
    assert!(
        sources.iter().all(|s| s["claims"].as_u64() > Some(0)),
        "{json}"
    );
    assert!(err(&o).contains("UTF-16"), "{}", err(&o));
    // June 9 against June 10, across the two encodings.
    let f = find(&json["findings"], "rule", "date-conflict");
    let b = find(&f["values"], "source", "b");
    assert_eq!(b["span"]["line"], 3, "CR-only lines are counted");
}

#[test]
fn output_write_failure_says_cannot_write() {
    let dir = crate::temp_dir("files-output");
    std::fs::write(dir.join("a.txt"), A).expect("a");
    one_line_error(
        &run(&dir, &["check", ".", "--output", "no/such/dir/out.json"]),
        &["no/such/dir/out.json", "cannot write"],
    );
}
