//! `crosscheck accept ID` on a candidate that looks like a catalog quantity, with no
//! `--as`: the figure nothing keyed is pinned to that quantity, no new quantity is
//! written, and `check` then counts it among the quantity's claims.

use serde_json::Value;

use crate::support::claims_fixture::{camp_registers, PRISONERS_1937};
use crate::support::Scratch;

#[test]
fn accepting_a_looks_like_candidate_grows_that_quantity() {
    let scratch = Scratch::new("review-accept-looks-like");
    camp_registers(&scratch, true);
    scratch.write("claims/camp.toml", PRISONERS_1937);
    let run = scratch.run(&["discover", "docs", "--format", "json", "--all"]);
    run.assert_code(0);
    let report: Value = serde_json::from_str(&run.stdout()).expect("JSON");
    let id = report["candidates"]
        .as_array()
        .expect("candidates")
        .iter()
        .find(|c| c["quantity"] == "camp_prisoners_1937")
        .and_then(|c| c["id"].as_str())
        .unwrap_or_else(|| panic!("no candidate looks like the quantity: {report:#}"))
        .to_string();
    let claims_before = |scratch: &Scratch| {
        let run = scratch.run(&["check", "docs", "--format", "json"]);
        let report: Value = serde_json::from_str(&run.stdout()).expect("JSON");
        report["summary"]["claims"].as_u64().unwrap_or_default()
    };
    let before = claims_before(&scratch);
    scratch.run(&["accept", &id, "docs"]).assert_code(0);
    let written = scratch.read("claims/discovered.toml");
    assert!(!written.contains("[[quantity]]"), "{written}");
    assert!(
        written.contains("quantity = \"camp_prisoners_1937\""),
        "{written}"
    );
    assert_eq!(claims_before(&scratch), before + 1);
}
