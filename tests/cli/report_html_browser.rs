//! The HTML report of the seeds, opened in headless Chromium as a reader would: no
//! console errors, every contradiction and arithmetic mismatch listed with both
//! figures, a plot per quantity with one mark per claim, and the filters hiding and
//! showing findings, and nothing wider than a phone's screen. `UPDATE_SCREENSHOTS=1` also writes the two screenshots the README
//! shows (`docs/report-top.png`, `docs/report-quantity.png`). Without Chromium and
//! chromedriver (`.ci/run` installs them) the test says that it cannot run.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::support::browser::Browser;
use crate::support::Scratch;

fn crosscheck(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .output()
        .expect("run crosscheck")
}

fn strings(value: Value) -> Vec<String> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {value}"))
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_string())
        .collect()
}

/// How many quantities the claims are keyed to, as the table report's summary says.
fn quantities_keyed() -> usize {
    let table = String::from_utf8(crosscheck(&["check"]).stdout).expect("UTF-8");
    let summary = table.lines().last().expect("a summary line");
    let before = summary.split(" quantities").next().expect("N quantities");
    before
        .rsplit(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count in: {summary}"))
}

#[test]
fn the_seeds_report_reads_in_a_browser() {
    let scratch = Scratch::new("report-html-browser");
    let page = scratch.path("report.html");
    let output = crosscheck(&[
        "check",
        "--format",
        "html",
        "--output",
        page.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let size = std::fs::metadata(&page).expect("the page").len();
    assert!(size < 300_000, "the seeds' report is {size} bytes");
    let report: Value =
        serde_json::from_slice(&crosscheck(&["check", "--format", "json"]).stdout).expect("JSON");

    let Some(browser) = Browser::start_or_say_why() else {
        return;
    };
    browser.set_window_size(1200, 1000);
    browser.open(&page);
    assert_eq!(browser.console_errors(), Vec::<String>::new());

    // Every dispute at the top, with both of its figures.
    let listed = strings(browser.script(
        "return Array.from(document.querySelectorAll('#disputes li')).map(li => li.textContent)",
    ));
    let disputes: Vec<&Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            matches!(
                f["verdict"].as_str(),
                Some("contradiction" | "arithmetic_mismatch")
            )
        })
        .collect();
    assert_eq!(listed.len(), disputes.len(), "{listed:#?}");
    for finding in &disputes {
        let reason = finding["reason"].as_str().unwrap();
        assert!(
            listed.iter().any(|line| line.contains(reason)),
            "not listed: {reason}"
        );
        for claim in finding["claims"].as_array().unwrap() {
            let shown = claim["shown"].as_str().unwrap();
            assert!(
                listed
                    .iter()
                    .any(|line| line.contains(reason) && line.contains(shown)),
                "{shown} not shown with: {reason}"
            );
        }
    }

    // A plot per quantity, one mark per claim.
    let plots = browser.script(
        "return Array.from(document.querySelectorAll('section.quantity')).map(s => [s.id, s.querySelectorAll('svg.plot g.mark').length, s.querySelectorAll('li.claim').length])",
    );
    let plots = plots.as_array().unwrap();
    assert_eq!(plots.len(), quantities_keyed(), "{plots:?}");
    let mut marks = 0;
    for plot in plots {
        assert_eq!(plot[1], plot[2], "marks and claims of {plot}");
        assert!(plot[1].as_u64().unwrap() > 0, "{plot}");
        marks += plot[1].as_u64().unwrap();
    }
    assert_eq!(marks, report["summary"]["claims"].as_u64().unwrap());

    // The filters: contradictions only, then new only (all are in the baseline), then all.
    let shown = |browser: &Browser| {
        strings(browser.script(
            "return Array.from(document.querySelectorAll('.finding')).filter(f => !f.hidden && f.offsetParent !== null).map(f => f.getAttribute('data-verdict'))",
        ))
    };
    let all = shown(&browser).len();
    assert_eq!(
        all,
        report["findings"].as_array().unwrap().len() + disputes.len()
    );
    browser.script(
        "const s = document.getElementById('filter-verdict'); s.value = 'contradiction'; s.dispatchEvent(new Event('change')); return null",
    );
    let contradictions = shown(&browser);
    let expected = disputes
        .iter()
        .filter(|f| f["verdict"] == "contradiction")
        .count();
    assert_eq!(contradictions.len(), 2 * expected, "{contradictions:?}");
    assert!(contradictions.iter().all(|v| v == "contradiction"));
    browser.click("#filter-new");
    assert_eq!(shown(&browser), Vec::<String>::new());
    browser.click("#filter-new");
    browser.script(
        "const s = document.getElementById('filter-verdict'); s.value = ''; s.dispatchEvent(new Event('change')); return null",
    );
    assert_eq!(shown(&browser).len(), all);
    assert_eq!(browser.console_errors(), Vec::<String>::new());

    // On a phone's width nothing runs off the side: the plots shrink, long words wrap.
    browser.set_window_size(390, 844);
    let too_wide = browser.script(
        "const w = document.documentElement.clientWidth; return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.wide')).slice(0, 5).map(e => e.tagName + '.' + e.className.baseVal + e.className + ': ' + e.textContent.slice(0, 60))",
    );
    assert_eq!(too_wide, serde_json::json!([]), "wider than a phone");
    browser.set_window_size(1200, 1000);

    if std::env::var_os("UPDATE_SCREENSHOTS").is_some() {
        let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
        browser.screenshot(&docs.join("report-top.png"));
        browser.script(
            "document.getElementById('q-convicted_counterrevolutionary').scrollIntoView(); window.scrollBy(0, -60); return null",
        );
        browser.screenshot(&docs.join("report-quantity.png"));
    }
}
