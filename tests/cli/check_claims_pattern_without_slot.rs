//! `crosscheck check` with a rule pattern that has no `{figure}` slot: exit 2, the
//! pattern located, the message says how to write one, nothing on standard output.

use crate::support::claims_fixture::{check_camp, CAMP_PRISONERS};

#[test]
fn pattern_without_figure_slot_is_located() {
    // The camp's quantity takes lines 1 to 4: the first rule starts at line 6.
    let run = check_camp(
        "check-claims-no-slot",
        [
            CAMP_PRISONERS,
            r#"[[quantity.rule]]
pattern = "held \\d+ prisoners"
"#,
        ]
        .join("\n"),
    );
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    let stderr = run.stderr();
    assert!(
        stderr.contains("claims/camp.toml:7:11: error[pattern]: `pattern` has no `{figure}` slot"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("crosscheck: 1 problem in the claim files\n"),
        "{stderr}"
    );
}
