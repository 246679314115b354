//! The final gate: whether a described candidate is a figure a reader would call a
//! claim (not a page in a bibliographic reference, a name with a number such as
//! "Apollo 11", a bare number word with nothing counted...), and the [`Figure`] record
//! made of it.

use std::ops::Range;

use super::citations::Citations;
use super::context;
use super::figure::{Figure, Kind, Precision, Qualifier};
use super::lexicon;
use super::scan::{is_dash, token_numeral, Candidate, Scan};
use super::tokens::TokKind;

impl Scan<'_> {
    /// Decides and records a candidate as a figure.
    pub(super) fn emit_candidate(&mut self, c: Candidate) {
        if !self.is_figure(&c) {
            return;
        }
        let text = self.text;
        let span = self.span(c.first, c.last);
        // The figure's text excludes a trailing stop of an abbreviation.
        let span = span.start..(span.start + text[span.clone()].trim_end_matches(['.', ',']).len());
        let (low, high) = (c.low * c.unit_factor, c.high * c.unit_factor);
        let value = (!c.range && !c.vague).then_some(low);
        let qualifier = if c.range {
            Qualifier::Range
        } else if c.vague {
            Qualifier::About
        } else {
            c.qualifier.unwrap_or(Qualifier::Exact)
        };
        if self.attribution.is_none() {
            self.attribution = Some(context::attribution(self.tokens, text));
        }
        let figure = Figure {
            span,
            value,
            low,
            high,
            precision: c.step.filter(|_| !c.in_words).map(|s| Precision {
                step: s * c.unit_factor,
            }),
            qualifier,
            kind: c.kind.unwrap_or(Kind::Count),
            unit: c.unit,
            vague: c.vague,
            sentence: self.sentence.clone(),
            period: None,
            attributed_to: self.attribution.clone().flatten(),
        };
        self.figures.push(figure);
    }

    /// The final gate: is this candidate a figure a reader would call a claim?
    fn is_figure(&mut self, c: &Candidate) -> bool {
        if c.rejection.is_some() {
            return false;
        }
        if !c.low.is_finite() || !c.high.is_finite() {
            return false;
        }
        // "these two years", "those three days": the span restates a period named before.
        if c.kind == Some(Kind::Duration)
            && c.first > 0
            && matches!(self.word(c.first - 1), "these" | "those")
        {
            return false;
        }
        let bare_digits = !c.in_words && !c.licensed && c.step.is_some();
        // In a bibliographic reference, bare numbers are pages, volumes and years.
        let plain_count = !c.in_words
            && !c.vague
            && c.kind.is_none()
            && c.step.is_some()
            && c.qualifier.is_none();
        if bare_digits || plain_count && c.low < 1e4 {
            let span = self.span(c.first, c.last);
            if self.in_citation(span) {
                return false;
            }
        }
        // A name with a number: "the Fortune 500", "Apollo 11", "Boeing 747".
        if bare_digits
            && !c.range
            && c.kind.is_none()
            && c.qualifier.is_none()
            && c.first >= 2
            && self.kind(c.first - 1) == Some(TokKind::Word)
        {
            let raw = &self.text[self
                .tokens
                .get(c.first - 1)
                .map_or(0..0, |t| t.span.clone())];
            // Title case only: "SD 11.8" and "NPS 41" are measures, not names.
            let capitalised = raw.chars().next().is_some_and(char::is_uppercase)
                && raw.chars().skip(1).any(char::is_lowercase)
                && c.step.is_some_and(|step| step >= 1.0);
            if capitalised
                && !lexicon::is_month(self.word(c.first - 1))
                && !lexicon::is_vote_word(self.word(c.first - 1))
                && lexicon::currency_before(self.word(c.first - 1)).is_none()
            {
                return false;
            }
        }
        // A page after a comma or bracket: "(Oxford, 1967), 351."
        if bare_digits && c.kind.is_none() && self.page_position(c.first, c.last) {
            return false;
        }
        if c.in_words && !c.vague && !c.fraction && c.kind.is_none() && c.qualifier.is_none() {
            // Bare number words are amounts only with something counted, or as what a
            // sentence says a count came to ("The toll was forty-two.").
            let first = self.word(c.first);
            let predicate = self.stated_as_a_total(c);
            if !c.licensed && !c.range && c.low < 1000.0 && first != "one" && !predicate {
                return false;
            }
            // "one" is an article more often than an amount: keep "only one", "just one",
            // and "One person died".
            if first == "one" && c.low == 1.0 && !predicate {
                let prev = if c.first > 0 {
                    self.word(c.first - 1)
                } else {
                    ""
                };
                let someone = c.first == 0 && lexicon::is_person_noun(self.word(c.last + 1));
                return someone
                    || matches!(prev, "only" | "just" | "single" | "exactly" | "merely")
                        && self.word(c.last + 1) != "of";
            }
            // "the two governments", "these three": a set already named, not a new amount.
            if c.low < 20.0
                && c.first > 0
                && matches!(self.word(c.first - 1), "the" | "these" | "those" | "both")
            {
                return false;
            }
        }
        // "not a few", "quite a few": an idiom for many.
        if c.vague
            && c.first > 0
            && self.word(c.first) == "a"
            && matches!(self.word(c.first - 1), "not" | "quite")
        {
            return false;
        }
        if c.vague && c.kind.is_none() && c.unit.is_none() && !c.licensed {
            // "several" alone ("several of them" is fine): needs a noun.
            let word = self.word(c.first);
            if matches!(word, "several" | "a" | "несколько") && self.word(c.last + 1) != "of"
            {
                return false;
            }
        }
        true
    }

    /// A number word that ends its clause after "was", "stood at", "rose to" and the
    /// like: what a count came to ("The official toll was forty-two.", "the number in
    /// hospital rose to seventeen").
    fn stated_as_a_total(&self, c: &Candidate) -> bool {
        if c.first == 0 {
            return false;
        }
        let ends_clause = c.last + 1 >= self.tokens.len()
            || matches!(self.punct(c.last + 1), Some('.' | ';' | ',' | '!' | '?'));
        if !ends_clause {
            return false;
        }
        let prev = self.word(c.first - 1);
        let verb = |w: &str| {
            matches!(
                w,
                "was" | "were" | "is" | "are" | "totalled" | "totaled" | "numbered" | "reached"
            )
        };
        verb(prev)
            || (matches!(prev, "to" | "at")
                && c.first >= 2
                && (lexicon::is_change_word(self.word(c.first - 2))
                    || matches!(self.word(c.first - 2), "stood" | "stands" | "put")))
    }

    /// A bare number between a comma or bracket and the end of a clause: a page reference.
    fn page_position(&self, first: usize, last: usize) -> bool {
        if first == 0 {
            return false;
        }
        // After a colon, a label's figure ("Total deaths: 31.", a fact box or a card)
        // unless a number or year stands before the colon ("vol. 3: 45", "1998: 45").
        let after_colon = self.punct(first - 1) == Some(':')
            && first >= 2
            && self.kind(first - 2) == Some(TokKind::Num);
        let before = matches!(self.punct(first - 1), Some(',' | ')')) || after_colon;
        let after = matches!(self.punct(last + 1), Some('.' | ';' | ','))
            || last + 1 >= self.tokens.len()
            || (self.punct(last + 1).is_some_and(is_dash)
                && self.kind(last + 2) == Some(TokKind::Num));
        let numeral = token_numeral(self.tokens, first);
        before
            && after
            && numeral.is_some_and(|n| !n.grouped && n.decimals == 0 && n.int_digits <= 4)
    }

    /// Is `span` a citation's own number: on a line of a reference list (every bare
    /// number there is a page, volume or year), or inside a citation within a sentence
    /// ("(Larsen 1998, p. 41)", "[12]", "p. 318", "vol. 4")? A citation never takes the
    /// sentence's other figures: "killed 300 people (Larsen 1998, p. 41)" keeps 300.
    /// Decided once per line, not per sentence: a sentence inside the lines of the
    /// previous one needs no new search (a 200 MB line would otherwise be scanned once
    /// per sentence).
    pub(super) fn in_citation(&mut self, span: Range<usize>) -> bool {
        let range = self.sentence.clone();
        let lines = match &*self.citation_lines {
            Some((cached, _)) if cached.start <= range.start && range.end <= cached.end => {
                cached.clone()
            }
            _ => lines_around(self.text, range),
        };
        if !matches!(&*self.citation_lines, Some((cached, _)) if *cached == lines) {
            let found = Citations::of(self.text, lines.clone());
            *self.citation_lines = Some((lines, found));
        }
        match &mut *self.citation_lines {
            Some((_, citations)) => citations.hold(self.text, &span),
            None => false,
        }
    }
}

/// The whole lines a sentence stands on.
fn lines_around(text: &str, range: Range<usize>) -> Range<usize> {
    let bytes = text.as_bytes();
    let start = memchr::memrchr(b'\n', &bytes[..range.start]).map_or(0, |p| p + 1);
    let end = memchr::memchr(b'\n', &bytes[range.end..]).map_or(text.len(), |p| range.end + p);
    start..end
}
