//! Reading one input a part at a time: a huge file or standard input is handed out in
//! parts that end at paragraph breaks, so it is never in memory whole, and a part's text
//! is checked by `decode.rs`. Also why an input could not become a document
//! ([`Unusable`]), which walking and reading share.

use std::fmt;
use std::io::{self, Read};
use std::path::PathBuf;

use super::decode::{looks_binary, utf8, BadUtf8, BOM, SNIFF_LEN};
use super::Item;
use crate::error::Error;
use crate::source::Document;

/// Why bytes could not become a document.
#[derive(Debug)]
pub(super) enum Unusable {
    Io(io::Error),
    Binary,
    /// The first bytes show a format with a reader of its own (a PDF, a zip archive).
    Format(super::formats::Format),
    Utf8(BadUtf8),
    /// Not UTF-8 in a later part of an input read in parts: the parts before were read.
    Utf8AfterParts(BadUtf8),
}

impl Unusable {
    pub(super) fn into_error(self, path: PathBuf) -> Error {
        match self {
            Unusable::Io(error) => Error::from_io(path, error),
            Unusable::Binary => Error::Binary {
                path,
                reason: format!("NUL byte in the first {} KiB", SNIFF_LEN / 1024),
            },
            Unusable::Format(format) => Error::Binary {
                path,
                reason: format!("{} on standard input: name the file instead", format.name()),
            },
            Unusable::Utf8(bad) | Unusable::Utf8AfterParts(bad) => Error::InvalidUtf8 {
                path,
                line: bad.line,
                column: bad.column,
                byte: bad.byte,
                rest_skipped: matches!(self, Unusable::Utf8AfterParts(_)),
            },
        }
    }
}

/// Bytes read from an input at a time.
const READ_BLOCK: usize = 1 << 20;

/// The size of the first part of an input read in parts.
// pub(super): `Documents::in_parts` names it in its documentation.
pub(super) const FIRST_PART_BYTES: usize = crate::split::PIECE_BYTES;

/// A file or standard input, read a part at a time.
pub(super) struct PartReader {
    pub(super) name: String,
    path: PathBuf,
    source: Box<dyn Read + Send>,
    /// Read and not yet handed out.
    buffer: Vec<u8>,
    /// Bytes of the source not read yet, where its length is known.
    unread: Option<u64>,
    /// Where the search for a cut in `buffer` goes on.
    searched: usize,
    /// Lines handed out so far.
    first_line: usize,
    part_bytes: usize,
    /// The size of the next part: the first parts are small, so that work on them
    /// starts soon, and each is twice the one before, up to `part_bytes`, so that the
    /// reader keeps ahead of the work.
    next_part_bytes: usize,
    /// A part has been handed out.
    started: bool,
    /// Nothing more to hand out.
    pub(super) done: bool,
}

impl fmt::Debug for PartReader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PartReader")
            .field("name", &self.name)
            .field("first_line", &self.first_line)
            .finish_non_exhaustive()
    }
}

impl PartReader {
    /// A reader of `source` (`size` bytes, where known) that hands out parts of at most
    /// about `part_bytes`, or the whole input when `None`.
    pub(super) fn new(
        name: String,
        path: PathBuf,
        source: Box<dyn Read + Send>,
        size: Option<u64>,
        part_bytes: Option<usize>,
    ) -> PartReader {
        PartReader {
            name,
            path,
            source,
            buffer: Vec::new(),
            unread: size,
            searched: 0,
            first_line: 0,
            part_bytes: part_bytes.unwrap_or(usize::MAX),
            next_part_bytes: part_bytes.map_or(usize::MAX, |bytes| bytes.min(FIRST_PART_BYTES)),
            started: false,
            done: false,
        }
    }

    /// Reads the first bytes and refuses a binary input without reading the rest.
    pub(super) fn sniff(&mut self) -> Result<(), Unusable> {
        self.buffer.reserve(self.room(SNIFF_LEN));
        self.read(SNIFF_LEN).map_err(Unusable::Io)?;
        if let Some(format) = super::formats::Format::of_content(&self.buffer) {
            return Err(Unusable::Format(format));
        }
        if looks_binary(&self.buffer) {
            return Err(Unusable::Binary);
        }
        Ok(())
    }

    /// Room to make for reading `bytes` more: no more than the rest of an input of
    /// known length, and one byte to find its end, so that a small file is read
    /// into a buffer of its size (not a read's worth of fresh memory per file).
    fn room(&self, bytes: usize) -> usize {
        self.unread.map_or(bytes, |unread| {
            bytes.min(usize::try_from(unread).map_or(usize::MAX, |unread| unread + 1))
        })
    }

    /// Reads up to `bytes` more into the buffer; `Ok(0)` at the end.
    fn read(&mut self, bytes: usize) -> io::Result<usize> {
        let read = (&mut self.source)
            .take(bytes as u64)
            .read_to_end(&mut self.buffer)?;
        self.unread = self.unread.map(|unread| unread.saturating_sub(read as u64));
        Ok(read)
    }

    /// The next part, or `None` after the last.
    pub(super) fn next_part(&mut self) -> Option<Item> {
        if self.done {
            return None;
        }
        let mut at_end = false;
        loop {
            let part_bytes = self.next_part_bytes;
            if self.buffer.len() > part_bytes {
                let from = self.searched.max(part_bytes);
                match crate::split::paragraph_cut(&self.buffer, from, at_end) {
                    Ok(cut) => {
                        // The next part's buffer holds a whole part from the start.
                        let mut rest =
                            crate::source::spare_buffer(self.part_bytes.saturating_add(READ_BLOCK));
                        rest.extend_from_slice(&self.buffer[cut..]);
                        self.buffer.truncate(cut);
                        let part = std::mem::replace(&mut self.buffer, rest);
                        self.searched = 0;
                        self.next_part_bytes = self.part_bytes.min(part_bytes.saturating_mul(2));
                        return Some(self.document(part));
                    }
                    Err(resume) => self.searched = resume,
                }
            }
            if at_end {
                self.done = true;
                if self.started && self.buffer.is_empty() {
                    return None;
                }
                let part = std::mem::take(&mut self.buffer);
                return Some(self.document(part));
            }
            // An input longer than one read is likely to fill a part: room for the whole
            // part at once, not a copy each time the buffer doubles.
            let whole_part = self.part_bytes.saturating_add(READ_BLOCK);
            if self.buffer.len() >= READ_BLOCK && whole_part < usize::MAX {
                self.buffer
                    .reserve(whole_part.saturating_sub(self.buffer.len()));
            }
            // No more than a part at a time: the first part is handed out as soon as read.
            let read_bytes = READ_BLOCK.min(part_bytes);
            self.buffer.reserve(self.room(read_bytes));
            match self.read(read_bytes) {
                Ok(0) => at_end = true,
                Ok(_) => {}
                Err(error) => {
                    self.done = true;
                    let path = self.path.clone();
                    return Some(Item::Failed(Unusable::Io(error).into_error(path)));
                }
            }
        }
    }

    fn document(&mut self, mut bytes: Vec<u8>) -> Item {
        let first = !self.started;
        if first && bytes.starts_with(BOM) {
            bytes.drain(..BOM.len());
        }
        self.started = true;
        match utf8(bytes) {
            Ok(text) => {
                let part = Document::part(self.name.clone(), text, self.first_line);
                self.first_line += part.line_breaks();
                Item::Document(part)
            }
            Err(mut bad) => {
                bad.line += self.first_line;
                self.done = true;
                let unusable = if first {
                    Unusable::Utf8(bad)
                } else {
                    Unusable::Utf8AfterParts(bad)
                };
                Item::Failed(unusable.into_error(self.path.clone()))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::path::Path;

    use super::*;
    use crate::extract::extract;
    // Parts are asked for the way callers ask: through `Documents::in_parts`.
    use crate::input::{decode, Documents, Origin};
    use crate::report::FigureRecord;

    /// A file of `text` in a fresh temporary folder.
    fn temporary_file(name: &str, text: &[u8]) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("crosscheck-input-{}-{name}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        fs::write(&path, text).unwrap();
        path
    }

    fn parts(path: &Path, bytes: usize) -> Vec<Document> {
        Documents::new(vec![Origin::Path(path.to_path_buf())])
            .in_parts(bytes)
            .map(|item| match item {
                Item::Document(document) => document,
                other => panic!("{other:?}"),
            })
            .collect()
    }

    /// Paragraphs with figures, some hard-wrapped, some starting lower case or with a
    /// digit (where no cut may fall).
    fn long_text() -> String {
        let mut text = String::from("\u{FEFF}");
        for n in 0..400 {
            text.push_str(&format!(
                "In 19{:02} some {n},{:03} people, about {} per cent, were counted.\n\
                 The rest, {} thousand, came later.\n\n",
                n % 100,
                n % 1000,
                n % 90,
                n + 2
            ));
            if n % 7 == 0 {
                text.push_str("and 45 more were found on p.\n\n12 of the report.\n\n");
            }
        }
        text
    }

    #[test]
    fn an_input_in_parts_is_the_whole_input_cut_at_paragraph_breaks() {
        let text = long_text();
        let path = temporary_file("parts.txt", text.as_bytes());
        let parts = parts(&path, 2000);
        assert!(parts.len() > 10, "{}", parts.len());
        let joined: String = parts.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, text.trim_start_matches('\u{FEFF}'));
        let mut line = 0;
        for (n, part) in parts.iter().enumerate() {
            assert_eq!(part.first_line(), line);
            line += part.text.matches('\n').count();
            // Every part but the last ends a line, the next starts with a blank line,
            // and its text starts a sentence.
            if let Some(next) = parts.get(n + 1) {
                assert!(part.text.ends_with('\n'));
                assert!(next.text.starts_with('\n'));
                let first = next.text.trim_start().chars().next().unwrap();
                assert!(!first.is_lowercase() && !first.is_ascii_digit(), "{first}");
            }
        }
        fs::remove_dir_all(path.parent().unwrap()).unwrap();
    }

    #[test]
    fn figures_read_in_parts_are_the_figures_of_the_whole_input() {
        let text = long_text();
        let path = temporary_file("figures.txt", text.as_bytes());
        let whole = Document::new(path.to_string_lossy(), decode(text.into_bytes()).unwrap());
        let whole_figures = extract(&whole.text);
        let expected: Vec<String> = whole_figures
            .iter()
            .map(|f| serde_json::to_string(&FigureRecord::new(&whole, f)).unwrap())
            .collect();
        let mut got = Vec::new();
        for part in parts(&path, 1500) {
            for figure in extract(&part.text) {
                got.push(serde_json::to_string(&FigureRecord::new(&part, &figure)).unwrap());
            }
        }
        assert!(expected.len() > 1000, "{}", expected.len());
        assert_eq!(got, expected);
        fs::remove_dir_all(path.parent().unwrap()).unwrap();
    }

    #[test]
    fn bad_utf8_in_a_later_part_is_located_in_the_whole_input() {
        let mut bytes = long_text().into_bytes();
        let at = bytes.len() - 100;
        let at = at - bytes[..at].iter().rev().position(|&b| b == b'\n').unwrap();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        bytes.insert(at + 3, 0xFF);
        let path = temporary_file("bad.txt", &bytes);
        let items: Vec<Item> = Documents::new(vec![Origin::Path(path.clone())])
            .in_parts(1000)
            .collect();
        assert!(items.len() > 2);
        assert!(items[..items.len() - 1]
            .iter()
            .all(|i| matches!(i, Item::Document(_))));
        match items.last() {
            Some(Item::Failed(Error::InvalidUtf8 {
                line: l,
                column,
                byte,
                rest_skipped,
                ..
            })) => assert_eq!((*l, *column, *byte, *rest_skipped), (line, 4, 0xFF, true)),
            other => panic!("{other:?}"),
        }
        fs::remove_dir_all(path.parent().unwrap()).unwrap();
    }

    #[test]
    fn a_small_file_is_read_into_a_buffer_of_its_size() {
        // Not a read's worth of fresh memory per file: with many small files on
        // several threads, that cost 20,000 page faults per 40 MB.
        let path = temporary_file("small.txt", b"About 4,000 died in 1956.\n");
        let documents: Vec<Item> = Documents::new(vec![Origin::Path(path)])
            .in_parts(crate::split::PART_BYTES)
            .collect();
        let [Item::Document(document)] = &documents[..] else {
            panic!("one document: {documents:?}");
        };
        assert_eq!(document.text, "About 4,000 died in 1956.\n");
        assert!(
            document.text.capacity() < 64,
            "{}",
            document.text.capacity()
        );
    }
}
