//! Rendering: extracted figures as a table, JSON Lines, JSON or CSV; the
//! discrepancy report (`check`) as a table, JSON, or a page of HTML with a plot per
//! quantity; one quantity in full
//! (`explain`); and the figures no quantity claims (`--unmatched`).
//!
//! This module owns how results look, one file per output format behind one trait,
//! [`FigureReport`]. Figures are rendered by [`render`] on whichever thread found
//! them, a document (or a piece of one) at a time, and the report writes what was
//! rendered in input order, so that output streams; it writes to the writer it is
//! handed and never opens files, picks exit codes or prints on its own. The wire form
//! every machine-readable format shares is [`record::FigureRecord`].

mod csv;
pub mod discovered;
pub mod discovered_html;
pub mod explain;
pub mod findings;
pub mod findings_csv;
pub mod findings_github;
pub mod findings_html;
pub mod findings_json;
pub mod findings_markdown;
pub mod findings_sarif;
mod json;
mod jsonl;
mod markup;
mod plot;
pub mod record;
mod record_json;
mod rfc4180;
mod table;
pub mod unmatched;

use std::io::{self, Write};

use crate::extract::Figure;
use crate::source::Document;

pub use record::{FigureRecord, Number};

use crate::baseline::Gate;
use crate::claims::Catalog;
use crate::reconcile::{Outcome, Severities, Severity, Verdict};

/// What the check reports render: the catalog, the outcome, and how to show it.
pub struct CheckView<'a> {
    pub catalog: &'a Catalog,
    pub outcome: &'a Outcome,
    /// Colour the verdicts (a terminal, and NO_COLOR unset).
    pub color: bool,
    /// Widest table, in characters; `None` lets a terminal decide.
    pub width: Option<u16>,
    /// Which findings are new, and how many of them fail the run.
    pub gate: Gate,
    pub severities: Severities,
}

impl CheckView<'_> {
    pub fn severity(&self, verdict: Verdict) -> Severity {
        self.severities.of(verdict)
    }

    pub fn is_new(&self, finding: usize) -> bool {
        self.gate.is_new(finding)
    }
}

/// The output formats of `crosscheck extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A table for people, one row per figure.
    Table,
    /// One JSON object per line, one line per figure.
    Jsonl,
    /// One JSON document: `{"figures": [...]}`.
    Json,
    /// RFC 4180 CSV with a header row, one row per figure.
    Csv,
}

/// Figures rendered by [`render`], waiting to be written in input order.
#[derive(Debug, Default)]
pub struct Rendered {
    /// Text to write as it is: JSON Lines, CSV rows, or JSON records each after a comma.
    text: Vec<u8>,
    /// Table rows, laid out when the last document is done.
    rows: Vec<table::Row>,
}

/// Renders `figures`, found in `document` (all of its figures, or those of one piece
/// of it), into `into`: on any thread, and in any order, since a report writes
/// renderings in the order it is given them.
pub fn render(
    format: Format,
    document: &Document,
    figures: &[Figure],
    into: &mut Rendered,
) -> io::Result<()> {
    match format {
        Format::Table => {
            table::render(document, figures, &mut into.rows);
            Ok(())
        }
        Format::Jsonl => jsonl::render(document, figures, &mut into.text),
        Format::Json => json::render(document, figures, &mut into.text),
        Format::Csv => csv::render(document, figures, &mut into.text),
    }
}

/// A rendering of figures: `begin` once, `write` for each [`render`]ing in input
/// order, then `finish` once. Any of them may write.
pub trait FigureReport {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()>;

    /// Writes (or keeps, for `finish`) what [`render`] made, leaving `rendered` empty
    /// to be rendered into again.
    fn write(&mut self, out: &mut dyn Write, rendered: &mut Rendered) -> io::Result<()>;

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()>;
}

/// The report that writes figures in `format`.
pub fn figure_report(format: Format) -> Box<dyn FigureReport> {
    match format {
        Format::Table => Box::new(table::Table::default()),
        Format::Jsonl => Box::new(jsonl::Jsonl),
        Format::Json => Box::new(json::Json::default()),
        Format::Csv => Box::new(csv::Csv),
    }
}

/// Writes rendered text as it is: the formats whose output is the figures' texts one
/// after another.
fn write_text(out: &mut dyn Write, rendered: &mut Rendered) -> io::Result<()> {
    let written = out.write_all(&rendered.text);
    rendered.text.clear();
    written
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::extract::{Kind, Period, Qualifier};

    /// "The congress gathered 1,436 delegates. About 4,000 people died in 1956." with
    /// the two figures a correct extractor finds in it.
    pub(crate) fn sample() -> (Document, Vec<Figure>) {
        let text = "The congress gathered 1,436 delegates. About 4,000 people died in 1956.\n";
        let first = text.find("1,436").unwrap_or(0);
        let second = text.find("4,000").unwrap_or(0);
        let split = text.find(" About").unwrap_or(0);
        let figures = vec![
            Figure {
                span: first..first + 5,
                value: Some(1436.0),
                low: 1436.0,
                high: 1436.0,
                precision: None,
                qualifier: Qualifier::Exact,
                kind: Kind::Count,
                unit: Some("delegates".to_string()),
                vague: false,
                sentence: 0..split,
                period: None,
                attributed_to: None,
            },
            Figure {
                span: second..second + 5,
                value: Some(4000.0),
                low: 4000.0,
                high: 4000.0,
                precision: None,
                qualifier: Qualifier::About,
                kind: Kind::Count,
                unit: Some("people".to_string()),
                vague: false,
                sentence: split + 1..text.len() - 1,
                period: Some(Period::year(1956)),
                attributed_to: None,
            },
        ];
        (Document::new("a.txt", text.to_string()), figures)
    }

    /// The whole output of `format` for the sample.
    pub(crate) fn render(format: Format, documents: &[(Document, Vec<Figure>)]) -> String {
        let mut out = Vec::new();
        let mut report = figure_report(format);
        let result = report.begin(&mut out).and_then(|()| {
            for (document, figures) in documents {
                let mut rendered = Rendered::default();
                super::render(format, document, figures, &mut rendered)?;
                report.write(&mut out, &mut rendered)?;
            }
            report.finish(&mut out)
        });
        assert!(result.is_ok());
        String::from_utf8(out).unwrap_or_default()
    }
}
