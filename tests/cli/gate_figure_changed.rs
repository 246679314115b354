//! CI gate, a figure changed: with the contradictions accepted in the baseline, the
//! newspaper's figure is edited. The finding built on it has a new fingerprint, so
//! `check` exits 1 again, and the entry for the old figure is reported stale on
//! standard error with its place in the baseline.

use crate::support::ferry::{accepted, contradictions, report, HERALD};
use serde_json::Value;

/// The fingerprint of the contradiction between the ministry's claim and `path`'s figure.
fn fingerprint_with(report: &Value, path: &str) -> String {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| {
            f["verdict"] == "contradiction"
                && f["claims"]
                    .as_array()
                    .is_some_and(|claims| claims.iter().any(|c| c["path"] == path))
                && f["claims"]
                    .as_array()
                    .is_some_and(|claims| claims.iter().any(|c| !c["claim_id"].is_null()))
        })
        .and_then(|f| f["fingerprint"].as_str())
        .unwrap_or_else(|| panic!("no contradiction with {path}: {report}"))
        .to_string()
}

#[test]
fn changing_a_figure_fails_again_and_the_old_entry_is_stale() {
    let scratch = accepted("gate-figure-changed");
    let before = report(&scratch, &[], 0);
    let old = fingerprint_with(&before, "docs/herald.txt");
    let untouched = fingerprint_with(&before, "docs/report.txt");
    let baseline = std::fs::read_to_string(scratch.path("crosscheck-baseline.toml")).unwrap();
    let old_line = baseline
        .lines()
        .position(|l| l.contains(&old))
        .expect("the old fingerprint is in the baseline");
    // The entry starts at its [[finding]] header, the line above its fingerprint.
    assert_eq!(baseline.lines().nth(old_line - 1), Some("[[finding]]"));

    scratch.write("docs/herald.txt", HERALD.replace("48,200", "48,900"));

    let run = scratch.run(&["check"]);
    run.assert_code(1);
    let stderr = run.stderr();
    let stale: Vec<&str> = stderr.lines().filter(|l| l.contains("stale")).collect();
    assert_eq!(stale.len(), 1, "{stderr}");
    assert!(
        stale[0].contains(&format!(
            "crosscheck-baseline.toml:{old_line}:1: warning[stale]:"
        )),
        "{stderr}"
    );
    assert!(stale[0].contains(&old), "{stderr}");
    assert!(stale[0].contains("ferry_passengers_2023"), "{stderr}");
    let stdout = run.stdout();
    assert!(stdout.contains("48,900"), "{stdout}");
    assert!(stdout.contains("contradiction [new]"), "{stdout}");

    let after = report(&scratch, &[], 1);
    let new = fingerprint_with(&after, "docs/herald.txt");
    assert_ne!(new, old);
    assert_eq!(fingerprint_with(&after, "docs/report.txt"), untouched);
    let found = contradictions(&after);
    // The herald now also contradicts the report: two new findings, one known.
    assert_eq!(found.iter().filter(|(_, new)| *new).count(), 2, "{found:?}");
    assert!(found.contains(&(untouched, false)), "{found:?}");
    assert!(found.contains(&(new, true)), "{found:?}");
}

#[test]
fn changing_the_figure_back_passes_again() {
    let scratch = accepted("gate-figure-changed-back");
    scratch.write("docs/herald.txt", HERALD.replace("48,200", "48,900"));
    scratch.run(&["check"]).assert_code(1);
    scratch.write("docs/herald.txt", HERALD);
    let run = scratch.run(&["check", "--strict"]);
    run.assert_code(0);
    assert_eq!(run.stderr(), "");
}
