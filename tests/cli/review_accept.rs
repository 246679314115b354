//! `crosscheck accept ID`: a discovered candidate becomes a quantity with a pin for each
//! figure in claims/discovered.toml; `check` then gives the verdict discovery gave, also
//! after lines are inserted above a figure and its paragraph is re-wrapped. An id that
//! is no candidate exits 2 and writes nothing; a claims folder that cannot be written
//! exits 2 and loses nothing.

use serde_json::Value;

use crate::support::claims_fixture::camp_registers;
use crate::support::Scratch;

fn project(scenario: &str) -> Scratch {
    let scratch = Scratch::new(scenario);
    camp_registers(&scratch, false);
    scratch
}

/// The first candidate discovery proposes: its id and verdict.
fn first_candidate(scratch: &Scratch) -> (String, String) {
    let run = scratch.run(&["discover", "docs", "--format", "json"]);
    run.assert_code(0);
    let report: Value = serde_json::from_str(&run.stdout()).expect("JSON");
    let first = &report["candidates"][0];
    (
        first["id"].as_str().expect("an id").to_string(),
        first["verdict"].as_str().expect("a verdict").to_string(),
    )
}

/// The verdicts `check` gives on the project, with no baseline.
fn verdicts(scratch: &Scratch) -> Vec<String> {
    let run = scratch.run(&["check", "docs", "--claims", "claims", "--format", "json"]);
    let report: Value = serde_json::from_str(&run.stdout()).expect("JSON");
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["verdict"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn accept_then_check_gives_the_discovered_verdict_and_survives_edits() {
    let scratch = project("review-accept");
    let (id, verdict) = first_candidate(&scratch);
    assert_eq!(verdict, "contradiction");
    let run = scratch.run(&["accept", &id, "docs", "--as", "camp_prisoners_1937"]);
    run.assert_code(0);
    let written = scratch.read("claims/discovered.toml");
    assert!(
        written.contains("id = \"camp_prisoners_1937\""),
        "{written}"
    );
    // Pins by quote (the words around each figure), not by line.
    assert!(written.contains("prefix = "), "{written}");
    assert!(written.contains("suffix = "), "{written}");
    assert_eq!(verdicts(&scratch), std::slice::from_ref(&verdict));
    // Both figures are the catalog's now: discovery does not propose them again.
    let run = scratch.run(&["discover", "docs", "--format", "json", "--all"]);
    let report: Value = serde_json::from_str(&run.stdout()).expect("JSON");
    assert_eq!(report["candidates"].as_array().map(Vec::len), Some(0));
    // Lines inserted above, and the paragraph re-wrapped.
    scratch.write(
        "docs/a.txt",
        "A note added later.\n\nAnother line.\n\nIn 1937 the camp\nheld 11,200 prisoners,\naccording to the register of the camp.\n",
    );
    assert_eq!(verdicts(&scratch), [verdict]);
}

#[test]
fn an_id_that_is_no_candidate_exits_2_and_writes_nothing() {
    let scratch = project("review-accept-unknown");
    let run = scratch.run(&["accept", "0123456789abcdef", "docs"]);
    run.assert_code(2);
    assert!(
        run.stderr().contains("no candidate `0123456789abcdef`"),
        "{}",
        run.stderr()
    );
    assert!(!scratch.path("claims/discovered.toml").exists());
}

#[test]
fn a_claims_folder_that_cannot_be_written_loses_nothing() {
    let scratch = project("review-accept-read-only");
    let mine = "# my own notes, kept\n[[quantity]]\nid = \"guards\"\ndescription = \"Guards\"\nunit = \"people\"\n";
    scratch.write("claims/discovered.toml", mine);
    let (id, _) = first_candidate(&scratch);
    let claims = scratch.path("claims");
    let read_only = |on: bool| {
        let mut permissions = std::fs::metadata(&claims).expect("claims/").permissions();
        permissions.set_readonly(on);
        std::fs::set_permissions(&claims, permissions).expect("permissions");
    };
    read_only(true);
    // Root may write anywhere: then the folder is not read-only for this run.
    let probe = claims.join(".probe");
    let writable = std::fs::write(&probe, "x").is_ok();
    let _ = std::fs::remove_file(&probe);
    let run = scratch.run(&["accept", &id, "docs"]);
    read_only(false);
    if writable {
        run.assert_code(0);
        assert!(scratch.read("claims/discovered.toml").starts_with(mine));
        return;
    }
    run.assert_code(2);
    assert!(run.stderr().contains("cannot write"), "{}", run.stderr());
    assert_eq!(scratch.read("claims/discovered.toml"), mine);
}
