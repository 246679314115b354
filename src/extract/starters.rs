//! Where a figure may start: the role of every word in the grammar's lists, and a quick
//! look at a sentence's bytes that turns away, without tokenising it, a sentence no
//! figure can start in.
//!
//! Most sentences of prose hold no figure, and most words start none. The lexicon
//! decides the words ([`lexicon::may_start_figure`]) and lists them all
//! ([`lexicon::figure_starting_words`]); this module puts its answers for those words in
//! a table built once, and reads words the way the tokeniser does, so the quick look
//! never turns away a sentence the whole grammar would find a figure in (tested
//! against the `ungated` reference in the extractor's tests).

use super::ascii::{is_space, word_end, Block};
use super::lexicon;
use std::ops::Range;
use std::sync::OnceLock;

/// What a (lower-case) word may do where a figure starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordRole(u8);

impl WordRole {
    pub const NONE: WordRole = WordRole(0);
    const STARTS: u8 = 1;
    /// Starts a figure only with another starter in the sentence ("many thousands").
    const NEEDS_COMPANY: u8 = 2;
    /// "a", "an".
    const ARTICLE: u8 = 4;
    /// Makes a figure right after an article ("a few", "a dozen", "a year and a half").
    const FOLLOWS_ARTICLE: u8 = 8;
    /// The first word of one of the [`lexicon::IDIOMS`].
    const OPENS_IDIOM: u8 = 16;
    /// A word an attribution is read on from ([`lexicon::may_open_attribution`]).
    const OPENS_ATTRIBUTION: u8 = 32;

    fn of(word: &str) -> WordRole {
        let mut role = 0;
        if lexicon::may_start_figure(word) {
            role |= Self::STARTS;
        }
        if lexicon::starts_only_with_company(word) {
            role |= Self::NEEDS_COMPANY;
        }
        if matches!(word, "a" | "an") {
            role |= Self::ARTICLE;
        }
        if lexicon::may_follow_article(word) {
            role |= Self::FOLLOWS_ARTICLE;
        }
        if lexicon::IDIOMS.iter().any(|idiom| idiom[0] == word) {
            role |= Self::OPENS_IDIOM;
        }
        if lexicon::may_open_attribution(word) {
            role |= Self::OPENS_ATTRIBUTION;
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

    /// May an attribution be read on from this word ("according", "said")?
    pub fn opens_attribution(self) -> bool {
        self.0 & Self::OPENS_ATTRIBUTION != 0
    }

    /// Does this word make a sentence worth reading whole: alone, or right after an
    /// article (`after_article`)?
    fn makes_figure(self, after_article: bool) -> bool {
        self.0 & (Self::STARTS | Self::NEEDS_COMPANY) == Self::STARTS
            || (after_article && self.0 & Self::FOLLOWS_ARTICLE != 0)
    }

    fn is_article(self) -> bool {
        self.0 & Self::ARTICLE != 0
    }
}

/// What reading a word in the quick look tells.
enum WordRead {
    /// The word may be joined to the next across a line break ("thou-\nsand"): the
    /// sentence is to be read whole.
    ReadWhole,
    /// The word's role, and where it ends.
    Role(WordRole, usize),
}

/// Every word with a role, built once from the grammar's word lists. Three looks, each
/// rarer than the one before: one bit for the word's first eight bytes and length (1 KiB,
/// memory that stays in the nearest cache) turns most words away; two bits for its whole
/// key (1 KiB) turn away most of the rest; a table of the words themselves answers.
struct Vocabulary {
    /// One bit per first eight bytes and length of each word: most words are turned
    /// away on it before the rest of their key is made.
    prefixes: [u64; Vocabulary::FILTER_WORDS],
    filter: [u64; Vocabulary::FILTER_WORDS],
    slots: Box<[Slot]>,
}

/// A word of the vocabulary and its role.
#[derive(Clone, Copy)]
#[repr(C, align(32))]
struct Slot {
    key: Key,
    role: WordRole,
}

/// A word as three little-endian lanes of eight bytes, zero past its end (no letter
/// is a zero byte, so the length goes without saying).
type Key = [u64; 3];

/// Words up to this long are looked up in the vocabulary; no word of the grammar is
/// longer (tested), and a longer word is asked of the grammar itself.
const WORD_BYTES: usize = 24;

impl Vocabulary {
    const FILTER_BITS: u32 = 13;
    const FILTER_WORDS: usize = (1 << Self::FILTER_BITS) / 64;
    /// Four times the words of the grammar and more, so that a look rarely goes on
    /// past its first slot.
    const SLOT_BITS: u32 = 11;

    fn get() -> &'static Vocabulary {
        static VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
        VOCABULARY.get_or_init(Vocabulary::new)
    }

    /// The words of every list the roles are made of: a word outside them has none.
    fn words() -> impl Iterator<Item = &'static str> {
        lexicon::figure_starting_words()
            .chain(lexicon::article_following_words())
            .chain(lexicon::IDIOMS.iter().map(|idiom| idiom[0]))
            .chain(lexicon::attribution_opening_words())
    }

    fn new() -> Vocabulary {
        let mut vocabulary = Vocabulary {
            prefixes: [0; Self::FILTER_WORDS],
            filter: [0; Self::FILTER_WORDS],
            slots: vec![Slot::EMPTY; 1 << Self::SLOT_BITS].into_boxed_slice(),
        };
        for word in Self::words() {
            let Some(key) = key(word) else {
                continue;
            };
            let prefix = Self::prefix_bit(key[0], word.len());
            vocabulary.prefixes[prefix / 64] |= 1 << (prefix % 64);
            let hash = hash(&key);
            let (bit, other_bit) = Self::filter_bits(hash);
            vocabulary.filter[bit / 64] |= 1 << (bit % 64);
            vocabulary.filter[other_bit / 64] |= 1 << (other_bit % 64);
            let mut at = Self::first_slot(hash);
            loop {
                let slot = &mut vocabulary.slots[at];
                if slot.key == key {
                    break;
                }
                if slot.key == Slot::EMPTY.key {
                    *slot = Slot {
                        key,
                        role: WordRole::of(word),
                    };
                    break;
                }
                at = (at + 1) % vocabulary.slots.len();
            }
        }
        vocabulary
    }

    fn filter_bits(hash: u64) -> (usize, usize) {
        let bits = 64 - Self::FILTER_BITS;
        (
            (hash >> bits) as usize,
            (hash >> (bits - 13)) as usize % (1 << Self::FILTER_BITS),
        )
    }

    /// The bit of [`Vocabulary::prefixes`] for a word's first lane and length.
    fn prefix_bit(first_lane: u64, len: usize) -> usize {
        let mixed = (first_lane ^ (len as u64).rotate_right(8)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (mixed >> (64 - Self::FILTER_BITS)) as usize
    }

    /// May a word of this first lane and length be in the vocabulary?
    #[inline(always)]
    fn may_have(&self, first_lane: u64, len: usize) -> bool {
        let bit = Self::prefix_bit(first_lane, len);
        self.prefixes[bit / 64] & (1 << (bit % 64)) != 0
    }

    fn first_slot(hash: u64) -> usize {
        hash as usize % (1 << Self::SLOT_BITS)
    }

    /// The role of the word `key` stands for.
    #[inline(always)]
    fn role(&self, key: &Key) -> WordRole {
        let hash = hash(key);
        let (bit, other_bit) = Self::filter_bits(hash);
        let set = |bit: usize| self.filter[bit / 64] & (1 << (bit % 64)) != 0;
        if !(set(bit) && set(other_bit)) {
            return WordRole::NONE;
        }
        let mut at = Self::first_slot(hash);
        loop {
            let slot = &self.slots[at];
            // The empty word has no role, like the empty slot it matches.
            if slot.key == *key || slot.key == Slot::EMPTY.key {
                return slot.role;
            }
            at = (at + 1) % self.slots.len();
        }
    }
}

impl Slot {
    const EMPTY: Slot = Slot {
        key: [0; 3],
        role: WordRole::NONE,
    };
}

/// The key of `word`, if it fits.
fn key(word: &str) -> Option<Key> {
    if word.len() > WORD_BYTES {
        return None;
    }
    let mut padded = [0u8; WORD_BYTES];
    padded[..word.len()].copy_from_slice(word.as_bytes());
    Some(lanes(&padded))
}

fn lanes(padded: &[u8; WORD_BYTES]) -> Key {
    let mut key = [0; 3];
    for (lane, bytes) in key.iter_mut().zip(padded.chunks_exact(8)) {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(bytes);
        *lane = u64::from_le_bytes(eight);
    }
    key
}

/// The key of the ASCII letters `bytes[word]` in lower case, if they fit.
#[inline(always)]
fn key_ascii_lower(bytes: &[u8], word: Range<usize>) -> Option<Key> {
    let len = word.len();
    if len > WORD_BYTES {
        return None;
    }
    // ASCII letters are lower case with bit 5 set.
    const LOWER: u64 = 0x2020_2020_2020_2020;
    match bytes.get(word.start..word.start + WORD_BYTES) {
        // Whole lanes at once, masked past the word's end: no loop over its bytes.
        Some(window) => {
            let mut window_bytes = [0u8; WORD_BYTES];
            window_bytes.copy_from_slice(window);
            let mut key = lanes(&window_bytes);
            for (k, lane) in key.iter_mut().enumerate() {
                let in_word = len.saturating_sub(k * 8).min(8);
                let mask = if in_word == 8 {
                    u64::MAX
                } else {
                    (1u64 << (8 * in_word)) - 1
                };
                *lane = (*lane | LOWER) & mask;
            }
            Some(key)
        }
        None => {
            let mut padded = [0u8; WORD_BYTES];
            for (to, from) in padded.iter_mut().zip(&bytes[word]) {
                *to = from | 0x20;
            }
            Some(lanes(&padded))
        }
    }
}

/// A hash of a word's key: its lanes mixed by multiplication. A few instructions, where
/// a byte-by-byte hash would chain a multiplication per byte.
fn hash(key: &Key) -> u64 {
    let mixed = key[0].wrapping_mul(0x9e37_79b9_7f4a_7c15)
        ^ key[1].wrapping_mul(0xc2b2_ae3d_27d4_eb4f)
        ^ key[2].wrapping_mul(0x1656_67b1_9e37_79f9);
    let hash = mixed.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    hash ^ (hash >> 32)
}

/// Reads words for the quick look and tells their roles.
#[derive(Default)]
pub struct StarterWords {
    /// A buffer for lower-casing words outside ASCII.
    lower: String,
}

/// The role of `word`, which is in lower case.
pub fn role(word: &str) -> WordRole {
    match key(word) {
        Some(key) => Vocabulary::get().role(&key),
        None => WordRole::of(word),
    }
}

/// The role of the word of ASCII letters `bytes[word]`, in whatever case.
#[inline(always)]
pub fn role_of_ascii_word(bytes: &[u8], word: Range<usize>) -> WordRole {
    let len = word.len();
    // Inline, the first look that turns most words away; out of line, the rest.
    if len <= WORD_BYTES
        && !Vocabulary::get().may_have(first_lane_ascii_lower(bytes, word.start, len), len)
    {
        return WordRole::NONE;
    }
    role_of_ascii_word_by_key(bytes, word)
}

#[inline(never)]
fn role_of_ascii_word_by_key(bytes: &[u8], word: Range<usize>) -> WordRole {
    match key_ascii_lower(bytes, word.clone()) {
        Some(key) => Vocabulary::get().role(&key),
        None => role(&String::from_utf8_lossy(&bytes[word]).to_ascii_lowercase()),
    }
}

/// The first eight bytes of the ASCII letters `bytes[start..start + len]` in lower
/// case, zero past the word: the first lane of its key.
#[inline(always)]
fn first_lane_ascii_lower(bytes: &[u8], start: usize, len: usize) -> u64 {
    let mut eight = [0u8; 8];
    match bytes.get(start..start + 8) {
        Some(window) => eight.copy_from_slice(window),
        None => {
            for (to, from) in eight.iter_mut().zip(&bytes[start..start + len]) {
                *to = *from;
            }
        }
    }
    let mask = 1u64
        .checked_shl(8 * len as u32)
        .map_or(u64::MAX, |past| past - 1);
    (u64::from_le_bytes(eight) | 0x2020_2020_2020_2020) & mask
}

impl StarterWords {
    /// Can a figure start anywhere in the sentence at `range` of `text`? False only when
    /// no token the tokeniser would make of it may start one: no digit, no vulgar
    /// fraction, no starter word (an article or "many" counts only with a word that
    /// completes it).
    pub fn may_hold_figure(&mut self, text: &str, range: Range<usize>) -> bool {
        let sentence = &text[range.clone()];
        let bytes = sentence.as_bytes();
        // Digits first: a scan for them alone is many times quicker than reading words.
        if has_digit(bytes) {
            return true;
        }
        let mut i = 0;
        // The word before was an article, with only white space since.
        let mut after_article = false;
        // `i` is never inside a run of ASCII letters: each step starts a word or is
        // between words.
        'steps: while i < bytes.len() {
            // A block of bytes: the words of its ASCII part, up to the first byte outside
            // ASCII or the sentence's end, are found with bit masks, not byte by byte.
            // Read in the whole text: a block at the sentence's end is then read in place.
            let block = Block::at(text.as_bytes(), range.start + i, range.end);
            let ascii = (block.high.trailing_zeros() as usize).min(bytes.len() - i);
            let mut starts = block.letters & !(block.letters << 1) & Block::span(0, ascii);
            // Bytes of the block read so far.
            let mut read = 0;
            while starts != 0 {
                let start = starts.trailing_zeros() as usize;
                let end = start + (!(block.letters >> start)).trailing_zeros() as usize;
                if end >= ascii {
                    // The word may go on past the ASCII part.
                    break;
                }
                after_article = after_article && all_space(&bytes[i + read..i + start]);
                let WordRead::Role(role, word_end) = self.read_word(sentence, i + start, i + end)
                else {
                    return true;
                };
                if role.makes_figure(after_article) {
                    return true;
                }
                after_article = role.is_article();
                if word_end != i + end {
                    // The word went on past its letters ("Party's"): on from its end.
                    i = word_end;
                    continue 'steps;
                }
                read = end;
                starts &= u64::MAX << end;
            }
            let stop = if starts == 0 {
                ascii
            } else {
                starts.trailing_zeros() as usize
            };
            after_article = after_article && all_space(&bytes[i + read..i + stop]);
            if stop > 0 {
                i += stop;
                continue;
            }
            // At a byte outside ASCII, or a word that runs on past the block or to the
            // sentence's end: one step byte by byte.
            let byte = bytes[i];
            if byte.is_ascii_alphabetic() {
                let mut letters_end = i;
                while letters_end < bytes.len() && bytes[letters_end].is_ascii_alphabetic() {
                    letters_end += 1;
                }
                let WordRead::Role(role, word_end) = self.read_word(sentence, i, letters_end)
                else {
                    return true;
                };
                if role.makes_figure(after_article) {
                    return true;
                }
                after_article = role.is_article();
                i = word_end;
                continue;
            }
            if byte < 0x80 {
                after_article &= is_space(byte);
                i += 1;
                continue;
            }
            let Some(c) = sentence[i..].chars().next() else {
                break;
            };
            if c.is_alphabetic() {
                let end = word_end(sentence, i, bytes.len()).max(i + c.len_utf8());
                let role = self.role_of_text(&sentence[i..end]);
                if role.makes_figure(after_article) {
                    return true;
                }
                after_article = role.is_article();
                i = end;
                continue;
            }
            if lexicon::is_vulgar_fraction_char(c) {
                return true;
            }
            after_article &= c.is_whitespace();
            i += c.len_utf8();
        }
        false
    }

    /// Reads the word whose ASCII letters are `sentence[start..letters_end]` as the
    /// tokeniser does: it may go on past them ("Party's", "naïve"). Inlined: it is
    /// called once per word.
    #[inline(always)]
    fn read_word(&mut self, sentence: &str, start: usize, letters_end: usize) -> WordRead {
        let bytes = sentence.as_bytes();
        match bytes.get(letters_end) {
            Some(b'-')
                if bytes
                    .get(letters_end + 1)
                    .is_some_and(u8::is_ascii_whitespace) =>
            {
                WordRead::ReadWhole
            }
            Some(&b) if b >= 0x80 || b == b'\'' => {
                let end = word_end(sentence, start, bytes.len());
                WordRead::Role(self.role_of_text(&sentence[start..end]), end)
            }
            _ => WordRead::Role(role_of_ascii_word(bytes, start..letters_end), letters_end),
        }
    }

    /// The role of a word as written, lower-cased here.
    fn role_of_text(&mut self, word: &str) -> WordRole {
        let mut lower = std::mem::take(&mut self.lower);
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        let role = role(&lower);
        self.lower = lower;
        role
    }
}

/// Are `bytes` all white space (ASCII)?
fn all_space(bytes: &[u8]) -> bool {
    bytes.iter().all(|&b| is_space(b))
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
        StarterWords::default().may_hold_figure(sentence, 0..sentence.len())
    }

    #[test]
    fn a_sentence_with_a_digit_may_hold_a_figure() {
        assert!(holds("It rose by 3 per cent."));
    }

    #[test]
    fn an_article_and_its_word_across_a_block_boundary_may_hold_a_figure() {
        // "a" and "few" on either side of byte 64, and a starter split by it.
        for pad in 55..70 {
            let filler = "x ".repeat(pad / 2) + &" ".repeat(pad % 2);
            assert!(holds(&format!("{filler}a few came.")), "{pad}");
            assert!(holds(&format!("{filler}the thousand came.")), "{pad}");
            assert!(!holds(&format!("{filler}a, few came.")), "{pad}");
        }
    }

    #[test]
    fn a_word_longer_than_a_block_is_read_whole() {
        let long = "z".repeat(100);
        assert!(!holds(&format!("{long} held.")));
        assert!(holds(&format!("{long} thousand.")));
    }

    #[test]
    fn a_vertical_tab_between_an_article_and_its_word_is_white_space() {
        assert!(holds("They stayed a\x0bfew weeks."));
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
        let long = "counterrevolutionarinesses";
        assert!(long.len() > WORD_BYTES);
        assert_eq!(role(long), WordRole::NONE);
        assert!(!holds("Counterrevolutionarinesses everywhere."));
    }

    #[test]
    fn a_word_s_first_lane_is_the_first_lane_of_its_key() {
        let text = b"A Few THOUSANDS of Counterrevolutionaries x";
        for (start, len) in [(0, 1), (2, 3), (6, 9), (19, 2), (22, 20), (42, 1)] {
            let key = key_ascii_lower(text, start..start + len).unwrap();
            assert_eq!(
                first_lane_ascii_lower(text, start, len),
                key[0],
                "{start} {len}"
            );
        }
    }

    #[test]
    fn a_word_in_capitals_has_the_role_of_its_lower_case() {
        let text = b"THOUSAND and more words after it, enough to fill a lane.";
        assert!(role_of_ascii_word(text, 0..8).starts());
        assert!(holds("THOUSANDS gathered."));
    }

    #[test]
    fn a_word_at_the_very_end_of_the_text_is_read() {
        // Fewer bytes after the word than a key holds: read byte by byte.
        assert!(role_of_ascii_word(b"some Thousand", 5..13).starts());
        assert!(holds("Many Thousands"));
        assert!(!holds("Many Millionaires"));
    }

    #[test]
    fn every_word_of_the_grammar_fits_the_vocabulary_table() {
        let long: Vec<&str> = Vocabulary::words()
            .filter(|word| word.len() > WORD_BYTES)
            .collect();
        assert!(long.is_empty(), "{long:?}");
    }

    #[test]
    fn every_word_the_grammar_spells_has_the_same_role_in_the_vocabulary() {
        // Whatever the grammar gives a role to is spelled in its source: the vocabulary,
        // built from the word lists, must agree with the grammar on each of them.
        let spelled = lexicon::grammar_vocabulary();
        for word in spelled.iter().map(|word| word.to_lowercase()) {
            assert_eq!(role(&word), WordRole::of(&word), "{word}");
        }
        assert!(role("thousand").starts());
        assert!(!role("hall").starts());
    }
}
