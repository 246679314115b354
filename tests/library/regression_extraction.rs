//! Regression tests for the extraction rules that dropped or fused good figures, each
//! named after what it fixed (issue "Extraction that holds on prose nobody here wrote").

use crosscheck::extract::extract;

fn texts(input: &str) -> Vec<String> {
    extract(input)
        .iter()
        .map(|f| f.text(input).to_string())
        .collect()
}

fn values(input: &str) -> Vec<Option<f64>> {
    extract(input).iter().map(|f| f.value).collect()
}

#[test]
fn regression_a_citation_on_the_line_keeps_the_sentences_figures() {
    assert_eq!(
        texts("The quake killed 300 people (Larsen 1998, p. 41) and left 412 homeless."),
        ["300", "412"]
    );
}

#[test]
fn regression_a_press_agency_does_not_make_a_sentence_a_reference() {
    assert_eq!(
        texts("According to the Associated Press, 300 deaths were recorded in the city."),
        ["300"]
    );
}

#[test]
fn a_reference_entry_still_gives_no_figures() {
    assert_eq!(
        texts("Larsen, K. (1998). The Great Quake. Oslo: University Press, p. 318."),
        Vec::<String>::new()
    );
}

#[test]
fn a_bracketed_reference_number_is_no_figure() {
    assert_eq!(texts("About 46 villages were destroyed.[12]"), ["46"]);
    assert_eq!(
        values("About 46 villages were destroyed.[12]"),
        [Some(46.0)]
    );
}
