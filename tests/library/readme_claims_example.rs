//! The complete claim file in the README loads as it stands, and finds on the seeds
//! what the README says it finds.

use crosscheck::config::Config;
use crosscheck::pipeline::{self, Inputs};
use crosscheck::reconcile::{Diagnosis, Verdict};
use std::path::Path;

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
    let claims =
        std::env::temp_dir().join(format!("crosscheck-readme-claims-{}", std::process::id()));
    std::fs::create_dir_all(&claims).expect("a scratch folder");
    std::fs::write(claims.join("README.toml"), readme_example()).expect("the claim file");
    let config = Config {
        corpus: vec![root.join("seeds")],
        claims: vec![claims.clone()],
        ..Config::default()
    };
    let inputs = Inputs {
        names_relative_to: Some(root.to_path_buf()),
        ..Inputs::default()
    };
    let run = pipeline::run(&config, &inputs, &mut |problem| panic!("{problem}"));
    let _ = std::fs::remove_dir_all(&claims);
    let outcome = match run {
        Ok(run) => run.outcome,
        Err(failure) => panic!(
            "the README's claim file does not load, or its pin finds nothing: {:#?}",
            failure.problems
        ),
    };
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
