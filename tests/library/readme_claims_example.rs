//! The complete claim file in the README loads as it stands, and finds on the seeds
//! what the README says it finds.

use crosscheck::check::{Checker, Options};
use crosscheck::input::{Documents, Item, Origin};
use crosscheck::reconcile::{Diagnosis, Verdict};
use std::path::{Path, PathBuf};

fn readme_example() -> String {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let section = readme
        .find("## Claim files")
        .expect("a Claim files section");
    let start =
        section + readme[section..].find("```toml\n").expect("a toml block") + "```toml\n".len();
    let end = start + readme[start..].find("```").expect("the end of the block");
    readme[start..end].to_string()
}

#[test]
fn readme_claim_file_finds_what_the_readme_says() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let catalog =
        crosscheck::claims::load_texts(vec![(PathBuf::from("README.md"), readme_example())])
            .unwrap_or_else(|problems| {
                panic!("the README's claim file does not load: {problems:#?}")
            });
    let mut checker = Checker::new(&catalog, Options::default());
    for item in Documents::new(vec![Origin::Path(root.join("seeds"))]) {
        if let Item::Document(mut document) = item {
            let name = Path::new(&document.name)
                .strip_prefix(root)
                .map(|p| p.display().to_string());
            document.name = name.unwrap_or(document.name);
            checker.add_document(&document);
        }
    }
    let outcome = checker.finish().expect("the pin finds its figure");
    let diagnoses: Vec<Option<Diagnosis>> = outcome
        .findings
        .iter()
        .filter(|f| f.verdict == Verdict::Contradiction)
        .map(|f| f.diagnosis)
        .collect();
    assert!(
        diagnoses.contains(&Some(Diagnosis::SupersetSmaller)),
        "{diagnoses:?}"
    );
    assert!(
        diagnoses.contains(&Some(Diagnosis::DigitsTransposed)),
        "{diagnoses:?}"
    );
    let breakdown = outcome
        .findings
        .iter()
        .find(|f| f.relation().is_some())
        .expect("the relation is checked");
    assert_eq!(
        breakdown.verdict,
        Verdict::WithinRounding,
        "{}",
        outcome.reason(breakdown)
    );
}
