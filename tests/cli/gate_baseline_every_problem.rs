//! A baseline with several bad entries reports each, at its place, exit 2 (regression:
//! only the first was reported, though the README promises every problem); a verdict
//! that is no verdict is one of them (regression: `verdict = "bogus"` passed).

use crate::support::ferry::with_ministry;

#[test]
fn four_bad_entries_are_four_problems() {
    let scratch = with_ministry("baseline-every-problem");
    scratch.write(
        "crosscheck-baseline.toml",
        r#"[[finding]]
fingerprint = "db1c076e54378293"
quantity = "ferry_passengers_2023"
verdikt = "contradiction"

[[finding]]
fingerprint = "91bb6309bf3bfdfb"
verdict = "contradiction"

[[finding]]
fingerprint = "91bb6309bf3bfdfc"
quantity = "q"
verdict = 5

[[finding]]
fingerprint = "91bb6309bf3bfdfd"
quantity = "q"
verdict = "contradiction"
colour = "red"
"#,
    );
    let run = scratch.run(&["check"]);
    run.assert_code(2);
    for (line, message) in [
        (4, "unknown field `verdikt`"),
        (6, "missing field `quantity`"),
        (13, "expected a string"),
        (19, "unknown field `colour`"),
    ] {
        let found = run.stderr_line(&format!("crosscheck-baseline.toml:{line}:"));
        assert!(found.contains(message), "{found}");
    }
    run.stderr_line("4 problems in the baseline");
}

#[test]
fn a_verdict_that_is_no_verdict_is_refused() {
    let scratch = with_ministry("baseline-bogus-verdict");
    scratch.write(
        "crosscheck-baseline.toml",
        "[[finding]]\nfingerprint = \"db1c076e54378293\"\nquantity = \"ferry_passengers_2023\"\nverdict = \"bogus\"\n",
    );
    let run = scratch.run(&["check"]);
    run.assert_code(2);
    let line = run.stderr_line("crosscheck-baseline.toml:1:1: error");
    assert!(line.contains("`bogus` is not a verdict"), "{line}");
}
