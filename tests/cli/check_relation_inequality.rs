//! Relations may be inequalities (`<=`, `<`, `>=`, `>`), and a quantity may declare
//! `part_of`: each claim of the part is checked against each claim of the whole, across
//! sources, and one that exceeds it is an `arithmetic_mismatch` diagnosed
//! `part_exceeds_whole`. A `part_of` naming no quantity is an error at its place.

use crate::support::{Run, Scratch};
use serde_json::Value;

const QUANTITIES: &str = "[[quantity]]\nid = \"executed_1937_1938\"\ndescription = \"Executed in 1937-38\"\nunit = \"people\"\n{part_of}\n\
[[quantity.rule]]\npattern = \"{figure} executed in 1937-38\"\n\n\
[[quantity]]\nid = \"executed_1921_1953\"\ndescription = \"Executed in 1921-1953\"\nunit = \"people\"\n\n\
[[quantity.rule]]\npattern = \"{figure} executed in 1921-1953\"\n";

fn run(scenario: &str, part_of: &str, relation: &str) -> (Run, Value) {
    let scratch = Scratch::new(scenario);
    scratch.write("docs/a.txt", "A textbook: 2,000,000 executed in 1937-38.\n");
    scratch.write("docs/b.txt", "An archive: 681,692 executed in 1937-38.\n");
    scratch.write(
        "docs/c.txt",
        "A historian: 800,000 executed in 1921-1953.\n",
    );
    scratch.write(
        "claims/executions.toml",
        format!("{}\n{relation}", QUANTITIES.replace("{part_of}", part_of)),
    );
    let run = scratch.run(&["check", "docs", "--claims", "claims", "--format", "json"]);
    let report = serde_json::from_str(&run.stdout()).unwrap_or(Value::Null);
    (run, report)
}

fn arithmetic(report: &Value) -> Vec<(String, String, String)> {
    report["findings"]
        .as_array()
        .unwrap_or_else(|| panic!("{report}"))
        .iter()
        .filter(|f| !f["relation"].is_null())
        .map(|f| {
            (
                f["verdict"].as_str().unwrap().to_string(),
                f["diagnosis"].as_str().unwrap_or("").to_string(),
                f["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_part_larger_than_its_whole_is_found_and_a_part_within_it_is_not() {
    let (run, report) = run("part-of", "part_of = [\"executed_1921_1953\"]", "");
    run.assert_code(1);
    let found = arithmetic(&report);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "arithmetic_mismatch");
    assert_eq!(found[0].1, "part_exceeds_whole");
    assert!(
        found[0]
            .2
            .starts_with("2,000,000 (docs/a.txt) <= 800,000 (docs/c.txt) does not hold"),
        "{}",
        found[0].2
    );
}

#[test]
fn an_inequality_that_holds_is_quiet() {
    let (run, report) = run(
        "inequality-holds",
        "",
        "[[relation]]\nid = \"r\"\nexpr = \"executed_1921_1953 >= 100000\"\n",
    );
    // The two figures for 1937-38 contradict each other; the relation holds.
    run.assert_code(1);
    let found = arithmetic(&report);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "within_rounding", "{found:?}");
}

#[test]
fn an_inequality_that_fails_is_a_part_exceeding_its_whole() {
    let (run, report) = run(
        "inequality-fails",
        "",
        "[[relation]]\nid = \"r\"\nexpr = \"executed_1921_1953 < 500000\"\n",
    );
    run.assert_code(1);
    let found = arithmetic(&report);
    assert_eq!(found[0].1, "part_exceeds_whole", "{found:?}");
    assert!(
        found[0].2.starts_with("800,000 < 500000 does not hold"),
        "{}",
        found[0].2
    );
}

#[test]
fn part_of_an_unknown_quantity_is_an_error_at_its_place() {
    let (run, _) = run("part-of-unknown", "part_of = [\"executed_ever\"]", "");
    run.assert_code(2);
    let line = run.stderr_line("unknown quantity id `executed_ever`");
    assert!(line.starts_with("claims/executions.toml:5:"), "{line}");
}
