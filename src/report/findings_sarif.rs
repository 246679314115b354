//! The discrepancy report as a SARIF 2.1.0 log, for code-scanning dashboards.
//!
//! One run whose tool is crosscheck, with one rule per verdict (its stable name is the
//! rule id, its default severity the rule's level) and one result per finding of
//! severity error or warning: the reason as message, one location per claim that has a
//! place (the document or claim file, line and column in characters), the finding's
//! fingerprint as `partialFingerprints["crosscheck/v1"]`, and `new`, `diagnosis` and
//! `quantity` as properties. With a baseline, `baselineState` says `new` or
//! `unchanged`. Notes are left out. The wire types below are SARIF's, kept apart from
//! the domain types; this file does not decide what is new or how severe a verdict is.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::CheckView;
use crate::reconcile::{ClaimOrigin, ClaimRecord};
use crate::reconcile::{Severity, Verdict};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The key of the fingerprint in `partialFingerprints`; bump the version when the
/// fingerprint's recipe changes.
pub const FINGERPRINT_KEY: &str = "crosscheck/v1";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    /// Columns count characters, not UTF-16 code units (SARIF's default).
    column_kind: &'static str,
    results: Vec<ResultJson<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
struct Driver {
    name: &'static str,
    version: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: &'static str,
    short_description: Text,
    full_description: Text,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ResultJson<'a> {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<LocationJson>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline_state: Option<&'static str>,
    properties: Properties<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LocationJson {
    physical_location: PhysicalLocation,
    /// The figure and its source, so a viewer can tell the locations apart.
    message: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<usize>,
}

#[derive(Serialize)]
struct Properties<'a> {
    new: bool,
    diagnosis: Option<&'static str>,
    quantity: &'a str,
}

pub fn write(out: &mut dyn Write, view: &CheckView) -> io::Result<()> {
    let outcome = view.outcome;
    let results = outcome
        .findings
        .iter()
        .enumerate()
        .filter_map(|(f, finding)| {
            let level = match view.severity(finding.verdict) {
                Severity::Note => return None,
                severity => severity.as_str(),
            };
            let new = view.is_new(f);
            Some(ResultJson {
                rule_id: finding.verdict.as_str(),
                rule_index: Verdict::ALL
                    .iter()
                    .position(|&v| v == finding.verdict)
                    .unwrap_or_default(),
                level,
                message: Text {
                    text: outcome.reason(finding),
                },
                locations: finding
                    .claims()
                    .iter()
                    .filter_map(|&c| location(&outcome.claims[c]))
                    .collect(),
                partial_fingerprints: BTreeMap::from([(
                    FINGERPRINT_KEY,
                    finding.fingerprint.to_string(),
                )]),
                baseline_state: view.gate.marks_new.then_some(if new {
                    "new"
                } else {
                    "unchanged"
                }),
                properties: Properties {
                    new,
                    diagnosis: finding.diagnosis.map(|d| d.as_str()),
                    quantity: &view.catalog.quantities[finding.quantity].id,
                },
            })
        })
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "crosscheck",
                    version: env!("CARGO_PKG_VERSION"),
                    rules: Verdict::ALL.iter().map(|&v| rule(v)).collect(),
                },
            },
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    // Serialised first, written second: a closed pipe keeps its error kind.
    let text = serde_json::to_string_pretty(&log).map_err(io::Error::other)?;
    out.write_all(text.as_bytes())?;
    writeln!(out)
}

fn rule(verdict: Verdict) -> Rule {
    let (name, short, full) = match verdict {
        Verdict::Agreement => (
            "Agreement",
            "The sources state the same value.",
            "Two claims about the same quantity state the same value.",
        ),
        Verdict::WithinRounding => (
            "WithinRounding",
            "The values differ no more than their rounding allows.",
            "Two claims differ, but no more than the rounding of the figures as written \
             explains (7.4 and 7.38 agree).",
        ),
        Verdict::WithinApproximation => (
            "WithinApproximation",
            "The values differ no more than their wording allows.",
            "Two claims differ, but no more than \"about\", \"almost\", \"over\" or a vague \
             amount allow.",
        ),
        Verdict::ScopeMismatch => (
            "ScopeMismatch",
            "The claims refer to different periods or definitions.",
            "Two claims about a quantity refer to different periods or definitions, which \
             may explain the difference; they are shown, not compared.",
        ),
        Verdict::Contradiction => (
            "Contradiction",
            "The claims cannot both be true.",
            "Two claims about the same quantity and period cannot both be true. A diagnosis \
             names the likely slip where one fits: digits transposed, a digit changed, a \
             scale slip, an order of magnitude, a longer period with a smaller count, or a \
             percentage read as a count.",
        ),
        Verdict::ArithmeticMismatch => (
            "ArithmeticMismatch",
            "Stated arithmetic does not recompute.",
            "A relation the sources state between quantities (a sum, a share) does not hold \
             for the figures they give, even allowing for rounding.",
        ),
    };
    Rule {
        id: verdict.as_str(),
        name,
        short_description: Text {
            text: short.to_string(),
        },
        full_description: Text {
            text: full.to_string(),
        },
        default_configuration: Configuration {
            level: verdict.default_severity().as_str(),
        },
    }
}

/// The claim's place as a SARIF location, when it has a line.
fn location(record: &ClaimRecord) -> Option<LocationJson> {
    let (path, line, column, end_column) = match &record.origin {
        ClaimOrigin::Document {
            name, line, column, ..
        } => (
            name.clone(),
            *line,
            *column,
            Some(column + record.value.text.chars().count()),
        ),
        ClaimOrigin::File { location, .. } => (
            location.path.display().to_string(),
            location.line,
            location.column,
            None,
        ),
    };
    if line == 0 || path.is_empty() {
        return None;
    }
    let column = column.max(1);
    Some(LocationJson {
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation { uri: uri(&path) },
            region: Region {
                start_line: line,
                start_column: column,
                end_column: end_column.filter(|&end| end > column),
            },
        },
        message: Text {
            text: format!("{} ({})", record.shown, record.source),
        },
    })
}

/// A path as a URI reference: forward slashes, relative paths kept relative, absolute
/// ones as `file://` URIs, and the characters a URI cannot hold percent-encoded.
fn uri(path: &str) -> String {
    let path = if std::path::MAIN_SEPARATOR == '\\' {
        path.replace('\\', "/")
    } else {
        path.to_string()
    };
    let drive = {
        let bytes = path.as_bytes();
        bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':'
    };
    let mut encoded = String::with_capacity(path.len());
    for byte in path.bytes() {
        let keep = byte.is_ascii_alphanumeric()
            || b"-._~/!$&'()*+,;=@".contains(&byte)
            || (byte == b':' && drive && encoded.len() == 1);
        if keep {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    if drive {
        format!("file:///{encoded}")
    } else if encoded.starts_with('/') {
        format!("file://{encoded}")
    } else {
        encoded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("docs/01_herald.txt"), "docs/01_herald.txt");
        assert_eq!(uri("my docs/a#1.txt"), "my%20docs/a%231.txt");
        assert_eq!(uri("/srv/claims/a.toml"), "file:///srv/claims/a.toml");
        assert_eq!(uri("C:/corpus/a.txt"), "file:///C:/corpus/a.txt");
        assert_eq!(uri("notes:1.txt"), "notes%3A1.txt");
        assert_eq!(uri("é.txt"), "%C3%A9.txt");
    }

    #[test]
    fn every_verdict_has_a_rule_at_its_index() {
        for (i, verdict) in Verdict::ALL.into_iter().enumerate() {
            assert_eq!(rule(verdict).id, Verdict::ALL[i].as_str());
        }
    }
}
