//! A relation nested too deeply or too long is a located error, exit 2, not a stack
//! overflow (regressions: 20,000 nested parentheses, 50,000 minus signs and a
//! 100,000-term sum aborted the run with exit 134 and no location).

use crate::support::claims_fixture::{check_camp, CAMP_PRISONERS};
use crate::support::Run;

/// The camp's quantity (lines 1 to 4), then a relation whose `expr` is on line 8.
fn check(relation: &str) -> Run {
    check_camp(
        "check-relation-too-large",
        format!("{CAMP_PRISONERS}\n[[relation]]\nid = \"huge\"\nexpr = \"{relation}\"\n"),
    )
}

#[test]
fn deep_parentheses_are_refused_where_they_go_too_deep() {
    let relation = format!(
        "camp_prisoners = {}camp_prisoners{}",
        "(".repeat(20_000),
        ")".repeat(20_000)
    );
    let run = check(&relation);
    run.assert_code(2);
    // The 65th parenthesis: offset 17 + 64 in the expression, column 9 + 81.
    let line = run.stderr_line("nest more than 64 deep");
    assert!(
        line.starts_with("claims/camp.toml:8:90: error[expression]"),
        "{line}"
    );
}

#[test]
fn many_minus_signs_are_refused() {
    let relation = format!("camp_prisoners = {}camp_prisoners", "-".repeat(50_000));
    let run = check(&relation);
    run.assert_code(2);
    run.stderr_line("claims/camp.toml:8:");
    assert!(!run.stderr().contains("overflow"), "{}", run.stderr());
}

#[test]
fn a_sum_of_a_hundred_thousand_terms_is_refused() {
    let relation = format!(
        "camp_prisoners = {}",
        vec!["camp_prisoners"; 100_000].join(" + ")
    );
    let run = check(&relation);
    run.assert_code(2);
    run.stderr_line("more than 1000 operators");
}

#[test]
fn a_relation_within_the_limits_still_holds() {
    let relation = format!(
        "camp_prisoners = {}camp_prisoners{}",
        "(".repeat(60),
        ")".repeat(60)
    );
    let run = check(&relation);
    assert!(matches!(run.code(), Some(0 | 1)), "{}", run.stderr());
    assert!(
        !run.stderr().contains("error[expression]"),
        "{}",
        run.stderr()
    );
}
