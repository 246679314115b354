//! A project whose catalog keys figures: the whole run would refit its weights to the
//! pairs the catalog keys, in every block, so a run of one block refuses to stand in
//! for it (exit 2, naming `--default-weights`). With `--default-weights` given to every
//! run, the blocks give the whole run's candidates; a block run that reads the catalog
//! otherwise than the statistics pass did (`--no-catalog`) is refused.

use crate::support::blocks::{candidates, discover_by_block};
use crate::support::Scratch;

#[test]
fn a_block_does_not_learn_and_with_default_weights_equals_the_whole_run() {
    let scratch = Scratch::new("discover-block-learn");
    scratch.copy_in("tests/fixtures/second_corpus/docs", "docs");
    scratch.copy_in("tests/fixtures/second_corpus/claims", "claims");
    scratch.extract_jsonl("docs", "figures.jsonl");
    let routed = scratch.run(&[
        "discover",
        "--figures",
        "figures.jsonl",
        "--print-blocks",
        "--statistics-out",
        "statistics.json",
    ]);
    routed.assert_code(0);
    scratch.write("routed.jsonl", routed.stdout());
    let block = |more: &[&str]| {
        let mut args = vec![
            "discover",
            "--figures",
            "routed.jsonl",
            "--statistics",
            "statistics.json",
            "--block",
            "count",
        ];
        args.extend(more);
        scratch.run(&args)
    };
    let run = block(&[]);
    run.assert_code(2);
    run.stderr_line("cannot learn from the project's reviewed pairs");
    run.stderr_line("--default-weights");

    let run = block(&["--default-weights", "--no-catalog"]);
    run.assert_code(2);
    run.stderr_line("give every run the same claim files");

    let whole = scratch.run(&[
        "discover",
        "--figures",
        "figures.jsonl",
        "--default-weights",
        "--all",
        "--format",
        "json",
    ]);
    whole.assert_code(0);
    let whole = candidates(&whole.stdout());
    let (_, by_block) = discover_by_block(&scratch, &["figures.jsonl"], &["--default-weights"]);
    assert!(!whole.is_empty());
    assert_eq!(by_block, whole);
}
