//! Where a figure may start: a memo of the grammar's answer per word, and a quick look
//! at a sentence's bytes that turns away, without tokenising it, a sentence no figure
//! can start in.
//!
//! Most sentences of prose hold no figure, and most words start none. The grammar
//! decides the words ([`grammar::may_start_figure`]); this module only remembers its
//! answers and reads words the way the tokeniser does, so the quick look never turns
//! away a sentence the whole grammar would find a figure in (tested against the
//! `ungated` reference in the extractor's tests).

use super::tokens;
use std::sync::Mutex;

use super::{grammar, lexicon};

/// What a (lower-case) word may do where a figure starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordRole(u8);

impl WordRole {
    const STARTS: u8 = 1;
    /// Starts a figure only with another starter in the sentence ("many thousands").
    const NEEDS_COMPANY: u8 = 2;
    /// "a", "an".
    const ARTICLE: u8 = 4;
    /// Makes a figure right after an article ("a few", "a dozen", "a year and a half").
    const FOLLOWS_ARTICLE: u8 = 8;
    /// The first word of one of the [`lexicon::IDIOMS`].
    const OPENS_IDIOM: u8 = 16;

    fn of(word: &str) -> WordRole {
        let mut role = 0;
        if grammar::may_start_figure(word) {
            role |= Self::STARTS;
        }
        if grammar::starts_only_with_company(word) {
            role |= Self::NEEDS_COMPANY;
        }
        if matches!(word, "a" | "an") {
            role |= Self::ARTICLE;
        }
        if grammar::may_follow_article(word) {
            role |= Self::FOLLOWS_ARTICLE;
        }
        if lexicon::IDIOMS.iter().any(|idiom| idiom[0] == word) {
            role |= Self::OPENS_IDIOM;
        }
        WordRole(role)
    }

    /// May a figure start at this word (given what follows)?
    pub fn starts(self) -> bool {
        self.0 & Self::STARTS != 0
    }

    /// Is this the first word of an idiom ("one step forward")?
    pub fn opens_idiom(self) -> bool {
        self.0 & Self::OPENS_IDIOM != 0
    }

    /// Does this word alone make a sentence worth reading whole?
    fn starts_alone(self) -> bool {
        self.0 & (Self::STARTS | Self::NEEDS_COMPANY) == Self::STARTS
    }

    fn is_article(self) -> bool {
        self.0 & Self::ARTICLE != 0
    }

    fn follows_article(self) -> bool {
        self.0 & Self::FOLLOWS_ARTICLE != 0
    }
}

/// The [`WordRole`] of every word met lately, in a fixed table indexed by a hash of the
/// word (a new word takes the place of the one used least lately in its set): a text has few distinct words,
/// and one look in the table is cheaper than the grammar's word lists. The table never
/// grows, whatever the corpus.
pub struct StarterWords {
    slots: Box<[Slot]>,
    /// A buffer for lower-casing words outside ASCII.
    lower: String,
}

/// Aligned so that a set of two slots is one cache line.
#[derive(Clone, Copy)]
#[repr(C, align(32))]
struct Slot {
    len: u8,
    word: [u8; Slot::WORD_BYTES],
    role: WordRole,
}

impl Slot {
    /// Longer words are looked up in the grammar each time (few words are this long).
    const WORD_BYTES: usize = 24;
    const EMPTY: Slot = Slot {
        len: u8::MAX,
        word: [0; Slot::WORD_BYTES],
        role: WordRole(0),
    };
}

/// Tables of extractors that are done, for the next ones to start warm: a process makes
/// an extractor per document or chunk, and the words of one are mostly those of the next.
static SPARE_TABLES: Mutex<Vec<Box<[Slot]>>> = Mutex::new(Vec::new());

/// Spare tables kept at most (one per thread that extracts, in practice).
const MAX_SPARE_TABLES: usize = 64;

impl Default for StarterWords {
    fn default() -> StarterWords {
        let spare = SPARE_TABLES.lock().ok().and_then(|mut spare| spare.pop());
        StarterWords {
            slots: spare
                .unwrap_or_else(|| vec![Slot::EMPTY; StarterWords::SLOTS].into_boxed_slice()),
            lower: String::new(),
        }
    }
}

impl Drop for StarterWords {
    fn drop(&mut self) {
        let slots = std::mem::take(&mut self.slots);
        if slots.len() != Self::SLOTS {
            return;
        }
        if let Ok(mut spare) = SPARE_TABLES.lock() {
            if spare.len() < MAX_SPARE_TABLES {
                spare.push(slots);
            }
        }
    }
}

impl StarterWords {
    /// Sets of two slots, each set one cache line.
    const SET_BITS: u32 = 12;
    const SLOTS: usize = 2 << Self::SET_BITS;

    /// The set of a padded word: its three eight-byte lanes mixed by multiplication,
    /// the top bits taken. A few instructions, where a byte-by-byte hash would chain a
    /// multiplication per byte.
    fn set_index(padded: &[u8; Slot::WORD_BYTES]) -> usize {
        let lane = |i: usize| {
            let mut bytes = [0u8; 8];
            bytes.copy_from_slice(&padded[i * 8..i * 8 + 8]);
            u64::from_le_bytes(bytes)
        };
        let mixed = lane(0).wrapping_mul(0x9e37_79b9_7f4a_7c15)
            ^ lane(1).wrapping_mul(0xc2b2_ae3d_27d4_eb4f)
            ^ lane(2).wrapping_mul(0x1656_67b1_9e37_79f9);
        (mixed.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - Self::SET_BITS)) as usize
    }

    /// The role of `word`, which is in lower case.
    pub fn role(&mut self, word: &str) -> WordRole {
        if word.len() > Slot::WORD_BYTES {
            return WordRole::of(word);
        }
        let mut padded = [0u8; Slot::WORD_BYTES];
        padded[..word.len()].copy_from_slice(word.as_bytes());
        self.role_padded(&padded, word.len())
    }

    /// The role of the word `padded[..len]`, whose bytes past `len` are zero.
    fn role_padded(&mut self, padded: &[u8; Slot::WORD_BYTES], len: usize) -> WordRole {
        // Two ways per set, the one used last first: two frequent words that hash alike
        // do not keep pushing each other out.
        let set = Self::set_index(padded) * 2;
        let ways = &mut self.slots[set..set + 2];
        // Whole arrays compare in a few instructions; slices of any length would not.
        let holds = |slot: &Slot| usize::from(slot.len) == len && slot.word == *padded;
        if holds(&ways[0]) {
            return ways[0].role;
        }
        if holds(&ways[1]) {
            ways.swap(0, 1);
            return ways[0].role;
        }
        let role = WordRole::of(std::str::from_utf8(&padded[..len]).unwrap_or(""));
        ways[1] = ways[0];
        ways[0] = Slot {
            len: len as u8,
            word: *padded,
            role,
        };
        role
    }

    /// Can a figure start anywhere in `sentence`? False only when no token the
    /// tokeniser would make of it may start one: no digit, no vulgar fraction, no
    /// starter word (an article or "many" counts only with a word that completes it).
    pub fn may_hold_figure(&mut self, sentence: &str) -> bool {
        let bytes = sentence.as_bytes();
        // Digits first: a scan for them alone is many times quicker than reading words.
        if has_digit(bytes) {
            return true;
        }
        let mut i = 0;
        // The word before was an article, with only white space since.
        let mut after_article = false;
        while i < bytes.len() {
            let byte = bytes[i];
            if byte.is_ascii_alphabetic() {
                let start = i;
                let mut lower = [0u8; Slot::WORD_BYTES];
                while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                    let b = bytes[i].to_ascii_lowercase();
                    if i - start < Slot::WORD_BYTES {
                        lower[i - start] = b;
                    }
                    i += 1;
                }
                let role = match bytes.get(i) {
                    // A word may be joined across a line break ("thou-\nsand"): the
                    // sentence is read whole.
                    Some(b'-') if bytes.get(i + 1).is_some_and(u8::is_ascii_whitespace) => {
                        return true;
                    }
                    // The word goes on past ASCII letters ("Party's", "naïve"): read it
                    // as the tokeniser does.
                    Some(&b) if b >= 0x80 || b == b'\'' => {
                        let end = tokens::word_end(sentence, start, bytes.len());
                        let role = self.role_of_text(&sentence[start..end]);
                        i = end;
                        role
                    }
                    _ if i - start > Slot::WORD_BYTES => self.role_of_text(&sentence[start..i]),
                    _ => self.role_padded(&lower, i - start),
                };
                if role.starts_alone() || (after_article && role.follows_article()) {
                    return true;
                }
                after_article = role.is_article();
                continue;
            }
            if byte < 0x80 {
                after_article &= byte.is_ascii_whitespace();
                i += 1;
                continue;
            }
            let Some(c) = sentence[i..].chars().next() else {
                break;
            };
            if c.is_alphabetic() {
                let end = tokens::word_end(sentence, i, bytes.len()).max(i + c.len_utf8());
                let role = self.role_of_text(&sentence[i..end]);
                if role.starts_alone() || (after_article && role.follows_article()) {
                    return true;
                }
                after_article = role.is_article();
                i = end;
                continue;
            }
            if super::is_vulgar_fraction_char(c) {
                return true;
            }
            after_article &= c.is_whitespace();
            i += c.len_utf8();
        }
        false
    }

    /// The role of a word as written, lower-cased here.
    fn role_of_text(&mut self, word: &str) -> WordRole {
        let mut lower = std::mem::take(&mut self.lower);
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        let role = self.role(&lower);
        self.lower = lower;
        role
    }
}

/// Does `bytes` hold an ASCII digit? Tested a chunk at a time, which the compiler turns
/// into vector instructions (a byte-at-a-time search with early exit it does not).
fn has_digit(bytes: &[u8]) -> bool {
    let mut chunks = bytes.chunks_exact(32);
    for chunk in &mut chunks {
        if chunk
            .iter()
            .fold(false, |seen, b| seen | b.is_ascii_digit())
        {
            return true;
        }
    }
    chunks.remainder().iter().any(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn holds(sentence: &str) -> bool {
        StarterWords::default().may_hold_figure(sentence)
    }

    #[test]
    fn a_sentence_with_a_digit_may_hold_a_figure() {
        assert!(holds("It rose by 3 per cent."));
    }

    #[test]
    fn a_digit_is_found_wherever_it_is() {
        for at in 0..70 {
            let mut text = vec![b'x'; 70];
            text[at] = b'7';
            assert!(has_digit(&text), "{at}");
        }
        assert!(!has_digit(&[b'x'; 70]));
    }

    #[test]
    fn a_sentence_with_a_number_word_may_hold_a_figure() {
        assert!(holds("Some Twenty delegates came."));
    }

    #[test]
    fn a_sentence_of_ordinary_words_holds_none() {
        assert!(!holds(
            "The congress met in the hall, and many spoke at length."
        ));
    }

    #[test]
    fn an_article_alone_makes_no_figure() {
        assert!(!holds("A delegate asked an old question."));
    }

    #[test]
    fn an_article_before_a_word_it_completes_may_hold_a_figure() {
        assert!(holds("They stayed a few weeks."));
        assert!(holds("It lasted a\nyear and a half."));
        assert!(holds("He bought a dozen eggs."));
    }

    #[test]
    fn an_article_and_its_word_apart_make_no_figure() {
        assert!(!holds("A, few said so."));
    }

    #[test]
    fn a_cyrillic_number_word_may_hold_a_figure() {
        assert!(holds("Было арестовано ТРИСТА человек."));
        assert!(!holds("Было арестовано много людей."));
    }

    #[test]
    fn a_vulgar_fraction_may_hold_a_figure() {
        assert!(holds("It took ½ of the grain."));
    }

    #[test]
    fn a_word_hyphenated_across_a_line_break_is_read_whole() {
        assert!(holds("It came to a thou-\nsand."));
    }

    #[test]
    fn a_word_with_an_apostrophe_is_read_as_the_tokeniser_reads_it() {
        assert!(!holds("The Party's line held."));
        assert!(holds("The Party's million held."));
    }

    #[test]
    fn a_word_too_long_for_the_table_is_still_looked_up() {
        let mut words = StarterWords::default();
        assert!(!words.role("counterrevolutionaries").starts());
        assert!(!words.may_hold_figure("Counterrevolutionaries everywhere."));
    }

    #[test]
    fn a_table_handed_on_keeps_its_answers_right() {
        for _ in 0..3 {
            let mut words = StarterWords::default();
            assert!(words.role("thousand").starts());
            assert!(!words.role("hall").starts());
        }
    }

    #[test]
    fn a_word_that_takes_another_word_s_slot_gets_its_own_role() {
        let mut words = StarterWords::default();
        // Every word goes through one table: whatever slots they share, each keeps
        // its own answer.
        let list = [
            "million", "the", "thousand", "of", "twenty", "hall", "one", "a",
        ];
        for _ in 0..2 {
            for word in list {
                assert_eq!(
                    words.role(word).starts(),
                    grammar::may_start_figure(word),
                    "{word}"
                );
            }
        }
    }
}
