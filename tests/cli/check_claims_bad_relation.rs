//! `crosscheck check` with a relation whose expression does not parse, or names an
//! id that is neither a quantity nor a claim: exit 2, the column of the fault inside
//! the expression, nothing on standard output.

use crate::support::claims_fixture::{check_camp, CAMP_PRISONERS};
use crate::support::Run;

/// The camp's quantity (lines 1 to 4), then a relation whose `expr` is on line 8.
fn check(relation: &str) -> Run {
    check_camp(
        "check-claims-bad-relation",
        format!("{CAMP_PRISONERS}\n[[relation]]\nid = \"twice\"\nexpr = \"{relation}\"\n"),
    )
}

#[test]
fn unclosed_parenthesis_is_located_at_the_end_of_the_expression() {
    // `expr = "` is 8 characters: the expression starts in column 9 and is 36 long.
    let run = check("camp_prisoners = 2 * (camp_prisoners");
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    let stderr = run.stderr();
    assert!(
        stderr.contains("claims/camp.toml:8:45: error[expression]: in `expr`: expected `)`"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("crosscheck: 1 problem in the claim files\n"),
        "{stderr}"
    );
}

#[test]
fn missing_equals_sign_is_located() {
    let run = check("camp_prisoners 2 * camp_prisoners");
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    let stderr = run.stderr();
    // The `2` is at offset 15 of the expression.
    assert!(
        stderr.contains("claims/camp.toml:8:24: error[expression]: in `expr`:"),
        "{stderr}"
    );
}

#[test]
fn unknown_id_is_located_and_named() {
    let run = check("camp_prisoners = 2 * camp_guards");
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    let stderr = run.stderr();
    assert!(
        stderr.contains("claims/camp.toml:8:30: error[reference]: in `expr`: `camp_guards` is neither a quantity id nor a claim id"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("crosscheck: 1 problem in the claim files\n"),
        "{stderr}"
    );
}
