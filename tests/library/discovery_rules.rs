//! The rules that keep discovery from reading two quantities as one: figures that one
//! sentence tells apart, a value another document has already settled (by an agreement
//! at least as likely as the disagreement), two figures of one writer a sentence apart,
//! two different spans of time in unlike contexts, and a counted noun narrowed on one
//! side only ("310 seasonal workers" against "1,450 workers"); and those that carry a conflict
//! to where it is restated (a precise figure stated twice in one document) and keep a
//! writer who cites their own text in their own voice. Each text is made up; each test
//! fails when its rule is taken out.

use crosscheck::discover::Discovered;

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
        ((ta, tb) == (x, y) || (ta, tb) == (y, x)) && c.tier.is_loud()
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

#[test]
fn a_figure_at_odds_with_one_statement_is_at_odds_with_its_restatement() {
    let discovered = discover(&[
        "Campaigners claim that 43,000 homes were flooded in the Tarn valley in 2021.",
        "The county office counted 12,480 homes flooded in the Tarn valley in 2021.\n\nInsurers settled claims for the growers of the region.\n\nThe county later rebuilt two bridges.\n\nIts count of 12,480 homes is the one the insurers use.",
    ]);
    assert!(
        loud(&discovered, "43,000", "12,480"),
        "{:?}",
        discovered.candidates
    );
    // Both statements of 12,480 meet the campaigners' figure, as `check` would show them.
    let restated = discovered
        .candidates
        .iter()
        .filter(|c| {
            let (a, b) = c.figures();
            let texts = (
                discovered.profiles[a].value.text.as_str(),
                discovered.profiles[b].value.text.as_str(),
            );
            (texts == ("43,000", "12,480") || texts == ("12,480", "43,000")) && c.tier.is_loud()
        })
        .count();
    assert_eq!(restated, 2, "{:?}", discovered.candidates);
}

#[test]
fn an_approximate_figure_stated_twice_is_not_a_restatement() {
    let discovered = discover(&[
        "Campaigners claim that 43,000 homes were flooded in the Tarn valley in 2021.",
        "The county office counted about 12,000 homes flooded in the Tarn valley in 2021.\n\nInsurers settled claims for the growers of the region.\n\nThe county later rebuilt two bridges.\n\nAbout 12,000 homes were fitted with new meters in the spring.",
    ]);
    let loud_pairs = discovered
        .candidates
        .iter()
        .filter(|c| c.tier.is_loud())
        .count();
    assert_eq!(loud_pairs, 1, "{:?}", discovered.candidates);
}

#[test]
fn a_writer_citing_their_own_text_speaks_in_their_own_voice() {
    let discovered = discover(&[
        "As stated in Part 1 of this article, the share of farms that failed was 8.5 per cent.",
        "As stated by the ministry, the share of farms that failed was 9.5 per cent.",
        "As noted above, the cooperative had 1,240 members.",
    ]);
    let reported: Vec<(&str, bool)> = discovered
        .profiles
        .iter()
        .map(|p| (p.value.text.as_str(), p.reported))
        .collect();
    assert_eq!(
        reported,
        [
            ("8.5 per cent", false),
            ("9.5 per cent", true),
            ("1,240", false)
        ]
    );
}

#[test]
fn a_counted_noun_narrowed_on_one_side_only_counts_a_part() {
    let discovered = discover(&[
        "In 2019 the Orme mill counted 310 seasonal workers on its payroll.",
        "In 2019 the Orme mill counted 1,450 workers on its payroll.",
        "In 2019 the Orme mill counted 1,610 workers on its payroll.",
    ]);
    assert!(
        !loud(&discovered, "310", "1,450") && !loud(&discovered, "310", "1,610"),
        "{:?}",
        discovered.candidates
    );
    // Two counts of all the workers do disagree.
    assert!(
        loud(&discovered, "1,450", "1,610"),
        "{:?}",
        discovered.candidates
    );
}
