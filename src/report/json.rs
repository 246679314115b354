//! JSON: one document, `{"figures": [...]}`, holding every [`FigureRecord`] in order.
//!
//! The array is streamed: each record is written, on its own line, as its document is
//! done, so memory does not grow with the number of figures.

use std::io::{self, Write};

use super::{FigureRecord, FigureReport};
use crate::extract::Figure;
use crate::source::Document;

/// Writes `{"figures": [...]}`, one record per line inside the array.
#[derive(Debug, Default)]
pub struct Json {
    written: usize,
}

impl FigureReport for Json {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"{\n  \"figures\": [")
    }

    fn document(
        &mut self,
        out: &mut dyn Write,
        document: &Document,
        figures: &[Figure],
    ) -> io::Result<()> {
        for record in FigureRecord::all(document, figures) {
            out.write_all(if self.written == 0 {
                b"\n    "
            } else {
                b",\n    "
            })?;
            serde_json::to_writer(&mut *out, &record)?;
            self.written += 1;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.written > 0 {
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
