//! Located problems in claim files: [`Location`] (where an item was written) and
//! [`Diagnostic`] (what is wrong there), rendered `path:line:column: message`.
//!
//! This module owns only the two records and the byte offset → line:column step;
//! it never prints and never decides exit codes.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::source::Document;

/// Where an item of a claim file starts: 1-based line and character column.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Location {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
}

impl Location {
    /// The location of byte `offset` of `text` (a claim file's contents).
    pub(crate) fn of_offset(path: &Path, text: &Document, offset: usize) -> Location {
        let offset = floor_char_boundary(&text.text, offset);
        let (line, column) = text.line_col(offset);
        Location {
            path: path.to_path_buf(),
            line,
            column,
        }
    }

    /// The start of a file, for problems that have no better place.
    pub(crate) fn file(path: &Path) -> Location {
        Location {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.path.display(), self.line, self.column)
    }
}

/// One problem found while loading claim files.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Diagnostic {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl Diagnostic {
    pub fn new(location: &Location, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            path: location.path.clone(),
            line: location.line,
            column: location.column,
            message: message.into(),
        }
    }

    /// Where the problem is.
    pub fn location(&self) -> Location {
        Location {
            path: self.path.clone(),
            line: self.line,
            column: self.column,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path.display(),
            self.line,
            self.column,
            self.message
        )
    }
}

/// A claim file's text with its path, for turning byte spans into locations.
pub(crate) struct FileText {
    pub path: PathBuf,
    pub text: Document,
}

impl FileText {
    pub fn at(&self, span: &Range<usize>) -> Location {
        Location::of_offset(&self.path, &self.text, span.start)
    }

    /// The location `byte_offset_in_value` bytes into the text of the string value
    /// whose literal is at `span` (past its opening quotes). Exact for strings
    /// without escapes.
    pub fn inside_string(&self, span: &Range<usize>, byte_offset_in_value: usize) -> Location {
        let raw = &self.text.text[span.clone()];
        let quote = if raw.starts_with("\"\"\"") || raw.starts_with("'''") {
            3
        } else if raw.starts_with('"') || raw.starts_with('\'') {
            1
        } else {
            0
        };
        Location::of_offset(
            &self.path,
            &self.text,
            (span.start + quote + byte_offset_in_value).min(span.end),
        )
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}
