//! What a check found, as the reports read it: every claim with where it comes from,
//! the findings over them, and the figures no quantity claimed. Built by the pipeline,
//! rendered by the reports; nothing here computes a verdict.

use super::{ClaimView, Finding, Interval, QuantityInfo, Stated};
use crate::claims::Location;
use crate::extract::{Kind, Period};

/// Where a claim comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum ClaimOrigin {
    /// A figure extracted from a corpus document.
    Document {
        name: String,
        line: usize,
        column: usize,
        sentence: String,
    },
    /// A `[[claim]]` written in a claim file.
    File {
        claim_id: String,
        location: Location,
        quote: Option<String>,
        page: Option<String>,
    },
}

/// A claim as the reports show it.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimRecord {
    pub quantity: usize,
    /// The source's id, or the document's name when no source names it.
    pub source: String,
    /// The figure exactly as written ("1.3 million").
    pub text: String,
    /// The figure with its qualifier, as the reasons quote it ("over 1.3 million").
    pub shown: String,
    pub stated: Stated,
    pub interval: Interval,
    pub period: Option<Period>,
    pub attributed_to: Option<String>,
    pub origin: ClaimOrigin,
}

impl ClaimRecord {
    /// `path:line:column` of the claim.
    pub fn place(&self) -> String {
        match &self.origin {
            ClaimOrigin::Document {
                name, line, column, ..
            } => format!("{name}:{line}:{column}"),
            ClaimOrigin::File { location, .. } => location.to_string(),
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
    pub unmatched: Vec<UnmatchedFigure>,
    pub documents: usize,
    pub figures: usize,
}

impl Outcome {
    /// The finding's reason, one plain sentence.
    pub fn reason(&self, finding: &Finding) -> String {
        finding.reason(&self.quantities, |c| {
            let claim = &self.claims[c];
            ClaimView {
                stated: claim.stated,
                text: &claim.shown,
                period: claim.period,
            }
        })
    }
}
