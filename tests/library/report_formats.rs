//! The check report's formats for pull requests, spreadsheets and CI (Markdown, CSV,
//! GitHub workflow commands, SARIF), rendered through the library from the second
//! corpus: what each of their readers relies on, with and without a baseline.

use std::io::{self, Write};
use std::path::Path;

use crosscheck::baseline::{self, Gate};
use crosscheck::claims::Catalog;
use crosscheck::reconcile::{ClaimOrigin, Outcome};
use crosscheck::reconcile::{Diagnosis, Involved, Severities, Severity, Verdict};
use crosscheck::report::{
    findings_csv, findings_github, findings_markdown, findings_sarif, CheckView,
};
use serde_json::json;

type Writer = fn(&mut dyn Write, &CheckView) -> io::Result<()>;

fn corpus() -> (Catalog, Outcome) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/second_corpus");
    crate::common::project::check(&root, "docs", "claims")
}

/// As the CLI shows a run without a baseline: every finding new, default severities.
fn view<'a>(catalog: &'a Catalog, outcome: &'a Outcome) -> CheckView<'a> {
    CheckView {
        catalog,
        outcome,
        color: false,
        width: Some(120),
        gate: Gate::new(None, &outcome.findings, &Severities::default()),
        severities: Severities::default(),
    }
}

fn render(write: Writer, view: &CheckView) -> String {
    let mut out = Vec::new();
    write(&mut out, view).expect("writing to a Vec does not fail");
    String::from_utf8(out).expect("reports are UTF-8")
}

/// The findings of severity error or warning, in report order.
fn loud(outcome: &Outcome) -> Vec<usize> {
    (0..outcome.findings.len())
        .filter(|&f| outcome.findings[f].verdict.default_severity() != Severity::Note)
        .collect()
}

/// The finding with this diagnosis.
fn diagnosed(outcome: &Outcome, diagnosis: Diagnosis) -> usize {
    outcome
        .findings
        .iter()
        .position(|f| f.diagnosis == Some(diagnosis))
        .unwrap_or_else(|| panic!("no finding diagnosed {diagnosis}"))
}

fn verdict_of(outcome: &Outcome, verdict: Verdict) -> usize {
    outcome
        .findings
        .iter()
        .position(|f| f.verdict == verdict)
        .unwrap_or_else(|| panic!("no {verdict} finding"))
}

/// A baseline accepting the transposed digits and the scope mismatch.
fn with_baseline<'a>(catalog: &'a Catalog, outcome: &'a Outcome) -> (CheckView<'a>, Vec<usize>) {
    let known = vec![
        diagnosed(outcome, Diagnosis::DigitsTransposed),
        verdict_of(outcome, Verdict::ScopeMismatch),
    ];
    let mut text = String::new();
    for &f in &known {
        let finding = &outcome.findings[f];
        text.push_str(&format!(
            "[[finding]]\nfingerprint = \"{}\"\nquantity = \"{}\"\nverdict = \"{}\"\n",
            finding.fingerprint,
            catalog.quantities[finding.quantity].id,
            finding.verdict.as_str()
        ));
    }
    static BASELINES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let path = std::env::temp_dir().join(format!(
        "crosscheck-report-formats-baseline-{}-{}.toml",
        std::process::id(),
        BASELINES.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    ));
    std::fs::write(&path, text).expect("a scratch baseline");
    let baseline = baseline::load(&path).expect("the baseline loads");
    let _ = std::fs::remove_file(&path);
    let mut view = view(catalog, outcome);
    view.gate = Gate::new(baseline.as_ref(), &outcome.findings, &view.severities);
    (view, known)
}

#[test]
fn the_corpus_has_errors_warnings_and_notes() {
    let (_, outcome) = corpus();
    let severities: Vec<Severity> = loud(&outcome)
        .iter()
        .map(|&f| outcome.findings[f].verdict.default_severity())
        .collect();
    assert_eq!(severities.len(), 5, "{:#?}", outcome.findings);
    assert!(severities.contains(&Severity::Warning));
    assert!(outcome.findings.len() > severities.len());
}

// --- Markdown --------------------------------------------------------------------

/// The table rows of a Markdown document (not the header or the delimiter row).
fn table_rows(markdown: &str) -> Vec<&str> {
    markdown
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| verdict") && !l.starts_with("| ---"))
        .collect()
}

/// The cell delimiters of a table row: pipes not escaped by a backslash.
fn delimiters(row: &str) -> usize {
    let mut count = 0;
    let mut escaped = false;
    for c in row.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => count += 1,
            _ => escaped = false,
        }
        if c != '\\' {
            escaped = false;
        }
    }
    count
}

#[test]
fn markdown_has_a_row_per_new_error_or_warning() {
    let (catalog, outcome) = corpus();
    let markdown = render(findings_markdown::write, &view(&catalog, &outcome));
    assert!(
        markdown.starts_with("## crosscheck: 4 new errors, 1 new warning\n"),
        "{markdown}"
    );
    assert!(markdown.contains("### New findings"), "{markdown}");
    let rows = table_rows(&markdown);
    assert_eq!(rows.len(), loud(&outcome).len(), "{markdown}");
    for row in &rows {
        assert_eq!(delimiters(row), 5, "four cells: {row}");
    }
    let transposed = rows
        .iter()
        .find(|r| r.contains("`digits_transposed`"))
        .expect("a row for the transposed digits");
    assert!(transposed.starts_with("| `contradiction` (`digits_transposed`) |"));
    assert!(transposed.contains("4,512 (`docs/01_valmont_herald.txt:12`)"));
    assert!(transposed.contains("4,152 (`docs/02_riverwatch_report.txt:13`)"));
    // Errors come first.
    assert!(rows[..4].iter().all(|r| !r.contains("`scope_mismatch`")));
    // Notes are counted, not listed; without a baseline nothing is "known".
    let notes = outcome.findings.len() - rows.len();
    assert!(markdown.contains(&format!("{notes} findings of severity note")));
    assert!(!markdown.contains("<details>"));
    assert!(!markdown.contains("`agreement`"));
}

#[test]
fn markdown_escapes_pipes_newlines_and_emphasis() {
    let (catalog, mut outcome) = corpus();
    let f = diagnosed(&outcome, Diagnosis::DigitsTransposed);
    // The reason quotes the figures as written: make one of them awkward.
    for &c in outcome.findings[f].claims() {
        outcome.claims[c].shown = "4,512 | 4,152 *differ*\nby a swap".to_string();
    }
    let markdown = render(findings_markdown::write, &view(&catalog, &outcome));
    let row = table_rows(&markdown)
        .into_iter()
        .find(|r| r.contains("`digits_transposed`"))
        .expect("a row for the transposed digits");
    assert!(
        row.ends_with(
            "| 4,512 \\| 4,152 \\*differ\\*<br>by a swap and 4,512 \\| 4,152 \\*differ\\*<br>\
             by a swap differ only by two adjacent digits swapped |"
        ),
        "{row}"
    );
    assert_eq!(delimiters(row), 5, "{row}");
    // The arithmetic reason holds a `*` of its own.
    let arithmetic = table_rows(&markdown)
        .into_iter()
        .find(|r| r.contains("`arithmetic_mismatch`"))
        .expect("a row for the arithmetic");
    assert!(arithmetic.contains("62% \\* 1,830"), "{arithmetic}");
}

#[test]
fn markdown_with_a_baseline_lists_known_findings_apart() {
    let (catalog, outcome) = corpus();
    let (view, known) = with_baseline(&catalog, &outcome);
    let markdown = render(findings_markdown::write, &view);
    assert!(
        markdown.starts_with("## crosscheck: 3 new errors, 0 new warnings\n"),
        "{markdown}"
    );
    let (new_part, known_part) = markdown
        .split_once("<details>")
        .expect("a section for known findings");
    assert_eq!(
        table_rows(new_part).len(),
        loud(&outcome).len() - known.len()
    );
    assert!(!new_part.contains("`digits_transposed`"));
    assert!(!new_part.contains("`scope_mismatch`"));
    assert!(known_part.contains("<summary>Known findings: 2, accepted in the baseline</summary>"));
    assert_eq!(table_rows(known_part).len(), known.len());
    assert!(known_part.contains("`digits_transposed`"));
    assert!(known_part.contains("`scope_mismatch`"));
    assert!(known_part.contains("</details>"));
}

// --- CSV -------------------------------------------------------------------------

/// Reads RFC 4180 CSV strictly: quoted fields with doubled quotes, CRLF after every
/// record.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                    assert!(
                        matches!(chars.peek(), Some(',') | Some('\r')),
                        "a closing quote ends the field"
                    );
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if at_start => {
                quoted = true;
                at_start = false;
                continue;
            }
            '"' => panic!("a quote inside an unquoted field"),
            ',' => {
                record.push(std::mem::take(&mut field));
                at_start = true;
                continue;
            }
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "records end with CRLF");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                at_start = true;
                continue;
            }
            '\n' => panic!("a bare LF outside quotes"),
            _ => field.push(c),
        }
        at_start = false;
    }
    assert!(!quoted, "an unclosed quote");
    assert!(
        record.is_empty() && field.is_empty(),
        "the last record ends with CRLF"
    );
    records
}

#[test]
fn csv_has_a_header_and_one_row_per_finding() {
    let (catalog, outcome) = corpus();
    let csv = render(findings_csv::write, &view(&catalog, &outcome));
    let records = read_csv(&csv);
    assert_eq!(
        records[0].join(","),
        "fingerprint,quantity,verdict,diagnosis,severity,new,reason,claim_1,place_1,claim_2,place_2"
    );
    assert_eq!(records.len(), outcome.findings.len() + 1);
    for (record, finding) in records[1..].iter().zip(&outcome.findings) {
        assert_eq!(record.len(), 11, "{record:?}");
        assert_eq!(record[0], finding.fingerprint.to_string());
        assert_eq!(record[1], catalog.quantities[finding.quantity].id);
        assert_eq!(record[2], finding.verdict.as_str());
        assert_eq!(record[3], finding.diagnosis.map_or("", |d| d.as_str()));
        assert_eq!(record[4], finding.verdict.default_severity().as_str());
        assert_eq!(record[5], "true");
        // Reasons hold commas ("9,300 (since 2010) is smaller than 9,840 ..."): quoted.
        assert_eq!(record[6], outcome.reason(finding));
        assert_eq!(record[7], outcome.claims[finding.claims()[0]].shown);
        assert_eq!(record[8], outcome.claims[finding.claims()[0]].place());
        assert_eq!(record[9], outcome.claims[finding.claims()[1]].shown);
        assert_eq!(record[10], outcome.claims[finding.claims()[1]].place());
    }
    let transposed = &records[1 + diagnosed(&outcome, Diagnosis::DigitsTransposed)];
    assert_eq!(transposed[7], "4,152");
    assert_eq!(transposed[8], "docs/02_riverwatch_report.txt:13:15");
    assert!(csv.contains(",\"4,152\",docs/02_riverwatch_report.txt:13:15,"));
}

#[test]
fn csv_quotes_awkward_reasons_and_joins_extra_claims() {
    let (catalog, mut outcome) = corpus();
    let f = verdict_of(&outcome, Verdict::ArithmeticMismatch);
    let awkward = "the \"share\", recomputed,\r\ndoes not hold";
    let extra = diagnosed(&outcome, Diagnosis::DigitsTransposed);
    let extra_claim = outcome.findings[extra].claims()[0];
    let finding = &mut outcome.findings[f];
    finding.arithmetic.as_mut().expect("a relation").reason = awkward.to_string();
    let mut involved = finding.claims().to_vec();
    involved.push(extra_claim);
    finding.claims = Involved::Many(involved.into());
    let csv = render(findings_csv::write, &view(&catalog, &outcome));
    assert!(csv.contains("\"the \"\"share\"\", recomputed,\r\ndoes not hold\""));
    let records = read_csv(&csv);
    assert_eq!(records.len(), outcome.findings.len() + 1);
    let record = &records[1 + f];
    assert_eq!(record.len(), 11);
    assert_eq!(record[6], awkward);
    let second = &outcome.claims[outcome.findings[f].claims()[1]];
    assert_eq!(record[9], format!("{}; 4,152", second.shown));
    assert_eq!(
        record[10],
        format!("{}; docs/02_riverwatch_report.txt:13:15", second.place())
    );
}

// --- GitHub workflow commands ----------------------------------------------------

/// `::error file=…,line=…,col=…,title=…::message` → (command, properties, message).
fn command(line: &str) -> (&str, Vec<(&str, &str)>, &str) {
    let rest = line.strip_prefix("::").expect("a workflow command");
    let (head, message) = rest.split_once("::").expect("properties, then the message");
    let (name, properties) = head.split_once(' ').expect("properties");
    let properties = properties
        .split(',')
        .map(|p| p.split_once('=').expect("name=value"))
        .collect();
    (name, properties, message)
}

fn property<'a>(properties: &[(&str, &'a str)], name: &str) -> &'a str {
    properties
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| *v)
        .unwrap_or_else(|| panic!("no {name} in {properties:?}"))
}

#[test]
fn github_annotates_each_figure_of_new_errors_and_warnings() {
    let (catalog, outcome) = corpus();
    let github = render(findings_github::write, &view(&catalog, &outcome));
    let lines: Vec<&str> = github.lines().collect();
    let expected: usize = loud(&outcome)
        .iter()
        .map(|&f| outcome.findings[f].claims().len())
        .sum();
    assert_eq!(lines.len(), expected, "{github}");
    for line in &lines {
        assert!(
            line.starts_with("::error file=") || line.starts_with("::warning file="),
            "{line}"
        );
        let (_, properties, _) = command(line);
        assert!(property(&properties, "line").parse::<usize>().unwrap() >= 1);
        assert!(property(&properties, "col").parse::<usize>().unwrap() >= 1);
    }
    assert_eq!(
        lines.iter().filter(|l| l.starts_with("::warning")).count(),
        2,
        "the two figures of the scope mismatch"
    );
    let herald = lines
        .iter()
        .find(|l| l.starts_with("::error file=docs/01_valmont_herald.txt,line=12,"))
        .expect("the transposed figure in the herald");
    let (name, properties, message) = command(herald);
    assert_eq!(name, "error");
    assert_eq!(property(&properties, "col"), "37");
    assert_eq!(property(&properties, "title"), "crosscheck contradiction");
    assert_eq!(
        message,
        "4,512 and 4,152 differ only by two adjacent digits swapped \
         (other figure: 4,152 at docs/02_riverwatch_report.txt:13:15)"
    );
    // Notes write nothing: no annotation quotes an agreement.
    assert!(!github.contains("state the same value"));
}

#[test]
fn github_escapes_messages_and_properties() {
    let (catalog, mut outcome) = corpus();
    let f = diagnosed(&outcome, Diagnosis::DigitsTransposed);
    let claim = outcome.findings[f].claims()[0];
    // The reason quotes the figures as written: make one of them awkward.
    outcome.claims[claim].shown = "100% off,\r\nreally: yes".to_string();
    if let ClaimOrigin::Document { name, .. } = &mut outcome.claims[claim].origin {
        *name = "docs/a,b:c%.txt".to_string();
    }
    let github = render(findings_github::write, &view(&catalog, &outcome));
    assert!(!github.contains('\r'));
    let line = github
        .lines()
        .find(|l| l.contains("file=docs/a%2Cb%3Ac%25.txt,line=13,col=15,"))
        .unwrap_or_else(|| panic!("the renamed document, escaped: {github}"));
    let (_, _, message) = command(line);
    assert!(
        message.starts_with(
            "4,512 and 100%25 off,%0D%0Areally: yes differ only by two adjacent digits swapped \
             (other figure: 4,512 at "
        ),
        "{message}"
    );
    // The other claim's annotation names the renamed document in its message, where a
    // comma and a colon need no escape.
    assert!(
        github.contains("(other figure: 100%25 off,%0D%0Areally: yes at docs/a,b:c%25.txt:13:15)")
    );
}

#[test]
fn github_is_silent_about_known_findings() {
    let (catalog, outcome) = corpus();
    let (view, known) = with_baseline(&catalog, &outcome);
    let github = render(findings_github::write, &view);
    let expected: usize = loud(&outcome)
        .iter()
        .filter(|f| !known.contains(f))
        .map(|&f| outcome.findings[f].claims().len())
        .sum();
    assert_eq!(github.lines().count(), expected, "{github}");
    for &f in &known {
        assert!(
            !github.contains(&outcome.reason(&outcome.findings[f])),
            "{github}"
        );
    }
    assert!(!github.contains("::warning"), "the scope mismatch is known");
}

// --- SARIF -----------------------------------------------------------------------

fn read_sarif(text: &str) -> serde_sarif::sarif::Sarif {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not SARIF: {e}\n{text}"))
}

#[test]
fn sarif_reads_back_as_a_typed_log() {
    let (catalog, outcome) = corpus();
    let text = render(findings_sarif::write, &view(&catalog, &outcome));
    let sarif = read_sarif(&text);
    assert_eq!(sarif.version, json!("2.1.0"));
    assert_eq!(
        sarif.schema.as_deref(),
        Some("https://json.schemastore.org/sarif-2.1.0.json")
    );
    assert_eq!(sarif.runs.len(), 1);
    let run = &sarif.runs[0];
    let driver = &run.tool.driver;
    assert_eq!(driver.name, "crosscheck");
    assert_eq!(driver.version.as_deref(), Some(env!("CARGO_PKG_VERSION")));
    assert!(driver.information_uri.is_none());
    assert_eq!(run.column_kind, Some(json!("unicodeCodePoints")));

    let rules = driver.rules.as_ref().expect("rules");
    let ids: Vec<&str> = rules.iter().map(|r| r.id.as_str()).collect();
    let names: Vec<&str> = Verdict::ALL.iter().map(|v| v.as_str()).collect();
    assert_eq!(ids, names);
    for (rule, verdict) in rules.iter().zip(Verdict::ALL) {
        let level = rule
            .default_configuration
            .as_ref()
            .and_then(|c| c.level.clone());
        assert_eq!(level, Some(json!(verdict.default_severity().as_str())));
        assert!(rule.short_description.is_some() && rule.full_description.is_some());
    }

    let results = run.results.as_ref().expect("results");
    assert_eq!(results.len(), loud(&outcome).len());
    for (result, &f) in results.iter().zip(&loud(&outcome)) {
        let finding = &outcome.findings[f];
        let rule_id = result.rule_id.as_deref().expect("ruleId");
        assert!(ids.contains(&rule_id), "{rule_id}");
        assert_eq!(rule_id, finding.verdict.as_str());
        let index = usize::try_from(result.rule_index.expect("ruleIndex")).unwrap();
        assert_eq!(ids[index], rule_id);
        let level = serde_json::to_value(result.level.expect("level")).unwrap();
        assert_eq!(level, json!(finding.verdict.default_severity().as_str()));
        assert_eq!(
            result.message.text.as_deref(),
            Some(outcome.reason(finding).as_str())
        );
        let fingerprints = result.partial_fingerprints.as_ref().expect("fingerprints");
        assert_eq!(
            fingerprints.get("crosscheck/v1"),
            Some(&finding.fingerprint.to_string())
        );
        assert!(result.baseline_state.is_none(), "no baseline, no state");
        let locations = result.locations.as_ref().expect("locations");
        assert_eq!(locations.len(), finding.claims().len());
        for location in locations {
            let physical = location.physical_location.as_ref().expect("physical");
            let uri = physical
                .artifact_location
                .as_ref()
                .and_then(|a| a.uri.as_deref())
                .expect("uri");
            assert!(
                uri.starts_with("docs/") || uri.starts_with("file:///"),
                "{uri}"
            );
            let region = physical.region.as_ref().expect("region");
            assert!(region.start_line.expect("startLine") >= 1);
            assert!(region.start_column.expect("startColumn") >= 1);
        }
        let properties = &result.properties.as_ref().expect("properties");
        let bag = &properties.additional_properties;
        assert_eq!(bag.get("new"), Some(&json!(true)));
        assert_eq!(
            bag.get("quantity"),
            Some(&json!(catalog.quantities[finding.quantity].id))
        );
        assert_eq!(
            bag.get("diagnosis"),
            Some(&json!(finding.diagnosis.map(|d| d.as_str())))
        );
    }

    // A document claim's region covers the figure: "over 400" is written "400".
    let magnitude = diagnosed(&outcome, Diagnosis::OrderOfMagnitude);
    let result = &results[loud(&outcome).iter().position(|&f| f == magnitude).unwrap()];
    let encyclopedia = result
        .locations
        .as_ref()
        .unwrap()
        .iter()
        .filter_map(|l| l.physical_location.as_ref())
        .find(|p| {
            p.artifact_location.as_ref().and_then(|a| a.uri.as_deref())
                == Some("docs/04_encyclopedia_orle_flood.txt")
        })
        .expect("the encyclopedia's figure");
    let region = encyclopedia.region.as_ref().unwrap();
    assert_eq!(
        (region.start_line, region.start_column, region.end_column),
        (Some(25), Some(11), Some(14))
    );
}

#[test]
fn sarif_marks_known_findings_unchanged() {
    let (catalog, outcome) = corpus();
    let (view, known) = with_baseline(&catalog, &outcome);
    let sarif = read_sarif(&render(findings_sarif::write, &view));
    let results = sarif.runs[0].results.as_ref().expect("results");
    assert_eq!(results.len(), loud(&outcome).len());
    for (result, &f) in results.iter().zip(&loud(&outcome)) {
        let is_known = known.contains(&f);
        let state = if is_known { "unchanged" } else { "new" };
        assert_eq!(result.baseline_state, Some(json!(state)), "finding {f}");
        let bag = &result.properties.as_ref().unwrap().additional_properties;
        assert_eq!(bag.get("new"), Some(&json!(!is_known)));
    }
}
