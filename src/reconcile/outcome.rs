//! What a check found, as the reports read it: every claim with where it comes from,
//! the findings over them, and the figures no quantity claimed. Built by the pipeline,
//! rendered by the reports; nothing here computes a verdict.

use super::{ClaimView, Condensed, Finding, Interval, QuantityInfo};
use crate::claims::Location;
use crate::extract::{Kind, Period};
use crate::value::Value;

/// Where a claim comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum ClaimOrigin {
    /// A figure extracted from a corpus document.
    Document {
        name: String,
        /// In a paged document (a PDF), the page, and `line` is counted on it; for an
        /// EPUB, the chapter. `None` elsewhere.
        page: Option<usize>,
        line: usize,
        column: usize,
        sentence: String,
        /// The pin that keyed the figure (an index into the catalog's pins), if one did.
        pin: Option<usize>,
    },
    /// A `[[claim]]` written in a claim file.
    File {
        /// Index into the catalog's claims, for relations that name the claim.
        claim: usize,
        claim_id: String,
        location: Location,
        quote: Option<String>,
        page: Option<String>,
    },
}

/// One claim about a quantity, extracted from a document or written by hand: what
/// reconciliation compares and the reports show.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimRecord {
    /// Index into the quantities.
    pub quantity: usize,
    /// The source's id, or the document's name when no source names it.
    pub source: String,
    /// The figure as stated; its text exactly as written ("1.3 million").
    pub value: Value,
    /// The figure with its qualifier, as the reasons quote it ("over 1.3 million").
    pub shown: String,
    /// The values it allows under its quantity's tolerances, in its quantity's unit.
    pub interval: Interval,
    /// What its figure was multiplied by to read it in its quantity's unit (1 when it
    /// is stated in it; 2.59e6 for square miles read as km²... in m² terms, the ratio
    /// of the two units).
    pub scale: f64,
    pub period: Option<Period>,
    pub attributed_to: Option<String>,
    pub origin: ClaimOrigin,
}

impl ClaimRecord {
    /// `path:line:column` of the claim; `path:p.14:3:5` on page 14 of a paged document.
    pub fn place(&self) -> String {
        match &self.origin {
            ClaimOrigin::Document {
                name,
                page: Some(page),
                line,
                column,
                ..
            } => format!("{name}:p.{page}:{line}:{column}"),
            ClaimOrigin::Document {
                name, line, column, ..
            } => format!("{name}:{line}:{column}"),
            ClaimOrigin::File { location, .. } => location.to_string(),
        }
    }

    /// What a verdict and its reason need of the claim.
    pub fn view(&self) -> ClaimView<'_> {
        ClaimView {
            stated: self.value.stated,
            text: &self.shown,
            period: self.period,
            scale: self.scale,
        }
    }

    /// The pin that keyed this figure of the corpus (an index into the catalog's pins).
    pub fn pinned_by(&self) -> Option<usize> {
        match self.origin {
            ClaimOrigin::Document { pin, .. } => pin,
            ClaimOrigin::File { .. } => None,
        }
    }

    /// The hand-written claim this is (an index into the catalog's claims).
    pub fn catalog_claim(&self) -> Option<usize> {
        match self.origin {
            ClaimOrigin::File { claim, .. } => Some(claim),
            ClaimOrigin::Document { .. } => None,
        }
    }

    /// The id of the hand-written claim this is.
    pub fn label(&self) -> Option<&str> {
        match &self.origin {
            ClaimOrigin::File { claim_id, .. } => Some(claim_id),
            ClaimOrigin::Document { .. } => None,
        }
    }
}

/// A figure no quantity claims: material for the next catalog entry.
#[derive(Debug, Clone, PartialEq)]
pub struct UnmatchedFigure {
    pub document: String,
    pub line: usize,
    pub column: usize,
    pub text: String,
    pub unit: Option<String>,
    pub kind: Kind,
    pub sentence: String,
}

/// Everything a check found.
#[derive(Debug)]
pub struct Outcome {
    pub claims: Vec<ClaimRecord>,
    /// The quantities as reconciled, for writing reasons.
    pub quantities: Vec<QuantityInfo>,
    pub findings: Vec<Finding>,
    /// Quantities with too many claims to compare pair by pair.
    pub condensed: Vec<Condensed>,
    /// What the run should tell but that fails nothing by itself: rules that matched no
    /// figure, figures two quantities match, relations no one source could check.
    pub warnings: Vec<crate::diag::Diagnostic>,
    pub unmatched: Vec<UnmatchedFigure>,
    pub documents: usize,
    pub figures: usize,
}

impl Outcome {
    /// The finding's reason, one plain sentence.
    pub fn reason(&self, finding: &Finding) -> String {
        finding.reason(&self.quantities, |c| self.claims[c].view())
    }
}
