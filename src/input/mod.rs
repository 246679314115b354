//! Which files a list of paths names, and their text.
//!
//! This module owns the edge between the file system and the pure core: it turns the
//! paths a user gave (files, folders, or `-` for standard input) into [`Document`]s,
//! one at a time and in a stable order, and says why anything was left out. Folders are
//! walked recursively in sorted order; hidden entries (names starting with `.`) and
//! binary files met on the way are skipped quietly, and a symbolic link back into a
//! folder already walked is not followed again. A file named explicitly that cannot be
//! used (missing, unreadable, binary, not UTF-8) becomes an [`Error`]. Files are read as
//! bytes and checked for UTF-8 here, so that a bad byte can be located by line and
//! column; a leading byte-order mark is dropped. This module never prints: the CLI
//! decides what to show and which exit status follows.

use std::collections::HashSet;
use std::ffi::OsStr;
use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::source::Document;

/// How many leading bytes are searched for a NUL byte to decide that a file is binary.
pub const SNIFF_LEN: usize = 8 * 1024;

/// Extensions of file types that are never text; compared without regard to case.
const BINARY_EXTENSIONS: &[&str] = &[
    "7z", "a", "avi", "bin", "bmp", "bz2", "class", "db", "deb", "dll", "dmg", "doc", "docx",
    "dylib", "eot", "epub", "exe", "flac", "gif", "gz", "ico", "iso", "jar", "jpeg", "jpg", "lib",
    "m4a", "mkv", "mov", "mp3", "mp4", "o", "obj", "odp", "ods", "odt", "ogg", "otf", "pdf", "png",
    "ppt", "pptx", "psd", "pyc", "rar", "rlib", "rpm", "so", "sqlite", "tar", "tgz", "tif", "tiff",
    "ttf", "war", "wasm", "wav", "webm", "webp", "woff", "woff2", "xls", "xlsx", "xz", "zip",
    "zst",
];

/// One input the user named: a path, or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// `-`: read standard input to its end.
    Stdin,
    /// A file or a folder.
    Path(PathBuf),
}

impl Origin {
    /// The input a command-line argument names: `-` is standard input.
    pub fn from_arg(arg: impl Into<PathBuf>) -> Origin {
        let path = arg.into();
        if path.as_os_str() == "-" {
            Origin::Stdin
        } else {
            Origin::Path(path)
        }
    }
}

/// What walking the inputs yields, in order.
#[derive(Debug)]
pub enum Item {
    /// A text document, ready for extraction.
    Document(Document),
    /// A path met while walking a folder and deliberately left out; not an error.
    Skipped { path: PathBuf, reason: SkipReason },
    /// An input that could not be used: the run goes on with the others and ends with
    /// exit status 2.
    Failed(Error),
}

/// Why a path met while walking a folder was left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// The name starts with `.` (`.git`, `.cache`, ...).
    Hidden,
    /// A well-known binary extension such as `.png` or `.pdf`.
    BinaryExtension(String),
    /// A NUL byte in the first [`SNIFF_LEN`] bytes.
    BinaryContent,
    /// A folder already walked (reached again through a symbolic link).
    AlreadyWalked,
    /// A symbolic link that points nowhere.
    BrokenSymlink,
    /// Neither a regular file nor a folder (a socket, a device, a FIFO).
    NotAFile,
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Hidden => f.write_str("hidden"),
            SkipReason::BinaryExtension(ext) => write!(f, "binary file (.{ext})"),
            SkipReason::BinaryContent => f.write_str("binary file (NUL byte)"),
            SkipReason::AlreadyWalked => f.write_str("folder already walked"),
            SkipReason::BrokenSymlink => f.write_str("symbolic link to nothing"),
            SkipReason::NotAFile => f.write_str("not a regular file"),
        }
    }
}

/// Work still to do, kept on a stack so that a folder's entries come out in order.
#[derive(Debug)]
enum Pending {
    /// An input named by the user.
    Named(Origin),
    /// A path found inside a folder being walked.
    Entry(PathBuf),
}

/// The documents a list of inputs names, read lazily one at a time.
///
/// ```no_run
/// use crosscheck::input::{Documents, Item, Origin};
///
/// for item in Documents::new(vec![Origin::from_arg("seeds")]) {
///     if let Item::Document(document) = item {
///         println!("{}: {} bytes", document.name, document.text.len());
///     }
/// }
/// ```
#[derive(Debug)]
pub struct Documents {
    pending: Vec<Pending>,
    /// Canonical paths of the folders walked so far, so that symbolic links cannot loop.
    walked: HashSet<PathBuf>,
    /// Inputs larger than this come in parts ([`Documents::in_parts`]).
    part_bytes: Option<usize>,
    /// The input being read in parts.
    reading: Option<PartReader>,
}

impl Documents {
    pub fn new(origins: Vec<Origin>) -> Documents {
        Documents {
            pending: origins.into_iter().rev().map(Pending::Named).collect(),
            walked: HashSet::new(),
            part_bytes: None,
            reading: None,
        }
    }

    /// Hands over an input as several documents, parts of at most about `bytes` (the
    /// first of [`FIRST_PART_BYTES`], each next one twice as large), each a part
    /// that ends at a paragraph break ([`crate::split::paragraph_cut`]) and counts
    /// lines in the whole input ([`Document::part`]): the figures are the same as
    /// from the whole, and a huge input is never in memory whole. The parts of one
    /// input come one after another; a part that is not UTF-8 ends the input with
    /// [`Item::Failed`], after the parts before it.
    pub fn in_parts(mut self, bytes: usize) -> Documents {
        self.part_bytes = Some(bytes.max(1));
        self
    }

    /// A file or standard input, whole or (with [`Documents::in_parts`]) its first part.
    /// `Err` when its first bytes cannot be read or show it is binary.
    /// `size` is the input's length where known (a file's), so that a small input is
    /// read into a buffer of its size.
    fn open(
        &mut self,
        name: String,
        path: PathBuf,
        source: Box<dyn Read + Send>,
        size: Option<u64>,
    ) -> Result<Item, Unusable> {
        let mut reader = PartReader {
            name,
            path,
            source,
            buffer: Vec::new(),
            unread: size,
            searched: 0,
            first_line: 0,
            part_bytes: self.part_bytes.unwrap_or(usize::MAX),
            next_part_bytes: self
                .part_bytes
                .map_or(usize::MAX, |bytes| bytes.min(FIRST_PART_BYTES)),
            started: false,
            done: false,
        };
        reader.sniff()?;
        let item = reader
            .next_part()
            .unwrap_or_else(|| Item::Document(Document::new(reader.name.clone(), String::new())));
        if !reader.done {
            self.reading = Some(reader);
        }
        Ok(item)
    }

    /// A file as a document named by its path; `Err` as for [`Documents::open`].
    fn open_file(&mut self, path: &Path) -> Result<Item, Unusable> {
        let file = fs::File::open(path).map_err(Unusable::Io)?;
        let size = file.metadata().ok().map(|metadata| metadata.len());
        self.open(
            path.to_string_lossy().into_owned(),
            path.to_path_buf(),
            Box::new(file),
            size,
        )
    }

    /// Queues the entries of a folder, sorted by name; returns an item when the folder
    /// cannot be walked or has been walked already.
    fn enter_folder(&mut self, path: &Path) -> Option<Item> {
        let canonical = match fs::canonicalize(path) {
            Ok(canonical) => canonical,
            Err(error) => return Some(Item::Failed(Error::from_io(path, error))),
        };
        if !self.walked.insert(canonical) {
            return Some(Item::Skipped {
                path: path.to_path_buf(),
                reason: SkipReason::AlreadyWalked,
            });
        }
        let entries = match fs::read_dir(path) {
            Ok(entries) => entries,
            Err(error) => return Some(Item::Failed(Error::from_io(path, error))),
        };
        let mut names = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => names.push(entry.file_name()),
                Err(error) => return Some(Item::Failed(Error::from_io(path, error))),
            }
        }
        names.sort();
        self.pending.extend(
            names
                .into_iter()
                .rev()
                .map(|name| Pending::Entry(path.join(name))),
        );
        None
    }

    /// The item for a path found inside a folder, or `None` when it was a folder whose
    /// entries are now queued.
    fn entry(&mut self, path: PathBuf) -> Option<Item> {
        let skip = |reason| {
            Some(Item::Skipped {
                path: path.clone(),
                reason,
            })
        };
        if path
            .file_name()
            .is_some_and(|name| name.as_encoded_bytes().starts_with(b"."))
        {
            return skip(SkipReason::Hidden);
        }
        let metadata = match fs::metadata(&path) {
            Ok(metadata) => metadata,
            Err(_) if fs::symlink_metadata(&path).is_ok_and(|m| m.is_symlink()) => {
                return skip(SkipReason::BrokenSymlink)
            }
            Err(error) => return Some(Item::Failed(Error::from_io(path, error))),
        };
        if metadata.is_dir() {
            return self.enter_folder(&path);
        }
        if !metadata.is_file() {
            return skip(SkipReason::NotAFile);
        }
        if let Some(ext) = binary_extension(&path) {
            return skip(SkipReason::BinaryExtension(ext));
        }
        match self.open_file(&path) {
            Ok(item) => Some(item),
            Err(Unusable::Binary) => skip(SkipReason::BinaryContent),
            Err(unusable) => Some(Item::Failed(unusable.into_error(path))),
        }
    }

    /// The item for an input the user named.
    fn named(&mut self, origin: Origin) -> Option<Item> {
        let path = match origin {
            Origin::Stdin => {
                let stdin = Box::new(io::stdin());
                return Some(
                    self.open("-".to_string(), PathBuf::from("-"), stdin, None)
                        .unwrap_or_else(|unusable| Item::Failed(unusable.into_error("-".into()))),
                );
            }
            Origin::Path(path) => path,
        };
        let metadata = match fs::metadata(&path) {
            Ok(metadata) => metadata,
            Err(error) => return Some(Item::Failed(Error::from_io(path, error))),
        };
        if metadata.is_dir() {
            return self.enter_folder(&path);
        }
        if let Some(ext) = binary_extension(&path) {
            return Some(Item::Failed(Error::Binary {
                path,
                reason: format!(".{ext} file"),
            }));
        }
        // Not only regular files: `<(command)` names a pipe, which reads fine.
        Some(
            self.open_file(&path)
                .unwrap_or_else(|unusable| Item::Failed(unusable.into_error(path))),
        )
    }
}

impl Iterator for Documents {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        if let Some(reader) = &mut self.reading {
            let item = reader.next_part();
            if reader.done || item.is_none() {
                self.reading = None;
            }
            if item.is_some() {
                return item;
            }
        }
        while let Some(pending) = self.pending.pop() {
            let item = match pending {
                Pending::Named(origin) => self.named(origin),
                Pending::Entry(path) => self.entry(path),
            };
            if item.is_some() {
                return item;
            }
        }
        None
    }
}

/// Why bytes could not become a document.
#[derive(Debug)]
enum Unusable {
    Io(io::Error),
    Binary,
    Utf8(BadUtf8),
    /// Not UTF-8 in a later part of an input read in parts: the parts before were read.
    Utf8AfterParts(BadUtf8),
}

impl Unusable {
    fn into_error(self, path: PathBuf) -> Error {
        match self {
            Unusable::Io(error) => Error::from_io(path, error),
            Unusable::Binary => Error::Binary {
                path,
                reason: format!("NUL byte in the first {} KiB", SNIFF_LEN / 1024),
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

/// Where the first byte that is not UTF-8 sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadUtf8 {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counting the characters before the byte on its line.
    pub column: usize,
    /// The offending byte.
    pub byte: u8,
}

/// The text of a file's bytes: a leading UTF-8 byte-order mark is dropped, and the first
/// byte that is not UTF-8 is located by line and column.
pub fn decode(mut bytes: Vec<u8>) -> Result<String, BadUtf8> {
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
    }
    utf8(bytes)
}

/// The UTF-8 byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The text of `bytes`, or where the first byte that is not UTF-8 sits.
fn utf8(bytes: Vec<u8>) -> Result<String, BadUtf8> {
    String::from_utf8(bytes).map_err(|error| {
        let valid = error.utf8_error().valid_up_to();
        let bytes = error.as_bytes();
        let line_start = bytes[..valid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |newline| newline + 1);
        let before =
            std::str::from_utf8(&bytes[line_start..valid]).map_or(0, |s| s.chars().count());
        BadUtf8 {
            line: bytes[..valid].iter().filter(|&&b| b == b'\n').count() + 1,
            column: before + 1,
            byte: bytes.get(valid).copied().unwrap_or(0),
        }
    })
}

/// Whether a file's first bytes mark it as binary: a NUL byte in the first [`SNIFF_LEN`].
pub fn looks_binary(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(SNIFF_LEN)].contains(&0)
}

/// The extension of `path` when it is one of the well-known binary ones, in lower case.
pub fn binary_extension(path: &Path) -> Option<String> {
    let ext = path
        .extension()
        .and_then(OsStr::to_str)?
        .to_ascii_lowercase();
    BINARY_EXTENSIONS
        .binary_search(&ext.as_str())
        .is_ok()
        .then_some(ext)
}

/// Bytes read from an input at a time.
const READ_BLOCK: usize = 1 << 20;

/// The size of the first part of an input read in parts.
const FIRST_PART_BYTES: usize = crate::split::PIECE_BYTES;

/// A file or standard input, read a part at a time.
struct PartReader {
    name: String,
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
    done: bool,
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
    /// Reads the first bytes and refuses a binary input without reading the rest.
    fn sniff(&mut self) -> Result<(), Unusable> {
        self.buffer.reserve(self.room(SNIFF_LEN));
        self.read(SNIFF_LEN).map_err(Unusable::Io)?;
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
    fn next_part(&mut self) -> Option<Item> {
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
    use super::*;
    use crate::extract::extract;
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

    #[test]
    fn binary_extensions_are_sorted_for_binary_search() {
        assert!(BINARY_EXTENSIONS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn binary_extension_ignores_case() {
        assert_eq!(
            binary_extension(Path::new("a/Scan.PDF")),
            Some("pdf".to_string())
        );
        assert_eq!(binary_extension(Path::new("notes.txt")), None);
        assert_eq!(binary_extension(Path::new("README")), None);
    }

    #[test]
    fn byte_order_mark_is_dropped() {
        assert_eq!(decode(b"\xEF\xBB\xBFabc".to_vec()), Ok("abc".to_string()));
    }

    #[test]
    fn bad_byte_is_located_by_line_and_character_column() {
        let bad = decode(b"first\nd\xC3\xA9j\xC3\xA0 caf\xE9\n".to_vec()).unwrap_err();
        assert_eq!(
            bad,
            BadUtf8 {
                line: 2,
                column: 9,
                byte: 0xE9
            }
        );
    }

    #[test]
    fn bad_byte_on_first_line_after_byte_order_mark() {
        let bad = decode(b"\xEF\xBB\xBF\xFF".to_vec()).unwrap_err();
        assert_eq!(
            bad,
            BadUtf8 {
                line: 1,
                column: 1,
                byte: 0xFF
            }
        );
    }

    #[test]
    fn truncated_sequence_at_end_is_located() {
        let bad = decode(b"ab\xC3".to_vec()).unwrap_err();
        assert_eq!((bad.line, bad.column, bad.byte), (1, 3, 0xC3));
    }

    #[test]
    fn nul_byte_means_binary_only_near_the_start() {
        assert!(looks_binary(b"PK\x03\x04\x00"));
        assert!(!looks_binary(b"plain text"));
        let mut late = vec![b'a'; SNIFF_LEN];
        late.push(0);
        assert!(!looks_binary(&late));
    }

    #[test]
    fn dash_is_standard_input() {
        assert_eq!(Origin::from_arg("-"), Origin::Stdin);
        assert_eq!(Origin::from_arg("./-"), Origin::Path("./-".into()));
    }
}
