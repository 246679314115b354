//! The figure records of `check --figures` (JSON Lines, as `crosscheck extract` writes
//! them, or as anything else does) on arbitrary UTF-8. Each stand-in document's figures
//! must lie inside it, on character boundaries, each inside its sentence, with one
//! position per figure; and what the check reads of them (text, sentence, line) must
//! not panic.
#![no_main]

use std::path::Path;

use crosscheck::figures;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(sources) = figures::read(Path::new("figures.jsonl"), text) else {
        return;
    };
    for source in &sources {
        let document = &source.document;
        let text = &document.text;
        assert_eq!(source.figures.len(), source.positions.len());
        for figure in &source.figures {
            for range in [&figure.span, &figure.sentence] {
                assert!(range.start <= range.end && range.end <= text.len(), "{range:?}");
                assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
            }
            assert!(
                figure.sentence.start <= figure.span.start && figure.span.end <= figure.sentence.end,
                "span {:?} outside its sentence {:?}",
                figure.span,
                figure.sentence
            );
            let _ = figure.text(text);
            let _ = figure.sentence_text(text);
            let _ = document.line(figure.span.start);
        }
    }
});
