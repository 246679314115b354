//! Fitting the weights of the pair score: an L2-regularised logistic regression by
//! Newton's method, pulled towards given weights. With the defaults as the pull, a
//! project's own reviewed pairs (figures its catalog keys, candidates it rejected)
//! adjust the defaults without overturning them; with zeros, it fits from scratch
//! (`tests/library/discovery_fit.rs` fits the defaults so).

use super::score::FEATURE_COUNT;

/// How much more a positive pair counts than a negative one ([`super::score`] sets
/// the two confidences against each other by them).
pub use super::score::{POSITIVE_WEIGHT_AGREEING, POSITIVE_WEIGHT_DISAGREEING};

/// A pair's features and whether its figures measure one quantity (1 or 0).
pub type Example = ([f64; FEATURE_COUNT], f64);

/// How a fit is pulled and weighed.
#[derive(Debug, Clone, Copy)]
pub struct Fit<'a> {
    /// The weights a feature is pulled towards.
    pub towards: &'a [f64; FEATURE_COUNT],
    /// How strongly.
    pub pull: f64,
    /// Whether the bias is pulled too, or free.
    pub pull_bias: bool,
    /// How much more a positive pair counts than a negative one.
    pub positive_weight: f64,
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

fn dot(x: &[f64; FEATURE_COUNT], w: &[f64; FEATURE_COUNT]) -> f64 {
    x.iter().zip(w).map(|(a, b)| a * b).sum()
}

/// Solves `m · x = v` by Gaussian elimination with partial pivoting; `None` when `m`
/// is singular.
fn solve(mut m: Vec<Vec<f64>>, mut v: Vec<f64>) -> Option<Vec<f64>> {
    let n = v.len();
    for col in 0..n {
        let pivot = (col..n).max_by(|&a, &b| m[a][col].abs().total_cmp(&m[b][col].abs()))?;
        if m[pivot][col].abs() < 1e-12 {
            return None;
        }
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
    Some(x)
}

/// The weights that best explain `data`, pulled as `fit` says.
pub fn fit(data: &[Example], fit: Fit) -> [f64; FEATURE_COUNT] {
    let mut w = *fit.towards;
    for _ in 0..50 {
        let mut gradient = vec![0.0; FEATURE_COUNT];
        let mut hessian = vec![vec![0.0; FEATURE_COUNT]; FEATURE_COUNT];
        for (x, y) in data {
            let p = sigmoid(dot(x, &w));
            let weight = if *y > 0.5 { fit.positive_weight } else { 1.0 };
            for i in 0..FEATURE_COUNT {
                gradient[i] += weight * (y - p) * x[i];
                for j in 0..FEATURE_COUNT {
                    hessian[i][j] += weight * p * (1.0 - p) * x[i] * x[j];
                }
            }
        }
        let first = if fit.pull_bias { 0 } else { 1 };
        for i in first..FEATURE_COUNT {
            gradient[i] -= fit.pull * (w[i] - fit.towards[i]);
            hessian[i][i] += fit.pull;
        }
        hessian[0][0] += 1e-6;
        let Some(step) = solve(hessian, gradient) else {
            break;
        };
        for (weight, change) in w.iter_mut().zip(&step) {
            *weight += change;
        }
        if step.iter().map(|s| s.abs()).fold(0.0, f64::max) < 1e-9 {
            break;
        }
    }
    w
}

/// The mean log loss of `w` on `data`.
pub fn log_loss(data: &[Example], w: &[f64; FEATURE_COUNT]) -> f64 {
    let total: f64 = data
        .iter()
        .map(|(x, y)| {
            let p = sigmoid(dot(x, w)).clamp(1e-9, 1.0 - 1e-9);
            -(y * p.ln() + (1.0 - y) * (1.0 - p).ln())
        })
        .sum();
    total / data.len().max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deciding_data() -> Vec<Example> {
        (0..200)
            .map(|i| {
                let mut x = [0.0; FEATURE_COUNT];
                x[0] = 1.0;
                x[2] = f64::from(i % 2);
                x[5] = f64::from((i / 2) % 2);
                (x, x[2])
            })
            .collect()
    }

    #[test]
    fn the_fitter_finds_a_deciding_feature() {
        let zeros = [0.0; FEATURE_COUNT];
        let w = fit(
            &deciding_data(),
            Fit {
                towards: &zeros,
                pull: 1.0,
                pull_bias: false,
                positive_weight: 1.0,
            },
        );
        assert!(w[2] > 3.0, "the deciding feature: {}", w[2]);
        assert!(w[5].abs() < 0.5, "a feature that says nothing: {}", w[5]);
    }

    #[test]
    fn a_strong_pull_keeps_the_weights_near_where_they_were() {
        let mut towards = [0.0; FEATURE_COUNT];
        towards[5] = -2.0;
        let w = fit(
            &deciding_data(),
            Fit {
                towards: &towards,
                pull: 1000.0,
                pull_bias: false,
                positive_weight: 1.0,
            },
        );
        assert!((w[5] + 2.0).abs() < 0.1, "pulled: {}", w[5]);
    }
}
