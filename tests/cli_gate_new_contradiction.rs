//! CI gate, a new contradiction: a claim file added by hand states a figure that
//! contradicts the documents. `crosscheck check` exits 1 and names the new finding:
//! where the hand-written claim is (claim file and line), where the document's figure
//! is (document and line), both figures and the verdict; JSON marks it `"new": true`.

mod cli_support;

use cli_support::Scratch;
use serde_json::Value;

const CONFIG: &str = r#"corpus = ["docs"]
claims = ["claims"]
baseline = "crosscheck-baseline.toml"
"#;

/// The newspaper: the passengers figure is at line 4, column 9.
const HERALD: &str = "The Marrow Valley Herald, 14 March 2024.

Ferry traffic on Lake Osk grew again last year. In 2023 the ferries
carried 48,200 passengers between Tarn and Hollin, the harbour office said.

The new pier at Hollin, opened in 2023, cost 3.1 million crowns.
";

/// The report: the passengers figure is at line 4, column 29.
const REPORT: &str = "Lake Osk Ferry Authority: Annual Report 2023.

Section 2. Traffic.
In 2023 the ferries carried 48,200 passengers between Tarn and Hollin.

Section 3. Works.
The new pier at Hollin cost 3.1 million crowns to build in 2023.
";

const FERRIES: &str = r#"[[source]]
id = "herald"
title = "Ferry traffic on Lake Osk grew again"
outlet = "The Marrow Valley Herald"
date = "2024-03-14"
kind = "press"
document = "docs/herald.txt"

[[source]]
id = "authority-report"
title = "Annual Report 2023"
outlet = "Lake Osk Ferry Authority"
date = "2024-02"
kind = "dataset"
document = "docs/report.txt"

[[quantity]]
id = "ferry_passengers_2023"
description = "Passengers carried by the Lake Osk ferries in 2023"
unit = "passengers"
period = "2023"

[[quantity.rule]]
pattern = "ferries carried {figure} passengers"

[[quantity]]
id = "hollin_pier_cost"
description = "Cost of the new pier at Hollin"
unit = "crowns"

[[quantity.rule]]
pattern = "cost {figure} crowns"
"#;

/// Two documents and a claim file whose figures agree.
fn project(scenario: &str) -> Scratch {
    let scratch = Scratch::new(scenario);
    scratch.write("crosscheck.toml", CONFIG);
    scratch.write("docs/herald.txt", HERALD);
    scratch.write("docs/report.txt", REPORT);
    scratch.write("claims/ferries.toml", FERRIES);
    scratch
}

/// A hand-written claim (its table starts at line 8) that contradicts both documents.
const MINISTRY: &str = r#"[[source]]
id = "ministry-bulletin"
title = "Inland Waterways Bulletin No. 7"
outlet = "Ministry of Inland Waterways"
date = "2024-05"
kind = "dataset"

[[claim]]
id = "ministry_passengers_2023"
quantity = "ferry_passengers_2023"
source = "ministry-bulletin"
value = "61,500"
period = "2023"
page = "p. 4"
"#;

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
    let scratch = project("gate-new-no-baseline");
    scratch.write("claims/ministry.toml", MINISTRY);
    let run = scratch.run(&["check", "--format", "json"]);
    run.assert_code(1);
    let report: Value = serde_json::from_str(&run.stdout()).expect("one JSON document");
    assert_eq!(report["summary"]["new_errors"], 2, "{}", run.stdout());
}
