//! CI gate, accepting findings: `crosscheck baseline` writes crosscheck-baseline.toml
//! with each finding's fingerprint and an empty reason to fill in; `check` then exits 0,
//! still reporting the contradictions but no longer marking them new.

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

/// The JSON report of `crosscheck check ARGS --format json`, with its exit status checked.
fn report(scratch: &Scratch, args: &[&str], code: i32) -> Value {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let run = scratch.run(&all);
    run.assert_code(code);
    serde_json::from_str(&run.stdout()).expect("one JSON document")
}

/// (fingerprint, new) of each contradiction, sorted.
fn contradictions(report: &Value) -> Vec<(String, bool)> {
    let mut found: Vec<(String, bool)> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["verdict"] == "contradiction")
        .map(|f| {
            (
                f["fingerprint"].as_str().expect("fingerprint").to_string(),
                f["new"].as_bool().expect("new"),
            )
        })
        .collect();
    found.sort();
    found
}

#[test]
fn baseline_writes_fingerprints_with_empty_reasons() {
    let scratch = project("gate-accept-file");
    scratch.write("claims/ministry.toml", MINISTRY);
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
    let scratch = project("gate-accept-check");
    scratch.write("claims/ministry.toml", MINISTRY);
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
    let scratch = project("gate-accept-twice");
    scratch.write("claims/ministry.toml", MINISTRY);
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
