//! A hand-written claim whose source is a PDF of the corpus and which names a page: the
//! figure must be on that page of the PDF. A claim whose page states no such figure is
//! a warning at the claim (`page`), naming what that page does state; a claim on the
//! right page is not. The PDF's limits come from `[limits]` of crosscheck.toml.

use crate::support::{camp, Scratch};

const CLAIMS: &str = r#"
[[quantity]]
id = "prisoners"
description = "Prisoners held in the camp"
unit = "people"

[[claim]]
id = "right_page"
quantity = "prisoners"
source = "book"
value = "3,100"
page = "2"

[[claim]]
id = "wrong_page"
quantity = "prisoners"
source = "book"
value = "4,512"
page = "p. 2"
"#;

#[test]
fn a_claim_whose_page_lacks_its_figure_is_a_warning() {
    let scratch = Scratch::new("claim-page");
    scratch.write("docs/book.pdf", camp::book_pdf());
    scratch.write("claims/camp.toml", [camp::SOURCE, CLAIMS].concat());
    let run = scratch.run(&["check", "docs", "--claims", "claims"]);
    let stderr = run.stderr();
    assert!(!stderr.contains("panicked"), "{stderr}");
    let line = run.stderr_line("warning[page]");
    assert!(line.starts_with("claims/camp.toml:"), "{line}");
    assert!(
        line.contains("claim `wrong_page` gives page p. 2 of docs/book.pdf, but no figure on that page states 4,512 (there: 3100)"),
        "{line}"
    );
    assert_eq!(stderr.matches("warning[page]").count(), 1, "{stderr}");
}

#[test]
fn the_page_limit_of_the_configuration_is_named_when_reached() {
    let scratch = Scratch::new("claim-page-limit");
    scratch.write("docs/book.pdf", camp::book_pdf());
    scratch.write("claims/camp.toml", [camp::SOURCE, CLAIMS].concat());
    scratch.write(
        "crosscheck.toml",
        "corpus = [\"docs\"]\nclaims = [\"claims\"]\n\n[limits]\npages = 1\n",
    );
    let run = scratch.run(&["check"]);
    let line = run.stderr_line("docs/book.pdf");
    assert!(
        line.contains("warning[unreadable]: cannot read this PDF file: 2 pages, more than the limit of 1 (limits.pages in crosscheck.toml); skipped"),
        "{line}"
    );
}
