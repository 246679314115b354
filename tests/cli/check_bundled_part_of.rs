//! On the seeds, the bundled catalog's `part_of` links find the parts larger than their
//! wholes: 681,692 executed in 1937-38 against 624,980 sentenced to death since 1921,
//! and the textbook's "over 2 million" against "about 800,000" executed in 1921-1953;
//! 681,692 against "about 800,000" is within its whole and gives no finding.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

#[test]
fn the_seeds_parts_larger_than_their_wholes_are_found() {
    let output = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["check", "--format", "json"])
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .output()
        .expect("run crosscheck");
    let report: Value = serde_json::from_slice(&output.stdout).expect("one JSON document");
    let parts: Vec<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["diagnosis"] == "part_exceeds_whole")
        .map(|f| f["reason"].as_str().unwrap().to_string())
        .collect();
    let has = |start: &str| parts.iter().any(|r| r.starts_with(start));
    assert!(has("681,692 <= 624,980 does not hold"), "{parts:#?}");
    assert!(
        has("over 2 million <= about 800,000 does not hold"),
        "{parts:#?}"
    );
    assert!(!has("681,692 <= about 800,000"), "{parts:#?}");
}
