//! Times reconciliation of many generated claims.
//!
//! `cargo run --release --example reconcile_bench -- [CLAIMS] [SEED] [QUANTITIES]`
//! generates CLAIMS claims (default 1,000,000) spread at random over QUANTITIES
//! quantities (default CLAIMS/10, so about ten claims, some 45 to 50 pairs, per
//! quantity; `1` puts every claim on one quantity), with a fixed seed, then times
//! `crosscheck::reconcile::reconcile` over them, with no relations.
//!
//! The claims mix what documents state: plain figures rounded to two to four significant
//! digits, "about", "over", "almost", bounds, ranges, vague amounts, percentages;
//! most close to the quantity's true value, some off by a transposed or changed digit,
//! a slipped scale or an unrelated number; most with a period (a year, a span, "since").
//!
//! Prints one line of `key=value` pairs: claims, quantities, findings, seconds (the call
//! to `reconcile` alone), peak RSS in MB (VmHWM from /proc/self/status, for the whole
//! process, generation included) and RSS before the call, MB being 10^6 bytes; then the findings by verdict.

use std::collections::BTreeMap;
use std::time::Instant;

use crosscheck::extract::Kind;
use crosscheck::extract::{Period, Qualifier};
use crosscheck::reconcile::{
    interval_of, reconcile, ClaimOrigin, ClaimRecord, QuantityInfo, Stated, Tolerances,
};
use crosscheck::value::Value;

#[path = "common/mod.rs"]
mod common;

use common::{status_mb, Rng};

/// What the generator knows of a quantity beyond what the engine is told.
struct Truth {
    value: f64,
    percent: bool,
    year: i32,
}

/// `v` rounded to `digits` significant digits, and the place of the last one.
fn round_to(v: f64, digits: i32) -> (f64, f64) {
    let magnitude = v.abs().log10().floor() as i32;
    let step = 10f64.powi(magnitude - digits + 1);
    ((v / step).round() * step, step)
}

/// A number as a document might write it: "1,436", "1.3 million", "8.5".
fn show(v: f64, step: f64) -> String {
    if v >= 1.0e6 && step >= 1.0e4 {
        let decimals = (6.0 - step.log10()).max(0.0) as usize;
        return format!("{:.*} million", decimals, v / 1.0e6);
    }
    if step >= 1.0 {
        let digits = format!("{}", v.round() as u64);
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        return out;
    }
    let decimals = (-step.log10()).round().max(0.0) as usize;
    format!("{v:.decimals$}")
}

/// A value a source gives for a quantity whose true value is `truth`: mostly close,
/// sometimes wrong in one of the ways documents are wrong.
fn reported(rng: &mut Rng, truth: f64, percent: bool) -> f64 {
    let roll = rng.unit();
    let v = if roll < 0.70 {
        // Close: within a few percent.
        truth * (1.0 + (rng.unit() - 0.5) * 0.06)
    } else if roll < 0.78 {
        // Two leading digits swapped: 624,980 → 642,980.
        let (rounded, step) = round_to(truth, 6);
        let digits = format!("{}", (rounded / step).round() as u64);
        let mut bytes = digits.into_bytes();
        if bytes.len() >= 3 {
            bytes.swap(1, 2);
        }
        let swapped: f64 = String::from_utf8(bytes)
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(rounded / step);
        swapped * step
    } else if roll < 0.84 {
        // A scale slip.
        if rng.chance(0.5) {
            truth * 10.0
        } else {
            truth / 10.0
        }
    } else if roll < 0.92 {
        // A different estimate.
        truth * (0.5 + rng.unit() * 1.5)
    } else {
        // Unrelated.
        truth * (0.01 + rng.unit() * 20.0)
    };
    if percent {
        v.clamp(0.1, 99.9)
    } else {
        v.max(1.0)
    }
}

/// One claim about quantity `q`.
fn claim(rng: &mut Rng, q: usize, truth: &Truth, sources: u64) -> ClaimRecord {
    let value = reported(rng, truth.value, truth.percent);
    let digits = 2 + rng.below(3) as i32;
    let (v, step) = round_to(value, digits);
    let step = if truth.percent {
        step.min(1.0)
    } else {
        step.max(1.0)
    };
    let shown = show(v, step);
    let roll = rng.unit();
    let (stated, text) = if roll < 0.45 {
        (Stated::exact(v, Some(step)), shown)
    } else if roll < 0.63 {
        let word = ["about", "approximately", "some", "around"][rng.below(4) as usize];
        (
            Stated::single(v, Qualifier::About, Some(step)),
            format!("{word} {shown}"),
        )
    } else if roll < 0.71 {
        (
            Stated::single(v, Qualifier::Over, Some(step)),
            format!("over {shown}"),
        )
    } else if roll < 0.75 {
        (
            Stated::single(v, Qualifier::Almost, Some(step)),
            format!("almost {shown}"),
        )
    } else if roll < 0.78 {
        (
            Stated::single(v, Qualifier::AtLeast, Some(step)),
            format!("at least {shown}"),
        )
    } else if roll < 0.81 {
        (
            Stated::single(v, Qualifier::Under, Some(step)),
            format!("fewer than {shown}"),
        )
    } else if roll < 0.83 {
        (
            Stated::single(v, Qualifier::AtMost, Some(step)),
            format!("up to {shown}"),
        )
    } else if roll < 0.95 || truth.percent {
        let (low, _) = round_to(v * (0.7 + rng.unit() * 0.25), digits);
        let (high, _) = round_to(v * (1.05 + rng.unit() * 0.4), digits);
        let high = if truth.percent { high.min(100.0) } else { high };
        (
            Stated::range(low, high, Some(step)),
            format!("between {} and {}", show(low, step), show(high, step)),
        )
    } else {
        // "thousands of", "hundreds of thousands of".
        let magnitude = 10f64.powi(v.log10().floor() as i32);
        let word = match magnitude as u64 {
            0..=99 => "dozens of",
            100..=999 => "hundreds of",
            1_000..=9_999 => "thousands of",
            10_000..=99_999 => "tens of thousands of",
            100_000..=999_999 => "hundreds of thousands of",
            _ => "millions of",
        };
        (Stated::vague(magnitude, magnitude * 10.0), word.to_string())
    };
    let (stated, text) = if truth.percent {
        (stated.as_percent(), format!("{text} per cent"))
    } else {
        (stated, text)
    };
    let roll = rng.unit();
    let period = if roll < 0.25 {
        None
    } else if roll < 0.60 {
        Some(Period::year(truth.year))
    } else if roll < 0.75 {
        Some(Period::year(truth.year + rng.below(3) as i32 - 1))
    } else if roll < 0.92 {
        let start = truth.year - rng.below(3) as i32;
        Some(Period::years(start, start + 1 + rng.below(4) as i32))
    } else {
        Some(Period::since(truth.year - rng.below(10) as i32))
    };
    ClaimRecord {
        quantity: q,
        source: format!("source-{:04}", rng.below(sources)),
        shown: text.clone(),
        interval: interval_of(&stated, &Tolerances::default()),
        scale: 1.0,
        value: Value {
            text,
            stated,
            kind: if truth.percent {
                Kind::Percent
            } else {
                Kind::Count
            },
            unit: None,
        },
        period,
        attributed_to: None,
        origin: ClaimOrigin::Document {
            name: String::new(),
            page: None,
            line: 0,
            column: 0,
            sentence: String::new(),
            pin: None,
        },
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let claims_wanted: usize = args
        .next()
        .map(|a| a.replace('_', "").parse().expect("CLAIMS must be a number"))
        .unwrap_or(1_000_000);
    let seed: u64 = args
        .next()
        .map(|a| a.parse().expect("SEED must be a number"))
        .unwrap_or(0x00c0_ffee);
    let quantity_count: usize = args
        .next()
        .map(|a| {
            a.replace('_', "")
                .parse()
                .expect("QUANTITIES must be a number")
        })
        .unwrap_or(claims_wanted / 10)
        .max(1);
    let mut rng = Rng::new(seed);

    let started = Instant::now();
    let mut quantities = Vec::with_capacity(quantity_count);
    let mut truths = Vec::with_capacity(quantity_count);
    for q in 0..quantity_count {
        let percent = rng.chance(0.2);
        let value = if percent {
            0.5 + rng.unit() * 99.0
        } else {
            // Log-uniform from 10 to 10 million.
            10f64.powf(1.0 + rng.unit() * 6.0)
        };
        truths.push(Truth {
            value,
            percent,
            year: 1900 + rng.below(120) as i32,
        });
        quantities.push(QuantityInfo {
            id: format!("quantity_{q:07}"),
            cumulative: rng.chance(0.3),
            tolerances: Tolerances::default(),
        });
    }
    let sources = (claims_wanted as u64 / 100).clamp(10, 5_000);
    let claims: Vec<ClaimRecord> = (0..claims_wanted)
        .map(|_| {
            let q = rng.below(quantity_count as u64) as usize;
            claim(&mut rng, q, &truths[q], sources)
        })
        .collect();
    let generated = started.elapsed().as_secs_f64();
    let rss_before = status_mb("VmRSS");

    let started = Instant::now();
    let findings = reconcile(&quantities, &claims, &[]).findings;
    let seconds = started.elapsed().as_secs_f64();
    let peak = status_mb("VmHWM");

    println!(
        "claims={} quantities={} findings={} seconds={seconds:.3} peak_rss_mb={peak:.1} \
         rss_before_mb={rss_before:.1} generate_seconds={generated:.3} seed={seed}",
        claims.len(),
        quantities.len(),
        findings.len(),
    );
    let mut by_verdict: BTreeMap<&str, usize> = BTreeMap::new();
    for finding in &findings {
        *by_verdict.entry(finding.verdict.as_str()).or_default() += 1;
    }
    let counts: Vec<String> = by_verdict
        .iter()
        .map(|(verdict, n)| format!("{verdict}={n}"))
        .collect();
    println!("verdicts: {}", counts.join(" "));
}
