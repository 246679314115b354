//! Figures found by their digits: a number copied with two neighbouring digits swapped
//! is proposed, digits shuffled at random are not, and a figure copied into many
//! documents is linked to a few copies, not to all (the pairs stay as many as the
//! figures: regression for a corpus of a million figures that made millions of pairs).
//! The documents' sentences share no telling context word: only digits pair them.

use crosscheck::discover::Discovered;

use crate::common::discovery::discover_texts as discover;

fn pairs(discovered: &Discovered) -> Vec<(String, String)> {
    discovered
        .candidates
        .iter()
        .map(|c| {
            let (a, b) = c.figures();
            (
                discovered.profiles[a].value.text.clone(),
                discovered.profiles[b].value.text.clone(),
            )
        })
        .collect()
}

#[test]
fn neighbouring_digits_swapped_are_proposed_shuffled_digits_are_not() {
    let discovered = discover(&[
        "Alpha bravo recorded 63,225 tonnes.",
        "Charlie delta shipped 62,325 tonnes.",
        "Echo foxtrot weighed 53,226 tonnes.",
    ]);
    let pairs = pairs(&discovered);
    assert!(
        pairs.contains(&("63,225".to_string(), "62,325".to_string())),
        "{pairs:?}"
    );
    assert!(
        !pairs.iter().any(|(a, b)| a == "53,226" || b == "53,226"),
        "{pairs:?}"
    );
}

#[test]
fn a_figure_copied_into_many_documents_is_linked_to_a_few_copies() {
    // A name of its own in each document: the other words are shared by all.
    let name = |n: u8| format!("{}{}", (b'a' + n / 26) as char, (b'a' + n % 26) as char);
    let texts: Vec<String> = (0..60)
        .map(|n| format!("Ship {}q listed 48,213 tonnes.", name(n)))
        .collect();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let discovered = discover(&texts);
    let candidates = discovered.candidates.len();
    // All pairs would be 60 × 59 / 2 = 1,770; each figure reaches at most 16 others
    // (the partners of a small corpus), copies among them.
    assert!(candidates > 0, "copies of one figure are proposed");
    assert!(candidates <= 60 * 16, "{candidates} candidates");
}
