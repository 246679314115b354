//! CI gate, a malformed claim file in the project: an unknown key, a claim about an
//! unknown quantity, a value that holds no figure, TOML that does not parse. `check`
//! and `baseline` exit 2 and name each problem as `claims/FILE:LINE:COLUMN: error: …`;
//! every problem is reported at once.

mod cli_support;

use cli_support::Scratch;

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

/// The project with `claims/ministry.toml` replaced by `text`: exit 2, each of `problems`
/// named on standard error with its words, nothing on standard output.
fn refused(scenario: &str, text: &str, problems: &[(&str, &str)]) {
    let scratch = project(scenario);
    scratch.write("claims/ministry.toml", text);
    for command in ["check", "baseline"] {
        let run = scratch.run(&[command]);
        run.assert_code(2);
        assert_eq!(run.stdout(), "", "{command}");
        let stderr = run.stderr();
        for (place, word) in problems {
            let prefix = format!("claims/ministry.toml:{place}: error: ");
            let line = stderr
                .lines()
                .find(|l| l.starts_with(&prefix))
                .unwrap_or_else(|| panic!("{command}: no {prefix}\n{stderr}"));
            assert!(line.contains(word), "{command}: {word} missing: {line}");
        }
    }
    assert!(!scratch.path("crosscheck-baseline.toml").exists());
}

#[test]
fn unknown_key() {
    refused(
        "gate-claims-unknown-key",
        &MINISTRY.replace("value = ", "valeu = "),
        &[("12:1", "valeu")],
    );
}

#[test]
fn unknown_quantity() {
    refused(
        "gate-claims-unknown-quantity",
        &MINISTRY.replace("ferry_passengers_2023", "ferry_passengers_2032"),
        &[("10:12", "ferry_passengers_2032")],
    );
}

#[test]
fn value_without_a_figure() {
    refused(
        "gate-claims-no-figure",
        &MINISTRY.replace("\"61,500\"", "\"a great many\""),
        &[("12:9", "a great many")],
    );
}

#[test]
fn every_problem_at_once() {
    let text = MINISTRY
        .replace("kind = \"dataset\"", "kind = \"leaflet\"")
        .replace("ferry_passengers_2023", "ferry_passengers_2032");
    refused(
        "gate-claims-two-problems",
        &text,
        &[("6:8", "leaflet"), ("10:12", "ferry_passengers_2032")],
    );
}

#[test]
fn toml_syntax() {
    refused(
        "gate-claims-syntax",
        &MINISTRY.replace("value = \"61,500\"", "value = \"61,500"),
        &[("12:16", "TOML syntax")],
    );
}
