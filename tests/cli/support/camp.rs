//! The camp book the page scenarios share: a PDF of two pages, and the claim-file text
//! that names it and keys its 1938 figure.

use super::make_formats;

/// A book of two pages: 4,512 prisoners in 1937 on the first line of page 1, 3,100 in
/// 1938 on the first line of page 2 (at column 23).
pub fn book_pdf() -> Vec<u8> {
    let mut text = String::from("In 1937 the camp held 4,512 prisoners.\n");
    text.push_str(&"\n".repeat(60));
    text.push_str("In 1938 the camp held 3,100 prisoners.\n");
    make_formats::pdf(&text).bytes
}

/// The book as a source whose document is `docs/book.pdf`.
pub const SOURCE: &str = r#"[[source]]
id = "book"
title = "The camp"
kind = "monograph"
author = "A. Historian"
document = "docs/book.pdf"
"#;

/// The quantity of 1938, keyed by a rule that finds the book's second figure.
pub const PRISONERS_1938: &str = r#"[[quantity]]
id = "prisoners_1938"
description = "Prisoners held in the camp in 1938"
unit = "people"

[[quantity.rule]]
pattern = "In 1938 the camp held {figure} prisoners"
"#;
