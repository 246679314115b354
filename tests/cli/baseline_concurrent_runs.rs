//! Two `crosscheck baseline` runs at once both keep their entries (regression: 8 of 50
//! concurrent runs lost the other run's entries). Each run accepts the findings of its
//! own claim file; the baseline holds both runs' entries every time.

use std::process::Stdio;

use crate::support::ferry::{with_ministry, MINISTRY};

#[test]
fn two_runs_at_once_lose_nothing() {
    let scratch = with_ministry("baseline-concurrent");
    // A second contradicting claim, in a claim folder of its own.
    std::fs::rename(
        scratch.path("claims/ministry.toml"),
        scratch.path("ministry.toml"),
    )
    .unwrap();
    scratch.write(
        "other/ministry.toml",
        MINISTRY
            .replace("ministry-bulletin", "ministry-circular")
            .replace("ministry_passengers_2023", "circular_passengers_2023")
            .replace("61,500", "70,100"),
    );
    for round in 0..12 {
        let _ = std::fs::remove_file(scratch.path("crosscheck-baseline.toml"));
        let runs: Vec<_> = [
            ["--claims", "claims", "--claims", "ministry.toml"],
            ["--claims", "claims", "--claims", "other"],
        ]
        .iter()
        .map(|claims| {
            let mut args = vec!["baseline"];
            args.extend(claims);
            scratch
                .command(&args)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("start crosscheck")
        })
        .collect();
        for mut run in runs {
            assert!(run.wait().unwrap().success(), "round {round}");
        }
        let baseline = scratch.read("crosscheck-baseline.toml");
        // Each run's contradictions name its own claim's figure.
        assert!(baseline.contains("61,500 at"), "round {round}:\n{baseline}");
        assert!(baseline.contains("70,100 at"), "round {round}:\n{baseline}");
    }
}
