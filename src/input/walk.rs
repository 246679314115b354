//! Walking the inputs: the paths a user named, folders in sorted order, and what is
//! left out on the way (hidden entries, binary files, folders already walked). Each file
//! met becomes an input read by `parts.rs`; this file decides only which files, and what
//! a file that cannot be used becomes.

use std::collections::HashSet;
use std::ffi::OsStr;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::formats::{self, Format, Limits};
use super::parts::{PartReader, Unusable};
use super::{Item, Origin, SkipReason};
use crate::error::Error;
use crate::source::Document;

/// Extensions of file types that are never text and have no reader; compared without
/// regard to case. (`.pdf`, `.docx`, `.odt` and `.epub` have readers: `formats/`.)
const BINARY_EXTENSIONS: &[&str] = &[
    "7z", "a", "avi", "bin", "bmp", "bz2", "class", "db", "deb", "dll", "dmg", "doc", "dylib",
    "eot", "exe", "flac", "gif", "gz", "ico", "iso", "jar", "jpeg", "jpg", "lib", "m4a", "mkv",
    "mov", "mp3", "mp4", "o", "obj", "odp", "ods", "ogg", "otf", "png", "ppt", "pptx", "psd",
    "pyc", "rar", "rlib", "rpm", "so", "sqlite", "tar", "tgz", "tif", "tiff", "ttf", "war", "wasm",
    "wav", "webm", "webp", "woff", "woff2", "xls", "xlsx", "xz", "zip", "zst",
];

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
    /// How much a document in a format with a reader may unpack.
    limits: Limits,
}

impl Documents {
    pub fn new(origins: Vec<Origin>) -> Documents {
        Documents {
            pending: origins.into_iter().rev().map(Pending::Named).collect(),
            walked: HashSet::new(),
            part_bytes: None,
            reading: None,
            limits: Limits::default(),
        }
    }

    /// Reads documents in formats with a reader (PDF, DOCX, ...) within `limits`.
    pub fn with_limits(mut self, limits: Limits) -> Documents {
        self.limits = limits;
        self
    }

    /// A file in a format with a reader, read whole within the limits and turned into
    /// its text. One that cannot be read is an error, or, met while walking a folder
    /// (`walked`), a warning.
    fn convert(&self, path: &Path, format: Format, walked: bool) -> Item {
        let name = path.to_string_lossy().into_owned();
        let failed = |problem: formats::Problem, format: Format| {
            Item::Failed(Error::Document {
                path: path.to_path_buf(),
                format: format.name(),
                place: problem.place,
                message: problem.message,
                walked,
            })
        };
        let mut bytes = Vec::new();
        let read = super::open_named(path).and_then(|file| {
            // One byte past the limit is enough to know it is passed.
            file.take(self.limits.unpacked_bytes.saturating_add(1))
                .read_to_end(&mut bytes)
        });
        if let Err(error) = read {
            return Item::Failed(Error::from_io(path, error));
        }
        match formats::read(format, &bytes, &self.limits) {
            Ok(read) => Item::Document(Document::with_places(name, read.text, read.places)),
            Err(problem) => failed(problem, format),
        }
    }

    /// Hands over an input as several documents, parts of at most about `bytes` (the
    /// first of [`FIRST_PART_BYTES`](super::parts::FIRST_PART_BYTES), each next one
    /// twice as large), each a part that ends at a paragraph break
    /// ([`crate::split::paragraph_cut`]) and counts lines in the whole input
    /// ([`Document::part`]): the figures are the same as from the whole, and a huge
    /// input is never in memory whole. The parts of one input come one after another; a
    /// part that is not UTF-8 ends the input with [`Item::Failed`], after the parts
    /// before it.
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
        let mut reader = PartReader::new(name, path, source, size, self.part_bytes);
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
        let file = super::open_named(path).map_err(Unusable::Io)?;
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
        if let Some(format) = Format::of_extension(&path) {
            return Some(self.convert(&path, format, true));
        }
        if let Some(ext) = binary_extension(&path) {
            return skip(SkipReason::BinaryExtension(ext));
        }
        match self.open_file(&path) {
            Ok(item) => Some(item),
            Err(Unusable::Format(format)) => Some(self.convert(&path, format, true)),
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
        if let Some(format) = Format::of_extension(&path) {
            return Some(self.convert(&path, format, false));
        }
        if let Some(ext) = binary_extension(&path) {
            return Some(Item::Failed(Error::Binary {
                path,
                reason: format!(".{ext} file"),
            }));
        }
        // Not only regular files: `<(command)` names a pipe, which reads fine.
        Some(match self.open_file(&path) {
            Ok(item) => item,
            Err(Unusable::Format(format)) => self.convert(&path, format, false),
            Err(unusable) => Item::Failed(unusable.into_error(path)),
        })
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
            binary_extension(Path::new("a/Scan.PNG")),
            Some("png".to_string())
        );
        assert_eq!(binary_extension(Path::new("notes.txt")), None);
        assert_eq!(binary_extension(Path::new("README")), None);
    }
}
