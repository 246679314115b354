//! `crosscheck check` with a misspelt key, in a table and in a rule: exit 2, each
//! located, the allowed keys named, nothing on standard output.

mod cli_support;

use cli_support::{Run, Scratch};

fn check(claims: &str) -> Run {
    let scratch = Scratch::new("check-claims-unknown-key");
    scratch.write("docs/a.txt", "In 1937 the camp held 4,512 prisoners.\n");
    scratch.write("claims/camp.toml", claims);
    scratch.run(&["check", "docs", "--claims", "claims"])
}

#[test]
fn unknown_key_in_a_quantity_is_located() {
    let run = check(
        r#"[[quantity]]
id = "camp_prisoners"
description = "Prisoners held in the camp"
unit = "people"
colour = "red"
"#,
    );
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    let stderr = run.stderr();
    assert!(
        stderr.contains("claims/camp.toml:5:1: error: unknown field `colour`"),
        "{stderr}"
    );
    assert!(stderr.contains("`description`"), "{stderr}");
    // A misspelt key is not also reported as a missing one.
    assert!(!stderr.contains("missing"), "{stderr}");
    assert!(
        stderr.ends_with("crosscheck: 1 problem in the claim files\n"),
        "{stderr}"
    );
}

#[test]
fn unknown_key_in_a_rule_is_located() {
    let run = check(
        r#"[[quantity]]
id = "camp_prisoners"
description = "Prisoners held in the camp"
unit = "people"

[[quantity.rule]]
patern = "held {figure} prisoners"
"#,
    );
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    let stderr = run.stderr();
    assert!(
        stderr.contains("claims/camp.toml:7:1: error: unknown field `patern`"),
        "{stderr}"
    );
    assert!(stderr.contains("`pattern`"), "{stderr}");
}
