//! JSON Lines: one [`FigureRecord`] per line, written as each piece of a document is done.

use std::io::{self, Write};

use super::{write_text, FigureRecord, FigureReport, Rendered};
use crate::extract::Figure;
use crate::source::Document;

/// Writes one compact JSON object per figure, each on its own line.
#[derive(Debug, Default)]
pub struct Jsonl;

/// Each record on a line of its own.
pub fn render(document: &Document, figures: &[Figure], into: &mut Vec<u8>) -> io::Result<()> {
    for record in FigureRecord::all(document, figures) {
        record.write_json(into)?;
        into.push(b'\n');
    }
    Ok(())
}

impl FigureReport for Jsonl {
    fn begin(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn write(&mut self, out: &mut dyn Write, rendered: &mut Rendered) -> io::Result<()> {
        write_text(out, rendered)
    }

    fn finish(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::report::tests::{render, sample};
    use crate::report::Format;

    #[test]
    fn one_object_per_line() {
        let out = render(Format::Jsonl, &[sample()]);
        let lines: Vec<serde_json::Value> = out
            .lines()
            .filter_map(|line| serde_json::from_str(line).ok())
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(out.lines().count(), 2);
        assert_eq!(lines[0]["value"], 1436);
        assert_eq!(lines[0]["column"], 23);
        assert!(out.contains(r#""value":1436,"low":1436,"high":1436,"#));
        assert_eq!(lines[1]["period"], "1956");
    }
}
