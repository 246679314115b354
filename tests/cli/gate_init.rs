//! CI gate, starting a project: `crosscheck init newproj` writes a commented
//! newproj/crosscheck.toml, newproj/claims/ and newproj/corpus/; `check` inside it
//! exits 0; `init` again exits 2 and changes nothing.

use std::collections::BTreeMap;
use std::path::Path;

use crate::support::{Run, Scratch};

/// Every file under `dir`, by path relative to it, with its contents.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, files: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).expect("list folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(root, &path, files);
            } else {
                let relative = path.strip_prefix(root).unwrap().to_string_lossy();
                files.insert(relative.into_owned(), std::fs::read(&path).expect("read"));
            }
        }
    }
    let mut files = BTreeMap::new();
    walk(dir, dir, &mut files);
    files
}

/// `crosscheck ARGS` run inside `newproj`.
fn run_in_project(scratch: &Scratch, args: &[&str]) -> Run {
    Run(scratch
        .command(args)
        .current_dir(scratch.path("newproj"))
        .output()
        .expect("run crosscheck"))
}

#[test]
fn init_creates_a_project_that_checks_clean() {
    let scratch = Scratch::new("gate-init");
    let run = scratch.run(&["init", "newproj"]);
    run.assert_code(0);
    assert_eq!(run.stdout(), "");

    let config = std::fs::read_to_string(scratch.path("newproj/crosscheck.toml"))
        .expect("newproj/crosscheck.toml");
    assert!(config.starts_with("# "), "{config}");
    assert!(
        config.lines().filter(|l| l.starts_with('#')).count() >= 5,
        "commented:\n{config}"
    );
    for key in [
        "corpus = ",
        "claims = ",
        "baseline = ",
        "[tolerances]",
        "[severity]",
    ] {
        assert!(config.contains(key), "{key} missing:\n{config}");
    }
    assert!(scratch.path("newproj/claims").is_dir());
    assert!(scratch.path("newproj/corpus").is_dir());
    assert!(!scratch.path("newproj/crosscheck-baseline.toml").exists());
    // Nothing of init's own is a document of the corpus (regression: a starter
    // corpus/README.md was checked as one).
    assert_eq!(
        std::fs::read_dir(scratch.path("newproj/corpus"))
            .unwrap()
            .count(),
        0
    );

    let check = run_in_project(&scratch, &["check"]);
    check.assert_code(0);
    assert!(
        check.stdout().contains("(0 new errors)"),
        "{}",
        check.stdout()
    );
    run_in_project(&scratch, &["check", "--strict"]).assert_code(0);
}

#[test]
fn init_again_exits_2_and_changes_nothing() {
    let scratch = Scratch::new("gate-init-again");
    scratch.run(&["init", "newproj"]).assert_code(0);
    // The user's own work in the project.
    scratch.write(
        "newproj/corpus/gazette.txt",
        "In 2023 the ferries carried 48,200 passengers.\n",
    );
    let mut edited = std::fs::read_to_string(scratch.path("newproj/crosscheck.toml")).unwrap();
    edited.push_str("# edited by hand\n");
    scratch.write("newproj/crosscheck.toml", &edited);
    let before = snapshot(&scratch.root);

    let run = scratch.run(&["init", "newproj"]);
    run.assert_code(2);
    assert!(run.stderr().contains("exists"), "{}", run.stderr());
    assert!(
        run.stderr().contains("newproj/crosscheck.toml"),
        "{}",
        run.stderr()
    );
    assert_eq!(before, snapshot(&scratch.root));
}

#[test]
fn init_refuses_when_any_of_its_files_exists() {
    let scratch = Scratch::new("gate-init-partial");
    scratch.write("newproj/crosscheck.toml", "corpus = [\"docs\"]\n");
    let before = snapshot(&scratch.root);
    let run = scratch.run(&["init", "newproj"]);
    run.assert_code(2);
    // Nothing written, not even the files that did not exist.
    assert_eq!(before, snapshot(&scratch.root));
    assert!(!scratch.path("newproj/claims").exists());
    assert!(!scratch.path("newproj/corpus").exists());
}

#[test]
fn init_in_the_current_folder() {
    let scratch = Scratch::new("gate-init-here");
    scratch.run(&["init"]).assert_code(0);
    assert!(scratch.path("crosscheck.toml").is_file());
    scratch.run(&["check"]).assert_code(0);
    let before = snapshot(&scratch.root);
    scratch.run(&["init"]).assert_code(2);
    assert_eq!(before, snapshot(&scratch.root));
}
