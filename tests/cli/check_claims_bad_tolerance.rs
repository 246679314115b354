//! `crosscheck check` with a quantity `tolerance` outside what `--about` accepts (a
//! fraction from 0 to 1): exit 2, located, nothing on standard output. A tolerance
//! of 1 or more would read "about 12,000" as reaching below zero.

use crate::support::{Run, Scratch};

fn check(tolerance: &str) -> Run {
    let scratch = Scratch::new("check-claims-tolerance");
    scratch.write(
        "docs/a.txt",
        "The camp held about 12,000 prisoners in 1941.\n",
    );
    scratch.write(
        "claims/camp.toml",
        format!(
            r#"[[quantity]]
id = "camp_prisoners_1941"
description = "Prisoners held in the camp in 1941"
unit = "people"
tolerance = {tolerance}

[[quantity.rule]]
pattern = "held (?:about )?{{figure}} prisoners"
"#
        ),
    );
    scratch.run(&["check", "docs", "--claims", "claims", "--format", "json"])
}

#[test]
fn negative_tolerance_is_located() {
    let run = check("-0.5");
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    assert!(
        run.stderr().contains(
            "claims/camp.toml:5:13: error[value]: tolerance takes a fraction from 0 to 1"
        ),
        "{}",
        run.stderr()
    );
}

#[test]
fn tolerance_of_one_or_more_is_located() {
    let run = check("2.5");
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    assert!(
        run.stderr()
            .contains("claims/camp.toml:5:13: error[value]: "),
        "{}",
        run.stderr()
    );
}
