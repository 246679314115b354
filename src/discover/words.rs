//! Words as discovery compares them: split out of a sentence, lower-cased, stop words
//! dropped, reduced to a stem (Snowball, English or Russian by script), and the counted
//! nouns of the common quantities mapped to one language-independent name, so that
//! "people", "persons" and "человек" are one noun. Only general vocabulary lives here:
//! function words, number and scale words, months, and the nouns any statistics count.

use std::collections::HashMap;

use rust_stemmers::{Algorithm, Stemmer};

/// A word of a sentence: its byte range and the number of its key (stem) in the
/// [`Vocabulary`], or `None` for a stop word.
#[derive(Debug, Clone, Copy)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub key: Option<u32>,
}

impl Word {
    /// A word whose key is not looked up yet.
    fn unkeyed(start: usize, end: usize) -> Word {
        Word {
            start,
            end,
            key: None,
        }
    }
}

/// Splits text into words and reduces them to keys.
pub struct Words {
    english: Stemmer,
    russian: Stemmer,
}

impl Default for Words {
    fn default() -> Words {
        Words {
            english: Stemmer::create(Algorithm::English),
            russian: Stemmer::create(Algorithm::Russian),
        }
    }
}

impl Words {
    /// The words of `text` (letters, and `-` or `'` inside a word), with offsets into it,
    /// their keys numbered in `vocabulary`.
    pub fn split(&self, text: &str, vocabulary: &mut Vocabulary) -> Vec<Word> {
        // Room for a word every six bytes, as in prose: the list is rarely grown.
        let mut words = Vec::with_capacity(text.len() / 6 + 1);
        let bytes = text.as_bytes();
        // ASCII is decided on the byte; other characters are decoded.
        let char_at = |at: usize| match bytes.get(at) {
            Some(&byte) if byte < 0x80 => Some((char::from(byte), 1)),
            Some(_) => text[at..].chars().next().map(|c| (c, c.len_utf8())),
            None => None,
        };
        let mut start = None;
        let mut at = 0;
        while at < bytes.len() {
            // The letters of an ASCII word, passed over in a tight loop.
            if bytes[at].is_ascii_alphabetic() {
                start.get_or_insert(at);
                at += 1;
                while at < bytes.len() && bytes[at].is_ascii_alphabetic() {
                    at += 1;
                }
                continue;
            }
            let Some((c, width)) = char_at(at) else {
                break;
            };
            let inner = (c == '-' || c == '\'' || c == '’')
                && start.is_some()
                && char_at(at + width).is_some_and(|(next, _)| next.is_alphabetic());
            if c.is_alphabetic() || inner {
                start.get_or_insert(at);
            } else if let Some(from) = start.take() {
                words.push(Word::unkeyed(from, at));
            }
            at += width;
        }
        if let Some(from) = start {
            words.push(Word::unkeyed(from, text.len()));
        }
        // Each word's place in the table of words as written is asked for as soon as
        // the sentence is split, and read once all are asked for: the table is larger
        // than the cache, and the lookups would otherwise wait on memory in turn.
        vocabulary.look_up(self, text, &mut words);
        words
    }

    /// The key of one word: its stem, its canonical noun, or `None` for a stop word.
    pub fn key(&self, word: &str) -> Option<String> {
        let lower = word.to_lowercase();
        if lower.chars().count() < 2 || is_stop_word(&lower) {
            return None;
        }
        if let Some(noun) = canonical_noun(&lower) {
            return Some(noun.to_string());
        }
        let cyrillic = lower.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
        let stem = if cyrillic {
            self.russian.stem(&lower)
        } else {
            self.english.stem(&lower)
        };
        Some(stem.into_owned())
    }

    /// The key of a figure's counted noun or unit ("Party members" → its head's key).
    pub fn noun_key(&self, unit: &str) -> Option<String> {
        // An area or a volume is not the length it is counted in.
        for power in ["square ", "cubic "] {
            if let Some(length) = unit.strip_prefix(power) {
                return self.noun_key(length).map(|key| format!("{power}{key}"));
            }
        }
        let head = unit
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .rfind(|w| !is_stop_word(&w.to_lowercase()))?;
        self.key(head)
    }
}

/// Word keys by number, so that a figure's context is a short list of numbers.
#[derive(Debug, Default)]
pub struct Vocabulary {
    ids: HashMap<String, u32, FastHash>,
    pub keys: Vec<String>,
    /// Each word as written, with the number of its key: a word met again is not
    /// lower-cased, looked up among the stop words or stemmed again. Short words
    /// (nearly all) in a table of their own, long ones in a map.
    written: ShortWords,
    written_long: HashMap<Box<str>, Option<u32>, FastHash>,
    /// Each unit as written ("Party members"), with the number of its noun's key.
    units: HashMap<Written, Option<u32>, FastHash>,
    /// The short words of the sentence being looked up, kept from one to the next.
    pending: Vec<Option<ShortWord>>,
}

/// A word as written, short ones (up to 22 bytes: eleven Cyrillic letters) held in
/// place: every word of the corpus is looked up, and comparing a key held elsewhere in
/// memory cost more than hashing it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Written {
    Short { length: u8, bytes: [u8; 22] },
    Long(Box<str>),
}

impl Written {
    fn new(word: &str) -> Written {
        if word.len() <= 22 {
            let mut bytes = [0u8; 22];
            bytes[..word.len()].copy_from_slice(word.as_bytes());
            Written::Short {
                length: word.len() as u8,
                bytes,
            }
        } else {
            Written::Long(Box::from(word))
        }
    }
}

/// A hasher for short words (the multiply-rotate hash of rustc's `FxHasher`): every
/// word of the corpus is looked up once, and SipHash cost more than the rest of the
/// lookup. The keys are words, not data chosen to collide.
#[derive(Debug, Default, Clone, Copy)]
pub struct FastHash;

impl std::hash::BuildHasher for FastHash {
    type Hasher = FastHasher;
    fn build_hasher(&self) -> FastHasher {
        FastHasher(0)
    }
}

pub struct FastHasher(u64);

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl std::hash::Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl Vocabulary {
    /// The number of the key of `word` as written, or `None` for a stop word.
    pub fn word(&mut self, words: &Words, word: &str) -> Option<u32> {
        let Some(short) = ShortWord::new(word) else {
            if let Some(&id) = self.written_long.get(word) {
                return id;
            }
            let id = words.key(word).map(|key| self.id(key));
            self.written_long.insert(Box::from(word), id);
            return id;
        };
        self.short_word(words, word, short)
    }

    /// [`Vocabulary::word`] of a short word, `short` being its [`ShortWord`].
    fn short_word(&mut self, words: &Words, word: &str, short: ShortWord) -> Option<u32> {
        match self.written.find(&short) {
            Ok(id) => id,
            Err(slot) => {
                let id = words.key(word).map(|key| self.id(key));
                self.written.insert(slot, short, id);
                id
            }
        }
    }

    /// Numbers the keys of a sentence's words ([`Words::split`]), in order: a new key
    /// is numbered as it is met. The letters of "20th" or "1930s" are part of a
    /// number, not a word, and get no key.
    fn look_up(&mut self, words: &Words, text: &str, found: &mut [Word]) {
        let mut short = std::mem::take(&mut self.pending);
        short.clear();
        for word in found.iter() {
            let written = ShortWord::new(&text[word.start..word.end]);
            if let Some(written) = &written {
                self.written.prefetch(written);
            }
            short.push(written);
        }
        for (word, written) in found.iter_mut().zip(&short) {
            let after_digit = text.as_bytes()[..word.start]
                .last()
                .is_some_and(u8::is_ascii_digit);
            if !after_digit {
                let spelled = &text[word.start..word.end];
                word.key = match written {
                    Some(written) => self.short_word(words, spelled, *written),
                    None => self.word(words, spelled),
                };
            }
        }
        self.pending = short;
    }

    /// The number of the key of a figure's counted noun or unit ([`Words::noun_key`]).
    pub fn noun(&mut self, words: &Words, unit: &str) -> Option<u32> {
        let written = Written::new(unit);
        if let Some(&id) = self.units.get(&written) {
            return id;
        }
        let id = words.noun_key(unit).map(|key| self.id(key));
        self.units.insert(written, id);
        id
    }

    /// The number of `key`, given one if it has none yet.
    pub fn id(&mut self, key: String) -> u32 {
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let id = self.keys.len() as u32;
        self.keys.push(key.clone());
        self.ids.insert(key, id);
        id
    }
}

/// A word of at most [`ShortWord::BYTES`] bytes as written, in three machine words:
/// its bytes, then zeros, its length in the last byte (never 0: an empty word is
/// none). Compared and hashed a machine word at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct ShortWord([u64; 3]);

impl ShortWord {
    const BYTES: usize = 23;

    fn new(word: &str) -> Option<ShortWord> {
        if word.is_empty() || word.len() > ShortWord::BYTES {
            return None;
        }
        let mut bytes = [0u8; 24];
        bytes[..word.len()].copy_from_slice(word.as_bytes());
        bytes[ShortWord::BYTES] = word.len() as u8;
        let lane = |at: usize| {
            let mut lane = [0u8; 8];
            lane.copy_from_slice(&bytes[at..at + 8]);
            u64::from_le_bytes(lane)
        };
        Some(ShortWord([lane(0), lane(8), lane(16)]))
    }

    fn is_empty(&self) -> bool {
        self.0 == [0; 3]
    }

    /// The multiply-rotate hash of [`FastHasher`], over the three machine words.
    fn hash(&self) -> u64 {
        let mut hasher = FastHasher(0);
        for lane in self.0 {
            hasher.add(lane);
        }
        hasher.0
    }
}

/// A place of [`ShortWords`]: two to a cache line, none across two.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(32))]
struct Slot {
    word: ShortWord,
    id: Option<u32>,
}

/// The short words as written and the numbers of their keys (`None`: a stop word):
/// an open-addressing table probed linearly, kept at most half full, whose places can
/// be asked for ahead of the lookups ([`ShortWords::prefetch`]).
#[derive(Debug, Default)]
struct ShortWords {
    /// A power of two long once anything is held; an empty word marks a free place.
    slots: Vec<Slot>,
    held: usize,
}

impl ShortWords {
    /// Where a word's probe starts: the top bits of its hash, which mix all its bytes.
    fn home(&self, word: &ShortWord) -> usize {
        let bits = self.slots.len().trailing_zeros();
        (word.hash() >> (64 - bits)) as usize
    }

    fn prefetch(&self, word: &ShortWord) {
        if !self.slots.is_empty() {
            super::fetch::prefetch(&self.slots[self.home(word)]);
        }
    }

    /// The number of the word's key, or the free place where it goes.
    fn find(&self, word: &ShortWord) -> Result<Option<u32>, usize> {
        if self.slots.is_empty() {
            return Err(usize::MAX);
        }
        let mask = self.slots.len() - 1;
        let mut at = self.home(word);
        loop {
            let held = &self.slots[at];
            if held.word == *word {
                return Ok(held.id);
            }
            if held.word.is_empty() {
                return Err(at);
            }
            at = (at + 1) & mask;
        }
    }

    /// Holds a word [`ShortWords::find`] did not find, at the place it gave.
    fn insert(&mut self, slot: usize, word: ShortWord, id: Option<u32>) {
        if 2 * (self.held + 1) > self.slots.len() {
            self.grow();
            // The table moved: find the word's place anew.
            let slot = self.find(&word).err().unwrap_or(usize::MAX);
            return self.put(slot, word, id);
        }
        self.put(slot, word, id);
    }

    fn put(&mut self, slot: usize, word: ShortWord, id: Option<u32>) {
        if let Some(place) = self.slots.get_mut(slot) {
            *place = Slot { word, id };
            self.held += 1;
        }
    }

    /// Twice as many places (1,024 at first), every word moved to its new place.
    fn grow(&mut self) {
        let size = (2 * self.slots.len()).max(1024);
        let old = std::mem::replace(&mut self.slots, vec![Slot::default(); size]);
        self.held = 0;
        for place in old {
            if !place.word.is_empty() {
                let slot = self.find(&place.word).err().unwrap_or(usize::MAX);
                self.put(slot, place.word, place.id);
            }
        }
    }
}

/// Nouns that the statistics of any topic count, across languages, by one name.
fn canonical_noun(word: &str) -> Option<&'static str> {
    const NOUNS: &[(&str, &[&str])] = &[
        (
            "=person",
            &[
                "people",
                "persons",
                "person",
                "individuals",
                "человек",
                "человека",
                "людей",
                "люди",
                "жителей",
                "жителя",
                "граждан",
                "гражданина",
            ],
        ),
        (
            "=death",
            &[
                "deaths",
                "death",
                "dead",
                "died",
                "killed",
                "fatalities",
                "victims",
                "погибли",
                "погибло",
                "погибших",
                "погиб",
                "умерли",
                "умерло",
                "умерших",
                "жертв",
                "жертвы",
                "смертей",
                "смерти",
                "убито",
                "убитых",
            ],
        ),
        (
            "=child",
            &[
                "children",
                "child",
                "kids",
                "детей",
                "дети",
                "ребёнка",
                "ребенка",
            ],
        ),
        (
            "=worker",
            &[
                "workers",
                "employees",
                "staff",
                "рабочих",
                "рабочие",
                "сотрудников",
                "работников",
            ],
        ),
        (
            "=home",
            &[
                "homes",
                "houses",
                "households",
                "dwellings",
                "домов",
                "домах",
                "жилых",
            ],
        ),
        (
            "=evacuee",
            &[
                "evacuated",
                "evacuees",
                "evacuation",
                "эвакуировано",
                "эвакуированных",
                "эвакуированы",
                "эвакуации",
                "эвакуация",
            ],
        ),
        (
            "=arrest",
            &[
                "arrested",
                "arrests",
                "арестовано",
                "арестованных",
                "арестов",
            ],
        ),
        (
            "=case",
            &[
                "cases",
                "infections",
                "infected",
                "случаев",
                "заболевших",
                "заражений",
            ],
        ),
        ("=day", &["days", "day", "дней", "дня", "день", "суток"]),
        ("=year", &["years", "year", "лет", "года", "год"]),
        ("=tonne", &["tonnes", "tons", "тонн", "тонны"]),
        ("=gram", &["grams", "gram", "g", "граммов", "грамм", "г"]),
        ("=hectare", &["hectares", "hectare", "ha", "гектаров", "га"]),
        (
            "=kilometre",
            &["kilometres", "kilometers", "km", "км", "километров"],
        ),
        (
            "=metre",
            &["metres", "meters", "metre", "meter", "м", "метров", "метра"],
        ),
        (
            "=millimetre",
            &["mm", "millimetres", "millimeters", "мм", "миллиметров"],
        ),
        (
            "=centimetre",
            &["cm", "centimetres", "centimeters", "см", "сантиметров"],
        ),
        ("=inch", &["inches", "inch", "дюймов", "дюйма"]),
        ("=kilogram", &["kg", "kilograms", "кг", "килограммов"]),
        ("=litre", &["litres", "liters", "литров", "литра"]),
        ("=bomb", &["bombs", "bomb", "бомб", "бомбы"]),
        ("=shell", &["shells", "снарядов", "снаряды"]),
    ];
    NOUNS
        .iter()
        .find(|(_, words)| words.contains(&word))
        .map(|(name, _)| *name)
}

/// Function words, number and scale words, qualifiers and months in English and
/// Russian: words that say nothing about what a figure measures.
fn is_stop_word(word: &str) -> bool {
    const STOP: &[&str] = &[
        // English function words
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "but",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "their",
        "they",
        "them",
        "he",
        "she",
        "his",
        "her",
        "we",
        "our",
        "you",
        "your",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "there",
        "here",
        "than",
        "then",
        "so",
        "such",
        "not",
        "no",
        "nor",
        "also",
        "only",
        "into",
        "onto",
        "over",
        "under",
        "about",
        "around",
        "approximately",
        "roughly",
        "some",
        "nearly",
        "almost",
        "more",
        "less",
        "fewer",
        "least",
        "most",
        "up",
        "down",
        "out",
        "between",
        "among",
        "during",
        "after",
        "before",
        "since",
        "until",
        "while",
        "when",
        "where",
        "how",
        "all",
        "any",
        "each",
        "other",
        "another",
        "same",
        "per",
        "cent",
        "percent",
        "would",
        "could",
        "should",
        "will",
        "may",
        "might",
        "can",
        "did",
        "do",
        "does",
        "said",
        "says",
        "according",
        "just",
        "over",
        "well",
        "even",
        "still",
        "very",
        "both",
        "either",
        "neither",
        "if",
        "because",
        "though",
        "although",
        "whereas",
        "via",
        "total",
        "figure",
        "figures",
        "number",
        "numbers",
        "estimated",
        "estimate",
        "some",
        "exceeded",
        "exceed",
        "excess",
        "upwards",
        // English number and scale words
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "billion",
        "billions",
        "half",
        "third",
        "quarter",
        "dozen",
        "dozens",
        "bn",
        "mn",
        "m",
        "k",
        // months
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        // Russian function words, numbers, scales, months
        "и",
        "в",
        "во",
        "на",
        "с",
        "со",
        "к",
        "ко",
        "по",
        "за",
        "из",
        "от",
        "до",
        "о",
        "об",
        "что",
        "это",
        "как",
        "а",
        "но",
        "не",
        "ни",
        "же",
        "ли",
        "бы",
        "был",
        "была",
        "было",
        "были",
        "его",
        "её",
        "ее",
        "их",
        "он",
        "она",
        "они",
        "оно",
        "при",
        "для",
        "около",
        "более",
        "менее",
        "свыше",
        "почти",
        "примерно",
        "всего",
        "также",
        "только",
        "тыс",
        "млн",
        "млрд",
        "тысяч",
        "тысячи",
        "миллиона",
        "миллионов",
        "миллион",
        "который",
        "которые",
        "которых",
        "этот",
        "эти",
        "этих",
        "том",
        "тот",
        "те",
        "уже",
        "ещё",
        "еще",
        "или",
        "чем",
        "так",
        "где",
        "когда",
        "через",
        "над",
        "под",
        "между",
        "после",
        "года",
        "году",
        "гг",
        "январь",
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
        "процентов",
        "процента",
        "число",
        "цифра",
        "цифры",
    ];
    STOP.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_and_человек_are_one_noun() {
        let words = Words::default();
        assert_eq!(words.key("people"), words.key("человек"));
        assert_eq!(words.noun_key("Party members"), words.key("members"));
    }

    #[test]
    fn an_area_is_not_its_length() {
        let words = Words::default();
        assert_eq!(
            words.noun_key("square km").as_deref(),
            Some("square =kilometre")
        );
        assert_ne!(words.noun_key("square km"), words.noun_key("km"));
    }

    #[test]
    fn stop_words_have_no_key_and_others_are_stemmed() {
        let words = Words::default();
        let mut vocabulary = Vocabulary::default();
        let keys: Vec<Option<String>> = words
            .split(
                "The delegates convicted of counter-revolutionary crimes",
                &mut vocabulary,
            )
            .into_iter()
            .map(|w| w.key.map(|id| vocabulary.keys[id as usize].clone()))
            .collect();
        assert_eq!(keys[0], None);
        assert_eq!(keys[1].as_deref(), Some("deleg"));
        assert_eq!(keys[2].as_deref(), Some("convict"));
        assert_eq!(keys.len(), 6);
        assert_eq!(keys[3], None);
    }
}
