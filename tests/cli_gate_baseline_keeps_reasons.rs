//! CI gate, the baseline edited by hand: a reviewer fills in a `reason` and adds
//! comments; a second contradiction appears; `crosscheck baseline` run again adds the
//! new entries and keeps every reason and comment as written.

mod cli_support;

use cli_support::Scratch;

const CONFIG: &str = r#"corpus = ["docs"]
claims = ["claims"]
baseline = "crosscheck-baseline.toml"
"#;

/// The newspaper: the passengers figure is at line 4, column 9.
const HERALD: &str = "The Marrow Valley Herald, 14 March 2024.

Ferry traffic on Lake Osk grew again last year. In 2023 the ferries
carried 48,200 passengers between Tarn and Hollin, the harbour office said.

The new pier at Hollin, opened in 2023, cost 3.1 million crowns.
";

/// The report: the passengers figure is at line 4, column 29.
const REPORT: &str = "Lake Osk Ferry Authority: Annual Report 2023.

Section 2. Traffic.
In 2023 the ferries carried 48,200 passengers between Tarn and Hollin.

Section 3. Works.
The new pier at Hollin cost 3.1 million crowns to build in 2023.
";

const FERRIES: &str = r#"[[source]]
id = "herald"
title = "Ferry traffic on Lake Osk grew again"
outlet = "The Marrow Valley Herald"
date = "2024-03-14"
kind = "press"
document = "docs/herald.txt"

[[source]]
id = "authority-report"
title = "Annual Report 2023"
outlet = "Lake Osk Ferry Authority"
date = "2024-02"
kind = "dataset"
document = "docs/report.txt"

[[quantity]]
id = "ferry_passengers_2023"
description = "Passengers carried by the Lake Osk ferries in 2023"
unit = "passengers"
period = "2023"

[[quantity.rule]]
pattern = "ferries carried {figure} passengers"

[[quantity]]
id = "hollin_pier_cost"
description = "Cost of the new pier at Hollin"
unit = "crowns"

[[quantity.rule]]
pattern = "cost {figure} crowns"
"#;

/// Two documents and a claim file whose figures agree.
fn project(scenario: &str) -> Scratch {
    let scratch = Scratch::new(scenario);
    scratch.write("crosscheck.toml", CONFIG);
    scratch.write("docs/herald.txt", HERALD);
    scratch.write("docs/report.txt", REPORT);
    scratch.write("claims/ferries.toml", FERRIES);
    scratch
}

/// A hand-written claim (its table starts at line 8) that contradicts both documents.
const MINISTRY: &str = r#"[[source]]
id = "ministry-bulletin"
title = "Inland Waterways Bulletin No. 7"
outlet = "Ministry of Inland Waterways"
date = "2024-05"
kind = "dataset"

[[claim]]
id = "ministry_passengers_2023"
quantity = "ferry_passengers_2023"
source = "ministry-bulletin"
value = "61,500"
period = "2023"
page = "p. 4"
"#;

/// The project with the ministry's contradicting claim, its findings accepted.
fn accepted(scenario: &str) -> Scratch {
    let scratch = project(scenario);
    scratch.write("claims/ministry.toml", MINISTRY);
    scratch.run(&["check"]).assert_code(1);
    scratch.run(&["baseline"]).assert_code(0);
    scratch.run(&["check", "--strict"]).assert_code(0);
    scratch
}

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
