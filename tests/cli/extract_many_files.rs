//! 100,000 tiny files in a folder: every one is read, in name order, one record each.

use crate::support::{sources, Scratch};

#[test]
#[ignore = "stress: run by .ci/run's stress step"]
fn a_hundred_thousand_tiny_files_are_each_read_once_in_order() {
    let scratch = Scratch::new("many-files");
    const FILES: usize = 100_000;
    for n in 0..FILES {
        // A hundred folders of a thousand files.
        scratch.write(
            &format!("corpus/{:03}/{n:06}.txt", n / 1000),
            format!("We counted {} boats.\n", n + 10),
        );
    }
    let run = scratch.run(&["extract", "corpus", "--format", "jsonl"]);
    run.assert_code(0);
    let records = run.records();
    assert_eq!(records.len(), FILES);
    let names = sources(&records);
    for (n, (name, record)) in names.iter().zip(&records).enumerate() {
        assert_eq!(name, &format!("corpus/{:03}/{n:06}.txt", n / 1000));
        assert_eq!(record["value"], n + 10);
    }
}
