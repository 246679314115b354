//! One shape for every problem crosscheck reports: a claim file that does not validate,
//! a setting, a baseline entry, a figures record, an input that cannot be read. Each
//! has a level, a code, a place and a message, and is rendered as a compiler renders
//! one: `path:line:column: error[code]: message`, then the line of the file and a caret
//! under the column, where the line is known.
//!
//! Codes are stable names a user can search for and a tool can match on; this module
//! owns them and what each means. It never prints: the command line does.

use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// Shown; the run goes on and its exit status does not change for it.
    Warning,
    /// The run cannot give a trustworthy answer: exit status 2.
    Error,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

/// What kind of problem it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    /// A file that is not valid TOML.
    Toml,
    /// A key that is unknown, missing, or of the wrong type.
    Schema,
    /// A value that does not read: a figure, a period, a date, a tolerance, a number.
    Value,
    /// A rule's regular expression or `{figure}` pattern that does not compile.
    Pattern,
    /// An id, or a document, declared twice.
    Duplicate,
    /// A name that refers to no quantity, source or claim.
    Reference,
    /// A relation's expression that does not parse.
    Expression,
    /// A pin that matched no figure.
    Pin,
    /// More problems in a file than are shown.
    MoreProblems,
    /// A line of a figures file that is not a figure record.
    Record,
    /// A baseline entry that matches no finding.
    Stale,
    /// A relation that no one source's figures could check.
    Unchecked,
    /// A rule that matched no figure.
    UnusedRule,
    /// A figure that rules of two quantities match.
    Overlap,
    /// A quantity whose claims measure different things (shares and counts).
    MixedMeasures,
    /// A hand-written claim whose page of a corpus document states no such figure.
    Page,
    /// A path that names nothing.
    NotFound,
    /// A path the system would not read.
    Unreadable,
    /// A file that looks binary.
    Binary,
    /// A file that is not UTF-8.
    Utf8,
    /// A number in a document too large to hold a value.
    NumberTooLarge,
}

impl Code {
    /// Every code, in the order the README documents them.
    pub const ALL: [Code; 21] = [
        Code::Toml,
        Code::Schema,
        Code::Value,
        Code::Pattern,
        Code::Duplicate,
        Code::Reference,
        Code::Expression,
        Code::Pin,
        Code::MoreProblems,
        Code::Record,
        Code::Stale,
        Code::Unchecked,
        Code::UnusedRule,
        Code::Overlap,
        Code::MixedMeasures,
        Code::Page,
        Code::NotFound,
        Code::Unreadable,
        Code::Binary,
        Code::Utf8,
        Code::NumberTooLarge,
    ];

    /// The stable name, as printed between the brackets.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Toml => "toml",
            Code::Schema => "schema",
            Code::Value => "value",
            Code::Pattern => "pattern",
            Code::Duplicate => "duplicate",
            Code::Reference => "reference",
            Code::Expression => "expression",
            Code::Pin => "pin",
            Code::MoreProblems => "more-problems",
            Code::Record => "record",
            Code::Stale => "stale",
            Code::Unchecked => "unchecked",
            Code::UnusedRule => "unused-rule",
            Code::Overlap => "overlap",
            Code::MixedMeasures => "mixed-measures",
            Code::Page => "page",
            Code::NotFound => "not-found",
            Code::Unreadable => "unreadable",
            Code::Binary => "binary",
            Code::Utf8 => "utf8",
            Code::NumberTooLarge => "number-too-large",
        }
    }
}

/// Where a problem is: a file, and where known a 1-based line and character column.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Location {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
}

impl Location {
    /// The start of a file, for problems that have no better place.
    pub fn file(path: &Path) -> Location {
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

/// One problem, located.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Diagnostic {
    pub path: PathBuf,
    /// 1-based; 0 when the problem is with the file as a whole (it cannot be read).
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub level: Level,
    pub code: Code,
    /// The text of the line the problem is on, shown under the message with a caret.
    pub source_line: Option<String>,
}

impl Diagnostic {
    /// An error at `location`.
    /// The same problem as an error (a warning that `--strict` makes fail the run).
    pub fn into_error(mut self) -> Diagnostic {
        self.level = Level::Error;
        self
    }

    pub fn error(code: Code, location: &Location, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            path: location.path.clone(),
            line: location.line,
            column: location.column,
            level: Level::Error,
            code,
            message: message.into(),
            source_line: None,
        }
    }

    /// A warning at `location`.
    pub fn warning(code: Code, location: &Location, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            level: Level::Warning,
            ..Diagnostic::error(code, location, message)
        }
    }

    /// An error with a whole file (one that cannot be read): no line or column.
    pub fn of_file(code: Code, path: &Path, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            line: 0,
            column: 0,
            ..Diagnostic::error(code, &Location::file(path), message)
        }
    }

    /// The same problem as a warning.
    pub fn into_warning(self) -> Diagnostic {
        Diagnostic {
            level: Level::Warning,
            ..self
        }
    }

    /// The problem `toml` found deserialising `text`: its syntax, or the keys and types.
    pub fn of_toml(
        path: &Path,
        text: &crate::source::Document,
        error: &toml::de::Error,
    ) -> Diagnostic {
        let offset = error
            .span()
            .map_or(0, |span| span.start)
            .min(text.text.len());
        let mut offset = offset;
        while !text.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let (line, column) = text.line_col(offset);
        let code = if text.text.parse::<toml::Table>().is_err() {
            Code::Toml
        } else {
            Code::Schema
        };
        let location = Location {
            path: path.to_path_buf(),
            line,
            column,
        };
        Diagnostic::error(code, &location, error.message().trim().to_string())
    }

    /// The same problem, with the line of `text` it is on, to show under the message.
    pub fn with_source(mut self, text: &crate::source::Document) -> Diagnostic {
        if self.line > 0 {
            self.source_line = text.numbered_line(self.line).map(str::to_string);
        }
        self
    }

    /// Where the problem is.
    pub fn location(&self) -> Location {
        Location {
            path: self.path.clone(),
            line: self.line,
            column: self.column,
        }
    }

    /// The first line alone: `path:line:column: error[code]: message`.
    pub fn headline(&self) -> String {
        let place = if self.line == 0 {
            self.path.display().to_string()
        } else {
            format!("{}:{}:{}", self.path.display(), self.line, self.column)
        };
        format!(
            "{place}: {}[{}]: {}",
            self.level.as_str(),
            self.code.as_str(),
            self.message
        )
    }
}

/// The headline, then the source line with a caret under the column where it is known:
///
/// ```text
/// claims/a.toml:5:1: error[schema]: unknown field `colour`
///   |
/// 5 | colour = "red"
///   | ^
/// ```
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.headline())?;
        let Some(source) = &self.source_line else {
            return Ok(());
        };
        // Long lines (a minified file, a whole paragraph) are cut around the column.
        const WIDTH: usize = 100;
        let chars: Vec<char> = source.chars().collect();
        let column = self.column.max(1) - 1;
        let start = column.saturating_sub(WIDTH / 2).min(chars.len());
        let end = (start + WIDTH).min(chars.len());
        let shown: String = chars[start..end]
            .iter()
            .map(|&c| if c == '\t' { ' ' } else { c })
            .collect();
        let number = self.line.to_string();
        let gutter = " ".repeat(number.len());
        let lead = if start > 0 { "…" } else { "" };
        write!(
            f,
            "\n{gutter} |\n{number} | {lead}{shown}\n{gutter} | {}{}^",
            " ".repeat(lead.chars().count()),
            " ".repeat(column - start)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, column: usize) -> Location {
        Location {
            path: PathBuf::from("claims/a.toml"),
            line,
            column,
        }
    }

    #[test]
    fn headline_names_place_level_and_code() {
        let d = Diagnostic::error(Code::Schema, &at(5, 1), "unknown field `colour`");
        assert_eq!(
            d.to_string(),
            "claims/a.toml:5:1: error[schema]: unknown field `colour`"
        );
    }

    #[test]
    fn source_line_is_shown_with_a_caret_under_the_column() {
        let text = "[[quantity]]\nid = \"x\"\ncolour = \"red\"\n";
        let d = Diagnostic::error(Code::Schema, &at(3, 10), "bad")
            .with_source(&crate::source::Document::new("a.toml", text.to_string()));
        assert_eq!(
            d.to_string(),
            "claims/a.toml:3:10: error[schema]: bad\n  |\n3 | colour = \"red\"\n  |          ^"
        );
    }

    #[test]
    fn a_whole_file_has_no_line() {
        let d = Diagnostic::of_file(Code::NotFound, Path::new("x.txt"), "No such file");
        assert_eq!(d.to_string(), "x.txt: error[not-found]: No such file");
    }

    #[test]
    fn a_long_line_is_cut_around_the_column() {
        let text = format!("{}X{}", "a".repeat(300), "b".repeat(300));
        let d = Diagnostic::warning(Code::Stale, &at(1, 301), "here")
            .with_source(&crate::source::Document::new("a.toml", text));
        let shown = d.to_string();
        let lines: Vec<&str> = shown.lines().collect();
        assert!(lines[2].chars().count() < 110, "{shown}");
        let caret = lines[3].find('^').expect("a caret");
        let x = lines[2].find('X').expect("the column's character");
        assert_eq!(
            lines[3][..caret].chars().count(),
            lines[2][..x].chars().count()
        );
    }

    #[test]
    fn codes_have_distinct_names() {
        let mut names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Code::ALL.len());
    }
}
