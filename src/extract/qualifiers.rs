//! Qualifiers of a number from the words around it: before ("over", "about", "at least",
//! "более") and after ("or more", "-odd", "+").

use std::sync::OnceLock;

use super::figure::Qualifier;
use super::lexicon;
use super::scan::{Candidate, Scan};
use super::tokens::TokKind;

impl Scan<'_> {
    /// A qualifier phrase ending right before token `first`.
    pub(super) fn qualifier_before(&self, first: usize) -> Option<Qualifier> {
        // Every phrase ends with a word: only those that end with the word before are
        // read further.
        let before = first.checked_sub(1)?;
        if self.kind(before) == Some(TokKind::Punct) {
            return self.qualifier_sign_before(before);
        }
        if self.kind(before) != Some(TokKind::Word) {
            return None;
        }
        let word_before = self.tokens.lower(before);
        // The key of each phrase's last word: the phrases that end with the word before
        // are found by comparing keys, not words.
        static LAST_KEYS: OnceLock<Vec<u64>> = OnceLock::new();
        let last_keys = LAST_KEYS.get_or_init(|| {
            lexicon::QUALIFIERS_BEFORE
                .iter()
                .map(|(phrase, _)| phrase.last().map_or(0, |last| lexicon::word_key(last)))
                .collect()
        });
        let key = lexicon::word_key(word_before);
        let phrases = lexicon::QUALIFIERS_BEFORE.iter().zip(last_keys);
        'phrases: for ((phrase, qualifier), &last_key) in phrases {
            if last_key != key || phrase.last() != Some(&word_before) {
                continue;
            }
            let len = phrase.len();
            if first < len {
                continue;
            }
            let start = first - len;
            for (k, word) in phrase.iter().enumerate() {
                if !self.tokens.is_word(start + k, word) {
                    continue 'phrases;
                }
            }
            // "over" as a preposition of time: "over the past 20 years" never reaches here
            // (a determiner stands between); "within" qualifies only amounts of time.
            if *phrase == ["within"] {
                return Some(*qualifier);
            }
            if *phrase == ["до"] && start > 0 && self.tokens.is_word(start - 1, "от") {
                continue;
            }
            // "выросло с 250 до 400": the end of a change, not "up to".
            if *phrase == ["до"]
                && start > 1
                && self.kind(start - 1) == Some(TokKind::Num)
                && (self.tokens.is_word(start - 2, "с") || self.tokens.is_word(start - 2, "от"))
            {
                continue;
            }
            return Some(*qualifier);
        }
        None
    }

    /// Qualifiers written after the number: "1,000 or more", "2,000-odd", "10,000+".
    /// A sign or an abbreviation that qualifies the number after it, ending at token
    /// `at`: "~300", "≈ 45 km", ">300", "≥ 18", "<5%", "≤ 10", "c. 300", "ca. 40",
    /// "approx. 12".
    fn qualifier_sign_before(&self, at: usize) -> Option<Qualifier> {
        let sign = self.tokens.punct(at, self.text)?;
        // An arrow ("$310 -> $1,240", "=>") says where a change ended, not a bound.
        let arrow = self.tokens.get(at).is_some_and(|t| {
            self.text[..t.span.start]
                .chars()
                .next_back()
                .is_some_and(|c| matches!(c, '-' | '=' | '–' | '—'))
        });
        if arrow {
            return None;
        }
        match sign {
            '~' | '≈' | '∼' => Some(Qualifier::About),
            '>' => Some(Qualifier::Over),
            '≥' | '⩾' => Some(Qualifier::AtLeast),
            '<' => Some(Qualifier::Under),
            '≤' | '⩽' => Some(Qualifier::AtMost),
            '.' => {
                let word = at.checked_sub(1)?;
                let abbreviation = self.kind(word) == Some(TokKind::Word)
                    && matches!(self.tokens.lower(word), "c" | "ca" | "approx" | "прибл")
                    && !self.tokens.get(at).is_some_and(|t| t.space_before);
                abbreviation.then_some(Qualifier::About)
            }
            _ => None,
        }
    }

    pub(super) fn qualifier_after(&self, c: &mut Candidate) -> Option<Qualifier> {
        let j = c.last + 1;
        if self.word(j) == "or" {
            let q = match self.word(j + 1) {
                "more" => Some(Qualifier::AtLeast),
                "so" => Some(Qualifier::About),
                "less" | "fewer" => Some(Qualifier::AtMost),
                _ => None,
            };
            return q;
        }
        if self.punct(j) == Some('+') && self.attached(j) {
            c.last = j;
            return Some(Qualifier::AtLeast);
        }
        if self.punct(j) == Some('-') && self.word(j + 1) == "odd" {
            c.last = j + 1;
            return Some(Qualifier::About);
        }
        None
    }
}
