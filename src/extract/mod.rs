//! Text → figures: finds every numeric figure in a text and describes it.
//!
//! One pass over the text: sentences are found as the scan goes, each sentence
//! is tokenised once, and the number grammar runs over its tokens. Calendar
//! years and dates are not figures; they fill the `period` of the figures near
//! them. Page numbers, footnote markers, ordinals, identifiers, times of day,
//! list numbers and slide counters are recognised and left out. This module
//! does no I/O.
//!
//! The scan of a sentence (`scan.rs`) is a cursor over its tokens; what a number is,
//! is told apart a file for each: numbers that are no figures (`not_figures.rs`),
//! years and dates (`dates.rs`), multipliers (`multipliers.rs`), units and counted
//! nouns (`units.rs`), qualifiers (`qualifiers.rs`); `gate.rs` decides what is a
//! figure and makes its record.

mod ascii;
mod citations;
mod context;
mod dates;
mod figure;
mod gate;
mod grammar;
mod lexicon;
mod multipliers;
mod not_figures;
mod qualifiers;
mod scan;
mod sentences;
mod starters;
mod tokens;
mod units;

#[cfg(test)]
mod tests;

use std::ops::Range;

pub use figure::{Figure, Kind, Period, Precision, Qualifier};
pub use lexicon::dimension;

use context::YearMention;
use not_figures::block_idioms;
use scan::Scan;
use sentences::Sentences;
use starters::StarterWords;
use tokens::Tokens;

/// Every figure in `text`, in order of position.
pub fn extract(text: &str) -> Vec<Figure> {
    let mut figures = Vec::new();
    Extractor::default().run(text, |figure| figures.push(figure));
    figures
}

/// Reusable extraction state: buffers survive from sentence to sentence.
#[derive(Default)]
pub struct Extractor {
    tokens: Tokens,
    blocked: Vec<bool>,
    mentions: Vec<YearMention>,
    pending: Vec<Figure>,
    citation_lines: Option<(Range<usize>, citations::Citations)>,
    /// Try the whole grammar at every word, not only where a figure may start: the
    /// slow reference the quick path is tested against.
    ungated: bool,
    /// Every token of the sentence at hand, where the grammar is tried at every one.
    starts: Vec<usize>,
    /// Numerals met so far too large to hold a value, left out.
    too_large: Vec<Range<usize>>,
    /// Reads words for the quick look and tells what each may do where a figure starts.
    starter_words: StarterWords,
}

impl Extractor {
    /// An extractor that tries the whole grammar at every word and reads every sentence,
    /// where the default one first turns away what no figure can start in. Slow: the
    /// reference the quick path is tested and fuzzed against.
    pub fn reference() -> Extractor {
        Extractor {
            ungated: true,
            ..Extractor::default()
        }
    }

    /// The spans of the numerals too large to hold a value (a 400-digit number) in the
    /// texts run so far, in order: no figure is made of them. Taken, so that the next
    /// call starts empty.
    pub fn take_too_large(&mut self) -> Vec<Range<usize>> {
        std::mem::take(&mut self.too_large)
    }

    /// Extracts the figures of `text`, handing each to `emit` in order of position.
    pub fn run(&mut self, text: &str, mut emit: impl FnMut(Figure)) {
        let mut paragraph_period: Option<Period> = None;
        self.citation_lines = None;
        for sentence in Sentences::new(text) {
            if sentence.new_paragraph {
                paragraph_period = None;
            }
            self.sentence(text, sentence.range.clone());
            let sentence_period = self.mentions.last().map(|m| m.period);
            // "In later years", "since then", "now": the sentence moves away from the
            // years said before it, and its figures take none of them.
            let carried = paragraph_period
                .filter(|_| self.pending.is_empty() || !context::moves_in_time(&self.tokens));
            for mut figure in self.pending.drain(..) {
                figure.period =
                    context::nearest_period(&self.mentions, figure.span.start).or(carried);
                emit(figure);
            }
            if sentence_period.is_some() {
                paragraph_period = sentence_period;
            }
        }
    }

    fn sentence(&mut self, text: &str, range: Range<usize>) {
        self.mentions.clear();
        self.pending.clear();
        // A sentence where no figure can start has none, and no year either: most
        // sentences are turned away here, before they are tokenised.
        let gated = !self.ungated;
        if gated && !self.starter_words.may_hold_figure(text, range.clone()) {
            return;
        }
        self.tokens.fill(text, range.clone());
        self.too_large
            .extend(self.tokens.too_large().iter().cloned());
        if !gated {
            self.starts.clear();
            self.starts.extend(0..self.tokens.len());
        }
        let starts = if gated {
            self.tokens.starts()
        } else {
            &self.starts
        };
        if starts.is_empty() {
            return;
        }
        self.blocked.clear();
        self.blocked.resize(self.tokens.len(), false);
        block_idioms(&self.tokens, self.tokens.idiom_openers(), &mut self.blocked);
        let mut scan = Scan {
            text,
            tokens: &self.tokens,
            sentence: range,
            citation_lines: &mut self.citation_lines,
            mentions: &mut self.mentions,
            figures: &mut self.pending,
            blocked: &mut self.blocked,
            attribution: None,
        };
        // The grammar is tried only where a figure may start, from where the last
        // reading ended.
        let mut next = 0;
        for &i in starts {
            if i >= next {
                next = scan.at(i);
            }
        }
    }
}
