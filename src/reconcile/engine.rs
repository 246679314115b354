//! Claims about quantities → findings.
//!
//! Claims are grouped by quantity (a sort, so n log n) and every pair within a group
//! is judged ([`super::judge`]); a group of more than [`PAIRWISE_LIMIT`] claims has only
//! the pairs [`super::clusters`] chooses judged, so its cost stays n log n. Relations are
//! recomputed by [`super::relations`]. Each finding gets a fingerprint from its content
//! ([`super::finding`]); identical content repeated gets its order mixed in. Pure: data
//! in, data out.

use std::collections::HashMap;

use super::clusters::{self, PAIRWISE_LIMIT};
use super::finding::{
    claim_key, fingerprint, Finding, Fingerprint, Involved, QuantityInfo, RelationInput,
};
use super::relations::relation_findings;
use super::{judge, ClaimRecord, ClaimView, Reading};

/// What reconciliation concludes: the findings, which quantities had too many claims
/// to compare pair by pair, and which relations no one source could check.
#[derive(Debug, Default)]
pub struct Reconciliation {
    pub findings: Vec<Finding>,
    pub condensed: Vec<Condensed>,
    /// Relations (by index) whose names all have claims, but no one source's: with the
    /// claims of one source at a time, nothing was checked.
    pub unchecked: Vec<usize>,
}

/// A quantity with more than [`PAIRWISE_LIMIT`] claims, compared by clusters of agreeing
/// figures rather than pair by pair (see [`super::clusters`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condensed {
    /// Index into the quantities.
    pub quantity: usize,
    pub claims: usize,
    /// Clusters of figures that agree (every figure of one holds a common value).
    pub clusters: usize,
    /// Distinct periods among the claims (no period counts as one).
    pub periods: usize,
    /// Pairs compared, of the `claims × (claims - 1) / 2` there are.
    pub pairs: usize,
}

/// Compares the claims about each quantity (every pair, or for a quantity with more
/// than [`PAIRWISE_LIMIT`] claims the pairs that stand for its clusters) and recomputes
/// every relation.
pub fn reconcile(
    quantities: &[QuantityInfo],
    claims: &[ClaimRecord],
    relations: &[RelationInput],
) -> Reconciliation {
    let mut order: Vec<usize> = (0..claims.len()).collect();
    order.sort_by_key(|&i| claims[i].quantity);
    let mut findings = Vec::with_capacity(pair_count(&order, claims));
    let mut condensed = Vec::new();
    // What every pair needs of a claim is worked out once per claim, not once per pair,
    // and only for the group at hand, so memory follows the largest group.
    let mut readings: Vec<(ClaimView, Reading)> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    let mut repeats = HashMap::new();
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for group in order.chunk_by(|&a, &b| claims[a].quantity == claims[b].quantity) {
        let quantity = &quantities[claims[group[0]].quantity];
        readings.clear();
        readings.extend(group.iter().map(|&i| {
            let view = claims[i].view();
            (view, Reading::of(&view.stated, &quantity.tolerances))
        }));
        keys.clear();
        keys.extend(group.iter().map(|&i| claim_key(&claims[i])));
        pairs.clear();
        if group.len() <= PAIRWISE_LIMIT {
            let n = group.len() as u32;
            pairs.extend((0..n).flat_map(|a| (a + 1..n).map(move |b| (a, b))));
        } else {
            let selection = clusters::select(&readings, &keys, quantity.cumulative);
            pairs.extend_from_slice(&selection.pairs);
            condensed.push(Condensed {
                quantity: claims[group[0]].quantity,
                claims: group.len(),
                clusters: selection.clusters,
                periods: selection.periods,
                pairs: selection.pairs.len(),
            });
        }
        let first = findings.len();
        for &(a, b) in &pairs {
            let (a, b) = (a as usize, b as usize);
            let (va, ra) = &readings[a];
            let (vb, rb) = &readings[b];
            let judgement = judge((va, ra), (vb, rb), quantity.cumulative);
            let (x, y) = if keys[a] <= keys[b] { (a, b) } else { (b, a) };
            findings.push(Finding {
                quantity: claims[group[0]].quantity,
                verdict: judgement.verdict,
                diagnosis: judgement.diagnosis,
                fingerprint: fingerprint(&quantity.id, judgement.verdict, &[&keys[x], &keys[y]]),
                claims: Involved::Pair([group[x], group[y]]),
                arithmetic: None,
            });
        }
        // Identical content can only repeat within one quantity.
        distinguish_repeats(&mut findings[first..], &mut repeats);
    }
    let first = findings.len();
    let mut unchecked = Vec::new();
    for (index, relation) in relations.iter().enumerate() {
        let recomputed = relation_findings(index, relation, quantities, claims);
        findings.extend(recomputed.findings);
        if recomputed.unchecked {
            unchecked.push(index);
        }
    }
    distinguish_repeats(&mut findings[first..], &mut repeats);
    Reconciliation {
        findings,
        condensed,
        unchecked,
    }
}

/// How many pairs the groups of `order` (sorted by quantity) will compare, at most.
fn pair_count(order: &[usize], claims: &[ClaimRecord]) -> usize {
    order
        .chunk_by(|&a, &b| claims[a].quantity == claims[b].quantity)
        .map(|group| match group.len() {
            n if n <= PAIRWISE_LIMIT => n * (n - 1) / 2,
            // A claim against its cluster's first, or one cluster against the next.
            n => n,
        })
        .sum()
}

/// Two findings with the same content (a figure stated twice in one document, against the
/// same other figure) would share a fingerprint. The second and later ones get their
/// order of occurrence mixed in: still independent of line numbers, and unique.
fn distinguish_repeats(findings: &mut [Finding], seen: &mut HashMap<Fingerprint, usize>) {
    if findings.len() < 2 {
        return;
    }
    seen.clear();
    for finding in findings.iter_mut() {
        let count = seen.entry(finding.fingerprint).or_insert(0);
        *count += 1;
        if *count > 1 {
            let repeat = format!("repeat:{count}");
            finding.fingerprint =
                fingerprint(&finding.fingerprint.to_string(), finding.verdict, &[repeat]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::{Declared, Expr, Op};
    use crate::extract::{Kind, Period, Qualifier};
    use crate::reconcile::ClaimOrigin;
    use crate::reconcile::{compare, interval_of, show_interval};
    use crate::reconcile::{Diagnosis, Interval, Tolerances, Verdict};
    use crate::value::{Stated, Value};

    fn quantity(id: &str, cumulative: bool) -> QuantityInfo {
        QuantityInfo {
            id: id.into(),
            cumulative,
            tolerances: Tolerances::default(),
        }
    }

    fn claim(
        quantity: usize,
        source: &str,
        text: &str,
        stated: Stated,
        period: Option<Period>,
    ) -> ClaimRecord {
        ClaimRecord {
            quantity,
            source: source.into(),
            value: Value {
                text: text.into(),
                stated,
                kind: Kind::Count,
                unit: None,
            },
            shown: text.into(),
            interval: interval_of(&stated, &Tolerances::default()),
            scale: 1.0,
            period,
            attributed_to: None,
            origin: ClaimOrigin::Document {
                name: source.into(),
                page: None,
                line: 1,
                column: 1,
                sentence: String::new(),
                pin: None,
            },
        }
    }

    #[test]
    fn every_pair_of_one_quantity_is_compared_once() {
        let quantities = vec![quantity("delegates", false), quantity("other", false)];
        let claims = vec![
            claim(0, "a", "1,436", Stated::exact(1436.0, Some(1.0)), None),
            claim(1, "x", "7", Stated::exact(7.0, Some(1.0)), None),
            claim(0, "b", "1400", Stated::exact(1400.0, Some(100.0)), None),
            claim(
                0,
                "c",
                "about one and a half thousand",
                Stated::single(1500.0, Qualifier::About, None),
                None,
            ),
        ];
        let findings = reconcile(&quantities, &claims, &[]).findings;
        assert_eq!(findings.len(), 3);
        assert!(findings.iter().all(|f| f.quantity == 0));
        assert!(findings
            .iter()
            .all(|f| f.verdict.default_severity() != crate::reconcile::Severity::Error));
    }

    /// The memo's 3,777,380 convicted since 1921, and `kgb`'s figure.
    fn convicted(kgb: &str, stated: Stated, period: Option<Period>) -> Vec<ClaimRecord> {
        vec![
            claim(
                0,
                "memo",
                "3,777,380",
                Stated::exact(3777380.0, Some(10.0)),
                Some(Period::since(1921)),
            ),
            claim(0, "kgb", kgb, stated, period),
        ]
    }

    #[test]
    fn superset_with_smaller_count_is_a_contradiction() {
        let quantities = vec![quantity("convicted", true)];
        let claims = convicted(
            "3,778,234",
            Stated::exact(3778234.0, Some(1.0)),
            Some(Period::years(1930, 1953)),
        );
        let findings = reconcile(&quantities, &claims, &[]).findings;
        assert_eq!(findings[0].verdict, Verdict::Contradiction);
        assert_eq!(findings[0].diagnosis, Some(Diagnosis::SupersetSmaller));
    }

    #[test]
    fn a_pair_reason_written_later_is_the_one_compare_writes() {
        // The claims are keyed in the other order ("kgb" < "memo"), so the finding lists
        // them swapped; the reason must still read as the comparison in input order.
        let quantities = vec![quantity("convicted", true)];
        let claims = convicted(
            "about 3,778,000",
            Stated::single(3778000.0, Qualifier::About, Some(1000.0)),
            None,
        );
        let findings = reconcile(&quantities, &claims, &[]).findings;
        assert_eq!(findings[0].claims(), &[1, 0]);
        let expected = compare(
            &claims[0].view(),
            &claims[1].view(),
            true,
            &quantities[0].tolerances,
        );
        assert_eq!(findings[0].verdict, expected.verdict);
        assert_eq!(
            findings[0].reason(&quantities, |c| claims[c].view()),
            expected.reason
        );
    }

    #[test]
    fn fingerprint_ignores_claim_order_and_depends_on_values() {
        let quantities = vec![quantity("q", false)];
        let a = claim(0, "a", "10", Stated::exact(10.0, Some(10.0)), None);
        let b = claim(0, "b", "200", Stated::exact(200.0, Some(100.0)), None);
        let f1 = reconcile(&quantities, &[a.clone(), b.clone()], &[]).findings;
        let f2 = reconcile(&quantities, &[b.clone(), a.clone()], &[]).findings;
        assert_eq!(f1[0].fingerprint, f2[0].fingerprint);
        let c = claim(0, "b", "300", Stated::exact(300.0, Some(100.0)), None);
        let f3 = reconcile(&quantities, &[a, c], &[]).findings;
        assert_ne!(f1[0].fingerprint, f3[0].fingerprint);
    }

    /// The relation finding of "party = SHARE * arrested" over 116,885 and 1,372,392, and
    /// its reason.
    fn share_finding(share: f64, text: &str, more_parts: Vec<ClaimRecord>) -> (Finding, String) {
        let quantities = vec![quantity("party", false), quantity("arrested", false)];
        let mut claims = vec![
            claim(
                0,
                "doc",
                "116,885",
                Stated::exact(116885.0, Some(5.0)),
                None,
            ),
            claim(
                1,
                "doc",
                "1,372,392",
                Stated::exact(1372392.0, Some(1.0)),
                None,
            ),
        ];
        claims.extend(more_parts);
        let equation = crate::claims::expr::parse_equation(text, &mut |name| {
            quantities
                .iter()
                .position(|q| q.id == name)
                .map(Expr::Quantity)
        })
        .expect("the relation parses");
        let right = Expr::Binary(
            Op::Mul,
            Box::new(Expr::Number(share, 0.001)),
            Box::new(Expr::Quantity(1)),
        );
        assert_eq!(equation.right.to_string(), right.to_string());
        let relation = RelationInput {
            text,
            id: "share",
            left: &equation.left,
            cmp: equation.cmp,
            right: &right,
            names: &equation.names,
            across_sources: false,
            declared: Declared::Written,
            source_ids: &[],
        };
        let mut arithmetic: Vec<Finding> = reconcile(&quantities, &claims, &[relation])
            .findings
            .into_iter()
            .filter(|f| f.relation().is_some())
            .collect();
        assert_eq!(arithmetic.len(), 1);
        let finding = arithmetic.remove(0);
        let reason = finding.reason(&quantities, |c| claims[c].view());
        (finding, reason)
    }

    /// The finding of "shot = 70% * members" over `shot` of 139 members, and its reason.
    fn seventy_per_cent_of_139(shot: f64) -> (Verdict, String) {
        let quantities = vec![quantity("shot", false), quantity("members", false)];
        let claims = vec![
            claim(
                0,
                "speech",
                &shot.to_string(),
                Stated::exact(shot, Some(1.0)),
                None,
            ),
            claim(1, "speech", "139", Stated::exact(139.0, Some(1.0)), None),
        ];
        let text = "shot = 70% * members";
        let equation = crate::claims::expr::parse_equation(text, &mut |name| {
            quantities
                .iter()
                .position(|q| q.id == name)
                .map(Expr::Quantity)
        })
        .expect("the relation parses");
        let relation = RelationInput {
            text,
            id: "share",
            left: &equation.left,
            cmp: equation.cmp,
            right: &equation.right,
            names: &equation.names,
            across_sources: false,
            declared: Declared::Written,
            source_ids: &[],
        };
        let findings = reconcile(&quantities, &claims, &[relation]).findings;
        let finding = findings
            .iter()
            .find(|f| f.relation().is_some())
            .expect("a relation finding");
        (
            finding.verdict,
            finding.reason(&quantities, |c| claims[c].view()),
        )
    }

    #[test]
    fn a_share_truncated_rather_than_rounded_holds_and_says_so() {
        // 98 / 139 = 70.50%: outside the 69.5-70.5% that rounding allows, 70% cut from it.
        let (verdict, reason) = seventy_per_cent_of_139(98.0);
        assert_eq!(verdict, Verdict::WithinRounding, "{reason}");
        assert!(
            reason.contains("holds if its figures are truncated"),
            "{reason}"
        );
    }

    #[test]
    fn a_share_that_rounds_is_not_called_truncated() {
        // 97 / 139 = 69.78%, which rounds to 70%.
        let (verdict, reason) = seventy_per_cent_of_139(97.0);
        assert_eq!(verdict, Verdict::WithinRounding, "{reason}");
        assert!(!reason.contains("truncated"), "{reason}");
    }

    #[test]
    fn a_share_neither_rounded_nor_truncated_is_a_mismatch() {
        // 100 / 139 = 71.94%: neither 70% rounded nor 70% cut.
        let (verdict, reason) = seventy_per_cent_of_139(100.0);
        assert_eq!(verdict, Verdict::ArithmeticMismatch, "{reason}");
    }

    #[test]
    fn share_of_a_whole_computes_within_the_rounding_of_the_percentage() {
        // 116,885 is 8.5 per cent of 1,372,392: 116,885 / 1,372,392 = 8.517%.
        let (f, reason) = share_finding(0.085, "party = 8.5% * arrested", Vec::new());
        assert_eq!(f.verdict, Verdict::WithinRounding, "{reason}");
    }

    #[test]
    fn share_that_does_not_compute_is_an_arithmetic_mismatch() {
        // 116,885 is not 4.2 per cent of 1,372,392 (that would be about 57,600).
        let (f, reason) = share_finding(0.042, "party = 4.2% * arrested", Vec::new());
        assert_eq!(f.verdict, Verdict::ArithmeticMismatch);
        assert!(
            reason.starts_with("116,885 = 4.2% * 1,372,392 does not compute"),
            "{reason}"
        );
    }

    #[test]
    fn a_relation_that_holds_for_one_combination_is_one_finding() {
        // Two figures for the part, one right and one disputed: the relation holds once.
        let disputed = claim(
            0,
            "manual",
            "over 1.3 million",
            Stated::single(1.3e6, Qualifier::Over, Some(1e5)),
            None,
        );
        let (f, reason) = share_finding(0.085, "party = 8.5% * arrested", vec![disputed]);
        assert_eq!(f.verdict, Verdict::WithinRounding);
        assert_eq!(
            reason.split(" holds").next(),
            Some("116,885 = 8.5% * 1,372,392")
        );
    }

    #[test]
    fn relation_over_an_unstated_quantity_is_not_checked() {
        let quantities = vec![quantity("a", false), quantity("b", false)];
        let claims = vec![claim(0, "doc", "5", Stated::exact(5.0, Some(1.0)), None)];
        let left = Expr::Quantity(0);
        let right = Expr::Quantity(1);
        let relation = RelationInput {
            text: "a = b",
            id: "r",
            left: &left,
            cmp: crate::claims::Cmp::Eq,
            right: &right,
            names: &[],
            across_sources: false,
            declared: Declared::Written,
            source_ids: &[],
        };
        assert!(reconcile(&quantities, &claims, &[relation])
            .findings
            .is_empty());
    }

    #[test]
    fn the_same_finding_twice_gets_two_fingerprints() {
        let quantities = vec![quantity("share", false)];
        let claims = vec![
            claim(
                0,
                "doc",
                "over 90 per cent",
                Stated::single(90.0, Qualifier::Over, Some(1.0)),
                None,
            ),
            claim(
                0,
                "doc",
                "8.5 per cent",
                Stated::exact(8.5, Some(0.1)),
                None,
            ),
            claim(
                0,
                "doc",
                "8.5 per cent",
                Stated::exact(8.5, Some(0.1)),
                None,
            ),
        ];
        let findings = reconcile(&quantities, &claims, &[]).findings;
        let mut prints: Vec<Fingerprint> = findings.iter().map(|f| f.fingerprint).collect();
        prints.sort_unstable();
        prints.dedup();
        assert_eq!(prints.len(), findings.len());
    }

    #[test]
    fn numbers_are_shown_with_separators() {
        assert_eq!(crate::value::show_number(1372392.0), "1,372,392");
        assert_eq!(crate::value::show_number(8.5), "8.5");
        assert_eq!(
            show_interval(&Interval::closed(115967.0, 117339.0)),
            "115,967 to 117,339"
        );
    }
}
