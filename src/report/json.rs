//! JSON: one document, `{"figures": [...]}`, holding every [`FigureRecord`] in order.
//!
//! The array is streamed: each record is written, on its own line, as its piece of a
//! document is done, so memory does not grow with the number of figures.

use std::io::{self, Write};

use super::{write_text, FigureRecord, FigureReport, Rendered};
use crate::extract::Figure;
use crate::source::Document;

/// Writes `{"figures": [...]}`, one record per line inside the array.
#[derive(Debug, Default)]
pub struct Json {
    /// A record has been written, so the next one follows a comma.
    written: bool,
}

/// Records each on its own line, each after a comma: the writer drops the comma
/// before the very first.
pub fn render(document: &Document, figures: &[Figure], into: &mut Vec<u8>) -> io::Result<()> {
    for record in FigureRecord::all(document, figures) {
        into.extend_from_slice(b",\n    ");
        record.write_json(into)?;
    }
    Ok(())
}

impl FigureReport for Json {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"{\n  \"figures\": [")
    }

    fn write(&mut self, out: &mut dyn Write, rendered: &mut Rendered) -> io::Result<()> {
        if !self.written && !rendered.text.is_empty() {
            self.written = true;
            rendered.text.remove(0);
        }
        write_text(out, rendered)
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.written {
            out.write_all(b"\n  ")?;
        }
        out.write_all(b"]\n}\n")
    }
}

#[cfg(test)]
mod tests {
    use crate::report::tests::{render, sample};
    use crate::report::Format;

    #[test]
    fn one_document_with_every_figure() {
        let (document, figures) = sample();
        let out = render(
            Format::Json,
            &[(document.clone(), figures.clone()), (document, figures)],
        );
        let value: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
        let array = value["figures"].as_array().cloned().unwrap_or_default();
        assert_eq!(array.len(), 4);
        assert_eq!(array[1]["qualifier"], "about");
    }

    #[test]
    fn no_figures_is_an_empty_array() {
        let out = render(Format::Json, &[]);
        let value: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
        assert_eq!(value, serde_json::json!({ "figures": [] }));
    }
}
