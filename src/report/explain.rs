//! `crosscheck explain QUANTITY`: one quantity in full — where it stands among the
//! others (the chain of wholes it is a part of, its parts, what it is a share of),
//! every claim with its quote and location, its interval, and every pairwise verdict
//! and every relation that names it.

use std::io::{self, Write};

use super::CheckView;
use crate::claims::{Catalog, Expr, Quantity, Relation};
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
    write_links(out, catalog, quantity)?;
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
    // Filed under this quantity, or a relation naming it (a whole sees its parts').
    let findings: Vec<usize> = (0..outcome.findings.len())
        .filter(|&f| {
            let finding = &outcome.findings[f];
            finding.quantity == quantity
                || finding
                    .relation()
                    .is_some_and(|r| names_quantity(&catalog.relations[r], quantity))
        })
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

/// Whether a relation names the quantity (alone or as `quantity@source`).
fn names_quantity(relation: &Relation, quantity: usize) -> bool {
    relation.equation.names.iter().any(
        |name| matches!(name.names, Expr::Quantity(q) | Expr::QuantityAt(q, _) if q == quantity),
    )
}

/// The chains of wholes above the quantity (`a ⊂ b ⊂ c`, one line each), its parts, and
/// the whole it is a share of with the shares beside it.
fn write_links(out: &mut dyn Write, catalog: &Catalog, quantity: usize) -> io::Result<()> {
    let quantities = &catalog.quantities;
    let mut chains = Vec::new();
    let mut path = vec![quantity];
    wholes_above(quantities, &mut path, &mut chains);
    for chain in chains {
        let names: Vec<&str> = chain.iter().map(|&q| quantities[q].id.as_str()).collect();
        writeln!(out, "  part of: {}", names.join(" ⊂ "))?;
    }
    let parts: Vec<&str> = quantities
        .iter()
        .filter(|q| q.part_of.contains(&quantity))
        .map(|q| q.id.as_str())
        .collect();
    if !parts.is_empty() {
        writeln!(out, "  parts: {}", parts.join(", "))?;
    }
    if let Some(whole) = quantities[quantity].share_of {
        let beside: Vec<&str> = quantities
            .iter()
            .enumerate()
            .filter(|(i, q)| *i != quantity && q.share_of == Some(whole) && q.disjoint)
            .map(|(_, q)| q.id.as_str())
            .collect();
        let disjoint = if quantities[quantity].disjoint && !beside.is_empty() {
            format!(
                "; with {} at most 100% together (disjoint)",
                beside.join(", ")
            )
        } else {
            "; at most 100%".to_string()
        };
        writeln!(out, "  share of: {}{disjoint}", quantities[whole].id)?;
    }
    let shares: Vec<&str> = quantities
        .iter()
        .filter(|q| q.share_of == Some(quantity))
        .map(|q| q.id.as_str())
        .collect();
    if !shares.is_empty() {
        writeln!(out, "  shares: {}", shares.join(", "))?;
    }
    Ok(())
}

/// Every path from the last quantity of `path` up its `part_of` links to a quantity
/// that is a part of nothing (a cycle ends the path where it would repeat).
fn wholes_above(quantities: &[Quantity], path: &mut Vec<usize>, chains: &mut Vec<Vec<usize>>) {
    // A catalog is small, but a chain need not be followed past what a reader can use.
    const MOST_CHAINS: usize = 20;
    let last = path[path.len() - 1];
    let wholes: Vec<usize> = quantities[last]
        .part_of
        .iter()
        .copied()
        .filter(|w| !path.contains(w))
        .collect();
    if wholes.is_empty() {
        if path.len() > 1 && chains.len() < MOST_CHAINS {
            chains.push(path.clone());
        }
        return;
    }
    for whole in wholes {
        path.push(whole);
        wholes_above(quantities, path, chains);
        path.pop();
    }
}
