//! `crosscheck check` with a corpus path that does not exist: exit 2 (whatever the
//! verdicts), the path named on standard error; the other paths are still read.

use crate::support::claims_fixture::PRISONERS_1937;
use crate::support::Scratch;
use serde_json::Value;

fn project() -> Scratch {
    let scratch = Scratch::new("check-missing-corpus");
    scratch.write("docs/a.txt", "In 1937 the camp held 11,200 prisoners.\n");
    scratch.write(
        "docs/b.txt",
        "Registers show that in 1937 the camp held 13,900 prisoners.\n",
    );
    scratch.write("claims/camp.toml", PRISONERS_1937);
    scratch
}

#[test]
fn missing_corpus_folder_is_named() {
    let scratch = project();
    let run = scratch.run(&["check", "nodocs", "--claims", "claims"]);
    run.assert_code(2);
    assert!(
        run.stderr()
            .contains("nodocs: error[not-found]: No such file or directory\n"),
        "{}",
        run.stderr()
    );
}

#[test]
fn other_paths_are_still_read_and_exit_is_2() {
    let scratch = project();
    let run = scratch.run(&[
        "check",
        "docs",
        "nodocs/c.txt",
        "--claims",
        "claims",
        "--format",
        "json",
    ]);
    // A contradiction alone would be 1: an unreadable input is 2.
    run.assert_code(2);
    assert!(
        run.stderr()
            .contains("nodocs/c.txt: error[not-found]: No such file or directory\n"),
        "{}",
        run.stderr()
    );
    let report: Value = serde_json::from_str(&run.stdout()).expect("one JSON document");
    assert_eq!(report["summary"]["documents"], 2);
    assert_eq!(report["findings"][0]["verdict"], "contradiction");
}

#[test]
fn missing_claims_folder_is_named() {
    let scratch = project();
    let run = scratch.run(&["check", "docs", "--claims", "noclaims"]);
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    assert!(run.stderr().contains("noclaims"), "{}", run.stderr());
}
