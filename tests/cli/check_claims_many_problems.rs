//! `crosscheck check` with several problems in two claim files: all reported in one
//! run, in file order, each located, and counted; exit 2, nothing on standard output.

use crate::support::claims_fixture::CAMP_DOC;
use crate::support::Scratch;

#[test]
fn every_problem_in_every_file_is_reported_at_once() {
    let scratch = Scratch::new("check-claims-many");
    scratch.write("docs/a.txt", CAMP_DOC);
    scratch.write(
        "claims/a.toml",
        r#"[[quantity]]
id = "camp_prisoners"
description = "Prisoners held in the camp"
unit = "people"
colour = "red"

[[quantity.rule]]
pattern = "held prisoners"
"#,
    );
    scratch.write(
        "claims/b.toml",
        r#"[[source]]
id = "register"
title = "Camp register"
kind = "archive"

[[claim]]
id = "register_1937"
quantity = "camp_guards"
source = "register"
value = "lots"
period = "the thirties"
"#,
    );
    let run = scratch.run(&["check", "docs", "--claims", "claims"]);
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    let stderr = run.stderr();
    let located: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains(": error["))
        .map(|l| l.split(": error[").next().unwrap_or_default())
        .collect();
    assert_eq!(
        located,
        [
            "claims/a.toml:5:1",   // unknown key `colour`
            "claims/a.toml:8:11",  // pattern without {figure}
            "claims/b.toml:1:1",   // source without author or outlet
            "claims/b.toml:8:12",  // unknown quantity
            "claims/b.toml:10:9",  // value "lots"
            "claims/b.toml:11:10", // period "the thirties"
        ],
        "{stderr}"
    );
    assert!(stderr.contains("`colour`"), "{stderr}");
    assert!(stderr.contains("{figure}"), "{stderr}");
    assert!(stderr.contains("`author` or `outlet`"), "{stderr}");
    assert!(stderr.contains("`camp_guards`"), "{stderr}");
    assert!(stderr.contains("`lots`"), "{stderr}");
    assert!(stderr.contains("`the thirties`"), "{stderr}");
    assert!(
        stderr.ends_with("crosscheck: 6 problems in the claim files\n"),
        "{stderr}"
    );
}
