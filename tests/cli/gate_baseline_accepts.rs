//! CI gate, accepting findings: `crosscheck baseline` writes crosscheck-baseline.toml
//! with each finding's fingerprint and an empty reason to fill in; `check` then exits 0,
//! still reporting the contradictions but no longer marking them new.

use crate::support::ferry::{contradictions, report, with_ministry};

#[test]
fn baseline_writes_fingerprints_with_empty_reasons() {
    let scratch = with_ministry("gate-accept-file");
    let before = contradictions(&report(&scratch, &[], 1));
    assert_eq!(before.len(), 2, "{before:?}");

    let run = scratch.run(&["baseline"]);
    run.assert_code(0);
    assert!(
        run.stderr()
            .contains("crosscheck-baseline.toml: 2 added, 0 kept"),
        "{}",
        run.stderr()
    );
    assert_eq!(run.stdout(), "");
    let text = std::fs::read_to_string(scratch.path("crosscheck-baseline.toml"))
        .expect("the baseline is written where crosscheck.toml says");
    assert_eq!(text.matches("[[finding]]").count(), 2, "{text}");
    for (fingerprint, _) in &before {
        assert!(
            text.contains(&format!("fingerprint = \"{fingerprint}\"")),
            "{fingerprint} missing:\n{text}"
        );
    }
    assert_eq!(text.matches("reason = \"\"").count(), 2, "{text}");
    assert!(
        text.contains("quantity = \"ferry_passengers_2023\""),
        "{text}"
    );
    assert!(text.contains("verdict = \"contradiction\""), "{text}");
    // Notes (the agreements) are not accepted: there is nothing to accept.
    assert!(!text.contains("agreement"), "{text}");
}

#[test]
fn check_passes_and_still_reports_the_findings() {
    let scratch = with_ministry("gate-accept-check");
    scratch.run(&["baseline"]).assert_code(0);

    let run = scratch.run(&["check"]);
    run.assert_code(0);
    let stdout = run.stdout();
    let lines: Vec<&str> = stdout
        .lines()
        .filter(|l| l.contains("contradiction:") && l.contains("do not overlap"))
        .collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(!stdout.contains("[new]"), "{stdout}");
    assert!(stdout.contains("2 contradictions,"), "{stdout}");
    assert!(stdout.contains("(0 new errors)"), "{stdout}");
    assert!(!run.stderr().contains("stale"), "{}", run.stderr());

    let found = contradictions(&report(&scratch, &[], 0));
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().all(|(_, new)| !new), "{found:?}");

    scratch.run(&["check", "--strict"]).assert_code(0);
}

#[test]
fn baseline_twice_adds_nothing() {
    let scratch = with_ministry("gate-accept-twice");
    scratch.run(&["baseline"]).assert_code(0);
    let first = std::fs::read_to_string(scratch.path("crosscheck-baseline.toml")).unwrap();
    let run = scratch.run(&["baseline"]);
    run.assert_code(0);
    assert!(
        run.stderr()
            .contains("crosscheck-baseline.toml: 0 added, 2 kept"),
        "{}",
        run.stderr()
    );
    let second = std::fs::read_to_string(scratch.path("crosscheck-baseline.toml")).unwrap();
    assert_eq!(first, second);
}
