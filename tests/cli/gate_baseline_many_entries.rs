//! A baseline with many entries: stale entries are shown up to a hundred, then counted
//! (regression: a million stale entries printed a million warnings, each built from a
//! fresh copy of the whole file: 23 s and 3 GB); `baseline` adds an entry by appending
//! it, the rest of the file kept byte for byte. The million-entry run is a stress test.

use crate::support::ferry::with_ministry;
use crate::support::Scratch;

/// `count` made-up entries, none matching a finding.
fn stale_entries(count: usize) -> String {
    let mut text = String::with_capacity(count * 100);
    for n in 0..count {
        text.push_str(&format!(
            "\n[[finding]]\nfingerprint = \"{:016x}\"\nquantity = \"q{}\"\nverdict = \"contradiction\"\nreason = \"\"\n",
            0x00ab_0000_0000_0000u64 + n as u64,
            n % 500
        ));
    }
    text
}

/// The ferry project with its findings accepted, then `count` stale entries and one of
/// the two accepted entries removed (so `baseline` has one to add).
fn project(scenario: &str, count: usize) -> (Scratch, String) {
    let scratch = with_ministry(scenario);
    scratch.run(&["baseline"]).assert_code(0);
    let accepted = scratch.read("crosscheck-baseline.toml");
    let parts: Vec<&str> = accepted.split("\n\n[[finding]]").collect();
    assert_eq!(parts.len(), 3, "{accepted}");
    let text = format!(
        "{}\n\n[[finding]]{}\n{}",
        parts[0],
        parts[1],
        stale_entries(count)
    );
    scratch.write("crosscheck-baseline.toml", &text);
    (scratch, text)
}

fn stale_are_counted_and_the_new_entry_appended(scenario: &str, count: usize) {
    let (scratch, before) = project(scenario, count);
    let run = scratch.run(&["check"]);
    run.assert_code(1);
    assert_eq!(
        run.stderr().matches("stale baseline entry").count(),
        100,
        "{}",
        run.stderr()
    );
    run.stderr_line(&format!(
        "{} more stale baseline entries not shown ({count} in all)",
        count - 100
    ));
    let run = scratch.run(&["baseline"]);
    run.assert_code(0);
    run.stderr_line(&format!("1 added, {} kept", count + 1));
    let after = scratch.read("crosscheck-baseline.toml");
    assert!(
        after.starts_with(&before),
        "the file was not kept as it was"
    );
    assert_eq!(after[before.len()..].matches("[[finding]]").count(), 1);
    scratch.run(&["check"]).assert_code(0);
}

#[test]
fn stale_entries_past_a_hundred_are_counted() {
    stale_are_counted_and_the_new_entry_appended("baseline-many-entries", 250);
}

#[test]
#[ignore = "stress: run by .ci/run's stress step"]
fn a_million_entries_are_read_and_appended_to() {
    stale_are_counted_and_the_new_entry_appended("baseline-million-entries", 1_000_000);
}
