//! Tokeniser: one sentence's text → words, numerals and punctuation, with byte spans.
//!
//! Numerals are read here, once, with their digit grouping ("3,777,380",
//! "3 777 380", "35.9", Russian decimal comma "1,3") so the grammar never
//! re-reads characters. Lower-cased word forms live in one buffer per sentence,
//! reused across sentences, so tokenising allocates nothing per word.

use super::ascii::{word_end, Block};
use super::lexicon;
use super::starters::{self, WordRole};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// A run of letters (Latin or Cyrillic), with inner apostrophes.
    Word,
    /// A numeral written in digits.
    Num,
    /// Superscript digits: footnote markers, never figures.
    Superscript,
    /// A web address or e-mail: numbers inside are never figures.
    Url,
    /// Any other single character that is not white space.
    Punct,
}

/// A numeral in digits as written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Numeral {
    pub value: f64,
    /// Digits before the decimal mark, separators not counted.
    pub int_digits: u32,
    /// Digits after the decimal mark.
    pub decimals: u32,
    /// Written with thousands separators (",", space, no-break space, ".").
    pub grouped: bool,
    /// The integer part starts with "0" and has more than one digit ("00447").
    pub leading_zero: bool,
    /// A single comma group of exactly three digits ("1,375"): could be a Russian decimal comma.
    pub single_comma_group: bool,
    /// Written with a minus sign.
    pub negative: bool,
}

#[derive(Debug, Clone)]
pub struct Token {
    pub kind: TokKind,
    pub span: Range<usize>,
    /// White space precedes the token (or it starts the sentence).
    pub space_before: bool,
    /// Range of the lower-cased form in [`Tokens::lower`] (words only).
    lower: Range<usize>,
    /// What the word may start ([`WordRole::NONE`] for other tokens).
    role: WordRole,
    pub numeral: Option<Numeral>,
}

/// The tokens of one sentence, with the buffer their lower-cased forms live in.
#[derive(Debug, Default)]
pub struct Tokens {
    pub list: Vec<Token>,
    lower: String,
    /// The sentence's ASCII letters, bit `k % 64` of word `k / 64` for its byte `k`.
    letters: Vec<u64>,
    /// The tokens where a figure may start: numerals, vulgar fractions, and words whose
    /// [`WordRole`] starts one.
    starts: Vec<usize>,
    /// The words that are the first word of an idiom.
    idiom_openers: Vec<usize>,
    /// Numerals whose value is too large to hold (no figure is made of them).
    too_large: Vec<Range<usize>>,
}

impl Tokens {
    pub fn lower(&self, index: usize) -> &str {
        self.list
            .get(index)
            .map_or("", |t| &self.lower[t.lower.clone()])
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// What token `index` may start, if it is a word.
    pub fn role(&self, index: usize) -> WordRole {
        self.list.get(index).map_or(WordRole::NONE, |t| t.role)
    }

    /// The tokens where a figure may start, in order.
    pub fn starts(&self) -> &[usize] {
        &self.starts
    }

    /// The words that open one of the idioms, in order.
    pub fn idiom_openers(&self) -> &[usize] {
        &self.idiom_openers
    }

    /// The spans of numerals too large to hold a value ("1" and 400 zeros), in order.
    pub fn too_large(&self) -> &[Range<usize>] {
        &self.too_large
    }

    pub fn get(&self, index: usize) -> Option<&Token> {
        self.list.get(index)
    }

    /// Is token `index` the word `word` (lower case)?
    pub fn is_word(&self, index: usize, word: &str) -> bool {
        matches!(self.get(index), Some(t) if t.kind == TokKind::Word) && self.lower(index) == word
    }

    /// Is token `index` the punctuation character `c`?
    pub fn is_punct(&self, index: usize, text: &str, c: char) -> bool {
        matches!(self.get(index), Some(t) if t.kind == TokKind::Punct && text[t.span.clone()].starts_with(c))
    }

    /// The punctuation character at `index`, if any.
    pub fn punct(&self, index: usize, text: &str) -> Option<char> {
        match self.get(index) {
            Some(t) if t.kind == TokKind::Punct => {
                // Asked of nearly every token the grammar looks at: ASCII, most
                // punctuation, is read off its byte.
                match text.as_bytes().get(t.span.start) {
                    Some(&byte) if byte.is_ascii() => Some(char::from(byte)),
                    _ => text[t.span.clone()].chars().next(),
                }
            }
            _ => None,
        }
    }

    /// Tokenise `text[range]`, replacing the previous contents.
    pub fn fill(&mut self, text: &str, range: Range<usize>) {
        self.list.clear();
        self.starts.clear();
        self.idiom_openers.clear();
        self.too_large.clear();
        // The sentence in ASCII lower case, in one go: an ASCII word's lower-case form
        // is at its own offset in this copy. Other words are lower-cased after it.
        self.lower.clear();
        self.lower.push_str(&text[range.clone()]);
        self.lower.make_ascii_lowercase();
        let offset = range.start;
        self.letters.clear();
        self.letters.extend(
            (range.start..range.end)
                .step_by(Block::BYTES)
                .map(|start| Block::at(text.as_bytes(), start, range.end).letters),
        );
        let bytes = text.as_bytes();
        let mut pos = range.start;
        let end = range.end;
        let mut space_before = true;
        while pos < end {
            // ASCII white space and letters are most of any text: decided on the byte.
            let byte = bytes[pos];
            if matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
                space_before = true;
                pos += 1;
                continue;
            }
            // A word of ASCII letters that ends at an ASCII byte other than an apostrophe,
            // a hyphen or a stop after a web address's scheme ("www.", "http:"): most words.
            if byte.is_ascii_alphabetic() {
                let stop = self.letters_end(pos - offset) + offset;
                // Tested without a table of jumps: the byte after a word is any of many.
                let plain = stop >= end || {
                    let after = bytes[stop];
                    after.is_ascii()
                        && after != b'\''
                        && after != b'-'
                        && ((after != b'.' && after != b':') || stop - pos > 5)
                };
                if plain {
                    let lower = pos - offset..stop - offset;
                    let role = starters::role_of_ascii_word(bytes, pos..stop);
                    self.note_role(role);
                    self.list.push(Token {
                        kind: TokKind::Word,
                        span: pos..stop,
                        space_before,
                        lower,
                        role,
                        numeral: None,
                    });
                    space_before = false;
                    pos = stop;
                    continue;
                }
            }
            let c = if byte.is_ascii() {
                char::from(byte)
            } else {
                match text[pos..].chars().next() {
                    Some(c) => c,
                    None => break,
                }
            };
            let width = c.len_utf8();
            if c.is_whitespace() {
                space_before = true;
                pos += width;
                continue;
            }
            let start = pos;
            let (kind, stop, numeral) = if c.is_ascii_digit() {
                let (stop, numeral) = read_numeral(text, pos, end);
                (TokKind::Num, stop, Some(numeral))
            } else if c == '.'
                && space_before
                && bytes.get(pos + 1).is_some_and(|b| b.is_ascii_digit())
                && !bytes.get(pos + 2).is_some_and(|b| matches!(b, b'.' | b','))
            {
                // ".5 mg": a decimal with its zero left out.
                let (stop, mut numeral) = read_numeral(text, pos + 1, end);
                if numeral.grouped || numeral.decimals > 0 {
                    (TokKind::Punct, pos + width, None)
                } else {
                    numeral.value /= 10f64.powi(numeral.int_digits as i32);
                    numeral.decimals = numeral.int_digits;
                    numeral.int_digits = 0;
                    (TokKind::Num, stop, Some(numeral))
                }
            } else if is_superscript_digit(c) {
                let mut p = pos;
                while let Some(ch) = text[p..end]
                    .chars()
                    .next()
                    .filter(|&ch| is_superscript_digit(ch))
                {
                    p += ch.len_utf8();
                }
                (TokKind::Superscript, p, None)
            } else if c.is_alphabetic() {
                if let Some(stop) = url_end(text, pos, end) {
                    (TokKind::Url, stop, None)
                } else {
                    (TokKind::Word, hyphenated_word_end(text, pos, end), None)
                }
            } else if (c == '-' || c == '\u{2212}')
                && space_before
                && bytes.get(pos + width).is_some_and(|b| b.is_ascii_digit())
                && !matches!(self.list.last(), Some(t) if t.kind == TokKind::Num && !space_before_is_wide(text, t.span.end, pos))
            {
                let (stop, mut numeral) = read_numeral(text, pos + width, end);
                numeral.value = -numeral.value;
                numeral.negative = true;
                (TokKind::Num, stop, Some(numeral))
            } else {
                (TokKind::Punct, pos + width, None)
            };
            let (lower, role) = if kind == TokKind::Word {
                let word = &text[start..stop];
                let joined = word.contains('\n');
                let lower = if word.is_ascii() && !joined {
                    start - offset..stop - offset
                } else {
                    let from = self.lower.len();
                    self.push_lower(word, joined);
                    from..self.lower.len()
                };
                (lower.clone(), starters::role(&self.lower[lower]))
            } else {
                (0..0, WordRole::NONE)
            };
            match kind {
                TokKind::Word => self.note_role(role),
                TokKind::Num => {
                    if numeral.is_some_and(|n| !n.value.is_finite()) {
                        self.too_large.push(start..stop);
                    }
                    self.starts.push(self.list.len())
                }
                TokKind::Punct if lexicon::is_vulgar_fraction_char(c) => {
                    self.starts.push(self.list.len())
                }
                _ => {}
            }
            self.list.push(Token {
                kind,
                span: start..stop,
                space_before,
                lower,
                role,
                numeral,
            });
            space_before = false;
            pos = stop;
        }
    }
}

impl Tokens {
    /// Notes where the word about to be pushed may start a figure or an idiom.
    fn note_role(&mut self, role: WordRole) {
        if role.starts() {
            self.starts.push(self.list.len());
        }
        if role.opens_idiom() {
            self.idiom_openers.push(self.list.len());
        }
    }

    /// Where the run of ASCII letters at byte `at` of the sentence ends (bits past the
    /// sentence are clear).
    fn letters_end(&self, at: usize) -> usize {
        let mut block = at / Block::BYTES;
        let mut run = (!(self.letters[block] >> (at % Block::BYTES))).trailing_zeros() as usize;
        let mut end = at + run;
        while end.is_multiple_of(Block::BYTES) && run > 0 {
            block += 1;
            run = self
                .letters
                .get(block)
                .map_or(0, |letters| (!letters).trailing_zeros() as usize);
            end += run;
        }
        end
    }

    /// Appends the lower-cased form of `word`; a word `joined` across a line break
    /// ("histo-\nrian") loses its hyphen and the break.
    fn push_lower(&mut self, word: &str, joined: bool) {
        for ch in word.chars() {
            if joined && (ch == '-' || ch.is_whitespace()) {
                continue;
            }
            self.lower.extend(ch.to_lowercase());
        }
    }
}

/// Is there white space between `from` and `to`? (A minus after "5 " starts a
/// negative number; "5-7" is a range.)
fn space_before_is_wide(text: &str, from: usize, to: usize) -> bool {
    from < to && text[from..to].chars().all(char::is_whitespace)
}

pub fn is_superscript_digit(c: char) -> bool {
    matches!(
        c,
        '\u{2070}' | '\u{00B9}' | '\u{00B2}' | '\u{00B3}' | '\u{2074}'..='\u{2079}'
    )
}

/// Characters that group thousands inside a numeral: space, no-break space,
/// narrow no-break space, thin space.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}')
}

/// End of a word, joining a word hyphenated across a line break ("exceed-" / "ed").
fn hyphenated_word_end(text: &str, start: usize, end: usize) -> usize {
    let mut stop = word_end(text, start, end);
    while text[stop..end].starts_with('-') {
        let after = &text[stop + 1..end];
        let gap = after.len() - after.trim_start().len();
        let continues = after[..gap].contains('\n')
            && after[gap..].chars().next().is_some_and(char::is_lowercase);
        if !continues {
            break;
        }
        stop = word_end(text, stop + 1 + gap, end);
    }
    stop
}

/// If a web address or e-mail starts at `start`, where it ends.
fn url_end(text: &str, start: usize, end: usize) -> Option<usize> {
    let rest = &text[start..end];
    let is_url = rest.starts_with("http://")
        || rest.starts_with("https://")
        || rest.starts_with("www.")
        || rest.starts_with("ftp://");
    if !is_url {
        return None;
    }
    let stop = rest
        .find(|c: char| c.is_whitespace() || matches!(c, '>' | '"' | '\u{201D}' | ')'))
        .unwrap_or(rest.len());
    let trimmed = rest[..stop].trim_end_matches(['.', ',', ';', ':']);
    Some(start + trimmed.len())
}

/// Reads a numeral in digits starting at `start` (a digit). Returns its end and value.
fn read_numeral(text: &str, start: usize, end: usize) -> (usize, Numeral) {
    let bytes = text.as_bytes();
    let digits_from = |p: usize| -> usize {
        let mut q = p;
        while q < end && bytes[q].is_ascii_digit() {
            q += 1;
        }
        q
    };
    let mut pos = digits_from(start);
    let first_len = pos - start;
    let mut grouped = false;
    let mut comma_groups = 0;
    // The digits after the decimal mark, if any.
    let mut decimals = 0..0;
    let mut dot_groups = 0;
    let mut space_groups = 0;

    // Indian grouping: "12,34,567" (lakhs and crores in pairs of digits, then three).
    if first_len <= 2 {
        let mut q = pos;
        let mut pairs = 0;
        while q + 3 <= end
            && bytes[q] == b','
            && digits_from(q + 1) == q + 3
            && bytes.get(q + 3) == Some(&b',')
        {
            pairs += 1;
            q += 3;
        }
        if pairs > 0
            && q + 4 <= end
            && bytes[q] == b','
            && digits_from(q + 1) == q + 4
            && !bytes.get(q + 4).is_some_and(u8::is_ascii_digit)
        {
            pos = q + 4;
            grouped = true;
        }
    }

    // Thousands groups: ",ddd", ".ddd" (European, only when repeated: "4.718.250"), or
    // space-grouped.
    if first_len <= 3 && !grouped {
        while let Some(sep) = text[pos..end].chars().next() {
            let after = pos + sep.len_utf8();
            let group_end = digits_from(after);
            let followed_by_digit_or_sep = |q: usize| -> bool {
                text[q..end]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_digit())
            };
            if group_end - after != 3 || followed_by_digit_or_sep(group_end) {
                break;
            }
            // A dot groups thousands only where another follows, or came before.
            let another_dot_group = || {
                group_end + 4 <= end
                    && bytes[group_end] == b'.'
                    && digits_from(group_end + 1) == group_end + 4
                    && !bytes.get(group_end + 4).is_some_and(u8::is_ascii_digit)
            };
            let accept = match sep {
                ',' => dot_groups == 0,
                '.' => comma_groups == 0 && (dot_groups > 0 || another_dot_group()),
                c if is_group_space(c) => {
                    // "1956 35.9" is two numerals; "3 777 380" is one. A space group
                    // must not be followed by a decimal point ("5 35.9").
                    !(group_end < end
                        && bytes[group_end] == b'.'
                        && group_end + 1 < end
                        && bytes[group_end + 1].is_ascii_digit())
                        && !(group_end < end
                            && bytes[group_end] == b','
                            && group_end + 1 < end
                            && bytes[group_end + 1].is_ascii_digit()
                            && !grouped)
                }
                _ => false,
            };
            if !accept {
                break;
            }
            if sep == ',' {
                comma_groups += 1;
            }
            if sep == '.' {
                dot_groups += 1;
            }
            if is_group_space(sep) {
                space_groups += 1;
            }
            grouped = true;
            pos = group_end;
        }
    }
    // Decimal part: ".d+" or a decimal comma ",d+" whose digit count is not three.
    if pos + 1 < end
        && (bytes[pos] == b'.' || bytes[pos] == b',')
        && bytes[pos + 1].is_ascii_digit()
    {
        let frac_end = digits_from(pos + 1);
        // After dot groups, a comma is the decimal mark: "1.234.567,89"; after space
        // groups too: "1 234 567,89".
        let is_decimal = if dot_groups > 0 || (space_groups > 0 && comma_groups == 0) {
            bytes[pos] == b','
        } else {
            bytes[pos] == b'.' || (!grouped && frac_end - pos - 1 != 3)
        };
        let next_is_digit_group = frac_end < end
            && matches!(bytes[frac_end], b'.' | b',')
            && frac_end + 1 < end
            && bytes[frac_end + 1].is_ascii_digit();
        if is_decimal && !(bytes[pos] == b'.' && next_is_digit_group) {
            decimals = pos + 1..frac_end;
            pos = frac_end;
        }
    }
    // The integer part is every digit before the decimal mark: the separators between
    // its groups are no digits.
    let int_end = if decimals.is_empty() {
        pos
    } else {
        decimals.start - 1
    };
    let int_digits = bytes[start..int_end]
        .iter()
        .filter(|b| b.is_ascii_digit())
        .count();
    let leading_zero = int_digits > 1 && bytes[start] == b'0';
    let value = numeral_value(text, start..int_end, decimals.clone());
    (
        pos,
        Numeral {
            value,
            int_digits: int_digits as u32,
            decimals: decimals.len() as u32,
            grouped,
            leading_zero,
            single_comma_group: comma_groups == 1 && decimals.is_empty(),
            negative: false,
        },
    )
}

/// The value of a numeral whose integer part is the digits in `text[integer]` (with the
/// separators of its groups) and whose decimals are `text[decimals]`: as the written
/// number parses (infinite when too large to hold).
fn numeral_value(text: &str, integer: Range<usize>, decimals: Range<usize>) -> f64 {
    let bytes = text.as_bytes();
    let digits = || {
        bytes[integer.clone()]
            .iter()
            .chain(&bytes[decimals.clone()])
            .filter(|b| b.is_ascii_digit())
    };
    // Up to 15 digits, the digits as a whole number and a power of ten are both exact,
    // and their quotient is the written number rounded once, as parsing rounds it: most
    // numerals are read without a string made of them.
    const EXACT_POWERS: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    if digits().count() <= 15 {
        let whole = digits().fold(0u64, |whole, digit| whole * 10 + u64::from(digit - b'0'));
        return whole as f64 / EXACT_POWERS[decimals.len()];
    }
    let mut literal: String = bytes[integer]
        .iter()
        .filter(|b| b.is_ascii_digit())
        .map(|&b| char::from(b))
        .collect();
    if !decimals.is_empty() {
        literal.push('.');
        literal.push_str(&text[decimals]);
    }
    literal.parse::<f64>().unwrap_or(f64::INFINITY)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numerals(text: &str) -> Vec<(String, f64)> {
        let mut tokens = Tokens::default();
        tokens.fill(text, 0..text.len());
        tokens
            .list
            .iter()
            .filter_map(|t| {
                t.numeral
                    .map(|n| (text[t.span.clone()].to_string(), n.value))
            })
            .collect()
    }

    /// The words of `text` as the tokeniser cuts them, in lower case.
    fn words(text: &str) -> Vec<String> {
        let mut tokens = Tokens::default();
        tokens.fill(text, 0..text.len());
        (0..tokens.len())
            .filter(|&i| tokens.list[i].kind == TokKind::Word)
            .map(|i| tokens.lower(i).to_string())
            .collect()
    }

    #[test]
    fn words_are_whole_wherever_they_fall_against_64_byte_blocks() {
        for pad in 50..140 {
            let text = format!("{} Thousands of Counterrevolutionaries x", ".".repeat(pad));
            assert_eq!(
                words(&text),
                ["thousands", "of", "counterrevolutionaries", "x"],
                "{pad}"
            );
        }
    }

    #[test]
    fn a_word_longer_than_a_block_is_one_word() {
        let long = "Ab".repeat(100);
        assert_eq!(
            words(&format!("{long} end")),
            [long.to_lowercase(), "end".into()]
        );
    }

    #[test]
    fn a_numeral_has_the_value_its_digits_parse_to() {
        let mut next = crate::extract::tests::xorshift(0x2545_f491_4f6c_dd1d);
        for _ in 0..200_000 {
            let int_len = next() % 20 + 1;
            let dec_len = next() % 20;
            let mut text: String = (0..int_len)
                .map(|_| char::from(b'0' + (next() % 10) as u8))
                .collect();
            let integer = 0..text.len();
            text.push('.');
            text.extend((0..dec_len).map(|_| char::from(b'0' + (next() % 10) as u8)));
            let decimals = int_len + 1..text.len();
            let written = if dec_len == 0 {
                &text[..int_len]
            } else {
                &text
            };
            let parsed = written.parse::<f64>().unwrap_or(f64::NAN);
            let value = numeral_value(&text, integer, decimals);
            assert_eq!(value.to_bits(), parsed.to_bits(), "{written}");
        }
    }

    #[test]
    fn comma_grouped_digits() {
        assert_eq!(
            numerals("3,777,380 people"),
            vec![("3,777,380".into(), 3777380.0)]
        );
    }

    #[test]
    fn space_grouped_digits_with_a_decimal_comma() {
        assert_eq!(
            numerals("1 234 567,89 рубля"),
            vec![("1 234 567,89".into(), 1234567.89)]
        );
    }

    #[test]
    fn space_grouped_digits() {
        assert_eq!(
            numerals("3 777 380 человек"),
            vec![("3 777 380".into(), 3777380.0)]
        );
    }

    #[test]
    fn no_break_space_grouped_digits() {
        assert_eq!(
            numerals("40\u{a0}000 ha"),
            vec![("40\u{a0}000".into(), 40000.0)]
        );
    }

    #[test]
    fn narrow_no_break_space_grouped_digits() {
        assert_eq!(
            numerals("40\u{202f}000"),
            vec![("40\u{202f}000".into(), 40000.0)]
        );
    }

    #[test]
    fn year_then_decimal_is_two_numerals() {
        assert_eq!(
            numerals("By 1956 35.9 million"),
            vec![("1956".into(), 1956.0), ("35.9".into(), 35.9)]
        );
    }

    #[test]
    fn decimal_comma() {
        assert_eq!(numerals("1,3 млн"), vec![("1,3".into(), 1.3)]);
    }

    #[test]
    fn negative_number() {
        assert_eq!(numerals("a balance of -504"), vec![("-504".into(), -504.0)]);
    }

    #[test]
    fn hyphen_between_numbers_is_not_a_minus() {
        assert_eq!(
            numerals("5-7 million"),
            vec![("5".into(), 5.0), ("7".into(), 7.0)]
        );
    }

    #[test]
    fn list_of_numbers_is_not_grouping() {
        assert_eq!(
            numerals("issues 63, 64 and 65"),
            vec![
                ("63".into(), 63.0),
                ("64".into(), 64.0),
                ("65".into(), 65.0)
            ]
        );
    }

    #[test]
    fn word_hyphenated_across_lines_is_one_word() {
        let text = "exceed-\n\ned 1.3";
        let mut tokens = Tokens::default();
        tokens.fill(text, 0..text.len());
        assert_eq!(tokens.lower(0), "exceeded");
    }

    #[test]
    fn url_hides_its_digits() {
        assert!(numerals("see http://example.org/1956/02/24.htm now").is_empty());
    }
}
