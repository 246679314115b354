//! Numbers no figure can be (a 500-digit numeral, 1e400) are not reported and break
//! nothing around them.

mod cli_support;

use cli_support::Scratch;

#[test]
fn absurd_numbers_are_left_out_and_their_neighbours_kept() {
    let scratch = Scratch::new("absurd-numbers");
    let digits = "9".repeat(500);
    let text = format!(
        "The ledger shows {digits} roubles. A value of 1e400 was printed, and \
         {digits}.{digits} too. The congress gathered 1,436 delegates.\n"
    );
    scratch.write("absurd.txt", &text);
    let run = scratch.run(&["extract", "absurd.txt", "--format", "jsonl"]);
    run.assert_code(0);
    let records = run.records();
    let values: Vec<_> = records.iter().map(|r| r["value"].clone()).collect();
    // No record holds an infinite or 500-digit value; the real figure is there.
    assert!(values.contains(&serde_json::json!(1436)), "{values:?}");
    for record in &records {
        let value = record["value"].as_f64().unwrap_or(0.0);
        assert!(value.is_finite() && value < 1e300, "{record}");
    }
}
