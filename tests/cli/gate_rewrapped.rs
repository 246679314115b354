//! CI gate, a paragraph re-wrapped: with the contradictions accepted in the baseline,
//! the paragraph holding a figure is re-flowed (other line breaks, one long line, a
//! narrow column). Fingerprints do not depend on layout: `check --strict` exits 0.

use crate::support::ferry::{accepted, contradictions, report, HERALD};

/// `check --strict` after the herald's paragraph is replaced by `paragraph`: exit 0,
/// nothing stale, the same contradictions, none new.
fn rewrapped_keeps_the_baseline(scenario: &str, paragraph: &str) {
    let scratch = accepted(scenario);
    let before = contradictions(&report(&scratch, &[], 0));
    let original = "Ferry traffic on Lake Osk grew again last year. In 2023 the ferries\ncarried 48,200 passengers between Tarn and Hollin, the harbour office said.\n";
    assert!(HERALD.contains(original));
    scratch.write("docs/herald.txt", HERALD.replace(original, paragraph));

    let run = scratch.run(&["check", "--strict"]);
    run.assert_code(0);
    assert!(!run.stderr().contains("stale"), "{}", run.stderr());
    assert_eq!(before, contradictions(&report(&scratch, &[], 0)));
}

#[test]
fn one_long_line() {
    rewrapped_keeps_the_baseline(
        "gate-rewrap-long",
        "Ferry traffic on Lake Osk grew again last year. In 2023 the ferries carried 48,200 passengers between Tarn and Hollin, the harbour office said.\n",
    );
}

#[test]
fn narrow_column() {
    rewrapped_keeps_the_baseline(
        "gate-rewrap-narrow",
        "Ferry traffic on Lake\nOsk grew again last\nyear. In 2023 the\nferries carried 48,200\npassengers between\nTarn and Hollin, the\nharbour office said.\n",
    );
}

#[test]
fn break_inside_the_pattern() {
    rewrapped_keeps_the_baseline(
        "gate-rewrap-pattern",
        "Ferry traffic on Lake Osk grew again last year. In 2023 the ferries carried 48,200\npassengers between Tarn and Hollin, the harbour office said.\n",
    );
}

#[test]
fn figure_at_the_start_of_a_line_after_a_long_line() {
    rewrapped_keeps_the_baseline(
        "gate-rewrap-figure-first-long",
        "Ferry traffic on Lake Osk grew again last year.\nIn 2023, the harbour office said, the ferries carried\n48,200 passengers between Tarn and Hollin.\n",
    );
}

#[test]
fn figure_at_the_start_of_a_line() {
    rewrapped_keeps_the_baseline(
        "gate-rewrap-figure-first",
        "Ferry traffic on Lake Osk grew again last year. In 2023 the ferries carried\n48,200 passengers between Tarn and Hollin, the harbour office said.\n",
    );
}
