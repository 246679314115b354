//! Claims → findings: decides whether stated figures agree.
//!
//! A stated figure is read as an interval ([`interval_of`]); two figures agree
//! when their intervals meet, and [`compare`] says how they agree or why they
//! do not. Everything here is pure: data in, data out, no I/O and no printing.
//! [`reconcile`] groups claims by quantity, compares every pair (or, for a quantity with
//! very many claims, the pairs that stand for its clusters of agreeing figures) and
//! recomputes the relations the sources state.

mod clusters;
mod engine;
mod finding;
mod interval;
mod outcome;
mod relations;
mod severities;
mod verdict;
mod wording;

pub use crate::value::{show_number, Stated};
pub use clusters::PAIRWISE_LIMIT;
pub use engine::{reconcile, Condensed, Reconciliation};
pub use finding::{
    fingerprint, Arithmetic, Finding, Fingerprint, Involved, QuantityInfo, RelationInput,
};
pub use interval::{interval_of, show_interval, Interval, Tolerances};
pub use outcome::{ClaimOrigin, ClaimRecord, Outcome, UnmatchedFigure};
pub use relations::MAX_COMBINATIONS;
pub use severities::Severities;
pub use verdict::{
    agreement, covers, disagreement, judge, ClaimView, Diagnosis, Judgement, Reading, Severity,
    Verdict,
};
pub use wording::{compare, explain, Comparison};
