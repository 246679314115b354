//! CI gate, a stale entry: the contradiction accepted in the baseline goes away (the
//! claim is removed or corrected). The entries that match nothing any more are stale:
//! `check` exits 0 and names each one on standard error with the baseline's file, line
//! and column; `check --strict` exits 1; `baseline --prune` removes them.

use crate::support::ferry::{accepted, MINISTRY};
use crate::support::Scratch;

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
                "crosscheck-baseline.toml:{line}:1: {level}[stale]: stale"
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
