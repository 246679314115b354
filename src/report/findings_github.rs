//! The discrepancy report as GitHub Actions workflow commands, so that a CI job
//! annotates the lines of the pull request where the figures are.
//!
//! For each new finding of severity error or warning, one line per claim that has a
//! place: `::error file=PATH,line=N,col=M,title=crosscheck VERDICT::MESSAGE`
//! (`::warning` for a warning), the message being the reason and the other figure(s) of
//! the finding with their places. Known (baselined) findings and notes write nothing.
//! Values are escaped as the runner expects: in the message `%`, CR and LF become
//! `%25`, `%0D`, `%0A`; in a property `:` and `,` also become `%3A` and `%2C`. This file
//! owns that syntax; it does not decide what is new or how severe a verdict is.

use std::io::{self, Write};

use super::CheckView;
use crate::reconcile::Severity;
use crate::reconcile::{ClaimOrigin, ClaimRecord};

pub fn write(out: &mut dyn Write, view: &CheckView) -> io::Result<()> {
    let outcome = view.outcome;
    for (f, finding) in outcome.findings.iter().enumerate() {
        let command = match view.severity(finding.verdict) {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => continue,
        };
        if !view.is_new(f) {
            continue;
        }
        let title = format!("crosscheck {}", finding.verdict.as_str());
        for &c in finding.claims() {
            let Some((path, line, column)) = place(&outcome.claims[c]) else {
                continue;
            };
            let others: Vec<String> = finding
                .claims()
                .iter()
                .filter(|&&other| other != c)
                .map(|&other| {
                    let record = &outcome.claims[other];
                    format!("{} at {}", record.shown, record.place())
                })
                .collect();
            let message = if others.is_empty() {
                outcome.reason(finding)
            } else {
                let label = if others.len() == 1 {
                    "other figure"
                } else {
                    "other figures"
                };
                format!(
                    "{} ({label}: {})",
                    outcome.reason(finding),
                    others.join("; ")
                )
            };
            writeln!(
                out,
                "::{command} file={},line={line},col={column},title={}::{}",
                property(&path),
                property(&title),
                data(&message)
            )?;
        }
    }
    Ok(())
}

/// The claim's path (with forward slashes), line and column, when it has a line.
fn place(record: &ClaimRecord) -> Option<(String, usize, usize)> {
    let (path, line, column) = match &record.origin {
        ClaimOrigin::Document {
            name, line, column, ..
        } => (name.clone(), *line, *column),
        ClaimOrigin::File { location, .. } => (
            location.path.display().to_string(),
            location.line,
            location.column,
        ),
    };
    if line == 0 || path.is_empty() {
        return None;
    }
    let path = if std::path::MAIN_SEPARATOR == '\\' {
        path.replace('\\', "/")
    } else {
        path
    };
    Some((path, line, column.max(1)))
}

/// A command's message: `%`, CR and LF escaped.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A command's property value: as [`data`], and `:` and `,` escaped too.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_runner_reads() {
        assert_eq!(data("9.4% of\r\nall"), "9.4%25 of%0D%0Aall");
        assert_eq!(data("a: b, c"), "a: b, c");
        assert_eq!(property("C:\\a,b.txt"), "C%3A\\a%2Cb.txt");
        assert_eq!(property("100%"), "100%25");
    }
}
