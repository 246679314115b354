//! Figures no quantity claims, grouped by what they count, largest group first,
//! so a researcher sees what to catalog next: as a table, JSON, or CSV (one row per
//! figure, in the groups' order, for a spreadsheet to sort and annotate).

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::rfc4180::write_row;
use crate::reconcile::UnmatchedFigure;

/// At most this many examples are shown per group in the table.
const EXAMPLES: usize = 4;

/// Groups by lower-cased counted noun or unit; figures without one go under "(none)".
fn groups(figures: &[UnmatchedFigure]) -> Vec<(String, Vec<&UnmatchedFigure>)> {
    let mut map: BTreeMap<String, Vec<&UnmatchedFigure>> = BTreeMap::new();
    for figure in figures {
        let key = figure
            .unit
            .as_deref()
            .map_or_else(|| format!("({})", figure.kind.as_str()), str::to_lowercase);
        map.entry(key).or_default().push(figure);
    }
    let mut groups: Vec<_> = map.into_iter().collect();
    groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0)));
    groups
}

/// The table of figures no quantity claims: a group's first few, or with `all` every one.
pub fn write_table(out: &mut dyn Write, figures: &[UnmatchedFigure], all: bool) -> io::Result<()> {
    if figures.is_empty() {
        return writeln!(out, "every figure is keyed to a quantity");
    }
    writeln!(
        out,
        "{} figures are not keyed to any quantity, by what they count:",
        figures.len()
    )?;
    for (unit, members) in groups(figures) {
        writeln!(out, "  {unit} ({})", members.len())?;
        let shown = if all { members.len() } else { EXAMPLES };
        for figure in members.iter().take(shown) {
            writeln!(
                out,
                "    {}:{}:{}  {}",
                figure.document, figure.line, figure.column, figure.text
            )?;
        }
        if members.len() > shown {
            writeln!(
                out,
                "    … and {} more (--all lists them)",
                members.len() - shown
            )?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct Group<'a> {
    unit: String,
    count: usize,
    figures: Vec<FigureJson<'a>>,
}

#[derive(Serialize)]
struct FigureJson<'a> {
    document: &'a str,
    line: usize,
    column: usize,
    text: &'a str,
    kind: &'static str,
    sentence: &'a str,
}

pub fn write_json(out: &mut dyn Write, figures: &[UnmatchedFigure]) -> io::Result<()> {
    let groups: Vec<Group> = groups(figures)
        .into_iter()
        .map(|(unit, members)| Group {
            unit,
            count: members.len(),
            figures: members
                .into_iter()
                .map(|f| FigureJson {
                    document: &f.document,
                    line: f.line,
                    column: f.column,
                    text: &f.text,
                    kind: f.kind.as_str(),
                    sentence: &f.sentence,
                })
                .collect(),
        })
        .collect();
    // Serialised first, written second: a closed pipe keeps its error kind.
    let text = serde_json::to_string_pretty(&serde_json::json!({ "unmatched": groups }))
        .map_err(io::Error::other)?;
    out.write_all(text.as_bytes())?;
    writeln!(out)
}

/// The CSV header row of the unmatched figures.
pub const CSV_COLUMNS: [&str; 7] = [
    "unit", "document", "line", "column", "text", "kind", "sentence",
];

pub fn write_csv(out: &mut dyn Write, figures: &[UnmatchedFigure]) -> io::Result<()> {
    write_row(out, CSV_COLUMNS)?;
    for (unit, members) in groups(figures) {
        for f in members {
            write_row(
                out,
                [
                    unit.as_str(),
                    &f.document,
                    &f.line.to_string(),
                    &f.column.to_string(),
                    &f.text,
                    f.kind.as_str(),
                    &f.sentence,
                ],
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Kind;

    fn figure(document: &str, text: &str, unit: Option<&str>) -> UnmatchedFigure {
        UnmatchedFigure {
            document: document.to_string(),
            line: 3,
            column: 7,
            text: text.to_string(),
            unit: unit.map(str::to_string),
            kind: Kind::Count,
            sentence: format!("They counted {text}, by hand."),
        }
    }

    #[test]
    fn csv_has_a_row_per_figure_largest_group_first() {
        let figures = [
            figure("a.txt", "12", Some("boats")),
            figure("a.txt", "1,200", Some("people")),
            figure("b.txt", "40", Some("People")),
        ];
        let mut out = Vec::new();
        write_csv(&mut out, &figures).expect("writes to a Vec");
        let text = String::from_utf8(out).expect("UTF-8");
        let rows: Vec<&str> = text.split_terminator("\r\n").collect();
        assert_eq!(rows[0], "unit,document,line,column,text,kind,sentence");
        assert_eq!(
            rows[1],
            "people,a.txt,3,7,\"1,200\",count,\"They counted 1,200, by hand.\""
        );
        assert!(rows[2].starts_with("people,b.txt,3,7,40,count,"));
        assert!(rows[3].starts_with("boats,a.txt,"));
        assert_eq!(rows.len(), 4);
    }
}
