//! `crosscheck accept` and `crosscheck reject`: a reviewer's answer to one of
//! discovery's candidates, written into the files the project commits. The candidate
//! is found again by its id in a fresh discovery over the same inputs.

use std::path::{Path, PathBuf};

use super::args::{AcceptArgs, ProjectArgs, RejectArgs};
use super::check::settings;
use super::{say, show, stop, Stop, EXIT_OK};
use crate::atomic;
use crate::claims;
use crate::config::Config;
use crate::discover::{Candidate, Discovered};
use crate::pipeline::{self, Inputs};
use crate::review;

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
