//! Runs the check pipeline on a project folder through the library, as the CLI does.

use crosscheck::check::{Checker, Options, Outcome};
use crosscheck::claims::{self, Catalog};
use crosscheck::input::{Documents, Item, Origin};
use crosscheck::reconcile::{Finding, Verdict};
use std::path::Path;

/// Loads `claims` and checks the documents under `corpus`. Document names are the paths
/// relative to `root`, as a run from `root` would see them.
pub fn check(root: &Path, corpus: &str, claims_dir: &str) -> (Catalog, Outcome) {
    let catalog = claims::load(&[root.join(claims_dir)]).unwrap_or_else(|problems| {
        panic!("claim files do not load: {problems:#?}");
    });
    let outcome = {
        let mut checker = Checker::new(&catalog, Options::default());
        for item in Documents::new(vec![Origin::Path(root.join(corpus))]) {
            if let Item::Document(mut document) = item {
                let relative = Path::new(&document.name)
                    .strip_prefix(root)
                    .map(|p| p.display().to_string())
                    .unwrap_or(document.name.clone());
                document.name = relative;
                checker.add_document(&document);
            }
        }
        checker
            .finish()
            .unwrap_or_else(|problems| panic!("pins failed: {problems:#?}"))
    };
    (catalog, outcome)
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
            texts
                .iter()
                .all(|t| f.claims().iter().any(|&c| outcome.claims[c].text == *t))
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
