//! The wire form of one extracted figure, shared by the JSON Lines, JSON and CSV outputs.
//!
//! This module owns the field names, their order and their meaning: they are a contract
//! other tools rely on (see the README's `crosscheck extract` section), kept apart from
//! the domain type [`Figure`] so that the extractor can change without changing the
//! output. It turns byte spans into line:column, copies out the texts the spans name,
//! and writes integral numbers without a fractional part. It does no I/O.

use std::fmt;
use std::ops::Range;

use serde::{Serialize, Serializer};

use crate::extract::Figure;
use crate::source::{collapse_whitespace, collapsed_offset, CollapsedCount, Document, Positions};

/// The names of [`FigureRecord`]'s fields, in output order (the CSV header row).
pub const FIELDS: [&str; 21] = [
    "source",
    "line",
    "column",
    "end_line",
    "end_column",
    "text",
    "value",
    "low",
    "high",
    "unit",
    "qualifier",
    "kind",
    "vague",
    "sentence",
    "period",
    "attributed_to",
    "step",
    "sentence_offset",
    "canonical_unit",
    "canonical_value",
    "page",
];

/// One figure as written by `crosscheck extract`. Serialised in field order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureRecord<'a> {
    /// The document's name as given on the command line (a path, or `-` for standard
    /// input); for a file found by walking a folder, the folder as given joined with
    /// the file's path inside it.
    pub source: &'a str,
    /// 1-based line of the figure's first character.
    pub line: usize,
    /// 1-based column of the figure's first character, counted in characters (not bytes).
    pub column: usize,
    /// 1-based line of the position just past the figure's last character.
    pub end_line: usize,
    /// 1-based column, in characters, of the position just past the figure's last
    /// character (exclusive end: "1,436" at column 23 ends at column 28).
    pub end_column: usize,
    /// The figure's exact text in the document, without its qualifier words
    /// ("about 4,000" gives "4,000").
    pub text: &'a str,
    /// The stated number; `null` for a range or a vague amount.
    pub value: Option<Number>,
    /// Lower end of what the text states (equal to `value` for a single number); `null`
    /// only when unbounded.
    pub low: Option<Number>,
    /// Upper end of what the text states (equal to `value` for a single number); `null`
    /// only when unbounded.
    pub high: Option<Number>,
    /// What is counted or measured ("people", "percent", "hectares"), or `null`.
    pub unit: Option<&'a str>,
    /// How the text qualifies the number: `exact`, `about`, `over`, `under`, `at_least`,
    /// `at_most`, `almost` or `range`.
    pub qualifier: &'static str,
    /// The sort of quantity: `count`, `percent`, `fraction`, `multiplier`, `duration`,
    /// `age`, `rate`, `measure` or `money`.
    pub kind: &'static str,
    /// True for a vague amount ("thousands", "several"): `low` and `high` are then
    /// conventional bounds, not stated ones.
    pub vague: bool,
    /// The sentence holding the figure, each run of whitespace (newlines included)
    /// collapsed to one space and the ends trimmed; of a sentence longer than
    /// [`RECORD_SENTENCE_BYTES`], the part within 1 KiB of the figure on each side.
    pub sentence: String,
    /// The years the figure refers to: `"1956"`, `"1937-1938"`, or `"1921-"` when only
    /// the start is stated; `null` when the text gives none.
    pub period: Option<String>,
    /// Who the text says asserts the figure ("Roy Medvedev"), or `null`.
    pub attributed_to: Option<&'a str>,
    /// The rounding the written figure implies: the place of its last stated digit
    /// ("1.3 million" → 100000, "1,436" → 1, "8.5 per cent" → 0.1); `null` for number
    /// words and vague amounts.
    pub step: Option<Number>,
    /// Where the figure starts in `sentence`, in characters from 0: with `sentence`, lets
    /// `check --figures` key figures to quantities without the document.
    pub sentence_offset: usize,
    /// The unit every figure of its dimension is also given in: `m`, `m²`, `m³`, `kg`
    /// for measures, `days` for spans of time, `percent` for percentages and fractions;
    /// `null` for counts, money and units of their own.
    pub canonical_unit: Option<&'static str>,
    /// `value` in `canonical_unit` (3,100 km² is 3100000000 m²; a fifth is 20 percent);
    /// `null` where either is.
    pub canonical_value: Option<Number>,
    /// The 1-based page the figure starts on, in a paged document (PDF), where `line`
    /// is then counted on the page; for an EPUB, the chapter in reading order, where
    /// `line` is counted in the chapter's file; `null` for every other document.
    pub page: Option<usize>,
}

impl<'a> FigureRecord<'a> {
    /// The record of `figure`, found in `document`.
    pub fn new(document: &'a Document, figure: &'a Figure) -> FigureRecord<'a> {
        let sentence = collapse_whitespace(slice(&document.text, &figure.sentence));
        let offset = collapsed_offset(slice(
            &document.text,
            &(figure.sentence.start..figure.span.start),
        ));
        FigureRecord::with_sentence(
            document,
            figure,
            &sentence,
            offset,
            &mut document.positions(),
        )
    }

    /// The records of a document's figures, in order: figures of one sentence share
    /// the work of collapsing its white space, and each counts where it starts in it on
    /// from the figure before.
    pub fn all(
        document: &'a Document,
        figures: &'a [Figure],
    ) -> impl Iterator<Item = FigureRecord<'a>> + 'a {
        let mut last: Option<SentenceRead> = None;
        let mut positions = document.positions();
        figures.iter().map(move |figure| {
            let text = &document.text;
            let read = match last.take() {
                Some(read) if read.range == figure.sentence => read,
                _ => SentenceRead {
                    range: figure.sentence.clone(),
                    collapsed: collapse_whitespace(slice(text, &figure.sentence)),
                    counted_to: figure.sentence.start,
                    counted: CollapsedCount::default(),
                },
            };
            let read = last.insert(read);
            // As `collapsed_offset` of the sentence up to the figure, which is 0 where
            // that is no slice of the text.
            let offset = match text.get(figure.sentence.start..figure.span.start) {
                None => 0,
                Some(prefix) => {
                    if read.counted_to > figure.span.start {
                        read.counted_to = figure.sentence.start;
                        read.counted = CollapsedCount::default();
                    }
                    let counted = match text.get(read.counted_to..figure.span.start) {
                        Some(more) => read.counted.counted_on(more),
                        None => CollapsedCount::default().counted_on(prefix),
                    };
                    read.counted_to = figure.span.start;
                    read.counted = counted;
                    counted.count
                }
            };
            FigureRecord::with_sentence(document, figure, &read.collapsed, offset, &mut positions)
        })
    }

    /// The record of `figure` whose sentence, collapsed, is `sentence`, where the
    /// figure starts at character `offset`.
    fn with_sentence(
        document: &'a Document,
        figure: &'a Figure,
        sentence: &str,
        offset: usize,
        positions: &mut Positions,
    ) -> FigureRecord<'a> {
        let (sentence, sentence_offset) = around(sentence, offset);
        let (line, column) = line_col(document, positions, figure.span.start);
        let (end_line, end_column) = line_col(document, positions, figure.span.end);
        let page = document.page(figure.span.start);
        let canonical = crate::value::canonical(figure.kind, figure.unit.as_deref());
        FigureRecord {
            source: &document.name,
            line,
            column,
            end_line,
            end_column,
            text: slice(&document.text, &figure.span),
            value: figure.value.and_then(Number::new),
            low: Number::new(figure.low),
            high: Number::new(figure.high),
            unit: figure.unit.as_deref(),
            qualifier: figure.qualifier.as_str(),
            kind: figure.kind.as_str(),
            vague: figure.vague,
            sentence,
            period: figure.period.map(|period| period.to_string()),
            attributed_to: figure.attributed_to.as_deref(),
            step: figure.precision.and_then(|p| Number::new(p.step)),
            sentence_offset,
            canonical_unit: canonical.map(|c| c.unit),
            canonical_value: canonical
                .zip(figure.value)
                .and_then(|(c, value)| Number::new(c.convert(value))),
            page,
        }
    }

    /// Where the figure is, as a compiler writes it: `source:line:column`, or
    /// `source:p.14:3:5` on page 14 of a paged document.
    pub fn location(&self) -> String {
        match self.page {
            Some(page) => format!("{}:p.{page}:{}:{}", self.source, self.line, self.column),
            None => format!("{}:{}:{}", self.source, self.line, self.column),
        }
    }
}

/// The sentence of the figures last made records of, collapsed, and how far into it
/// their starts have been counted.
struct SentenceRead {
    range: Range<usize>,
    collapsed: String,
    /// The byte offset counted up to: the sentence's start or the last figure's.
    counted_to: usize,
    counted: CollapsedCount,
}

/// The longest sentence a record holds whole. A longer one (a run-on list, a table
/// dumped as text) is held as the part within [`RECORD_SENTENCE_REACH`] bytes of the
/// figure: every record copying a whole long sentence made output and memory grow with
/// the square of the input.
pub const RECORD_SENTENCE_BYTES: usize = 2048;
/// Bytes of a long sentence kept on each side of the figure.
pub const RECORD_SENTENCE_REACH: usize = 1024;

/// The sentence a record holds, and where the figure starts in it (in characters),
/// given the whole collapsed sentence and the figure's character offset in it.
fn around(sentence: &str, offset: usize) -> (String, usize) {
    if sentence.len() <= RECORD_SENTENCE_BYTES {
        return (sentence.to_string(), offset);
    }
    let at = sentence
        .char_indices()
        .nth(offset)
        .map_or(sentence.len(), |(i, _)| i);
    let mut start = at.saturating_sub(RECORD_SENTENCE_REACH);
    while !sentence.is_char_boundary(start) {
        start += 1;
    }
    let mut end = (at + RECORD_SENTENCE_REACH).min(sentence.len());
    while !sentence.is_char_boundary(end) {
        end -= 1;
    }
    // Whole words: start after a space, end before one, where there is one near.
    if let Some(space) = sentence[start..at].find(' ') {
        start += space + 1;
    }
    if let Some(space) = sentence[at..end].rfind(' ') {
        if end < sentence.len() {
            end = at + space;
        }
    }
    let shift = sentence[start..at].chars().count();
    (sentence[start..end].to_string(), shift)
}

/// A finite number as written in every output: integral values without a fractional
/// part (1436, not 1436.0), others in the shortest form that reads back exactly.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    Int(i64),
    UInt(u64),
    Float(f64),
}

impl Number {
    /// The number for `value`, or `None` when it is not finite (NaN or infinite).
    pub fn new(value: f64) -> Option<Number> {
        // 2^63 and 2^64: the first values out of range of i64 and u64.
        const I64_END: f64 = 9_223_372_036_854_775_808.0;
        const U64_END: f64 = 18_446_744_073_709_551_616.0;
        if !value.is_finite() {
            None
        } else if value.fract() != 0.0 {
            Some(Number::Float(value))
        } else if (-I64_END..I64_END).contains(&value) {
            // Exact: `value` is integral and in range (and -0.0 becomes 0).
            Some(Number::Int(value as i64))
        } else if (0.0..U64_END).contains(&value) {
            Some(Number::UInt(value as u64))
        } else {
            Some(Number::Float(value))
        }
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Number::Int(n) => write!(f, "{n}"),
            Number::UInt(n) => write!(f, "{n}"),
            // serde_json's form ("1e300", "0.1"), so that every output agrees.
            Number::Float(x) => match serde_json::Number::from_f64(x) {
                Some(number) => write!(f, "{number}"),
                None => write!(f, "{x}"),
            },
        }
    }
}

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            Number::Int(n) => serializer.serialize_i64(n),
            Number::UInt(n) => serializer.serialize_u64(n),
            Number::Float(x) => serializer.serialize_f64(x),
        }
    }
}

/// The text a span names; empty if the span does not fit the text (which would be an
/// extractor bug, not worth a crash).
fn slice<'t>(text: &'t str, span: &Range<usize>) -> &'t str {
    text.get(span.clone()).unwrap_or("")
}

/// Line and column of a byte offset, moved back onto the text's last character
/// boundary at or before it should the offset not fall on one.
fn line_col(document: &Document, positions: &mut Positions, offset: usize) -> (usize, usize) {
    let text = &document.text;
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    positions.line_col(offset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Kind, Period, Qualifier};

    fn figure(text: &str, needle: &str) -> Figure {
        let start = text.find(needle).unwrap_or(0);
        Figure {
            span: start..start + needle.len(),
            value: Some(1436.0),
            low: 1436.0,
            high: 1436.0,
            precision: None,
            qualifier: Qualifier::Exact,
            kind: Kind::Count,
            unit: Some("delegates".to_string()),
            vague: false,
            sentence: 0..text.len(),
            period: Some(Period::year(1956)),
            attributed_to: None,
        }
    }

    #[test]
    fn integral_numbers_have_no_fraction() {
        assert_eq!(Number::new(1436.0), Some(Number::Int(1436)));
        assert_eq!(Number::new(-0.0), Some(Number::Int(0)));
        assert_eq!(Number::new(1.3e6), Some(Number::Int(1_300_000)));
        assert_eq!(
            Number::new(1e19),
            Some(Number::UInt(10_000_000_000_000_000_000))
        );
        assert_eq!(Number::new(1e300), Some(Number::Float(1e300)));
        assert_eq!(Number::new(8.5), Some(Number::Float(8.5)));
        assert_eq!(Number::new(f64::INFINITY), None);
        assert_eq!(Number::new(f64::NAN), None);
    }

    #[test]
    fn numbers_print_alike_in_text_and_json() {
        for x in [1436.0, 8.5, 0.1, 1e300, -3.0, 1e19] {
            let number = Number::new(x).unwrap_or(Number::Float(f64::NAN));
            let json = serde_json::to_string(&number).unwrap_or_default();
            assert_eq!(number.to_string(), json, "for {x}");
        }
    }

    #[test]
    fn record_fields_come_out_in_documented_order() {
        let text = "The congress gathered\n 1,436 delegates.";
        let document = Document::new("a.txt", text.to_string());
        let figure = figure(text, "1,436");
        let json = serde_json::to_value(FigureRecord::new(&document, &figure)).unwrap_or_default();
        let keys: Vec<&str> = json
            .as_object()
            .map(|object| object.keys().map(String::as_str).collect())
            .unwrap_or_default();
        // serde_json's map is sorted unless preserve_order; compare as sets, and check
        // the order on the serialised string instead.
        let mut sorted_fields = FIELDS.to_vec();
        sorted_fields.sort_unstable();
        let mut sorted_keys = keys.clone();
        sorted_keys.sort_unstable();
        assert_eq!(sorted_keys, sorted_fields);
        let line =
            serde_json::to_string(&FigureRecord::new(&document, &figure)).unwrap_or_default();
        let positions: Vec<usize> = FIELDS
            .iter()
            .map(|field| line.find(&format!("\"{field}\":")).unwrap_or(usize::MAX))
            .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{line}");
    }

    #[test]
    fn record_locates_and_copies_texts() {
        let text = "The congress gathered\n 1,436 delegates.";
        let document = Document::new("a.txt", text.to_string());
        let figure = figure(text, "1,436");
        let record = FigureRecord::new(&document, &figure);
        assert_eq!((record.line, record.column), (2, 2));
        assert_eq!((record.end_line, record.end_column), (2, 7));
        assert_eq!(record.text, "1,436");
        assert_eq!(record.value, Some(Number::Int(1436)));
        assert_eq!(record.sentence, "The congress gathered 1,436 delegates.");
        assert_eq!(record.period.as_deref(), Some("1956"));
        assert_eq!(record.unit, Some("delegates"));
    }

    #[test]
    fn a_span_outside_the_text_does_not_panic() {
        let document = Document::new("a.txt", "é".to_string());
        let mut figure = figure("é", "é");
        figure.span = 1..40;
        figure.sentence = 5..9;
        let record = FigureRecord::new(&document, &figure);
        assert_eq!(record.text, "");
        assert_eq!((record.line, record.column), (1, 1));
        assert_eq!((record.end_line, record.end_column), (1, 2));
    }
}
