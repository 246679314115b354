//! Numbers that are not figures, told apart as the scan meets them: markers and
//! identifiers stuck to words, ordinals, times of day, telephone numbers, note
//! references, codes, numbers after a label ("No. 4", "p. 12"), slide counters, list
//! numbers and table-of-contents pages; and the idioms whose number words are no
//! amounts ("one step forward"). Decades stuck to their digits ("1930s") are read here
//! too, with the other suffixes, and noted as periods.

use super::figure::Kind;
use super::figure::Period;
use super::grammar;
use super::lexicon;
use super::scan::{is_dash, simple_point, token_numeral, Candidate, Scan};
use super::tokens::{TokKind, Tokens};

impl Scan<'_> {
    /// Digits stuck to a word or to a suffix: a marker ("Solzhenitsyn5"), an identifier
    /// ("N22", "Tu-104"), an ordinal ("20th", "20-й") or a decade ("1930s", "'80s",
    /// "1930-е"), which is a period, not a figure.
    pub(super) fn affixed_digits(&mut self, i: usize) -> Option<usize> {
        let tokens = self.tokens;
        // Stuck to a word: "Solzhenitsyn5", "N22", "Tu-104" — a marker or an identifier.
        if i > 0 && self.attached(i) {
            let prev = self.kind(i - 1);
            let stuck_to_word = prev == Some(TokKind::Word)
                && !is_scale_prefix(self.word(i - 1))
                && self.word(i - 1) != "x";
            let hyphen_after_word = self.punct(i - 1) == Some('-')
                && i > 1
                && self.attached(i - 1)
                && self.kind(i - 2) == Some(TokKind::Word)
                && lexicon::number_word(self.word(i - 2)).is_none()
                && !matches!(self.word(i - 2), "mid" | "late" | "early" | "pre" | "post");
            if stuck_to_word || hyphen_after_word {
                return Some(self.skip_attached_run(i));
            }
            // "'80s", "’80s": a decade.
            if matches!(self.punct(i - 1), Some('\'' | '\u{2018}' | '\u{2019}'))
                && self.word(i + 1) == "s"
                && self.attached(i + 1)
            {
                if let Some(n) = token_numeral(tokens, i).filter(|n| n.int_digits == 2) {
                    let start = 1900 + n.value as i32;
                    self.mention(i, Period::years(start, start + 9));
                    return Some(i + 2);
                }
            }
        }
        // Suffix stuck to the digits: ordinals, decades, units.
        if self.attached(i + 1) && self.kind(i + 1) == Some(TokKind::Word) {
            let suffix = self.word(i + 1);
            if matches!(suffix, "st" | "nd" | "rd" | "th") {
                return Some(i + 2);
            }
            if suffix == "s" {
                if let Some(n) = token_numeral(tokens, i).filter(|n| !n.grouped && n.decimals == 0)
                {
                    let start = match n.int_digits {
                        4 => n.value as i32,
                        2 => 1900 + n.value as i32,
                        _ => return Some(i + 2),
                    };
                    self.mention(i, Period::years(start, start + 9));
                }
                return Some(i + 2);
            }
            // "-10C", "50F": degrees, written the short way.
            let raw = &self.text[self.tokens.get(i + 1).map_or(0..0, |t| t.span.clone())];
            let known = matches!(raw, "C" | "F")
                || lexicon::attached_scale(suffix, true).is_some()
                || lexicon::measure_unit(suffix).is_some()
                || lexicon::time_unit(suffix).is_some()
                || lexicon::currency_word(suffix).is_some()
                || lexicon::is_percent_word(suffix);
            let exponent = grammar::exponent_after(self.tokens, self.text, i).is_some();
            if !known && !exponent {
                return Some(self.skip_attached_run(i));
            }
        }
        // Russian ordinals and decades: "20-й", "1930-е", "1930-х годах".
        if self.punct(i + 1) == Some('-')
            && self.attached(i + 1)
            && self.attached(i + 2)
            && self.kind(i + 2) == Some(TokKind::Word)
        {
            let suffix = self.word(i + 2);
            let is_cyr = suffix
                .chars()
                .next()
                .is_some_and(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
            if is_cyr && !is_time_or_unit(suffix) {
                if matches!(suffix, "е" | "х" | "ые" | "ых" | "ми") {
                    if let Some(n) = token_numeral(tokens, i).filter(|n| n.int_digits == 4) {
                        let start = n.value as i32;
                        self.mention(i, Period::years(start, start + 9));
                    }
                }
                return Some(i + 3);
            }
            // "-fold": "3-fold".
        }
        None
    }

    /// A time taken, written h:mm:ss after "in" or "time of" ("won in 2:15:07"): a
    /// duration in seconds. After "at", or with no such word, it stays a time of day.
    pub(super) fn elapsed_time(&mut self, i: usize) -> Option<usize> {
        let part = |k: usize, digits: u32| {
            token_numeral(self.tokens, k)
                .filter(|n| n.int_digits <= digits && n.decimals == 0 && !n.grouped && !n.negative)
                .map(|n| n.value)
        };
        let colon =
            |k: usize| self.punct(k) == Some(':') && self.attached(k) && self.attached(k + 1);
        if !(colon(i + 1) && colon(i + 3)) || colon(i + 5) || i == 0 {
            return None;
        }
        let hours = part(i, 2)?;
        let minutes = part(i + 2, 2).filter(|&m| m < 60.0)?;
        let seconds = part(i + 4, 2).filter(|&s| s < 60.0)?;
        if !matches!(self.word(i - 1), "in" | "of" | "time" | "clocked" | "timed") {
            return None;
        }
        let total = hours * 3600.0 + minutes * 60.0 + seconds;
        let mut simple = simple_point(i, i + 4, total);
        simple.step = Some(1.0);
        let candidate = Candidate {
            kind: Some(Kind::Duration),
            unit: Some("seconds".into()),
            licensed: true,
            ..Candidate::from_simple(&simple)
        };
        self.emit_candidate(candidate);
        Some(i + 5)
    }

    /// A time of day ("10:30", "5 p.m."), a telephone number ("+1 555 ...") or a note
    /// reference in brackets ("[4]").
    pub(super) fn time_phone_or_note(&self, i: usize) -> Option<usize> {
        // Times of day: "10:30", "5 p.m.", "9 o'clock".
        if self.punct(i + 1) == Some(':')
            && self.attached(i + 1)
            && self.kind(i + 2) == Some(TokKind::Num)
            && self.attached(i + 2)
        {
            return Some(self.skip_attached_run(i));
        }
        if matches!(
            self.word(i + 1),
            "am" | "pm" | "o'clock" | "o\u{2019}clock" | "h" | "hrs."
        ) || (matches!(self.word(i + 1), "a" | "p")
            && self.punct(i + 2) == Some('.')
            && self.word(i + 3) == "m")
        {
            return Some(i + 2);
        }
        // Telephone numbers and international codes: "+1 555 ...".
        if i > 0
            && self.punct(i - 1) == Some('+')
            && self.attached(i)
            && (self.kind(i + 1) == Some(TokKind::Num) || self.punct(i + 1) == Some('('))
        {
            return Some(self.skip_number_run(i));
        }
        // Dates written with dots: "14.10.1941", "28.06.2019" (a decimal "10.1941" after
        // a day and a dot).
        if self.punct(i + 1) == Some('.')
            && self.attached(i + 1)
            && self.attached(i + 2)
            && token_numeral(self.tokens, i).is_some_and(|n| n.int_digits <= 2 && n.decimals == 0)
            && token_numeral(self.tokens, i + 2).is_some_and(|n| {
                n.int_digits <= 2 && n.decimals == 4 && (1..=12).contains(&(n.value as i64))
            })
        {
            return Some(i + 3);
        }
        // A telephone number with its code in brackets: "8 (800) 555-17-42".
        if self.punct(i + 1) == Some('(')
            && token_numeral(self.tokens, i + 2).is_some_and(|n| (3..=5).contains(&n.int_digits))
            && self.punct(i + 3) == Some(')')
            && self.kind(i + 4) == Some(TokKind::Num)
        {
            return Some(self.skip_number_run(i));
        }
        // A subsection stuck to its section: the "2" of "clause 4(2)(b)".
        if i > 1
            && self.punct(i - 1) == Some('(')
            && self.attached(i - 1)
            && self.attached(i)
            && (self.kind(i - 2) == Some(TokKind::Num) || self.punct(i - 2) == Some(')'))
        {
            return Some(i + 1);
        }
        // Bracketed note references: "[4]", "[12]".
        if i > 0 && self.punct(i - 1) == Some('[') && self.punct(i + 1) == Some(']') {
            return Some(i + 2);
        }
        None
    }

    /// An identifier or code ("978-1-997536-32-1", "0800 555 0199", "ISRCTN 12345678"), or
    /// numbers after a label ("No. 4", "issues 63, 64 and 65").
    pub(super) fn identifier_or_label(&mut self, i: usize) -> Option<usize> {
        let tokens = self.tokens;
        // Numbers joined by a slash: a code ("24/7", "LAB 14/2231"), a date ("03/12/2021")
        // or a season ("2023/24"), not amounts; "3/4 of" is a share, read later.
        if self.punct(i + 1) == Some('/')
            && self.attached(i + 1)
            && self.attached(i + 2)
            && self.kind(i + 2) == Some(TokKind::Num)
            && self.word(i + 3) != "of"
        {
            let plain = |n: &super::tokens::Numeral| !n.grouped && n.decimals == 0;
            if let (Some(first), Some(second)) = (
                token_numeral(tokens, i).filter(plain),
                token_numeral(tokens, i + 2).filter(plain),
            ) {
                let year = first.value as i32;
                let end = match second.int_digits {
                    2 => year / 100 * 100 + second.value as i32,
                    4 => second.value as i32,
                    _ => 0,
                };
                if first.int_digits == 4 && (1000..=2100).contains(&year) && end == year + 1 {
                    self.mention(i, Period::years(year, end));
                }
            }
            return Some(self.skip_attached_run(i));
        }
        // Identifiers in parts: ISBN 978-1-997536-32-1, phone 555-123-4567.
        if self.punct(i + 1).is_some_and(is_dash)
            && self.attached(i + 1)
            && self.kind(i + 2) == Some(TokKind::Num)
            && self.attached(i + 2)
            && self.punct(i + 3).is_some_and(is_dash)
            && self.attached(i + 3)
            && self.kind(i + 4) == Some(TokKind::Num)
        {
            return Some(self.skip_attached_run(i));
        }
        let numeral = token_numeral(tokens, i);
        // "0800 555 0199", "00447": numbers with a leading zero are codes.
        if numeral.is_some_and(|n| n.leading_zero) {
            return Some(self.skip_number_run(i));
        }
        // A long run of digits with no grouping is an identifier ("ISRCTN 12345678"),
        // unless it counts something.
        if numeral.is_some_and(|n| !n.grouped && n.decimals == 0 && n.int_digits >= 7)
            && !self.counts_things(i)
        {
            return Some(i + 1);
        }
        // A label before: "No. 4", "p. 12", "Part 1", "issues 63, 64 and 65".
        if self.after_label(i) {
            return Some(self.skip_list(i));
        }
        let plain_integer = numeral.is_some_and(|n| !n.grouped && n.decimals == 0 && !n.negative);
        // A heading's name and number before its colon: "ECON 101: Development
        // Economics", "Lecture 7: ...".
        if plain_integer
            && i > 0
            && self.punct(i + 1) == Some(':')
            && self.kind(i - 1) == Some(TokKind::Word)
            && self.starts_line(i - 1)
            && self
                .raw(i - 1)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        {
            return Some(i + 1);
        }
        // A course or model code: capitals and three digits, "ECON 101", "MATH 221",
        // unless the capitals are a currency ("RUB 300") or the number begins a range
        // ("CI 410–3,270") or counts what follows.
        if plain_integer
            && i > 0
            && numeral.is_some_and(|n| n.int_digits == 3)
            && self.kind(i - 1) == Some(TokKind::Word)
            && is_code_letters(self.raw(i - 1))
            && lexicon::currency_before(self.word(i - 1)).is_none()
            && !self.punct(i + 1).is_some_and(is_dash)
            && !self.counts_things(i)
        {
            return Some(i + 1);
        }
        // A quoted name of a number and a capitalised word: the "4 Rs", the "3 Ps".
        if i > 0
            && matches!(self.punct(i - 1), Some('"' | '\u{201C}' | '\u{AB}'))
            && self.attached(i)
            && self.kind(i + 1) == Some(TokKind::Word)
            && self
                .raw(i + 1)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            && matches!(self.punct(i + 2), Some('"' | '\u{201D}' | '\u{BB}'))
            && self.attached(i + 2)
        {
            return Some(i + 3);
        }
        None
    }

    /// The text of token `k` as written.
    pub(super) fn raw(&self, k: usize) -> &str {
        &self.text[self.tokens.get(k).map_or(0..0, |t| t.span.clone())]
    }

    /// A number of the page's layout: a slide counter ("3 of 18"), list numbering ("1. ",
    /// "2)") or a table-of-contents page.
    pub(super) fn layout_number(&self, i: usize) -> Option<usize> {
        let numeral = token_numeral(self.tokens, i);
        // Page furniture: "5 min read", and "| 34 comments |" among a page's links.
        if matches!(self.word(i + 1), "min" | "mins" | "minute") && self.word(i + 2) == "read" {
            return Some(i + 3);
        }
        if matches!(
            self.word(i + 1),
            "comments" | "comment" | "replies" | "shares" | "likes" | "views"
        ) && {
            // Alone in its sentence ("5 min read. 34 comments."), or set apart by the
            // separators of a page's links.
            let alone = i == 0 && self.tokens.len() <= 3;
            let separator = |k: usize| matches!(self.punct(k), Some('|' | '·' | '•'));
            (alone || self.starts_line(i) || i > 0 && separator(i - 1))
                && (alone || self.ends_line(i + 1) || separator(i + 2))
        } {
            return Some(i + 2);
        }
        // Slide counters on a line of their own: "3 of 18".
        if self.starts_line(i)
            && self.word(i + 1) == "of"
            && self.kind(i + 2) == Some(TokKind::Num)
            && self.ends_line(i + 2)
        {
            return Some(i + 3);
        }
        // List numbering: "1. ", "2)", "3\t", "1 PETROV".
        if self.starts_line(i)
            && numeral.is_some_and(|n| !n.grouped && n.int_digits <= 3 && n.decimals == 0)
        {
            let next_punct = self.punct(i + 1);
            let gap_has_tab = self.tokens.get(i + 1).is_some_and(|t| {
                self.text[self.tokens.get(i).map_or(0, |x| x.span.end)..t.span.start].contains('\t')
            });
            // Not a currency code: "75 USD million", "120 MEUR".
            let all_caps_word = self.kind(i + 1) == Some(TokKind::Word)
                && {
                    let w = self.raw(i + 1);
                    w.chars().count() >= 2
                        && w.chars().all(|c| c.is_uppercase())
                        && lexicon::currency_before(self.word(i + 1)).is_none()
                }
                && lexicon::scaled_currency(self.raw(i + 1)).is_none();
            if matches!(next_punct, Some('.' | ')')) && self.attached(i + 1)
                || gap_has_tab
                || all_caps_word
            {
                return Some(i + 1);
            }
        }
        // Table-of-contents page: a number at the end of a line after a tab or leader dots.
        if self.ends_line(i)
            && numeral.is_some_and(|n| !n.grouped && n.decimals == 0 && n.int_digits <= 4)
        {
            let start = self.tokens.get(i).map_or(0, |t| t.span.start);
            let before = &self.text[..start];
            let before_line = before.trim_end_matches(' ');
            if before.ends_with('\t')
                || (before_line.ends_with("..") && !before_line.ends_with('\n'))
            {
                return Some(i + 1);
            }
        }
        None
    }

    /// Does a label word stand right before `i`? ("No. 4", "p. 12", "Part 1", "vol. 27")
    fn after_label(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let mut k = i - 1;
        let stop = self.punct(k) == Some('.');
        if stop {
            if k == 0 {
                return false;
            }
            k -= 1;
        }
        if matches!(self.punct(k), Some('№' | '#' | '§')) {
            return true;
        }
        if self.kind(k) != Some(TokKind::Word) {
            return false;
        }
        let word = self.word(k);
        if !lexicon::is_label_word(word) {
            return false;
        }
        // One-letter and ambiguous labels need their stop: "p. 12", "No. 4", "v. 2".
        let needs_stop = word.chars().count() <= 2
            || matches!(word, "no" | "art" | "sec" | "ch" | "ref" | "tel" | "ext");
        if needs_stop && !stop {
            let raw = &self.text[self.tokens.get(k).map_or(0..0, |t| t.span.clone())];
            return raw == "No" && self.punct(i - 1).is_none();
        }
        // "number of" is not a label ("the number 5" is; "a number of 5" does not occur).
        true
    }

    /// Skips a label's list of numbers: "63, 64 and 65", "114–15".
    fn skip_list(&self, i: usize) -> usize {
        let mut j = i + 1;
        loop {
            let joiner = self
                .punct(j)
                .is_some_and(|c| matches!(c, ',' | '-' | '–' | '&'))
                || matches!(self.word(j), "and" | "or" | "to");
            // A counter's total: "Slide 4 of 9", "Card 2/7".
            let total = self.word(j) == "of"
                || self.punct(j) == Some('/') && self.attached(j) && self.attached(j + 1);
            if (joiner || total) && self.kind(j + 1) == Some(TokKind::Num) {
                j += 2;
            } else {
                return j;
            }
        }
    }

    /// Skips tokens stuck together from `i` on: "N22", "10:30", "978-1-997536-32-1".
    fn skip_attached_run(&self, i: usize) -> usize {
        let mut j = i + 1;
        while self.tokens.get(j).is_some_and(|t| {
            !t.space_before && matches!(t.kind, TokKind::Num | TokKind::Word | TokKind::Punct)
        }) && !matches!(
            self.punct(j),
            Some(',' | ';' | '.' | ')' | '(' | '"' | '\u{201D}')
        ) {
            j += 1;
        }
        j
    }

    /// Skips a run of numbers separated by spaces or hyphens (a telephone number).
    fn skip_number_run(&self, i: usize) -> usize {
        let mut j = i + 1;
        // A code or a telephone number does not run on to the next line.
        while !self.starts_line(j)
            && (self.kind(j) == Some(TokKind::Num)
                || (self.punct(j).is_some_and(is_dash) && self.kind(j + 1) == Some(TokKind::Num))
                || matches!(self.punct(j), Some('(' | ')')))
        {
            j += 1;
        }
        j
    }
}

/// Blocks the tokens of every idiom of [`lexicon::IDIOMS`]; `openers` are the tokens
/// that are the first word of one.
pub(super) fn block_idioms(tokens: &Tokens, openers: &[usize], blocked: &mut [bool]) {
    use std::sync::OnceLock;
    // The key of each idiom's first word. An opener ("a", "on", "one") is met often:
    // only the idioms of its word are read further, found by comparing keys, where
    // comparing the words themselves branches on every length.
    static FIRST_KEYS: OnceLock<Vec<u64>> = OnceLock::new();
    let first_keys = FIRST_KEYS.get_or_init(|| {
        lexicon::IDIOMS
            .iter()
            .map(|idiom| lexicon::word_key(idiom[0]))
            .collect()
    });
    for &start in openers {
        let first = tokens.lower(start);
        let key = lexicon::word_key(first);
        let idioms = lexicon::IDIOMS.iter().zip(first_keys);
        for (idiom, _) in idioms.filter(|&(idiom, &k)| k == key && idiom[0] == first) {
            let mut j = start;
            let mut ok = true;
            for word in idiom.iter() {
                // Allow hyphens between idiom words.
                while tokens.get(j).is_some_and(|t| t.kind == TokKind::Punct) {
                    j += 1;
                }
                if !tokens.is_word(j, word) {
                    ok = false;
                    break;
                }
                j += 1;
            }
            if ok {
                for b in blocked.iter_mut().take(j).skip(start) {
                    *b = true;
                }
            }
        }
    }
}

fn is_scale_prefix(word: &str) -> bool {
    matches!(word, "us" | "usd" | "rs" | "a" | "c" | "ca")
}

fn is_time_or_unit(word: &str) -> bool {
    lexicon::time_unit(word).is_some()
        || lexicon::measure_unit(word).is_some()
        || lexicon::russian_compound_unit(word).is_some()
}

/// Two to six capital letters and nothing else: the letters of a course or a model
/// ("ECON", "CS").
fn is_code_letters(word: &str) -> bool {
    (2..=6).contains(&word.chars().count()) && word.chars().all(char::is_uppercase)
}
