//! A symbolic link back up the tree is not followed into a loop.
#![cfg(unix)]

use crate::support::Scratch;

#[test]
fn symlinked_folder_loop_ends() {
    let scratch = Scratch::new("symlink-loop");
    scratch.write("corpus/sub/one.txt", "We counted 12 boats.\n");
    std::os::unix::fs::symlink("..", scratch.path("corpus/sub/up")).expect("symlink");
    std::os::unix::fs::symlink("nowhere", scratch.path("corpus/dangling.txt")).expect("symlink");
    let run = scratch.run(&["extract", "corpus", "--format", "jsonl", "--verbose"]);
    run.assert_code(0);
    let stderr = run.stderr();
    assert_eq!(stderr.matches("one.txt: ").count(), 1, "{stderr}");
    assert!(
        stderr.contains("corpus/sub/up: skipped: folder already walked"),
        "{stderr}"
    );
    assert!(
        stderr.contains("corpus/dangling.txt: skipped: symbolic link to nothing"),
        "{stderr}"
    );
}
