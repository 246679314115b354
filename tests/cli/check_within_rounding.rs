//! `crosscheck check`: "1.3 million" and "1,310,000" differ only by the rounding of
//! the first; the finding is `within_rounding`, a note, and the run succeeds.

use crate::support::Scratch;
use serde_json::Value;

#[test]
fn rounded_figure_agrees_within_rounding() {
    let scratch = Scratch::new("check-within-rounding");
    scratch.write(
        "docs/a.txt",
        "In 1956 the party had 1.3 million members in the region.\n",
    );
    scratch.write(
        "docs/b.txt",
        "Official records show the party had 1,310,000 members in the region in 1956.\n",
    );
    scratch.write(
        "claims/party.toml",
        r#"[[quantity]]
id = "members_1956"
description = "Party members in the region in 1956"
unit = "people"

[[quantity.rule]]
pattern = "had {figure} members"
"#,
    );
    let run = scratch.run(&["check", "docs", "--claims", "claims", "--format", "json"]);
    run.assert_code(0);
    let report: Value = serde_json::from_str(&run.stdout()).expect("one JSON document");

    let findings = report["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1, "{}", run.stdout());
    let finding = &findings[0];
    assert_eq!(finding["quantity"], "members_1956");
    assert_eq!(finding["verdict"], "within_rounding", "{finding}");
    assert_eq!(finding["diagnosis"], Value::Null);
    assert_eq!(finding["severity"], "note");
    let reason = finding["reason"].as_str().unwrap_or_default();
    assert!(reason.contains("within rounding"), "{reason}");
    assert!(reason.contains("1.3 million"), "{reason}");
    assert!(reason.contains("1,310,000"), "{reason}");

    // "1.3 million" is read as the interval its rounding allows, which holds 1,310,000.
    let rounded = finding["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .find(|c| c["path"] == "docs/a.txt")
        .expect("the claim from a.txt");
    let low = rounded["interval"]["low"].as_f64().expect("low");
    let high = rounded["interval"]["high"].as_f64().expect("high");
    assert!(low < 1_300_000.0 && 1_310_000.0 <= high, "{rounded}");

    assert_eq!(report["summary"]["new_errors"], 0);
}
