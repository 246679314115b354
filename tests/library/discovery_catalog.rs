//! Discovery on the seeds and on the second corpus, with no catalog, scored against
//! their catalogs: the figures the catalog keys to one quantity are the pairs to find,
//! its contradictions the conflicts, its agreements the pairs that must stay quiet.
//! The seeds are where discovery's weights were set (tuned): a regression test, not
//! evidence; the blind corpora (`discovery_blind`) are the evidence.

use std::path::Path;

use crate::common::discovery::{score_against_catalog, HEADER};

#[test]
fn seeds_and_second_corpus_against_their_catalogs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    println!("{HEADER}");
    let (seeds, _) = score_against_catalog(root, "seeds", "claims");
    println!("{}", seeds.row("seeds (tuned)"));
    let second = root.join("tests/fixtures/second_corpus");
    let (validation, _) = score_against_catalog(&second, "docs", "claims");
    println!("{}", validation.row("second corpus"));
    assert_eq!(
        seeds.agreements_flagged, 0,
        "an agreement flagged: {seeds:?}"
    );
    // The aim: 70% of the catalog's contradictions surfaced, half the loud candidates
    // right (a part larger than its whole that the catalog relates is right).
    assert!(
        seeds.conflicts_found * 10 >= seeds.conflicts * 7 && seeds.loud_right * 2 >= seeds.loud,
        "seeds: {seeds:?}"
    );
    assert_eq!(
        validation.conflicts_found, validation.conflicts,
        "{validation:?}"
    );
}
