//! CI gate, a malformed claim file in the project: an unknown key, a claim about an
//! unknown quantity, a value that holds no figure, TOML that does not parse. `check`
//! and `baseline` exit 2 and name each problem as `claims/FILE:LINE:COLUMN: error[CODE]: …`;
//! every problem is reported at once.

use crate::support::ferry::{project, MINISTRY};

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
            let prefix = format!("claims/ministry.toml:{place}: error[");
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
