//! `crosscheck discover` beside a catalog: two figures the catalog keys to one quantity
//! are not proposed again (check reports them); a figure nothing keys that goes with a
//! keyed one is proposed as that quantity's ("looks like"); `--no-catalog` proposes the
//! keyed pair too.

use serde_json::Value;

use crate::support::claims_fixture::{camp_registers, PRISONERS_1937};
use crate::support::Scratch;

fn project() -> Scratch {
    let scratch = Scratch::new("discover-with-a-catalog");
    camp_registers(&scratch, true);
    scratch.write("claims/camp.toml", PRISONERS_1937);
    scratch
}

fn candidates(scratch: &Scratch, args: &[&str]) -> Vec<Value> {
    let run = scratch.run(args);
    run.assert_code(0);
    let report: Value = serde_json::from_str(&run.stdout()).expect("JSON");
    report["candidates"].as_array().expect("candidates").clone()
}

fn texts(candidate: &Value) -> Vec<&str> {
    candidate["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .map(|c| c["text"].as_str().unwrap_or_default())
        .collect()
}

#[test]
fn keyed_pairs_are_left_to_check_and_a_new_figure_looks_like_the_quantity() {
    let scratch = project();
    let args = [
        "discover", "docs", "--claims", "claims", "--format", "json", "--all",
    ];
    let found = candidates(&scratch, &args);
    assert!(
        !found
            .iter()
            .any(|c| texts(c).contains(&"11,200") && texts(c).contains(&"13,900")),
        "{found:#?}"
    );
    let with_new: Vec<&Value> = found
        .iter()
        .filter(|c| texts(c).contains(&"13,090"))
        .collect();
    assert!(!with_new.is_empty(), "{found:#?}");
    for candidate in with_new {
        assert_eq!(
            candidate["quantity"], "camp_prisoners_1937",
            "{candidate:#}"
        );
    }
    let all = candidates(&scratch, &[&args[..], &["--no-catalog"]].concat());
    assert!(
        all.iter()
            .any(|c| texts(c).contains(&"11,200") && texts(c).contains(&"13,900")),
        "{all:#?}"
    );
    assert!(all.iter().all(|c| c["quantity"].is_null()), "{all:#?}");
}
