//! Extraction accuracy on documents written for the tests in other styles and
//! topics (news, encyclopedia, slides, Russian, a scientific abstract), annotated
//! independently of the extractor. Run with `-- --nocapture` to see every miss.

use crate::common::scoring::{load_gold, run_extractor, score, CLAIM_CATEGORIES as CLAIMS};
use std::path::Path;

fn corpus_file(name: &str) -> (f64, f64) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let gold = load_gold(&root.join(format!("{name}.jsonl")));
    let found = run_extractor(&root, &[format!("{name}.txt")]);
    let s = score(&gold, &found);
    s.print(name);
    (s.recall_of(CLAIMS), s.precision())
}

fn check(name: &str, min_recall: f64, min_precision: f64) {
    let (recall, precision) = corpus_file(name);
    println!("{name}: recall {recall:.3}, precision {precision:.3}");
    assert!(
        recall >= min_recall,
        "{name}: recall {recall:.3} below {min_recall}"
    );
    assert!(
        precision >= min_precision,
        "{name}: precision {precision:.3} below {min_precision}"
    );
}

#[test]
fn news_report() {
    check("news_en", 0.95, 0.95);
}

#[test]
fn encyclopedia_article() {
    check("encyclopedia_en", 0.95, 0.95);
}

#[test]
fn slide_deck() {
    check("slides_en", 0.95, 0.95);
}

#[test]
fn russian_report() {
    check("russian_ru", 0.95, 0.95);
}

#[test]
fn scientific_abstract() {
    check("abstract_en", 0.95, 0.95);
}
