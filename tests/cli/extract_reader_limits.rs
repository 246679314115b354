//! `extract` reads documents within the `[limits]` of crosscheck.toml (or of --config),
//! as `check` does: a PDF of more pages than allowed is skipped with a warning naming
//! the setting, and the other documents are still read.

use crate::support::{make_formats, Scratch};

#[test]
fn extract_skips_a_pdf_past_the_configured_page_limit() {
    let scratch = Scratch::new("extract-reader-limits");
    let mut text = String::from("In 1937 the camp held 4,512 prisoners.\n");
    text.push_str(&"\n".repeat(60));
    text.push_str("In 1938 the camp held 3,100 prisoners.\n");
    scratch.write("docs/book.pdf", make_formats::pdf(&text).bytes);
    scratch.write("docs/note.txt", "The camp held 2,200 prisoners in 1936.\n");
    scratch.write("crosscheck.toml", "[limits]\npages = 1\n");
    let run = scratch.run(&["extract", "docs", "--format", "csv"]);
    let line = run.stderr_line("docs/book.pdf");
    assert!(
        line.contains(
            "2 pages, more than the limit of 1 (limits.pages in crosscheck.toml); skipped"
        ),
        "{line}"
    );
    assert!(run.stdout().contains("2,200"), "{}", run.stdout());
    assert!(!run.stdout().contains("4,512"), "{}", run.stdout());
    // Without the setting, the same PDF is read.
    scratch.write("loose.toml", "[limits]\npages = 5\n");
    let run = scratch.run(&[
        "extract",
        "docs",
        "--format",
        "csv",
        "--config",
        "loose.toml",
    ]);
    assert!(run.stdout().contains("4,512"), "{}", run.stdout());
}
