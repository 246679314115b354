//! CI gate, a malformed baseline: a fingerprint that is not one, a fingerprint listed
//! twice, an unknown key, TOML that does not parse. `check` and `baseline` exit 2,
//! name each problem as `crosscheck-baseline.toml:LINE:COLUMN: error[CODE]: …`, and
//! `baseline` leaves the file as it was.

use crate::support::ferry::accepted;

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
        let prefix = format!("crosscheck-baseline.toml:{place}: error[");
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
