//! The two small languages of claim values: a stated figure (`"about 800,000"`,
//! `"5-7 million"`, `"85 per cent"`) and a period (`"1921-1953"`, `"1937-38"`,
//! `"1956"`, `"1921-"`).
//!
//! A value is read by the same number grammar as the corpus
//! ([`crate::extract::extract`]), so a hand-written claim and an extracted figure
//! mean the same thing. This module owns only the rule for what a value string may
//! hold around its one figure; it knows nothing of files or locations.

use crate::extract::{extract, Figure, Kind, Period, Qualifier};
use crate::value::Value;

/// Reads a value string: exactly one figure, optionally preceded by the words that
/// qualify it ("about", "over", "exceeded", "almost", "between"), and nothing else.
pub fn parse_value(text: &str) -> Result<Value, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err("empty value".to_string());
    }
    let mut figures = extract(trimmed);
    if figures.len() > 1 {
        let texts: Vec<String> = figures
            .iter()
            .map(|f| format!("`{}`", f.text(trimmed)))
            .collect();
        return Err(format!(
            "value `{trimmed}` holds {} figures ({}); write one figure, or low and high",
            figures.len(),
            texts.join(", ")
        ));
    }
    let Some(mut figure) = figures.pop() else {
        let hint = if trimmed.len() == 4 && trimmed.bytes().all(|b| b.is_ascii_digit()) {
            " (a bare four-digit number reads as a year; write low and high)"
        } else {
            ""
        };
        return Err(format!("value `{trimmed}` holds no figure{hint}"));
    };
    if !trimmed[figure.span.end..].trim().is_empty() {
        // "two thirds" is a fraction only before "of" ("two thirds of the vote").
        if let Some(fraction) = fraction_before_of(trimmed) {
            figure = fraction;
        }
    }
    let after = trimmed[figure.span.end..].trim();
    if !after.is_empty() {
        return Err(format!(
            "unexpected `{after}` after the figure `{}` in value `{trimmed}`: \
             a value is one figure (its unit comes from the quantity)",
            figure.text(trimmed)
        ));
    }
    let before = trimmed[..figure.span.start].trim();
    if !before.is_empty() && !is_qualifier_prefix(before, figure.qualifier) {
        return Err(format!(
            "unexpected `{before}` before the figure `{}` in value `{trimmed}`: \
             only qualifying words (about, over, almost, between, ...) may precede it",
            figure.text(trimmed)
        ));
    }
    Ok(Value::from_figure(trimmed, &figure))
}

fn fraction_before_of(text: &str) -> Option<Figure> {
    let probe = format!("{text} of");
    let mut figures = extract(&probe);
    match figures.pop() {
        Some(f) if figures.is_empty() && f.span.end == text.len() && f.kind == Kind::Fraction => {
            Some(f)
        }
        _ => None,
    }
}

/// Words before a figure are allowed only when the grammar read them as its qualifier.
fn is_qualifier_prefix(before: &str, qualifier: Qualifier) -> bool {
    let words_only = before
        .chars()
        .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '\'');
    match qualifier {
        Qualifier::Exact => false,
        Qualifier::Range => {
            let lower = before.to_lowercase();
            lower == "between" || lower == "from"
        }
        _ => words_only,
    }
}

/// Reads a period: `1921-1953`, `1937-38`, `1956`, `1921-` (open end). An en dash
/// may stand for the hyphen.
pub fn parse_period(text: &str) -> Result<Period, String> {
    let trimmed = text.trim();
    let normalised = trimmed.replace(['–', '—'], "-");
    let bad = || {
        format!(
            "period `{trimmed}` does not parse: write `1956`, `1921-1953`, `1937-38` or `1921-`"
        )
    };
    let (start, end) = match normalised.split_once('-') {
        None => (normalised.as_str(), None),
        Some((start, end)) => (start.trim(), Some(end.trim())),
    };
    let start_year = year(start).ok_or_else(bad)?;
    match end {
        None => Ok(Period::year(start_year)),
        Some("") => Ok(Period::since(start_year)),
        Some(end) if end.len() == 2 && end.bytes().all(|b| b.is_ascii_digit()) => {
            let short: i32 = end.parse().map_err(|_| bad())?;
            let mut end_year = start_year - start_year % 100 + short;
            if end_year < start_year {
                end_year += 100;
            }
            Ok(Period::years(start_year, end_year))
        }
        Some(end) => {
            let end_year = year(end).ok_or_else(bad)?;
            if end_year < start_year {
                return Err(format!(
                    "period `{trimmed}` ends ({end_year}) before it starts ({start_year})"
                ));
            }
            Ok(Period::years(start_year, end_year))
        }
    }
}

fn year(text: &str) -> Option<i32> {
    if text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Value {
        parse_value(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn exact_count_with_thousands_separators() {
        let v = value("3,777,380");
        assert_eq!(v.stated.value, Some(3_777_380.0));
        assert_eq!((v.stated.low, v.stated.high), (3_777_380.0, 3_777_380.0));
        assert_eq!(v.stated.qualifier, Qualifier::Exact);
        assert_eq!(v.kind, Kind::Count);
    }

    #[test]
    fn about_is_a_qualifier() {
        let v = value("about 800,000");
        assert_eq!(v.stated.value, Some(800_000.0));
        assert_eq!(v.stated.qualifier, Qualifier::About);
    }

    #[test]
    fn over_a_million_with_precision() {
        let v = value("over 1.3 million");
        assert_eq!(v.stated.value, Some(1_300_000.0));
        assert_eq!(v.stated.qualifier, Qualifier::Over);
        assert_eq!(v.stated.step, Some(100_000.0));
    }

    #[test]
    fn exceeded_means_over() {
        let v = value("exceeded 1.3 million");
        assert_eq!(v.stated.value, Some(1_300_000.0));
        assert_eq!(v.stated.qualifier, Qualifier::Over);
    }

    #[test]
    fn range_of_millions() {
        let v = value("5-7 million");
        assert_eq!(v.stated.value, None);
        assert_eq!((v.stated.low, v.stated.high), (5_000_000.0, 7_000_000.0));
        assert_eq!(v.stated.qualifier, Qualifier::Range);
    }

    #[test]
    fn between_range() {
        let v = value("between 17 and 50");
        assert_eq!((v.stated.low, v.stated.high), (17.0, 50.0));
    }

    #[test]
    fn per_cent_is_percent() {
        let v = value("85 per cent");
        assert_eq!(v.stated.value, Some(85.0));
        assert_eq!(v.kind, Kind::Percent);
        assert_eq!(value("4.2%").kind, Kind::Percent);
    }

    #[test]
    fn almost_two_thirds_is_a_fraction() {
        let v = value("almost two thirds");
        assert_eq!(v.kind, Kind::Fraction);
        assert_eq!(v.stated.qualifier, Qualifier::Almost);
        assert!((v.stated.low - 2.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn two_numbers_are_refused() {
        let e = parse_value("800,000 or 900,000").unwrap_err();
        assert!(e.contains("holds 2 figures"), "{e}");
    }

    #[test]
    fn words_after_the_figure_are_refused() {
        let e = parse_value("1.3 million people").unwrap_err();
        assert!(e.contains("unexpected `people` after"), "{e}");
    }

    #[test]
    fn words_before_that_are_not_a_qualifier_are_refused() {
        let e = parse_value("the 800,000").unwrap_err();
        assert!(e.contains("unexpected `the` before"), "{e}");
    }

    #[test]
    fn no_figure_is_refused() {
        assert!(parse_value("many").is_err());
        assert!(parse_value("").is_err());
        let e = parse_value("1956").unwrap_err();
        assert!(e.contains("reads as a year"), "{e}");
    }

    #[test]
    fn periods() {
        assert_eq!(parse_period("1921-1953"), Ok(Period::years(1921, 1953)));
        assert_eq!(parse_period("1937-38"), Ok(Period::years(1937, 1938)));
        assert_eq!(parse_period("1998-02"), Ok(Period::years(1998, 2002)));
        assert_eq!(parse_period("1956"), Ok(Period::year(1956)));
        assert_eq!(parse_period("1921-"), Ok(Period::since(1921)));
        assert_eq!(parse_period("1937–1938"), Ok(Period::years(1937, 1938)));
    }

    #[test]
    fn bad_periods() {
        for bad in ["", "56", "1937-8", "nineteen", "1937-1938-1939", "-1937"] {
            assert!(parse_period(bad).is_err(), "{bad}");
        }
        let e = parse_period("1953-1921").unwrap_err();
        assert!(e.contains("ends (1921) before it starts (1953)"), "{e}");
    }
}
