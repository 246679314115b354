//! The options of discovery split by block read figures files and write where they are
//! told, never over an input: `--print-blocks` or `--block` over documents, `--output`
//! with only `--statistics-out`, one file for both outputs, statistics over a figures
//! file are each exit 2 with a message, and nothing is written.

use crate::support::Scratch;

#[test]
fn the_split_options_refuse_documents_and_outputs_over_inputs() {
    let scratch = Scratch::new("discover-split-options");
    scratch.copy_in("seeds", "seeds");
    scratch.extract_jsonl("seeds", "seeds.jsonl");
    let extracted = scratch.read("seeds.jsonl");

    let run = scratch.run(&["discover", "seeds", "--print-blocks"]);
    run.assert_code(2);
    run.stderr_line("--print-blocks reads figures files");
    assert_eq!(run.stdout(), "");

    let run = scratch.run(&[
        "discover",
        "seeds",
        "--block",
        "count",
        "--statistics",
        "s.json",
    ]);
    run.assert_code(2);
    run.stderr_line("--block reads figures files");

    let run = scratch.run(&[
        "discover",
        "--figures",
        "seeds.jsonl",
        "--statistics-out",
        "s.json",
        "--output",
        "routed.jsonl",
    ]);
    run.assert_code(2);
    run.stderr_line("--output writes the records --print-blocks routes");

    let run = scratch.run(&[
        "discover",
        "--figures",
        "seeds.jsonl",
        "--print-blocks",
        "--output",
        "s.json",
        "--statistics-out",
        "s.json",
    ]);
    run.assert_code(2);
    run.stderr_line("name one file");

    let run = scratch.run(&[
        "discover",
        "--figures",
        "seeds.jsonl",
        "--statistics-out",
        "seeds.jsonl",
    ]);
    run.assert_code(2);
    run.stderr_line("which this run reads");
    assert_eq!(scratch.read("seeds.jsonl"), extracted);
    assert!(!scratch.path("s.json").exists());
    assert!(!scratch.path("routed.jsonl").exists());
}
