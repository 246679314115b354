//! Judgements in words: the one plain sentence a historian reads for a verdict.
//!
//! [`explain`] turns a [`Judgement`] on two claims into a sentence that quotes the
//! figures as written and says how they are read ("1400 (read as 1,350 to 1,450) and
//! 1,436 agree within rounding"); [`compare`] judges and explains in one call. This file
//! uses the codes and judging of `verdict.rs`, never the other way round. Numbers and
//! intervals are worded as everywhere else ([`show_number`], [`show_interval`]).

use super::interval::{show_interval, Interval, Tolerances};
use super::verdict::{
    judge, ratio, representative, scale_slip, superset_smaller, ClaimView, Diagnosis, Judgement,
    Reading, Verdict,
};
use crate::extract::Period;
use crate::value::show_number;

/// The outcome of comparing two claims.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub verdict: Verdict,
    pub diagnosis: Option<Diagnosis>,
    /// One plain sentence a historian can read.
    pub reason: String,
}

/// Compares two claims about the same quantity: [`judge`], then [`explain`].
pub fn compare(a: &ClaimView, b: &ClaimView, cumulative: bool, tol: &Tolerances) -> Comparison {
    let (ra, rb) = (Reading::of(&a.stated, tol), Reading::of(&b.stated, tol));
    let judgement = judge((a, &ra), (b, &rb), cumulative);
    Comparison {
        verdict: judgement.verdict,
        diagnosis: judgement.diagnosis,
        reason: explain((a, &ra), (b, &rb), judgement),
    }
}

/// The one plain sentence a historian reads for `judgement` on these two claims.
pub fn explain(
    (a, ra): (&ClaimView, &Reading),
    (b, rb): (&ClaimView, &Reading),
    judgement: Judgement,
) -> String {
    let (ia, ib) = (&ra.interval, &rb.interval);
    let label = |c: &ClaimView, p: Option<Period>| match p {
        Some(p) => format!("{} ({})", c.text, period_label(p)),
        None => c.text.to_string(),
    };
    match (judgement.verdict, judgement.diagnosis) {
        (Verdict::Agreement, _) => format!("{} and {} state the same value", a.text, b.text),
        (Verdict::WithinRounding, _) => {
            format!(
                "{} and {} agree within rounding",
                read_as(a, ia),
                read_as(b, ib)
            )
        }
        (Verdict::WithinApproximation, _) => format!(
            "{} and {} agree within the approximation their wording allows",
            read_as(a, ia),
            read_as(b, ib)
        ),
        (Verdict::ScopeMismatch, _) => format!(
            "{} and {} refer to different periods, which may explain the difference",
            label(a, a.period),
            label(b, b.period)
        ),
        (Verdict::Contradiction, Some(Diagnosis::SupersetSmaller)) => {
            let (sup, sub) = match (a.period, b.period) {
                (Some(pa), Some(pb)) if superset_smaller((pa, ra), (pb, rb)) == Some(1) => (b, a),
                _ => (a, b),
            };
            format!(
                "{} is smaller than {}, though its period is longer",
                label(sup, sup.period),
                label(sub, sub.period)
            )
        }
        (_, diagnosis) => contradiction_reason(a, ia, b, ib, diagnosis),
    }
}

fn contradiction_reason(
    a: &ClaimView,
    ia: &Interval,
    b: &ClaimView,
    ib: &Interval,
    diagnosis: Option<Diagnosis>,
) -> String {
    let (big, small) = if representative(&a.stated) >= representative(&b.stated) {
        (a, b)
    } else {
        (b, a)
    };
    match diagnosis {
        Some(Diagnosis::PercentVsCount) => {
            let (p, c) = if a.stated.percent { (a, b) } else { (b, a) };
            format!("{} is a percentage but {} is not", p.text, c.text)
        }
        Some(Diagnosis::UnitConfusion) => format!(
            "{} and {} are the same number in two units of one measure: one of the units is wrong",
            a.text, b.text
        ),
        Some(Diagnosis::DigitsTransposed) => format!(
            "{} and {} differ only by two adjacent digits swapped",
            a.text, b.text
        ),
        Some(Diagnosis::DigitChanged) => {
            format!("{} and {} differ in a single digit", a.text, b.text)
        }
        Some(Diagnosis::ScaleSlip) => {
            let k = ratio(&a.stated, &b.stated)
                .and_then(scale_slip)
                .unwrap_or(1);
            format!(
                "{} is {} times {}, as if a power of ten slipped",
                big.text,
                show_number(10f64.powi(k)),
                small.text
            )
        }
        Some(Diagnosis::OrderOfMagnitude) => {
            let r = ratio(&a.stated, &b.stated).unwrap_or(f64::INFINITY);
            let times = if (r - r.round()).abs() < 0.05 {
                format!("{} times", show_number(r.round()))
            } else {
                format!("more than {} times", show_number(r.floor()))
            };
            format!("{} is {times} {}", big.text, small.text)
        }
        // Pairs are never diagnosed so; relations word their own reason.
        Some(
            Diagnosis::SupersetSmaller | Diagnosis::PartExceedsWhole | Diagnosis::SharesExceedWhole,
        )
        | None => {
            if ia.is_point() && ib.is_point() {
                format!(
                    "{} and {} differ by {}",
                    big.text,
                    small.text,
                    show_number((ia.low - ib.low).abs())
                )
            } else {
                format!("{} and {} do not overlap", read_as(a, ia), read_as(b, ib))
            }
        }
    }
}

/// The figure's text, followed by how it is read when that is not what the text says
/// already: "about 1,500 (read as 1,350 to 1,650)", but "over 100,000" alone.
fn read_as(c: &ClaimView, i: &Interval) -> String {
    let read = show_interval(i);
    if i.is_point() || c.text.eq_ignore_ascii_case(&read) {
        c.text.to_string()
    } else {
        format!("{} (read as {read})", c.text)
    }
}

/// "since 1921", "1937", "1930-1953".
fn period_label(p: Period) -> String {
    if p.open_end {
        format!("since {}", p.start)
    } else if p.start == p.end {
        p.start.to_string()
    } else {
        format!("{}-{}", p.start, p.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Qualifier;
    use crate::value::Stated;

    // Whole pairs through `compare`: the verdict and diagnosis come from verdict.rs, the
    // reason from here.

    fn claim(stated: Stated, text: &str, period: Option<Period>) -> ClaimView<'_> {
        ClaimView {
            stated,
            text,
            period,
            scale: 1.0,
        }
    }

    fn exact(v: f64, step: f64, text: &str) -> ClaimView<'_> {
        claim(Stated::exact(v, Some(step)), text, None)
    }

    fn check(a: &ClaimView, b: &ClaimView, cumulative: bool) -> Comparison {
        let tol = Tolerances::default();
        let ab = compare(a, b, cumulative, &tol);
        let ba = compare(b, a, cumulative, &tol);
        assert_eq!(
            ab.verdict, ba.verdict,
            "verdict depends on order: {ab:?} / {ba:?}"
        );
        assert_eq!(ab.diagnosis, ba.diagnosis, "diagnosis depends on order");
        ab
    }

    // --- verdicts ---

    #[test]
    fn same_number_is_agreement() {
        let c = check(
            &exact(1436.0, 1.0, "1,436"),
            &exact(1436.0, 1.0, "1,436"),
            false,
        );
        assert_eq!(c.verdict, Verdict::Agreement);
        assert_eq!(c.diagnosis, None);
        assert_eq!(c.reason, "1,436 and 1,436 state the same value");
    }

    #[test]
    fn same_number_written_differently_is_agreement() {
        let a = exact(1_300_000.0, 100_000.0, "1.3 million");
        let b = exact(1_300_000.0, 1.0, "1,300,000");
        assert_eq!(check(&a, &b, false).verdict, Verdict::Agreement);
    }

    #[test]
    fn same_range_is_agreement() {
        let a = claim(Stated::range(5e6, 7e6, Some(1e6)), "5-7 million", None);
        let b = claim(
            Stated::range(5e6, 7e6, Some(1.0)),
            "5,000,000-7,000,000",
            None,
        );
        assert_eq!(check(&a, &b, false).verdict, Verdict::Agreement);
    }

    #[test]
    fn rounded_number_holding_the_exact_one_is_within_rounding() {
        let c = check(
            &exact(1400.0, 100.0, "1400"),
            &exact(1436.0, 1.0, "1,436"),
            false,
        );
        assert_eq!(c.verdict, Verdict::WithinRounding);
        assert_eq!(
            c.reason,
            "1400 (read as 1,350 to 1,450) and 1,436 agree within rounding"
        );
    }

    #[test]
    fn millions_at_different_precisions_are_within_rounding() {
        let a = exact(1_300_000.0, 100_000.0, "1.3 million");
        let b = exact(1_330_000.0, 10_000.0, "1.33 million");
        assert_eq!(check(&a, &b, false).verdict, Verdict::WithinRounding);
    }

    #[test]
    fn about_that_needs_its_tolerance_is_within_approximation() {
        let about = claim(
            Stated::single(1500.0, Qualifier::About, None),
            "about one and a half thousand",
            None,
        );
        let c = check(&about, &exact(1436.0, 1.0, "1,436"), false);
        assert_eq!(c.verdict, Verdict::WithinApproximation);
        assert_eq!(
            c.reason,
            "about one and a half thousand (read as 1,300 to 1,700) and 1,436 \
             agree within the approximation their wording allows"
        );
    }

    #[test]
    fn seed_delegates_all_agree() {
        let about = claim(
            Stated::single(1500.0, Qualifier::About, None),
            "about one and a half thousand",
            Some(Period::year(1956)),
        );
        let full = claim(
            Stated::exact(1436.0, Some(1.0)),
            "1,436",
            Some(Period::year(1956)),
        );
        let rounded = claim(Stated::exact(1400.0, Some(100.0)), "1400", None);
        assert_eq!(
            check(&about, &full, false).verdict,
            Verdict::WithinApproximation
        );
        assert_eq!(
            check(&about, &rounded, false).verdict,
            Verdict::WithinRounding
        );
        assert_eq!(
            check(&full, &rounded, false).verdict,
            Verdict::WithinRounding
        );
    }

    #[test]
    fn about_with_a_single_point_step_still_needs_the_tolerance() {
        let about = claim(
            Stated::single(1500.0, Qualifier::About, Some(1.0)),
            "about 1,500",
            None,
        );
        let c = check(&about, &exact(1436.0, 1.0, "1,436"), false);
        assert_eq!(c.verdict, Verdict::WithinApproximation);
    }

    #[test]
    fn over_that_holds_the_other_is_within_approximation() {
        let over = claim(
            Stated::single(100_000.0, Qualifier::Over, Some(100_000.0)),
            "over 100,000",
            None,
        );
        let c = check(&over, &exact(116_885.0, 1.0, "116,885"), false);
        assert_eq!(c.verdict, Verdict::WithinApproximation);
        assert_eq!(
            c.reason,
            "over 100,000 and 116,885 agree within the approximation their wording allows"
        );
    }

    #[test]
    fn vague_amount_that_holds_the_other_is_within_approximation() {
        let vague = claim(Stated::vague(1000.0, 10_000.0), "thousands", None);
        let c = check(&vague, &exact(1436.0, 1.0, "1,436"), false);
        assert_eq!(c.verdict, Verdict::WithinApproximation);
    }

    #[test]
    fn almost_just_above_the_other_is_within_approximation() {
        let almost = claim(
            Stated::single(1500.0, Qualifier::Almost, Some(100.0)),
            "almost 1,500",
            None,
        );
        assert_eq!(
            check(&almost, &exact(1436.0, 1.0, "1,436"), false).verdict,
            Verdict::WithinApproximation
        );
        assert_eq!(
            check(&almost, &exact(1520.0, 10.0, "1,520"), false).verdict,
            Verdict::Contradiction
        );
    }

    #[test]
    fn different_periods_explain_a_difference() {
        let a = claim(
            Stated::exact(680_692.0, Some(1.0)),
            "680,692",
            Some(Period::years(1937, 1938)),
        );
        let b = claim(
            Stated::exact(353_074.0, Some(1.0)),
            "353,074",
            Some(Period::year(1937)),
        );
        // Not cumulative: a different period is a different quantity.
        let c = check(&a, &b, false);
        assert_eq!(c.verdict, Verdict::ScopeMismatch);
        assert_eq!(c.diagnosis, None);
        assert_eq!(
            c.reason,
            "680,692 (1937-1938) and 353,074 (1937) refer to different periods, \
             which may explain the difference"
        );
        // Cumulative, and the longer period holds the larger count: consistent.
        assert_eq!(check(&a, &b, true).verdict, Verdict::ScopeMismatch);
    }

    #[test]
    fn overlapping_periods_neither_covering_are_a_scope_mismatch() {
        let a = claim(
            Stated::exact(100.0, Some(1.0)),
            "100",
            Some(Period::years(1930, 1940)),
        );
        let b = claim(
            Stated::exact(900.0, Some(1.0)),
            "900",
            Some(Period::years(1935, 1945)),
        );
        assert_eq!(check(&a, &b, true).verdict, Verdict::ScopeMismatch);
    }

    #[test]
    fn unknown_period_is_compared_as_the_same_scope() {
        let a = claim(
            Stated::exact(3_777_380.0, Some(10.0)),
            "3,777,380",
            Some(Period::since(1921)),
        );
        let b = claim(Stated::exact(3_778_234.0, Some(1.0)), "3,778,234", None);
        let c = check(&a, &b, true);
        assert_eq!(c.verdict, Verdict::Contradiction);
        assert_eq!(c.diagnosis, None);
        assert_eq!(
            c.reason,
            "3,777,380 (read as 3,777,375 to 3,777,385) and 3,778,234 do not overlap"
        );
    }

    #[test]
    fn exact_counts_over_the_same_period_that_differ_are_a_contradiction() {
        let a = exact(3_777_380.0, 1.0, "3,777,380");
        let b = exact(3_778_234.0, 1.0, "3,778,234");
        let c = check(&a, &b, false);
        assert_eq!(c.verdict, Verdict::Contradiction);
        assert_eq!(c.diagnosis, None);
        assert_eq!(c.reason, "3,778,234 and 3,777,380 differ by 854");
    }

    // --- diagnoses ---

    #[test]
    fn seed_longer_period_with_smaller_count_is_superset_smaller() {
        let memo = claim(
            Stated::exact(3_777_380.0, Some(10.0)),
            "3,777,380",
            Some(Period::since(1921)),
        );
        let kgb = claim(
            Stated::exact(3_778_234.0, Some(1.0)),
            "3,778,234",
            Some(Period::years(1930, 1953)),
        );
        let c = check(&memo, &kgb, true);
        assert_eq!(c.verdict, Verdict::Contradiction);
        assert_eq!(c.diagnosis, Some(Diagnosis::SupersetSmaller));
        let expected = "3,777,380 (since 1921) is smaller than 3,778,234 (1930-1953), \
                        though its period is longer";
        assert_eq!(c.reason, expected);
        assert_eq!(
            compare(&kgb, &memo, true, &Tolerances::default()).reason,
            expected
        );
        // The same figures for a quantity that is not cumulative: only scope.
        assert_eq!(check(&memo, &kgb, false).verdict, Verdict::ScopeMismatch);
    }

    #[test]
    fn seed_exceeded_million_against_archival_count_is_order_of_magnitude() {
        let period = Some(Period::years(1937, 1938));
        let manual = claim(
            Stated::single(1_300_000.0, Qualifier::Over, Some(100_000.0)),
            "exceeded 1.3 million",
            period,
        );
        let archive = claim(Stated::exact(116_885.0, Some(1.0)), "116,885", period);
        let c = check(&manual, &archive, true);
        assert_eq!(c.verdict, Verdict::Contradiction);
        assert_eq!(c.diagnosis, Some(Diagnosis::OrderOfMagnitude));
        assert_eq!(
            c.reason,
            "exceeded 1.3 million is more than 11 times 116,885"
        );
        assert_eq!(
            compare(&archive, &manual, true, &Tolerances::default()).reason,
            c.reason
        );
    }

    #[test]
    fn swapped_adjacent_digits_are_digits_transposed() {
        let c = check(
            &exact(624_980.0, 10.0, "624,980"),
            &exact(642_980.0, 10.0, "642,980"),
            false,
        );
        assert_eq!(c.verdict, Verdict::Contradiction);
        assert_eq!(c.diagnosis, Some(Diagnosis::DigitsTransposed));
        assert_eq!(
            c.reason,
            "624,980 and 642,980 differ only by two adjacent digits swapped"
        );
    }

    #[test]
    fn swapped_digits_that_are_not_adjacent_are_a_changed_pair_not_a_transposition() {
        let c = check(
            &exact(624_980.0, 10.0, "624,980"),
            &exact(684_920.0, 10.0, "684,920"),
            false,
        );
        assert_eq!(c.verdict, Verdict::Contradiction);
        assert_eq!(c.diagnosis, None);
    }

    #[test]
    fn one_different_digit_is_digit_changed() {
        let c = check(
            &exact(116_885.0, 1.0, "116,885"),
            &exact(116_835.0, 1.0, "116,835"),
            false,
        );
        assert_eq!(c.diagnosis, Some(Diagnosis::DigitChanged));
        assert_eq!(c.reason, "116,885 and 116,835 differ in a single digit");
        // The leading digit too.
        let c = check(
            &exact(1436.0, 1.0, "1,436"),
            &exact(7436.0, 1.0, "7,436"),
            false,
        );
        assert_eq!(c.diagnosis, Some(Diagnosis::DigitChanged));
    }

    #[test]
    fn power_of_ten_apart_is_scale_slip() {
        let c = check(
            &exact(1436.0, 1.0, "1,436"),
            &exact(14_360.0, 10.0, "14,360"),
            false,
        );
        assert_eq!(c.diagnosis, Some(Diagnosis::ScaleSlip));
        assert_eq!(
            c.reason,
            "14,360 is 10 times 1,436, as if a power of ten slipped"
        );
        // Within 1% of a power of ten.
        let c = check(
            &exact(1_300_000.0, 100_000.0, "1.3 million"),
            &exact(1_305.0, 1.0, "1,305"),
            false,
        );
        assert_eq!(c.diagnosis, Some(Diagnosis::ScaleSlip));
        assert!(c.reason.contains("is 1,000 times"), "{}", c.reason);
    }

    #[test]
    fn five_times_apart_is_order_of_magnitude() {
        let c = check(
            &exact(100.0, 100.0, "100"),
            &exact(700.0, 100.0, "700"),
            false,
        );
        // 100 and 700 are also one digit apart: the digit wins.
        assert_eq!(c.diagnosis, Some(Diagnosis::DigitChanged));
        let c = check(
            &exact(120.0, 10.0, "120"),
            &exact(7000.0, 1000.0, "7,000"),
            false,
        );
        assert_eq!(c.diagnosis, Some(Diagnosis::OrderOfMagnitude));
        assert_eq!(c.reason, "7,000 is more than 58 times 120");
        let c = check(
            &exact(120.0, 10.0, "120"),
            &exact(480.0, 10.0, "480"),
            false,
        );
        assert_eq!(c.diagnosis, None);
    }

    #[test]
    fn percent_against_count_is_percent_vs_count() {
        let share = claim(
            Stated::exact(8.5, Some(0.1)).as_percent(),
            "8.5 per cent",
            None,
        );
        let c = check(&share, &exact(116_885.0, 1.0, "116,885"), false);
        assert_eq!(c.verdict, Verdict::Contradiction);
        assert_eq!(c.diagnosis, Some(Diagnosis::PercentVsCount));
        assert_eq!(c.reason, "8.5 per cent is a percentage but 116,885 is not");
    }

    // --- helpers ---
}
