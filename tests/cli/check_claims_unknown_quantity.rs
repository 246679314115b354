//! `crosscheck check` with a claim (and a pin) naming a quantity no claim file
//! defines: exit 2, the misspelt id located and named, nothing on standard output.

use crate::support::claims_fixture::{camp_head, check_camp};

#[test]
fn unknown_quantity_id_is_located() {
    // The camp's quantity and source take lines 1 to 11: the claim starts at line 12.
    let run = check_camp(
        "check-claims-unknown-quantity",
        camp_head()
            + r#"[[claim]]
id = "register_1937"
quantity = "camp_prisonres"
source = "register"
value = "4,512"

[[pin]]
quantity = "camp_guards"
document = "docs/a.txt"
text = "4,512"
"#,
    );
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    let stderr = run.stderr();
    assert!(
        stderr.contains(
            "claims/camp.toml:14:12: error[reference]: unknown quantity id `camp_prisonres`"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "claims/camp.toml:19:12: error[reference]: unknown quantity id `camp_guards`"
        ),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("crosscheck: 2 problems in the claim files\n"),
        "{stderr}"
    );
}
