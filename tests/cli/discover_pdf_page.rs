//! `discover` places a figure of a PDF by page and line on the page, as `extract` and
//! `check` do: `docs/book.pdf:p.2:1:23` in the table and `page` in the JSON claims (null
//! for a plain-text document), whether it reads the PDF or figures extracted from it.

use serde_json::Value;

use crate::support::{make_formats, Scratch};

/// The page of the PDF's figure in the first candidate pairing the PDF with the note,
/// and the note's page.
fn pages(stdout: &str) -> (Value, Value) {
    let report: Value = serde_json::from_str(stdout).expect("JSON");
    let candidates = report["candidates"].as_array().expect("candidates");
    let claims = candidates
        .iter()
        .map(|c| c["claims"].as_array().expect("claims"))
        .find(|claims| {
            claims.iter().any(|c| c["path"] == "docs/book.pdf")
                && claims.iter().any(|c| c["path"] == "docs/note.txt")
        })
        .unwrap_or_else(|| panic!("no candidate pairs the book and the note: {stdout}"));
    let of = |path: &str| {
        claims
            .iter()
            .find(|c| c["path"] == path)
            .map(|c| c["page"].clone())
            .unwrap_or_default()
    };
    (of("docs/book.pdf"), of("docs/note.txt"))
}

#[test]
fn a_pdf_figure_in_a_candidate_is_placed_by_page() {
    let scratch = Scratch::new("discover-pdf-page");
    let mut text = String::from("The camp was opened in the spring of 1937.\n");
    text.push_str(&"\n".repeat(60));
    text.push_str("In 1938 the camp held 3,100 prisoners.\n");
    scratch.write("docs/book.pdf", make_formats::pdf(&text).bytes);
    scratch.write("docs/note.txt", "In 1938 the camp held 9,800 prisoners.\n");

    let run = scratch.run(&["discover", "docs", "--all", "--format", "json"]);
    run.assert_code(0);
    let (book, note) = pages(&run.stdout());
    assert_eq!(book, 2, "{}", run.stdout());
    assert!(note.is_null(), "{}", run.stdout());
    let table = scratch.run(&["discover", "docs", "--all"]);
    assert!(
        table.stdout().contains("book.pdf:p.2:1:23"),
        "{}",
        table.stdout()
    );

    scratch.extract_jsonl("docs", "figures.jsonl");
    let from_figures = scratch.run(&[
        "discover",
        "--figures",
        "figures.jsonl",
        "--all",
        "--format",
        "json",
    ]);
    from_figures.assert_code(0);
    assert_eq!(pages(&from_figures.stdout()), (book, note));
}
