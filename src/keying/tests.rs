//! Keying tests: the slot, each filter, catalog order, pins.

use std::path::PathBuf;

use super::*;
use crate::claims::load_texts;
use crate::extract::{extract, Period};

const QUANTITIES: &str = r#"
[[quantity]]
id = "party_members_repressed"
description = "Party members repressed in 1937-38"
unit = "people"
"#;

fn catalog(text: &str) -> Catalog {
    load_texts(vec![(PathBuf::from("claims/c.toml"), text.to_string())]).unwrap_or_else(|d| {
        panic!(
            "{}",
            d.iter()
                .map(|d| d.headline())
                .collect::<Vec<_>>()
                .join("\n")
        )
    })
}

/// `(figure text, quantity id)` for every keyed figure of `text` read as `name`.
fn keyed(catalog: &Catalog, name: &str, text: &str) -> Vec<(String, String)> {
    let keyer = Keyer::new(catalog);
    keyed_with(&keyer, catalog, name, text)
}

fn keyed_with(keyer: &Keyer, catalog: &Catalog, name: &str, text: &str) -> Vec<(String, String)> {
    let document = Document::new(name, text.to_string());
    let figures = extract(&document.text);
    keyer
        .key(&document, &figures)
        .into_iter()
        .map(|k| {
            (
                figures[k.figure].text(&document.text).to_string(),
                catalog.quantities[k.quantity].id.clone(),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

const PARTY: &str =
    "In 1937-38, 116,885 Party members were arrested, 4.2 per cent of all communists.";

#[test]
fn the_slot_picks_the_right_one_of_several_figures() {
    let c = catalog(&format!(
        "{QUANTITIES}[[quantity.rule]]\npattern = \"{{figure}} Party members\"\n"
    ));
    assert_eq!(
        keyed(&c, "a.txt", PARTY),
        pairs(&[("116,885", "party_members_repressed")])
    );
}

#[test]
fn the_slot_matches_only_the_figure_being_keyed() {
    // "4.2 per cent" is not followed by "Party members"; other numbers stay as written.
    let c = catalog(&format!(
        "{QUANTITIES}[[quantity.rule]]\npattern = \"116,885 Party members were arrested, {{figure}}\"\n"
    ));
    assert_eq!(
        keyed(&c, "a.txt", PARTY),
        pairs(&[("4.2 per cent", "party_members_repressed")])
    );
}

#[test]
fn white_space_is_collapsed_and_case_ignored() {
    let c = catalog(&format!(
        "{QUANTITIES}[[quantity.rule]]\npattern = \"{{figure}} PARTY members\"\n"
    ));
    let text = "In 1937-38, 116,885\nparty  \t members were arrested.";
    assert_eq!(
        keyed(&c, "a.txt", text),
        pairs(&[("116,885", "party_members_repressed")])
    );
    let strict = catalog(&format!(
        "{QUANTITIES}[[quantity.rule]]\npattern = \"(?-i){{figure}} PARTY members\"\n"
    ));
    assert_eq!(keyed(&strict, "a.txt", text), pairs(&[]));
}

#[test]
fn sentence_filter() {
    let c = catalog(&format!(
        "{QUANTITIES}[[quantity.rule]]\nsentence = \"\\\\barrested\\\\b\"\nunit = \"people\"\n"
    ));
    let text = "In 1937, 1,500 people were arrested. In 1937, 2,500 people were released.";
    assert_eq!(
        keyed(&c, "a.txt", text),
        pairs(&[("1,500", "party_members_repressed")])
    );
}

#[test]
fn unit_filter() {
    let c = catalog(&format!(
        "{QUANTITIES}[[quantity.rule]]\nsentence = \"congress\"\nunit = \"^delegates$\"\n"
    ));
    let text = "The congress had 1,436 delegates and 81 guests.";
    assert_eq!(
        keyed(&c, "a.txt", text),
        pairs(&[("1,436", "party_members_repressed")])
    );
}

#[test]
fn period_filter() {
    let c = catalog(&format!(
        "{QUANTITIES}[[quantity.rule]]\npattern = \"{{figure}} people were arrested\"\nperiod = \"1937-1938\"\n"
    ));
    let text = "In 1937, 1,500 people were arrested. In 1950, 2,500 people were arrested.";
    assert_eq!(
        keyed(&c, "a.txt", text),
        pairs(&[("1,500", "party_members_repressed")])
    );
}

#[test]
fn document_filter() {
    let c = catalog(&format!(
        "{QUANTITIES}[[quantity.rule]]\npattern = \"{{figure}} Party members\"\ndocument = \"seeds/003.txt\"\n"
    ));
    assert_eq!(keyed(&c, "seeds/004.txt", PARTY), pairs(&[]));
    assert_eq!(keyed(&c, "./seeds/003.txt", PARTY).len(), 1);
    assert_eq!(keyed(&c, "/home/r/project/seeds/003.txt", PARTY).len(), 1);
}

#[test]
fn quantity_kind_filter() {
    let c = catalog(&format!(
        "{QUANTITIES}kind = \"percent\"\n[[quantity.rule]]\nsentence = \"communists\"\n"
    ));
    assert_eq!(
        keyed(&c, "a.txt", PARTY),
        pairs(&[("4.2 per cent", "party_members_repressed")])
    );
}

#[test]
fn first_quantity_in_catalog_order_wins() {
    let c = catalog(&format!(
        "{QUANTITIES}[[quantity.rule]]\npattern = \"{{figure}} Party members\"\n\n\
         [[quantity]]\nid = \"second\"\ndescription = \"d\"\nunit = \"people\"\n\
         [[quantity.rule]]\nsentence = \"arrested\"\n"
    ));
    assert_eq!(
        keyed(&c, "a.txt", PARTY),
        pairs(&[
            ("116,885", "party_members_repressed"),
            ("4.2 per cent", "second")
        ])
    );
}

const PINNED: &str = "The hall held 1400 seats.\nLater, 1400 came.\nThen 1400 left.\n";

fn pin(extra: &str) -> Catalog {
    catalog(&format!(
        "{QUANTITIES}[[quantity.rule]]\nsentence = \"seats\"\n\n\
         [[quantity]]\nid = \"delegates\"\ndescription = \"d\"\nunit = \"delegates\"\n\n\
         [[pin]]\nquantity = \"delegates\"\ndocument = \"seeds/004.txt\"\ntext = \"1400\"\n{extra}"
    ))
}

#[test]
fn pin_by_occurrence() {
    let c = pin("occurrence = 3\n");
    let keyer = Keyer::new(&c);
    let found = keyed_with(&keyer, &c, "seeds/004.txt", PINNED);
    assert_eq!(
        found,
        pairs(&[("1400", "party_members_repressed"), ("1400", "delegates")])
    );
    let document = Document::new("seeds/004.txt", PINNED.to_string());
    let figures = extract(PINNED);
    let keys = keyer.key(&document, &figures);
    assert_eq!(keys[1].figure, 2);
    assert_eq!(keys[1].by, KeyedBy::Pin(0));
    assert!(keyer.unmatched_pins().is_empty());
}

#[test]
fn pin_wins_over_rules() {
    let c = pin("");
    let document = Document::new("seeds/004.txt", PINNED.to_string());
    let figures = extract(PINNED);
    let keys = Keyer::new(&c).key(&document, &figures);
    assert_eq!(
        keys,
        [Keyed {
            figure: 0,
            quantity: 1,
            by: KeyedBy::Pin(0)
        }]
    );
}

#[test]
fn pin_by_line() {
    let c = pin("line = 2\n");
    let document = Document::new("seeds/004.txt", PINNED.to_string());
    let figures = extract(PINNED);
    let keys = Keyer::new(&c).key(&document, &figures);
    assert_eq!(keys.len(), 2);
    assert_eq!((keys[1].figure, keys[1].quantity), (1, 1));
}

#[test]
fn unmatched_pins_are_errors_at_the_pin() {
    let c = pin("occurrence = 4\n\n[[pin]]\nquantity = \"delegates\"\ndocument = \"seeds/999.txt\"\ntext = \"7\"\n");
    let keyer = Keyer::new(&c);
    keyed_with(&keyer, &c, "seeds/004.txt", PINNED);
    let problems: Vec<String> = keyer
        .unmatched_pins()
        .iter()
        .map(|d| d.headline())
        .collect();
    assert_eq!(
        problems,
        [
            "claims/c.toml:14:1: error[pin]: pin matched no figure: no figure `1400` (occurrence 4) among the figures of `seeds/004.txt`",
            "claims/c.toml:20:1: error[pin]: pin matched no figure: document `seeds/999.txt` was not among the documents read",
        ]
    );
}

#[test]
fn periods_overlap_with_open_ends() {
    assert!(Period::since(1921).overlaps(&Period::years(1937, 1938)));
    assert!(!Period::year(1950).overlaps(&Period::years(1937, 1938)));
    assert!(Period::year(1938).overlaps(&Period::years(1937, 1938)));
}

/// A catalog of one quantity per pattern, `q0`, `q1`, …, in order.
fn catalog_of_patterns(patterns: &[&str]) -> Catalog {
    let mut text = String::new();
    for (n, pattern) in patterns.iter().enumerate() {
        text.push_str(&format!(
            "[[quantity]]\nid = \"q{n}\"\ndescription = \"q\"\nunit = \"people\"\n\n[[quantity.rule]]\npattern = '''{pattern}'''\n\n"
        ));
    }
    catalog(&text)
}

#[test]
fn prefilter_keys_a_rule_written_in_another_case_than_the_text() {
    let c = catalog_of_patterns(&["{figure} PARTY MEMBERS WERE"]);
    assert_eq!(keyed(&c, "a.txt", PARTY), pairs(&[("116,885", "q0")]));
}

#[test]
fn prefilter_keys_a_rule_through_unicode_case_folding() {
    // The Kelvin sign and the long s match `k` and `s` case-insensitively.
    let c = catalog_of_patterns(&["{figure} \u{212A}ulak\u{17F}", "{figure} кулаков"]);
    assert_eq!(
        keyed(
            &c,
            "a.txt",
            "In 1930, 381,026 kulaks and 240,757 КУЛАКОВ were deported."
        ),
        pairs(&[("381,026", "q0"), ("240,757", "q1")])
    );
}

#[test]
fn prefilter_keys_the_same_figures_as_every_rule_run_on_every_sentence() {
    // Rules with and without a required text, in an order where the first match must win.
    let patterns = [
        "{figure} per cent",
        "arrested.{0,40}{figure}",
        "{figure} (party|Communist) members",
        "{figure} party members were arrested",
        r"\d+-\d+, {figure}",
        "{figure}",
    ];
    let c = catalog_of_patterns(&patterns);
    let text = "In 1937-38, 116,885 Party members were arrested, 4.2 per cent of all communists. \
                Of those arrested in 1937 some 30,000 were shot. 1,436 delegates came.";
    let document = Document::new("a.txt", text.to_string());
    let figures = extract(&document.text);
    let found = Keyer::new(&c).key(&document, &figures);
    // Every rule run on every figure, in catalog order, with no prefilter.
    let mut slotted = String::new();
    let expected: Vec<(usize, usize)> = figures
        .iter()
        .enumerate()
        .filter_map(|(f, figure)| {
            collapse(
                &document,
                figure.sentence.clone(),
                Some(figure.span.clone()),
                &mut slotted,
            );
            c.quantities
                .iter()
                .position(|q| q.rules[0].pattern.as_ref().unwrap().is_match(&slotted) == Ok(true))
                .map(|q| (f, q))
        })
        .collect();
    let found: Vec<(usize, usize)> = found.iter().map(|k| (k.figure, k.quantity)).collect();
    assert_eq!(found, expected);
    assert!(found.len() >= 4, "{found:?}");
}
