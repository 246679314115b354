//! CI gate, a paragraph re-wrapped: with the contradictions accepted in the baseline,
//! the paragraph holding a figure is re-flowed (other line breaks, one long line, a
//! narrow column). Fingerprints do not depend on layout: `check --strict` exits 0.

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

/// `check --strict` after the herald's paragraph is replaced by `paragraph`: exit 0,
/// nothing stale, the same contradictions, none new.
fn rewrapped_keeps_the_baseline(scenario: &str, paragraph: &str) {
    let scratch = accepted(scenario);
    let before = contradictions(&report(&scratch, &[], 0));
    let original = "Ferry traffic on Lake Osk grew again last year. In 2023 the ferries\ncarried 48,200 passengers between Tarn and Hollin, the harbour office said.\n";
    assert!(HERALD.contains(original));
    scratch.write("docs/herald.txt", HERALD.replace(original, paragraph));

    let run = scratch.run(&["check", "--strict"]);
    run.assert_code(0);
    assert!(!run.stderr().contains("stale"), "{}", run.stderr());
    assert_eq!(before, contradictions(&report(&scratch, &[], 0)));
}

#[test]
fn one_long_line() {
    rewrapped_keeps_the_baseline(
        "gate-rewrap-long",
        "Ferry traffic on Lake Osk grew again last year. In 2023 the ferries carried 48,200 passengers between Tarn and Hollin, the harbour office said.\n",
    );
}

#[test]
fn narrow_column() {
    rewrapped_keeps_the_baseline(
        "gate-rewrap-narrow",
        "Ferry traffic on Lake\nOsk grew again last\nyear. In 2023 the\nferries carried 48,200\npassengers between\nTarn and Hollin, the\nharbour office said.\n",
    );
}

#[test]
fn break_inside_the_pattern() {
    rewrapped_keeps_the_baseline(
        "gate-rewrap-pattern",
        "Ferry traffic on Lake Osk grew again last year. In 2023 the ferries carried 48,200\npassengers between Tarn and Hollin, the harbour office said.\n",
    );
}

#[test]
fn figure_at_the_start_of_a_line_after_a_long_line() {
    rewrapped_keeps_the_baseline(
        "gate-rewrap-figure-first-long",
        "Ferry traffic on Lake Osk grew again last year.\nIn 2023, the harbour office said, the ferries carried\n48,200 passengers between Tarn and Hollin.\n",
    );
}

#[test]
fn figure_at_the_start_of_a_line() {
    rewrapped_keeps_the_baseline(
        "gate-rewrap-figure-first",
        "Ferry traffic on Lake Osk grew again last year. In 2023 the ferries carried\n48,200 passengers between Tarn and Hollin, the harbour office said.\n",
    );
}
