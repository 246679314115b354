//! `crosscheck accept` and `crosscheck reject`: a reviewer's answer to one of
//! discovery's candidates, written into the files the project commits. The candidate
//! is found again by its id in a fresh discovery over the same inputs. `crosscheck pin`
//! writes one figure's pin the way `accept` does.

use std::path::{Path, PathBuf};

use super::args::{AcceptArgs, PinArgs, ProjectArgs, RejectArgs};
use super::check::settings;
use super::{say, show, stop, Stop, EXIT_OK};
use crate::atomic;
use crate::claims;
use crate::config::Config;
use crate::discover::{Candidate, Discovered};
use crate::extract::extract;
use crate::pipeline::{self, Inputs};
use crate::review;
use crate::source::Document;

pub fn accept(args: &AcceptArgs) -> u8 {
    accept_candidate(args).unwrap_or_else(stop)
}

pub fn reject(args: &RejectArgs) -> u8 {
    reject_candidate(args).unwrap_or_else(stop)
}

/// The settings, discovery over the inputs, and the candidate with `id`.
fn find(project: &ProjectArgs, id: &str) -> Result<(Config, Discovered, usize), Stop> {
    let config = settings(project)?;
    let mut inputs = Inputs {
        figures: project.figures.clone(),
        reviewed: Some(PathBuf::from(review::REVIEWED_FILE)),
        ..Inputs::default()
    };
    if let Some(threads) = project.threads {
        inputs.threads = threads;
    }
    let discovery =
        pipeline::discover(&config, &inputs, &mut |problem| show(&problem.diagnostic()))?;
    if discovery.input_failed {
        return Err(Stop::Message(
            "not writing a review: some inputs could not be read".to_string(),
        ));
    }
    let discovered = discovery.discovered;
    let Some(index) = discovered
        .candidates
        .iter()
        .position(|c| c.id.to_string() == id)
    else {
        return Err(Stop::Message(format!(
            "no candidate `{id}` in this corpus (rejected ones are left out): `crosscheck discover --all` lists the ids"
        )));
    };
    Ok((config, discovered, index))
}

/// Appends `addition` to the file at `path` (or to `header` when there is none yet),
/// atomically; returns what the file held before.
fn append(path: &Path, header: &str, addition: &str) -> Result<Option<String>, Stop> {
    let before = match std::fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => {
            return Err(Stop::Message(format!(
                "{}: cannot read: {}",
                path.display(),
                crate::error::io_message(&error)
            )))
        }
    };
    let mut text = before.clone().unwrap_or_else(|| header.to_string());
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(addition);
    if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(|error| {
            Stop::Message(format!(
                "{}: cannot create: {}",
                folder.display(),
                crate::error::io_message(&error)
            ))
        })?;
    }
    atomic::write(path, text.as_bytes()).map_err(|error| {
        Stop::Message(format!(
            "{}: cannot write: {}",
            path.display(),
            crate::error::io_message(&error)
        ))
    })?;
    Ok(before)
}

/// Puts back what a file held before an append that must be undone.
fn undo(path: &Path, before: Option<String>) {
    let restored = match before {
        Some(text) => atomic::write(path, text.as_bytes()),
        None => std::fs::remove_file(path),
    };
    if let Err(error) = restored {
        say(format_args!(
            "{}: cannot undo the change: {error}",
            path.display()
        ));
    }
}

fn accept_candidate(args: &AcceptArgs) -> Result<u8, Stop> {
    let (config, discovered, index) = find(&args.project, &args.id)?;
    let candidate: &Candidate = &discovered.candidates[index];
    let catalog = if config.claims.iter().any(|p| p.exists()) {
        claims::load(&config.claims).map_err(|problems| Stop::Problems {
            what: "the claim files".to_string(),
            problems,
        })?
    } else {
        claims::Catalog::default()
    };
    // A candidate that looks like a catalog quantity grows that quantity.
    let id = args
        .quantity
        .clone()
        .or_else(|| discovered.quantity(candidate).map(str::to_string))
        .unwrap_or_else(|| format!("discovered_{}", candidate.id));
    let existing = catalog.quantity(&id).is_some();
    let addition = review::accepted_text(
        &discovered,
        candidate,
        &id,
        args.description.as_deref(),
        existing,
    );
    let path = review::discovered_file(&config.claims);
    let header = "# Quantities accepted from `crosscheck discover` (`crosscheck accept`).\n";
    let before = append(&path, header, &addition)?;
    // The claim files must still load: otherwise the append is undone.
    let mut claims = config.claims.clone();
    if !claims.iter().any(|c| path.starts_with(c)) {
        claims.push(path.clone());
    }
    if let Err(problems) = claims::load(&claims) {
        undo(&path, before);
        return Err(Stop::Problems {
            what: format!(
                "the claim files with {} added (not written)",
                path.display()
            ),
            problems,
        });
    }
    say(format_args!(
        "{}: {} {} ({} and {})",
        path.display(),
        if existing {
            "pins added to"
        } else {
            "quantity added:"
        },
        id,
        discovered.profiles[candidate.a as usize].shown(),
        discovered.profiles[candidate.b as usize].shown()
    ));
    Ok(EXIT_OK)
}

fn reject_candidate(args: &RejectArgs) -> Result<u8, Stop> {
    let (_, discovered, index) = find(&args.project, &args.id)?;
    let candidate = &discovered.candidates[index];
    let path = PathBuf::from(review::REVIEWED_FILE);
    let addition = review::rejected_text(&discovered, candidate, &args.reason);
    let before = append(&path, review::REVIEWED_HEADER, &addition)?;
    if let Err(problems) = review::load_rejected(&path) {
        undo(&path, before);
        return Err(Stop::Problems {
            what: path.display().to_string(),
            problems,
        });
    }
    say(format_args!(
        "{}: rejected {}",
        path.display(),
        candidate.id
    ));
    Ok(EXIT_OK)
}

/// `crosscheck pin DOCUMENT:LINE:COLUMN --quantity Q`.
pub fn pin(args: &PinArgs) -> u8 {
    pin_figure(args).unwrap_or_else(stop)
}

/// `document:line:column`, the document's path possibly holding `:` itself.
fn place(text: &str) -> Option<(PathBuf, usize, usize)> {
    let (rest, column) = text.rsplit_once(':')?;
    let (document, line) = rest.rsplit_once(':')?;
    let (line, column) = (line.parse().ok()?, column.parse().ok()?);
    (!document.is_empty() && line > 0 && column > 0)
        .then(|| (PathBuf::from(document), line, column))
}

fn pin_figure(args: &PinArgs) -> Result<u8, Stop> {
    let Some((path, line, column)) = place(&args.place) else {
        return Err(Stop::Message(format!(
            "`{}` is not DOCUMENT:LINE:COLUMN (as `check` and `extract` print places, lines and columns from 1)",
            args.place
        )));
    };
    let project = ProjectArgs {
        paths: Vec::new(),
        claims: args.claims.clone(),
        config: args.config.clone(),
        baseline: None,
        figures: Vec::new(),
        threads: None,
        about: None,
        almost: None,
    };
    let config = settings(&project)?;
    let catalog = claims::load(&config.claims).map_err(|problems| Stop::Problems {
        what: "the claim files".to_string(),
        problems,
    })?;
    let Some(quantity) = catalog
        .quantity(&args.quantity)
        .map(|q| &catalog.quantities[q])
    else {
        return Err(Stop::Message(format!(
            "no quantity `{}` in the claim files; a pin adds a figure to a quantity that exists",
            args.quantity
        )));
    };
    let unreadable = |message: String| Stop::Message(format!("{}: {message}", path.display()));
    let bytes = crate::input::read_named(&path).map_err(|error| {
        unreadable(format!("cannot read: {}", crate::error::io_message(&error)))
    })?;
    let text = crate::input::decode(bytes).map_err(|bad| {
        unreadable(format!(
            "not valid UTF-8 at line {}, column {}",
            bad.line, bad.column
        ))
    })?;
    let document = Document::new(path.display().to_string(), text);
    let figures = extract(&document.text);
    // The figure whose text holds the place (a column anywhere within it).
    let mut positions = document.positions();
    let spans: Vec<((usize, usize), (usize, usize))> = figures
        .iter()
        .map(|f| {
            (
                positions.line_col(f.span.start),
                positions.line_col(f.span.end),
            )
        })
        .collect();
    let Some(index) = spans.iter().position(|&(start, end)| {
        start <= (line, column) && (line, column) < end.max((start.0, start.1 + 1))
    }) else {
        let nearest = spans
            .iter()
            .enumerate()
            .filter(|(_, (start, _))| start.0 == line)
            .min_by_key(|(_, (start, _))| start.1.abs_diff(column))
            .map(|(i, (start, _))| {
                format!(
                    "; on that line: `{}` at column {}",
                    figures[i].text(&document.text),
                    start.1
                )
            })
            .unwrap_or_default();
        return Err(Stop::Message(format!(
            "{}:{line}:{column}: no figure there{nearest}",
            path.display()
        )));
    };
    let figure = &figures[index];
    let exact = figure.text(&document.text);
    let quote = claims::Quote::around(&document.text, &figure.span);
    // Which of the figures of this text with the same words around it.
    let occurrence = figures[..=index]
        .iter()
        .filter(|f| {
            f.text(&document.text) == exact
                && quote.matches(&document.text[..f.span.start], &document.text[f.span.end..])
        })
        .count();
    let document_name = crate::source::DocumentPath::new(&path.display().to_string());
    let addition = review::pin_text(&review::PinAt {
        quantity: &quantity.id,
        document: document_name.as_str(),
        exact,
        quote: &quote,
        occurrence,
        line,
    });
    let file = quantity.location.path.clone();
    let before = append(&file, "", &addition)?;
    if let Err(problems) = claims::load(&config.claims) {
        undo(&file, before);
        return Err(Stop::Problems {
            what: "the claim files with the pin added (not written)".to_string(),
            problems,
        });
    }
    say(format_args!(
        "{}: pinned `{exact}` at {}:{line}:{column} to {}",
        file.display(),
        path.display(),
        quantity.id
    ));
    Ok(EXIT_OK)
}
