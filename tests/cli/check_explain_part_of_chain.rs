//! `explain` shows where a quantity stands among the others: the chain of wholes it is a
//! part of, its parts, the whole it is a share of, and the relations that name it (a
//! whole shows the findings of its parts). On the bundled seeds and catalog.

use std::path::Path;
use std::process::Command;

fn explain(quantity: &str) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["explain", quantity])
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .output()
        .expect("run crosscheck");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    String::from_utf8(output.stdout).expect("UTF-8")
}

#[test]
fn a_part_shows_its_chain_of_wholes() {
    let text = explain("executed_1937_1938");
    assert!(
        text.contains("part of: executed_1937_1938 ⊂ death_sentences_counterrevolutionary\n"),
        "{text}"
    );
    assert!(
        text.contains("part of: executed_1937_1938 ⊂ executed_political_1921_1953\n"),
        "{text}"
    );
}

#[test]
fn a_whole_shows_its_parts_and_their_findings() {
    let text = explain("death_sentences_counterrevolutionary");
    assert!(text.contains("parts: executed_1937_1938\n"), "{text}");
    assert!(
        text.contains("arithmetic_mismatch (part_exceeds_whole)"),
        "{text}"
    );
}

#[test]
fn a_share_shows_its_whole_and_the_shares_beside_it() {
    let text = explain("arrested_kulak_share_1937_1938");
    assert!(
        text.contains("share of: arrested_1937_1938; with arrested_criminal_share_1937_1938 at most 100% together (disjoint)"),
        "{text}"
    );
    assert!(
        text.contains("relation shares_of_arrested_1937_1938"),
        "{text}"
    );
}
