//! CI gate, a clean project: two documents (a newspaper and an annual report) and a
//! claim file whose figures agree. `crosscheck check`, run inside the project with no
//! arguments, reads crosscheck.toml and exits 0.

use crate::support::ferry::project;
use serde_json::Value;

#[test]
fn check_without_arguments_exits_0() {
    let scratch = project("gate-clean");
    let run = scratch.run(&["check"]);
    run.assert_code(0);
    let stdout = run.stdout();
    // Both documents read through crosscheck.toml's corpus, both quantities keyed.
    assert!(stdout.contains("2 documents read"), "{stdout}");
    assert!(
        stdout.contains("ferry_passengers_2023: 2 claims agree (agreement)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("hollin_pier_cost: 2 claims agree (agreement)"),
        "{stdout}"
    );
    assert!(stdout.contains("(0 new errors)"), "{stdout}");
    assert_eq!(run.stderr(), "", "no warning on a clean project");
}

#[test]
fn strict_check_without_a_baseline_file_exits_0() {
    let scratch = project("gate-clean-strict");
    scratch.run(&["check", "--strict"]).assert_code(0);
    // check never writes the baseline.
    assert!(!scratch.path("crosscheck-baseline.toml").exists());
}

#[test]
fn json_has_only_notes() {
    let scratch = project("gate-clean-json");
    let run = scratch.run(&["check", "--format", "json"]);
    run.assert_code(0);
    let report: Value = serde_json::from_str(&run.stdout()).expect("one JSON document");
    let findings = report["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 2, "{}", run.stdout());
    for finding in findings {
        assert_eq!(finding["verdict"], "agreement", "{finding}");
        assert_eq!(finding["severity"], "note", "{finding}");
    }
    assert_eq!(report["summary"]["documents"], 2);
    assert_eq!(report["summary"]["new_errors"], 0);
}
