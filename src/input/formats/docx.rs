//! DOCX (Word 2007 and later): the body's paragraphs and tables, then its footnotes
//! and endnotes, read from `word/document.xml`, `word/footnotes.xml` and
//! `word/endnotes.xml`. Places: the paragraph (counted through the body, then the
//! footnotes, then the endnotes) and the character in it.

use super::xml::{Dialect, Text};
use super::zipped::Archive;
use super::Problem;
use crate::source::PlacesBuilder;

const WORD: Dialect = Dialect {
    paragraphs: &["w:p"],
    text: &["w:t"],
    tabs: &["w:tab"],
    breaks: &["w:br", "w:cr"],
    spaces: "w:spaces-none",
    rows: &["w:tr"],
    cells: &["w:tc"],
    notes: &[],
    skipped: &["w:delText", "w:instrText"],
};

pub(super) fn read(archive: &mut Archive) -> Result<PlacesBuilder, Problem> {
    let mut text = Text::new();
    let body = archive.text("word/document.xml")?;
    text.read("word/document.xml", &body, &WORD, false)?;
    for part in ["word/footnotes.xml", "word/endnotes.xml"] {
        if archive.has(part) {
            let notes = archive.text(part)?;
            text.read(part, &notes, &WORD, true)?;
        }
    }
    Ok(text.finish().finish())
}
