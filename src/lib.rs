//! crosscheck: cross-checks numeric claims across sources.
//!
//! The pipeline, one module per stage:
//!
//! ```text
//! documents ──extract──▶ figures ─┐
//!                                  ├─ key (catalog rules, pins) ─▶ claims ─▶ reconcile ─▶ findings ─▶ report
//! claims/*.toml ──load/validate───┘
//! ```
//!
//! - [`source`]: a document and its byte-offset → line:column map.
//! - [`input`]: which files a set of paths names, read as text or refused with a reason.
//! - [`extract`]: text → [`extract::Figure`] records (number grammar, qualifiers, context).
//! - [`figures`]: `extract`'s JSON Lines read back, for reconciling figures extracted elsewhere.
//! - [`parallel`]: extraction on every core, documents and large texts alike, output in order.
//! - [`claims`]: claim files (TOML) → a validated [`claims::Catalog`], every problem located.
//! - [`catalog`]: keys extracted figures to the catalog's quantities (rules and pins).
//! - [`reconcile`]: stated figures as intervals; whether two claims agree, and why not;
//!   claims grouped by quantity and relations recomputed into findings.
//! - [`check`]: the pipeline run end to end: documents + catalog → claims → findings.
//! - [`baseline`]: findings reviewed and accepted; splits new from known, finds stale entries.
//! - [`config`]: `crosscheck.toml`: paths, tolerances, severities.
//! - [`atomic`]: every file crosscheck writes goes to a temporary file and is renamed into place.
//! - [`report`]: figures and findings rendered as table, JSON Lines, JSON or CSV.
//! - [`cli`]: arguments, subcommands and exit codes; the only module that prints.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod atomic;
pub mod baseline;
pub mod claims;
pub mod cli;
pub mod config;
pub mod diag;
pub mod error;
pub mod extract;
pub mod figures;
pub mod input;
pub mod keying;
pub mod parallel;
pub mod pipeline;
pub mod reconcile;
pub mod report;
pub mod source;
pub mod split;
pub mod value;
