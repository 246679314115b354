//! Usage errors (clap's own) exit with status 2; --help exits with 0.

use crate::support::Scratch;

#[test]
fn unknown_format_is_a_usage_error() {
    let scratch = Scratch::new("usage");
    let run = scratch.run(&["extract", "--format", "xml"]);
    run.assert_code(2);
    assert!(run.stderr().contains("xml"), "{}", run.stderr());
}

#[test]
fn missing_subcommand_is_a_usage_error() {
    let scratch = Scratch::new("usage-none");
    scratch.run(&[]).assert_code(2);
}

#[test]
fn help_is_success() {
    let scratch = Scratch::new("usage-help");
    let run = scratch.run(&["extract", "--help"]);
    run.assert_code(0);
    assert!(run.stdout().contains("--format"), "{}", run.stdout());
}
