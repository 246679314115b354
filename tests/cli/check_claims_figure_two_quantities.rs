//! A figure the rules of two quantities match goes to the first, as before, but is now
//! reported (a warning at the figure naming both) instead of silently; a quantity that
//! says `shared = true` takes such a figure as well, with no warning.

use crate::support::Scratch;
use serde_json::Value;

fn run(scenario: &str, shared: bool) -> (crate::support::Run, Value) {
    let scratch = Scratch::new(scenario);
    scratch.write("docs/a.txt", "In 1937 the camp held 11,200 prisoners.\n");
    scratch.write(
        "docs/b.txt",
        "Registers show that in 1937 the camp held 11,200 prisoners.\n",
    );
    let share = if shared { "shared = true\n" } else { "" };
    scratch.write(
        "claims/camp.toml",
        format!(
            "[[quantity]]\nid = \"camp_prisoners\"\ndescription = \"Prisoners\"\nunit = \"people\"\n\n\
             [[quantity.rule]]\npattern = \"{{figure}} prisoners\"\n\n\
             [[quantity]]\nid = \"camp_population_1937\"\ndescription = \"People in the camp in 1937\"\nunit = \"people\"\n{share}\n\
             [[quantity.rule]]\npattern = \"camp held {{figure}}\"\n"
        ),
    );
    let run = scratch.run(&["check", "docs", "--claims", "claims", "--format", "json"]);
    let report = serde_json::from_str(&run.stdout()).expect("one JSON document");
    (run, report)
}

/// The quantities with findings in the report.
fn quantities(report: &Value) -> Vec<String> {
    let mut all: Vec<String> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["quantity"].as_str().expect("quantity").to_string())
        .collect();
    all.dedup();
    all
}

#[test]
fn a_figure_two_quantities_match_is_a_warning_naming_both() {
    let (run, report) = run("figure-two-quantities", false);
    run.assert_code(0);
    let line = run.stderr_line("warning[overlap]");
    assert!(line.starts_with("docs/a.txt:1:23:"), "{line}");
    assert!(
        line.contains(
            "keyed to `camp_prisoners` and also matches a rule of `camp_population_1937`"
        ),
        "{line}"
    );
    assert_eq!(run.stderr().matches("warning[overlap]").count(), 2);
    // Kept by the first quantity only.
    assert_eq!(quantities(&report), ["camp_prisoners"]);
    assert_eq!(report["summary"]["claims"], 2);
}

#[test]
fn a_shared_quantity_takes_the_figure_too_with_no_warning() {
    let (run, report) = run("figure-two-quantities-shared", true);
    run.assert_code(0);
    assert!(!run.stderr().contains("overlap"), "{}", run.stderr());
    assert_eq!(
        quantities(&report),
        ["camp_prisoners", "camp_population_1937"]
    );
    assert_eq!(report["summary"]["claims"], 4);
}
