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
    agrees, features, Discovered, FEATURES, FEATURE_COUNT, WEIGHTS_AGREEING, WEIGHTS_DISAGREEING,
};

/// The corpora the weights are fitted on, under `tests/fixtures/discovery/`.
pub const TRAINING_BLIND: [&str; 2] = ["halden_flood", "corvane_business"];
/// Held out: never used to fit (scored in `discovery_blind`).
pub const HELD_OUT: [&str; 2] = ["leningrad_siege", "rsv_vaccine"];

/// Regularisation: how strongly weights are pulled to 0 (not the bias).
const L2: f64 = 1.0;
/// How much more a positive pair counts than a negative one, for pairs whose values
/// agree and for those whose values disagree. Blocking yields about 6 negatives for each
/// positive among agreeing pairs and about 65 among disagreeing ones; counted alike,
/// the model would put nearly every pair under 0.5 and a reviewer would see almost
/// nothing. Counted this much more, a confidence of 0.5 marks a pair worth a reader's
/// seconds. Chosen by the training corpora's figures at 4, 8 and 16.
const POSITIVE_WEIGHT_AGREEING: f64 = 4.0;
const POSITIVE_WEIGHT_DISAGREEING: f64 = 16.0;

type Example = ([f64; FEATURE_COUNT], f64, bool);

fn examples(discovered: &Discovered, quantity_of: &HashMap<usize, String>) -> Vec<Example> {
    discovered
        .candidates
        .iter()
        .map(|c| {
            let x = features(
                &discovered.profiles[c.a],
                &discovered.profiles[c.b],
                f64::from(c.similarity),
            );
            let same = quantity_of
                .get(&c.a)
                .is_some_and(|q| quantity_of.get(&c.b) == Some(q));
            let agree = agrees(c.verdict);
            (x, if same { 1.0 } else { 0.0 }, agree)
        })
        .collect()
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// Solves `m · x = v` by Gaussian elimination with partial pivoting.
fn solve(mut m: Vec<Vec<f64>>, mut v: Vec<f64>) -> Vec<f64> {
    let n = v.len();
    for col in 0..n {
        let pivot = (col..n)
            .max_by(|&a, &b| m[a][col].abs().total_cmp(&m[b][col].abs()))
            .expect("rows");
        m.swap(col, pivot);
        v.swap(col, pivot);
        let (upper, lower) = m.split_at_mut(col + 1);
        let pivot_row = &upper[col];
        for (offset, row) in lower.iter_mut().enumerate() {
            let factor = row[col] / pivot_row[col];
            for (cell, above) in row[col..].iter_mut().zip(&pivot_row[col..]) {
                *cell -= factor * above;
            }
            v[col + 1 + offset] -= factor * v[col];
        }
    }
    let mut x = vec![0.0; n];
    for row in (0..n).rev() {
        let rest: f64 = (row + 1..n).map(|k| m[row][k] * x[k]).sum();
        x[row] = (v[row] - rest) / m[row][row];
    }
    x
}

/// Maximises the penalised log-likelihood.
fn fit(data: &[Example], positive_weight: f64) -> [f64; FEATURE_COUNT] {
    let mut w = [0.0; FEATURE_COUNT];
    for _ in 0..50 {
        let mut gradient = vec![0.0; FEATURE_COUNT];
        let mut hessian = vec![vec![0.0; FEATURE_COUNT]; FEATURE_COUNT];
        for (x, y, _) in data {
            let p = sigmoid(x.iter().zip(w).map(|(a, b)| a * b).sum());
            let weight = if *y > 0.5 { positive_weight } else { 1.0 };
            for i in 0..FEATURE_COUNT {
                gradient[i] += weight * (y - p) * x[i];
                for j in 0..FEATURE_COUNT {
                    hessian[i][j] += weight * p * (1.0 - p) * x[i] * x[j];
                }
            }
        }
        for i in 1..FEATURE_COUNT {
            gradient[i] -= L2 * w[i];
            hessian[i][i] += L2;
        }
        hessian[0][0] += 1e-6;
        let step = solve(hessian, gradient);
        for i in 0..FEATURE_COUNT {
            w[i] += step[i];
        }
        if step.iter().map(|s| s.abs()).fold(0.0, f64::max) < 1e-9 {
            break;
        }
    }
    w
}

fn log_loss(data: &[Example], w: &[f64; FEATURE_COUNT]) -> f64 {
    let total: f64 = data
        .iter()
        .map(|(x, y, _)| {
            let p = sigmoid(x.iter().zip(w).map(|(a, b)| a * b).sum()).clamp(1e-9, 1.0 - 1e-9);
            -(y * p.ln() + (1.0 - y) * (1.0 - p).ln())
        })
        .sum();
    total / data.len().max(1) as f64
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
            POSITIVE_WEIGHT_AGREEING,
        ),
        (
            false,
            "DISAGREEING",
            &WEIGHTS_DISAGREEING,
            POSITIVE_WEIGHT_DISAGREEING,
        ),
    ] {
        let part: Vec<Example> = data.iter().filter(|e| e.2 == agree).copied().collect();
        let positives = part.iter().filter(|e| e.1 > 0.5).count();
        println!(
            "pairs whose values {}: {} pairs, {positives} positive",
            if agree { "agree" } else { "disagree" },
            part.len()
        );
        let w = fit(&part, positive_weight);
        println!(
            "log loss: {:.4} with today's weights, {:.4} fitted",
            log_loss(&part, today),
            log_loss(&part, &w)
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

/// Guards the fitter itself: on data where one feature decides, it finds that feature.
#[test]
fn the_fitter_finds_a_deciding_feature() {
    let mut data = Vec::new();
    for i in 0..200 {
        let mut x = [0.0; FEATURE_COUNT];
        x[0] = 1.0;
        x[2] = f64::from(i % 2);
        x[5] = f64::from((i / 2) % 2);
        data.push((x, x[2], true));
    }
    let w = fit(&data, 1.0);
    assert!(w[2] > 3.0, "the deciding feature: {}", w[2]);
    assert!(w[5].abs() < 0.5, "a feature that says nothing: {}", w[5]);
}
