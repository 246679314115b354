//! `crosscheck check` with a pin whose text is not among the document's figures:
//! exit 2, the pin located, the text and document named, nothing on standard
//! output. A pin that finds its figure keys it.

use crate::support::claims_fixture::CAMP_PRISONERS;
use crate::support::{Run, Scratch};

fn check(pin_text: &str) -> Run {
    let scratch = Scratch::new("check-claims-pin");
    scratch.write(
        "docs/a.txt",
        "In 1937 the camp held 4,512 prisoners.\nThe guards said 4,152.\n",
    );
    scratch.write(
        "claims/camp.toml",
        format!(
            r#"{CAMP_PRISONERS}
[[pin]]
quantity = "camp_prisoners"
document = "docs/a.txt"
text = "{pin_text}"
"#
        ),
    );
    scratch.run(&["check", "docs", "--claims", "claims", "--format", "json"])
}

#[test]
fn pin_that_matches_no_figure_is_an_error() {
    let run = check("4,125");
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    let stderr = run.stderr();
    let line = run.stderr_line("pin matched no figure");
    assert!(
        line.starts_with("claims/camp.toml:6:1: error[pin]: "),
        "{line}"
    );
    assert!(line.contains("`4,125`"), "{line}");
    assert!(line.contains("docs/a.txt"), "{line}");
    assert!(
        stderr.ends_with("crosscheck: 1 problem in the claim files\n"),
        "{stderr}"
    );
}

#[test]
fn pin_that_matches_keys_its_figure() {
    let run = check("4,152");
    run.assert_code(0);
    let report: serde_json::Value = serde_json::from_str(&run.stdout()).expect("JSON");
    assert_eq!(report["summary"]["claims"], 1, "{}", run.stdout());
}
