//! `crosscheck extract big.txt | head -1`: a reader that goes away early is not an
//! error; no panic, exit status 0.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use crate::support::Scratch;

#[test]
fn closed_stdout_is_success() {
    let scratch = Scratch::new("broken-pipe");
    let big =
        "The congress gathered 1,436 delegates. About 4,000 people died in 1956.\n".repeat(1_000);
    scratch.write("big.txt", big);
    for format in ["jsonl", "table", "csv", "json"] {
        let mut child = scratch
            .command(&["extract", "big.txt", "--format", format])
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
        assert!(!stderr.contains("panicked"), "{format}: {stderr}");
        assert_eq!(output.status.code(), Some(0), "{format}: {stderr}");
        assert_eq!(stderr, "", "{format}");
    }
}
