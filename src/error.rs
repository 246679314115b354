//! Errors the user must see: each names the file and, where it can, the line and column.
//!
//! This module owns the wording of user-facing problems (a path that does not exist, a
//! file that is binary or not UTF-8, a failed read). It formats them and nothing more:
//! printing them and choosing the exit status is the CLI's job. Every variant here
//! means exit status 2 (a usage, configuration or input error), but for a document met
//! while walking a folder that could not be read ([`Error::is_warning`]): a warning, the
//! file skipped.

use std::io;
use std::ops::Range;
use std::path::PathBuf;

use crate::diag::{Code, Diagnostic, Location};
use crate::source::Document;

/// An input or usage problem: exit status 2.
///
/// `path` is the path as the user gave it (or as found while walking a folder given by
/// the user); standard input is shown as `-`.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A problem described in words, for cases no other variant fits.
    #[error("{path}: {message}")]
    Input { path: PathBuf, message: String },

    /// The path names nothing (or a symbolic link that points nowhere).
    #[error("{path}: No such file or directory")]
    NotFound { path: PathBuf },

    /// The operating system refused to read the path (permissions, I/O error, ...).
    #[error("{path}: {}", io_message(.source))]
    Read { path: PathBuf, source: io::Error },

    /// The file looks binary: a well-known binary extension or a NUL byte near its start.
    #[error("{path}: looks like a binary file ({reason}); skipped")]
    Binary { path: PathBuf, reason: String },

    /// The file is not valid UTF-8; `line` and `column` (1-based, column in characters)
    /// locate the first byte that is not. A large input read in parts has had the parts
    /// before that byte's part read already (`rest_skipped`): only the rest is skipped.
    #[error("{path}:{line}:{column}: not valid UTF-8 (byte 0x{byte:02X}); {}", what_is_skipped(.rest_skipped))]
    InvalidUtf8 {
        path: PathBuf,
        line: usize,
        column: usize,
        byte: u8,
        rest_skipped: bool,
    },

    /// A document in a format crosscheck reads (HTML, Markdown, PDF, DOCX, ODT, EPUB)
    /// that could not be read: malformed, truncated, encrypted, without a text layer, or
    /// past a limit. `place` locates the problem inside the file where it can (`p.3`,
    /// `12:5`, `word/document.xml`). Met while walking a folder (`walked`), it is a
    /// warning and the run goes on; named by the user, exit status 2.
    #[error("{path}: cannot read this {format} file{}: {message}; skipped", place_suffix(.place))]
    Document {
        path: PathBuf,
        format: &'static str,
        place: Option<String>,
        message: String,
        walked: bool,
    },

    /// A numeral in a document too large to hold a value ("1" and 400 zeros): no
    /// figure can be made of it, and it is left out.
    #[error("{path}:{line}:{column}: a number of {digits} digits is too large to read; left out")]
    NumberTooLarge {
        path: PathBuf,
        line: usize,
        column: usize,
        digits: usize,
    },
}

impl Error {
    /// A warning rather than an error: the input was skipped and the exit status stays.
    pub fn is_warning(&self) -> bool {
        matches!(self, Error::Document { walked: true, .. })
    }

    /// The error for the numeral at `span` of `document`, too large to hold a value.
    pub fn number_too_large(document: &Document, span: &Range<usize>) -> Error {
        let (line, column) = document.line_col(span.start);
        let digits = document.text.get(span.clone()).map_or(0, |numeral| {
            numeral.bytes().filter(u8::is_ascii_digit).count()
        });
        Error::NumberTooLarge {
            path: PathBuf::from(&document.name),
            line,
            column,
            digits,
        }
    }

    /// The error for a failed file-system call on `path`: a missing path gets the
    /// familiar "No such file or directory", anything else the system's own words.
    pub fn from_io(path: impl Into<PathBuf>, source: io::Error) -> Error {
        let path = path.into();
        if source.kind() == io::ErrorKind::NotFound {
            Error::NotFound { path }
        } else {
            Error::Read { path, source }
        }
    }
}

impl Error {
    /// The problem as a located diagnostic, the form every problem is printed in.
    pub fn diagnostic(&self) -> Diagnostic {
        let located = |code: Code, path: &PathBuf, line: usize, column: usize| {
            let location = Location {
                path: path.clone(),
                line,
                column,
            };
            Diagnostic::error(code, &location, self.message())
        };
        match self {
            Error::Input { path, .. } | Error::Read { path, .. } => {
                Diagnostic::of_file(Code::Unreadable, path, self.message())
            }
            Error::NotFound { path } => Diagnostic::of_file(Code::NotFound, path, self.message()),
            Error::Binary { path, .. } => Diagnostic::of_file(Code::Binary, path, self.message()),
            Error::Document { path, walked, .. } => {
                let diagnostic = Diagnostic::of_file(Code::Unreadable, path, self.message());
                if *walked {
                    diagnostic.into_warning()
                } else {
                    diagnostic
                }
            }
            Error::InvalidUtf8 {
                path, line, column, ..
            } => located(Code::Utf8, path, *line, *column),
            Error::NumberTooLarge {
                path, line, column, ..
            } => located(Code::NumberTooLarge, path, *line, *column),
        }
    }

    /// What is wrong, without the place.
    fn message(&self) -> String {
        let whole = self.to_string();
        let place = match self {
            Error::InvalidUtf8 {
                path, line, column, ..
            }
            | Error::NumberTooLarge {
                path, line, column, ..
            } => format!("{}:{line}:{column}: ", path.display()),
            Error::Input { path, .. }
            | Error::NotFound { path }
            | Error::Read { path, .. }
            | Error::Binary { path, .. } => format!("{}: ", path.display()),
            Error::Document { path, .. } => format!("{}: ", path.display()),
        };
        whole.strip_prefix(&place).unwrap_or(&whole).to_string()
    }
}

/// ` (at place)`, or nothing.
fn place_suffix(place: &Option<String>) -> String {
    place
        .as_ref()
        .map_or_else(String::new, |place| format!(" (at {place})"))
}

fn what_is_skipped(rest_skipped: &bool) -> &'static str {
    if *rest_skipped {
        "the rest of the file is skipped"
    } else {
        "skipped"
    }
}

/// The system's message for an I/O error without Rust's " (os error N)" suffix,
/// so that messages read like those of other command-line tools.
pub fn io_message(error: &io::Error) -> String {
    let text = error.to_string();
    match text.rfind(" (os error ") {
        Some(cut) if text.ends_with(')') => text[..cut].to_string(),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_path_reads_like_other_tools() {
        let error = Error::from_io("nope.txt", io::Error::from(io::ErrorKind::NotFound));
        assert_eq!(error.to_string(), "nope.txt: No such file or directory");
    }

    #[test]
    fn os_error_suffix_is_dropped() {
        let error = Error::from_io("secret", io::Error::from_raw_os_error(13));
        assert_eq!(error.to_string(), "secret: Permission denied");
    }

    #[test]
    fn a_missing_path_is_a_diagnostic_of_the_whole_file() {
        let error = Error::from_io("nope.txt", io::Error::from(io::ErrorKind::NotFound));
        assert_eq!(
            error.diagnostic().to_string(),
            "nope.txt: error[not-found]: No such file or directory"
        );
    }

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let error = Error::InvalidUtf8 {
            path: "bad.txt".into(),
            line: 2,
            column: 8,
            byte: 0xE9,
            rest_skipped: false,
        };
        assert_eq!(
            error.to_string(),
            "bad.txt:2:8: not valid UTF-8 (byte 0xE9); skipped"
        );
    }
}
