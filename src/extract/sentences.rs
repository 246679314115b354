//! Sentence splitting: a single forward scan yielding sentence spans.
//!
//! A full stop ends a sentence unless it closes an abbreviation or an initial
//! ("I.N. Makarov", "N.S. Khrushchev", "Yu. P.", "U.S.", "p. 12"). A blank
//! line ends a sentence unless a word was hyphenated across it ("exceed-" /
//! "ed"); a single line break ends one only when the next line starts like a
//! new sentence, so hard-wrapped prose stays whole.

use std::ops::Range;

/// A sentence span and whether it starts a new paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceSpan {
    pub range: Range<usize>,
    pub new_paragraph: bool,
}

pub struct Sentences<'a> {
    text: &'a str,
    pos: usize,
    /// The next sentence starts a paragraph.
    paragraph_start: bool,
}

impl<'a> Sentences<'a> {
    pub fn new(text: &'a str) -> Sentences<'a> {
        Sentences {
            text,
            pos: 0,
            paragraph_start: true,
        }
    }
}

/// Longer than any sentence: text that runs on further without a stop is cut, so one
/// "sentence" never holds a whole file (nor its tokens, nor every record's copy of it).
pub const MAX_SENTENCE_BYTES: usize = 16 * 1024;

/// Bytes in the longest of the [`ABBREVIATIONS`].
const LONGEST: usize = 8;

/// Is `byte` one the sentence scan stops at: a line break, a stop, or the first byte of
/// "…"? Tested without a branch, so that a block of bytes is tested in a few vector
/// instructions.
#[inline(always)]
fn may_end_sentence(byte: u8) -> bool {
    (byte == b'\n') | (byte == b'.') | (byte == b'!') | (byte == b'?') | (byte == 0xE2)
}

/// Where the first byte the sentence scan stops at is in `bytes`, if anywhere. Most
/// bytes end nothing: they are tested a block at a time, and only a block holding one
/// is looked into.
fn first_may_end_sentence(bytes: &[u8]) -> Option<usize> {
    const BLOCK: usize = 32;
    let mut blocks = bytes.chunks_exact(BLOCK);
    for (k, block) in (&mut blocks).enumerate() {
        let mut stops = [false; BLOCK];
        for (stop, &byte) in stops.iter_mut().zip(block) {
            *stop = may_end_sentence(byte);
        }
        if stops.iter().fold(false, |any, &stop| any | stop) {
            return stops.iter().position(|&stop| stop).map(|at| k * BLOCK + at);
        }
    }
    let rest = blocks.remainder();
    rest.iter()
        .position(|&byte| may_end_sentence(byte))
        .map(|at| bytes.len() - rest.len() + at)
}

/// Words after which a full stop does not end a sentence, in byte order (searched by
/// halves).
const ABBREVIATIONS: &[&str] = &[
    "approx", "apr", "art", "aug", "c", "ca", "capt", "cf", "ch", "chap", "cit", "co", "col",
    "corp", "dec", "dept", "dr", "e.g", "ed", "eds", "est", "feb", "fig", "figs", "ft", "gen",
    "gov", "hon", "i.e", "ibid", "inc", "jan", "jr", "jul", "jun", "lt", "ltd", "mar", "mr", "mrs",
    "ms", "mt", "no", "nos", "nov", "nr", "oct", "op", "p", "para", "paras", "pp", "prof", "rev",
    "sec", "sen", "sep", "sept", "sgt", "sr", "st", "tel", "univ", "vol", "vols", "vs", "г", "гг",
    "д", "др", "им", "коп", "л", "лл", "млн", "млрд", "об", "ок", "оп", "пр", "проц", "руб", "см",
    "стр", "т", "т.е", "трлн", "тыс", "ул", "ф",
];

/// Abbreviations that introduce a number: a line break after them does not end the sentence.
const LABELS: &[&str] = &[
    "p", "pp", "vol", "vols", "no", "nos", "para", "paras", "fig", "figs", "chap", "art", "sec",
    "ch",
];

impl Iterator for Sentences<'_> {
    type Item = SentenceSpan;

    fn next(&mut self) -> Option<SentenceSpan> {
        let text = self.text;
        let bytes = text.as_bytes();
        // Skip white space before the sentence, noting paragraph breaks.
        while self.pos < bytes.len() {
            let c = bytes[self.pos];
            if c == b'\n' {
                self.paragraph_start = true;
            }
            if c.is_ascii_whitespace() {
                self.pos += 1;
            } else if let Some(ch) = text[self.pos..]
                .chars()
                .next()
                .filter(|c| c.is_whitespace())
            {
                self.pos += ch.len_utf8();
            } else {
                break;
            }
        }
        if self.pos >= bytes.len() {
            return None;
        }
        let start = self.pos;
        let new_paragraph = std::mem::replace(&mut self.paragraph_start, false);
        let mut i = start;
        while i < bytes.len() {
            // Most bytes end nothing: skip them in one tight loop, up to the length cap.
            let cap = bytes.len().min(start + MAX_SENTENCE_BYTES);
            if i < cap {
                i += first_may_end_sentence(&bytes[i..cap]).unwrap_or(cap - i);
                if i == bytes.len() {
                    break;
                }
            }
            // Text that runs on without a stop (a table dump, a corrupt file) is cut at
            // white space, not after a digit or comma, once no sentence is that long;
            // past a grace of 1 KiB at any white space, and past 2 KiB at the next
            // character, so that no input makes a sentence longer.
            let past = (i - start).saturating_sub(MAX_SENTENCE_BYTES);
            let cut = i - start >= MAX_SENTENCE_BYTES
                && text.is_char_boundary(i)
                && match bytes[i] {
                    b' ' | b'\t' | b'\r' | b'\x0b' | b'\x0c' => {
                        past >= 1024 || !matches!(bytes[i - 1], b'0'..=b'9' | b',')
                    }
                    _ => past >= 2048,
                };
            if cut {
                self.pos = i;
                return Some(SentenceSpan {
                    range: start..trim_end(text, start, i),
                    new_paragraph,
                });
            }
            match bytes[i] {
                b'\n' => {
                    if let Some(next_start) = self.line_break_ends_sentence(start, i) {
                        let end = trim_end(text, start, i);
                        self.pos = next_start;
                        self.paragraph_start = true;
                        return Some(SentenceSpan {
                            range: start..end,
                            new_paragraph,
                        });
                    }
                    i += 1;
                }
                b'.' | b'!' | b'?' => {
                    if let Some(end) = self.stop_ends_sentence(start, i) {
                        self.pos = end;
                        return Some(SentenceSpan {
                            range: start..end,
                            new_paragraph,
                        });
                    }
                    i += 1;
                }
                0xE2 if text[i..].starts_with('\u{2026}') => {
                    if let Some(end) = self.stop_ends_sentence(start, i) {
                        self.pos = end;
                        return Some(SentenceSpan {
                            range: start..end,
                            new_paragraph,
                        });
                    }
                    i += 3;
                }
                _ => i += 1,
            }
        }
        self.pos = bytes.len();
        Some(SentenceSpan {
            range: start..trim_end(text, start, bytes.len()),
            new_paragraph,
        })
    }
}

impl Sentences<'_> {
    /// At a line break at `at`: if it ends the sentence, where the next one may start.
    fn line_break_ends_sentence(&self, start: usize, at: usize) -> Option<usize> {
        let text = self.text;
        let line_before = text[start..at].trim_end();
        // Look past white space (and blank lines) to the next text.
        let rest = &text[at..];
        let skipped = rest.len() - rest.trim_start().len();
        let next_start = at + skipped;
        let blank_line = rest[..skipped].matches('\n').count() >= 2;
        let next_char = text[next_start..].chars().next()?;
        let hyphenated = line_before.ends_with('-')
            && line_before[..line_before.len() - 1]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
            && next_char.is_lowercase();
        if hyphenated {
            return None;
        }
        let label_before = line_before
            .strip_suffix('.')
            .map(last_word)
            .is_some_and(|w| LABELS.contains(&w.to_lowercase().as_str()));
        if label_before && next_char.is_ascii_digit() {
            return None;
        }
        if blank_line || line_before.is_empty() {
            return Some(next_start);
        }
        let ends_like_sentence = line_before
            .ends_with(['.', '!', '?', ':', ';', '"', '\u{201D}', '\u{00BB}', '\t'])
            || line_before.ends_with('\u{2026}');
        // A line that starts with a digit goes on the sentence of a hard-wrapped line
        // ("gathered\n1,436 delegates"), unless the line before is a short heading or a
        // table row.
        let starts_like_sentence = if next_char.is_ascii_digit() {
            // The whole line, from its start in the text, not from the sentence's start.
            let this_line = &text[text[..at].rfind('\n').map_or(0, |p| p + 1)..at];
            this_line.contains('\t') || this_line.chars().count() < 40
        } else {
            !next_char.is_lowercase()
        };
        (ends_like_sentence || starts_like_sentence).then_some(next_start)
    }

    /// At '.', '!', '?' or '…' at `at`: if it ends the sentence, the sentence's end.
    fn stop_ends_sentence(&self, start: usize, at: usize) -> Option<usize> {
        let text = self.text;
        let bytes = text.as_bytes();
        let stop_char = text[at..].chars().next()?;
        // Include runs of stops and closing quotes or brackets: `."`, `?)`, `...`.
        let mut end = at + stop_char.len_utf8();
        while let Some(c) = text[end..].chars().next() {
            if matches!(
                c,
                '.' | '!'
                    | '?'
                    | '"'
                    | '\''
                    | ')'
                    | ']'
                    | '\u{201D}'
                    | '\u{2019}'
                    | '\u{00BB}'
                    | '\u{2026}'
                    | '*'
            ) || super::tokens::is_superscript_digit(c)
            {
                end += c.len_utf8();
            } else {
                break;
            }
        }
        // A stop inside a word or numeral ("1.3", "U.S.A", "e.g.") does not end anything here.
        let next = text[end..].chars().next();
        match next {
            None => return Some(end),
            Some(c) if c.is_whitespace() => {}
            _ => return None,
        }
        // What follows the white space must look like the start of a sentence.
        let after_space = text[end..].trim_start();
        let following = after_space.chars().next()?;
        if following.is_lowercase() {
            return None;
        }
        if stop_char == '.' {
            let word_before = last_word(&text[start..at]);
            if is_abbreviation(word_before) {
                return None;
            }
            // A list marker at the start of a line: "12. I. Deutscher".
            if !word_before.is_empty()
                && word_before.bytes().all(|b| b.is_ascii_digit())
                && word_before.len() <= 3
            {
                let word_start = at - word_before.len();
                if word_start == start || bytes[word_start - 1] == b'\n' {
                    return None;
                }
            }
        }
        Some(end)
    }
}

/// The word (letters, digits and inner dots) ending right before a stop.
fn last_word(before: &str) -> &str {
    let bytes = before.as_bytes();
    // Most words are ASCII: read back byte by byte until one that is not a letter, digit
    // or dot; only a byte outside ASCII sends the search through characters.
    let ascii_from = bytes
        .iter()
        .rposition(|&b| !(b.is_ascii_alphanumeric() || b == b'.'))
        .map_or(0, |at| at + 1);
    if ascii_from == 0 || bytes[ascii_from - 1].is_ascii() {
        return &before[ascii_from..];
    }
    let from = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .last()
        .map_or(before.len(), |(i, _)| i);
    &before[from..]
}

fn is_abbreviation(word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    // A loop, not `rsplit`: words are short, and a call to search costs more.
    let bytes = word.as_bytes();
    let mut segment_start = word.len();
    while segment_start > 0 && bytes[segment_start - 1] != b'.' {
        segment_start -= 1;
    }
    let last_segment = &word[segment_start..];
    let mut chars = last_segment.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    // Initials and two-letter name abbreviations: "N", "S", "Yu", "Ya".
    let second = chars.next();
    if first.is_uppercase() && chars.next().is_none() && second.is_none_or(|c| c.is_lowercase()) {
        return true;
    }
    is_listed_abbreviation(word)
        || (last_segment.len() < word.len() && is_listed_abbreviation(last_segment))
}

/// Is `word`, in lower case, one of the [`ABBREVIATIONS`]? None is longer than eight
/// bytes, so a word is packed into one `u64` and searched for among the packed list.
fn is_listed_abbreviation(word: &str) -> bool {
    if word.len() > LONGEST * 2 {
        return false;
    }
    let key = if word.is_ascii() {
        pack(word.as_bytes(), true)
    } else {
        pack(word.to_lowercase().as_bytes(), false)
    };
    key.is_some_and(|key| ABBREVIATION_KEYS.binary_search(&key).is_ok())
}

/// `word`'s bytes (ASCII letters lower-cased when `fold`) big-endian in a `u64`, zero
/// padded, so that packed words sort as the words do; `None` past eight bytes.
const fn pack(word: &[u8], fold: bool) -> Option<u64> {
    if word.len() > LONGEST {
        return None;
    }
    let mut key = 0u64;
    let mut i = 0;
    while i < LONGEST {
        let byte = if i < word.len() {
            if fold {
                word[i].to_ascii_lowercase()
            } else {
                word[i]
            }
        } else {
            0
        };
        key = key << 8 | byte as u64;
        i += 1;
    }
    Some(key)
}

/// [`ABBREVIATIONS`] packed: in the same order, as they are in byte order.
const ABBREVIATION_KEYS: [u64; ABBREVIATIONS.len()] = {
    let mut keys = [0u64; ABBREVIATIONS.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = match pack(ABBREVIATIONS[i].as_bytes(), false) {
            Some(key) => key,
            None => panic!("an abbreviation is longer than LONGEST"),
        };
        i += 1;
    }
    keys
};

fn trim_end(text: &str, start: usize, end: usize) -> usize {
    start + text[start..end].trim_end().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_without_a_stop_is_cut_into_sentences_of_bounded_length() {
        let text = "word 12 ".repeat(10_000);
        let sentences = split(&text);
        assert!(sentences.len() >= 4, "{}", sentences.len());
        for sentence in &sentences[..sentences.len() - 1] {
            assert!(
                sentence.len() <= MAX_SENTENCE_BYTES + 8,
                "{}",
                sentence.len()
            );
            // Never right after a number: "3 777 380" is one figure.
            assert!(
                sentence.ends_with("word"),
                "{}",
                &sentence[sentence.len() - 10..]
            );
        }
        assert_eq!(sentences.join(" "), text.trim_end());
    }

    #[test]
    fn the_first_byte_that_may_end_a_sentence_is_found_in_any_block() {
        for len in 0..100 {
            for at in 0..=len {
                for stop in [b'\n', b'.', b'!', b'?', 0xE2, b'x'] {
                    let mut bytes = vec![b'a'; len];
                    if at < len {
                        bytes[at] = stop;
                    }
                    let expected = bytes.iter().position(|&b| may_end_sentence(b));
                    assert_eq!(
                        first_may_end_sentence(&bytes),
                        expected,
                        "{len} {at} {stop}"
                    );
                }
            }
        }
    }

    #[test]
    fn abbreviations_are_in_byte_order_for_the_search_by_halves() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
        assert!(ABBREVIATION_KEYS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn no_abbreviation_is_longer_than_the_quick_check_allows() {
        assert!(ABBREVIATIONS.iter().all(|a| a.len() <= LONGEST));
        assert!(is_abbreviation("Approx") && is_abbreviation("МЛРД"));
    }

    fn split(text: &str) -> Vec<&str> {
        Sentences::new(text).map(|s| &text[s.range]).collect()
    }

    #[test]
    fn initials_do_not_end_a_sentence() {
        assert_eq!(
            split("I.N. Makarov spoke. N.S. Khrushchev listened."),
            vec!["I.N. Makarov spoke.", "N.S. Khrushchev listened."]
        );
    }

    #[test]
    fn two_letter_initial_does_not_end_a_sentence() {
        assert_eq!(
            split("Yu. P. Petrov wrote it. Then."),
            vec!["Yu. P. Petrov wrote it.", "Then."]
        );
    }

    #[test]
    fn us_abbreviation_does_not_end_a_sentence() {
        assert_eq!(
            split("The U.S. administration agreed. Later it did not."),
            vec!["The U.S. administration agreed.", "Later it did not."]
        );
    }

    #[test]
    fn decimal_point_does_not_end_a_sentence() {
        assert_eq!(
            split("It was 1.3 million. Yes."),
            vec!["It was 1.3 million.", "Yes."]
        );
    }

    #[test]
    fn blank_line_ends_a_sentence() {
        assert_eq!(
            split("Heading\n\nText here."),
            vec!["Heading", "Text here."]
        );
    }

    #[test]
    fn hyphenation_across_a_blank_line_joins() {
        assert_eq!(
            split("It exceed-\n\ned 1.3 million."),
            vec!["It exceed-\n\ned 1.3 million."]
        );
    }

    #[test]
    fn hard_wrapped_line_continues() {
        assert_eq!(
            split("The flood cost\nabout $2 bn. Next."),
            vec!["The flood cost\nabout $2 bn.", "Next."]
        );
    }

    #[test]
    fn hard_wrapped_line_starting_with_a_number_continues() {
        assert_eq!(
            split("The 20th Congress of the Communist Party gathered\n1,436 delegates. Next."),
            vec![
                "The 20th Congress of the Communist Party gathered\n1,436 delegates.",
                "Next."
            ]
        );
    }

    #[test]
    fn sentence_starting_mid_line_wrapped_before_its_number_continues() {
        assert_eq!(
            split("Traffic grew again last year. In 2023 the ferries carried\n48,200 passengers between Tarn and Hollin.\n"),
            vec!["Traffic grew again last year.", "In 2023 the ferries carried\n48,200 passengers between Tarn and Hollin."]
        );
    }

    #[test]
    fn page_abbreviation_does_not_end_a_sentence() {
        assert_eq!(
            split("See p. 12 and vol. 3 there."),
            vec!["See p. 12 and vol. 3 there."]
        );
    }

    #[test]
    fn endnote_number_does_not_end_a_sentence() {
        assert_eq!(
            split("12. I. Deutscher, Stalin, 351."),
            vec!["12. I. Deutscher, Stalin, 351."]
        );
    }
}
