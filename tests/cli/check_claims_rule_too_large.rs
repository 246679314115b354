//! A rule whose expression would compile to more than a megabyte is refused at its
//! place, exit 2 (regression: a hundred rules `a{100000}…` took 1.1 GB); an ordinary
//! phrase with a long gap still compiles.

use crate::support::claims_fixture::{check_camp, CAMP_PRISONERS};

#[test]
fn a_runaway_repetition_is_refused_where_it_is_written() {
    let rules: String = (0..100)
        .map(|_| "[[quantity.rule]]\npattern = \"a{100000}{figure} prisoners\"\n\n")
        .collect();
    let run = check_camp(
        "check-claims-rule-too-large",
        [CAMP_PRISONERS, &rules].join("\n"),
    );
    run.assert_code(2);
    let line = run.stderr_line("claims/camp.toml:7:11: error[pattern]");
    assert!(line.contains("too large once compiled"), "{line}");
    assert_eq!(run.stderr().matches("too large once compiled").count(), 100);
}

#[test]
fn a_long_gap_between_words_still_compiles() {
    let run = check_camp(
        "check-claims-rule-long-gap",
        [
            CAMP_PRISONERS,
            "[[quantity.rule]]\npattern = \"held .{0,200}{figure} prisoners\"\n",
        ]
        .join("\n"),
    );
    assert!(matches!(run.code(), Some(0 | 1)), "{}", run.stderr());
}
