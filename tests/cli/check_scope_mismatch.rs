//! `crosscheck check`: the same quantity stated for two different years, values that
//! disagree, a quantity that is not cumulative: a `scope_mismatch`, shown as a
//! warning, which does not fail the run.

use crate::support::claims_fixture::PRISONERS;
use crate::support::Scratch;
use serde_json::Value;

fn project() -> Scratch {
    let scratch = Scratch::new("check-scope-mismatch");
    scratch.write("docs/a.txt", "In 1937 the camp held 11,000 prisoners.\n");
    scratch.write("docs/b.txt", "In 1941 the camp held 25,000 prisoners.\n");
    scratch.write("claims/camp.toml", PRISONERS);
    scratch
}

#[test]
fn different_years_are_a_scope_mismatch() {
    let scratch = project();
    let run = scratch.run(&["check", "docs", "--claims", "claims", "--format", "json"]);
    run.assert_code(0);
    let report: Value = serde_json::from_str(&run.stdout()).expect("one JSON document");

    let findings = report["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1, "{}", run.stdout());
    let finding = &findings[0];
    assert_eq!(finding["verdict"], "scope_mismatch", "{finding}");
    assert_eq!(finding["diagnosis"], Value::Null);
    assert_eq!(finding["severity"], "warning");
    let reason = finding["reason"].as_str().unwrap_or_default();
    assert!(reason.contains("11,000 (1937)"), "{reason}");
    assert!(reason.contains("25,000 (1941)"), "{reason}");
    assert!(reason.contains("different periods"), "{reason}");

    let mut periods: Vec<&str> = finding["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .map(|c| c["period"].as_str().unwrap_or_default())
        .collect();
    periods.sort_unstable();
    assert_eq!(periods, ["1937", "1941"]);
    assert_eq!(report["summary"]["new_errors"], 0);
}

#[test]
fn table_shows_the_warning() {
    let scratch = project();
    let run = scratch.run(&["check", "docs", "--claims", "claims"]);
    run.assert_code(0);
    let stdout = run.stdout();
    assert!(stdout.contains("scope_mismatch"), "{stdout}");
    assert!(stdout.contains("1 scope mismatch"), "{stdout}");
    assert!(stdout.contains("(0 new errors)"), "{stdout}");
}
