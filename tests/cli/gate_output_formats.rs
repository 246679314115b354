//! CI gate, report formats on the same findings: one contradiction accepted in the
//! baseline (the newspaper's figure against the ministry's), one new (the annual
//! report's figure against the ministry's, added after the baseline), and notes. Each
//! `--format` exits 1 and shows the new finding its own way.

use crate::support::ferry::{with_ministry, REPORT};
use crate::support::Scratch;
use serde_json::Value;

/// One known contradiction (docs/herald.txt), one new (docs/report.txt), two agreements.
fn one_known_one_new(scenario: &str) -> Scratch {
    let scratch = with_ministry(scenario);
    let traffic = "Section 2. Traffic.\nIn 2023 the ferries carried 48,200 passengers between Tarn and Hollin.\n\n";
    assert!(REPORT.contains(traffic));
    scratch.write("docs/report.txt", REPORT.replace(traffic, ""));
    scratch.run(&["baseline"]).assert_code(0);
    scratch.run(&["check", "--strict"]).assert_code(0);
    scratch.write("docs/report.txt", REPORT);
    scratch
}

fn check(scratch: &Scratch, format: &str) -> String {
    let run = scratch.run(&["check", "--format", format]);
    run.assert_code(1);
    assert_eq!(run.stderr(), "", "{format}");
    run.stdout()
}

/// (fingerprint, new, verdict) of every finding, in report order, from the JSON report.
fn fingerprints(scratch: &Scratch) -> Vec<(String, bool, String)> {
    let report: Value = serde_json::from_str(&check(scratch, "json")).expect("JSON");
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["fingerprint"].as_str().expect("fingerprint").to_string(),
                f["new"].as_bool().expect("new"),
                f["verdict"].as_str().expect("verdict").to_string(),
            )
        })
        .collect()
}

/// The fingerprint of the one new contradiction.
fn new_fingerprint(scratch: &Scratch) -> String {
    let new: Vec<String> = fingerprints(scratch)
        .into_iter()
        .filter(|(_, new, verdict)| *new && verdict == "contradiction")
        .map(|(f, _, _)| f)
        .collect();
    assert_eq!(new.len(), 1, "{new:?}");
    new[0].clone()
}

#[test]
fn table() {
    let scratch = one_known_one_new("gate-format-table");
    let stdout = check(&scratch, "table");
    let lines: Vec<&str> = stdout
        .lines()
        .filter(|l| l.contains("contradiction") && l.contains("do not overlap"))
        .collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert_eq!(
        lines.iter().filter(|l| l.contains("[new]")).count(),
        1,
        "{stdout}"
    );
    assert!(stdout.contains("report.txt:4:29"), "{stdout}");
    assert!(stdout.contains("(1 new error)"), "{stdout}");
}

#[test]
fn json() {
    let scratch = one_known_one_new("gate-format-json");
    let report: Value = serde_json::from_str(&check(&scratch, "json")).expect("JSON");
    let findings = report["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 4, "{report}");
    let contradictions: Vec<&Value> = findings
        .iter()
        .filter(|f| f["verdict"] == "contradiction")
        .collect();
    assert_eq!(contradictions.len(), 2, "{report}");
    let new: Vec<&&Value> = contradictions.iter().filter(|f| f["new"] == true).collect();
    assert_eq!(new.len(), 1, "{report}");
    let paths: Vec<&str> = new[0]["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .map(|c| c["path"].as_str().unwrap_or_default())
        .collect();
    assert!(paths.contains(&"docs/report.txt"), "{paths:?}");
    assert!(paths.contains(&"claims/ministry.toml"), "{paths:?}");
    assert_eq!(report["summary"]["new_errors"], 1);
    assert_eq!(report["summary"]["findings"], 4);
}

#[test]
fn markdown() {
    let scratch = one_known_one_new("gate-format-markdown");
    let stdout = check(&scratch, "markdown");
    assert!(
        stdout.starts_with("## crosscheck: 1 new error, 0 new warnings"),
        "{stdout}"
    );
    let new_section = stdout
        .split("### New findings")
        .nth(1)
        .expect("a New findings section");
    let new_section = new_section.split("<details>").next().unwrap_or_default();
    let rows: Vec<&str> = new_section
        .lines()
        .filter(|l| l.starts_with("| `"))
        .collect();
    assert_eq!(rows.len(), 1, "{stdout}");
    let row = rows[0];
    assert!(row.contains("`contradiction`"), "{row}");
    assert!(row.contains("`ferry_passengers_2023`"), "{row}");
    assert!(row.contains("docs/report.txt:4"), "{row}");
    assert!(row.contains("claims/ministry.toml:8"), "{row}");
    assert!(row.contains("48,200") && row.contains("61,500"), "{row}");
    assert!(new_section.contains("| verdict |"), "{stdout}");
    // The known finding is folded away, not among the new ones.
    let known = stdout
        .split("<details>")
        .nth(1)
        .expect("known findings folded");
    assert!(known.contains("docs/herald.txt:4"), "{stdout}");
    assert!(!new_section.contains("docs/herald.txt"), "{stdout}");
}

#[test]
fn csv() {
    let scratch = one_known_one_new("gate-format-csv");
    let stdout = check(&scratch, "csv");
    let rows: Vec<&str> = stdout.lines().collect();
    let header = rows[0];
    assert!(
        header.starts_with("fingerprint,quantity,verdict,diagnosis,severity,new,reason"),
        "{header}"
    );
    let prints = fingerprints(&scratch);
    assert_eq!(rows.len(), 1 + prints.len(), "{stdout}");
    for (fingerprint, new, verdict) in &prints {
        let row = rows
            .iter()
            .find(|r| r.starts_with(fingerprint.as_str()))
            .unwrap_or_else(|| panic!("no row for {fingerprint}:\n{stdout}"));
        assert!(
            row.contains(&format!(",{verdict},")),
            "{verdict} missing: {row}"
        );
        assert!(row.contains(&format!(",{new},")), "{new} missing: {row}");
    }
    let new = new_fingerprint(&scratch);
    let row = rows.iter().find(|r| r.starts_with(&new)).unwrap();
    assert!(row.contains("docs/report.txt:4:29"), "{row}");
    assert!(row.contains("claims/ministry.toml:8:1"), "{row}");
    assert!(row.contains(",error,true,"), "{row}");
}

#[test]
fn github() {
    let scratch = one_known_one_new("gate-format-github");
    let stdout = check(&scratch, "github");
    let lines: Vec<&str> = stdout.lines().collect();
    // One annotation per figure of the new finding; nothing for the known one or notes.
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(lines.iter().all(|l| l.starts_with("::error ")), "{stdout}");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("::error file=docs/report.txt,line=4,col=29,")),
        "{stdout}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("::error file=claims/ministry.toml,line=8,col=1,")),
        "{stdout}"
    );
    assert!(!stdout.contains("file=docs/herald.txt"), "{stdout}");
    for line in lines {
        assert!(line.contains("title=crosscheck contradiction::"), "{line}");
        assert!(line.contains("do not overlap"), "{line}");
    }
}

#[test]
fn sarif() {
    let scratch = one_known_one_new("gate-format-sarif");
    let stdout = check(&scratch, "sarif");
    let sarif: serde_sarif::sarif::Sarif =
        serde_json::from_str(&stdout).expect("SARIF in serde-sarif's typed model");
    assert_eq!(sarif.version, "2.1.0");
    assert_eq!(sarif.runs.len(), 1);
    let run = &sarif.runs[0];
    let driver = &run.tool.driver;
    assert_eq!(driver.name, "crosscheck");
    let rules = driver.rules.as_ref().expect("rules");
    assert!(
        rules.iter().any(|r| r.id == "contradiction"),
        "rules: {:?}",
        rules.iter().map(|r| &r.id).collect::<Vec<_>>()
    );
    let results = run.results.as_ref().expect("results");
    let new_fingerprint = new_fingerprint(&scratch);
    let new: Vec<&serde_sarif::sarif::Result> = results
        .iter()
        .filter(|r| r.baseline_state.as_ref().and_then(|s| s.as_str()) == Some("new"))
        .collect();
    assert_eq!(new.len(), 1, "{stdout}");
    let result = new[0];
    assert_eq!(result.rule_id.as_deref(), Some("contradiction"));
    let fingerprints = result
        .partial_fingerprints
        .as_ref()
        .expect("partialFingerprints");
    assert!(
        fingerprints.values().any(|f| *f == new_fingerprint),
        "{fingerprints:?} lacks {new_fingerprint}"
    );
    let places: Vec<(String, i64)> = result
        .locations
        .as_ref()
        .expect("locations")
        .iter()
        .filter_map(|l| l.physical_location.as_ref())
        .map(|p| {
            (
                p.artifact_location
                    .as_ref()
                    .and_then(|a| a.uri.clone())
                    .unwrap_or_default(),
                p.region.as_ref().and_then(|r| r.start_line).unwrap_or(0),
            )
        })
        .collect();
    assert!(
        places.contains(&("docs/report.txt".to_string(), 4)),
        "{places:?}"
    );
    assert!(
        places.contains(&("claims/ministry.toml".to_string(), 8)),
        "{places:?}"
    );
    // The known contradiction is there too, unchanged.
    let unchanged = results
        .iter()
        .filter(|r| r.baseline_state.as_ref().and_then(|s| s.as_str()) == Some("unchanged"))
        .count();
    assert_eq!(unchanged, 1, "{stdout}");
}
