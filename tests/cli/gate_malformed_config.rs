//! CI gate, a malformed crosscheck.toml: an unknown key, a severity that is not one, a
//! value of the wrong type. `check` and `baseline` exit 2, print nothing on standard
//! output, and name each problem as `crosscheck.toml:LINE:COLUMN: error[CODE]: …`.

use crate::support::ferry::project;

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
            .find(|l| l.starts_with(&format!("crosscheck.toml:{place}: error[")))
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
