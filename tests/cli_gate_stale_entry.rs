//! CI gate, a stale entry: the contradiction accepted in the baseline goes away (the
//! claim is removed or corrected). The entries that match nothing any more are stale:
//! `check` exits 0 and names each one on standard error with the baseline's file, line
//! and column; `check --strict` exits 1; `baseline --prune` removes them.

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

/// The lines where the baseline's entries start (their `[[finding]]` headers), 1-based.
fn entry_lines(scratch: &Scratch) -> Vec<usize> {
    let text = std::fs::read_to_string(scratch.path("crosscheck-baseline.toml")).unwrap();
    text.lines()
        .enumerate()
        .filter(|(_, l)| *l == "[[finding]]")
        .map(|(i, _)| i + 1)
        .collect()
}

fn assert_both_stale(stderr: &str, level: &str, lines: &[usize]) {
    let stale: Vec<&str> = stderr.lines().filter(|l| l.contains("stale")).collect();
    assert_eq!(stale.len(), 2, "{stderr}");
    for (message, line) in stale.iter().zip(lines) {
        assert!(
            message.contains(&format!(
                "crosscheck-baseline.toml:{line}:1: {level}: stale"
            )),
            "{stderr}"
        );
        assert!(message.contains("ferry_passengers_2023"), "{stderr}");
    }
}

#[test]
fn deleting_the_claim_leaves_stale_entries() {
    let scratch = accepted("gate-stale-deleted");
    let lines = entry_lines(&scratch);
    assert_eq!(lines.len(), 2, "{lines:?}");
    std::fs::remove_file(scratch.path("claims/ministry.toml")).unwrap();

    let run = scratch.run(&["check"]);
    run.assert_code(0);
    assert_both_stale(&run.stderr(), "warning", &lines);
    assert!(run.stdout().contains("(0 new errors)"), "{}", run.stdout());

    let strict = scratch.run(&["check", "--strict"]);
    strict.assert_code(1);
    assert_both_stale(&strict.stderr(), "error", &lines);
}

#[test]
fn correcting_the_claim_leaves_stale_entries() {
    let scratch = accepted("gate-stale-corrected");
    let lines = entry_lines(&scratch);
    scratch.write("claims/ministry.toml", MINISTRY.replace("61,500", "48,200"));
    let run = scratch.run(&["check"]);
    run.assert_code(0);
    assert_both_stale(&run.stderr(), "warning", &lines);
    scratch.run(&["check", "--strict"]).assert_code(1);
}

#[test]
fn baseline_keeps_stale_entries_unless_pruned() {
    let scratch = accepted("gate-stale-prune");
    std::fs::remove_file(scratch.path("claims/ministry.toml")).unwrap();

    let kept = scratch.run(&["baseline"]);
    kept.assert_code(0);
    assert!(
        kept.stderr().contains("0 added, 2 kept, 2 stale"),
        "{}",
        kept.stderr()
    );
    assert_eq!(entry_lines(&scratch).len(), 2);
    scratch.run(&["check", "--strict"]).assert_code(1);

    let pruned = scratch.run(&["baseline", "--prune"]);
    pruned.assert_code(0);
    assert!(
        pruned.stderr().contains("2 stale removed"),
        "{}",
        pruned.stderr()
    );
    assert!(entry_lines(&scratch).is_empty());
    let strict = scratch.run(&["check", "--strict"]);
    strict.assert_code(0);
    assert_eq!(strict.stderr(), "");
}
