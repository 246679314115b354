//! Discovery split by block, on the pipeline's side ([`crate::discover::blocks`] says
//! why its candidates are the whole run's): the one pass over every figures file that
//! writes each record once for every block of its document, with its place in the
//! corpus (`discover --print-blocks`), and gathers the corpus's statistics
//! (`--statistics-out`); and the reading back of one block's records, in corpus order,
//! for its run (`--block`).
//!
//! A routed record is the record as `extract` wrote it with three fields in front:
//! `{"block":"count","input":1,"order":17,"source":…}`. `block` is the key a job groups
//! by; `input` (which figures file, from 1) and `order` (which record of all, from 1)
//! put a block's records back in the order of the whole run, whatever order a shuffle
//! left them in.

use std::collections::{BTreeSet, HashMap};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;

use super::{discovery_catalog, document_name, each_figures_file, keyed_figures, Failure, Inputs};
use crate::config::Config;
use crate::diag::{Code, Diagnostic, Location};
use crate::discover::blocks::{Gatherer, Keys, Statistics};
use crate::error::Error;
use crate::figures::Extracted;
use crate::keying::Keyer;

/// One block of a corpus split by block, as a run discovers it.
#[derive(Debug, Clone)]
pub struct BlockRun {
    /// Its key, as `--print-blocks` writes it.
    pub key: String,
    /// The whole corpus's statistics, and the file they were read from.
    pub statistics: Arc<Statistics>,
    pub statistics_path: PathBuf,
}

impl BlockRun {
    /// A problem with the statistics, or with the records against them.
    pub(super) fn failure(&self, message: String) -> Failure {
        Failure {
            what: self.statistics_path.display().to_string(),
            problems: vec![Diagnostic::of_file(
                Code::Value,
                &self.statistics_path,
                message,
            )],
        }
    }

    /// Refuses to stand in for a whole run that would learn from the project's
    /// reviewed pairs: the weights are fitted to the labelled pairs of every block.
    pub(super) fn refuse_to_learn(&self, learn: bool, rejected: usize) -> Result<(), Failure> {
        let keyed = self.statistics.keyed;
        if !learn || (keyed == 0 && rejected == 0) {
            return Ok(());
        }
        Err(self.failure(format!(
            "a run of one block cannot learn from the project's reviewed pairs ({keyed} figures the catalog keys, {rejected} rejected candidates): they lie in every block. Give --default-weights to every run of the split, and to the whole run it stands for"
        )))
    }
}

/// What the pass over every figures file made.
#[derive(Debug)]
pub struct SplitPass {
    /// The corpus's statistics, when they were asked for.
    pub statistics: Option<Statistics>,
    /// Some figures file could not be read (each was handed to `on_problem`).
    pub input_failed: bool,
}

/// Why the pass stopped.
#[derive(Debug)]
pub enum SplitError {
    /// The inputs: a malformed record, the claim files.
    Failure(Failure),
    /// The routed records could not be written.
    Write(io::Error),
}

impl From<Failure> for SplitError {
    fn from(failure: Failure) -> SplitError {
        SplitError::Failure(failure)
    }
}

/// Reads every figures file of `inputs` once, in order: writes each record to `routed`
/// (when given) once for every block of its document, and gathers the corpus's
/// statistics when `gather` asks, keying figures to the catalog as discovery does.
pub fn split_by_block(
    config: &Config,
    inputs: &Inputs,
    mut routed: Option<&mut dyn Write>,
    gather: bool,
    on_problem: &mut dyn FnMut(Error),
) -> Result<SplitPass, SplitError> {
    let catalog = discovery_catalog(config, inputs)?;
    let keyer = Keyer::new(&catalog);
    let mut gatherer = gather.then(Gatherer::default);
    let mut router = Router::default();
    let name = |name: &str| document_name(name, inputs.names_relative_to.as_deref());
    let input_failed = each_figures_file(
        &inputs.figures,
        on_problem,
        &mut |number, path, text, sources| {
            if let Some(out) = routed.as_deref_mut() {
                router.route(number, path, text, &sources, out)?;
            }
            if let Some(gatherer) = gatherer.as_mut() {
                for mut source in sources {
                    source.document.name = name(&source.document.name);
                    let (document, figures, at) =
                        (&source.document, &source.figures, &source.positions);
                    let keyed = keyed_figures(&keyer, &catalog, document, figures, at);
                    gatherer.add_keyed_document(document, figures, at, &keyed);
                }
            }
            Ok::<(), SplitError>(())
        },
    )?;
    Ok(SplitPass {
        statistics: gatherer.map(Gatherer::finish),
        input_failed,
    })
}

/// The fields of a record that route it: its source, and a block already given.
#[derive(Deserialize)]
struct Source {
    source: String,
    #[serde(default)]
    block: Option<serde::de::IgnoredAny>,
}

/// Writes records routed to their blocks, numbering them across files.
#[derive(Default)]
struct Router {
    keys: Keys,
    /// Records numbered so far.
    order: u64,
}

impl Router {
    /// Writes each record of `text`, figures file number `number` at `path`, read back
    /// as `sources`, once for each block its source has a figure in.
    fn route(
        &mut self,
        number: usize,
        path: &Path,
        text: &str,
        sources: &[Extracted],
        out: &mut dyn Write,
    ) -> Result<(), SplitError> {
        // A source is one stand-in document, profiled whole: its records go together.
        let mut blocks: HashMap<&str, Vec<String>> = HashMap::with_capacity(sources.len());
        for source in sources {
            let keys: BTreeSet<String> = source
                .figures
                .iter()
                .filter_map(|f| self.keys.of(f))
                .collect();
            blocks.insert(&source.document.name, keys.into_iter().collect());
        }
        for (index, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            self.order += 1;
            let problem = |message: String| {
                let location = Location {
                    path: path.to_path_buf(),
                    line: index + 1,
                    column: 1,
                };
                SplitError::Failure(Failure {
                    what: path.display().to_string(),
                    problems: vec![Diagnostic::error(Code::Record, &location, message)],
                })
            };
            let record: Source = serde_json::from_str(line)
                .map_err(|error| problem(format!("not a figure record: {error}")))?;
            if record.block.is_some() {
                return Err(problem(
                    "this record was routed already (it has a `block`): --print-blocks reads what `extract --format jsonl` wrote".to_string(),
                ));
            }
            let rest = line.trim_start().strip_prefix('{').unwrap_or(line);
            for key in blocks.get(record.source.as_str()).into_iter().flatten() {
                let key = serde_json::to_string(key).map_err(io::Error::other);
                let key = key.map_err(SplitError::Write)?;
                writeln!(
                    out,
                    "{{\"block\":{key},\"input\":{number},\"order\":{},{rest}",
                    self.order
                )
                .map_err(SplitError::Write)?;
            }
        }
        Ok(())
    }
}

/// The fields `--print-blocks` put in front of a record.
#[derive(Deserialize)]
struct Route {
    block: Option<String>,
    input: Option<usize>,
    order: Option<u64>,
}

/// A record of the block, where it was read and where it goes.
struct Routed<'a> {
    order: u64,
    input: usize,
    path: &'a Path,
    line: usize,
    text: &'a str,
}

/// Problems reported at most before the rest of a block's records are left unread.
const MOST_PROBLEMS: usize = 100;

/// Reads the records routed to block `key` in the files `paths` (those of other blocks
/// are skipped), puts them back in corpus order, and hands each stand-in document to
/// `each` as the whole run would have read it. A file that cannot be read goes to
/// `on_problem`; records that are not routed, or given twice, stop the run.
pub(super) fn each_block_source(
    paths: &[PathBuf],
    key: &str,
    on_problem: &mut dyn FnMut(Error),
    each: &mut dyn FnMut(Vec<Extracted>),
) -> Result<bool, Failure> {
    let mut input_failed = false;
    let mut texts: Vec<(&Path, String)> = Vec::with_capacity(paths.len());
    for path in paths {
        match crate::figures::read_file(path) {
            Ok(text) => texts.push((path, text)),
            Err(error) => {
                on_problem(error);
                input_failed = true;
            }
        }
    }
    let mut problems = Vec::new();
    let mut routed: Vec<Routed> = Vec::new();
    'files: for (path, text) in &texts {
        for (index, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            if problems.len() == MOST_PROBLEMS {
                break 'files;
            }
            let location = Location {
                path: path.to_path_buf(),
                line: index + 1,
                column: 1,
            };
            let route = match serde_json::from_str::<Route>(line) {
                Ok(Route {
                    block: Some(block),
                    input: Some(input),
                    order: Some(order),
                }) => (block, input, order),
                Ok(_) => {
                    problems.push(Diagnostic::error(
                        Code::Record,
                        &location,
                        "not a record `discover --print-blocks` wrote (it has no `block`, `input` or `order`): a run of one block reads those",
                    ));
                    continue;
                }
                Err(error) => {
                    problems.push(Diagnostic::error(
                        Code::Record,
                        &location,
                        format!("not a figure record: {error}"),
                    ));
                    continue;
                }
            };
            let (block, input, order) = route;
            if block == key {
                routed.push(Routed {
                    order,
                    input,
                    path,
                    line: index + 1,
                    text: line,
                });
            }
        }
    }
    routed.sort_by_key(|r| r.order);
    for pair in routed.windows(2) {
        if pair[0].order == pair[1].order && problems.len() < MOST_PROBLEMS {
            let (first, again) = (&pair[0], &pair[1]);
            let location = Location {
                path: again.path.to_path_buf(),
                line: again.line,
                column: 1,
            };
            problems.push(Diagnostic::error(
                Code::Record,
                &location,
                format!(
                    "record {} of block `{key}` is given twice (also at {}:{}): give each file of the block once",
                    again.order,
                    first.path.display(),
                    first.line
                ),
            ));
        }
    }
    let failure = |problems: Vec<Diagnostic>| Failure {
        what: if paths.len() == 1 {
            paths[0].display().to_string()
        } else {
            format!("the records of block `{key}`")
        },
        problems,
    };
    if !problems.is_empty() {
        return Err(failure(problems));
    }
    // The records of one figures file were read back together, as one file.
    for file in routed.chunk_by(|x, y| x.input == y.input) {
        let lines = file.iter().map(|r| (r.path, r.line, r.text));
        each(crate::figures::read_lines(lines).map_err(failure)?);
    }
    Ok(input_failed)
}
