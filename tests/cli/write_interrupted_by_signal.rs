//! A run stopped by SIGTERM or SIGINT while it writes a report leaves no temporary
//! file behind, and the old report as it was (regression: a signal during a large write
//! left a 251 MB `.….tmp` file).
#![cfg(unix)]

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::support::Scratch;

/// The temporary files in `folder`.
fn temporaries(folder: &Path) -> Vec<String> {
    std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect()
}

fn interrupt_while_writing(signal: &str) {
    let scratch = Scratch::new(&format!("write-signal-{signal}"));
    // 200,000 figures no claim keys: the list of them is tens of megabytes.
    let line = "The depot held 1,234 tonnes of grain and 5,678 bags of salt.\n";
    scratch.write("corpus/big.txt", line.repeat(100_000));
    scratch.write("claims/none.toml", "");
    scratch.write("report.json", "old");
    let mut child = scratch
        .command(&[
            "check",
            "corpus",
            "--claims",
            "claims",
            "--unmatched",
            "--format",
            "json",
            "--output",
            "report.json",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start crosscheck");
    let started = Instant::now();
    let mut caught = false;
    while started.elapsed() < Duration::from_secs(120) {
        if !temporaries(&scratch.root).is_empty() {
            let sent = std::process::Command::new("kill")
                .args([&format!("-{signal}"), &child.id().to_string()])
                .status()
                .expect("kill");
            assert!(sent.success());
            caught = true;
            break;
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    let status = child.wait().unwrap();
    assert!(
        caught,
        "the write ended before it could be interrupted ({status})"
    );
    assert!(!status.success(), "{status}");
    assert!(
        temporaries(&scratch.root).is_empty(),
        "{:?}",
        temporaries(&scratch.root)
    );
    assert_eq!(scratch.read("report.json"), "old");
}

#[test]
fn sigterm_during_a_write_leaves_no_temporary_file() {
    interrupt_while_writing("TERM");
}

#[test]
fn sigint_during_a_write_leaves_no_temporary_file() {
    interrupt_while_writing("INT");
}
