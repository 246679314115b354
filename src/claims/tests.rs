//! Loading tests: one per kind of problem, each checking the message and where it
//! is reported, plus the all-at-once guarantee.

use std::path::PathBuf;

use super::*;
use crate::extract::Qualifier;

const SOURCE: &str = r#"
[[source]]
id = "memo_1954"
title = "Memo"
author = "R. Rudenko"
kind = "memo"
"#;

const QUANTITY: &str = r#"
[[quantity]]
id = "convicted"
description = "People convicted"
unit = "people"
"#;

fn load_one(text: &str) -> Result<Catalog, Vec<Diagnostic>> {
    load_texts(vec![(PathBuf::from("c.toml"), text.to_string())])
}

/// The problems of one file as `line:column: message`.
fn problems(text: &str) -> Vec<String> {
    match load_one(text) {
        Ok(_) => panic!("expected problems in:\n{text}"),
        Err(diagnostics) => diagnostics
            .iter()
            .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
            .collect(),
    }
}

fn one_problem(text: &str) -> String {
    let all = problems(text);
    assert_eq!(all.len(), 1, "{all:#?}");
    all.into_iter().next().unwrap()
}

fn ok(text: &str) -> Catalog {
    load_one(text).unwrap_or_else(|d| {
        panic!(
            "{}",
            d.iter()
                .map(|d| d.headline())
                .collect::<Vec<_>>()
                .join("\n")
        )
    })
}

#[test]
fn a_problem_shows_its_code_and_the_line_it_is_on() {
    let text = format!("{SOURCE}{QUANTITY}colour = \"red\"\n");
    let diagnostics = load_one(&text).expect_err("an unknown key");
    assert_eq!(
        diagnostics[0].to_string(),
        "c.toml:12:1: error[schema]: unknown field `colour`, expected one of `id`, `description`, `unit`, `period`, `cumulative`, `shared`, `part_of`, `share_of`, `disjoint`, `kind`, `tolerance`, `rule`\n   |\n12 | colour = \"red\"\n   | ^"
    );
}

#[test]
fn a_complete_file_loads() {
    let text = format!(
        "{SOURCE}{QUANTITY}{}",
        r#"
[[quantity.rule]]
pattern = "{figure} people (?:had been )?convicted"
period = "1921-1953"

[[claim]]
id = "memo_convicted"
quantity = "convicted"
source = "memo_1954"
value = "about 3.8 million"
period = "1921-1953"

[[pin]]
quantity = "convicted"
document = "./seeds/a.txt"
text = "1400"
line = 3

[[relation]]
id = "same"
expr = "convicted = memo_convicted * 100%"
"#
    );
    let catalog = ok(&text);
    assert_eq!(catalog.sources[0].kind, SourceKind::Memo);
    assert_eq!(catalog.quantities[0].rules.len(), 1);
    assert_eq!(catalog.claims[0].quantity, 0);
    assert_eq!(catalog.claims[0].value.stated.qualifier, Qualifier::About);
    assert_eq!(catalog.claims[0].period, Some(Period::years(1921, 1953)));
    assert_eq!(catalog.pins[0].document, "seeds/a.txt");
    assert_eq!(catalog.pins[0].line, Some(3));
    assert_eq!(catalog.relations[0].equation.left, Expr::Quantity(0));
    assert_eq!(catalog.claims[0].location.line, 17);
}

#[test]
fn toml_syntax_error() {
    assert_eq!(
        one_problem("[[source]]\nid = \"a\"\ntitle = \n"),
        "3:9: TOML syntax: invalid string; expected `\"`, `'`"
    );
}

#[test]
fn unknown_key() {
    let text = format!("{SOURCE}colour = \"red\"\n");
    let problem = one_problem(&text);
    assert!(
        problem.starts_with("7:1: unknown field `colour`, expected one of"),
        "{problem}"
    );
}

#[test]
fn unknown_table() {
    let problem = one_problem("[[claims]]\nid = \"a\"\n");
    assert!(
        problem.starts_with("1:3: unknown field `claims`"),
        "{problem}"
    );
}

#[test]
fn wrong_type() {
    let text = format!("{QUANTITY}cumulative = \"yes\"\n");
    let problem = one_problem(&text);
    assert!(
        problem.starts_with("6:14: invalid type: string \"yes\", expected a boolean"),
        "{problem}"
    );
}

#[test]
fn every_unknown_key_in_a_file_is_reported() {
    let text = format!("{SOURCE}colour = \"red\"\n{QUANTITY}size = 3\n");
    let all = problems(&text);
    assert_eq!(all.len(), 2, "{all:#?}");
    assert!(
        all[0].starts_with("7:1: unknown field `colour`"),
        "{all:#?}"
    );
    assert!(all[1].starts_with("13:1: unknown field `size`"), "{all:#?}");
}

#[test]
fn missing_required_keys() {
    let all = problems("[[source]]\nid = \"a\"\n");
    assert_eq!(
        all,
        [
            "1:1: [[source]] is missing required key `kind`",
            "1:1: [[source]] is missing required key `title`",
            "1:1: [[source]] needs `author` or `outlet`",
        ]
    );
}

#[test]
fn bad_id_syntax() {
    let text = QUANTITY.replace("\"convicted\"", "\"Convicted People\"");
    assert_eq!(
        one_problem(&text),
        "3:6: bad quantity id `Convicted People`: use lower-case letters, digits and `_`"
    );
}

#[test]
fn duplicate_ids_name_both_places() {
    let text = format!("{SOURCE}{SOURCE}");
    assert_eq!(
        one_problem(&text),
        "9:6: duplicate source id `memo_1954` (first defined at c.toml:3:6)"
    );
}

#[test]
fn duplicate_ids_across_files_name_both_files() {
    let result = load_texts(vec![
        (PathBuf::from("a.toml"), QUANTITY.to_string()),
        (PathBuf::from("b.toml"), QUANTITY.to_string()),
    ]);
    let diagnostics = result.unwrap_err();
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(
        diagnostics[0].headline(),
        "b.toml:3:6: error[duplicate]: duplicate quantity id `convicted` (already a quantity id at a.toml:3:6)"
    );
}

#[test]
fn a_claim_id_may_not_reuse_a_quantity_id() {
    let text = format!(
        "{SOURCE}{QUANTITY}{}",
        "[[claim]]\nid = \"convicted\"\nquantity = \"convicted\"\nsource = \"memo_1954\"\nvalue = \"5\"\n"
    );
    assert_eq!(
        one_problem(&text),
        "13:6: duplicate claim id `convicted` (already a quantity id at c.toml:9:6)"
    );
}

#[test]
fn unknown_ids_in_claims_and_pins() {
    let text = format!(
        "{SOURCE}{QUANTITY}{}",
        r#"[[claim]]
id = "c1"
quantity = "convicted_1937"
source = "memo_1955"
value = "5"

[[pin]]
quantity = "delegates"
document = "seeds/a.txt"
text = "1400"
"#
    );
    assert_eq!(
        problems(&text),
        [
            "14:12: unknown quantity id `convicted_1937`",
            "15:10: unknown source id `memo_1955`",
            "19:12: unknown quantity id `delegates`",
        ]
    );
}

#[test]
fn pattern_without_slot() {
    let text = format!("{QUANTITY}[[quantity.rule]]\npattern = \"people convicted\"\n");
    let problem = one_problem(&text);
    assert!(
        problem.starts_with("7:11: `pattern` has no `{figure}` slot"),
        "{problem}"
    );
}

#[test]
fn pattern_that_does_not_compile() {
    let text = format!("{QUANTITY}[[quantity.rule]]\npattern = \"{{figure}} (people\"\n");
    assert_eq!(
        one_problem(&text),
        "7:11: `pattern` does not compile: unclosed group"
    );
}

#[test]
fn sentence_and_unit_that_do_not_compile() {
    let text = format!("{QUANTITY}[[quantity.rule]]\nsentence = \"[a-\"\nunit = \"*people\"\n");
    let all = problems(&text);
    assert_eq!(all.len(), 2, "{all:#?}");
    assert!(
        all[0].starts_with("7:12: `sentence` does not compile: "),
        "{all:#?}"
    );
    assert!(
        all[1].starts_with("8:8: `unit` does not compile: "),
        "{all:#?}"
    );
}

#[test]
fn rule_needs_pattern_or_sentence() {
    let text = format!("{QUANTITY}[[quantity.rule]]\nunit = \"people\"\n");
    assert_eq!(
        one_problem(&text),
        "6:1: [[quantity.rule]] needs `pattern` or `sentence`"
    );
}

fn claim(body: &str) -> String {
    format!(
        "{SOURCE}{QUANTITY}[[claim]]\nid = \"c1\"\nquantity = \"convicted\"\nsource = \"memo_1954\"\n{body}"
    )
}

#[test]
fn value_that_does_not_parse() {
    let problem = one_problem(&claim("value = \"800,000 or 900,000\"\n"));
    assert!(
        problem.starts_with("16:9: value `800,000 or 900,000` holds 2 figures"),
        "{problem}"
    );
    let problem = one_problem(&claim("value = \"many\"\n"));
    assert_eq!(problem, "16:9: value `many` holds no figure");
}

#[test]
fn period_that_does_not_parse() {
    let problem = one_problem(&claim("value = \"5\"\nperiod = \"1937 to 1938\"\n"));
    assert!(
        problem.starts_with("17:10: period `1937 to 1938` does not parse"),
        "{problem}"
    );
}

#[test]
fn low_above_high() {
    assert_eq!(
        one_problem(&claim("low = 7e6\nhigh = 5e6\n")),
        "16:7: `low` (7000000) is greater than `high` (5000000)"
    );
}

#[test]
fn explicit_bounds_load() {
    let catalog = ok(&claim("low = 5000000\nhigh = 7000000\n"));
    let value = &catalog.claims[0].value;
    assert_eq!((value.stated.low, value.stated.high), (5e6, 7e6));
    assert_eq!(value.stated.qualifier, Qualifier::Range);
}

#[test]
fn value_or_bounds_but_not_both_nor_neither() {
    assert_eq!(
        one_problem(&claim("value = \"5\"\nlow = 4\n")),
        "17:7: give `value` or `low` and `high`, not both"
    );
    assert_eq!(one_problem(&claim("low = 4\n")), "16:7: `low` needs `high`");
    assert_eq!(
        one_problem(&claim("")),
        "12:1: [[claim]] needs `value` or `low` and `high`"
    );
}

#[test]
fn value_kind_must_fit_the_quantity_kind() {
    let text = claim("value = \"85 per cent\"\n").replace(
        "unit = \"people\"\n",
        "unit = \"people\"\nkind = \"count\"\n",
    );
    assert_eq!(
        one_problem(&text),
        "17:9: value is a percent but quantity `convicted` has kind count"
    );
}

fn relation(expr: &str) -> String {
    format!(
        "{SOURCE}{QUANTITY}[[claim]]\nid = \"c1\"\nquantity = \"convicted\"\nsource = \"memo_1954\"\nvalue = \"5\"\n\n[[relation]]\nid = \"r\"\nexpr = \"{expr}\"\n"
    )
}

#[test]
fn relation_that_does_not_parse() {
    assert_eq!(
        one_problem(&relation("convicted = (c1 + 2")),
        "20:28: in `expr`: expected `)` to close the `(` at offset 12, found end of expression"
    );
}

#[test]
fn relation_with_unknown_ids() {
    assert_eq!(
        problems(&relation("convicted = c2 * 4.2% + executed")),
        [
            "20:21: in `expr`: `c2` is neither a quantity id nor a claim id",
            "20:33: in `expr`: `executed` is neither a quantity id nor a claim id",
        ]
    );
}

#[test]
fn relation_resolves_quantities_and_claims() {
    let catalog = ok(&relation("convicted = c1 * 4.2%"));
    let equation = &catalog.relations[0].equation;
    assert_eq!(equation.left, Expr::Quantity(0));
    assert_eq!(
        equation.right,
        Expr::Binary(
            Op::Mul,
            Box::new(Expr::Claim(0)),
            Box::new(Expr::Number(0.042, 0.001))
        )
    );
}

#[test]
fn source_kind_and_date() {
    let text = SOURCE.replace("\"memo\"", "\"letter\"") + "date = \"1954-13\"\n";
    let all = problems(&text);
    assert_eq!(all.len(), 2, "{all:#?}");
    assert!(
        all[0].starts_with("6:8: unknown source kind `letter`: expected one of archive, memo"),
        "{all:#?}"
    );
    assert_eq!(
        all[1],
        "7:8: date `1954-13` does not parse: write YYYY, YYYY-MM or YYYY-MM-DD"
    );
}

#[test]
fn pin_counts_from_one() {
    let text = format!(
        "{QUANTITY}[[pin]]\nquantity = \"convicted\"\ndocument = \"a.txt\"\ntext = \"5\"\noccurrence = 0\n"
    );
    assert_eq!(one_problem(&text), "10:14: `occurrence` counts from 1");
}

#[test]
fn every_problem_in_every_file_is_reported_at_once() {
    let bad_syntax = "[[source]\n";
    let bad_schema = format!("{SOURCE}colour = 1\n");
    // The unknown source `nobody` is not reported: it might be defined in a.toml.
    let bad_meaning = claim("value = \"lots\"\nperiod = \"soon\"\n")
        .replace("memo_1954\"\nvalue", "nobody\"\nvalue");
    let result = load_texts(vec![
        (PathBuf::from("a.toml"), bad_syntax.to_string()),
        (PathBuf::from("b.toml"), bad_schema),
        (PathBuf::from("c.toml"), bad_meaning),
    ]);
    let diagnostics = result.unwrap_err();
    let files: Vec<String> = diagnostics
        .iter()
        .map(|d| format!("{}:{}", d.path.display(), d.line))
        .collect();
    assert_eq!(
        files,
        ["a.toml:1", "b.toml:7", "c.toml:3", "c.toml:16", "c.toml:17"],
        "{diagnostics:#?}"
    );
}

#[test]
fn load_reads_folders_in_sorted_order_and_reports_unreadable_paths() {
    let dir = std::env::temp_dir().join(format!("crosscheck-claims-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("b.toml"), QUANTITY).unwrap();
    std::fs::write(dir.join("sub/a.toml"), QUANTITY).unwrap();
    std::fs::write(dir.join("notes.txt"), "not toml").unwrap();
    std::fs::write(dir.join("bad.toml"), b"id = \"\xff\"\n").unwrap();
    let missing = dir.join("missing.toml");
    let result = load(&[dir.clone(), missing.clone()]);
    std::fs::remove_dir_all(&dir).unwrap();
    let diagnostics = result.unwrap_err();
    let shown: Vec<String> = diagnostics.iter().map(|d| d.headline()).collect();
    assert_eq!(diagnostics.len(), 3, "{shown:#?}");
    assert_eq!(diagnostics[0].path, dir.join("bad.toml"));
    assert_eq!((diagnostics[0].line, diagnostics[0].column), (1, 7));
    assert!(diagnostics[0].message.contains("not valid UTF-8"));
    assert_eq!(diagnostics[1].path, missing);
    assert!(diagnostics[1].message.starts_with("cannot read claim file"));
    // b.toml is read before sub/a.toml, so the duplicate is reported in sub/a.toml.
    assert_eq!(diagnostics[2].path, dir.join("sub/a.toml"));
    assert!(diagnostics[2].message.contains("b.toml:3:6"), "{shown:#?}");
}

#[test]
fn two_sources_may_not_claim_one_document() {
    let text = format!(
        "{SOURCE}document = \"seeds/a.txt\"\n{}document = \"./seeds/a.txt\"\n",
        SOURCE.replace("memo_1954", "memo_1955")
    );
    assert_eq!(
        one_problem(&text),
        "14:12: document `seeds/a.txt` already belongs to the source at c.toml:7:12"
    );
}

#[test]
fn a_file_that_cannot_be_read_as_tables_does_not_cascade_into_unknown_ids() {
    let result = load_texts(vec![
        (PathBuf::from("a.toml"), format!("{QUANTITY}title = \n")),
        (
            PathBuf::from("b.toml"),
            format!(
                "{SOURCE}[[claim]]\nid = \"c1\"\nquantity = \"convicted\"\nsource = \"memo_1954\"\nvalue = \"5\"\n\
                 [[relation]]\nid = \"r\"\nexpr = \"convicted = c1 + c2 +\"\n"
            ),
        ),
    ]);
    let shown: Vec<String> = result.unwrap_err().iter().map(|d| d.headline()).collect();
    assert_eq!(
        shown,
        [
            "a.toml:6:9: error[toml]: TOML syntax: invalid string; expected `\"`, `'`",
            "b.toml:14:30: error[expression]: in `expr`: expected a number, a name or `(`, found end of expression",
        ]
    );
}

#[test]
fn unknown_key_in_a_rule() {
    let text = format!("{QUANTITY}[[quantity.rule]]\npatern = \"{{figure}} people\"\n");
    let all = problems(&text);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert!(
        all[0].starts_with("7:1: unknown field `patern`, expected one of `pattern`"),
        "{all:#?}"
    );
}

#[test]
fn a_required_key_of_the_wrong_type_is_not_also_missing() {
    let text = QUANTITY.replace("id = \"convicted\"", "id = 7");
    assert_eq!(
        one_problem(&text),
        "3:6: invalid type: integer `7`, expected a string"
    );
}

#[test]
fn a_schema_error_in_a_multi_line_value_stops_that_file_only() {
    let result = load_texts(vec![
        (
            PathBuf::from("a.toml"),
            format!("{SOURCE}tags = [\n  \"a\",\n]\n"),
        ),
        (PathBuf::from("b.toml"), QUANTITY.replace("people", "")),
    ]);
    let shown: Vec<String> = result.unwrap_err().iter().map(|d| d.headline()).collect();
    assert_eq!(shown.len(), 1, "{shown:#?}");
    assert!(
        shown[0].starts_with("a.toml:7:1: error[schema]: unknown field `tags`"),
        "{shown:#?}"
    );
}

#[test]
fn a_misspelt_required_key_is_reported_once() {
    let text = SOURCE.replace("title =", "titel =");
    let problem = one_problem(&text);
    assert!(
        problem.starts_with("4:1: unknown field `titel`"),
        "{problem}"
    );
}

#[test]
fn an_unrelated_unknown_key_does_not_hide_a_missing_one() {
    let text = SOURCE.replace("title =", "colour =");
    let all = problems(&text);
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(all[0], "2:1: [[source]] is missing required key `title`");
    assert!(
        all[1].starts_with("4:1: unknown field `colour`"),
        "{all:#?}"
    );
}

#[test]
fn problems_past_the_first_hundred_are_counted_not_dropped() {
    let mut text = String::from(QUANTITY);
    for n in 0..130 {
        text.push_str(&format!("colour{n} = \"red\"\n"));
    }
    let all = problems(&text);
    assert_eq!(all.len(), 101, "{all:#?}");
    assert!(all[0].contains("colour0`"), "{}", all[0]);
    assert!(all[99].contains("colour99`"), "{}", all[99]);
    assert_eq!(
        all[100],
        "106:1: 30 more problems from here on not shown (only the first 100 of a file are)"
    );
}

#[test]
fn a_hundred_problems_need_no_note() {
    let mut text = String::from(QUANTITY);
    for n in 0..100 {
        text.push_str(&format!("colour{n} = \"red\"\n"));
    }
    let all = problems(&text);
    assert_eq!(all.len(), 100, "{all:#?}");
    assert!(all.iter().all(|p| !p.contains("not shown")));
}

#[test]
fn a_quote_matches_across_a_line_break() {
    let quote = Quote {
        prefix: Some("the camp held".into()),
        suffix: Some("prisoners in".into()),
    };
    assert!(quote.matches(
        "In 1937 the camp\n   held\n",
        "\nprisoners\nin its barracks."
    ));
}

#[test]
fn a_quote_does_not_match_other_words() {
    let quote = Quote {
        prefix: Some("the camp held".into()),
        suffix: None,
    };
    assert!(!quote.matches("The guards counted ", " rations."));
}

#[test]
fn a_quote_pin_reads_exact_prefix_and_suffix() {
    let text = format!(
        "{QUANTITY}[[pin]]\nquantity = \"convicted\"\ndocument = \"a.txt\"\nprefix = \"since 1921,\"\nexact = \"3,777,380\"\nsuffix = \"people\"\n"
    );
    let catalog = load_texts(vec![(PathBuf::from("a.toml"), text)]).expect("loads");
    let pin = &catalog.pins[0];
    assert_eq!(pin.text, "3,777,380");
    assert_eq!(pin.quote.prefix.as_deref(), Some("since 1921,"));
    assert_eq!(pin.quote.suffix.as_deref(), Some("people"));
}

#[test]
fn a_quote_matches_across_deep_indentation() {
    let quote = Quote {
        prefix: Some("the camp held".into()),
        suffix: None,
    };
    let before = format!("In 1937 the camp\n{}held\n", " ".repeat(120));
    assert!(quote.matches(&before, " prisoners"));
}
