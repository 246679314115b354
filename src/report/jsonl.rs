//! JSON Lines: one [`FigureRecord`] per line, written as each document is done.

use std::io::{self, Write};

use super::{FigureRecord, FigureReport};
use crate::extract::Figure;
use crate::source::Document;

/// Writes one compact JSON object per figure, each on its own line.
#[derive(Debug, Default)]
pub struct Jsonl;

impl Jsonl {
    /// Bytes of records gathered before they are written on.
    const FLUSH_BYTES: usize = 64 * 1024;
}

impl FigureReport for Jsonl {
    fn begin(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn document(
        &mut self,
        out: &mut dyn Write,
        document: &Document,
        figures: &[Figure],
    ) -> io::Result<()> {
        // Records are written into a buffer of our own, handed on in large pieces: each
        // small write through `dyn Write` would cost more than the writing itself.
        let mut buffer = Vec::with_capacity(Self::FLUSH_BYTES + 4096);
        for record in FigureRecord::all(document, figures) {
            serde_json::to_writer(&mut buffer, &record)?;
            buffer.push(b'\n');
            if buffer.len() >= Self::FLUSH_BYTES {
                out.write_all(&buffer)?;
                buffer.clear();
            }
        }
        out.write_all(&buffer)
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
