//! The discrepancy report as GitHub-flavoured Markdown, for a pull-request comment.
//!
//! A heading with the counts of new errors and warnings and the summary line, then
//! "New findings": one table row per new finding of severity error or warning
//! (verdict and diagnosis, quantity, figures with their `path:line`, reason). With a
//! baseline, the known findings follow in a collapsed `<details>` section. Findings of
//! severity note are counted, never listed. Every cell is escaped so that a pipe, a
//! newline or Markdown punctuation in a reason or a path cannot break the table. This
//! file owns the wording and escaping of that comment; it does not decide what is new
//! or how severe a verdict is (the [`CheckView`] does).

use std::io::{self, Write};

use super::findings::{compared_by_cluster, loudness, summary};
use super::CheckView;
use crate::reconcile::Severity;
use crate::reconcile::{ClaimOrigin, ClaimRecord};

pub fn write(out: &mut dyn Write, view: &CheckView) -> io::Result<()> {
    let findings = &view.outcome.findings;
    let mut listed: Vec<usize> = (0..findings.len())
        .filter(|&f| view.severity(findings[f].verdict) != Severity::Note)
        .collect();
    // Errors first, the loudest verdicts first within a severity, then in report order.
    listed.sort_by_key(|&f| {
        let verdict = findings[f].verdict;
        std::cmp::Reverse((view.severity(verdict), loudness(verdict)))
    });
    let (new, known): (Vec<usize>, Vec<usize>) = listed.iter().partition(|&&f| view.is_new(f));
    let quiet = findings.len() - listed.len();
    let count = |severity: Severity| {
        new.iter()
            .filter(|&&f| view.severity(findings[f].verdict) == severity)
            .count()
    };
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let headline = if errors + warnings == 0 {
        "no new errors or warnings".to_string()
    } else {
        format!(
            "{}, {}",
            plural(errors, "new error", "new errors"),
            plural(warnings, "new warning", "new warnings")
        )
    };
    writeln!(out, "## crosscheck: {headline}")?;
    writeln!(out)?;
    writeln!(out, "{}", text_cell(&summary(view)))?;
    writeln!(out)?;
    for condensed in &view.outcome.condensed {
        let id = &view.catalog.quantities[condensed.quantity].id;
        writeln!(
            out,
            "- {}: {}",
            code(id),
            text_cell(&compared_by_cluster(condensed))
        )?;
    }
    if !view.outcome.condensed.is_empty() {
        writeln!(out)?;
    }
    writeln!(out, "### New findings")?;
    writeln!(out)?;
    if new.is_empty() {
        writeln!(out, "None.")?;
    } else {
        table(out, view, &new)?;
    }
    if view.gate.marks_new && !known.is_empty() {
        writeln!(out)?;
        writeln!(out, "<details>")?;
        writeln!(
            out,
            "<summary>Known findings: {}, accepted in the baseline</summary>",
            known.len()
        )?;
        writeln!(out)?;
        table(out, view, &known)?;
        writeln!(out)?;
        writeln!(out, "</details>")?;
    }
    if quiet > 0 {
        writeln!(out)?;
        writeln!(
            out,
            "{} of severity note (agreements, differences within rounding or approximation, and verdicts the configuration allows) {} counted, not listed.",
            plural(quiet, "finding", "findings"),
            if quiet == 1 { "is" } else { "are" }
        )?;
    }
    Ok(())
}

/// A table with one row per finding, in the order given.
fn table(out: &mut dyn Write, view: &CheckView, findings: &[usize]) -> io::Result<()> {
    writeln!(out, "| verdict | quantity | figures | reason |")?;
    writeln!(out, "| --- | --- | --- | --- |")?;
    for &f in findings {
        let finding = &view.outcome.findings[f];
        let verdict = match finding.diagnosis {
            Some(d) => format!("{} ({})", code(finding.verdict.as_str()), code(d.as_str())),
            None => code(finding.verdict.as_str()),
        };
        let quantity = code(&view.catalog.quantities[finding.quantity].id);
        let figures: Vec<String> = finding
            .claims()
            .iter()
            .map(|&c| figure_cell(&view.outcome.claims[c]))
            .collect();
        writeln!(
            out,
            "| {verdict} | {quantity} | {} | {} |",
            figures.join("<br>"),
            text_cell(&view.outcome.reason(finding))
        )?;
    }
    Ok(())
}

/// "4,512 (`docs/herald.txt:12`)": the figure as shown, and where it is.
fn figure_cell(record: &ClaimRecord) -> String {
    let (path, line) = match &record.origin {
        ClaimOrigin::Document { name, line, .. } => (name.clone(), *line),
        ClaimOrigin::File { location, .. } => (location.path.display().to_string(), location.line),
    };
    format!(
        "{} ({})",
        text_cell(&record.shown),
        code(&format!("{path}:{line}"))
    )
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Text for a table cell: Markdown punctuation escaped with a backslash (a pipe would
/// end the cell), line breaks as `<br>`.
fn text_cell(text: &str) -> String {
    let mut cell = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    cell.push_str("<br>");
                }
            }
            '\n' => cell.push_str("<br>"),
            '\\' | '|' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '~' | '#' | '!' => {
                cell.push('\\');
                cell.push(c);
            }
            _ => cell.push(c),
        }
    }
    cell
}

/// A code span for a table cell: a fence longer than any run of backticks inside, pipes
/// escaped (GitHub splits cells before it reads code spans), line breaks as spaces.
fn code(text: &str) -> String {
    let text: String = text
        .chars()
        .map(|c| if c == '\r' || c == '\n' { ' ' } else { c })
        .collect();
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{}{pad}{fence}", text.replace('|', "\\|"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_escape_pipes_newlines_and_emphasis() {
        assert_eq!(text_cell("a | b"), "a \\| b");
        assert_eq!(text_cell("one\ntwo\r\nthree"), "one<br>two<br>three");
        assert_eq!(text_cell("62% * 1,830"), "62% \\* 1,830");
        assert_eq!(text_cell("back\\slash|"), "back\\\\slash\\|");
    }

    #[test]
    fn code_spans_outfence_backticks() {
        assert_eq!(code("docs/a.txt:3"), "`docs/a.txt:3`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`a"), "`` `a ``");
        assert_eq!(code("a|b"), "`a\\|b`");
    }
}
