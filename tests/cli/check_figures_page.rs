//! `check --figures` over figures extracted from a PDF keeps each figure's page: the
//! findings place it as `check` over the PDF itself does (`docs/book.pdf:p.2:1:23`, and
//! `page` in the JSON claims), and a hand-written claim that names the wrong page is
//! still a warning.

use crate::support::{camp, Scratch};

const CLAIM: &str = r#"
[[claim]]
id = "wrong_page"
quantity = "prisoners_1938"
source = "book"
value = "3,100"
page = "1"
"#;

#[test]
fn figures_read_back_from_a_pdf_keep_their_page() {
    let scratch = Scratch::new("check-figures-page");
    scratch.write("docs/book.pdf", camp::book_pdf());
    scratch.write("docs/note.txt", "In 1938 the camp held 9,800 prisoners.\n");
    scratch.write(
        "claims/camp.toml",
        [camp::SOURCE, camp::PRISONERS_1938, CLAIM].join("\n"),
    );
    scratch.extract_jsonl("docs", "figures.jsonl");

    let run = scratch.run(&[
        "check",
        "--figures",
        "figures.jsonl",
        "--claims",
        "claims",
        "--format",
        "json",
    ]);
    let report: serde_json::Value = serde_json::from_str(&run.stdout()).expect("JSON");
    let claims = report["findings"][0]["claims"]
        .as_array()
        .expect("a finding with claims")
        .clone();
    let from_pdf = claims
        .iter()
        .find(|c| c["path"] == "docs/book.pdf" && c["line"] == 1)
        .unwrap_or_else(|| panic!("no figure of the PDF: {claims:?}"));
    assert_eq!(from_pdf["page"], 2, "{claims:?}");
    let from_text = claims
        .iter()
        .find(|c| c["path"] == "docs/note.txt")
        .unwrap_or_else(|| panic!("no figure of the text: {claims:?}"));
    assert!(from_text["page"].is_null(), "{claims:?}");

    let table = scratch.run(&["check", "--figures", "figures.jsonl", "--claims", "claims"]);
    assert!(
        table.stdout().contains("book.pdf:p.2:1:23"),
        "{}",
        table.stdout()
    );
    let line = table.stderr_line("warning[page]");
    assert!(
        line.contains("claim `wrong_page` gives page 1 of docs/book.pdf"),
        "{line}"
    );
}
