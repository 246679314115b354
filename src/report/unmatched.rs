//! Figures no quantity claims, grouped by what they count, largest group first,
//! so a researcher sees what to catalog next.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

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

pub fn write_table(out: &mut dyn Write, figures: &[UnmatchedFigure]) -> io::Result<()> {
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
        for figure in members.iter().take(EXAMPLES) {
            writeln!(
                out,
                "    {}:{}:{}  {}",
                figure.document, figure.line, figure.column, figure.text
            )?;
        }
        if members.len() > EXAMPLES {
            writeln!(out, "    … and {} more", members.len() - EXAMPLES)?;
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
