//! The text of the XML of a word processor's document (DOCX's WordprocessingML, ODT's
//! OpenDocument text), read with quick-xml: paragraphs, headings, list items, table
//! rows (cells separated by ` | `), tabs, line breaks and footnotes, which come after
//! the body as paragraphs of their own so that a note never cuts a sentence in two.
//!
//! Places: the line is the paragraph, counted from 1 in the order the document's XML
//! has them (a note's paragraphs included, where the note is anchored), and the column
//! counts the characters of the paragraph as read.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::{Flow, Problem};

/// The elements that carry meaning in one format's XML (qualified names as written).
pub(super) struct Dialect {
    pub paragraphs: &'static [&'static str],
    /// Elements whose text is the document's text; empty: any text in a paragraph.
    pub text: &'static [&'static str],
    pub tabs: &'static [&'static str],
    pub breaks: &'static [&'static str],
    /// `text:s`: spaces, as many as its `text:c` says.
    pub spaces: &'static str,
    pub rows: &'static [&'static str],
    pub cells: &'static [&'static str],
    /// Notes read after the body.
    pub notes: &'static [&'static str],
    /// Elements whose text is left out (a note's number, deleted text, field codes).
    pub skipped: &'static [&'static str],
}

/// Reading one document's XML parts into a flow.
pub(super) struct Text {
    pub flow: Flow,
    notes: Flow,
    /// Paragraphs so far, and the column the next character takes.
    paragraph: usize,
    column: usize,
}

impl Text {
    pub(super) fn new() -> Text {
        Text {
            flow: Flow::new(),
            notes: Flow::new(),
            paragraph: 0,
            column: 1,
        }
    }

    /// The body, then the notes.
    pub(super) fn finish(self) -> Flow {
        let mut flow = self.flow;
        flow.paragraph();
        flow.append(self.notes);
        flow
    }

    /// Reads one part (`word/document.xml`): its paragraphs go on the body, its notes
    /// (or the whole part, with `as_notes`) after it.
    pub(super) fn read(
        &mut self,
        part: &str,
        xml: &str,
        dialect: &Dialect,
        as_notes: bool,
    ) -> Result<(), Problem> {
        let mut reader = Reader::from_str(xml);
        let mut in_paragraph = 0usize;
        let mut in_text = 0usize;
        let mut in_note = usize::from(as_notes);
        let mut skipped = 0usize;
        let mut in_cell = 0usize;
        let mut cells_in_row = 0usize;
        loop {
            let event = reader.read_event().map_err(|error| {
                Problem::at(
                    format!("{part}, byte {}", reader.error_position()),
                    format!("malformed XML: {error}"),
                )
            })?;
            let flow = if in_note > 0 {
                &mut self.notes
            } else {
                &mut self.flow
            };
            match event {
                Event::Start(ref element) | Event::Empty(ref element) => {
                    let empty = matches!(event, Event::Empty(_));
                    let name = element.name();
                    let name = name.as_ref();
                    if dialect.paragraphs.contains(&name) {
                        self.paragraph += 1;
                        self.column = 1;
                        if in_cell > 0 && in_note == 0 {
                            flow.space();
                        } else {
                            flow.paragraph();
                        }
                        in_paragraph += usize::from(!empty);
                    } else if dialect.text.contains(&name) {
                        in_text += usize::from(!empty);
                    } else if dialect.tabs.contains(&name) {
                        flow.tab();
                        self.column += 1;
                    } else if dialect.breaks.contains(&name) {
                        flow.line();
                        self.column += 1;
                    } else if name == dialect.spaces {
                        flow.space();
                        self.column += count(element);
                    } else if dialect.rows.contains(&name) {
                        flow.paragraph();
                        cells_in_row = 0;
                    } else if dialect.cells.contains(&name) {
                        if cells_in_row > 0 {
                            flow.cell();
                        }
                        cells_in_row += 1;
                        in_cell += usize::from(!empty);
                    } else if dialect.notes.contains(&name) && !empty {
                        in_note += 1;
                        self.notes.paragraph();
                    } else if dialect.skipped.contains(&name) && !empty {
                        skipped += 1;
                    }
                }
                Event::End(ref element) => {
                    let name = element.name();
                    let name = name.as_ref();
                    if dialect.paragraphs.contains(&name) {
                        in_paragraph = in_paragraph.saturating_sub(1);
                        if in_cell == 0 || in_note > 0 {
                            flow.paragraph();
                        }
                    } else if dialect.text.contains(&name) {
                        in_text = in_text.saturating_sub(1);
                    } else if dialect.cells.contains(&name) {
                        in_cell = in_cell.saturating_sub(1);
                    } else if dialect.rows.contains(&name) {
                        flow.paragraph();
                    } else if dialect.notes.contains(&name) {
                        in_note = in_note.saturating_sub(1).max(usize::from(as_notes));
                        self.notes.paragraph();
                    } else if dialect.skipped.contains(&name) {
                        skipped = skipped.saturating_sub(1);
                    }
                }
                Event::Text(ref text) => {
                    let shown = in_paragraph > 0
                        && skipped == 0
                        && (dialect.text.is_empty() || in_text > 0);
                    if shown {
                        let text = text.xml10_content();
                        self.show(&text, in_note > 0);
                    }
                }
                Event::CData(ref text) => {
                    if in_paragraph > 0 && skipped == 0 {
                        let text: &str = text.as_ref();
                        let text = text.to_string();
                        self.show(&text, in_note > 0);
                    }
                }
                Event::GeneralRef(ref reference) => {
                    let shown = in_paragraph > 0
                        && skipped == 0
                        && (dialect.text.is_empty() || in_text > 0);
                    if shown {
                        let c = match reference.resolve_char_ref() {
                            Ok(Some(c)) => Some(c),
                            _ => match reference.as_ref() {
                                "amp" => Some('&'),
                                "lt" => Some('<'),
                                "gt" => Some('>'),
                                "quot" => Some('"'),
                                "apos" => Some('\''),
                                _ => None,
                            },
                        };
                        if let Some(c) = c {
                            self.show(c.encode_utf8(&mut [0; 4]), in_note > 0);
                        }
                    }
                }
                Event::Eof => break,
                Event::Decl(_) | Event::PI(_) | Event::DocType(_) | Event::Comment(_) => {}
            }
        }
        Ok(())
    }

    /// Text of the current paragraph, its white space collapsed.
    fn show(&mut self, text: &str, note: bool) {
        let flow = if note {
            &mut self.notes
        } else {
            &mut self.flow
        };
        for word in super::split_white(text) {
            if !word.starts_with(char::is_whitespace) {
                flow.text(word, self.paragraph, self.column, 0);
            } else if word.contains('\t') {
                flow.tab();
            } else {
                flow.space();
            }
            self.column += word.chars().count();
        }
    }
}

/// `text:c` of a `text:s` element: how many spaces (1 when absent).
fn count(element: &BytesStart) -> usize {
    element
        .try_get_attribute("text:c")
        .ok()
        .flatten()
        .and_then(|attribute| attribute.value.parse().ok())
        .map_or(1, |count: usize| count.clamp(1, 1_000))
}
