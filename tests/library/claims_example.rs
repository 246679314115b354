//! The example in docs/claim-files.md is tested: it loads, together with
//! `tests/fixtures/claims_example/supplement.toml` (the quantities it refers to),
//! and its rules key the figures they are written for.

use std::fs;
use std::path::{Path, PathBuf};

use crosscheck::claims::{load, load_texts, Catalog, Diagnostic};
use crosscheck::extract::extract;
use crosscheck::keying::Keyer;
use crosscheck::source::Document;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The ```toml block under "## Example" in docs/claim-files.md.
fn doc_example() -> String {
    let doc = fs::read_to_string(root().join("docs/claim-files.md")).unwrap();
    let section = doc
        .split("\n## Example")
        .nth(1)
        .expect("docs/claim-files.md has an Example section");
    let block = section
        .split("```toml\n")
        .nth(1)
        .expect("the Example section has a ```toml block");
    block.split("\n```").next().unwrap().to_string()
}

fn supplement() -> PathBuf {
    root().join("tests/fixtures/claims_example/supplement.toml")
}

fn shown(diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

fn example_catalog() -> Catalog {
    let files = vec![
        (PathBuf::from("docs/claim-files.md#example"), doc_example()),
        (supplement(), fs::read_to_string(supplement()).unwrap()),
    ];
    load_texts(files).unwrap_or_else(|d| panic!("{}", shown(&d)))
}

#[test]
fn doc_example_loads_with_the_quantities_it_refers_to() {
    let catalog = example_catalog();
    assert_eq!(catalog.sources.len(), 1);
    assert_eq!(catalog.quantities.len(), 4);
    assert_eq!(catalog.claims.len(), 1);
    assert_eq!(catalog.pins.len(), 1);
    assert_eq!(catalog.relations.len(), 1);
    let claim = &catalog.claims[0];
    assert_eq!(claim.value.stated.value, Some(3_777_380.0));
    assert_eq!(
        catalog.quantities[claim.quantity].id,
        "convicted_counterrevolutionary"
    );
    assert_eq!(catalog.sources[claim.source].id, "memo_1954");
}

#[test]
fn doc_example_alone_names_exactly_the_quantities_it_leaves_out() {
    let diagnostics = load_texts(vec![(PathBuf::from("example.toml"), doc_example())]).unwrap_err();
    let messages: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "unknown quantity id `delegates_20th_congress`",
            "in `expr`: `party_members_repressed_1937_38` is neither a quantity id nor a claim id",
            "in `expr`: `arrested_1937_38` is neither a quantity id nor a claim id",
        ],
        "{}",
        shown(&diagnostics)
    );
}

#[test]
fn fixture_folder_loads() {
    let folder = root().join("tests/fixtures/claims_example");
    let catalog = load(&[folder]).unwrap_or_else(|d| panic!("{}", shown(&d)));
    assert_eq!(catalog.quantities.len(), 3);
}

#[test]
fn doc_example_rules_key_their_figures() {
    let catalog = example_catalog();
    let keyer = Keyer::new(&catalog);
    let text = "Sentences were passed against 3,777,380 people accused of counterrevolutionary \
                crimes, 642,980 of them to death.";
    let document = Document::new("seeds/memo.txt", text.to_string());
    let figures = extract(text);
    let keyed = keyer.key(&document, &figures);
    assert_eq!(keyed.len(), 1, "{keyed:?}");
    assert_eq!(figures[keyed[0].figure].text(text), "3,777,380");
    assert_eq!(
        catalog.quantities[keyed[0].quantity].id,
        "convicted_counterrevolutionary"
    );
    // The example pins a figure in a document that was not read here.
    let unmatched = keyer.unmatched_pins();
    assert_eq!(unmatched.len(), 1);
    assert!(Path::new(&unmatched[0].path).ends_with("docs/claim-files.md#example"));
}
