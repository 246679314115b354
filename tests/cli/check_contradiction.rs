//! `crosscheck check`: two figures for the same quantity and year that cannot both be
//! true. The run fails (exit 1) and the table names both figures and the verdict.

use crate::support::claims_fixture::PRISONERS_1937;
use crate::support::Scratch;
use serde_json::Value;

fn project() -> Scratch {
    let scratch = Scratch::new("check-contradiction");
    scratch.write("docs/a.txt", "In 1937 the camp held 11,200 prisoners.\n");
    scratch.write(
        "docs/b.txt",
        "Registers show that in 1937 the camp held 13,900 prisoners.\n",
    );
    scratch.write("claims/camp.toml", PRISONERS_1937);
    scratch
}

#[test]
fn table_names_both_figures_and_the_contradiction() {
    let scratch = project();
    let run = scratch.run(&["check", "docs", "--claims", "claims"]);
    run.assert_code(1);
    let stdout = run.stdout();
    assert!(
        stdout.contains("camp_prisoners_1937: Prisoners held in the camp in 1937"),
        "{stdout}"
    );
    assert!(stdout.contains("11,200"), "{stdout}");
    assert!(stdout.contains("13,900"), "{stdout}");
    assert!(stdout.contains("contradiction"), "{stdout}");
    // Where each figure is.
    assert!(stdout.contains("a.txt:1:23"), "{stdout}");
    assert!(stdout.contains("b.txt:1:43"), "{stdout}");
    // The line that says why, and the summary.
    let why = stdout
        .lines()
        .find(|l| l.contains("contradiction") && l.contains("do not overlap"))
        .unwrap_or_else(|| panic!("no reason line:\n{stdout}"));
    assert!(why.contains("11,200") && why.contains("13,900"), "{why}");
    assert!(stdout.contains("1 contradiction,"), "{stdout}");
    assert!(stdout.contains("(1 new error)"), "{stdout}");
}

#[test]
fn json_has_one_new_error() {
    let scratch = project();
    let run = scratch.run(&["check", "docs", "--claims", "claims", "--format", "json"]);
    run.assert_code(1);
    let report: Value = serde_json::from_str(&run.stdout()).expect("one JSON document");
    let findings = report["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1, "{}", run.stdout());
    let finding = &findings[0];
    assert_eq!(finding["verdict"], "contradiction");
    assert_eq!(finding["severity"], "error");
    assert_eq!(finding["new"], true);
    assert_eq!(finding["diagnosis"], Value::Null, "{finding}");
    let mut texts: Vec<&str> = finding["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .map(|c| c["text"].as_str().unwrap_or_default())
        .collect();
    texts.sort_unstable();
    assert_eq!(texts, ["11,200", "13,900"]);
    assert_eq!(report["summary"]["new_errors"], 1);
}
