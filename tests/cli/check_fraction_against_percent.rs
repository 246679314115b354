//! A fraction and a percentage of one quantity are compared as shares: "about a fifth"
//! and "19%" agree, "a half" and "19%" do not; both are percentages once read, so the
//! diagnosis is not `percent_vs_count`.

use crate::support::Scratch;

const CLAIMS: &str = "[[quantity]]\nid = \"villages_flooded_share\"\ndescription = \"Share of the villages flooded\"\nunit = \"percent\"\n\n[[quantity.rule]]\nsentence = \"villages were flooded\"\n";

fn verdicts(scenario: &str, fraction: &str) -> Vec<(String, String)> {
    let scratch = Scratch::new(scenario);
    scratch.write("docs/a.txt", "In all, 19% of the villages were flooded.\n");
    scratch.write(
        "docs/b.txt",
        format!("The report says {fraction} of the villages were flooded.\n"),
    );
    scratch.write("claims/villages.toml", CLAIMS);
    scratch
        .run(&["check", "docs", "--claims", "claims", "--format", "json"])
        .findings()
        .iter()
        .map(|f| {
            (
                f["verdict"].as_str().unwrap_or_default().to_string(),
                f["diagnosis"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[test]
fn about_a_fifth_agrees_with_19_per_cent() {
    let found = verdicts("fraction-percent-agree", "about a fifth");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        matches!(
            found[0].0.as_str(),
            "within_rounding" | "within_approximation"
        ),
        "{found:?}"
    );
}

#[test]
fn a_half_contradicts_19_per_cent() {
    let found = verdicts("fraction-percent-differ", "a half");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "contradiction", "{found:?}");
    assert_ne!(found[0].1, "percent_vs_count", "{found:?}");
}
