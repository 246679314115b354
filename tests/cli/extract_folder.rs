//! `crosscheck extract FOLDER`: folders are walked recursively, in sorted order.

use crate::support::{sources, Scratch, SAMPLE};

#[test]
fn folder_is_walked_recursively_in_sorted_order() {
    let scratch = Scratch::new("folder");
    scratch.write("corpus/b/deep/second.txt", "Later 77 ships sailed.\n");
    scratch.write("corpus/a/first.txt", SAMPLE);
    let run = scratch.run(&["extract", "corpus", "--format", "jsonl", "--verbose"]);
    run.assert_code(0);

    // Each document read is noted under --verbose, in walking order.
    let stderr = run.stderr();
    let first = stderr.find("corpus/a/first.txt: ");
    let second = stderr.find("corpus/b/deep/second.txt: ");
    assert!(
        first.is_some() && second.is_some() && first < second,
        "{stderr}"
    );

    let records = run.records();
    assert_eq!(
        sources(&records),
        [
            "corpus/a/first.txt",
            "corpus/a/first.txt",
            "corpus/b/deep/second.txt"
        ],
        "{}",
        run.stdout()
    );
    assert_eq!(records[2]["value"].as_i64(), Some(77));
}

#[test]
fn hidden_entries_are_not_walked() {
    let scratch = Scratch::new("folder-hidden");
    scratch.write("corpus/.git/objects.txt", "Hidden 12 things.\n");
    scratch.write("corpus/.notes.txt", "Hidden 13 things.\n");
    scratch.write("corpus/shown.txt", "Shown 14 things.\n");
    let run = scratch.run(&["extract", "corpus", "--format", "jsonl", "--verbose"]);
    run.assert_code(0);
    let stderr = run.stderr();
    assert!(stderr.contains("corpus/shown.txt: "), "{stderr}");
    assert!(stderr.contains("corpus/.git: skipped: hidden"), "{stderr}");
    assert!(!stderr.contains("objects.txt"), "{stderr}");
}
