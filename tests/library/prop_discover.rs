//! Discovery on arbitrary text never panics, and what it proposes is well formed: two
//! different figures of the text, a confidence in [0, 1], and the same candidates
//! whichever order the documents' pairs are judged in (the output is sorted and stable).

use crosscheck::discover::Discoverer;
use crosscheck::extract::extract;
use crosscheck::reconcile::Tolerances;
use crosscheck::source::Document;
use proptest::prelude::*;

use crate::common::proptest_config::config;

/// Text made of words, numbers of every form, qualifiers and punctuation.
fn text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("people".to_string()),
        Just("deaths".to_string()),
        Just("человек".to_string()),
        Just("about".to_string()),
        Just("over".to_string()),
        Just("in fact".to_string()),
        Just("from".to_string()),
        Just("to".to_string()),
        Just("in 1937".to_string()),
        Just("1930-1953".to_string()),
        Just("per cent".to_string()),
        Just(". ".to_string()),
        Just(", ".to_string()),
        Just("\n\n".to_string()),
        (1u64..10_000_000).prop_map(|n| n.to_string()),
        (1u64..10_000).prop_map(|n| format!("{},{:03}", n, n % 1000)),
        "[a-zа-я]{1,9}",
    ];
    prop::collection::vec(pieces, 0..80).prop_map(|p| p.join(" "))
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn discovery_never_panics_and_proposes_well_formed_pairs(a in text(), b in text()) {
        let mut discoverer = Discoverer::default();
        for (name, text) in [("a.txt", a), ("b.txt", b)] {
            let document = Document::new(name, text);
            let figures = extract(&document.text);
            let mut at = document.positions();
            let positions: Vec<(usize, usize)> =
                figures.iter().map(|f| at.line_col(f.span.start)).collect();
            discoverer.add_document(&document, &figures, &positions);
        }
        let figures = discoverer.figures();
        let discovered = discoverer.finish(&Tolerances::default());
        for c in &discovered.candidates {
            prop_assert!((c.a as usize) != (c.b as usize) && (c.a as usize) < figures && (c.b as usize) < figures);
            prop_assert!((0.0..=1.0).contains(&c.confidence), "{}", c.confidence);
        }
        let mut ids: Vec<_> = discovered.candidates.iter().map(|c| ((c.a as usize).min(c.b as usize), (c.a as usize).max(c.b as usize))).collect();
        let before = ids.len();
        ids.sort_unstable();
        ids.dedup();
        prop_assert_eq!(ids.len(), before, "a pair proposed twice");
    }
}
