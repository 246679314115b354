//! CI gate, a figure changed: with the contradictions accepted in the baseline, the
//! newspaper's figure is edited. The finding built on it has a new fingerprint, so
//! `check` exits 1 again, and the entry for the old figure is reported stale on
//! standard error with its place in the baseline.

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

/// The project with the ministry's contradicting claim, its findings accepted.
fn accepted(scenario: &str) -> Scratch {
    let scratch = project(scenario);
    scratch.write("claims/ministry.toml", MINISTRY);
    scratch.run(&["check"]).assert_code(1);
    scratch.run(&["baseline"]).assert_code(0);
    scratch.run(&["check", "--strict"]).assert_code(0);
    scratch
}

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
        stale[0].contains(&format!("crosscheck-baseline.toml:{old_line}:1: warning:")),
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
