//! CI gate, the baseline edited by hand: a reviewer fills in a `reason` and adds
//! comments; a second contradiction appears; `crosscheck baseline` run again adds the
//! new entries and keeps every reason and comment as written.

use crate::support::ferry::{accepted, project, MINISTRY};
use crate::support::Scratch;

/// A second contradiction: the audit office's cost of the pier.
const AUDIT: &str = r#"[[source]]
id = "audit-office"
title = "Audit of harbour works 2023"
outlet = "National Audit Office"
date = "2024-06"
kind = "dataset"

[[claim]]
id = "audit_pier_cost"
quantity = "hollin_pier_cost"
source = "audit-office"
value = "4.6 million"
"#;

const REASON: &str =
    "The bulletin counts boardings at every stop, not passengers between Tarn and Hollin.";

fn baseline_text(scratch: &Scratch) -> String {
    std::fs::read_to_string(scratch.path("crosscheck-baseline.toml")).expect("read baseline")
}

#[test]
fn reasons_and_comments_survive_a_second_baseline() {
    let scratch = accepted("gate-keeps-reasons");
    let written = baseline_text(&scratch);
    assert_eq!(written.matches("reason = \"\"").count(), 2, "{written}");

    // The reviewer's edits: a comment above the entries, a reason for the first entry
    // with a comment inside it, a comment at the end.
    let edited = written
        .replacen(
            "[[finding]]",
            "# Reviewed by the harbour desk, May 2024.\n[[finding]]",
            1,
        )
        .replacen(
            "reason = \"\"",
            &format!("# Checked against the bulletin, p. 4.\nreason = \"{REASON}\""),
            1,
        )
        + "# End of the reviewed entries.\n";
    scratch.write("crosscheck-baseline.toml", &edited);
    scratch.run(&["check", "--strict"]).assert_code(0);

    scratch.write("claims/audit.toml", AUDIT);
    scratch.run(&["check"]).assert_code(1);
    let run = scratch.run(&["baseline"]);
    run.assert_code(0);
    assert!(
        run.stderr()
            .contains("crosscheck-baseline.toml: 2 added, 2 kept"),
        "{}",
        run.stderr()
    );

    let updated = baseline_text(&scratch);
    // Everything the reviewer wrote is still there, in place.
    let entries_end = edited
        .find("# End of the reviewed entries.")
        .expect("the closing comment");
    assert!(
        updated.starts_with(&edited[..entries_end]),
        "edited:\n{edited}\nupdated:\n{updated}"
    );
    assert!(
        updated.contains(&format!("reason = \"{REASON}\"")),
        "{updated}"
    );
    assert!(
        updated.contains("# Checked against the bulletin, p. 4."),
        "{updated}"
    );
    assert!(
        updated.contains("# Reviewed by the harbour desk, May 2024."),
        "{updated}"
    );
    assert!(
        updated.contains("# End of the reviewed entries."),
        "{updated}"
    );
    // The new entries, with empty reasons to fill in.
    assert_eq!(updated.matches("[[finding]]").count(), 4, "{updated}");
    assert_eq!(
        updated.matches("quantity = \"hollin_pier_cost\"").count(),
        2,
        "{updated}"
    );
    assert_eq!(updated.matches("reason = \"\"").count(), 3, "{updated}");

    let check = scratch.run(&["check", "--strict"]);
    check.assert_code(0);
    assert_eq!(check.stderr(), "");
}

#[test]
fn header_stays_on_top_when_the_first_baseline_was_empty() {
    let scratch = project("gate-keeps-header");
    scratch.run(&["baseline"]).assert_code(0);
    let empty = baseline_text(&scratch);
    assert!(empty.starts_with("# crosscheck baseline"), "{empty}");

    scratch.write("claims/ministry.toml", MINISTRY);
    scratch.run(&["baseline"]).assert_code(0);
    let updated = baseline_text(&scratch);
    assert!(
        updated.starts_with(empty.trim_end()),
        "the header moved:\n{updated}"
    );
}
