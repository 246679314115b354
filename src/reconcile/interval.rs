//! Intervals and what a stated figure means as one.
//!
//! A stated figure is read as an interval of the values it allows ("1.3
//! million" allows 1.25 to 1.35 million; "over 1.3 million" allows anything
//! above 1.3 million), and two figures agree when their intervals meet. This
//! file owns the [`Interval`] type with its interval arithmetic, the [`Tolerances`] that
//! widen approximate figures, and [`interval_of`], the one place that turns a
//! qualifier and a rounding step into an interval. It knows nothing about
//! documents, quantities or periods, and does no I/O.

use crate::extract::Qualifier;
use crate::value::{show_number, Stated};

/// A set of real numbers between two ends, each end open or closed.
///
/// Infinite ends are always open. An interval whose low end lies above its
/// high end (or whose ends are equal and not both closed) is empty.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
    /// True when `low` itself is not in the interval.
    pub low_open: bool,
    /// True when `high` itself is not in the interval.
    pub high_open: bool,
}

impl Interval {
    /// An interval with the given ends; infinite ends are made open.
    pub fn new(low: f64, high: f64, low_open: bool, high_open: bool) -> Interval {
        Interval {
            low,
            high,
            low_open: low_open || low.is_infinite(),
            high_open: high_open || high.is_infinite(),
        }
    }

    /// `[low, high]`.
    pub fn closed(low: f64, high: f64) -> Interval {
        Interval::new(low, high, false, false)
    }

    /// `[v, v]`.
    pub fn point(v: f64) -> Interval {
        Interval::closed(v, v)
    }

    /// The whole real line, `(-∞, ∞)`.
    pub fn whole() -> Interval {
        Interval::new(f64::NEG_INFINITY, f64::INFINITY, true, true)
    }

    /// True when the interval holds exactly one number.
    pub fn is_point(&self) -> bool {
        self.low == self.high && !self.low_open && !self.high_open
    }

    /// True when the interval holds no number at all.
    pub fn is_empty(&self) -> bool {
        self.low.is_nan()
            || self.high.is_nan()
            || self.low > self.high
            || (self.low == self.high && (self.low_open || self.high_open))
    }

    /// True when `x` lies in the interval, respecting open ends.
    pub fn contains(&self, x: f64) -> bool {
        let above_low = x > self.low || (!self.low_open && x == self.low);
        let below_high = x < self.high || (!self.high_open && x == self.high);
        above_low && below_high
    }

    /// True when the two intervals share at least one number: two figures
    /// agree when their intervals meet. `[1, 2]` meets `[2, 3]`; `[1, 2)`
    /// does not.
    pub fn meets(&self, other: &Interval) -> bool {
        if self.is_empty() || other.is_empty() {
            return false;
        }
        let low = self.low.max(other.low);
        let high = self.high.min(other.high);
        if low < high {
            true
        } else if low > high {
            false
        } else {
            self.contains(low) && other.contains(low)
        }
    }

    /// The numbers in both intervals (possibly an empty interval).
    /// The smallest interval holding both.
    pub fn hull(&self, other: &Interval) -> Interval {
        let (low, low_open) = match self.low.total_cmp(&other.low) {
            std::cmp::Ordering::Less => (self.low, self.low_open),
            std::cmp::Ordering::Greater => (other.low, other.low_open),
            std::cmp::Ordering::Equal => (self.low, self.low_open && other.low_open),
        };
        let (high, high_open) = match self.high.total_cmp(&other.high) {
            std::cmp::Ordering::Greater => (self.high, self.high_open),
            std::cmp::Ordering::Less => (other.high, other.high_open),
            std::cmp::Ordering::Equal => (self.high, self.high_open && other.high_open),
        };
        Interval::new(low, high, low_open, high_open)
    }

    pub fn intersect(&self, other: &Interval) -> Interval {
        let (low, low_open) = if self.low > other.low {
            (self.low, self.low_open)
        } else if other.low > self.low {
            (other.low, other.low_open)
        } else {
            (self.low, self.low_open || other.low_open)
        };
        let (high, high_open) = if self.high < other.high {
            (self.high, self.high_open)
        } else if other.high < self.high {
            (other.high, other.high_open)
        } else {
            (self.high, self.high_open || other.high_open)
        };
        Interval::new(low, high, low_open, high_open)
    }

    /// `{-x : x in self}`.
    pub fn neg(&self) -> Interval {
        Interval::new(-self.high, -self.low, self.high_open, self.low_open)
    }

    /// `{x + y}` for x in `self`, y in `other`.
    pub fn add(&self, other: &Interval) -> Interval {
        Interval::new(
            self.low + other.low,
            self.high + other.high,
            self.low_open || other.low_open,
            self.high_open || other.high_open,
        )
    }

    /// `{x - y}` for x in `self`, y in `other`.
    pub fn sub(&self, other: &Interval) -> Interval {
        self.add(&other.neg())
    }

    /// `{x · y}` for x in `self`, y in `other`.
    pub fn mul(&self, other: &Interval) -> Interval {
        let a = [(self.low, !self.low_open), (self.high, !self.high_open)];
        let b = [(other.low, !other.low_open), (other.high, !other.high_open)];
        let mut lo: Option<(f64, bool)> = None;
        let mut hi: Option<(f64, bool)> = None;
        for &(x, x_in) in &a {
            for &(y, y_in) in &b {
                let (p, p_in) = end_product(x, x_in, y, y_in);
                lo = Some(match lo {
                    Some((v, v_in)) if v < p => (v, v_in),
                    Some((v, v_in)) if v == p => (v, v_in || p_in),
                    _ => (p, p_in),
                });
                hi = Some(match hi {
                    Some((v, v_in)) if v > p => (v, v_in),
                    Some((v, v_in)) if v == p => (v, v_in || p_in),
                    _ => (p, p_in),
                });
            }
        }
        let (lo, lo_in) = lo.unwrap_or((f64::NAN, false));
        let (hi, hi_in) = hi.unwrap_or((f64::NAN, false));
        Interval::new(lo, hi, !lo_in, !hi_in)
    }

    /// `{x / y}` for x in `self`, y in `other`; the whole line when `other`
    /// holds 0.
    pub fn div(&self, other: &Interval) -> Interval {
        match other.recip() {
            Some(r) => self.mul(&r),
            None => Interval::whole(),
        }
    }

    /// `{1 / y}` for y in `self`, or `None` when `self` holds 0.
    fn recip(&self) -> Option<Interval> {
        if self.contains(0.0) || (self.low < 0.0 && self.high > 0.0) {
            return None;
        }
        // 1/0 from an open end at 0 goes to ±∞ on the side the interval lies.
        let inv = |x: f64, positive_side: bool| {
            if x == 0.0 {
                if positive_side {
                    f64::INFINITY
                } else {
                    f64::NEG_INFINITY
                }
            } else {
                1.0 / x
            }
        };
        let positive = self.low >= 0.0;
        Some(Interval::new(
            inv(self.high, positive),
            inv(self.low, positive),
            self.high_open,
            self.low_open,
        ))
    }
}

/// The product of two interval ends and whether it is attained. Infinite
/// ends are never attained; 0 · ∞ is taken as 0 (the limit of the products
/// inside the intervals), attained when the 0 is.
fn end_product(x: f64, x_in: bool, y: f64, y_in: bool) -> (f64, bool) {
    let x_in = x_in && x.is_finite();
    let y_in = y_in && y.is_finite();
    if x == 0.0 || y == 0.0 {
        let zero_in = (x == 0.0 && x_in) || (y == 0.0 && y_in);
        (0.0, zero_in || (x_in && y_in))
    } else {
        (x * y, x_in && y_in)
    }
}

/// How far approximate wording stretches a figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tolerances {
    /// "about X" allows X ± about·X (relative; default 0.10).
    pub about: f64,
    /// "almost X" allows X·(1 - almost) up to X (relative; default 0.10).
    pub almost: f64,
    /// Whether trailing zeros of a whole number are a rounding ("1,400" →
    /// 1,350 to 1,450) rather than exact digits (default true).
    pub round_trailing_zeros: bool,
}

impl Default for Tolerances {
    fn default() -> Tolerances {
        Tolerances {
            about: 0.10,
            almost: 0.10,
            round_trailing_zeros: true,
        }
    }
}

impl Tolerances {
    /// No approximation allowance, only rounding: what a figure allows if its
    /// "about"/"almost" are read strictly.
    pub fn strict(&self) -> Tolerances {
        Tolerances {
            about: 0.0,
            almost: 0.0,
            ..*self
        }
    }
}

/// The place of the last non-zero digit of a whole number: 1,400 → 100;
/// 1,436 → 1. `None` for 0, fractions and numbers too large to be exact.
fn trailing_zero_place(v: f64) -> Option<f64> {
    let v = v.abs();
    if v == 0.0 || v.fract() != 0.0 || v >= 9.0e15 {
        return None;
    }
    let mut n = v as u64;
    let mut place = 1.0;
    while n.is_multiple_of(10) {
        n /= 10;
        place *= 10.0;
    }
    Some(place)
}

/// How much a single stated number `v` may be off by rounding, as the full
/// width of its rounding interval (0 when the number is exact).
///
/// - a decimal step (1.3 → 0.1) is always a rounding;
/// - step 1 is exact for counts ("1,372,392") but a rounding for
///   percentages ("85 per cent" → 84.5 to 85.5);
/// - a step above 1 is a rounding, except that with `round_trailing_zeros`
///   off a step equal to the trailing zeros of `v` is taken as exact digits.
///   [`Stated`] cannot tell "1,400" from "1.4 thousand", so both are exact then;
/// - number words (no step) round at their trailing zeros when
///   `round_trailing_zeros` is on ("one and a half thousand" → step 100),
///   and are exact otherwise.
fn rounding_width(v: f64, step: Option<f64>, percent: bool, tol: &Tolerances) -> f64 {
    match step {
        Some(s) if s.is_finite() && s > 0.0 => {
            if s < 1.0 {
                s
            } else if s == 1.0 {
                if percent {
                    1.0
                } else {
                    0.0
                }
            } else if !tol.round_trailing_zeros && trailing_zero_place(v) == Some(s) {
                0.0
            } else {
                s
            }
        }
        Some(_) => 0.0,
        None if tol.round_trailing_zeros => match trailing_zero_place(v) {
            Some(place) if place > 1.0 => place,
            _ => 0.0,
        },
        None => 0.0,
    }
}

/// The interval of values a stated figure allows.
///
/// - exact: the rounding interval `[v - s/2, v + s/2]` (see the rounding rules
///   on steps below); a whole number written in full is the point itself;
/// - about: the rounding interval widened by `about · |v|` on each side;
/// - over: `(v, ∞)`; at least: `[v, ∞)`;
/// - under: `[0, v)` (quantities are taken as non-negative; `(-∞, v)` when
///   `v ≤ 0`); at most: `[0, v]` (`(-∞, v]` when `v < 0`);
/// - almost: `[v · (1 - almost), v]`;
/// - range: `[low, high]`, each end widened by its own rounding;
/// - vague: `[low, high]` as given, whatever the qualifier;
/// - percentages are clipped to `[0, 100]`.
///
/// Rounding steps: a decimal step always rounds; step 1 is exact for counts
/// and rounds for percentages; a step above 1 rounds (unless
/// `round_trailing_zeros` is off and the step is just the number's trailing
/// zeros); number words round at their trailing zeros when
/// `round_trailing_zeros` is on.
pub fn interval_of(stated: &Stated, tol: &Tolerances) -> Interval {
    let interval = if stated.vague {
        Interval::closed(stated.low, stated.high)
    } else {
        let rounded = |v: f64| {
            let half = rounding_width(v, stated.step, stated.percent, tol) / 2.0;
            Interval::closed(v - half, v + half)
        };
        match stated.qualifier {
            Qualifier::Exact => match stated.value {
                Some(v) => rounded(v),
                None => Interval::closed(rounded(stated.low).low, rounded(stated.high).high),
            },
            Qualifier::Range => {
                Interval::closed(rounded(stated.low).low, rounded(stated.high).high)
            }
            Qualifier::About => {
                let low = stated.anchor(false);
                let high = stated.anchor(true);
                Interval::closed(
                    rounded(low).low - tol.about * low.abs(),
                    rounded(high).high + tol.about * high.abs(),
                )
            }
            Qualifier::Over => Interval::new(stated.anchor(false), f64::INFINITY, true, true),
            Qualifier::AtLeast => Interval::new(stated.anchor(false), f64::INFINITY, false, true),
            Qualifier::Under => {
                let v = stated.anchor(true);
                if v > 0.0 {
                    Interval::new(0.0, v, false, true)
                } else {
                    Interval::new(f64::NEG_INFINITY, v, true, true)
                }
            }
            Qualifier::AtMost => {
                let v = stated.anchor(true);
                if v >= 0.0 {
                    Interval::closed(0.0, v)
                } else {
                    Interval::new(f64::NEG_INFINITY, v, true, false)
                }
            }
            Qualifier::Almost => {
                let v = stated.anchor(true);
                let other = v * (1.0 - tol.almost);
                Interval::closed(other.min(v), other.max(v))
            }
            // The mirror of "almost": above the number, by at most as much.
            Qualifier::JustOver => {
                let v = stated.anchor(false);
                Interval::new(v, v + v.abs() * tol.almost, true, false)
            }
        }
    };
    if stated.percent {
        interval.intersect(&Interval::closed(0.0, 100.0))
    } else {
        interval
    }
}

/// An interval as a reader would say it, the one wording every report and reason uses:
/// "116,885", "1,350 to 1,450", "over 1,300,000", "at least 5", "under 40", "at most
/// 5" (also for 0 to 5: a count cannot be less than nothing), "any value".
pub fn show_interval(i: &Interval) -> String {
    let (lo, hi) = (show_number(i.low), show_number(i.high));
    match (i.low.is_finite(), i.high.is_finite()) {
        _ if i.is_point() => lo,
        (true, false) if i.low_open => format!("over {lo}"),
        (true, false) => format!("at least {lo}"),
        (false, true) if i.high_open => format!("under {hi}"),
        (false, true) => format!("at most {hi}"),
        (false, false) => "any value".to_string(),
        (true, true) if i.low == 0.0 && !i.low_open && i.high_open => format!("under {hi}"),
        (true, true) if i.low == 0.0 && !i.low_open => format!("at most {hi}"),
        (true, true) => format!("{lo} to {hi}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tol() -> Tolerances {
        Tolerances::default()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
    }

    fn assert_interval(got: Interval, low: f64, high: f64, low_open: bool, high_open: bool) {
        assert!(
            close(got.low, low) || (got.low == low),
            "low: got {got:?}, want {low}"
        );
        assert!(
            close(got.high, high) || (got.high == high),
            "high: got {got:?}, want {high}"
        );
        assert_eq!(got.low_open, low_open, "low_open: {got:?}");
        assert_eq!(got.high_open, high_open, "high_open: {got:?}");
    }

    // --- Interval ---

    #[test]
    fn closed_intervals_meet_when_they_overlap() {
        assert!(Interval::closed(1.0, 3.0).meets(&Interval::closed(2.0, 4.0)));
        assert!(Interval::closed(2.0, 4.0).meets(&Interval::closed(1.0, 3.0)));
        assert!(!Interval::closed(1.0, 2.0).meets(&Interval::closed(3.0, 4.0)));
    }

    #[test]
    fn closed_ends_that_touch_meet() {
        assert!(Interval::closed(1.0, 2.0).meets(&Interval::closed(2.0, 3.0)));
        assert!(Interval::point(2.0).meets(&Interval::closed(2.0, 3.0)));
    }

    #[test]
    fn open_ends_that_touch_do_not_meet() {
        let over_two = Interval::new(2.0, f64::INFINITY, true, true);
        assert!(!Interval::point(2.0).meets(&over_two));
        assert!(!over_two.meets(&Interval::point(2.0)));
        let below_two = Interval::new(0.0, 2.0, false, true);
        assert!(!below_two.meets(&Interval::closed(2.0, 3.0)));
        assert!(below_two.meets(&Interval::closed(1.9, 3.0)));
    }

    #[test]
    fn distinct_points_do_not_meet() {
        assert!(!Interval::point(3_777_380.0).meets(&Interval::point(3_778_234.0)));
        assert!(Interval::point(1436.0).meets(&Interval::point(1436.0)));
    }

    #[test]
    fn empty_intervals_meet_nothing() {
        let empty = Interval::new(1.0, 1.0, true, false);
        assert!(empty.is_empty());
        assert!(!empty.meets(&Interval::whole()));
        assert!(!Interval::closed(3.0, 1.0).meets(&Interval::whole()));
    }

    #[test]
    fn contains_respects_open_ends() {
        let i = Interval::new(1.0, 2.0, true, false);
        assert!(!i.contains(1.0));
        assert!(i.contains(1.5));
        assert!(i.contains(2.0));
        assert!(!i.contains(2.5));
        assert!(Interval::whole().contains(-1e300));
        assert!(!Interval::whole().contains(f64::INFINITY));
    }

    #[test]
    fn infinite_ends_are_open() {
        let i = Interval::new(0.0, f64::INFINITY, false, false);
        assert!(i.high_open);
        assert!(!i.low_open);
    }

    #[test]
    fn intersect_keeps_the_tighter_ends() {
        let i = Interval::new(0.0, 5.0, true, false).intersect(&Interval::closed(0.0, 3.0));
        assert_interval(i, 0.0, 3.0, true, false);
    }

    #[test]
    fn add_and_sub() {
        let a = Interval::closed(1.0, 2.0);
        let b = Interval::new(10.0, 20.0, true, false);
        assert_interval(a.add(&b), 11.0, 22.0, true, false);
        assert_interval(b.sub(&a), 8.0, 19.0, true, false);
        assert_interval(a.sub(&a), -1.0, 1.0, false, false);
    }

    #[test]
    fn mul_of_positive_intervals() {
        let a = Interval::closed(2.0, 3.0);
        let b = Interval::closed(4.0, 5.0);
        assert_interval(a.mul(&b), 8.0, 15.0, false, false);
    }

    #[test]
    fn mul_across_zero_takes_the_extreme_products() {
        let a = Interval::closed(-2.0, 3.0);
        let b = Interval::closed(-1.0, 4.0);
        assert_interval(a.mul(&b), -8.0, 12.0, false, false);
    }

    #[test]
    fn mul_with_unbounded_and_open_ends() {
        let a = Interval::closed(0.0, 1.0);
        let b = Interval::new(1.0, f64::INFINITY, false, true);
        assert_interval(a.mul(&b), 0.0, f64::INFINITY, false, true);
        let open_zero = Interval::new(0.0, 1.0, true, false);
        assert_interval(open_zero.mul(&b), 0.0, f64::INFINITY, true, true);
    }

    #[test]
    fn mul_of_a_share_by_a_whole() {
        // 8.5 per cent (8.45..8.55) of 1,372,392 arrested.
        let share = Interval::closed(0.0845, 0.0855);
        let whole = Interval::point(1_372_392.0);
        let part = share.mul(&whole);
        assert!(part.contains(116_885.0));
        assert!(part.contains(116_000.0));
        assert!(!part.contains(118_000.0));
    }

    #[test]
    fn div_by_positive_interval() {
        let a = Interval::closed(116_885.0, 116_885.0);
        let b = Interval::closed(1_372_392.0, 1_372_392.0);
        let share = a.div(&b).mul(&Interval::point(100.0));
        assert!(Interval::closed(8.45, 8.55).meets(&share));
        assert!(!Interval::closed(4.15, 4.25).meets(&share));
    }

    #[test]
    fn div_by_negative_interval() {
        let a = Interval::closed(2.0, 4.0);
        let b = Interval::closed(-2.0, -1.0);
        assert_interval(a.div(&b), -4.0, -1.0, false, false);
    }

    #[test]
    fn div_by_interval_holding_zero_is_the_whole_line() {
        let a = Interval::closed(1.0, 2.0);
        assert_eq!(a.div(&Interval::closed(-1.0, 1.0)), Interval::whole());
        assert_eq!(a.div(&Interval::closed(0.0, 1.0)), Interval::whole());
        assert_eq!(a.div(&Interval::point(0.0)), Interval::whole());
    }

    #[test]
    fn div_by_interval_open_at_zero_is_unbounded() {
        let a = Interval::closed(1.0, 2.0);
        let b = Interval::new(0.0, 1.0, true, false);
        assert_interval(a.div(&b), 1.0, f64::INFINITY, false, true);
        let c = Interval::new(-1.0, 0.0, false, true);
        assert_interval(a.div(&c), f64::NEG_INFINITY, -1.0, true, false);
    }

    // --- interval_of: rounding ---

    #[test]
    fn rounded_millions_allow_half_a_step_each_way() {
        // "1.3 million": last stated digit is the hundred thousands.
        let i = interval_of(&Stated::exact(1_300_000.0, Some(100_000.0)), &tol());
        assert_interval(i, 1_250_000.0, 1_350_000.0, false, false);
    }

    #[test]
    fn number_written_in_full_is_a_point() {
        // "1,300,000" read as stated to the unit.
        let i = interval_of(&Stated::exact(1_300_000.0, Some(1.0)), &tol());
        assert!(i.is_point());
        assert_eq!(i.low, 1_300_000.0);
        let i = interval_of(&Stated::exact(1_372_392.0, Some(1.0)), &tol());
        assert_interval(i, 1_372_392.0, 1_372_392.0, false, false);
    }

    #[test]
    fn trailing_decimal_zero_narrows_the_rounding() {
        // "1.30 million": last stated digit is the ten thousands.
        let i = interval_of(&Stated::exact(1_300_000.0, Some(10_000.0)), &tol());
        assert_interval(i, 1_295_000.0, 1_305_000.0, false, false);
    }

    #[test]
    fn trailing_zeros_round_by_default() {
        let i = interval_of(&Stated::exact(1400.0, Some(100.0)), &tol());
        assert_interval(i, 1350.0, 1450.0, false, false);
    }

    #[test]
    fn trailing_zeros_can_be_read_as_exact() {
        let t = Tolerances {
            round_trailing_zeros: false,
            ..tol()
        };
        let i = interval_of(&Stated::exact(1400.0, Some(100.0)), &t);
        assert!(i.is_point());
        // A step finer than the trailing zeros still rounds.
        let i = interval_of(&Stated::exact(1_300_000.0, Some(10_000.0)), &t);
        assert_interval(i, 1_295_000.0, 1_305_000.0, false, false);
    }

    #[test]
    fn decimals_round() {
        let i = interval_of(&Stated::exact(4.2, Some(0.1)).as_percent(), &tol());
        assert_interval(i, 4.15, 4.25, false, false);
    }

    #[test]
    fn whole_percentages_round_to_the_unit() {
        let i = interval_of(&Stated::exact(85.0, Some(1.0)).as_percent(), &tol());
        assert_interval(i, 84.5, 85.5, false, false);
    }

    #[test]
    fn number_words_round_at_their_trailing_zeros() {
        let i = interval_of(&Stated::exact(1500.0, None), &tol());
        assert_interval(i, 1450.0, 1550.0, false, false);
        let i = interval_of(&Stated::exact(3.0, None), &tol());
        assert!(i.is_point());
        let t = Tolerances {
            round_trailing_zeros: false,
            ..tol()
        };
        assert!(interval_of(&Stated::exact(1500.0, None), &t).is_point());
    }

    // --- interval_of: qualifiers ---

    #[test]
    fn about_widens_the_rounding_interval() {
        // "about one and a half thousand": 1,450..1,550 widened by 150.
        let about = Stated::single(1500.0, Qualifier::About, None);
        assert_interval(interval_of(&about, &tol()), 1300.0, 1700.0, false, false);
        // "about 1,436": a point widened by 143.6.
        let about = Stated::single(1436.0, Qualifier::About, Some(1.0));
        assert_interval(interval_of(&about, &tol()), 1292.4, 1579.6, false, false);
    }

    #[test]
    fn about_with_zero_tolerance_is_only_rounding() {
        let about = Stated::single(1500.0, Qualifier::About, Some(100.0));
        let i = interval_of(&about, &tol().strict());
        assert_interval(i, 1450.0, 1550.0, false, false);
    }

    #[test]
    fn over_is_open_above_the_number() {
        let over = Stated::single(1_300_000.0, Qualifier::Over, Some(100_000.0));
        let i = interval_of(&over, &tol());
        assert_interval(i, 1_300_000.0, f64::INFINITY, true, true);
        assert!(!i.contains(1_300_000.0));
    }

    #[test]
    fn at_least_includes_the_number() {
        let s = Stated::single(500.0, Qualifier::AtLeast, Some(100.0));
        let i = interval_of(&s, &tol());
        assert_interval(i, 500.0, f64::INFINITY, false, true);
        assert!(i.contains(500.0));
    }

    #[test]
    fn under_runs_from_zero_to_just_below() {
        let s = Stated::single(1000.0, Qualifier::Under, Some(1000.0));
        let i = interval_of(&s, &tol());
        assert_interval(i, 0.0, 1000.0, false, true);
        assert!(!i.contains(1000.0));
        assert!(i.contains(0.0));
    }

    #[test]
    fn at_most_runs_from_zero_to_the_number() {
        let s = Stated::single(1000.0, Qualifier::AtMost, Some(1000.0));
        assert_interval(interval_of(&s, &tol()), 0.0, 1000.0, false, false);
    }

    #[test]
    fn almost_is_just_below_and_includes_the_number() {
        let s = Stated::single(2000.0, Qualifier::Almost, Some(1000.0));
        let i = interval_of(&s, &tol());
        assert_interval(i, 1800.0, 2000.0, false, false);
        assert!(!i.contains(2001.0));
    }

    #[test]
    fn just_over_is_just_above_and_excludes_the_number() {
        let s = Stated::single(14000.0, Qualifier::JustOver, Some(1000.0));
        let i = interval_of(&s, &tol());
        assert_interval(i, 14000.0, 15400.0, true, false);
        assert!(!i.contains(40000.0));
    }

    #[test]
    fn ranges_widen_each_end_by_its_rounding() {
        // "5-7 million".
        let s = Stated::range(5e6, 7e6, Some(1e6));
        assert_interval(interval_of(&s, &tol()), 4.5e6, 7.5e6, false, false);
        // "between 17 and 50", stated to the unit.
        let s = Stated::range(17.0, 50.0, Some(1.0));
        assert_interval(interval_of(&s, &tol()), 17.0, 50.0, false, false);
    }

    #[test]
    fn vague_amounts_keep_their_bounds() {
        // "thousands of".
        let s = Stated::vague(1000.0, 10_000.0);
        assert_interval(interval_of(&s, &tol()), 1000.0, 10_000.0, false, false);
        let s = Stated {
            qualifier: Qualifier::About,
            ..Stated::vague(10_000.0, 100_000.0)
        };
        assert_interval(interval_of(&s, &tol()), 10_000.0, 100_000.0, false, false);
    }

    #[test]
    fn percentages_stay_within_zero_and_a_hundred() {
        let s = Stated::single(95.0, Qualifier::About, Some(1.0)).as_percent();
        assert_interval(interval_of(&s, &tol()), 85.0, 100.0, false, false);
        let s = Stated::single(90.0, Qualifier::Over, Some(10.0)).as_percent();
        assert_interval(interval_of(&s, &tol()), 90.0, 100.0, true, false);
    }

    // --- borderline cases ---

    #[test]
    fn about_1500_meets_1436() {
        let about = interval_of(&Stated::single(1500.0, Qualifier::About, None), &tol());
        let exact = interval_of(&Stated::exact(1436.0, Some(1.0)), &tol());
        assert!(about.meets(&exact));
        // Without the approximation allowance, only rounding: no meeting.
        let strict = interval_of(
            &Stated::single(1500.0, Qualifier::About, Some(100.0)),
            &tol().strict(),
        );
        assert!(!strict.meets(&exact));
    }

    #[test]
    fn rounded_1400_meets_1436() {
        let rounded = interval_of(&Stated::exact(1400.0, Some(100.0)), &tol());
        let exact = interval_of(&Stated::exact(1436.0, Some(1.0)), &tol());
        assert!(rounded.meets(&exact));
    }

    #[test]
    fn exact_counts_a_few_hundred_apart_do_not_meet() {
        let a = interval_of(&Stated::exact(3_777_380.0, Some(10.0)), &tol());
        let b = interval_of(&Stated::exact(3_778_234.0, Some(1.0)), &tol());
        assert!(!a.meets(&b));
        let a = interval_of(&Stated::exact(3_777_380.0, Some(1.0)), &tol());
        assert!(!a.meets(&b));
    }

    #[test]
    fn over_does_not_meet_a_much_smaller_count() {
        let over = interval_of(
            &Stated::single(1_300_000.0, Qualifier::Over, Some(100_000.0)),
            &tol(),
        );
        let archival = interval_of(&Stated::exact(116_885.0, Some(1.0)), &tol());
        assert!(!over.meets(&archival));
    }

    #[test]
    fn intervals_are_said_in_words() {
        let said = |i: Interval| show_interval(&i);
        assert_eq!(said(Interval::closed(1350.0, 1450.0)), "1,350 to 1,450");
        assert_eq!(
            said(Interval::new(1.3e6, f64::INFINITY, true, true)),
            "over 1,300,000"
        );
        assert_eq!(
            said(Interval::new(5.0, f64::INFINITY, false, true)),
            "at least 5"
        );
        assert_eq!(said(Interval::new(0.0, 5.0, false, true)), "under 5");
        assert_eq!(said(Interval::closed(0.0, 5.0)), "at most 5");
        assert_eq!(said(Interval::point(5.0)), "5");
        assert_eq!(said(Interval::whole()), "any value");
    }
}
