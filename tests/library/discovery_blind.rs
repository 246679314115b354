//! Discovery on the four corpora written and annotated for it by someone who had not
//! read the extractor (`tests/fixtures/discovery/`): how many annotated same-quantity
//! pairs and conflicts it surfaces, and how many of its loud candidates are right.
//! `cargo test --release --test library discovery_blind -- --nocapture` prints the table
//! the README quotes.

use std::path::Path;

use crate::common::discovery::{score, Score, HEADER};

const CORPORA: [&str; 4] = [
    "leningrad_siege",
    "halden_flood",
    "rsv_vaccine",
    "corvane_business",
];

#[test]
fn blind_corpora_are_scored() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/discovery");
    let mut total = Score::default();
    println!("{HEADER}");
    for corpus in CORPORA {
        let score = score(&root.join(corpus));
        println!("{}", score.row(corpus));
        total.add(&score);
    }
    println!("{}", total.row("all"));
    // The annotations are found by the extractor: a score of discovery, not of extraction.
    assert!(
        total.figures_found * 10 >= total.figures * 9,
        "{} of {} annotated figures extracted",
        total.figures_found,
        total.figures
    );
}
