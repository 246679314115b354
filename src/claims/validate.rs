//! The second loading phase: raw claim files → a validated [`Catalog`].
//!
//! Every file is first parsed on its own: a TOML syntax error stops that file, a
//! schema error (unknown key, wrong type) is reported and its line set aside so
//! the rest of the file is still checked. Then ids, references, regular
//! expressions, values, periods and relation expressions are checked across all
//! files at once. Every item becomes exactly one validated item, so indices stay
//! aligned even while errors are collected; the catalog is returned only when
//! there are none.

use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;

use toml::Spanned;

use super::diagnostic::FileText;
use super::expr::{parse_equation, Equation, Expr, ExprError};
use super::raw::{
    RawClaim, RawFile, RawPin, RawQuantity, RawRelation, RawRule, RawSet, RawSource, Text,
};
use super::rule::{compile_pattern, compile_regex, RuleRegex, RULES_TOTAL_SIZE_LIMIT};
use super::value::{parse_period, parse_value};
use super::{
    Catalog, Claim, Code, Declared, Diagnostic, Location, Pin, Quantity, Quote, Relation, Rule,
    Set, Source, SourceKind,
};
use crate::extract::{Kind, Period, Qualifier};
use crate::source::{Document, DocumentPath};
use crate::value::Value;

/// The qualifiers a rule or pin may `set` on a single figure.
const QUALIFIERS: [Qualifier; 8] = [
    Qualifier::Exact,
    Qualifier::About,
    Qualifier::Over,
    Qualifier::JustOver,
    Qualifier::Under,
    Qualifier::AtLeast,
    Qualifier::AtMost,
    Qualifier::Almost,
];

const KINDS: [Kind; 9] = [
    Kind::Count,
    Kind::Percent,
    Kind::Fraction,
    Kind::Multiplier,
    Kind::Duration,
    Kind::Age,
    Kind::Rate,
    Kind::Measure,
    Kind::Money,
];

/// `(table header offset, key)` of the lines blanked after schema errors.
type SetAside = Vec<(Option<usize>, String)>;

/// A parsed file: its text, its raw tables, and the keys set aside after schema errors.
struct Parsed {
    file: FileText,
    raw: RawFile,
    /// `(table header offset, key)` of lines blanked after a schema error: a key
    /// missing for that reason is not reported again as missing.
    set_aside: SetAside,
}

pub(crate) fn load_texts(files: Vec<(PathBuf, String)>) -> Result<Catalog, Vec<Diagnostic>> {
    let mut diagnostics = Vec::new();
    let mut parsed = Vec::new();
    let mut incomplete = false;
    let mut unparsed = Vec::new();
    for (path, text) in files {
        let file = FileText {
            text: Document::new(path.display().to_string(), text),
            path,
        };
        if let Some((raw, set_aside)) = parse_file(&file, &mut diagnostics) {
            parsed.push(Parsed {
                file,
                raw,
                set_aside,
            });
        } else {
            incomplete = true;
            unparsed.push(file);
        }
    }
    let catalog = validate(&parsed, incomplete, &mut diagnostics);
    if diagnostics.is_empty() {
        Ok(catalog)
    } else {
        let texts: HashMap<&PathBuf, &Document> = parsed
            .iter()
            .map(|p| (&p.file.path, &p.file.text))
            .chain(unparsed.iter().map(|f| (&f.path, &f.text)))
            .collect();
        let mut diagnostics: Vec<Diagnostic> = diagnostics
            .into_iter()
            .map(|d| match texts.get(&d.path) {
                Some(text) => d.with_source(text),
                None => d,
            })
            .collect();
        diagnostics.sort();
        diagnostics.dedup();
        Err(diagnostics)
    }
}

/// Phase one for one file. Reports a syntax error and gives up on the file; reports
/// each schema error, blanks its line (offsets stay put) and tries again.
fn parse_file(file: &FileText, diagnostics: &mut Vec<Diagnostic>) -> Option<(RawFile, SetAside)> {
    let text = &file.text.text;
    if let Err(error) = text.parse::<toml::Table>() {
        let span = error.span().unwrap_or(0..0);
        diagnostics.push(Diagnostic::error(
            Code::Toml,
            &file.at(&span),
            format!("TOML syntax: {}", one_line(error.message())),
        ));
        return None;
    }
    let mut work = text.clone();
    let mut set_aside = Vec::new();
    // Each problem costs a parse of the whole file: past the first ones shown, the rest
    // are only counted, and only while the parsing stays cheap.
    let mut not_shown = 0;
    let mut first_not_shown = Location::file(&file.path);
    let mut parses = 0usize;
    loop {
        parses += 1;
        match toml::from_str::<RawFile>(&work) {
            Ok(raw) if not_shown == 0 => return Some((raw, set_aside)),
            Ok(_) => {
                diagnostics.push(more_problems(&first_not_shown, not_shown, false));
                return None;
            }
            Err(error) => {
                let span = error.span().unwrap_or(0..0);
                if set_aside.len() < MAX_PROBLEMS_SHOWN {
                    diagnostics.push(Diagnostic::error(
                        Code::Schema,
                        &file.at(&span),
                        one_line(error.message()),
                    ));
                } else {
                    if not_shown == 0 {
                        first_not_shown = file.at(&span);
                    }
                    not_shown += 1;
                }
                let key = blank_line(&mut work, &span);
                let out_of_budget = parses.saturating_mul(text.len().max(1)) > COUNTING_BUDGET;
                match key {
                    Some(key) if !out_of_budget => {
                        set_aside.push((header_before(text, span.start), key));
                    }
                    _ if not_shown > 0 => {
                        diagnostics.push(more_problems(&first_not_shown, not_shown, key.is_some()));
                        return None;
                    }
                    _ => return None,
                }
            }
        }
    }
}

/// Problems shown per claim file; the rest are counted.
const MAX_PROBLEMS_SHOWN: usize = 100;

/// Bytes of TOML parsed at most while counting the problems not shown.
const COUNTING_BUDGET: usize = 64 << 20;

/// The note that ends a file's list of problems when not all were shown, at the first
/// one not shown.
fn more_problems(first: &Location, not_shown: usize, maybe_more: bool) -> Diagnostic {
    Diagnostic::error(
        Code::MoreProblems,
        first,
        format!(
            "{}{not_shown} more problem{} from here on not shown (only the first {MAX_PROBLEMS_SHOWN} of a file are)",
            if maybe_more { "at least " } else { "" },
            if not_shown == 1 { "" } else { "s" }
        ),
    )
}

/// The offset of the `[` of the table header above `offset`: where the table's span
/// starts. `None` for top-level keys.
fn header_before(text: &str, offset: usize) -> Option<usize> {
    let mut line_end = offset;
    loop {
        let line_start = text[..line_end].rfind('\n').map_or(0, |i| i + 1);
        let line = &text[line_start..line_end];
        let indent = line.len() - line.trim_start().len();
        if line.trim_start().starts_with('[') {
            return Some(line_start + indent);
        }
        if line_start == 0 {
            return None;
        }
        line_end = line_start - 1;
    }
}

/// A possibly multi-line message from `toml` as one line.
fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

/// Blanks the `key = value` line holding `span` when the value fits on that line
/// and the file still parses without it; returns the key.
fn blank_line(work: &mut String, span: &Range<usize>) -> Option<String> {
    let start = work[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = work[span.start..]
        .find('\n')
        .map_or(work.len(), |i| span.start + i);
    let line = &work[start..end];
    if span.end > end || line.trim_start().starts_with('[') || !line.contains('=') {
        return None;
    }
    let key = line
        .split('=')
        .next()
        .unwrap_or("")
        .trim()
        .trim_matches(['"', '\''])
        .to_string();
    // One ASCII space per byte keeps every later offset in place.
    let blank: String = line
        .bytes()
        .map(|b| if b == b'\r' { '\r' } else { ' ' })
        .collect();
    let mut candidate = work.clone();
    candidate.replace_range(start..end, &blank);
    if candidate.parse::<toml::Table>().is_err() {
        return None;
    }
    *work = candidate;
    Some(key)
}

/// What an id in the shared quantity/claim namespace names.
#[derive(Debug, Clone, Copy)]
enum Name {
    Quantity(usize),
    Claim(usize),
    Pin(usize),
}

#[derive(Default)]
struct Ids {
    sources: HashMap<String, (usize, Location)>,
    names: HashMap<String, (Name, Location)>,
    relations: HashMap<String, Location>,
    /// Normalised `document` paths of sources.
    documents: HashMap<DocumentPath, Location>,
}

/// `incomplete`: some file could not be read as tables, so its ids are unknown and
/// references to ids not found are not reported (they may be defined there).
fn validate(files: &[Parsed], incomplete: bool, diagnostics: &mut Vec<Diagnostic>) -> Catalog {
    let mut catalog = Catalog::default();
    let mut ids = Ids::default();
    for parsed in files {
        let mut check = Check::new(parsed, incomplete, diagnostics);
        for source in &parsed.raw.source {
            let valid = check.source(source, &mut ids, catalog.sources.len());
            catalog.sources.push(valid);
        }
    }
    for parsed in files {
        let mut check = Check::new(parsed, incomplete, diagnostics);
        for quantity in &parsed.raw.quantity {
            let valid = check.quantity(quantity, &mut ids, catalog.quantities.len());
            catalog.quantities.push(valid);
        }
    }
    rules_within_budget(&catalog.quantities, diagnostics);
    for parsed in files {
        let mut check = Check::new(parsed, incomplete, diagnostics);
        for claim in &parsed.raw.claim {
            let valid = check.claim(claim, &mut ids, &catalog.quantities, catalog.claims.len());
            catalog.claims.push(valid);
        }
    }
    // Every pin before any relation: a relation may name a pin of another file.
    for parsed in files {
        let mut check = Check::new(parsed, incomplete, diagnostics);
        for pin in &parsed.raw.pin {
            let valid = check.pin(pin, &mut ids, catalog.pins.len());
            catalog.pins.push(valid);
        }
    }
    for parsed in files {
        let mut check = Check::new(parsed, incomplete, diagnostics);
        for relation in &parsed.raw.relation {
            if let Some(valid) = check.relation(relation, &mut ids) {
                catalog.relations.push(valid);
            }
        }
    }
    // Each `part_of` is a relation `part <= whole` over every source's figures; each
    // `share_of` a share at most 100%, the disjoint shares of one whole together.
    let mut shares: Vec<(usize, Location)> = Vec::new();
    for parsed in files {
        let mut check = Check::new(parsed, incomplete, diagnostics);
        for quantity in &parsed.raw.quantity {
            let (relations, share) = check.links(quantity, &ids, &mut catalog.quantities);
            catalog.relations.extend(relations);
            shares.extend(share);
        }
    }
    catalog
        .relations
        .extend(share_relations(&catalog.quantities, &shares, &ids));
    catalog
}

/// All the rules' expressions together may take at most [`RULES_TOTAL_SIZE_LIMIT`]
/// compiled: an error at the first rule past it.
fn rules_within_budget(quantities: &[Quantity], diagnostics: &mut Vec<Diagnostic>) {
    let mut total = 0usize;
    for quantity in quantities {
        for rule in &quantity.rules {
            let expressions = [&rule.pattern, &rule.sentence, &rule.unit];
            total = expressions
                .into_iter()
                .flatten()
                .fold(total, |total, regex| {
                    total.saturating_add(regex.estimated_size())
                });
            if total > RULES_TOTAL_SIZE_LIMIT {
                diagnostics.push(Diagnostic::error(
                    Code::Pattern,
                    &rule.location,
                    format!(
                        "the rules up to this one would take over {} MiB once compiled: write fewer or shorter expressions (a gap such as `.{{0,80}}` costs most)",
                        RULES_TOTAL_SIZE_LIMIT >> 20
                    ),
                ));
                return;
            }
        }
    }
}

/// Checks the items of one file, writing problems into the shared list.
struct Check<'a> {
    parsed: &'a Parsed,
    /// Some file was not read: an id not found may be defined there.
    incomplete: bool,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl<'a> Check<'a> {
    fn new(
        parsed: &'a Parsed,
        incomplete: bool,
        diagnostics: &'a mut Vec<Diagnostic>,
    ) -> Check<'a> {
        Check {
            parsed,
            incomplete,
            diagnostics,
        }
    }

    fn at(&self, span: &Range<usize>) -> Location {
        self.parsed.file.at(span)
    }

    fn error(&mut self, code: Code, span: &Range<usize>, message: impl Into<String>) {
        let location = self.at(span);
        self.diagnostics
            .push(Diagnostic::error(code, &location, message));
    }

    fn error_at(&mut self, code: Code, location: &Location, message: impl Into<String>) {
        self.diagnostics
            .push(Diagnostic::error(code, location, message));
    }

    /// A required string key; reports it missing at the table's header.
    fn required<'r>(
        &mut self,
        table: &Range<usize>,
        header: &str,
        key: &str,
        field: &'r Text,
    ) -> Option<&'r Spanned<String>> {
        if field.is_none() && !self.set_aside(table, key) {
            self.error(
                Code::Schema,
                table,
                format!("{header} is missing required key `{key}`"),
            );
        }
        field.as_ref()
    }

    /// Whether `key`, or a misspelling of it, was removed from this table after a
    /// schema error: then it is not reported missing as well.
    fn set_aside(&self, table: &Range<usize>, key: &str) -> bool {
        self.parsed
            .set_aside
            .iter()
            .any(|(header, k)| *header == Some(table.start) && close_spelling(k, key))
    }

    /// Checks an id's spelling; `dash` allows `-` (source ids).
    fn id_syntax(&mut self, id: &Spanned<String>, what: &str, dash: bool) -> bool {
        let ok = !id.get_ref().is_empty()
            && id.get_ref().bytes().all(|b| {
                b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || (dash && b == b'-')
            });
        if !ok {
            let allowed = if dash {
                "lower-case letters, digits, `_` and `-`"
            } else {
                "lower-case letters, digits and `_`"
            };
            self.error(
                Code::Value,
                &id.span(),
                format!("bad {what} id `{}`: use {allowed}", id.get_ref()),
            );
        }
        ok
    }

    fn optional(field: &Text) -> Option<String> {
        field.as_ref().map(|s| s.get_ref().clone())
    }

    fn period(&mut self, field: &Text) -> Option<Period> {
        let field = field.as_ref()?;
        match parse_period(field.get_ref()) {
            Ok(period) => Some(period),
            Err(message) => {
                self.error(Code::Value, &field.span(), message);
                None
            }
        }
    }

    fn regex(&mut self, field: &Text, key: &str) -> Option<RuleRegex> {
        let field = field.as_ref()?;
        match compile_regex(field.get_ref()) {
            Ok(regex) => Some(regex),
            Err(message) => {
                self.error(
                    Code::Pattern,
                    &field.span(),
                    format!("`{key}` does not compile: {message}"),
                );
                None
            }
        }
    }

    fn source(&mut self, table: &Spanned<RawSource>, ids: &mut Ids, index: usize) -> Source {
        let span = table.span();
        let raw = table.get_ref();
        let location = self.at(&span);
        let header = "[[source]]";
        let mut id = String::new();
        if let Some(field) = self.required(&span, header, "id", &raw.id) {
            if self.id_syntax(field, "source", true) {
                id = field.get_ref().clone();
                let here = self.at(&field.span());
                if let Some((_, first)) = ids.sources.get(&id) {
                    let message = format!("duplicate source id `{id}` (first defined at {first})");
                    self.error_at(Code::Duplicate, &here, message);
                } else {
                    ids.sources.insert(id.clone(), (index, here));
                }
            }
        }
        let title = self
            .required(&span, header, "title", &raw.title)
            .map(|t| t.get_ref().clone())
            .unwrap_or_default();
        if raw.author.is_none() && raw.outlet.is_none() {
            self.error(Code::Schema, &span, "[[source]] needs `author` or `outlet`");
        }
        let mut kind = SourceKind::Other;
        if let Some(field) = self.required(&span, header, "kind", &raw.kind) {
            match SourceKind::from_name(field.get_ref()) {
                Some(k) => kind = k,
                None => {
                    let names: Vec<&str> = SourceKind::ALL.iter().map(|k| k.as_str()).collect();
                    self.error(
                        Code::Value,
                        &field.span(),
                        format!(
                            "unknown source kind `{}`: expected one of {}",
                            field.get_ref(),
                            names.join(", ")
                        ),
                    );
                }
            }
        }
        if let Some(date) = &raw.date {
            if !is_date(date.get_ref()) {
                self.error(
                    Code::Value,
                    &date.span(),
                    format!(
                        "date `{}` does not parse: write YYYY, YYYY-MM or YYYY-MM-DD",
                        date.get_ref()
                    ),
                );
            }
        }
        let document = raw.document.as_ref().map(|field| {
            let document = DocumentPath::new(field.get_ref());
            let here = self.at(&field.span());
            if let Some(first) = ids.documents.get(&document) {
                let message =
                    format!("document `{document}` already belongs to the source at {first}");
                self.error_at(Code::Duplicate, &here, message);
            } else {
                ids.documents.insert(document.clone(), here);
            }
            document
        });
        Source {
            id,
            title,
            author: Self::optional(&raw.author),
            outlet: Self::optional(&raw.outlet),
            date: Self::optional(&raw.date),
            kind,
            document,
            url: Self::optional(&raw.url),
            note: Self::optional(&raw.note),
            location,
        }
    }

    /// Registers a quantity or claim id in the shared namespace.
    fn name(&mut self, field: &Spanned<String>, what: &str, name: Name, ids: &mut Ids) -> String {
        let id = field.get_ref().clone();
        let here = self.at(&field.span());
        if let Some((first_name, first)) = ids.names.get(&id) {
            let first_what = match first_name {
                Name::Quantity(_) => "a quantity",
                Name::Claim(_) => "a claim",
                Name::Pin(_) => "a pin",
            };
            let message =
                format!("duplicate {what} id `{id}` (already {first_what} id at {first})");
            self.error_at(Code::Duplicate, &here, message);
        } else {
            ids.names.insert(id.clone(), (name, here));
        }
        id
    }

    fn quantity(&mut self, table: &Spanned<RawQuantity>, ids: &mut Ids, index: usize) -> Quantity {
        let span = table.span();
        let raw = table.get_ref();
        let location = self.at(&span);
        let header = "[[quantity]]";
        let mut id = String::new();
        if let Some(field) = self.required(&span, header, "id", &raw.id) {
            if self.id_syntax(field, "quantity", false) {
                id = self.name(field, "quantity", Name::Quantity(index), ids);
            }
        }
        let description = self
            .required(&span, header, "description", &raw.description)
            .map(|t| t.get_ref().clone())
            .unwrap_or_default();
        let unit = self
            .required(&span, header, "unit", &raw.unit)
            .map(|t| t.get_ref().clone())
            .unwrap_or_default();
        let period = self.period(&raw.period);
        let kind = raw.kind.as_ref().and_then(|field| {
            let kind = KINDS.into_iter().find(|k| k.as_str() == field.get_ref());
            if kind.is_none() {
                let names: Vec<&str> = KINDS.iter().map(|k| k.as_str()).collect();
                self.error(
                    Code::Value,
                    &field.span(),
                    format!(
                        "unknown figure kind `{}`: expected one of {}",
                        field.get_ref(),
                        names.join(", ")
                    ),
                );
            }
            kind
        });
        let tolerance = raw.tolerance.as_ref().and_then(|t| {
            let value = *t.get_ref();
            if (0.0..1.0).contains(&value) {
                Some(value)
            } else {
                self.error(
                    Code::Value,
                    &t.span(),
                    format!("tolerance takes a fraction from 0 to 1 (0.10 is ±10%), not {value}"),
                );
                None
            }
        });
        let rules = raw.rule.iter().map(|rule| self.rule(rule)).collect();
        Quantity {
            id,
            description,
            unit,
            period,
            cumulative: raw.cumulative.unwrap_or(false),
            shared: raw.shared.unwrap_or(false),
            // Resolved once every quantity is known (`links`).
            part_of: Vec::new(),
            share_of: None,
            disjoint: false,
            kind,
            tolerance,
            rules,
            location,
        }
    }

    fn rule(&mut self, table: &Spanned<RawRule>) -> Rule {
        let span = table.span();
        let raw = table.get_ref();
        if raw.pattern.is_none()
            && raw.sentence.is_none()
            && !self.set_aside(&span, "pattern")
            && !self.set_aside(&span, "sentence")
        {
            self.error(
                Code::Schema,
                &span,
                "[[quantity.rule]] needs `pattern` or `sentence`",
            );
        }
        let pattern =
            raw.pattern
                .as_ref()
                .and_then(|field| match compile_pattern(field.get_ref()) {
                    Ok(regex) => Some(regex),
                    Err(message) => {
                        self.error(Code::Pattern, &field.span(), format!("`pattern` {message}"));
                        None
                    }
                });
        Rule {
            pattern,
            sentence: self.regex(&raw.sentence, "sentence"),
            unit: self.regex(&raw.unit, "unit"),
            period: self.period(&raw.period),
            document: raw
                .document
                .as_ref()
                .map(|d| DocumentPath::new(d.get_ref())),
            set: self.set(&raw.set),
            location: self.at(&span),
        }
    }

    /// `set = { … }`: the period, qualifier and attribution a rule or pin gives.
    fn set(&mut self, raw: &Option<Spanned<RawSet>>) -> Set {
        let Some(raw) = raw.as_ref().map(Spanned::get_ref) else {
            return Set::default();
        };
        let qualifier = raw.qualifier.as_ref().and_then(|field| {
            let found = QUALIFIERS
                .into_iter()
                .find(|q| q.as_str() == field.get_ref().as_str());
            if found.is_none() {
                let names: Vec<&str> = QUALIFIERS.iter().map(|q| q.as_str()).collect();
                let message = format!(
                    "unknown qualifier `{}`: expected one of {}",
                    field.get_ref(),
                    names.join(", ")
                );
                self.error(Code::Value, &field.span(), message);
            }
            found
        });
        Set {
            period: self.period(&raw.period),
            qualifier,
            attributed_to: Self::optional(&raw.attributed_to),
        }
    }

    /// Looks up a quantity reference.
    fn quantity_ref(&mut self, field: &Spanned<String>, ids: &Ids) -> Option<usize> {
        match ids.names.get(field.get_ref()) {
            Some((Name::Quantity(index), _)) => Some(*index),
            Some((name @ (Name::Claim(_) | Name::Pin(_)), _)) => {
                let what = if matches!(name, Name::Claim(_)) {
                    "claim"
                } else {
                    "pin"
                };
                let message = format!("`{}` is a {what} id, not a quantity id", field.get_ref());
                self.error(Code::Reference, &field.span(), message);
                None
            }
            None => {
                if !self.incomplete {
                    let message = format!("unknown quantity id `{}`", field.get_ref());
                    self.error(Code::Reference, &field.span(), message);
                }
                None
            }
        }
    }

    fn source_ref(&mut self, field: &Spanned<String>, ids: &Ids) -> Option<usize> {
        let found = ids.sources.get(field.get_ref()).map(|(index, _)| *index);
        if found.is_none() && !self.incomplete {
            let message = format!("unknown source id `{}`", field.get_ref());
            self.error(Code::Reference, &field.span(), message);
        }
        found
    }

    fn claim(
        &mut self,
        table: &Spanned<RawClaim>,
        ids: &mut Ids,
        quantities: &[Quantity],
        index: usize,
    ) -> Claim {
        let span = table.span();
        let raw = table.get_ref();
        let location = self.at(&span);
        let header = "[[claim]]";
        let mut id = String::new();
        if let Some(field) = self.required(&span, header, "id", &raw.id) {
            if self.id_syntax(field, "claim", false) {
                id = self.name(field, "claim", Name::Claim(index), ids);
            }
        }
        let quantity = self
            .required(&span, header, "quantity", &raw.quantity)
            .and_then(|field| self.quantity_ref(field, ids));
        let source = self
            .required(&span, header, "source", &raw.source)
            .and_then(|field| self.source_ref(field, ids));
        let quantity_kind = quantity.and_then(|q| quantities[q].kind);
        let value = self.claim_value(raw, &span, quantity_kind);
        if let (Some(value), Some(wanted), Some(field)) = (&value, quantity_kind, &raw.value) {
            let compatible = value.kind == wanted
                || matches!(
                    (value.kind, wanted),
                    (Kind::Percent, Kind::Fraction) | (Kind::Fraction, Kind::Percent)
                );
            if !compatible {
                let quantity_id = quantity.map_or("", |q| quantities[q].id.as_str());
                self.error(
                    Code::Value,
                    &field.span(),
                    format!(
                        "value is a {} but quantity `{quantity_id}` has kind {wanted}",
                        value.kind
                    ),
                );
            }
        }
        Claim {
            id,
            quantity: quantity.unwrap_or(usize::MAX),
            source: source.unwrap_or(usize::MAX),
            value: value.unwrap_or_else(|| Value::bounds(f64::NAN, f64::NAN, Kind::Count)),
            period: self.period(&raw.period),
            attributed_to: Self::optional(&raw.attributed_to),
            quote: Self::optional(&raw.quote),
            page: Self::optional(&raw.page),
            location,
        }
    }

    fn claim_value(
        &mut self,
        raw: &RawClaim,
        table: &Range<usize>,
        quantity_kind: Option<Kind>,
    ) -> Option<Value> {
        if let Some(field) = &raw.value {
            if let Some(extra) = raw.low.as_ref().or(raw.high.as_ref()) {
                self.error(
                    Code::Schema,
                    &extra.span(),
                    "give `value` or `low` and `high`, not both",
                );
                return None;
            }
            let value = match field.get_ref() {
                toml::Value::String(text) => parse_value(text),
                toml::Value::Integer(n) => Ok(Value::number(*n as f64, true)),
                toml::Value::Float(n) => Ok(Value::number(*n, false)),
                other => Err(format!(
                    "`value` must be a string or a number, not a {}",
                    other.type_str()
                )),
            };
            return match value {
                Ok(value) => Some(value),
                Err(message) => {
                    self.error(Code::Value, &field.span(), message);
                    None
                }
            };
        }
        match (&raw.low, &raw.high) {
            (Some(low), Some(high)) => {
                let (l, h) = (*low.get_ref(), *high.get_ref());
                if !(l.is_finite() && h.is_finite()) {
                    self.error(
                        Code::Value,
                        &low.span(),
                        "`low` and `high` must be finite numbers",
                    );
                    None
                } else if l > h {
                    self.error(
                        Code::Value,
                        &low.span(),
                        format!("`low` ({l}) is greater than `high` ({h})"),
                    );
                    None
                } else {
                    Some(Value::bounds(l, h, quantity_kind.unwrap_or(Kind::Count)))
                }
            }
            (Some(low), None) => {
                self.error(Code::Schema, &low.span(), "`low` needs `high`");
                None
            }
            (None, Some(high)) => {
                self.error(Code::Schema, &high.span(), "`high` needs `low`");
                None
            }
            (None, None) => {
                if !self.set_aside(table, "value")
                    && !self.set_aside(table, "low")
                    && !self.set_aside(table, "high")
                {
                    self.error(
                        Code::Schema,
                        table,
                        "[[claim]] needs `value` or `low` and `high`",
                    );
                }
                None
            }
        }
    }

    fn pin(&mut self, table: &Spanned<RawPin>, ids: &mut Ids, index: usize) -> Pin {
        let span = table.span();
        let raw = table.get_ref();
        let header = "[[pin]]";
        let quantity = self
            .required(&span, header, "quantity", &raw.quantity)
            .and_then(|field| self.quantity_ref(field, ids));
        let document = self
            .required(&span, header, "document", &raw.document)
            .map(|d| DocumentPath::new(d.get_ref()))
            .unwrap_or_else(|| DocumentPath::new(""));
        let text = self
            .required(&span, header, "text", &raw.text)
            .map(|t| t.get_ref().clone())
            .unwrap_or_default();
        let mut positive = |field: &Option<Spanned<i64>>, key: &str| -> Option<usize> {
            let field = field.as_ref()?;
            match usize::try_from(*field.get_ref()) {
                Ok(n) if n >= 1 => Some(n),
                _ => {
                    self.error(Code::Value, &field.span(), format!("`{key}` counts from 1"));
                    None
                }
            }
        };
        let occurrence = positive(&raw.occurrence, "occurrence").unwrap_or(1);
        let line = positive(&raw.line, "line");
        let quote = Quote {
            prefix: raw.prefix.as_ref().map(|p| p.get_ref().clone()),
            suffix: raw.suffix.as_ref().map(|s| s.get_ref().clone()),
        };
        let id = raw.id.as_ref().and_then(|field| {
            self.id_syntax(field, "pin", false)
                .then(|| self.name(field, "pin", Name::Pin(index), ids))
        });
        Pin {
            id,
            quantity: quantity.unwrap_or(usize::MAX),
            document,
            text,
            quote,
            occurrence,
            line,
            set: self.set(&raw.set),
            location: self.at(&span),
        }
    }

    /// What a quantity's `part_of`, `share_of` and `disjoint` declare, recorded on the
    /// quantity: the relations `part <= whole` for each whole (across sources, located
    /// at the whole's name), and the quantity with the place of its `share_of` when it
    /// is a share.
    fn links(
        &mut self,
        table: &Spanned<RawQuantity>,
        ids: &Ids,
        quantities: &mut [Quantity],
    ) -> (Vec<Relation>, Option<(usize, Location)>) {
        let raw = table.get_ref();
        let Some(part) = raw.id.as_ref().map(|id| id.get_ref()) else {
            return (Vec::new(), None);
        };
        let Some(&(Name::Quantity(index), _)) = ids.names.get(part) else {
            return (Vec::new(), None);
        };
        // A later table with the same id is a duplicate, reported elsewhere.
        if quantities[index].location != self.at(&table.span()) {
            return (Vec::new(), None);
        }
        let mut relations = Vec::new();
        for whole in raw.part_of.as_ref().map_or(&[][..], |w| w.get_ref()) {
            if whole.get_ref() == part {
                let message = format!("`{part}` cannot be a part of itself");
                self.error(Code::Reference, &whole.span(), message);
                continue;
            }
            let Some(whole_index) = self.quantity_ref(whole, ids) else {
                continue;
            };
            let expr = format!("{part} <= {}", whole.get_ref());
            let Some(equation) = quantity_equation(&expr, ids) else {
                continue;
            };
            quantities[index].part_of.push(whole_index);
            relations.push(Relation {
                id: format!("{part}_part_of_{}", whole.get_ref()),
                expr,
                equation,
                description: Some(format!(
                    "`{part}` is a part of `{}` (part_of)",
                    whole.get_ref()
                )),
                across_sources: true,
                declared: Declared::PartOf,
                source: None,
                location: self.at(&whole.span()),
            });
        }
        let disjoint = raw.disjoint.as_ref().is_some_and(|d| *d.get_ref());
        let mut share = None;
        match raw.share_of.as_ref() {
            Some(whole) if whole.get_ref() == part => {
                let message = format!("`{part}` cannot be a share of itself");
                self.error(Code::Reference, &whole.span(), message);
            }
            Some(whole) => {
                if let Some(whole_index) = self.quantity_ref(whole, ids) {
                    quantities[index].share_of = Some(whole_index);
                    quantities[index].disjoint = disjoint;
                    share = Some((index, self.at(&whole.span())));
                }
            }
            None => {
                if let Some(field) = raw.disjoint.as_ref().filter(|_| disjoint) {
                    let message = "`disjoint` is said of a share: add `share_of = \"whole\"` naming what it is a share of".to_string();
                    self.error(Code::Schema, &field.span(), message);
                }
            }
        }
        (relations, share)
    }

    fn relation(&mut self, table: &Spanned<RawRelation>, ids: &mut Ids) -> Option<Relation> {
        let span = table.span();
        let raw = table.get_ref();
        let header = "[[relation]]";
        let mut id = String::new();
        if let Some(field) = self.required(&span, header, "id", &raw.id) {
            if self.id_syntax(field, "relation", false) {
                id = field.get_ref().clone();
                let here = self.at(&field.span());
                if let Some(first) = ids.relations.get(&id) {
                    let message =
                        format!("duplicate relation id `{id}` (first defined at {first})");
                    self.error_at(Code::Duplicate, &here, message);
                } else {
                    ids.relations.insert(id.clone(), here);
                }
            }
        }
        let source = raw
            .source
            .as_ref()
            .and_then(|field| self.source_ref(field, ids));
        let across_sources = match raw.across.as_ref() {
            None => false,
            Some(field) => match field.get_ref().as_str() {
                "source" => false,
                "sources" => true,
                other => {
                    let message = format!(
                        "`across` is `\"source\"` (the default: each source's figures alone) or `\"sources\"` (combined), not `{other}`"
                    );
                    self.error(Code::Value, &field.span(), message);
                    false
                }
            },
        };
        let field = self.required(&span, header, "expr", &raw.expr)?;
        let mut resolve = |name: &str| match name.split_once('@') {
            Some((quantity, source)) => match (ids.names.get(quantity), ids.sources.get(source)) {
                (Some((Name::Quantity(q), _)), Some((s, _))) => Some(Expr::QuantityAt(*q, *s)),
                _ => None,
            },
            None => match ids.names.get(name) {
                Some((Name::Quantity(i), _)) => Some(Expr::Quantity(*i)),
                Some((Name::Claim(i), _)) => Some(Expr::Claim(*i)),
                Some((Name::Pin(i), _)) => Some(Expr::Pin(*i)),
                None => None,
            },
        };
        let equation: Option<Equation> = match parse_equation(field.get_ref(), &mut resolve) {
            // Numbers alone say nothing about the sources.
            Ok(equation) if equation.names.is_empty() => {
                let location = self.parsed.file.inside_string(&field.span(), 0);
                self.error_at(
                    Code::Expression,
                    &location,
                    "in `expr`: a relation names at least one quantity or claim".to_string(),
                );
                None
            }
            Ok(equation) => Some(equation),
            Err(errors) => {
                for error in errors {
                    if self.incomplete && error.unknown_name.is_some() {
                        continue;
                    }
                    let location = self.parsed.file.inside_string(&field.span(), error.offset);
                    self.error_at(
                        expression_code(&error),
                        &location,
                        format!("in `expr`: {}", error.message),
                    );
                }
                None
            }
        };
        Some(Relation {
            id,
            expr: field.get_ref().clone(),
            equation: equation?,
            description: Self::optional(&raw.description),
            across_sources,
            declared: Declared::Written,
            source,
            location: self.at(&span),
        })
    }
}

/// An equation over quantity ids alone, as `part_of` and `share_of` write them.
fn quantity_equation(expr: &str, ids: &Ids) -> Option<Equation> {
    let mut resolve = |name: &str| match ids.names.get(name) {
        Some((Name::Quantity(i), _)) => Some(Expr::Quantity(*i)),
        _ => None,
    };
    parse_equation(expr, &mut resolve).ok()
}

/// The relations `share_of` declares: a share that is not disjoint is at most 100% on
/// its own; the disjoint shares of one whole are at most 100% together (one relation
/// per whole, located at the first share's `share_of`).
fn share_relations(
    quantities: &[Quantity],
    shares: &[(usize, Location)],
    ids: &Ids,
) -> Vec<Relation> {
    let mut relations = Vec::new();
    let mut groups: Vec<(usize, Vec<usize>, Location)> = Vec::new();
    for (share, location) in shares {
        let quantity = &quantities[*share];
        let Some(whole) = quantity.share_of else {
            continue;
        };
        if quantity.disjoint {
            match groups.iter_mut().find(|(w, ..)| *w == whole) {
                Some((_, members, _)) => members.push(*share),
                None => groups.push((whole, vec![*share], location.clone())),
            }
            continue;
        }
        let expr = format!("{} <= 100%", quantity.id);
        relations.extend(at_most_all(&expr, ids).map(|equation| Relation {
            id: format!("{}_share_of_{}", quantity.id, quantities[whole].id),
            expr,
            equation,
            description: Some(format!(
                "`{}` is a share of `{}`: at most 100% (share_of)",
                quantity.id, quantities[whole].id
            )),
            across_sources: true,
            declared: Declared::Shares,
            source: None,
            location: location.clone(),
        }));
    }
    for (whole, members, location) in groups {
        let names: Vec<&str> = members.iter().map(|&m| quantities[m].id.as_str()).collect();
        let expr = format!("{} <= 100%", names.join(" + "));
        relations.extend(at_most_all(&expr, ids).map(|equation| Relation {
            id: format!("shares_of_{}", quantities[whole].id),
            expr,
            equation,
            description: Some(format!(
                "the disjoint shares of `{}` together: at most 100% (share_of, disjoint)",
                quantities[whole].id
            )),
            across_sources: true,
            declared: Declared::Shares,
            source: None,
            location,
        }));
    }
    relations
}

/// `expr`, whose right side is `100%`, with that 100% exact: all of a whole, not a
/// percentage rounded to its last digit.
fn at_most_all(expr: &str, ids: &Ids) -> Option<Equation> {
    let mut equation = quantity_equation(expr, ids)?;
    equation.right = Expr::Number(1.0, 0.0);
    Some(equation)
}

/// Equal, or one or two edits apart (`patern`, `titel`), ignoring case.
fn close_spelling(written: &str, key: &str) -> bool {
    let a: Vec<char> = written.to_lowercase().chars().collect();
    let b: Vec<char> = key.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()] <= 2
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a month 1-12 and a day 1-31.
fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let number = |part: &str, len: usize, range: std::ops::RangeInclusive<u32>| {
        part.len() == len
            && part.bytes().all(|b| b.is_ascii_digit())
            && part.parse::<u32>().is_ok_and(|n| range.contains(&n))
    };
    match parts.as_slice() {
        [y] => number(y, 4, 0..=9999),
        [y, m] => number(y, 4, 0..=9999) && number(m, 2, 1..=12),
        [y, m, d] => number(y, 4, 0..=9999) && number(m, 2, 1..=12) && number(d, 2, 1..=31),
        _ => false,
    }
}

/// A problem in a relation's expression: a name that names nothing, or its syntax.
fn expression_code(error: &ExprError) -> Code {
    if error.unknown_name.is_some() {
        Code::Reference
    } else {
        Code::Expression
    }
}
