//! A relation takes one source's figures at a time (regression: an encyclopedia's own
//! total, 450,000 ≠ 210,000 + 190,000, was reported as holding through a news site's
//! 260,000 for the first part). `across = "sources"` combines sources, `quantity@source`
//! names one source's claims, and a relation no one source can check says so.

use crate::support::{Run, Scratch};
use serde_json::Value;

const SOURCES: &str = r#"
[[source]]
id = "encyclopedia"
title = "Encyclopedia of Deportations"
outlet = "Encyclopedia"
kind = "encyclopedia"
document = "docs/encyclopedia.txt"

[[source]]
id = "news"
title = "Deportations remembered"
outlet = "News site"
kind = "press"
document = "docs/news.txt"
"#;

const QUANTITIES: &str = r#"
[[quantity]]
id = "deported"
description = "People deported"
unit = "people"

[[quantity.rule]]
pattern = "{figure} people were deported"

[[quantity]]
id = "deported_north"
description = "People deported from the north"
unit = "people"

[[quantity.rule]]
pattern = "{figure} (?:were deported )?from the north"

[[quantity]]
id = "deported_south"
description = "People deported from the south"
unit = "people"

[[quantity.rule]]
pattern = "{figure} from the south"

[[quantity]]
id = "trains"
description = "Trains used"
unit = "trains"

[[quantity.rule]]
pattern = "{figure} trains"
"#;

fn run(scenario: &str, relation: &str) -> (Run, Value) {
    let scratch = Scratch::new(scenario);
    scratch.write(
        "docs/encyclopedia.txt",
        "In all 450,000 people were deported: 210,000 from the north and 190,000 from the south.\n",
    );
    scratch.write(
        "docs/news.txt",
        "Officials say 260,000 were deported from the north. About 30 trains were used.\n",
    );
    scratch.write("claims/sources.toml", SOURCES);
    scratch.write(
        "claims/deportations.toml",
        format!("{QUANTITIES}\n[[relation]]\nid = \"r\"\n{relation}\n"),
    );
    let run = scratch.run(&["check", "docs", "--claims", "claims", "--format", "json"]);
    let report = serde_json::from_str(&run.stdout()).unwrap_or(Value::Null);
    (run, report)
}

/// The findings of relation `r`: (verdict, reason, sources of its claims).
fn relation_findings(report: &Value) -> Vec<(String, String, Vec<String>)> {
    report["findings"]
        .as_array()
        .unwrap_or_else(|| panic!("no findings: {report}"))
        .iter()
        .filter(|f| f["relation"] == "r")
        .map(|f| {
            let sources = f["claims"]
                .as_array()
                .expect("claims")
                .iter()
                .map(|c| c["source"].as_str().expect("source").to_string())
                .collect();
            (
                f["verdict"].as_str().expect("verdict").to_string(),
                f["reason"].as_str().expect("reason").to_string(),
                sources,
            )
        })
        .collect()
}

#[test]
fn a_sources_own_sum_that_fails_is_reported_though_another_source_would_make_it_hold() {
    let (run, report) = run(
        "relation-per-source-own-sum",
        r#"expr = "deported = deported_north + deported_south""#,
    );
    run.assert_code(1);
    let findings = relation_findings(&report);
    assert_eq!(findings.len(), 1, "{findings:?}");
    let (verdict, reason, sources) = &findings[0];
    assert_eq!(verdict, "arithmetic_mismatch");
    assert!(
        reason.starts_with("450,000 = 210,000 + 190,000 does not compute"),
        "{reason}"
    );
    assert!(
        reason.ends_with("(the figures of encyclopedia)"),
        "{reason}"
    );
    assert!(sources.iter().all(|s| s == "encyclopedia"), "{sources:?}");
}

#[test]
fn across_sources_combines_them() {
    let (_, report) = run(
        "relation-per-source-across",
        "expr = \"deported = deported_north + deported_south\"\nacross = \"sources\"",
    );
    let findings = relation_findings(&report);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].0, "within_rounding", "{findings:?}");
    assert!(findings[0].2.contains(&"news".to_string()), "{findings:?}");
}

#[test]
fn quantity_at_source_names_one_sources_claims() {
    let (_, report) = run(
        "relation-per-source-at",
        r#"expr = "deported@encyclopedia = deported_north@news + deported_south""#,
    );
    let findings = relation_findings(&report);
    assert_eq!(findings.len(), 1, "{findings:?}");
    let (verdict, reason, _) = &findings[0];
    assert_eq!(verdict, "within_rounding", "{reason}");
    assert!(
        reason.starts_with("450,000 = 260,000 + 190,000 holds"),
        "{reason}"
    );
}

#[test]
fn a_relation_no_one_source_can_check_is_a_warning_at_the_relation() {
    let (run, report) = run(
        "relation-per-source-unchecked",
        r#"expr = "deported = 15000 * trains""#,
    );
    assert!(relation_findings(&report).is_empty());
    let line = run.stderr_line("warning[unchecked]");
    assert!(line.starts_with("claims/deportations.toml:"), "{line}");
    assert!(line.contains("relation `r` checked nothing"), "{line}");
}

#[test]
fn an_across_that_is_neither_source_nor_sources_is_an_error() {
    let (run, _) = run(
        "relation-per-source-bad-across",
        "expr = \"deported = deported_north + deported_south\"\nacross = \"all\"",
    );
    run.assert_code(2);
    run.stderr_line("`across` is `\"source\"`");
}
