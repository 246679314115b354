//! What a block's run reads is what `--print-blocks` wrote: records straight from
//! `extract` (no block, no place in the corpus) are refused, as is a record given twice
//! (the same part named twice); and `--print-blocks` refuses records it routed already.
//! Exit 2, the file and line named.

use crate::support::blocks::{block_run, split_seeds};
use crate::support::Scratch;

#[test]
fn records_not_routed_or_given_twice_are_refused() {
    let scratch = Scratch::new("discover-block-not-routed");
    split_seeds(&scratch);

    let run = block_run(&scratch, "seeds.jsonl", "statistics.json", "count");
    run.assert_code(2);
    run.stderr_line("seeds.jsonl:1:1: error[record]: not a record `discover --print-blocks` wrote");

    let run = scratch.run(&[
        "discover",
        "--figures",
        "routed.jsonl",
        "--figures",
        "routed.jsonl",
        "--statistics",
        "statistics.json",
        "--block",
        "count",
    ]);
    run.assert_code(2);
    run.stderr_line("of block `count` is given twice (also at routed.jsonl:");

    let run = scratch.run(&["discover", "--figures", "routed.jsonl", "--print-blocks"]);
    run.assert_code(2);
    run.stderr_line("routed.jsonl:1:1: error[record]: this record was routed already");
    assert_eq!(run.stdout(), "");
}
