//! Claims → findings: decides whether stated figures agree.
//!
//! A stated figure is read as an interval ([`interval_of`]); two figures agree
//! when their intervals meet, and [`compare`] says how they agree or why they
//! do not. Everything here is pure: data in, data out, no I/O and no printing.
//! Grouping claims by quantity and recomputing stated arithmetic will live in
//! further files beside these.

mod interval;
mod verdict;

pub use interval::{interval_of, Interval, Stated, Tolerances};
pub use verdict::{compare, covers, ClaimView, Comparison, Diagnosis, Severity, Verdict};
