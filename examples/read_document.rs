//! Prints the text crosscheck reads from a document in any format it reads (HTML,
//! Markdown, PDF, DOCX, ODT, EPUB), the text the extractor sees:
//!
//!     cargo run --release --example read_document -- book.pdf
//!
//! With `--places`, each line of the text is preceded by the place of its first
//! character in the document (`p.14:3:1` on page 14, line 3, column 1).

use std::path::PathBuf;
use std::process::ExitCode;

use crosscheck::input::{Documents, Item, Origin};

fn main() -> ExitCode {
    let mut places = false;
    let mut paths = Vec::new();
    for arg in std::env::args().skip(1) {
        if arg == "--places" {
            places = true;
        } else {
            paths.push(Origin::Path(PathBuf::from(arg)));
        }
    }
    let mut status = ExitCode::SUCCESS;
    for item in Documents::new(paths) {
        match item {
            Item::Document(document) => {
                let mut at = document.positions();
                let mut offset = 0;
                for line in document.text.split_inclusive('\n') {
                    if places {
                        let place = at.place(offset);
                        let page = place.page.map(|p| format!("p.{p}:")).unwrap_or_default();
                        print!("{page}{}:{}\t", place.line, place.column);
                    }
                    print!("{line}");
                    offset += line.len();
                }
                println!();
            }
            Item::Skipped { path, reason } => eprintln!("{}: skipped: {reason}", path.display()),
            Item::Failed(error) => {
                eprintln!("{error}");
                status = ExitCode::from(2);
            }
        }
    }
    status
}
