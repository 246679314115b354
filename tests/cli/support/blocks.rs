//! Discovery block by block, as a job engine would run it: the map pass
//! (`discover --figures ... --print-blocks --statistics-out`), the records grouped by
//! their `block` with plain Rust, each group's lines reversed (a shuffle keeps no
//! order), and one `discover --block KEY` run per group; then the candidates of all
//! blocks, to set against a whole run's.

use std::collections::BTreeMap;

use serde_json::Value;

use super::Scratch;

/// The candidates of a `discover --format json` report, each as its JSON text with
/// sorted keys (id, tier, confidence, verdict, claims, evidence, reason: all of it),
/// sorted: the order of a report is the whole run's, not a block's.
pub fn candidates(report: &str) -> Vec<String> {
    let report: Value = serde_json::from_str(report).expect("a JSON report");
    let mut all: Vec<String> = report["candidates"]
        .as_array()
        .expect("candidates")
        .iter()
        .map(|c| serde_json::to_string(c).expect("JSON"))
        .collect();
    all.sort();
    all
}

/// Splits the figures files `figures` by block and discovers each block apart, with
/// `args` given to every run (`--all --format json` are added). Returns the blocks'
/// keys and the candidates of all blocks, sorted.
pub fn discover_by_block(
    scratch: &Scratch,
    figures: &[&str],
    args: &[&str],
) -> (Vec<String>, Vec<String>) {
    let mut map: Vec<&str> = vec!["discover"];
    for file in figures {
        map.extend(["--figures", file]);
    }
    map.extend(["--print-blocks", "--statistics-out", "statistics.json"]);
    map.extend(args);
    let routed = scratch.run(&map);
    routed.assert_code(0);
    let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in routed.stdout().lines() {
        let record: Value = serde_json::from_str(line).expect("a routed record");
        let key = record["block"].as_str().expect("a block key").to_string();
        groups.entry(key).or_default().push(line.to_string());
    }
    let mut all = Vec::new();
    for (number, (key, lines)) in groups.iter().enumerate() {
        let part = format!("part-{number}.jsonl");
        let shuffled: Vec<&str> = lines.iter().rev().map(String::as_str).collect();
        scratch.write(&part, shuffled.join("\n") + "\n");
        let mut reduce = vec![
            "discover",
            "--figures",
            &part,
            "--statistics",
            "statistics.json",
            "--block",
            key,
            "--all",
            "--format",
            "json",
        ];
        reduce.extend(args);
        let run = scratch.run(&reduce);
        run.assert_code(0);
        all.extend(candidates(&run.stdout()));
    }
    all.sort();
    (groups.into_keys().collect(), all)
}

/// The seeds extracted (`seeds.jsonl`), routed to their blocks (`routed.jsonl`) and
/// their statistics written (`statistics.json`), in the scratch folder: what the
/// scenarios of bad input to a block's run start from.
pub fn split_seeds(scratch: &Scratch) {
    scratch.copy_in("seeds", "seeds");
    scratch.extract_jsonl("seeds", "seeds.jsonl");
    let routed = scratch.run(&[
        "discover",
        "--figures",
        "seeds.jsonl",
        "--print-blocks",
        "--statistics-out",
        "statistics.json",
    ]);
    routed.assert_code(0);
    scratch.write("routed.jsonl", routed.stdout());
}

/// `discover --figures FIGURES --statistics STATISTICS --block KEY`, run in the scratch folder.
pub fn block_run(scratch: &Scratch, figures: &str, statistics: &str, key: &str) -> super::Run {
    scratch.run(&[
        "discover",
        "--figures",
        figures,
        "--statistics",
        statistics,
        "--block",
        key,
    ])
}
