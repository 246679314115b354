//! `crosscheck discover`: the corpus with no catalog; candidates of figures that measure
//! the same quantity, in the format asked for. Candidates are proposals for a reader,
//! so finding some is not a failure: the exit status is 0 unless an input or a setting
//! is unusable (2). The pass that splits a corpus by block (`--print-blocks`,
//! `--statistics-out`) and the run of one block (`--block`) are here too.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::args::{DiscoverArgs, DiscoverFormat};
use super::check::{refuse_to_replace_an_input, settings, write_file, write_out};
use super::{show, stop, Stop, EXIT_OK};
use crate::config::Config;
use crate::discover::blocks::Statistics;
use crate::pipeline::{self, BlockRun, Inputs, SplitError, SplitPass};
use crate::report::discovered::{self, DiscoveryView};
use crate::report::discovered_html;
use crate::review;

pub fn run(args: &DiscoverArgs) -> u8 {
    discover(args).unwrap_or_else(stop)
}

fn discover(args: &DiscoverArgs) -> Result<u8, Stop> {
    let config = settings(&args.project)?;
    // Clap lets a corpus PATH stand in for --figures (they conflict); these do not.
    let split_option = if args.print_blocks {
        Some("--print-blocks")
    } else if args.statistics_out.is_some() {
        Some("--statistics-out")
    } else {
        args.block.as_ref().map(|_| "--block")
    };
    if let Some(option) = split_option.filter(|_| args.project.figures.is_empty()) {
        return Err(Stop::Message(format!(
            "{option} reads figures files (--figures FILE, as `extract --format jsonl` or --print-blocks wrote them), not documents"
        )));
    }
    if args.print_blocks || args.statistics_out.is_some() {
        return split(args, &config);
    }
    if let Some(output) = &args.output {
        let mut read = vec![PathBuf::from(review::REVIEWED_FILE)];
        read.extend(args.statistics.iter().cloned());
        refuse_to_replace_an_input(output, &config, &args.project, &read)?;
    }
    let mut inputs = Inputs {
        figures: args.project.figures.clone(),
        use_catalog: !args.no_catalog,
        learn_from_review: !args.default_weights,
        reviewed: Some(PathBuf::from(review::REVIEWED_FILE)),
        ..Inputs::default()
    };
    if let Some(min_confidence) = args.min_confidence {
        inputs.min_confidence = min_confidence;
    }
    if let Some(threads) = args.project.threads {
        inputs.threads = threads;
    }
    if let (Some(key), Some(path)) = (&args.block, &args.statistics) {
        inputs.block = Some(BlockRun {
            key: key.clone(),
            statistics: Arc::new(read_statistics(path)?),
            statistics_path: path.clone(),
        });
    }
    let discovery =
        pipeline::discover(&config, &inputs, &mut |problem| show(&problem.diagnostic()))?;
    let view = DiscoveryView {
        discovered: &discovery.discovered,
        all: args.all,
        limit: args.limit,
    };
    let render = |out: &mut dyn Write| -> io::Result<()> {
        match args.format {
            DiscoverFormat::Table => discovered::write_table(out, &view),
            DiscoverFormat::Json => discovered::write_json(out, &view),
            DiscoverFormat::Markdown => discovered::write_markdown(out, &view),
            DiscoverFormat::Csv => discovered::write_csv(out, &view),
            DiscoverFormat::Html => discovered_html::write(out, &view),
        }
    };
    match &args.output {
        Some(path) => write_file(path, render)?,
        None => write_out(render)?,
    }
    if discovery.input_failed {
        return Err(Stop::Shown);
    }
    Ok(EXIT_OK)
}

/// The pass that splits a corpus by block: each record routed to the blocks of its
/// document (`--print-blocks`, on standard output or `--output`), and the corpus's
/// statistics (`--statistics-out`), in one reading of the figures files.
fn split(args: &DiscoverArgs, config: &Config) -> Result<u8, Stop> {
    if args.output.is_some() && !args.print_blocks {
        return Err(Stop::Message(
            "--output writes the records --print-blocks routes; the statistics go to the file --statistics-out names".to_string(),
        ));
    }
    let outputs: Vec<&PathBuf> = args.output.iter().chain(&args.statistics_out).collect();
    for output in &outputs {
        refuse_to_replace_an_input(output, config, &args.project, &[])?;
    }
    if let [routed, statistics] = outputs[..] {
        if routed == statistics {
            return Err(Stop::Message(format!(
                "{}: --output and --statistics-out name one file",
                routed.display()
            )));
        }
    }
    let mut inputs = Inputs {
        figures: args.project.figures.clone(),
        use_catalog: !args.no_catalog,
        ..Inputs::default()
    };
    if let Some(threads) = args.project.threads {
        inputs.threads = threads;
    }
    let gather = args.statistics_out.is_some();
    // The pass runs inside the writing of the routed records; what stopped it is kept
    // here, so that a problem in the inputs is reported as one, not as a failed write.
    let mut outcome: Option<Result<SplitPass, pipeline::Failure>> = None;
    let mut pass = |routed: Option<&mut dyn Write>| -> io::Result<()> {
        let on_problem = &mut |problem: crate::error::Error| show(&problem.diagnostic());
        match pipeline::split_by_block(config, &inputs, routed, gather, on_problem) {
            Ok(done) => {
                outcome = Some(Ok(done));
                Ok(())
            }
            Err(SplitError::Failure(failure)) => {
                outcome = Some(Err(failure));
                Err(io::Error::other("the inputs stopped the pass"))
            }
            Err(SplitError::Write(error)) => Err(error),
        }
    };
    let written = match (&args.output, args.print_blocks) {
        (Some(path), true) => write_file(path, |out| pass(Some(out))),
        (None, true) => write_out(|out| pass(Some(out))),
        (_, false) => pass(None).map_err(|error| Stop::Message(error.to_string())),
    };
    let done = match outcome {
        Some(Ok(done)) => done,
        Some(Err(failure)) => return Err(failure.into()),
        None => return written.map(|()| EXIT_OK),
    };
    written?;
    if let (Some(path), Some(statistics)) = (&args.statistics_out, &done.statistics) {
        write_file(path, |out| statistics.write(out))?;
    }
    if done.input_failed {
        return Err(Stop::Shown);
    }
    Ok(EXIT_OK)
}

/// The statistics `--statistics-out` wrote, read from `path`.
fn read_statistics(path: &Path) -> Result<Statistics, Stop> {
    let problems = |problems| Stop::Problems {
        what: path.display().to_string(),
        problems,
    };
    let text =
        crate::figures::read_file(path).map_err(|error| problems(vec![error.diagnostic()]))?;
    Statistics::read(path, &text).map_err(problems)
}
