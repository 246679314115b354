//! CI gate, a malformed crosscheck.toml: an unknown key, a severity that is not one, a
//! value of the wrong type. `check` and `baseline` exit 2, print nothing on standard
//! output, and name each problem as `crosscheck.toml:LINE:COLUMN: error: …`.

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

/// The project with `config` as its crosscheck.toml: `check` exits 2 naming `place`.
fn refused(scenario: &str, config: &str, place: &str, words: &[&str]) {
    let scratch = project(scenario);
    scratch.write("crosscheck.toml", config);
    for command in ["check", "baseline"] {
        let run = scratch.run(&[command]);
        run.assert_code(2);
        assert_eq!(run.stdout(), "", "{command}");
        let stderr = run.stderr();
        let line = stderr
            .lines()
            .find(|l| l.starts_with(&format!("crosscheck.toml:{place}: error: ")))
            .unwrap_or_else(|| panic!("{command}: no crosscheck.toml:{place}:\n{stderr}"));
        for word in words {
            assert!(line.contains(word), "{command}: {word} missing: {line}");
        }
    }
    assert!(
        !scratch.path("crosscheck-baseline.toml").exists(),
        "no baseline written from a bad configuration"
    );
}

#[test]
fn unknown_key() {
    refused(
        "gate-config-unknown-key",
        "corpus = [\"docs\"]\nclaims = [\"claims\"]\nbaseline = \"crosscheck-baseline.toml\"\ncorpos = [\"more-docs\"]\n",
        "4:1",
        &["unknown field", "corpos"],
    );
}

#[test]
fn unknown_key_in_a_table() {
    refused(
        "gate-config-unknown-tolerance",
        "corpus = [\"docs\"]\n\n[tolerances]\nabout = 0.1\nroughly = 0.2\n",
        "5:1",
        &["unknown field", "roughly"],
    );
}

#[test]
fn severity_that_is_not_one() {
    refused(
        "gate-config-bad-severity",
        "corpus = [\"docs\"]\n\n[severity]\ncontradiction = \"fatal\"\n",
        "4:17",
        &["fatal", "deny"],
    );
}

#[test]
fn verdict_that_is_not_one() {
    refused(
        "gate-config-bad-verdict",
        "corpus = [\"docs\"]\n\n[severity]\ncontradictions = \"warn\"\n",
        "4:1",
        &["contradictions"],
    );
}

#[test]
fn wrong_type() {
    refused(
        "gate-config-wrong-type",
        "corpus = \"docs\"\n",
        "1:10",
        &["expected a sequence"],
    );
}

#[test]
fn tolerance_out_of_range() {
    refused(
        "gate-config-tolerance-range",
        "corpus = [\"docs\"]\n[tolerances]\nalmost = 1.5\n",
        "3:10",
        &["almost", "1.5"],
    );
}

#[test]
fn toml_syntax() {
    refused(
        "gate-config-syntax",
        "corpus = [\"docs\"\nclaims = [\"claims\"]\n",
        "2:1",
        &[],
    );
}
