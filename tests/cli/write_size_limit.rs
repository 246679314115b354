//! A write that meets a file-size limit (`ulimit -f`, as a full disk would) fails with
//! a message and exit 2 instead of killing the run with SIGXFSZ, leaves no temporary
//! file, and keeps the old file (regression: `baseline` and `--output` were killed and
//! left `.….tmp` files behind).
#![cfg(unix)]

use crate::support::ferry::with_ministry;

/// Names in the project folder that look like leftovers of a write.
fn leftovers(root: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect()
}

#[test]
fn a_size_limit_fails_the_write_cleanly() {
    let scratch = with_ministry("write-size-limit");
    scratch.write("report.json", "old");
    let binary = env!("CARGO_BIN_EXE_crosscheck");
    // One block of 512 or 1,024 bytes: the JSON report is longer.
    for command in ["check --format json --output report.json", "baseline"] {
        let output = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("ulimit -f 1; exec '{binary}' {command}"))
            .current_dir(&scratch.root)
            .output()
            .expect("run sh");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{command}: {stderr}");
        assert!(stderr.contains("cannot write"), "{command}: {stderr}");
        assert!(
            leftovers(&scratch.root).is_empty(),
            "{command}: {:?}",
            leftovers(&scratch.root)
        );
    }
    assert_eq!(scratch.read("report.json"), "old");
    assert!(!scratch.path("crosscheck-baseline.toml").exists());
}
