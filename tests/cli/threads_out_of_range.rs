//! `-j N` outside 1 to 1024 is a usage error, exit 2, not a panic (regressions: `-j
//! 30000` panicked "failed to spawn thread", `-j 18446744073709551615` on a capacity
//! overflow); within the range the report is the same.

use crate::support::Scratch;

#[test]
fn too_many_threads_or_none_is_a_usage_error() {
    let scratch = Scratch::new("threads-range");
    scratch.write("corpus/a.txt", crate::support::SAMPLE);
    for threads in ["30000", "18446744073709551615", "0", "many"] {
        for command in ["extract", "check", "discover"] {
            let run = scratch.run(&[command, "corpus", "-j", threads]);
            run.assert_code(2);
            assert!(run.stderr().contains("--threads"), "{}", run.stderr());
            assert!(!run.stderr().contains("panicked"), "{}", run.stderr());
        }
    }
    let one = scratch.run(&["extract", "corpus", "-j", "1"]);
    let many = scratch.run(&["extract", "corpus", "-j", "1024"]);
    one.assert_code(0);
    assert_eq!(one.stdout(), many.stdout());
}
