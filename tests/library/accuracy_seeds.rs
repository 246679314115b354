//! Extraction accuracy on the bundled seeds against tests/gold/seed_figures.jsonl.
//! Run with `cargo test --test library accuracy_seeds -- --nocapture` to see every miss.

use crate::common::scoring::{load_gold, run_extractor, score};
use std::path::Path;

const COUNTED: &[&str] = &[
    "count",
    "percent",
    "fraction",
    "multiplier",
    "rate",
    "threshold",
    "area",
];

#[test]
fn seeds_meet_the_accuracy_targets() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gold = load_gold(&root.join("tests/gold/seed_figures.jsonl"));
    let mut files: Vec<String> = gold.iter().map(|g| g.file.clone()).collect();
    files.sort();
    files.dedup();
    let found = run_extractor(&root.join("seeds"), &files);
    let s = score(&gold, &found);
    s.print("seeds");
    let recall = s.recall_of(COUNTED);
    let durations = s.recall_of(&["duration"]);
    let precision = s.precision();
    println!(
        "recall (counts, percents, fractions, multipliers, rates, thresholds, areas): {recall:.3}"
    );
    println!("recall (durations): {durations:.3}");
    println!("precision: {precision:.3}");
    assert!(recall >= 0.97, "recall {recall:.3} is below 0.97");
    assert!(
        durations >= 0.90,
        "duration recall {durations:.3} is below 0.90"
    );
    assert!(precision >= 0.95, "precision {precision:.3} is below 0.95");
}
