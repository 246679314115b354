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
//!
//! The work is cut in three, each file using only those after it: `walk.rs` turns the
//! paths into inputs, `parts.rs` reads one input a part at a time, and `decode.rs` says
//! whether bytes are text and which text. A file in another format (HTML, Markdown,
//! PDF, DOCX, ODT, EPUB: by its extension, or for a PDF or a zip archive by its first
//! bytes) is read whole by its reader in `formats/`, which gives its text and the map
//! back to the file's own places; one that cannot be read is an error when named and a
//! warning when met while walking a folder.

use std::fmt;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::source::Document;

mod decode;
pub mod formats;
mod parts;
mod walk;

pub use decode::{decode, looks_binary, BadUtf8, SNIFF_LEN};
pub use formats::{Format, Limits};
pub use walk::{binary_extension, Documents};

/// Opens a file the user named for reading, never waiting for ever nor reading without
/// end: a regular file, or a pipe (`<(command)`, a FIFO) read until its writers are
/// done; a FIFO that nobody writes to reads as empty instead of waiting. A device
/// (`/dev/zero`, `/dev/urandom`), a socket or a folder is refused with a message.
pub fn open_named(path: &Path) -> io::Result<File> {
    let metadata = std::fs::metadata(path)?;
    if metadata.is_file() {
        return File::open(path);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
        use std::os::unix::io::AsRawFd;
        let kind = metadata.file_type();
        if kind.is_fifo() {
            // Opening without waiting for a writer, then reading as usual: with no
            // writer the first read is the end.
            let file = std::fs::OpenOptions::new()
                .read(true)
                .custom_flags(libc::O_NONBLOCK)
                .open(path)?;
            // SAFETY: F_GETFL and F_SETFL on a descriptor this function owns.
            unsafe {
                let flags = libc::fcntl(file.as_raw_fd(), libc::F_GETFL);
                if flags >= 0 {
                    libc::fcntl(file.as_raw_fd(), libc::F_SETFL, flags & !libc::O_NONBLOCK);
                }
            }
            return Ok(file);
        }
        let what = if metadata.is_dir() {
            "a folder"
        } else if kind.is_char_device() || kind.is_block_device() {
            "a device"
        } else if kind.is_socket() {
            "a socket"
        } else {
            "not a regular file"
        };
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("is {what}, not a file crosscheck can read"),
        ))
    }
    #[cfg(not(unix))]
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        "is not a regular file",
    ))
}

/// The bytes of a file the user named, opened as [`open_named`] opens it.
pub fn read_named(path: &Path) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    io::Read::read_to_end(&mut open_named(path)?, &mut bytes)?;
    Ok(bytes)
}

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
    /// A well-known binary extension such as `.png` or `.zip`.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dash_is_standard_input() {
        assert_eq!(Origin::from_arg("-"), Origin::Stdin);
        assert_eq!(Origin::from_arg("./-"), Origin::Path("./-".into()));
    }
}
