//! `crosscheck discover` split by block: the map pass over two figures files routes
//! each record to the blocks of its document and writes the corpus's statistics; each
//! block, its records shuffled, is discovered apart; the candidates of all blocks are
//! the whole run's over the same figures, byte for byte (ids, tiers, confidences,
//! verdicts, figures, evidence, reasons). The corpus (the seeds and the test corpora,
//! nearly 500 figures of counts, shares, money, durations, measures and rates) is large
//! enough that the corpus-wide choices differ from a block's own: the words too common
//! to pair by are counted over every figure.

use crate::support::blocks::{candidates, discover_by_block};
use crate::support::Scratch;

#[test]
fn the_candidates_of_all_blocks_are_the_whole_runs() {
    let scratch = Scratch::new("discover-blocks-whole");
    scratch.copy_in("seeds", "seeds");
    for corpus in [
        "corvane_business",
        "halden_flood",
        "leningrad_siege",
        "rsv_vaccine",
    ] {
        let docs = format!("tests/fixtures/discovery/{corpus}/docs");
        scratch.copy_in(&docs, &format!("more/{corpus}"));
    }
    scratch.copy_in("tests/fixtures/second_corpus/docs", "more/second_corpus");
    scratch.extract_jsonl("seeds", "seeds.jsonl");
    scratch.extract_jsonl("more", "more.jsonl");
    let whole = scratch.run(&[
        "discover",
        "--figures",
        "seeds.jsonl",
        "--figures",
        "more.jsonl",
        "--all",
        "--format",
        "json",
    ]);
    whole.assert_code(0);
    let report: serde_json::Value = serde_json::from_str(&whole.stdout()).expect("JSON");
    assert!(
        report["summary"]["figures"].as_u64() > Some(400),
        "{}",
        report["summary"]
    );
    let whole = candidates(&whole.stdout());
    assert!(whole.len() >= 250, "{} candidates", whole.len());
    let (keys, by_block) = discover_by_block(&scratch, &["seeds.jsonl", "more.jsonl"], &[]);
    for key in ["count", "percent", "money", "duration"] {
        assert!(keys.iter().any(|k| k == key), "{keys:?}");
    }
    assert!(keys.iter().any(|k| k.starts_with("measure")), "{keys:?}");
    assert!(keys.len() >= 8, "{keys:?}");
    assert_eq!(by_block.len(), whole.len());
    for (x, y) in by_block.iter().zip(&whole) {
        assert_eq!(x, y);
    }
}
