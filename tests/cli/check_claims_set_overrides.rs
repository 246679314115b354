//! A rule or pin may set what the extractor guessed of the figures it keys: `set =
//! { period, qualifier, attributed_to }`. An exact "11,200" the researcher knows to be
//! approximate agrees with 11,500 once the rule says "about"; a pin gives its figure a
//! period and who asserts it; an unknown qualifier is an error at its place.

use crate::support::Scratch;
use serde_json::Value;

fn run(scenario: &str, rule_set: &str, pin: &str) -> (crate::support::Run, Value) {
    let scratch = Scratch::new(scenario);
    scratch.write("docs/a.txt", "In 1937 the camp held 11,200 prisoners.\n");
    scratch.write(
        "docs/b.txt",
        "Registers show the camp held 11,500 prisoners.\n",
    );
    scratch.write(
        "claims/camp.toml",
        format!(
            "[[quantity]]\nid = \"camp_prisoners\"\ndescription = \"Prisoners\"\nunit = \"people\"\n\n\
             [[quantity.rule]]\npattern = \"{{figure}} prisoners\"\ndocument = \"docs/a.txt\"\n{rule_set}\n\n\
             [[quantity.rule]]\npattern = \"held {{figure}}\"\ndocument = \"docs/b.txt\"\n\n{pin}"
        ),
    );
    let run = scratch.run(&["check", "docs", "--claims", "claims", "--format", "json"]);
    let report = serde_json::from_str(&run.stdout()).unwrap_or(Value::Null);
    (run, report)
}

fn verdicts(report: &Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .unwrap_or_else(|| panic!("{report}"))
        .iter()
        .map(|f| f["verdict"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn without_a_set_the_exact_figures_contradict() {
    let (run, report) = run("set-none", "", "");
    run.assert_code(1);
    assert_eq!(verdicts(&report), ["contradiction"]);
}

#[test]
fn a_rule_that_sets_about_makes_them_agree_within_approximation() {
    let (run, report) = run("set-qualifier", "set = { qualifier = \"about\" }", "");
    run.assert_code(0);
    assert_eq!(verdicts(&report), ["within_approximation"]);
    let claims = report["findings"][0]["claims"].as_array().unwrap();
    assert!(
        claims.iter().any(|c| c["shown"] == "about 11,200"),
        "{claims:?}"
    );
}

#[test]
fn a_pin_sets_the_period_and_who_asserts_the_figure() {
    let pin = "[[pin]]\nquantity = \"camp_prisoners\"\ndocument = \"docs/b.txt\"\nexact = \"11,500\"\nsuffix = \"prisoners\"\n\
               set = { period = \"1938\", attributed_to = \"the camp registers\" }\n";
    let (run, report) = run("set-pin", "", pin);
    run.assert_code(0);
    assert_eq!(verdicts(&report), ["scope_mismatch"]);
    let claims = report["findings"][0]["claims"].as_array().unwrap();
    let pinned = claims
        .iter()
        .find(|c| c["text"] == "11,500")
        .expect("the pinned figure");
    assert_eq!(pinned["period"], "1938");
    assert_eq!(pinned["attributed_to"], "the camp registers");
}

#[test]
fn an_unknown_qualifier_is_an_error_at_its_place() {
    let (run, _) = run("set-bad", "set = { qualifier = \"roughly\" }", "");
    run.assert_code(2);
    let line = run.stderr_line("unknown qualifier `roughly`");
    assert!(line.starts_with("claims/camp.toml:9:"), "{line}");
}
