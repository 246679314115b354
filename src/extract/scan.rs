//! The scan of one sentence: a cursor over its tokens ([`Scan`]) that reads what starts
//! where a figure may start, and the [`Candidate`] a number becomes while it is
//! described. The cursor and the reading of ranges and percentages live here; what
//! a number is besides is told apart by the files beside this one, each an `impl Scan`.

use std::ops::Range;

use super::context::YearMention;
use super::figure::{Figure, Kind, Period, Qualifier};
use super::grammar::{self, Simple};
use super::lexicon;
use super::tokens::{self, TokKind, Tokens};

/// The work of one sentence.
pub(super) struct Scan<'a> {
    pub(super) text: &'a str,
    pub(super) tokens: &'a Tokens,
    pub(super) sentence: Range<usize>,
    /// The lines last looked at for bibliographic references, and what was found.
    pub(super) citation_lines: &'a mut Option<(Range<usize>, super::citations::Citations)>,
    pub(super) mentions: &'a mut Vec<YearMention>,
    pub(super) figures: &'a mut Vec<Figure>,
    pub(super) blocked: &'a mut Vec<bool>,
    pub(super) attribution: Option<Option<String>>,
}

/// What a number expression turned out to be.
pub(super) struct Candidate {
    pub(super) first: usize,
    pub(super) last: usize,
    pub(super) low: f64,
    pub(super) high: f64,
    pub(super) range: bool,
    pub(super) vague: bool,
    pub(super) in_words: bool,
    pub(super) step: Option<f64>,
    pub(super) fraction: bool,
    pub(super) qualifier: Option<Qualifier>,
    pub(super) kind: Option<Kind>,
    pub(super) unit: Option<String>,
    /// Multiply low/high by this (decades → years).
    pub(super) unit_factor: f64,
    /// A counted noun or unit was found after the number.
    pub(super) licensed: bool,
    /// The words after the number show it is no amount: not a figure.
    pub(super) rejection: Option<Rejection>,
}

/// Why a number that reads as an amount is none, told by the words after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Rejection {
    /// "three days later", "70 years ago": a point in time.
    PointInTime,
    /// "the five-year plan", "a 5 years plan": the name of a plan.
    PlanName,
    /// "two-facers", "double-dealers": a number word inside a compound word.
    CompoundWord,
    /// "в 2 часа 15 минут", "в 1991 году": a time of day or a year, written as a span.
    TimeOrYear,
}

impl Scan<'_> {
    #[inline]
    pub(super) fn word(&self, i: usize) -> &str {
        self.tokens.lower(i)
    }

    #[inline]
    pub(super) fn kind(&self, i: usize) -> Option<TokKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    #[inline]
    pub(super) fn attached(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| !t.space_before)
    }

    #[inline]
    pub(super) fn punct(&self, i: usize) -> Option<char> {
        self.tokens.punct(i, self.text)
    }

    #[inline]
    pub(super) fn span(&self, first: usize, last: usize) -> Range<usize> {
        let start = self.tokens.get(first).map_or(0, |t| t.span.start);
        let end = self.tokens.get(last).map_or(start, |t| t.span.end);
        start..end
    }

    /// Is token `i` the first on its line?
    #[inline]
    pub(super) fn starts_line(&self, i: usize) -> bool {
        let Some(token) = self.tokens.get(i) else {
            return false;
        };
        // Back over blanks only: a long line is not scanned for each token.
        let before = self.text[..token.span.start].trim_end_matches([' ', '\t', '\r', '\u{a0}']);
        before.is_empty() || before.ends_with('\n')
    }

    /// Is token `i` the last on its line?
    #[inline]
    pub(super) fn ends_line(&self, i: usize) -> bool {
        let Some(token) = self.tokens.get(i) else {
            return false;
        };
        let after = self.text[token.span.end..].trim_start_matches([' ', '\t', '\r', '\u{a0}']);
        after.is_empty() || after.starts_with('\n')
    }

    #[inline]
    pub(super) fn mention(&mut self, i: usize, period: Period) {
        let Some(span) = self.tokens.get(i).map(|t| t.span.clone()) else {
            return;
        };
        // A citation's year ("(Larsen 1998, p. 41)") dates the source, not the figures.
        if self.in_citation(span.clone()) {
            return;
        }
        // So does a publication's ("the July 1989 issue"), here or sentences later.
        if super::context::dates_a_publication(self.tokens, self.text, i) {
            return;
        }
        self.mentions.push(YearMention {
            at: span.start,
            period,
        });
    }

    /// Reads what starts at token `i`, where a figure may start; returns the next token
    /// to look at.
    pub(super) fn at(&mut self, i: usize) -> usize {
        let Some(token) = self.tokens.get(i) else {
            return i + 1;
        };
        if self.blocked[i] {
            return i + 1;
        }
        match token.kind {
            TokKind::Superscript | TokKind::Url | TokKind::Punct
                if !is_vulgar_fraction(self.tokens, self.text, i) =>
            {
                i + 1
            }
            TokKind::Num => self.digits(i),
            _ => self.words(i),
        }
    }

    /// A numeral in digits at `i`. What is not a figure is told apart first, in this
    /// order: "x2" before identifiers, dates before list numbers.
    fn digits(&mut self, i: usize) -> usize {
        if let Some(next) = self.affixed_digits(i) {
            return next;
        }
        if let Some(next) = self.elapsed_time(i) {
            return next;
        }
        if let Some(next) = self.time_phone_or_note(i) {
            return next;
        }
        if let Some(next) = self.times_sign(i) {
            return next;
        }
        if let Some(next) = self.identifier_or_label(i) {
            return next;
        }
        // Dates: "February 25, 1956", "25 February 1956", "May 19 and 31", "25 февраля".
        if let Some(next) = self.date(i) {
            return next;
        }
        if let Some(next) = self.layout_number(i) {
            return next;
        }
        let Some(simple) = grammar::simple_at(self.tokens, self.text, i) else {
            return i + 1;
        };
        self.number(simple)
    }

    /// A number-word, vague or fraction expression at `i` (or a multiplier phrase).
    fn words(&mut self, i: usize) -> usize {
        let tokens = self.tokens;
        let text = self.text;
        let word = tokens.lower(i);
        // "a factor of 7", "by a factor of almost two".
        if word == "factor" && self.word(i + 1) == "of" {
            return self.factor(i);
        }
        // "double", "doubled", "threefold", "tenfold".
        if let Some(next) = self.multiplier_word(i) {
            return next;
        }
        // "a year and a half", "one month and a half".
        if matches!(word, "a" | "an" | "one")
            && lexicon::time_unit(self.word(i + 1)).is_some()
            && self.word(i + 2) == "and"
            && self.word(i + 3) == "a"
            && self.word(i + 4) == "half"
        {
            let mut simple = simple_point(i, i + 4, 1.5);
            simple.in_words = true;
            let (unit, factor) = lexicon::time_unit(self.word(i + 1)).unwrap_or(("years", 1.0));
            let candidate = Candidate {
                kind: Some(Kind::Duration),
                unit: Some(unit.to_string()),
                unit_factor: factor,
                licensed: true,
                ..Candidate::from_simple(&simple)
            };
            self.emit_candidate(candidate);
            return i + 5;
        }
        let Some(simple) = grammar::simple_at(tokens, text, i) else {
            return i + 1;
        };
        self.number(simple)
    }

    /// Continues from a simple number: range, context, classification.
    fn number(&mut self, simple: Simple) -> usize {
        let tokens = self.tokens;
        let text = self.text;
        // Years and year ranges; a currency sign is never a year's ("$2000", "€1990").
        let priced = simple.first > 0
            && self
                .punct(simple.first - 1)
                .and_then(lexicon::currency_symbol)
                .is_some();
        if let Some(year) = year_of(&simple).filter(|_| !priced) {
            if let Some(next) = self.year(simple.first, year, &simple) {
                return next;
            }
        }
        if let Some(share) = self.share_of(&simple) {
            let next = share.last + 1;
            let mut candidate = share;
            self.describe(&mut candidate);
            let resume = next.max(candidate.last + 1);
            self.emit_candidate(candidate);
            return resume;
        }
        // Percent directly after the first number: "50% to 200%", "75 per cent to 90 per cent".
        let (first_percent_end, first_is_percent) = match self.percent_after(simple.last) {
            Some(end) => (end, true),
            None => (simple.last, false),
        };
        // A range: "5-7 million", "18 to 60", "between 17 and 50 million", "nine or ten".
        let mut candidate = Candidate::from_simple(&simple);
        let mut last = first_percent_end;
        // "44 mg to 50 mg": a range whose two ends both carry the unit.
        let unit = self.word(first_percent_end + 1);
        let unit_on_both_ends = !first_is_percent
            && lexicon::measure_unit(unit).is_some()
            && grammar::range_joiner(tokens, text, first_percent_end + 2, &simple)
                .and_then(|j| grammar::simple_at(tokens, text, j))
                .is_some_and(|second| self.word(second.last + 1) == unit);
        let joiner_at = first_percent_end + 1 + usize::from(unit_on_both_ends);
        if let Some(mut j) = grammar::range_joiner(tokens, text, joiner_at, &simple) {
            // "$340 million and $360 million": the second end repeats the currency sign.
            let sign = |k: usize| self.punct(k).and_then(lexicon::currency_symbol);
            if simple.first > 0 && sign(j).is_some() && sign(j) == sign(simple.first - 1) {
                j += 1;
            }
            let change = self.change_before(simple.first);
            let joiner_is_to = matches!(self.word(joiner_at), "to" | "through");
            let second = grammar::simple_at(tokens, text, j)
                .filter(|s| !(change && joiner_is_to) && compatible(&simple, s));
            // A dash range that falls is an abbreviated page range ("797–99") or a score ("5-3").
            if let Some(falling) = second
                .as_ref()
                .filter(|s| !joiner_is_to && s.low < simple.low && !s.scaled)
            {
                return falling.last + 1;
            }
            // "lost 2-4 at home", "won 24-17": a match's score.
            if let Some(score) = second.as_ref().filter(|s| {
                !joiner_is_to
                    && self.after_match_result(simple.first)
                    && [&simple, *s].iter().all(|n| {
                        n.numeral
                            .is_some_and(|n| n.decimals == 0 && n.value < 1000.0)
                    })
                    && !self.counts_things(s.last)
            }) {
                return score.last + 1;
            }
            let second = second.filter(|s| !(joiner_is_to && s.low < simple.low));
            if let Some(second) = second {
                let second_percent_end = self.percent_after(second.last);
                if first_is_percent && second_percent_end.is_none() {
                    // "5% - 7" is odd, and "25% to 34,500" a change and where it ended:
                    // two numbers.
                } else if year_of(&second).is_none() || year_of(&simple).is_some() {
                    let mut low = simple.clone();
                    // A scale on the second end applies to both: "5-7 million".
                    if second.scaled && !simple.scaled {
                        let scale = second.scale;
                        low.step = low.step.map(|s| s * scale);
                        let step = low.step.unwrap_or(1.0);
                        low.low = grammar::on_step(low.low * scale, step);
                        low.high = grammar::on_step(low.high * scale, step);
                    }
                    candidate.low = low.low.min(second.low);
                    candidate.high = low.high.max(second.high);
                    candidate.range = true;
                    candidate.vague = false;
                    candidate.step = low.step.or(second.step);
                    last = second_percent_end.unwrap_or(second.last);
                    if second_percent_end.is_some() || first_is_percent {
                        candidate.kind = Some(Kind::Percent);
                        candidate.unit = Some("percent".into());
                        candidate.licensed = true;
                    }
                }
            }
        }
        // "95% CI", "95 % confidence interval": a confidence level names the method.
        if first_is_percent
            && matches!(
                self.word(first_percent_end + 1),
                "ci" | "confidence" | "cri" | "pi"
            )
        {
            return first_percent_end + 1;
        }
        if first_is_percent && candidate.kind.is_none() {
            candidate.kind = Some(Kind::Percent);
            candidate.unit = Some("percent".into());
            candidate.licensed = true;
        }
        candidate.last = last;
        if candidate.fraction {
            candidate.kind = Some(Kind::Fraction);
            candidate.unit = Some("fraction".into());
            candidate.licensed = true;
        }
        if let Some(unit) = simple.time_unit {
            // "decades after the congress": a point in time.
            if lexicon::is_relative_time_word(self.word(simple.last + 1)) {
                return simple.last + 2;
            }
            candidate.kind = Some(Kind::Duration);
            candidate.unit = Some(unit.into());
            candidate.licensed = true;
        }
        // "Погибли двое.": a collective numeral counts people wherever it stands.
        if candidate.first == candidate.last
            && lexicon::is_collective_numeral(self.word(candidate.first))
        {
            candidate.licensed = true;
        }
        let next = candidate.last + 1;
        self.describe(&mut candidate);
        let resume = next.max(candidate.last + 1);
        self.emit_candidate(candidate);
        resume
    }

    /// A share written as two whole numbers: "one in five", "1 in 20" (not "5 in 2019",
    /// nor "3 in 10 days"), and "3/4 of the villages".
    fn share_of(&self, simple: &Simple) -> Option<Candidate> {
        let whole_number = |s: &Simple| s.low == s.high && s.low.fract() == 0.0 && !s.fraction;
        if !whole_number(simple) || simple.low < 1.0 || simple.scaled {
            return None;
        }
        let tokens = self.tokens;
        let after = simple.last + 1;
        let of = if self.word(after) == "in" {
            grammar::simple_at(tokens, self.text, after + 1).filter(|of| {
                year_of(of).is_none() && lexicon::time_unit(self.word(of.last + 1)).is_none()
            })?
        } else if self.punct(after) == Some('/')
            && self.attached(after)
            && self.attached(after + 1)
            && simple.numeral.is_some()
        {
            grammar::simple_at(tokens, self.text, after + 1)
                .filter(|of| of.numeral.is_some() && self.word(of.last + 1) == "of")?
        } else {
            return None;
        };
        if !whole_number(&of) || of.scaled || of.low <= simple.low || of.low > 1000.0 {
            return None;
        }
        let mut share = Candidate::from_simple(simple);
        share.low = simple.low / of.low;
        share.high = share.low;
        share.step = None;
        share.fraction = true;
        share.kind = Some(Kind::Fraction);
        share.unit = Some("fraction".into());
        share.licensed = true;
        share.last = of.last;
        Some(share)
    }

    /// A verb of a match's result shortly before `first`: "beat Ashby Town 3-1", "lost 2-4".
    fn after_match_result(&self, first: usize) -> bool {
        (first.saturating_sub(4)..first).any(|k| {
            matches!(
                self.word(k),
                "won" | "lost" | "beat" | "drew" | "defeated" | "tied" | "led" | "trailed"
            )
        })
    }

    /// A change verb or noun shortly before a "from X to Y": "rose from 4.1 to 10 per
    /// cent" names two figures, not a range.
    fn change_before(&self, first: usize) -> bool {
        if first == 0 || !matches!(self.word(first - 1), "from" | "от" | "с") {
            return false;
        }
        (first.saturating_sub(6)..first - 1).any(|k| lexicon::is_change_word(self.word(k)))
    }
}

impl Candidate {
    #[inline]
    pub(super) fn from_simple(s: &Simple) -> Candidate {
        Candidate {
            first: s.first,
            last: s.last,
            low: s.low,
            high: s.high,
            range: false,
            vague: s.vague,
            in_words: s.in_words,
            step: s.step,
            fraction: s.fraction,
            qualifier: None,
            kind: None,
            unit: None,
            unit_factor: 1.0,
            licensed: s.vague || s.scaled,
            rejection: None,
        }
    }
}

#[inline]
pub(super) fn simple_point(first: usize, last: usize, value: f64) -> Simple {
    Simple {
        first,
        last,
        low: value,
        high: value,
        vague: false,
        in_words: false,
        step: None,
        scaled: false,
        scale: 1.0,
        fraction: false,
        numeral: None,
        time_unit: None,
    }
}

/// Is token `i` a vulgar fraction ("½")?
fn is_vulgar_fraction(tokens: &Tokens, text: &str, i: usize) -> bool {
    tokens
        .punct(i, text)
        .is_some_and(lexicon::is_vulgar_fraction_char)
}

#[inline]
pub(super) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '\u{2011}' | '\u{2012}')
}

#[inline]
pub(super) fn token_numeral(tokens: &Tokens, i: usize) -> Option<tokens::Numeral> {
    tokens.get(i).and_then(|t| t.numeral)
}

/// The calendar year a bare four-digit numeral may be.
fn year_of(simple: &Simple) -> Option<i32> {
    let n = simple.numeral?;
    let plain =
        !n.grouped && n.decimals == 0 && n.int_digits == 4 && !n.leading_zero && !n.negative;
    (plain && (1000.0..=2100.0).contains(&n.value)).then_some(n.value as i32)
}

/// Can two simple numbers be the ends of one range?
fn compatible(first: &Simple, second: &Simple) -> bool {
    if first.vague || second.vague || first.fraction != second.fraction {
        return false;
    }
    // A scale on the first end only ("5 million to 7") is not a range of the same kind.
    !first.scaled || second.scaled
}
