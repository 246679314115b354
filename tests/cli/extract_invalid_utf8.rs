//! A file that is not UTF-8: the message names the file and the line and column of the
//! first bad byte; exit status 2.

use crate::support::Scratch;

#[test]
fn invalid_utf8_is_located() {
    let scratch = Scratch::new("invalid-utf8");
    // Latin-1 "café": the é is the single byte 0xE9, at line 2, column 8.
    scratch.write(
        "latin1.txt",
        b"First line, 1 of 2.\nThe caf\xE9 sold 12 cups.\n",
    );
    let run = scratch.run(&["extract", "latin1.txt"]);
    run.assert_code(2);
    assert_eq!(
        run.stderr(),
        "latin1.txt:2:8: error[utf8]: not valid UTF-8 (byte 0xE9); skipped\n"
    );
}

#[test]
fn invalid_utf8_in_a_folder_is_an_input_error_too() {
    let scratch = Scratch::new("invalid-utf8-folder");
    scratch.write("corpus/ok.txt", "Fine, 3 lines.\n");
    scratch.write("corpus/sub/latin1.txt", b"\xC9t\xE9 1956\n");
    let run = scratch.run(&["extract", "corpus", "--verbose"]);
    run.assert_code(2);
    let stderr = run.stderr();
    assert!(
        stderr.contains("corpus/sub/latin1.txt:1:1: error[utf8]: not valid UTF-8 (byte 0xC9)"),
        "{stderr}"
    );
    assert!(stderr.contains("corpus/ok.txt: "), "{stderr}");
}
