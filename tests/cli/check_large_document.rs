//! `crosscheck check` on a document larger than a part (parts grow to 2 MB): it is read in parts, like
//! `extract` reads it, and comes out as one document. A pin's occurrences are counted
//! across the parts, and claims in later parts keep their lines in the whole file.

use crate::support::claims_fixture::camp_head;
use crate::support::Scratch;
use serde_json::Value;

#[test]
#[ignore = "stress: run by .ci/run's stress step"]
fn a_large_document_is_one_document_and_pins_count_across_its_parts() {
    let scratch = Scratch::new("check-large-document");
    let filler = "The camp stood by the river, and the guards kept to the gate.\n\n";
    let counted = "The guards counted 4,152 of them.\n\n";
    let copies = 6_000_000 / filler.len();
    let mut text = String::from(counted);
    text.push_str(&filler.repeat(copies));
    text.push_str(counted);
    // The second "4,152" is on the last line but one, several parts in.
    let second_line = 2 + 2 * copies + 1;
    scratch.write("docs/big.txt", &text);
    scratch.write(
        "claims/camp.toml",
        format!(
            r#"{head}[[pin]]
quantity = "camp_prisoners"
document = "docs/big.txt"
text = "4,152"
occurrence = 2

[[claim]]
id = "register_1937"
quantity = "camp_prisoners"
source = "register"
value = "4,125"
"#,
            head = camp_head()
        ),
    );
    let run = scratch.run(&["check", "docs", "--claims", "claims", "--format", "json"]);
    let report: Value = serde_json::from_str(&run.stdout()).expect("a JSON report");
    assert_eq!(report["summary"]["documents"], 1, "{report}");
    run.assert_code(1);
    let finding = &report["findings"][0];
    assert_eq!(finding["verdict"], "contradiction", "{report}");
    let lines: Vec<&Value> = finding["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .map(|claim| &claim["line"])
        .collect();
    assert!(
        lines.contains(&&serde_json::json!(second_line)),
        "{lines:?}"
    );
}
