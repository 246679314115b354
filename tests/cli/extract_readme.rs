//! The README's `crosscheck extract` section documents every output field, in the
//! order the CSV header (and the JSON objects) give them.

use crate::support::Scratch;

#[test]
fn readme_documents_every_field_in_order() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let start = readme
        .find("## crosscheck extract")
        .expect("an extract section");
    let section = &readme[start..];
    let end = section[3..].find("\n## ").map_or(section.len(), |i| i + 3);
    let section = &section[..end];

    let scratch = Scratch::new("readme");
    let run = scratch.run_with_stdin(&["extract", "-", "--format", "csv"], b"");
    run.assert_code(0);
    let stdout = run.stdout();
    let header = stdout.lines().next().unwrap_or_default();
    let mut last = 0;
    for field in header.split(',') {
        let entry = format!("| `{field}` |");
        let at = section
            .find(&entry)
            .unwrap_or_else(|| panic!("README documents `{field}` in its field table"));
        assert!(at > last, "README lists `{field}` out of order");
        last = at;
    }
}
