//! Discovery's candidates as a list for people, JSON, Markdown or CSV.
//!
//! The JSON is the finding shape of `check --format json` (fingerprint, verdict,
//! diagnosis, severity, new, reason, claims), with `discovered: true`, `id`,
//! `confidence`, `tier` and `evidence`; `quantity` is null, or the catalog quantity one
//! of the two figures is keyed to, which the other looks like.
//! Agreements and pairs from one voice are left out unless `all` is set.

use std::io::{self, Write};

use serde::Serialize;

use super::rfc4180::write_row;
use super::Number;
use crate::discover::{Candidate, Discovered, Profile};

/// What the discovery reports render.
pub struct DiscoveryView<'a> {
    pub discovered: &'a Discovered,
    /// Show every tier, agreements included.
    pub all: bool,
    /// Show at most this many candidates.
    pub limit: Option<usize>,
}

impl DiscoveryView<'_> {
    /// The candidates to show, loudest first.
    pub(super) fn shown(&self) -> impl Iterator<Item = &Candidate> {
        self.discovered
            .candidates
            .iter()
            .filter(|c| self.all || c.tier.shown_by_default())
            .take(self.limit.unwrap_or(usize::MAX))
    }

    /// `document:line:column`, or `document:p.14:3:5` on page 14 of a paged document,
    /// as `extract` and `check` place a figure.
    pub(super) fn place(&self, profile: &Profile) -> String {
        let document = self.discovered.document(profile);
        match profile.page {
            0 => format!("{document}:{}:{}", profile.line, profile.column),
            page => format!("{document}:p.{page}:{}:{}", profile.line, profile.column),
        }
    }

    pub(super) fn pair(&self, candidate: &Candidate) -> [&Profile; 2] {
        [
            &self.discovered.profiles[candidate.a as usize],
            &self.discovered.profiles[candidate.b as usize],
        ]
    }
}

fn period(profile: &Profile) -> String {
    profile.period.map(|p| p.to_string()).unwrap_or_default()
}

/// One line of summary: what was read, what was found.
pub(super) fn summary(view: &DiscoveryView) -> String {
    let discovered = view.discovered;
    let count = |tier: &str| {
        discovered
            .candidates
            .iter()
            .filter(|c| c.tier.as_str() == tier)
            .count()
    };
    format!(
        "{} documents, {} figures: {} candidates ({} contradictions, {} refuted, {} parts larger than their wholes, {} attributed, {} scope, {} same voice, {} agreements)",
        discovered.documents.len(),
        discovered.profiles.len(),
        discovered.candidates.len(),
        count("contradiction"),
        count("refuted"),
        count("part_of"),
        count("attributed"),
        count("scope"),
        count("same_voice"),
        count("agreement"),
    )
}

pub fn write_table(out: &mut dyn Write, view: &DiscoveryView) -> io::Result<()> {
    for (n, candidate) in view.shown().enumerate() {
        let diagnosis = candidate
            .diagnosis
            .map(|d| format!(" ({})", d.as_str()))
            .unwrap_or_default();
        writeln!(
            out,
            "{}. {}{diagnosis}, confidence {:.2}  [{}]",
            n + 1,
            candidate.tier.as_str(),
            candidate.confidence,
            candidate.id
        )?;
        for profile in view.pair(candidate) {
            let period = period(profile);
            let voice = profile
                .attributed_to
                .as_deref()
                .map(|v| format!(", per {v}"))
                .unwrap_or_default();
            writeln!(
                out,
                "   {}  {}{}{voice}",
                view.place(profile),
                profile.shown(),
                if period.is_empty() {
                    String::new()
                } else {
                    format!(" ({period})")
                }
            )?;
            writeln!(out, "      “{}”", clip(&profile.sentence, 160))?;
        }
        writeln!(out, "   {}", view.discovered.reason(candidate))?;
        if let Some(quantity) = view.discovered.quantity(candidate) {
            writeln!(out, "   looks like `{quantity}` of the catalog")?;
        }
        let evidence = view.discovered.evidence(candidate);
        let mut said = Vec::new();
        if !evidence.shared_words.is_empty() {
            said.push(format!(
                "shared words: {}",
                evidence.shared_words.join(", ")
            ));
        }
        if let Some(noun) = &evidence.same_noun {
            said.push(format!("counted noun: {noun}"));
        }
        if evidence.rebuttal {
            said.push("a source says a figure is wrong".to_string());
        }
        if !said.is_empty() {
            writeln!(out, "   evidence: {}", said.join("; "))?;
        }
        writeln!(out)?;
    }
    writeln!(out, "{}", summary(view))
}

/// The text cut to about `width` characters at a word.
fn clip(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let cut: String = text.chars().take(width).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", &cut[..at])
}

#[derive(Serialize)]
struct Report<'a> {
    candidates: Vec<CandidateJson<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct Summary {
    documents: usize,
    figures: usize,
    candidates: usize,
}

#[derive(Serialize)]
struct CandidateJson<'a> {
    id: String,
    fingerprint: String,
    discovered: bool,
    quantity: Option<&'a str>,
    tier: &'static str,
    confidence: f64,
    verdict: &'static str,
    diagnosis: Option<&'static str>,
    severity: &'static str,
    new: bool,
    reason: String,
    claims: Vec<ClaimJson<'a>>,
    evidence: EvidenceJson,
}

#[derive(Serialize)]
struct ClaimJson<'a> {
    source: &'a str,
    path: &'a str,
    /// The page of a paged document the figure is on (`line` is counted on it).
    page: Option<u32>,
    line: usize,
    column: usize,
    text: &'a str,
    shown: String,
    value: Option<Number>,
    low: Option<Number>,
    high: Option<Number>,
    period: Option<String>,
    attributed_to: Option<&'a str>,
    sentence: &'a str,
}

#[derive(Serialize)]
struct EvidenceJson {
    shared_words: Vec<String>,
    similarity: f64,
    same_noun: Option<String>,
    periods: [Option<String>; 2],
    voices: [Option<String>; 2],
    rebuttal: bool,
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

pub fn write_json(out: &mut dyn Write, view: &DiscoveryView) -> io::Result<()> {
    let discovered = view.discovered;
    let candidates = view
        .shown()
        .map(|c| {
            let claims = view
                .pair(c)
                .into_iter()
                .map(|p| {
                    let document = discovered.document(p);
                    ClaimJson {
                        source: document,
                        path: document,
                        page: (p.page > 0).then_some(p.page),
                        line: p.line as usize,
                        column: p.column as usize,
                        text: &p.value.text,
                        shown: p.shown(),
                        value: p.value.stated.value.and_then(Number::new),
                        low: Number::new(p.value.stated.low),
                        high: Number::new(p.value.stated.high),
                        period: p.period.map(|x| x.to_string()),
                        attributed_to: p.attributed_to.as_deref(),
                        sentence: &p.sentence,
                    }
                })
                .collect();
            let e = discovered.evidence(c);
            CandidateJson {
                id: c.id.to_string(),
                fingerprint: c.id.to_string(),
                discovered: true,
                quantity: discovered.quantity(c),
                tier: c.tier.as_str(),
                confidence: round(c.confidence),
                verdict: c.verdict.as_str(),
                diagnosis: c.diagnosis.map(|d| d.as_str()),
                severity: c.verdict.default_severity().as_str(),
                new: true,
                reason: discovered.reason(c),
                claims,
                evidence: EvidenceJson {
                    shared_words: e.shared_words,
                    similarity: round(e.similarity),
                    same_noun: e.same_noun,
                    periods: [
                        e.periods.0.map(|p| p.to_string()),
                        e.periods.1.map(|p| p.to_string()),
                    ],
                    voices: [e.voices.0, e.voices.1],
                    rebuttal: e.rebuttal,
                },
            }
        })
        .collect();
    let report = Report {
        candidates,
        summary: Summary {
            documents: discovered.documents.len(),
            figures: discovered.profiles.len(),
            candidates: discovered.candidates.len(),
        },
    };
    let text = serde_json::to_string_pretty(&report).map_err(io::Error::other)?;
    out.write_all(text.as_bytes())?;
    writeln!(out)
}

/// The CSV columns, one row per candidate.
pub const CSV_COLUMNS: [&str; 12] = [
    "id",
    "tier",
    "confidence",
    "verdict",
    "diagnosis",
    "reason",
    "figure_1",
    "place_1",
    "period_1",
    "figure_2",
    "place_2",
    "period_2",
];

pub fn write_csv(out: &mut dyn Write, view: &DiscoveryView) -> io::Result<()> {
    write_row(out, CSV_COLUMNS)?;
    for c in view.shown() {
        let [a, b] = view.pair(c);
        write_row(
            out,
            [
                c.id.to_string(),
                c.tier.as_str().to_string(),
                format!("{:.3}", c.confidence),
                c.verdict.as_str().to_string(),
                c.diagnosis.map(|d| d.as_str()).unwrap_or("").to_string(),
                view.discovered.reason(c),
                a.shown(),
                view.place(a),
                period(a),
                b.shown(),
                view.place(b),
                period(b),
            ],
        )?;
    }
    Ok(())
}

pub fn write_markdown(out: &mut dyn Write, view: &DiscoveryView) -> io::Result<()> {
    writeln!(out, "### crosscheck discover\n")?;
    writeln!(out, "{}\n", summary(view))?;
    writeln!(
        out,
        "| # | tier | confidence | figures | reason | id |\n|---|---|---|---|---|---|"
    )?;
    let cell = |text: &str| text.replace('|', "\\|").replace('\n', " ");
    for (n, c) in view.shown().enumerate() {
        let [a, b] = view.pair(c);
        writeln!(
            out,
            "| {} | {} | {:.2} | {} at `{}`; {} at `{}` | {} | `{}` |",
            n + 1,
            c.tier.as_str(),
            c.confidence,
            cell(&a.shown()),
            view.place(a),
            cell(&b.shown()),
            view.place(b),
            cell(&view.discovered.reason(c)),
            c.id
        )?;
    }
    Ok(())
}
