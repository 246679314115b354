//! CI gate, a new contradiction: a claim file added by hand states a figure that
//! contradicts the documents. `crosscheck check` exits 1 and names the new finding:
//! where the hand-written claim is (claim file and line), where the document's figure
//! is (document and line), both figures and the verdict; JSON marks it `"new": true`.

use crate::support::ferry::{project, with_ministry, MINISTRY};
use crate::support::Scratch;
use serde_json::Value;

/// The clean project with its (empty) baseline accepted, then the ministry's claim added.
fn contradicted(scenario: &str) -> Scratch {
    let scratch = project(scenario);
    scratch.run(&["baseline"]).assert_code(0);
    scratch.run(&["check"]).assert_code(0);
    scratch.write("claims/ministry.toml", MINISTRY);
    scratch
}

#[test]
fn table_names_the_new_finding() {
    let scratch = contradicted("gate-new-table");
    let run = scratch.run(&["check"]);
    run.assert_code(1);
    let stdout = run.stdout();
    assert!(
        stdout
            .contains("ferry_passengers_2023: Passengers carried by the Lake Osk ferries in 2023"),
        "{stdout}"
    );
    // The claim file and the line of the claim; the documents and the lines of their
    // figures. (The table shows file names; JSON below has the full paths.)
    assert!(stdout.contains("ministry.toml:8:1"), "{stdout}");
    assert!(stdout.contains("herald.txt:4:9"), "{stdout}");
    assert!(stdout.contains("report.txt:4:29"), "{stdout}");
    assert!(stdout.contains("ministry-bulletin"), "{stdout}");
    // One line per finding, marked new, with both figures.
    let findings: Vec<&str> = stdout
        .lines()
        .filter(|l| l.contains("contradiction [new]"))
        .collect();
    assert_eq!(findings.len(), 2, "{stdout}");
    for line in findings {
        assert!(line.contains("48,200") && line.contains("61,500"), "{line}");
        assert!(line.contains("do not overlap"), "{line}");
    }
    assert!(stdout.contains("2 contradictions,"), "{stdout}");
    assert!(stdout.contains("(2 new errors)"), "{stdout}");
}

#[test]
fn json_marks_the_findings_new_with_full_paths() {
    let scratch = contradicted("gate-new-json");
    let run = scratch.run(&["check", "--format", "json"]);
    run.assert_code(1);
    let report: Value = serde_json::from_str(&run.stdout()).expect("one JSON document");
    let contradictions: Vec<&Value> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["verdict"] == "contradiction")
        .collect();
    assert_eq!(contradictions.len(), 2, "{}", run.stdout());
    let mut places = Vec::new();
    for finding in &contradictions {
        assert_eq!(finding["new"], true, "{finding}");
        assert_eq!(finding["severity"], "error", "{finding}");
        assert_eq!(finding["quantity"], "ferry_passengers_2023", "{finding}");
        let claims = finding["claims"].as_array().expect("claims");
        let hand_written = claims
            .iter()
            .find(|c| c["claim_id"] == "ministry_passengers_2023")
            .unwrap_or_else(|| panic!("no hand-written claim in {finding}"));
        assert_eq!(hand_written["path"], "claims/ministry.toml");
        assert_eq!(hand_written["line"], 8);
        assert_eq!(hand_written["text"], "61,500");
        let document = claims
            .iter()
            .find(|c| c["claim_id"].is_null())
            .unwrap_or_else(|| panic!("no document figure in {finding}"));
        assert_eq!(document["text"], "48,200");
        places.push(format!("{}:{}", document["path"], document["line"]));
    }
    places.sort();
    assert_eq!(places, ["\"docs/herald.txt\":4", "\"docs/report.txt\":4"]);
    assert_eq!(report["summary"]["new_errors"], 2);
}

#[test]
fn without_a_baseline_file_every_error_is_new() {
    let scratch = with_ministry("gate-new-no-baseline");
    let run = scratch.run(&["check", "--format", "json"]);
    run.assert_code(1);
    let report: Value = serde_json::from_str(&run.stdout()).expect("one JSON document");
    assert_eq!(report["summary"]["new_errors"], 2, "{}", run.stdout());
}
