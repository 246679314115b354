//! A quantity's temperatures are compared in one scale: 50 °F and 10 °C agree, 50 °F
//! against 30 °C does not (°F has its zero elsewhere: a factor alone would not do).

use crate::support::Scratch;

const CLAIMS: &str = "[[quantity]]\nid = \"noon_temperature\"\ndescription = \"Temperature at noon\"\nunit = \"°C\"\n\n[[quantity.rule]]\npattern = \"read {figure} at noon\"\n";

fn verdicts(scratch: &Scratch, documents: &[&str]) -> Vec<String> {
    for (n, text) in documents.iter().enumerate() {
        scratch.write(&format!("docs/{n}.txt"), format!("{text}\n"));
    }
    scratch.write("claims/noon.toml", CLAIMS);
    scratch
        .run(&["check", "docs", "--claims", "claims", "--format", "json"])
        .findings()
        .iter()
        .map(|f| f["verdict"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn fahrenheit_and_celsius_are_read_in_one_scale() {
    let agreeing = verdicts(
        &Scratch::new("temperatures-agree"),
        &[
            "The thermometer read 10 °C at noon.",
            "The thermometer read 50 °F at noon.",
        ],
    );
    assert_eq!(agreeing, ["agreement"], "{agreeing:?}");
    let differing = verdicts(
        &Scratch::new("temperatures-differ"),
        &[
            "The thermometer read 30 °C at noon.",
            "The thermometer read 50 °F at noon.",
        ],
    );
    assert_eq!(differing, ["contradiction"], "{differing:?}");
}
