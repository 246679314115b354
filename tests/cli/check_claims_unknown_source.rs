//! `crosscheck check` with a claim naming a source no claim file defines: exit 2,
//! the id located and named, nothing on standard output.

use crate::support::claims_fixture::{camp_head, check_camp};

#[test]
fn unknown_source_id_is_located() {
    // The camp's quantity and source take lines 1 to 11: the claim starts at line 12.
    let run = check_camp(
        "check-claims-unknown-source",
        camp_head()
            + r#"[[claim]]
id = "register_1937"
quantity = "camp_prisoners"
source = "registry"
value = "4,512"
"#,
    );
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    let stderr = run.stderr();
    assert!(
        stderr.contains("claims/camp.toml:15:10: error[reference]: unknown source id `registry`"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("crosscheck: 1 problem in the claim files\n"),
        "{stderr}"
    );
}
