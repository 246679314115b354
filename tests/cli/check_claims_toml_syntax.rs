//! `crosscheck check` with a claim file that is not valid TOML (an unterminated
//! string): exit 2, the file, line and column on standard error, nothing on
//! standard output.

use crate::support::claims_fixture::check_camp;

#[test]
fn toml_syntax_error_is_located() {
    let run = check_camp(
        "check-claims-syntax",
        r#"[[quantity]]
id = "camp_prisoners"
description = "Prisoners held in the camp
unit = "people"
"#,
    );
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    let stderr = run.stderr();
    // The string opened on line 3 is not closed before the end of that line.
    assert!(stderr.contains("claims/camp.toml:3:"), "{stderr}");
    assert!(stderr.contains(": error[toml]: TOML syntax"), "{stderr}");
    assert!(
        stderr.ends_with("crosscheck: 1 problem in the claim files\n"),
        "{stderr}"
    );
}
