//! `crosscheck discover --block KEY` with statistics that are not those of the records
//! given (written from another corpus), or with records of the block left out: exit 2,
//! saying what does not match, rather than candidates that are not the whole run's.

use crate::support::blocks::{block_run, split_seeds};
use crate::support::Scratch;

#[test]
fn statistics_of_other_figures_and_missing_records_are_refused() {
    let scratch = Scratch::new("discover-block-other-figures");
    split_seeds(&scratch);
    scratch.copy_in("tests/fixtures/second_corpus/docs", "other");
    scratch.extract_jsonl("other", "other.jsonl");
    let other = scratch.run(&[
        "discover",
        "--figures",
        "other.jsonl",
        "--statistics-out",
        "other-statistics.json",
    ]);
    other.assert_code(0);
    assert_eq!(other.stdout(), "");

    let run = block_run(&scratch, "routed.jsonl", "other-statistics.json", "count");
    run.assert_code(2);
    run.stderr_line("other-statistics.json: error[value]: the records hold the word");

    // One record of the count block left out, as a lost part of a job's output would.
    let routed = scratch.read("routed.jsonl");
    let mut dropped = false;
    let kept: Vec<&str> = routed
        .lines()
        .filter(|line| {
            let drop = !dropped
                && line.starts_with("{\"block\":\"count\"")
                && line.contains("\"kind\":\"count\"");
            dropped |= drop;
            !drop
        })
        .collect();
    assert!(dropped);
    scratch.write("partial.jsonl", kept.join("\n") + "\n");
    let run = block_run(&scratch, "partial.jsonl", "statistics.json", "count");
    run.assert_code(2);
    let line = run.stderr_line("figures of block `count`, the statistics");
    assert!(line.starts_with("statistics.json: error[value]"), "{line}");
    assert_eq!(run.stdout(), "");
}
