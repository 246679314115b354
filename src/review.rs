//! The review of discovery's candidates, written down: `accept` turns a candidate into
//! a catalog entry (a `[[quantity]]` with a `[[pin]]` for each figure, or pins added to
//! a quantity that exists), `reject` records the pair so that it never comes back.
//!
//! Both only ever append to the files they write (`claims/discovered.toml`,
//! `crosscheck-reviewed.toml`): what is there, comments included, stays as it was. The
//! new text is checked before anything is written (the claim files must still load)
//! and written atomically. Pins name a figure by its text and its occurrence among the
//! document's figures of that text, not by line, so that lines inserted above it or a
//! paragraph re-wrapped do not break them.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::claims::Quote;
use crate::diag::{Code, Diagnostic, Location};
use crate::discover::{Candidate, Discovered, Profile};
use crate::extract::Kind;
use crate::reconcile::Fingerprint;
use crate::source::Document;

/// The file `accept` writes, in the first claims folder.
pub const DISCOVERED_FILE: &str = "discovered.toml";

/// The file `reject` writes, in the current folder.
pub const REVIEWED_FILE: &str = "crosscheck-reviewed.toml";

/// A TOML string, quoted and escaped.
fn quoted(text: &str) -> String {
    toml_edit::Value::from(text).to_string().trim().to_string()
}

/// The claim-file text that accepts `candidate`: a new quantity `id` with a pin for
/// each figure, or, when `existing` says the quantity exists, pins alone.
pub fn accepted_text(
    discovered: &Discovered,
    candidate: &Candidate,
    id: &str,
    description: Option<&str>,
    existing: bool,
) -> String {
    let [a, b] = [
        &discovered.profiles[candidate.a as usize],
        &discovered.profiles[candidate.b as usize],
    ];
    let place = |p: &Profile| {
        format!(
            "{} at {}:{}:{}",
            p.shown(),
            discovered.document(p),
            p.line,
            p.column
        )
    };
    let mut text = format!(
        "\n# Accepted from discovery, candidate {} ({}, confidence {:.2}): {}; {}.\n",
        candidate.id,
        candidate.tier.as_str(),
        candidate.confidence,
        place(a),
        place(b)
    );
    if !existing {
        let description = description.map_or_else(
            || format!("Discovered: {} and {}", a.shown(), b.shown()),
            str::to_string,
        );
        let unit = a
            .value
            .unit
            .clone()
            .or_else(|| b.value.unit.clone())
            .unwrap_or_else(|| a.value.kind.as_str().to_string());
        text.push_str(&format!(
            "[[quantity]]\nid = {}\ndescription = {}\nunit = {}\n",
            quoted(id),
            quoted(&description),
            quoted(&unit)
        ));
        // Discovery judges counts as running totals; `check` must judge them alike.
        if a.value.kind == Kind::Count {
            text.push_str(
                "# A count over a longer period cannot be smaller, as discovery judged it;\n# remove if this count can fall.\ncumulative = true\n",
            );
        }
    }
    for profile in [a, b] {
        // A figure the catalog keys already belongs to its quantity.
        if profile.quantity.is_some() {
            continue;
        }
        let quote = profile.quote();
        let occurrence = if quote.is_given() {
            profile.quote_occurrence
        } else {
            profile.occurrence
        };
        text.push_str(&pin_text(&PinAt {
            quantity: id,
            document: discovered.document(profile),
            exact: &profile.value.text,
            quote: &quote,
            occurrence: occurrence as usize,
            line: profile.line as usize,
        }));
    }
    text
}

/// A figure to pin: where it is, and the words that anchor it.
pub struct PinAt<'a> {
    pub quantity: &'a str,
    pub document: &'a str,
    /// The figure's text as extracted.
    pub exact: &'a str,
    pub quote: &'a Quote,
    /// Among the document's figures of this text whose quote matches (or, with no
    /// quote, all of them), which one.
    pub occurrence: usize,
    pub line: usize,
}

/// A `[[pin]]` table for `pin`, as `accept` and `pin` write it: by quote, the line a
/// hint only (by line, when the figure has no words around it).
pub fn pin_text(pin: &PinAt) -> String {
    let mut text = format!(
        "\n[[pin]]\nquantity = {}\ndocument = {}\n",
        quoted(pin.quantity),
        quoted(pin.document),
    );
    if let Some(prefix) = &pin.quote.prefix {
        text.push_str(&format!("prefix = {}\n", quoted(prefix)));
    }
    text.push_str(&format!("exact = {}\n", quoted(pin.exact)));
    if let Some(suffix) = &pin.quote.suffix {
        text.push_str(&format!("suffix = {}\n", quoted(suffix)));
    }
    if pin.occurrence > 1 || !pin.quote.is_given() {
        text.push_str(&format!("occurrence = {}\n", pin.occurrence));
    }
    if pin.quote.is_given() {
        // Without a quote the line would bind the pin; with one it only helps a reader.
        text.push_str(&format!("line = {}  # a hint, not checked\n", pin.line));
    }
    text
}

/// The reviewed-file text that rejects `candidate`, with the reviewer's reason.
pub fn rejected_text(discovered: &Discovered, candidate: &Candidate, reason: &str) -> String {
    let figures: Vec<String> = [candidate.a, candidate.b]
        .iter()
        .map(|&p| {
            let profile = &discovered.profiles[p as usize];
            quoted(&format!(
                "{} at {}:{}:{}",
                profile.shown(),
                discovered.document(profile),
                profile.line,
                profile.column
            ))
        })
        .collect();
    format!(
        "\n[[rejected]]\nid = {}\nfigures = [{}]\nreason = {}\n",
        quoted(&candidate.id.to_string()),
        figures.join(", "),
        quoted(reason)
    )
}

/// The header of a reviewed file crosscheck starts.
pub const REVIEWED_HEADER: &str = "\
# crosscheck-reviewed.toml: discovery's candidates a reviewer rejected (`crosscheck reject`).
# A rejected pair is never proposed again. Commit this file with the claim files.
";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReviewed {
    #[serde(default)]
    rejected: Vec<RawRejected>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRejected {
    id: String,
    #[serde(default)]
    #[allow(dead_code)]
    figures: Vec<String>,
    #[serde(default)]
    #[allow(dead_code)]
    reason: String,
}

/// The candidate ids rejected in the reviewed file at `path` (none when there is none).
pub fn load_rejected(path: &Path) -> Result<HashSet<Fingerprint>, Vec<Diagnostic>> {
    let text = match crate::input::read_named(path)
        .and_then(|bytes| String::from_utf8(bytes).map_err(std::io::Error::other))
    {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(HashSet::new()),
        Err(error) => {
            return Err(vec![Diagnostic::of_file(
                Code::Unreadable,
                path,
                format!("cannot read: {}", crate::error::io_message(&error)),
            )])
        }
    };
    let document = Document::new(path.display().to_string(), text);
    let raw: RawReviewed = toml::from_str(&document.text).map_err(|error| {
        vec![Diagnostic::of_toml(path, &document, &error).with_source(&document)]
    })?;
    let mut ids = HashSet::new();
    let mut problems = Vec::new();
    for entry in raw.rejected {
        match entry.id.parse() {
            Ok(id) => {
                ids.insert(id);
            }
            Err(_) => problems.push(Diagnostic::error(
                Code::Value,
                &Location::file(path),
                format!(
                    "`{}` is not a candidate id (16 lower-case hex digits)",
                    entry.id
                ),
            )),
        }
    }
    if problems.is_empty() {
        Ok(ids)
    } else {
        Err(problems)
    }
}

/// Where `accept` writes: `discovered.toml` in the first claims folder (or `claims/`).
pub fn discovered_file(claims: &[PathBuf]) -> PathBuf {
    claims
        .iter()
        .find(|p| p.is_dir())
        .cloned()
        .unwrap_or_else(|| PathBuf::from(crate::config::DEFAULT_CLAIMS))
        .join(DISCOVERED_FILE)
}
