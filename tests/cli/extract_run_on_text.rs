//! Text that runs on without a stop costs time and memory in proportion to its length
//! (regressions: `5 people\r` a hundred thousand times, `5.5.5…`, `5%5%…` and `5
//! people, ` repeated ran past 60 s or reached 15 GB, and a 138 KB list of 20,000
//! numbers took 9 s and 2.4 GB, because the text was one sentence that every record
//! copied). Each record holds at most about 2 KiB of its sentence, with the figure at
//! its `sentence_offset`.

use crate::support::Scratch;

#[test]
fn every_record_holds_a_bounded_part_of_its_sentence() {
    let scratch = Scratch::new("extract-run-on");
    let cases = [
        ("cr.txt", "5 people\r".repeat(20_000)),
        ("dots.txt", "5.".repeat(20_000)),
        ("percent.txt", "5%".repeat(20_000)),
        ("list.txt", "5 people, ".repeat(20_000)),
        (
            "numbers.txt",
            (0..20_000)
                .map(|n| (n * 7).to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
    ];
    for (name, text) in &cases {
        scratch.write(name, text);
        let run = scratch.run(&["extract", name, "--format", "jsonl"]);
        run.assert_code(0);
        let records = run.records();
        assert!(records.len() > 1_000, "{name}: {} records", records.len());
        for record in &records {
            let sentence = record["sentence"].as_str().unwrap();
            assert!(
                sentence.len() <= 2_100,
                "{name}: a sentence of {} bytes",
                sentence.len()
            );
            let offset = record["sentence_offset"].as_u64().unwrap() as usize;
            let at: String = sentence.chars().skip(offset).collect();
            let figure = record["text"].as_str().unwrap();
            assert!(
                at.starts_with(figure),
                "{name}: {figure:?} not at {offset} of {sentence:?}"
            );
        }
    }
}
