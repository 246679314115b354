//! Claims about quantities → findings.
//!
//! Claims are grouped by quantity (a sort, so n log n) and every pair within a
//! group is compared ([`compare`]); a group of more than [`PAIRWISE_LIMIT`] claims has
//! only the pairs [`super::clusters`] chooses compared, so its cost stays n log n. Relations are recomputed with interval
//! arithmetic: each side is evaluated from the stated figures' intervals, and a
//! relation whose sides do not meet is an `arithmetic_mismatch`. Every finding
//! carries a fingerprint built from its content (quantity, verdict, the claims'
//! sources, normalised texts and values), never from positions, so moving text
//! around a document does not change it. Pure: data in, data out.

use std::collections::HashMap;
use std::fmt;

use super::clusters::{self, PAIRWISE_LIMIT};
use super::relations::relation_findings;
use super::{
    explain, judge, ClaimRecord, ClaimView, Diagnosis, Interval,
    Judgement, Reading, Tolerances, Verdict,
};
use crate::claims::{Expr, Name};

/// What the engine needs to know of a quantity.
#[derive(Debug, Clone)]
pub struct QuantityInfo {
    pub id: String,
    pub cumulative: bool,
    pub tolerances: Tolerances,
}

/// A relation to recompute: `left = right`.
#[derive(Debug, Clone)]
pub struct RelationInput<'a> {
    pub id: &'a str,
    /// The equation as written, quoted in reasons with figures in place of names.
    pub text: &'a str,
    pub left: &'a Expr,
    pub right: &'a Expr,
    /// Where the equation names quantities and claims.
    pub names: &'a [Name],
    /// A quantity id stands for the claims of every source at once, not of one source
    /// at a time.
    pub across_sources: bool,
    /// The ids of the catalog's sources, which `quantity@source` names by index.
    pub source_ids: &'a [String],
}

/// A finding's stable identity, built from its content; shown as 16 hex digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Fingerprint(pub u64);

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

impl std::str::FromStr for Fingerprint {
    type Err = std::num::ParseIntError;

    fn from_str(hex: &str) -> Result<Fingerprint, Self::Err> {
        u64::from_str_radix(hex, 16).map(Fingerprint)
    }
}

/// What reconciliation concludes about a set of claims.
///
/// Kept small (56 bytes) because a large corpus has millions of them: a pair's reason
/// is written only when asked for ([`Finding::reason`]), and what only arithmetic
/// findings have is boxed.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The quantity the finding is filed under (for a relation, the first one it names).
    pub quantity: usize,
    pub verdict: Verdict,
    pub diagnosis: Option<Diagnosis>,
    pub fingerprint: Fingerprint,
    pub claims: Involved,
    /// For a recomputed relation.
    pub arithmetic: Option<Box<Arithmetic>>,
}

/// The claims a finding is about, in a stable order.
#[derive(Debug, Clone, PartialEq)]
pub enum Involved {
    Pair([usize; 2]),
    Many(Box<[usize]>),
}

/// What a recomputed relation adds to its finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Arithmetic {
    /// Index into the relations.
    pub relation: usize,
    /// Both sides as computed.
    pub sides: (Interval, Interval),
    /// Written at once: it names the figures of the combination that was chosen.
    pub reason: String,
}

impl Finding {
    /// Indices into the claims, in a stable order.
    pub fn claims(&self) -> &[usize] {
        match &self.claims {
            Involved::Pair(pair) => pair,
            Involved::Many(many) => many,
        }
    }

    /// The relation recomputed, for arithmetic findings.
    pub fn relation(&self) -> Option<usize> {
        self.arithmetic.as_ref().map(|a| a.relation)
    }

    /// Both sides of a relation as computed.
    pub fn sides(&self) -> Option<(Interval, Interval)> {
        self.arithmetic.as_ref().map(|a| a.sides)
    }

    /// One plain sentence on why: the same `quantities` and `claims` as given to
    /// [`reconcile`], or any claims whose views are the same.
    pub fn reason<'c>(
        &self,
        quantities: &[QuantityInfo],
        view: impl Fn(usize) -> ClaimView<'c>,
    ) -> String {
        match (&self.arithmetic, &self.claims) {
            (Some(arithmetic), _) => arithmetic.reason.clone(),
            (None, Involved::Pair(pair)) => {
                // Compared in input order, as reconcile did.
                let (a, b) = (view(pair[0].min(pair[1])), view(pair[0].max(pair[1])));
                let tolerances = &quantities[self.quantity].tolerances;
                let (ra, rb) = (
                    Reading::of(&a.stated, tolerances),
                    Reading::of(&b.stated, tolerances),
                );
                explain((&a, &ra), (&b, &rb), self.judgement())
            }
            (None, Involved::Many(_)) => String::new(),
        }
    }

    fn judgement(&self) -> Judgement {
        Judgement {
            verdict: self.verdict,
            diagnosis: self.diagnosis,
        }
    }
}

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

/// A claim's identity for fingerprints: source, normalised text and stated values.
pub(super) fn claim_key(claim: &ClaimRecord) -> String {
    let mut key = String::with_capacity(claim.source.len() + claim.shown.len() + 40);
    key.push_str(&claim.source);
    key.push('|');
    for (n, word) in claim.shown.split_whitespace().enumerate() {
        if n > 0 {
            key.push(' ');
        }
        if word.is_ascii() {
            key.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        } else {
            key.push_str(&word.to_lowercase());
        }
    }
    use std::fmt::Write;
    let stated = &claim.value.stated;
    let _ = match stated.value {
        Some(v) => write!(key, "|{v}|{}|{}", stated.low, stated.high),
        None => write!(key, "|-|{}|{}", stated.low, stated.high),
    };
    key
}

/// FNV-1a, 64 bits, over the parts: stable across runs, platforms and versions.
pub fn fingerprint(quantity: &str, verdict: Verdict, keys: &[impl AsRef<str>]) -> Fingerprint {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        hash ^= 0xff;
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    };
    feed(quantity.as_bytes());
    feed(verdict.as_str().as_bytes());
    for key in keys {
        feed(key.as_ref().as_bytes());
    }
    Fingerprint(hash)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::Op;
    use crate::extract::{Kind, Period, Qualifier};
    use crate::reconcile::{compare, interval_of, show_interval};
    use crate::reconcile::ClaimOrigin;
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
            period,
            attributed_to: None,
            origin: ClaimOrigin::Document {
                name: source.into(),
                line: 1,
                column: 1,
                sentence: String::new(),
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
            right: &right,
            names: &equation.names,
            across_sources: false,
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
            right: &right,
            names: &[],
            across_sources: false,
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
