//! `crosscheck check` with 100,000 quantities of one rule each (an 11 MB claim file):
//! the probe took 34 s and 2 GB, running every rule on every figure and compiling every
//! rule. The figures are keyed to the right quantities among them: the last rule of
//! the file finds its figure, and a rule written in capitals finds its own.

use crate::support::Scratch;

const QUANTITIES: usize = 100_000;

#[test]
#[ignore = "stress: run by .ci/run's stress step"]
fn a_hundred_thousand_rules_key_their_figures() {
    let scratch = Scratch::new("claims-100k-rules");
    let mut theme = String::with_capacity(QUANTITIES * 120);
    for q in 0..QUANTITIES {
        theme.push_str(&format!(
            "[[quantity]]\nid = \"q{q:06}\"\ndescription = \"Quantity {q}\"\nunit = \"people\"\n\n\
             [[quantity.rule]]\npattern = \"{{figure}} prisoners of camp {q}\\\\b\"\n\n"
        ));
    }
    theme.push_str(
        "[[quantity]]\nid = \"shouted\"\ndescription = \"q\"\nunit = \"people\"\n\n\
         [[quantity.rule]]\npattern = \"{figure} DELEGATES CAME\"\n",
    );
    scratch.write("claims/theme.toml", theme);
    scratch.write(
        "docs/a.txt",
        format!(
            "In 1937 it held 11,200 prisoners of camp {}. Then 1,436 delegates came.\n",
            QUANTITIES - 1
        ),
    );
    scratch.write(
        "docs/b.txt",
        format!(
            "Registers give 13,900 prisoners of camp {}.\n",
            QUANTITIES - 1
        ),
    );
    let run = scratch.run(&["check", "docs", "--claims", "claims", "--format", "json"]);
    run.assert_code(1);
    let report: serde_json::Value = serde_json::from_str(&run.stdout()).expect("JSON");
    let quantities: Vec<&str> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["quantity"].as_str().expect("quantity"))
        .collect();
    assert_eq!(quantities, [format!("q{:06}", QUANTITIES - 1)], "{report}");
    assert_eq!(report["summary"]["claims"], 3, "{report}");
}
