//! The configuration every property test runs with.

use proptest::test_runner::Config;

/// 256 cases per property; `PROPTEST_CASES=N` runs more for a deeper local search.
/// Failures are not persisted: a failing case is printed, and kept as a regression test
/// by hand.
pub fn config() -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256);
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}
