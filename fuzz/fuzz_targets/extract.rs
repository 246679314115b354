//! The extractor on arbitrary text: no panic, every span a valid slice of the text
//! inside its sentence, a reused `Extractor` gives what a fresh one gives, and the
//! quick path (sentences and words turned away early) finds what the whole grammar
//! finds at every word (`Extractor::reference`).
#![no_main]

use crosscheck::extract::{extract, Extractor};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let figures = extract(&text);
    for f in &figures {
        assert!(
            f.span.start <= f.span.end && f.span.end <= text.len(),
            "{f:?}"
        );
        assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
        assert!(f.sentence.start <= f.sentence.end && f.sentence.end <= text.len());
        assert!(text.is_char_boundary(f.sentence.start) && text.is_char_boundary(f.sentence.end));
        assert!(
            f.sentence.start <= f.span.start && f.span.end <= f.sentence.end,
            "{f:?}"
        );
        assert!(!(f.low > f.high), "low above high: {f:?}");
    }
    // The extractor keeps buffers from text to text: a used one must not remember.
    let mut extractor = Extractor::default();
    extractor.run(
        "Some 3,777,380 people, about 5-7 million in 1937-38.",
        |_| {},
    );
    let mut again = Vec::new();
    extractor.run(&text, |f| again.push(f));
    assert!(
        figures.len() == again.len() && figures.iter().zip(&again).all(|(a, b)| same(a, b)),
        "a reused extractor differs"
    );
    let mut whole = Vec::new();
    Extractor::reference().run(&text, |f| whole.push(f));
    assert!(
        figures.len() == whole.len() && figures.iter().zip(&whole).all(|(a, b)| same(a, b)),
        "the quick path differs from the whole grammar: {figures:?} against {whole:?}"
    );
});

/// Equal, counting NaN equal to NaN (no figure should hold one, but that is not this check).
fn same(a: &crosscheck::extract::Figure, b: &crosscheck::extract::Figure) -> bool {
    format!("{a:?}") == format!("{b:?}")
}
