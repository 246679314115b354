//! `crosscheck extract`: read the inputs, extract their figures, write them in the
//! chosen format.
//!
//! Which inputs a run reads when given no PATH is decided here (the `seeds/` folder of
//! the current directory when there is one, else standard input); so is the exit status.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::ops::Range;
use std::path::Path;
use std::sync::Mutex;

use super::args::ExtractArgs;
use super::{say, show, Stop, EXIT_ERROR, EXIT_OK};
use crate::config;
use crate::error::Error;
use crate::input::{Documents, Limits, Origin};
use crate::parallel::{self, Done, Extracted, Piece};
use crate::report::{self, figure_report, Format, Rendered};

/// The folder read when no PATH is given and the current folder has it.
pub const DEFAULT_FOLDER: &str = "seeds";

/// Runs `crosscheck extract`; returns the exit status.
pub fn run(args: &ExtractArgs) -> u8 {
    let limits = match reader_limits(args) {
        Ok(limits) => limits,
        Err(problem) => return super::stop(problem),
    };
    let origins = origins(args);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = false;
    let result =
        write_figures(args, origins, limits, &mut out, &mut failed).and_then(|()| out.flush());
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

/// How much a document in a format with a reader may unpack: `[limits]` of --config,
/// else of ./crosscheck.toml when present, else the defaults. Extraction reads no other
/// setting.
fn reader_limits(args: &ExtractArgs) -> Result<Limits, Stop> {
    match super::check::settings_file(args.config.as_ref()) {
        Some(path) => config::load(&path)
            .map(|config| config.limits)
            .map_err(|problems| Stop::Problems {
                what: path.display().to_string(),
                problems,
            }),
        None => Ok(Limits::default()),
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

/// What a worker makes of one piece of a document.
struct RenderedPiece {
    rendered: Rendered,
    /// Whether rendering worked (it fails only on a figure that cannot be written).
    result: io::Result<()>,
    figures: usize,
    too_large: Vec<Range<usize>>,
}

/// Streams every document's figures to `out`; problems with inputs are reported on
/// standard error and set `failed`. Returns only errors writing `out`.
fn write_figures(
    args: &ExtractArgs,
    origins: Vec<Origin>,
    limits: Limits,
    out: &mut dyn Write,
    failed: &mut bool,
) -> io::Result<()> {
    let format: Format = args.format.into();
    let mut report = figure_report(format);
    report.begin(out)?;
    let threads = args
        .threads
        .unwrap_or_else(parallel::default_threads)
        .max(1);
    // Renderings go back to the workers once written, so the output's memory is
    // touched once, not once per piece.
    let spare: Mutex<Vec<Rendered>> = Mutex::new(Vec::new());
    // The first write error stops the writing (the workers then run dry).
    let mut written: io::Result<()> = Ok(());
    let mut figures_in_document = 0;
    parallel::extract_in_order(
        Documents::new(origins)
            .with_limits(limits)
            .in_parts(parallel::PART_BYTES),
        threads,
        |document, Extracted { figures, too_large }| {
            let mut rendered = spare
                .lock()
                .ok()
                .and_then(|mut spare| spare.pop())
                .unwrap_or_default();
            let result = report::render(format, document, &figures, &mut rendered);
            RenderedPiece {
                rendered,
                result,
                figures: figures.len(),
                too_large,
            }
        },
        |done| {
            if written.is_err() {
                return;
            }
            match done {
                Done::Piece(Piece {
                    document,
                    result: mut piece,
                    last,
                }) => {
                    written = piece
                        .result
                        .and_then(|()| report.write(out, &mut piece.rendered));
                    if let Ok(mut spare) = spare.lock() {
                        spare.push(piece.rendered);
                    }
                    // After the figures: a diagnostic never holds up the output.
                    for span in &piece.too_large {
                        show(&Error::number_too_large(&document, span).diagnostic());
                        *failed = true;
                    }
                    figures_in_document += piece.figures;
                    if !last {
                        return;
                    }
                    if args.verbose {
                        // A later part of a large input is named by its first line.
                        let part = match document.first_line() {
                            0 => String::new(),
                            line => format!(":{}", line + 1),
                        };
                        say(format_args!(
                            "{}{part}: {} figure{}",
                            document.name,
                            figures_in_document,
                            if figures_in_document == 1 { "" } else { "s" }
                        ));
                    }
                    figures_in_document = 0;
                }
                Done::Skipped { path, reason } => {
                    if args.verbose {
                        say(format_args!("{}: skipped: {reason}", path.display()));
                    }
                }
                Done::Failed(error) => {
                    show(&error.diagnostic());
                    *failed |= !error.is_warning();
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
            config: None,
        };
        let mut failed = false;
        let result = write_figures(
            &args,
            Vec::new(),
            Limits::default(),
            &mut ClosedPipe,
            &mut failed,
        );
        assert_eq!(result.map_err(|e| e.kind()), Err(io::ErrorKind::BrokenPipe));
        assert!(!failed);
    }
}
