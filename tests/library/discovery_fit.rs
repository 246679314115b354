//! Fits discovery's weights (`crosscheck::discover::WEIGHTS`) on labelled pairs and
//! prints them; run by hand, never in CI:
//! `cargo test --release --test library discovery_fit -- --ignored --nocapture`.
//!
//! The pairs are those discovery's blocking yields (at confidence 0) on the training
//! corpora: the seeds and the second corpus, labelled by their catalogs, and two of the
//! four blind corpora (`halden_flood`, `corvane_business`), labelled by their
//! annotations. A pair is positive when both figures are keyed to one quantity, and
//! negative otherwise. `leningrad_siege` (Russian and English) and `rsv_vaccine` are
//! held out: their figures in `discovery_blind` are the test of the fitted weights.
//! The model is an L2-regularised logistic regression, fitted by Newton's method.

use std::collections::HashMap;
use std::path::Path;

use crate::common::discovery::{labelled_by_catalog, labelled_by_truth};
use crosscheck::discover::{
    agrees, features, fit, Discovered, FEATURES, FEATURE_COUNT, WEIGHTS_AGREEING,
    WEIGHTS_DISAGREEING,
};

/// The corpora the weights are fitted on, under `tests/fixtures/discovery/`.
pub const TRAINING_BLIND: [&str; 2] = ["halden_flood", "corvane_business"];
/// Held out: never used to fit (scored in `discovery_blind`).
pub const HELD_OUT: [&str; 2] = ["leningrad_siege", "rsv_vaccine"];

/// Regularisation: how strongly weights are pulled to 0 (not the bias).
const L2: f64 = 1.0;

/// A pair's features, whether it is one quantity, and whether its values agree.
type Example = ([f64; FEATURE_COUNT], f64, bool);

fn examples(discovered: &Discovered, quantity_of: &HashMap<usize, String>) -> Vec<Example> {
    discovered
        .candidates
        .iter()
        .map(|c| {
            let x = features(
                &discovered.profiles[c.a as usize],
                &discovered.profiles[c.b as usize],
                f64::from(c.similarity),
            );
            let same = quantity_of
                .get(&(c.a as usize))
                .is_some_and(|q| quantity_of.get(&(c.b as usize)) == Some(q));
            let agree = agrees(c.verdict);
            (x, if same { 1.0 } else { 0.0 }, agree)
        })
        .collect()
}

fn training_data() -> Vec<Example> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut data = Vec::new();
    let (d, q) = labelled_by_catalog(root, "seeds", "claims", 0.0);
    data.extend(examples(&d, &q));
    let second = root.join("tests/fixtures/second_corpus");
    let (d, q) = labelled_by_catalog(&second, "docs", "claims", 0.0);
    data.extend(examples(&d, &q));
    for name in TRAINING_BLIND {
        let (d, q) = labelled_by_truth(&root.join("tests/fixtures/discovery").join(name), 0.0);
        data.extend(examples(&d, &q));
    }
    data
}

#[test]
#[ignore = "fit: prints discovery's weights for src/discover/score.rs"]
fn fit_discovery_weights() {
    let data = training_data();
    for (agree, name, today, positive_weight) in [
        (
            true,
            "AGREEING",
            &WEIGHTS_AGREEING,
            fit::POSITIVE_WEIGHT_AGREEING,
        ),
        (
            false,
            "DISAGREEING",
            &WEIGHTS_DISAGREEING,
            fit::POSITIVE_WEIGHT_DISAGREEING,
        ),
    ] {
        let part: Vec<fit::Example> = data
            .iter()
            .filter(|e| e.2 == agree)
            .map(|&(x, y, _)| (x, y))
            .collect();
        let positives = part.iter().filter(|e| e.1 > 0.5).count();
        println!(
            "pairs whose values {}: {} pairs, {positives} positive",
            if agree { "agree" } else { "disagree" },
            part.len()
        );
        let zeros = [0.0; FEATURE_COUNT];
        let w = fit::fit(
            &part,
            fit::Fit {
                towards: &zeros,
                pull: L2,
                pull_bias: false,
                positive_weight,
            },
        );
        println!(
            "log loss: {:.4} with today's weights, {:.4} fitted",
            fit::log_loss(&part, today),
            fit::log_loss(&part, &w)
        );
        for (feature, (now, fitted)) in FEATURES.iter().zip(today.iter().zip(w)) {
            println!("{feature:>40}: {now:>6.2} -> {fitted:>6.2}");
        }
        let shown: Vec<String> = w.iter().map(|x| format!("{x:.2}")).collect();
        println!(
            "pub const WEIGHTS_{name}: [f64; FEATURE_COUNT] = [{}];",
            shown.join(", ")
        );
    }
}
