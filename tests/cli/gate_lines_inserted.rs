//! CI gate, lines inserted: with the contradictions accepted in the baseline, lines and
//! a whole paragraph inserted above the figures move them down the documents but change
//! no fingerprint: `check` still exits 0 (and `--strict` finds no stale entry).

use crate::support::ferry::{accepted, contradictions, report, HERALD, REPORT};

#[test]
fn inserting_lines_above_the_figures_keeps_exit_0() {
    let scratch = accepted("gate-lines-inserted");
    let before = contradictions(&report(&scratch, &[], 0));

    scratch.write(
        "docs/herald.txt",
        HERALD.replace(
            "2024.\n\n",
            "2024.\n\nBy our harbour correspondent.\n\n\nThe spring timetable starts on Monday. Tickets\nare sold at both piers and on board, and children travel free.\n\n",
        ),
    );
    scratch.write(
        "docs/report.txt",
        REPORT.replace(
            "Section 2. Traffic.\n",
            "Section 1. Summary.\nThe Authority ran six ferries through the year.\n\nSection 2. Traffic.\n",
        ),
    );

    let run = scratch.run(&["check", "--strict"]);
    run.assert_code(0);
    assert!(!run.stderr().contains("stale"), "{}", run.stderr());
    assert!(!run.stdout().contains("[new]"), "{}", run.stdout());

    let after = report(&scratch, &[], 0);
    assert_eq!(before, contradictions(&after));
    // The report saw the figures move: herald's is now on line 10, report's on line 7.
    let mut places: Vec<String> = after["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["verdict"] == "contradiction")
        .flat_map(|f| f["claims"].as_array().expect("claims").clone())
        .filter(|c| c["claim_id"].is_null())
        .map(|c| format!("{}:{}", c["path"].as_str().unwrap_or_default(), c["line"]))
        .collect();
    places.sort();
    assert_eq!(places, ["docs/herald.txt:10", "docs/report.txt:7"]);
}
