//! Comparing two claims: the verdict and the likely reason for a contradiction.
//!
//! [`Reading::of`] reads each claim's stated figure as an interval; [`judge`] decides
//! how the two agree (same value, within rounding, within the approximation their
//! wording allows) or why they do not (different periods, a longer period holding a
//! smaller count, a transposed digit, a scale slip, ...). This file owns the
//! [`Verdict`] and [`Diagnosis`] codes, their stable names and default severities. The
//! sentence that says so is written by `wording.rs`, which uses this file; nothing here
//! uses it. It does not group claims, recompute arithmetic, read configuration or print.

use std::borrow::Cow;
use std::fmt;

use super::interval::{interval_of, Interval, Tolerances};
use crate::extract::{Period, Qualifier};
use crate::value::Stated;

/// How loud a finding is by default; the user may change it per verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Note,
    Warning,
    Error,
}

impl Severity {
    /// The stable name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What reconciliation concludes about claims, from quiet to loud.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Verdict {
    /// The same value is stated.
    Agreement,
    /// The values differ, but no more than the rounding of the figures as written.
    WithinRounding,
    /// The values differ, but no more than "about", "almost", "over" or a vague
    /// amount allow.
    WithinApproximation,
    /// Different periods (or definitions): shown, not compared.
    ScopeMismatch,
    /// The claims cannot both be true.
    Contradiction,
    /// Arithmetic stated in the text does not recompute.
    ArithmeticMismatch,
}

impl Verdict {
    /// The stable name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Agreement => "agreement",
            Verdict::WithinRounding => "within_rounding",
            Verdict::WithinApproximation => "within_approximation",
            Verdict::ScopeMismatch => "scope_mismatch",
            Verdict::Contradiction => "contradiction",
            Verdict::ArithmeticMismatch => "arithmetic_mismatch",
        }
    }

    /// Every verdict, from quiet to loud.
    pub const ALL: [Verdict; 6] = [
        Verdict::Agreement,
        Verdict::WithinRounding,
        Verdict::WithinApproximation,
        Verdict::ScopeMismatch,
        Verdict::Contradiction,
        Verdict::ArithmeticMismatch,
    ];

    /// The verdict with this stable name.
    pub fn from_name(name: &str) -> Option<Verdict> {
        Verdict::ALL.into_iter().find(|v| v.as_str() == name)
    }

    /// Errors fail CI; scope mismatches are shown as warnings; agreements are notes.
    pub fn default_severity(self) -> Severity {
        match self {
            Verdict::Contradiction | Verdict::ArithmeticMismatch => Severity::Error,
            Verdict::ScopeMismatch => Severity::Warning,
            Verdict::Agreement | Verdict::WithinRounding | Verdict::WithinApproximation => {
                Severity::Note
            }
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The likely reason for a contradiction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Diagnosis {
    /// Same digits with two adjacent ones swapped: 624,980 / 642,980.
    DigitsTransposed,
    /// Same number of digits, exactly one different: 116,885 / 116,835.
    DigitChanged,
    /// Off by a power of ten (within 1%): 1,436 / 14,360.
    ScaleSlip,
    /// Five times or more apart, not a power of ten.
    OrderOfMagnitude,
    /// A longer period holds a smaller count of something cumulative.
    SupersetSmaller,
    /// One figure is a percentage and the other is not.
    PercentVsCount,
    /// An inequality between quantities fails: a part larger than its whole.
    PartExceedsWhole,
    /// Shares of one whole sum past 100%, or one share is over 100% on its own.
    SharesExceedWhole,
    /// The same number in two units of one dimension: one of the units is wrong.
    UnitConfusion,
}

impl Diagnosis {
    /// The stable name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Diagnosis::DigitsTransposed => "digits_transposed",
            Diagnosis::DigitChanged => "digit_changed",
            Diagnosis::ScaleSlip => "scale_slip",
            Diagnosis::OrderOfMagnitude => "order_of_magnitude",
            Diagnosis::SupersetSmaller => "superset_smaller",
            Diagnosis::PercentVsCount => "percent_vs_count",
            Diagnosis::PartExceedsWhole => "part_exceeds_whole",
            Diagnosis::SharesExceedWhole => "shares_exceed_whole",
            Diagnosis::UnitConfusion => "unit_confusion",
        }
    }
}

impl fmt::Display for Diagnosis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What [`compare`](super::compare) needs to know about one claim.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClaimView<'a> {
    pub stated: Stated,
    /// The figure as written ("exceeded 1.3 million"), quoted in reasons.
    pub text: &'a str,
    pub period: Option<Period>,
    /// What the figure was multiplied by to read it in the other's unit (1 in its own):
    /// the same number in two units is a `unit_confusion`.
    pub scale: f64,
}

/// How one claim reads under its quantity's tolerances: worked out once per claim,
/// then used for every pair it is in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reading {
    /// With "about" and "almost" given their tolerance.
    pub interval: Interval,
    /// With "about" and "almost" read strictly; `None` when more than rounding widens
    /// the figure (a bound, a vague amount), so no strict reading can make it agree
    /// within rounding.
    pub strict: Option<Interval>,
}

impl Reading {
    pub fn of(stated: &Stated, tol: &Tolerances) -> Reading {
        Reading {
            interval: interval_of(stated, tol),
            strict: rounding_only(stated).then(|| interval_of(stated, &tol.strict())),
        }
    }
}

/// A verdict on two claims, without its reason (which [`explain`](super::explain) writes
/// when wanted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Judgement {
    pub verdict: Verdict,
    pub diagnosis: Option<Diagnosis>,
}

/// True when period `a` covers every year of period `b`. An open end
/// ("since 1921") covers every year from its start on.
pub fn covers(a: &Period, b: &Period) -> bool {
    a.start <= b.start && (a.open_end || (!b.open_end && a.end >= b.end))
}

/// The verdict on two claims about the same quantity.
///
/// - the same value stated (same qualifier, or plain against "about") →
///   agreement;
/// - intervals that meet when "about" and "almost" are read strictly, and
///   neither figure is a bound ("over", "under", "at least", "at most") nor a
///   vague amount → within rounding;
/// - intervals that meet otherwise → within approximation;
/// - intervals that do not meet, with both periods known and different → a
///   contradiction diagnosed `superset_smaller` when `cumulative` and the
///   period covering the other holds the smaller count; a scope mismatch
///   otherwise;
/// - intervals that do not meet over the same (or an unknown) period → a
///   contradiction, with the best diagnosis that fits.
pub fn judge(
    (a, ra): (&ClaimView, &Reading),
    (b, rb): (&ClaimView, &Reading),
    cumulative: bool,
) -> Judgement {
    match agreement((a, ra), (b, rb)) {
        Some(verdict) => Judgement {
            verdict,
            diagnosis: None,
        },
        None => disagreement((a, ra), (b, rb), cumulative),
    }
}

/// The verdict of [`judge`] when the two claims agree (the same value, within
/// rounding or within approximation), `None` when they do not: the cheap half of
/// judging, for callers that want no diagnosis of a disagreement.
pub fn agreement(
    (a, ra): (&ClaimView, &Reading),
    (b, rb): (&ClaimView, &Reading),
) -> Option<Verdict> {
    if same_statement(&a.stated, &b.stated) {
        return Some(Verdict::Agreement);
    }
    if ra.interval.meets(&rb.interval) {
        let by_rounding = match (&ra.strict, &rb.strict) {
            (Some(sa), Some(sb)) => sa.meets(sb),
            _ => false,
        };
        return Some(if by_rounding {
            Verdict::WithinRounding
        } else {
            Verdict::WithinApproximation
        });
    }
    None
}

/// The judgement of [`judge`] on two claims that do not agree ([`agreement`] is
/// `None`): a scope mismatch or a contradiction, with its diagnosis.
pub fn disagreement(
    (a, ra): (&ClaimView, &Reading),
    (b, rb): (&ClaimView, &Reading),
    cumulative: bool,
) -> Judgement {
    let judgement = |verdict, diagnosis| Judgement { verdict, diagnosis };
    if let (Some(pa), Some(pb)) = (a.period, b.period) {
        if pa != pb {
            return if cumulative && superset_smaller((pa, ra), (pb, rb)).is_some() {
                judgement(Verdict::Contradiction, Some(Diagnosis::SupersetSmaller))
            } else {
                judgement(Verdict::ScopeMismatch, None)
            };
        }
    }
    if unit_confusion(a, b) {
        return judgement(Verdict::Contradiction, Some(Diagnosis::UnitConfusion));
    }
    judgement(Verdict::Contradiction, diagnose(&a.stated, &b.stated))
}

/// The same number written in two units of one dimension ("3,100 square miles" against
/// "3,100 km²"): one of them has the wrong unit.
fn unit_confusion(a: &ClaimView, b: &ClaimView) -> bool {
    let close = |x: f64, y: f64| (x - y).abs() <= 1e-9 * x.abs().max(y.abs());
    match (a.stated.value, b.stated.value) {
        (Some(x), Some(y)) if !close(a.scale, b.scale) => close(x / a.scale, y / b.scale),
        _ => false,
    }
}

/// Which claim, `0` for `a` or `1` for `b`, states the smaller figure over the period
/// that covers the other's.
pub(super) fn superset_smaller(
    (pa, ra): (Period, &Reading),
    (pb, rb): (Period, &Reading),
) -> Option<usize> {
    if covers(&pa, &pb) && ra.interval.high <= rb.interval.low {
        Some(0)
    } else if covers(&pb, &pa) && rb.interval.high <= ra.interval.low {
        Some(1)
    } else {
        None
    }
}

/// The same value stated the same way: equal numbers with the same qualifier
/// (a plain number and "about" the same number count as the same), or the
/// same two ends.
fn same_statement(a: &Stated, b: &Stated) -> bool {
    if a.percent != b.percent || a.vague != b.vague {
        return false;
    }
    let plain = |q: Qualifier| matches!(q, Qualifier::Exact | Qualifier::About);
    let same_qualifier = a.qualifier == b.qualifier || (plain(a.qualifier) && plain(b.qualifier));
    match (a.value, b.value) {
        (Some(x), Some(y)) => x == y && same_qualifier && !a.vague,
        (None, None) => a.low == b.low && a.high == b.high && same_qualifier,
        _ => false,
    }
}

/// True when only rounding (and "about"/"almost" read strictly) widens the
/// figure: not a bound, not a vague amount.
fn rounding_only(s: &Stated) -> bool {
    !s.vague
        && matches!(
            s.qualifier,
            Qualifier::Exact | Qualifier::Range | Qualifier::About | Qualifier::Almost
        )
}

/// The best explanation for two stated figures that do not meet.
fn diagnose(a: &Stated, b: &Stated) -> Option<Diagnosis> {
    if a.percent != b.percent {
        return Some(Diagnosis::PercentVsCount);
    }
    // A digit slip is a slip of the pen or the press: between two exact figures
    // written with digits, not a bound ("fewer than 40" against 46) nor a number word
    // ("17" against "шестнадцать").
    let written_exactly = |s: &Stated| s.qualifier == Qualifier::Exact && s.step.is_some();
    if let (Some(x), Some(y), true) = (a.value, b.value, written_exactly(a) && written_exactly(b)) {
        // Digit slips keep the magnitude: 43 and 4.2 are not one digit apart.
        let same_magnitude = x.abs().max(y.abs()) < 10.0 * x.abs().min(y.abs());
        let (mut x_digits, mut y_digits) = ([0u8; 16], [0u8; 16]);
        if let (true, Some(dx), Some(dy)) = (
            same_magnitude,
            digits(x, &mut x_digits),
            digits(y, &mut y_digits),
        ) {
            if transposed(&dx, &dy) {
                return Some(Diagnosis::DigitsTransposed);
            }
            if one_digit_changed(&dx, &dy) {
                return Some(Diagnosis::DigitChanged);
            }
        }
    }
    let ratio = ratio(a, b)?;
    if scale_slip(ratio).is_some() {
        Some(Diagnosis::ScaleSlip)
    } else if ratio >= 5.0 {
        Some(Diagnosis::OrderOfMagnitude)
    } else {
        None
    }
}

/// The significant digits of a positive number as written out in full:
/// 1,436 → "1436"; 4.2 → "42"; 0.05 → "5". A whole number below 10^16 is written into
/// `buffer`, without formatting or allocating: pairs of figures are judged by the
/// million.
fn digits(v: f64, buffer: &mut [u8; 16]) -> Option<Cow<'_, [u8]>> {
    if !v.is_finite() || v <= 0.0 {
        return None;
    }
    if v.fract() == 0.0 && v < 1e16 {
        let mut rest = v as u64;
        let mut start = buffer.len();
        while rest > 0 {
            start -= 1;
            buffer[start] = b'0' + (rest % 10) as u8;
            rest /= 10;
        }
        return (start < buffer.len()).then_some(Cow::Borrowed(&buffer[start..]));
    }
    let written = format!("{v}");
    let digits: Vec<u8> = written
        .bytes()
        .filter(u8::is_ascii_digit)
        .skip_while(|&d| d == b'0')
        .collect();
    (!digits.is_empty()).then_some(Cow::Owned(digits))
}

/// Same digits, except two adjacent ones swapped.
fn transposed(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let differ: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    matches!(differ[..], [i, j] if j == i + 1 && a[i] == b[j] && a[j] == b[i])
}

/// Same number of digits, exactly one different.
fn one_digit_changed(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).filter(|(x, y)| x != y).count() == 1
}

/// The number a figure is taken to state: its value, or the middle of its range.
pub(super) fn representative(s: &Stated) -> f64 {
    s.value.unwrap_or((s.low + s.high) / 2.0)
}

/// Larger over smaller representative value, when both are positive.
pub(super) fn ratio(a: &Stated, b: &Stated) -> Option<f64> {
    let (x, y) = (representative(a), representative(b));
    (x > 0.0 && y > 0.0 && x.is_finite() && y.is_finite()).then(|| x.max(y) / x.min(y))
}

/// The power of ten `k ≥ 1` that `ratio` is within 1% of, if any.
pub(super) fn scale_slip(ratio: f64) -> Option<i32> {
    let k = ratio.log10().round();
    (k >= 1.0 && (ratio / 10f64.powf(k) - 1.0).abs() <= 0.01).then_some(k as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    // --- names and severities ---

    #[test]
    fn verdict_names_and_severities() {
        let names: Vec<&str> = Verdict::ALL.iter().map(|v| v.as_str()).collect();
        assert_eq!(
            names,
            [
                "agreement",
                "within_rounding",
                "within_approximation",
                "scope_mismatch",
                "contradiction",
                "arithmetic_mismatch"
            ]
        );
        for v in Verdict::ALL {
            assert_eq!(Verdict::from_name(v.as_str()), Some(v));
        }
        assert_eq!(Verdict::from_name("nonsense"), None);
        assert_eq!(Verdict::Contradiction.default_severity(), Severity::Error);
        assert_eq!(
            Verdict::ArithmeticMismatch.default_severity(),
            Severity::Error
        );
        assert_eq!(Verdict::ScopeMismatch.default_severity(), Severity::Warning);
        assert_eq!(Verdict::Agreement.default_severity(), Severity::Note);
        assert_eq!(Verdict::WithinRounding.default_severity(), Severity::Note);
        assert_eq!(
            Verdict::WithinApproximation.default_severity(),
            Severity::Note
        );
        assert_eq!(Severity::Error.to_string(), "error");
    }

    #[test]
    fn diagnosis_names() {
        let all = [
            (Diagnosis::DigitsTransposed, "digits_transposed"),
            (Diagnosis::DigitChanged, "digit_changed"),
            (Diagnosis::ScaleSlip, "scale_slip"),
            (Diagnosis::OrderOfMagnitude, "order_of_magnitude"),
            (Diagnosis::SupersetSmaller, "superset_smaller"),
            (Diagnosis::PercentVsCount, "percent_vs_count"),
            (Diagnosis::PartExceedsWhole, "part_exceeds_whole"),
            (Diagnosis::SharesExceedWhole, "shares_exceed_whole"),
            (Diagnosis::UnitConfusion, "unit_confusion"),
        ];
        for (d, name) in all {
            assert_eq!(d.as_str(), name);
            assert_eq!(d.to_string(), name);
        }
    }

    // --- periods ---

    #[test]
    fn open_period_covers_every_later_year() {
        assert!(covers(&Period::since(1921), &Period::years(1930, 1953)));
        assert!(covers(&Period::since(1921), &Period::since(1930)));
        assert!(!covers(&Period::years(1930, 1953), &Period::since(1921)));
        assert!(!covers(&Period::since(1930), &Period::years(1921, 1953)));
    }

    #[test]
    fn closed_period_covers_the_years_inside_it() {
        assert!(covers(
            &Period::years(1930, 1953),
            &Period::years(1937, 1938)
        ));
        assert!(covers(&Period::year(1937), &Period::year(1937)));
        assert!(!covers(
            &Period::years(1937, 1938),
            &Period::years(1930, 1953)
        ));
        assert!(!covers(&Period::years(1930, 1953), &Period::since(1937)));
    }

    #[test]
    fn digit_change_needs_the_same_magnitude() {
        // 43 per cent against 4.2 per cent is a scale of ten apart, not one digit.
        let a = Stated::exact(43.0, Some(1.0)).as_percent();
        let b = Stated::exact(4.2, Some(0.1)).as_percent();
        assert_ne!(diagnose(&a, &b), Some(Diagnosis::DigitChanged));
    }

    #[test]
    fn a_changed_digit_between_two_exact_figures_is_diagnosed() {
        let a = Stated::exact(46.0, Some(1.0));
        let b = Stated::exact(40.0, Some(1.0));
        assert_eq!(diagnose(&a, &b), Some(Diagnosis::DigitChanged));
    }

    #[test]
    fn a_bound_is_no_digit_slip() {
        // "fewer than 40" against 46.
        let a = Stated::single(40.0, Qualifier::Under, Some(1.0));
        let b = Stated::exact(46.0, Some(1.0));
        assert_eq!(diagnose(&a, &b), None);
    }

    #[test]
    fn a_number_word_is_no_digit_slip() {
        // "17" against "шестнадцать" (16, a word: no digits written).
        let a = Stated::exact(17.0, Some(1.0));
        let b = Stated::exact(16.0, None);
        assert_eq!(diagnose(&a, &b), None);
    }
}
