//! `crosscheck check` and `crosscheck explain`: load the claim files, read the
//! corpus, reconcile, render; and the exit status (0 clean, 1 new errors, 2
//! problems with the input or the claim files).

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use super::args::{CheckArgs, CheckFormat, ExplainArgs, ProjectArgs};
use super::{say, EXIT_ERROR, EXIT_FINDINGS, EXIT_OK};
use crate::check::{Checker, Options, Outcome};
use crate::claims::{self, Catalog, Diagnostic};
use crate::input::{Documents, Item, Origin};
use crate::reconcile::{Severity, Tolerances, Verdict};
use crate::report::{explain, findings, findings_json, unmatched, CheckView};

/// The corpus read when no PATH is given.
const DEFAULT_CORPUS: &str = "seeds";
/// The claim files read when no --claims is given.
const DEFAULT_CLAIMS: &str = "claims";

pub fn run(args: &CheckArgs) -> u8 {
    let (catalog, outcome, input_failed) = match gather(&args.project, args.unmatched) {
        Ok(done) => done,
        Err(code) => return code,
    };
    let view = view(&catalog, &outcome);
    let result = write_out(|out| {
        if args.unmatched {
            match args.format {
                CheckFormat::Table => unmatched::write_table(out, &outcome.unmatched),
                CheckFormat::Json => unmatched::write_json(out, &outcome.unmatched),
            }
        } else {
            match args.format {
                CheckFormat::Table => findings::write(out, &view),
                CheckFormat::Json => findings_json::write(out, &view),
            }
        }
    });
    if result.is_err() || input_failed {
        return EXIT_ERROR;
    }
    let new_errors = (0..outcome.findings.len())
        .any(|f| view.severity(outcome.findings[f].verdict) == Severity::Error && view.is_new(f));
    if new_errors && !args.unmatched {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

pub fn explain(args: &ExplainArgs) -> u8 {
    let (catalog, outcome, input_failed) = match gather(&args.project, false) {
        Ok(done) => done,
        Err(code) => return code,
    };
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
        say(format_args!(
            "no quantity `{}` in the claim files{hint}",
            args.quantity
        ));
        return EXIT_ERROR;
    };
    let view = view(&catalog, &outcome);
    if write_out(|out| explain::write(out, &view, quantity)).is_err() || input_failed {
        return EXIT_ERROR;
    }
    EXIT_OK
}

fn view<'a>(catalog: &'a Catalog, outcome: &'a Outcome) -> CheckView<'a> {
    let terminal = io::stdout().is_terminal();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    CheckView {
        catalog,
        outcome,
        color: terminal && !no_color,
        width: if terminal { None } else { Some(120) },
        new: vec![true; outcome.findings.len()],
        marks_new: false,
        severities: Verdict::ALL
            .iter()
            .map(|&v| (v, v.default_severity()))
            .collect(),
    }
}

/// Writes through a buffered stdout; a closed pipe is not an error.
fn write_out(render: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), ()> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match render(&mut out).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => {
            say(format_args!("cannot write output: {error}"));
            Err(())
        }
    }
}

fn report_diagnostics(problems: &[Diagnostic], what: &str) {
    let mut stderr = io::stderr().lock();
    for problem in problems {
        let _ = writeln!(
            stderr,
            "{}:{}:{}: error: {}",
            problem.path.display(),
            problem.line,
            problem.column,
            problem.message
        );
    }
    say(format_args!(
        "{} problem{} in {what}",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    ));
}

/// Loads the catalog and runs the corpus through it. `Err` carries the exit status.
fn gather(project: &ProjectArgs, keep_unmatched: bool) -> Result<(Catalog, Outcome, bool), u8> {
    let claim_paths: Vec<PathBuf> = if project.claims.is_empty() {
        if !Path::new(DEFAULT_CLAIMS).is_dir() {
            say("no claim files: give --claims PATH, or run where a claims/ folder is");
            return Err(EXIT_ERROR);
        }
        vec![DEFAULT_CLAIMS.into()]
    } else {
        project.claims.clone()
    };
    let origins: Vec<Origin> = if project.paths.is_empty() {
        if !Path::new(DEFAULT_CORPUS).is_dir() {
            say("no corpus: give PATH..., or run where a seeds/ folder is");
            return Err(EXIT_ERROR);
        }
        vec![Origin::Path(DEFAULT_CORPUS.into())]
    } else {
        project
            .paths
            .iter()
            .cloned()
            .map(Origin::from_arg)
            .collect()
    };
    let mut tolerances = Tolerances::default();
    for (given, slot, name) in [
        (project.about, &mut tolerances.about, "--about"),
        (project.almost, &mut tolerances.almost, "--almost"),
    ] {
        if let Some(value) = given {
            if !(0.0..1.0).contains(&value) {
                say(format_args!(
                    "{name} takes a fraction from 0 to 1, not {value}"
                ));
                return Err(EXIT_ERROR);
            }
            *slot = value;
        }
    }
    let catalog = match claims::load(&claim_paths) {
        Ok(catalog) => catalog,
        Err(problems) => {
            report_diagnostics(&problems, "the claim files");
            return Err(EXIT_ERROR);
        }
    };
    let mut input_failed = false;
    let outcome = {
        let mut checker = Checker::new(
            &catalog,
            Options {
                tolerances,
                keep_unmatched,
            },
        );
        for item in Documents::new(origins) {
            match item {
                Item::Document(document) => checker.add_document(&document),
                Item::Skipped { .. } => {}
                Item::Failed(error) => {
                    say(&error);
                    input_failed = true;
                }
            }
        }
        match checker.finish() {
            Ok(outcome) => outcome,
            Err(problems) => {
                report_diagnostics(&problems, "the claim files");
                return Err(EXIT_ERROR);
            }
        }
    };
    Ok((catalog, outcome, input_failed))
}
