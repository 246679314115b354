//! The discrepancy report as one JSON document: the contract of DESIGN.md.
//!
//! `{"findings": [...], "summary": {...}, "condensed": [...]}`; each finding has `fingerprint`,
//! `quantity`, `verdict`, `diagnosis`, `severity`, `new`, `reason`, `relation`
//! and `claims`, each claim `source`, `path`, `line`, `column`, `text`, `shown`,
//! `value`, `low`, `high`, `interval`, `period`, `attributed_to` and `claim_id`;
//! `condensed` names the quantities compared by cluster, not pair by pair.
//! These wire types are kept apart from the domain types on purpose.

use std::io::{self, Write};

use serde::ser::SerializeSeq;
use serde::{Serialize, Serializer};

use super::{CheckView, Number};
use crate::reconcile::{ClaimOrigin, ClaimRecord};

#[derive(Serialize)]
struct Report<'a> {
    findings: Findings<'a>,
    summary: Summary,
    /// Quantities with too many claims to compare pair by pair.
    condensed: Vec<CondensedJson<'a>>,
}

#[derive(Serialize)]
struct CondensedJson<'a> {
    quantity: &'a str,
    claims: usize,
    clusters: usize,
    periods: usize,
    pairs_compared: usize,
}

/// The findings, each turned into its wire form only as it is written, so that a report
/// of millions of findings never holds them all (nor their reasons) at once.
struct Findings<'a>(&'a CheckView<'a>);

impl Serialize for Findings<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let view = self.0;
        let outcome = view.outcome;
        let mut seq = serializer.serialize_seq(Some(outcome.findings.len()))?;
        for (f, finding) in outcome.findings.iter().enumerate() {
            seq.serialize_element(&FindingJson {
                fingerprint: finding.fingerprint.to_string(),
                quantity: &view.catalog.quantities[finding.quantity].id,
                verdict: finding.verdict.as_str(),
                diagnosis: finding.diagnosis.map(|d| d.as_str()),
                severity: view.severity(finding.verdict).as_str(),
                new: view.is_new(f),
                reason: outcome.reason(finding),
                relation: finding
                    .relation()
                    .map(|r| view.catalog.relations[r].id.as_str()),
                claims: finding
                    .claims()
                    .iter()
                    .map(|&c| claim_json(&outcome.claims[c]))
                    .collect(),
            })?;
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct FindingJson<'a> {
    fingerprint: String,
    quantity: &'a str,
    verdict: &'static str,
    diagnosis: Option<&'static str>,
    severity: &'static str,
    new: bool,
    reason: String,
    relation: Option<&'a str>,
    claims: Vec<ClaimJson<'a>>,
}

#[derive(Serialize)]
struct ClaimJson<'a> {
    source: &'a str,
    /// The corpus document or the claim file.
    path: String,
    /// The page (or EPUB chapter) a figure of a paged document is on; `line` is then
    /// counted on it. `null` elsewhere.
    page: Option<usize>,
    line: usize,
    column: usize,
    text: &'a str,
    shown: &'a str,
    value: Option<Number>,
    low: Option<Number>,
    high: Option<Number>,
    interval: IntervalJson,
    period: Option<String>,
    attributed_to: Option<&'a str>,
    claim_id: Option<&'a str>,
}

/// An interval; an infinite end is `null`.
#[derive(Serialize)]
struct IntervalJson {
    low: Option<Number>,
    high: Option<Number>,
    low_open: bool,
    high_open: bool,
}

#[derive(Serialize)]
struct Summary {
    documents: usize,
    figures: usize,
    claims: usize,
    findings: usize,
    new_errors: usize,
}

fn claim_json(record: &ClaimRecord) -> ClaimJson<'_> {
    let (path, page, line, column, claim_id) = match &record.origin {
        ClaimOrigin::Document {
            name,
            page,
            line,
            column,
            ..
        } => (name.clone(), *page, *line, *column, None),
        ClaimOrigin::File {
            claim_id, location, ..
        } => (
            location.path.display().to_string(),
            None,
            location.line,
            location.column,
            Some(claim_id.as_str()),
        ),
    };
    ClaimJson {
        source: &record.source,
        path,
        page,
        line,
        column,
        text: &record.value.text,
        shown: &record.shown,
        value: record.value.stated.value.and_then(Number::new),
        low: Number::new(record.value.stated.low),
        high: Number::new(record.value.stated.high),
        interval: IntervalJson {
            low: Number::new(record.interval.low),
            high: Number::new(record.interval.high),
            low_open: record.interval.low_open,
            high_open: record.interval.high_open,
        },
        period: record.period.map(|p| p.to_string()),
        attributed_to: record.attributed_to.as_deref(),
        claim_id,
    }
}

pub fn write(out: &mut dyn Write, view: &CheckView) -> io::Result<()> {
    let outcome = view.outcome;
    let new_errors = view.gate.new_errors;
    let report = Report {
        findings: Findings(view),
        summary: Summary {
            documents: outcome.documents,
            figures: outcome.figures,
            claims: outcome.claims.len(),
            findings: outcome.findings.len(),
            new_errors,
        },
        condensed: outcome
            .condensed
            .iter()
            .map(|c| CondensedJson {
                quantity: &view.catalog.quantities[c.quantity].id,
                claims: c.claims,
                clusters: c.clusters,
                periods: c.periods,
                pairs_compared: c.pairs,
            })
            .collect(),
    };
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut out, &report).map_err(|error| {
        // A closed pipe keeps its error kind, for the caller to treat it as such.
        match error.io_error_kind() {
            Some(kind) => io::Error::new(kind, error),
            None => io::Error::other(error),
        }
    })?;
    writeln!(out)?;
    out.flush()
}
