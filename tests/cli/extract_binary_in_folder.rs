//! Binary files met while walking a folder are skipped quietly (noted under --verbose);
//! the text files are still reported and the exit status stays 0.

use crate::support::{sources, Scratch, SAMPLE};

#[test]
fn binary_files_in_a_folder_are_skipped() {
    let scratch = Scratch::new("binary-folder");
    scratch.write("corpus/a.txt", SAMPLE);
    scratch.write("corpus/image.png", "not really a picture, 12 pixels\n");
    scratch.write("corpus/data.txt", b"header\x00\x00\x01 99 \x00");

    let quiet = scratch.run(&["extract", "corpus", "--format", "jsonl"]);
    quiet.assert_code(0);
    assert_eq!(quiet.stderr(), "");
    assert_eq!(sources(&quiet.records()), ["corpus/a.txt", "corpus/a.txt"]);

    let verbose = scratch.run(&["extract", "corpus", "--format", "jsonl", "--verbose"]);
    verbose.assert_code(0);
    let stderr = verbose.stderr();
    assert!(
        stderr.contains("corpus/image.png: skipped: binary file (.png)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("corpus/data.txt: skipped: binary file (NUL byte)"),
        "{stderr}"
    );
    assert!(stderr.contains("corpus/a.txt: "), "{stderr}");
}
