//! A discovered `part_of` candidate (a count for a period inside another's that is the
//! larger) accepted and checked: `accept` writes the quantity as cumulative, as
//! discovery judged it, so `check` gives the same `superset_smaller` contradiction
//! instead of a mere difference of periods.

use serde_json::Value;

use crate::support::Scratch;

#[test]
fn a_part_larger_than_its_whole_stays_a_contradiction_once_accepted() {
    let scratch = Scratch::new("review-accept-part-of");
    scratch.write(
        "docs/memo.txt",
        "The memo of the ministry stated that since 1921, 3,777,380 people had been convicted of counterrevolutionary crimes.\n",
    );
    scratch.write(
        "docs/review.txt",
        "The later review by the committee found that in 1930-1953, 3,778,234 people had been convicted of counterrevolutionary crimes.\n",
    );
    let run = scratch.run(&["discover", "docs", "--format", "json"]);
    run.assert_code(0);
    let report: Value = serde_json::from_str(&run.stdout()).expect("JSON");
    let candidate = report["candidates"]
        .as_array()
        .expect("candidates")
        .iter()
        .find(|c| c["tier"] == "part_of")
        .unwrap_or_else(|| panic!("no part_of candidate: {report:#}"));
    assert_eq!(candidate["diagnosis"], "superset_smaller", "{candidate:#}");
    let id = candidate["id"].as_str().expect("an id");

    scratch
        .run(&[
            "accept",
            id,
            "docs",
            "--as",
            "convicted_counterrevolutionary",
        ])
        .assert_code(0);
    assert!(scratch
        .read("claims/discovered.toml")
        .contains("cumulative = true"));

    let run = scratch.run(&["check", "docs", "--claims", "claims", "--format", "json"]);
    run.assert_code(1);
    let report: Value = serde_json::from_str(&run.stdout()).expect("JSON");
    let findings = report["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1, "{report:#}");
    assert_eq!(findings[0]["verdict"], "contradiction");
    assert_eq!(findings[0]["diagnosis"], "superset_smaller");
}
