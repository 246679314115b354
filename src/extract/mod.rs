//! Text → figures: finds every numeric figure in a text and describes it.
//!
//! One pass over the text: sentences are found as the scan goes, each sentence
//! is tokenised once, and the number grammar runs over its tokens. Calendar
//! years and dates are not figures; they fill the `period` of the figures near
//! them. Page numbers, footnote markers, ordinals, identifiers, times of day,
//! list numbers and slide counters are recognised and left out. This module
//! does no I/O.

mod ascii;
mod context;
mod figure;
mod grammar;
mod lexicon;
mod sentences;
mod starters;
mod tokens;

use std::ops::Range;

pub use figure::{Figure, Kind, Period, Precision, Qualifier};

use context::YearMention;
use grammar::Simple;
use sentences::Sentences;
use starters::StarterWords;
use tokens::{TokKind, Tokens};

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
    citation_lines: Option<(Range<usize>, bool)>,
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
            for mut figure in self.pending.drain(..) {
                figure.period =
                    context::nearest_period(&self.mentions, figure.span.start).or(paragraph_period);
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
        if gated && !self.starter_words.may_hold_figure(&text[range.clone()]) {
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

/// Is token `i` a vulgar fraction ("½")?
fn is_vulgar_fraction(tokens: &Tokens, text: &str, i: usize) -> bool {
    tokens
        .punct(i, text)
        .is_some_and(lexicon::is_vulgar_fraction_char)
}

/// Blocks the tokens of every idiom of [`lexicon::IDIOMS`]; `openers` are the tokens
/// that are the first word of one.
fn block_idioms(tokens: &Tokens, openers: &[usize], blocked: &mut [bool]) {
    for &start in openers {
        let first = tokens.lower(start);
        for idiom in lexicon::IDIOMS.iter().filter(|idiom| idiom[0] == first) {
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

/// The whole lines a sentence stands on.
fn lines_around(text: &str, range: Range<usize>) -> Range<usize> {
    let start = text[..range.start].rfind('\n').map_or(0, |p| p + 1);
    let end = text[range.end..]
        .find('\n')
        .map_or(text.len(), |p| range.end + p);
    start..end
}

/// Lines that are a bibliographic reference: their bare numbers are pages and volumes.
fn is_citation(lines: &str) -> bool {
    use std::sync::OnceLock;
    static PATTERN: OnceLock<regex::Regex> = OnceLock::new();
    let pattern = PATTERN.get_or_init(|| {
        regex::Regex::new(
            r"(?x)
            \([^()]*[,:]\s*(?:1[5-9]|20)\d\d\)     # (Moscow: Publisher, 1989)
            | (?-u:\b)(?:pp?|vols?|eds?|chap|ibid|op\.\s?cit)\.\s     # p. 12, vol. 3, ed.
            | (?m:^\s*\d{1,3}\.\s+(?:[A-Z][a-z]?\.|[A-Z][a-z]+,|\*|\x22|“|See(?-u:\b)|Ibid))  # endnote: 12. I. Deutscher / 53. Bailey,
            | (?m:^[A-Z][a-z]+,\s[A-Z][a-z]+\.)                 # bibliography: Chuev, Felix.
            | (?m:(?-u:\b)[A-Z][a-z]+,\s(?:1[5-9]|20)\d\d(?:–|-)?\d{0,4}\.\s*$)  # Moscow, 1991.
            | (?-u:\b)ISBN(?-u:\b)
            | (?-u:\b)(?:Press|Publishers|Verlag|Izdatelstvo|Izd\.)(?-u:\b)",
        )
        .expect("the citation pattern is valid")
    });
    pattern.is_match(lines)
}

/// The work of one sentence.
struct Scan<'a> {
    text: &'a str,
    tokens: &'a Tokens,
    sentence: Range<usize>,
    /// The lines last looked at for a bibliographic reference, and the answer.
    citation_lines: &'a mut Option<(Range<usize>, bool)>,
    mentions: &'a mut Vec<YearMention>,
    figures: &'a mut Vec<Figure>,
    blocked: &'a mut Vec<bool>,
    attribution: Option<Option<String>>,
}

/// What a number expression turned out to be.
struct Candidate {
    first: usize,
    last: usize,
    low: f64,
    high: f64,
    range: bool,
    vague: bool,
    in_words: bool,
    step: Option<f64>,
    fraction: bool,
    qualifier: Option<Qualifier>,
    kind: Option<Kind>,
    unit: Option<String>,
    /// Multiply low/high by this (decades → years).
    unit_factor: f64,
    /// A counted noun or unit was found after the number.
    licensed: bool,
}

impl Scan<'_> {
    /// Does the sentence stand on lines of a bibliographic reference? Asked only of
    /// bare numbers, and decided once per line, not per sentence: a sentence inside the
    /// lines of the previous one needs no new search for their ends (a 200 MB line
    /// would otherwise be scanned once per sentence).
    fn in_citation(&mut self) -> bool {
        let range = self.sentence.clone();
        let lines = match &*self.citation_lines {
            Some((cached, _)) if cached.start <= range.start && range.end <= cached.end => {
                cached.clone()
            }
            _ => lines_around(self.text, range),
        };
        match &*self.citation_lines {
            Some((cached, verdict)) if *cached == lines => *verdict,
            _ => {
                let verdict = is_citation(&self.text[lines.clone()]);
                *self.citation_lines = Some((lines, verdict));
                verdict
            }
        }
    }

    fn word(&self, i: usize) -> &str {
        self.tokens.lower(i)
    }

    fn kind(&self, i: usize) -> Option<TokKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    fn attached(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| !t.space_before)
    }

    fn punct(&self, i: usize) -> Option<char> {
        self.tokens.punct(i, self.text)
    }

    fn span(&self, first: usize, last: usize) -> Range<usize> {
        let start = self.tokens.get(first).map_or(0, |t| t.span.start);
        let end = self.tokens.get(last).map_or(start, |t| t.span.end);
        start..end
    }

    /// Is token `i` the first on its line?
    fn starts_line(&self, i: usize) -> bool {
        let Some(token) = self.tokens.get(i) else {
            return false;
        };
        // Back over blanks only: a long line is not scanned for each token.
        let before = self.text[..token.span.start].trim_end_matches([' ', '\t', '\r', '\u{a0}']);
        before.is_empty() || before.ends_with('\n')
    }

    /// Is token `i` the last on its line?
    fn ends_line(&self, i: usize) -> bool {
        let Some(token) = self.tokens.get(i) else {
            return false;
        };
        let after = self.text[token.span.end..].trim_start_matches([' ', '\t', '\r', '\u{a0}']);
        after.is_empty() || after.starts_with('\n')
    }

    fn mention(&mut self, i: usize, period: Period) {
        let at = self.tokens.get(i).map_or(0, |t| t.span.start);
        self.mentions.push(YearMention { at, period });
    }

    /// Reads what starts at token `i`, where a figure may start; returns the next token
    /// to look at.
    fn at(&mut self, i: usize) -> usize {
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

    /// A numeral in digits at `i`.
    fn digits(&mut self, i: usize) -> usize {
        let tokens = self.tokens;
        let text = self.text;
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
                return self.skip_attached_run(i);
            }
            // "'80s", "’80s": a decade.
            if matches!(self.punct(i - 1), Some('\'' | '\u{2018}' | '\u{2019}'))
                && self.word(i + 1) == "s"
                && self.attached(i + 1)
            {
                if let Some(n) = token_numeral(tokens, i).filter(|n| n.int_digits == 2) {
                    let start = 1900 + n.value as i32;
                    self.mention(i, Period::years(start, start + 9));
                    return i + 2;
                }
            }
        }
        // Suffix stuck to the digits: ordinals, decades, units.
        if self.attached(i + 1) && self.kind(i + 1) == Some(TokKind::Word) {
            let suffix = self.word(i + 1);
            if matches!(suffix, "st" | "nd" | "rd" | "th") {
                return i + 2;
            }
            if suffix == "s" {
                if let Some(n) = token_numeral(tokens, i).filter(|n| !n.grouped && n.decimals == 0)
                {
                    let start = match n.int_digits {
                        4 => n.value as i32,
                        2 => 1900 + n.value as i32,
                        _ => return i + 2,
                    };
                    self.mention(i, Period::years(start, start + 9));
                }
                return i + 2;
            }
            let known = lexicon::attached_scale(suffix, true).is_some()
                || lexicon::measure_unit(suffix).is_some()
                || lexicon::time_unit(suffix).is_some()
                || lexicon::currency_word(suffix).is_some()
                || lexicon::is_percent_word(suffix);
            if !known {
                return self.skip_attached_run(i);
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
                return i + 3;
            }
            // "-fold": "3-fold".
        }
        // Times of day: "10:30", "5 p.m.", "9 o'clock".
        if self.punct(i + 1) == Some(':')
            && self.attached(i + 1)
            && self.kind(i + 2) == Some(TokKind::Num)
            && self.attached(i + 2)
        {
            return self.skip_attached_run(i);
        }
        if matches!(
            self.word(i + 1),
            "am" | "pm" | "o'clock" | "o\u{2019}clock" | "h" | "hrs."
        ) || (matches!(self.word(i + 1), "a" | "p")
            && self.punct(i + 2) == Some('.')
            && self.word(i + 3) == "m")
        {
            return i + 2;
        }
        // Telephone numbers and international codes: "+1 555 ...".
        if i > 0
            && self.punct(i - 1) == Some('+')
            && self.attached(i)
            && (self.kind(i + 1) == Some(TokKind::Num) || self.punct(i + 1) == Some('('))
        {
            return self.skip_number_run(i);
        }
        // Bracketed note references: "[4]", "[12]".
        if i > 0 && self.punct(i - 1) == Some('[') && self.punct(i + 1) == Some(']') {
            return i + 2;
        }
        // Multipliers written "x2", "×3", "2x".
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
                return next;
            }
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
            return self.skip_attached_run(i);
        }
        let numeral = token_numeral(tokens, i);
        // "0800 555 0199", "00447": numbers with a leading zero are codes.
        if numeral.is_some_and(|n| n.leading_zero) {
            return self.skip_number_run(i);
        }
        // A long run of digits with no grouping is an identifier ("ISRCTN 12345678"),
        // unless it counts something.
        if numeral.is_some_and(|n| !n.grouped && n.decimals == 0 && n.int_digits >= 7)
            && !self.counts_things(i)
        {
            return i + 1;
        }
        // A label before: "No. 4", "p. 12", "Part 1", "issues 63, 64 and 65".
        if self.after_label(i) {
            return self.skip_list(i);
        }
        // Dates: "February 25, 1956", "25 February 1956", "May 19 and 31", "25 февраля".
        if let Some(next) = self.date(i) {
            return next;
        }
        // Slide counters on a line of their own: "3 of 18".
        if self.starts_line(i)
            && self.word(i + 1) == "of"
            && self.kind(i + 2) == Some(TokKind::Num)
            && self.ends_line(i + 2)
        {
            return i + 3;
        }
        // List numbering: "1. ", "2)", "3\t", "1 PETROV".
        if self.starts_line(i)
            && numeral.is_some_and(|n| !n.grouped && n.int_digits <= 3 && n.decimals == 0)
        {
            let next_punct = self.punct(i + 1);
            let gap_has_tab = self.tokens.get(i + 1).is_some_and(|t| {
                self.text[self.tokens.get(i).map_or(0, |x| x.span.end)..t.span.start].contains('\t')
            });
            let all_caps_word = self.kind(i + 1) == Some(TokKind::Word) && {
                let w = &self.text[self.tokens.get(i + 1).map_or(0..0, |t| t.span.clone())];
                w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase())
            };
            if matches!(next_punct, Some('.' | ')')) && self.attached(i + 1)
                || gap_has_tab
                || all_caps_word
            {
                return i + 1;
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
                return i + 1;
            }
        }
        let Some(simple) = grammar::simple_at(tokens, text, i) else {
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
        // Years and year ranges.
        if let Some(year) = year_of(&simple) {
            if let Some(next) = self.year(simple.first, year, &simple) {
                return next;
            }
        }
        // Percent directly after the first number: "50% to 200%", "75 per cent to 90 per cent".
        let (first_percent_end, first_is_percent) = match self.percent_after(simple.last) {
            Some(end) => (end, true),
            None => (simple.last, false),
        };
        // A range: "5-7 million", "18 to 60", "between 17 and 50 million", "nine or ten".
        let mut candidate = Candidate::from_simple(&simple);
        let mut last = first_percent_end;
        if let Some(j) = grammar::range_joiner(tokens, text, first_percent_end + 1, &simple) {
            let change = self.change_before(simple.first);
            let joiner_is_to = matches!(self.word(first_percent_end + 1), "to" | "through");
            let second = grammar::simple_at(tokens, text, j)
                .filter(|s| !(change && joiner_is_to) && compatible(&simple, s));
            // A dash range that falls is an abbreviated page range ("797–99") or a score ("5-3").
            if let Some(falling) = second
                .as_ref()
                .filter(|s| !joiner_is_to && s.low < simple.low && !s.scaled)
            {
                return falling.last + 1;
            }
            let second = second.filter(|s| !(joiner_is_to && s.low < simple.low));
            if let Some(second) = second {
                let second_percent_end = self.percent_after(second.last);
                if first_is_percent && second_percent_end.is_none() && !joiner_is_to {
                    // "5% - 7" is odd; keep two numbers.
                } else if year_of(&second).is_none() || year_of(&simple).is_some() {
                    let mut low = simple.clone();
                    // A scale on the second end applies to both: "5-7 million".
                    if second.scaled && !simple.scaled {
                        let scale = second.scale;
                        low.low *= scale;
                        low.high *= scale;
                        low.step = low.step.map(|s| s * scale);
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
        let next = candidate.last + 1;
        self.describe(&mut candidate);
        let resume = next.max(candidate.last + 1);
        self.emit_candidate(candidate);
        resume
    }

    /// Adds qualifier, unit and kind from the words around the candidate, then decides
    /// whether it is a figure.
    fn describe(&mut self, c: &mut Candidate) {
        // A signed change: "+15%".
        if c.first > 0
            && self.punct(c.first - 1) == Some('+')
            && self.attached(c.first)
            && c.kind == Some(Kind::Percent)
        {
            c.first -= 1;
        }
        // Currency before: "$2 bn", "£450 million", "US$5".
        if c.first > 0 {
            if let Some(code) = self.punct(c.first - 1).and_then(lexicon::currency_symbol) {
                c.kind = Some(Kind::Money);
                c.unit = Some(code.into());
                c.licensed = true;
                c.first -= 1;
            }
        }
        if c.kind.is_none() {
            self.unit_after(c);
        }
        if c.qualifier.is_none() {
            c.qualifier = self.qualifier_before(c.first);
        }
        if let Some(q) = self.qualifier_after(c) {
            c.qualifier = Some(q);
        }
        // Rates: "one delegate for every 25,000 citizens", "at the rate of".
        if c.first >= 2 && self.word(c.first - 1) == "every" && self.word(c.first - 2) == "for" {
            c.kind = Some(Kind::Rate);
            c.licensed = true;
        }
        if c.first >= 3 && self.word(c.first - 1) == "of" && self.word(c.first - 2) == "rate" {
            c.kind = Some(Kind::Rate);
            c.licensed = true;
        }
        // Ages: "aged 18 to 60".
        if c.first > 0
            && matches!(self.word(c.first - 1), "aged" | "ages" | "age")
            && c.kind.is_none_or(|k| k == Kind::Count)
        {
            c.kind = Some(Kind::Age);
            c.unit = Some("years of age".into());
            c.licensed = true;
        }
    }

    /// Unit or counted noun after the number.
    fn unit_after(&mut self, c: &mut Candidate) {
        let j = c.last + 1;
        let word = self.word(j).to_string();
        // Compound adjectives: "six-month courses", "four-hour film", "15-year-old", "3-fold".
        if self.punct(j) == Some('-') && self.attached(j) && self.attached(j + 1) {
            let unit_word = self.word(j + 1).to_string();
            if unit_word == "fold" {
                c.kind = Some(Kind::Multiplier);
                c.unit = Some("times".into());
                c.last = j + 1;
                c.licensed = true;
                return;
            }
            if let Some((unit, factor)) = lexicon::time_unit(&unit_word) {
                if self.punct(j + 2) == Some('-') && self.word(j + 3) == "old" {
                    c.kind = Some(Kind::Age);
                    c.unit = Some("years of age".into());
                    c.last = j + 3;
                    c.licensed = true;
                    return;
                }
                if self.word(j + 2) == "plan"
                    || (self.punct(j + 2) == Some('-') && self.word(j + 3) == "plan")
                {
                    c.kind = None;
                    c.licensed = false;
                    c.last = j + 1;
                    c.unit = Some("plan".into());
                    return;
                }
                c.kind = Some(Kind::Duration);
                c.unit = Some(unit.into());
                c.unit_factor = factor;
                c.last = j + 1;
                c.licensed = true;
                return;
            }
            if let Some(unit) = lexicon::measure_unit(&unit_word) {
                c.kind = Some(Kind::Measure);
                c.unit = Some(unit.into());
                c.last = j + 1;
                c.licensed = true;
                return;
            }
            // "two-facers", "double-dealers": a compound word, not an amount.
            if c.in_words && self.kind(j + 1) == Some(TokKind::Word) {
                c.unit = Some("compound".into());
                c.licensed = false;
                c.kind = None;
                return;
            }
        }
        if self.kind(j) != Some(TokKind::Word) {
            // "12 °C", "40 km²" are rare enough; a percent sign was handled before.
            if self.punct(j) == Some('°') {
                c.kind = Some(Kind::Measure);
                c.unit = Some(
                    if self.word(j + 1) == "f" {
                        "°F"
                    } else {
                        "°C"
                    }
                    .into(),
                );
                c.last = if self.kind(j + 1) == Some(TokKind::Word) && self.attached(j + 1) {
                    j + 1
                } else {
                    j
                };
                c.licensed = true;
            }
            return;
        }
        if let Some((unit, factor)) = lexicon::time_unit(&word) {
            // "15 years old", "18 years of age".
            if self.word(j + 1) == "old" || (self.word(j + 1) == "of" && self.word(j + 2) == "age")
            {
                c.kind = Some(Kind::Age);
                c.unit = Some("years of age".into());
                c.last = j;
                c.licensed = true;
                return;
            }
            if self.word(j + 1) == "plan" {
                c.unit = Some("plan".into());
                c.licensed = false;
                return;
            }
            c.kind = Some(Kind::Duration);
            c.unit = Some(unit.into());
            c.unit_factor = factor;
            c.licensed = true;
            c.last = j;
            // "three days later", "70 years ago": a point in time, not an amount.
            if lexicon::is_relative_time_word(self.word(j + 1)) {
                c.unit = Some("relative".into());
                c.licensed = false;
                c.kind = None;
            }
            return;
        }
        if word == "times" || word == "раз" || word == "раза" {
            c.kind = Some(Kind::Multiplier);
            c.unit = Some("times".into());
            c.licensed = true;
            c.last = j;
            return;
        }
        if word == "percentage" && matches!(self.word(j + 1), "points" | "point") {
            c.kind = Some(Kind::Percent);
            c.unit = Some("percentage points".into());
            c.last = j + 1;
            c.licensed = true;
            return;
        }
        if let Some(code) = lexicon::currency_word(&word) {
            c.kind = Some(Kind::Money);
            c.unit = Some(code.into());
            c.licensed = true;
            return;
        }
        if let Some(unit) = lexicon::measure_unit(&word) {
            // "5 m" in a money sentence was a scale; here "m" stands for metres only when spelled.
            c.kind = Some(Kind::Measure);
            c.unit = Some(unit.into());
            if word == "square" || self.word(j + 1) == "square" {
                c.unit = Some(format!("square {unit}"));
            }
            c.licensed = true;
            return;
        }
        if word == "square" || word == "sq" {
            if let Some(unit) = lexicon::measure_unit(self.word(j + 1)) {
                c.kind = Some(Kind::Measure);
                c.unit = Some(format!("square {unit}"));
                c.licensed = true;
                return;
            }
        }
        // A counted noun: "1,436 delegates", "116,885 Party members", "thousands of people".
        let noun = context::counted_noun(self.tokens, self.text, c.last).or_else(|| {
            let cyr = word
                .chars()
                .next()
                .is_some_and(|ch| ('\u{0400}'..='\u{04FF}').contains(&ch));
            if cyr {
                context::next_word(self.tokens, self.text, c.last)
            } else {
                None
            }
        });
        if let Some((noun, noun_index)) = noun {
            c.unit = Some(noun);
            c.licensed = true;
            // Rates: "2,000 cases a day", "67,000 cases within a month", "12 per 1,000".
            if let Some(per) = self.rate_period(noun_index + 1) {
                c.kind = Some(Kind::Rate);
                c.unit = Some(format!("{} per {}", c.unit.as_deref().unwrap_or(""), per));
            }
            return;
        }
        // "one only", "three of the sponsors", "fourteen were convicted": an amount without its noun.
        if matches!(word.as_str(), "of" | "out") {
            let after = self.word(j + 1);
            if matches!(
                after,
                "the"
                    | "those"
                    | "them"
                    | "these"
                    | "us"
                    | "whom"
                    | "which"
                    | "its"
                    | "his"
                    | "her"
                    | "their"
                    | "all"
                    | "of"
            ) || self.kind(j + 1) == Some(TokKind::Num)
            {
                c.licensed = true;
            }
        } else if matches!(
            word.as_str(),
            "were"
                | "was"
                | "had"
                | "have"
                | "are"
                | "remained"
                | "died"
                | "received"
                | "who"
                | "voted"
        ) {
            c.licensed = true;
        }
    }

    /// "a day", "per day", "each year", "within a month", "daily" after a counted noun.
    fn rate_period(&self, j: usize) -> Option<&'static str> {
        let w = self.word(j);
        let unit_at =
            |k: usize| lexicon::time_unit(self.word(k)).map(|(u, _)| u.trim_end_matches('s'));
        match w {
            "a" | "an" | "per" | "each" | "every" => unit_at(j + 1),
            "within" if self.word(j + 1) == "a" => unit_at(j + 2),
            "daily" => Some("day"),
            "weekly" => Some("week"),
            "monthly" => Some("month"),
            "annually" | "yearly" => Some("year"),
            _ => None,
        }
    }

    /// End of a percent sign or word right after token `last`.
    fn percent_after(&self, last: usize) -> Option<usize> {
        let j = last + 1;
        if self.punct(j) == Some('%') {
            return Some(j);
        }
        let w = self.word(j);
        if (w == "per" && self.word(j + 1) == "cent")
            || (w == "per" && self.punct(j + 1) == Some('-') && self.word(j + 2) == "cent")
        {
            return Some(if self.word(j + 1) == "cent" {
                j + 1
            } else {
                j + 2
            });
        }
        if lexicon::is_percent_word(w) {
            // "проц." keeps its stop outside the figure.
            return Some(j);
        }
        None
    }

    /// A qualifier phrase ending right before token `first`.
    fn qualifier_before(&self, first: usize) -> Option<Qualifier> {
        // Every phrase ends with a word: only those that end with the word before are
        // read further.
        let before = first.checked_sub(1)?;
        if self.kind(before) != Some(TokKind::Word) {
            return None;
        }
        let word_before = self.tokens.lower(before);
        'phrases: for (phrase, qualifier) in lexicon::QUALIFIERS_BEFORE {
            if phrase.last() != Some(&word_before) {
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
            return Some(*qualifier);
        }
        None
    }

    /// Qualifiers written after the number: "1,000 or more", "2,000-odd", "10,000+".
    fn qualifier_after(&self, c: &mut Candidate) -> Option<Qualifier> {
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

    /// A change verb or noun shortly before a "from X to Y".
    fn change_before(&self, first: usize) -> bool {
        if first == 0 || !matches!(self.word(first - 1), "from" | "от" | "с") {
            return false;
        }
        (first.saturating_sub(6)..first - 1).any(|k| lexicon::is_change_word(self.word(k)))
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
            if joiner && self.kind(j + 1) == Some(TokKind::Num) {
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
        while self.kind(j) == Some(TokKind::Num)
            || (self.punct(j).is_some_and(is_dash) && self.kind(j + 1) == Some(TokKind::Num))
            || matches!(self.punct(j), Some('(' | ')'))
        {
            j += 1;
        }
        j
    }

    /// A date around the numeral at `i`; returns where to resume.
    fn date(&mut self, i: usize) -> Option<usize> {
        let month_before = i > 0 && lexicon::is_month(self.word(i - 1))
            || (i > 1 && self.punct(i - 1) == Some('.') && lexicon::is_month(self.word(i - 2)));
        let month_after = lexicon::is_month(self.word(i + 1))
            || (self.word(i + 1) == "of" && lexicon::is_month(self.word(i + 2)));
        if !month_before && !month_after {
            return None;
        }
        let numeral = token_numeral(self.tokens, i)?;
        if numeral.decimals > 0 || numeral.grouped {
            return None;
        }
        // "July 1937": the numeral is the year.
        if numeral.int_digits == 4 {
            let year = numeral.value as i32;
            self.mention(i, Period::year(year));
            return Some(i + 1);
        }
        if numeral.value > 31.0 {
            return None;
        }
        // Day, then perhaps "-18", "and 31", then the year.
        let mut j = i + 1;
        let day_range =
            self.punct(j).is_some_and(is_dash) && self.kind(j + 1) == Some(TokKind::Num);
        let day_pair = self.word(j) == "and"
            && self.kind(j + 1) == Some(TokKind::Num)
            && token_numeral(self.tokens, j + 1).is_some_and(|n| n.value <= 31.0);
        if day_range || day_pair {
            j += 2;
        }
        if month_after {
            j += if self.word(i + 1) == "of" { 2 } else { 1 };
        }
        if self.punct(j) == Some(',') {
            j += 1;
        }
        if let Some(n) = token_numeral(self.tokens, j)
            .filter(|n| n.int_digits == 4 && !n.grouped && n.decimals == 0)
        {
            self.mention(j, Period::year(n.value as i32));
            j += 1;
            // "1956 г." / "1956 года".
            if matches!(self.word(j), "г" | "года" | "год") {
                j += 1;
            }
        }
        Some(j)
    }

    /// A year at `first`: a mention (and where to resume), or `None` if it counts something.
    fn year(&mut self, first: usize, year: i32, simple: &Simple) -> Option<usize> {
        let last = simple.last;
        // Year ranges: "1937-38", "1930–1953", "1930-1950s".
        if self.punct(last + 1).is_some_and(is_dash) && self.kind(last + 2) == Some(TokKind::Num) {
            let compact = self.attached(last + 1) == self.attached(last + 2);
            if let Some(n) = token_numeral(self.tokens, last + 2)
                .filter(|n| !n.grouped && n.decimals == 0 && compact)
            {
                let end = match n.int_digits {
                    2 => Some(year / 100 * 100 + n.value as i32),
                    4 => Some(n.value as i32),
                    _ => None,
                };
                if let Some(end) = end.filter(|&e| e >= year && e <= 2100) {
                    let decade = self.word(last + 3) == "s" && self.attached(last + 3);
                    let end = if decade { end + 9 } else { end };
                    self.mention(first, Period::years(year, end));
                    let mut next = last + 3 + usize::from(decade);
                    if matches!(self.word(next), "гг" | "годах" | "годы" | "годов")
                    {
                        next += 1;
                    }
                    return Some(next);
                }
            }
        }
        // "from 1921 to 1953", "between 1953 and 1964", "1921 to 1953".
        let joiner = self.word(last + 1);
        if matches!(
            joiner,
            "to" | "and" | "until" | "till" | "through" | "до" | "по"
        ) {
            if let Some(n) = token_numeral(self.tokens, last + 2)
                .filter(|n| n.int_digits == 4 && !n.grouped && n.decimals == 0)
            {
                let end = n.value as i32;
                if (year..=2100).contains(&end)
                    && (joiner != "and" || first > 0 && self.word(first - 1) == "between")
                {
                    self.mention(first, Period::years(year, end));
                    return Some(last + 3);
                }
            }
        }
        let prev = if first > 0 { self.word(first - 1) } else { "" };
        let period_word = matches!(
            prev,
            "in" | "since"
                | "by"
                | "from"
                | "until"
                | "till"
                | "to"
                | "during"
                | "after"
                | "before"
                | "of"
                | "between"
                | "and"
                | "year"
                | "the"
                | "в"
                | "с"
                | "до"
                | "к"
                | "от"
                | "по"
                | "году"
                | "spring"
                | "summer"
                | "autumn"
                | "winter"
                | "fall"
                | "early"
                | "late"
                | "mid"
        );
        // A four-digit number before a plural noun counts things ("1400 delegates"), unless
        // it is plausibly a year introduced as one ("the 1937 elections", "in 1956 35.9 million").
        let counts = self.counts_things(last);
        let plausible_year = (1800..=2100).contains(&year);
        if counts && !(period_word && plausible_year) && !(plausible_year && prev == "the") {
            return None;
        }
        if !counts && !plausible_year && !period_word {
            // "1400" alone: too early for a year in running prose without "in".
            return None;
        }
        let period = if prev == "since" || prev == "с" {
            Period::since(year)
        } else {
            Period::year(year)
        };
        self.mention(first, period);
        let mut next = last + 1;
        if matches!(self.word(next), "г" | "года" | "год" | "году") {
            next += 1;
        }
        Some(next)
    }

    /// Is the number at `last` followed by what it counts (a plural noun, a unit, a percent)?
    fn counts_things(&self, last: usize) -> bool {
        let j = last + 1;
        if self.percent_after(last).is_some() {
            return true;
        }
        let w = self.word(j);
        if lexicon::time_unit(w).is_some()
            || lexicon::measure_unit(w).is_some()
            || lexicon::currency_word(w).is_some()
            || w == "times"
        {
            return true;
        }
        if self.kind(j) == Some(TokKind::Word) {
            let raw = &self.text[self.tokens.get(j).map_or(0..0, |t| t.span.clone())];
            if raw.chars().next().is_some_and(char::is_lowercase) && context::looks_plural(w) {
                return true;
            }
        }
        false
    }

    /// "a factor of 7", "by a factor of almost two".
    fn factor(&mut self, i: usize) -> usize {
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

    /// "double", "doubled", "tripled", "threefold", "tenfold".
    fn multiplier_word(&mut self, i: usize) -> Option<usize> {
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

    /// Decides and records a candidate as a figure.
    fn emit_candidate(&mut self, c: Candidate) {
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
            unit: c
                .unit
                .filter(|u| !matches!(u.as_str(), "relative" | "plan" | "compound")),
            vague: c.vague,
            sentence: self.sentence.clone(),
            period: None,
            attributed_to: self.attribution.clone().flatten(),
        };
        self.figures.push(figure);
    }

    /// The final gate: is this candidate a figure a reader would call a claim?
    fn is_figure(&mut self, c: &Candidate) -> bool {
        if matches!(c.unit.as_deref(), Some("relative" | "plan" | "compound")) {
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
        if (bare_digits || plain_count && c.low < 1e4) && self.in_citation() {
            return false;
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
            if capitalised && !lexicon::is_month(self.word(c.first - 1)) {
                return false;
            }
        }
        // A page after a comma or bracket: "(Oxford, 1967), 351."
        if bare_digits && c.kind.is_none() && self.page_position(c.first, c.last) {
            return false;
        }
        if c.in_words && !c.vague && !c.fraction && c.kind.is_none() && c.qualifier.is_none() {
            // Bare number words are amounts only with something counted.
            let first = self.word(c.first);
            if !c.licensed && !c.range && c.low < 1000.0 && first != "one" {
                return false;
            }
            // "one" is an article more often than an amount: keep "only one", "just one".
            if first == "one" && c.low == 1.0 {
                let prev = if c.first > 0 {
                    self.word(c.first - 1)
                } else {
                    ""
                };
                return matches!(prev, "only" | "just" | "single" | "exactly" | "merely")
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

    /// A bare number between a comma or bracket and the end of a clause: a page reference.
    fn page_position(&self, first: usize, last: usize) -> bool {
        if first == 0 {
            return false;
        }
        let before = matches!(self.punct(first - 1), Some(',' | ')' | ':'));
        let after = matches!(self.punct(last + 1), Some('.' | ';' | ','))
            || last + 1 >= self.tokens.len()
            || (self.punct(last + 1).is_some_and(is_dash)
                && self.kind(last + 2) == Some(TokKind::Num));
        let numeral = token_numeral(self.tokens, first);
        before
            && after
            && numeral.is_some_and(|n| !n.grouped && n.decimals == 0 && n.int_digits <= 4)
    }
}

impl Candidate {
    fn from_simple(s: &Simple) -> Candidate {
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
        }
    }
}

fn simple_point(first: usize, last: usize, value: f64) -> Simple {
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

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '\u{2011}' | '\u{2012}')
}

fn is_scale_prefix(word: &str) -> bool {
    matches!(word, "us" | "usd" | "rs" | "a" | "c" | "ca")
}

fn is_time_or_unit(word: &str) -> bool {
    lexicon::time_unit(word).is_some() || lexicon::measure_unit(word).is_some()
}

fn token_numeral(tokens: &Tokens, i: usize) -> Option<tokens::Numeral> {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The figures of `text`, by the quick path and by the whole grammar at every word.
    fn quick_and_whole(text: &str) -> (Vec<Figure>, Vec<Figure>) {
        let mut quick = Vec::new();
        Extractor::default().run(text, |f| quick.push(f));
        let mut whole = Vec::new();
        let mut reference = Extractor::reference();
        reference.run(text, |f| whole.push(f));
        (quick, whole)
    }

    #[test]
    fn the_quick_path_finds_what_the_whole_grammar_finds_in_the_bundled_texts() {
        for text in [
            include_str!("../../seeds/000_657d8d3b52ea92ff.txt"),
            include_str!("../../seeds/001_feb10a0b37b23b30.txt"),
            include_str!("../../seeds/002_57d5f1d80ad01411.txt"),
            include_str!("../../seeds/003_8500507a40018902.txt"),
            include_str!("../../seeds/004_f5f5ae3d1d49beaf.txt"),
            include_str!("../../tests/corpus/abstract_en.txt"),
            include_str!("../../tests/corpus/encyclopedia_en.txt"),
            include_str!("../../tests/corpus/news_en.txt"),
            include_str!("../../tests/corpus/russian_ru.txt"),
            include_str!("../../tests/corpus/slides_en.txt"),
            // Every input of the grammar's table, in its Rust quotes.
            include_str!("../../tests/grammar.rs"),
        ] {
            let (quick, whole) = quick_and_whole(text);
            assert!(!whole.is_empty());
            assert_eq!(quick, whole);
        }
    }

    #[test]
    fn regression_a_vertical_tab_after_an_article_does_not_hide_a_figure_from_the_quick_path() {
        let (quick, whole) = quick_and_whole("They stayed a\x0bfew weeks in Kiev.");
        assert!(!whole.is_empty());
        assert_eq!(quick, whole);
    }

    #[test]
    fn the_quick_path_finds_what_the_whole_grammar_finds_in_sentences_of_its_own_words() {
        let mut vocabulary = lexicon::grammar_vocabulary();
        assert!(vocabulary.len() > 300, "{}", vocabulary.len());
        vocabulary.extend(
            [
                "1,436", "3.5", "12", "1937", "50%", "$5m", "-", ",", ".", "of", "½", "(", ")",
            ]
            .map(String::from),
        );
        // xorshift: a fixed sequence of word choices.
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let mut text = String::new();
        for sentence in 0..4000 {
            let length = 3 + next(10);
            for k in 0..length {
                if k > 0 {
                    text.push(' ');
                }
                text.push_str(&vocabulary[next(vocabulary.len())]);
            }
            text.push_str(if sentence % 7 == 6 { ".\n\n" } else { ". " });
        }
        let (quick, whole) = quick_and_whole(&text);
        assert!(whole.len() > 1000, "{}", whole.len());
        if let Some(k) = (0..quick.len().max(whole.len())).find(|&k| quick.get(k) != whole.get(k)) {
            let sentence = whole
                .get(k)
                .or(quick.get(k))
                .map_or(0..0, |f| f.sentence.clone());
            panic!(
                "first difference in {:?}:\nquick: {:?}\nwhole: {:?}",
                &text[sentence],
                quick.get(k),
                whole.get(k)
            );
        }
    }
}
