//! `crosscheck check | head -1`: a reader that goes away early is not an error, in
//! any format: no message, no panic, and the exit status the verdicts call for.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use crate::support::claims_fixture::PRISONERS_1937;
use crate::support::Scratch;

/// Sixty different figures for one quantity and year: 1,770 contradictions, far
/// more output than a pipe holds.
fn project() -> Scratch {
    let scratch = Scratch::new("check-broken-pipe");
    let text: String = (0..60)
        .map(|i| format!("In 1937 the camp held {} prisoners.\n", 1_000 + 37 * i))
        .collect();
    scratch.write("docs/a.txt", text);
    scratch.write("claims/camp.toml", PRISONERS_1937);
    scratch
}

fn first_line_then_close(scratch: &Scratch, format: &str) {
    let output = first_line_then_wait(scratch, &["--format", format]);
    // The contradictions are found whether or not anyone reads the report.
    assert_eq!(output.status.code(), Some(1), "{format}");
}

/// Runs `check docs --claims claims EXTRA`, reads one line, closes the pipe, and
/// checks that nothing was said on standard error.
fn first_line_then_wait(scratch: &Scratch, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["check", "docs", "--claims", "claims"];
    args.extend_from_slice(extra);
    let mut child = scratch
        .command(&args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start crosscheck");
    let stdout = child.stdout.take().expect("piped stdout");
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("read one line");
    // The reader is dropped here: the pipe closes while crosscheck still writes.
    let output = child.wait_with_output().expect("wait for crosscheck");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{extra:?}: {stderr}");
    assert_eq!(stderr, "", "{extra:?}");
    output
}

#[test]
fn closed_stdout_is_not_an_error_for_the_table() {
    first_line_then_close(&project(), "table");
}

#[test]
fn closed_stdout_is_not_an_error_for_json() {
    first_line_then_close(&project(), "json");
}

#[test]
fn closed_stdout_is_not_an_error_for_unmatched_json() {
    let scratch = project();
    let text: String = (0..3_000)
        .map(|i| format!("A further {} guards arrived.\n", 10 + i))
        .collect();
    scratch.write("docs/guards.txt", text);
    let output = first_line_then_wait(&scratch, &["--unmatched", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0));
}
