//! Keying: which extracted figures are which quantities.
//!
//! This module owns what a quantity rule means (the `{figure}` slot, the
//! `sentence`, `unit`, `period` and `document` filters, the quantity's `kind`)
//! and how pins find their figure. Rule regexes are parsed when the claim files are
//! loaded and compiled when first run (`claims::rule`); keying a figure
//! builds its sentence with white space collapsed and the figure replaced by
//! [`FIGURE_SLOT`], and runs over it the regexes of the rules the sentence may match
//! (the [`prefilter`]: one scan for the texts the rules require). A figure keys to at
//! most one quantity: a pin wins over rules, then the first matching quantity in
//! catalog order. Nothing here reads files or rescans a document: it works from
//! the figures extraction already found.

use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

use crate::claims::{head, tail, Catalog, Rule, RuleRegex, FIGURE_SLOT};
use crate::diag::{Code, Diagnostic};
use crate::extract::Figure;
use crate::source::{Document, DocumentPath};
use prefilter::{Prefilter, RuleAt};

mod prefilter;

/// How a figure was keyed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyedBy {
    /// The rule at this index of the quantity's [`crate::claims::Quantity::rules`].
    Rule(usize),
    /// The pin at this index of [`Catalog::pins`].
    Pin(usize),
}

/// One figure keyed to one quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Keyed {
    /// Index into the figures given to [`Keyer::key`].
    pub figure: usize,
    /// Index into [`Catalog::quantities`].
    pub quantity: usize,
    pub by: KeyedBy,
}

/// Keys the figures of one document after another, and remembers which pins
/// found their figure.
#[derive(Debug)]
pub struct Keyer<'c> {
    catalog: &'c Catalog,
    /// Per pin: it found its figure.
    pin_matched: Vec<AtomicBool>,
    /// Per pin: its document was keyed.
    pin_document_seen: Vec<AtomicBool>,
    /// Per pin: the figures of its text met so far in its document, counted on across
    /// the parts of a large document.
    pin_occurrences_seen: Vec<AtomicUsize>,
    /// Per quote pin: the words around the first figure of its text whose quote did
    /// not match, so that a broken pin can say what it found instead.
    pin_nearest: Vec<Mutex<Option<String>>>,
    /// Per quantity, per rule: the document its `document` names was keyed.
    rule_document_seen: Vec<Vec<AtomicBool>>,
    /// The rules that name a document.
    documented_rules: Vec<RuleAt>,
    prefilter: Prefilter,
    /// Per quantity, per rule: it matched some figure.
    rule_matched: Vec<Vec<AtomicBool>>,
    /// Figures two quantities matched: the first [`MOST_OVERLAPS`], and how many in all.
    overlaps: Mutex<Vec<Overlap>>,
    overlaps_seen: AtomicUsize,
}

/// A figure keyed to one quantity that a rule of another also matched.
#[derive(Debug, Clone)]
struct Overlap {
    document: String,
    line: usize,
    column: usize,
    text: String,
    keyed_to: usize,
    also_matched: usize,
}

/// Figures matched by two quantities reported one by one; past them, a count.
const MOST_OVERLAPS: usize = 100;

/// Rules that matched no figure reported one by one; past them, a count.
const MOST_UNUSED_RULES: usize = 100;

impl<'c> Keyer<'c> {
    pub fn new(catalog: &'c Catalog) -> Keyer<'c> {
        let flags = || {
            catalog
                .pins
                .iter()
                .map(|_| AtomicBool::new(false))
                .collect()
        };
        Keyer {
            catalog,
            pin_matched: flags(),
            pin_document_seen: flags(),
            pin_occurrences_seen: catalog.pins.iter().map(|_| AtomicUsize::new(0)).collect(),
            pin_nearest: catalog.pins.iter().map(|_| Mutex::new(None)).collect(),
            rule_document_seen: catalog
                .quantities
                .iter()
                .map(|q| q.rules.iter().map(|_| AtomicBool::new(false)).collect())
                .collect(),
            documented_rules: catalog
                .quantities
                .iter()
                .enumerate()
                .flat_map(|(q, quantity)| {
                    quantity
                        .rules
                        .iter()
                        .enumerate()
                        .filter(|(_, rule)| rule.document.is_some())
                        .map(move |(r, _)| (q, r))
                })
                .collect(),
            prefilter: Prefilter::new(catalog),
            rule_matched: catalog
                .quantities
                .iter()
                .map(|q| q.rules.iter().map(|_| AtomicBool::new(false)).collect())
                .collect(),
            overlaps: Mutex::new(Vec::new()),
            overlaps_seen: AtomicUsize::new(0),
        }
    }

    /// The quantity each figure of `document` is, for the figures that are one, in
    /// order of figure. `figures` are the document's figures as extracted, in order.
    pub fn key(&self, document: &Document, figures: &[Figure]) -> Vec<Keyed> {
        self.key_at(document, figures, |index| {
            document.line_col(figures[index].span.start)
        })
    }

    /// As [`Keyer::key`], with the line and column of each figure (by index) in its
    /// document given, for figures read back from JSON Lines into a stand-in document.
    /// A figure a `shared` quantity also takes is listed once for each, in catalog order.
    pub fn key_at(
        &self,
        document: &Document,
        figures: &[Figure],
        position_of: impl Fn(usize) -> (usize, usize),
    ) -> Vec<Keyed> {
        let name = DocumentPath::new(&document.name);
        let mut keyed: Vec<Option<Keyed>> = vec![None; figures.len()];
        let line_of = |index| position_of(index).0;
        self.key_pins(&name, document, figures, &line_of, &mut keyed);
        let also = self.key_rules(&name, document, figures, &position_of, &mut keyed);
        let mut all: Vec<Keyed> = keyed.into_iter().flatten().chain(also).collect();
        all.sort_by_key(|k| k.figure);
        all
    }

    fn key_pins(
        &self,
        name: &DocumentPath,
        document: &Document,
        figures: &[Figure],
        line_of: &impl Fn(usize) -> usize,
        keyed: &mut [Option<Keyed>],
    ) {
        for (index, pin) in self.catalog.pins.iter().enumerate() {
            if !name.same_file(&pin.document) {
                continue;
            }
            self.pin_document_seen[index].store(true, Ordering::Relaxed);
            // A later part of a document counts on from the parts before it.
            let mut seen = match document.first_line() {
                0 => 0,
                _ => self.pin_occurrences_seen[index].load(Ordering::Relaxed),
            };
            for (figure_index, figure) in figures.iter().enumerate() {
                if document.text.get(figure.span.clone()) != Some(pin.text.as_str()) {
                    // The quote's words around another figure: most likely the pinned
                    // figure, edited. Worth naming when the pin breaks.
                    if pin.quote.is_given()
                        && pin.quote.matches(
                            &document.text[..figure.span.start],
                            &document.text[figure.span.end..],
                        )
                    {
                        self.note_nearest(index, document, figure);
                    }
                    continue;
                }
                if pin.quote.is_given() {
                    let before = &document.text[..figure.span.start];
                    let after = &document.text[figure.span.end..];
                    if !pin.quote.matches(before, after) {
                        self.note_nearest(index, document, figure);
                        continue;
                    }
                } else if pin.line.is_some_and(|line| line_of(figure_index) != line) {
                    continue;
                }
                seen += 1;
                if seen == pin.occurrence {
                    self.pin_matched[index].store(true, Ordering::Relaxed);
                    let slot = &mut keyed[figure_index];
                    if slot.is_none() {
                        *slot = Some(Keyed {
                            figure: figure_index,
                            quantity: pin.quantity,
                            by: KeyedBy::Pin(index),
                        });
                    }
                    break;
                }
            }
            self.pin_occurrences_seen[index].store(seen, Ordering::Relaxed);
        }
    }

    /// Keys by rules the figures no pin took. A figure goes to the first quantity in
    /// catalog order whose rule matches it; every later rule is still tried, so that a
    /// rule is known to match, and a figure two quantities match is noted (or, when one
    /// of them is `shared`, given to both: those are returned).
    fn key_rules(
        &self,
        name: &DocumentPath,
        document: &Document,
        figures: &[Figure],
        position_of: &impl Fn(usize) -> (usize, usize),
        keyed: &mut [Option<Keyed>],
    ) -> Vec<Keyed> {
        let quantities = &self.catalog.quantities;
        let mut also = Vec::new();
        for &(q, r) in &self.documented_rules {
            if quantities[q].rules[r]
                .document
                .as_ref()
                .is_some_and(|d| d.same_file(name))
            {
                self.rule_document_seen[q][r].store(true, Ordering::Relaxed);
            }
        }
        if self.prefilter.is_empty() {
            return also;
        }
        let mut plain = Collapsed::default();
        let mut slotted = String::new();
        let mut folded = String::new();
        // The rules the sentence at hand may match, worked out once per sentence.
        let mut candidates_for: Option<Range<usize>> = None;
        let mut candidates = Vec::new();
        for (figure_index, figure) in figures.iter().enumerate() {
            if keyed[figure_index].is_some() {
                continue;
            }
            if candidates_for.as_ref() != Some(&figure.sentence) {
                let text = plain.get(document, figure.sentence.clone());
                self.prefilter
                    .candidates(text, &mut folded, &mut candidates);
                candidates_for = Some(figure.sentence.clone());
            }
            let mut slotted_for: Option<usize> = None;
            // The quantities that took the figure so far, first the one it is keyed to.
            let mut takers: Vec<usize> = Vec::new();
            for &(quantity_index, rule_index) in &candidates {
                let quantity = &quantities[quantity_index];
                let rule = &quantity.rules[rule_index];
                if quantity.kind.is_some_and(|kind| kind != figure.kind)
                    || !rule.document.as_ref().is_none_or(|d| d.same_file(name))
                    || !cheap_filters(rule, figure)
                {
                    continue;
                }
                if let Some(sentence) = &rule.sentence {
                    let text = plain.get(document, figure.sentence.clone());
                    if sentence.is_match(text) != Ok(true) {
                        continue;
                    }
                }
                if let Some(pattern) = &rule.pattern {
                    if slotted_for != Some(figure_index) {
                        collapse(
                            document,
                            figure.sentence.clone(),
                            Some(figure.span.clone()),
                            &mut slotted,
                        );
                        slotted_for = Some(figure_index);
                    }
                    if pattern.is_match(&slotted) != Ok(true) {
                        continue;
                    }
                }
                self.rule_matched[quantity_index][rule_index].store(true, Ordering::Relaxed);
                let keyed_here = Keyed {
                    figure: figure_index,
                    quantity: quantity_index,
                    by: KeyedBy::Rule(rule_index),
                };
                match takers.first() {
                    _ if takers.contains(&quantity_index) => {}
                    None => {
                        keyed[figure_index] = Some(keyed_here);
                        takers.push(quantity_index);
                    }
                    Some(&first) if quantity.shared || quantities[first].shared => {
                        also.push(keyed_here);
                        takers.push(quantity_index);
                    }
                    Some(&first) => {
                        let (line, column) = position_of(figure_index);
                        self.note_overlap(Overlap {
                            document: document.name.clone(),
                            line,
                            column,
                            text: figure.text(&document.text).to_string(),
                            keyed_to: first,
                            also_matched: quantity_index,
                        });
                        takers.push(quantity_index);
                    }
                }
            }
        }
        also
    }

    /// Remembers a figure two quantities matched, up to [`MOST_OVERLAPS`] of them.
    fn note_overlap(&self, overlap: Overlap) {
        let seen = self.overlaps_seen.fetch_add(1, Ordering::Relaxed);
        if seen < MOST_OVERLAPS {
            self.overlaps
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .push(overlap);
        }
    }

    /// Warnings about keying: each rule that matched no figure (at the rule), and each
    /// figure two quantities matched, neither `shared` (at the figure, naming both; the
    /// first [`MOST_OVERLAPS`], then a count).
    pub fn warnings(&self) -> Vec<Diagnostic> {
        let quantities = &self.catalog.quantities;
        let mut warnings = Vec::new();
        let mut unused = 0usize;
        for (quantity, matched) in quantities.iter().zip(&self.rule_matched) {
            for (rule, matched) in quantity.rules.iter().zip(matched) {
                if matched.load(Ordering::Relaxed) {
                    continue;
                }
                unused += 1;
                if unused <= MOST_UNUSED_RULES {
                    warnings.push(Diagnostic::warning(
                        Code::UnusedRule,
                        &rule.location,
                        format!("rule of `{}` matched no figure", quantity.id),
                    ));
                }
            }
        }
        if let Some(first) = warnings.first().map(Diagnostic::location) {
            if unused > MOST_UNUSED_RULES {
                warnings.push(Diagnostic::warning(
                    Code::UnusedRule,
                    &first,
                    format!(
                        "{} more rules matched no figure ({unused} in all)",
                        unused - MOST_UNUSED_RULES
                    ),
                ));
            }
        }
        let mut overlaps = self
            .overlaps
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone();
        overlaps
            .sort_by(|a, b| (&a.document, a.line, a.column).cmp(&(&b.document, b.line, b.column)));
        for overlap in &overlaps {
            let location = crate::diag::Location {
                path: overlap.document.clone().into(),
                line: overlap.line,
                column: overlap.column,
            };
            warnings.push(Diagnostic::warning(
                Code::Overlap,
                &location,
                format!(
                    "figure `{}` is keyed to `{}` and also matches a rule of `{}`; say `shared = true` on a quantity whose figures may also be another's",
                    overlap.text,
                    quantities[overlap.keyed_to].id,
                    quantities[overlap.also_matched].id
                ),
            ));
        }
        let seen = self.overlaps_seen.load(Ordering::Relaxed);
        if seen > overlaps.len() {
            let first = overlaps.first().map_or_else(
                || crate::diag::Location::file(std::path::Path::new(".")),
                |o| crate::diag::Location {
                    path: o.document.clone().into(),
                    line: o.line,
                    column: o.column,
                },
            );
            warnings.push(Diagnostic::warning(
                Code::Overlap,
                &first,
                format!(
                    "{} more figures match rules of two quantities",
                    seen - overlaps.len()
                ),
            ));
        }
        warnings
    }

    /// Rules whose expressions could not be compiled when keying first ran them (an
    /// expression larger than its estimate): errors at the rule.
    pub fn failed_rules(&self) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        for quantity in &self.catalog.quantities {
            for rule in &quantity.rules {
                let expressions = [
                    ("pattern", &rule.pattern),
                    ("sentence", &rule.sentence),
                    ("unit", &rule.unit),
                ];
                for (key, regex) in expressions {
                    if let Some(message) = regex.as_ref().and_then(RuleRegex::failed) {
                        problems.push(Diagnostic::error(
                            Code::Pattern,
                            &rule.location,
                            format!(
                                "`{key}` of a rule of `{}` does not compile: {message}",
                                quantity.id
                            ),
                        ));
                    }
                }
            }
        }
        problems
    }

    /// Remembers the words around `figure` as what pin `index` found instead, unless
    /// something was found already.
    fn note_nearest(&self, index: usize, document: &Document, figure: &Figure) {
        let mut nearest = self.pin_nearest[index]
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if nearest.is_none() {
            let text = &document.text;
            *nearest = Some(format!(
                "{} [{}] {}",
                crate::source::collapse_whitespace(tail(&text[..figure.span.start], QUOTE_SHOWN)),
                &text[figure.span.clone()],
                crate::source::collapse_whitespace(head(&text[figure.span.end..], QUOTE_SHOWN))
            ));
        }
    }

    /// Rules whose `document` names none of the documents keyed: errors at the rule,
    /// as such a rule can key nothing (a misspelt or moved path).
    pub fn unread_rule_documents(&self) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        for (quantity, seen) in self.catalog.quantities.iter().zip(&self.rule_document_seen) {
            for (rule, seen) in quantity.rules.iter().zip(seen) {
                if let (Some(document), false) = (&rule.document, seen.load(Ordering::Relaxed)) {
                    problems.push(Diagnostic::error(
                        Code::Reference,
                        &rule.location,
                        format!(
                            "rule of `{}` names document `{document}`, which was not among the documents read",
                            quantity.id
                        ),
                    ));
                }
            }
        }
        problems
    }

    /// Pins that found no figure in any document keyed so far: errors at the pin.
    pub fn unmatched_pins(&self) -> Vec<Diagnostic> {
        self.catalog
            .pins
            .iter()
            .enumerate()
            .filter(|(index, _)| !self.pin_matched[*index].load(Ordering::Relaxed))
            .map(|(index, pin)| {
                let which = match pin.line.filter(|_| !pin.quote.is_given()) {
                    Some(line) if pin.occurrence > 1 => {
                        format!("occurrence {} on line {line}", pin.occurrence)
                    }
                    Some(line) => format!("on line {line}"),
                    None => format!("occurrence {}", pin.occurrence),
                };
                let nearest = self.pin_nearest[index]
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner())
                    .clone();
                let message = if let (true, Some(nearest)) = (pin.quote.is_given(), nearest) {
                    format!(
                        "pin matched no figure: no figure `{}` between `{}` and `{}` in `{}`; the nearest is `{nearest}`",
                        pin.text,
                        pin.quote.prefix.as_deref().unwrap_or(""),
                        pin.quote.suffix.as_deref().unwrap_or(""),
                        pin.document
                    )
                } else if self.pin_document_seen[index].load(Ordering::Relaxed) {
                    format!(
                        "pin matched no figure: no figure `{}` ({which}) among the figures of `{}`",
                        pin.text, pin.document
                    )
                } else {
                    format!(
                        "pin matched no figure: document `{}` was not among the documents read",
                        pin.document
                    )
                };
                Diagnostic::error(Code::Pin, &pin.location, message)
            })
            .collect()
    }
}

/// Bytes of text shown on each side of a figure a broken quote pin found instead.
const QUOTE_SHOWN: usize = 40;

/// The filters that need no sentence: unit and period.
fn cheap_filters(rule: &Rule, figure: &Figure) -> bool {
    if let Some(unit) = &rule.unit {
        let matches = figure.unit.as_deref().map(|u| unit.is_match(u));
        if matches != Some(Ok(true)) {
            return false;
        }
    }
    if let Some(period) = &rule.period {
        if !figure.period.is_some_and(|p| p.overlaps(period)) {
            return false;
        }
    }
    true
}

/// The last sentence collapsed without a slot, kept while figures share it.
#[derive(Default)]
struct Collapsed {
    range: Option<Range<usize>>,
    text: String,
}

impl Collapsed {
    fn get(&mut self, document: &Document, sentence: Range<usize>) -> &str {
        if self.range.as_ref() != Some(&sentence) {
            collapse(document, sentence.clone(), None, &mut self.text);
            self.range = Some(sentence);
        }
        &self.text
    }
}

/// Writes `sentence` into `out` with runs of white space as one space, trimmed,
/// and `slot` (a figure's span) as [`FIGURE_SLOT`].
fn collapse(
    document: &Document,
    sentence: Range<usize>,
    slot: Option<Range<usize>>,
    out: &mut String,
) {
    out.clear();
    let text = &document.text;
    let Some(body) = text.get(sentence.clone()) else {
        return;
    };
    let mut space = false;
    let mut skip_until = 0;
    for (offset, c) in body.char_indices() {
        let at = sentence.start + offset;
        if at < skip_until {
            continue;
        }
        let piece = match &slot {
            Some(slot) if at == slot.start => {
                skip_until = slot.end;
                FIGURE_SLOT
            }
            _ if c.is_whitespace() => {
                space = true;
                continue;
            }
            _ if c == FIGURE_SLOT => char::REPLACEMENT_CHARACTER,
            _ => c,
        };
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(piece);
    }
}

#[cfg(test)]
mod tests;
