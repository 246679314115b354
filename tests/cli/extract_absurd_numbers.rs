//! Numbers no figure can be: a 500-digit numeral is too large to read. It is named with
//! its file, line and column, the exit status is 2, and the figures around it are still
//! written. "1e400" is not a numeral crosscheck reads at all (no scientific notation in
//! prose), so it is neither a figure nor an error.

use crate::support::Scratch;

fn scratch() -> Scratch {
    let scratch = Scratch::new("absurd-numbers");
    let digits = "9".repeat(500);
    let text = format!(
        "The congress gathered 1,436 delegates.\n\
         The ledger shows {digits} roubles. A value of 1e400 was printed, and \
         {digits}.{digits} too. Some 4,000 came later.\n"
    );
    scratch.write("absurd.txt", &text);
    scratch
}

#[test]
fn a_number_too_large_to_read_is_named_and_its_neighbours_kept() {
    let scratch = scratch();
    let run = scratch.run(&["extract", "absurd.txt", "--format", "jsonl"]);
    run.assert_code(2);
    let stderr = run.stderr();
    assert!(
        stderr.contains(
            "absurd.txt:2:18: error[number-too-large]: a number of 500 digits is too large to read; left out\n"
        ),
        "{stderr}"
    );
    // The decimal one is named too, at its own column, with all its digits.
    assert!(
        stderr.contains("a number of 1000 digits is too large to read; left out\n"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
    let records = run.records();
    let values: Vec<_> = records.iter().map(|r| r["value"].clone()).collect();
    assert!(values.contains(&serde_json::json!(1436)), "{values:?}");
    assert!(values.contains(&serde_json::json!(4000)), "{values:?}");
    for record in &records {
        let value = record["value"].as_f64().unwrap_or(0.0);
        assert!(value.is_finite() && value < 1e300, "{record}");
    }
}

#[test]
fn the_same_number_is_named_whatever_the_threads() {
    let scratch = scratch();
    let one = scratch.run(&["extract", "absurd.txt", "--format", "jsonl", "-j1"]);
    let four = scratch.run(&["extract", "absurd.txt", "--format", "jsonl", "-j4"]);
    assert_eq!(one.stderr(), four.stderr());
    assert_eq!(one.stdout(), four.stdout());
}
