//! Command-line interface: the only module that reads arguments and prints.
//!
//! This module owns the arguments (clap), the subcommands, what goes to standard output
//! and standard error, and the exit status: 0 when all went well, 2 on a usage or input
//! error (clap's own usage errors included). It wires the pipeline together (input →
//! extract → report) and holds no domain logic of its own. Output goes through one
//! locked, buffered standard output; a reader that goes away early (a broken pipe, as in
//! `crosscheck extract | head`) ends the run quietly and successfully. Nothing here uses
//! `println!` or `eprintln!` (the crate denies them through clippy): they panic when the
//! stream is closed, so standard output is written through a handle and standard error
//! through [`say`].

mod args;
mod check;
mod discover;
mod extract;
mod review;

use std::fmt::Display;
use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

use crate::diag::Diagnostic;
pub use check::STARTER_CLAIMS;

pub use args::{
    CheckArgs, CheckFormat, Cli, Command, ExplainArgs, ExtractArgs, FormatArg, ProjectArgs,
};

/// Exit status: everything went well.
pub const EXIT_OK: u8 = 0;
/// Exit status: at least one new contradiction or arithmetic mismatch.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit status: a usage, configuration or input error.
pub const EXIT_ERROR: u8 = 2;

/// Parses the process's arguments, runs the subcommand and returns its exit status.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // --help and --version arrive here too, with status 0; usage errors get 2.
            // A failure to print (a closed pipe) must not turn into a panic.
            let _ = error.print();
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(EXIT_ERROR));
        }
    };
    ExitCode::from(run(cli))
}

/// Runs a parsed command line; returns the exit status.
pub fn run(cli: Cli) -> u8 {
    match cli.command {
        Command::Extract(args) => extract::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Discover(args) => discover::run(&args),
        Command::Accept(args) => review::accept(&args),
        Command::Reject(args) => review::reject(&args),
        Command::Pin(args) => review::pin(&args),
        Command::Schema(args) => schema(&args),
        Command::Explain(args) => check::explain(&args),
        Command::Baseline(args) => check::baseline(&args),
        Command::Init(args) => check::init(&args),
    }
}

/// Prints `crosscheck: MESSAGE` on standard error, ignoring a standard error that is
/// closed: a diagnostic that cannot be shown is no reason to crash.
pub(crate) fn say(message: impl Display) {
    let _ = writeln!(io::stderr().lock(), "crosscheck: {message}");
}

/// Why a command ends with exit status 2. Commands return it; [`stop`] prints it, once.
#[derive(Debug)]
pub(crate) enum Stop {
    /// Every problem found in some files, and what the files are ("the claim files").
    Problems {
        what: String,
        problems: Vec<Diagnostic>,
    },
    /// Something about the command line or the run, not about a place in a file.
    Message(String),
    /// Already shown as it was met (inputs that could not be read).
    Shown,
}

impl From<crate::pipeline::Failure> for Stop {
    fn from(failure: crate::pipeline::Failure) -> Stop {
        Stop::Problems {
            what: failure.what,
            problems: failure.problems,
        }
    }
}

/// Prints why the command stopped and gives its exit status.
pub(crate) fn stop(stop: Stop) -> u8 {
    match stop {
        Stop::Problems { what, problems } => {
            for problem in &problems {
                show(problem);
            }
            say(format_args!(
                "{} problem{} in {what}",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            ));
        }
        Stop::Message(message) => say(message),
        Stop::Shown => {}
    }
    EXIT_ERROR
}

/// Prints a located problem on standard error as a compiler would (its place, level and
/// code, then the line it is on with a caret), ignoring a closed standard error.
pub(crate) fn show(diagnostic: &Diagnostic) {
    let _ = writeln!(io::stderr().lock(), "{diagnostic}");
}

/// The JSON Schema of claim files (`schemas/claims.schema.json`).
pub const CLAIMS_SCHEMA: &str = include_str!("../../schemas/claims.schema.json");
/// The JSON Schema of crosscheck.toml (`schemas/config.schema.json`).
pub const CONFIG_SCHEMA: &str = include_str!("../../schemas/config.schema.json");

/// `crosscheck schema claims|config`: the schema on standard output.
fn schema(args: &args::SchemaArgs) -> u8 {
    let text = match args.of {
        args::SchemaOf::Claims => CLAIMS_SCHEMA,
        args::SchemaOf::Config => CONFIG_SCHEMA,
    };
    match io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => EXIT_OK,
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(error) => {
            say(format_args!("cannot write: {error}"));
            EXIT_ERROR
        }
    }
}
