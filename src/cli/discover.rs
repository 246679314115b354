//! `crosscheck discover`: the corpus with no catalog; candidates of figures that measure
//! the same quantity, in the format asked for. Candidates are proposals for a reader,
//! so finding some is not a failure: the exit status is 0 unless an input or a setting
//! is unusable (2).

use std::io::{self, Write};
use std::path::PathBuf;

use super::args::{DiscoverArgs, DiscoverFormat};
use super::check::{refuse_to_replace_an_input, settings, write_file, write_out};
use super::{show, stop, Stop, EXIT_OK};
use crate::pipeline::{self, Inputs};
use crate::report::discovered::{self, DiscoveryView};
use crate::report::discovered_html;
use crate::review;

pub fn run(args: &DiscoverArgs) -> u8 {
    discover(args).unwrap_or_else(stop)
}

fn discover(args: &DiscoverArgs) -> Result<u8, Stop> {
    let config = settings(&args.project)?;
    if let Some(output) = &args.output {
        let reviewed = [PathBuf::from(review::REVIEWED_FILE)];
        refuse_to_replace_an_input(output, &config, &args.project, &reviewed)?;
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
