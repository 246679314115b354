//! Figures extracted elsewhere: the JSON Lines of `crosscheck extract`, read back
//! so that `check --figures` reconciles them without the documents (extraction
//! runs as a mapper under Spark or Hadoop; reconciliation needs only figures).
//!
//! Each source becomes a stand-in document holding the figures' sentences, each
//! figure written as it was, so keying rules, pins and fingerprints see what they
//! would see in the document itself. Lines and columns come from the records, not
//! from the stand-in.

use std::path::Path;

use serde::Deserialize;

use crate::claims::parse_period;
use crate::diag::{Code, Diagnostic, Location};
use crate::error::Error;
use crate::extract::{Figure, Kind, Precision, Qualifier};
use crate::source::{collapse_whitespace, Document, Place, Places};

/// One source's figures, ready for keying.
#[derive(Debug)]
pub struct Extracted {
    pub document: Document,
    pub figures: Vec<Figure>,
    /// Line and column of each figure in the original document.
    pub positions: Vec<(usize, usize)>,
}

#[derive(Deserialize)]
struct Record {
    source: String,
    line: usize,
    column: usize,
    text: String,
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    unit: Option<String>,
    qualifier: String,
    kind: String,
    #[serde(default)]
    vague: bool,
    sentence: String,
    period: Option<String>,
    attributed_to: Option<String>,
    #[serde(default)]
    step: Option<f64>,
    #[serde(default)]
    sentence_offset: Option<usize>,
    #[serde(default)]
    end_line: Option<usize>,
    #[serde(default)]
    end_column: Option<usize>,
    /// The page of a paged document (PDF) the figure is on; `line` is counted on it.
    #[serde(default)]
    page: Option<usize>,
}

fn qualifier(name: &str) -> Option<Qualifier> {
    [
        Qualifier::Exact,
        Qualifier::About,
        Qualifier::Over,
        Qualifier::Under,
        Qualifier::AtLeast,
        Qualifier::AtMost,
        Qualifier::Almost,
        Qualifier::JustOver,
        Qualifier::Range,
    ]
    .into_iter()
    .find(|q| q.as_str() == name)
}

fn kind(name: &str) -> Option<Kind> {
    [
        Kind::Count,
        Kind::Percent,
        Kind::Fraction,
        Kind::Multiplier,
        Kind::Duration,
        Kind::Age,
        Kind::Rate,
        Kind::Measure,
        Kind::Money,
    ]
    .into_iter()
    .find(|k| k.as_str() == name)
}

/// A stand-in document under construction.
struct Builder {
    name: String,
    text: String,
    line: usize,
    /// The last record's sentence, as written, and where it stands in `text`: the
    /// figures of one sentence share it, as they did in their document.
    last_sentence: Option<(String, std::ops::Range<usize>)>,
    figures: Vec<Figure>,
    positions: Vec<(usize, usize)>,
    /// Where each figure starts in `text`, and its page, where the record gives one.
    pages: Vec<(usize, Option<usize>)>,
}

impl Builder {
    fn add(
        &mut self,
        record: Record,
        figure: impl FnOnce(std::ops::Range<usize>, std::ops::Range<usize>) -> Figure,
    ) {
        // The record's sentence has its white space collapsed, the figure's text
        // not: the figure is found in the sentence collapsed, and put back as written
        // (a figure broken across lines, "one\n  hundred", keeps its line break).
        let collapsed = collapse_whitespace(&record.text);
        let stated_offset = record
            .sentence_offset
            .and_then(|chars| record.sentence.char_indices().nth(chars).map(|(i, _)| i))
            .filter(|&i| record.sentence[i..].starts_with(&collapsed));
        // A figure of the sentence just added shares it.
        if let (Some((sentence, range)), Some(offset)) = (&self.last_sentence, stated_offset) {
            if *sentence == record.sentence && record.text == collapsed {
                let span = range.start + offset..range.start + offset + collapsed.len();
                let range = range.clone();
                self.line = self.line.max(record.line);
                self.positions.push((record.line, record.column));
                self.pages.push((span.start, record.page));
                self.figures.push(figure(span, range));
                return;
            }
        }
        // A record on a later line than the last starts a line of its own; its line
        // number is kept in `positions`, not in the stand-in text (a record may say
        // any line, 10^15 included).
        if !self.text.is_empty() {
            self.text
                .push(if record.line > self.line { '\n' } else { ' ' });
        }
        self.line = self.line.max(record.line);
        let offset = stated_offset.or_else(|| record.sentence.find(&collapsed));
        let start = self.text.len();
        let span = match offset {
            Some(offset) => {
                self.text.push_str(&record.sentence[..offset]);
                let figure_start = self.text.len();
                self.text.push_str(&record.text);
                let figure_end = self.text.len();
                self.text
                    .push_str(&record.sentence[offset + collapsed.len()..]);
                figure_start..figure_end
            }
            // Not in its sentence (a record not written by crosscheck): the figure's
            // text goes first, so that its span is its text.
            None => {
                self.text.push_str(&record.text);
                let figure_end = self.text.len();
                self.text.push(' ');
                self.text.push_str(&record.sentence);
                start..figure_end
            }
        };
        let sentence = start..self.text.len();
        self.last_sentence = offset
            .filter(|_| record.text == collapsed)
            .map(|_| (record.sentence.clone(), sentence.clone()));
        self.positions.push((record.line, record.column));
        self.pages.push((span.start, record.page));
        self.figures.push(figure(span, sentence));
    }

    /// The stand-in document, its figures and their places.
    fn finish(self) -> Extracted {
        // The pages of a paged document are kept, so that a figure read back is placed
        // on its page as it was in the document, and a claim's page can be checked.
        let document =
            if self.pages.iter().any(|(_, page)| page.is_some()) {
                let places = self.pages.iter().zip(&self.positions).map(
                    |(&(offset, page), &(line, column))| (offset, Place { line, column, page }),
                );
                Document::with_places(self.name, self.text, Places::at_offsets(places))
            } else {
                Document::new(self.name, self.text)
            };
        Extracted {
            document,
            figures: self.figures,
            positions: self.positions,
        }
    }
}

/// The text of a figures file, or of standard input for `-`.
pub fn read_file(path: &Path) -> Result<String, Error> {
    let bytes = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes).map(|_| bytes)
    } else {
        crate::input::read_named(path)
    };
    let bytes = bytes.map_err(|error| Error::Input {
        path: path.to_path_buf(),
        message: error.to_string(),
    })?;
    crate::input::decode(bytes).map_err(|bad| Error::InvalidUtf8 {
        path: path.to_path_buf(),
        line: bad.line,
        column: bad.column,
        byte: bad.byte,
        rest_skipped: false,
    })
}

/// Malformed lines reported at most: a file of millions of them is the wrong file, and
/// the first hundred say so.
const MOST_PROBLEMS: usize = 100;

/// The largest line or column a record may give (a document of four billion lines is
/// no document; a larger number is a writer's error).
const MOST_LINE: usize = u32::MAX as usize;

/// Checks a record as strictly as a claim file is checked: its place, its text, and
/// values that make an interval. Returns the column of the field at fault (1: the
/// record) and the message.
fn validate(record: &Record) -> Result<(), (usize, String)> {
    if !(1..=MOST_LINE).contains(&record.line) {
        return Err((
            1,
            format!("`line` must be 1 to {MOST_LINE}, not {}", record.line),
        ));
    }
    if !(1..=MOST_LINE).contains(&record.column) {
        return Err((
            1,
            format!("`column` must be 1 to {MOST_LINE}, not {}", record.column),
        ));
    }
    if record
        .page
        .is_some_and(|page| !(1..=MOST_LINE).contains(&page))
    {
        return Err((
            1,
            format!(
                "`page` must be 1 to {MOST_LINE} or null, not {}",
                record.page.unwrap_or(0)
            ),
        ));
    }
    if let (Some(end_line), Some(end_column)) = (record.end_line, record.end_column) {
        if (end_line, end_column) < (record.line, record.column) {
            return Err((
                1,
                format!(
                    "the figure ends ({end_line}:{end_column}) before it starts ({}:{})",
                    record.line, record.column
                ),
            ));
        }
    }
    if record.text.trim().is_empty() {
        return Err((
            1,
            "`text` is empty: a figure is written somewhere".to_string(),
        ));
    }
    let (low, high) = (
        record.low.unwrap_or(f64::NEG_INFINITY),
        record.high.unwrap_or(f64::INFINITY),
    );
    if low > high {
        return Err((1, format!("`low` ({low}) is above `high` ({high})")));
    }
    if let Some(value) = record.value {
        if value < low || value > high {
            return Err((
                1,
                format!("`value` ({value}) is outside `low` to `high` ({low} to {high})"),
            ));
        }
    }
    if let Some(step) = record.step {
        // A rounding step is a positive part of the figure: `about 4,000` is rounded to
        // the thousand, never to more than the figure itself (a step of 10^308 would
        // make any two figures agree).
        let numbers: Vec<f64> = [record.value, record.low, record.high]
            .into_iter()
            .flatten()
            .map(f64::abs)
            .collect();
        let magnitude = numbers.iter().copied().fold(1.0, f64::max);
        let bounded = numbers.is_empty() || step <= magnitude;
        if !(step > 0.0 && step.is_finite() && bounded) {
            return Err((
                1,
                format!("`step` must be above 0 and at most the figure's size ({magnitude}), not {step}"),
            ));
        }
    }
    Ok(())
}

/// Reads the records in `text` (the contents of `path`). Every malformed line is
/// reported with its line and column, up to [`MOST_PROBLEMS`].
pub fn read(path: &Path, text: &str) -> Result<Vec<Extracted>, Vec<Diagnostic>> {
    read_lines(
        text.lines()
            .enumerate()
            .map(|(index, line)| (path, index + 1, line)),
    )
}

/// Reads the records of `lines`, each with the file and the line number (from 1) it
/// is at, as [`read`] reads a file's: one stand-in document for each source, in the
/// order of their first records. Blank lines are skipped.
pub fn read_lines<'a>(
    lines: impl Iterator<Item = (&'a Path, usize, &'a str)>,
) -> Result<Vec<Extracted>, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut builders: Vec<Builder> = Vec::new();
    let mut lines = lines.filter(|(_, _, line)| !line.trim().is_empty());
    while let Some((path, number, line)) = lines.next() {
        if problems.len() == MOST_PROBLEMS {
            let rest = 1 + lines.count();
            let location = Location {
                path: path.to_path_buf(),
                line: number,
                column: 1,
            };
            problems.push(Diagnostic::error(
                Code::Record,
                &location,
                format!("{MOST_PROBLEMS} malformed lines already: the {rest} lines from here on were not read"),
            ));
            break;
        }
        let problem = |column: usize, message: String| {
            let location = Location {
                path: path.to_path_buf(),
                line: number,
                column,
            };
            Diagnostic::error(Code::Record, &location, message)
        };
        let record: Record = match serde_json::from_str(line) {
            Ok(record) => record,
            Err(error) => {
                problems.push(problem(
                    error.column().max(1),
                    format!("not a figure record: {error}"),
                ));
                continue;
            }
        };
        let (Some(q), Some(k)) = (qualifier(&record.qualifier), kind(&record.kind)) else {
            problems.push(problem(
                1,
                format!(
                    "unknown qualifier `{}` or kind `{}`",
                    record.qualifier, record.kind
                ),
            ));
            continue;
        };
        let period = match record.period.as_deref().map(parse_period) {
            Some(Err(message)) => {
                problems.push(problem(1, format!("bad period: {message}")));
                continue;
            }
            Some(Ok(period)) => Some(period),
            None => None,
        };
        if let Err((column, message)) = validate(&record) {
            problems.push(problem(column, message));
            continue;
        }
        let (low, high) = (
            record.low.unwrap_or(f64::NEG_INFINITY),
            record.high.unwrap_or(f64::INFINITY),
        );
        let index = match builders.iter().position(|b| b.name == record.source) {
            Some(index) => index,
            None => {
                builders.push(Builder {
                    name: record.source.clone(),
                    text: String::new(),
                    line: 1,
                    last_sentence: None,
                    figures: Vec::new(),
                    positions: Vec::new(),
                    pages: Vec::new(),
                });
                builders.len() - 1
            }
        };
        let builder = &mut builders[index];
        let value = record.value;
        let unit = record.unit.clone();
        let vague = record.vague;
        let step = record.step;
        let attributed_to = record.attributed_to.clone();
        builder.add(record, |span, sentence| Figure {
            span,
            value,
            low,
            high,
            precision: step.map(|step| Precision { step }),
            qualifier: q,
            kind: k,
            unit,
            vague,
            sentence,
            period,
            attributed_to,
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(builders.into_iter().map(Builder::finish).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_broken_across_lines_keeps_its_text_and_the_next_its_position() {
        let jsonl = concat!(
            r#"{"source":"a.txt","line":1,"column":7,"text":"one\n  hundred","value":100,"low":100,"high":100,"unit":"people","qualifier":"about","kind":"count","vague":false,"sentence":"About one hundred people came.","period":null,"attributed_to":null,"step":100,"sentence_offset":6}"#,
            "\n",
            r#"{"source":"a.txt","line":3,"column":1,"text":"40","value":40,"low":40,"high":40,"unit":"dogs","qualifier":"exact","kind":"count","vague":false,"sentence":"40 dogs too.","period":null,"attributed_to":null,"step":1,"sentence_offset":0}"#
        );
        let read = read(Path::new("f.jsonl"), jsonl).unwrap();
        let doc = &read[0];
        assert_eq!(doc.figures[0].text(&doc.document.text), "one\n  hundred");
        assert_eq!(doc.figures[1].text(&doc.document.text), "40");
        assert_eq!(doc.positions[1], (3, 1));
    }

    #[test]
    fn a_record_whose_text_is_not_in_its_sentence_still_has_its_text() {
        let jsonl = r#"{"source":"a.txt","line":1,"column":1,"text":"5","value":5,"low":5,"high":5,"unit":null,"qualifier":"exact","kind":"count","vague":false,"sentence":"éé people","period":null,"attributed_to":null}"#;
        let read = read(Path::new("f.jsonl"), jsonl).unwrap();
        let doc = &read[0];
        assert_eq!(doc.figures[0].text(&doc.document.text), "5");
        assert!(doc.figures[0]
            .sentence_text(&doc.document.text)
            .ends_with("éé people"));
    }

    #[test]
    fn records_become_figures_at_their_positions() {
        let jsonl = concat!(
            r#"{"source":"a.txt","line":3,"column":23,"text":"1,436","value":1436,"low":1436,"high":1436,"unit":"delegates","qualifier":"exact","kind":"count","vague":false,"sentence":"The congress gathered 1,436 delegates.","period":"1956","attributed_to":null,"step":1,"sentence_offset":22}"#,
            "\n",
            r#"{"source":"a.txt","line":3,"column":50,"text":"4,000","value":4000,"low":4000,"high":4000,"unit":"people","qualifier":"about","kind":"count","vague":false,"sentence":"About 4,000 people died.","period":null,"attributed_to":null,"step":1000,"sentence_offset":6}"#
        );
        let read = read(Path::new("f.jsonl"), jsonl).unwrap();
        assert_eq!(read.len(), 1);
        let doc = &read[0];
        assert_eq!(doc.figures.len(), 2);
        assert_eq!(doc.figures[0].text(&doc.document.text), "1,436");
        assert_eq!(doc.figures[1].text(&doc.document.text), "4,000");
        assert_eq!(doc.positions[1], (3, 50));
        assert_eq!(
            doc.figures[0].period.map(|p| p.to_string()),
            Some("1956".into())
        );
    }

    #[test]
    fn a_record_on_a_page_keeps_its_page() {
        let jsonl = concat!(
            r#"{"source":"b.pdf","page":2,"line":1,"column":23,"text":"3,100","value":3100,"low":3100,"high":3100,"unit":"prisoners","qualifier":"exact","kind":"count","vague":false,"sentence":"In 1938 the camp held 3,100 prisoners.","period":"1938","attributed_to":null,"step":1,"sentence_offset":22}"#,
            "\n",
            r#"{"source":"b.pdf","page":3,"line":4,"column":1,"text":"40","value":40,"low":40,"high":40,"unit":"dogs","qualifier":"exact","kind":"count","vague":false,"sentence":"40 dogs too.","period":null,"attributed_to":null,"step":1,"sentence_offset":0}"#
        );
        let read = read(Path::new("f.jsonl"), jsonl).unwrap();
        let doc = &read[0];
        let pages: Vec<_> = doc
            .figures
            .iter()
            .map(|f| doc.document.page(f.span.start))
            .collect();
        assert_eq!(pages, [Some(2), Some(3)]);
    }

    #[test]
    fn a_page_of_zero_is_refused() {
        let jsonl = r#"{"source":"b.pdf","page":0,"line":1,"column":1,"text":"5","value":5,"low":5,"high":5,"unit":null,"qualifier":"exact","kind":"count","vague":false,"sentence":"5 cats","period":null,"attributed_to":null}"#;
        let problems = read(Path::new("f.jsonl"), jsonl).unwrap_err();
        assert!(problems[0].message.contains("`page`"), "{problems:?}");
    }

    #[test]
    fn a_malformed_line_is_located() {
        let problems = read(Path::new("f.jsonl"), "{\"source\": 3}\n").unwrap_err();
        assert_eq!(problems[0].line, 1);
    }
}
