//! What a number counts, from the words around it: currencies, units of time and
//! measure, percentages, counted nouns ("1,436 delegates"), rates ("2,000 cases a
//! day") and ages; and whether a number is followed by what it counts at all.

use super::context;
use super::figure::Kind;
use super::lexicon;
use super::scan::{Candidate, Rejection, Scan};
use super::tokens::TokKind;

impl Scan<'_> {
    /// Adds qualifier, unit and kind from the words around the candidate.
    pub(super) fn describe(&mut self, c: &mut Candidate) {
        // A signed change: "+15%".
        if c.first > 0
            && self.punct(c.first - 1) == Some('+')
            && self.attached(c.first)
            && c.kind == Some(Kind::Percent)
        {
            c.first -= 1;
        }
        // Currency before: "$2 bn", "£450 million", "US$5".
        if c.first > 0 {
            if let Some(code) = self.punct(c.first - 1).and_then(lexicon::currency_symbol) {
                c.kind = Some(Kind::Money);
                c.unit = Some(code.into());
                c.licensed = true;
                c.first -= 1;
                self.negative_amount(c);
            }
        }
        // A currency code before: "EUR 500", "Rs 12,34,567".
        if c.kind.is_none() && c.first > 0 && self.kind(c.first - 1) == Some(TokKind::Word) {
            if let Some(code) = lexicon::currency_before(self.word(c.first - 1)) {
                c.kind = Some(Kind::Money);
                c.unit = Some(code.into());
                c.licensed = true;
                c.first -= 1;
            }
        }
        // "minus 30 degrees", "минус 12": a negative number in words.
        if c.first > 0
            && !c.range
            && matches!(self.word(c.first - 1), "minus" | "минус")
            && (c.first < 2 || self.kind(c.first - 2) != Some(TokKind::Num))
        {
            negate(c);
            c.first -= 1;
        }
        // "fell to - 20", "the balance was - 20": a minus sign set apart by a space, after
        // a preposition or a copula (a dash between clauses follows a noun or a stop).
        if c.first > 1
            && !c.range
            && matches!(self.punct(c.first - 1), Some('-' | '\u{2212}'))
            && !self.attached(c.first)
            && !self.attached(c.first - 1)
            && matches!(
                self.word(c.first - 2),
                "to" | "at"
                    | "of"
                    | "reached"
                    | "hit"
                    | "was"
                    | "is"
                    | "were"
                    | "are"
                    | "stood"
                    | "remained"
            )
        {
            negate(c);
            c.first -= 1;
        }
        if c.kind.is_none() {
            self.unit_after(c);
        }
        if c.qualifier.is_none() {
            c.qualifier = self.qualifier_before(c.first);
        }
        if let Some(q) = self.qualifier_after(c) {
            c.qualifier = Some(q);
        }
        // Rates: "one delegate for every 25,000 citizens", "at the rate of".
        if c.first >= 2 && self.word(c.first - 1) == "every" && self.word(c.first - 2) == "for" {
            c.kind = Some(Kind::Rate);
            c.licensed = true;
        }
        if c.first >= 3 && self.word(c.first - 1) == "of" && self.word(c.first - 2) == "rate" {
            c.kind = Some(Kind::Rate);
            c.licensed = true;
        }
        // Ages: "aged 18 to 60". An age stands even where the words after the number
        // rejected it ("aged 3 decades ago" is an age of 30).
        // "under the age of five" too.
        let age_of =
            c.first > 1 && self.word(c.first - 1) == "of" && self.word(c.first - 2) == "age";
        if c.first > 0
            && (matches!(self.word(c.first - 1), "aged" | "ages" | "age") || age_of)
            && c.kind.is_none_or(|k| k == Kind::Count)
        {
            c.kind = Some(Kind::Age);
            c.unit = Some("years of age".into());
            c.licensed = true;
            c.rejection = None;
        }
    }

    /// Unit or counted noun after the number.
    fn unit_after(&mut self, c: &mut Candidate) {
        // "75 USD million", "120 MEUR": the currency is inside the figure's words.
        if let Some(code) = (c.first + 1..=c.last).find_map(|k| self.currency_inside(k)) {
            c.kind = Some(Kind::Money);
            c.unit = Some(code.into());
            c.licensed = true;
            return;
        }
        // After a scale's abbreviation, its dot: "800 тыс. человек".
        let abbreviated_scale = self.punct(c.last + 1) == Some('.')
            && self.attached(c.last + 1)
            && matches!(self.word(c.last), "тыс" | "млн" | "млрд" | "трлн");
        let j = c.last + 1 + usize::from(abbreviated_scale);
        let word = self.word(j).to_string();
        // Compound adjectives: "six-month courses", "four-hour film", "15-year-old", "3-fold".
        if self.punct(j) == Some('-') && self.attached(j) && self.attached(j + 1) {
            let unit_word = self.word(j + 1).to_string();
            if unit_word == "fold" {
                c.kind = Some(Kind::Multiplier);
                c.unit = Some("times".into());
                c.last = j + 1;
                c.licensed = true;
                return;
            }
            if let Some((unit, factor)) = lexicon::time_unit(&unit_word) {
                if self.punct(j + 2) == Some('-') && self.word(j + 3) == "old" {
                    c.kind = Some(Kind::Age);
                    c.unit = Some("years of age".into());
                    c.last = j + 3;
                    c.licensed = true;
                    return;
                }
                // "the five-year plan": the name of a plan, not an amount.
                if self.word(j + 2) == "plan"
                    || (self.punct(j + 2) == Some('-') && self.word(j + 3) == "plan")
                {
                    c.kind = None;
                    c.licensed = false;
                    c.last = j + 1;
                    c.rejection = Some(Rejection::PlanName);
                    return;
                }
                c.kind = Some(Kind::Duration);
                c.unit = Some(unit.into());
                c.unit_factor = factor;
                c.last = j + 1;
                c.licensed = true;
                return;
            }
            if let Some(unit) = lexicon::measure_unit(&unit_word) {
                c.kind = Some(Kind::Measure);
                c.unit = Some(unit.into());
                c.last = j + 1;
                c.licensed = true;
                return;
            }
            // "5-летняя девочка" (an age), "30-километровой зоны" (a measure, the unit
            // left out of the span as in "300-metre"), "8-часовой" (a duration).
            if let Some((unit, time)) = lexicon::russian_compound_unit(&unit_word) {
                c.licensed = true;
                c.unit = Some(unit.into());
                if time {
                    c.last = j + 1;
                    let person = lexicon::is_russian_person_noun(self.word(j + 2));
                    c.kind = Some(if unit == "years" && person {
                        c.unit = Some("years of age".into());
                        Kind::Age
                    } else {
                        Kind::Duration
                    });
                } else {
                    c.kind = Some(if unit == "percent" {
                        Kind::Percent
                    } else {
                        Kind::Measure
                    });
                }
                return;
            }
            // "two-facers", "double-dealers": a compound word, not an amount.
            if c.in_words && self.kind(j + 1) == Some(TokKind::Word) {
                c.rejection = Some(Rejection::CompoundWord);
                c.licensed = false;
                c.kind = None;
                return;
            }
        }
        if self.kind(j) != Some(TokKind::Word) {
            // "12 °C", "40 km²" are rare enough; a percent sign was handled before.
            if self.punct(j) == Some('°') {
                c.kind = Some(Kind::Measure);
                c.unit = Some(
                    if self.word(j + 1) == "f" {
                        "°F"
                    } else {
                        "°C"
                    }
                    .into(),
                );
                c.last = if self.kind(j + 1) == Some(TokKind::Word) && self.attached(j + 1) {
                    j + 1
                } else {
                    j
                };
                c.licensed = true;
            }
            return;
        }
        if let Some((unit, factor)) = lexicon::time_unit(&word) {
            // "15 years old", "18 years of age".
            if self.word(j + 1) == "old" || (self.word(j + 1) == "of" && self.word(j + 2) == "age")
            {
                c.kind = Some(Kind::Age);
                c.unit = Some("years of age".into());
                c.last = j;
                c.licensed = true;
                return;
            }
            if self.word(j + 1) == "plan" {
                c.rejection = Some(Rejection::PlanName);
                c.licensed = false;
                return;
            }
            if self.time_of_day_or_year(c, unit, &word) {
                c.rejection = Some(Rejection::TimeOrYear);
                c.licensed = false;
                c.last = j;
                return;
            }
            c.kind = Some(Kind::Duration);
            c.unit = Some(unit.into());
            c.unit_factor = factor;
            c.licensed = true;
            c.last = j;
            // "three days later", "70 years ago": a point in time, not an amount; but
            // "for two weeks after the shock", "in 11 minutes after the break" say how long.
            let spanned = c.first > 0
                && matches!(
                    self.word(c.first - 1),
                    "for" | "within" | "in" | "during" | "throughout"
                );
            if lexicon::is_relative_time_word(self.word(j + 1)) && !spanned {
                c.rejection = Some(Rejection::PointInTime);
                c.licensed = false;
                c.kind = None;
            }
            return;
        }
        if word == "times" || word == "раз" || word == "раза" {
            c.kind = Some(Kind::Multiplier);
            c.unit = Some("times".into());
            c.licensed = true;
            c.last = j;
            return;
        }
        if word == "percentage" && matches!(self.word(j + 1), "points" | "point") {
            c.kind = Some(Kind::Percent);
            c.unit = Some("percentage points".into());
            c.last = j + 1;
            c.licensed = true;
            return;
        }
        // "-10C", "50F": degrees, stuck to the digits and in capitals.
        let raw = &self.text[self.tokens.get(j).map_or(0..0, |t| t.span.clone())];
        if self.attached(j) && matches!(raw, "C" | "F") {
            c.kind = Some(Kind::Measure);
            c.unit = Some(if raw == "C" { "°C" } else { "°F" }.into());
            c.licensed = true;
            return;
        }
        if let Some(code) = lexicon::currency_word(&word) {
            c.kind = Some(Kind::Money);
            c.unit = Some(code.into());
            c.licensed = true;
            return;
        }
        if let Some(unit) = lexicon::measure_unit(&word) {
            // "5 m" in a money sentence was a scale; here "m" stands for metres only when spelled.
            c.kind = Some(Kind::Measure);
            c.unit = Some(unit.into());
            if word == "square" || self.word(j + 1) == "square" {
                c.unit = Some(format!("square {unit}"));
            }
            // "km²", "km2", "м³": an area or a volume, not a length.
            let after = self.text.get(self.span(j, j).end..).unwrap_or("");
            let mut chars = after.chars();
            let power = chars.next();
            // A digit right after "km2" would make it part of a number, not a power.
            let alone = !chars.next().is_some_and(|d| d.is_ascii_digit());
            match power {
                Some('²' | '2') if alone => c.unit = Some(format!("square {unit}")),
                Some('³' | '3') if alone => c.unit = Some(format!("cubic {unit}")),
                _ => {}
            }
            c.licensed = true;
            return;
        }
        if word == "square" || word == "sq" {
            if let Some(unit) = lexicon::measure_unit(self.word(j + 1)) {
                c.kind = Some(Kind::Measure);
                c.unit = Some(format!("square {unit}"));
                c.licensed = true;
                return;
            }
        }
        // A counted noun: "1,436 delegates", "116,885 Party members", "thousands of people".
        let anchor = j - 1;
        let next = self.word(j);
        let noun = context::counted_noun(self.tokens, self.text, anchor).or_else(|| {
            let cyr = next
                .chars()
                .next()
                .is_some_and(|ch| ('\u{0400}'..='\u{04FF}').contains(&ch));
            if cyr {
                context::next_word(self.tokens, self.text, anchor)
            } else {
                None
            }
        });
        if let Some((noun, noun_index)) = noun {
            c.unit = Some(noun);
            c.licensed = true;
            // Rates: "2,000 cases a day", "67,000 cases within a month", "12 per 1,000".
            if let Some(per) = self.rate_period(noun_index + 1) {
                c.kind = Some(Kind::Rate);
                c.unit = Some(format!("{} per {}", c.unit.as_deref().unwrap_or(""), per));
            }
            return;
        }
        // "one only", "three of the sponsors", "fourteen were convicted": an amount without its noun.
        if matches!(word.as_str(), "of" | "out") {
            let after = self.word(j + 1);
            if matches!(
                after,
                "the"
                    | "those"
                    | "them"
                    | "these"
                    | "us"
                    | "whom"
                    | "which"
                    | "its"
                    | "his"
                    | "her"
                    | "their"
                    | "all"
                    | "of"
            ) || self.kind(j + 1) == Some(TokKind::Num)
            {
                c.licensed = true;
            }
        } else if word == "из" && matches!(self.word(j + 1), "них" | "которых" | "нас")
        {
            // "двое из них": an amount of people named before.
            c.licensed = true;
        } else if matches!(
            word.as_str(),
            "were"
                | "was"
                | "had"
                | "have"
                | "are"
                | "remained"
                | "died"
                | "received"
                | "who"
                | "voted"
                | "will"
                | "would"
                | "could"
                | "must"
        ) {
            c.licensed = true;
        }
    }

    /// The currency a word inside a figure names: a code ("USD") or a scaled code ("MEUR").
    fn currency_inside(&self, k: usize) -> Option<&'static str> {
        if self.kind(k) != Some(TokKind::Word) {
            return None;
        }
        let raw = &self.text[self.tokens.get(k).map_or(0..0, |t| t.span.clone())];
        lexicon::currency_before(self.word(k))
            .or(lexicon::scaled_currency(raw).map(|(_, code)| code))
    }

    /// "a day", "per day", "each year", "within a month", "daily" after a counted noun.
    fn rate_period(&self, j: usize) -> Option<&'static str> {
        let w = self.word(j);
        let unit_at =
            |k: usize| lexicon::time_unit(self.word(k)).map(|(u, _)| u.trim_end_matches('s'));
        match w {
            "a" | "an" | "per" | "each" | "every" => unit_at(j + 1),
            "within" if self.word(j + 1) == "a" => unit_at(j + 2),
            "daily" => Some("day"),
            "weekly" => Some("week"),
            "monthly" => Some("month"),
            "annually" | "yearly" => Some("year"),
            _ => None,
        }
    }

    /// End of a percent sign or word right after token `last`.
    /// Russian writes points in time as spans: "через 3 часа" (in three hours), "в 2
    /// часа 15 минут" and "до 10 часов утра" (times of day), "в 1991 году" and "отчёт 2005
    /// года" (years). None of them is an amount of time.
    fn time_of_day_or_year(&self, c: &Candidate, unit: &str, word: &str) -> bool {
        let before = if c.first > 0 {
            self.word(c.first - 1)
        } else {
            ""
        };
        if before == "через" {
            return true;
        }
        // "до 10 часов" alone is up to ten hours; "до 10 часов утра" is a time.
        let part_of_day = matches!(self.word(c.last + 2), "утра" | "вечера" | "ночи" | "дня");
        if unit == "hours"
            && (matches!(before, "в" | "к")
                || matches!(before, "до" | "около" | "после") && part_of_day)
        {
            return true;
        }
        // The minutes of "в 2 часа 15 минут".
        if unit == "minutes"
            && c.first >= 3
            && before.starts_with("час")
            && self.kind(c.first - 2) == Some(TokKind::Num)
            && matches!(self.word(c.first - 3), "в" | "к")
        {
            return true;
        }
        let year_like = c.step == Some(1.0)
            && c.low == c.high
            && (1000.0..=2100.0).contains(&c.low)
            && !c.range;
        year_like && matches!(word, "год" | "года" | "году" | "годом")
    }

    /// A sign before an amount's currency, "-$4.5 million", or an amount in brackets
    /// where an account puts it, "Warranty charge: ($99.99)": a negative amount.
    fn negative_amount(&self, c: &mut Candidate) {
        let first = c.first;
        if first > 0
            && matches!(self.punct(first - 1), Some('-' | '\u{2212}'))
            && self.attached(first)
            && (first < 2 || self.kind(first - 2) != Some(TokKind::Num))
        {
            negate(c);
            c.first -= 1;
            return;
        }
        let bracketed = first > 0
            && self.punct(first - 1) == Some('(')
            && self.attached(first)
            && self.punct(c.last + 1) == Some(')')
            && self.attached(c.last + 1);
        let in_account =
            first < 2 || self.punct(first - 2) == Some(':') || self.starts_line(first - 1);
        if bracketed && in_account && !c.range {
            negate(c);
            c.first -= 1;
            c.last += 1;
        }
    }

    pub(super) fn percent_after(&self, last: usize) -> Option<usize> {
        let j = last + 1;
        if self.punct(j) == Some('%') {
            return Some(j);
        }
        let w = self.word(j);
        if (w == "per" && self.word(j + 1) == "cent")
            || (w == "per" && self.punct(j + 1) == Some('-') && self.word(j + 2) == "cent")
        {
            return Some(if self.word(j + 1) == "cent" {
                j + 1
            } else {
                j + 2
            });
        }
        if lexicon::is_percent_word(w) {
            // "проц." keeps its stop outside the figure.
            return Some(j);
        }
        None
    }

    /// Is the number at `last` followed by what it counts (a plural noun, a unit, a percent)?
    pub(super) fn counts_things(&self, last: usize) -> bool {
        let j = last + 1;
        if self.percent_after(last).is_some() {
            return true;
        }
        let w = self.word(j);
        if lexicon::time_unit(w).is_some()
            || lexicon::measure_unit(w).is_some()
            || lexicon::currency_word(w).is_some()
            || w == "times"
        {
            return true;
        }
        if self.kind(j) == Some(TokKind::Word) {
            let raw = &self.text[self.tokens.get(j).map_or(0..0, |t| t.span.clone())];
            if raw.chars().next().is_some_and(char::is_lowercase) && context::looks_plural(w) {
                return true;
            }
        }
        false
    }
}

/// The candidate's amount below zero.
fn negate(c: &mut Candidate) {
    let (low, high) = (c.low, c.high);
    c.low = -high;
    c.high = -low;
}
