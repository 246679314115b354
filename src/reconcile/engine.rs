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
use super::{
    explain, interval_of, judge, show_interval, ClaimRecord, ClaimView, Diagnosis, Interval,
    Judgement, Reading, Tolerances, Verdict,
};
use crate::claims::{Expr, Name, Op};

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

/// At most this many combinations of claims are tried one by one for a relation;
/// beyond, the relation is judged on the hull of each name's claims (see
/// [`relation_findings`]).
const MAX_COMBINATIONS: usize = 65_536;

/// What reconciliation concludes: the findings, and which quantities had too many
/// claims to compare pair by pair.
#[derive(Debug, Default)]
pub struct Reconciliation {
    pub findings: Vec<Finding>,
    pub condensed: Vec<Condensed>,
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
    for (index, relation) in relations.iter().enumerate() {
        findings.extend(relation_findings(index, relation, quantities, claims));
    }
    distinguish_repeats(&mut findings[first..], &mut repeats);
    Reconciliation {
        findings,
        condensed,
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
fn claim_key(claim: &ClaimRecord) -> String {
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

/// A reference in a relation and the claims it may stand for.
struct Variable {
    reference: Reference,
    candidates: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reference {
    Quantity(usize),
    Claim(usize),
}

fn collect_references(expr: &Expr, out: &mut Vec<Reference>) {
    match expr {
        Expr::Number(..) => {}
        Expr::Quantity(q) => {
            if !out.contains(&Reference::Quantity(*q)) {
                out.push(Reference::Quantity(*q));
            }
        }
        Expr::Claim(c) => {
            if !out.contains(&Reference::Claim(*c)) {
                out.push(Reference::Claim(*c));
            }
        }
        Expr::Neg(inner) => collect_references(inner, out),
        Expr::Binary(_, left, right) => {
            collect_references(left, out);
            collect_references(right, out);
        }
    }
}

fn relation_findings(
    index: usize,
    relation: &RelationInput,
    quantities: &[QuantityInfo],
    claims: &[ClaimRecord],
) -> Vec<Finding> {
    let mut references = Vec::new();
    collect_references(relation.left, &mut references);
    collect_references(relation.right, &mut references);
    let variables: Vec<Variable> = references
        .into_iter()
        .map(|reference| {
            let candidates = claims
                .iter()
                .enumerate()
                .filter(|(_, c)| match reference {
                    Reference::Quantity(q) => c.quantity == q,
                    Reference::Claim(k) => c.catalog_claim() == Some(k),
                })
                .map(|(i, _)| i)
                .collect();
            Variable {
                reference,
                candidates,
            }
        })
        .collect();
    // A relation over a quantity nobody states cannot be checked, nor one over none.
    if variables.is_empty() || variables.iter().any(|v| v.candidates.is_empty()) {
        return Vec::new();
    }
    let filed_under = variables
        .iter()
        .find_map(|v| match v.reference {
            Reference::Quantity(q) => Some(q),
            Reference::Claim(_) => None,
        })
        .unwrap_or_else(|| claims[variables[0].candidates[0]].quantity);
    // Every combination of the claims the names stand for is tried. A relation holds
    // when one combination computes (the others' disputed figures are findings of their
    // own); when none does, the closest combination is the mismatch to show.
    // Ranked by gap, then by how wide the sides are: among combinations that hold,
    // the one built from the most exact figures is the one to show.
    let mut best: Option<Candidate> = None;
    let mut choice = vec![0usize; variables.len()];
    for _ in 0..MAX_COMBINATIONS {
        let assignment: Vec<usize> = variables
            .iter()
            .zip(&choice)
            .map(|(v, &k)| v.candidates[k])
            .collect();
        let resolve = |reference: Reference| -> usize {
            let slot = variables
                .iter()
                .position(|v| v.reference == reference)
                .unwrap_or(0);
            assignment[slot]
        };
        let interval = |r: Reference| claim_interval(&claims[resolve(r)], quantities);
        let left = evaluate(relation.left, &interval);
        let right = evaluate(relation.right, &interval);
        let rank = (gap(&left, &right), width(&left) + width(&right));
        if best.as_ref().is_none_or(|(b, ..)| rank < *b) {
            best = Some((rank, assignment, left, right));
        }
        if !advance(&mut choice, &variables) {
            break;
        }
    }
    let Some(((mut gap, _), assignment, left, right)) = best else {
        return Vec::new();
    };
    // Too many combinations to try each, and none of those tried holds: the relation
    // fails only if it fails for the hull of each name's claims (every reading of
    // every claim at once); otherwise some untried combination may hold, and a
    // mismatch would be a guess.
    let tried_all = combinations(&variables) <= MAX_COMBINATIONS;
    let mut on_hulls = false;
    if !tried_all && gap > 0.0 {
        let hull = |r: Reference| {
            let variable = variables.iter().find(|v| v.reference == r);
            variable.map_or(Interval::whole(), |v| {
                v.candidates
                    .iter()
                    .map(|&i| claim_interval(&claims[i], quantities))
                    .reduce(|a, b| a.hull(&b))
                    .unwrap_or(Interval::whole())
            })
        };
        let (left, right) = (
            evaluate(relation.left, &hull),
            evaluate(relation.right, &hull),
        );
        if left.meets(&right) {
            gap = 0.0;
            on_hulls = true;
        }
    }
    // A side that can be anything (a division by a range holding zero) checks nothing.
    let unbounded = |i: &Interval| i.low == f64::NEG_INFINITY && i.high == f64::INFINITY;
    if unbounded(&left) || unbounded(&right) {
        let mut keys: Vec<String> = assignment.iter().map(|&i| claim_key(&claims[i])).collect();
        keys.push(format!("relation:{}", relation.id));
        let verdict = Verdict::ArithmeticMismatch;
        let reason = format!(
            "{} cannot be computed: it divides by a range that includes zero",
            render_text(relation, claims, &|r| {
                let slot = variables.iter().position(|v| v.reference == r).unwrap_or(0);
                assignment[slot]
            })
        );
        return vec![Finding {
            quantity: filed_under,
            verdict,
            diagnosis: None,
            fingerprint: fingerprint(&quantities[filed_under].id, verdict, &keys),
            claims: Involved::Many(assignment.into()),
            arithmetic: Some(Box::new(Arithmetic {
                relation: index,
                sides: (left, right),
                reason,
            })),
        }];
    }
    let meets = gap == 0.0;
    let resolve = |reference: Reference| -> usize {
        let slot = variables
            .iter()
            .position(|v| v.reference == reference)
            .unwrap_or(0);
        assignment[slot]
    };
    let verdict = if meets {
        Verdict::WithinRounding
    } else {
        Verdict::ArithmeticMismatch
    };
    let shown = render_text(relation, claims, &resolve);
    let reason = if on_hulls {
        format!(
            "{shown} may hold: of its {} combinations of claims the first {MAX_COMBINATIONS} were tried and none computes, but the ranges of all its claims meet, so an untried one may",
            combinations(&variables)
        )
    } else if meets {
        format!(
            "{shown} holds within rounding: {} and {} meet",
            show_interval(&left),
            show_interval(&right)
        )
    } else {
        format!(
            "{shown} does not compute: the left side is {}, the right side {}",
            show_interval(&left),
            show_interval(&right)
        )
    };
    let mut involved = assignment.clone();
    involved.sort_by_key(|&i| claim_key(&claims[i]));
    involved.dedup();
    let mut keys: Vec<String> = involved.iter().map(|&i| claim_key(&claims[i])).collect();
    keys.push(format!("relation:{}", relation.id));
    vec![Finding {
        quantity: filed_under,
        verdict,
        diagnosis: None,
        fingerprint: fingerprint(&quantities[filed_under].id, verdict, &keys),
        claims: Involved::Many(involved.into()),
        arithmetic: Some(Box::new(Arithmetic {
            relation: index,
            sides: (left, right),
            reason,
        })),
    }]
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

/// How far apart two intervals are, relative to their size: 0 when they meet.
fn gap(a: &Interval, b: &Interval) -> f64 {
    if a.meets(b) {
        return 0.0;
    }
    let distance = if a.high < b.low {
        b.low - a.high
    } else {
        a.low - b.high
    };
    let scale = [a.low, a.high, b.low, b.high]
        .into_iter()
        .filter(|v| v.is_finite())
        .fold(0.0f64, |m, v| m.max(v.abs()))
        .max(f64::MIN_POSITIVE);
    distance.abs() / scale
}

/// The equation as written, with each name replaced by the figure it stood for.
fn render_text(
    relation: &RelationInput,
    claims: &[ClaimRecord],
    resolve: &dyn Fn(Reference) -> usize,
) -> String {
    let text = relation.text;
    let mut out = String::with_capacity(text.len() + 16);
    let mut copied = 0;
    for name in relation.names {
        let reference = match name.names {
            Expr::Quantity(q) => Reference::Quantity(q),
            Expr::Claim(k) => Reference::Claim(k),
            _ => continue,
        };
        let (Some(before), true) = (
            text.get(copied..name.span.start),
            name.span.end <= text.len(),
        ) else {
            continue;
        };
        out.push_str(before);
        out.push_str(&claims[resolve(reference)].shown);
        copied = name.span.end;
    }
    out.push_str(text.get(copied..).unwrap_or(""));
    out
}

/// A number written in a relation means what its last digit says: 8.5% is 8.45–8.55%,
/// 70% is 69.5–70.5%; whole numbers (the 100 of a percentage, a stated total) are exact.
fn number_interval(value: f64, step: f64) -> Interval {
    if step > 0.0 {
        Interval::closed(value - step / 2.0, value + step / 2.0)
    } else {
        Interval::point(value)
    }
}

fn evaluate(expr: &Expr, interval: &dyn Fn(Reference) -> Interval) -> Interval {
    match expr {
        Expr::Number(value, step) => number_interval(*value, *step),
        Expr::Quantity(q) => interval(Reference::Quantity(*q)),
        Expr::Claim(c) => interval(Reference::Claim(*c)),
        Expr::Neg(inner) => evaluate(inner, interval).neg(),
        Expr::Binary(op, left, right) => {
            let l = evaluate(left, interval);
            let r = evaluate(right, interval);
            match op {
                Op::Add => l.add(&r),
                Op::Sub => l.sub(&r),
                Op::Mul => l.mul(&r),
                Op::Div => l.div(&r),
            }
        }
    }
}

/// A claim's interval for arithmetic: approximations read strictly, percentages as shares.
fn claim_interval(claim: &ClaimRecord, quantities: &[QuantityInfo]) -> Interval {
    let tolerances = &quantities[claim.quantity].tolerances;
    let interval = interval_of(&claim.value.stated, tolerances);
    if claim.value.stated.percent {
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
    use super::*;
    use crate::extract::{Kind, Period, Qualifier};
    use crate::reconcile::compare;
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
    fn numbers_in_relations_keep_their_rounding() {
        let i = number_interval(0.085, 0.001);
        assert!((i.low - 0.0845).abs() < 1e-12 && (i.high - 0.0855).abs() < 1e-12);
        assert!(number_interval(2.0, 0.0).is_point());
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
