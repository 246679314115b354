//! `crosscheck discover` split by block on the seeds: the candidates of all blocks,
//! each discovered apart from the figures `extract --format jsonl` wrote, are those of
//! discovery over the seed documents themselves (ids, tiers, confidences, verdicts,
//! and the places of the two figures).

use serde_json::Value;

use crate::support::blocks::{candidates, discover_by_block};
use crate::support::Scratch;

/// What is compared of a candidate: id, tier, confidence, verdict, and each figure's
/// document, line, column and text.
fn essentials(candidate: &str) -> String {
    let c: Value = serde_json::from_str(candidate).expect("JSON");
    let figures: Vec<String> = c["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .map(|f| {
            format!(
                "{} {}:{} {}",
                f["source"], f["line"], f["column"], f["text"]
            )
        })
        .collect();
    format!(
        "{} {} {} {} {figures:?}",
        c["id"], c["tier"], c["confidence"], c["verdict"]
    )
}

#[test]
fn the_blocks_of_the_seeds_give_the_candidates_of_the_documents() {
    let scratch = Scratch::new("discover-blocks-seeds");
    scratch.copy_in("seeds", "seeds");
    scratch.extract_jsonl("seeds", "seeds.jsonl");
    let documents = scratch.run(&["discover", "seeds", "--all", "--format", "json"]);
    documents.assert_code(0);
    let mut from_documents: Vec<String> = candidates(&documents.stdout())
        .iter()
        .map(|c| essentials(c))
        .collect();
    from_documents.sort();
    let (keys, by_block) = discover_by_block(&scratch, &["seeds.jsonl"], &[]);
    assert!(keys.len() >= 4, "{keys:?}");
    let mut by_block: Vec<String> = by_block.iter().map(|c| essentials(c)).collect();
    by_block.sort();
    assert!(
        from_documents.len() >= 50,
        "{} candidates",
        from_documents.len()
    );
    assert_eq!(by_block, from_documents);
}
