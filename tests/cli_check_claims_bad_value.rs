//! `crosscheck check` with a claim whose value holds no figure ("lots"): exit 2, the
//! value located, nothing on standard output.

mod cli_support;

use cli_support::Scratch;

#[test]
fn value_that_does_not_parse_is_located() {
    let scratch = Scratch::new("check-claims-bad-value");
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
value = "lots"
"#,
    );
    let run = scratch.run(&["check", "docs", "--claims", "claims"]);
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    let stderr = run.stderr();
    assert!(
        stderr.contains("claims/camp.toml:16:9: error: value `lots` holds no figure"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("crosscheck: 1 problem in the claim files\n"),
        "{stderr}"
    );
}
