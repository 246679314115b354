//! `crosscheck extract` with no PATH: the `seeds/` folder when the current folder has
//! one, standard input otherwise.

use crate::support::{sources, Scratch, SAMPLE};

#[test]
fn no_path_reads_seeds_folder_when_present() {
    let scratch = Scratch::new("default-seeds");
    scratch.write("seeds/one.txt", SAMPLE);
    let run = scratch.run_with_stdin(
        &["extract", "--format", "jsonl", "--verbose"],
        b"Ignored 77 cats.\n",
    );
    run.assert_code(0);
    assert!(run.stderr().contains("seeds/one.txt: "), "{}", run.stderr());
    assert!(!run.stderr().contains("-: "), "{}", run.stderr());
    assert_eq!(sources(&run.records()), ["seeds/one.txt", "seeds/one.txt"]);
}

#[test]
fn no_path_and_no_seeds_folder_reads_standard_input() {
    let scratch = Scratch::new("default-stdin");
    let run = scratch.run_with_stdin(
        &["extract", "--format", "jsonl", "--verbose"],
        SAMPLE.as_bytes(),
    );
    run.assert_code(0);
    assert!(run.stderr().contains("crosscheck: -: "), "{}", run.stderr());
    assert_eq!(sources(&run.records()), ["-", "-"]);
}
