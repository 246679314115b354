//! A pin with an `id` names one figure of the corpus, and a relation may name it:
//! corpus figures had no id, so a relation could only range over a whole quantity.

use crate::support::Scratch;
use serde_json::Value;

fn relation_verdict(scenario: &str, expr: &str) -> (String, String) {
    let scratch = Scratch::new(scenario);
    scratch.write(
        "docs/a.txt",
        "In all 450,000 people were deported; 225,000 of them came from the north.\n",
    );
    scratch.write(
        "claims/deportations.toml",
        format!(
            "[[quantity]]\nid = \"deported\"\ndescription = \"People deported\"\nunit = \"people\"\n\n\
             [[quantity.rule]]\npattern = \"{{figure}} people were deported\"\n\n\
             [[quantity]]\nid = \"deported_north\"\ndescription = \"From the north\"\nunit = \"people\"\n\n\
             [[pin]]\nid = \"north_figure\"\nquantity = \"deported_north\"\ndocument = \"docs/a.txt\"\nexact = \"225,000\"\nsuffix = \"of them came from the north\"\n\n\
             [[relation]]\nid = \"r\"\nexpr = \"{expr}\"\n"
        ),
    );
    let run = scratch.run(&["check", "docs", "--claims", "claims", "--format", "json"]);
    let report: Value =
        serde_json::from_str(&run.stdout()).unwrap_or_else(|_| panic!("{}", run.stderr()));
    let finding = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["relation"] == "r")
        .cloned()
        .unwrap_or_else(|| panic!("no relation finding: {report}"));
    (
        finding["verdict"].as_str().unwrap().to_string(),
        finding["reason"].as_str().unwrap().to_string(),
    )
}

#[test]
fn a_relation_over_a_pinned_figure_holds() {
    let (verdict, reason) = relation_verdict("relation-pin-holds", "deported = 2 * north_figure");
    assert_eq!(verdict, "within_rounding", "{reason}");
    assert!(
        reason.starts_with("450,000 = 2 * 225,000 holds"),
        "{reason}"
    );
}

#[test]
fn a_relation_over_a_pinned_figure_that_fails_names_it() {
    let (verdict, reason) = relation_verdict("relation-pin-fails", "deported = 3 * north_figure");
    assert_eq!(verdict, "arithmetic_mismatch", "{reason}");
    assert!(
        reason.starts_with("450,000 = 3 * 225,000 does not compute"),
        "{reason}"
    );
}
