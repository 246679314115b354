//! A hostile corpus renders escaped: a document holding `<script>`, `</svg>`, quotes,
//! right-to-left text and a 10,000-character sentence, and a claim file whose source
//! title is markup, give a page where all of it is text. No script of theirs runs, the
//! page loads without console errors in headless Chromium, and every claim has its mark.
//! Without Chromium the markup is still checked.

use crate::support::browser::Browser;
use crate::support::Scratch;

const CLAIMS: &str = r#"[[source]]
id = "hostile"
title = "<img src=x onerror=\"window.__pwned = 1\"> & 'quotes'"
author = "<b>Someone</b>"
kind = "press"
document = "docs/hostile.txt"

[[quantity]]
id = "prisoners"
description = "Prisoners </svg><script>window.__pwned = 1</script>"
unit = "people"

[[quantity.rule]]
pattern = "held {figure} prisoners"
"#;

#[test]
fn markup_in_documents_and_claims_is_shown_as_text() {
    let scratch = Scratch::new("report-html-hostile");
    let long = "word ".repeat(2_000);
    scratch.write(
        "docs/hostile.txt",
        format!(
            "<script>window.__pwned = 1</script> The camp held 1,200 prisoners.\n\n\
             </svg><svg onload=\"window.__pwned = 1\"> \"It held 1,900 prisoners,\" 'he' said.\n\n\
             في عام 1937 the camp held 2,400 prisoners according to שלום.\n\n\
             {long}then the camp held 3,100 prisoners.\n"
        ),
    );
    scratch.write("claims/hostile.toml", CLAIMS);
    let run = scratch.run(&[
        "check",
        "docs",
        "--claims",
        "claims",
        "--format",
        "html",
        "--output",
        "report.html",
    ]);
    run.assert_code(1);
    let html = scratch.read("report.html");
    assert!(
        !html.contains("<script>window.__pwned"),
        "a script let through"
    );
    assert!(!html.contains("<svg onload"), "an element let through");
    assert!(!html.contains("<img src=x"), "an element let through");
    assert!(html.contains("&lt;script&gt;window.__pwned = 1&lt;/script&gt;"));
    // The page's own script, once.
    assert_eq!(html.matches("<script>").count(), 1);

    let Some(browser) = Browser::start_or_say_why() else {
        return;
    };
    browser.open(&scratch.path("report.html"));
    assert_eq!(browser.console_errors(), Vec::<String>::new());
    assert_eq!(
        browser.script("return typeof window.__pwned"),
        serde_json::json!("undefined")
    );
    let text = browser.script("return document.body.textContent");
    let text = text.as_str().unwrap_or_default();
    assert!(text.contains("<script>window.__pwned = 1</script>"));
    assert!(text.contains("<img src=x onerror=\"window.__pwned = 1\"> & 'quotes'"));
    assert!(text.contains("שלום"));
    assert_eq!(
        browser.script("return document.querySelectorAll('svg.plot g.mark').length"),
        serde_json::json!(4)
    );
    // The long sentence wraps: the page is no wider than the window.
    assert_eq!(
        browser.script(
            "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        ),
        serde_json::json!(true)
    );
}
