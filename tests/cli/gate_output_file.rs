//! CI gate, `--output FILE`: the report goes to the file, nothing to standard output;
//! an existing file is replaced; no temporary file is left beside it; the exit status
//! is the check's.

use crate::support::ferry::{project, with_ministry};
use crate::support::Scratch;

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
    let scratch = with_ministry("gate-output-sarif");
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
    let scratch = with_ministry("gate-output-replace");
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
