//! `crosscheck extract -`: standard input is read as the document `-`.

use crate::support::{Scratch, SAMPLE};

#[test]
fn dash_reads_standard_input() {
    let scratch = Scratch::new("stdin");
    let run = scratch.run_with_stdin(&["extract", "-", "--format", "jsonl"], SAMPLE.as_bytes());
    run.assert_code(0);
    let records = run.records();
    assert_eq!(records.len(), 2, "{}", run.stdout());
    assert_eq!(records[0]["source"], "-");
    assert_eq!(records[0]["value"].as_i64(), Some(1436));
    assert_eq!(records[0]["column"], 23);
}

#[test]
fn invalid_utf8_on_standard_input_is_located() {
    let scratch = Scratch::new("stdin-bad");
    let run = scratch.run_with_stdin(&["extract", "-"], b"caf\xE9 12\n");
    run.assert_code(2);
    assert!(
        run.stderr().contains("-:1:4: error[utf8]: not valid UTF-8"),
        "{}",
        run.stderr()
    );
}
