//! The discrepancy report as CSV (RFC 4180), for a spreadsheet: a header row, then one
//! row per finding, lines ended by CRLF.
//!
//! Columns: `fingerprint,quantity,verdict,diagnosis,severity,new,reason,claim_1,place_1,
//! claim_2,place_2`. A claim is the figure as shown ("about 12,000"), a place its
//! `path:line:column`. A relation may involve more than two claims: the second and later
//! ones are joined into `claim_2` and `place_2` with "; ". A field is quoted when it
//! holds a comma, a double quote, a CR or an LF, with each double quote doubled; a
//! missing value is an empty field. This file owns those columns and that quoting; it
//! does not decide what is new or how severe a verdict is (the [`CheckView`] does).

use std::borrow::Cow;
use std::io::{self, Write};

use super::rfc4180::write_row;
use super::CheckView;

/// The header row.
pub const COLUMNS: [&str; 11] = [
    "fingerprint",
    "quantity",
    "verdict",
    "diagnosis",
    "severity",
    "new",
    "reason",
    "claim_1",
    "place_1",
    "claim_2",
    "place_2",
];

pub fn write(out: &mut dyn Write, view: &CheckView) -> io::Result<()> {
    write_row(out, COLUMNS.iter().map(|c| Cow::Borrowed(*c)))?;
    let outcome = view.outcome;
    for (f, finding) in outcome.findings.iter().enumerate() {
        let claims: Vec<_> = finding
            .claims()
            .iter()
            .map(|&c| &outcome.claims[c])
            .collect();
        let (first, rest) = match claims.split_first() {
            Some((first, rest)) => (Some(*first), rest),
            None => (None, &[][..]),
        };
        let rest_shown: Vec<&str> = rest.iter().map(|c| c.shown.as_str()).collect();
        let rest_places: Vec<String> = rest.iter().map(|c| c.place()).collect();
        let fields = [
            Cow::Owned(finding.fingerprint.to_string()),
            Cow::Borrowed(view.catalog.quantities[finding.quantity].id.as_str()),
            Cow::Borrowed(finding.verdict.as_str()),
            Cow::Borrowed(finding.diagnosis.map_or("", |d| d.as_str())),
            Cow::Borrowed(view.severity(finding.verdict).as_str()),
            Cow::Borrowed(if view.is_new(f) { "true" } else { "false" }),
            Cow::Owned(outcome.reason(finding)),
            Cow::Borrowed(first.map_or("", |c| c.shown.as_str())),
            Cow::Owned(first.map(|c| c.place()).unwrap_or_default()),
            Cow::Owned(rest_shown.join("; ")),
            Cow::Owned(rest_places.join("; ")),
        ];
        write_row(out, fields)?;
    }
    Ok(())
}
