//! `crosscheck check` with a catalog whose rules, each small enough, would together take
//! more than 1 GiB once compiled: an error at the first rule past the budget (exit 2),
//! not a run that grows until the machine runs out of memory.

use crate::support::Scratch;

#[test]
fn rules_past_the_total_budget_are_an_error_at_the_rule() {
    let scratch = Scratch::new("check-claims-rules-over-budget");
    let mut theme = String::new();
    for q in 0..12_000 {
        theme.push_str(&format!(
            "[[quantity]]\nid = \"q{q:05}\"\ndescription = \"q\"\nunit = \"people\"\n\
             [[quantity.rule]]\npattern = \"{{figure}} held .{{0,250}}camp {q}\"\n"
        ));
    }
    scratch.write("claims/theme.toml", &theme);
    scratch.write("docs/a.txt", "In 1937 the camp held 11,200 prisoners.\n");
    let run = scratch.run(&["check", "docs", "--claims", "claims"]);
    run.assert_code(2);
    let line = run.stderr_line("would take over 1024 MiB once compiled");
    assert!(line.starts_with("claims/theme.toml:"), "{line}");
    // One error, at the first rule past the budget, not one per rule after it.
    assert_eq!(
        run.stderr().matches("once compiled").count(),
        1,
        "{}",
        run.stderr()
    );
}
