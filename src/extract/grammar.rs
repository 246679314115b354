//! The number grammar: reads one number expression at a token position.
//!
//! A *simple* number is digits with an optional scale ("1.3 million", "10k",
//! "1,3 млн"), number words ("one hundred and thirty-six", "one and a half
//! thousand", "полтора миллиона"), a fraction ("one-third", "half a million")
//! or a vague amount ("thousands", "tens of thousands", "several hundred").
//! Two simple numbers joined by "-", "to", "and" (after "between"), "or" or
//! "до" (after "от") make a range; a scale on the second end applies to both.
//! This module decides what the words say, not whether they are a figure.

use super::lexicon::{self, NumberWord};
use super::tokens::{Numeral, TokKind, Tokens};

/// A number read from tokens `first..=last`.
#[derive(Debug, Clone, PartialEq)]
pub struct Simple {
    pub first: usize,
    pub last: usize,
    pub low: f64,
    pub high: f64,
    pub vague: bool,
    pub in_words: bool,
    /// The place of the last stated digit, scaled: "1.3 million" → 100,000.
    pub step: Option<f64>,
    /// A scale word or suffix applied ("million", "k").
    pub scaled: bool,
    /// The product of the scale words applied (1 when none): "5-7 million" scales both ends.
    pub scale: f64,
    /// A fraction of a whole: "half", "one-third".
    pub fraction: bool,
    /// The numeral when the number is bare digits with no scale.
    pub numeral: Option<Numeral>,
    /// A time unit was part of a vague amount ("decades"): its normalised unit.
    pub time_unit: Option<&'static str>,
}

impl Simple {
    fn point(first: usize, last: usize, value: f64) -> Simple {
        Simple {
            first,
            last,
            low: value,
            high: value,
            vague: false,
            in_words: true,
            step: None,
            scaled: false,
            scale: 1.0,
            fraction: false,
            numeral: None,
            time_unit: None,
        }
    }

    pub fn is_point(&self) -> bool {
        !self.vague && self.low == self.high
    }
}

/// A simple number starting at token `i`, or `None`.
pub fn simple_at(tokens: &Tokens, text: &str, i: usize) -> Option<Simple> {
    let token = tokens.get(i)?;
    match token.kind {
        TokKind::Num => digits_at(tokens, text, i),
        TokKind::Word => fraction_at(tokens, text, i)
            .or_else(|| vague_at(tokens, text, i))
            .or_else(|| words_at(tokens, text, i)),
        TokKind::Punct => unicode_fraction_at(tokens, text, i),
        _ => None,
    }
}

/// Is token `i` directly attached to token `i - 1` (no white space)?
fn attached(tokens: &Tokens, i: usize) -> bool {
    tokens.get(i).is_some_and(|t| !t.space_before)
}

fn is_cyrillic(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

fn digits_at(tokens: &Tokens, text: &str, i: usize) -> Option<Simple> {
    let numeral = tokens.get(i)?.numeral?;
    let mut value = numeral.value;
    if !value.is_finite() {
        return None;
    }
    let mut step = if numeral.decimals > 0 {
        10f64.powi(-(numeral.decimals as i32))
    } else {
        // The place of the last digit that is not a zero, counted on the digits alone
        // (the separators of groups left out).
        let span = tokens.get(i)?.span.clone();
        let digits = || {
            text.as_bytes()[span.clone()]
                .iter()
                .filter(|b| b.is_ascii_digit())
        };
        let zeros = digits().rev().take_while(|&&b| b == b'0').count();
        if zeros == digits().count() {
            1.0
        } else {
            10f64.powi(zeros as i32)
        }
    };
    let mut last = i;
    let mut scaled = false;
    let mut scale_total = 1.0;
    // A mixed number: "2 1/2 hectares".
    if let Some((fraction, end)) = mixed_fraction_after(tokens, text, i) {
        value += fraction.0 / fraction.1;
        step = 1.0 / fraction.1;
        last = end;
        return Some(Simple {
            in_words: false,
            step: Some(step),
            ..Simple::point(i, last, value)
        });
    }
    // Scientific notation: "1e10", "3.1 × 10^6", "1.3x10^6".
    if let Some((exponent, end)) = exponent_after(tokens, text, i) {
        let scale = 10f64.powi(exponent);
        value *= scale;
        step *= scale;
        scale_total = scale;
        scaled = true;
        last = end;
    }
    // Money context: "$5m", and the far end of "$60-80M".
    let currency_at = |k: usize| {
        tokens
            .punct(k, text)
            .and_then(lexicon::currency_symbol)
            .is_some()
    };
    let money = (i > 0 && currency_at(i - 1))
        || (i > 2
            && tokens
                .punct(i - 1, text)
                .is_some_and(|c| matches!(c, '-' | '–'))
            && currency_at(i - 3));
    // A suffix stuck to the digits: "10k", "2bn", "$5m"; "50M people", "$1.9T" and
    // "12m euros" too, and a capital M or K after a space ("30 M", "40 K"), which a
    // metre or a kelvin never writes so.
    let raw = |k: usize| tokens.get(k).map_or("", |t| &text[t.span.clone()]);
    // (Not a code: "23,400 K7 units".)
    let capital_scale = matches!(raw(i + 1), "M" | "K" | "T" | "B" | "bn")
        && tokens
            .get(i + 2)
            .is_none_or(|t| t.space_before || t.kind == TokKind::Punct);
    let money_after = lexicon::currency_word(tokens.lower(i + 2)).is_some();
    let suffix_scale = ((attached(tokens, i + 1) || capital_scale)
        && tokens.get(i + 1).is_some_and(|t| t.kind == TokKind::Word))
    .then(|| {
        let money = money || money_after || capital_scale;
        lexicon::attached_scale(tokens.lower(i + 1), money)
    })
    .flatten()
    // A scale and a currency in one word: "120 MEUR", "45 kUSD".
    .or_else(|| {
        lexicon::scaled_currency(raw(i + 1))
            .filter(|_| !scaled)
            .map(|(scale, _)| scale)
    });
    if let Some(scale) = suffix_scale {
        value *= scale;
        step *= scale;
        scale_total = scale;
        scaled = true;
        last = i + 1;
    }
    // Scale words: "1.3 million", "three thousand millions", "1,3 млн"; after a currency
    // code too, "75 USD million".
    if !scaled {
        let coded = lexicon::currency_before(tokens.lower(i + 1)).is_some()
            && lexicon::scale_word(tokens.lower(i + 2)).is_some();
        let mut j = i + 1 + usize::from(coded);
        while let Some(scale) = tokens
            .get(j)
            .filter(|t| t.kind == TokKind::Word)
            .and_then(|_| {
                // "3 dozen" is 36; "dozens" after a number is not said.
                lexicon::scale_word(tokens.lower(j))
                    .or((tokens.lower(j) == "dozen" && j == i + 1).then_some(12.0))
            })
        {
            let word = tokens.lower(j);
            // "thousands" after a number is not a multiplier ("2 thousands" is rare; "the 1930s" is not this).
            if word == "k" && !attached(tokens, j) {
                break;
            }
            if is_cyrillic(word) && numeral.single_comma_group && !scaled {
                // Russian writes a decimal comma: "1,375 млн" is 1.375 million.
                value /= 1000.0;
                step = 0.001;
            }
            value *= scale;
            step *= scale;
            scale_total *= scale;
            scaled = true;
            last = j;
            j += 1;
            // "тыс." — the abbreviation's stop belongs to the word, not the figure.
        }
    }
    let value = on_step(value, step);
    Some(Simple {
        first: i,
        last,
        low: value,
        high: value,
        vague: false,
        in_words: false,
        step: Some(step),
        scaled,
        scale: scale_total,
        fraction: false,
        numeral: (!scaled).then_some(numeral),
        time_unit: None,
    })
}

/// A scaled value put back on its step where the step is whole: 4.1 × 10⁹ is
/// 4,099,999,999.9999995 in binary floating point, and 4,100,000,000 as written.
pub fn on_step(value: f64, step: f64) -> f64 {
    if !(1.0..=1e15).contains(&step) || !value.is_finite() {
        return value;
    }
    let step = step.round();
    (value / step).round() * step
}

/// The fraction after the "and" of "five and a quarter", from token `i`: "a half", "a
/// quarter", "one third", "three quarters"; its value and last token.
fn and_a_fraction(tokens: &Tokens, i: usize) -> Option<(f64, usize)> {
    let numerator = match tokens.lower(i) {
        "a" | "an" | "one" => 1.0,
        word => match lexicon::number_word(word) {
            Some(NumberWord::Add(v)) if (2.0..10.0).contains(&v) => v,
            _ => return None,
        },
    };
    let denominator = lexicon::denominator(tokens.lower(i + 1))?;
    (numerator < denominator).then_some((numerator / denominator, i + 1))
}

/// Number words: "twenty-eight", "one hundred and thirty-six", "three thousand millions",
/// "one and a half thousand", "half a million", "a dozen", "полтора миллиона".
fn words_at(tokens: &Tokens, text: &str, i: usize) -> Option<Simple> {
    let first_word = tokens.lower(i);
    let mut j = i;
    let mut total = 0.0;
    let mut group: f64 = 0.0;
    let mut last_add: Option<f64> = None;
    let mut last_scale = f64::INFINITY;
    let mut seen_any = false;
    let mut last = i;
    let mut pending_article = false;

    // Leading "a"/"an": "a hundred", "a million", "a dozen".
    if matches!(first_word, "a" | "an") {
        let next = tokens.lower(i + 1);
        if matches!(
            next,
            "hundred" | "thousand" | "million" | "billion" | "trillion" | "dozen"
        ) {
            group = 1.0;
            pending_article = true;
            j = i + 1;
        } else {
            return None;
        }
    }
    // Leading "half a million", "a quarter of a million" handled by fraction_at.
    while let Some(token) = tokens.get(j) {
        if token.kind != TokKind::Word {
            // A hyphen inside "thirty-six".
            if tokens.is_punct(j, text, '-')
                && attached(tokens, j)
                && attached(tokens, j + 1)
                && last_add.is_some_and(|v| (20.0..100.0).contains(&v) && v % 10.0 == 0.0)
            {
                if let Some(NumberWord::Add(v)) = lexicon::number_word(tokens.lower(j + 1)) {
                    if v < 10.0 && v > 0.0 {
                        group += v;
                        last_add = Some(v);
                        last = j + 1;
                        j += 2;
                        continue;
                    }
                }
            }
            break;
        }
        let word = tokens.lower(j);
        if word == "полтора" || word == "полторы" {
            if seen_any {
                break;
            }
            group = 1.5;
            last_add = Some(1.5);
            seen_any = true;
            last = j;
            j += 1;
            continue;
        }
        if word == "dozen" && (seen_any || pending_article) {
            group = group.max(1.0) * 12.0;
            seen_any = true;
            last_add = Some(group);
            last = j;
            j += 1;
            continue;
        }
        if word == "and" && seen_any {
            // "one hundred and six", "one and a half thousand", "five and a quarter
            // million", "two and three quarters".
            if let Some((part, end)) = and_a_fraction(tokens, j + 1).filter(|_| group < 100.0) {
                group += part;
                last = end;
                j = end + 1;
                last_add = Some(part);
                continue;
            }
            let after_hundred_or_scale = last_add.is_none();
            if after_hundred_or_scale {
                if let Some(NumberWord::Add(_)) = lexicon::number_word(tokens.lower(j + 1)) {
                    j += 1;
                    continue;
                }
            }
            break;
        }
        // "two point five per cent": digits after "point", read where an amount follows
        // ("at one point five people left" is no decimal).
        if word == "point" && seen_any && total == 0.0 {
            if let Some((decimals, end)) = spoken_decimals(tokens, j + 1) {
                group += decimals;
                last = end;
                last_add = None;
                last_scale = f64::INFINITY;
                j = end + 1;
                continue;
            }
            break;
        }
        let Some(number_word) = lexicon::number_word(word) else {
            break;
        };
        match number_word {
            NumberWord::Add(v) => {
                if let Some(prev) = last_add {
                    let joins = (prev >= 100.0 && prev % 100.0 == 0.0 && v < 100.0)
                        || ((20.0..100.0).contains(&prev)
                            && prev % 10.0 == 0.0
                            && v < 10.0
                            && v > 0.0);
                    if !joins {
                        break;
                    }
                }
                group += v;
                last_add = Some(v);
            }
            NumberWord::Hundred => {
                if !seen_any && !pending_article {
                    break;
                }
                group = group.max(1.0) * 100.0;
                last_add = None;
            }
            NumberWord::Scale(scale) => {
                // "thousands"/"millions" after a number word: plural scale reads as the scale.
                if !seen_any && !pending_article {
                    break;
                }
                if group == 0.0 && total > 0.0 && scale > last_scale {
                    total *= scale;
                } else {
                    total += group.max(1.0) * scale;
                }
                last_scale = scale;
                group = 0.0;
                last_add = None;
            }
        }
        pending_article = false;
        seen_any = true;
        last = j;
        j += 1;
    }
    if !seen_any {
        return None;
    }
    let value = total + group;
    let mut simple = Simple::point(i, last, value);
    if group == 0.0 && last_scale.is_finite() {
        simple.scaled = true;
        simple.scale = last_scale;
    }
    Some(simple)
}

/// The digits spoken after "point" from token `k` ("five" of "two point five"), as a
/// fraction, and their last token; only where a percent, a scale or a unit follows them.
fn spoken_decimals(tokens: &Tokens, k: usize) -> Option<(f64, usize)> {
    let (mut fraction, mut place, mut j) = (0.0, 0.1, k);
    while let Some(NumberWord::Add(v)) = lexicon::counting_word(tokens.lower(j)) {
        if v >= 10.0 || tokens.get(j).is_some_and(|t| t.kind != TokKind::Word) {
            break;
        }
        fraction += v * place;
        place /= 10.0;
        j += 1;
    }
    let next = tokens.lower(j);
    let amount = matches!(next, "per" | "percent" | "times")
        || lexicon::is_percent_word(next)
        || lexicon::scale_word(next).is_some()
        || lexicon::measure_unit(next).is_some()
        || lexicon::currency_word(next).is_some();
    (j > k && amount).then_some((fraction, j - 1))
}

/// Fractions: "one-third", "two thirds", "a quarter of", "half of", "half a million",
/// "a quarter of a million".
fn fraction_at(tokens: &Tokens, text: &str, i: usize) -> Option<Simple> {
    let word = tokens.lower(i);
    let (numerator, den_index) = match word {
        "a" | "an" | "one" => (
            1.0,
            if tokens.is_punct(i + 1, text, '-') && attached(tokens, i + 1) {
                i + 2
            } else {
                i + 1
            },
        ),
        _ if lexicon::denominator(word).is_some() => (1.0, i),
        _ => match lexicon::number_word(word) {
            Some(NumberWord::Add(v)) if (1.0..10.0).contains(&v) => (
                v,
                if tokens.is_punct(i + 1, text, '-') && attached(tokens, i + 1) {
                    i + 2
                } else {
                    i + 1
                },
            ),
            _ => return None,
        },
    };
    let den_word = tokens.lower(den_index);
    let den = lexicon::denominator(den_word)?;
    // "half" alone needs no numerator; "third" alone is an ordinal.
    let bare = den_index == i;
    let hyphenated = den_index == i + 2;
    let plural = den_word.ends_with('s') && den_word != "halves";
    let next = tokens.lower(den_index + 1);
    // "half-truths", "a third-rate": a compound, not a fraction.
    if tokens.is_punct(den_index + 1, text, '-') && attached(tokens, den_index + 1) {
        return None;
    }
    let value = numerator / den;
    // "half a million", "a quarter of a million", "three quarters of a million".
    let (scale_index, of_a) = if next == "a" {
        (den_index + 2, true)
    } else if next == "of" && tokens.is_word(den_index + 2, "a") {
        (den_index + 3, true)
    } else {
        (0, false)
    };
    // "half a dozen" is six, "a quarter million" a quarter of a million.
    let (scale_index, of_a) = match lexicon::scale_word(next) {
        Some(_) if !of_a && !bare => (den_index + 1, true),
        _ => (scale_index, of_a),
    };
    if of_a {
        let scale_word = tokens.lower(scale_index);
        let scale = lexicon::scale_word(scale_word).or((scale_word == "dozen").then_some(12.0));
        if let Some(scale) = scale {
            let mut simple = Simple::point(i, scale_index, value * scale);
            simple.scaled = true;
            simple.scale = scale;
            return Some(simple);
        }
    }
    if bare && den != 2.0 && !is_cyrillic(den_word) {
        return None;
    }
    // "полтора" is in words_at; Russian "половина" stands alone.
    // "more than half.", "less than half": a qualified half stands alone.
    let prev = if i > 0 { tokens.lower(i - 1) } else { "" };
    let qualified = bare
        && matches!(
            prev,
            "than" | "about" | "almost" | "nearly" | "over" | "under" | "roughly" | "approximately"
        );
    // "fell by two thirds", "grew by roughly a fifth": the size of a change.
    let by_how_much = prev == "by"
        || (i >= 2
            && tokens.lower(i - 2) == "by"
            && matches!(
                prev,
                "about" | "almost" | "nearly" | "roughly" | "approximately"
            ));
    let followed_well = matches!(
        next,
        "of" | "the" | "its" | "their" | "his" | "her" | "our" | "all" | "those" | "these"
    ) || is_cyrillic(den_word)
        || qualified
        || by_how_much && !bare;
    let numbered = !bare && (hyphenated || plural || word == "one" || word != "a");
    if !(followed_well || (numbered && hyphenated)) {
        return None;
    }
    if bare {
        // "the second half of", "in half", "the other half": a part, not an amount.
        let prev = if i > 0 { tokens.lower(i - 1) } else { "" };
        if matches!(
            prev,
            "first"
                | "second"
                | "latter"
                | "former"
                | "other"
                | "in"
                | "last"
                | "next"
                | "a"
                | "one"
        ) {
            return None;
        }
    }
    let mut simple = Simple::point(i, den_index, value);
    simple.fraction = true;
    Some(simple)
}

/// "½", "¼", "¾", "⅓", "⅔".
fn unicode_fraction_at(tokens: &Tokens, text: &str, i: usize) -> Option<Simple> {
    let value = match tokens.punct(i, text)? {
        '½' => 0.5,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        _ => return None,
    };
    let mut simple = Simple::point(i, i, value);
    simple.fraction = true;
    Some(simple)
}

/// Vague amounts: "thousands", "tens of thousands", "hundreds of thousands",
/// "millions", "several", "a few", "a handful", "dozens", "several hundred",
/// "decades", "десятки тысяч".
fn vague_at(tokens: &Tokens, _text: &str, i: usize) -> Option<Simple> {
    let word = tokens.lower(i);
    // Quantifier words with bounds, and where the quantifier's words end.
    let tens_or_hundreds = matches!(
        word,
        "tens" | "hundreds" | "десятки" | "сотни" | "десятков" | "сотен"
    );
    let (mut low, mut high, mut last) = if let Some((lo, hi)) =
        lexicon::vague_quantity(word).filter(|_| !tens_or_hundreds || !is_magnitude_next(tokens, i))
    {
        (lo, hi, i)
    } else if word == "a" && tokens.is_word(i + 1, "few") {
        (2.0, 5.0, i + 1)
    } else if word == "a" && tokens.is_word(i + 1, "handful") {
        (2.0, 9.0, i + 1)
    } else if word == "many" {
        // "many thousands", "many decades": the plural's own bounds.
        let next = tokens.lower(i + 1);
        if lexicon::vague_magnitude(next).is_some() || matches!(next, "decades" | "centuries") {
            return vague_at(tokens, _text, i + 1).map(|mut s| {
                s.first = i;
                s
            });
        }
        return None;
    } else if matches!(
        word,
        "tens" | "hundreds" | "десятки" | "сотни" | "десятков" | "сотен"
    ) {
        // "tens of thousands", "hundreds of millions", "десятки тысяч".
        let base = if word.starts_with("ten") || word.starts_with("десят") {
            10.0
        } else {
            100.0
        };
        let (mag_index, _) = if tokens.is_word(i + 1, "of") {
            (i + 2, ())
        } else {
            (i + 1, ())
        };
        let mag_word = tokens.lower(mag_index);
        let magnitude = match mag_word {
            "thousands" | "тысяч" => Some(1e3),
            "millions" | "миллионов" => Some(1e6),
            "billions" | "миллиардов" => Some(1e9),
            _ => None,
        };
        if let Some(magnitude) = magnitude {
            let unit = base * magnitude;
            let mut simple = Simple::point(i, mag_index, 0.0);
            simple.low = 2.0 * unit;
            simple.high = 10.0 * unit - 1.0;
            simple.vague = true;
            return Some(simple);
        }
        if word == "hundreds" || word == "сотни" || word == "сотен" {
            let mut simple = Simple::point(i, i, 0.0);
            simple.low = 200.0;
            simple.high = 999.0;
            simple.vague = true;
            return Some(simple);
        }
        return None;
    } else if let Some(magnitude) = lexicon::vague_magnitude(word) {
        let mut simple = Simple::point(i, i, 0.0);
        simple.low = 2.0 * magnitude;
        simple.high = 10.0 * magnitude - 1.0;
        simple.vague = true;
        return Some(simple);
    } else if let Some((unit, per)) =
        lexicon::time_unit(word).filter(|_| matches!(word, "decades" | "centuries" | "десятилетия"))
    {
        let mut simple = Simple::point(i, i, 0.0);
        simple.low = 2.0 * per;
        simple.high = 10.0 * per - 1.0;
        simple.vague = true;
        simple.time_unit = Some(unit);
        return Some(simple);
    } else {
        return None;
    };
    // "several hundred", "a few thousand", "несколько тысяч".
    let next = tokens.lower(last + 1);
    let scale = match next {
        "hundred" | "hundreds" | "сотен" => Some(100.0),
        _ => lexicon::scale_word(next),
    };
    if let Some(scale) = scale {
        low *= scale;
        high = high * scale + (scale - 1.0);
        last += 1;
    } else if matches!(next, "decades" | "centuries") {
        let per = if next == "decades" { 10.0 } else { 100.0 };
        let mut simple = Simple::point(i, last + 1, 0.0);
        simple.low = low * per;
        simple.high = high * per + (per - 1.0);
        simple.vague = true;
        simple.time_unit = Some("years");
        return Some(simple);
    }
    let mut simple = Simple::point(i, last, 0.0);
    simple.low = low;
    simple.high = high;
    simple.vague = true;
    Some(simple)
}

/// The proper fraction after the whole number at `i` of a mixed number ("2 1/2"), as
/// (numerator, denominator), and its last token. Not a date ("3 1/2/2020").
fn mixed_fraction_after(tokens: &Tokens, text: &str, i: usize) -> Option<((f64, f64), usize)> {
    let small = |k: usize| {
        tokens
            .get(k)?
            .numeral
            .filter(|n| n.decimals == 0 && !n.grouped && !n.negative && n.int_digits <= 2)
            .map(|n| n.value)
    };
    let whole = tokens.get(i)?.numeral?;
    if whole.decimals > 0 || whole.negative || tokens.punct(i + 2, text) != Some('/') {
        return None;
    }
    let numerator = small(i + 1).filter(|_| !attached(tokens, i + 1))?;
    let denominator = small(i + 3)?;
    let joined = attached(tokens, i + 2) && attached(tokens, i + 3);
    let date = tokens.punct(i + 4, text) == Some('/') && attached(tokens, i + 4);
    (joined && !date && numerator >= 1.0 && numerator < denominator && denominator <= 16.0)
        .then_some(((numerator, denominator), i + 3))
}

/// The power of ten written after the numeral at `i`, and the last token of it: "e10"
/// stuck to the digits, or "× 10^6" ("x10^6"). Exponents above 300 are not read.
pub fn exponent_after(tokens: &Tokens, text: &str, i: usize) -> Option<(i32, usize)> {
    let integer = |k: usize| {
        tokens
            .get(k)?
            .numeral
            .filter(|n| n.decimals == 0 && !n.grouped && n.value.abs() <= 300.0)
            .map(|n| n.value as i32)
    };
    // "1e10", "2.5e-3"
    if tokens.lower(i + 1) == "e" && attached(tokens, i + 1) && attached(tokens, i + 2) {
        if let Some(n) = integer(i + 2) {
            return Some((n, i + 2));
        }
        let sign = tokens.punct(i + 2, text);
        if matches!(sign, Some('-' | '+')) && attached(tokens, i + 3) {
            let n = integer(i + 3)?;
            return Some((if sign == Some('-') { -n } else { n }, i + 3));
        }
        return None;
    }
    // "3.1 × 10^6", "1.3x10^6"
    let times = tokens.punct(i + 1, text) == Some('×') || tokens.lower(i + 1) == "x";
    let ten = tokens
        .get(i + 2)
        .and_then(|t| t.numeral)
        .is_some_and(|n| n.value == 10.0 && n.decimals == 0);
    if times && ten && tokens.punct(i + 3, text) == Some('^') && attached(tokens, i + 3) {
        let n = integer(i + 4).filter(|_| attached(tokens, i + 4))?;
        return Some((n, i + 4));
    }
    None
}

/// Is the token between two numbers a range joiner? Returns the index of the second number.
pub fn range_joiner(tokens: &Tokens, text: &str, after: usize, first: &Simple) -> Option<usize> {
    let j = after;
    let token = tokens.get(j)?;
    match token.kind {
        TokKind::Punct => {
            let c = tokens.punct(j, text)?;
            let dash = matches!(c, '-' | '–' | '—' | '\u{2011}' | '\u{2012}');
            if !dash {
                return None;
            }
            // "5-7", "5 – 7"; not "5 - 7" with a minus-looking gap in prose? Accept both.
            let next = tokens.get(j + 1)?;
            if c == '—' && next.space_before {
                return None;
            }
            if c == '-' && (token.space_before != next.space_before) {
                return None;
            }
            Some(j + 1)
        }
        TokKind::Word => {
            let word = tokens.lower(j);
            // "between $340 million and $360 million": the word before the currency sign.
            let priced = first.first > 0
                && tokens
                    .punct(first.first - 1, text)
                    .and_then(lexicon::currency_symbol)
                    .is_some();
            let before_at = first.first.checked_sub(1 + usize::from(priced));
            let before = before_at.map_or("", |k| tokens.lower(k));
            match word {
                "to" | "through" | "thru" => Some(j + 1),
                "and" if before == "between" => Some(j + 1),
                "до" if before == "от" => Some(j + 1),
                "or" if first.in_words => Some(j + 1),
                "or" if first
                    .numeral
                    .is_some_and(|n| n.value < 100.0 && n.decimals == 0) =>
                {
                    Some(j + 1)
                }
                _ => None,
            }
        }
        TokKind::Num => {
            // A negative-looking second end: "5 -7" never; handled as two numbers.
            None
        }
        _ => None,
    }
}

/// Is a magnitude word ("thousands", "тысяч") next, perhaps after "of"?
fn is_magnitude_next(tokens: &Tokens, i: usize) -> bool {
    let k = if tokens.is_word(i + 1, "of") {
        i + 2
    } else {
        i + 1
    };
    matches!(
        tokens.lower(k),
        "thousands" | "тысяч" | "millions" | "миллионов" | "billions" | "миллиардов"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<(f64, f64, String)> {
        let mut tokens = Tokens::default();
        tokens.fill(text, 0..text.len());
        let s = simple_at(&tokens, text, 0)?;
        let span = tokens.get(s.first)?.span.start..tokens.get(s.last)?.span.end;
        Some((s.low, s.high, text[span].to_string()))
    }

    #[test]
    fn scale_word_multiplies() {
        assert_eq!(
            read("1.3 million people"),
            Some((1.3e6, 1.3e6, "1.3 million".into()))
        );
    }

    #[test]
    fn attached_k_suffix() {
        assert_eq!(read("10k users"), Some((1e4, 1e4, "10k".into())));
    }

    #[test]
    fn bn_abbreviation() {
        assert_eq!(read("2 bn"), Some((2e9, 2e9, "2 bn".into())));
    }

    #[test]
    fn compound_number_words() {
        assert_eq!(
            read("One hundred and thirty-six of"),
            Some((136.0, 136.0, "One hundred and thirty-six".into()))
        );
    }

    #[test]
    fn hyphenated_tens() {
        assert_eq!(
            read("twenty-eight"),
            Some((28.0, 28.0, "twenty-eight".into()))
        );
    }

    #[test]
    fn one_and_a_half_thousand() {
        assert_eq!(
            read("one and a half thousand delegates"),
            Some((1500.0, 1500.0, "one and a half thousand".into()))
        );
    }

    #[test]
    fn five_and_a_quarter_million() {
        assert_eq!(
            read("five and a quarter million people"),
            Some((
                5_250_000.0,
                5_250_000.0,
                "five and a quarter million".into()
            ))
        );
    }

    #[test]
    fn two_and_three_quarters() {
        assert_eq!(
            read("two and three quarters miles"),
            Some((2.75, 2.75, "two and three quarters".into()))
        );
    }

    #[test]
    fn a_hundredth_of() {
        assert_eq!(
            read("a hundredth of the land"),
            Some((0.01, 0.01, "a hundredth".into()))
        );
    }

    #[test]
    fn three_thousand_millions() {
        assert_eq!(
            read("three thousand millions"),
            Some((3e9, 3e9, "three thousand millions".into()))
        );
    }

    #[test]
    fn a_dozen() {
        assert_eq!(read("a dozen eggs"), Some((12.0, 12.0, "a dozen".into())));
    }

    #[test]
    fn half_a_million() {
        assert_eq!(
            read("half a million"),
            Some((5e5, 5e5, "half a million".into()))
        );
    }

    #[test]
    fn quarter_of_a_million_in_capitals() {
        assert_eq!(
            read("QUARTER OF A MILLION PEOPLE"),
            Some((2.5e5, 2.5e5, "QUARTER OF A MILLION".into()))
        );
    }

    #[test]
    fn one_third_hyphenated() {
        let (low, _, text) = read("one-third of all").unwrap();
        assert!((low - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(text, "one-third");
    }

    #[test]
    fn two_thirds() {
        let (low, _, _) = read("two thirds of the vote").unwrap();
        assert!((low - 2.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn a_third_world_war_is_not_a_fraction() {
        assert_eq!(read("a third world war"), None);
    }

    #[test]
    fn thousands_is_vague() {
        assert_eq!(
            read("Thousands of letters"),
            Some((2000.0, 9999.0, "Thousands".into()))
        );
    }

    #[test]
    fn tens_of_thousands() {
        assert_eq!(
            read("tens of thousands of"),
            Some((20000.0, 99999.0, "tens of thousands".into()))
        );
    }

    #[test]
    fn hundreds_of_thousands() {
        assert_eq!(
            read("hundreds of thousands"),
            Some((2e5, 999999.0, "hundreds of thousands".into()))
        );
    }

    #[test]
    fn several_hundred() {
        assert_eq!(
            read("several hundred demonstrators"),
            Some((300.0, 999.0, "several hundred".into()))
        );
    }

    #[test]
    fn a_handful() {
        assert_eq!(read("a handful of"), Some((2.0, 9.0, "a handful".into())));
    }

    #[test]
    fn decades_is_a_vague_duration() {
        assert_eq!(read("decades of"), Some((20.0, 99.0, "decades".into())));
    }

    #[test]
    fn russian_decimal_comma_with_scale() {
        assert_eq!(
            read("1,3 млн человек"),
            Some((1.3e6, 1.3e6, "1,3 млн".into()))
        );
    }

    #[test]
    fn russian_comma_group_before_scale_is_decimal() {
        assert_eq!(
            read("1,375 млн"),
            Some((1.375e6, 1.375e6, "1,375 млн".into()))
        );
    }

    #[test]
    fn russian_one_and_a_half_million() {
        assert_eq!(
            read("полтора миллиона"),
            Some((1.5e6, 1.5e6, "полтора миллиона".into()))
        );
    }

    #[test]
    fn russian_compound_words() {
        assert_eq!(
            read("двести тридцать пять"),
            Some((235.0, 235.0, "двести тридцать пять".into()))
        );
    }

    #[test]
    fn russian_tens_of_thousands() {
        assert_eq!(
            read("десятки тысяч"),
            Some((20000.0, 99999.0, "десятки тысяч".into()))
        );
    }

    #[test]
    fn precision_of_rounded_millions() {
        let mut tokens = Tokens::default();
        let text = "1.3 million";
        tokens.fill(text, 0..text.len());
        let s = simple_at(&tokens, text, 0).unwrap();
        assert!((s.step.unwrap() - 1e5).abs() < 1e-6);
    }
}
