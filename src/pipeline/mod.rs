//! The pipeline as one call: settings and inputs in, claims and findings out.
//!
//! [`run`] loads the claim files, reads the corpus (or the figures extracted from it
//! elsewhere), extracts on every core, names each document as the catalog and the
//! fingerprints see it, keys the figures to quantities, adds the hand-written claims
//! and reconciles. The command line and the tests call this, and nothing else, to get
//! an [`Outcome`]; what to print and which exit status to give stays with them.
//! Problems that end the run come back as a [`Failure`]; inputs that could not be
//! read are handed to the caller's `on_problem` as they are met, and the run goes on.
//! Discovery split by block reads and writes its records in [`blocks`].

mod blocks;
mod checker;

use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use blocks::{split_by_block, BlockRun, SplitError, SplitPass};
pub use checker::{Checker, Options};

use crate::claims::{self, Catalog, Diagnostic};
use crate::config::Config;
use crate::discover::{Discovered, Discoverer};
use crate::error::Error;
use crate::extract::Figure;
use crate::figures;
use crate::input::{Documents, Origin};
use crate::keying::Keyer;
use crate::parallel::{Done, Extracted, Piece};
use crate::reconcile::Outcome;
use crate::source::{Document, DocumentPath};

/// What to read besides the settings.
#[derive(Debug, Clone)]
pub struct Inputs {
    /// Figures already extracted (`extract --format jsonl`) that stand for the corpus;
    /// when there are any, the corpus is not read.
    pub figures: Vec<PathBuf>,
    /// Threads to extract with (at least one is used).
    pub threads: usize,
    /// Keep the figures no quantity claims (`--unmatched`).
    pub keep_unmatched: bool,
    /// Discovery proposes pairs at least this likely to measure one quantity.
    pub min_confidence: f64,
    /// Discovery adjusts its weights to the project's reviewed pairs (the figures the
    /// catalog keys, the candidates rejected).
    pub learn_from_review: bool,
    /// Discovery reads the claim files, where there are any, and leaves alone the
    /// figures they key.
    pub use_catalog: bool,
    /// The file of candidates a reviewer rejected, which discovery leaves out.
    pub reviewed: Option<PathBuf>,
    /// Document names are made relative to this folder (the current one, for a run
    /// from the command line), so that a name, and every fingerprint built from it,
    /// does not change with how a path was typed.
    pub names_relative_to: Option<PathBuf>,
    /// Discovery of one block of a corpus split by block: `figures` are the records
    /// `discover --print-blocks` wrote for it.
    pub block: Option<BlockRun>,
}

impl Default for Inputs {
    fn default() -> Inputs {
        Inputs {
            figures: Vec::new(),
            threads: crate::parallel::default_threads(),
            keep_unmatched: false,
            min_confidence: crate::discover::THRESHOLD,
            learn_from_review: true,
            use_catalog: true,
            reviewed: None,
            names_relative_to: std::env::current_dir().ok(),
            block: None,
        }
    }
}

/// A finished run.
#[derive(Debug)]
pub struct Run {
    pub catalog: Catalog,
    pub outcome: Outcome,
    /// Some input could not be read (each was handed to `on_problem`): the outcome
    /// stands on the rest.
    pub input_failed: bool,
}

/// Why a run stopped: every problem found in one file or set of files.
#[derive(Debug)]
pub struct Failure {
    /// What the problems are in: "the claim files", or a figures file's path.
    pub what: String,
    pub problems: Vec<Diagnostic>,
}

/// Runs the pipeline: claim files, then the corpus (or `inputs.figures`), keyed and
/// reconciled. Inputs that cannot be read go to `on_problem`, in the order met.
pub fn run(
    config: &Config,
    inputs: &Inputs,
    on_problem: &mut dyn FnMut(Error),
) -> Result<Run, Failure> {
    let catalog = claims::load(&config.claims).map_err(|problems| Failure {
        what: "the claim files".to_string(),
        problems,
    })?;
    let mut checker = Checker::new(
        &catalog,
        Options {
            tolerances: config.tolerances,
            keep_unmatched: inputs.keep_unmatched,
        },
    );
    let input_failed = each_document(config, inputs, on_problem, &mut |document, figures, at| {
        checker.add_figures_at(document, figures, at);
    })?;
    let outcome = checker.finish().map_err(|problems| Failure {
        what: "the claim files".to_string(),
        problems,
    })?;
    Ok(Run {
        catalog,
        outcome,
        input_failed,
    })
}

/// What discovery found in a corpus, with no catalog.
#[derive(Debug)]
pub struct Discovery {
    pub discovered: Discovered,
    /// Some input could not be read (each was handed to `on_problem`).
    pub input_failed: bool,
}

/// Runs discovery over the corpus (or `inputs.figures`): which figures probably
/// measure the same quantity, and what the engine says of each pair.
pub fn discover(
    config: &Config,
    inputs: &Inputs,
    on_problem: &mut dyn FnMut(Error),
) -> Result<Discovery, Failure> {
    let catalog = discovery_catalog(config, inputs)?;
    let keyer = Keyer::new(&catalog);
    let mut discoverer = match &inputs.block {
        Some(block) => Discoverer::for_block(&block.statistics, &block.key)
            .map_err(|message| block.failure(message))?,
        None => Discoverer::default(),
    };
    discoverer.min_confidence = inputs.min_confidence;
    discoverer.learn_from_review = inputs.learn_from_review;
    // Rejected candidates are never proposed, and teach discovery what is not a pair.
    if let Some(path) = &inputs.reviewed {
        discoverer.rejected = crate::review::load_rejected(path).map_err(|problems| Failure {
            what: path.display().to_string(),
            problems,
        })?;
    }
    if let Some(block) = &inputs.block {
        block.refuse_to_learn(inputs.learn_from_review, discoverer.rejected.len())?;
    }
    let input_failed = each_document(config, inputs, on_problem, &mut |document, figures, at| {
        let keyed = keyed_figures(&keyer, &catalog, document, figures, at);
        discoverer.add_keyed_document(document, figures, at, &keyed);
    })?;
    if let Some(block) = &inputs.block {
        discoverer
            .check_block()
            .map_err(|message| block.failure(message))?;
    }
    let discovered = discoverer.finish(&config.tolerances);
    Ok(Discovery {
        discovered,
        input_failed,
    })
}

/// The catalog discovery leaves alone: the claim files, where there are any and they
/// are to be read. What it keys is not proposed again.
fn discovery_catalog(config: &Config, inputs: &Inputs) -> Result<Catalog, Failure> {
    if inputs.use_catalog && config.claims.iter().any(|p| p.exists()) {
        claims::load(&config.claims).map_err(|problems| Failure {
            what: "the claim files".to_string(),
            problems,
        })
    } else {
        Ok(Catalog::default())
    }
}

/// The figures of a document the catalog keys, with their quantities' ids, as
/// discovery takes them.
fn keyed_figures(
    keyer: &Keyer,
    catalog: &Catalog,
    document: &Document,
    figures: &[Figure],
    at: &[(usize, usize)],
) -> Vec<(usize, String)> {
    keyer
        .key_at(document, figures, |index| {
            at.get(index).copied().unwrap_or((0, 0))
        })
        .into_iter()
        .map(|k| (k.figure, catalog.quantities[k.quantity].id.clone()))
        .collect()
}

/// What is done with each document: its figures, and their lines and columns.
type Visit<'a> = dyn FnMut(&Document, &[Figure], &[(usize, usize)]) + 'a;

/// What is done with each figures file: its number (from 1) among the files given, its
/// path and text, and its records read back, a stand-in document for each source.
type EachFile<'a, E> = dyn FnMut(usize, &Path, &str, Vec<figures::Extracted>) -> Result<(), E> + 'a;

/// Reads each figures file of `paths` in order and hands it to `each`. A file that
/// cannot be read goes to `on_problem` (the run goes on without it: the return value
/// says so); one with malformed records stops the run.
fn each_figures_file<E: From<Failure>>(
    paths: &[PathBuf],
    on_problem: &mut dyn FnMut(Error),
    each: &mut EachFile<'_, E>,
) -> Result<bool, E> {
    let mut input_failed = false;
    for (number, path) in paths.iter().enumerate() {
        let text = match crate::figures::read_file(path) {
            Ok(text) => text,
            Err(error) => {
                on_problem(error);
                input_failed = true;
                continue;
            }
        };
        let sources = crate::figures::read(path, &text).map_err(|problems| Failure {
            what: path.display().to_string(),
            problems,
        })?;
        each(number + 1, path, &text, sources)?;
    }
    Ok(input_failed)
}

/// Hands every document of the inputs to `visit` with its figures and their lines and
/// columns, in input order: the figures files when there are any, the corpus otherwise,
/// extracted on every core. Returns whether some input could not be read.
fn each_document(
    config: &Config,
    inputs: &Inputs,
    on_problem: &mut dyn FnMut(Error),
    visit: &mut Visit,
) -> Result<bool, Failure> {
    let name = |name: &str| document_name(name, inputs.names_relative_to.as_deref());
    let mut each_source = |sources: Vec<figures::Extracted>| {
        for mut source in sources {
            source.document.name = name(&source.document.name);
            visit(&source.document, &source.figures, &source.positions);
        }
    };
    let mut input_failed = match &inputs.block {
        Some(block) => {
            blocks::each_block_source(&inputs.figures, &block.key, on_problem, &mut each_source)?
        }
        None => each_figures_file(&inputs.figures, on_problem, &mut |_, _, _, sources| {
            each_source(sources);
            Ok::<(), Failure>(())
        })?,
    };
    // With figures, the corpus is not read: the figures stand for it.
    let origins: Vec<Origin> = if inputs.figures.is_empty() {
        config
            .corpus
            .iter()
            .cloned()
            .map(Origin::from_arg)
            .collect()
    } else {
        Vec::new()
    };
    // A document's figures come piece by piece; they are keyed once it is whole.
    let mut figures_of_document = Vec::new();
    crate::parallel::extract_in_order(
        Documents::new(origins)
            .with_limits(config.limits)
            .in_parts(crate::split::PART_BYTES),
        inputs.threads.max(1),
        |_, extracted| extracted,
        |done| match done {
            Done::Piece(Piece {
                document,
                result: Extracted { figures, too_large },
                last,
            }) => {
                for span in &too_large {
                    on_problem(Error::number_too_large(&document, span));
                    input_failed = true;
                }
                figures_of_document.extend(figures);
                if last {
                    let mut document = Arc::unwrap_or_clone(document);
                    document.name = name(&document.name);
                    let mut at = document.positions();
                    let positions: Vec<(usize, usize)> = figures_of_document
                        .iter()
                        .map(|f: &Figure| at.line_col(f.span.start))
                        .collect();
                    visit(&document, &figures_of_document, &positions);
                    figures_of_document.clear();
                }
            }
            Done::Skipped { .. } => {}
            Done::Failed(error) => {
                input_failed |= !error.is_warning();
                on_problem(error);
            }
        },
    );
    Ok(input_failed)
}

/// One spelling per document whatever way its folder was named ("docs", "./docs", an
/// absolute path under `relative_to`): document names go into source ids and so into
/// fingerprints, which must not change with how a path was typed.
fn document_name(name: &str, relative_to: Option<&Path>) -> String {
    let path = Path::new(name);
    let relative = relative_to.filter(|_| path.is_absolute()).and_then(|root| {
        path.strip_prefix(root)
            .ok()
            .map(|p| p.display().to_string())
    });
    match relative {
        Some(relative) => DocumentPath::new(&relative).to_string(),
        None if path.is_absolute() => name.to_string(),
        None => DocumentPath::new(name).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_is_named_alike_however_its_path_was_typed() {
        let root = Path::new("/home/p");
        assert_eq!(
            document_name("/home/p/docs/a.txt", Some(root)),
            "docs/a.txt"
        );
        assert_eq!(document_name("./docs//a.txt", Some(root)), "docs/a.txt");
        assert_eq!(
            document_name("/elsewhere/a.txt", Some(root)),
            "/elsewhere/a.txt"
        );
    }
}
