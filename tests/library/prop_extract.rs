//! Property tests for the extractor: arbitrary text never panics, every span is a
//! valid slice of the text inside its sentence, and a number written in any
//! supported form comes back with its value (format → extract round trip).

use crosscheck::extract::{extract, Figure};
use proptest::prelude::*;

use crate::common::proptest_config::config;

/// Pieces of text the grammar reacts to, so that generated text reaches deep paths.
const PIECES: &[&str] = &[
    "0",
    "1",
    "7",
    "12",
    "45",
    "136",
    "999",
    "1,000",
    "3,777,380",
    "1 000",
    "1\u{a0}000",
    "3\u{202f}777\u{202f}380",
    "12.5",
    "0.25",
    "3,5",
    ",",
    ".",
    "-",
    "\u{2013}",
    "\u{2014}",
    "%",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "(",
    ")",
    "[",
    "]",
    "\"",
    "'",
    "$",
    "€",
    "£",
    "¹",
    "²",
    "½",
    "million",
    "thousand",
    "billion",
    "bn",
    "m",
    "k",
    "per cent",
    "percent",
    "млн",
    "тыс.",
    "млрд",
    "человек",
    "between",
    "and",
    "to",
    "from",
    "about",
    "over",
    "under",
    "more than",
    "less than",
    "at least",
    "up to",
    "almost",
    "nearly",
    "some",
    "one",
    "two",
    "twenty",
    "twenty-eight",
    "hundred",
    "and",
    "a",
    "half",
    "third",
    "quarter",
    "times",
    "double",
    "years",
    "year-old",
    "aged",
    "a day",
    "per",
    "hectares",
    "km",
    "roubles",
    "in",
    "1937",
    "1937-38",
    "1956",
    "the 1930s",
    "p.",
    "pp.",
    "No.",
    "§",
    "Fig.",
    "1.",
    "2)",
    "12:30",
    "1st",
    "22nd",
    "XX",
    "households",
    "people",
    "The",
    "survey",
    "counted",
    "said",
    "according to",
    "Mr.",
    "e.g.",
    "i.e.",
    "?",
    "!",
    ";",
    ":",
    "…",
    "\u{0}",
    "\u{7f}",
    "\u{200b}",
    "\u{feff}",
    "é",
    "ё",
    "🦀",
    "\u{301}",
];

fn arbitrary_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "\\PC{0,300}",
        "[0-9 ,.%\\-\u{a0}\u{202f}\u{2013}a-z\n\t\r()$]{0,300}",
        "[0-9]{20,400}",
        "[0-9]{1,400}(\\.[0-9]{1,400})?( million| bn| per cent|%)?",
        prop::collection::vec(prop::sample::select(PIECES), 0..60)
            .prop_map(|pieces| pieces.join(" ")),
        prop::collection::vec(prop::sample::select(PIECES), 0..60)
            .prop_map(|pieces| pieces.concat()),
    ]
}

fn check_ranges(text: &str, figures: &[Figure]) -> Result<(), TestCaseError> {
    for f in figures {
        prop_assert!(f.span.start <= f.span.end, "span reversed: {:?}", f.span);
        prop_assert!(f.span.end <= text.len(), "span past the end: {:?}", f.span);
        prop_assert!(
            text.is_char_boundary(f.span.start),
            "span start: {:?}",
            f.span
        );
        prop_assert!(text.is_char_boundary(f.span.end), "span end: {:?}", f.span);
        prop_assert!(
            f.sentence.start <= f.sentence.end,
            "sentence: {:?}",
            f.sentence
        );
        prop_assert!(f.sentence.end <= text.len(), "sentence: {:?}", f.sentence);
        prop_assert!(
            text.is_char_boundary(f.sentence.start),
            "sentence: {:?}",
            f.sentence
        );
        prop_assert!(
            text.is_char_boundary(f.sentence.end),
            "sentence: {:?}",
            f.sentence
        );
        prop_assert!(
            f.sentence.start <= f.span.start && f.span.end <= f.sentence.end,
            "span {:?} outside sentence {:?}",
            f.span,
            f.sentence
        );
        prop_assert!(f.low <= f.high, "low {} above high {}", f.low, f.high);
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_text_never_panics(text in arbitrary_text()) {
        let _ = extract(&text);
    }

    #[test]
    fn spans_lie_within_text_and_sentence(text in arbitrary_text()) {
        let figures = extract(&text);
        check_ranges(&text, &figures)?;
    }
}

// ---------------------------------------------------------------------------
// Round trip: format a number in a supported form, extract it back.

/// What the extractor must report for a rendered number.
#[derive(Debug, Clone)]
struct Case {
    /// The number as written.
    written: String,
    /// The sentence it is embedded in; `{}` marks the place.
    template: &'static str,
    value: Option<f64>,
    low: f64,
    high: f64,
}

impl Case {
    fn exact(written: String, value: f64) -> Case {
        Case {
            written,
            template: COUNTED,
            value: Some(value),
            low: value,
            high: value,
        }
    }
    fn range(written: String, low: f64, high: f64) -> Case {
        Case {
            written,
            template: COUNTED,
            value: None,
            low,
            high,
        }
    }
    fn in_template(mut self, template: &'static str) -> Case {
        self.template = template;
        self
    }
}

const COUNTED: &str = "The survey counted {} households.";
const SHARE: &str = "The survey found that {} of households were poor.";

/// Four-digit numbers in this range are read as calendar years.
fn not_a_year(n: u64) -> bool {
    !(1000..=2100).contains(&n)
}

fn grouped(n: u64, separator: &str) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(c);
    }
    out
}

const ONES: [&str; 20] = [
    "",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn below_hundred(n: u64) -> String {
    if n < 20 {
        ONES[n as usize].to_string()
    } else if n.is_multiple_of(10) {
        TENS[(n / 10) as usize].to_string()
    } else {
        format!("{}-{}", TENS[(n / 10) as usize], ONES[(n % 10) as usize])
    }
}

/// 1..=999 in words: "twenty-eight", "one hundred and thirty-six".
fn in_words(n: u64) -> String {
    let (hundreds, rest) = (n / 100, n % 100);
    match (hundreds, rest) {
        (0, r) => below_hundred(r),
        (h, 0) => format!("{} hundred", ONES[h as usize]),
        (h, r) => format!("{} hundred and {}", ONES[h as usize], below_hundred(r)),
    }
}

/// A decimal written with `point`: integer part and 1..=3 fractional digits.
fn decimal() -> impl Strategy<Value = (u64, String)> {
    (0u64..100_000, "[0-9]{0,2}[1-9]")
}

fn scale() -> impl Strategy<Value = (&'static str, f64)> {
    prop::sample::select(vec![("million", 1e6), ("thousand", 1e3), ("bn", 1e9)])
}

fn percent_word() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["%", " per cent", " percent"])
}

fn space() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![" ", "\u{a0}", "\u{202f}"])
}

fn plain() -> impl Strategy<Value = Case> {
    (0u64..1_000_000_000_000)
        .prop_filter("year", |n| not_a_year(*n))
        .prop_map(|n| Case::exact(n.to_string(), n as f64))
}

fn comma_grouped() -> impl Strategy<Value = Case> {
    (1_000u64..1_000_000_000_000_000).prop_map(|n| Case::exact(grouped(n, ","), n as f64))
}

fn space_grouped() -> impl Strategy<Value = Case> {
    (1_000u64..1_000_000_000_000_000, space())
        .prop_map(|(n, sep)| Case::exact(grouped(n, sep), n as f64))
}

fn decimals() -> impl Strategy<Value = Case> {
    decimal().prop_map(|(int, frac)| {
        let written = format!("{int}.{frac}");
        let value: f64 = written.parse().unwrap();
        Case::exact(written, value)
    })
}

fn scaled() -> impl Strategy<Value = Case> {
    let mantissa = prop_oneof![
        (1u64..1000).prop_map(|n| n.to_string()),
        (0u64..1000, "[0-9]?[1-9]").prop_map(|(i, f)| format!("{i}.{f}")),
    ];
    (mantissa, scale()).prop_map(|(m, (word, factor))| {
        let value = m.parse::<f64>().unwrap() * factor;
        Case::exact(format!("{m} {word}"), value)
    })
}

fn percents() -> impl Strategy<Value = Case> {
    let number = prop_oneof![
        (0u64..=100).prop_map(|n| n.to_string()),
        (0u64..100, "[0-9]?[1-9]").prop_map(|(i, f)| format!("{i}.{f}")),
    ];
    (number, percent_word()).prop_map(|(n, word)| {
        let value = n.parse::<f64>().unwrap();
        Case::exact(format!("{n}{word}"), value).in_template(SHARE)
    })
}

/// A bare "one" is read as an article, not an amount (only "only one", "just one", ...
/// count), so the words start at two.
fn words() -> impl Strategy<Value = Case> {
    (2u64..=999).prop_map(|n| Case::exact(in_words(n), n as f64))
}

fn scaled_ranges() -> impl Strategy<Value = Case> {
    (1u64..999, 1u64..999, scale()).prop_map(|(a, d, (word, factor))| {
        let b = a + d;
        Case::range(
            format!("{a}-{b} {word}"),
            a as f64 * factor,
            b as f64 * factor,
        )
    })
}

fn between() -> impl Strategy<Value = Case> {
    let end = (0u64..1_000_000).prop_filter("year", |n| not_a_year(*n));
    (end.clone(), end)
        .prop_filter("ordered", |(a, b)| a < b)
        .prop_map(|(a, b)| Case::range(format!("between {a} and {b}"), a as f64, b as f64))
}

fn russian() -> impl Strategy<Value = Case> {
    (1u64..1000, "[0-9]?[1-9]").prop_map(|(i, f)| {
        let value = format!("{i}.{f}").parse::<f64>().unwrap() * 1e6;
        Case::exact(format!("{i},{f} млн"), value)
    })
}

fn close(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}

fn round_trip(case: &Case) -> Result<(), TestCaseError> {
    let text = case.template.replace("{}", &case.written);
    let figures = extract(&text);
    check_ranges(&text, &figures)?;
    prop_assert_eq!(
        figures.len(),
        1,
        "{:?}: expected one figure, got {:?}",
        text,
        figures
            .iter()
            .map(|f| (&text[f.span.clone()], f.value, f.low, f.high))
            .collect::<Vec<_>>()
    );
    let f = &figures[0];
    match (f.value, case.value) {
        (Some(got), Some(want)) => {
            prop_assert!(close(got, want), "{:?}: value {} not {}", text, got, want)
        }
        (got, want) => prop_assert_eq!(got, want, "{:?}: value", text),
    }
    prop_assert!(
        close(f.low, case.low),
        "{:?}: low {} not {}",
        text,
        f.low,
        case.low
    );
    prop_assert!(
        close(f.high, case.high),
        "{:?}: high {} not {}",
        text,
        f.high,
        case.high
    );
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn round_trip_plain(case in plain()) { round_trip(&case)?; }

    #[test]
    fn round_trip_comma_grouped(case in comma_grouped()) { round_trip(&case)?; }

    #[test]
    fn round_trip_space_grouped(case in space_grouped()) { round_trip(&case)?; }

    #[test]
    fn round_trip_decimal(case in decimals()) { round_trip(&case)?; }

    #[test]
    fn round_trip_scaled(case in scaled()) { round_trip(&case)?; }

    #[test]
    fn round_trip_percent(case in percents()) { round_trip(&case)?; }

    #[test]
    fn round_trip_words(case in words()) { round_trip(&case)?; }

    #[test]
    fn round_trip_scaled_range(case in scaled_ranges()) { round_trip(&case)?; }

    #[test]
    fn round_trip_between(case in between()) { round_trip(&case)?; }

    #[test]
    fn round_trip_russian_decimal_comma(case in russian()) { round_trip(&case)?; }
}

#[test]
fn renderers_write_the_documented_forms() {
    assert_eq!(grouped(3_777_380, ","), "3,777,380");
    assert_eq!(grouped(999, ","), "999");
    assert_eq!(in_words(136), "one hundred and thirty-six");
    assert_eq!(in_words(28), "twenty-eight");
    assert_eq!(in_words(300), "three hundred");
    assert_eq!(in_words(7), "seven");
}
