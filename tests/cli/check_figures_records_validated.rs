//! `check --figures` checks every record as strictly as a claim file (regressions:
//! records with `low` above `high`, a `step` of 1e308, 0 or below, line 0 or 2^64-1,
//! empty text, or an end before the start were accepted, and a step of 1e308 turned a
//! contradiction into `within_rounding`): each is an error at its line, exit 2. And a
//! file of millions of malformed lines reports the first hundred and how many more,
//! instead of holding millions of messages.

use crate::support::claims_fixture::PRISONERS_1937;
use crate::support::Scratch;

/// A record as `crosscheck extract --format jsonl` writes it, with `change` applied
/// to its JSON text.
fn record(change: &[(&str, &str)]) -> String {
    let mut text = r#"{"source":"a.txt","line":1,"column":23,"end_line":1,"end_column":28,"text":"4,512","value":4512,"low":4512,"high":4512,"unit":"prisoners","qualifier":"exact","kind":"count","vague":false,"sentence":"In 1937 the camp held 4,512 prisoners.","period":"1937","attributed_to":null,"step":1,"sentence_offset":22}"#.to_string();
    for (from, to) in change {
        assert!(text.contains(from), "{from}");
        text = text.replacen(from, to, 1);
    }
    text
}

#[test]
fn a_record_that_is_no_figure_is_refused_at_its_line() {
    let scratch = Scratch::new("figures-validated");
    scratch.write("claims/camp.toml", PRISONERS_1937);
    let cases = [
        (vec![(r#""low":4512"#, r#""low":5000"#)], "above `high`"),
        (vec![(r#""step":1"#, r#""step":1e308"#)], "`step`"),
        (vec![(r#""step":1"#, r#""step":0"#)], "`step`"),
        (vec![(r#""step":1"#, r#""step":-5"#)], "`step`"),
        (vec![(r#""line":1,"#, r#""line":0,"#)], "`line`"),
        (
            vec![(r#""line":1,"#, r#""line":18446744073709551615,"#)],
            "`line`",
        ),
        (
            vec![(r#""text":"4,512""#, r#""text":"""#)],
            "`text` is empty",
        ),
        (
            vec![(r#""end_column":28"#, r#""end_column":3"#)],
            "ends (1:3) before it starts",
        ),
        (
            vec![(r#""value":4512"#, r#""value":9"#)],
            "outside `low` to `high`",
        ),
    ];
    for (change, message) in cases {
        let good = record(&[]);
        let bad = record(&change);
        scratch.write("figures.jsonl", format!("{good}\n{bad}\n"));
        let run = scratch.run(&["check", "--claims", "claims", "--figures", "figures.jsonl"]);
        run.assert_code(2);
        let line = run.stderr_line("figures.jsonl:2:1: error[record]");
        assert!(line.contains(message), "{change:?}: {line}");
    }
}

#[test]
fn millions_of_malformed_lines_report_the_first_hundred() {
    let scratch = Scratch::new("figures-many-bad");
    scratch.write("claims/camp.toml", PRISONERS_1937);
    scratch.write("figures.jsonl", "not a record\n".repeat(200_000));
    let run = scratch.run(&["check", "--claims", "claims", "--figures", "figures.jsonl"]);
    run.assert_code(2);
    let errors = run.stderr().matches("error[record]").count();
    assert_eq!(errors, 101, "{}", &run.stderr()[..500]);
    run.stderr_line("100 malformed lines already: the 199900 lines from here on were not read");
}
