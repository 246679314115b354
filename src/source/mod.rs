//! A document: where it came from, its text, and the map from byte offsets to
//! 1-based line and column (columns count characters, not bytes).
//!
//! Everything else in crosscheck keeps byte spans; only rendering asks this
//! module for line:column. A document is shared, unchanged, by the threads that
//! extract and render its pieces. Also here: how document paths are compared
//! ([`DocumentPath`]) and how quoted text is shown ([`collapse_whitespace`]).

mod path;
mod places;
mod spare;
mod whitespace;

use std::ops::Range;

pub use path::DocumentPath;
pub use places::{Place, Places, PlacesBuilder};
pub use spare::spare_buffer;
pub use whitespace::{
    collapse_whitespace, collapse_whitespace_into, collapsed_offset, is_collapsed, CollapsedCount,
};

/// A text document held in memory with an index of its line starts.
#[derive(Debug, Clone)]
pub struct Document {
    /// The name shown to the user: the path as given, or `-` for standard input.
    pub name: String,
    pub text: String,
    line_starts: Vec<usize>,
    /// Lines of the whole input before this text, when it is a part of a larger one.
    first_line: usize,
    /// For a document that is not plain text: where its text sits in the document.
    places: Option<Places>,
}

impl Document {
    pub fn new(name: impl Into<String>, text: String) -> Document {
        let line_starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        Document {
            name: name.into(),
            text,
            line_starts,
            first_line: 0,
            places: None,
        }
    }

    /// The text read from a document that is not plain text, with the map back to the
    /// document's own places: lines, columns and pages are the document's.
    pub fn with_places(name: impl Into<String>, text: String, places: Places) -> Document {
        let mut document = Document::new(name, text);
        document.places = Some(places);
        document
    }

    /// The page of a byte offset, in a paged document (PDF); `None` elsewhere.
    pub fn page(&self, offset: usize) -> Option<usize> {
        self.places.as_ref()?.page(offset)
    }

    /// Whether lines and columns are those of a document the text was read from (HTML,
    /// PDF, ...), not of the text itself.
    pub fn is_converted(&self) -> bool {
        self.places.is_some()
    }

    /// A part of a larger input that starts at the beginning of its line `first_line + 1`:
    /// lines and columns are counted in the whole input.
    pub fn part(name: impl Into<String>, text: String, first_line: usize) -> Document {
        let mut document = Document::new(name, text);
        document.first_line = first_line;
        document
    }

    /// Line breaks in this text.
    pub fn line_breaks(&self) -> usize {
        self.line_starts.len() - 1
    }

    /// Lines of the whole input before this text (0 unless it is a part).
    pub fn first_line(&self) -> usize {
        self.first_line
    }

    /// 1-based line and 1-based character column of a byte offset. For many offsets in
    /// order, [`Document::positions`] is faster on long lines.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.positions().line_col(offset)
    }

    /// The 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        if self.places.is_some() {
            return self.line_col(offset).0;
        }
        self.first_line + self.line_index(offset) + 1
    }

    /// Line and column of offsets asked one after another.
    pub fn positions(&self) -> Positions<'_> {
        Positions {
            document: self,
            last: (0, 0, 1),
            last_place: None,
        }
    }

    /// The 0-based index in this text of the line holding a byte offset.
    fn line_index(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// The whole line (without its newline) holding a byte offset.
    pub fn line_text(&self, offset: usize) -> &str {
        let line_index = self.line_index(offset);
        let start = self.line_starts[line_index];
        let end = self
            .line_starts
            .get(line_index + 1)
            .map_or(self.text.len(), |next| next - 1);
        self.text[start..end].trim_end_matches('\r')
    }

    /// The text of line `line` (1-based, counted in this text), without its line break.
    pub fn numbered_line(&self, line: usize) -> Option<&str> {
        let start = *self.line_starts.get(line.checked_sub(1)?)?;
        let end = self
            .line_starts
            .get(line)
            .map_or(self.text.len(), |next| next - 1);
        Some(self.text[start..end].trim_end_matches('\r'))
    }

    /// The text, taken out of the document.
    pub fn into_text(mut self) -> String {
        std::mem::take(&mut self.text)
    }

    pub fn slice(&self, span: Range<usize>) -> &str {
        &self.text[span]
    }
}

/// A document's text buffer goes back to the spare buffers for the next part of a large
/// input to be read into.
impl Drop for Document {
    fn drop(&mut self) {
        spare::give_back(std::mem::take(&mut self.text).into_bytes());
    }
}

/// Line and column of offsets in one document, asked mostly in order: an offset
/// further along the line last asked about is counted on from there, not from the
/// line's start, so the figures of a single huge line cost one pass over it, not one
/// per figure.
#[derive(Debug)]
pub struct Positions<'a> {
    document: &'a Document,
    /// The last position asked for: offset, line index, column.
    last: (usize, usize, usize),
    /// In a converted document, the last place asked for: anchor, offset, column.
    last_place: Option<(usize, usize, usize)>,
}

impl Positions<'_> {
    /// 1-based line and 1-based character column of a byte offset.
    pub fn line_col(&mut self, offset: usize) -> (usize, usize) {
        let place = self.place(offset);
        (place.line, place.column)
    }

    /// The place of a byte offset: line, column and, in a paged document, page.
    pub fn place(&mut self, offset: usize) -> Place {
        let document = self.document;
        if let Some(places) = &document.places {
            let (place, anchor) = places.place(&document.text, offset, self.last_place);
            self.last_place = Some((anchor, offset, place.column));
            return place;
        }
        let (last_offset, last_line, last_column) = self.last;
        // Most offsets asked for are on the line of the one before.
        let on_last_line = document.line_starts[last_line] <= offset
            && document
                .line_starts
                .get(last_line + 1)
                .is_none_or(|&next| offset < next);
        let line_index = if on_last_line {
            last_line
        } else {
            document.line_index(offset)
        };
        let column = if last_line == line_index && last_offset <= offset {
            last_column + document.text[last_offset..offset].chars().count()
        } else {
            let start = document.line_starts[line_index];
            document.text[start..offset].chars().count() + 1
        };
        self.last = (offset, line_index, column);
        Place {
            line: document.first_line + line_index + 1,
            column,
            page: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters_not_bytes() {
        let doc = Document::new("t", "ab\nпривет 42\n".to_string());
        let offset = doc.text.find("42").unwrap();
        assert_eq!(doc.line_col(offset), (2, 8));
    }

    #[test]
    fn positions_asked_out_of_order_are_right() {
        let doc = Document::new("t", "é 12 345 67\nx 8".to_string());
        let at = |s: &str| doc.text.find(s).unwrap();
        let mut positions = doc.positions();
        assert_eq!(positions.line_col(at("67")), (1, 10));
        assert_eq!(positions.line_col(at("12")), (1, 3));
        assert_eq!(positions.line_col(at("345")), (1, 6));
        assert_eq!(positions.line_col(at("8")), (2, 3));
        assert_eq!(positions.line_col(at("67")), (1, 10));
    }

    #[test]
    fn line_of_an_offset_counts_lines_of_the_whole_input() {
        let doc = Document::part("t", "a\nb\nc".to_string(), 10);
        assert_eq!(doc.line(0), 11);
        assert_eq!(doc.line(2), 12);
        assert_eq!(doc.line(4), 13);
    }

    #[test]
    fn a_part_counts_lines_in_the_whole_input() {
        let doc = Document::part("t", "x\n  42".to_string(), 1000);
        assert_eq!(doc.line_col(doc.text.find("42").unwrap()), (1002, 3));
    }

    #[test]
    fn first_character_is_line_one_column_one() {
        let doc = Document::new("t", "42".to_string());
        assert_eq!(doc.line_col(0), (1, 1));
    }
}
