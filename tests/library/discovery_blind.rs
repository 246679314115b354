//! Discovery on the four corpora written and annotated for it by someone who had not
//! read the extractor (`tests/fixtures/discovery/`): how many annotated same-quantity
//! pairs and conflicts it surfaces, and how many of its loud candidates are right.
//! `cargo test --release --test library discovery_blind -- --nocapture` prints the table
//! the README quotes.

use std::path::Path;

use crate::common::discovery::{score, Score, HEADER};
use crate::discovery_fit::{HELD_OUT, TRAINING_BLIND};

#[test]
fn blind_corpora_are_scored() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/discovery");
    let mut total = Score::default();
    let mut held_out = Score::default();
    println!("{HEADER}");
    for corpus in HELD_OUT.iter().chain(&TRAINING_BLIND) {
        let score = score(&root.join(corpus));
        println!("{}", score.row(corpus));
        total.add(&score);
        if HELD_OUT.contains(corpus) {
            held_out.add(&score);
        }
    }
    println!("{}", held_out.row("held out"));
    println!("{}", total.row("all"));
    // What the fitted weights reached on the corpora they never saw; less is a regression.
    assert!(
        held_out.pairs_found >= 22
            && held_out.agreements_flagged == 0
            && held_out.conflicts_found >= 4
            && held_out.loud_right * 100 >= held_out.loud * 22,
        "held out: {held_out:?}"
    );
    // The annotations are found by the extractor: a score of discovery, not of extraction.
    assert!(
        total.figures_found * 10 >= total.figures * 9,
        "{} of {} annotated figures extracted",
        total.figures_found,
        total.figures
    );
}
