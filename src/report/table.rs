//! Table: one row per figure for people reading a terminal.
//!
//! Columns: location (`file:line:col`), the figure's text, its value (or `low–high`),
//! qualifier, unit and period. Long cells are cut with `…` so that a row fits an
//! 80–100 column terminal; whitespace runs become one space and control characters are
//! replaced, so that no document can move the cursor or break a row. Rows are collected
//! and the table is written when the last document is done.

use std::io::{self, Write};

use comfy_table::{presets, ContentArrangement};

use super::{FigureRecord, FigureReport, Number, Rendered};
use crate::extract::Figure;
use crate::source::Document;

/// The header, and the widest each column may be, in characters: with the borders and
/// padding, the widest possible row is 100 characters.
const COLUMNS: [(&str, usize); 6] = [
    ("location", 26),
    ("figure", 14),
    ("value", 13),
    ("qualifier", 9),
    ("unit", 10),
    ("period", 9),
];

/// One row's cells, in [`COLUMNS`] order.
pub type Row = [String; 6];

/// Collects one row per figure and writes the table at the end.
#[derive(Debug, Default)]
pub struct Table {
    rows: Vec<Row>,
}

/// One row per figure.
pub fn render(document: &Document, figures: &[Figure], into: &mut Vec<Row>) {
    for record in FigureRecord::all(document, figures) {
        let location = record.location();
        let value = match record.value {
            Some(value) => value.to_string(),
            None => format!("{}–{}", bound(record.low, "-∞"), bound(record.high, "∞")),
        };
        into.push([
            location,
            record.text.to_string(),
            value,
            record.qualifier.to_string(),
            record.unit.unwrap_or_default().to_string(),
            record.period.unwrap_or_default(),
        ]);
    }
}

impl FigureReport for Table {
    fn begin(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn write(&mut self, _out: &mut dyn Write, rendered: &mut Rendered) -> io::Result<()> {
        self.rows.append(&mut rendered.rows);
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.rows.is_empty() {
            return writeln!(out, "no figures found");
        }
        let mut table = comfy_table::Table::new();
        table
            .load_preset(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_header(COLUMNS.map(|(name, _)| name));
        for row in self.rows.drain(..) {
            let cells = row
                .iter()
                .zip(COLUMNS)
                .enumerate()
                .map(|(i, (cell, (_, width)))| {
                    let cell = clean(cell);
                    if i == 0 {
                        cut_location(&cell, width)
                    } else {
                        cut(&cell, width)
                    }
                });
            table.add_row(cells);
        }
        writeln!(out, "{table}")
    }
}

/// A bound of a range, or `missing` when it is unbounded.
fn bound(number: Option<Number>, missing: &str) -> String {
    number.map_or_else(|| missing.to_string(), |n| n.to_string())
}

/// Whitespace runs as one space; other control characters as U+FFFD.
fn clean(cell: &str) -> String {
    crate::source::collapse_whitespace(cell)
        .chars()
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect()
}

/// At most `width` characters, the last of them `…` when the text was longer.
fn cut(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut out: String = text.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// At most `width` characters of a `path:line:col` location. The `:line:col` stays
/// whole; a long path loses its middle, keeping its start (folder, start of the name)
/// and its end (end of the name, extension): `seeds/000…a92ff.txt:13:266`.
fn cut_location(location: &str, width: usize) -> String {
    let count = location.chars().count();
    if count <= width {
        return location.to_string();
    }
    let split = location
        .rmatch_indices(':')
        .nth(1)
        .map_or(location.len(), |(i, _)| i);
    let (path, suffix) = location.split_at(split);
    let suffix_len = suffix.chars().count();
    if suffix_len + 3 > width {
        // Not even a little of the path fits: keep the end.
        let mut out = String::from("…");
        out.extend(location.chars().skip(count - width.saturating_sub(1)));
        return out;
    }
    // Characters of the path kept, around the `…`.
    let kept = width - suffix_len - 1;
    let head = kept.div_ceil(2);
    let path_len = path.chars().count();
    let mut out: String = path.chars().take(head).collect();
    out.push('…');
    out.extend(path.chars().skip(path_len.saturating_sub(kept - head)));
    out.push_str(suffix);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::tests::{render, sample};
    use crate::report::Format;

    #[test]
    fn cuts_long_cells() {
        assert_eq!(cut("abcdef", 4), "abc…");
        assert_eq!(cut("abcd", 4), "abcd");
        assert_eq!(cut_location("dir/file.txt:1:2", 16), "dir/file.txt:1:2");
        assert_eq!(cut_location("dir/file.txt:1:2", 10), "dir…xt:1:2");
        assert_eq!(
            cut_location("seeds/000_657d8d3b52ea92ff.txt:13:266", 26),
            "seeds/000…a92ff.txt:13:266"
        );
        assert_eq!(cut_location("a.txt:123456:7890", 10), "…3456:7890");
    }

    #[test]
    fn control_characters_cannot_reach_the_terminal() {
        assert_eq!(clean("a\u{1b}[2Jb\n\tc"), "a\u{FFFD}[2Jb c");
    }

    #[test]
    fn rows_show_location_text_and_value() {
        let out = render(Format::Table, &[sample()]);
        assert!(out.contains("a.txt:1:23"), "{out}");
        assert!(out.contains("1,436"));
        assert!(out.contains("about"));
        assert!(out.contains("1956"));
    }

    #[test]
    fn long_cells_keep_rows_within_100_columns() {
        let (mut document, mut figures) = sample();
        document.name = "a/very/long/folder/name/that/goes/on/and/on/document.txt".into();
        figures[0].unit = Some("delegates of the twentieth party congress".into());
        figures[0].span = 0..37;
        figures[1].value = None;
        figures[1].low = 123_456_789.0;
        figures[1].high = 987_654_321.0;
        figures[1].period = Some(crate::extract::Period::years(1937, 1938));
        figures[1].qualifier = crate::extract::Qualifier::AtLeast;
        let out = render(Format::Table, &[(document, figures)]);
        for line in out.lines() {
            assert!(line.chars().count() <= 100, "{line}");
        }
        assert!(out.contains("a/very/long…cument.txt:1:1 "), "{out}");
    }

    #[test]
    fn nothing_found_says_so() {
        assert_eq!(render(Format::Table, &[]), "no figures found\n");
    }
}
