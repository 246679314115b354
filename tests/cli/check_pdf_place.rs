//! A figure of a PDF in the corpus is placed in `check`'s findings by page and line on
//! the page (`docs/book.pdf:p.2:1:23`), as `extract` places it, and the JSON report gives
//! its `page`; a figure of a plain-text document has none.

use crate::support::{camp, Scratch};

#[test]
fn a_pdf_figure_in_a_finding_is_placed_by_page() {
    let scratch = Scratch::new("check-pdf-place");
    scratch.write("docs/book.pdf", camp::book_pdf());
    scratch.write("docs/note.txt", "In 1938 the camp held 9,800 prisoners.\n");
    scratch.write("claims/camp.toml", camp::PRISONERS_1938);
    let run = scratch.run(&["check", "docs", "--claims", "claims", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&run.stdout()).expect("JSON");
    let claims = report["findings"][0]["claims"]
        .as_array()
        .expect("a finding with claims")
        .clone();
    let of = |path: &str| {
        claims
            .iter()
            .find(|c| c["path"] == path)
            .unwrap_or_else(|| panic!("no claim of {path}: {claims:?}"))
            .clone()
    };
    assert_eq!(of("docs/book.pdf")["page"], 2, "{claims:?}");
    assert_eq!(of("docs/book.pdf")["line"], 1, "{claims:?}");
    assert!(of("docs/note.txt")["page"].is_null(), "{claims:?}");
    let table = scratch.run(&["check", "docs", "--claims", "claims"]);
    assert!(
        table.stdout().contains("book.pdf:p.2:1:23"),
        "{}",
        table.stdout()
    );
}
