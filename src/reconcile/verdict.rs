//! Comparing two claims: the verdict, the likely reason for a contradiction,
//! and one plain sentence saying so.
//!
//! [`compare`] reads each claim's stated figure as an interval, decides how
//! the two agree (same value, within rounding, within the approximation their
//! wording allows) or why they do not (different periods, a longer period
//! holding a smaller count, a transposed digit, a scale slip, ...). This file
//! owns the [`Verdict`] and [`Diagnosis`] codes, their stable names and
//! default severities, and the wording of the reason. It does not group
//! claims, recompute arithmetic, read configuration or print.

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
        }
    }
}

impl fmt::Display for Diagnosis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What [`compare`] needs to know about one claim.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClaimView<'a> {
    pub stated: Stated,
    /// The figure as written ("exceeded 1.3 million"), quoted in reasons.
    pub text: &'a str,
    pub period: Option<Period>,
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

/// A verdict on two claims, without its reason (which [`explain`] writes when wanted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Judgement {
    pub verdict: Verdict,
    pub diagnosis: Option<Diagnosis>,
}

/// The outcome of comparing two claims.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub verdict: Verdict,
    pub diagnosis: Option<Diagnosis>,
    /// One plain sentence a historian can read.
    pub reason: String,
}

/// True when period `a` covers every year of period `b`. An open end
/// ("since 1921") covers every year from its start on.
pub fn covers(a: &Period, b: &Period) -> bool {
    a.start <= b.start && (a.open_end || (!b.open_end && a.end >= b.end))
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
    let judgement = |verdict, diagnosis| Judgement { verdict, diagnosis };
    if same_statement(&a.stated, &b.stated) {
        return judgement(Verdict::Agreement, None);
    }
    if ra.interval.meets(&rb.interval) {
        let by_rounding = match (&ra.strict, &rb.strict) {
            (Some(sa), Some(sb)) => sa.meets(sb),
            _ => false,
        };
        let verdict = if by_rounding {
            Verdict::WithinRounding
        } else {
            Verdict::WithinApproximation
        };
        return judgement(verdict, None);
    }
    if let (Some(pa), Some(pb)) = (a.period, b.period) {
        if pa != pb {
            return if cumulative && superset_smaller((pa, ra), (pb, rb)).is_some() {
                judgement(Verdict::Contradiction, Some(Diagnosis::SupersetSmaller))
            } else {
                judgement(Verdict::ScopeMismatch, None)
            };
        }
    }
    judgement(Verdict::Contradiction, diagnose(&a.stated, &b.stated))
}

/// Which claim, `0` for `a` or `1` for `b`, states the smaller figure over the period
/// that covers the other's.
fn superset_smaller((pa, ra): (Period, &Reading), (pb, rb): (Period, &Reading)) -> Option<usize> {
    if covers(&pa, &pb) && ra.interval.high <= rb.interval.low {
        Some(0)
    } else if covers(&pb, &pa) && rb.interval.high <= ra.interval.low {
        Some(1)
    } else {
        None
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
    if let (Some(x), Some(y)) = (a.value, b.value) {
        // Digit slips keep the magnitude: 43 and 4.2 are not one digit apart.
        let same_magnitude = x.abs().max(y.abs()) < 10.0 * x.abs().min(y.abs());
        if let (true, Some(dx), Some(dy)) = (same_magnitude, digits(x), digits(y)) {
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
/// 1,436 → "1436"; 4.2 → "42"; 0.05 → "5".
fn digits(v: f64) -> Option<Vec<u8>> {
    if !v.is_finite() || v <= 0.0 {
        return None;
    }
    let written = if v.fract() == 0.0 && v < 1e16 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    };
    let digits: Vec<u8> = written
        .bytes()
        .filter(u8::is_ascii_digit)
        .skip_while(|&d| d == b'0')
        .collect();
    (!digits.is_empty()).then_some(digits)
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
fn representative(s: &Stated) -> f64 {
    s.value.unwrap_or((s.low + s.high) / 2.0)
}

/// Larger over smaller representative value, when both are positive.
fn ratio(a: &Stated, b: &Stated) -> Option<f64> {
    let (x, y) = (representative(a), representative(b));
    (x > 0.0 && y > 0.0 && x.is_finite() && y.is_finite()).then(|| x.max(y) / x.min(y))
}

/// The power of ten `k ≥ 1` that `ratio` is within 1% of, if any.
fn scale_slip(ratio: f64) -> Option<i32> {
    let k = ratio.log10().round();
    (k >= 1.0 && (ratio / 10f64.powf(k) - 1.0).abs() <= 0.01).then_some(k as i32)
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
                number(10f64.powi(k)),
                small.text
            )
        }
        Some(Diagnosis::OrderOfMagnitude) => {
            let r = ratio(&a.stated, &b.stated).unwrap_or(f64::INFINITY);
            let times = if (r - r.round()).abs() < 0.05 {
                format!("{} times", number(r.round()))
            } else {
                format!("more than {} times", number(r.floor()))
            };
            format!("{} is {times} {}", big.text, small.text)
        }
        Some(Diagnosis::SupersetSmaller) | None => {
            if ia.is_point() && ib.is_point() {
                format!(
                    "{} and {} differ by {}",
                    big.text,
                    small.text,
                    number((ia.low - ib.low).abs())
                )
            } else {
                format!("{} and {} do not overlap", read_as(a, ia), read_as(b, ib))
            }
        }
    }
}

/// The figure's text, followed by how it is read when that is not the
/// number itself: "about 1,500 (read as 1,350 to 1,650)".
fn read_as(c: &ClaimView, i: &Interval) -> String {
    if i.is_point() {
        c.text.to_string()
    } else {
        format!("{} (read as {})", c.text, describe(i))
    }
}

/// An interval in words: "1,350 to 1,450", "more than 1,300,000".
fn describe(i: &Interval) -> String {
    let (lo, hi) = (number(i.low), number(i.high));
    match (i.low.is_finite(), i.high.is_finite()) {
        _ if i.is_point() => lo,
        (true, false) if i.low_open => format!("more than {lo}"),
        (true, false) => format!("at least {lo}"),
        (false, true) if i.high_open => format!("less than {hi}"),
        (false, true) => format!("at most {hi}"),
        (false, false) => "any value".to_string(),
        (true, true) if i.low == 0.0 && !i.low_open && i.high_open => format!("less than {hi}"),
        (true, true) if i.low == 0.0 && !i.low_open => format!("at most {hi}"),
        (true, true) => format!("{lo} to {hi}"),
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

/// A number with thousands separators and at most three decimals:
/// 1250000 → "1,250,000"; 1292.4 → "1,292.4".
fn number(x: f64) -> String {
    if !x.is_finite() {
        return if x > 0.0 { "∞" } else { "-∞" }.to_string();
    }
    let fixed = format!("{:.3}", x.abs());
    let fixed = fixed.trim_end_matches('0').trim_end_matches('.');
    let (int, frac) = fixed.split_once('.').unwrap_or((fixed, ""));
    let mut out = String::new();
    if x < 0.0 && fixed != "0" {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(stated: Stated, text: &str, period: Option<Period>) -> ClaimView<'_> {
        ClaimView {
            stated,
            text,
            period,
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
        assert!(
            c.reason.contains("(read as more than 100,000)"),
            "{}",
            c.reason
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

    #[test]
    fn numbers_are_written_with_separators() {
        assert_eq!(number(1_250_000.0), "1,250,000");
        assert_eq!(number(1292.4), "1,292.4");
        assert_eq!(number(100.0), "100");
        assert_eq!(number(-1234.5), "-1,234.5");
        assert_eq!(number(0.12345), "0.123");
        assert_eq!(number(f64::INFINITY), "∞");
    }

    #[test]
    fn intervals_are_described_in_words() {
        assert_eq!(
            describe(&Interval::closed(1350.0, 1450.0)),
            "1,350 to 1,450"
        );
        assert_eq!(
            describe(&Interval::new(1.3e6, f64::INFINITY, true, true)),
            "more than 1,300,000"
        );
        assert_eq!(
            describe(&Interval::new(5.0, f64::INFINITY, false, true)),
            "at least 5"
        );
        assert_eq!(
            describe(&Interval::new(0.0, 5.0, false, true)),
            "less than 5"
        );
        assert_eq!(describe(&Interval::closed(0.0, 5.0)), "at most 5");
        assert_eq!(describe(&Interval::point(5.0)), "5");
        assert_eq!(describe(&Interval::whole()), "any value");
    }

    #[test]
    fn digit_change_needs_the_same_magnitude() {
        // 43 per cent against 4.2 per cent is a scale of ten apart, not one digit.
        let a = Stated::exact(43.0, Some(1.0)).as_percent();
        let b = Stated::exact(4.2, Some(0.1)).as_percent();
        assert_ne!(diagnose(&a, &b), Some(Diagnosis::DigitChanged));
    }
}
