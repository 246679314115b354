//! `crosscheck check` with a claim whose value holds no figure ("lots"): exit 2, the
//! value located, nothing on standard output.

use crate::support::claims_fixture::{camp_head, check_camp};

#[test]
fn value_that_does_not_parse_is_located() {
    // The camp's quantity and source take lines 1 to 11: the claim starts at line 12.
    let run = check_camp(
        "check-claims-bad-value",
        camp_head()
            + r#"[[claim]]
id = "register_1937"
quantity = "camp_prisoners"
source = "register"
value = "lots"
"#,
    );
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    let stderr = run.stderr();
    assert!(
        stderr.contains("claims/camp.toml:16:9: error[value]: value `lots` holds no figure"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("crosscheck: 1 problem in the claim files\n"),
        "{stderr}"
    );
}
