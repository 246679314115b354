//! `crosscheck check`: "about 12,000" and "11,340" meet only once "about" is given
//! its tolerance; the finding is `within_approximation`, a note, and the run succeeds.

use crate::support::Scratch;
use serde_json::Value;

/// "About 12,000" in one document, 11,340 in the other, for the same quantity and year.
fn project(scenario: &str) -> Scratch {
    let scratch = Scratch::new(scenario);
    scratch.write(
        "docs/a.txt",
        "The camp held about 12,000 prisoners in 1941.\n",
    );
    scratch.write(
        "docs/b.txt",
        "Registers show the camp held 11,340 prisoners in 1941.\n",
    );
    scratch.write(
        "claims/camp.toml",
        r#"[[quantity]]
id = "camp_prisoners_1941"
description = "Prisoners held in the camp in 1941"
unit = "people"

[[quantity.rule]]
pattern = "held (?:about )?{figure} prisoners"
"#,
    );
    scratch
}

#[test]
fn about_figure_agrees_within_approximation() {
    let scratch = project("check-within-approximation");
    let run = scratch.run(&["check", "docs", "--claims", "claims", "--format", "json"]);
    run.assert_code(0);
    let report: Value = serde_json::from_str(&run.stdout()).expect("one JSON document");

    let findings = report["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1, "{}", run.stdout());
    let finding = &findings[0];
    assert_eq!(finding["quantity"], "camp_prisoners_1941");
    assert_eq!(finding["verdict"], "within_approximation", "{finding}");
    assert_eq!(finding["diagnosis"], Value::Null);
    assert_eq!(finding["severity"], "note");
    let reason = finding["reason"].as_str().unwrap_or_default();
    assert!(reason.contains("about 12,000"), "{reason}");
    assert!(reason.contains("11,340"), "{reason}");
    assert!(reason.contains("approximation"), "{reason}");

    let shown: Vec<&str> = finding["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .map(|c| c["shown"].as_str().unwrap_or_default())
        .collect();
    assert!(shown.contains(&"about 12,000"), "{shown:?}");
    assert!(shown.contains(&"11,340"), "{shown:?}");
    assert_eq!(report["summary"]["new_errors"], 0);
}

#[test]
fn a_tighter_about_turns_it_into_a_contradiction() {
    // With --about 0.01, "about 12,000" no longer reaches 11,340.
    let scratch = project("check-within-approximation-tight");
    let run = scratch.run(&[
        "check", "docs", "--claims", "claims", "--about", "0.01", "--format", "json",
    ]);
    run.assert_code(1);
    let report: Value = serde_json::from_str(&run.stdout()).expect("one JSON document");
    assert_eq!(report["findings"][0]["verdict"], "contradiction");
    assert_eq!(report["summary"]["new_errors"], 1);
}
