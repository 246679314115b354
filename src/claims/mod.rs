//! Claim files: the hand-written catalog of sources, quantities, claims, pins and
//! relations (format: `docs/claim-files.md`).
//!
//! Loading runs in two phases. [`raw`] deserialises each file into a strict serde
//! model (unknown keys refused, values kept with their spans); `validate` then
//! checks ids, references, regular expressions, values, periods and relation
//! expressions across all files and builds a [`Catalog`] whose items keep their
//! [`Location`]. Every problem in every file is collected before [`load`] returns,
//! each as a [`Diagnostic`] with path, line and column. This module reads the
//! files it is given and nothing else; it never prints. Keying figures to the
//! quantities is [`crate::keying`]'s job.

mod diagnostic;
pub mod expr;
mod raw;
mod rule;
mod validate;
pub mod value;

use std::fs;
use std::path::{Path, PathBuf};

use crate::extract::{Kind, Period};
use crate::source::DocumentPath;
use crate::value::Value;

pub use crate::diag::{Code, Diagnostic, Location};
pub use expr::{Cmp, Equation, Expr, Name, Op};
pub use rule::{compile_pattern, compile_regex, fold, RuleRegex, FIGURE_SLOT};
pub use value::{parse_period, parse_value};

/// Everything the claim files declare, validated; indices refer into these vectors.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub sources: Vec<Source>,
    pub quantities: Vec<Quantity>,
    pub claims: Vec<Claim>,
    pub pins: Vec<Pin>,
    pub relations: Vec<Relation>,
}

impl Catalog {
    /// The index of the quantity with this id.
    pub fn quantity(&self, id: &str) -> Option<usize> {
        self.quantities.iter().position(|q| q.id == id)
    }

    /// The index of the source with this id.
    pub fn source(&self, id: &str) -> Option<usize> {
        self.sources.iter().position(|s| s.id == id)
    }

    /// The index of the claim with this id.
    pub fn claim(&self, id: &str) -> Option<usize> {
        self.claims.iter().position(|c| c.id == id)
    }

    /// The source whose `document` names this corpus document, if any.
    pub fn source_of_document(&self, document: &DocumentPath) -> Option<usize> {
        self.sources.iter().position(|s| {
            s.document
                .as_ref()
                .is_some_and(|wanted| wanted.same_file(document))
        })
    }
}

/// What sort of work a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SourceKind {
    Archive,
    Memo,
    Monograph,
    Article,
    Textbook,
    Press,
    Notes,
    Encyclopedia,
    Slides,
    Web,
    Speech,
    Dataset,
    Other,
}

impl SourceKind {
    pub const ALL: [SourceKind; 13] = [
        SourceKind::Archive,
        SourceKind::Memo,
        SourceKind::Monograph,
        SourceKind::Article,
        SourceKind::Textbook,
        SourceKind::Press,
        SourceKind::Notes,
        SourceKind::Encyclopedia,
        SourceKind::Slides,
        SourceKind::Web,
        SourceKind::Speech,
        SourceKind::Dataset,
        SourceKind::Other,
    ];

    /// The name written in claim files.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Archive => "archive",
            SourceKind::Memo => "memo",
            SourceKind::Monograph => "monograph",
            SourceKind::Article => "article",
            SourceKind::Textbook => "textbook",
            SourceKind::Press => "press",
            SourceKind::Notes => "notes",
            SourceKind::Encyclopedia => "encyclopedia",
            SourceKind::Slides => "slides",
            SourceKind::Web => "web",
            SourceKind::Speech => "speech",
            SourceKind::Dataset => "dataset",
            SourceKind::Other => "other",
        }
    }

    pub fn from_name(name: &str) -> Option<SourceKind> {
        SourceKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// `[[source]]`: where figures come from.
#[derive(Debug, Clone)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub author: Option<String>,
    pub outlet: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: Option<String>,
    pub kind: SourceKind,
    /// The corpus document this source is.
    pub document: Option<DocumentPath>,
    pub url: Option<String>,
    pub note: Option<String>,
    pub location: Location,
}

/// `[[quantity]]`: what is measured.
#[derive(Debug, Clone)]
pub struct Quantity {
    pub id: String,
    pub description: String,
    pub unit: String,
    pub period: Option<Period>,
    pub cumulative: bool,
    /// `shared = true`: a figure its rules match is also its own when another quantity
    /// has it (and the other's), with no warning.
    pub shared: bool,
    /// `part_of`: the quantities this one is a part of (indices into the quantities).
    pub part_of: Vec<usize>,
    /// `share_of`: the quantity this one is a percentage of.
    pub share_of: Option<usize>,
    /// `disjoint = true`: a share that counts none of what the whole's other disjoint
    /// shares count, so that together they are at most 100%.
    pub disjoint: bool,
    /// Only figures of this kind are keyed to the quantity.
    pub kind: Option<Kind>,
    pub tolerance: Option<f64>,
    pub rules: Vec<Rule>,
    pub location: Location,
}

/// `[[quantity.rule]]`: when a figure in the corpus is this quantity.
#[derive(Debug, Clone)]
pub struct Rule {
    /// The `pattern`, compiled case-insensitive with `{figure}` replaced by
    /// [`FIGURE_SLOT`].
    pub pattern: Option<RuleRegex>,
    /// Must match somewhere in the sentence (white space collapsed).
    pub sentence: Option<RuleRegex>,
    /// Must match the figure's unit.
    pub unit: Option<RuleRegex>,
    /// The figure's period must overlap this one.
    pub period: Option<Period>,
    /// The figure must come from this document.
    pub document: Option<DocumentPath>,
    /// What the researcher says of the figures the rule keys, over the extractor's guess.
    pub set: Set,
    pub location: Location,
}

/// `set = { period, qualifier, attributed_to }` on a rule or a pin: the researcher's
/// word on what the extractor guessed from the sentence. Each given key replaces the
/// guess for the figures the rule or pin keys.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Set {
    pub period: Option<Period>,
    /// For a single figure (not a range): "exact", "about", "over", "under", …
    pub qualifier: Option<crate::extract::Qualifier>,
    pub attributed_to: Option<String>,
}

/// `[[claim]]`: a hand-written figure.
#[derive(Debug, Clone)]
pub struct Claim {
    pub id: String,
    /// Index into [`Catalog::quantities`].
    pub quantity: usize,
    /// Index into [`Catalog::sources`].
    pub source: usize,
    pub value: Value,
    pub period: Option<Period>,
    pub attributed_to: Option<String>,
    pub quote: Option<String>,
    pub page: Option<String>,
    pub location: Location,
}

/// `[[pin]]`: one extracted figure attached to a quantity by hand.
#[derive(Debug, Clone)]
pub struct Pin {
    /// A name for the pinned figure, for a relation to use (`expr = "a = 2 * my_pin"`).
    pub id: Option<String>,
    /// Index into [`Catalog::quantities`].
    pub quantity: usize,
    /// The document the figure is in.
    pub document: DocumentPath,
    /// The figure's exact text as extracted (`exact` of a W3C TextQuoteSelector).
    pub text: String,
    /// The text just before and just after the figure, as a quote pin gives them
    /// (white space counts as one space, wherever lines break).
    pub quote: Quote,
    /// Which occurrence of the text (1-based) among the document's figures whose
    /// quote matches, or among those on `line` when a line is given and no quote.
    pub occurrence: usize,
    /// With a quote, only a hint for the reader: edits that move the figure never
    /// break the pin.
    pub line: Option<usize>,
    /// What the researcher says of the figure, over the extractor's guess.
    pub set: Set,
    pub location: Location,
}

/// The words around a pinned figure, as the W3C Web Annotation TextQuoteSelector names
/// a quote: `prefix` ends just before the figure, `suffix` starts just after it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Quote {
    pub prefix: Option<String>,
    pub suffix: Option<String>,
}

/// Bytes of text a quote takes on each side of a figure, before it is cut back to
/// whole words: a few words, enough to tell one figure from another of the same text.
const QUOTE_BYTES: usize = 32;

impl Quote {
    /// The quote that names the figure at `span` of `text`: the whole words within
    /// [`QUOTE_BYTES`] on each side, white space collapsed. What `accept` and `pin`
    /// write.
    pub fn around(text: &str, span: &std::ops::Range<usize>) -> Quote {
        let (prefix, suffix) = Quote::words_around(text, span);
        // Collapsed, a part has no white space at either end: it is empty or words.
        let words =
            |part: &str| Some(crate::source::collapse_whitespace(part)).filter(|c| !c.is_empty());
        Quote {
            prefix: words(prefix),
            suffix: words(suffix),
        }
    }

    /// The text a quote takes before and after the figure at `span` of `text`: the
    /// whole words within [`QUOTE_BYTES`] on each side, white space not yet collapsed.
    pub fn words_around<'t>(text: &'t str, span: &std::ops::Range<usize>) -> (&'t str, &'t str) {
        let before = text.get(..span.start).unwrap_or("");
        let after = text.get(span.end..).unwrap_or("");
        let mut prefix = tail(before, QUOTE_BYTES);
        if prefix.len() < before.len()
            && !before[..before.len() - prefix.len()].ends_with(char::is_whitespace)
        {
            // Cut mid-word: start at the next word.
            prefix = prefix
                .find(char::is_whitespace)
                .map_or("", |at| &prefix[at..]);
        }
        let mut suffix = head(after, QUOTE_BYTES);
        if suffix.len() < after.len() && !after[suffix.len()..].starts_with(char::is_whitespace) {
            suffix = suffix
                .rfind(char::is_whitespace)
                .map_or("", |at| &suffix[..at]);
        }
        (prefix, suffix)
    }

    /// The pin names its figure by the words around it, not by its line.
    pub fn is_given(&self) -> bool {
        self.prefix.is_some() || self.suffix.is_some()
    }

    /// Whether the text before and after a figure match, white space collapsed and
    /// ignored where the quote meets the figure.
    pub fn matches(&self, before: &str, after: &str) -> bool {
        let prefix_ok = self.prefix.as_deref().is_none_or(|prefix| {
            let want = crate::source::collapse_whitespace(prefix);
            let have = crate::source::collapse_whitespace(tail(before, 4 * want.len() + 256));
            have.trim_end().ends_with(want.trim_end())
        });
        let suffix_ok = self.suffix.as_deref().is_none_or(|suffix| {
            let want = crate::source::collapse_whitespace(suffix);
            let have = crate::source::collapse_whitespace(head(after, 4 * want.len() + 256));
            have.trim_start().starts_with(want.trim_start())
        });
        prefix_ok && suffix_ok
    }
}

/// At most the last `bytes` bytes of `text`, cut at a character boundary.
pub fn tail(text: &str, bytes: usize) -> &str {
    let mut start = text.len().saturating_sub(bytes);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

/// At most the first `bytes` bytes of `text`, cut at a character boundary.
pub fn head(text: &str, bytes: usize) -> &str {
    let mut end = bytes.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// `[[relation]]`: arithmetic the sources state or imply.
#[derive(Debug, Clone)]
pub struct Relation {
    pub id: String,
    /// The expression as written.
    pub expr: String,
    pub equation: Equation,
    pub description: Option<String>,
    /// `across = "sources"`: a quantity id stands for the claims of every source at
    /// once; otherwise of one source at a time.
    pub across_sources: bool,
    /// Written, or declared by `part_of` or `share_of`.
    pub declared: Declared,
    /// Index into [`Catalog::sources`]: who states the relation (it does not choose
    /// the claims; `quantity@source` does).
    pub source: Option<usize>,
    pub location: Location,
}

/// Where a relation comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Declared {
    /// A `[[relation]]` table.
    Written,
    /// A quantity's `part_of`: each part claim is checked against each whole claim, and
    /// each pair of figures that exceeds it is a finding.
    PartOf,
    /// The `share_of` of percentages: one share at most 100%, or the disjoint shares of
    /// one whole together; a share nobody states counts as 0, and each combination of
    /// figures past 100% is a finding.
    Shares,
}

/// Loads every `*.toml` under the given folders (recursively, in sorted order;
/// hidden entries skipped, symbolic links to folders not followed) and every file
/// named, and validates them together.
/// Returns every problem found, in every file, or the catalog.
pub fn load(paths: &[PathBuf]) -> Result<Catalog, Vec<Diagnostic>> {
    let mut diagnostics = Vec::new();
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found, &mut diagnostics);
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    let mut texts = Vec::new();
    for path in files {
        match crate::input::read_named(&path) {
            Err(error) => diagnostics.push(Diagnostic::of_file(
                if error.kind() == std::io::ErrorKind::NotFound {
                    Code::NotFound
                } else {
                    Code::Unreadable
                },
                &path,
                format!(
                    "cannot read claim file: {}",
                    crate::error::io_message(&error)
                ),
            )),
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => texts.push((path, text)),
                Err(error) => {
                    let valid = error.utf8_error().valid_up_to();
                    let bytes = error.into_bytes();
                    let prefix = String::from_utf8_lossy(&bytes[..valid]).into_owned();
                    let doc = crate::source::Document::new(path.display().to_string(), prefix);
                    let location = diagnostic::location_of_offset(&path, &doc, valid);
                    diagnostics.push(Diagnostic::error(
                        Code::Utf8,
                        &location,
                        "claim file is not valid UTF-8",
                    ));
                }
            },
        }
    }
    match validate::load_texts(texts) {
        Ok(catalog) if diagnostics.is_empty() => Ok(catalog),
        Ok(_) => Err(diagnostics),
        Err(more) => {
            diagnostics.extend(more);
            Err(diagnostics)
        }
    }
}

/// Validates claim files already in memory, as `(path, text)` pairs.
pub fn load_texts(files: Vec<(PathBuf, String)>) -> Result<Catalog, Vec<Diagnostic>> {
    validate::load_texts(files)
}

fn walk(folder: &Path, found: &mut Vec<PathBuf>, diagnostics: &mut Vec<Diagnostic>) {
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) => {
            diagnostics.push(Diagnostic::of_file(
                Code::Unreadable,
                folder,
                format!("cannot read folder: {error}"),
            ));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden {
            continue;
        }
        if path.is_dir() {
            // `read_dir` of a symbolic link loop fails and is reported above.
            if !entry.file_type().is_ok_and(|t| t.is_symlink()) {
                walk(&path, found, diagnostics);
            }
        } else if path.extension().is_some_and(|e| e == "toml") {
            found.push(path);
        }
    }
}

#[cfg(test)]
mod tests;
