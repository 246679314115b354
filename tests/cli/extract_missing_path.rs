//! A path that does not exist: named on standard error, exit status 2, the other
//! inputs still read.

use crate::support::{Scratch, SAMPLE};

#[test]
fn missing_path_is_an_input_error() {
    let scratch = Scratch::new("missing");
    let run = scratch.run(&["extract", "nope.txt"]);
    run.assert_code(2);
    assert_eq!(
        run.stderr(),
        "nope.txt: error[not-found]: No such file or directory\n"
    );
}

#[test]
fn other_inputs_are_still_read() {
    let scratch = Scratch::new("missing-others");
    scratch.write("good.txt", SAMPLE);
    let run = scratch.run(&[
        "extract",
        "nope/",
        "good.txt",
        "--format",
        "jsonl",
        "--verbose",
    ]);
    run.assert_code(2);
    let stderr = run.stderr();
    assert!(
        stderr.contains("nope/: error[not-found]: No such file or directory\n"),
        "{stderr}"
    );
    assert!(stderr.contains("crosscheck: good.txt: "), "{stderr}");
}
