//! CSV rows as RFC 4180 writes them, for every CSV output: fields joined by commas,
//! lines ended by CRLF, a field quoted only when it holds a comma, a double quote, a CR
//! or an LF, with each double quote doubled.

use std::borrow::Cow;
use std::io::{self, Write};

/// Writes one row.
pub fn write_row<S: AsRef<str>>(
    out: &mut dyn Write,
    fields: impl IntoIterator<Item = S>,
) -> io::Result<()> {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        out.write_all(quote(field.as_ref()).as_bytes())?;
    }
    out.write_all(b"\r\n")
}

/// The field as RFC 4180 writes it: quoted only when it must be.
pub fn quote(field: &str) -> Cow<'_, str> {
    if field.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\"")).into()
    } else {
        field.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(quote("plain"), "plain");
        assert_eq!(quote("1,436"), "\"1,436\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quote("two\r\nlines"), "\"two\r\nlines\"");
        assert_eq!(quote(""), "");
    }
}
