//! `crosscheck check` with an id given twice, in one file or across two (ids are
//! global): exit 2, both places named, nothing on standard output.

mod cli_support;

use cli_support::Scratch;

const QUANTITY: &str = r#"[[quantity]]
id = "camp_prisoners"
description = "Prisoners held in the camp"
unit = "people"
"#;

#[test]
fn duplicate_in_one_file_names_both_places() {
    let scratch = Scratch::new("check-claims-duplicate");
    scratch.write("docs/a.txt", "In 1937 the camp held 4,512 prisoners.\n");
    scratch.write(
        "claims/camp.toml",
        format!("{QUANTITY}\n[[quantity]]\nid = \"camp_prisoners\"\ndescription = \"Again\"\nunit = \"people\"\n"),
    );
    let run = scratch.run(&["check", "docs", "--claims", "claims"]);
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    let stderr = run.stderr();
    assert!(
        stderr.contains("claims/camp.toml:7:6: error: duplicate quantity id `camp_prisoners`"),
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
    scratch.write("docs/a.txt", "In 1937 the camp held 4,512 prisoners.\n");
    scratch.write("claims/a.toml", QUANTITY);
    scratch.write("claims/b.toml", format!("# Copied by mistake.\n{QUANTITY}"));
    let run = scratch.run(&["check", "docs", "--claims", "claims"]);
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    let stderr = run.stderr();
    let line = stderr
        .lines()
        .find(|l| l.contains("duplicate"))
        .unwrap_or_else(|| panic!("no duplicate reported:\n{stderr}"));
    // Files are read in sorted order: b.toml repeats what a.toml defined.
    assert!(line.starts_with("claims/b.toml:3:6: error: "), "{line}");
    assert!(line.contains("`camp_prisoners`"), "{line}");
    assert!(line.contains("claims/a.toml:2:6"), "{line}");
}

#[test]
fn claim_id_equal_to_a_quantity_id_is_a_duplicate() {
    let scratch = Scratch::new("check-claims-duplicate-kinds");
    scratch.write("docs/a.txt", "In 1937 the camp held 4,512 prisoners.\n");
    scratch.write(
        "claims/camp.toml",
        format!(
            r#"{QUANTITY}
[[source]]
id = "register"
title = "Camp register"
outlet = "State archive"
kind = "archive"

[[claim]]
id = "camp_prisoners"
quantity = "camp_prisoners"
source = "register"
value = "4,512"
"#
        ),
    );
    let run = scratch.run(&["check", "docs", "--claims", "claims"]);
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    let stderr = run.stderr();
    // A relation could not tell the two apart.
    assert!(
        stderr.contains("claims/camp.toml:13:6: error: duplicate claim id `camp_prisoners`"),
        "{stderr}"
    );
    assert!(stderr.contains("claims/camp.toml:2:6"), "{stderr}");
}
