//! `crosscheck check` with a claim (and a pin) naming a quantity no claim file
//! defines: exit 2, the misspelt id located and named, nothing on standard output.

mod cli_support;

use cli_support::Scratch;

#[test]
fn unknown_quantity_id_is_located() {
    let scratch = Scratch::new("check-claims-unknown-quantity");
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
quantity = "camp_prisonres"
source = "register"
value = "4,512"

[[pin]]
quantity = "camp_guards"
document = "docs/a.txt"
text = "4,512"
"#,
    );
    let run = scratch.run(&["check", "docs", "--claims", "claims"]);
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    let stderr = run.stderr();
    assert!(
        stderr.contains("claims/camp.toml:14:12: error: unknown quantity id `camp_prisonres`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("claims/camp.toml:19:12: error: unknown quantity id `camp_guards`"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("crosscheck: 2 problems in the claim files\n"),
        "{stderr}"
    );
}
