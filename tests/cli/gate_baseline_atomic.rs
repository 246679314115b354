//! CI gate, the baseline replaced atomically: `crosscheck baseline` writes a temporary
//! file beside the baseline and renames it into place, so no temporary file remains;
//! and when the project folder is read-only it exits 2 with a message, leaving the old
//! baseline as it was.

use crate::support::ferry::{with_ministry, MINISTRY};
use crate::support::Scratch;

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
    let scratch = with_ministry("gate-atomic-clean");
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

    let scratch = with_ministry("gate-atomic-read-only");
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
