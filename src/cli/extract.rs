//! `crosscheck extract`: read the inputs, extract their figures, write them in the
//! chosen format.
//!
//! Which inputs a run reads when given no PATH is decided here (the `seeds/` folder of
//! the current directory when there is one, else standard input); so is the exit status.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::Path;

use super::args::ExtractArgs;
use super::{say, EXIT_ERROR, EXIT_OK};
use crate::error::Error;
use crate::input::{self, Documents, Item, Origin};
use crate::parallel::{self, Extracted};
use crate::report::figure_report;

/// The folder read when no PATH is given and the current folder has it.
pub const DEFAULT_FOLDER: &str = "seeds";

/// Runs `crosscheck extract`; returns the exit status.
pub fn run(args: &ExtractArgs) -> u8 {
    let origins = origins(args);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = false;
    let result = write_figures(args, origins, &mut out, &mut failed).and_then(|()| out.flush());
    match result {
        Ok(()) => {}
        // The reader went away (`| head`): nothing more to say to it, and not a failure.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => {}
        Err(error) => {
            say(format_args!("cannot write output: {error}"));
            failed = true;
        }
    }
    if failed {
        EXIT_ERROR
    } else {
        EXIT_OK
    }
}

/// The inputs the arguments name; with no PATH, `seeds/` if present, else stdin.
fn origins(args: &ExtractArgs) -> Vec<Origin> {
    if !args.paths.is_empty() {
        return args.paths.iter().cloned().map(Origin::from_arg).collect();
    }
    if Path::new(DEFAULT_FOLDER).is_dir() {
        return vec![Origin::Path(DEFAULT_FOLDER.into())];
    }
    if io::stdin().is_terminal() {
        say("no PATH given and no seeds/ folder here: reading standard input (end with Ctrl-D)");
    }
    vec![Origin::Stdin]
}

/// Streams every document's figures to `out`; problems with inputs are reported on
/// standard error and set `failed`. Returns only errors writing `out`.
fn write_figures(
    args: &ExtractArgs,
    origins: Vec<Origin>,
    out: &mut dyn Write,
    failed: &mut bool,
) -> io::Result<()> {
    let mut report = figure_report(args.format.into());
    report.begin(out)?;
    let threads = args
        .threads
        .unwrap_or_else(parallel::default_threads)
        .max(1);
    // Documents are extracted on every core and written in the order they were read;
    // the first write error stops the writing (the workers then run dry).
    let mut written: io::Result<()> = Ok(());
    parallel::map_in_order(
        Documents::new(origins).in_parts(parallel::PART_BYTES),
        threads,
        |item| match item {
            Item::Document(document) => {
                let extracted = parallel::extract(&document.text, threads);
                (Item::Document(document), extracted)
            }
            other => (other, Extracted::default()),
        },
        |(item, Extracted { figures, too_large })| {
            if written.is_err() {
                return;
            }
            match item {
                Item::Document(document) => {
                    if args.verbose {
                        // A later part of a large input is named by its first line.
                        let part = match document.first_line() {
                            0 => String::new(),
                            line => format!(":{}", line + 1),
                        };
                        say(format_args!(
                            "{}{part}: {} figure{}",
                            document.name,
                            figures.len(),
                            if figures.len() == 1 { "" } else { "s" }
                        ));
                    }
                    written = report.document(out, &document, &figures);
                    // After the figures: a diagnostic never holds up the output.
                    for span in &too_large {
                        say(Error::number_too_large(&document, span));
                        *failed = true;
                    }
                    input::recycle(document);
                }
                Item::Skipped { path, reason } => {
                    if args.verbose {
                        say(format_args!("{}: skipped: {reason}", path.display()));
                    }
                }
                Item::Failed(error) => {
                    say(&error);
                    *failed = true;
                }
            }
        },
    );
    written?;
    report.finish(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::FormatArg;

    /// A reader that has gone away.
    struct ClosedPipe;

    impl Write for ClosedPipe {
        fn write(&mut self, _buf: &[u8]) -> io::Result<usize> {
            Err(io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> io::Result<()> {
            Err(io::ErrorKind::BrokenPipe.into())
        }
    }

    #[test]
    fn a_closed_pipe_comes_back_as_an_error_not_a_panic() {
        let args = ExtractArgs {
            paths: Vec::new(),
            format: FormatArg::Table,
            verbose: false,
            threads: Some(2),
        };
        let mut failed = false;
        let result = write_figures(&args, Vec::new(), &mut ClosedPipe, &mut failed);
        assert_eq!(result.map_err(|e| e.kind()), Err(io::ErrorKind::BrokenPipe));
        assert!(!failed);
    }
}
