//! Discovery compares measures of one dimension stated in two units: an area in square
//! kilometres against one in hectares, converted, never as bare numbers.

use crosscheck::reconcile::{Diagnosis, Verdict};

use crate::common::discovery::discover_texts as discover;

#[test]
fn square_kilometres_and_hectares_are_one_area() {
    let discovered = discover(&[
        "The flood covered 145 square kilometres of farmland in the county.",
        "The flood covered 1,450 hectares of farmland in the county.",
        "The flood covered 14,500 hectares of farmland in the county.",
    ]);
    let pair = |a: &str, b: &str| {
        discovered
            .candidates
            .iter()
            .find(|c| {
                let texts = [
                    discovered.profiles[c.a as usize].value.text.as_str(),
                    discovered.profiles[c.b as usize].value.text.as_str(),
                ];
                texts.contains(&a) && texts.contains(&b)
            })
            .unwrap_or_else(|| panic!("no candidate {a} / {b}"))
    };
    let slipped = pair("145", "1,450");
    assert_eq!(slipped.verdict, Verdict::Contradiction);
    assert_eq!(slipped.diagnosis, Some(Diagnosis::ScaleSlip));
    assert!(discovered.reason(slipped).contains("square km"));
    assert_eq!(pair("145", "14,500").verdict, Verdict::Agreement);
}
