//! `crosscheck check` with a relation that divides by zero: the right side can be
//! anything, so the relation checks nothing. It must not be reported as holding: a
//! located claim-file problem (exit 2) or a finding that says it cannot be checked.

use crate::support::claims_fixture::PLANT_WORKERS_AND_WOMEN;
use crate::support::Scratch;
use serde_json::Value;

#[test]
fn division_by_zero_does_not_hold() {
    let scratch = Scratch::new("check-relation-division-by-zero");
    scratch.write(
        "docs/plant.txt",
        "In 1937 the plant employed 5,124 workers.\nOf them, 1,200 workers were women.\n",
    );
    scratch.write(
        "claims/plant.toml",
        format!(
            r#"{PLANT_WORKERS_AND_WOMEN}
[[relation]]
id = "women_share"
expr = "plant_women = plant_workers / 0"
"#
        ),
    );
    let run = scratch.run(&["check", "docs", "--claims", "claims", "--format", "json"]);
    if run.code() == Some(2) {
        assert_eq!(run.stdout(), "");
        // The plant's quantities are lines 1 to 15: `expr` is on line 19.
        assert!(
            run.stderr().contains("claims/plant.toml:19:"),
            "{}",
            run.stderr()
        );
        return;
    }
    let report: Value = serde_json::from_str(&run.stdout()).expect("one JSON document");
    let finding = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["relation"] == "women_share")
        .cloned()
        .unwrap_or_else(|| panic!("no finding for the relation: {}", run.stdout()));
    assert!(
        !["agreement", "within_rounding", "within_approximation"]
            .contains(&finding["verdict"].as_str().unwrap_or_default()),
        "{finding}"
    );
    assert!(
        !finding["reason"]
            .as_str()
            .unwrap_or_default()
            .contains("holds"),
        "{finding}"
    );
}
