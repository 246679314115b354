//! `crosscheck baseline` edits the baseline in the form it was written: entries as an
//! inline array get new entries in that array (regression: the array was left as it
//! was, "0 added", and the new finding was never accepted), and CRLF line ends stay
//! CRLF (regression: rewritten with LF).

use crate::support::ferry::with_ministry;

#[test]
fn an_inline_array_of_entries_gets_the_new_entries() {
    let scratch = with_ministry("baseline-inline-array");
    scratch.run(&["baseline"]).assert_code(0);
    let accepted = scratch.read("crosscheck-baseline.toml");
    let fingerprints: Vec<&str> = accepted
        .lines()
        .filter_map(|l| l.strip_prefix("fingerprint = "))
        .collect();
    assert_eq!(fingerprints.len(), 2, "{accepted}");
    // Only the first entry, written inline.
    scratch.write(
        "crosscheck-baseline.toml",
        format!(
            "finding = [{{fingerprint = {}, quantity = \"ferry_passengers_2023\", verdict = \"contradiction\", reason = \"checked\"}}]\n",
            fingerprints[0]
        ),
    );
    let run = scratch.run(&["baseline"]);
    run.assert_code(0);
    run.stderr_line("1 added, 1 kept");
    let edited = scratch.read("crosscheck-baseline.toml");
    assert!(edited.starts_with("finding = ["), "{edited}");
    assert!(edited.contains("reason = \"checked\""), "{edited}");
    assert!(
        edited.contains(fingerprints[1].trim_matches('"')),
        "{edited}"
    );
    scratch.run(&["check", "--strict"]).assert_code(0);
}

#[test]
fn crlf_line_ends_are_kept() {
    let scratch = with_ministry("baseline-crlf");
    scratch.run(&["baseline"]).assert_code(0);
    let accepted = scratch.read("crosscheck-baseline.toml");
    // Keep the first entry only, with CRLF line ends and a comment.
    let first: String = accepted
        .split("\n\n[[finding]]")
        .next()
        .unwrap()
        .to_string();
    let first = format!("# reviewed by hand\n{first}\n").replace('\n', "\r\n");
    scratch.write("crosscheck-baseline.toml", &first);
    scratch.run(&["baseline"]).assert_code(0);
    let edited = scratch.read("crosscheck-baseline.toml");
    assert!(edited.contains("# reviewed by hand"), "{edited}");
    assert_eq!(edited.matches("[[finding]]").count(), 2, "{edited}");
    assert_eq!(
        edited.matches('\n').count(),
        edited.matches("\r\n").count(),
        "{edited:?}"
    );
}
