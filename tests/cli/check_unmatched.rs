//! `crosscheck check --unmatched`: the figures no quantity claims, grouped by the
//! noun they count, most first, each with its place; keyed figures are absent. It
//! is a listing, not a verdict: exit 0.

use crate::support::claims_fixture::PRISONERS_1937;
use crate::support::Scratch;
use serde_json::Value;

fn project() -> Scratch {
    let scratch = Scratch::new("check-unmatched");
    scratch.write(
        "docs/a.txt",
        "In 1937 the camp held 4,512 prisoners and 310 guards.\nA further 120 guards arrived in 1938, with 40 dogs.\n",
    );
    scratch.write("docs/b.txt", "The camp had 2,000 prisoners in 1935.\n");
    scratch.write("claims/camp.toml", PRISONERS_1937);
    scratch
}

#[test]
fn table_groups_unkeyed_figures_by_counted_noun() {
    let scratch = project();
    let run = scratch.run(&["check", "docs", "--claims", "claims", "--unmatched"]);
    run.assert_code(0);
    let out = run.stdout();
    assert!(out.contains("4 figures are not keyed"), "{out}");
    let guards = out.find("guards (2)").expect("a guards group");
    let dogs = out.find("dogs (1)").expect("a dogs group");
    let prisoners = out.find("prisoners (1)").expect("a prisoners group");
    assert!(guards < dogs && guards < prisoners, "{out}");
    assert!(out.contains("docs/a.txt:1:43  310"), "{out}");
    assert!(out.contains("docs/a.txt:2:11  120"), "{out}");
    assert!(out.contains("docs/a.txt:2:44  40"), "{out}");
    assert!(out.contains("docs/b.txt:1:14  2,000"), "{out}");
    // The keyed figure is not listed, and there is no verdict report.
    assert!(!out.contains("4,512"), "{out}");
    assert!(!out.contains("contradiction"), "{out}");
}

#[test]
fn json_groups_unkeyed_figures_by_counted_noun() {
    let scratch = project();
    let run = scratch.run(&[
        "check",
        "docs",
        "--claims",
        "claims",
        "--unmatched",
        "--format",
        "json",
    ]);
    run.assert_code(0);
    let report: Value = serde_json::from_str(&run.stdout()).expect("one JSON document");
    let groups = report["unmatched"].as_array().expect("unmatched");
    let summary: Vec<(String, u64, Vec<String>)> = groups
        .iter()
        .map(|g| {
            (
                g["unit"].as_str().unwrap_or_default().to_string(),
                g["count"].as_u64().unwrap_or_default(),
                g["figures"]
                    .as_array()
                    .expect("figures")
                    .iter()
                    .map(|f| f["text"].as_str().unwrap_or_default().to_string())
                    .collect(),
            )
        })
        .collect();
    let group = |unit: &str| {
        summary
            .iter()
            .find(|(u, _, _)| u == unit)
            .unwrap_or_else(|| panic!("no {unit} group: {summary:?}"))
            .clone()
    };
    assert_eq!(summary.len(), 3, "{summary:?}");
    assert_eq!(summary[0].0, "guards", "largest group first: {summary:?}");
    assert_eq!(group("guards").1, 2);
    assert_eq!(group("guards").2, ["310", "120"]);
    assert_eq!(group("dogs").2, ["40"]);
    // The prisoners of b.txt are not keyed (the rule says "held"), those of a.txt are.
    assert_eq!(group("prisoners").2, ["2,000"]);
    let second = &groups[0]["figures"][1];
    assert_eq!(second["document"], "docs/a.txt");
    assert_eq!(second["line"], 2);
    assert_eq!(second["column"], 11);
    assert_eq!(
        second["sentence"],
        "A further 120 guards arrived in 1938, with 40 dogs."
    );
}

#[test]
fn unmatched_does_not_fail_on_contradictions() {
    let scratch = project();
    scratch.write(
        "docs/c.txt",
        "Registers show that in 1937 the camp held 4,152 prisoners.\n",
    );
    scratch
        .run(&["check", "docs", "--claims", "claims"])
        .assert_code(1);
    scratch
        .run(&["check", "docs", "--claims", "claims", "--unmatched"])
        .assert_code(0);
}
