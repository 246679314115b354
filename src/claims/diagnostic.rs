//! Where in a claim file a problem is: byte spans of the TOML turned into
//! [`Location`]s for [`crate::diag::Diagnostic`]s. It never prints and never decides
//! exit codes.

use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::diag::Location;
use crate::source::Document;

/// The location of byte `offset` of `text` (a claim file's contents).
pub(crate) fn location_of_offset(path: &Path, text: &Document, offset: usize) -> Location {
    let offset = floor_char_boundary(&text.text, offset);
    let (line, column) = text.line_col(offset);
    Location {
        path: path.to_path_buf(),
        line,
        column,
    }
}

/// A claim file's text with its path, for turning byte spans into locations.
pub(crate) struct FileText {
    pub path: PathBuf,
    pub text: Document,
}

impl FileText {
    pub fn at(&self, span: &Range<usize>) -> Location {
        location_of_offset(&self.path, &self.text, span.start)
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
        location_of_offset(
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
