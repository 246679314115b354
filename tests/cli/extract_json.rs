//! `crosscheck extract FILE --format json`: one JSON document, `{"figures": [...]}`.

use crate::support::{Scratch, SAMPLE};

#[test]
fn json_is_one_document_with_a_figures_array() {
    let scratch = Scratch::new("json");
    scratch.write("sample.txt", SAMPLE);
    let run = scratch.run(&["extract", "sample.txt", "--format", "json"]);
    run.assert_code(0);
    let document: serde_json::Value =
        serde_json::from_str(&run.stdout()).expect("stdout is one JSON document");
    let figures = document["figures"].as_array().expect("a figures array");
    assert_eq!(figures.len(), 2, "{}", run.stdout());
    assert_eq!(figures[0]["source"], "sample.txt");
    assert_eq!(figures[0]["line"], 1);
    assert_eq!(figures[0]["column"], 23);
    assert_eq!(figures[0]["text"], "1,436");
    assert_eq!(figures[0]["value"].as_i64(), Some(1436));
    assert_eq!(figures[0]["qualifier"], "exact");
    assert_eq!(figures[1]["value"].as_i64(), Some(4000));
    assert_eq!(figures[1]["qualifier"], "about");
}

#[test]
fn json_without_figures_is_still_a_document() {
    let scratch = Scratch::new("json-empty");
    scratch.write("empty.txt", "No numbers here.\n");
    let run = scratch.run(&["extract", "empty.txt", "--format", "json"]);
    run.assert_code(0);
    let document: serde_json::Value =
        serde_json::from_str(&run.stdout()).expect("stdout is one JSON document");
    assert_eq!(document, serde_json::json!({ "figures": [] }));
}
