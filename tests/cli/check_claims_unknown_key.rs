//! `crosscheck check` with a misspelt key, in a table and in a rule: exit 2, each
//! located, the allowed keys named, nothing on standard output.

use crate::support::claims_fixture::{check_camp, CAMP_PRISONERS};

#[test]
fn unknown_key_in_a_quantity_is_located() {
    // The camp's quantity takes lines 1 to 4: the misspelt key is line 5.
    let run = check_camp(
        "check-claims-unknown-key",
        format!("{CAMP_PRISONERS}colour = \"red\"\n"),
    );
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    let stderr = run.stderr();
    assert!(
        stderr.contains("claims/camp.toml:5:1: error[schema]: unknown field `colour`"),
        "{stderr}"
    );
    assert!(stderr.contains("`description`"), "{stderr}");
    // A misspelt key is not also reported as a missing one.
    assert!(!stderr.contains("missing"), "{stderr}");
    assert!(
        stderr.ends_with("crosscheck: 1 problem in the claim files\n"),
        "{stderr}"
    );
}

#[test]
fn unknown_key_in_a_rule_is_located() {
    // The camp's quantity takes lines 1 to 4: the rule starts at line 6.
    let run = check_camp(
        "check-claims-unknown-key",
        [
            CAMP_PRISONERS,
            r#"[[quantity.rule]]
patern = "held {figure} prisoners"
"#,
        ]
        .join("\n"),
    );
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    let stderr = run.stderr();
    assert!(
        stderr.contains("claims/camp.toml:7:1: error[schema]: unknown field `patern`"),
        "{stderr}"
    );
    assert!(stderr.contains("`pattern`"), "{stderr}");
}
