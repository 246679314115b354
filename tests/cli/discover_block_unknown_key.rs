//! `crosscheck discover --block KEY` with a key the corpus has no block of: exit 2,
//! and the message names the statistics file and the keys there are.

use crate::support::blocks::{block_run, split_seeds};
use crate::support::Scratch;

#[test]
fn an_unknown_block_is_refused_with_the_blocks_there_are() {
    let scratch = Scratch::new("discover-block-unknown");
    split_seeds(&scratch);
    let run = block_run(&scratch, "routed.jsonl", "statistics.json", "weight");
    run.assert_code(2);
    let line = run.stderr_line("no block `weight`");
    assert!(line.starts_with("statistics.json: error[value]"), "{line}");
    assert!(
        line.contains("`count`") && line.contains("`percent`"),
        "{line}"
    );
    assert_eq!(run.stdout(), "");
}
