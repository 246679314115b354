//! `crosscheck check`: two documents state the same figure exactly; the finding is
//! an agreement, a note, and the run succeeds.

use crate::support::Scratch;
use serde_json::Value;

const CLAIMS: &str = r#"[[quantity]]
id = "kolomna_workers_1937"
description = "Workers employed at the Kolomna plant in 1937"
unit = "workers"

[[quantity.rule]]
pattern = "employed {figure} workers"
"#;

fn project() -> Scratch {
    let scratch = Scratch::new("check-agreement");
    scratch.write(
        "docs/a.txt",
        "The Kolomna plant employed 4,512 workers in 1937.\n",
    );
    scratch.write(
        "docs/b.txt",
        "According to the factory history, the Kolomna plant employed 4,512 workers in 1937.\n",
    );
    scratch.write("claims/plant.toml", CLAIMS);
    scratch
}

#[test]
fn same_figure_is_an_agreement() {
    let scratch = project();
    let run = scratch.run(&["check", "docs", "--claims", "claims", "--format", "json"]);
    run.assert_code(0);
    assert_eq!(run.stderr(), "");
    let report: Value = serde_json::from_str(&run.stdout()).expect("one JSON document");

    let findings = report["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1, "{}", run.stdout());
    let finding = &findings[0];
    assert_eq!(finding["quantity"], "kolomna_workers_1937");
    assert_eq!(finding["verdict"], "agreement");
    assert_eq!(finding["diagnosis"], Value::Null);
    assert_eq!(finding["severity"], "note");
    assert_eq!(finding["relation"], Value::Null);
    assert_eq!(
        finding["reason"], "4,512 and 4,512 state the same value",
        "{finding}"
    );

    let mut places: Vec<(String, u64, u64, String)> = finding["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .map(|c| {
            (
                c["path"].as_str().unwrap_or_default().to_string(),
                c["line"].as_u64().unwrap_or_default(),
                c["column"].as_u64().unwrap_or_default(),
                c["text"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    places.sort();
    assert_eq!(
        places,
        [
            ("docs/a.txt".to_string(), 1, 28, "4,512".to_string()),
            ("docs/b.txt".to_string(), 1, 62, "4,512".to_string()),
        ]
    );

    assert_eq!(report["summary"]["documents"], 2);
    assert_eq!(report["summary"]["claims"], 2);
    assert_eq!(report["summary"]["new_errors"], 0);
}

#[test]
fn table_lists_the_quantity_among_those_that_agree() {
    let scratch = project();
    let run = scratch.run(&["check", "docs", "--claims", "claims"]);
    run.assert_code(0);
    let stdout = run.stdout();
    assert!(
        stdout.contains("kolomna_workers_1937: 2 claims agree (agreement)"),
        "{stdout}"
    );
    assert!(!stdout.contains("contradiction ("), "{stdout}");
    assert!(stdout.contains("(0 new errors)"), "{stdout}");
}
