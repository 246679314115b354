//! `crosscheck check` with a claim whose `low` is greater than its `high`: exit 2,
//! located, both numbers named, nothing on standard output.

use crate::support::claims_fixture::{camp_head, check_camp};

#[test]
fn low_greater_than_high_is_located() {
    // The camp's quantity and source take lines 1 to 11: the claim starts at line 12.
    let run = check_camp(
        "check-claims-low-high",
        camp_head()
            + r#"[[claim]]
id = "register_1937"
quantity = "camp_prisoners"
source = "register"
low = 5000
high = 4000
"#,
    );
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    let stderr = run.stderr();
    let line = stderr
        .lines()
        .find(|l| l.contains("greater than"))
        .unwrap_or_else(|| panic!("no low/high problem:\n{stderr}"));
    assert!(line.starts_with("claims/camp.toml:16:"), "{line}");
    assert!(line.contains("5000") && line.contains("4000"), "{line}");
    assert!(
        stderr.ends_with("crosscheck: 1 problem in the claim files\n"),
        "{stderr}"
    );
}
