//! The bundled project survives an edit elsewhere in a document (regression: three lines
//! inserted at the top of seeds/002… made `check` exit 2, its pin at `line = 555`
//! matching nothing): with the pin anchored by its quote, `check --strict` exits 0 with
//! the same findings, fingerprint for fingerprint.

use std::path::Path;

use crate::support::Scratch;
use serde_json::Value;

/// The bundled project (seeds, claims, settings, baseline) copied into a scratch folder.
fn bundled(scenario: &str) -> Scratch {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let scratch = Scratch::new(scenario);
    for folder in ["seeds", "claims"] {
        for entry in std::fs::read_dir(root.join(folder)).expect(folder) {
            let path = entry.expect("entry").path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            scratch.write(
                &format!("{folder}/{name}"),
                std::fs::read(&path).expect("read"),
            );
        }
    }
    for file in ["crosscheck.toml", "crosscheck-baseline.toml"] {
        scratch.write(file, std::fs::read(root.join(file)).expect(file));
    }
    scratch
}

fn fingerprints(scratch: &Scratch) -> Vec<(String, String)> {
    let run = scratch.run(&["check", "--strict", "--format", "json"]);
    run.assert_code(0);
    let report: Value = serde_json::from_str(&run.stdout()).expect("one JSON document");
    let mut all: Vec<(String, String)> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["fingerprint"].as_str().unwrap().to_string(),
                f["verdict"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    all.sort();
    all
}

#[test]
fn lines_inserted_at_the_top_of_a_seed_change_no_finding() {
    let scratch = bundled("bundled-lines-inserted");
    let before = fingerprints(&scratch);
    let seed = "seeds/002_57d5f1d80ad01411.txt";
    let text = scratch.read(seed);
    scratch.write(seed, format!("An editor's note.\nAnother line.\n\n{text}"));
    assert_eq!(fingerprints(&scratch), before);
    assert!(before.len() > 50, "{}", before.len());
}
