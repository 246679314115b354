//! A binary file named on the command line: a warning naming it, the file skipped, the
//! other inputs read, exit status 2.

use crate::support::{Scratch, SAMPLE};

#[test]
fn named_binary_file_is_refused_by_content() {
    let scratch = Scratch::new("binary-named");
    scratch.write("blob.txt", b"GIF89a\x00\x01\x02 1,436 \x00\xFF");
    scratch.write("good.txt", SAMPLE);
    let run = scratch.run(&["extract", "blob.txt", "good.txt", "--verbose"]);
    run.assert_code(2);
    let stderr = run.stderr();
    assert!(
        stderr.contains("blob.txt: error[binary]: looks like a binary file (NUL byte"),
        "{stderr}"
    );
    assert!(stderr.contains("crosscheck: good.txt: "), "{stderr}");
}

#[test]
fn named_file_with_binary_extension_is_refused() {
    let scratch = Scratch::new("binary-named-ext");
    scratch.write("scan.PNG", "a picture of 12 pages\n");
    let run = scratch.run(&["extract", "scan.PNG"]);
    run.assert_code(2);
    assert_eq!(
        run.stderr(),
        "scan.PNG: error[binary]: looks like a binary file (.png file); skipped\n"
    );
}
