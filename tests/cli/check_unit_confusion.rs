//! A quantity's measures are compared in one unit: 3,100 km² and 1,197 square miles
//! agree (within rounding), and the same number in two units of one dimension, 3,100
//! km² against 3,100 square miles, is a contradiction diagnosed `unit_confusion`, each
//! figure shown with its unit.

use crate::support::Scratch;

const CLAIMS: &str = "[[quantity]]\nid = \"lake_area\"\ndescription = \"Area of the lake\"\nunit = \"km²\"\n\n[[quantity.rule]]\npattern = \"covers {figure}\"\n";

fn findings(scenario: &str, documents: &[&str]) -> Vec<(String, String, String)> {
    let scratch = Scratch::new(scenario);
    for (n, text) in documents.iter().enumerate() {
        scratch.write(&format!("docs/{n}.txt"), format!("{text}\n"));
    }
    scratch.write("claims/lake.toml", CLAIMS);
    scratch
        .run(&["check", "docs", "--claims", "claims", "--format", "json"])
        .findings()
        .iter()
        .map(|f| {
            (
                f["verdict"].as_str().unwrap_or_default().to_string(),
                f["diagnosis"].as_str().unwrap_or_default().to_string(),
                f["reason"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[test]
fn one_area_in_two_units_agrees() {
    let found = findings(
        "units-agree",
        &[
            "The survey says the lake covers 3,100 km² of the valley.",
            "The atlas says the lake covers 1,197 square miles of the valley.",
        ],
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "within_rounding", "{found:?}");
}

#[test]
fn the_same_number_in_two_units_is_a_unit_confusion() {
    let found = findings(
        "units-confused",
        &[
            "The survey says the lake covers 3,100 km² of the valley.",
            "The atlas says the lake covers 3,100 square miles of the valley.",
        ],
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "contradiction");
    assert_eq!(found[0].1, "unit_confusion");
    assert!(
        found[0].2.contains("3,100 square km") && found[0].2.contains("3,100 square miles"),
        "{}",
        found[0].2
    );
}
