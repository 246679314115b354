//! A leading UTF-8 byte-order mark is dropped: it neither shows in texts nor shifts
//! columns.

use crate::support::{Scratch, SAMPLE};

#[test]
fn byte_order_mark_is_dropped() {
    let scratch = Scratch::new("bom");
    scratch.write("bom.txt", format!("\u{FEFF}{SAMPLE}"));
    let run = scratch.run(&["extract", "bom.txt", "--format", "jsonl"]);
    run.assert_code(0);
    let records = run.records();
    assert_eq!(records.len(), 2, "{}", run.stdout());
    assert_eq!(records[0]["column"], 23);
    assert_eq!(
        records[0]["sentence"],
        "The congress gathered 1,436 delegates."
    );
}
