//! `crosscheck check`: a cumulative count "since 2010" that is smaller than the count
//! for 2015-2019, a period it contains: a contradiction diagnosed `superset_smaller`.
//! Without `cumulative`, the same figures are only a scope mismatch.

use crate::support::Scratch;
use serde_json::Value;

fn project(cumulative: bool) -> Scratch {
    let scratch = Scratch::new("check-superset-smaller");
    scratch.write(
        "docs/a.txt",
        "Since 2010 the courts have convicted 3,200 people of fraud.\n",
    );
    scratch.write(
        "docs/b.txt",
        "From 2015 to 2019 the courts convicted 4,100 people of fraud.\n",
    );
    scratch.write(
        "claims/courts.toml",
        format!(
            r#"[[quantity]]
id = "fraud_convictions"
description = "People convicted of fraud, counted from a start year to an end year"
unit = "people"
cumulative = {cumulative}

[[quantity.rule]]
pattern = "convicted {{figure}} people of fraud"
"#
        ),
    );
    scratch
}

fn only_finding(run: &crate::support::Run) -> Value {
    let report: Value = serde_json::from_str(&run.stdout()).expect("one JSON document");
    let findings = report["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1, "{}", run.stdout());
    findings[0].clone()
}

#[test]
fn longer_period_with_smaller_count_is_a_contradiction() {
    let scratch = project(true);
    let run = scratch.run(&["check", "docs", "--claims", "claims", "--format", "json"]);
    run.assert_code(1);
    let finding = only_finding(&run);
    assert_eq!(finding["verdict"], "contradiction", "{finding}");
    assert_eq!(finding["diagnosis"], "superset_smaller");
    assert_eq!(finding["severity"], "error");
    assert_eq!(
        finding["reason"],
        "3,200 (since 2010) is smaller than 4,100 (2015-2019), though its period is longer"
    );
    let mut periods: Vec<&str> = finding["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .map(|c| c["period"].as_str().unwrap_or_default())
        .collect();
    periods.sort_unstable();
    assert_eq!(periods, ["2010-", "2015-2019"]);
}

#[test]
fn not_cumulative_is_only_a_scope_mismatch() {
    let scratch = project(false);
    let run = scratch.run(&["check", "docs", "--claims", "claims", "--format", "json"]);
    run.assert_code(0);
    let finding = only_finding(&run);
    assert_eq!(finding["verdict"], "scope_mismatch", "{finding}");
    assert_eq!(finding["diagnosis"], Value::Null);
}
