//! A relation whose names stand for many claims is judged on all of them (regression:
//! only the first 256 combinations were tried, and `137 = 10000` was reported as an
//! arithmetic mismatch when the 300th claim computed). Up to 65,536 combinations are
//! tried one by one; beyond, the relation fails only if the ranges of all its claims
//! cannot meet, and otherwise says it may hold.

use crate::support::Scratch;
use serde_json::Value;

/// A claim file: a source, quantities `a` and `b`, `values` as claims of `a`, `b_values`
/// as claims of `b`, and the relation `expr`.
fn catalog(values: &[u64], b_values: &[u64], expr: &str) -> String {
    let mut text = String::from(
        "[[source]]\nid = \"s\"\ntitle = \"Ledger\"\noutlet = \"Archive\"\nkind = \"archive\"\n\n[[quantity]]\nid = \"a\"\ndescription = \"a\"\nunit = \"people\"\n\n[[quantity]]\nid = \"b\"\ndescription = \"b\"\nunit = \"people\"\n",
    );
    for (quantity, list) in [("a", values), ("b", b_values)] {
        for (n, value) in list.iter().enumerate() {
            text.push_str(&format!(
                "\n[[claim]]\nid = \"{quantity}{n}\"\nquantity = \"{quantity}\"\nsource = \"s\"\nvalue = \"{value}\"\n"
            ));
        }
    }
    text.push_str(&format!("\n[[relation]]\nid = \"r\"\nexpr = \"{expr}\"\n"));
    text
}

/// The relation's finding in the JSON report.
fn relation_finding(text: String) -> Value {
    let scratch = Scratch::new("relation-many");
    scratch.write("corpus/empty.txt", "");
    scratch.write("claims/ledger.toml", text);
    let run = scratch.run(&["check", "corpus", "--claims", "claims", "--format", "json"]);
    let report: Value = serde_json::from_str(&run.stdout()).expect("one JSON document");
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["relation"] == "r")
        .cloned()
        .unwrap_or_else(|| panic!("no finding for the relation: {}", run.stderr()))
}

#[test]
fn the_three_hundredth_claim_that_computes_is_found() {
    let mut values: Vec<u64> = (0..299).map(|n| 137 + n).collect();
    values.push(10_000);
    let finding = relation_finding(catalog(&values, &[1], "a = 10000 * b"));
    assert_eq!(finding["verdict"], "within_rounding", "{finding}");
}

#[test]
fn past_the_limit_a_relation_the_ranges_allow_may_hold() {
    // 300 × 300 = 90,000 combinations; only the last one computes.
    let mut values: Vec<u64> = (0..299).map(|n| 137 + n).collect();
    values.push(10_000);
    let mut b_values: Vec<u64> = (0..299).map(|n| 5 + n).collect();
    b_values.push(1);
    let finding = relation_finding(catalog(&values, &b_values, "a = 10000 * b"));
    assert_eq!(finding["verdict"], "within_rounding", "{finding}");
    assert!(
        finding["reason"].as_str().unwrap().contains("may hold"),
        "{finding}"
    );
}

#[test]
fn past_the_limit_a_relation_the_ranges_forbid_is_a_mismatch() {
    let values: Vec<u64> = (0..300).map(|n| 137 + n).collect();
    let b_values: Vec<u64> = (0..300).map(|n| 5 + n).collect();
    let finding = relation_finding(catalog(&values, &b_values, "a = 10000 * b"));
    assert_eq!(finding["verdict"], "arithmetic_mismatch", "{finding}");
}
