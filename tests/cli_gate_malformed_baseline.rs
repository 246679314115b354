//! CI gate, a malformed baseline: a fingerprint that is not one, a fingerprint listed
//! twice, an unknown key, TOML that does not parse. `check` and `baseline` exit 2,
//! name each problem as `crosscheck-baseline.toml:LINE:COLUMN: error: …`, and
//! `baseline` leaves the file as it was.

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

/// The project with the ministry's contradicting claim, its findings accepted.
fn accepted(scenario: &str) -> Scratch {
    let scratch = project(scenario);
    scratch.write("claims/ministry.toml", MINISTRY);
    scratch.run(&["check"]).assert_code(1);
    scratch.run(&["baseline"]).assert_code(0);
    scratch.run(&["check", "--strict"]).assert_code(0);
    scratch
}

/// The accepted project with its baseline edited by `edit`: exit 2, and the problem
/// named at the place `expect` finds in the written baseline, with its words.
fn refused(
    scenario: &str,
    edit: impl Fn(&str) -> String,
    expect: impl Fn(&str) -> (String, Vec<String>),
) {
    let scratch = accepted(scenario);
    let written = std::fs::read_to_string(scratch.path("crosscheck-baseline.toml")).unwrap();
    let (place, words) = expect(&written);
    let edited = edit(&written);
    assert_ne!(edited, written, "the edit changed nothing");
    scratch.write("crosscheck-baseline.toml", &edited);
    for command in ["check", "baseline"] {
        let run = scratch.run(&[command]);
        run.assert_code(2);
        assert_eq!(run.stdout(), "", "{command}");
        let stderr = run.stderr();
        let prefix = format!("crosscheck-baseline.toml:{place}: error: ");
        let line = stderr
            .lines()
            .find(|l| l.starts_with(&prefix))
            .unwrap_or_else(|| panic!("{command}: no {prefix}\n{stderr}"));
        for word in &words {
            assert!(line.contains(word), "{command}: {word} missing: {line}");
        }
        let after = std::fs::read_to_string(scratch.path("crosscheck-baseline.toml")).unwrap();
        assert_eq!(after, edited, "{command} changed the baseline");
    }
}

/// The fingerprint of the `n`th entry (0-based).
fn fingerprint(text: &str, n: usize) -> String {
    text.lines()
        .filter_map(|l| l.strip_prefix("fingerprint = \""))
        .nth(n)
        .and_then(|rest| rest.strip_suffix('"'))
        .expect("an entry")
        .to_string()
}

/// 1-based line of the `n`th entry's `[[finding]]` header.
fn entry_line(text: &str, n: usize) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, l)| *l == "[[finding]]")
        .nth(n)
        .map(|(i, _)| i + 1)
        .expect("an entry")
}

#[test]
fn bad_fingerprint() {
    refused(
        "gate-baseline-bad-fingerprint",
        |text| {
            let first = fingerprint(text, 0);
            text.replace(&first, &first[..15].to_uppercase())
        },
        // The fingerprint's value, on the line after the header.
        |text| {
            (
                format!("{}:15", entry_line(text, 0) + 1),
                vec!["not a fingerprint".into()],
            )
        },
    );
}

#[test]
fn duplicate_fingerprint() {
    refused(
        "gate-baseline-duplicate",
        |text| text.replace(&fingerprint(text, 1), &fingerprint(text, 0)),
        |text| {
            (
                format!("{}:1", entry_line(text, 1)),
                vec![
                    "listed twice".into(),
                    format!("first at line {}", entry_line(text, 0)),
                ],
            )
        },
    );
}

#[test]
fn unknown_key() {
    refused(
        "gate-baseline-unknown-key",
        |text| text.replacen("reason = \"\"", "reasn = \"typo\"", 1),
        |text| {
            (
                format!("{}:1", entry_line(text, 0) + 5),
                vec!["unknown field".into(), "reasn".into()],
            )
        },
    );
}

#[test]
fn toml_syntax() {
    refused(
        "gate-baseline-syntax",
        |text| text.replacen("[[finding]]", "[[finding]", 1),
        |text| {
            (
                format!("{}:10", entry_line(text, 0)),
                vec!["invalid table header".into()],
            )
        },
    );
}
