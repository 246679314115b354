//! The keying stage of the pipeline: documents and a catalog → claims → findings.
//!
//! Documents are fed one at a time ([`Checker::add_document`]): their figures
//! are extracted, keyed to the catalog's quantities, and kept as claims (or,
//! when nothing keys them, as unmatched figures). [`Checker::finish`] adds the
//! hand-written claims, reports pins that found nothing, and reconciles. No
//! printing here: the result is data for the report layer.

use crate::claims::{Catalog, Diagnostic};
use crate::diag::Code;
use crate::extract::{extract, Figure, Kind};
use crate::keying::{KeyedBy, Keyer};
use crate::reconcile::{
    interval_of, reconcile, ClaimOrigin, ClaimRecord, Outcome, QuantityInfo, RelationInput,
    Tolerances, UnmatchedFigure,
};
use crate::source::{collapse_whitespace, Document, DocumentPath};
use crate::value::{Canonical, Value};

/// Options of a check run.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub tolerances: Tolerances,
    /// Keep the figures no quantity claims (`--unmatched`).
    pub keep_unmatched: bool,
}

/// Feeds documents through extraction and keying, then reconciles.
pub struct Checker<'c> {
    catalog: &'c Catalog,
    keyer: Keyer<'c>,
    options: Options,
    claims: Vec<ClaimRecord>,
    unmatched: Vec<UnmatchedFigure>,
    documents: usize,
    figures: usize,
    /// The figures of paged documents (PDF, EPUB), for checking the page a hand-written
    /// claim names.
    paged: Vec<(DocumentPath, Vec<OnPage>)>,
}

/// A figure of a paged document: its page, and the bounds of what it states.
type OnPage = (usize, f64, f64);

impl<'c> Checker<'c> {
    pub fn new(catalog: &'c Catalog, options: Options) -> Checker<'c> {
        Checker {
            catalog,
            keyer: Keyer::new(catalog),
            options,
            claims: Vec::new(),
            unmatched: Vec::new(),
            documents: 0,
            figures: 0,
            paged: Vec::new(),
        }
    }

    /// Extracts and keys one document's figures.
    pub fn add_document(&mut self, document: &Document) {
        let figures = extract(&document.text);
        self.add_figures(document, &figures);
    }

    /// Keys the figures already extracted from `document` (in order of position).
    pub fn add_figures(&mut self, document: &Document, figures: &[Figure]) {
        let mut at = document.positions();
        let positions: Vec<(usize, usize)> =
            figures.iter().map(|f| at.line_col(f.span.start)).collect();
        self.add_figures_at(document, figures, &positions);
    }

    /// Keys figures whose line and column in their document are given, for figures read
    /// back from JSON Lines into a stand-in document (`check --figures`).
    pub fn add_figures_at(
        &mut self,
        document: &Document,
        figures: &[Figure],
        positions: &[(usize, usize)],
    ) {
        let keyed = self.keyer.key_at(document, figures, |index| {
            positions.get(index).copied().unwrap_or((0, 0))
        });
        // A later part of a large document is the same document.
        if document.first_line() == 0 {
            self.documents += 1;
        }
        let pages: Vec<OnPage> = figures
            .iter()
            .filter_map(|f| Some((document.page(f.span.start)?, f.low, f.high)))
            .collect();
        if !pages.is_empty() {
            self.paged.push((DocumentPath::new(&document.name), pages));
        }
        self.figures += figures.len();
        let source = self
            .catalog
            .source_of_document(&DocumentPath::new(&document.name))
            .map_or_else(
                || document.name.clone(),
                |s| self.catalog.sources[s].id.clone(),
            );
        let mut claimed = vec![false; figures.len()];
        for k in &keyed {
            claimed[k.figure] = true;
            let figure = &figures[k.figure];
            let quantity = &self.catalog.quantities[k.quantity];
            let set = match k.by {
                KeyedBy::Rule(rule) => &quantity.rules[rule].set,
                KeyedBy::Pin(pin) => &self.catalog.pins[pin].set,
            };
            let mut value = Value::from_figure(figure.text(&document.text), figure);
            if let (Some(qualifier), Some(number)) = (set.qualifier, value.stated.value) {
                value.stated = value.stated.with_qualifier(number, qualifier);
            }
            let (line, column) = positions[k.figure];
            self.claims.push(ClaimRecord {
                quantity: k.quantity,
                source: source.clone(),
                shown: value.shown(),
                interval: interval_of(&value.stated, &self.tolerances_of(k.quantity)),
                scale: 1.0,
                value,
                // What a rule or pin sets, and the catalog's nominal period, are the
                // researcher's word; what the extractor read from the sentence is a guess.
                period: set.period.or(quantity.period).or(figure.period),
                attributed_to: set
                    .attributed_to
                    .clone()
                    .or_else(|| figure.attributed_to.clone()),
                origin: ClaimOrigin::Document {
                    name: document.name.clone(),
                    page: document.page(figure.span.start),
                    line,
                    column,
                    sentence: collapse_whitespace(figure.sentence_text(&document.text)),
                    pin: match k.by {
                        KeyedBy::Pin(pin) => Some(pin),
                        KeyedBy::Rule(_) => None,
                    },
                },
            });
        }
        if self.options.keep_unmatched {
            for ((figure, &(line, column)), _) in figures
                .iter()
                .zip(positions)
                .zip(&claimed)
                .filter(|(_, claimed)| !**claimed)
            {
                self.unmatched.push(UnmatchedFigure {
                    document: document.name.clone(),
                    line,
                    column,
                    text: figure.text(&document.text).to_string(),
                    unit: figure.unit.clone(),
                    kind: figure.kind,
                    sentence: collapse_whitespace(figure.sentence_text(&document.text)),
                });
            }
        }
    }

    fn tolerances_of(&self, quantity: usize) -> Tolerances {
        let mut tolerances = self.options.tolerances;
        if let Some(about) = self.catalog.quantities[quantity].tolerance {
            tolerances.about = about;
        }
        tolerances
    }

    /// Adds the hand-written claims and reconciles. Pins that found no figure, rules
    /// restricted to a document that was not read, and rules that did not compile when
    /// first run, are errors.
    pub fn finish(mut self) -> Result<Outcome, Vec<Diagnostic>> {
        let mut problems = self.keyer.unread_rule_documents();
        problems.extend(self.keyer.failed_rules());
        problems.extend(self.keyer.unmatched_pins());
        problems.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
        if !problems.is_empty() {
            return Err(problems);
        }
        let catalog = self.catalog;
        let mut warnings = self.claims_not_on_their_pages();
        for (index, claim) in catalog.claims.iter().enumerate() {
            self.claims.push(ClaimRecord {
                quantity: claim.quantity,
                source: catalog.sources[claim.source].id.clone(),
                shown: claim.value.text.clone(),
                interval: interval_of(&claim.value.stated, &self.tolerances_of(claim.quantity)),
                scale: 1.0,
                value: claim.value.clone(),
                period: claim.period.or(catalog.quantities[claim.quantity].period),
                attributed_to: claim.attributed_to.clone(),
                origin: ClaimOrigin::File {
                    claim: index,
                    claim_id: claim.id.clone(),
                    location: claim.location.clone(),
                    quote: claim.quote.clone(),
                    page: claim.page.clone(),
                },
            });
        }
        let tolerances: Vec<Tolerances> = (0..catalog.quantities.len())
            .map(|q| self.tolerances_of(q))
            .collect();
        read_in_one_unit(&mut self.claims, &tolerances);
        let quantities: Vec<QuantityInfo> = (0..catalog.quantities.len())
            .map(|q| QuantityInfo {
                id: catalog.quantities[q].id.clone(),
                cumulative: catalog.quantities[q].cumulative,
                tolerances: self.tolerances_of(q),
            })
            .collect();
        let source_ids: Vec<String> = catalog.sources.iter().map(|s| s.id.clone()).collect();
        let relations: Vec<RelationInput> = catalog
            .relations
            .iter()
            .map(|r| RelationInput {
                id: &r.id,
                text: &r.expr,
                left: &r.equation.left,
                cmp: r.equation.cmp,
                right: &r.equation.right,
                names: &r.equation.names,
                across_sources: r.across_sources,
                declared: r.declared,
                source_ids: &source_ids,
            })
            .collect();
        let reconciled = reconcile(&quantities, &self.claims, &relations);
        warnings.extend(self.keyer.warnings());
        warnings.extend(mixed_measures(catalog, &self.claims));
        for &relation in &reconciled.unchecked {
            let relation = &catalog.relations[relation];
            warnings.push(Diagnostic::warning(
                Code::Unchecked,
                &relation.location,
                format!(
                    "relation `{}` checked nothing: no one source states all of its quantities; `across = \"sources\"` combines the figures of different sources",
                    relation.id
                ),
            ));
        }
        Ok(Outcome {
            claims: self.claims,
            quantities,
            findings: reconciled.findings,
            condensed: reconciled.condensed,
            warnings,
            unmatched: self.unmatched,
            documents: self.documents,
            figures: self.figures,
        })
    }
}

impl Checker<'_> {
    /// A warning at each hand-written claim whose `page` names a page of a paged corpus
    /// document (a PDF, an EPUB's chapter) on which no figure states what the claim
    /// does (their bounds do not meet).
    fn claims_not_on_their_pages(&self) -> Vec<Diagnostic> {
        let catalog = self.catalog;
        let mut warnings = Vec::new();
        for claim in &catalog.claims {
            let (Some(page), Some(document)) = (
                claim.page.as_deref(),
                catalog.sources[claim.source].document.as_ref(),
            ) else {
                continue;
            };
            let Some((first, last)) = pages_named(page) else {
                continue;
            };
            let Some((_, figures)) = self.paged.iter().find(|(path, _)| path == document) else {
                continue;
            };
            let stated = &claim.value.stated;
            let found = figures.iter().any(|&(on, low, high)| {
                (first..=last).contains(&on) && low <= stated.high && stated.low <= high
            });
            if !found {
                let on_page: Vec<String> = figures
                    .iter()
                    .filter(|(on, _, _)| (first..=last).contains(on))
                    .take(6)
                    .map(|&(_, low, high)| {
                        if low == high {
                            format!("{low}")
                        } else {
                            format!("{low}-{high}")
                        }
                    })
                    .collect();
                let there = if on_page.is_empty() {
                    "no figure there".to_string()
                } else {
                    format!("there: {}", on_page.join(", "))
                };
                warnings.push(Diagnostic::warning(
                    Code::Page,
                    &claim.location,
                    format!(
                        "claim `{}` gives page {page} of {document}, but no figure on that page states {} ({there})",
                        claim.id, claim.value.text
                    ),
                ));
            }
        }
        warnings
    }
}

/// The pages a claim's `page` names: "14", "p. 14", "14-15" (first and last).
fn pages_named(page: &str) -> Option<(usize, usize)> {
    let numbers: Vec<usize> = page
        .split(|c: char| !c.is_ascii_digit())
        .filter(|part| !part.is_empty())
        .take(2)
        .map(str::parse)
        .collect::<Result<_, _>>()
        .ok()?;
    match numbers[..] {
        [one] => Some((one, one)),
        [first, last] if first <= last => Some((first, last)),
        _ => None,
    }
}

/// Each quantity's claims read in one unit: a measure in another unit of the same
/// dimension (square miles beside km², hectares beside acres), a span of time in other
/// units, and a fraction beside percentages, are converted into the unit of the
/// quantity's first claim that has one, so that 3,100 km² and 1,197 square miles
/// agree. Where a quantity's measures come in several units, each claim shows its unit.
fn read_in_one_unit(claims: &mut [ClaimRecord], tolerances: &[Tolerances]) {
    let mut reference: Vec<Option<Canonical>> = vec![None; tolerances.len()];
    // A fraction is never the reference: fractions alone stay as they are.
    for claim in claims.iter().filter(|c| c.value.kind != Kind::Fraction) {
        if reference[claim.quantity].is_none() {
            reference[claim.quantity] = claim.value.canonical();
        }
    }
    let mut mixed = vec![false; tolerances.len()];
    for claim in claims.iter_mut() {
        let (Some(into), Some(from)) = (reference[claim.quantity], claim.value.canonical()) else {
            continue;
        };
        if from.unit != into.unit || (from.factor, from.offset) == (into.factor, into.offset) {
            continue;
        }
        let scale = from.factor / into.factor;
        let mut stated = claim
            .value
            .stated
            .converted(scale, (from.offset - into.offset) / into.factor);
        stated.percent = into.unit == "percent";
        claim.value.stated = stated;
        claim.scale = scale;
        claim.interval = interval_of(&stated, &tolerances[claim.quantity]);
        mixed[claim.quantity] |= claim.value.kind == Kind::Measure;
    }
    for claim in claims.iter_mut().filter(|c| mixed[c.quantity]) {
        if let Some(unit) = claim.value.unit.as_deref() {
            if claim.value.kind == Kind::Measure && !claim.shown.ends_with(unit) {
                claim.shown = format!("{} {unit}", claim.shown);
            }
        }
    }
}

/// What a claim measures, for telling a quantity's claims apart: shares (percentages,
/// fractions), counts, and each dimension of a measure.
fn measure_of(value: &Value) -> String {
    match value.kind {
        Kind::Percent | Kind::Fraction => "shares".to_string(),
        Kind::Count => "counts".to_string(),
        Kind::Duration | Kind::Age => "spans of time".to_string(),
        Kind::Measure => match value.unit.as_deref() {
            Some(unit) => match crate::extract::dimension(unit) {
                Some((dimension, _)) => format!("{dimension}s"),
                None if matches!(unit, "°C" | "°F") => "temperatures".to_string(),
                None => format!("measures in {unit}"),
            },
            None => "measures".to_string(),
        },
        Kind::Money => match value.unit.as_deref() {
            Some(currency) => format!("sums in {currency}"),
            None => "sums of money".to_string(),
        },
        Kind::Rate => "rates".to_string(),
        Kind::Multiplier => "multipliers".to_string(),
    }
}

/// A warning at each quantity whose claims measure different things (shares and counts,
/// lengths and areas): they are compared as if they were one quantity.
fn mixed_measures(catalog: &Catalog, claims: &[ClaimRecord]) -> Vec<Diagnostic> {
    let mut measures: Vec<std::collections::BTreeMap<String, usize>> =
        vec![Default::default(); catalog.quantities.len()];
    for claim in claims {
        *measures[claim.quantity]
            .entry(measure_of(&claim.value))
            .or_default() += 1;
    }
    catalog
        .quantities
        .iter()
        .zip(&measures)
        .filter(|(_, measures)| measures.len() > 1)
        .map(|(quantity, measures)| {
            let mix: Vec<String> = measures
                .iter()
                .map(|(measure, count)| format!("{measure} ({count})"))
                .collect();
            Diagnostic::warning(
                Code::MixedMeasures,
                &quantity.location,
                format!(
                    "the claims of `{}` mix {}: they are compared as one quantity; a `kind` on the quantity, or narrower rules, keep them apart",
                    quantity.id,
                    mix.join(" and ")
                ),
            )
        })
        .collect()
}
