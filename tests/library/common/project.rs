//! Runs the check pipeline on a project folder through the library, as the CLI does.

use crosscheck::claims::Catalog;
use crosscheck::config::Config;
use crosscheck::pipeline::{self, Inputs};
use crosscheck::reconcile::{Finding, Outcome, Verdict};
use std::path::Path;

/// Loads `claims` and checks the documents under `corpus` through the pipeline the
/// CLI runs. Document names are the paths relative to `root`, as a run from `root`
/// would see them.
pub fn check(root: &Path, corpus: &str, claims_dir: &str) -> (Catalog, Outcome) {
    let config = Config {
        corpus: vec![root.join(corpus)],
        claims: vec![root.join(claims_dir)],
        ..Config::default()
    };
    let inputs = Inputs {
        names_relative_to: Some(root.to_path_buf()),
        ..Inputs::default()
    };
    let run = pipeline::run(&config, &inputs, &mut |problem| {
        panic!("an input could not be read: {problem}")
    })
    .unwrap_or_else(|failure| panic!("{} do not load: {:#?}", failure.what, failure.problems));
    (run.catalog, run.outcome)
}

/// The findings about `quantity` (by id) whose claims include figures with these texts.
pub fn findings_between<'a>(
    catalog: &Catalog,
    outcome: &'a Outcome,
    quantity: &str,
    texts: &[&str],
) -> Vec<&'a Finding> {
    let q = catalog
        .quantity(quantity)
        .unwrap_or_else(|| panic!("no quantity {quantity}"));
    outcome
        .findings
        .iter()
        .filter(|f| f.quantity == q && f.relation().is_none())
        .filter(|f| {
            texts.iter().all(|t| {
                f.claims()
                    .iter()
                    .any(|&c| outcome.claims[c].value.text == *t)
            })
        })
        .collect()
}

/// The findings of a relation, by id.
pub fn relation_findings<'a>(
    catalog: &Catalog,
    outcome: &'a Outcome,
    relation: &str,
) -> Vec<&'a Finding> {
    let r = catalog
        .relations
        .iter()
        .position(|r| r.id == relation)
        .unwrap_or_else(|| panic!("no relation {relation}"));
    outcome
        .findings
        .iter()
        .filter(|f| f.relation() == Some(r))
        .collect()
}

pub fn verdicts(findings: &[&Finding]) -> Vec<Verdict> {
    findings.iter().map(|f| f.verdict).collect()
}
