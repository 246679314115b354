//! Inputs the fuzz targets (`fuzz/`) found a failure with, each run here as an ordinary
//! test named after the bug, so that it stays fixed.

use std::path::Path;

/// `figures` target, out of memory: a record of `check --figures` said its figure was
/// on line 9,999,999,999,999,913, and the stand-in document went down to that line a
/// line break at a time. Lines now come from the records only.
#[test]
fn figure_record_on_an_absurd_line_is_read_without_going_down_to_it() {
    let jsonl = concat!(
        r#"{"source":"se92ff.txt","line":13,"column":266,"end_line":13,"end_column":275,"text":"3,777,38and Minio","qualifier":"exact","kind":"count","vague":false,"sentence":"A memo datMijf In    ov","step":10,"sentence_offset":175}"#,
        "\n",
        r#"{"source":"se92ff.txt","line":9999999999999913,"column":266,"end_line":13,"end_column":275,"text":"3,777,38and Minio","qualifier":"exact","kind":"count","vague":false,"sentence":"A memo datMijf In    ov","step":10,"sentence_offset":175}"#,
        "\n"
    );
    let sources = crosscheck::figures::read(Path::new("figures.jsonl"), jsonl)
        .expect("the records are well-formed");
    assert_eq!(sources.len(), 1);
    let source = &sources[0];
    assert_eq!(source.positions[1], (9_999_999_999_999_913, 266));
    assert!(source.document.text.len() < 1000);
    for figure in &source.figures {
        assert_eq!(figure.text(&source.document.text), "3,777,38and Minio");
    }
}
