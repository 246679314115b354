//! Where a file is expected, a device, a FIFO with no writer, a folder or a broken link
//! never makes a run hang or read without end (regressions: a claim file, `--config`,
//! the baseline or `--figures` linked to `/dev/zero` read until 5-10 GB; a FIFO with no
//! writer blocked for ever; `crosscheck.toml` as a folder was ignored; a dangling
//! baseline link was read as no baseline). A device or a folder is an error naming the
//! file, exit 2; a FIFO nobody writes to reads as empty.
#![cfg(unix)]

use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::support::ferry::with_ministry;
use crate::support::Scratch;

/// Runs crosscheck with `args`, failing the test if it takes a minute; the exit status
/// and standard error.
fn run_bounded(scratch: &Scratch, args: &[&str]) -> (Option<i32>, String) {
    let mut child = scratch
        .command(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start crosscheck");
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut stderr = String::new();
            std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
            return (status.code(), stderr);
        }
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("crosscheck {args:?} still running after a minute");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn a_device_is_refused_wherever_a_file_is_expected() {
    let scratch = with_ministry("inputs-device");
    std::os::unix::fs::symlink("/dev/zero", scratch.path("zero.toml")).unwrap();
    for args in [
        &["check", "--claims", "zero.toml"][..],
        &["check", "--config", "zero.toml"],
        &["check", "--baseline", "zero.toml"],
        &["check", "--figures", "zero.toml"],
        &["extract", "zero.toml"],
    ] {
        let (code, stderr) = run_bounded(&scratch, args);
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("zero.toml"), "{args:?}: {stderr}");
        assert!(stderr.contains("is a device"), "{args:?}: {stderr}");
    }
}

#[test]
fn a_fifo_with_no_writer_reads_as_empty() {
    let scratch = with_ministry("inputs-fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(scratch.path("pipe.toml"))
        .status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    for args in [
        &["check", "--claims", "claims", "--claims", "pipe.toml"][..],
        &["check", "--baseline", "pipe.toml"],
        &["extract", "pipe.toml"],
    ] {
        let (code, stderr) = run_bounded(&scratch, args);
        assert!(matches!(code, Some(0 | 1)), "{args:?}: {code:?} {stderr}");
    }
}

#[test]
fn a_settings_folder_and_a_broken_baseline_link_are_errors() {
    let scratch = with_ministry("inputs-folder");
    std::fs::remove_file(scratch.path("crosscheck.toml")).unwrap();
    std::fs::create_dir(scratch.path("crosscheck.toml")).unwrap();
    let (code, stderr) = run_bounded(&scratch, &["check", "--claims", "claims", "docs"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("crosscheck.toml") && stderr.contains("is a folder"),
        "{stderr}"
    );

    std::os::unix::fs::symlink("gone.toml", scratch.path("baseline.toml")).unwrap();
    scratch.write(
        "settings.toml",
        "corpus = [\"docs\"]\nclaims = [\"claims\"]\n",
    );
    let (code, stderr) = run_bounded(
        &scratch,
        &[
            "check",
            "--config",
            "settings.toml",
            "--baseline",
            "baseline.toml",
        ],
    );
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("a link to gone.toml, which does not exist"),
        "{stderr}"
    );
}
