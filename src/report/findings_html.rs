//! The discrepancy report as one self-contained HTML page, for people to read, print
//! and pass on: what was checked and the counts by verdict at the top, the
//! contradictions and arithmetic mismatches listed first, then each quantity with its
//! plot ([`super::plot`]), its claims (the sentence with the figure marked, the place
//! and the source) and every verdict and relation with its reason.
//!
//! The page needs nothing from a network: styles and the filter script are inline, and
//! without the script (or printed) everything is shown. Every text from a document or a
//! claim file goes through [`escape`]. This file owns the page's markup and wording;
//! what is new and how severe a verdict is comes from the [`CheckView`].

use std::collections::BTreeSet;
use std::io::{self, Write};

use super::findings::{loudness, summary, ByQuantity};
use super::markup::{escape, marked};
use super::plot::{self, Mark, Row};
use super::CheckView;
use crate::claims::{Expr, Source};
use crate::reconcile::{show_interval, ClaimOrigin, ClaimRecord, Finding, Severity, Verdict};

const VERDICTS: [Verdict; 6] = [
    Verdict::Contradiction,
    Verdict::ArithmeticMismatch,
    Verdict::ScopeMismatch,
    Verdict::WithinApproximation,
    Verdict::WithinRounding,
    Verdict::Agreement,
];

pub fn write(out: &mut dyn Write, view: &CheckView) -> io::Result<()> {
    let page = Page::new(view);
    let mut html = String::with_capacity(64 * 1024);
    page.head(&mut html);
    page.top(&mut html);
    page.quantities(&mut html);
    html.push_str(SCRIPT);
    html.push_str("</body>\n</html>\n");
    out.write_all(html.as_bytes())
}

/// What the page is made from, gathered once.
struct Page<'v, 'a> {
    view: &'v CheckView<'a>,
    /// Each quantity's claims and findings.
    claims_of: Vec<Vec<usize>>,
    findings_of: Vec<Vec<usize>>,
    /// Quantities with claims or findings, loudest first, then in catalog order.
    order: Vec<usize>,
}

impl<'v, 'a> Page<'v, 'a> {
    fn new(view: &'v CheckView<'a>) -> Self {
        let ByQuantity {
            claims_of,
            findings_of,
            mut order,
        } = ByQuantity::of(view);
        order.retain(|&q| !claims_of[q].is_empty() || !findings_of[q].is_empty());
        Page {
            view,
            claims_of,
            findings_of,
            order,
        }
    }

    fn head(&self, html: &mut String) {
        html.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.push_str("<meta name=\"generator\" content=\"crosscheck\">\n");
        // No icon to fetch: the page asks nothing of a network or the file system.
        html.push_str("<link rel=\"icon\" href=\"data:,\">\n");
        html.push_str("<title>crosscheck report</title>\n<style>\n");
        html.push_str(STYLE);
        html.push_str("</style>\n</head>\n<body>\n");
    }

    /// What was checked, the counts, the filters, and the disputes listed first.
    fn top(&self, html: &mut String) {
        let (view, outcome) = (self.view, self.view.outcome);
        let sources: BTreeSet<&str> = outcome.claims.iter().map(|c| c.source.as_str()).collect();
        html.push_str("<header>\n<h1>crosscheck report</h1>\n");
        html.push_str(&format!(
            "<p class=\"checked\">Checked {} · {} · {} · {}.</p>\n",
            plural(outcome.documents, "document", "documents"),
            plural(sources.len(), "source", "sources"),
            plural(self.order.len(), "quantity", "quantities"),
            plural(outcome.claims.len(), "claim", "claims"),
        ));
        html.push_str(&format!(
            "<p class=\"summary\">{}</p>\n",
            escape(&summary(view))
        ));
        html.push_str(
            "<div class=\"wide\"><table class=\"counts\">\n<thead><tr><th scope=\"col\">verdict</th><th scope=\"col\">severity</th><th scope=\"col\">findings</th><th scope=\"col\">new</th><th scope=\"col\">accepted in the baseline</th></tr></thead>\n<tbody>\n",
        );
        for verdict in VERDICTS {
            let of: Vec<usize> = (0..outcome.findings.len())
                .filter(|&f| outcome.findings[f].verdict == verdict)
                .collect();
            let new = of.iter().filter(|&&f| view.is_new(f)).count();
            // Notes pass every run: nothing to accept.
            let (new, accepted) = if view.severity(verdict) == Severity::Note {
                ("—".to_string(), "—".to_string())
            } else if view.gate.marks_new {
                (new.to_string(), (of.len() - new).to_string())
            } else {
                (new.to_string(), "no baseline".to_string())
            };
            html.push_str(&format!(
                "<tr class=\"v-{v}\"><th scope=\"row\">{v}</th><td>{}</td><td>{}</td><td>{}</td><td>{accepted}</td></tr>\n",
                view.severity(verdict).as_str(),
                of.len(),
                new,
                v = verdict.as_str(),
            ));
        }
        html.push_str("</tbody>\n</table></div>\n");
        self.filters(html, &sources);
        html.push_str("</header>\n<main>\n");
        let disputes: Vec<usize> = {
            let mut d: Vec<usize> = (0..outcome.findings.len())
                .filter(|&f| {
                    matches!(
                        outcome.findings[f].verdict,
                        Verdict::Contradiction | Verdict::ArithmeticMismatch
                    )
                })
                .collect();
            d.sort_by_key(|&f| {
                (
                    std::cmp::Reverse(view.is_new(f)),
                    std::cmp::Reverse(loudness(outcome.findings[f].verdict)),
                )
            });
            d
        };
        html.push_str(&format!(
            "<section id=\"disputes\">\n<h2>Contradictions and arithmetic mismatches ({})</h2>\n",
            disputes.len()
        ));
        if disputes.is_empty() {
            html.push_str("<p>None: the sources agree, or differ only as their periods and rounding allow.</p>\n");
        } else {
            html.push_str("<ol class=\"disputes\">\n");
            for &f in &disputes {
                let finding = &outcome.findings[f];
                let quantity = &view.catalog.quantities[finding.quantity].id;
                let sources: BTreeSet<&str> = finding
                    .claims()
                    .iter()
                    .map(|&c| outcome.claims[c].source.as_str())
                    .collect();
                let sources: Vec<String> = sources.into_iter().map(escape).collect();
                html.push_str(&format!(
                    "<li {}><a href=\"#{}\">{}</a> {}: {} <span class=\"who\">({})</span></li>\n",
                    self.finding_attributes(f),
                    anchor(quantity),
                    escape(quantity),
                    self.verdict_badge(finding, f),
                    escape(&outcome.reason(finding)),
                    sources.join(" · ")
                ));
            }
            html.push_str("</ol>\n");
        }
        html.push_str("</section>\n");
    }

    /// The filters: shown by the script, so that a page without it shows everything.
    fn filters(&self, html: &mut String, sources: &BTreeSet<&str>) {
        html.push_str("<form id=\"filters\" class=\"filters\" hidden>\n<label>Verdict <select id=\"filter-verdict\"><option value=\"\">all</option>");
        for verdict in VERDICTS {
            html.push_str(&format!(
                "<option value=\"{v}\">{v}</option>",
                v = verdict.as_str()
            ));
        }
        html.push_str("</select></label>\n<label>Source <select id=\"filter-source\"><option value=\"\">all</option>");
        for source in sources {
            html.push_str(&format!(
                "<option value=\"{s}\">{s}</option>",
                s = escape(source)
            ));
        }
        html.push_str("</select></label>\n<label><input type=\"checkbox\" id=\"filter-new\"> new only</label>\n<output id=\"filter-count\"></output>\n</form>\n");
        html.push_str("<noscript><p class=\"note\">Filters need JavaScript; every finding is shown.</p></noscript>\n");
    }

    fn quantities(&self, html: &mut String) {
        let (catalog, outcome) = (self.view.catalog, self.view.outcome);
        html.push_str("<section id=\"quantities\">\n<h2>Quantities</h2>\n");
        for &q in &self.order {
            let quantity = &catalog.quantities[q];
            let claims = self.plotted_claims(q);
            let sources: BTreeSet<&str> = self.claims_of[q]
                .iter()
                .map(|&c| outcome.claims[c].source.as_str())
                .collect();
            html.push_str(&format!(
                "<section class=\"quantity\" id=\"{}\">\n<h3>{}</h3>\n<p class=\"description\">{}</p>\n",
                anchor(&quantity.id),
                escape(&quantity.id),
                escape(&quantity.description)
            ));
            let mut facts = vec![format!("unit: {}", escape(&quantity.unit))];
            facts.push(match quantity.period {
                Some(period) => format!("period: {period}"),
                None => "period: not given".to_string(),
            });
            facts.push(if quantity.cumulative {
                "cumulative (a longer period cannot hold less)".to_string()
            } else {
                "not cumulative".to_string()
            });
            facts.push(plural(sources.len(), "source", "sources"));
            html.push_str(&format!("<p class=\"facts\">{}</p>\n", facts.join(" · ")));
            if let Some(condensed) = outcome.condensed.iter().find(|c| c.quantity == q) {
                html.push_str(&format!(
                    "<p class=\"note\">{} Only the claims of its disputes are plotted and listed.</p>\n",
                    escape(&super::findings::compared_by_cluster(condensed))
                ));
            }
            if !claims.is_empty() {
                self.plot(html, q, &claims);
                self.claim_list(html, &claims);
            }
            let findings = &self.findings_of[q];
            let (pairs, relations): (Vec<usize>, Vec<usize>) = findings
                .iter()
                .partition(|&&f| outcome.findings[f].relation().is_none());
            if !pairs.is_empty() {
                html.push_str("<h4>Verdicts</h4>\n<ul class=\"verdicts\">\n");
                for &f in &pairs {
                    let finding = &outcome.findings[f];
                    let which: Vec<String> = finding
                        .claims()
                        .iter()
                        .map(|&c| match claims.iter().position(|&x| x == c) {
                            Some(n) => format!(
                                "<a href=\"#{}-{}\">[{}]</a>",
                                anchor(&quantity.id),
                                n + 1,
                                n + 1
                            ),
                            None => "[·]".to_string(),
                        })
                        .collect();
                    html.push_str(&format!(
                        "<li {}>{}: {}: {}</li>\n",
                        self.finding_attributes(f),
                        which.join(" × "),
                        self.verdict_badge(finding, f),
                        escape(&outcome.reason(finding))
                    ));
                }
                html.push_str("</ul>\n");
            }
            if !relations.is_empty() {
                html.push_str("<h4>Relations</h4>\n<ul class=\"relations\">\n");
                for &f in &relations {
                    self.relation(html, f);
                }
                html.push_str("</ul>\n");
            }
            html.push_str("</section>\n");
        }
        html.push_str("</section>\n</main>\n");
    }

    /// The claims plotted and listed: all of them, or for a quantity compared by
    /// cluster, those of its disputes.
    fn plotted_claims(&self, q: usize) -> Vec<usize> {
        let outcome = self.view.outcome;
        if !outcome.condensed.iter().any(|c| c.quantity == q) {
            return self.claims_of[q].clone();
        }
        let mut listed: Vec<usize> = self.findings_of[q]
            .iter()
            .filter(|&&f| self.view.severity(outcome.findings[f].verdict) != Severity::Note)
            .flat_map(|&f| outcome.findings[f].claims().iter().copied())
            .filter(|&c| outcome.claims[c].quantity == q)
            .collect();
        listed.sort_unstable();
        listed.dedup();
        listed
    }

    /// How a claim is drawn: by the loudest verdict of the pairs it is in.
    fn mark_of(&self, q: usize, claim: usize) -> Mark {
        let outcome = self.view.outcome;
        let loudest = self.findings_of[q]
            .iter()
            .map(|&f| &outcome.findings[f])
            .filter(|f| f.relation().is_none() && f.claims().contains(&claim))
            .map(|f| f.verdict)
            .max_by_key(|v| loudness(*v));
        match loudest {
            None => Mark::Alone,
            Some(Verdict::Contradiction | Verdict::ArithmeticMismatch) => Mark::Error,
            Some(Verdict::ScopeMismatch) => Mark::Warning,
            Some(_) => Mark::Agrees,
        }
    }

    fn plot(&self, html: &mut String, q: usize, claims: &[usize]) {
        let outcome = self.view.outcome;
        let labels: Vec<String> = claims
            .iter()
            .enumerate()
            .map(|(n, &c)| {
                let claim = &outcome.claims[c];
                match &claim.attributed_to {
                    Some(who) => format!("{}. {} ({who})", n + 1, claim.source),
                    None => format!("{}. {}", n + 1, claim.source),
                }
            })
            .collect();
        let titles: Vec<String> = claims
            .iter()
            .enumerate()
            .map(|(n, &c)| {
                let claim = &outcome.claims[c];
                format!(
                    "{}: {} ({}), read as {}",
                    labels[n],
                    claim.shown,
                    claim.place(),
                    show_interval(&claim.interval)
                )
            })
            .collect();
        let notes: Vec<String> = claims
            .iter()
            .map(|&c| {
                let claim = &outcome.claims[c];
                match claim.period {
                    Some(period) => format!("{} · {period}", claim.shown),
                    None => claim.shown.clone(),
                }
            })
            .collect();
        let rows: Vec<Row> = claims
            .iter()
            .enumerate()
            .map(|(n, &c)| {
                let claim = &outcome.claims[c];
                Row {
                    label: &labels[n],
                    interval: claim.interval,
                    value: claim.value.stated.value,
                    mark: self.mark_of(q, c),
                    note: &notes[n],
                    title: &titles[n],
                }
            })
            .collect();
        let id = &self.view.catalog.quantities[q].id;
        html.push_str("<figure>\n");
        html.push_str(&plot::svg(
            &rows,
            &format!(
                "{id}: one row per claim, its interval as a bar and its stated value as a mark"
            ),
        ));
        let marks: BTreeSet<&str> = rows.iter().map(|r| r.mark.legend()).collect();
        let scale = match plot::Axis::ratio(&rows) {
            Some(ratio) => format!(
                "Logarithmic axis: the largest value is {} times the smallest.",
                crate::reconcile::show_number((ratio * 10.0).round() / 10.0)
            ),
            None => "Linear axis.".to_string(),
        };
        html.push_str(&format!(
            "\n<figcaption>{scale} Bars: the values each claim allows; an arrow, no bound. Marks: {}.</figcaption>\n</figure>\n",
            marks.into_iter().collect::<Vec<_>>().join("; ")
        ));
    }

    fn claim_list(&self, html: &mut String, claims: &[usize]) {
        let (catalog, outcome) = (self.view.catalog, self.view.outcome);
        html.push_str("<ol class=\"claims\">\n");
        for (n, &c) in claims.iter().enumerate() {
            let claim = &outcome.claims[c];
            let id = &catalog.quantities[claim.quantity].id;
            html.push_str(&format!(
                "<li class=\"claim\" id=\"{}-{}\" data-source=\"{}\">",
                anchor(id),
                n + 1,
                escape(&claim.source)
            ));
            html.push_str(&format!(
                "<p class=\"figure\"><strong>{}</strong> — {}",
                escape(&claim.shown),
                self.source_line(claim)
            ));
            if let Some(who) = &claim.attributed_to {
                html.push_str(&format!("; attributed to <bdi>{}</bdi>", escape(who)));
            }
            html.push_str("</p>\n");
            let mut facts = vec![format!("at <code>{}</code>", escape(&claim.place()))];
            if let ClaimOrigin::File {
                page: Some(page), ..
            } = &claim.origin
            {
                facts.push(escape(page));
            }
            facts.push(format!(
                "read as {}",
                escape(&show_interval(&claim.interval))
            ));
            if let Some(period) = claim.period {
                facts.push(format!("period {period}"));
            }
            html.push_str(&format!("<p class=\"facts\">{}</p>\n", facts.join(" · ")));
            match &claim.origin {
                ClaimOrigin::Document { sentence, .. } => {
                    html.push_str(&format!(
                        "<blockquote dir=\"auto\">{}</blockquote>\n",
                        marked(sentence, &claim.value.text)
                    ));
                }
                ClaimOrigin::File {
                    quote: Some(quote), ..
                } => {
                    html.push_str(&format!(
                        "<blockquote dir=\"auto\">{}</blockquote>\n",
                        marked(quote, &claim.value.text)
                    ));
                }
                ClaimOrigin::File { .. } => {}
            }
            html.push_str("</li>\n");
        }
        html.push_str("</ol>\n");
    }

    /// The source's id with what the catalog knows of it: title, author, outlet, date.
    fn source_line(&self, claim: &ClaimRecord) -> String {
        let source: Option<&Source> = self
            .view
            .catalog
            .sources
            .iter()
            .find(|s| s.id == claim.source);
        let mut line = format!("<bdi class=\"source\">{}</bdi>", escape(&claim.source));
        if let Some(source) = source {
            let mut about = vec![format!("<cite>{}</cite>", escape(&source.title))];
            about.extend(source.author.iter().map(|a| escape(a)));
            about.extend(source.outlet.iter().map(|o| escape(o)));
            about.extend(source.date.iter().map(|d| escape(d)));
            line.push_str(&format!(": {}", about.join(", ")));
        }
        line
    }

    /// A relation's finding: the equation, both sides computed, the claims of each side.
    fn relation(&self, html: &mut String, f: usize) {
        let (catalog, outcome) = (self.view.catalog, self.view.outcome);
        let finding = &outcome.findings[f];
        let Some(r) = finding.relation() else {
            return;
        };
        let relation = &catalog.relations[r];
        html.push_str(&format!(
            "<li {}><p><code>{}</code> {}: {}</p>\n",
            self.finding_attributes(f),
            escape(&relation.expr),
            self.verdict_badge(finding, f),
            escape(&outcome.reason(finding))
        ));
        if let Some((left, right)) = finding.sides() {
            let side_of = |claim: &ClaimRecord, expr: &Expr| names(expr, claim.quantity);
            let mut left_claims = Vec::new();
            let mut right_claims = Vec::new();
            for &c in finding.claims() {
                let claim = &outcome.claims[c];
                let text = format!(
                    "{} ({}, {})",
                    escape(&claim.shown),
                    escape(&claim.source),
                    escape(&catalog.quantities[claim.quantity].id)
                );
                if side_of(claim, &relation.equation.left) {
                    left_claims.push(text);
                } else if side_of(claim, &relation.equation.right) {
                    right_claims.push(text);
                }
            }
            html.push_str(&format!(
                "<div class=\"wide\"><table class=\"sides\"><tr><th scope=\"row\">left side</th><td>{}</td><td>{}</td></tr><tr><th scope=\"row\">right side</th><td>{}</td><td>{}</td></tr></table></div>\n",
                escape(&show_interval(&left)),
                left_claims.join("; "),
                escape(&show_interval(&right)),
                right_claims.join("; ")
            ));
        }
        html.push_str("</li>\n");
    }

    /// The attributes the filters read: verdict, sources, whether new.
    fn finding_attributes(&self, f: usize) -> String {
        let outcome = self.view.outcome;
        let finding = &outcome.findings[f];
        let sources: BTreeSet<&str> = finding
            .claims()
            .iter()
            .map(|&c| outcome.claims[c].source.as_str())
            .collect();
        format!(
            "class=\"finding v-{}\" data-verdict=\"{}\" data-sources=\"{}\" data-new=\"{}\"",
            finding.verdict.as_str(),
            finding.verdict.as_str(),
            escape(&serde_json::to_string(&sources).unwrap_or_default()),
            self.view.is_new(f)
        )
    }

    fn verdict_badge(&self, finding: &Finding, f: usize) -> String {
        let diagnosis = finding
            .diagnosis
            .map(|d| format!(" ({})", d.as_str()))
            .unwrap_or_default();
        let state =
            if !self.view.gate.marks_new || self.view.severity(finding.verdict) == Severity::Note {
                ""
            } else if self.view.is_new(f) {
                " <span class=\"new\">new</span>"
            } else {
                " <span class=\"known\">in baseline</span>"
            };
        format!(
            "<span class=\"verdict\">{} {}{}</span>{state}",
            symbol(finding.verdict),
            finding.verdict.as_str(),
            escape(&diagnosis)
        )
    }
}

/// Whether `expr` names quantity `q`.
fn names(expr: &Expr, q: usize) -> bool {
    match expr {
        Expr::Quantity(x) | Expr::QuantityAt(x, _) => *x == q,
        Expr::Neg(inner) => names(inner, q),
        Expr::Binary(_, left, right) => names(left, q) || names(right, q),
        Expr::Number(..) | Expr::Claim(_) | Expr::Pin(_) => false,
    }
}

/// A shape beside each verdict's name, so that colour is never alone.
fn symbol(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Contradiction | Verdict::ArithmeticMismatch => "✗",
        Verdict::ScopeMismatch => "!",
        _ => "✓",
    }
}

/// A quantity's element id: `q-` and its id, which claim files keep to `[a-z0-9_]`;
/// anything else is replaced.
fn anchor(id: &str) -> String {
    let safe: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("q-{safe}")
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub(super) const STYLE: &str = r#":root { --error: #b3261e; --warning: #9a5b00; --ok: #1b6e3a; --alone: #5f6368; --ink: #1f1f1f; --line: #d0d0d0; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0 auto; padding: 1rem; max-width: 60rem; }
h1 { margin: 0 0 .5rem; } h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); } h3 { margin: 0; }
[hidden] { display: none !important; }
.wide { max-width: 100%; overflow-x: auto; } select { max-width: 100%; }
.counts { border-collapse: collapse; margin: .5rem 0; } .counts th, .counts td { border: 1px solid var(--line); padding: .2rem .6rem; text-align: left; }
.filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; padding: .5rem; background: #f4f4f4; position: sticky; top: 0; z-index: 1; }
.quantity { border-top: 2px solid var(--line); padding-top: 1rem; margin-top: 1.5rem; }
.description { margin: .2rem 0; } .facts { color: #444; margin: .2rem 0; font-size: .92rem; }
blockquote { margin: .3rem 0 .3rem 1rem; padding-left: .6rem; border-left: 3px solid var(--line); overflow-wrap: anywhere; }
mark { background: #ffe082; padding: 0 .1em; }
code { overflow-wrap: anywhere; }
.claims li, .verdicts li, .relations li, .disputes li { margin-bottom: .6rem; overflow-wrap: anywhere; }
.verdict { font-weight: 600; } .v-contradiction .verdict, .v-arithmetic_mismatch .verdict { color: var(--error); } .v-scope_mismatch .verdict { color: var(--warning); }
.v-agreement .verdict, .v-within_rounding .verdict, .v-within_approximation .verdict { color: var(--ok); }
.new { background: var(--error); color: #fff; border-radius: 3px; padding: 0 .3em; font-size: .8rem; } .known { border: 1px solid var(--alone); border-radius: 3px; padding: 0 .3em; font-size: .8rem; }
.sides { border-collapse: collapse; font-size: .92rem; } .sides th, .sides td { border: 1px solid var(--line); padding: .1rem .4rem; text-align: left; }
figure { margin: .5rem 0; } figcaption { font-size: .85rem; color: #444; }
svg.plot { width: 100%; height: auto; font-size: 12px; }
svg .label { fill: var(--ink); } svg .note { fill: #333; font-size: 10.5px; } svg .tick { fill: #444; font-size: 11px; } svg .grid { stroke: #eee; } svg .axis { stroke: #999; }
svg .bar { stroke-width: 4; stroke-linecap: round; opacity: .55; } svg .arrow { fill: none; stroke-width: 2; }
svg .m-error .bar, svg .m-error .arrow, svg .m-error .dot { stroke: var(--error); } svg .m-error .dot { stroke-width: 3; fill: none; }
svg .m-warning .bar, svg .m-warning .arrow { stroke: var(--warning); } svg .m-warning .dot { fill: var(--warning); }
svg .m-agrees .bar, svg .m-agrees .arrow { stroke: var(--ok); } svg .m-agrees .dot { fill: var(--ok); }
svg .m-alone .bar, svg .m-alone .arrow { stroke: var(--alone); } svg .m-alone .dot { fill: var(--alone); }
.note { font-style: italic; } .who { color: #444; font-size: .9rem; }
@media print { .filters, noscript { display: none !important; } .quantity { break-inside: avoid-page; } body { max-width: none; } a { color: inherit; text-decoration: none; } }
@media (max-width: 40rem) { body { padding: .5rem; font-size: 15px; } .counts { font-size: .85rem; } }
"#;

/// Shows the filters and applies them: a finding (or a discovered candidate) is hidden
/// unless it has the verdict (or tier), a claim of the source (or document) and, with
/// "new only" where the page has it, is new; a quantity is hidden when a filter is set
/// and none of its findings is shown. Both HTML pages use it.
pub(super) const SCRIPT: &str = r##"<script>
(function () {
  var form = document.getElementById("filters");
  var verdict = document.getElementById("filter-verdict");
  var source = document.getElementById("filter-source");
  var fresh = document.getElementById("filter-new");
  var count = document.getElementById("filter-count");
  var findings = Array.prototype.slice.call(document.querySelectorAll(".finding"));
  var quantities = Array.prototype.slice.call(document.querySelectorAll("section.quantity"));
  function apply() {
    var v = verdict.value, s = source.value, n = fresh !== null && fresh.checked, shown = 0;
    findings.forEach(function (f) {
      var ok = (!v || f.getAttribute("data-verdict") === v)
        && (!s || JSON.parse(f.getAttribute("data-sources")).indexOf(s) >= 0)
        && (!n || f.getAttribute("data-new") === "true");
      f.hidden = !ok;
      if (ok && !f.closest("#disputes")) { shown += 1; }
    });
    var active = v || s || n;
    quantities.forEach(function (q) {
      q.hidden = Boolean(active) && !q.querySelector(".finding:not([hidden])");
    });
    count.textContent = active ? shown + " shown" : "";
  }
  verdict.addEventListener("change", apply);
  source.addEventListener("change", apply);
  if (fresh !== null) { fresh.addEventListener("change", apply); }
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.hidden = false;
  apply();
})();
</script>
"##;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_keep_ids_safe() {
        assert_eq!(anchor("arrested_1937_1938"), "q-arrested_1937_1938");
        assert_eq!(anchor("a\" onload=\"x"), "q-a__onload__x");
    }
}
