//! Writes a plain-text file as HTML, Markdown, PDF, DOCX, ODT or EPUB, the way the tests
//! make their fixtures (`tests/fixtures/make_formats.rs`; the PDF by printpdf in DejaVu
//! Sans), for `bench/run.sh` to time the readers on the same text as plain text:
//!
//!     cargo run --release --example make_formats -- pdf seeds.txt seeds.pdf

#[path = "../tests/fixtures/make_formats.rs"]
mod make_formats;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [format, input, output] = &args[..] else {
        eprintln!("usage: make_formats html|markdown|pdf|docx|odt|epub INPUT.txt OUTPUT");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(input) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("{input}: {error}");
            return ExitCode::from(2);
        }
    };
    let made = match format.as_str() {
        "html" => make_formats::html(&text),
        "markdown" => make_formats::markdown(&text),
        "pdf" => make_formats::pdf(&text),
        "docx" => make_formats::docx(&text),
        "odt" => make_formats::odt(&text),
        "epub" => make_formats::epub(&text),
        other => {
            eprintln!("no such format: {other}");
            return ExitCode::from(2);
        }
    };
    if let Err(error) = std::fs::write(output, made.bytes) {
        eprintln!("{output}: {error}");
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}
