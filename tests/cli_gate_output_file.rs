//! CI gate, `--output FILE`: the report goes to the file, nothing to standard output;
//! an existing file is replaced; no temporary file is left beside it; the exit status
//! is the check's.

mod cli_support;

use cli_support::Scratch;

const CONFIG: &str = r#"corpus = ["docs"]
claims = ["claims"]
baseline = "crosscheck-baseline.toml"
"#;

/// The newspaper: the passengers figure is at line 4, column 9.
const HERALD: &str = "The Marrow Valley Herald, 14 March 2024.

Ferry traffic on Lake Osk grew again last year. In 2023 the ferries
carried 48,200 passengers between Tarn and Hollin, the harbour office said.

The new pier at Hollin, opened in 2023, cost 3.1 million crowns.
";

/// The report: the passengers figure is at line 4, column 29.
const REPORT: &str = "Lake Osk Ferry Authority: Annual Report 2023.

Section 2. Traffic.
In 2023 the ferries carried 48,200 passengers between Tarn and Hollin.

Section 3. Works.
The new pier at Hollin cost 3.1 million crowns to build in 2023.
";

const FERRIES: &str = r#"[[source]]
id = "herald"
title = "Ferry traffic on Lake Osk grew again"
outlet = "The Marrow Valley Herald"
date = "2024-03-14"
kind = "press"
document = "docs/herald.txt"

[[source]]
id = "authority-report"
title = "Annual Report 2023"
outlet = "Lake Osk Ferry Authority"
date = "2024-02"
kind = "dataset"
document = "docs/report.txt"

[[quantity]]
id = "ferry_passengers_2023"
description = "Passengers carried by the Lake Osk ferries in 2023"
unit = "passengers"
period = "2023"

[[quantity.rule]]
pattern = "ferries carried {figure} passengers"

[[quantity]]
id = "hollin_pier_cost"
description = "Cost of the new pier at Hollin"
unit = "crowns"

[[quantity.rule]]
pattern = "cost {figure} crowns"
"#;

/// Two documents and a claim file whose figures agree.
fn project(scenario: &str) -> Scratch {
    let scratch = Scratch::new(scenario);
    scratch.write("crosscheck.toml", CONFIG);
    scratch.write("docs/herald.txt", HERALD);
    scratch.write("docs/report.txt", REPORT);
    scratch.write("claims/ferries.toml", FERRIES);
    scratch
}

/// A hand-written claim (its table starts at line 8) that contradicts both documents.
const MINISTRY: &str = r#"[[source]]
id = "ministry-bulletin"
title = "Inland Waterways Bulletin No. 7"
outlet = "Ministry of Inland Waterways"
date = "2024-05"
kind = "dataset"

[[claim]]
id = "ministry_passengers_2023"
quantity = "ferry_passengers_2023"
source = "ministry-bulletin"
value = "61,500"
period = "2023"
page = "p. 4"
"#;

/// Names in the project folder that look like leftovers of a write: hidden or `.tmp`.
fn leftovers(scratch: &Scratch) -> Vec<String> {
    std::fs::read_dir(&scratch.root)
        .expect("list the project")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.') || name.ends_with(".tmp"))
        .collect()
}

#[test]
fn sarif_goes_to_the_file_not_to_stdout() {
    let scratch = project("gate-output-sarif");
    scratch.write("claims/ministry.toml", MINISTRY);
    let run = scratch.run(&["check", "--format", "sarif", "--output", "report.sarif"]);
    run.assert_code(1);
    assert_eq!(run.stdout(), "");
    assert_eq!(run.stderr(), "");
    let written = std::fs::read_to_string(scratch.path("report.sarif")).expect("report.sarif");
    // The same report standard output would have had.
    let piped = scratch.run(&["check", "--format", "sarif"]);
    piped.assert_code(1);
    assert_eq!(written, piped.stdout());
    let sarif: serde_json::Value = serde_json::from_str(&written).expect("JSON");
    assert_eq!(sarif["version"], "2.1.0");
    assert!(leftovers(&scratch).is_empty(), "{:?}", leftovers(&scratch));
}

#[test]
fn an_existing_file_is_replaced() {
    let scratch = project("gate-output-replace");
    scratch.write("claims/ministry.toml", MINISTRY);
    let old = "{\"version\": \"2.1.0\", \"runs\": [], \"note\": \"an old report, much longer than nothing at all\"}\n".repeat(200);
    scratch.write("report.sarif", &old);
    scratch
        .run(&["check", "--format", "sarif", "-o", "report.sarif"])
        .assert_code(1);
    let written = std::fs::read_to_string(scratch.path("report.sarif")).unwrap();
    assert!(!written.contains("an old report"), "not replaced");
    serde_json::from_str::<serde_json::Value>(&written).expect("one whole JSON document");
    assert!(leftovers(&scratch).is_empty(), "{:?}", leftovers(&scratch));
}

#[test]
fn a_clean_check_writes_the_file_and_exits_0() {
    let scratch = project("gate-output-clean");
    let run = scratch.run(&["check", "--format", "json", "--output", "out/report.json"]);
    // The folder must exist: nothing is created but the file.
    run.assert_code(2);
    assert!(
        run.stderr().contains("out/report.json: cannot write"),
        "{}",
        run.stderr()
    );
    assert!(!scratch.path("out").exists());

    std::fs::create_dir(scratch.path("out")).unwrap();
    let run = scratch.run(&["check", "--format", "json", "--output", "out/report.json"]);
    run.assert_code(0);
    assert_eq!(run.stdout(), "");
    let written = std::fs::read_to_string(scratch.path("out/report.json")).unwrap();
    let report: serde_json::Value = serde_json::from_str(&written).expect("JSON");
    assert_eq!(report["summary"]["new_errors"], 0);
    let in_out: Vec<String> = std::fs::read_dir(scratch.path("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(in_out, ["report.json"]);
}
