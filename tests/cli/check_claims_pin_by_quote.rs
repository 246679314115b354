//! `crosscheck check` with pins that name their figure by quote (`prefix`, `exact`,
//! `suffix`, as a W3C TextQuoteSelector does): lines inserted above, the paragraph
//! re-wrapped and another figure of the same text added before it never break the
//! pin; a pin whose figure was edited fails with the words it looked for and the text
//! it found there instead.

use crate::support::claims_fixture::CAMP_PRISONERS;
use crate::support::{Run, Scratch};

fn project(document: &str) -> Scratch {
    let scratch = Scratch::new("check-claims-pin-quote");
    scratch.write("docs/a.txt", document);
    scratch.write(
        "claims/camp.toml",
        format!(
            r#"{CAMP_PRISONERS}
[[pin]]
quantity = "camp_prisoners"
document = "docs/a.txt"
prefix = "the camp held"
exact = "4,512"
suffix = "prisoners in"
line = 1
"#
        ),
    );
    scratch
}

fn check(document: &str) -> Run {
    project(document).run(&["check", "docs", "--claims", "claims"])
}

/// Where the pinned claim is, as `explain` shows it ("docs/a.txt:7:1").
fn pinned_at(document: &str) -> String {
    let run = project(document).run(&["explain", "camp_prisoners", "docs", "--claims", "claims"]);
    run.assert_code(0);
    let stdout = run.stdout();
    stdout
        .lines()
        .find_map(|l| l.trim().strip_prefix("at "))
        .unwrap_or_else(|| panic!("no claim:\n{stdout}"))
        .to_string()
}

#[test]
fn a_quote_pin_survives_inserted_lines_rewrapping_and_a_new_figure_of_its_text() {
    assert_eq!(
        pinned_at("In 1937 the camp held 4,512 prisoners in its barracks.\n"),
        "docs/a.txt:1:23"
    );
    assert_eq!(
        pinned_at(
            "A note.\n\nThe guards counted 4,512 rations.\n\nIn 1937 the camp\n   held\n4,512 prisoners\nin its barracks.\n"
        ),
        "docs/a.txt:7:1"
    );
}

#[test]
fn a_broken_quote_pin_names_what_it_found_instead() {
    let run = check("In 1937 the camp held 4,521 prisoners in its barracks.\n");
    run.assert_code(2);
    let line = run.stderr_line("pin matched no figure");
    assert!(
        line.starts_with("claims/camp.toml:6:1: error[pin]: "),
        "{line}"
    );
    assert!(
        line.contains("between `the camp held` and `prisoners in`"),
        "{line}"
    );
    assert!(line.contains("[4,521] prisoners"), "{line}");
}
