//! `crosscheck check` with a rule pattern that has no `{figure}` slot: exit 2, the
//! pattern located, the message says how to write one, nothing on standard output.

mod cli_support;

use cli_support::Scratch;

#[test]
fn pattern_without_figure_slot_is_located() {
    let scratch = Scratch::new("check-claims-no-slot");
    scratch.write("docs/a.txt", "In 1937 the camp held 4,512 prisoners.\n");
    scratch.write(
        "claims/camp.toml",
        r#"[[quantity]]
id = "camp_prisoners"
description = "Prisoners held in the camp"
unit = "people"

[[quantity.rule]]
pattern = "held \\d+ prisoners"
"#,
    );
    let run = scratch.run(&["check", "docs", "--claims", "claims"]);
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    let stderr = run.stderr();
    assert!(
        stderr.contains("claims/camp.toml:7:11: error: `pattern` has no `{figure}` slot"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("crosscheck: 1 problem in the claim files\n"),
        "{stderr}"
    );
}
