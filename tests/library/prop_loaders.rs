//! Property tests for the loaders: claim files, `crosscheck.toml` and the baseline,
//! fed arbitrary text and TOML assembled from their own vocabulary, never panic, and
//! every problem they report points at a real line and column of the file.

use std::path::{Path, PathBuf};

use crosscheck::claims::{load_texts, Diagnostic};
use proptest::prelude::*;

use crate::common::proptest_config::config;

const TABLES: &[&str] = &[
    "[[quantity]]",
    "[[quantity.rule]]",
    "[[claim]]",
    "[[relation]]",
    "[[source]]",
    "[[pin]]",
    "[[finding]]",
    "[tolerances]",
    "[severity]",
    "[quantity]",
    "[[quantity.pin]]",
];

const KEYS: &[&str] = &[
    "id",
    "description",
    "unit",
    "period",
    "kind",
    "pattern",
    "source",
    "quantity",
    "value",
    "page",
    "attributed_to",
    "title",
    "outlet",
    "date",
    "document",
    "note",
    "expr",
    "tolerance",
    "line",
    "text",
    "figure",
    "fingerprint",
    "verdict",
    "figures",
    "reason",
    "corpus",
    "claims",
    "baseline",
    "about",
    "almost",
    "round-trailing-zeros",
    "contradiction",
    "arithmetic_mismatch",
    "scope_mismatch",
    "agreement",
    "within_rounding",
    "within_approximation",
];

const VALUES: &[&str] = &[
    "\"q\"",
    "\"q2\"",
    "\"s\"",
    "\"count\"",
    "\"percent\"",
    "\"money\"",
    "\"press\"",
    "\"web\"",
    "\"1956\"",
    "\"1937-1938\"",
    "\"1930-\"",
    "\"2026-02\"",
    "\"3,777,380\"",
    "\"about 12,000\"",
    "\"5-7 million\"",
    "\"85%\"",
    "\"1e400\"",
    "\"-0\"",
    "\"NaN\"",
    "\"7 to 3\"",
    "\"gathered {figure} delegates\"",
    "\"{figure}\"",
    "\"{figure} and {figure}\"",
    "\"(\"",
    "\"[a-\"",
    "\"q = q2 + 1\"",
    "\"q = 85% * q2\"",
    "\"q = q2 / (q - q)\"",
    "\"q = \"",
    "\"= = =\"",
    "\"seeds/000_657d8d3b52ea92ff.txt\"",
    "\"0123456789abcdef\"",
    "\"0123456789ABCDEF\"",
    "\"contradiction\"",
    "\"deny\"",
    "\"warn\"",
    "\"allow\"",
    "\"fatal\"",
    "\"\"",
    "\"é\u{301}🦀\"",
    "'''\nmulti\nline'''",
    "\"\"\"\nq\"\"\"",
    "0",
    "1",
    "-1",
    "0.1",
    "1.5",
    "1e308",
    "nan",
    "inf",
    "true",
    "false",
    "[]",
    "[\"seeds\", \"claims\"]",
    "[\"a\", 1]",
    "{}",
    "{ id = \"q\" }",
    "1979-05-27",
];

/// A line of TOML: a table header, a `key = value`, a comment, or something broken.
fn toml_line() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => prop::sample::select(TABLES).prop_map(str::to_string),
        6 => (prop::sample::select(KEYS), prop::sample::select(VALUES))
            .prop_map(|(k, v)| format!("{k} = {v}")),
        1 => "#\\PC{0,20}",
        1 => "\\PC{0,30}",
        1 => Just(String::new()),
    ]
}

fn toml_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::collection::vec(toml_line(), 0..40).prop_map(|lines| lines.join("\n")),
        1 => any::<String>(),
        1 => "[\\[\\]a-z_=\"' \n0-9.{}#\r\t\u{a0}é-]{0,200}",
    ]
}

/// Every diagnostic names one of `files` and a line and column inside that file's text.
fn check_located(
    files: &[(PathBuf, String)],
    diagnostics: &[Diagnostic],
) -> Result<(), TestCaseError> {
    for d in diagnostics {
        let text = files
            .iter()
            .find(|(path, _)| *path == d.path)
            .map(|(_, text)| text.as_str());
        prop_assert!(text.is_some(), "{}: names no file given", d);
        let text = text.unwrap_or_default();
        check_line_column(text, d)?;
    }
    Ok(())
}

fn check_line_column(text: &str, d: &Diagnostic) -> Result<(), TestCaseError> {
    prop_assert!(
        d.line >= 1 && d.column >= 1,
        "{}: line and column are 1-based",
        d
    );
    let lines: Vec<&str> = text.split('\n').collect();
    prop_assert!(
        d.line <= lines.len(),
        "{}: line past the end ({} lines)",
        d,
        lines.len()
    );
    let line = lines[d.line - 1];
    prop_assert!(
        d.column <= line.chars().count() + 1,
        "{}: column past the end of {:?}",
        d,
        line
    );
    Ok(())
}

/// A file of this process's own for the loaders that take a path.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("crosscheck-prop-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary folder");
    dir.join(name)
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).expect("write the scratch file");
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn claim_files_never_panic_and_locate_every_problem(
        texts in prop::collection::vec(toml_text(), 1..4)
    ) {
        let files: Vec<(PathBuf, String)> = texts
            .into_iter()
            .enumerate()
            .map(|(i, text)| (PathBuf::from(format!("claims/f{i}.toml")), text))
            .collect();
        if let Err(diagnostics) = load_texts(files.clone()) {
            prop_assert!(!diagnostics.is_empty());
            check_located(&files, &diagnostics)?;
        }
    }

    #[test]
    fn configuration_never_panics_and_locates_every_problem(text in toml_text()) {
        let path = scratch("crosscheck.toml");
        write(&path, &text);
        if let Err(diagnostics) = crosscheck::config::load(&path) {
            prop_assert!(!diagnostics.is_empty());
            for d in &diagnostics {
                prop_assert_eq!(&d.path, &path);
                check_line_column(&text, d)?;
            }
        }
    }

    #[test]
    fn baseline_never_panics_and_locates_every_problem(text in toml_text()) {
        let path = scratch("crosscheck-baseline.toml");
        write(&path, &text);
        match crosscheck::baseline::load(&path) {
            Ok(loaded) => prop_assert!(loaded.is_some(), "the file exists"),
            Err(diagnostics) => {
                prop_assert!(!diagnostics.is_empty());
                for d in &diagnostics {
                    prop_assert_eq!(&d.path, &path);
                    check_line_column(&text, d)?;
                }
            }
        }
    }
}

#[test]
fn seed_claim_files_load() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("claims");
    let mut files: Vec<(PathBuf, String)> = std::fs::read_dir(&dir)
        .expect("claims/")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("read");
            (path, text)
        })
        .collect();
    files.sort();
    assert!(load_texts(files).is_ok(), "the bundled catalog loads");
}
