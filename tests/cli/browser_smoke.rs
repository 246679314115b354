//! Headless Chromium, driven through [`Browser`], opens a page from a scratch folder:
//! console errors are reported, a click runs the page's script, and a screenshot is a
//! PNG. Without Chromium and chromedriver installed the test says it cannot run.

use crate::support::browser::Browser;
use crate::support::Scratch;

/// A page whose button hides and shows a list item, and that logs no error.
const CLEAN: &str = r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>clean</title>
<link rel="icon" href="data:,"></head>
<body>
<ul><li id="item">an item</li></ul>
<button id="toggle" type="button">toggle</button>
<script>
  const item = document.querySelector('#item');
  document.querySelector('#toggle').addEventListener('click', () => {
    item.hidden = !item.hidden;
  });
</script>
</body></html>
"#;

/// A page that logs one error as it loads.
const BOOM: &str = r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>boom</title>
<link rel="icon" href="data:,"></head>
<body><p>boom</p><script>console.error('boom');</script></body></html>
"#;

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

#[test]
fn a_page_in_headless_chromium() {
    let Some(browser) = Browser::start_or_say_why() else {
        return;
    };
    let scratch = Scratch::new("browser-smoke");
    scratch.write("page.html", CLEAN);
    scratch.write("boom.html", BOOM);
    browser.set_window_size(800, 600);

    browser.open(&scratch.path("page.html"));
    assert_eq!(browser.console_errors(), Vec::<String>::new());
    let hidden = "return document.querySelector('#item').hidden";
    assert_eq!(browser.script(hidden), false);
    browser.click("#toggle");
    assert_eq!(browser.script(hidden), true);

    browser.screenshot(&scratch.path("page.png"));
    let png = std::fs::read(scratch.path("page.png")).expect("screenshot written");
    assert!(
        png.starts_with(PNG_SIGNATURE),
        "not a PNG: {:?}",
        &png[..png.len().min(16)]
    );

    // The log was read after the clean page, so only the second page's error is left.
    browser.open(&scratch.path("boom.html"));
    let errors = browser.console_errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("boom"), "{errors:?}");
}
