//! An input that opens but cannot be read, and files that vanish while a folder is being
//! read: each is named on standard error, the others are still read, and the exit status
//! says something went wrong. Never a panic.
#![cfg(target_os = "linux")]

use std::fs;
use std::process::Stdio;

use crate::support::{Run, Scratch};

#[test]
fn a_file_that_fails_to_read_is_named_and_the_others_are_read() {
    let scratch = Scratch::new("unreadable");
    scratch.write("before.txt", "We counted 12 boats.\n");
    scratch.write("after.txt", "We counted 13 boats.\n");
    // /proc/self/mem opens, but reading its first page fails (EIO).
    let run = scratch.run(&[
        "extract",
        "before.txt",
        "/proc/self/mem",
        "after.txt",
        "--format",
        "jsonl",
    ]);
    run.assert_code(2);
    let values: Vec<_> = run.records().iter().map(|r| r["value"].clone()).collect();
    assert_eq!(values, [12, 13]);
    let stderr = run.stderr();
    assert!(
        stderr.starts_with("/proc/self/mem: error[unreadable]: ") && stderr.lines().count() == 1,
        "{stderr}"
    );
}

#[test]
fn files_that_vanish_while_a_folder_is_read_are_named_not_fatal() {
    let scratch = Scratch::new("vanishing");
    const FILES: usize = 3_000;
    for n in 0..FILES {
        scratch.write(
            &format!("corpus/{n:05}.txt"),
            format!("We counted {n} boats.\n"),
        );
    }
    let child = scratch
        .command(&["extract", "corpus", "--format", "jsonl", "-j", "2"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start crosscheck");
    // Remove the files from the end while crosscheck reads from the start.
    for n in (0..FILES).rev() {
        let _ = fs::remove_file(scratch.path(&format!("corpus/{n:05}.txt")));
    }
    let run = Run(child.wait_with_output().expect("wait for crosscheck"));
    let stderr = run.stderr();
    assert!(!stderr.contains("panicked"), "{stderr}");
    // Whatever was read is whole JSON Lines, in order; whatever vanished is named.
    let records = run.records();
    let values: Vec<u64> = records.iter().filter_map(|r| r["value"].as_u64()).collect();
    assert!(values.windows(2).all(|w| w[0] < w[1]), "{values:?}");
    for line in stderr.lines() {
        assert!(
            line.starts_with("corpus/") && line.contains(": error[not-found]: No such file"),
            "{line}"
        );
    }
    let vanished = stderr.lines().count();
    assert_eq!(
        run.code(),
        Some(if vanished > 0 { 2 } else { 0 }),
        "{stderr}"
    );
    assert!(records.len() + vanished <= FILES);
}
