//! `crosscheck extract FILE --format jsonl`: one JSON object per figure, fields in the
//! documented order, integral numbers without ".0".

use crate::support::{Scratch, SAMPLE};

#[test]
fn jsonl_has_one_record_per_figure() {
    let scratch = Scratch::new("jsonl");
    scratch.write("sample.txt", SAMPLE);
    let run = scratch.run(&["extract", "sample.txt", "--format", "jsonl"]);
    run.assert_code(0);
    let records = run.records();
    assert_eq!(records.len(), 2, "{}", run.stdout());

    let first = &records[0];
    assert_eq!(first["source"], "sample.txt");
    assert_eq!(first["line"], 1);
    // "The congress gathered " is 22 characters: the figure starts in column 23.
    assert_eq!(first["column"], 23);
    assert_eq!(first["end_line"], 1);
    assert_eq!(first["end_column"], 28);
    assert_eq!(first["text"], "1,436");
    assert_eq!(first["value"].as_i64(), Some(1436));
    assert_eq!(first["low"].as_i64(), Some(1436));
    assert_eq!(first["high"].as_i64(), Some(1436));
    assert_eq!(first["qualifier"], "exact");
    assert_eq!(first["kind"], "count");
    assert_eq!(first["vague"], false);
    assert_eq!(first["sentence"], "The congress gathered 1,436 delegates.");

    let second = &records[1];
    assert_eq!(second["text"], "4,000");
    assert_eq!(second["value"].as_i64(), Some(4000));
    assert_eq!(second["qualifier"], "about");
    assert_eq!(second["period"], "1956");

    // Integral numbers are written as integers, and the fields come in order.
    let line = run.stdout().lines().next().unwrap_or_default().to_string();
    assert!(!line.contains("1436.0"), "{line}");
    let fields = [
        "source",
        "line",
        "column",
        "end_line",
        "end_column",
        "text",
        "value",
        "low",
        "high",
        "unit",
        "qualifier",
        "kind",
        "vague",
        "sentence",
        "period",
        "attributed_to",
    ];
    let positions: Vec<Option<usize>> = fields
        .iter()
        .map(|field| line.find(&format!("\"{field}\":")))
        .collect();
    assert!(positions.iter().all(Option::is_some), "{line}");
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{line}");
}
