//! Which pairs of a large quantity's claims to compare, in n log n.
//!
//! A quantity with up to [`PAIRWISE_LIMIT`] claims has every pair compared. Beyond, the
//! pairs grow as n²: 100,000 claims (a rule that matches every figure of a corpus) would
//! make five billion findings. So the claims are sorted by period and by interval, and
//! cut into clusters of figures that share a value (every interval of a cluster holds
//! one common point, so every pair within it agrees). Compared are: each claim with its
//! cluster's first claim; neighbouring clusters by two claims that do not meet; each
//! period with the next; and, across periods, the extreme claims that can contradict (a
//! claim with no period against a period's, and for a cumulative count a covering
//! period's smallest figure against a covered period's largest). Every finding made is
//! the verdict of a real pair, as [`super::judge`] gives it; the pairs are fewer, and
//! their number grows with n.

use super::{covers, ClaimView, Interval, Reading};
use crate::extract::Period;

/// The most claims a quantity may have for every pair of them to be compared.
pub const PAIRWISE_LIMIT: usize = 200;

/// The pairs chosen for one quantity, and what its claims were cut into.
#[derive(Debug, Default)]
pub(super) struct Selection {
    /// Indices into the quantity's claims, each pair once, smaller index first.
    pub pairs: Vec<(u32, u32)>,
    /// Clusters of agreeing figures, over all periods.
    pub clusters: usize,
    /// Distinct periods (no period counts as one).
    pub periods: usize,
}

/// One period's claims: its clusters' first claims and its extreme claims.
struct Part {
    period: Option<Period>,
    /// The claim whose interval ends lowest, and the one that starts highest.
    lowest_high: u32,
    highest_low: u32,
    first: u32,
}

/// Chooses the pairs to compare among `readings` (a quantity's claims); `keys` break
/// ties so that the choice does not depend on the claims' order.
pub(super) fn select(
    readings: &[(ClaimView, Reading)],
    keys: &[String],
    cumulative: bool,
) -> Selection {
    let interval = |i: u32| &readings[i as usize].1.interval;
    let period = |i: u32| readings[i as usize].0.period;
    let mut order: Vec<u32> = (0..readings.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| {
        let (x, y) = (interval(a), interval(b));
        period(a)
            .cmp(&period(b))
            .then(x.low.total_cmp(&y.low))
            .then(x.low_open.cmp(&y.low_open))
            .then_with(|| keys[a as usize].cmp(&keys[b as usize]))
            .then(a.cmp(&b))
    });
    let mut selection = Selection::default();
    let mut parts: Vec<Part> = Vec::new();
    for part in order.chunk_by(|&a, &b| period(a) == period(b)) {
        parts.push(clusters_of(
            part,
            period(part[0]),
            &interval,
            &mut selection,
        ));
    }
    selection.periods = parts.len();
    let pairs = &mut selection.pairs;
    let disjoint = |a: u32, b: u32| !interval(a).meets(interval(b));
    for next in parts.windows(2) {
        pairs.push((next[0].first, next[1].first));
    }
    // Claims with no period are compared with every period's claims; the extremes are
    // the pairs furthest apart.
    if let Some(open) = parts.iter().find(|p| p.period.is_none()) {
        for part in parts.iter().filter(|p| p.period.is_some()) {
            for (a, b) in [
                (open.lowest_high, part.highest_low),
                (part.lowest_high, open.highest_low),
            ] {
                if disjoint(a, b) {
                    pairs.push((a, b));
                }
            }
        }
    }
    // A cumulative count over a period that covers another's cannot be smaller.
    if cumulative {
        let mut dated: Vec<&Part> = parts.iter().filter(|p| p.period.is_some()).collect();
        dated.sort_by_key(|p| p.period.map(|p| p.start));
        for whole in &dated {
            let Some(span) = whole.period else { continue };
            let from = dated.partition_point(|p| p.period.is_some_and(|p| p.start < span.start));
            for part in &dated[from..] {
                let Some(inner) = part.period else { continue };
                if inner.start > span.end && !span.open_end {
                    break;
                }
                if inner != span
                    && covers(&span, &inner)
                    && interval(whole.lowest_high).high <= interval(part.highest_low).low
                {
                    pairs.push((whole.lowest_high, part.highest_low));
                }
            }
        }
    }
    for pair in pairs.iter_mut() {
        *pair = (pair.0.min(pair.1), pair.0.max(pair.1));
    }
    pairs.retain(|(a, b)| a != b);
    pairs.sort_unstable();
    pairs.dedup();
    selection
}

/// Cuts one period's claims (sorted by where their intervals start) into clusters that
/// share a point; adds each claim against its cluster's first, and each cluster against
/// the next by a pair that does not meet.
fn clusters_of<'r>(
    part: &[u32],
    period: Option<Period>,
    interval: &impl Fn(u32) -> &'r Interval,
    selection: &mut Selection,
) -> Part {
    let mut summary = Part {
        period,
        lowest_high: part[0],
        highest_low: part[0],
        first: part[0],
    };
    let mut anchor = part[0];
    let mut common = *interval(anchor);
    // The member whose interval ends where the common part does.
    let mut ends_first = anchor;
    selection.clusters += 1;
    for &claim in &part[1..] {
        let here = interval(claim);
        if ends_before(here, interval(summary.lowest_high)) {
            summary.lowest_high = claim;
        }
        summary.highest_low = claim;
        if common.meets(here) {
            common = common.intersect(here);
            if ends_before(here, interval(ends_first)) {
                ends_first = claim;
            }
            selection.pairs.push((anchor, claim));
            continue;
        }
        // `ends_first` ends below where `claim` starts (the claims are sorted by where
        // they start), so the two do not meet: the disagreement between the clusters.
        selection.pairs.push((ends_first, claim));
        selection.clusters += 1;
        anchor = claim;
        common = *here;
        ends_first = claim;
    }
    summary
}

/// True when `a` ends before `b` does (an open end before a closed one at one point).
fn ends_before(a: &Interval, b: &Interval) -> bool {
    a.high < b.high || (a.high == b.high && a.high_open && !b.high_open)
}

#[cfg(test)]
mod tests {
    use super::PAIRWISE_LIMIT;
    use crate::extract::{Kind, Period};
    use crate::reconcile::{
        interval_of, reconcile, ClaimOrigin, ClaimRecord, Diagnosis, QuantityInfo, Tolerances,
        Verdict,
    };
    use crate::value::{Stated, Value};

    fn quantity(cumulative: bool) -> Vec<QuantityInfo> {
        vec![QuantityInfo {
            id: "q".into(),
            cumulative,
            tolerances: Tolerances::default(),
        }]
    }

    /// Claim `n` of source `s{n}`: `value` exactly, over `period`.
    fn claim(n: usize, value: f64, period: Option<Period>) -> ClaimRecord {
        let stated = Stated::exact(value, Some(1.0));
        ClaimRecord {
            quantity: 0,
            source: format!("s{n}"),
            value: Value {
                text: value.to_string(),
                stated,
                kind: Kind::Count,
                unit: None,
            },
            shown: value.to_string(),
            interval: interval_of(&stated, &Tolerances::default()),
            scale: 1.0,
            period,
            attributed_to: None,
            origin: ClaimOrigin::Document {
                name: format!("d{n}"),
                page: None,
                line: 1,
                column: 1,
                sentence: String::new(),
                pin: None,
            },
        }
    }

    fn agreeing(count: usize, value: f64, period: Option<Period>) -> Vec<ClaimRecord> {
        (0..count).map(|n| claim(n, value, period)).collect()
    }

    fn verdicts(claims: &[ClaimRecord], cumulative: bool) -> Vec<Verdict> {
        reconcile(&quantity(cumulative), claims, &[])
            .findings
            .iter()
            .map(|f| f.verdict)
            .collect()
    }

    #[test]
    fn up_to_the_limit_every_pair_is_compared() {
        let claims = agreeing(PAIRWISE_LIMIT, 1436.0, None);
        let reconciled = reconcile(&quantity(false), &claims, &[]);
        assert_eq!(
            reconciled.findings.len(),
            PAIRWISE_LIMIT * (PAIRWISE_LIMIT - 1) / 2
        );
        assert!(reconciled.condensed.is_empty());
    }

    #[test]
    fn past_the_limit_each_claim_is_compared_once_with_its_cluster() {
        let claims = agreeing(PAIRWISE_LIMIT + 1, 1436.0, None);
        let reconciled = reconcile(&quantity(false), &claims, &[]);
        assert_eq!(reconciled.findings.len(), PAIRWISE_LIMIT);
        assert!(reconciled
            .findings
            .iter()
            .all(|f| f.verdict == Verdict::Agreement));
        let condensed = &reconciled.condensed[0];
        assert_eq!(
            (condensed.claims, condensed.clusters),
            (PAIRWISE_LIMIT + 1, 1)
        );
    }

    #[test]
    fn one_disagreeing_claim_among_many_is_a_contradiction_between_real_claims() {
        let mut claims = agreeing(1000, 1436.0, None);
        claims.push(claim(1000, 6341.0, None));
        let reconciled = reconcile(&quantity(false), &claims, &[]);
        let loud: Vec<_> = reconciled
            .findings
            .iter()
            .filter(|f| f.verdict == Verdict::Contradiction)
            .collect();
        assert_eq!(loud.len(), 1);
        let values: Vec<f64> = loud[0]
            .claims()
            .iter()
            .filter_map(|&c| claims[c].value.stated.value)
            .collect();
        assert!(
            values.contains(&6341.0) && values.contains(&1436.0),
            "{values:?}"
        );
        assert_eq!(reconciled.condensed[0].clusters, 2);
    }

    #[test]
    fn findings_grow_linearly_with_the_claims() {
        // Every claim a different value, none agreeing: a cluster each.
        let claims: Vec<ClaimRecord> = (0..20_000)
            .map(|n| claim(n, 1000.0 + 10.0 * n as f64, None))
            .collect();
        let reconciled = reconcile(&quantity(false), &claims, &[]);
        assert!(reconciled.findings.len() < 2 * claims.len());
        assert_eq!(reconciled.condensed[0].clusters, claims.len());
    }

    #[test]
    fn a_claim_with_no_period_contradicts_a_dated_claim() {
        let mut claims = agreeing(300, 500.0, Some(Period::year(1937)));
        claims.push(claim(300, 9000.0, None));
        assert!(verdicts(&claims, false).contains(&Verdict::Contradiction));
    }

    #[test]
    fn different_periods_are_a_scope_difference_not_a_contradiction() {
        let mut claims = agreeing(300, 500.0, Some(Period::year(1937)));
        claims.extend((300..400).map(|n| claim(n, 9000.0, Some(Period::year(1938)))));
        let found = verdicts(&claims, false);
        assert!(!found.contains(&Verdict::Contradiction));
        assert!(found.contains(&Verdict::ScopeMismatch));
    }

    #[test]
    fn a_covering_period_with_a_smaller_cumulative_count_is_found() {
        let mut claims = agreeing(300, 9000.0, Some(Period::year(1937)));
        claims.push(claim(300, 500.0, Some(Period::years(1921, 1953))));
        let reconciled = reconcile(&quantity(true), &claims, &[]);
        assert!(reconciled
            .findings
            .iter()
            .any(|f| f.diagnosis == Some(Diagnosis::SupersetSmaller)));
    }

    #[test]
    fn the_findings_do_not_depend_on_the_claims_order() {
        let mut claims: Vec<ClaimRecord> = (0..500)
            .map(|n| claim(n, [100.0, 100.0, 250.0, 7000.0][n % 4], None))
            .collect();
        let fingerprints = |claims: &[ClaimRecord]| {
            let mut all: Vec<_> = reconcile(&quantity(false), claims, &[])
                .findings
                .iter()
                .map(|f| f.fingerprint)
                .collect();
            all.sort();
            all
        };
        let before = fingerprints(&claims);
        claims.reverse();
        assert_eq!(fingerprints(&claims), before);
    }
}
