//! What `--output` replaces is what the user named (regressions: a symbolic link, a
//! FIFO or `/dev/null` was replaced by a regular file, a read-only file was overwritten,
//! mode and hard links were lost). A link's target is replaced and the link kept; a
//! FIFO is written through; a file's mode and hard links are kept; a read-only file is
//! refused with exit 2 and kept.
#![cfg(unix)]

use std::fs;
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};

use crate::support::ferry::with_ministry;

#[test]
fn a_link_is_followed_and_kept() {
    let scratch = with_ministry("output-link");
    scratch.write("reports/old.json", "old");
    std::os::unix::fs::symlink("reports/old.json", scratch.path("latest.json")).unwrap();
    scratch
        .run(&["check", "--format", "json", "--output", "latest.json"])
        .assert_code(1);
    let link = fs::symlink_metadata(scratch.path("latest.json")).unwrap();
    assert!(link.file_type().is_symlink(), "the link became a file");
    assert!(scratch.read("reports/old.json").starts_with('{'));
}

#[test]
fn mode_and_hard_links_are_kept() {
    let scratch = with_ministry("output-mode");
    let report = scratch.write("report.json", "old");
    fs::set_permissions(&report, fs::Permissions::from_mode(0o640)).unwrap();
    fs::hard_link(&report, scratch.path("also.json")).unwrap();
    scratch
        .run(&["check", "--format", "json", "--output", "report.json"])
        .assert_code(1);
    let meta = fs::metadata(&report).unwrap();
    assert_eq!(meta.mode() & 0o777, 0o640);
    assert_eq!(meta.nlink(), 2, "the hard link was broken");
    assert_eq!(scratch.read("also.json"), scratch.read("report.json"));
    assert!(scratch.read("also.json").starts_with('{'));
}

#[test]
fn a_read_only_file_is_refused() {
    let scratch = with_ministry("output-read-only");
    let report = scratch.write("report.json", "keep me");
    fs::set_permissions(&report, fs::Permissions::from_mode(0o444)).unwrap();
    let run = scratch.run(&["check", "--format", "json", "--output", "report.json"]);
    run.assert_code(2);
    assert!(run.stderr_line("report.json").contains("read-only"));
    assert_eq!(scratch.read("report.json"), "keep me");
}

#[test]
fn a_fifo_is_written_through() {
    let scratch = with_ministry("output-fifo");
    let fifo = scratch.path("report.pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            fs::File::open(fifo)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            text
        })
    };
    scratch
        .run(&["check", "--format", "json", "--output", "report.pipe"])
        .assert_code(1);
    // Checked first: a FIFO replaced by a file would leave the reader waiting.
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    assert!(reader.join().unwrap().starts_with('{'));
}
