//! Multipliers: "x2" and "×3", "double", "tripled", "threefold", "twice", "a factor of
//! 7". Each is a figure of kind multiplier, counted in "times".

use super::figure::Kind;
use super::grammar;
use super::lexicon;
use super::scan::{simple_point, Candidate, Scan};
use super::tokens::TokKind;

impl Scan<'_> {
    /// A multiplier written with a sign before the digits: "x2", "×3".
    pub(super) fn times_sign(&mut self, i: usize) -> Option<usize> {
        let tokens = self.tokens;
        let text = self.text;
        if i > 0 && self.attached(i) && (self.word(i - 1) == "x" || self.punct(i - 1) == Some('×'))
        {
            if let Some(simple) = grammar::simple_at(tokens, text, i) {
                let mut candidate = Candidate::from_simple(&simple);
                candidate.first = i - 1;
                candidate.kind = Some(Kind::Multiplier);
                candidate.unit = Some("times".into());
                candidate.licensed = true;
                let next = candidate.last + 1;
                self.emit_candidate(candidate);
                return Some(next);
            }
        }
        None
    }

    /// "a factor of 7", "by a factor of almost two".
    pub(super) fn factor(&mut self, i: usize) -> usize {
        let start = if i > 0 && self.word(i - 1) == "a" {
            i - 1
        } else {
            i
        };
        let mut k = i + 2;
        let mut qualifier = None;
        for (phrase, q) in lexicon::QUALIFIERS_BEFORE {
            if phrase
                .iter()
                .enumerate()
                .all(|(n, w)| self.tokens.is_word(k + n, w))
            {
                qualifier = Some(*q);
                k += phrase.len();
                break;
            }
        }
        let Some(simple) = grammar::simple_at(self.tokens, self.text, k).filter(|s| s.is_point())
        else {
            return i + 1;
        };
        let mut candidate = Candidate::from_simple(&simple);
        candidate.first = start;
        candidate.kind = Some(Kind::Multiplier);
        candidate.unit = Some("times".into());
        candidate.qualifier = qualifier;
        candidate.licensed = true;
        let next = candidate.last + 1;
        self.emit_candidate(candidate);
        next
    }

    /// "scored twice", "was arrested thrice": how often, a count of occurrences (the size
    /// of a thing, "twice the number", is a multiplier); "happened twice a week" a rate.
    /// Not "think twice" nor "once or twice".
    fn occurrences(&self, i: usize, value: f64) -> Option<Candidate> {
        if !matches!(self.word(i), "twice" | "thrice") || i == 0 {
            return None;
        }
        // After a verb in the past ("scored twice", "was arrested twice", "won twice"),
        // not after a unit ("take .5 mg twice" is a dosing, said with its rate).
        let prev = self.word(i - 1);
        let past = prev.len() > 3 && prev.ends_with("ed")
            || matches!(
                prev,
                "won"
                    | "lost"
                    | "ran"
                    | "met"
                    | "hit"
                    | "struck"
                    | "fell"
                    | "rose"
                    | "came"
                    | "went"
                    | "saw"
                    | "beat"
                    | "broke"
                    | "led"
                    | "flew"
                    | "spoke"
                    | "wrote"
                    | "took"
                    | "gave"
                    | "been"
                    | "done"
                    | "did"
                    | "happened"
            );
        if self.kind(i - 1) != Some(TokKind::Word) || !past || self.word(i + 1) == "over" {
            return None;
        }
        let mut simple = simple_point(i, i, value);
        simple.in_words = true;
        let mut candidate = Candidate {
            kind: Some(Kind::Count),
            unit: Some("occurrences".into()),
            licensed: true,
            ..Candidate::from_simple(&simple)
        };
        if matches!(self.word(i + 1), "a" | "an" | "per" | "each" | "every") {
            if let Some((unit, _)) = lexicon::time_unit(self.word(i + 2)) {
                candidate.kind = Some(Kind::Rate);
                candidate.unit = Some(format!("times per {}", unit.trim_end_matches('s')));
            }
        }
        Some(candidate)
    }

    /// "double", "doubled", "tripled", "threefold", "tenfold".
    pub(super) fn multiplier_word(&mut self, i: usize) -> Option<usize> {
        let (value, needs_context) = lexicon::multiplier(self.word(i))?;
        // "double-dealers": a compound.
        if self.punct(i + 1) == Some('-') && self.attached(i + 1) {
            return Some(i + 2);
        }
        let qualifier = self.qualifier_before(i);
        if needs_context {
            let next = self.word(i + 1);
            let determiner_follows = matches!(
                next,
                "the" | "that" | "those" | "what" | "its" | "their" | "his" | "her" | "our" | "as"
            );
            if !(determiner_follows || qualifier.is_some()) {
                if let Some(candidate) = self.occurrences(i, value) {
                    self.emit_candidate(candidate);
                }
                return Some(i + 1);
            }
        }
        let mut simple = simple_point(i, i, value);
        simple.in_words = true;
        let candidate = Candidate {
            kind: Some(Kind::Multiplier),
            unit: Some("times".into()),
            qualifier,
            licensed: true,
            ..Candidate::from_simple(&simple)
        };
        self.emit_candidate(candidate);
        Some(i + 1)
    }
}
