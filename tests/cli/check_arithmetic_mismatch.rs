//! `crosscheck check`: a `[[relation]]` "part = 62% * whole" that the figures do not
//! satisfy is an `arithmetic_mismatch`: an error, exit 1, with a reason that shows the
//! computation and both sides.

use crate::support::claims_fixture::PLANT_WORKERS_AND_WOMEN;
use crate::support::Scratch;
use serde_json::Value;

/// The relation the figures break, after the plant's two quantities.
const RELATION: &str = r#"[[relation]]
id = "women_share"
expr = "plant_women = 62% * plant_workers"
description = "62 per cent of the workers were women"
"#;

fn project() -> Scratch {
    let scratch = Scratch::new("check-arithmetic-mismatch");
    // 62% of 5,124 is about 3,177, not 1,200.
    scratch.write(
        "docs/plant.txt",
        "In 1937 the plant employed 5,124 workers.\nOf them, 1,200 workers were women.\n",
    );
    scratch.write(
        "claims/plant.toml",
        format!("{PLANT_WORKERS_AND_WOMEN}\n{RELATION}"),
    );
    scratch
}

#[test]
fn relation_that_does_not_compute_is_an_error() {
    let scratch = project();
    let run = scratch.run(&["check", "docs", "--claims", "claims", "--format", "json"]);
    run.assert_code(1);
    let report: Value = serde_json::from_str(&run.stdout()).expect("one JSON document");
    let findings = report["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1, "{}", run.stdout());
    let finding = &findings[0];
    assert_eq!(finding["verdict"], "arithmetic_mismatch", "{finding}");
    assert_eq!(finding["severity"], "error");
    assert_eq!(finding["relation"], "women_share");
    assert_eq!(finding["new"], true);
    let reason = finding["reason"].as_str().unwrap_or_default();
    assert!(reason.contains("does not compute"), "{reason}");
    assert!(reason.contains("1,200 = 62% * 5,124"), "{reason}");
    assert!(reason.contains("left side"), "{reason}");
    assert!(reason.contains("right side"), "{reason}");

    let mut lines: Vec<(u64, &str)> = finding["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .map(|c| {
            (
                c["line"].as_u64().unwrap_or_default(),
                c["text"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    lines.sort_unstable();
    assert_eq!(lines, [(1, "5,124"), (2, "1,200")]);
    assert_eq!(report["summary"]["new_errors"], 1);
}

#[test]
fn table_names_the_relation() {
    let scratch = project();
    let run = scratch.run(&["check", "docs", "--claims", "claims"]);
    run.assert_code(1);
    let stdout = run.stdout();
    assert!(
        stdout.contains("relation women_share: arithmetic_mismatch"),
        "{stdout}"
    );
    assert!(stdout.contains("does not compute"), "{stdout}");
    assert!(stdout.contains("1 arithmetic mismatch"), "{stdout}");
}
