//! `crosscheck check`, `explain`, `baseline` and `init`: settings, claim files and
//! corpus in; reports, the baseline file and a starter project out; and the exit
//! status: 0 clean, 1 new errors (or stale baseline entries with --strict), 2 a
//! problem with the input, the settings, the claim files or the baseline.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use super::args::{BaselineArgs, CheckArgs, CheckFormat, ExplainArgs, InitArgs, ProjectArgs};
use super::{say, show, stop, Stop, EXIT_ERROR, EXIT_FINDINGS, EXIT_OK};
use crate::atomic;
use crate::baseline::{self, Baseline, Gate};
use crate::claims::Catalog;
use crate::config::{self, Config};
use crate::diag::Code;
use crate::pipeline::{self, Inputs};
use crate::reconcile::{Outcome, Severity};
use crate::report::{
    explain, findings, findings_csv, findings_github, findings_html, findings_json,
    findings_markdown, findings_sarif, unmatched, CheckView,
};

/// Everything a run needs: settings, and what the pipeline made of the inputs.
struct Project {
    config: Config,
    catalog: Catalog,
    outcome: Outcome,
    input_failed: bool,
}

/// Stale baseline entries reported one by one; past them, a count. A baseline whose
/// every entry is stale (a renamed quantity) says so in a hundred lines, not a million.
const MOST_STALE_SHOWN: usize = 100;

pub fn run(args: &CheckArgs) -> u8 {
    check(args).unwrap_or_else(stop)
}

fn check(args: &CheckArgs) -> Result<u8, Stop> {
    if args.unmatched
        && !matches!(
            args.format,
            CheckFormat::Table | CheckFormat::Json | CheckFormat::Csv
        )
    {
        return Err(Stop::Message(format!(
            "--unmatched lists figures as a table, JSON or CSV; --format {} is for findings",
            args.format.name()
        )));
    }
    if let Some(output) = &args.output {
        refuse_to_replace_an_input(output, &settings(&args.project)?, &args.project, &[])?;
    }
    let mut project = gather(&args.project, args.unmatched)?;
    for (words, severity) in [
        (&args.deny, Severity::Error),
        (&args.warn, Severity::Warning),
        (&args.allow, Severity::Note),
    ] {
        for &verdict in words {
            project.config.set_severity(verdict, severity);
        }
    }
    let baseline = load_baseline(&project.config.baseline)?;
    let gate = Gate::new(
        baseline.as_ref(),
        &project.outcome.findings,
        &project.config.severities,
    );
    if let Some(baseline) = &baseline {
        for &entry in gate.stale.iter().take(MOST_STALE_SHOWN) {
            show(&baseline.stale(entry, args.strict));
        }
        if let Some(more) = gate.stale.len().checked_sub(MOST_STALE_SHOWN + 1) {
            let _ = writeln!(
                io::stderr().lock(),
                "crosscheck: {} more stale baseline entries not shown ({} in all); `crosscheck baseline --prune` removes them",
                more + 1,
                gate.stale.len()
            );
        }
    }
    for warning in &project.outcome.warnings {
        let warning = if args.strict && warning.code == Code::UnusedRule {
            warning.clone().into_error()
        } else {
            warning.clone()
        };
        show(&warning);
    }
    let unused_rules = args.strict
        && project
            .outcome
            .warnings
            .iter()
            .any(|w| w.code == Code::UnusedRule);
    let view = view(&project, gate, args.output.is_some());
    let render = |out: &mut dyn Write| -> io::Result<()> {
        if args.unmatched {
            return match args.format {
                CheckFormat::Json => unmatched::write_json(out, &project.outcome.unmatched),
                CheckFormat::Csv => unmatched::write_csv(out, &project.outcome.unmatched),
                _ => unmatched::write_table(out, &project.outcome.unmatched, args.all),
            };
        }
        match args.format {
            CheckFormat::Table => findings::write(out, &view),
            CheckFormat::Json => findings_json::write(out, &view),
            CheckFormat::Markdown => findings_markdown::write(out, &view),
            CheckFormat::Csv => findings_csv::write(out, &view),
            CheckFormat::Github => findings_github::write(out, &view),
            CheckFormat::Sarif => findings_sarif::write(out, &view),
            CheckFormat::Html => findings_html::write(out, &view),
        }
    };
    match &args.output {
        Some(path) => write_file(path, render)?,
        None => write_out(render)?,
    }
    if project.input_failed {
        Err(Stop::Shown)
    } else if !args.unmatched && (view.gate.fails(args.strict) || unused_rules) {
        Ok(EXIT_FINDINGS)
    } else {
        Ok(EXIT_OK)
    }
}

pub fn explain(args: &ExplainArgs) -> u8 {
    explain_quantity(args).unwrap_or_else(stop)
}

fn explain_quantity(args: &ExplainArgs) -> Result<u8, Stop> {
    let project = gather(&args.project, false)?;
    let catalog = &project.catalog;
    let Some(quantity) = catalog.quantity(&args.quantity) else {
        let close: Vec<&str> = catalog
            .quantities
            .iter()
            .map(|q| q.id.as_str())
            .filter(|id| id.contains(&args.quantity) || args.quantity.contains(id))
            .collect();
        let hint = if close.is_empty() {
            String::new()
        } else {
            format!(" (did you mean {}?)", close.join(", "))
        };
        return Err(Stop::Message(format!(
            "no quantity `{}` in the claim files{hint}",
            args.quantity
        )));
    };
    let gate = Gate::new(None, &project.outcome.findings, &project.config.severities);
    let view = view(&project, gate, false);
    write_out(|out| explain::write(out, &view, quantity))?;
    if project.input_failed {
        return Err(Stop::Shown);
    }
    Ok(EXIT_OK)
}

/// `crosscheck baseline`: accept every current finding of severity error or warning.
pub fn baseline(args: &BaselineArgs) -> u8 {
    accept_findings(args).unwrap_or_else(stop)
}

fn accept_findings(args: &BaselineArgs) -> Result<u8, Stop> {
    let project = gather(&args.project, false)?;
    if project.input_failed {
        return Err(Stop::Message(
            "not writing the baseline: some inputs could not be read".to_string(),
        ));
    }
    let path = &project.config.baseline;
    // Two runs at once take turns: each reads the baseline the other wrote.
    let _lock = atomic::lock(path)
        .map_err(|error| Stop::Message(format!("{}: cannot lock: {error}", path.display())))?;
    let existing = load_baseline(path)?;
    let update = baseline::accept_all(
        existing.as_ref(),
        &project.catalog,
        &project.outcome,
        &project.config.severities,
        args.prune,
    );
    atomic::write(path, update.text.as_bytes())
        .map_err(|error| Stop::Message(format!("{}: cannot write: {error}", path.display())))?;
    let mut message = format!(
        "{}: {} added, {} kept",
        path.display(),
        update.added,
        update.kept
    );
    if args.prune {
        message.push_str(&format!(", {} stale removed", update.removed));
    } else if update.stale > 0 {
        message.push_str(&format!(
            ", {} stale (kept; --prune removes them)",
            update.stale
        ));
    }
    say(message);
    Ok(EXIT_OK)
}

/// `crosscheck init`: a commented crosscheck.toml, a starter claim file and an empty
/// corpus folder (nothing in it: a file there would be checked as a document).
pub fn init(args: &InitArgs) -> u8 {
    let dir = &args.dir;
    let corpus = dir.join("corpus");
    let files = [
        (dir.join(config::FILE_NAME), config::STARTER),
        (dir.join("claims").join("catalog.toml"), STARTER_CLAIMS),
    ];
    let existing: Vec<&PathBuf> = files
        .iter()
        .map(|(p, _)| p)
        .filter(|p| p.symlink_metadata().is_ok())
        .collect();
    if !existing.is_empty() {
        for path in existing {
            say(format_args!(
                "{}: exists; init never overwrites anything",
                path.display()
            ));
        }
        return EXIT_ERROR;
    }
    // A folder to be made that exists as something else would stop init halfway: all
    // is checked before anything is written.
    let blocked: Vec<&Path> = files
        .iter()
        .filter_map(|(p, _)| p.parent())
        .chain([corpus.as_path()])
        .flat_map(Path::ancestors)
        .filter(|folder| !folder.as_os_str().is_empty())
        .filter(|folder| folder.exists() && !folder.is_dir())
        .collect();
    if let Some(folder) = blocked.first() {
        say(format_args!(
            "{}: exists and is not a folder; init writes nothing",
            folder.display()
        ));
        return EXIT_ERROR;
    }
    for (path, contents) in &files {
        let created = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| atomic::create_new(path, contents.as_bytes()));
        if let Err(error) = created {
            say(format_args!("{}: cannot create: {error}", path.display()));
            return EXIT_ERROR;
        }
        say(format_args!("created {}", path.display()));
    }
    if let Err(error) = std::fs::create_dir_all(&corpus) {
        say(format_args!("{}: cannot create: {error}", corpus.display()));
        return EXIT_ERROR;
    }
    say(format_args!(
        "created {}{}: put the documents to check there (plain text, UTF-8, one file per document)",
        corpus.display(),
        std::path::MAIN_SEPARATOR
    ));
    EXIT_OK
}

pub const STARTER_CLAIMS: &str = r#"# A claim file: sources, quantities (with the rules that find them in the corpus),
# hand-written claims, pins and relations. Every table is optional; ids are shared
# across all claim files. The full reference is in crosscheck's docs/claim-files.md.
#
# [[source]]
# id = "annual-report-2023"
# title = "Annual report 2023"
# outlet = "Ministry of Water"
# date = "2024-03"
# kind = "dataset"
# document = "corpus/annual-report-2023.txt"
#
# [[quantity]]
# id = "households_evacuated_2023"
# description = "Households evacuated during the 2023 flood"
# unit = "households"
# period = "2023"
#
# [[quantity.rule]]
# pattern = "{figure} households (?:were )?evacuated"
#
# [[claim]]
# id = "press_evacuated"
# quantity = "households_evacuated_2023"
# source = "annual-report-2023"
# value = "about 12,000"
# quote = "about 12,000 households were evacuated"
"#;

fn view(project: &Project, gate: Gate, to_file: bool) -> CheckView<'_> {
    let terminal = !to_file && io::stdout().is_terminal();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    CheckView {
        catalog: &project.catalog,
        outcome: &project.outcome,
        color: terminal && !no_color,
        width: if terminal { None } else { Some(120) },
        gate,
        severities: project.config.severities.clone(),
    }
}

/// Writes through a buffered stdout; a closed pipe is not an error.
pub(super) fn write_out(render: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), Stop> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match render(&mut out).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => Err(Stop::Message(format!("cannot write output: {error}"))),
    }
}

/// Stops before anything is read when `output` names one of the run's inputs (the
/// settings, a claim file or a document, the baseline, a figures file, or `more`),
/// however it is written: a report must never replace what the user wrote.
pub(super) fn refuse_to_replace_an_input(
    output: &Path,
    config: &Config,
    project: &ProjectArgs,
    more: &[PathBuf],
) -> Result<(), Stop> {
    let mut inputs: Vec<PathBuf> = config.path.iter().cloned().collect();
    inputs.extend(config.claims.iter().cloned());
    inputs.extend(config.corpus.iter().cloned());
    inputs.extend(project.paths.iter().cloned());
    inputs.extend(project.figures.iter().cloned());
    inputs.push(config.baseline.clone());
    inputs.extend(more.iter().cloned());
    match atomic::replaces_input(output, &inputs) {
        Some(input) => {
            let what = if input.is_dir() {
                format!("it is a file of {}, which this run reads", input.display())
            } else {
                format!("it is {}, which this run reads", input.display())
            };
            Err(Stop::Message(format!(
                "{}: not writing the report there: {what}",
                output.display()
            )))
        }
        None => Ok(()),
    }
}

/// Renders into a temporary file beside `path`, then renames it into place.
pub(super) fn write_file(
    path: &Path,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Stop> {
    atomic::write_with(path, render)
        .map_err(|error| Stop::Message(format!("{}: cannot write: {error}", path.display())))
}

/// The baseline at `path`, if there is one.
fn load_baseline(path: &Path) -> Result<Option<Baseline>, Stop> {
    baseline::load(path).map_err(|problems| Stop::Problems {
        what: "the baseline".to_string(),
        problems,
    })
}

/// The settings file to read: --config, else ./crosscheck.toml when present. Whatever
/// is there is read, so that a folder, a device or a broken link named crosscheck.toml
/// is reported, not silently replaced by the defaults.
pub(super) fn settings_file(given: Option<&PathBuf>) -> Option<PathBuf> {
    match given {
        Some(path) => Some(path.clone()),
        None => Some(PathBuf::from(config::FILE_NAME)).filter(|p| p.symlink_metadata().is_ok()),
    }
}

/// The settings: --config, else ./crosscheck.toml when present, else defaults; then the
/// command line's paths and tolerances on top.
pub(super) fn settings(project: &ProjectArgs) -> Result<Config, Stop> {
    let mut config = match settings_file(project.config.as_ref()) {
        Some(path) => config::load(&path).map_err(|problems| Stop::Problems {
            what: path.display().to_string(),
            problems,
        })?,
        None => Config::default(),
    };
    if !project.paths.is_empty() {
        config.corpus = project.paths.clone();
    }
    if !project.claims.is_empty() {
        config.claims = project.claims.clone();
    }
    if let Some(baseline) = &project.baseline {
        config.baseline = baseline.clone();
    }
    for (given, slot, name) in [
        (project.about, &mut config.tolerances.about, "--about"),
        (project.almost, &mut config.tolerances.almost, "--almost"),
    ] {
        if let Some(value) = given {
            if !(0.0..1.0).contains(&value) {
                return Err(Stop::Message(format!(
                    "{name} takes a fraction from 0 to 1, not {value}"
                )));
            }
            *slot = value;
        }
    }
    Ok(config)
}

/// Loads the settings and runs the pipeline on the inputs.
fn gather(args: &ProjectArgs, keep_unmatched: bool) -> Result<Project, Stop> {
    let config = settings(args)?;
    let defaults = config.path.is_none() && args.paths.is_empty() && args.claims.is_empty();
    if defaults && !Path::new(config::DEFAULT_CLAIMS).is_dir() {
        return Err(Stop::Message("no claim files: give --claims PATH, write a crosscheck.toml (crosscheck init), or run where a claims/ folder is".to_string()));
    }
    let mut inputs = Inputs {
        figures: args.figures.clone(),
        keep_unmatched,
        ..Inputs::default()
    };
    if let Some(threads) = args.threads {
        inputs.threads = threads;
    }
    let run = pipeline::run(&config, &inputs, &mut |problem| show(&problem.diagnostic()))?;
    Ok(Project {
        config,
        catalog: run.catalog,
        outcome: run.outcome,
        input_failed: run.input_failed,
    })
}
