//! Documents a reader cannot read: a PDF cut in half, a PDF with no text layer, a DOCX
//! without its document part, a zip bomb, an HTML file past the size limit. Met while
//! walking a folder, each is one warning naming the file and why, and is skipped; the
//! other files are read and the exit status stays 0. Named on the command line, the
//! same problem is an error and the exit status 2. Never a panic.

use crate::support::{make_formats, sources, Scratch, SAMPLE};

/// A PDF whose one page draws nothing: a scan without OCR, as far as text goes.
fn pdf_without_text() -> Vec<u8> {
    let (document, _, _) =
        printpdf::PdfDocument::new("A scan", printpdf::Mm(210.0), printpdf::Mm(297.0), "image");
    document.save_to_bytes().expect("printpdf writes the PDF")
}

/// A DOCX of `document_xml` zeros: it packs into about 100 KB and unpacks to 100 MB.
fn zip_bomb() -> Vec<u8> {
    let zeros = "0".repeat(100 << 20);
    make_formats::zip_of(&[
        ("[Content_Types].xml", "<Types/>".to_string()),
        ("word/document.xml", zeros),
    ])
}

fn bad_corpus(scratch: &Scratch) {
    let pdf = make_formats::pdf(SAMPLE).bytes;
    scratch.write("corpus/a.txt", SAMPLE);
    scratch.write("corpus/cut.pdf", &pdf[..pdf.len() / 2]);
    scratch.write("corpus/scan.pdf", pdf_without_text());
    scratch.write(
        "corpus/part-missing.docx",
        make_formats::zip_of(&[("[Content_Types].xml", "<Types/>".to_string())]),
    );
    scratch.write("corpus/bomb.docx", zip_bomb());
    let mut huge = String::with_capacity(100 << 20);
    huge.push_str("<p>");
    while huge.len() < 100 << 20 {
        huge.push_str("In 1956 about 4,000 people died. ");
    }
    scratch.write("corpus/huge.html", huge);
}

#[test]
fn bad_documents_in_a_folder_are_warnings_and_skipped() {
    let scratch = Scratch::new("bad-documents");
    bad_corpus(&scratch);
    let run = scratch.run(&["extract", "corpus", "--format", "jsonl"]);
    run.assert_code(0);
    assert_eq!(sources(&run.records()), ["corpus/a.txt", "corpus/a.txt"]);
    let stderr = run.stderr();
    assert_eq!(stderr.lines().count(), 5, "{stderr}");
    for (file, why) in [
        ("bomb.docx", "(at word/document.xml): the archive unpacks to more than the limit of 67108864 bytes (limits.unpacked-bytes in crosscheck.toml)"),
        ("cut.pdf", "malformed or truncated PDF"),
        ("huge.html", "the file is larger than the limit of 67108864 bytes (limits.unpacked-bytes in crosscheck.toml)"),
        ("part-missing.docx", "(at word/document.xml): missing from the archive"),
        ("scan.pdf", "no text layer: 1 page draws no text"),
    ] {
        let line = run.stderr_line(file);
        assert!(
            line.starts_with(&format!("corpus/{file}: warning[unreadable]: cannot read this ")),
            "{line}"
        );
        assert!(line.contains(why), "{line}");
        assert!(line.ends_with("; skipped"), "{line}");
    }
}

#[test]
fn a_bad_document_named_is_an_error() {
    let scratch = Scratch::new("bad-document-named");
    bad_corpus(&scratch);
    let run = scratch.run(&["extract", "corpus/scan.pdf", "corpus/a.txt"]);
    run.assert_code(2);
    assert!(
        run.stderr().starts_with(
            "corpus/scan.pdf: error[unreadable]: cannot read this PDF file: no text layer"
        ),
        "{}",
        run.stderr()
    );
}
