//! CSV (RFC 4180): a header row naming the [`FigureRecord`] fields, then one row per
//! figure, lines ended by CRLF. A field is quoted when it holds a comma, a double quote,
//! a CR or an LF, with each double quote doubled; null is an empty field, booleans are
//! `true`/`false`.

use std::io::{self, Write};

use super::record::FIELDS;
use super::rfc4180::write_row;
use super::{write_text, FigureRecord, FigureReport, Number, Rendered};
use crate::extract::Figure;
use crate::source::Document;

/// Writes a header row, then one row per figure.
#[derive(Debug, Default)]
pub struct Csv;

/// One row per figure.
pub fn render(document: &Document, figures: &[Figure], into: &mut Vec<u8>) -> io::Result<()> {
    for record in FigureRecord::all(document, figures) {
        write_row(into, fields(&record))?;
    }
    Ok(())
}

impl FigureReport for Csv {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        write_row(out, FIELDS.iter().map(|field| (*field).to_string()))
    }

    fn write(&mut self, out: &mut dyn Write, rendered: &mut Rendered) -> io::Result<()> {
        write_text(out, rendered)
    }

    fn finish(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}

/// The record's fields as text, in [`FIELDS`] order.
fn fields(record: &FigureRecord) -> impl Iterator<Item = String> {
    let number = |n: Option<Number>| n.map(|n| n.to_string()).unwrap_or_default();
    let text = |s: Option<&str>| s.unwrap_or_default().to_string();
    [
        record.source.to_string(),
        record.line.to_string(),
        record.column.to_string(),
        record.end_line.to_string(),
        record.end_column.to_string(),
        record.text.to_string(),
        number(record.value),
        number(record.low),
        number(record.high),
        text(record.unit),
        record.qualifier.to_string(),
        record.kind.to_string(),
        record.vague.to_string(),
        record.sentence.clone(),
        record.period.clone().unwrap_or_default(),
        text(record.attributed_to),
        number(record.step),
        record.sentence_offset.to_string(),
        text(record.canonical_unit),
        number(record.canonical_value),
        record.page.map(|page| page.to_string()).unwrap_or_default(),
    ]
    .into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::tests::{render, sample};
    use crate::report::Format;

    #[test]
    fn header_then_rows() {
        let out = render(Format::Csv, &[sample()]);
        let rows: Vec<&str> = out.split_terminator("\r\n").collect();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0], FIELDS.join(","));
        assert!(rows[1]
            .starts_with("a.txt,1,23,1,28,\"1,436\",1436,1436,1436,delegates,exact,count,false,"));
        assert!(rows[2]
            .ends_with(",about,count,false,\"About 4,000 people died in 1956.\",1956,,,6,,,"));
    }
}
