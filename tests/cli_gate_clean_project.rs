//! CI gate, a clean project: two documents (a newspaper and an annual report) and a
//! claim file whose figures agree. `crosscheck check`, run inside the project with no
//! arguments, reads crosscheck.toml and exits 0.

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
