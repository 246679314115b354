//! The discrepancy report for people: one section per quantity that sources
//! disagree on, a table of its claims, the findings under it, and a summary line.
//!
//! Quantities whose claims all agree get one quiet line each; contradictions
//! stand out (red on a terminal, plain text when piped or with NO_COLOR). A quantity
//! with too many claims to compare pair by pair says so, and lists only the claims in
//! its disagreements.

use std::io::{self, Write};

use comfy_table::{presets, Cell, Color, ContentArrangement, Table};

use super::CheckView;
use crate::reconcile::{show_interval, Condensed, Finding, Severity, Verdict, PAIRWISE_LIMIT};

/// Each quantity's claims and findings, gathered in one pass over each, and the
/// quantities in the order the reports show them: loudest first (contradictions before
/// arithmetic before scope), then in catalog order.
pub struct ByQuantity {
    pub claims_of: Vec<Vec<usize>>,
    pub findings_of: Vec<Vec<usize>>,
    pub order: Vec<usize>,
}

impl ByQuantity {
    pub fn of(view: &CheckView) -> ByQuantity {
        let (catalog, outcome) = (view.catalog, view.outcome);
        let mut claims_of: Vec<Vec<usize>> = vec![Vec::new(); catalog.quantities.len()];
        for (c, claim) in outcome.claims.iter().enumerate() {
            claims_of[claim.quantity].push(c);
        }
        let mut findings_of: Vec<Vec<usize>> = vec![Vec::new(); catalog.quantities.len()];
        for (f, finding) in outcome.findings.iter().enumerate() {
            findings_of[finding.quantity].push(f);
        }
        let mut order: Vec<usize> = (0..catalog.quantities.len()).collect();
        order.sort_by_key(|&q| {
            let loudest = findings_of[q]
                .iter()
                .map(|&f| loudness(outcome.findings[f].verdict))
                .max()
                .unwrap_or(0);
            std::cmp::Reverse(loudest)
        });
        ByQuantity {
            claims_of,
            findings_of,
            order,
        }
    }
}

/// How loud a verdict is, quiet first.
pub fn loudness(verdict: Verdict) -> u8 {
    match verdict {
        Verdict::Agreement => 0,
        Verdict::WithinRounding => 1,
        Verdict::WithinApproximation => 2,
        Verdict::ScopeMismatch => 3,
        Verdict::ArithmeticMismatch => 4,
        Verdict::Contradiction => 5,
    }
}

fn color_of(severity: Severity) -> Color {
    match severity {
        Severity::Error => Color::Red,
        Severity::Warning => Color::Yellow,
        Severity::Note => Color::Green,
    }
}

/// A claim's cell of the table: where it comes from.
fn place_cell(view: &CheckView, claim: usize) -> String {
    let record = &view.outcome.claims[claim];
    format!("{}\n{}", record.source, shorten_place(&record.place()))
}

/// "seeds/000_657d8d3b52ea92ff.txt:13:266" → "000_657d…:13:266": keep the position whole.
fn shorten_place(place: &str) -> String {
    let file_start = place.rfind('/').map_or(0, |i| i + 1);
    let tail = &place[file_start..];
    let (name, position) = match tail.find(':') {
        Some(i) => tail.split_at(i),
        None => (tail, ""),
    };
    if name.chars().count() <= 16 {
        return tail.to_string();
    }
    let head: String = name.chars().take(8).collect();
    format!("{head}…{position}")
}

pub fn severity_of(view: &CheckView, finding: &Finding) -> Severity {
    view.severity(finding.verdict)
}

pub fn write(out: &mut dyn Write, view: &CheckView) -> io::Result<()> {
    let catalog = view.catalog;
    let outcome = view.outcome;
    let mut quiet = Vec::new();
    let ByQuantity {
        claims_of,
        findings_of,
        order,
    } = ByQuantity::of(view);
    let mut condensed_of: Vec<Option<&Condensed>> = vec![None; catalog.quantities.len()];
    for condensed in &outcome.condensed {
        condensed_of[condensed.quantity] = Some(condensed);
    }
    for q in order {
        let quantity = &catalog.quantities[q];
        let findings = &findings_of[q];
        if findings.is_empty() {
            continue;
        }
        let loud = findings
            .iter()
            .any(|&f| view.severity(outcome.findings[f].verdict) != Severity::Note);
        let condensed = condensed_of[q];
        // A quantity compared by cluster lists only the claims of its loud findings.
        let claims: std::borrow::Cow<[usize]> = match condensed {
            Some(_) if loud => {
                let mut listed: Vec<usize> = findings
                    .iter()
                    .filter(|&&f| view.severity(outcome.findings[f].verdict) != Severity::Note)
                    .flat_map(|&f| outcome.findings[f].claims().iter().copied())
                    .collect();
                listed.sort_unstable();
                listed.dedup();
                listed.into()
            }
            _ => claims_of[q].as_slice().into(),
        };
        if !loud {
            let pairs = findings
                .iter()
                .filter(|&&f| outcome.findings[f].relation().is_none())
                .count();
            let relations = findings.len() - pairs;
            let worst = findings
                .iter()
                .filter(|&&f| outcome.findings[f].relation().is_none())
                .map(|&f| outcome.findings[f].verdict)
                .max_by_key(|v| loudness(*v));
            let agreeing = |v: Verdict| {
                matches!(
                    v,
                    Verdict::Agreement | Verdict::WithinRounding | Verdict::WithinApproximation
                )
            };
            let mut parts = vec![match worst {
                Some(worst) if agreeing(worst) => format!(
                    "{} agree ({})",
                    plural(claims.len(), "claim", "claims"),
                    worst.as_str()
                ),
                // A disagreement the configuration allows: say so, do not call it agreement.
                Some(worst) => format!(
                    "{}, {} allowed",
                    plural(claims.len(), "claim", "claims"),
                    worst.as_str()
                ),
                None => plural(claims.len(), "claim", "claims"),
            }];
            let holding = findings
                .iter()
                .filter(|&&f| {
                    outcome.findings[f].relation().is_some()
                        && agreeing(outcome.findings[f].verdict)
                })
                .count();
            if holding > 0 {
                parts.push(format!(
                    "{} {}",
                    plural(holding, "relation", "relations"),
                    if holding == 1 { "holds" } else { "hold" }
                ));
            }
            if relations > holding {
                parts.push(format!(
                    "{} allowed",
                    plural(
                        relations - holding,
                        "relation mismatch",
                        "relation mismatches"
                    )
                ));
            }
            if let Some(condensed) = condensed {
                parts.push(compared_by_cluster(condensed));
            }
            quiet.push(format!("  {}: {}", quantity.id, parts.join(", ")));
            continue;
        }
        writeln!(
            out,
            "{}: {} ({}{})",
            quantity.id,
            quantity.description,
            quantity.unit,
            if quantity.cumulative {
                ", cumulative"
            } else {
                ""
            }
        )?;
        if let Some(condensed) = condensed {
            writeln!(
                out,
                "{}; the {} claims in disagreements are listed",
                compared_by_cluster(condensed),
                claims.len()
            )?;
        }
        let mut table = Table::new();
        table
            .load_preset(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic);
        if view.color {
            table.enforce_styling();
        } else {
            table.force_no_tty();
        }
        if let Some(width) = view.width {
            table.set_width(width);
        }
        table.set_header([
            "#",
            "source",
            "figure",
            "period",
            "attributed to",
            "interval",
            "verdict",
        ]);
        // The loudest verdict each claim is in, from one pass over the findings.
        let mut worst_of: std::collections::HashMap<usize, Verdict> =
            std::collections::HashMap::with_capacity(claims.len());
        for &f in findings {
            let finding = &outcome.findings[f];
            for &c in finding.claims() {
                let worst = worst_of.entry(c).or_insert(finding.verdict);
                if loudness(finding.verdict) > loudness(*worst) {
                    *worst = finding.verdict;
                }
            }
        }
        for (n, &c) in claims.iter().enumerate() {
            let record = &outcome.claims[c];
            let worst = worst_of.get(&c).copied();
            let verdict_cell = match worst {
                Some(v) => {
                    let cell = Cell::new(v.as_str());
                    if view.color {
                        cell.fg(color_of(view.severity(v)))
                    } else {
                        cell
                    }
                }
                None => Cell::new(""),
            };
            table.add_row(vec![
                Cell::new(n + 1),
                Cell::new(place_cell(view, c)),
                Cell::new(&record.shown),
                Cell::new(record.period.map(|p| p.to_string()).unwrap_or_default()),
                Cell::new(record.attributed_to.clone().unwrap_or_default()),
                Cell::new(show_interval(&record.interval)),
                verdict_cell,
            ]);
        }
        writeln!(out, "{table}")?;
        let numbers: std::collections::HashMap<usize, usize> = claims
            .iter()
            .enumerate()
            .map(|(n, &c)| (c, n + 1))
            .collect();
        let number = |c: usize| numbers.get(&c).map_or("·".to_string(), |n| n.to_string());
        let mut listed: Vec<usize> = findings.clone();
        listed.sort_by_key(|&f| std::cmp::Reverse(loudness(outcome.findings[f].verdict)));
        for f in listed {
            let finding = &outcome.findings[f];
            let severity = view.severity(finding.verdict);
            if severity == Severity::Note {
                continue;
            }
            let which = match finding.relation() {
                Some(r) => format!("relation {}", catalog.relations[r].id),
                None => {
                    let mut numbers: Vec<String> =
                        finding.claims().iter().map(|&c| number(c)).collect();
                    numbers.sort_by_key(|n| n.parse::<usize>().unwrap_or(usize::MAX));
                    numbers.join(" × ")
                }
            };
            let label = match finding.diagnosis {
                Some(d) => format!("{} ({})", finding.verdict.as_str(), d.as_str()),
                None => finding.verdict.as_str().to_string(),
            };
            let label = if view.color {
                let code = match severity {
                    Severity::Error => "31",
                    Severity::Warning => "33",
                    Severity::Note => "32",
                };
                format!("\x1b[{code}m{label}\x1b[0m")
            } else {
                label
            };
            let mark = match severity {
                Severity::Error => "✗",
                Severity::Warning => "!",
                Severity::Note => "✓",
            };
            let new = if view.gate.marks_new && view.is_new(f) {
                " [new]"
            } else {
                ""
            };
            writeln!(
                out,
                "  {mark} {which}: {label}{new}: {}",
                outcome.reason(finding)
            )?;
        }
        writeln!(out)?;
    }
    if !quiet.is_empty() {
        writeln!(
            out,
            "Quantities with nothing to report (sources agree, or the differences are allowed):"
        )?;
        for line in quiet {
            writeln!(out, "{line}")?;
        }
        writeln!(out)?;
    }
    writeln!(out, "{}", summary(view))
}

/// What a quantity compared by cluster says of itself.
pub fn compared_by_cluster(condensed: &Condensed) -> String {
    let all = condensed.claims as u128 * (condensed.claims as u128 - 1) / 2;
    format!(
        "{} claims, more than {PAIRWISE_LIMIT}, compared by cluster: {} of agreeing figures over {}, {} of {all} pairs compared",
        condensed.claims,
        plural(condensed.clusters, "cluster", "clusters"),
        plural(condensed.periods, "period", "periods"),
        condensed.pairs,
    )
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// One line: what was read and what was found.
pub fn summary(view: &CheckView) -> String {
    let outcome = view.outcome;
    let count = |v: Verdict| outcome.findings.iter().filter(|f| f.verdict == v).count();
    let new_errors = view.gate.new_errors;
    let quantities = {
        let mut q: Vec<usize> = outcome.claims.iter().map(|c| c.quantity).collect();
        q.sort_unstable();
        q.dedup();
        q.len()
    };
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{} read, {} keyed to {}: {}, {}, {}, {} agree ({} new error{})",
        plural(outcome.documents, "document", "documents"),
        plural(outcome.claims.len(), "claim", "claims"),
        plural(quantities, "quantity", "quantities"),
        plural(
            count(Verdict::Contradiction),
            "contradiction",
            "contradictions"
        ),
        plural(
            count(Verdict::ArithmeticMismatch),
            "arithmetic mismatch",
            "arithmetic mismatches"
        ),
        plural(
            count(Verdict::ScopeMismatch),
            "scope mismatch",
            "scope mismatches"
        ),
        count(Verdict::Agreement)
            + count(Verdict::WithinRounding)
            + count(Verdict::WithinApproximation),
        new_errors,
        if new_errors == 1 { "" } else { "s" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_document_names_are_cut_but_positions_kept() {
        assert_eq!(
            shorten_place("seeds/000_657d8d3b52ea92ff.txt:13:266"),
            "000_657d…:13:266"
        );
        assert_eq!(shorten_place("claims/a.toml:3:1"), "a.toml:3:1");
    }

    #[test]
    fn contradictions_are_louder_than_scope() {
        assert!(loudness(Verdict::Contradiction) > loudness(Verdict::ScopeMismatch));
        assert!(loudness(Verdict::ScopeMismatch) > loudness(Verdict::WithinApproximation));
    }
}
