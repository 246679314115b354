//! `crosscheck extract FILE`: the default format is a table for people.

use crate::support::{Scratch, SAMPLE};

#[test]
fn table_is_the_default_and_shows_each_figure() {
    let scratch = Scratch::new("table");
    scratch.write("sample.txt", SAMPLE);
    let default = scratch.run(&["extract", "sample.txt"]);
    default.assert_code(0);
    let explicit = scratch.run(&["extract", "sample.txt", "--format", "table"]);
    explicit.assert_code(0);
    assert_eq!(default.stdout(), explicit.stdout());

    let stdout = default.stdout();
    for header in ["location", "figure", "value", "qualifier", "unit", "period"] {
        assert!(stdout.contains(header), "{stdout}");
    }
    let first = stdout
        .lines()
        .find(|line| line.contains("sample.txt:1:23"))
        .unwrap_or_else(|| panic!("a row for 1,436:\n{stdout}"));
    assert!(first.contains("1,436") && first.contains("1436") && first.contains("exact"));
    let second = stdout
        .lines()
        .find(|line| line.contains("4,000"))
        .unwrap_or_else(|| panic!("a row for 4,000:\n{stdout}"));
    assert!(
        second.contains("about") && second.contains("1956"),
        "{second}"
    );
    for line in stdout.lines() {
        assert!(line.chars().count() <= 100, "too wide: {line}");
    }
}
