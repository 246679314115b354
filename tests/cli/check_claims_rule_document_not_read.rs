//! A rule restricted to a document that was not among the documents read is an error
//! at the rule, exit 2, as a pin's is (regression: `document = "docs/nope.txt"` was
//! accepted, and the rule silently keyed nothing). A rule naming a document that was
//! read keys its figure as before.

use crate::support::claims_fixture::{check_camp, CAMP_PRISONERS};

#[test]
fn a_rule_for_a_document_never_read_is_located() {
    let run = check_camp(
        "check-rule-document-not-read",
        [
            CAMP_PRISONERS,
            "[[quantity.rule]]\npattern = \"{figure} prisoners\"\ndocument = \"docs/nope.txt\"\n",
        ]
        .join("\n"),
    );
    run.assert_code(2);
    let line = run.stderr_line("claims/camp.toml:6:1: error[reference]");
    assert!(line.contains("`docs/nope.txt`"), "{line}");
    assert!(line.contains("not among the documents read"), "{line}");
}

#[test]
fn a_rule_for_a_document_read_keys_its_figure() {
    let run = check_camp(
        "check-rule-document-read",
        [
            CAMP_PRISONERS,
            "[[quantity.rule]]\npattern = \"{figure} prisoners\"\ndocument = \"docs/a.txt\"\n",
        ]
        .join("\n"),
    );
    assert!(matches!(run.code(), Some(0 | 1)), "{}", run.stderr());
    assert!(
        run.stdout().contains("1 claim keyed to 1 quantity"),
        "{}",
        run.stdout()
    );
}
