//! A large input (read in parts) that turns out not to be UTF-8 near its end: the parts
//! before were read and their figures written, so the message says that only the rest
//! of the file is skipped; exit status 2.

use crate::support::Scratch;

#[test]
#[ignore = "stress: run by .ci/run's stress step"]
fn only_the_rest_of_a_large_input_is_skipped() {
    let scratch = Scratch::new("invalid-utf8-later-part");
    let paragraph = "In 1937 the camp held 11,200 prisoners.\n\n";
    let copies = 6_000_000 / paragraph.len();
    let mut bytes = paragraph.repeat(copies).into_bytes();
    bytes.extend_from_slice(b"The caf\xE9 sold 12 cups.\n");
    scratch.write("large.txt", &bytes);
    let run = scratch.run(&["extract", "large.txt", "--format", "jsonl"]);
    run.assert_code(2);
    let bad_line = 2 * copies + 1;
    assert_eq!(
        run.stderr(),
        format!(
            "large.txt:{bad_line}:8: error[utf8]: not valid UTF-8 (byte 0xE9); \
             the rest of the file is skipped\n"
        )
    );
    // The parts before the bad byte were written: some, not all, of the paragraphs.
    let records = run.records();
    assert!(!records.is_empty());
    assert!(records.len() < copies, "{} of {copies}", records.len());
    assert!(records.iter().all(|r| r["value"] == 11_200));
}
