//! The project's own catalog of its seeds (claims/): the contradictions a researcher
//! must be shown, and the agreement they must not be bothered with.

use crate::common::project::{check, findings_between};
use crosscheck::reconcile::{Diagnosis, Verdict};
use std::path::Path;

fn seeds() -> (crosscheck::claims::Catalog, crosscheck::reconcile::Outcome) {
    check(Path::new(env!("CARGO_MANIFEST_DIR")), "seeds", "claims")
}

#[test]
fn convictions_since_1921_smaller_than_1930_1953() {
    let (catalog, outcome) = seeds();
    let found = findings_between(
        &catalog,
        &outcome,
        "convicted_counterrevolutionary",
        &["3,777,380", "3,778,234"],
    );
    assert!(!found.is_empty());
    assert!(found
        .iter()
        .all(|f| f.verdict == Verdict::Contradiction
            && f.diagnosis == Some(Diagnosis::SupersetSmaller)));
}

#[test]
fn party_members_over_a_million_against_116885() {
    let (catalog, outcome) = seeds();
    let found = findings_between(
        &catalog,
        &outcome,
        "party_members_repressed_1937_1938",
        &["1.3 million", "116,885"],
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].verdict, Verdict::Contradiction);
}

#[test]
fn congress_delegates_agree() {
    let (catalog, outcome) = seeds();
    let q = catalog.quantity("delegates_20th_congress").unwrap();
    let texts: Vec<&str> = outcome
        .claims
        .iter()
        .filter(|c| c.quantity == q)
        .map(|c| c.value.text.as_str())
        .collect();
    for expected in ["1,436", "one and a half thousand", "1400"] {
        assert!(texts.contains(&expected), "{expected} not keyed: {texts:?}");
    }
    let loud: Vec<_> = outcome
        .findings
        .iter()
        .filter(|f| f.quantity == q)
        .filter(|f| {
            !matches!(
                f.verdict,
                Verdict::Agreement | Verdict::WithinRounding | Verdict::WithinApproximation
            )
        })
        .collect();
    assert!(loud.is_empty(), "{loud:#?}");
}

#[test]
fn stated_shares_of_party_members_compute() {
    let (catalog, outcome) = seeds();
    let found =
        crate::common::project::relation_findings(&catalog, &outcome, "party_share_of_arrests");
    assert_eq!(
        crate::common::project::verdicts(&found),
        vec![Verdict::WithinRounding]
    );
}
