//! A 200 MB document on one line, with a stretch of text that never stops, is read
//! whole, its figures found and placed by column; nothing hangs or blows up.

use crate::support::Scratch;

#[test]
#[ignore = "stress: run by .ci/run's stress step"]
fn a_two_hundred_megabyte_line_is_extracted_with_its_columns() {
    let scratch = Scratch::new("huge-line");
    let filler = "Nothing to count in this sentence at all. ".repeat(238);
    let figure = "We counted 1,436 delegates. ";
    let block = format!("{filler}{figure}");
    let blocks = 200_000_000 / block.len() + 1;
    let mut line = String::with_capacity(blocks * block.len() + 2_000_100);
    for _ in 0..blocks {
        line.push_str(&block);
    }
    // Two megabytes that never stop, then one more figure.
    let endless_from = line.len();
    line.push_str("Then ");
    line.push_str(&"and so on ".repeat(200_000));
    line.push_str("until 77 boats");
    assert!(line.len() > 200_000_000 && !line.contains('\n'));
    scratch.write("line.txt", &line);

    let run = scratch.run(&["extract", "line.txt", "--format", "jsonl"]);
    run.assert_code(0);
    let records = run.records();
    assert_eq!(records.len(), blocks + 1);
    // Every figure on line 1, at the column (all ASCII: byte offset + 1) it stands at.
    for (n, record) in records[..blocks].iter().enumerate() {
        assert_eq!(record["line"], 1);
        let column = n * block.len() + filler.len() + "We counted ".len() + 1;
        assert_eq!(record["column"], column, "record {n}");
        assert_eq!(record["value"], 1436);
        let sentence = record["sentence"].as_str().unwrap_or_default();
        assert!(
            sentence == "We counted 1,436 delegates.",
            "record {n}: {}",
            &sentence[..sentence.len().min(80)]
        );
    }
    let last = &records[blocks];
    assert_eq!(last["value"], 77);
    assert_eq!(last["column"], line.len() - "77 boats".len() + 1);
    // Its sentence is cut from the endless text, not the whole two megabytes of it.
    let sentence = last["sentence"].as_str().unwrap_or_default();
    assert!(sentence.ends_with("until 77 boats"), "{}", &sentence[..40]);
    assert!(sentence.len() < 20_000 && line.len() - endless_from > 2_000_000);
}
