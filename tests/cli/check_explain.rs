//! `crosscheck explain QUANTITY`: every claim of the quantity with its location,
//! interval, period and quote (hand-written claims with their page and attribution),
//! then every pairwise verdict with its fingerprint, the same as `check` reports.
//! An unknown quantity is exit 2 with a hint.

use crate::support::Scratch;
use serde_json::Value;

const CLAIMS: &str = r#"[[source]]
id = "gulag_register"
title = "Register of the camp administration"
outlet = "State Archive of the Russian Federation"
kind = "archive"

[[quantity]]
id = "camp_prisoners_1937"
description = "Prisoners held in the camp in 1937"
unit = "people"
period = "1937"

[[quantity.rule]]
pattern = "held {figure} prisoners"

[[claim]]
id = "register_1937"
quantity = "camp_prisoners_1937"
source = "gulag_register"
value = "about 4,500"
period = "1937"
attributed_to = "the camp administration"
quote = "…the camp held some 4,500 prisoners at the year's end…"
page = "f. 9414, op. 1, d. 12, l. 3"
"#;

fn project() -> Scratch {
    let scratch = Scratch::new("check-explain");
    scratch.write("docs/a.txt", "In 1937 the camp held 4,512 prisoners.\n");
    scratch.write(
        "docs/b.txt",
        "Registers show that in 1937 the camp held 4,152 prisoners.\n",
    );
    scratch.write("claims/camp.toml", CLAIMS);
    scratch
}

#[test]
fn explain_shows_every_claim_and_every_verdict() {
    let scratch = project();
    let run = scratch.run(&[
        "explain",
        "camp_prisoners_1937",
        "docs",
        "--claims",
        "claims",
    ]);
    run.assert_code(0);
    assert_eq!(run.stderr(), "");
    let out = run.stdout();

    assert!(
        out.starts_with("camp_prisoners_1937: Prisoners held in the camp in 1937\n"),
        "{out}"
    );
    assert!(out.contains("defined at claims/camp.toml:7:1"), "{out}");

    // The two figures from the corpus, each with where it is and its sentence.
    for (figure, place, sentence) in [
        (
            "4,512 — docs/a.txt",
            "at docs/a.txt:1:23",
            "\"In 1937 the camp held 4,512 prisoners.\"",
        ),
        (
            "4,152 — docs/b.txt",
            "at docs/b.txt:1:43",
            "\"Registers show that in 1937 the camp held 4,152 prisoners.\"",
        ),
    ] {
        assert!(out.contains(figure), "{figure}:\n{out}");
        assert!(out.contains(place), "{place}:\n{out}");
        assert!(out.contains(sentence), "{sentence}:\n{out}");
    }
    // The hand-written claim, with its quote, page and attribution.
    assert!(out.contains("about 4,500 — gulag_register"), "{out}");
    assert!(out.contains("at claims/camp.toml:16:1"), "{out}");
    assert!(
        out.contains("\"…the camp held some 4,500 prisoners at the year's end…\""),
        "{out}"
    );
    assert!(out.contains("f. 9414, op. 1, d. 12, l. 3"), "{out}");
    assert!(
        out.contains("attributed to the camp administration"),
        "{out}"
    );

    // Three claims, three pairs.
    let verdicts: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.starts_with("Verdicts:"))
        .filter(|l| l.contains(" × "))
        .collect();
    assert_eq!(verdicts.len(), 3, "{out}");
    assert!(
        verdicts
            .iter()
            .any(|l| l.contains("contradiction (digits_transposed), error")),
        "{out}"
    );
    assert!(
        verdicts.iter().any(|l| l.contains("within_rounding, note")),
        "{out}"
    );
    assert!(
        verdicts
            .iter()
            .any(|l| l.contains("within_approximation, note")),
        "{out}"
    );

    // The fingerprints are those `check` reports for the same findings.
    let check = scratch.run(&["check", "docs", "--claims", "claims", "--format", "json"]);
    check.assert_code(1);
    let report: Value = serde_json::from_str(&check.stdout()).expect("one JSON document");
    let findings = report["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 3, "{}", check.stdout());
    for finding in findings {
        let fingerprint = finding["fingerprint"].as_str().expect("fingerprint");
        assert!(
            out.contains(&format!("fingerprint {fingerprint}")),
            "{fingerprint} not in:\n{out}"
        );
    }
}

#[test]
fn unknown_quantity_is_an_error_with_a_hint() {
    let scratch = project();
    let run = scratch.run(&["explain", "camp_prisoners", "docs", "--claims", "claims"]);
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    assert_eq!(
        run.stderr(),
        "crosscheck: no quantity `camp_prisoners` in the claim files (did you mean camp_prisoners_1937?)\n"
    );

    let run = scratch.run(&["explain", "guards", "docs", "--claims", "claims"]);
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    assert_eq!(
        run.stderr(),
        "crosscheck: no quantity `guards` in the claim files\n"
    );
}
