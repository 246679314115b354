//! The quick path (the starters' look and the scan only where a figure may start)
//! against the whole grammar tried at every word.

use super::*;

/// The figures of `text`, by the quick path and by the whole grammar at every word.
fn quick_and_whole(text: &str) -> (Vec<Figure>, Vec<Figure>) {
    let mut quick = Vec::new();
    Extractor::default().run(text, |f| quick.push(f));
    let mut whole = Vec::new();
    let mut reference = Extractor::reference();
    reference.run(text, |f| whole.push(f));
    (quick, whole)
}

#[test]
fn the_quick_path_finds_what_the_whole_grammar_finds_in_the_bundled_texts() {
    for text in [
        include_str!("../../seeds/000_657d8d3b52ea92ff.txt"),
        include_str!("../../seeds/001_feb10a0b37b23b30.txt"),
        include_str!("../../seeds/002_57d5f1d80ad01411.txt"),
        include_str!("../../seeds/003_8500507a40018902.txt"),
        include_str!("../../seeds/004_f5f5ae3d1d49beaf.txt"),
        include_str!("../../tests/corpus/abstract_en.txt"),
        include_str!("../../tests/corpus/encyclopedia_en.txt"),
        include_str!("../../tests/corpus/news_en.txt"),
        include_str!("../../tests/corpus/russian_ru.txt"),
        include_str!("../../tests/corpus/slides_en.txt"),
        // Every input of the grammar's table, in its Rust quotes.
        include_str!("../../tests/library/grammar.rs"),
    ] {
        let (quick, whole) = quick_and_whole(text);
        assert!(!whole.is_empty());
        assert_eq!(quick, whole);
    }
}

#[test]
fn regression_a_vertical_tab_after_an_article_does_not_hide_a_figure_from_the_quick_path() {
    let (quick, whole) = quick_and_whole("They stayed a\x0bfew weeks in Kiev.");
    assert!(!whole.is_empty());
    assert_eq!(quick, whole);
}

#[test]
fn the_quick_path_finds_what_the_whole_grammar_finds_in_sentences_of_its_own_words() {
    let mut vocabulary = lexicon::grammar_vocabulary();
    assert!(vocabulary.len() > 300, "{}", vocabulary.len());
    vocabulary.extend(
        [
            "1,436", "3.5", "12", "1937", "50%", "$5m", "-", ",", ".", "of", "½", "(", ")",
        ]
        .map(String::from),
    );
    // A fixed sequence of word choices.
    let mut random = xorshift(0x9e37_79b9_7f4a_7c15);
    let mut next = |n: usize| random() % n;
    let mut text = String::new();
    for sentence in 0..4000 {
        let length = 3 + next(10);
        for k in 0..length {
            if k > 0 {
                text.push(' ');
            }
            text.push_str(&vocabulary[next(vocabulary.len())]);
        }
        text.push_str(if sentence % 7 == 6 { ".\n\n" } else { ". " });
    }
    let (quick, whole) = quick_and_whole(&text);
    assert!(whole.len() > 1000, "{}", whole.len());
    if let Some(k) = (0..quick.len().max(whole.len())).find(|&k| quick.get(k) != whole.get(k)) {
        let sentence = whole
            .get(k)
            .or(quick.get(k))
            .map_or(0..0, |f| f.sentence.clone());
        panic!(
            "first difference in {:?}:\nquick: {:?}\nwhole: {:?}",
            &text[sentence],
            quick.get(k),
            whole.get(k)
        );
    }
}

/// A fixed pseudo-random sequence from `seed` (xorshift): the same inputs on every run.
pub(super) fn xorshift(mut seed: u64) -> impl FnMut() -> usize {
    move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed as usize
    }
}
