//! `crosscheck check` with a rule pattern (or sentence) that is not a valid regular
//! expression: exit 2, the string located, the regex error given, nothing on
//! standard output.

use crate::support::claims_fixture::{check_camp, CAMP_PRISONERS};

#[test]
fn regex_that_does_not_compile_is_located() {
    // The camp's quantity takes lines 1 to 4: the first rule starts at line 6.
    let run = check_camp(
        "check-claims-bad-regex",
        [
            CAMP_PRISONERS,
            r#"[[quantity.rule]]
pattern = "held ({figure} prisoners"

[[quantity.rule]]
pattern = "{figure} prisoners"
sentence = "camp[a-"
"#,
        ]
        .join("\n"),
    );
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    let stderr = run.stderr();
    assert!(
        stderr.contains("claims/camp.toml:7:11: error[pattern]: `pattern` does not compile"),
        "{stderr}"
    );
    assert!(stderr.contains("unclosed group"), "{stderr}");
    assert!(
        stderr.contains("claims/camp.toml:11:12: error[pattern]: `sentence` does not compile"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("crosscheck: 2 problems in the claim files\n"),
        "{stderr}"
    );
}
