//! The rules that keep discovery from reading two quantities as one: figures that one
//! sentence tells apart, a value another document has already settled (by an agreement
//! at least as likely as the disagreement), two figures of one writer a sentence apart,
//! and two different spans of time in unlike contexts. Each text is made up; each test fails when
//! its rule is taken out.

use crosscheck::discover::{Discovered, Tier};

use crate::common::discovery::discover_texts as discover;

/// Whether a pair of these two figure texts is proposed as loud (contradiction,
/// refuted, part of).
fn loud(discovered: &Discovered, x: &str, y: &str) -> bool {
    discovered.candidates.iter().any(|c| {
        let (a, b) = c.figures();
        let (ta, tb) = (
            discovered.profiles[a].value.text.as_str(),
            discovered.profiles[b].value.text.as_str(),
        );
        ((ta, tb) == (x, y) || (ta, tb) == (y, x))
            && matches!(c.tier, Tier::Contradiction | Tier::Refuted | Tier::PartOf)
    })
}

#[test]
fn figures_agreeing_with_two_neighbours_of_one_sentence_are_not_a_contradiction() {
    let discovered = discover(&[
        "During the blockade the daily bread ration fell to 250 grams for manual workers and 125 grams for dependants.",
        "In the worst weeks the daily bread ration was 180 grams for manual workers and 125 grams for dependants.",
        "In the hungriest winter the daily bread ration for dependants was 125 grams.",
        "In the hungriest winter the daily bread ration for manual workers was 180 grams.",
    ]);
    // The last two agree with the two neighbours of the second source's sentence: two
    // rations, not one disputed.
    let (dependants, workers) = (&discovered.profiles[4], &discovered.profiles[5]);
    assert_eq!(
        (dependants.value.text.as_str(), workers.value.text.as_str()),
        ("125", "180")
    );
    assert!(
        !discovered
            .candidates
            .iter()
            .any(|c| c.figures() == (4, 5) && c.tier.shown_by_default()),
        "{:?}",
        discovered.candidates
    );
    // The workers' rations of the first two sources do disagree.
    assert!(
        loud(&discovered, "250", "180"),
        "{:?}",
        discovered.candidates
    );
}

#[test]
fn a_document_that_states_the_agreeing_value_is_not_read_against_its_other_figures() {
    let discovered = discover(&[
        "The harbour authority counted 4,210 ships entering the port of Varna in 2019.",
        "Port records show 4,210 ships entered the port of Varna in 2019.\n\nThe port also handled container ships: 3,880 ships were loaded at the port of Varna in 2019.",
    ]);
    assert!(
        !loud(&discovered, "4,210", "3,880"),
        "{:?}",
        discovered.candidates
    );
}

#[test]
fn two_figures_a_sentence_apart_one_of_them_quoted_are_same_voice() {
    let discovered = discover(&[
        "According to the ministry, the cooperative had 1,200 members in the valley in 1990. By the autumn of 1990 the cooperative counted 860 members in the valley.",
    ]);
    assert!(
        !loud(&discovered, "1,200", "860"),
        "{:?}",
        discovered.candidates
    );
}

#[test]
fn a_faint_agreement_does_not_settle_a_likelier_disagreement() {
    // The second source's barns agree with the first's homes only by their digits; its
    // homes are a copy of the first's with two digits swapped, far likelier one quantity.
    let discovered = discover(&[
        "The flood destroyed 4,512 homes in Valmont, city engineers said.",
        "The flood destroyed 4,152 homes in Valmont, the report said.\n\nSeparately, the flood destroyed 4,512 barns in Valmont county.",
    ]);
    assert!(
        loud(&discovered, "4,512", "4,152"),
        "{:?}",
        discovered.candidates
    );
}

#[test]
fn two_different_spans_of_time_are_two_intervals_unless_their_contexts_are_alike() {
    let discovered = discover(&[
        "In 1961 the court sentenced Rokotov to 15 years in prison for currency speculation.",
        "According to historians, in two years the number of prisoners in the camps decreased several times.",
        "Construction of the Nurek dam on the Vakhsh took 12 years, the ministry said.",
        "Construction of the Nurek dam on the Vakhsh took 21 years, according to the engineers.",
    ]);
    // A prison term and the span of a decline: two intervals.
    assert!(
        !loud(&discovered, "15 years", "two years"),
        "{:?}",
        discovered.candidates
    );
    // The time one dam took, in two sources: one interval, disputed.
    assert!(
        loud(&discovered, "12 years", "21 years"),
        "{:?}",
        discovered.candidates
    );
}
