//! `crosscheck check` on a corpus with a number too large to read: the number is named
//! with its file, line and column, the exit status is 2 (an input error, whatever the
//! verdicts), and the document's other figures are still checked.

use crate::support::claims_fixture::check_camp_documents;
use serde_json::Value;

#[test]
fn a_number_too_large_is_an_input_error_and_the_rest_is_checked() {
    let run = check_camp_documents(
        "check-number-too-large",
        format!(
            "In 1937 the camp held 11,200 prisoners.\nIts debt was {} roubles.\n",
            "7".repeat(320)
        ),
        "Registers show that in 1937 the camp held 13,900 prisoners.\n",
    );
    run.assert_code(2);
    assert!(
        run.stderr().contains(
            "docs/a.txt:2:14: error[number-too-large]: a number of 320 digits is too large to read; left out\n"
        ),
        "{}",
        run.stderr()
    );
    let report: Value = serde_json::from_str(&run.stdout()).expect("a JSON report");
    let findings = report["findings"].as_array().expect("findings");
    assert!(
        findings.iter().any(|f| f["verdict"] == "contradiction"),
        "{report}"
    );
}
