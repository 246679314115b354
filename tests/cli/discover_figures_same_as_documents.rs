//! `crosscheck discover --figures`: discovery over figures extracted with `extract
//! --format jsonl` (as a map step elsewhere would write them) gives the same candidates,
//! tiers and confidences as discovery over the documents themselves, on the seeds.

use serde_json::Value;

use crate::support::Scratch;

/// Each candidate as (id, tier, confidence, verdict), in report order.
fn candidates(stdout: &str) -> Vec<(String, String, String, String)> {
    let report: Value = serde_json::from_str(stdout).expect("JSON");
    report["candidates"]
        .as_array()
        .expect("candidates")
        .iter()
        .map(|c| {
            let field = |key: &str| c[key].to_string();
            (
                field("id"),
                field("tier"),
                field("confidence"),
                field("verdict"),
            )
        })
        .collect()
}

#[test]
fn discovery_over_extracted_figures_equals_discovery_over_the_documents() {
    let scratch = Scratch::new("discover-figures-same");
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for entry in std::fs::read_dir(&seeds).expect("seeds/") {
        let path = entry.expect("an entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        scratch.write(
            &format!("seeds/{name}"),
            std::fs::read_to_string(&path).expect("a seed"),
        );
    }
    scratch.extract_jsonl("seeds", "seeds.jsonl");
    let from_documents = scratch.run(&["discover", "seeds", "--all", "--format", "json"]);
    from_documents.assert_code(0);
    let from_figures = scratch.run(&[
        "discover",
        "--figures",
        "seeds.jsonl",
        "--all",
        "--format",
        "json",
    ]);
    from_figures.assert_code(0);
    let (a, b) = (
        candidates(&from_documents.stdout()),
        candidates(&from_figures.stdout()),
    );
    assert!(a.len() >= 20, "{} candidates", a.len());
    assert_eq!(a, b);
}
