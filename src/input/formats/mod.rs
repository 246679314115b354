//! Documents that are not plain text: which format a file is in, and its readers.
//!
//! A reader turns the bytes of an HTML, Markdown, PDF, Word (DOCX), OpenDocument (ODT)
//! or EPUB file into the text the extractor reads, with a map from that text back to
//! the document's own places ([`crate::source::Places`]). The format is chosen by the
//! file's extension, and for a file whose extension says nothing, by its first bytes
//! (`%PDF-`, a zip archive); plain text never reaches a reader, so choosing costs a
//! plain-text file one look at its extension and its first bytes. A reader never
//! panics, hangs or grows without bound on bad input: what it cannot read comes back
//! as a [`Problem`] naming the place and, when a limit was reached, the limit
//! ([`Limits`]). Readers do no I/O: they get the file's bytes.
//!
//! One file per format: `html.rs`, `markdown.rs`, `pdf.rs`, `docx.rs`, `odt.rs`,
//! `epub.rs` (`pdf_filters.rs` unpacks a PDF's streams within the limit); `zipped.rs` reads the members of a zip archive within the limits and
//! `xml.rs` the text of the XML of DOCX and ODT. What they share, the text they
//! build ([`Flow`]) and a walk through a source's lines ([`Cursor`]), is here.

mod docx;
mod epub;
mod html;
mod markdown;
mod odt;
mod pdf;
mod pdf_filters;
mod xml;
mod zipped;

use std::ffi::OsStr;
use std::fmt;
use std::path::Path;

use crate::source::{Places, PlacesBuilder};

/// A format crosscheck reads besides plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Markdown,
    Pdf,
    Docx,
    Odt,
    Epub,
}

impl Format {
    /// The format an extension names (any case), if any.
    pub fn of_extension(path: &Path) -> Option<Format> {
        const EXTENSIONS: [(&str, Format); 9] = [
            ("html", Format::Html),
            ("htm", Format::Html),
            ("xhtml", Format::Html),
            ("md", Format::Markdown),
            ("markdown", Format::Markdown),
            ("pdf", Format::Pdf),
            ("docx", Format::Docx),
            ("odt", Format::Odt),
            ("epub", Format::Epub),
        ];
        // No allocation: this runs for every file of a corpus of plain text.
        let ext = path.extension().and_then(OsStr::to_str)?;
        EXTENSIONS
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(ext))
            .map(|&(_, format)| format)
    }

    /// The format a file's first bytes show, for a file whose extension names none:
    /// a PDF, or a zip archive (whose members then say DOCX, ODT or EPUB).
    pub fn of_content(head: &[u8]) -> Option<Format> {
        if head.starts_with(b"%PDF-") {
            Some(Format::Pdf)
        } else if head.starts_with(b"PK\x03\x04") {
            // Which kind of archive is settled when it is opened.
            Some(Format::Docx)
        } else {
            None
        }
    }

    /// The format's name in messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::Html => "HTML",
            Format::Markdown => "Markdown",
            Format::Pdf => "PDF",
            Format::Docx => "DOCX",
            Format::Odt => "ODT",
            Format::Epub => "EPUB",
        }
    }
}

/// How much a reader may unpack and read: past a limit, the document is skipped with a
/// warning that names the limit and the setting that raises it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Bytes a document may hold or unpack to: the file itself, each zip member and
    /// PDF stream once decompressed, and the text read. `limits.unpacked-bytes` in
    /// `crosscheck.toml`.
    pub unpacked_bytes: u64,
    /// Pages of a PDF read at most. `limits.pages` in `crosscheck.toml`.
    pub pages: usize,
}

impl Limits {
    pub const DEFAULT_UNPACKED_BYTES: u64 = 64 << 20;
    pub const DEFAULT_PAGES: usize = 5_000;
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            unpacked_bytes: Limits::DEFAULT_UNPACKED_BYTES,
            pages: Limits::DEFAULT_PAGES,
        }
    }
}

/// Why a document could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where in the document, as a place is written (`p.3`, `word/document.xml`),
    /// when the problem has one.
    pub place: Option<String>,
    pub message: String,
}

impl Problem {
    pub fn new(message: impl Into<String>) -> Problem {
        Problem {
            place: None,
            message: message.into(),
        }
    }

    pub fn at(place: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            place: Some(place.into()),
            message: message.into(),
        }
    }

    /// The problem of a document larger than `limits.unpacked-bytes`.
    pub fn too_large(what: &str, limits: &Limits) -> Problem {
        Problem::new(format!(
            "{what} is larger than the limit of {} bytes (limits.unpacked-bytes in crosscheck.toml)",
            limits.unpacked_bytes
        ))
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.place {
            Some(place) => write!(f, "{place}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// What a reader makes of a document: its text and where the text sits in it.
#[derive(Debug)]
pub struct Read {
    pub text: String,
    pub places: Places,
    /// The format the document turned out to be in (an archive named by its content
    /// may be an ODT or an EPUB).
    pub format: Format,
}

/// Reads a document in `format` from its bytes.
pub fn read(format: Format, bytes: &[u8], limits: &Limits) -> Result<Read, Problem> {
    if bytes.len() as u64 > limits.unpacked_bytes {
        return Err(Problem::too_large("the file", limits));
    }
    let (format, built) = match format {
        Format::Html => (format, html::read(&text_of(bytes)?, limits)?),
        Format::Markdown => (format, markdown::read(&text_of(bytes)?, limits)?),
        Format::Pdf => (format, pdf::read(bytes, limits)?),
        Format::Docx | Format::Odt | Format::Epub => {
            let mut archive = zipped::Archive::open(bytes, limits)?;
            match archive.kind(format) {
                Format::Odt => (Format::Odt, odt::read(&mut archive)?),
                Format::Epub => (Format::Epub, epub::read(&mut archive, limits)?),
                _ => (Format::Docx, docx::read(&mut archive)?),
            }
        }
    };
    if built.len() as u64 > limits.unpacked_bytes {
        return Err(Problem::too_large("the text read", limits));
    }
    let (text, places) = built.finish();
    Ok(Read {
        text,
        places,
        format,
    })
}

/// The text of a file in a text format (HTML, Markdown): UTF-8, a byte-order mark
/// dropped.
fn text_of(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>, Problem> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.into()),
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = valid
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |newline| newline + 1);
            let column = String::from_utf8_lossy(&valid[line_start..])
                .chars()
                .count()
                + 1;
            Err(Problem::at(
                format!("{line}:{column}"),
                format!(
                    "not valid UTF-8 (byte 0x{:02X})",
                    bytes.get(error.valid_up_to()).copied().unwrap_or(0)
                ),
            ))
        }
    }
}

/// The break pending before the next text: text that follows a block's end starts a
/// new paragraph, white space between words becomes one space.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Pending {
    Nothing,
    Space,
    /// White space with a tab in it: kept a tab, which sets off a table of contents'
    /// page number as in plain text.
    Tab,
    Cell,
    Line,
    Paragraph,
}

/// The text a reader builds from a document's visible text: blocks become paragraphs
/// (a blank line between them, as in a plain-text document), runs of white space one
/// space, and each character keeps its place in the document.
#[derive(Debug)]
pub(super) struct Flow {
    built: PlacesBuilder,
    pending: Pending,
}

impl Flow {
    fn new() -> Flow {
        Flow {
            built: PlacesBuilder::new(),
            pending: Pending::Nothing,
        }
    }

    fn wait(&mut self, pending: Pending) {
        self.pending = self.pending.max(pending);
    }

    /// What follows starts a new paragraph.
    fn paragraph(&mut self) {
        self.wait(Pending::Paragraph);
    }

    /// What follows starts a new line of the same paragraph.
    fn line(&mut self) {
        self.wait(Pending::Line);
    }

    /// What follows is in the next cell of a table's row.
    fn cell(&mut self) {
        self.wait(Pending::Cell);
    }

    /// White space: one space between words.
    fn space(&mut self) {
        self.wait(Pending::Space);
    }

    /// A tab, or white space with one in it.
    fn tab(&mut self) {
        self.wait(Pending::Tab);
    }

    /// Writes the pending break, unless nothing was written yet.
    fn flush(&mut self) {
        if !self.built.is_empty() {
            match self.pending {
                Pending::Nothing => {}
                Pending::Space => self.built.push_added(" "),
                Pending::Tab => self.built.push_added("\t"),
                Pending::Cell => self.built.push_added(" | "),
                Pending::Line => self.built.push_added("\n"),
                Pending::Paragraph => self.built.push_added("\n\n"),
            }
        }
        self.pending = Pending::Nothing;
    }

    /// Text copied from the document at `line`:`column` (of `page`, 0 for none),
    /// without white space that should collapse: on one line of the document.
    fn text(&mut self, piece: &str, line: usize, column: usize, page: usize) {
        if piece.is_empty() {
            return;
        }
        self.flush();
        self.built.push_at(piece, line, column, page);
    }

    /// Text copied from `source` at `cursor`, on `page` (0: none), its white space
    /// collapsed: each run of white space becomes one pending space. The cursor is left
    /// past it.
    fn collapsed_on(&mut self, piece: &str, cursor: &mut Cursor, page: usize) {
        for word in split_white(piece) {
            if word.starts_with(char::is_whitespace) {
                if word.contains('\t') {
                    self.tab();
                } else {
                    self.space();
                }
                cursor.skip(word);
            } else {
                let (line, column) = cursor.at();
                self.text(word, line, column, page);
                cursor.skip(word);
            }
        }
    }

    /// Appends another flow's text (a document's notes, after its body).
    fn append(&mut self, other: Flow) {
        if other.built.is_empty() {
            return;
        }
        self.paragraph();
        self.flush();
        self.built.append(other.built);
    }

    fn finish(self) -> PlacesBuilder {
        self.built
    }
}

/// `text` cut into runs of white space and runs of anything else.
fn split_white(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let white = rest.chars().next()?.is_whitespace();
        let end = rest
            .find(|c: char| c.is_whitespace() != white)
            .unwrap_or(rest.len());
        let (run, after) = rest.split_at(end);
        rest = after;
        Some(run)
    })
}

/// A position in a source text moving forward: its byte offset, 1-based line and
/// character column, kept up to date as it moves so that a long line is counted once.
#[derive(Debug)]
pub(super) struct Cursor<'s> {
    source: &'s str,
    offset: usize,
    line: usize,
    column: usize,
}

impl<'s> Cursor<'s> {
    fn new(source: &'s str) -> Cursor<'s> {
        Cursor {
            source,
            offset: 0,
            line: 1,
            column: 1,
        }
    }

    /// Line and column of the cursor.
    fn at(&self) -> (usize, usize) {
        (self.line, self.column)
    }

    fn rest(&self) -> &'s str {
        &self.source[self.offset..]
    }

    /// Moves to byte `offset` (clamped to the source and moved back to a character
    /// boundary); moving back starts over from the beginning.
    fn move_to(&mut self, offset: usize) {
        let mut offset = offset.min(self.source.len());
        while !self.source.is_char_boundary(offset) {
            offset -= 1;
        }
        if offset < self.offset {
            *self = Cursor::new(self.source);
        }
        for c in self.source[self.offset..offset].chars() {
            if c == '\n' {
                self.line += 1;
                self.column = 1;
            } else {
                self.column += 1;
            }
        }
        self.offset = offset;
    }

    /// Moves past `text`, which the source has at the cursor.
    fn skip(&mut self, text: &str) {
        self.move_to(self.offset + text.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension_and_content() {
        assert_eq!(
            Format::of_extension(Path::new("a/Book.PDF")),
            Some(Format::Pdf)
        );
        assert_eq!(
            Format::of_extension(Path::new("notes.md")),
            Some(Format::Markdown)
        );
        assert_eq!(Format::of_extension(Path::new("notes.txt")), None);
        assert_eq!(Format::of_content(b"%PDF-1.7\n"), Some(Format::Pdf));
        assert_eq!(Format::of_content(b"In 1956 some"), None);
    }

    #[test]
    fn a_cursor_counts_characters_and_lines() {
        let mut cursor = Cursor::new("ab\nпривет 42");
        cursor.move_to(cursor.source.find("42").unwrap());
        assert_eq!(cursor.at(), (2, 8));
        cursor.move_to(1);
        assert_eq!(cursor.at(), (1, 2));
    }

    #[test]
    fn a_file_larger_than_the_limit_is_refused_naming_the_setting() {
        let limits = Limits {
            unpacked_bytes: 10,
            pages: 1,
        };
        let problem = read(Format::Html, b"<p>12345678901</p>", &limits).unwrap_err();
        assert!(
            problem.message.contains("limits.unpacked-bytes"),
            "{problem}"
        );
    }
}
