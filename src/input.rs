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
}

impl Documents {
    pub fn new(origins: Vec<Origin>) -> Documents {
        Documents {
            pending: origins.into_iter().rev().map(Pending::Named).collect(),
            walked: HashSet::new(),
        }
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
        match read_file(&path) {
            Ok(document) => Some(Item::Document(document)),
            Err(Unusable::Binary) => skip(SkipReason::BinaryContent),
            Err(unusable) => Some(Item::Failed(unusable.into_error(path))),
        }
    }

    /// The item for an input the user named.
    fn named(&mut self, origin: Origin) -> Option<Item> {
        let path = match origin {
            Origin::Stdin => return Some(read_stdin()),
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
        Some(match read_file(&path) {
            Ok(document) => Item::Document(document),
            Err(unusable) => Item::Failed(unusable.into_error(path)),
        })
    }
}

impl Iterator for Documents {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
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
}

impl Unusable {
    fn into_error(self, path: PathBuf) -> Error {
        match self {
            Unusable::Io(error) => Error::from_io(path, error),
            Unusable::Binary => Error::Binary {
                path,
                reason: format!("NUL byte in the first {} KiB", SNIFF_LEN / 1024),
            },
            Unusable::Utf8(bad) => Error::InvalidUtf8 {
                path,
                line: bad.line,
                column: bad.column,
                byte: bad.byte,
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
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
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

/// Reads a file as a document named by its path, refusing it once its first bytes show
/// it is binary (without reading the rest).
fn read_file(path: &Path) -> Result<Document, Unusable> {
    let mut file = fs::File::open(path).map_err(Unusable::Io)?;
    let mut bytes = Vec::new();
    (&mut file)
        .take(SNIFF_LEN as u64)
        .read_to_end(&mut bytes)
        .map_err(Unusable::Io)?;
    if looks_binary(&bytes) {
        return Err(Unusable::Binary);
    }
    file.read_to_end(&mut bytes).map_err(Unusable::Io)?;
    let text = decode(bytes).map_err(Unusable::Utf8)?;
    Ok(Document::new(path.to_string_lossy(), text))
}

/// Reads standard input to its end as the document `-`.
fn read_stdin() -> Item {
    let mut bytes = Vec::new();
    let result = if let Err(error) = io::stdin().lock().read_to_end(&mut bytes) {
        Err(Unusable::Io(error))
    } else if looks_binary(&bytes) {
        Err(Unusable::Binary)
    } else {
        decode(bytes).map_err(Unusable::Utf8)
    };
    match result {
        Ok(text) => Item::Document(Document::new("-", text)),
        Err(unusable) => Item::Failed(unusable.into_error(PathBuf::from("-"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
