//! `crosscheck check`: 4,512 and 4,152 for the same quantity and year differ by two
//! adjacent digits swapped: a contradiction diagnosed `digits_transposed`.

use crate::support::claims_fixture::PRISONERS_1937;
use crate::support::Scratch;
use serde_json::Value;

#[test]
fn swapped_digits_are_diagnosed() {
    let scratch = Scratch::new("check-digits-transposed");
    scratch.write("docs/a.txt", "In 1937 the camp held 4,512 prisoners.\n");
    scratch.write(
        "docs/b.txt",
        "Registers show that in 1937 the camp held 4,152 prisoners.\n",
    );
    scratch.write("claims/camp.toml", PRISONERS_1937);
    let run = scratch.run(&["check", "docs", "--claims", "claims", "--format", "json"]);
    run.assert_code(1);
    let report: Value = serde_json::from_str(&run.stdout()).expect("one JSON document");
    let findings = report["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1, "{}", run.stdout());
    let finding = &findings[0];
    assert_eq!(finding["verdict"], "contradiction");
    assert_eq!(finding["diagnosis"], "digits_transposed", "{finding}");
    assert_eq!(finding["severity"], "error");
    let reason = finding["reason"].as_str().unwrap_or_default();
    assert!(
        reason.contains("4,512") && reason.contains("4,152"),
        "{reason}"
    );
    assert!(reason.contains("adjacent digits swapped"), "{reason}");
    assert_eq!(report["summary"]["new_errors"], 1);

    // The table says so too.
    let table = scratch.run(&["check", "docs", "--claims", "claims"]);
    table.assert_code(1);
    assert!(
        table.stdout().contains("contradiction (digits_transposed)"),
        "{}",
        table.stdout()
    );
}
