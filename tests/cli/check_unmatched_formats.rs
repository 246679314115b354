//! `crosscheck check --unmatched --format`: the unkeyed figures come as CSV for a
//! spreadsheet, one row per figure; a format made for findings (SARIF, Markdown,
//! GitHub annotations) is refused with exit 2 instead of printing a table in its place.

use crate::support::claims_fixture::PRISONERS_1937;
use crate::support::Scratch;

fn project(scenario: &str) -> Scratch {
    let scratch = Scratch::new(scenario);
    scratch.write(
        "docs/a.txt",
        "In 1937 the camp held 4,512 prisoners and 310 guards.\nA further 120 guards arrived in 1938.\n",
    );
    scratch.write("claims/camp.toml", PRISONERS_1937);
    scratch
}

#[test]
fn csv_lists_each_unkeyed_figure_with_its_place() {
    let scratch = project("check-unmatched-csv");
    let run = scratch.run(&[
        "check",
        "docs",
        "--claims",
        "claims",
        "--unmatched",
        "--format",
        "csv",
    ]);
    run.assert_code(0);
    let out = run.stdout();
    let rows: Vec<&str> = out.split_terminator("\r\n").collect();
    assert_eq!(
        rows[0], "unit,document,line,column,text,kind,sentence",
        "{out}"
    );
    assert_eq!(rows.len(), 3, "{out}");
    assert!(
        rows[1].starts_with("guards,docs/a.txt,1,43,310,count,"),
        "{out}"
    );
    assert!(
        rows[2].starts_with("guards,docs/a.txt,2,11,120,count,"),
        "{out}"
    );
    // The keyed figure has no row of its own.
    assert!(!out.contains(",\"4,512\",count"), "{out}");
}

#[test]
fn formats_for_findings_are_refused() {
    let scratch = project("check-unmatched-sarif");
    for format in ["sarif", "markdown", "github"] {
        let run = scratch.run(&[
            "check",
            "docs",
            "--claims",
            "claims",
            "--unmatched",
            "--format",
            format,
        ]);
        run.assert_code(2);
        assert_eq!(run.stdout(), "", "{format}");
        let stderr = run.stderr();
        assert!(
            stderr.contains(&format!("--format {format} is for findings")),
            "{stderr}"
        );
    }
}
