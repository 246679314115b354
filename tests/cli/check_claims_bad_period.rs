//! `crosscheck check` with a period that does not parse, on a claim and on a
//! quantity: exit 2, each located, the accepted forms shown, nothing on standard
//! output.

use crate::support::claims_fixture::{check_camp, REGISTER};

#[test]
fn period_that_does_not_parse_is_located() {
    // The register (5 lines) takes lines 7 to 11: the claim starts at line 13.
    let run = check_camp(
        "check-claims-bad-period",
        format!(
            r#"[[quantity]]
id = "camp_prisoners"
description = "Prisoners held in the camp"
unit = "people"
period = "1937 to 1938"

{REGISTER}
[[claim]]
id = "register_1937"
quantity = "camp_prisoners"
source = "register"
value = "4,512"
period = "the thirties"
"#
        ),
    );
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    let stderr = run.stderr();
    assert!(
        stderr
            .contains("claims/camp.toml:5:10: error[value]: period `1937 to 1938` does not parse"),
        "{stderr}"
    );
    assert!(
        stderr
            .contains("claims/camp.toml:18:10: error[value]: period `the thirties` does not parse"),
        "{stderr}"
    );
    assert!(stderr.contains("`1921-1953`"), "{stderr}");
    assert!(
        stderr.ends_with("crosscheck: 2 problems in the claim files\n"),
        "{stderr}"
    );
}
