//! `extract` gives each measure, span of time and share a canonical unit and its value
//! in it, the same in JSON Lines, JSON and CSV: 3,100 km² is 3,100,000,000 m², 1,197
//! square miles about as many, two weeks 14 days, a fifth 20 percent; a count has none.

use serde_json::Value;

use crate::support::Scratch;

const TEXT: &str = "The lake covers 3,100 km² of the valley. The atlas gives 1,197 square miles. \
The work took two weeks. About a fifth of the villages flooded. The camp held 1,200 prisoners.\n";

fn expected() -> Vec<(Option<&'static str>, Option<f64>)> {
    vec![
        (Some("m²"), Some(3.1e9)),
        (Some("m²"), Some(1197.0 * 1609.344 * 1609.344)),
        (Some("days"), Some(14.0)),
        (Some("percent"), Some(20.0)),
        (None, None),
    ]
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs())
}

fn check(found: Vec<(Option<String>, Option<f64>)>) {
    let want = expected();
    assert_eq!(found.len(), want.len(), "{found:?}");
    for ((unit, value), (want_unit, want_value)) in found.iter().zip(want) {
        assert_eq!(unit.as_deref(), want_unit, "{found:?}");
        match (value, want_value) {
            (Some(v), Some(w)) => assert!(close(*v, w), "{v} against {w}"),
            (None, None) => {}
            _ => panic!("{found:?}"),
        }
    }
}

fn from_json(records: &[Value]) -> Vec<(Option<String>, Option<f64>)> {
    records
        .iter()
        .map(|r| {
            (
                r["canonical_unit"].as_str().map(str::to_string),
                r["canonical_value"].as_f64(),
            )
        })
        .collect()
}

#[test]
fn canonical_units_in_json_lines_json_and_csv() {
    let scratch = Scratch::new("extract-canonical");
    scratch.write("lake.txt", TEXT);

    let run = scratch.run(&["extract", "lake.txt", "--format", "jsonl"]);
    run.assert_code(0);
    check(from_json(&run.records()));

    let run = scratch.run(&["extract", "lake.txt", "--format", "json"]);
    run.assert_code(0);
    let json: Value = serde_json::from_str(&run.stdout()).expect("JSON");
    check(from_json(json["figures"].as_array().expect("figures")));

    let run = scratch.run(&["extract", "lake.txt", "--format", "csv"]);
    run.assert_code(0);
    let stdout = run.stdout();
    let mut lines = stdout.lines();
    let header: Vec<&str> = lines.next().expect("a header").split(',').collect();
    let unit_at = header.iter().position(|h| *h == "canonical_unit").unwrap();
    let value_at = header.iter().position(|h| *h == "canonical_value").unwrap();
    // The two fields before the last (`page`); the sentence before them may hold commas.
    assert_eq!(value_at, header.len() - 2);
    assert_eq!(header.last(), Some(&"page"));
    let found = lines
        .map(|line| {
            let fields: Vec<&str> = line.rsplitn(4, ',').collect();
            let (value, unit) = (fields[1], fields[2]);
            (
                (!unit.is_empty()).then(|| unit.to_string()),
                value.parse::<f64>().ok(),
            )
        })
        .collect();
    assert_eq!(unit_at, value_at - 1);
    check(found);
}
