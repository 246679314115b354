//! CI gate, lines inserted: with the contradictions accepted in the baseline, lines and
//! a whole paragraph inserted above the figures move them down the documents but change
//! no fingerprint: `check` still exits 0 (and `--strict` finds no stale entry).

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

#[test]
fn inserting_lines_above_the_figures_keeps_exit_0() {
    let scratch = accepted("gate-lines-inserted");
    let before = contradictions(&report(&scratch, &[], 0));

    scratch.write(
        "docs/herald.txt",
        HERALD.replace(
            "2024.\n\n",
            "2024.\n\nBy our harbour correspondent.\n\n\nThe spring timetable starts on Monday. Tickets\nare sold at both piers and on board, and children travel free.\n\n",
        ),
    );
    scratch.write(
        "docs/report.txt",
        REPORT.replace(
            "Section 2. Traffic.\n",
            "Section 1. Summary.\nThe Authority ran six ferries through the year.\n\nSection 2. Traffic.\n",
        ),
    );

    let run = scratch.run(&["check", "--strict"]);
    run.assert_code(0);
    assert!(!run.stderr().contains("stale"), "{}", run.stderr());
    assert!(!run.stdout().contains("[new]"), "{}", run.stdout());

    let after = report(&scratch, &[], 0);
    assert_eq!(before, contradictions(&after));
    // The report saw the figures move: herald's is now on line 10, report's on line 7.
    let mut places: Vec<String> = after["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["verdict"] == "contradiction")
        .flat_map(|f| f["claims"].as_array().expect("claims").clone())
        .filter(|c| c["claim_id"].is_null())
        .map(|c| format!("{}:{}", c["path"].as_str().unwrap_or_default(), c["line"]))
        .collect();
    places.sort();
    assert_eq!(places, ["docs/herald.txt:10", "docs/report.txt:7"]);
}
