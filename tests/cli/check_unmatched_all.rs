//! `crosscheck check --unmatched` lists the first four figures of a group and counts
//! the rest; `--all` lists every one (regression: "… and 36 more" with no way to see
//! them but JSON). `--all` without `--unmatched` is a usage error.

use crate::support::Scratch;

fn project(scenario: &str) -> Scratch {
    let scratch = Scratch::new(scenario);
    let text: String = (1..=7)
        .map(|n| format!("In 19{n:02} the camp had {} guards.\n", 100 + n))
        .collect();
    scratch.write("docs/a.txt", text);
    scratch.write(
        "claims/camp.toml",
        "[[quantity]]\nid = \"q\"\ndescription = \"q\"\nunit = \"people\"\n\n[[quantity.rule]]\npattern = \"{figure} prisoners\"\n",
    );
    scratch
}

#[test]
fn the_table_lists_four_and_counts_the_rest() {
    let scratch = project("unmatched-four");
    let run = scratch.run(&["check", "docs", "--claims", "claims", "--unmatched"]);
    run.assert_code(0);
    assert!(
        run.stdout().contains("… and 3 more (--all lists them)"),
        "{}",
        run.stdout()
    );
    assert!(!run.stdout().contains("107"), "{}", run.stdout());
}

#[test]
fn with_all_every_figure_is_listed() {
    let scratch = project("unmatched-all");
    let run = scratch.run(&[
        "check",
        "docs",
        "--claims",
        "claims",
        "--unmatched",
        "--all",
    ]);
    run.assert_code(0);
    for n in 101..=107 {
        assert!(
            run.stdout().contains(&n.to_string()),
            "{n}: {}",
            run.stdout()
        );
    }
    assert!(!run.stdout().contains("more"), "{}", run.stdout());
}

#[test]
fn all_without_unmatched_is_a_usage_error() {
    let scratch = project("unmatched-all-alone");
    scratch
        .run(&["check", "docs", "--claims", "claims", "--all"])
        .assert_code(2);
}
