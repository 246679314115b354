//! The README's "Use in CI" examples load as they stand: the crosscheck.toml and the
//! baseline entry (shipped examples are tested).

use std::path::{Path, PathBuf};

fn toml_blocks_of_section(heading: &str) -> Vec<String> {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let start = readme.find(heading).expect("the section");
    let end = readme[start + heading.len()..]
        .find("\n## ")
        .map_or(readme.len(), |i| start + heading.len() + i);
    let section = &readme[start..end];
    section
        .split("```toml\n")
        .skip(1)
        .map(|block| block[..block.find("```").expect("a closed block")].to_string())
        .collect()
}

fn scratch_file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "crosscheck-readme-ci-{}-{name}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

#[test]
fn readme_configuration_loads() {
    let blocks = toml_blocks_of_section("## Use in CI");
    let path = scratch_file("crosscheck.toml", &blocks[0]);
    let config = crosscheck::config::load(&path).unwrap_or_else(|p| panic!("{p:#?}"));
    assert!(config.corpus[0].ends_with("corpus"));
    let _ = std::fs::remove_dir_all(path.parent().unwrap());
}

#[test]
fn readme_baseline_entry_loads() {
    let blocks = toml_blocks_of_section("## Use in CI");
    let path = scratch_file("crosscheck-baseline.toml", &blocks[1]);
    let baseline = crosscheck::baseline::load(&path)
        .unwrap_or_else(|p| panic!("{p:#?}"))
        .expect("a baseline");
    assert_eq!(baseline.entries.len(), 1);
    assert!(!baseline.entries[0].reason.is_empty());
    let _ = std::fs::remove_dir_all(path.parent().unwrap());
}
