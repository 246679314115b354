//! `crosscheck check` with a rule pattern (or sentence) that is not a valid regular
//! expression: exit 2, the string located, the regex error given, nothing on
//! standard output.

mod cli_support;

use cli_support::Scratch;

#[test]
fn regex_that_does_not_compile_is_located() {
    let scratch = Scratch::new("check-claims-bad-regex");
    scratch.write("docs/a.txt", "In 1937 the camp held 4,512 prisoners.\n");
    scratch.write(
        "claims/camp.toml",
        r#"[[quantity]]
id = "camp_prisoners"
description = "Prisoners held in the camp"
unit = "people"

[[quantity.rule]]
pattern = "held ({figure} prisoners"

[[quantity.rule]]
pattern = "{figure} prisoners"
sentence = "camp[a-"
"#,
    );
    let run = scratch.run(&["check", "docs", "--claims", "claims"]);
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    let stderr = run.stderr();
    assert!(
        stderr.contains("claims/camp.toml:7:11: error: `pattern` does not compile"),
        "{stderr}"
    );
    assert!(stderr.contains("unclosed group"), "{stderr}");
    assert!(
        stderr.contains("claims/camp.toml:11:12: error: `sentence` does not compile"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("crosscheck: 2 problems in the claim files\n"),
        "{stderr}"
    );
}
