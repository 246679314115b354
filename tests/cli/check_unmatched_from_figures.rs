//! `crosscheck check --unmatched --figures`: the figures no quantity claims, listed
//! from figures extracted beforehand, are the same, with the same places and texts,
//! as listed from the documents, a figure broken across lines included. (Their
//! places used to be read from the stand-in document, and such a figure's text
//! was lost.)

use crate::support::claims_fixture::PRISONERS_1937;
use crate::support::Scratch;
use serde_json::Value;

#[test]
fn unmatched_figures_from_figures_equal_those_from_the_documents() {
    let scratch = Scratch::new("check-unmatched-from-figures");
    scratch.write(
        "docs/a.txt",
        "In 1937 the camp held 4,512 prisoners and 310 guards. Then about one\n  hundred guards left, and the 40 dogs stayed.\nA further 120 guards arrived in 1938.\n",
    );
    scratch.write("claims/camp.toml", PRISONERS_1937);
    scratch.extract_jsonl("docs", "figures.jsonl");
    let unmatched = |extra: &[&str]| -> Value {
        let mut args = vec![
            "check",
            "--claims",
            "claims",
            "--unmatched",
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        let run = scratch.run(&args);
        run.assert_code(0);
        serde_json::from_str(&run.stdout()).expect("one JSON document")
    };
    let from_documents = unmatched(&["docs"]);
    let from_figures = unmatched(&["--figures", "figures.jsonl"]);
    let texts: Vec<&str> = from_documents["unmatched"]
        .as_array()
        .expect("groups")
        .iter()
        .flat_map(|group| group["figures"].as_array().expect("figures"))
        .filter_map(|figure| figure["text"].as_str())
        .collect();
    assert!(texts.contains(&"one\n  hundred"), "{texts:?}");
    assert!(texts.contains(&"40"), "{texts:?}");
    assert_eq!(from_documents, from_figures);
}
