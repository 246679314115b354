//! crosscheck: cross-checks numeric claims across sources.
//!
//! The pipeline, one module per stage, in the order a run goes through them; each module
//! uses only those listed before it (`tests/library/architecture.rs` keeps it so):
//!
//! ```text
//! documents ──read──▶ text ──extract──▶ figures ─┐
//!                                                 ├─ key (rules, pins) ─▶ claims ─▶ reconcile ─▶ findings ─▶ gate ─▶ report
//! claims/*.toml ──load/validate──────────────────┘
//! ```
//!
//! - [`source`]: a document and its byte-offset → line:column map; document paths; white space.
//! - [`diag`]: every problem as a located diagnostic with a level and a code.
//! - [`atomic`]: every file crosscheck writes goes to a temporary file and is renamed into place.
//! - [`split`]: where a text may be cut so that its parts extract as the whole does.
//! - [`error`]: inputs that cannot be read, each named.
//! - [`extract`]: text → [`extract::Figure`] records (number grammar, qualifiers, context).
//! - [`value`]: a stated figure, one shape for extracted and hand-written figures.
//! - [`input`]: which files a set of paths names, read as text or refused with a reason.
//! - [`parallel`]: extraction on every core, documents and large texts alike, output in order.
//! - [`claims`]: claim files (TOML) → a validated [`claims::Catalog`], every problem located.
//! - [`keying`]: keys extracted figures to the catalog's quantities (rules and pins).
//! - [`reconcile`]: stated figures as intervals; whether two claims agree, and why not;
//!   claims grouped by quantity and relations recomputed into findings.
//! - [`discover`]: which figures measure one quantity, with no catalog, and how they compare.
//! - [`figures`]: `extract`'s JSON Lines read back, for reconciling figures extracted elsewhere.
//! - [`config`]: `crosscheck.toml`: paths, tolerances, severities.
//! - [`review`]: discovery's candidates accepted into the catalog or rejected for good.
//! - [`pipeline`]: the run as one call: settings and inputs → catalog, claims, findings.
//! - [`baseline`]: findings reviewed and accepted; the gate: new, known, stale, exit.
//! - [`report`]: figures and findings rendered as table, JSON Lines, JSON, CSV and more.
//! - [`cli`]: arguments, subcommands and exit codes; the only module that prints.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod atomic;
pub mod baseline;
pub mod claims;
pub mod cli;
pub mod config;
pub mod diag;
pub mod discover;
pub mod error;
pub mod extract;
pub mod figures;
pub mod input;
pub mod keying;
pub mod parallel;
pub mod pipeline;
pub mod reconcile;
pub mod report;
pub mod review;
pub mod source;
pub mod split;
pub mod value;
