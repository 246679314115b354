//! CI gate, severities: what each verdict means for the exit status, from the command
//! line (`-D`/`-W`/`-A VERDICT`) or from crosscheck.toml's `[severity]`. A warning is
//! shown but does not fail; deny fails; allow counts without showing; a word that is
//! not a verdict exits 2, with the verdicts there are.

use crate::support::ferry::{project, report, with_ministry, CONFIG, MINISTRY};
use crate::support::Scratch;

/// The ministry's figure is for 2022: a scope mismatch, a warning by default.
fn scope_mismatched(scenario: &str) -> Scratch {
    let scratch = project(scenario);
    scratch.write(
        "claims/ministry.toml",
        MINISTRY.replace("period = \"2023\"", "period = \"2022\""),
    );
    scratch
}

/// The severities of the findings with `verdict` in the JSON report.
fn severities(scratch: &Scratch, args: &[&str], code: i32, verdict: &str) -> Vec<String> {
    report(scratch, args, code)["findings"]
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
    let scratch = with_ministry("gate-severity-default");
    assert_eq!(
        severities(&scratch, &[], 1, "contradiction"),
        ["error", "error"]
    );
}

#[test]
fn warn_contradiction_exits_0_and_shows_a_warning() {
    let scratch = with_ministry("gate-severity-warn");
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
    let scratch = with_ministry("gate-severity-allow");
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
    let scratch = with_ministry("gate-severity-allow-wording");
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
    let scratch = with_ministry("gate-severity-config-warn");
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
    let scratch = with_ministry("gate-severity-config-allow");
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
    let scratch = with_ministry("gate-severity-allow-baseline");
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
    let scratch = with_ministry("gate-severity-unknown");
    for flag in ["-D", "-W", "-A"] {
        let run = scratch.run(&["check", flag, "contradictions"]);
        run.assert_code(2);
        assert_eq!(run.stdout(), "", "{flag}");
        let stderr = run.stderr();
        assert!(
            stderr.contains("invalid value 'contradictions'"),
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
    let scratch = with_ministry("gate-severity-config-unknown");
    with_config(&scratch, "contradictions = \"warn\"");
    let run = scratch.run(&["check"]);
    run.assert_code(2);
    // [severity] is on line 5, the key on line 6.
    assert!(
        run.stderr()
            .contains("crosscheck.toml:6:1: error[schema]: unknown field `contradictions`"),
        "{}",
        run.stderr()
    );
}
