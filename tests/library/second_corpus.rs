//! The engine on a second corpus written for the tests (an invented flood), with its
//! own claim files: each expected finding of tests/fixtures/second_corpus/EXPECTED.md.

use crate::common::project::{check, findings_between, relation_findings, verdicts};
use crosscheck::reconcile::{Diagnosis, Verdict};
use std::path::Path;

fn corpus() -> (crosscheck::claims::Catalog, crosscheck::reconcile::Outcome) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/second_corpus");
    check(&root, "docs", "claims")
}

#[test]
fn crest_agrees_within_rounding() {
    let (catalog, outcome) = corpus();
    let found = findings_between(&catalog, &outcome, "river_crest_2019", &["7.4", "7.38"]);
    assert!(
        verdicts(&found).contains(&Verdict::WithinRounding),
        "{found:#?}"
    );
}

#[test]
fn evacuated_agree_within_approximation() {
    let (catalog, outcome) = corpus();
    let found = findings_between(&catalog, &outcome, "evacuated_2019", &["12,000", "11,340"]);
    assert_eq!(verdicts(&found), vec![Verdict::WithinApproximation]);
}

#[test]
fn relief_in_different_years_is_a_scope_mismatch() {
    let (catalog, outcome) = corpus();
    let found = findings_between(&catalog, &outcome, "relief_households", &["2,900", "3,650"]);
    assert_eq!(verdicts(&found), vec![Verdict::ScopeMismatch]);
}

#[test]
fn longer_period_with_fewer_homes_is_superset_smaller() {
    let (catalog, outcome) = corpus();
    let found = findings_between(
        &catalog,
        &outcome,
        "homes_flooded_cumulative",
        &["9,300", "9,840"],
    );
    assert_eq!(verdicts(&found), vec![Verdict::Contradiction]);
    assert_eq!(found[0].diagnosis, Some(Diagnosis::SupersetSmaller));
}

#[test]
fn swapped_digits_are_diagnosed() {
    let (catalog, outcome) = corpus();
    let found = findings_between(
        &catalog,
        &outcome,
        "homes_flooded_2019",
        &["4,512", "4,152"],
    );
    assert_eq!(found[0].diagnosis, Some(Diagnosis::DigitsTransposed));
}

#[test]
fn injured_differ_by_an_order_of_magnitude() {
    let (catalog, outcome) = corpus();
    let found = findings_between(&catalog, &outcome, "injured_2019", &["47", "400"]);
    assert_eq!(found[0].verdict, Verdict::Contradiction);
    assert_eq!(found[0].diagnosis, Some(Diagnosis::OrderOfMagnitude));
}

#[test]
fn share_of_businesses_does_not_compute() {
    let (catalog, outcome) = corpus();
    let found = relation_findings(&catalog, &outcome, "businesses_damaged_share");
    assert_eq!(verdicts(&found), vec![Verdict::ArithmeticMismatch]);
}

#[test]
fn share_of_population_computes() {
    let (catalog, outcome) = corpus();
    let found = relation_findings(&catalog, &outcome, "evacuated_share_of_population");
    assert_eq!(verdicts(&found), vec![Verdict::WithinRounding]);
}

#[test]
fn nothing_else_is_an_error() {
    let (_, outcome) = corpus();
    let errors = outcome
        .findings
        .iter()
        .filter(|f| {
            matches!(
                f.verdict,
                Verdict::Contradiction | Verdict::ArithmeticMismatch
            )
        })
        .count();
    assert_eq!(
        errors, 4,
        "three contradictions and one arithmetic mismatch"
    );
}
