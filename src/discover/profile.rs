//! What discovery knows of one figure: its value, kind, counted noun, period and voice,
//! and a weighted bag of the words around it. A word weighs more the nearer it stands
//! to the figure, less across a clause barrier or another figure, and the sentence
//! before counts a little (more when the figure's sentence opens with an anaphor).

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use regex::Regex;

use super::words::{FastHash, Vocabulary, Word, Words};
use crate::claims::Quote;
use crate::extract::{Figure, Kind, Period};
use crate::source::{collapse_whitespace, collapse_whitespace_into, is_collapsed, Document};
use crate::value::Value;

/// Words every figure's context keeps at the least, as a share of the nearest word's.
const FLOOR: f32 = 0.08;
/// The sentence before, as a share.
const PREVIOUS_SENTENCE: f32 = 0.15;
/// The sentence before, when the figure's sentence refers back to it.
const PREVIOUS_SENTENCE_ANAPHOR: f32 = 0.30;

/// One figure as discovery compares it.
#[derive(Debug, Clone)]
pub struct Profile {
    /// Index of its document among those discovery was given.
    pub document: u32,
    /// The page of a paged document (PDF) it is on, 0 for none; `line` is then
    /// counted on the page.
    pub page: u32,
    pub line: u32,
    pub column: u32,
    pub value: Value,
    pub period: Option<Period>,
    pub attributed_to: Option<Box<str>>,
    /// Its sentence, white space collapsed, for the evidence (shared by its figures).
    pub sentence: Arc<str>,
    /// Byte range of its sentence in the document: figures of one sentence share it.
    pub sentence_span: Range<u32>,
    /// The ordinal of its sentence among the figure-bearing sentences of its document.
    pub sentence_number: u32,
    /// Its counted noun or unit, by its key's number in the vocabulary
    /// ([`super::Discovered::noun`] reads it back).
    pub noun_id: Option<u32>,
    /// What the counted noun says of itself: it may stand for any people ("people",
    /// "человек"), or it is written in Cyrillic.
    pub noun_generic: bool,
    pub noun_cyrillic: bool,
    /// Context words by number in the vocabulary, with their weights (before IDF),
    /// sorted by number.
    pub context: Box<[(u32, f32)]>,
    /// Its sentence or the one before says a figure is wrong ("in fact", "the real figure").
    pub rebuttal: bool,
    /// Its own sentence does: the figure is offered in place of one stated before.
    pub corrects: bool,
    /// Where a correction cue ("instead of", "rather than", "вместо") stands in its
    /// sentence, as a byte offset: the figure after it corrects the one before.
    pub correction_cue: Option<u32>,
    /// The figure's byte range in its sentence.
    pub in_sentence: Range<u32>,
    /// Its most telling context words (by weight × IDF, counted nouns aside), set when
    /// the corpus is complete: a figure of the same quantity nearly always shares them.
    pub core: [u32; CORE_WORDS],
    /// For a measure: what it measures and how many base units one of its unit is
    /// ([`crate::extract::dimension`]), so that 5.6 inches and 131 mm meet.
    pub dimension: Option<(&'static str, f64)>,
    /// Its telling digits ([`telling_digits`]).
    pub digits: Option<u64>,
    /// How many other figures its sentence holds.
    pub neighbours: u32,
    /// Its sentence gives it as someone else's (a reporting verb before it, or
    /// quotation marks around it), whether or not it names them.
    pub reported: bool,
    /// The catalog quantity the figure is already keyed to.
    pub quantity: Option<Box<str>>,
    /// Which of the document's figures with this text it is (1-based).
    pub occurrence: u32,
    /// The words just before and after it, as a quote pin names it
    /// ([`Profile::quote`]), and which of the figures with this text and these words
    /// it is (1-based; nearly always 1).
    pub quote: PackedQuote,
    pub quote_occurrence: u32,
    /// A change is stated around it ("from X to Y", "rose to"): two states, not two claims.
    pub change: bool,
    /// Its counted noun is narrowed by a word before it ("14 alternate members", "270
    /// Congress delegates"): a part of what the bare noun counts.
    pub noun_narrowed: bool,
}

/// Core words a figure has at most.
pub const CORE_WORDS: usize = 3;
/// An empty place among a figure's core words.
pub const NO_WORD: u32 = u32::MAX;

impl Profile {
    /// Figures of these kinds are compared; multipliers ("twice") and ages are not
    /// measures of a quantity of their own.
    pub fn is_comparable(figure: &Figure) -> bool {
        !matches!(figure.kind, Kind::Multiplier | Kind::Age)
    }

    /// The figure with its qualifier word, as reasons quote it ("over 1.3 million").
    pub fn shown(&self) -> String {
        self.value.shown()
    }

    /// The words just before and after the figure, as a quote pin names it.
    pub fn quote(&self) -> Quote {
        self.quote.unpack()
    }

    /// Its core words, heaviest first.
    pub fn core(&self) -> impl Iterator<Item = u32> + '_ {
        self.core.iter().copied().take_while(|&w| w != NO_WORD)
    }
}

/// A [`Quote`] in one allocation: a million figures hold a million of them.
#[derive(Debug, Clone, Default)]
pub struct PackedQuote {
    /// The prefix, then the suffix.
    text: Box<str>,
    /// Where the suffix starts in `text`, and which of the two are given.
    split: u32,
    given: (bool, bool),
}

impl PackedQuote {
    /// [`Quote::around`] packed, in one allocation and without building the quote.
    pub fn around(text: &str, span: &Range<usize>) -> PackedQuote {
        let (prefix, suffix) = Quote::words_around(text, span);
        let mut packed = String::with_capacity(prefix.len() + suffix.len());
        collapse_whitespace_into(prefix, &mut packed);
        let split = packed.len();
        collapse_whitespace_into(suffix, &mut packed);
        let given = (split > 0, packed.len() > split);
        PackedQuote {
            text: packed.into_boxed_str(),
            split: split as u32,
            given,
        }
    }

    pub fn unpack(&self) -> Quote {
        let (prefix, suffix) = self.text.split_at(self.split as usize);
        Quote {
            prefix: self.given.0.then(|| prefix.to_string()),
            suffix: self.given.1.then(|| suffix.to_string()),
        }
    }
}

/// One document's figures as discovery is given them: in order, at these lines and
/// columns, some keyed by the catalog to a quantity (`(figure index, quantity id)`).
pub struct DocumentFigures<'a> {
    /// The document's index among those discovery was given.
    pub index: usize,
    pub document: &'a Document,
    pub figures: &'a [Figure],
    pub positions: &'a [(usize, usize)],
    pub keyed: &'a [(usize, String)],
}

/// Builds the profiles of one document's figures, at the end of `out` (written in
/// place: a million profiles are not copied from one vector into another).
pub fn profiles(
    words: &Words,
    vocabulary: &mut Vocabulary,
    given: &DocumentFigures,
    out: &mut Vec<Profile>,
) {
    let DocumentFigures {
        index,
        document,
        figures,
        positions,
        keyed,
    } = *given;
    let text = &document.text;
    out.reserve(figures.len());
    let mut sentence_number = 0;
    // For each figure text: how many figures have had it so far, and where the last
    // comparable one is in `spans`.
    let mut by_text: HashMap<&str, (usize, Option<usize>), FastHash> =
        HashMap::with_capacity_and_hasher(figures.len(), FastHash);
    // The spans of the comparable figures met so far, each with where the one before it
    // of the same text is: one list for the document, not one for each text.
    let mut spans: Vec<(Range<usize>, Option<usize>)> = Vec::with_capacity(figures.len());
    // Worked in for each figure, kept from one to the next so as not to allocate anew.
    let mut others: Vec<Range<usize>> = Vec::new();
    let mut context: Vec<(u32, f32)> = Vec::new();
    let mut sentence: Option<Sentence> = None;
    for (at, figure) in figures.iter().enumerate() {
        let seen = by_text.entry(figure.text(text)).or_insert((0, None));
        seen.0 += 1;
        let occurrence = seen.0;
        if sentence
            .as_ref()
            .is_none_or(|s| s.span.start != figure.sentence.start)
        {
            sentence_number += 1;
            let next = Sentence::new(text, figures, at, sentence.as_ref(), words, vocabulary);
            sentence = Some(next);
        }
        let Some(here) = sentence.as_ref() else {
            continue;
        };
        if !Profile::is_comparable(figure) {
            continue;
        }
        let sentence_text = text.get(figure.sentence.clone()).unwrap_or("");
        let relative = |span: &Range<usize>| {
            span.start.saturating_sub(figure.sentence.start)
                ..span.end.saturating_sub(figure.sentence.start)
        };
        // Spans of the other figures of this sentence, relative to it.
        others.clear();
        others.extend(
            figures[here.figures.clone()]
                .iter()
                .filter(|f| f.span != figure.span)
                .map(|f| relative(&f.span)),
        );
        let own = relative(&figure.span);
        context.clear();
        weigh_sentence(sentence_text, &here.words, &own, &others, &mut context);
        context.extend(
            here.previous_words
                .iter()
                .map(|&key| (key, here.previous_share)),
        );
        // A word met twice counts at its heavier weight.
        sort_context(&mut context);
        context.dedup_by_key(|(key, _)| *key);
        let change = is_change(here.from_cyrillic, &own, sentence_text);
        let reported = is_reported(
            sentence_text,
            &own,
            here.reporting.as_deref(),
            // Figures of a sentence share its span, unless they disagree on its end.
            if figure.sentence == here.span {
                here.may_quote
            } else {
                may_quote(sentence_text)
            },
        );
        let figure_text = figure.text(text);
        let quote = PackedQuote::around(text, &figure.span);
        // Nearly every figure's text is its own: the quote is unpacked only to compare.
        let mut quote_occurrence = 1;
        if seen.1.is_some() {
            let quote = quote.unpack();
            let mut before = seen.1;
            while let Some((span, earlier)) = before.and_then(|at| spans.get(at)) {
                quote_occurrence +=
                    usize::from(quote.matches(&text[..span.start], &text[span.end..]));
                before = *earlier;
            }
        }
        spans.push((figure.span.clone(), seen.1));
        seen.1 = Some(spans.len() - 1);
        let value = Value::from_figure(figure_text, figure);
        let (line, column) = positions.get(at).copied().unwrap_or((0, 0));
        let noun_id = figure
            .unit
            .as_deref()
            .and_then(|u| vocabulary.noun(words, u));
        let noun = noun_id.map(|id| vocabulary.keys[id as usize].as_str());
        out.push(Profile {
            document: small(index),
            page: small(document.page(figure.span.start).unwrap_or(0)),
            line: small(line),
            column: small(column),
            noun_generic: noun.is_some_and(is_generic),
            noun_narrowed: figure.kind == Kind::Count
                && noun_id.is_some()
                && figure
                    .unit
                    .as_deref()
                    .is_some_and(|unit| unit.split_whitespace().count() >= 2),
            noun_cyrillic: noun.is_some_and(is_cyrillic),
            noun_id,
            digits: telling_digits(&value),
            dimension: match figure.kind {
                Kind::Measure => figure.unit.as_deref().and_then(crate::extract::dimension),
                _ => None,
            },
            value,
            period: figure.period,
            attributed_to: figure.attributed_to.as_deref().map(Box::from),
            sentence: here.collapsed.clone(),
            sentence_span: small(figure.sentence.start)..small(figure.sentence.end),
            sentence_number: small(sentence_number),
            context: Box::from(context.as_slice()),
            rebuttal: here.corrects || here.previous_rebuttal,
            corrects: here.corrects,
            correction_cue: here.correction_cue.map(small),
            in_sentence: small(own.start)..small(own.end),
            neighbours: others.len() as u32,
            core: [NO_WORD; CORE_WORDS],
            reported,
            occurrence: small(occurrence),
            quote,
            quote_occurrence: small(quote_occurrence),
            quantity: keyed
                .iter()
                .find(|(figure, _)| *figure == at)
                .map(|(_, quantity)| Box::from(quantity.as_str())),
            change,
        });
    }
}

/// Sorts context words by number, the heavier first among a word's weights, as
/// `x.0.cmp(&y.0).then(y.1.total_cmp(&x.1))` orders them: each sorted as one integer
/// (its number, then its weight's bits inverted), which for weights that are positive
/// numbers, as every context weight is, is the order of `total_cmp` reversed. Equal
/// integers are equal entries, so an unstable sort leaves nothing to chance.
fn sort_context(context: &mut [(u32, f32)]) {
    if !context.iter().all(|&(_, weight)| weight > 0.0) {
        context.sort_unstable_by(|x, y| x.0.cmp(&y.0).then(y.1.total_cmp(&x.1)));
        return;
    }
    let packed =
        |&(word, weight): &(u32, f32)| (u64::from(word) << 32) | u64::from(!weight.to_bits());
    let mut keys: [u64; 64] = [0; 64];
    if context.len() > keys.len() {
        context.sort_unstable_by_key(packed);
        return;
    }
    let keys = &mut keys[..context.len()];
    for (key, entry) in keys.iter_mut().zip(context.iter()) {
        *key = packed(entry);
    }
    keys.sort_unstable();
    for (entry, &key) in context.iter_mut().zip(keys.iter()) {
        *entry = ((key >> 32) as u32, f32::from_bits(!(key as u32)));
    }
}

/// A count or offset as a profile holds it: four bytes, as a million profiles are held
/// at once. Beyond 4 GiB (never within one document part) it saturates.
fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// What the figures of one sentence share, worked out once per sentence.
struct Sentence {
    span: Range<usize>,
    /// The indices of its figures (figures come in document order).
    figures: Range<usize>,
    words: Vec<Word>,
    /// White space collapsed, for the report.
    collapsed: Arc<str>,
    /// It says a figure is wrong ("in fact", "the real figure").
    corrects: bool,
    correction_cue: Option<usize>,
    /// The words of the sentence before, and what each counts for.
    previous_words: Vec<u32>,
    previous_share: f32,
    previous_rebuttal: bool,
    /// Where each reporting cue at a word's start ends, in the lower-cased sentence;
    /// `None` when lower-casing changed its length, so offsets cannot be shared.
    reporting: Option<Vec<usize>>,
    /// Its lower-cased text holds " с " ([`is_change`]).
    from_cyrillic: bool,
    /// It holds a byte that may start a quotation mark ([`is_reported`]).
    may_quote: bool,
}

/// One regular expression for a list of cues, built once: any of them, leftmost
/// first. No reporting cue is a prefix of another, so at any one place at most one
/// matches, and the ends found are those that searching for each cue would find.
fn cues(cell: &'static OnceLock<Regex>, list: &[&str]) -> &'static Regex {
    cell.get_or_init(|| {
        let alternatives: Vec<String> = list.iter().map(|cue| regex::escape(cue)).collect();
        Regex::new(&alternatives.join("|")).expect("escaped literals form a valid expression")
    })
}

static ANAPHOR_CUES: OnceLock<Regex> = OnceLock::new();
static REBUTTAL_CUES: OnceLock<Regex> = OnceLock::new();
static CORRECTION_CUES: OnceLock<Regex> = OnceLock::new();
static REPORTING_CUES: OnceLock<Regex> = OnceLock::new();

/// The end of every reporting cue in `lower` that starts a word ("report" in
/// "reported", not in "unreported"), trying every place a cue starts.
fn reporting_cue_ends(lower: &str) -> Vec<usize> {
    let cues = cues(&REPORTING_CUES, REPORTING);
    let mut ends = Vec::new();
    let mut from = 0;
    while let Some(found) = cues.find_at(lower, from) {
        if is_word_start(lower, found.start()) && !cites_the_text_itself(&lower[found.end()..]) {
            ends.push(found.end());
        }
        from = found.start()
            + lower[found.start()..]
                .chars()
                .next()
                .map_or(1, char::len_utf8);
    }
    ends
}

/// Words by which a writer points to their own text: a reporting verb whose clause
/// holds one ("as stated in Part 1 of this article", "as said above") cites the writer,
/// not another voice.
const SELF_REFERENCES: &[&str] = &[
    "this article",
    "this paper",
    "this book",
    "this chapter",
    "this essay",
    "this study",
    "above",
    "этой статье",
    "настоящей статье",
    "выше",
];

/// Whether the clause after a reporting cue (up to its first comma, semicolon or
/// colon) points to the writer's own text ([`SELF_REFERENCES`]).
fn cites_the_text_itself(after_cue: &str) -> bool {
    let clause = after_cue.split([',', ';', ':']).next().unwrap_or(after_cue);
    SELF_REFERENCES.iter().any(|r| {
        clause
            .match_indices(r)
            .any(|(at, _)| is_word_start(clause, at) && is_word_end(clause, at + r.len()))
    })
}

fn is_word_end(text: &str, at: usize) -> bool {
    text[at..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric())
}

fn is_word_start(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

impl Sentence {
    /// The sentence of `figures[first]`, after `previous` (the figure-bearing sentence
    /// before it, whose words are not read again).
    fn new(
        text: &str,
        figures: &[Figure],
        first: usize,
        previous: Option<&Sentence>,
        words: &Words,
        vocabulary: &mut Vocabulary,
    ) -> Sentence {
        let span = figures[first].sentence.clone();
        let count = figures[first..]
            .iter()
            .take_while(|f| f.sentence.start == span.start)
            .count();
        let sentence = text.get(span.clone()).unwrap_or("");
        let lower = sentence.to_lowercase();
        let previous = previous.filter(|p| p.span.end <= span.start);
        // The first 40 characters, lower-cased: of ASCII, the first 40 bytes of `lower`.
        let opening = if sentence.is_ascii() {
            Cow::Borrowed(&lower[..lower.len().min(40)])
        } else {
            Cow::Owned(sentence.chars().take(40).collect::<String>().to_lowercase())
        };
        let anaphor = cues(&ANAPHOR_CUES, ANAPHORS).is_match(&opening);
        let rebuttals = cues(&REBUTTAL_CUES, REBUTTALS);
        let corrects = rebuttals.is_match(&lower);
        // Offsets in the lower-cased text are the sentence's only when lower-casing
        // kept every character's length.
        let correction_cue = (lower.len() == sentence.len())
            .then(|| {
                cues(&CORRECTION_CUES, CORRECTIONS)
                    .find(&lower)
                    .map(|m| m.start())
            })
            .flatten();
        Sentence {
            figures: first..first + count,
            words: words.split(sentence, vocabulary),
            collapsed: if is_collapsed(sentence) {
                Arc::from(sentence)
            } else {
                Arc::from(collapse_whitespace(sentence))
            },
            corrects,
            correction_cue,
            previous_words: previous.map_or_else(Vec::new, |p| {
                let mut keys = Vec::with_capacity(p.words.len());
                keys.extend(p.words.iter().filter_map(|w| w.key));
                keys
            }),
            previous_share: if anaphor {
                PREVIOUS_SENTENCE_ANAPHOR
            } else {
                PREVIOUS_SENTENCE
            },
            previous_rebuttal: previous.is_some_and(|p| p.corrects),
            reporting: (lower.len() == sentence.len()).then(|| reporting_cue_ends(&lower)),
            may_quote: may_quote(sentence),
            from_cyrillic: lower.contains(" с "),
            span,
        }
    }
}

/// The digits of a figure precise enough that sharing them is telling (a whole number
/// stated to the unit, with four to sixteen digits: 1,436; 632 253, not 1,400 or 12),
/// one decimal digit to four bits, most significant first. Two figures that share them
/// state the same number; see [`transpositions`] for a number copied with a slip.
pub fn telling_digits(value: &Value) -> Option<u64> {
    let stated = &value.stated;
    let number = stated.value?;
    if stated.vague || stated.step.is_none_or(|s| s > 1.0) || number.fract() != 0.0 {
        return None;
    }
    if !(1000.0..1e16).contains(&number.abs()) {
        return None;
    }
    let mut rest = number.abs() as u64;
    let (mut digits, mut shift) = (0u64, 0);
    while rest > 0 {
        digits |= (rest % 10) << shift;
        shift += 4;
        rest /= 10;
    }
    Some(digits)
}

/// How many digits [`telling_digits`] holds.
fn digit_count(digits: u64) -> u32 {
    (64 - digits.leading_zeros()).div_ceil(4)
}

/// The telling digits of the numbers that are `digits` with two neighbouring digits
/// swapped (1,436 and 1,346), the slip a copyist makes; never with a leading zero.
pub fn transpositions(digits: u64) -> impl Iterator<Item = u64> {
    let count = digit_count(digits);
    (0..count.saturating_sub(1)).filter_map(move |i| {
        let (low, high) = ((digits >> (4 * i)) & 0xf, (digits >> (4 * (i + 1))) & 0xf);
        let leading_zero = i + 1 == count - 1 && low == 0;
        (low != high && !leading_zero).then(|| {
            let cleared = digits & !(0xff << (4 * i));
            cleared | (high << (4 * i)) | (low << (4 * (i + 1)))
        })
    })
}

/// Whether two figures' telling digits are one number, or one with two neighbouring
/// digits swapped.
pub fn same_or_transposed(a: u64, b: u64) -> bool {
    a == b || transpositions(a).any(|t| t == b)
}

/// Counted nouns that any more specific noun of people may stand in for.
fn is_generic(noun: &str) -> bool {
    noun == "=person"
}

fn is_cyrillic(word: &str) -> bool {
    word.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c))
}

/// Words that open a sentence referring back to the one before.
const ANAPHORS: &[&str] = &[
    "this figure",
    "these figures",
    "that figure",
    "this number",
    "the figure",
    "they ",
    "of them",
    "of whom",
    "эта цифра",
    "эти цифры",
    "из них",
];

/// Words by which a source says a figure is wrong, and gives another.
const REBUTTALS: &[&str] = &[
    "in fact",
    "in reality",
    "the real figure",
    "real figures",
    "actually",
    "exaggerat",
    "is wrong",
    "was wrong",
    "mistaken",
    "erroneous",
    "incorrect",
    "refute",
    "debunk",
    "myth",
    "на самом деле",
    "в действительности",
    "ошибка",
    "ошибочн",
    "преувелич",
    "неверн",
];

/// Words inside a sentence by which the figure after them replaces the one before.
/// Matched on the lower-cased sentence, whose byte offsets equal the original's for
/// the letters these start with.
const CORRECTIONS: &[&str] = &[
    "instead of",
    "rather than",
    "the real figure",
    "the real number",
    "the actual figure",
    "the actual number",
    "in fact",
    "in reality",
    "вместо",
    "на самом деле",
    "в действительности",
    "а не ",
];

/// Verbs and phrases by which a text reports what someone else says.
const REPORTING: &[&str] = &[
    "according to",
    "claim",
    "assert",
    "wrote",
    "writes",
    "stated",
    "states that",
    "said",
    "says",
    "told",
    "report",
    "estimate",
    "argue",
    "maintain",
    "allege",
    "conclusion",
    "concluded",
    "believe",
    "insist",
    "suggest",
    "по словам",
    "по данным",
    "по мнению",
    "по оценк",
    "утвержда",
    "писал",
    "пишет",
    "заявил",
    "заявля",
    "сообщ",
    "считает",
    "считал",
    "полага",
];

/// Whether `text` holds a byte that may start a quotation mark [`is_reported`] counts:
/// '"', or the first byte of «, » (0xC2) or of “, ”, „ (0xE2). Text without one quotes
/// nothing.
fn may_quote(text: &str) -> bool {
    // Blocks of bytes are read whole, in a loop the compiler makes wide.
    text.as_bytes().chunks(32).any(|block| {
        block.iter().fold(false, |found, &byte| {
            found | matches!(byte, b'"' | 0xC2 | 0xE2)
        })
    })
}

/// Whether the sentence gives the figure at `own` as someone else's: a reporting verb
/// before it, or a quotation it stands in (opened before it, or closed after it when
/// opened in an earlier sentence).
/// `may_quote` is [`may_quote`] of the sentence: without it, no quotation is read.
fn is_reported(
    sentence: &str,
    own: &Range<usize>,
    cue_ends: Option<&[usize]>,
    may_quote: bool,
) -> bool {
    let before = sentence.get(..own.start).unwrap_or("");
    let after = sentence.get(own.end..).unwrap_or("");
    let cue_before = match cue_ends {
        Some(ends) => ends.iter().any(|&end| end <= own.start),
        None => !reporting_cue_ends(&before.to_lowercase()).is_empty(),
    };
    if cue_before {
        return true;
    }
    if !may_quote {
        return false;
    }
    let count = |text: &str, marks: &[char]| text.chars().filter(|c| marks.contains(c)).count();
    let opened = count(before, &['“', '«', '„']) > count(before, &['”', '»']);
    let straight_open = count(before, &['"']) % 2 == 1;
    let first_after = after
        .chars()
        .find(|c| matches!(c, '“' | '”' | '«' | '»' | '„' | '"'));
    let closed_after = match first_after {
        Some('”' | '»') => true,
        Some('"') => count(sentence, &['"']) % 2 == 1,
        _ => false,
    };
    opened || straight_open || closed_after
}

/// Whether the figure stands in a statement of change ("from 12 to 15", "rose to 15");
/// `from_cyrillic`: the lower-cased sentence holds " с " ("с 12 до 15").
fn is_change(from_cyrillic: bool, own: &Range<usize>, sentence: &str) -> bool {
    let before = sentence.get(..own.start).unwrap_or("");
    let after = sentence.get(own.end..).unwrap_or("");
    // Only the words next to the figure count: those are lower-cased, not the sentence.
    // Where they are ASCII (nearly always), their bytes are their characters and they
    // are lower-cased in place, without allocating.
    let (tail_start, head_end) = (before.len().saturating_sub(24), after.len().min(12));
    if before.as_bytes()[tail_start..].is_ascii() && after.as_bytes()[..head_end].is_ascii() {
        let (mut lower_before, mut lower_after) = ([0u8; 24], [0u8; 12]);
        let lowered = |text: &[u8], into: &mut [u8]| {
            into[..text.len()].copy_from_slice(text);
            into[..text.len()].make_ascii_lowercase();
        };
        let (before, after) = (
            &before.as_bytes()[tail_start..],
            &after.as_bytes()[..head_end],
        );
        lowered(before, &mut lower_before);
        lowered(after, &mut lower_after);
        return change_near(
            std::str::from_utf8(&lower_before[..before.len()]).unwrap_or(""),
            std::str::from_utf8(&lower_after[..after.len()]).unwrap_or(""),
            from_cyrillic,
        );
    }
    let near = before.char_indices().rev().nth(23).map_or(0, |(at, _)| at);
    let near_before = before[near..].to_lowercase();
    let near_after = after.chars().take(12).collect::<String>().to_lowercase();
    change_near(&near_before, &near_after, from_cyrillic)
}

/// [`is_change`] on the lower-cased words next to the figure: the 24 characters
/// before it and the 12 after.
fn change_near(near_before: &str, near_after: &str, from_cyrillic: bool) -> bool {
    (near_before.contains("from ") && near_after.trim_start().starts_with("to "))
        || near_before.trim_end().ends_with(" to")
            && [
                "rose",
                "fell",
                "increased",
                "decreased",
                "grew",
                "dropped",
                "climbed",
                "declined",
                "up",
                "down",
            ]
            .iter()
            .any(|w| near_before.contains(w))
        || (from_cyrillic && near_after.trim_start().starts_with("до "))
}

/// The context weights of a sentence's words for the figure at `own` (offsets in the
/// sentence): nearer words weigh more, barriers and other figures in between less.
/// Each side is read once, outwards from the figure, counting the barriers passed.
fn weigh_sentence(
    sentence: &str,
    words: &[Word],
    own: &Range<usize>,
    others: &[Range<usize>],
    into: &mut Vec<(u32, f32)>,
) {
    let factors = WeightFactors::get();
    let mut weigh =
        |word: &Word, distance: usize, barriers: usize, between: Range<usize>, decay: f32| {
            let Some(key) = word.key else {
                return;
            };
            let crossed = others
                .iter()
                .filter(|o| o.start >= between.start && o.end <= between.end)
                .count();
            let weight = factors.nearness(distance, decay)
                * factors.halves[barriers.min(8)]
                * factors.crossings[crossed.min(8)];
            into.push((key, weight.max(FLOOR)));
        };
    let mut left = Gap::new(own.start, true);
    for (n, word) in words
        .iter()
        .rev()
        .filter(|w| w.end <= own.start)
        .enumerate()
    {
        left.reach_left(sentence, word.end);
        weigh(
            word,
            n + 1,
            left.barriers(sentence),
            word.end..own.start,
            WeightFactors::LEFT_DECAY,
        );
    }
    let mut right = Gap::new(own.end, false);
    for (n, word) in words.iter().filter(|w| w.start >= own.end).enumerate() {
        right.reach_right(sentence, word.start);
        weigh(
            word,
            n + 1,
            right.barriers(sentence),
            own.end..word.start,
            WeightFactors::RIGHT_DECAY,
        );
    }
}

/// The factors of a context word's weight, worked out once rather than for every word
/// of every figure: its nearness (`exp(-(distance - 1) / decay)`, to either side) and
/// what each barrier (½) and figure (0.3) crossed take. Each is computed by the very
/// expression it replaces, at run time, so the weights are the same to the bit.
struct WeightFactors {
    /// By distance, for the two decays (left, 3; right, 4); farther words are computed.
    near_left: [f32; WeightFactors::DISTANCES],
    near_right: [f32; WeightFactors::DISTANCES],
    /// `0.5^n` and `0.3^n` for n up to 8.
    halves: [f32; 9],
    crossings: [f32; 9],
}

impl WeightFactors {
    const DISTANCES: usize = 64;
    const LEFT_DECAY: f32 = 3.0;
    const RIGHT_DECAY: f32 = 4.0;

    fn get() -> &'static WeightFactors {
        static FACTORS: OnceLock<WeightFactors> = OnceLock::new();
        FACTORS.get_or_init(|| {
            // Opaque to the compiler, so that nothing is folded at compile time and
            // every factor is what the run-time expression gives.
            use std::hint::black_box as opaque;
            let near = |decay: f32| {
                std::array::from_fn(|distance| {
                    WeightFactors::computed_nearness(opaque(distance), opaque(decay))
                })
            };
            WeightFactors {
                near_left: near(WeightFactors::LEFT_DECAY),
                near_right: near(WeightFactors::RIGHT_DECAY),
                halves: std::array::from_fn(|n| opaque(0.5f32).powi(opaque(n as i32))),
                crossings: std::array::from_fn(|n| opaque(0.3f32).powi(opaque(n as i32))),
            }
        })
    }

    fn computed_nearness(distance: usize, decay: f32) -> f32 {
        (-((distance as f32) - 1.0) / decay).exp()
    }

    /// How near a word `distance` words from the figure is, with this decay.
    fn nearness(&self, distance: usize, decay: f32) -> f32 {
        let table = if decay == WeightFactors::LEFT_DECAY {
            &self.near_left
        } else if decay == WeightFactors::RIGHT_DECAY {
            &self.near_right
        } else {
            return WeightFactors::computed_nearness(distance, decay);
        };
        table
            .get(distance)
            .copied()
            .unwrap_or_else(|| WeightFactors::computed_nearness(distance, decay))
    }
}

/// The text between a figure and a word, grown one word at a time away from the
/// figure: how many clause barriers it holds (punctuation, and conjunctions standing
/// as words of their own).
struct Gap {
    /// The gap's byte range in the sentence; the figure's side stays put.
    span: Range<usize>,
    punctuation: usize,
    /// Conjunctions whose white space on both sides (or the figure's edge) lies inside.
    conjunctions: usize,
    /// Where the run of non-space text at the far edge ends (growing leftwards) or
    /// starts (rightwards): cut by that edge, it counts if it reads as a conjunction.
    open_run: Option<usize>,
    leftwards: bool,
}

impl Gap {
    fn new(at: usize, leftwards: bool) -> Gap {
        Gap {
            span: at..at,
            punctuation: 0,
            conjunctions: 0,
            open_run: None,
            leftwards,
        }
    }

    /// Grows the gap leftwards to start at `start`.
    fn reach_left(&mut self, sentence: &str, start: usize) {
        let bytes = sentence.as_bytes();
        let mut end = self.span.start;
        while end > start {
            // ASCII is decided on the byte; other characters are decoded.
            let (c, width) = match bytes[end - 1] {
                byte if byte < 0x80 => (char::from(byte), 1),
                _ => sentence[start..end]
                    .chars()
                    .next_back()
                    .map_or(('\0', 1), |c| (c, c.len_utf8())),
            };
            let at = end - width;
            self.read(sentence, c, at..end);
            end = at;
        }
        self.span.start = start;
    }

    /// Grows the gap rightwards to end at `end`.
    fn reach_right(&mut self, sentence: &str, end: usize) {
        let bytes = sentence.as_bytes();
        let mut at = self.span.end;
        while at < end {
            let (c, width) = match bytes[at] {
                byte if byte < 0x80 => (char::from(byte), 1),
                _ => sentence[at..end]
                    .chars()
                    .next()
                    .map_or(('\0', 1), |c| (c, c.len_utf8())),
            };
            self.read(sentence, c, at..at + width);
            at += width;
        }
        self.span.end = end;
    }

    /// Counts the character `c`, at `place` in the sentence, into the gap: white space
    /// closes the run at the far edge, anything else opens one (or goes on with it).
    fn read(&mut self, sentence: &str, c: char, place: Range<usize>) {
        if c.is_whitespace() {
            if let Some(edge) = self.open_run.take() {
                let run = if self.leftwards {
                    &sentence[place.end..edge]
                } else {
                    &sentence[edge..place.start]
                };
                self.conjunctions += usize::from(is_conjunction(run));
            }
        } else {
            self.open_run.get_or_insert(if self.leftwards {
                place.end
            } else {
                place.start
            });
            self.punctuation += usize::from(is_barrier(c));
        }
    }

    /// The barriers in the gap as it stands.
    fn barriers(&self, sentence: &str) -> usize {
        let open = self.open_run.is_some_and(|edge| {
            is_conjunction(if self.leftwards {
                &sentence[self.span.start..edge]
            } else {
                &sentence[edge..self.span.end]
            })
        });
        self.punctuation + self.conjunctions + usize::from(open)
    }
}

fn is_barrier(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–')
}

fn is_conjunction(word: &str) -> bool {
    matches!(
        word,
        "and" | "but" | "while" | "however" | "whereas" | "и" | "но" | "а"
    )
}

#[cfg(test)]
mod tests {
    use super::{same_or_transposed, transpositions, Gap};

    /// Telling digits as [`super::telling_digits`] packs them: "1436" is 0x1436.
    fn packed(digits: &str) -> u64 {
        u64::from_str_radix(digits, 16).unwrap()
    }

    #[test]
    fn transposed_digits_are_the_neighbouring_swaps() {
        let swaps: Vec<u64> = transpositions(packed("1436")).collect();
        assert_eq!(swaps, vec![packed("1463"), packed("1346"), packed("4136")]);
    }

    #[test]
    fn a_swap_that_would_lead_with_zero_is_no_number() {
        let swaps: Vec<u64> = transpositions(packed("1036")).collect();
        assert!(!swaps.iter().any(|&s| digit_string(s).len() < 4));
        assert_eq!(swaps, vec![packed("1063"), packed("1306")]);
    }

    #[test]
    fn digits_swapped_far_apart_are_not_a_transposition() {
        assert!(same_or_transposed(packed("3777380"), packed("3777380")));
        assert!(same_or_transposed(packed("632253"), packed("623253")));
        assert!(!same_or_transposed(packed("1436"), packed("6341")));
        assert!(!same_or_transposed(packed("1436"), packed("1634")));
    }

    fn digit_string(packed: u64) -> String {
        format!("{packed:x}")
    }

    /// The barriers between the figure at `figure` and the word ending (or starting)
    /// at `edge`, grown a word at a time as profiling does.
    fn barriers(sentence: &str, figure: &str, edges: &[&str], leftwards: bool) -> Vec<usize> {
        let at = sentence.find(figure).unwrap();
        let mut gap = Gap::new(if leftwards { at } else { at + figure.len() }, leftwards);
        edges
            .iter()
            .map(|word| {
                let start = sentence.find(word).unwrap();
                if leftwards {
                    gap.reach_left(sentence, start + word.len());
                } else {
                    gap.reach_right(sentence, start);
                }
                gap.barriers(sentence)
            })
            .collect()
    }

    #[test]
    fn gap_counts_punctuation_and_conjunctions_standing_alone_leftwards() {
        // "deaths" is past "and"; "held" past "and" and a comma.
        let sentence = "Camps held, deaths and 1,200 more";
        assert_eq!(
            barriers(sentence, "1,200", &["deaths", "held"], true),
            vec![1, 2]
        );
    }

    #[test]
    fn gap_does_not_count_a_conjunction_glued_to_punctuation() {
        let sentence = "Prisoners and, later, 500 guards";
        // Past "later": one comma. Past "Prisoners": "and," is no conjunction, two commas.
        assert_eq!(
            barriers(sentence, "500", &["later", "Prisoners"], true),
            vec![1, 2]
        );
    }

    #[test]
    fn gap_counts_rightwards_up_to_the_word() {
        let sentence = "In 1937 but later; again";
        assert_eq!(
            barriers(sentence, "1937", &["later", "again"], false),
            vec![1, 2]
        );
    }
}
