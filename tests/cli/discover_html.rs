//! `discover --format html` on the seeds with no catalog: one page listing the
//! candidates loudest first, the JSON's candidates one for one, each with a plot of its
//! two figures where they are comparable, and loading in headless Chromium without
//! console errors; the tier filter hides the other tiers.

use serde_json::Value;

use crate::support::browser::Browser;
use crate::support::Scratch;

#[test]
fn the_candidates_as_a_page() {
    let scratch = Scratch::new("discover-html");
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for entry in std::fs::read_dir(&seeds).expect("seeds/") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            scratch.write(&format!("seeds/{name}"), std::fs::read(&path).unwrap());
        }
    }
    let run = scratch.run(&["discover", "seeds", "--format", "json"]);
    run.assert_code(0);
    let report: Value = serde_json::from_str(&run.stdout()).expect("JSON");
    let ids: Vec<&str> = report["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    scratch
        .run(&[
            "discover",
            "seeds",
            "--format",
            "html",
            "--output",
            "discover.html",
        ])
        .assert_code(0);
    let html = scratch.read("discover.html");
    let listed: Vec<&str> = html
        .match_indices("id=\"c-")
        .map(|(at, _)| &html[at + 6..at + 22])
        .collect();
    assert_eq!(listed, ids);

    let Some(browser) = Browser::start_or_say_why() else {
        return;
    };
    browser.open(&scratch.path("discover.html"));
    assert_eq!(browser.console_errors(), Vec::<String>::new());
    browser.script(
        "const s = document.getElementById('filter-verdict'); s.value = 'refuted'; s.dispatchEvent(new Event('change')); return null",
    );
    let shown = browser.script(
        "return Array.from(document.querySelectorAll('.candidate')).filter(c => !c.hidden).map(c => c.getAttribute('data-verdict'))",
    );
    let refuted = report["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["tier"] == "refuted")
        .count();
    assert_eq!(shown.as_array().map(Vec::len), Some(refuted), "{shown}");
    assert!(refuted > 0);
}
