//! The baseline: findings a team reviewed and accepted, by fingerprint.
//!
//! `check` splits its findings into new ones and known ones, and reports the
//! entries that no longer match any finding (stale). `baseline` adds the current
//! findings to the file, keeping every existing entry, reason and comment: the
//! file is edited with `toml_edit`, not regenerated. Loading is strict: unknown
//! keys and malformed entries are errors with line and column.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;
use toml_edit::{value, Array, ArrayOfTables, DocumentMut, Item, Table};

use crate::claims::Catalog;
use crate::diag::{Code, Diagnostic, Location};
use crate::reconcile::{Finding, Fingerprint, Outcome, Severities, Severity};
use crate::source::Document;

/// One accepted finding in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub fingerprint: String,
    pub quantity: String,
    pub verdict: String,
    pub reason: String,
    pub line: usize,
    pub column: usize,
}

impl Entry {
    /// The fingerprint as a number; the loader has checked that it is one.
    fn parsed(&self) -> Option<Fingerprint> {
        self.fingerprint.parse().ok()
    }
}

/// A baseline file as read.
#[derive(Debug, Clone)]
pub struct Baseline {
    pub path: PathBuf,
    pub entries: Vec<Entry>,
    /// The file as read, with its lines indexed once for every stale entry's message.
    document: Document,
    /// It is comments and `[[finding]]` tables only: entries are added by appending.
    tables_only: bool,
}

/// A finding to accept.
#[derive(Debug, Clone, PartialEq)]
pub struct Accepted {
    pub fingerprint: String,
    pub quantity: String,
    pub verdict: String,
    /// The figures involved, with their places: "3,777,380 at seeds/000….txt:13:266".
    pub figures: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBaseline {
    #[serde(default)]
    finding: Vec<Spanned<RawEntry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    fingerprint: Spanned<String>,
    quantity: String,
    verdict: String,
    #[serde(default)]
    #[allow(dead_code)]
    figures: Vec<String>,
    #[serde(default)]
    reason: String,
}

/// The baseline read loosely, entry by entry, to find every entry's problem when the
/// strict reading stopped at the first.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LooseBaseline {
    #[serde(default)]
    finding: Vec<Spanned<toml::Value>>,
}

/// One entry as [`RawEntry`] holds it, readable from a loose value.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct CheckedEntry {
    fingerprint: String,
    quantity: String,
    verdict: String,
    #[serde(default)]
    figures: Vec<String>,
    #[serde(default)]
    reason: String,
}

/// Entries read one at a time from their own text, so that each problem has its place.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct CheckedEntries {
    finding: Vec<CheckedEntry>,
}

/// Every entry's problem, each at its place, when the file is TOML of the right shape
/// and only entries are wrong; `None` otherwise (the first error then says it all).
fn every_entry_problem(path: &Path, document: &Document) -> Option<Vec<Diagnostic>> {
    let loose: LooseBaseline = toml::from_str(&document.text).ok()?;
    let problems: Vec<Diagnostic> = loose
        .finding
        .into_iter()
        .filter_map(|spanned| {
            let span = spanned.span();
            let text = document.text.get(span.clone())?;
            // An `[[finding]]` table reads as a file of its own; an inline table does
            // inside an array.
            let (alone, shift) = if text.starts_with("[[") {
                (text.to_string(), 0)
            } else {
                (format!("finding = [{text}]"), "finding = [".len())
            };
            let error = toml::from_str::<CheckedEntries>(&alone).err()?;
            let offset = error
                .span()
                .map_or(span.start, |s| (span.start + s.start).saturating_sub(shift));
            let (line, column) = document.line_col(offset.min(document.text.len()));
            let location = Location {
                path: path.to_path_buf(),
                line,
                column,
            };
            Some(Diagnostic::error(
                Code::Schema,
                &location,
                error.message().trim_end().to_string(),
            ))
        })
        .collect();
    (!problems.is_empty()).then_some(problems)
}

/// The entries of a baseline as they are read, checked one by one.
struct Entries<'d> {
    path: &'d Path,
    document: &'d Document,
    entries: Vec<Entry>,
    problems: Vec<Diagnostic>,
    /// Per fingerprint, the line of its first entry.
    first_line: HashMap<Fingerprint, usize>,
}

impl<'d> Entries<'d> {
    fn new(path: &'d Path, document: &'d Document) -> Entries<'d> {
        Entries {
            path,
            document,
            entries: Vec::new(),
            problems: Vec::new(),
            first_line: HashMap::new(),
        }
    }

    fn problem(&mut self, code: Code, offset: usize, message: String) {
        let (line, column) = self.document.line_col(offset.min(self.document.text.len()));
        let location = Location {
            path: self.path.to_path_buf(),
            line,
            column,
        };
        self.problems
            .push(Diagnostic::error(code, &location, message));
    }

    /// Checks one entry, at `offset` plus its span in the file, and keeps it.
    fn add(&mut self, offset: usize, spanned: Spanned<RawEntry>) {
        let start = offset + spanned.span().start;
        let raw = spanned.into_inner();
        let fingerprint = raw.fingerprint.get_ref().clone();
        if !is_fingerprint(&fingerprint) {
            let message =
                format!("`{fingerprint}` is not a fingerprint (16 lower-case hex digits)");
            self.problem(Code::Value, offset + raw.fingerprint.span().start, message);
            return;
        }
        if crate::reconcile::Verdict::from_name(&raw.verdict).is_none() {
            let message = format!(
                "`{}` is not a verdict (`crosscheck check --help` lists them)",
                raw.verdict
            );
            self.problem(Code::Value, start, message);
            return;
        }
        let (line, column) = self.document.line_col(start.min(self.document.text.len()));
        let parsed: Fingerprint = fingerprint.parse().unwrap_or(Fingerprint(0));
        if let Some(first) = self.first_line.get(&parsed) {
            let message =
                format!("fingerprint {fingerprint} is listed twice (first at line {first})");
            self.problem(Code::Duplicate, start, message);
            return;
        }
        self.first_line.insert(parsed, line);
        self.entries.push(Entry {
            fingerprint,
            quantity: raw.quantity,
            verdict: raw.verdict,
            reason: raw.reason,
            line,
            column,
        });
    }
}

/// Reads a baseline written as `[[finding]]` tables one table at a time, giving `add`
/// each entry with the offset of its table, so that a file of a million entries is
/// never held as one parsed document. False when the file is not only comments and
/// such tables, or one of them does not parse: the whole file is then parsed at once,
/// which locates every problem (and `add` was given only a part).
fn by_entry(text: &str, mut add: impl FnMut(usize, Spanned<RawEntry>)) -> bool {
    let mut starts: Vec<usize> = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.starts_with("[[finding]]") {
            starts.push(offset);
        }
        offset += line.len();
    }
    let Some(&first) = starts.first() else {
        return false;
    };
    let only_comments = text[..first]
        .lines()
        .all(|line| line.trim().is_empty() || line.trim_start().starts_with('#'));
    if !only_comments {
        return false;
    }
    starts.push(text.len());
    for pair in starts.windows(2) {
        let Ok(raw) = toml::from_str::<RawBaseline>(&text[pair[0]..pair[1]]) else {
            return false;
        };
        for entry in raw.finding {
            add(pair[0], entry);
        }
    }
    true
}

const HEADER: &str = "\
# crosscheck baseline: findings reviewed and accepted.
# `crosscheck check` fails only on errors whose fingerprint is not listed here.
# Fill in each `reason`; `crosscheck baseline` keeps reasons and comments when it
# adds entries, and reports entries that no longer match anything (stale).

";

fn is_fingerprint(s: &str) -> bool {
    s.len() == 16
        && s.bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
}

/// Reads the baseline at `path`; `Ok(None)` when there is none.
pub fn load(path: &Path) -> Result<Option<Baseline>, Vec<Diagnostic>> {
    let problem = |code: Code, line: usize, column: usize, message: String| {
        let location = Location {
            path: path.to_path_buf(),
            line,
            column,
        };
        Diagnostic::error(code, &location, message)
    };
    let bytes = match crate::input::read_named(path) {
        Ok(bytes) => bytes,
        // No baseline yet; but a link to one that is gone is a mistake to report.
        Err(error)
            if error.kind() == std::io::ErrorKind::NotFound && path.symlink_metadata().is_err() =>
        {
            return Ok(None)
        }
        Err(error) => {
            let message = match std::fs::read_link(path) {
                Ok(target) if error.kind() == std::io::ErrorKind::NotFound => format!(
                    "cannot read: it is a link to {}, which does not exist",
                    target.display()
                ),
                _ => format!("cannot read: {}", crate::error::io_message(&error)),
            };
            return Err(vec![Diagnostic::of_file(Code::Unreadable, path, message)]);
        }
    };
    let text = crate::input::decode(bytes).map_err(|bad| {
        vec![problem(
            Code::Utf8,
            bad.line,
            bad.column,
            "not valid UTF-8".into(),
        )]
    })?;
    let document = Document::new(path.display().to_string(), text);
    let mut read = Entries::new(path, &document);
    let tables_only = by_entry(&document.text, |offset, entry| read.add(offset, entry));
    if !tables_only {
        read = Entries::new(path, &document);
        let raw: RawBaseline = toml::from_str(&document.text).map_err(|error| {
            every_entry_problem(path, &document)
                .unwrap_or_else(|| vec![Diagnostic::of_toml(path, &document, &error)])
                .into_iter()
                .map(|d| d.with_source(&document))
                .collect::<Vec<_>>()
        })?;
        for entry in raw.finding {
            read.add(0, entry);
        }
    }
    let Entries {
        entries, problems, ..
    } = read;
    if !problems.is_empty() {
        return Err(problems
            .into_iter()
            .map(|d| d.with_source(&document))
            .collect());
    }
    Ok(Some(Baseline {
        path: path.to_path_buf(),
        entries,
        document,
        tables_only,
    }))
}

impl Baseline {
    /// The problem of an entry that matches no finding: an error under `--strict`, a
    /// warning otherwise.
    pub fn stale(&self, entry: usize, strict: bool) -> Diagnostic {
        let entry = &self.entries[entry];
        let location = Location {
            path: self.path.clone(),
            line: entry.line,
            column: entry.column,
        };
        let message = format!(
            "stale baseline entry {} ({}, {}) matches no finding",
            entry.fingerprint, entry.quantity, entry.verdict
        );
        let diagnostic = if strict {
            Diagnostic::error(Code::Stale, &location, message)
        } else {
            Diagnostic::warning(Code::Stale, &location, message)
        };
        diagnostic.with_source(&self.document)
    }

    /// Per fingerprint: is it new (not in the baseline)? And the entries matching none
    /// (stale), as indices into [`Baseline::entries`].
    pub fn split(&self, fingerprints: &[Fingerprint]) -> (Vec<bool>, Vec<usize>) {
        let listed: HashSet<Fingerprint> = self.entries.iter().filter_map(Entry::parsed).collect();
        let current: HashSet<Fingerprint> = fingerprints.iter().copied().collect();
        let new = fingerprints.iter().map(|f| !listed.contains(f)).collect();
        let stale = (0..self.entries.len())
            .filter(|&e| {
                self.entries[e]
                    .parsed()
                    .is_none_or(|f| !current.contains(&f))
            })
            .collect();
        (new, stale)
    }
}

/// What the gate decides about a run's findings: which are new, which baseline entries
/// are stale, and whether the run fails. Every report and the exit status read this one
/// decision.
#[derive(Debug, Clone)]
pub struct Gate {
    /// Per finding, in the outcome's order: not accepted in the baseline. Without a
    /// baseline, every finding is new.
    pub new: Vec<bool>,
    /// A baseline was read, so "new" means something worth showing.
    pub marks_new: bool,
    /// Baseline entries that match no finding, as indices into its entries.
    pub stale: Vec<usize>,
    /// New findings of severity error: each one fails the run.
    pub new_errors: usize,
}

impl Gate {
    /// Splits `findings` by `baseline` (none: every finding is new).
    pub fn new(baseline: Option<&Baseline>, findings: &[Finding], severities: &Severities) -> Gate {
        let fingerprints: Vec<Fingerprint> = findings.iter().map(|f| f.fingerprint).collect();
        let (new, stale) = match baseline {
            Some(baseline) => baseline.split(&fingerprints),
            None => (vec![true; findings.len()], Vec::new()),
        };
        let new_errors = findings
            .iter()
            .zip(&new)
            .filter(|(finding, &new)| new && severities.of(finding.verdict) == Severity::Error)
            .count();
        Gate {
            new,
            marks_new: baseline.is_some(),
            stale,
            new_errors,
        }
    }

    /// Whether the finding at this index of the outcome is new.
    pub fn is_new(&self, finding: usize) -> bool {
        self.new.get(finding).copied().unwrap_or(true)
    }

    /// Findings accepted in the baseline.
    pub fn known(&self) -> usize {
        self.new.iter().filter(|new| !**new).count()
    }

    /// The run fails: a new error, or with `strict`, a stale baseline entry.
    pub fn fails(&self, strict: bool) -> bool {
        self.new_errors > 0 || (strict && !self.stale.is_empty())
    }
}

/// The baseline file after `crosscheck baseline`, and what changed in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Update {
    pub text: String,
    pub added: usize,
    pub kept: usize,
    pub removed: usize,
    /// Entries that match no finding (removed with `prune`, else kept).
    pub stale: usize,
}

/// Accepts every finding that is not a note: the baseline after adding them to
/// `existing` (entries, reasons and comments kept; stale entries too unless `prune`).
pub fn accept_all(
    existing: Option<&Baseline>,
    catalog: &Catalog,
    outcome: &Outcome,
    severities: &Severities,
    prune: bool,
) -> Update {
    let reviewed: Vec<&Finding> = outcome
        .findings
        .iter()
        .filter(|f| severities.of(f.verdict) != Severity::Note)
        .collect();
    let accepted: Vec<Accepted> = reviewed
        .iter()
        .map(|f| Accepted {
            fingerprint: f.fingerprint.to_string(),
            quantity: catalog.quantities[f.quantity].id.clone(),
            verdict: f.verdict.as_str().to_string(),
            figures: f
                .claims()
                .iter()
                .map(|&c| {
                    format!(
                        "{} at {}",
                        outcome.claims[c].shown,
                        outcome.claims[c].place()
                    )
                })
                .collect(),
        })
        .collect();
    let fingerprints: Vec<Fingerprint> = reviewed.iter().map(|f| f.fingerprint).collect();
    let stale = existing.map_or(0, |b| b.split(&fingerprints).1.len());
    let (text, added, removed) = updated(existing, &accepted, prune);
    Update {
        text,
        added,
        kept: existing.map_or(0, |b| b.entries.len()) - removed,
        removed,
        stale,
    }
}

/// The text of the baseline after accepting `accepted`: every existing entry, reason
/// and comment kept (stale entries too, unless `prune`), new entries appended.
/// Returns the text and how many entries were added and removed.
pub fn updated(
    existing: Option<&Baseline>,
    accepted: &[Accepted],
    prune: bool,
) -> (String, usize, usize) {
    if let (Some(baseline), false) = (existing, prune) {
        if baseline.tables_only {
            return appended(baseline, accepted);
        }
    }
    let mut document: DocumentMut = match existing {
        // A file of comments only (no entry yet): keep them as the header, above the entries.
        Some(baseline) if baseline.entries.is_empty() && !baseline.document.text.contains("[[") => {
            let mut document = DocumentMut::new();
            let header = baseline.document.text.trim_end();
            if header.is_empty() {
                document.decor_mut().set_prefix(HEADER);
            } else {
                document.decor_mut().set_prefix(format!("{header}\n\n"));
            }
            document
        }
        Some(baseline) => baseline
            .document
            .text
            .parse()
            .unwrap_or_else(|_| DocumentMut::new()),
        None => {
            let mut document = DocumentMut::new();
            document.decor_mut().set_prefix(HEADER);
            document
        }
    };
    if !document.contains_key("finding") {
        document.insert("finding", Item::ArrayOfTables(ArrayOfTables::new()));
    }
    // Written with CRLF line ends, kept with them.
    let crlf = existing.is_some_and(|b| b.document.text.contains("\r\n"));
    let line_ends = |text: String| {
        let text = text.replace("\r\n", "\n");
        if crlf {
            text.replace('\n', "\r\n")
        } else {
            text
        }
    };
    // Entries written as an inline array (`finding = [{…}]`) are edited as such.
    if let Some(array) = document.get_mut("finding").and_then(Item::as_array_mut) {
        let (added, removed) = update_inline(array, accepted, prune);
        return (line_ends(document.to_string()), added, removed);
    }
    let Some(tables) = document
        .get_mut("finding")
        .and_then(Item::as_array_of_tables_mut)
    else {
        return (line_ends(document.to_string()), 0, 0);
    };
    let mut removed = 0;
    if prune {
        let current: HashSet<&str> = accepted.iter().map(|a| a.fingerprint.as_str()).collect();
        let before = tables.len();
        tables.retain(|table| {
            table
                .get("fingerprint")
                .and_then(Item::as_str)
                .is_some_and(|f| current.contains(&f))
        });
        removed = before - tables.len();
    }
    let mut known: HashSet<String> = tables
        .iter()
        .filter_map(|t| {
            t.get("fingerprint")
                .and_then(Item::as_str)
                .map(str::to_string)
        })
        .collect();
    let mut added = 0;
    for finding in accepted {
        if !known.insert(finding.fingerprint.clone()) {
            continue;
        }
        tables.push(entry_table(finding));
        added += 1;
    }
    (line_ends(document.to_string()), added, removed)
}

/// An accepted finding as a `[[finding]]` table, its `reason` left to fill in.
fn entry_table(finding: &Accepted) -> Table {
    let mut table = Table::new();
    table["fingerprint"] = value(&finding.fingerprint);
    table["quantity"] = value(&finding.quantity);
    table["verdict"] = value(&finding.verdict);
    let mut figures = Array::new();
    for figure in &finding.figures {
        figures.push(figure.as_str());
    }
    table["figures"] = value(figures);
    table["reason"] = value("");
    table
}

/// [`updated`] for a baseline of `[[finding]]` tables, nothing pruned: the new tables
/// are written after the file's text, which is kept byte for byte (as `toml_edit`
/// would write it, without parsing a file of a million entries into one document).
fn appended(baseline: &Baseline, accepted: &[Accepted]) -> (String, usize, usize) {
    let mut known: HashSet<&str> = baseline
        .entries
        .iter()
        .map(|e| e.fingerprint.as_str())
        .collect();
    let mut tables = ArrayOfTables::new();
    for finding in accepted {
        if known.insert(&finding.fingerprint) {
            tables.push(entry_table(finding));
        }
    }
    let added = tables.len();
    let text = &baseline.document.text;
    if added == 0 {
        return (text.clone(), 0, 0);
    }
    let mut addition = DocumentMut::new();
    addition.insert("finding", Item::ArrayOfTables(tables));
    let mut addition = addition.to_string();
    let crlf = text.contains("\r\n");
    if crlf {
        addition = addition.replace('\n', "\r\n");
    }
    let line_end = if crlf { "\r\n" } else { "\n" };
    // Blank lines and comments after the last entry stay at the end of the file.
    let mut cut = text.len();
    for line in text.split_inclusive('\n').rev() {
        let trimmed = line.trim();
        if !trimmed.is_empty() && !trimmed.starts_with('#') {
            break;
        }
        cut -= line.len();
    }
    let (body, trailing) = text.split_at(cut);
    let mut out = String::with_capacity(text.len() + addition.len() + 4);
    out.push_str(body);
    if !body.ends_with('\n') {
        out.push_str(line_end);
    }
    // A blank line before the first new table, as between the others.
    out.push_str(line_end);
    out.push_str(&addition);
    out.push_str(trailing);
    (out, added, 0)
}

/// [`updated`] for entries written as an inline array of inline tables: the same
/// pruning and appending, in the form the user chose.
fn update_inline(array: &mut Array, accepted: &[Accepted], prune: bool) -> (usize, usize) {
    let fingerprint = |item: &toml_edit::Value| {
        item.as_inline_table()
            .and_then(|t| t.get("fingerprint"))
            .and_then(toml_edit::Value::as_str)
            .map(str::to_string)
    };
    let mut removed = 0;
    if prune {
        let current: HashSet<&str> = accepted.iter().map(|a| a.fingerprint.as_str()).collect();
        let before = array.len();
        array.retain(|item| fingerprint(item).is_some_and(|f| current.contains(f.as_str())));
        removed = before - array.len();
    }
    let mut known: HashSet<String> = array.iter().filter_map(fingerprint).collect();
    let mut added = 0;
    for finding in accepted {
        if !known.insert(finding.fingerprint.clone()) {
            continue;
        }
        let mut table = toml_edit::InlineTable::new();
        table.insert("fingerprint", finding.fingerprint.as_str().into());
        table.insert("quantity", finding.quantity.as_str().into());
        table.insert("verdict", finding.verdict.as_str().into());
        let figures: Array = finding.figures.iter().map(String::as_str).collect();
        table.insert("figures", figures.into());
        table.insert("reason", "".into());
        array.push(table);
        added += 1;
    }
    (added, removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepted(fingerprint: &str) -> Accepted {
        Accepted {
            fingerprint: fingerprint.into(),
            quantity: "q".into(),
            verdict: "contradiction".into(),
            figures: vec!["1 at a.txt:1:1".into(), "2 at b.txt:1:1".into()],
        }
    }

    fn parsed(text: &str) -> Baseline {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("crosscheck-baseline-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("b.toml");
        std::fs::write(&path, text).unwrap();
        let baseline = load(&path).unwrap().unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        baseline
    }

    #[test]
    fn new_file_lists_each_finding_with_an_empty_reason() {
        let (text, added, _) = updated(None, &[accepted("0123456789abcdef")], false);
        assert_eq!(added, 1);
        assert!(text.starts_with("# crosscheck baseline"));
        assert!(text.contains("[[finding]]\nfingerprint = \"0123456789abcdef\""));
        assert!(text.contains("reason = \"\""));
    }

    #[test]
    fn update_keeps_reasons_and_comments() {
        let original = "# reviewed by the team\n[[finding]]\n# the memo is right\nfingerprint = \"0123456789abcdef\"\nquantity = \"q\"\nverdict = \"contradiction\"\nreason = \"KGB recount includes state crimes\"\n";
        let baseline = parsed(original);
        let (text, added, _) = updated(
            Some(&baseline),
            &[accepted("0123456789abcdef"), accepted("fedcba9876543210")],
            false,
        );
        assert_eq!(added, 1);
        assert!(text.starts_with(original), "{text}");
        assert!(text.contains("fedcba9876543210"));
    }

    #[test]
    fn header_of_an_empty_baseline_stays_on_top() {
        let (empty, _, _) = updated(None, &[], false);
        let baseline = parsed(&empty);
        let (text, added, _) = updated(Some(&baseline), &[accepted("0123456789abcdef")], false);
        assert_eq!(added, 1);
        assert!(text.starts_with("# crosscheck baseline"), "{text}");
        assert!(text.find("# crosscheck baseline") < text.find("[[finding]]"));
    }

    #[test]
    fn stale_entries_are_kept_unless_pruned() {
        let baseline = parsed("[[finding]]\nfingerprint = \"0123456789abcdef\"\nquantity = \"q\"\nverdict = \"contradiction\"\n");
        let (_, stale) = baseline.split(&[Fingerprint(0xfedc_ba98_7654_3210)]);
        assert_eq!(stale.len(), 1);
        let (kept, _, removed) = updated(Some(&baseline), &[accepted("fedcba9876543210")], false);
        assert!(kept.contains("0123456789abcdef") && removed == 0);
        let (pruned, _, removed) = updated(Some(&baseline), &[accepted("fedcba9876543210")], true);
        assert!(!pruned.contains("0123456789abcdef") && removed == 1);
    }

    #[test]
    fn split_marks_known_findings() {
        let baseline = parsed("[[finding]]\nfingerprint = \"0123456789abcdef\"\nquantity = \"q\"\nverdict = \"contradiction\"\n");
        let (new, stale) = baseline.split(&[
            Fingerprint(0x0123_4567_89ab_cdef),
            Fingerprint(0xfedc_ba98_7654_3210),
        ]);
        assert_eq!(new, vec![false, true]);
        assert!(stale.is_empty());
    }

    #[test]
    fn appending_to_a_file_of_tables_writes_what_toml_edit_writes() {
        let entry = "[[finding]]\nfingerprint = \"0123456789abcdef\"\nquantity = \"q\"\nverdict = \"contradiction\"\nreason = \"seen\" # kept\n";
        let texts = [
            format!("# header\n\n{entry}"),
            format!("{entry}\n# a comment at the end\n"),
            format!("{entry}\n\n\n"),
            entry.trim_end().to_string(),
            entry.replace('\n', "\r\n"),
            format!(
                "# why:\n{entry}\n# the next one\n{}",
                entry.replace("0123", "4567")
            ),
            format!("{entry}figures = [\n  \"1 at a.txt:1:1\",\n]\n   \n"),
        ];
        let accepted = [
            accepted("fedcba9876543210"),
            accepted("0123456789abcdef"),
            accepted("00000000000000ff"),
        ];
        for text in &texts {
            let baseline = parsed(text);
            assert!(baseline.tables_only, "{text:?}");
            let mut whole = baseline.clone();
            whole.tables_only = false;
            let fast = updated(Some(&baseline), &accepted, false);
            assert_eq!(fast, updated(Some(&whole), &accepted, false), "{text:?}");
            assert_eq!((fast.1, fast.2), (2, 0));
        }
    }
}
