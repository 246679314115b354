//! `crosscheck check` with one rule that matches every figure of a corpus: the probe
//! that reached 8.9 GB (every pair of 23,900 claims kept). Past a few hundred claims a
//! quantity is compared by cluster, so the findings grow with the claims, not with their
//! square; the contradiction among them is still found, between the two real claims,
//! and the report says that the quantity was compared by cluster.

use crate::support::Scratch;
use serde_json::Value;

/// 60 documents, each stating the camp's 1937 count five times; one document gives a
/// figure no other does.
fn project() -> Scratch {
    let scratch = Scratch::new("check-rule-matching-every-figure");
    for d in 0..60 {
        let figure = if d == 41 { "19,400" } else { "11,200" };
        let sentence = format!("In 1937 the camp held {figure} prisoners.\n");
        scratch.write(&format!("docs/{d:02}.txt"), sentence.repeat(5));
    }
    scratch.write(
        "claims/every.toml",
        "[[quantity]]\nid = \"every_figure\"\ndescription = \"Every figure\"\nunit = \"any\"\n\n\
         [[quantity.rule]]\npattern = \"{figure}\"\n",
    );
    scratch
}

#[test]
fn findings_grow_with_the_claims_and_the_contradiction_is_found() {
    let scratch = project();
    let run = scratch.run(&["check", "docs", "--claims", "claims", "--format", "json"]);
    run.assert_code(1);
    let report: Value = serde_json::from_str(&run.stdout()).expect("one JSON document");
    let findings = report["findings"].as_array().expect("findings");
    // 300 claims: 44,850 pairs, of which about one per claim are compared.
    assert!(findings.len() < 2 * 300, "{} findings", findings.len());
    let contradictions: Vec<&Value> = findings
        .iter()
        .filter(|f| f["verdict"] == "contradiction")
        .collect();
    assert_eq!(contradictions.len(), 1, "{contradictions:?}");
    let texts: Vec<&str> = contradictions[0]["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .map(|c| c["text"].as_str().expect("text"))
        .collect();
    assert!(
        texts.contains(&"11,200") && texts.contains(&"19,400"),
        "{texts:?}"
    );
    let condensed = &report["condensed"][0];
    assert_eq!(condensed["quantity"], "every_figure");
    assert_eq!(condensed["claims"], 300);
    assert_eq!(condensed["clusters"], 2);
}

#[test]
fn the_table_says_the_quantity_was_compared_by_cluster() {
    let scratch = project();
    let run = scratch.run(&["check", "docs", "--claims", "claims"]);
    run.assert_code(1);
    let stdout = run.stdout();
    assert!(
        stdout.contains("300 claims, more than 200, compared by cluster: 2 clusters"),
        "{stdout}"
    );
    // Only the two claims in the contradiction are listed, not 300 rows.
    assert!(
        stdout.contains("the 2 claims in disagreements are listed"),
        "{stdout}"
    );
    assert!(stdout.contains("1 contradiction,"), "{stdout}");
}
