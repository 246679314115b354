//! A rule that matches no figure is a warning at the rule (a misspelt phrase keys
//! nothing, and said nothing before); with `--strict` it is an error and the run fails.

use crate::support::Scratch;

fn project(scenario: &str) -> Scratch {
    let scratch = Scratch::new(scenario);
    scratch.write("docs/a.txt", "In 1937 the camp held 11,200 prisoners.\n");
    scratch.write(
        "claims/camp.toml",
        "[[quantity]]\nid = \"camp_prisoners\"\ndescription = \"Prisoners\"\nunit = \"people\"\n\n\
         [[quantity.rule]]\npattern = \"{figure} prisoners\"\n\n\
         [[quantity.rule]]\npattern = \"{figure} prisonners\"\n",
    );
    scratch
}

#[test]
fn a_rule_that_matches_nothing_is_a_warning_at_the_rule() {
    let scratch = project("rule-matches-nothing");
    let run = scratch.run(&["check", "docs", "--claims", "claims"]);
    run.assert_code(0);
    let line = run.stderr_line("warning[unused-rule]");
    assert!(line.starts_with("claims/camp.toml:9:1:"), "{line}");
    assert!(
        line.contains("rule of `camp_prisoners` matched no figure"),
        "{line}"
    );
    // The rule that matches is not named.
    assert_eq!(
        run.stderr().matches("unused-rule").count(),
        1,
        "{}",
        run.stderr()
    );
}

#[test]
fn with_strict_it_is_an_error_and_the_run_fails() {
    let scratch = project("rule-matches-nothing-strict");
    let run = scratch.run(&["check", "docs", "--claims", "claims", "--strict"]);
    run.assert_code(1);
    run.stderr_line("error[unused-rule]");
}

#[test]
fn past_a_hundred_unused_rules_the_rest_are_counted() {
    let scratch = Scratch::new("rule-matches-nothing-many");
    scratch.write("docs/a.txt", "In 1937 the camp held 11,200 prisoners.\n");
    let mut claims = String::new();
    for q in 0..150 {
        claims.push_str(&format!(
            "[[quantity]]\nid = \"q{q}\"\ndescription = \"q\"\nunit = \"people\"\n\n[[quantity.rule]]\npattern = \"{{figure}} guards of camp {q}\"\n\n"
        ));
    }
    scratch.write("claims/camps.toml", claims);
    let run = scratch.run(&["check", "docs", "--claims", "claims"]);
    run.assert_code(0);
    assert_eq!(run.stderr().matches("matched no figure").count(), 101);
    run.stderr_line("50 more rules matched no figure (150 in all)");
}
