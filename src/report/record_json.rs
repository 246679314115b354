//! A [`FigureRecord`] as one compact JSON object, written straight into a buffer: the
//! bytes `serde_json::to_writer` writes for it (the tests hold the two to each other),
//! without a call through serde for every key and value. JSON Lines and JSON write a
//! record per figure, so this is on the path of every extraction they show.

use std::io;

use super::record::{FigureRecord, Number};

impl FigureRecord<'_> {
    /// Appends the record as compact JSON, its fields in order, as serde_json writes it.
    pub fn write_json(&self, out: &mut Vec<u8>) -> io::Result<()> {
        out.extend_from_slice(b"{\"source\":");
        write_str(out, self.source)?;
        out.extend_from_slice(b",\"line\":");
        write_count(out, self.line);
        out.extend_from_slice(b",\"column\":");
        write_count(out, self.column);
        out.extend_from_slice(b",\"end_line\":");
        write_count(out, self.end_line);
        out.extend_from_slice(b",\"end_column\":");
        write_count(out, self.end_column);
        out.extend_from_slice(b",\"text\":");
        write_str(out, self.text)?;
        out.extend_from_slice(b",\"value\":");
        write_number(out, self.value)?;
        out.extend_from_slice(b",\"low\":");
        write_number(out, self.low)?;
        out.extend_from_slice(b",\"high\":");
        write_number(out, self.high)?;
        out.extend_from_slice(b",\"unit\":");
        write_optional_str(out, self.unit)?;
        out.extend_from_slice(b",\"qualifier\":");
        write_str(out, self.qualifier)?;
        out.extend_from_slice(b",\"kind\":");
        write_str(out, self.kind)?;
        out.extend_from_slice(if self.vague {
            b",\"vague\":true"
        } else {
            b",\"vague\":false"
        });
        out.extend_from_slice(b",\"sentence\":");
        write_str(out, &self.sentence)?;
        out.extend_from_slice(b",\"period\":");
        write_optional_str(out, self.period.as_deref())?;
        out.extend_from_slice(b",\"attributed_to\":");
        write_optional_str(out, self.attributed_to)?;
        out.extend_from_slice(b",\"step\":");
        write_number(out, self.step)?;
        out.extend_from_slice(b",\"sentence_offset\":");
        write_count(out, self.sentence_offset);
        out.extend_from_slice(b",\"canonical_unit\":");
        write_optional_str(out, self.canonical_unit)?;
        out.extend_from_slice(b",\"canonical_value\":");
        write_number(out, self.canonical_value)?;
        out.extend_from_slice(b",\"page\":");
        match self.page {
            Some(page) => write_count(out, page),
            None => out.extend_from_slice(b"null"),
        }
        out.push(b'}');
        Ok(())
    }
}

/// A string in quotes. One that needs an escape, which few do, is left to serde_json.
fn write_str(out: &mut Vec<u8>, text: &str) -> io::Result<()> {
    if needs_escape(text.as_bytes()) {
        serde_json::to_writer(&mut *out, text)?;
        return Ok(());
    }
    out.reserve(text.len() + 2);
    out.push(b'"');
    out.extend_from_slice(text.as_bytes());
    out.push(b'"');
    Ok(())
}

fn write_optional_str(out: &mut Vec<u8>, text: Option<&str>) -> io::Result<()> {
    match text {
        Some(text) => write_str(out, text),
        None => {
            out.extend_from_slice(b"null");
            Ok(())
        }
    }
}

/// Does a JSON string escape any of these bytes: a control character, a quote or a
/// backslash? Read in blocks, each folded whole in a loop the compiler makes wide.
fn needs_escape(bytes: &[u8]) -> bool {
    bytes.chunks(32).any(|block| {
        block.iter().fold(false, |found, &byte| {
            found | (byte < 0x20) | (byte == b'"') | (byte == b'\\')
        })
    })
}

/// An integral number: an integer, or a fraction as serde_json writes it.
fn write_number(out: &mut Vec<u8>, number: Option<Number>) -> io::Result<()> {
    match number {
        None => out.extend_from_slice(b"null"),
        Some(Number::Int(n)) => {
            if n < 0 {
                out.push(b'-');
            }
            write_digits(out, n.unsigned_abs());
        }
        Some(Number::UInt(n)) => write_digits(out, n),
        Some(Number::Float(x)) => serde_json::to_writer(&mut *out, &x)?,
    }
    Ok(())
}

fn write_count(out: &mut Vec<u8>, count: usize) {
    write_digits(out, count as u64);
}

/// The decimal digits of `n`.
fn write_digits(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record<'a>(texts: &'a [&'a str; 4]) -> FigureRecord<'a> {
        FigureRecord {
            source: texts[0],
            line: 1,
            column: 23,
            end_line: 12_345_678_901,
            end_column: 0,
            text: texts[1],
            value: Some(Number::Int(1436)),
            low: Some(Number::Int(-42)),
            high: Some(Number::UInt(u64::MAX)),
            unit: Some(texts[2]),
            qualifier: "exact",
            kind: "count",
            vague: false,
            sentence: texts[3].to_string(),
            period: Some("1921-".to_string()),
            attributed_to: None,
            step: Some(Number::Float(0.1)),
            sentence_offset: 7,
            canonical_unit: None,
            canonical_value: Some(Number::Float(1e300)),
            page: None,
        }
    }

    fn both(record: &FigureRecord) -> (String, String) {
        let mut written = Vec::new();
        assert!(record.write_json(&mut written).is_ok());
        let serde = serde_json::to_string(record).unwrap_or_default();
        (String::from_utf8(written).unwrap_or_default(), serde)
    }

    #[test]
    fn records_are_written_as_serde_json_writes_them() {
        let plain = [
            "a.txt",
            "1,436",
            "delegates",
            "The congress gathered 1,436.",
        ];
        let (written, serde) = both(&record(&plain));
        assert_eq!(written, serde);
        // Every other value of each field that has more than one shape.
        let mut other = record(&plain);
        other.value = None;
        other.low = Some(Number::Int(i64::MIN));
        other.high = Some(Number::Float(-31.25e12));
        other.unit = None;
        other.vague = true;
        other.period = None;
        other.attributed_to = Some("Roy Medvedev");
        other.step = None;
        other.canonical_unit = Some("m²");
        other.canonical_value = None;
        other.page = Some(14);
        let (written, serde) = both(&other);
        assert_eq!(written, serde);
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let long = format!("{}\"{}", "x".repeat(40), "y".repeat(40));
        let mut texts = vec![
            String::new(),
            "quote \" and backslash \\".to_string(),
            "tab\t, line\n, bell\u{7}, escape\u{1b}, delete\u{7f}".to_string(),
            "«ёлка» — “quoted” \u{2028} \u{a0} 😀".to_string(),
            long,
        ];
        texts.extend((0u8..0x80).map(|byte| format!("a{}b", char::from(byte))));
        for text in &texts {
            let strings = [text.as_str(), text.as_str(), text.as_str(), text.as_str()];
            let mut other = record(&strings);
            other.period = Some(text.clone());
            other.attributed_to = Some(text);
            let (written, serde) = both(&other);
            assert_eq!(written, serde, "{text:?}");
        }
    }
}
