//! `crosscheck check`: 4,500 and 60,000 for the same quantity and year are more than
//! five times apart, not by a power of ten: a contradiction diagnosed
//! `order_of_magnitude`. Exactly ten times apart is a `scale_slip` instead.

use crate::support::claims_fixture::check_camp_documents;
use serde_json::Value;

fn only_finding(memoir: &str) -> (crate::support::Run, Value) {
    let run = check_camp_documents(
        "check-order-of-magnitude",
        "In 1937 the camp held 4,500 prisoners.\n",
        format!("Memoirs claim that in 1937 the camp held {memoir} prisoners.\n"),
    );
    let report: Value = serde_json::from_str(&run.stdout()).expect("one JSON document");
    let findings = report["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1, "{}", run.stdout());
    let finding = findings[0].clone();
    (run, finding)
}

#[test]
fn far_apart_figures_are_an_order_of_magnitude_apart() {
    let (run, finding) = only_finding("60,000");
    run.assert_code(1);
    assert_eq!(finding["verdict"], "contradiction");
    assert_eq!(finding["diagnosis"], "order_of_magnitude", "{finding}");
    assert_eq!(finding["severity"], "error");
    assert_eq!(finding["reason"], "60,000 is more than 13 times 4,500");
}

#[test]
fn ten_times_apart_is_a_scale_slip() {
    let (run, finding) = only_finding("45,000");
    run.assert_code(1);
    assert_eq!(finding["verdict"], "contradiction");
    assert_eq!(finding["diagnosis"], "scale_slip", "{finding}");
}
