//! ODT (OpenDocument text, LibreOffice's own format): paragraphs, headings, lists and
//! tables from `content.xml`; footnotes and endnotes (`text:note`) come after the body.
//! Places: the paragraph (counted in `content.xml`'s order, notes' paragraphs where the
//! note is anchored) and the character in it.

use super::xml::{Dialect, Text};
use super::zipped::Archive;
use super::Problem;
use crate::source::PlacesBuilder;

const OPEN_DOCUMENT: Dialect = Dialect {
    paragraphs: &["text:p", "text:h"],
    text: &[],
    tabs: &["text:tab"],
    breaks: &["text:line-break"],
    spaces: "text:s",
    rows: &["table:table-row"],
    cells: &["table:table-cell"],
    notes: &["text:note-body"],
    skipped: &["text:note-citation", "text:tracked-changes"],
};

pub(super) fn read(archive: &mut Archive) -> Result<PlacesBuilder, Problem> {
    let mut text = Text::new();
    let content = archive.text("content.xml")?;
    text.read("content.xml", &content, &OPEN_DOCUMENT, false)?;
    Ok(text.finish().finish())
}
