//! `crosscheck discover` on the seeds with no claim files: the two contradictions the
//! project was started for are among the first ten candidates (3,777,380 convicted
//! since 1921 against 3,778,234 for 1930-1953; "exceeded 1.3 million" Party members
//! arrested in 1937-38 against the archival 116,885), and the delegates, "about one and
//! a half thousand", 1,436 and 1400, are not flagged against each other. The output is
//! the same whatever the number of threads.

use serde_json::Value;

use crate::support::Scratch;

fn texts(candidate: &Value) -> Vec<String> {
    candidate["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .map(|c| c["text"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// A scratch folder holding the seeds, and nothing else: no claim files.
fn seeds_only(scenario: &str) -> Scratch {
    let scratch = Scratch::new(scenario);
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for entry in std::fs::read_dir(&seeds).expect("seeds/") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            let text = std::fs::read_to_string(&path).expect("a seed");
            scratch.write(&format!("seeds/{name}"), text);
        }
    }
    scratch
}

#[test]
fn the_mission_contradictions_lead_and_the_delegates_stay_quiet() {
    let scratch = seeds_only("discover-seeds");
    let run = scratch.run(&["discover", "seeds", "--format", "json"]);
    run.assert_code(0);
    let report: Value = serde_json::from_str(&run.stdout()).expect("JSON");
    let candidates = report["candidates"].as_array().expect("candidates");
    let first_ten: Vec<Vec<String>> = candidates.iter().take(10).map(texts).collect();
    let has = |a: &str, b: &str| {
        first_ten
            .iter()
            .any(|pair| pair.iter().any(|t| t == a) && pair.iter().any(|t| t == b))
    };
    assert!(has("3,777,380", "3,778,234"), "{first_ten:#?}");
    assert!(has("1.3 million", "116,885"), "{first_ten:#?}");
    for candidate in candidates {
        let pair = texts(candidate);
        let delegates = pair
            .iter()
            .filter(|t| ["1,436", "1400", "one and a half thousand"].contains(&t.as_str()))
            .count();
        assert!(delegates < 2, "the delegates flagged: {candidate:#}");
        assert_eq!(candidate["discovered"], true);
        let confidence = candidate["confidence"].as_f64().expect("confidence");
        assert!((0.0..=1.0).contains(&confidence), "{candidate:#}");
    }
    // The pair from 1921 and 1930-1953: a longer period with a smaller count, a part
    // (1930-1953) larger than its whole (since 1921).
    let memo = candidates
        .iter()
        .find(|c| {
            texts(c).contains(&"3,777,380".to_string())
                && texts(c).contains(&"3,778,234".to_string())
        })
        .expect("the memo's pair");
    assert_eq!(memo["diagnosis"], "superset_smaller", "{memo:#}");
    assert_eq!(memo["tier"], "part_of", "{memo:#}");
}

#[test]
fn the_candidates_are_the_same_byte_for_byte_on_one_thread_or_three() {
    let scratch = seeds_only("discover-seeds-threads");
    let one = scratch.run(&["discover", "seeds", "--all", "--format", "json", "-j", "1"]);
    let three = scratch.run(&["discover", "seeds", "--all", "--format", "json", "-j", "3"]);
    one.assert_code(0);
    three.assert_code(0);
    assert!(one.stdout().contains("\"discovered\": true"));
    assert_eq!(one.stdout(), three.stdout());
}
