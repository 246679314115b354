//! The ferry project every CI-gate scenario (`gate_*`) starts from: a crosscheck.toml
//! that names the corpus, the claim files and the baseline; two documents whose figures
//! agree (a newspaper and an annual report); the claim file that keys those figures; and
//! a hand-written claim (the ministry's) that contradicts both. With the helpers that set
//! the project up and read its JSON report. A scenario that needs another figure or an
//! extra claim builds it from these pieces in its own file.
#![allow(dead_code)]

use serde_json::Value;

use super::Scratch;

/// The project's crosscheck.toml.
pub const CONFIG: &str = r#"corpus = ["docs"]
claims = ["claims"]
baseline = "crosscheck-baseline.toml"
"#;

/// The newspaper: the passengers figure is at line 4, column 9.
pub const HERALD: &str = "The Marrow Valley Herald, 14 March 2024.

Ferry traffic on Lake Osk grew again last year. In 2023 the ferries
carried 48,200 passengers between Tarn and Hollin, the harbour office said.

The new pier at Hollin, opened in 2023, cost 3.1 million crowns.
";

/// The report: the passengers figure is at line 4, column 29.
pub const REPORT: &str = "Lake Osk Ferry Authority: Annual Report 2023.

Section 2. Traffic.
In 2023 the ferries carried 48,200 passengers between Tarn and Hollin.

Section 3. Works.
The new pier at Hollin cost 3.1 million crowns to build in 2023.
";

/// The claim file (claims/ferries.toml): both documents as sources, and the two
/// quantities (passengers, the pier's cost) with the rules that key their figures.
pub const FERRIES: &str = r#"[[source]]
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
pub fn project(scenario: &str) -> Scratch {
    let scratch = Scratch::new(scenario);
    scratch.write("crosscheck.toml", CONFIG);
    scratch.write("docs/herald.txt", HERALD);
    scratch.write("docs/report.txt", REPORT);
    scratch.write("claims/ferries.toml", FERRIES);
    scratch
}

/// A hand-written claim (its table starts at line 8) that contradicts both documents.
pub const MINISTRY: &str = r#"[[source]]
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

/// The project with the ministry's contradicting claim added as claims/ministry.toml:
/// two contradictions (the bulletin's figure against each document's), not accepted.
pub fn with_ministry(scenario: &str) -> Scratch {
    let scratch = project(scenario);
    scratch.write("claims/ministry.toml", MINISTRY);
    scratch
}

/// The project with the ministry's contradicting claim, its findings accepted.
pub fn accepted(scenario: &str) -> Scratch {
    let scratch = with_ministry(scenario);
    scratch.run(&["check"]).assert_code(1);
    scratch.run(&["baseline"]).assert_code(0);
    scratch.run(&["check", "--strict"]).assert_code(0);
    scratch
}

/// The JSON report of `crosscheck check ARGS --format json`, with its exit status checked.
pub fn report(scratch: &Scratch, args: &[&str], code: i32) -> Value {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let run = scratch.run(&all);
    run.assert_code(code);
    serde_json::from_str(&run.stdout()).expect("one JSON document")
}

/// (fingerprint, new) of each contradiction, sorted.
pub fn contradictions(report: &Value) -> Vec<(String, bool)> {
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
