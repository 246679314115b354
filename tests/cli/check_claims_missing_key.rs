//! `crosscheck check` with a table that lacks a required key: exit 2, the table's
//! header located, the key named, nothing on standard output.

use crate::support::claims_fixture::{camp_head, check_camp};

#[test]
fn quantity_without_description() {
    let run = check_camp(
        "check-claims-missing-key",
        r#"# The camp.

[[quantity]]
id = "camp_prisoners"
unit = "people"
"#,
    );
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    let stderr = run.stderr();
    assert!(
        stderr.contains(
            "claims/camp.toml:3:1: error[schema]: [[quantity]] is missing required key `description`"
        ),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("crosscheck: 1 problem in the claim files\n"),
        "{stderr}"
    );
}

#[test]
fn claim_without_quantity_or_value() {
    // The camp's quantity and source take lines 1 to 11: the claim starts at line 12.
    let run = check_camp(
        "check-claims-missing-key",
        camp_head()
            + r#"[[claim]]
id = "register_1937"
source = "register"
period = "1937"
"#,
    );
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    let stderr = run.stderr();
    assert!(
        stderr.contains(
            "claims/camp.toml:12:1: error[schema]: [[claim]] is missing required key `quantity`"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "claims/camp.toml:12:1: error[schema]: [[claim]] needs `value` or `low` and `high`"
        ),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("crosscheck: 2 problems in the claim files\n"),
        "{stderr}"
    );
}
