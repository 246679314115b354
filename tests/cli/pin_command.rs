//! `crosscheck pin DOCUMENT:LINE:COLUMN --quantity Q` appends a pin anchored by the
//! figure's quote to the file that defines the quantity, leaving what is there as it was;
//! `check` then keys the figure, and still does after lines are inserted above it. A
//! place with no figure, an unknown quantity and a read-only claim file are errors that
//! write nothing.

use crate::support::Scratch;

const CLAIMS: &str = "# Camp registers, by hand.\n[[quantity]]\nid = \"camp_prisoners\"\ndescription = \"Prisoners held in the camp in 1937\"\nunit = \"people\"\n\n[[quantity.rule]]\npattern = \"{figure} prisoners\"\n";

fn project(scenario: &str) -> Scratch {
    let scratch = Scratch::new(scenario);
    scratch.write("docs/a.txt", "In 1937 the camp held 11,200 prisoners.\n");
    scratch.write(
        "docs/b.txt",
        "A register of 1937.\nIt lists 13,900 inmates in the camp that year.\n",
    );
    scratch.write("claims/camp.toml", CLAIMS);
    scratch
}

fn check(scratch: &Scratch) -> crate::support::Run {
    scratch.run(&["check", "docs", "--claims", "claims"])
}

#[test]
fn a_pinned_figure_is_keyed_and_stays_keyed_when_lines_are_inserted() {
    let scratch = project("pin-command");
    check(&scratch).assert_code(0);
    let run = scratch.run(&[
        "pin",
        "docs/b.txt:2:12",
        "--quantity",
        "camp_prisoners",
        "--claims",
        "claims",
    ]);
    run.assert_code(0);
    run.stderr_line("claims/camp.toml: pinned `13,900` at docs/b.txt:2:12 to camp_prisoners");
    let written = scratch.read("claims/camp.toml");
    assert!(written.starts_with(CLAIMS), "{written}");
    assert!(
        written.contains("prefix = \"A register of 1937. It lists\""),
        "{written}"
    );
    assert!(written.contains("exact = \"13,900\""), "{written}");
    let after = check(&scratch);
    after.assert_code(1);
    assert!(
        after.stdout().contains("1 contradiction,"),
        "{}",
        after.stdout()
    );

    let text = scratch.read("docs/b.txt");
    scratch.write("docs/b.txt", format!("Archive note.\n\n{text}"));
    let moved = check(&scratch);
    moved.assert_code(1);
    assert!(
        moved.stdout().contains("1 contradiction,"),
        "{}",
        moved.stdout()
    );
}

#[test]
fn no_figure_at_the_place_is_an_error_that_names_the_figure_on_the_line() {
    let scratch = project("pin-command-no-figure");
    let run = scratch.run(&["pin", "docs/b.txt:2:3", "--quantity", "camp_prisoners"]);
    run.assert_code(2);
    run.stderr_line("docs/b.txt:2:3: no figure there; on that line: `13,900` at column 10");
    assert_eq!(scratch.read("claims/camp.toml"), CLAIMS);
}

#[test]
fn an_unknown_quantity_is_an_error() {
    let scratch = project("pin-command-unknown");
    let run = scratch.run(&["pin", "docs/b.txt:2:12", "--quantity", "camp_inmates"]);
    run.assert_code(2);
    run.stderr_line("no quantity `camp_inmates` in the claim files");
    assert_eq!(scratch.read("claims/camp.toml"), CLAIMS);
}

#[cfg(unix)]
#[test]
fn a_read_only_claim_file_is_left_as_it_was() {
    use std::os::unix::fs::PermissionsExt;
    let scratch = project("pin-command-read-only");
    let file = scratch.path("claims/camp.toml");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).unwrap();
    let run = scratch.run(&["pin", "docs/b.txt:2:12", "--quantity", "camp_prisoners"]);
    run.assert_code(2);
    assert_eq!(scratch.read("claims/camp.toml"), CLAIMS);
}
