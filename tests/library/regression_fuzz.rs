//! Inputs the fuzz targets (`fuzz/`) found a failure with, each run here as an ordinary
//! test named after the bug, so that it stays fixed.

use std::path::Path;

/// `figures` target, out of memory: a record of `check --figures` said its figure was
/// on line 9,999,999,999,999,913, and the stand-in document went down to that line a
/// line break at a time. Lines now come from the records only, and a line past 2^32 is
/// refused, located at its record.
#[test]
fn figure_record_on_an_absurd_line_is_read_without_going_down_to_it() {
    let record = |line: &str| {
        format!(
            r#"{{"source":"se92ff.txt","line":{line},"column":266,"end_line":{line},"end_column":275,"text":"3,777,38and Minio","qualifier":"exact","kind":"count","vague":false,"sentence":"A memo datMijf In    ov","step":10,"sentence_offset":175}}"#
        )
    };
    let absurd = format!("{}\n{}\n", record("13"), record("9999999999999913"));
    let problems = crosscheck::figures::read(Path::new("figures.jsonl"), &absurd)
        .expect_err("a line past 2^32 is refused");
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, 2);
    let fine = format!("{}\n{}\n", record("13"), record("4000000000"));
    let sources = crosscheck::figures::read(Path::new("figures.jsonl"), &fine)
        .expect("the records are well-formed");
    assert_eq!(sources.len(), 1);
    let source = &sources[0];
    assert_eq!(source.positions[1], (4_000_000_000, 266));
    assert!(source.document.text.len() < 1000);
    for figure in &source.figures {
        assert_eq!(figure.text(&source.document.text), "3,777,38and Minio");
    }
}
