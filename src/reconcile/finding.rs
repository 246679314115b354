//! What a finding is: the verdict on a set of claims (a pair, or a relation's
//! combination), what the engine is told of quantities and relations, and a finding's
//! identity. A fingerprint is built from content (quantity, verdict, the claims'
//! sources, normalised texts and values), never from positions, so moving text around a
//! document does not change it.

use std::fmt;

use super::{
    explain, ClaimRecord, ClaimView, Diagnosis, Interval, Judgement, Reading, Tolerances, Verdict,
};
use crate::claims::{Cmp, Declared, Expr, Name};

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
    /// `=`, or an inequality (`<=`, `<`, `>=`, `>`).
    pub cmp: Cmp,
    pub right: &'a Expr,
    /// Where the equation names quantities and claims.
    pub names: &'a [Name],
    /// A quantity id stands for the claims of every source at once, not of one source
    /// at a time.
    pub across_sources: bool,
    /// Written, or declared by `part_of` or `share_of`: those check every combination
    /// of claims, each failing pair of figures its own finding.
    pub declared: Declared,
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

/// A claim's identity for fingerprints: source, normalised text and stated values.
pub(super) fn claim_key(claim: &ClaimRecord) -> String {
    format!("{}|{}", claim.source, figure_key(claim))
}

/// A figure's identity whoever states it: its normalised text and stated values.
pub(super) fn figure_key(claim: &ClaimRecord) -> String {
    let mut key = String::with_capacity(claim.shown.len() + 40);
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
