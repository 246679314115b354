//! The command line as data: subcommands and their options, declared with clap.
//!
//! The help texts here are the user's reference; the README's `crosscheck extract`
//! section repeats them. No behaviour lives here.

use std::path::PathBuf;

use clap::builder::PossibleValue;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::reconcile::Verdict;
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
    /// Reconcile a corpus with its claim files and report the discrepancies.
    Check(CheckArgs),
    /// Find, with no catalog, which figures measure the same quantity, and where they disagree.
    Discover(DiscoverArgs),
    /// Accept a discovered candidate: write it into claims/discovered.toml as a quantity with pins.
    Accept(AcceptArgs),
    /// Reject a discovered candidate: record it in crosscheck-reviewed.toml so it never comes back.
    Reject(RejectArgs),
    /// Pin one figure of a document to a quantity: append a [[pin]] anchored by its quote.
    Pin(PinArgs),
    /// Print the JSON Schema of claim files or of crosscheck.toml, for editors.
    Schema(SchemaArgs),
    /// Show one quantity in full: every claim, its interval, every verdict.
    Explain(ExplainArgs),
    /// Accept the current findings: add them to the baseline file.
    Baseline(BaselineArgs),
    /// Start a project: write a commented crosscheck.toml, claims/ and corpus/.
    Init(InitArgs),
}

/// Where the corpus and the claim files are, and how to read figures.
#[derive(Debug, Args)]
pub struct ProjectArgs {
    /// Corpus files or folders [default: crosscheck.toml's `corpus`, or seeds/].
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// A claim file, or a folder of them (*.toml); may be repeated [default: crosscheck.toml's `claims`, or claims/].
    #[arg(long = "claims", value_name = "PATH")]
    pub claims: Vec<PathBuf>,

    /// The project's settings [default: crosscheck.toml in the current folder, if any].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// The baseline of accepted findings [default: crosscheck.toml's `baseline`, or crosscheck-baseline.toml].
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Reconcile figures already extracted (`crosscheck extract --format jsonl`, here or
    /// elsewhere) instead of reading the corpus; `-` reads standard input.
    #[arg(long, value_name = "FILE", conflicts_with = "paths")]
    pub figures: Vec<PathBuf>,

    /// Threads to extract with [default: one per core]. The report is the same, byte for byte.
    #[arg(short = 'j', long, value_name = "N", value_parser = thread_count)]
    pub threads: Option<usize>,

    /// Relative tolerance of "about", "approximately", "some" (0.10 is ±10%).
    #[arg(long, value_name = "FRACTION")]
    pub about: Option<f64>,

    /// Relative tolerance of "almost", "nearly" (0.10: up to 10% below).
    #[arg(long, value_name = "FRACTION")]
    pub almost: Option<f64>,
}

/// `crosscheck check [PATH...] [--claims PATH]... [--format FORMAT] [--unmatched]`
#[derive(Debug, Args)]
#[command(
    after_help = "Exit status: 0 when every finding of severity error is in the baseline; 1 when
at least one is new (or, with --strict, when the baseline has stale entries); 2 on
a usage error, a problem in crosscheck.toml, a claim file or the baseline (each
reported with its file, line and column), or an input that could not be read.

Verdicts: agreement, within_rounding, within_approximation, scope_mismatch,
contradiction, arithmetic_mismatch."
)]
pub struct CheckArgs {
    #[command(flatten)]
    pub project: ProjectArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Table)]
    pub format: CheckFormat,

    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// List the figures no quantity claims, grouped by what they count, instead of the
    /// report (as a table, JSON or CSV).
    #[arg(long)]
    pub unmatched: bool,

    /// With --unmatched: list every figure of each group in the table, not the first four.
    #[arg(long, requires = "unmatched")]
    pub all: bool,

    /// Fail (exit 1) when the baseline has entries that match no finding.
    #[arg(long)]
    pub strict: bool,

    /// Treat VERDICT as an error: it fails the check (deny).
    #[arg(short = 'D', long = "deny", value_name = "VERDICT", value_enum)]
    pub deny: Vec<Verdict>,

    /// Treat VERDICT as a warning: shown, does not fail.
    #[arg(short = 'W', long = "warn", value_name = "VERDICT", value_enum)]
    pub warn: Vec<Verdict>,

    /// Allow VERDICT: counted, not shown.
    #[arg(short = 'A', long = "allow", value_name = "VERDICT", value_enum)]
    pub allow: Vec<Verdict>,
}

/// `crosscheck discover [PATH...] [--format FORMAT] [--all]`
#[derive(Debug, Args)]
#[command(
    after_help = "Each candidate is a pair of figures that probably measure the same quantity,
with its confidence (0 to 1), the engine's verdict and reason, a tier, and the
evidence (shared context words, counted noun, periods, who asserts each figure).
Tiers, loudest first: contradiction, refuted (a source quotes a figure to refute
it), part_of (a figure for a period inside another's is the larger), attributed (two
named estimates), scope (different periods), same_voice (one
document, one voice: hidden without --all), agreement (hidden without --all).

A corpus too large for one machine is discovered block by block, with the same
candidates: one pass over the figures files routes each record to the blocks of its
document (--print-blocks) and writes the corpus's statistics (--statistics-out); each
block is then a run of its own (--block KEY --statistics FILE), and the candidates of
all blocks are those of the whole run.

Exit status: 0 when all went well (candidates are proposals, not failures); 2 on a
usage error, a problem in crosscheck.toml, a figures file or a statistics file (or
records of a block that do not match their statistics), or an input that could not
be read."
)]
pub struct DiscoverArgs {
    #[command(flatten)]
    pub project: ProjectArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = DiscoverFormat::Table)]
    pub format: DiscoverFormat,

    /// Also show agreements and pairs from one voice.
    #[arg(long)]
    pub all: bool,

    /// Ignore the claim files: propose pairs among figures the catalog keys too.
    #[arg(long)]
    pub no_catalog: bool,

    /// Score with the default weights only, not adjusted to the pairs this project's
    /// catalog keys and its reviewer rejected.
    #[arg(long)]
    pub default_weights: bool,

    /// Show at most N candidates [default: all].
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,

    /// Propose pairs at least this likely to measure one quantity, in [0, 1]
    /// [default: 0.5]. Lower finds more and is noisier.
    #[arg(long, value_name = "P", value_parser = confidence_in_unit)]
    pub min_confidence: Option<f64>,

    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// With --figures: print each record once for every block of its document, with
    /// the block's key in front (`{"block":"count","input":1,"order":17,...}`), for a
    /// job to group by, instead of discovering.
    #[arg(long, requires = "figures", conflicts_with_all = ["block", "statistics"])]
    pub print_blocks: bool,

    /// With --figures: write the statistics of the whole corpus that each block's run
    /// reads to FILE (atomically), instead of discovering.
    #[arg(
        long,
        value_name = "FILE",
        requires = "figures",
        conflicts_with_all = ["block", "statistics"]
    )]
    pub statistics_out: Option<PathBuf>,

    /// Discover one block: pair only its figures, read from the records
    /// --print-blocks wrote for it (given with --figures), as the whole run would.
    #[arg(long, value_name = "KEY", requires_all = ["figures", "statistics"])]
    pub block: Option<String>,

    /// With --block: the statistics --statistics-out wrote for the whole corpus.
    #[arg(long, value_name = "FILE", requires = "block")]
    pub statistics: Option<PathBuf>,
}

/// `crosscheck accept ID [--as QUANTITY] [--description TEXT]`
#[derive(Debug, Args)]
#[command(
    after_help = "Appends a [[quantity]] and a [[pin]] for each figure of the candidate to
claims/discovered.toml (in the first claims folder), or, with --as naming a quantity
of the catalog (or by default, when the candidate looks like one), pins to that
quantity. Nothing else in the file changes; the file is written atomically, and the
claim files must still load afterwards or the write is undone. Pins name a figure by
quote (the words before and after it), not by its line.

Exit status: 0 when the candidate was written; 2 when no candidate has that id, or the
claim files cannot be read or written."
)]
pub struct AcceptArgs {
    /// The candidate's id, as `crosscheck discover` prints it.
    pub id: String,

    /// The quantity's id: a new one, or one of the catalog to add the figures to
    /// [default: the catalog quantity the candidate looks like, or discovered_ID].
    #[arg(long = "as", value_name = "QUANTITY")]
    pub quantity: Option<String>,

    /// The new quantity's description [default: the two figures].
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,

    #[command(flatten)]
    pub project: ProjectArgs,
}

/// `crosscheck reject ID --reason TEXT`
#[derive(Debug, Args)]
#[command(
    after_help = "Appends the candidate, its figures and the reason to crosscheck-reviewed.toml,
written atomically; `discover` leaves rejected candidates out from then on.

Exit status: 0 when the rejection was written; 2 when no candidate has that id, or
the file cannot be read or written."
)]
pub struct RejectArgs {
    /// The candidate's id, as `crosscheck discover` prints it.
    pub id: String,

    /// Why the two figures are not one quantity.
    #[arg(long, value_name = "TEXT")]
    pub reason: String,

    #[command(flatten)]
    pub project: ProjectArgs,
}

/// `crosscheck pin DOCUMENT:LINE:COLUMN --quantity Q`
#[derive(Debug, Args)]
#[command(
    after_help = "Appends a [[pin]] for the figure at (or around) DOCUMENT:LINE:COLUMN to the claim
file that defines the quantity, written atomically, its comments kept. The pin names
the figure by its text and the words around it (prefix, suffix), not by its line, so
lines inserted elsewhere or a paragraph re-wrapped do not break it; `accept` writes pins
the same way.

Exit status: 0 when the pin was written; 2 when there is no figure at that place, no
such quantity, or the claim file cannot be read or written."
)]
pub struct PinArgs {
    /// Where the figure is: the document's path, its line and a column within the figure,
    /// as `check` and `extract` print them (`seeds/002_57d5f1d80ad01411.txt:555:75`).
    #[arg(value_name = "DOCUMENT:LINE:COLUMN")]
    pub place: String,

    /// The quantity the figure is, an id of the catalog.
    #[arg(long, value_name = "QUANTITY")]
    pub quantity: String,

    /// A claim file, or a folder of them (*.toml); may be repeated [default: crosscheck.toml's `claims`, or claims/].
    #[arg(long = "claims", value_name = "PATH")]
    pub claims: Vec<PathBuf>,

    /// The project's settings [default: crosscheck.toml in the current folder, if any].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// `crosscheck schema claims|config`
#[derive(Debug, Args)]
#[command(
    after_help = "Prints a JSON Schema (draft 2020-12) that editors use to complete and check the
files: save it next to them and name it on a file's first line, as taplo and the Even
Better TOML extension read it:

    crosscheck schema claims > claims/claims.schema.json
    #:schema ./claims.schema.json          (first line of a claim file)"
)]
pub struct SchemaArgs {
    /// Which files the schema describes.
    #[arg(value_enum)]
    pub of: SchemaOf,
}

/// The files `crosscheck schema` describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaOf {
    /// Claim files: sources, quantities, rules, claims, pins, relations.
    Claims,
    /// The project's crosscheck.toml.
    Config,
}

/// The `--format` values of `discover`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiscoverFormat {
    /// A list for people, loudest first.
    Table,
    /// One JSON document: {"candidates": [...], "summary": {...}}.
    Json,
    /// Markdown: a table of the candidates.
    Markdown,
    /// CSV (RFC 4180): one row per candidate.
    Csv,
    /// One self-contained HTML page: each candidate with a plot of its two figures.
    Html,
}

/// `crosscheck baseline [PATH...] [--claims PATH]... [--prune]`
#[derive(Debug, Args)]
pub struct BaselineArgs {
    #[command(flatten)]
    pub project: ProjectArgs,

    /// Also remove entries that match no finding any more.
    #[arg(long)]
    pub prune: bool,
}

/// `crosscheck init [DIR]`
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to start the project in (created if missing).
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
}

/// `crosscheck explain QUANTITY [PATH...] [--claims PATH]...`
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The quantity's id, as in the claim files.
    #[arg(value_name = "QUANTITY")]
    pub quantity: String,

    #[command(flatten)]
    pub project: ProjectArgs,
}

/// The `--format` values of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Tables for people, one per quantity in dispute.
    Table,
    /// One JSON document: {"findings": [...], "summary": {...}}.
    Json,
    /// Markdown for a pull-request comment: new findings as a table.
    Markdown,
    /// CSV (RFC 4180) for a spreadsheet: one row per finding.
    Csv,
    /// GitHub workflow commands: an annotation on each figure of a new finding.
    Github,
    /// SARIF 2.1.0 for code scanning, with fingerprints and baseline state.
    Sarif,
    /// One self-contained HTML page to read and share: a plot per quantity, filters.
    Html,
}

impl CheckFormat {
    /// The name as written after `--format`.
    pub fn name(self) -> String {
        self.to_possible_value()
            .map_or_else(String::new, |v| v.get_name().to_string())
    }
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

    /// Threads to extract with [default: one per core]. The output is the same, byte for byte.
    #[arg(short = 'j', long, value_name = "N", value_parser = thread_count)]
    pub threads: Option<usize>,

    /// The project's settings, for the readers' `[limits]` [default: crosscheck.toml in the current folder, if any].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
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

/// Verdicts on the command line (`-D`, `-W`, `-A`) by their stable names; clap refuses
/// any other word and lists these.
impl ValueEnum for Verdict {
    fn value_variants<'a>() -> &'a [Verdict] {
        &Verdict::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.as_str()))
    }
}

/// A confidence in [0, 1].
/// Threads a run may ask for: more than this is a typing slip, and starting them would
/// fail on any machine.
pub const MOST_THREADS: usize = 1024;

fn thread_count(text: &str) -> Result<usize, String> {
    let count: usize = text
        .parse()
        .map_err(|_| format!("`{text}` is not a whole number"))?;
    if (1..=MOST_THREADS).contains(&count) {
        Ok(count)
    } else {
        Err(format!("{count} threads: give 1 to {MOST_THREADS}"))
    }
}

fn confidence_in_unit(text: &str) -> Result<f64, String> {
    let value: f64 = text
        .parse()
        .map_err(|_| format!("`{text}` is not a number"))?;
    if (0.0..=1.0).contains(&value) {
        Ok(value)
    } else {
        Err(format!("{value} is outside [0, 1]"))
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
