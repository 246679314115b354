//! The README shows the report on the seeds as the program prints it. This keeps the
//! copy honest; `UPDATE_README=1 cargo test --test library readme_report` rewrites it (the
//! README is hand-written: it is never rewritten unless asked, and then atomically).

use std::path::Path;
use std::process::Command;

const BEGIN: &str = "<!-- report:begin -->\n```\n";
const END: &str = "```\n<!-- report:end -->";

#[test]
fn readme_report_matches_the_program() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .arg("check")
        .current_dir(root)
        .env("NO_COLOR", "1")
        .output()
        .expect("run crosscheck check");
    assert_eq!(
        output.status.code(),
        Some(0),
        "every contradiction of the seeds is accepted in crosscheck-baseline.toml: exit 0"
    );
    let report = String::from_utf8(output.stdout).expect("UTF-8 report");
    let readme_path = root.join("README.md");
    let readme = std::fs::read_to_string(&readme_path).expect("README.md");
    let start = readme.find(BEGIN).expect("report:begin marker") + BEGIN.len();
    let end = start + readme[start..].find(END).expect("report:end marker");
    if std::env::var_os("UPDATE_README").is_some() {
        let updated = format!("{}{}{}", &readme[..start], report, &readme[end..]);
        let temporary = root.join("README.md.tmp");
        std::fs::write(&temporary, updated).expect("write README.md.tmp");
        std::fs::rename(&temporary, &readme_path).expect("replace README.md");
        return;
    }
    assert!(
        readme[start..end] == report,
        "README.md's report differs from `crosscheck check`; rerun with UPDATE_README=1.\n--- program ---\n{report}"
    );
}
