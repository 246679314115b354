//! `crosscheck explain QUANTITY`: one quantity in full — every claim with its
//! quote and location, its interval, and every pairwise verdict and relation.

use std::io::{self, Write};

use super::CheckView;
use crate::reconcile::show_interval;
use crate::reconcile::ClaimOrigin;

pub fn write(out: &mut dyn Write, view: &CheckView, quantity: usize) -> io::Result<()> {
    let catalog = view.catalog;
    let outcome = view.outcome;
    let q = &catalog.quantities[quantity];
    writeln!(out, "{}: {}", q.id, q.description)?;
    writeln!(
        out,
        "  unit {}; period {}; {}; defined at {}",
        q.unit,
        q.period.map_or("not given".to_string(), |p| p.to_string()),
        if q.cumulative {
            "cumulative"
        } else {
            "not cumulative"
        },
        q.location
    )?;
    let claims: Vec<usize> = (0..outcome.claims.len())
        .filter(|&c| outcome.claims[c].quantity == quantity)
        .collect();
    writeln!(out)?;
    if claims.is_empty() {
        writeln!(out, "No claim is keyed to this quantity.")?;
    }
    for (n, &c) in claims.iter().enumerate() {
        let record = &outcome.claims[c];
        writeln!(out, "[{}] {} — {}", n + 1, record.shown, record.source)?;
        writeln!(out, "    at {}", record.place())?;
        writeln!(out, "    interval {}", show_interval(&record.interval))?;
        if let Some(period) = record.period {
            writeln!(out, "    period {period}")?;
        }
        if let Some(who) = &record.attributed_to {
            writeln!(out, "    attributed to {who}")?;
        }
        match &record.origin {
            ClaimOrigin::Document { sentence, .. } => writeln!(out, "    \"{sentence}\"")?,
            ClaimOrigin::File { quote, page, .. } => {
                if let Some(quote) = quote {
                    writeln!(out, "    \"{quote}\"")?;
                }
                if let Some(page) = page {
                    writeln!(out, "    {page}")?;
                }
            }
        }
    }
    let number = |c: usize| {
        claims
            .iter()
            .position(|&x| x == c)
            .map_or("·".to_string(), |n| (n + 1).to_string())
    };
    let findings: Vec<usize> = (0..outcome.findings.len())
        .filter(|&f| outcome.findings[f].quantity == quantity)
        .collect();
    if !findings.is_empty() {
        writeln!(out)?;
        writeln!(out, "Verdicts:")?;
    }
    for f in findings {
        let finding = &outcome.findings[f];
        let which = match finding.relation() {
            Some(r) => format!(
                "relation {} ({})",
                catalog.relations[r].id, catalog.relations[r].expr
            ),
            None => finding
                .claims()
                .iter()
                .map(|&c| format!("[{}]", number(c)))
                .collect::<Vec<_>>()
                .join(" × "),
        };
        let diagnosis = finding
            .diagnosis
            .map(|d| format!(" ({})", d.as_str()))
            .unwrap_or_default();
        writeln!(
            out,
            "  {which}: {}{diagnosis}, {}: {}",
            finding.verdict.as_str(),
            view.severity(finding.verdict).as_str(),
            outcome.reason(finding)
        )?;
        writeln!(out, "    fingerprint {}", finding.fingerprint)?;
    }
    Ok(())
}
