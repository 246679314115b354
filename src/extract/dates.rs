//! Calendar years and dates: "1937", "1937-38", "from 1921 to 1953", "February 25,
//! 1956", "25 февраля 1956 г.". They are not figures; each is noted as a mention whose
//! period the figures near it take.

use super::figure::Period;
use super::grammar::Simple;
use super::lexicon;
use super::scan::{is_dash, token_numeral, Scan};
use super::tokens::TokKind;

impl Scan<'_> {
    /// A date around the numeral at `i`; returns where to resume.
    pub(super) fn date(&mut self, i: usize) -> Option<usize> {
        let month_before = i > 0 && lexicon::is_month(self.word(i - 1))
            || (i > 1 && self.punct(i - 1) == Some('.') && lexicon::is_month(self.word(i - 2)));
        let month_after = lexicon::is_month(self.word(i + 1))
            || (self.word(i + 1) == "of" && lexicon::is_month(self.word(i + 2)));
        if !month_before && !month_after {
            return None;
        }
        let numeral = token_numeral(self.tokens, i)?;
        if numeral.decimals > 0 || numeral.grouped {
            return None;
        }
        // "July 1937": the numeral is the year.
        if numeral.int_digits == 4 {
            let year = numeral.value as i32;
            self.mention(i, Period::year(year));
            return Some(i + 1);
        }
        if numeral.value > 31.0 {
            return None;
        }
        // Day, then perhaps "-18", "and 31", then the year.
        let mut j = i + 1;
        let day_range =
            self.punct(j).is_some_and(is_dash) && self.kind(j + 1) == Some(TokKind::Num);
        let day_pair = self.word(j) == "and"
            && self.kind(j + 1) == Some(TokKind::Num)
            && token_numeral(self.tokens, j + 1).is_some_and(|n| n.value <= 31.0);
        if day_range || day_pair {
            j += 2;
        }
        if month_after {
            j += if self.word(i + 1) == "of" { 2 } else { 1 };
        }
        if self.punct(j) == Some(',') {
            j += 1;
        }
        if let Some(n) = token_numeral(self.tokens, j)
            .filter(|n| n.int_digits == 4 && !n.grouped && n.decimals == 0)
        {
            self.mention(j, Period::year(n.value as i32));
            j += 1;
            // "1956 г." / "1956 года".
            if matches!(self.word(j), "г" | "года" | "год") {
                j += 1;
            }
        }
        Some(j)
    }

    /// A year at `first`: a mention (and where to resume), or `None` if it counts something.
    pub(super) fn year(&mut self, first: usize, year: i32, simple: &Simple) -> Option<usize> {
        let last = simple.last;
        // Year ranges: "1937-38", "1930–1953", "1930-1950s".
        if self.punct(last + 1).is_some_and(is_dash) && self.kind(last + 2) == Some(TokKind::Num) {
            let compact = self.attached(last + 1) == self.attached(last + 2);
            if let Some(n) = token_numeral(self.tokens, last + 2)
                .filter(|n| !n.grouped && n.decimals == 0 && compact)
            {
                let end = match n.int_digits {
                    2 => Some(year / 100 * 100 + n.value as i32),
                    4 => Some(n.value as i32),
                    _ => None,
                };
                if let Some(end) = end.filter(|&e| e >= year && e <= 2100) {
                    let decade = self.word(last + 3) == "s" && self.attached(last + 3);
                    let end = if decade { end + 9 } else { end };
                    self.mention(first, Period::years(year, end));
                    let mut next = last + 3 + usize::from(decade);
                    if matches!(self.word(next), "гг" | "годах" | "годы" | "годов")
                    {
                        next += 1;
                    }
                    return Some(next);
                }
            }
        }
        // "from 1921 to 1953", "between 1953 and 1964", "1921 to 1953".
        let joiner = self.word(last + 1);
        if matches!(
            joiner,
            "to" | "and" | "until" | "till" | "through" | "до" | "по"
        ) {
            if let Some(n) = token_numeral(self.tokens, last + 2)
                .filter(|n| n.int_digits == 4 && !n.grouped && n.decimals == 0)
            {
                let end = n.value as i32;
                if (year..=2100).contains(&end)
                    && (joiner != "and" || first > 0 && self.word(first - 1) == "between")
                {
                    self.mention(first, Period::years(year, end));
                    return Some(last + 3);
                }
            }
        }
        let prev = if first > 0 { self.word(first - 1) } else { "" };
        let period_word = matches!(
            prev,
            "in" | "since"
                | "by"
                | "from"
                | "until"
                | "till"
                | "to"
                | "during"
                | "after"
                | "before"
                | "of"
                | "between"
                | "and"
                | "year"
                | "the"
                | "в"
                | "с"
                | "до"
                | "к"
                | "от"
                | "по"
                | "году"
                | "spring"
                | "summer"
                | "autumn"
                | "winter"
                | "fall"
                | "early"
                | "late"
                | "mid"
        );
        // A four-digit number before a plural noun counts things ("1400 delegates"), unless
        // it is plausibly a year introduced as one ("the 1937 elections", "in 1956 35.9 million").
        let counts = self.counts_things(last);
        let plausible_year = (1800..=2100).contains(&year);
        // "reports 2024 results": nouns a year names the period of, not things counted.
        let introduced = plausible_year
            && (period_word || prev == "the" || lexicon::is_period_noun(self.word(last + 1)));
        if counts && !introduced {
            return None;
        }
        if !counts && !plausible_year && !period_word {
            // "1400" alone: too early for a year in running prose without "in".
            return None;
        }
        let period = if prev == "since" || prev == "с" {
            Period::since(year)
        } else {
            Period::year(year)
        };
        self.mention(first, period);
        let mut next = last + 1;
        if matches!(self.word(next), "г" | "года" | "год" | "году") {
            next += 1;
        }
        Some(next)
    }
}
