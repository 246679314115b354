//! The bundled project survives edits elsewhere in a document (regression: three lines
//! inserted at the top of seeds/002… made `check` exit 2, its pin at `line = 555`
//! matching nothing): with the pins anchored by their quotes, `check --strict` exits 0
//! with the same findings, fingerprint for fingerprint, after lines are inserted or a
//! seed's paragraphs re-wrapped.

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

#[test]
fn a_paragraph_rewrapped_changes_no_finding() {
    let scratch = bundled("bundled-rewrapped");
    let before = fingerprints(&scratch);
    let seed = "seeds/004_f5f5ae3d1d49beaf.txt";
    // Every paragraph of the seed broken into lines of about 60 characters.
    let rewrapped: String = scratch
        .read(seed)
        .lines()
        .map(|line| {
            let mut out = String::new();
            let mut width = 0;
            for word in line.split(' ') {
                if width > 60 {
                    out.push('\n');
                    width = 0;
                } else if width > 0 {
                    out.push(' ');
                }
                out.push_str(word);
                width += word.len() + 1;
            }
            out + "\n"
        })
        .collect();
    scratch.write(seed, rewrapped);
    assert_eq!(fingerprints(&scratch), before);
}
