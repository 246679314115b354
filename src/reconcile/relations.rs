//! Relations recomputed with interval arithmetic.
//!
//! Each side of `left = right` is evaluated from the intervals of the stated figures its
//! names stand for, and a combination of claims whose two sides do not meet fails. A
//! quantity id stands for its claims of one source at a time (unless the relation says
//! `across = "sources"`), so one source's own arithmetic is checked with its own figures
//! and never passes through another's; `quantity@source` names one source's claims, a
//! claim id one claim. A relation holds for a source when one combination of its claims
//! computes; when none does, one finding per relation and source names the failing
//! combinations, the closest first.

use std::collections::{BTreeSet, HashMap};

use super::finding::{
    claim_key, figure_key, fingerprint, Arithmetic, Finding, Involved, QuantityInfo, RelationInput,
};
use super::{interval_of, show_interval, ClaimRecord, Diagnosis, Interval, Verdict};
use crate::claims::{Cmp, Declared, Expr, Op};
use crate::extract::{Kind, Qualifier};

/// At most this many combinations of claims are tried one by one for a relation and
/// source; beyond, the hull of each name's claims decides (see [`recompute`]).
pub const MAX_COMBINATIONS: usize = 65_536;

/// Failing combinations a mismatch names; the others are counted.
const FAILURES_NAMED: usize = 5;

/// Stands, in a combination of claims, for a share nobody states: it counts as 0.
const UNSTATED: usize = usize::MAX;

/// A reference in a relation and the claims it may stand for.
#[derive(Clone)]
struct Variable {
    reference: Reference,
    candidates: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reference {
    Quantity(usize),
    /// A quantity's claims of one source (an index into the relation's `source_ids`).
    QuantityAt(usize, usize),
    Claim(usize),
    /// The figure a pin keys (an index into the catalog's pins).
    Pin(usize),
}

impl Variable {
    /// `variables` each standing for the one claim `assignment` gives it.
    fn fixed(variables: &[Variable], assignment: &[usize]) -> Vec<Variable> {
        variables
            .iter()
            .zip(assignment)
            .map(|(v, &claim)| Variable {
                reference: v.reference,
                candidates: vec![claim],
            })
            .collect()
    }
}

impl Reference {
    fn of(expr: &Expr) -> Option<Reference> {
        match *expr {
            Expr::Quantity(q) => Some(Reference::Quantity(q)),
            Expr::QuantityAt(q, s) => Some(Reference::QuantityAt(q, s)),
            Expr::Claim(c) => Some(Reference::Claim(c)),
            Expr::Pin(p) => Some(Reference::Pin(p)),
            _ => None,
        }
    }
}

fn collect_references(expr: &Expr, out: &mut Vec<Reference>) {
    match expr {
        Expr::Number(..) => {}
        Expr::Quantity(_) | Expr::QuantityAt(..) | Expr::Claim(_) | Expr::Pin(_) => {
            if let Some(reference) = Reference::of(expr).filter(|r| !out.contains(r)) {
                out.push(reference);
            }
        }
        Expr::Neg(inner) => collect_references(inner, out),
        Expr::Binary(_, left, right) => {
            collect_references(left, out);
            collect_references(right, out);
        }
    }
}

/// What recomputing one relation found.
pub struct Recomputed {
    pub findings: Vec<Finding>,
    /// Every name has claims, but no one source states them all, and the relation does
    /// not combine sources: nothing was checked.
    pub unchecked: bool,
}

/// Recomputes relation `index`: one finding per source whose claims it names (or one for
/// all, across sources).
pub fn relation_findings(
    index: usize,
    relation: &RelationInput,
    quantities: &[QuantityInfo],
    claims: &[ClaimRecord],
) -> Recomputed {
    let nothing = |unchecked| Recomputed {
        findings: Vec::new(),
        unchecked,
    };
    let mut references = Vec::new();
    collect_references(relation.left, &mut references);
    collect_references(relation.right, &mut references);
    let variables: Vec<Variable> = references
        .into_iter()
        .map(|reference| {
            let candidates = claims
                .iter()
                .enumerate()
                .filter(|(_, c)| {
                    relation.declared != Declared::Shares
                        || matches!(c.value.kind, Kind::Percent | Kind::Fraction)
                })
                .filter(|(_, c)| match reference {
                    Reference::Quantity(q) => c.quantity == q,
                    Reference::QuantityAt(q, s) => {
                        c.quantity == q
                            && relation.source_ids.get(s).is_some_and(|id| *id == c.source)
                    }
                    Reference::Claim(k) => c.catalog_claim() == Some(k),
                    Reference::Pin(k) => c.pinned_by() == Some(k),
                })
                .map(|(i, _)| i)
                .collect();
            Variable {
                reference,
                candidates,
            }
        })
        .collect();
    let mut variables = variables;
    // A share nobody states counts as 0: the others must still fit in 100%.
    if relation.declared == Declared::Shares && variables.iter().any(|v| !v.candidates.is_empty()) {
        for variable in variables.iter_mut().filter(|v| v.candidates.is_empty()) {
            variable.candidates.push(UNSTATED);
        }
    }
    // A relation over a quantity nobody states cannot be checked, nor one over none.
    if variables.is_empty() || variables.iter().any(|v| v.candidates.is_empty()) {
        return nothing(false);
    }
    if relation.declared != Declared::Written {
        return Recomputed {
            findings: each_combination(index, relation, quantities, claims, &variables),
            unchecked: false,
        };
    }
    let per_source = !relation.across_sources
        && variables
            .iter()
            .any(|v| matches!(v.reference, Reference::Quantity(_)));
    if !per_source {
        let finding = recompute(index, relation, quantities, claims, &variables, None, None);
        return Recomputed {
            findings: finding.into_iter().collect(),
            unchecked: false,
        };
    }
    let sources: BTreeSet<&str> = variables
        .iter()
        .filter(|v| matches!(v.reference, Reference::Quantity(_)))
        .flat_map(|v| v.candidates.iter().map(|&c| claims[c].source.as_str()))
        .collect();
    let mut findings = Vec::new();
    for source in sources {
        let of_source: Vec<Variable> = variables
            .iter()
            .map(|v| match v.reference {
                Reference::Quantity(_) => Variable {
                    reference: v.reference,
                    candidates: v
                        .candidates
                        .iter()
                        .copied()
                        .filter(|&c| claims[c].source == source)
                        .collect(),
                },
                _ => v.clone(),
            })
            .collect();
        if of_source.iter().any(|v| v.candidates.is_empty()) {
            continue;
        }
        findings.extend(recompute(
            index,
            relation,
            quantities,
            claims,
            &of_source,
            Some(source),
            None,
        ));
    }
    Recomputed {
        unchecked: findings.is_empty(),
        findings,
    }
}

/// Tries every combination of `variables`' claims (up to [`MAX_COMBINATIONS`]). The
/// relation holds when one computes (the others' disputed figures are findings of their
/// own), shown with the most exact figures; when none does, the mismatch names the
/// failing combinations, closest first. Past the limit, with none of those tried
/// computing, it fails only if the hull of each name's claims cannot meet.
fn recompute(
    index: usize,
    relation: &RelationInput,
    quantities: &[QuantityInfo],
    claims: &[ClaimRecord],
    variables: &[Variable],
    source: Option<&str>,
    labels: Option<&[String]>,
) -> Option<Finding> {
    let slot_of = |reference: Reference| {
        variables
            .iter()
            .position(|v| v.reference == reference)
            .unwrap_or(0)
    };
    let filed_under = variables
        .iter()
        .find_map(|v| match v.reference {
            Reference::Quantity(q) | Reference::QuantityAt(q, _) => Some(q),
            Reference::Claim(_) | Reference::Pin(_) => None,
        })
        .unwrap_or_else(|| claims[variables[0].candidates[0]].quantity);
    let total = combinations(variables);
    let mut holding: Option<Candidate> = None;
    let mut failing: Vec<Candidate> = Vec::new();
    let mut failures = 0usize;
    try_combinations(
        relation,
        quantities,
        claims,
        variables,
        Cut::Rounded,
        |tried| {
            if tried.0 .0 == 0.0 {
                if holding.as_ref().is_none_or(|(best, ..)| tried.0 < *best) {
                    holding = Some(tried);
                }
            } else if holding.is_none() {
                failures += 1;
                failing.push(tried);
                failing.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal));
                failing.truncate(FAILURES_NAMED);
            }
        },
    );
    let shown = |assignment: &[usize]| {
        let label = |r: Reference| labels.map(|labels| labels[slot_of(r)].as_str());
        render_text(
            relation,
            quantities,
            claims,
            &|r: Reference| assignment[slot_of(r)],
            &label,
        )
    };
    let of_source = source.map_or(String::new(), |s| format!(" (the figures of {s})"));
    let finding = |verdict, involved: &[usize], sides, reason| {
        let mut involved: Vec<usize> = involved
            .iter()
            .copied()
            .filter(|&i| i != UNSTATED)
            .collect();
        involved.sort_by_key(|&i| claim_key(&claims[i]));
        involved.dedup();
        let mut keys: Vec<String> = involved.iter().map(|&i| claim_key(&claims[i])).collect();
        keys.push(format!("relation:{}", relation.id));
        Finding {
            quantity: filed_under,
            verdict,
            diagnosis: None,
            fingerprint: fingerprint(&quantities[filed_under].id, verdict, &keys),
            claims: Involved::Many(involved.into()),
            arithmetic: Some(Box::new(Arithmetic {
                relation: index,
                sides,
                reason,
            })),
        }
    };
    // A combination that computes, said how: "holds within rounding", or "holds if …".
    let holds = |(_, assignment, left, right): Candidate, how: &str| {
        let sides = if relation.cmp == Cmp::Eq {
            format!(
                "{} and {} meet",
                show_interval(&left),
                show_interval(&right)
            )
        } else {
            format!(
                "the left side is {}, the right side {}",
                show_interval(&left),
                show_interval(&right)
            )
        };
        let reason = format!("{} holds {how}: {sides}{of_source}", shown(&assignment));
        finding(Verdict::WithinRounding, &assignment, (left, right), reason)
    };
    if let Some(candidate) = holding {
        // A side that can be anything (a division by a range holding zero) checks nothing.
        let unbounded = |i: &Interval| i.low == f64::NEG_INFINITY && i.high == f64::INFINITY;
        let (_, assignment, left, right) = &candidate;
        if unbounded(left) || unbounded(right) {
            let reason = format!(
                "{} cannot be computed: it divides by a range that includes zero{of_source}",
                shown(assignment)
            );
            return Some(finding(
                Verdict::ArithmeticMismatch,
                assignment,
                (*left, *right),
                reason,
            ));
        }
        return Some(holds(candidate, "within rounding"));
    }
    let (_, first, left, right) = failing.first()?;
    // Too many combinations to try each, and none of those tried holds: the relation
    // fails only if it fails for the hull of each name's claims (every reading of every
    // claim at once); otherwise an untried one may hold, and a mismatch would be a guess.
    if total > MAX_COMBINATIONS {
        let hull = |r: Reference| {
            variables[slot_of(r)]
                .candidates
                .iter()
                .map(|&i| term_interval(claims, i, quantities, Cut::Rounded))
                .reduce(|a, b| a.hull(&b))
                .unwrap_or(Interval::whole())
        };
        let (hull_left, hull_right) = (
            evaluate(relation.left, &hull, Cut::Rounded),
            evaluate(relation.right, &hull, Cut::Rounded),
        );
        if gap(relation.cmp, &hull_left, &hull_right) == 0.0 {
            let reason = format!(
                "{} may hold: of its {total} combinations of claims the first {MAX_COMBINATIONS} were tried and none computes, but the ranges of all its claims meet, so an untried one may{of_source}",
                shown(first)
            );
            return Some(finding(
                Verdict::WithinRounding,
                first,
                (*left, *right),
                reason,
            ));
        }
    }
    // Writers cut as often as they round: "98 of 139, i.e. 70 per cent" is 70.50 per
    // cent cut to 70. A relation that computes once its figures are read as cut holds.
    if total <= MAX_COMBINATIONS {
        if let Some(candidate) =
            holding_when(Cut::Truncated, relation, quantities, claims, variables)
        {
            return Some(holds(
                candidate,
                "if its figures are truncated (cut at their last digit, not rounded)",
            ));
        }
    }
    let fails = if relation.cmp == Cmp::Eq {
        "does not compute"
    } else {
        "does not hold"
    };
    let mut reason = format!(
        "{} {fails}: the left side is {}, the right side {}{of_source}",
        shown(first),
        show_interval(left),
        show_interval(right)
    );
    for (_, assignment, left, right) in &failing[1..] {
        reason.push_str(&format!(
            "; nor does {} ({} against {})",
            shown(assignment),
            show_interval(left),
            show_interval(right)
        ));
    }
    if failures > failing.len() {
        reason.push_str(&format!(
            "; nor do {} more combinations of its claims",
            failures - failing.len()
        ));
    }
    let mut mismatch = finding(Verdict::ArithmeticMismatch, first, (*left, *right), reason);
    if relation.declared == Declared::Shares {
        mismatch.diagnosis = Some(Diagnosis::SharesExceedWhole);
    } else if relation.cmp != Cmp::Eq {
        mismatch.diagnosis = Some(Diagnosis::PartExceedsWhole);
    }
    Some(mismatch)
}

/// Most failing pairs of figures of a `part_of` or `share_of` reported one by one.
const MOST_PART_FINDINGS: usize = 1_000;

/// A `part_of` or `share_of` relation: every combination (a part's claim against a
/// whole's, one claim of each share) is checked. The failing combinations of the same
/// figures are one finding, whoever states them (681,692 against 642,980, from two
/// sources each), `part_exceeds_whole` or `shares_exceed_whole`, its reason naming the
/// sources of each figure and its fingerprint built from the figures alone, so another
/// source repeating them joins the finding. When none fails, one finding shows the
/// combination that holds with the most exact figures.
fn each_combination(
    index: usize,
    relation: &RelationInput,
    quantities: &[QuantityInfo],
    claims: &[ClaimRecord],
    variables: &[Variable],
) -> Vec<Finding> {
    let figure = |c: usize| {
        if c == UNSTATED {
            "unstated".to_string()
        } else {
            figure_key(&claims[c])
        }
    };
    let mut failing: Vec<(Vec<String>, Vec<Vec<usize>>)> = Vec::new();
    let mut group_of: HashMap<Vec<String>, usize> = HashMap::new();
    let mut holding: Option<Candidate> = None;
    try_combinations(
        relation,
        quantities,
        claims,
        variables,
        Cut::Rounded,
        |tried| {
            if tried.0 .0 > 0.0 {
                let figures: Vec<String> = tried.1.iter().map(|&c| figure(c)).collect();
                if let Some(&group) = group_of.get(&figures) {
                    failing[group].1.push(tried.1);
                } else if failing.len() < MOST_PART_FINDINGS {
                    group_of.insert(figures.clone(), failing.len());
                    failing.push((figures, vec![tried.1]));
                }
            } else if holding.as_ref().is_none_or(|(best, ..)| tried.0 < *best) {
                holding = Some(tried);
            }
        },
    );
    let mut findings = Vec::new();
    for (figures, assignments) in failing {
        let single = Variable::fixed(variables, &assignments[0]);
        let labels: Vec<String> = (0..variables.len())
            .map(|slot| {
                let sources: BTreeSet<&str> = assignments
                    .iter()
                    .map(|a| a[slot])
                    .filter(|&c| c != UNSTATED)
                    .map(|c| claims[c].source.as_str())
                    .collect();
                sources.into_iter().collect::<Vec<_>>().join("; ")
            })
            .collect();
        let Some(mut finding) = recompute(
            index,
            relation,
            quantities,
            claims,
            &single,
            None,
            Some(&labels),
        ) else {
            continue;
        };
        let mut involved: Vec<usize> = assignments
            .iter()
            .flatten()
            .copied()
            .filter(|&c| c != UNSTATED)
            .collect();
        involved.sort_by_key(|&i| claim_key(&claims[i]));
        involved.dedup();
        finding.claims = Involved::Many(involved.into());
        let mut keys = figures;
        keys.push(format!("relation:{}", relation.id));
        finding.fingerprint = fingerprint(&quantities[finding.quantity].id, finding.verdict, &keys);
        findings.push(finding);
    }
    if findings.is_empty() {
        if let Some((_, assignment, ..)) = holding {
            let single = Variable::fixed(variables, &assignment);
            findings.extend(recompute(
                index, relation, quantities, claims, &single, None, None,
            ));
        }
    }
    findings
}

/// The combination of `variables`' claims that computes with its figures read as
/// `reading`, built from the most exact figures; `None` when none does.
fn holding_when(
    reading: Cut,
    relation: &RelationInput,
    quantities: &[QuantityInfo],
    claims: &[ClaimRecord],
    variables: &[Variable],
) -> Option<Candidate> {
    let mut best: Option<Candidate> = None;
    try_combinations(relation, quantities, claims, variables, reading, |tried| {
        if tried.0 .0 == 0.0 && best.as_ref().is_none_or(|(b, ..)| tried.0 < *b) {
            best = Some(tried);
        }
    });
    best
}

/// Hands `visit` each combination of `variables`' claims, in order and at most
/// [`MAX_COMBINATIONS`] of them, with both sides computed from its figures read as
/// `reading` and its rank: the gap between the sides, then how wide they are (so that
/// among combinations that hold, the one built from the most exact figures ranks first).
fn try_combinations(
    relation: &RelationInput,
    quantities: &[QuantityInfo],
    claims: &[ClaimRecord],
    variables: &[Variable],
    reading: Cut,
    mut visit: impl FnMut(Candidate),
) {
    let slot_of = |reference: Reference| {
        variables
            .iter()
            .position(|v| v.reference == reference)
            .unwrap_or(0)
    };
    let mut choice = vec![0usize; variables.len()];
    for _ in 0..MAX_COMBINATIONS {
        let assignment: Vec<usize> = variables
            .iter()
            .zip(&choice)
            .map(|(v, &k)| v.candidates[k])
            .collect();
        let interval =
            |r: Reference| term_interval(claims, assignment[slot_of(r)], quantities, reading);
        let left = evaluate(relation.left, &interval, reading);
        let right = evaluate(relation.right, &interval, reading);
        let rank = (
            gap(relation.cmp, &left, &right),
            width(&left) + width(&right),
        );
        visit((rank, assignment, left, right));
        if !advance(&mut choice, variables) {
            break;
        }
    }
}

/// A combination tried for a relation: (gap, width), the claims, both sides.
type Candidate = ((f64, f64), Vec<usize>, Interval, Interval);

/// How many combinations of claims a relation's names make (saturating).
fn combinations(variables: &[Variable]) -> usize {
    variables
        .iter()
        .fold(1usize, |n, v| n.saturating_mul(v.candidates.len()))
}

/// Next combination, like an odometer; false when all were tried.
fn advance(choice: &mut [usize], variables: &[Variable]) -> bool {
    for (k, slot) in choice.iter_mut().enumerate() {
        *slot += 1;
        if *slot < variables[k].candidates.len() {
            return true;
        }
        *slot = 0;
    }
    false
}

/// How wide an interval is relative to its size; unbounded ones are widest.
fn width(interval: &Interval) -> f64 {
    if !interval.low.is_finite() || !interval.high.is_finite() {
        return f64::MAX;
    }
    (interval.high - interval.low)
        / interval
            .low
            .abs()
            .max(interval.high.abs())
            .max(f64::MIN_POSITIVE)
}

/// How far the two sides are from allowing `cmp`, relative to their size: 0 when some
/// reading of each satisfies it (for `=`, when they meet; for `<=`, when the left can
/// be at most the right).
fn gap(cmp: Cmp, a: &Interval, b: &Interval) -> f64 {
    let scale = || {
        [a.low, a.high, b.low, b.high]
            .into_iter()
            .filter(|v| v.is_finite())
            .fold(0.0f64, |m, v| m.max(v.abs()))
            .max(f64::MIN_POSITIVE)
    };
    if a.is_empty() || b.is_empty() {
        return 1.0;
    }
    // Whether the smallest reading of `small` can be below (or at, when `strict` is
    // false) the largest of `large`; how far above it is otherwise.
    let below = |small: &Interval, large: &Interval, strict: bool| {
        let fits = small.low < large.high
            || (!strict && small.low == large.high && !small.low_open && !large.high_open);
        if fits {
            0.0
        } else {
            ((small.low - large.high).abs() / scale()).max(f64::MIN_POSITIVE)
        }
    };
    match cmp {
        Cmp::Eq if a.meets(b) => 0.0,
        Cmp::Eq => {
            let distance = if a.high < b.low {
                b.low - a.high
            } else {
                a.low - b.high
            };
            (distance.abs() / scale()).max(f64::MIN_POSITIVE)
        }
        Cmp::Le => below(a, b, false),
        Cmp::Lt => below(a, b, true),
        Cmp::Ge => below(b, a, false),
        Cmp::Gt => below(b, a, true),
    }
}

/// The equation as written, with each name replaced by the figure it stood for and,
/// where `label` gives one, who states it: `681,692 (memo-1954) <= 642,980 (zemskov)`.
/// A share nobody states is shown by its name, as 0.
fn render_text<'l>(
    relation: &RelationInput,
    quantities: &[QuantityInfo],
    claims: &[ClaimRecord],
    resolve: &dyn Fn(Reference) -> usize,
    label: &dyn Fn(Reference) -> Option<&'l str>,
) -> String {
    let text = relation.text;
    let mut out = String::with_capacity(text.len() + 16);
    let mut copied = 0;
    for name in relation.names {
        let Some(reference) = Reference::of(&name.names) else {
            continue;
        };
        let (Some(before), true) = (
            text.get(copied..name.span.start),
            name.span.end <= text.len(),
        ) else {
            continue;
        };
        out.push_str(before);
        match (resolve(reference), reference) {
            (UNSTATED, Reference::Quantity(q)) => {
                out.push_str(&format!("0 ({} not stated)", quantities[q].id));
            }
            (UNSTATED, _) => out.push('0'),
            (claim, _) => {
                out.push_str(&claims[claim].shown);
                if let Some(label) = label(reference).filter(|l| !l.is_empty()) {
                    out.push_str(&format!(" ({label})"));
                }
            }
        }
        copied = name.span.end;
    }
    out.push_str(text.get(copied..).unwrap_or(""));
    out
}

/// A number written in a relation means what its last digit says: 8.5% is 8.45–8.55%,
/// 70% is 69.5–70.5%; whole numbers (the 100 of a percentage, a stated total) are exact.
fn number_interval(value: f64, step: f64, reading: Cut) -> Interval {
    match reading {
        _ if step <= 0.0 => Interval::point(value),
        Cut::Rounded => Interval::closed(value - step / 2.0, value + step / 2.0),
        Cut::Truncated => truncated(value, step),
    }
}

/// How a figure's last digit was arrived at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cut {
    /// Rounded to the nearest: 70% is 69.5-70.5%.
    Rounded,
    /// Cut off, as writers often do: 70% is 70-71%, 70.50% written as 70.
    Truncated,
}

/// `value` with the digits past `step` cut off: from it up to the next step (down, for
/// a negative value).
fn truncated(value: f64, step: f64) -> Interval {
    if value >= 0.0 {
        Interval::new(value, value + step, false, true)
    } else {
        Interval::new(value - step, value, true, false)
    }
}

fn evaluate(expr: &Expr, interval: &dyn Fn(Reference) -> Interval, reading: Cut) -> Interval {
    match expr {
        Expr::Number(value, step) => number_interval(*value, *step, reading),
        Expr::Quantity(_) | Expr::QuantityAt(..) | Expr::Claim(_) | Expr::Pin(_) => {
            interval(Reference::of(expr).unwrap_or(Reference::Claim(usize::MAX)))
        }
        Expr::Neg(inner) => evaluate(inner, interval, reading).neg(),
        Expr::Binary(op, left, right) => {
            let l = evaluate(left, interval, reading);
            let r = evaluate(right, interval, reading);
            match op {
                Op::Add => l.add(&r),
                Op::Sub => l.sub(&r),
                Op::Mul => l.mul(&r),
                Op::Div => l.div(&r),
            }
        }
    }
}

/// A term's interval for arithmetic: its claim's, or 0 for a share nobody states.
fn term_interval(
    claims: &[ClaimRecord],
    claim: usize,
    quantities: &[QuantityInfo],
    reading: Cut,
) -> Interval {
    match claims.get(claim) {
        Some(claim) => claim_interval(claim, quantities, reading),
        None => Interval::point(0.0),
    }
}

/// A claim's interval for arithmetic, percentages as shares; read as `Cut::Truncated`,
/// an exact figure written with digits runs from it up to its next step.
fn claim_interval(claim: &ClaimRecord, quantities: &[QuantityInfo], reading: Cut) -> Interval {
    let tolerances = &quantities[claim.quantity].tolerances;
    let stated = &claim.value.stated;
    let mut interval = interval_of(stated, tolerances);
    if let (Cut::Truncated, Qualifier::Exact, Some(value), Some(step)) =
        (reading, stated.qualifier, stated.value, stated.step)
    {
        if step > 0.0 && !interval.is_point() {
            interval = truncated(value, step);
        }
    }
    if stated.percent {
        Interval::new(
            interval.low / 100.0,
            interval.high / 100.0,
            interval.low_open,
            interval.high_open,
        )
    } else {
        interval
    }
}

#[cfg(test)]
mod tests {
    use super::{gap, number_interval, Cut};
    use crate::claims::Cmp;
    use crate::reconcile::Interval;

    fn holds(cmp: Cmp, a: Interval, b: Interval) -> bool {
        gap(cmp, &a, &b) == 0.0
    }

    #[test]
    fn at_most_holds_when_the_left_can_be_below_or_at_the_right() {
        assert!(holds(
            Cmp::Le,
            Interval::closed(1.0, 2.0),
            Interval::closed(5.0, 6.0)
        ));
        // They touch at 3, both ends closed: 3 <= 3.
        assert!(holds(
            Cmp::Le,
            Interval::closed(3.0, 4.0),
            Interval::closed(1.0, 3.0)
        ));
        assert!(!holds(
            Cmp::Le,
            Interval::closed(4.0, 5.0),
            Interval::closed(1.0, 3.0)
        ));
    }

    #[test]
    fn at_most_fails_where_an_open_end_touches() {
        assert!(!holds(
            Cmp::Le,
            Interval::new(3.0, 4.0, true, false),
            Interval::closed(1.0, 3.0)
        ));
        assert!(!holds(
            Cmp::Le,
            Interval::closed(3.0, 4.0),
            Interval::new(1.0, 3.0, false, true)
        ));
    }

    #[test]
    fn less_than_needs_room_below() {
        assert!(!holds(
            Cmp::Lt,
            Interval::closed(3.0, 4.0),
            Interval::closed(1.0, 3.0)
        ));
        assert!(holds(
            Cmp::Lt,
            Interval::closed(2.0, 4.0),
            Interval::closed(1.0, 3.0)
        ));
    }

    #[test]
    fn at_least_and_greater_than_mirror_them() {
        assert!(holds(
            Cmp::Ge,
            Interval::closed(1.0, 3.0),
            Interval::closed(3.0, 4.0)
        ));
        assert!(!holds(
            Cmp::Gt,
            Interval::closed(1.0, 3.0),
            Interval::closed(3.0, 4.0)
        ));
        assert!(holds(
            Cmp::Gt,
            Interval::closed(1.0, 3.5),
            Interval::closed(3.0, 4.0)
        ));
        assert!(!holds(
            Cmp::Ge,
            Interval::new(1.0, 3.0, false, true),
            Interval::closed(3.0, 4.0)
        ));
    }

    #[test]
    fn an_open_ended_side_reaches_as_far_as_it_needs() {
        // "over 2 million" executed may be at most anything above 2 million.
        let over = Interval::new(2.0e6, f64::INFINITY, true, true);
        assert!(!holds(Cmp::Le, over, Interval::closed(7.2e5, 8.8e5)));
        assert!(holds(Cmp::Ge, over, Interval::closed(7.2e5, 8.8e5)));
    }

    #[test]
    fn equality_holds_when_the_sides_meet() {
        assert!(holds(
            Cmp::Eq,
            Interval::closed(1.0, 3.0),
            Interval::closed(3.0, 4.0)
        ));
        assert!(!holds(
            Cmp::Eq,
            Interval::closed(1.0, 2.0),
            Interval::closed(3.0, 4.0)
        ));
    }

    #[test]
    fn numbers_in_relations_keep_their_rounding() {
        let i = number_interval(0.085, 0.001, Cut::Rounded);
        assert!((i.low - 0.0845).abs() < 1e-12 && (i.high - 0.0855).abs() < 1e-12);
        assert!(number_interval(2.0, 0.0, Cut::Rounded).is_point());
    }
}
