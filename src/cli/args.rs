//! The command line as data: subcommands and their options, declared with clap.
//!
//! The help texts here are the user's reference; the README's `crosscheck extract`
//! section repeats them. No behaviour lives here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::report::Format;

/// Cross-checks numeric claims across sources.
#[derive(Debug, Parser)]
#[command(name = "crosscheck", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Find the numeric figures in documents and print them.
    Extract(ExtractArgs),
}

/// `crosscheck extract [PATH...] [--format FORMAT]`
#[derive(Debug, Args)]
#[command(
    after_help = "With no PATH, reads the seeds/ folder when the current folder has one,
and standard input otherwise. Folders are walked recursively in sorted order;
hidden entries and binary files met there are skipped (see --verbose).

Exit status: 0 when all went well; 2 on a usage error, or when an input could
not be read: a missing or unreadable path, a binary file named as a PATH, a
file that is not UTF-8. The other inputs are still read and reported."
)]
pub struct ExtractArgs {
    /// Files or folders to read; `-` reads standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    pub format: FormatArg,

    /// Also report each document read and each file skipped, on standard error.
    #[arg(short, long)]
    pub verbose: bool,
}

/// The `--format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// A table for people.
    Table,
    /// One JSON object per figure, one per line.
    Jsonl,
    /// One JSON document: {"figures": [...]}.
    Json,
    /// CSV (RFC 4180) with a header row.
    Csv,
}

impl From<FormatArg> for Format {
    fn from(format: FormatArg) -> Format {
        match format {
            FormatArg::Table => Format::Table,
            FormatArg::Jsonl => Format::Jsonl,
            FormatArg::Json => Format::Json,
            FormatArg::Csv => Format::Csv,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn arguments_are_consistent() {
        Cli::command().debug_assert();
    }
}
