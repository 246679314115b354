//! Errors the user must see: each names the file and, where it can, the line and column.

use std::path::PathBuf;

/// An input or usage problem: exit status 2.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {message}")]
    Input { path: PathBuf, message: String },
}
