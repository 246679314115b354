//! A quantity whose claims mix shares and counts is a warning at the quantity, naming
//! how many of each (regression: "40 per cent of the prisoners" and "1,200 of the
//! prisoners" were compared as one quantity without a word). A `kind` on the quantity
//! keeps them apart and silences it.

use crate::support::Scratch;

fn run(scenario: &str, kind: &str) -> crate::support::Run {
    let scratch = Scratch::new(scenario);
    scratch.write(
        "docs/a.txt",
        "In 1937, 40 per cent of the prisoners were released. Later 1,200 of the prisoners were moved.\n",
    );
    scratch.write(
        "claims/camp.toml",
        format!(
            "[[quantity]]\nid = \"released\"\ndescription = \"Prisoners released\"\nunit = \"people\"\n{kind}\n[[quantity.rule]]\npattern = \"{{figure}} of the prisoners\"\n"
        ),
    );
    scratch.run(&["check", "docs", "--claims", "claims"])
}

#[test]
fn shares_and_counts_in_one_quantity_are_a_warning_at_the_quantity() {
    let run = run("mixed-measures", "");
    let line = run.stderr_line("warning[mixed-measures]");
    assert!(line.starts_with("claims/camp.toml:1:1:"), "{line}");
    assert!(
        line.contains("the claims of `released` mix counts (1) and shares (1)"),
        "{line}"
    );
}

#[test]
fn a_kind_on_the_quantity_keeps_them_apart() {
    let run = run("mixed-measures-kind", "kind = \"count\"\n");
    assert!(!run.stderr().contains("mixed-measures"), "{}", run.stderr());
}
