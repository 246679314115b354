//! CI gate, severities: what each verdict means for the exit status, from the command
//! line (`-D`/`-W`/`-A VERDICT`) or from crosscheck.toml's `[severity]`. A warning is
//! shown but does not fail; deny fails; allow counts without showing; a word that is
//! not a verdict exits 2.

mod cli_support;

use cli_support::Scratch;
use serde_json::Value;

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

/// The ministry's figure is for 2022: a scope mismatch, a warning by default.
fn scope_mismatched(scenario: &str) -> Scratch {
    let scratch = project(scenario);
    scratch.write(
        "claims/ministry.toml",
        MINISTRY.replace("period = \"2023\"", "period = \"2022\""),
    );
    scratch
}

fn contradicted(scenario: &str) -> Scratch {
    let scratch = project(scenario);
    scratch.write("claims/ministry.toml", MINISTRY);
    scratch
}

/// The severities of the findings with `verdict` in the JSON report.
fn severities(scratch: &Scratch, args: &[&str], code: i32, verdict: &str) -> Vec<String> {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let run = scratch.run(&all);
    run.assert_code(code);
    let report: Value = serde_json::from_str(&run.stdout()).expect("one JSON document");
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["verdict"] == verdict)
        .map(|f| f["severity"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// Lines of the table that state a finding (`✗` error, `!` warning).
fn finding_lines(stdout: &str) -> Vec<&str> {
    stdout
        .lines()
        .filter(|l| l.starts_with("  ✗ ") || l.starts_with("  ! "))
        .collect()
}

fn with_config(scratch: &Scratch, severity: &str) {
    scratch.write(
        "crosscheck.toml",
        format!("{CONFIG}\n[severity]\n{severity}\n"),
    );
}

#[test]
fn contradiction_is_an_error_by_default() {
    let scratch = contradicted("gate-severity-default");
    assert_eq!(
        severities(&scratch, &[], 1, "contradiction"),
        ["error", "error"]
    );
}

#[test]
fn warn_contradiction_exits_0_and_shows_a_warning() {
    let scratch = contradicted("gate-severity-warn");
    let run = scratch.run(&["check", "-W", "contradiction"]);
    run.assert_code(0);
    let stdout = run.stdout();
    let lines = finding_lines(&stdout);
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with("  ! ") && l.contains("contradiction")),
        "{stdout}"
    );
    assert!(stdout.contains("(0 new errors)"), "{stdout}");
    assert_eq!(
        severities(&scratch, &["--warn", "contradiction"], 0, "contradiction"),
        ["warning", "warning"]
    );
}

#[test]
fn deny_scope_mismatch_fails() {
    let scratch = scope_mismatched("gate-severity-deny");
    let run = scratch.run(&["check"]);
    run.assert_code(0);
    assert_eq!(finding_lines(&run.stdout()).len(), 2, "{}", run.stdout());
    assert!(run.stdout().contains("scope_mismatch"), "{}", run.stdout());

    let run = scratch.run(&["check", "-D", "scope_mismatch"]);
    run.assert_code(1);
    let stdout = run.stdout();
    let lines = finding_lines(&stdout);
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with("  ✗ ") && l.contains("scope_mismatch")),
        "{stdout}"
    );
    assert!(stdout.contains("(2 new errors)"), "{stdout}");
    assert_eq!(
        severities(&scratch, &["--deny", "scope_mismatch"], 1, "scope_mismatch"),
        ["error", "error"]
    );
}

#[test]
fn allow_contradiction_hides_it() {
    let scratch = contradicted("gate-severity-allow");
    let run = scratch.run(&["check", "-A", "contradiction"]);
    run.assert_code(0);
    let stdout = run.stdout();
    assert!(finding_lines(&stdout).is_empty(), "{stdout}");
    assert!(!stdout.contains("do not overlap"), "{stdout}");
    // Counted all the same.
    assert!(stdout.contains("2 contradictions,"), "{stdout}");
    assert_eq!(
        severities(&scratch, &["--allow", "contradiction"], 0, "contradiction"),
        ["note", "note"]
    );
}

#[test]
fn allowed_contradiction_is_not_said_to_agree() {
    let scratch = contradicted("gate-severity-allow-wording");
    let run = scratch.run(&["check", "-A", "contradiction"]);
    run.assert_code(0);
    let stdout = run.stdout();
    assert!(
        !stdout.contains("agree (contradiction)"),
        "an allowed contradiction is not an agreement:\n{stdout}"
    );
}

#[test]
fn config_warn_contradiction_exits_0() {
    let scratch = contradicted("gate-severity-config-warn");
    with_config(&scratch, "contradiction = \"warn\"");
    let run = scratch.run(&["check"]);
    run.assert_code(0);
    let stdout = run.stdout();
    let lines = finding_lines(&stdout);
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(lines.iter().all(|l| l.starts_with("  ! ")), "{stdout}");
    // The command line overrides the file.
    scratch
        .run(&["check", "-D", "contradiction"])
        .assert_code(1);
}

#[test]
fn config_deny_scope_mismatch_fails() {
    let scratch = scope_mismatched("gate-severity-config-deny");
    with_config(&scratch, "scope_mismatch = \"deny\"");
    scratch.run(&["check"]).assert_code(1);
    assert_eq!(
        severities(&scratch, &[], 1, "scope_mismatch"),
        ["error", "error"]
    );
    scratch
        .run(&["check", "-W", "scope_mismatch"])
        .assert_code(0);
}

#[test]
fn config_allow_contradiction_hides_it() {
    let scratch = contradicted("gate-severity-config-allow");
    with_config(&scratch, "contradiction = \"allow\"");
    let run = scratch.run(&["check"]);
    run.assert_code(0);
    assert!(finding_lines(&run.stdout()).is_empty(), "{}", run.stdout());
    assert_eq!(
        severities(&scratch, &[], 0, "contradiction"),
        ["note", "note"]
    );
}

#[test]
fn allowed_findings_are_not_accepted_into_the_baseline() {
    let scratch = contradicted("gate-severity-allow-baseline");
    with_config(&scratch, "contradiction = \"allow\"");
    scratch.run(&["baseline"]).assert_code(0);
    let text = std::fs::read_to_string(scratch.path("crosscheck-baseline.toml")).unwrap();
    assert!(!text.contains("[[finding]]"), "{text}");
    // Denied again, they are new.
    with_config(&scratch, "contradiction = \"deny\"");
    scratch.run(&["check"]).assert_code(1);
}

#[test]
fn unknown_verdict_exits_2() {
    let scratch = contradicted("gate-severity-unknown");
    for flag in ["-D", "-W", "-A"] {
        let run = scratch.run(&["check", flag, "contradictions"]);
        run.assert_code(2);
        assert_eq!(run.stdout(), "", "{flag}");
        let stderr = run.stderr();
        assert!(
            stderr.contains("`contradictions` is not a verdict"),
            "{stderr}"
        );
        // The message lists the verdicts there are.
        assert!(
            stderr.contains("scope_mismatch") && stderr.contains("arithmetic_mismatch"),
            "{stderr}"
        );
    }
}

#[test]
fn unknown_verdict_in_config_exits_2() {
    let scratch = contradicted("gate-severity-config-unknown");
    with_config(&scratch, "contradictions = \"warn\"");
    let run = scratch.run(&["check"]);
    run.assert_code(2);
    // [severity] is on line 5, the key on line 6.
    assert!(
        run.stderr()
            .contains("crosscheck.toml:6:1: error: unknown field `contradictions`"),
        "{}",
        run.stderr()
    );
}
