//! `crosscheck check` with a claim whose `low` is greater than its `high`: exit 2,
//! located, both numbers named, nothing on standard output.

mod cli_support;

use cli_support::Scratch;

#[test]
fn low_greater_than_high_is_located() {
    let scratch = Scratch::new("check-claims-low-high");
    scratch.write("docs/a.txt", "In 1937 the camp held 4,512 prisoners.\n");
    scratch.write(
        "claims/camp.toml",
        r#"[[quantity]]
id = "camp_prisoners"
description = "Prisoners held in the camp"
unit = "people"

[[source]]
id = "register"
title = "Camp register"
outlet = "State archive"
kind = "archive"

[[claim]]
id = "register_1937"
quantity = "camp_prisoners"
source = "register"
low = 5000
high = 4000
"#,
    );
    let run = scratch.run(&["check", "docs", "--claims", "claims"]);
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    let stderr = run.stderr();
    let line = stderr
        .lines()
        .find(|l| l.contains("greater than"))
        .unwrap_or_else(|| panic!("no low/high problem:\n{stderr}"));
    assert!(line.starts_with("claims/camp.toml:16:"), "{line}");
    assert!(line.contains("5000") && line.contains("4000"), "{line}");
    assert!(
        stderr.ends_with("crosscheck: 1 problem in the claim files\n"),
        "{stderr}"
    );
}
