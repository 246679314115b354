//! `crosscheck check` with an id given twice, in one file or across two (ids are
//! global): exit 2, both places named, nothing on standard output.

use crate::support::claims_fixture::{camp_head, check_camp, CAMP_DOC, CAMP_PRISONERS};
use crate::support::Scratch;

#[test]
fn duplicate_in_one_file_names_both_places() {
    // The camp's quantity takes lines 1 to 4: the second one starts at line 6.
    let run = check_camp(
        "check-claims-duplicate",
        format!("{CAMP_PRISONERS}\n[[quantity]]\nid = \"camp_prisoners\"\ndescription = \"Again\"\nunit = \"people\"\n"),
    );
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    let stderr = run.stderr();
    assert!(
        stderr.contains(
            "claims/camp.toml:7:6: error[duplicate]: duplicate quantity id `camp_prisoners`"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("claims/camp.toml:2:6"), "{stderr}");
    assert!(
        stderr.ends_with("crosscheck: 1 problem in the claim files\n"),
        "{stderr}"
    );
}

#[test]
fn duplicate_across_files_names_both_files() {
    let scratch = Scratch::new("check-claims-duplicate-files");
    scratch.write("docs/a.txt", CAMP_DOC);
    scratch.write("claims/a.toml", CAMP_PRISONERS);
    scratch.write(
        "claims/b.toml",
        format!("# Copied by mistake.\n{CAMP_PRISONERS}"),
    );
    let run = scratch.run(&["check", "docs", "--claims", "claims"]);
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    let stderr = run.stderr();
    let line = stderr
        .lines()
        .find(|l| l.contains("duplicate"))
        .unwrap_or_else(|| panic!("no duplicate reported:\n{stderr}"));
    // Files are read in sorted order: b.toml repeats what a.toml defined.
    assert!(
        line.starts_with("claims/b.toml:3:6: error[duplicate]: "),
        "{line}"
    );
    assert!(line.contains("`camp_prisoners`"), "{line}");
    assert!(line.contains("claims/a.toml:2:6"), "{line}");
}

#[test]
fn claim_id_equal_to_a_quantity_id_is_a_duplicate() {
    // The camp's quantity and source take lines 1 to 11: the claim starts at line 12.
    let run = check_camp(
        "check-claims-duplicate-kinds",
        camp_head()
            + r#"[[claim]]
id = "camp_prisoners"
quantity = "camp_prisoners"
source = "register"
value = "4,512"
"#,
    );
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    let stderr = run.stderr();
    // A relation could not tell the two apart.
    assert!(
        stderr.contains(
            "claims/camp.toml:13:6: error[duplicate]: duplicate claim id `camp_prisoners`"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("claims/camp.toml:2:6"), "{stderr}");
}
