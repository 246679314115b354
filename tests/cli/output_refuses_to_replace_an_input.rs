//! `--output` never replaces an input of the run (regression: `check --output
//! claims/ferries.toml` replaced the hand-written claim file with the report, exit 0).
//! A claim file, a corpus document, crosscheck.toml and the baseline, named directly,
//! through `..`, by an absolute path or through a link: exit 2, a message naming the
//! input, the file as it was; a new file beside them is written as before.

use crate::support::ferry::with_ministry;

#[test]
fn every_input_is_refused_however_it_is_named() {
    let scratch = with_ministry("output-refuses-input");
    scratch.run(&["baseline"]).assert_code(0);
    let absolute = scratch.path("docs/herald.txt").display().to_string();
    #[cfg(unix)]
    std::os::unix::fs::symlink("claims/ministry.toml", scratch.path("link.toml")).unwrap();
    let cases = [
        ("claims/ferries.toml", "claims/ferries.toml"),
        ("./claims/../claims/ferries.toml", "claims/ferries.toml"),
        ("docs/report.txt", "docs/report.txt"),
        (absolute.as_str(), "docs/herald.txt"),
        ("crosscheck.toml", "crosscheck.toml"),
        ("crosscheck-baseline.toml", "crosscheck-baseline.toml"),
        #[cfg(unix)]
        ("link.toml", "claims/ministry.toml"),
    ];
    for (output, file) in cases {
        let before = scratch.read(file);
        for command in ["check", "discover"] {
            let run = scratch.run(&[command, "--format", "json", "--output", output]);
            run.assert_code(2);
            let line = run.stderr_line("not writing the report there");
            assert!(line.contains(output), "{line}");
            assert_eq!(scratch.read(file), before, "{command} --output {output}");
        }
    }
    // A file that is no input is written as before (the findings are accepted).
    scratch
        .run(&["check", "--format", "json", "--output", "report.json"])
        .assert_code(0);
    assert!(scratch.read("report.json").starts_with('{'));
}
