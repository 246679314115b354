//! `crosscheck reject ID --reason TEXT`: the candidate is recorded, with its figures and
//! the reason, in crosscheck-reviewed.toml, and `discover` never proposes it again, also
//! after lines are inserted above the figures.

use serde_json::Value;

use crate::support::claims_fixture::camp_registers;
use crate::support::Scratch;

fn ids(scratch: &Scratch) -> Vec<String> {
    let run = scratch.run(&["discover", "docs", "--format", "json", "--all"]);
    run.assert_code(0);
    let report: Value = serde_json::from_str(&run.stdout()).expect("JSON");
    report["candidates"]
        .as_array()
        .expect("candidates")
        .iter()
        .map(|c| c["id"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn a_rejected_candidate_never_comes_back() {
    let scratch = Scratch::new("review-reject");
    camp_registers(&scratch, false);
    let before = ids(&scratch);
    let id = before.first().expect("a candidate").clone();
    let run = scratch.run(&["reject", &id, "docs", "--reason", "two different camps"]);
    run.assert_code(0);
    let reviewed = scratch.read("crosscheck-reviewed.toml");
    assert!(reviewed.contains(&format!("id = \"{id}\"")), "{reviewed}");
    assert!(
        reviewed.contains("reason = \"two different camps\""),
        "{reviewed}"
    );
    assert!(!ids(&scratch).contains(&id));
    scratch.write(
        "docs/a.txt",
        "Added first.\n\nIn 1937 the camp held 11,200 prisoners, according to the register of the camp.\n",
    );
    assert!(!ids(&scratch).contains(&id));
    // Rejecting it again finds nothing to reject.
    let again = scratch.run(&["reject", &id, "docs", "--reason", "again"]);
    again.assert_code(2);
    assert_eq!(scratch.read("crosscheck-reviewed.toml"), reviewed);
}
