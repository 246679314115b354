//! Command-line interface: the only module that reads arguments and prints.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::process::ExitCode;

pub fn main() -> ExitCode {
    ExitCode::SUCCESS
}
