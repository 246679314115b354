//! CI gate, the baseline replaced atomically: `crosscheck baseline` writes a temporary
//! file beside the baseline and renames it into place, so no temporary file remains;
//! and when the project folder is read-only it exits 2 with a message, leaving the old
//! baseline as it was.

mod cli_support;

use cli_support::Scratch;

const CONFIG: &str = r#"corpus = ["docs"]
claims = ["claims"]
baseline = "crosscheck-baseline.toml"
"#;

/// The newspaper: the passengers figure is at line 4, column 9.
const HERALD: &str = "The Marrow Valley Herald, 14 March 2024.

Ferry traffic on Lake Osk grew again last year. In 2023 the ferries
carried 48,200 passengers between Tarn and Hollin, the harbour office said.

The new pier at Hollin, opened in 2023, cost 3.1 million crowns.
";

/// The report: the passengers figure is at line 4, column 29.
const REPORT: &str = "Lake Osk Ferry Authority: Annual Report 2023.

Section 2. Traffic.
In 2023 the ferries carried 48,200 passengers between Tarn and Hollin.

Section 3. Works.
The new pier at Hollin cost 3.1 million crowns to build in 2023.
";

const FERRIES: &str = r#"[[source]]
id = "herald"
title = "Ferry traffic on Lake Osk grew again"
outlet = "The Marrow Valley Herald"
date = "2024-03-14"
kind = "press"
document = "docs/herald.txt"

[[source]]
id = "authority-report"
title = "Annual Report 2023"
outlet = "Lake Osk Ferry Authority"
date = "2024-02"
kind = "dataset"
document = "docs/report.txt"

[[quantity]]
id = "ferry_passengers_2023"
description = "Passengers carried by the Lake Osk ferries in 2023"
unit = "passengers"
period = "2023"

[[quantity.rule]]
pattern = "ferries carried {figure} passengers"

[[quantity]]
id = "hollin_pier_cost"
description = "Cost of the new pier at Hollin"
unit = "crowns"

[[quantity.rule]]
pattern = "cost {figure} crowns"
"#;

/// Two documents and a claim file whose figures agree.
fn project(scenario: &str) -> Scratch {
    let scratch = Scratch::new(scenario);
    scratch.write("crosscheck.toml", CONFIG);
    scratch.write("docs/herald.txt", HERALD);
    scratch.write("docs/report.txt", REPORT);
    scratch.write("claims/ferries.toml", FERRIES);
    scratch
}

/// A hand-written claim (its table starts at line 8) that contradicts both documents.
const MINISTRY: &str = r#"[[source]]
id = "ministry-bulletin"
title = "Inland Waterways Bulletin No. 7"
outlet = "Ministry of Inland Waterways"
date = "2024-05"
kind = "dataset"

[[claim]]
id = "ministry_passengers_2023"
quantity = "ferry_passengers_2023"
source = "ministry-bulletin"
value = "61,500"
period = "2023"
page = "p. 4"
"#;

/// Every name in the project folder, sorted.
fn names(scratch: &Scratch) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(&scratch.root)
        .expect("list the project")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn no_temporary_file_remains() {
    let scratch = project("gate-atomic-clean");
    scratch.write("claims/ministry.toml", MINISTRY);
    let expected = [
        "claims",
        "crosscheck-baseline.toml",
        "crosscheck.toml",
        "docs",
    ];
    scratch.run(&["baseline"]).assert_code(0);
    assert_eq!(names(&scratch), expected);
    // Replacing an existing baseline, with entries added and pruned.
    scratch.write("claims/ministry.toml", MINISTRY.replace("61,500", "61,700"));
    scratch.run(&["baseline"]).assert_code(0);
    assert_eq!(names(&scratch), expected);
    scratch.run(&["baseline", "--prune"]).assert_code(0);
    assert_eq!(names(&scratch), expected);
    scratch.run(&["check", "--strict"]).assert_code(0);
}

#[cfg(unix)]
#[test]
fn read_only_folder_exits_2_and_keeps_the_old_baseline() {
    use std::os::unix::fs::PermissionsExt;

    let scratch = project("gate-atomic-read-only");
    scratch.write("claims/ministry.toml", MINISTRY);
    scratch.run(&["baseline"]).assert_code(0);
    let old = std::fs::read(scratch.path("crosscheck-baseline.toml")).unwrap();
    let old_names = names(&scratch);
    // A new finding to accept.
    scratch.write("claims/ministry.toml", MINISTRY.replace("61,500", "61,700"));

    let set_mode = |mode: u32| {
        std::fs::set_permissions(&scratch.root, std::fs::Permissions::from_mode(mode))
            .expect("chmod the project folder");
    };
    set_mode(0o555);
    // Root (or any process allowed to override permissions) can still write there:
    // then there is nothing to test.
    let probe = scratch.path("probe");
    if std::fs::write(&probe, b"").is_ok() {
        let _ = std::fs::remove_file(&probe);
        set_mode(0o755);
        eprintln!("skipped: permissions are not enforced for this user (root?)");
        return;
    }
    let run = scratch.run(&["baseline"]);
    let after = std::fs::read(scratch.path("crosscheck-baseline.toml"));
    let after_names = names(&scratch);
    set_mode(0o755);

    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    let stderr = run.stderr();
    assert!(
        stderr.contains("crosscheck-baseline.toml: cannot write"),
        "{stderr}"
    );
    assert_eq!(after.expect("the baseline is still there"), old);
    assert_eq!(after_names, old_names, "no temporary file left behind");
    // The new finding is still new.
    scratch.run(&["check"]).assert_code(1);
}
