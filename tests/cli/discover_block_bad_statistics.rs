//! `crosscheck discover --block KEY --statistics FILE` with a FILE that is not what
//! `--statistics-out` writes: not JSON, cut short, another kind of file, counts that
//! do not add up, no file at all. Each is exit 2 with the file named (and the place,
//! where there is one), never a panic.

use crate::support::blocks::{block_run, split_seeds};
use crate::support::Scratch;

#[test]
fn statistics_that_do_not_read_are_refused_with_their_place() {
    let scratch = Scratch::new("discover-block-bad-statistics");
    split_seeds(&scratch);
    let statistics = scratch.read("statistics.json");

    scratch.write("words.json", "figures: 12\n");
    let run = block_run(&scratch, "routed.jsonl", "words.json", "count");
    run.assert_code(2);
    run.stderr_line(
        "words.json:1:2: error[schema]: not the statistics `discover --statistics-out` writes",
    );

    scratch.write("short.json", &statistics.as_bytes()[..statistics.len() / 2]);
    let run = block_run(&scratch, "routed.jsonl", "short.json", "count");
    run.assert_code(2);
    run.stderr_line("short.json:");

    let other = statistics.replacen("crosscheck discover statistics", "something else", 1);
    scratch.write("other.json", other);
    let run = block_run(&scratch, "routed.jsonl", "other.json", "count");
    run.assert_code(2);
    run.stderr_line("other.json: error[value]: statistics of another kind or version");

    let figures = statistics
        .split("\"figures\": ")
        .nth(1)
        .and_then(|rest| rest.split(',').next())
        .expect("a figure count");
    let more = statistics.replacen(
        &format!("\"figures\": {figures},"),
        &format!("\"figures\": {}0,", figures),
        1,
    );
    scratch.write("more.json", more);
    let run = block_run(&scratch, "routed.jsonl", "more.json", "count");
    run.assert_code(2);
    run.stderr_line("more.json: error[value]: the blocks hold");

    let run = block_run(&scratch, "routed.jsonl", "missing.json", "count");
    run.assert_code(2);
    run.stderr_line("missing.json");
    assert_eq!(run.stdout(), "");
}
