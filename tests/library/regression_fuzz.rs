//! Inputs the fuzz targets (`fuzz/`) found a failure with, each run here as an ordinary
//! test named after the bug, so that it stays fixed.

use std::path::Path;

/// `figures` target, out of memory: a record of `check --figures` said its figure was
/// on line 9,999,999,999,999,913, and the stand-in document went down to that line a
/// line break at a time. Lines now come from the records only, and a line past 2^32 is
/// refused, located at its record.
#[test]
fn figure_record_on_an_absurd_line_is_read_without_going_down_to_it() {
    let record = |line: &str| {
        format!(
            r#"{{"source":"se92ff.txt","line":{line},"column":266,"end_line":{line},"end_column":275,"text":"3,777,38and Minio","qualifier":"exact","kind":"count","vague":false,"sentence":"A memo datMijf In    ov","step":10,"sentence_offset":175}}"#
        )
    };
    let absurd = format!("{}\n{}\n", record("13"), record("9999999999999913"));
    let problems = crosscheck::figures::read(Path::new("figures.jsonl"), &absurd)
        .expect_err("a line past 2^32 is refused");
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, 2);
    let fine = format!("{}\n{}\n", record("13"), record("4000000000"));
    let sources = crosscheck::figures::read(Path::new("figures.jsonl"), &fine)
        .expect("the records are well-formed");
    assert_eq!(sources.len(), 1);
    let source = &sources[0];
    assert_eq!(source.positions[1], (4_000_000_000, 266));
    assert!(source.document.text.len() < 1000);
    for figure in &source.figures {
        assert_eq!(figure.text(&source.document.text), "3,777,38and Minio");
    }
}

/// `relation` target, index out of bounds: a relation of numbers only
/// (`555* 455555585=555555`) names no quantity, and the engine took its first name's
/// first claim. Such a relation is now refused when the claim file loads.
#[test]
fn relation_of_numbers_only_is_refused_not_a_panic() {
    let text = r#"[[source]]
id = "s"
title = "A source"
outlet = "An archive"
kind = "archive"

[[quantity]]
id = "a"
description = "a"
unit = "people"

[[claim]]
id = "ca"
quantity = "a"
source = "s"
value = "1,500"

[[relation]]
id = "r"
expr = '555*  455555585=555555'
"#;
    let problems = crosscheck::claims::load_texts(vec![(
        std::path::PathBuf::from("claims/r.toml"),
        text.to_string(),
    )])
    .expect_err("a relation that names nothing is refused");
    assert_eq!(problems.len(), 1);
    assert_eq!((problems[0].line, problems[0].column), (20, 9));
    assert!(problems[0]
        .message
        .contains("names at least one quantity or claim"));
}

#[test]
fn rule_whose_size_estimate_overflowed_loads_not_a_panic() {
    // `t++++…`: ninety nested repetitions, each counted twice, took the estimate of its
    // compiled size past usize::MAX. It compiles small, and loads.
    let text = format!(
        "[[quantity]]\nid = \"a\"\ndescription = \"a\"\nunit = \"people\"\n\n[[quantity.rule]]\npattern = \"the Party grew from {{figure}} t{} to 350,000 members\"\n",
        "+".repeat(90)
    );
    let catalog =
        crosscheck::claims::load_texts(vec![(std::path::PathBuf::from("claims/r.toml"), text)])
            .unwrap_or_else(|problems| panic!("{problems:?}"));
    assert_eq!(catalog.quantities[0].rules.len(), 1);
}

#[test]
fn rule_whose_size_estimate_saturates_is_refused_not_a_panic() {
    // Bounded repetitions nested past any size: the estimate saturates, the rule is
    // compiled when loaded and refused at its place.
    let nested = "(?:".repeat(8) + "a" + &"{1000})".repeat(8);
    let text = format!(
        "[[quantity]]\nid = \"a\"\ndescription = \"a\"\nunit = \"people\"\n\n[[quantity.rule]]\npattern = \"{{figure}} {nested}\"\n"
    );
    let problems =
        crosscheck::claims::load_texts(vec![(std::path::PathBuf::from("claims/r.toml"), text)])
            .expect_err("a rule that large is refused");
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("too large once compiled")),
        "{problems:?}"
    );
}
