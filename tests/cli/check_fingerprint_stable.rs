//! `crosscheck check --format json`: a finding's fingerprint is a matter of content,
//! not of position. Blank lines and a paragraph inserted above the figures change
//! no fingerprint; changing a figure changes its findings' fingerprints.

use crate::support::claims_fixture::PRISONERS_1937;
use crate::support::Scratch;
use serde_json::Value;

const A: &str = "In 1937 the camp held 11,200 prisoners.\nIn 1941 the camp held 4,512 guards.\n";
const B: &str = "Registers show that in 1937 the camp held 13,900 prisoners.\nIn 1941 the camp held 4,152 guards.\n";

fn project() -> Scratch {
    let scratch = Scratch::new("check-fingerprint");
    scratch.write("docs/a.txt", A);
    scratch.write("docs/b.txt", B);
    scratch.write(
        "claims/camp.toml",
        // The prisoners' quantity the other camp scenarios use, and the guards'.
        [
            PRISONERS_1937,
            r#"
[[quantity]]
id = "camp_guards_1941"
description = "Guards at the camp in 1941"
unit = "people"

[[quantity.rule]]
pattern = "held {figure} guards"
"#,
        ]
        .concat(),
    );
    scratch
}

/// (quantity, fingerprint) of every finding, sorted.
fn fingerprints(scratch: &Scratch) -> Vec<(String, String)> {
    fingerprints_of(scratch, "docs")
}

/// The same, with the corpus named as `corpus` on the command line.
fn fingerprints_of(scratch: &Scratch, corpus: &str) -> Vec<(String, String)> {
    let run = scratch.run(&["check", corpus, "--claims", "claims", "--format", "json"]);
    run.assert_code(1);
    let report: Value = serde_json::from_str(&run.stdout()).expect("one JSON document");
    let mut prints: Vec<(String, String)> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["quantity"].as_str().unwrap_or_default().to_string(),
                f["fingerprint"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    prints.sort();
    prints
}

#[test]
fn moving_figures_down_keeps_fingerprints() {
    let scratch = project();
    let before = fingerprints(&scratch);
    assert_eq!(before.len(), 2, "{before:?}");
    assert!(before.iter().all(|(_, f)| !f.is_empty()), "{before:?}");

    scratch.write(
        "docs/a.txt",
        format!(
            "\n\nThe camp was built on a river bank, far from the railway, in 1932.\nIts first barracks held 40 men.\n\n\n{A}"
        ),
    );
    let after = fingerprints(&scratch);
    assert_eq!(before, after);

    // The report did see the move: the figure is further down.
    let run = scratch.run(&["check", "docs", "--claims", "claims", "--format", "json"]);
    assert!(run.stdout().contains("\"line\": 7"), "{}", run.stdout());
}

#[test]
fn changing_a_figure_changes_its_fingerprint() {
    let scratch = project();
    let before = fingerprints(&scratch);
    scratch.write("docs/a.txt", A.replace("11,200", "11,300"));
    let after = fingerprints(&scratch);
    assert_eq!(after.len(), 2, "{after:?}");
    // The prisoners' finding changed, the guards' did not.
    assert_ne!(before[1], after[1], "prisoners: {before:?} {after:?}");
    assert_eq!(before[0], after[0], "guards: {before:?} {after:?}");
}

#[test]
fn naming_the_corpus_differently_keeps_fingerprints() {
    let scratch = project();
    let before = fingerprints(&scratch);
    let absolute = scratch.path("docs").to_string_lossy().into_owned();
    for corpus in ["./docs", "docs/", absolute.as_str()] {
        let prints = fingerprints_of(&scratch, corpus);
        assert_eq!(before, prints, "check {corpus}");
    }
}
