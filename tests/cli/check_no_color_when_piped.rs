//! `crosscheck check` and `explain` writing to a pipe: no colour codes (no ESC
//! byte) in the report, even with a colour terminal and NO_COLOR unset.

use std::process::Stdio;

use crate::support::claims_fixture::PRISONERS;
use crate::support::Scratch;

const ESC: u8 = 0x1b;

fn project() -> Scratch {
    let scratch = Scratch::new("check-no-color");
    // A contradiction, an agreement and a scope mismatch: every mark the table has.
    scratch.write(
        "docs/a.txt",
        "In 1937 the camp held 4,512 prisoners.\nIn 1941 the camp held 9,000 prisoners.\n",
    );
    scratch.write(
        "docs/b.txt",
        "Registers show that in 1937 the camp held 4,152 prisoners.\nIn 1941 the camp held 9,000 prisoners.\n",
    );
    scratch.write("claims/camp.toml", PRISONERS);
    scratch
}

fn piped(scratch: &Scratch, args: &[&str], code: i32) -> Vec<u8> {
    let output = scratch
        .command(args)
        .env_remove("NO_COLOR")
        .env("TERM", "xterm-256color")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("run crosscheck");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(code), "{args:?}: {stderr}");
    assert!(!output.stderr.contains(&ESC), "{args:?}: {stderr:?}");
    output.stdout
}

#[test]
fn no_escape_codes_in_piped_output() {
    let scratch = project();
    let table = piped(&scratch, &["check", "docs", "--claims", "claims"], 1);
    let text = String::from_utf8_lossy(&table).into_owned();
    assert!(text.contains("contradiction"), "{text}");
    assert!(!table.contains(&ESC), "{text:?}");

    let explain = piped(
        &scratch,
        &["explain", "camp_prisoners", "docs", "--claims", "claims"],
        0,
    );
    assert!(!explain.is_empty());
    assert!(
        !explain.contains(&ESC),
        "{:?}",
        String::from_utf8_lossy(&explain)
    );

    let unmatched = piped(
        &scratch,
        &["check", "docs", "--claims", "claims", "--unmatched"],
        0,
    );
    assert!(
        !unmatched.contains(&ESC),
        "{:?}",
        String::from_utf8_lossy(&unmatched)
    );
}

#[test]
fn no_escape_codes_in_claim_file_errors() {
    let scratch = project();
    scratch.write("claims/bad.toml", "[[quantity]]\nid = \"x\"\n");
    let stdout = piped(&scratch, &["check", "docs", "--claims", "claims"], 2);
    assert!(stdout.is_empty());
}
