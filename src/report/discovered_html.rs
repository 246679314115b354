//! Discovery's candidates as one self-contained HTML page: the summary and the counts by
//! tier at the top, then each candidate loudest first with its tier, confidence,
//! verdict and reason, a plot of its two figures on one axis, both sentences with the
//! figure marked, and the evidence; filters by tier and document. The page's style and
//! escaping are those of the check report ([`super::findings_html`]).

use std::collections::BTreeSet;
use std::io::{self, Write};

use super::discovered::{summary, DiscoveryView};
use super::findings_html::{SCRIPT, STYLE};
use super::markup::{escape, marked};
use super::plot::{self, Mark, Row};
use crate::discover::{Candidate, Profile, Tier};
use crate::reconcile::{interval_of, show_interval, Interval, Verdict};

const TIERS: [Tier; 7] = [
    Tier::Contradiction,
    Tier::Refuted,
    Tier::PartOf,
    Tier::Attributed,
    Tier::Scope,
    Tier::SameVoice,
    Tier::Agreement,
];

pub fn write(out: &mut dyn Write, view: &DiscoveryView) -> io::Result<()> {
    let discovered = view.discovered;
    let shown: Vec<&Candidate> = view.shown().collect();
    let mut html = String::with_capacity(32 * 1024 + shown.len() * 4096);
    html.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"crosscheck\">\n<link rel=\"icon\" href=\"data:,\">\n<title>crosscheck discover</title>\n<style>\n");
    html.push_str(STYLE);
    html.push_str("</style>\n</head>\n<body>\n<header>\n<h1>crosscheck discover</h1>\n");
    html.push_str(&format!(
        "<p class=\"summary\">{}</p>\n",
        escape(&summary(view))
    ));
    html.push_str("<div class=\"wide\"><table class=\"counts\">\n<thead><tr><th scope=\"col\">tier</th><th scope=\"col\">candidates shown</th></tr></thead>\n<tbody>\n");
    for tier in TIERS {
        let count = shown.iter().filter(|c| c.tier == tier).count();
        html.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td>{count}</td></tr>\n",
            tier.as_str()
        ));
    }
    html.push_str("</tbody>\n</table></div>\n");
    let documents: BTreeSet<&str> = shown
        .iter()
        .flat_map(|c| view.pair(c))
        .map(|p| discovered.document(p))
        .collect();
    html.push_str("<form id=\"filters\" class=\"filters\" hidden>\n<label>Tier <select id=\"filter-verdict\"><option value=\"\">all</option>");
    for tier in TIERS {
        html.push_str(&format!(
            "<option value=\"{t}\">{t}</option>",
            t = tier.as_str()
        ));
    }
    html.push_str("</select></label>\n<label>Document <select id=\"filter-source\"><option value=\"\">all</option>");
    for document in &documents {
        html.push_str(&format!(
            "<option value=\"{d}\">{d}</option>",
            d = escape(document)
        ));
    }
    html.push_str("</select></label>\n<output id=\"filter-count\"></output>\n</form>\n<noscript><p class=\"note\">Filters need JavaScript; every candidate is shown.</p></noscript>\n</header>\n<main>\n");
    if shown.is_empty() {
        html.push_str("<p>No candidates: no two figures look like one quantity.</p>\n");
    }
    html.push_str("<ol class=\"candidates\">\n");
    for candidate in &shown {
        candidate_html(&mut html, view, candidate);
    }
    html.push_str("</ol>\n</main>\n");
    html.push_str(SCRIPT);
    html.push_str("</body>\n</html>\n");
    out.write_all(html.as_bytes())
}

fn candidate_html(html: &mut String, view: &DiscoveryView, candidate: &Candidate) {
    let discovered = view.discovered;
    let pair = view.pair(candidate);
    let documents: BTreeSet<&str> = pair.iter().map(|p| discovered.document(p)).collect();
    let diagnosis = candidate
        .diagnosis
        .map(|d| format!(" ({})", d.as_str()))
        .unwrap_or_default();
    html.push_str(&format!(
        "<li class=\"finding candidate v-{}\" id=\"c-{}\" data-verdict=\"{}\" data-sources=\"{}\">\n",
        candidate.verdict.as_str(),
        candidate.id,
        candidate.tier.as_str(),
        escape(&serde_json::to_string(&documents).unwrap_or_default())
    ));
    html.push_str(&format!(
        "<h3><span class=\"verdict\">{}{}</span> · {} · confidence {:.2} · <code>{}</code></h3>\n",
        candidate.tier.as_str(),
        escape(&diagnosis),
        candidate.verdict.as_str(),
        candidate.confidence,
        candidate.id
    ));
    html.push_str(&format!(
        "<p>{}</p>\n",
        escape(&discovered.reason(candidate))
    ));
    if let Some(quantity) = discovered.quantity(candidate) {
        html.push_str(&format!(
            "<p>Looks like <code>{}</code> of the catalog.</p>\n",
            escape(quantity)
        ));
    }
    plot_pair(html, view, candidate);
    html.push_str("<ol class=\"claims\">\n");
    for profile in pair {
        let mut facts = vec![format!("at <code>{}</code>", escape(&view.place(profile)))];
        if let Some(period) = profile.period {
            facts.push(format!("period {period}"));
        }
        if let Some(who) = &profile.attributed_to {
            facts.push(format!("per <bdi>{}</bdi>", escape(who)));
        }
        html.push_str(&format!(
            "<li class=\"claim\"><p class=\"figure\"><strong>{}</strong> · {}</p>\n<blockquote dir=\"auto\">{}</blockquote></li>\n",
            escape(&profile.shown()),
            facts.join(" · "),
            marked(&profile.sentence, &profile.value.text)
        ));
    }
    html.push_str("</ol>\n");
    let evidence = discovered.evidence(candidate);
    let mut said = Vec::new();
    if !evidence.shared_words.is_empty() {
        said.push(format!(
            "shared words: {}",
            escape(&evidence.shared_words.join(", "))
        ));
    }
    if let Some(noun) = &evidence.same_noun {
        said.push(format!("counted noun: {}", escape(noun)));
    }
    if evidence.rebuttal {
        said.push("a source says a figure is wrong".to_string());
    }
    if !said.is_empty() {
        html.push_str(&format!(
            "<p class=\"facts\">Evidence: {}.</p>\n",
            said.join("; ")
        ));
    }
    html.push_str("</li>\n");
}

/// The two figures on one axis, in base units where they are measures of one dimension;
/// no plot for two figures in units that do not convert.
fn plot_pair(html: &mut String, view: &DiscoveryView, candidate: &Candidate) {
    let pair = view.pair(candidate);
    let tolerances = &view.discovered.tolerances;
    let factor = |p: &Profile| p.dimension.map(|(_, f)| f);
    let comparable = match (pair[0].dimension, pair[1].dimension) {
        (Some((a, _)), Some((b, _))) => a == b,
        (None, None) => pair[0].value.kind == pair[1].value.kind,
        _ => false,
    };
    if !comparable {
        return;
    }
    let mark = if matches!(
        candidate.verdict,
        Verdict::Contradiction | Verdict::ArithmeticMismatch
    ) {
        Mark::Error
    } else if candidate.verdict == Verdict::ScopeMismatch {
        Mark::Warning
    } else {
        Mark::Agrees
    };
    let labels: Vec<String> = pair
        .iter()
        .enumerate()
        .map(|(n, p)| {
            let document = view.discovered.document(p);
            let name = document.rsplit(['/', '\\']).next().unwrap_or(document);
            match p.page {
                0 => format!("{}. {name}:{}", n + 1, p.line),
                page => format!("{}. {name}:p.{page}:{}", n + 1, p.line),
            }
        })
        .collect();
    let titles: Vec<String> = pair
        .iter()
        .map(|p| format!("{} at {}", p.shown(), view.place(p)))
        .collect();
    let notes: Vec<String> = pair
        .iter()
        .map(|p| match p.period {
            Some(period) => format!("{} · {period}", p.shown()),
            None => p.shown(),
        })
        .collect();
    let scaled = |p: &Profile| {
        let f = factor(p).unwrap_or(1.0);
        let i = interval_of(&p.value.stated, tolerances);
        (
            Interval::new(i.low * f, i.high * f, i.low_open, i.high_open),
            p.value.stated.value.map(|v| v * f),
        )
    };
    let rows: Vec<Row> = pair
        .iter()
        .enumerate()
        .map(|(n, p)| {
            let (interval, value) = scaled(p);
            Row {
                label: &labels[n],
                interval,
                value,
                mark,
                note: &notes[n],
                title: &titles[n],
            }
        })
        .collect();
    html.push_str("<figure>\n");
    html.push_str(&plot::svg(
        &rows,
        "the two figures, each its interval and its value",
    ));
    let intervals: Vec<String> = rows.iter().map(|r| show_interval(&r.interval)).collect();
    html.push_str(&format!(
        "\n<figcaption>Read as {}.</figcaption>\n</figure>\n",
        escape(&intervals.join(" and "))
    ));
}
