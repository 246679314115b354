//! A quantity may be a `share_of` another: a share is at most 100% on its own, and the
//! `disjoint` shares of one whole at most 100% together, across sources (a share nobody
//! states counts as 0). Past it, an `arithmetic_mismatch` diagnosed
//! `shares_exceed_whole`; a `share_of` naming no quantity, a quantity a share or a part
//! of itself, or `disjoint` without `share_of` is an error at its place.

use crate::support::{Run, Scratch};
use serde_json::Value;

fn catalog(peasants: &str, workers: &str) -> String {
    format!(
        "[[quantity]]\nid = \"arrested\"\ndescription = \"People arrested\"\nunit = \"people\"\n\n\
[[quantity]]\nid = \"peasants_share\"\ndescription = \"Peasants among the arrested\"\nunit = \"percent\"\n{peasants}\n\
[[quantity.rule]]\npattern = \"{{figure}} were peasants\"\n\n\
[[quantity]]\nid = \"workers_share\"\ndescription = \"Workers among the arrested\"\nunit = \"percent\"\n{workers}\n\
[[quantity.rule]]\npattern = \"{{figure}} were workers\"\n"
    )
}

fn check_docs(scenario: &str, documents: &[(&str, &str)], claims: &str) -> (Run, Value) {
    let scratch = Scratch::new(scenario);
    for (name, text) in documents {
        scratch.write(&format!("docs/{name}"), format!("{text}\n"));
    }
    scratch.write("claims/arrests.toml", claims);
    let run = scratch.run(&["check", "docs", "--claims", "claims", "--format", "json"]);
    let report = serde_json::from_str(&run.stdout()).unwrap_or(Value::Null);
    (run, report)
}

fn shares_findings(report: &Value) -> Vec<(String, String, String)> {
    report["findings"]
        .as_array()
        .unwrap_or_else(|| panic!("{report}"))
        .iter()
        .filter(|f| f["relation"].as_str().is_some_and(|r| r.contains("share")))
        .map(|f| {
            (
                f["verdict"].as_str().unwrap().to_string(),
                f["diagnosis"].as_str().unwrap_or("").to_string(),
                f["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

const DISJOINT: &str = "share_of = \"arrested\"\ndisjoint = true";

#[test]
fn disjoint_shares_of_two_sources_past_100_per_cent_are_found() {
    let (run, report) = check_docs(
        "shares-past-whole",
        &[
            ("a.txt", "Of the arrested, 62.5% were peasants."),
            ("b.txt", "Of the arrested, 48.2% were workers."),
        ],
        &catalog(DISJOINT, DISJOINT),
    );
    run.assert_code(1);
    let found = shares_findings(&report);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "arithmetic_mismatch");
    assert_eq!(found[0].1, "shares_exceed_whole");
    assert!(
        found[0]
            .2
            .starts_with("62.5% (docs/a.txt) + 48.2% (docs/b.txt) <= 100% does not hold"),
        "{}",
        found[0].2
    );
}

#[test]
fn disjoint_shares_within_the_whole_hold() {
    let (run, report) = check_docs(
        "shares-within-whole",
        &[
            ("a.txt", "Of the arrested, 30% were peasants."),
            ("b.txt", "Of the arrested, 50% were workers."),
        ],
        &catalog(DISJOINT, DISJOINT),
    );
    run.assert_code(0);
    let found = shares_findings(&report);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "within_rounding", "{found:?}");
}

#[test]
fn shares_that_may_overlap_are_not_summed_but_each_is_at_most_the_whole() {
    let share = "share_of = \"arrested\"";
    let (run, report) = check_docs(
        "shares-overlapping",
        &[
            ("a.txt", "Of the arrested, 60% were peasants."),
            ("b.txt", "Of the arrested, 45% were workers."),
        ],
        &catalog(share, share),
    );
    run.assert_code(0);
    assert!(shares_findings(&report)
        .iter()
        .all(|(verdict, ..)| verdict == "within_rounding"));

    let (run, report) = check_docs(
        "share-over-whole",
        &[("a.txt", "Of the arrested, 120% were peasants.")],
        &catalog(share, share),
    );
    run.assert_code(1);
    let found = shares_findings(&report);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "shares_exceed_whole", "{found:?}");
}

#[test]
fn a_share_nobody_states_counts_as_nothing() {
    let (run, report) = check_docs(
        "share-unstated",
        &[("a.txt", "Of the arrested, 130% were peasants.")],
        &catalog(DISJOINT, DISJOINT),
    );
    run.assert_code(1);
    let found = shares_findings(&report);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0]
            .2
            .starts_with("130% (docs/a.txt) + 0 (workers_share not stated) <= 100%"),
        "{}",
        found[0].2
    );
}

#[test]
fn share_of_an_unknown_quantity_is_an_error_at_its_place() {
    let (run, _) = check_docs(
        "share-of-unknown",
        &[("a.txt", "Of the arrested, 30% were peasants.")],
        &catalog("share_of = \"detained\"", ""),
    );
    run.assert_code(2);
    let line = run.stderr_line("unknown quantity id `detained`");
    assert!(line.starts_with("claims/arrests.toml:10:12:"), "{line}");
}

#[test]
fn disjoint_without_share_of_is_an_error_at_its_place() {
    let (run, _) = check_docs(
        "disjoint-alone",
        &[("a.txt", "Of the arrested, 30% were peasants.")],
        &catalog("disjoint = true", ""),
    );
    run.assert_code(2);
    let line = run.stderr_line("`disjoint` is said of a share");
    assert!(line.starts_with("claims/arrests.toml:10:12:"), "{line}");
}

#[test]
fn a_quantity_cannot_be_a_share_or_a_part_of_itself() {
    let (run, _) = check_docs(
        "share-of-itself",
        &[("a.txt", "Of the arrested, 30% were peasants.")],
        &catalog(
            "share_of = \"peasants_share\"",
            "part_of = [\"workers_share\"]",
        ),
    );
    run.assert_code(2);
    run.stderr_line("`peasants_share` cannot be a share of itself");
    run.stderr_line("`workers_share` cannot be a part of itself");
}
