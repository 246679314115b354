//! `crosscheck check`: a `[[relation]]` "part = 62% * whole" that holds within the
//! rounding of its figures is no error: exit 0, and the finding says it holds.

use crate::support::claims_fixture::PLANT_WORKERS_AND_WOMEN;
use crate::support::Scratch;
use serde_json::Value;

#[test]
fn relation_within_rounding_is_not_an_error() {
    let scratch = Scratch::new("check-relation-holds");
    // 62% of 5,124 is 3,176.88; "62%" is read as 61.5% to 62.5%.
    scratch.write(
        "docs/plant.txt",
        "In 1937 the plant employed 5,124 workers.\nOf them, 3,180 workers were women.\n",
    );
    scratch.write(
        "claims/plant.toml",
        format!(
            r#"{PLANT_WORKERS_AND_WOMEN}
[[relation]]
id = "women_share"
expr = "plant_women = 62% * plant_workers"
"#
        ),
    );
    let run = scratch.run(&["check", "docs", "--claims", "claims", "--format", "json"]);
    run.assert_code(0);
    let report: Value = serde_json::from_str(&run.stdout()).expect("one JSON document");
    let findings = report["findings"].as_array().expect("findings");
    assert!(
        findings.iter().all(|f| f["severity"] != "error"),
        "{}",
        run.stdout()
    );
    let relation: Vec<&Value> = findings
        .iter()
        .filter(|f| f["relation"] == "women_share")
        .collect();
    assert_eq!(relation.len(), 1, "{}", run.stdout());
    assert_eq!(relation[0]["verdict"], "within_rounding", "{}", relation[0]);
    let reason = relation[0]["reason"].as_str().unwrap_or_default();
    assert!(reason.contains("3,180 = 62% * 5,124 holds"), "{reason}");
    assert_eq!(report["summary"]["new_errors"], 0);

    let table = scratch.run(&["check", "docs", "--claims", "claims"]);
    table.assert_code(0);
    assert!(
        !table.stdout().contains("arithmetic_mismatch"),
        "{}",
        table.stdout()
    );
}
