//! A folder of HTML, Markdown, PDF, DOCX, ODT and EPUB documents: each is read by its
//! reader (a PDF also when its name has no extension), its figures come with their
//! places in the document, and `page` is set for the PDF and the EPUB only; the table
//! writes a PDF's place as `file:p.PAGE:LINE:COLUMN`. Plain text keeps `page` null.

use crate::support::{make_formats, Scratch, SAMPLE};

#[test]
fn every_format_in_a_folder_is_read_with_its_places() {
    let scratch = Scratch::new("formats-folder");
    scratch.write("corpus/a.txt", SAMPLE);
    scratch.write("corpus/b.html", make_formats::html(SAMPLE).bytes);
    scratch.write("corpus/c.md", make_formats::markdown(SAMPLE).bytes);
    scratch.write("corpus/d.pdf", make_formats::pdf(SAMPLE).bytes);
    scratch.write("corpus/e.docx", make_formats::docx(SAMPLE).bytes);
    scratch.write("corpus/f.odt", make_formats::odt(SAMPLE).bytes);
    scratch.write("corpus/g.epub", make_formats::epub(SAMPLE).bytes);
    scratch.write("corpus/h-scan", make_formats::pdf(SAMPLE).bytes);
    let run = scratch.run(&["extract", "corpus", "--format", "jsonl"]);
    run.assert_code(0);
    assert_eq!(run.stderr(), "");
    let places: Vec<String> = run
        .records()
        .iter()
        .map(|r| {
            format!(
                "{} {} {}:{} page={}",
                r["source"].as_str().unwrap(),
                r["text"].as_str().unwrap(),
                r["line"],
                r["column"],
                r["page"]
            )
        })
        .collect();
    // "1,436" is at column 23 of the text, "4,000" at 46.
    assert_eq!(
        places,
        [
            "corpus/a.txt 1,436 1:23 page=null",
            "corpus/a.txt 4,000 1:46 page=null",
            // <p> before it, on line 4 of the page (three lines of head).
            "corpus/b.html 1,436 4:26 page=null",
            "corpus/b.html 4,000 4:49 page=null",
            "corpus/c.md 1,436 1:23 page=null",
            "corpus/c.md 4,000 1:46 page=null",
            "corpus/d.pdf 1,436 1:23 page=1",
            "corpus/d.pdf 4,000 1:46 page=1",
            // The paragraph and the character in it.
            "corpus/e.docx 1,436 1:23 page=null",
            "corpus/e.docx 4,000 1:46 page=null",
            "corpus/f.odt 1,436 1:23 page=null",
            "corpus/f.odt 4,000 1:46 page=null",
            // The first chapter, line 4 of its file.
            "corpus/g.epub 1,436 4:26 page=1",
            "corpus/g.epub 4,000 4:49 page=1",
            "corpus/h-scan 1,436 1:23 page=1",
            "corpus/h-scan 4,000 1:46 page=1",
        ]
    );
    let table = scratch.run(&["extract", "corpus/d.pdf", "--format", "table"]);
    table.assert_code(0);
    assert!(
        table.stdout().contains("corpus/d.pdf:p.1:1:23"),
        "{}",
        table.stdout()
    );
}

#[test]
fn csv_has_a_page_column_last() {
    let scratch = Scratch::new("formats-csv");
    scratch.write("d.pdf", make_formats::pdf(SAMPLE).bytes);
    let run = scratch.run(&["extract", "d.pdf", "--format", "csv"]);
    run.assert_code(0);
    let stdout = run.stdout();
    let mut lines = stdout.lines();
    assert!(lines.next().unwrap().ends_with(",canonical_value,page"));
    assert!(lines.next().unwrap().ends_with(",1"), "{stdout}");
}
