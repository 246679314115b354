//! A stated figure, the one shape every stage shares: its text as written, what it
//! states (number or range, qualifier, rounding step, vagueness, percentage), its kind
//! and its unit. An extracted figure and a hand-written claim become a [`Value`] through
//! the same constructor ([`Value::from_figure`]), so that both mean the same thing to
//! reconciliation. Plain data; no I/O.

use crate::extract::{Figure, Kind, Qualifier};

/// A figure as a source states it.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    /// The figure as written ("1.3 million", "about 800,000"); for explicit bounds,
    /// "5,000,000 to 7,000,000".
    pub text: String,
    pub stated: Stated,
    pub kind: Kind,
    /// The unit or counted noun, where the figure carries one ("percent", "people").
    pub unit: Option<String>,
}

impl Value {
    /// What a figure found by the number grammar states, `text` being its words.
    pub fn from_figure(text: &str, figure: &Figure) -> Value {
        Value {
            text: text.to_string(),
            stated: Stated {
                value: figure.value,
                low: figure.low,
                high: figure.high,
                qualifier: figure.qualifier,
                step: figure.precision.map(|p| p.step),
                vague: figure.vague,
                percent: figure.kind == Kind::Percent || figure.unit.as_deref() == Some("percent"),
            },
            kind: figure.kind,
            unit: figure.unit.clone(),
        }
    }

    /// The figure with a word for its qualifier, so that reasons read as the source does:
    /// "over 1.3 million" for the "1.3 million" of "exceeded 1.3 million".
    pub fn shown(&self) -> String {
        let word = match self.stated.qualifier {
            _ if self.stated.vague => return self.text.clone(),
            Qualifier::Exact | Qualifier::Range => return self.text.clone(),
            Qualifier::About => "about",
            Qualifier::Over => "over",
            Qualifier::Under => "under",
            Qualifier::AtLeast => "at least",
            Qualifier::AtMost => "at most",
            Qualifier::Almost => "almost",
            Qualifier::JustOver => "just over",
        };
        if self.text.to_lowercase().starts_with(word) {
            self.text.clone()
        } else {
            format!("{word} {}", self.text)
        }
    }

    /// Explicit bounds: `low = 5e6, high = 7e6`.
    pub fn bounds(low: f64, high: f64, kind: Kind) -> Value {
        let exact = low == high;
        Value {
            text: format!("{} to {}", show_number(low), show_number(high)),
            stated: Stated {
                value: exact.then_some(low),
                low,
                high,
                qualifier: if exact {
                    Qualifier::Exact
                } else {
                    Qualifier::Range
                },
                step: None,
                vague: false,
                percent: kind == Kind::Percent,
            },
            kind,
            unit: None,
        }
    }

    /// A bare TOML number: `value = 1400`.
    pub fn number(number: f64, integer: bool) -> Value {
        Value {
            text: number.to_string(),
            stated: Stated {
                step: integer.then_some(1.0),
                ..Stated::exact(number, None)
            },
            kind: Kind::Count,
            unit: None,
        }
    }
}

/// A figure as stated, with just what its meaning as an interval depends on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stated {
    /// The stated number; `None` for ranges and vague amounts.
    pub value: Option<f64>,
    /// Lower end as stated (equal to `value` for a single number).
    pub low: f64,
    /// Upper end as stated (equal to `value` for a single number).
    pub high: f64,
    pub qualifier: Qualifier,
    /// The place of the last stated digit: 1.3 million → 100,000; 1,436 → 1;
    /// 1,400 → 100; 1.30 million → 10,000. `None` for number words.
    pub step: Option<f64>,
    /// A vague amount ("thousands of"): `low`/`high` are its conventional bounds.
    pub vague: bool,
    /// A percentage: values stay within [0, 100].
    pub percent: bool,
}

impl Stated {
    /// The same single figure (`number`, its step, share or not) with another qualifier:
    /// "700,000" read as "about 700,000".
    pub fn with_qualifier(&self, number: f64, qualifier: Qualifier) -> Stated {
        let single = Stated::single(number, qualifier, self.step);
        if self.percent {
            single.as_percent()
        } else {
            single
        }
    }

    /// A single number with the given qualifier.
    pub fn single(value: f64, qualifier: Qualifier, step: Option<f64>) -> Stated {
        Stated {
            value: Some(value),
            low: value,
            high: value,
            qualifier,
            step,
            vague: false,
            percent: false,
        }
    }

    /// A plain number: "1,436".
    pub fn exact(value: f64, step: Option<f64>) -> Stated {
        Stated::single(value, Qualifier::Exact, step)
    }

    /// Two stated ends: "5-7 million" (step applies to each end).
    pub fn range(low: f64, high: f64, step: Option<f64>) -> Stated {
        Stated {
            value: None,
            low: low.min(high),
            high: low.max(high),
            qualifier: Qualifier::Range,
            step,
            vague: false,
            percent: false,
        }
    }

    /// A vague amount with its conventional bounds: "thousands" → [1000, 10000].
    pub fn vague(low: f64, high: f64) -> Stated {
        Stated {
            value: None,
            low: low.min(high),
            high: low.max(high),
            qualifier: Qualifier::Exact,
            step: None,
            vague: true,
            percent: false,
        }
    }

    /// The same figure, marked as a percentage.
    pub fn as_percent(self) -> Stated {
        Stated {
            percent: true,
            ..self
        }
    }

    /// The single number a bound or approximation is taken around: the value,
    /// or for a range the end the qualifier points at.
    pub fn anchor(&self, upper: bool) -> f64 {
        match self.value {
            Some(v) => v,
            None if upper => self.high,
            None => self.low,
        }
    }
}

/// A measure's canonical unit, and what one of its own unit is in it: 1 hectare is
/// 10,000 m², a fraction is 100 percent (so that "about a fifth" and "19%" compare).
/// A temperature's zero moves too: x °F is x × 5/9 − 160/9 °C (`offset`, 0 for the
/// rest).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Canonical {
    pub unit: &'static str,
    pub factor: f64,
    pub offset: f64,
}

impl Canonical {
    /// A value in its own unit, in the canonical one.
    pub fn convert(&self, value: f64) -> f64 {
        value * self.factor + self.offset
    }
}

impl Value {
    /// The canonical unit of a measure of length, area, volume or mass, of a span of
    /// time, or of a share; `None` for counts, money and units of their own.
    pub fn canonical(&self) -> Option<Canonical> {
        canonical(self.kind, self.unit.as_deref())
    }
}

/// The canonical unit of a figure of `kind` in `unit` (see [`Value::canonical`]).
pub fn canonical(kind: Kind, unit: Option<&str>) -> Option<Canonical> {
    let canonical = |unit, factor| {
        Some(Canonical {
            unit,
            factor,
            offset: 0.0,
        })
    };
    match kind {
        Kind::Percent => canonical("percent", 1.0),
        Kind::Fraction => canonical("percent", 100.0),
        Kind::Measure if unit == Some("°C") => canonical("°C", 1.0),
        Kind::Measure if unit == Some("°F") => Some(Canonical {
            unit: "°C",
            factor: 5.0 / 9.0,
            offset: -160.0 / 9.0,
        }),
        Kind::Measure => {
            let (dimension, factor) = crate::extract::dimension(unit?)?;
            let unit = match dimension {
                "length" => "m",
                "area" => "m²",
                "volume" => "m³",
                "mass" => "kg",
                _ => return None,
            };
            canonical(unit, factor)
        }
        Kind::Duration => {
            let days = match unit? {
                "years" => 365.25,
                "months" => 365.25 / 12.0,
                "weeks" => 7.0,
                "days" => 1.0,
                "hours" => 1.0 / 24.0,
                "minutes" => 1.0 / 1440.0,
                _ => return None,
            };
            canonical("days", days)
        }
        _ => None,
    }
}

impl Stated {
    /// The same statement in a unit `factor` times smaller: 3,100 km² is 3,100,000,000
    /// m² (the rounding step scales too).
    pub fn scaled(self, factor: f64) -> Stated {
        self.converted(factor, 0.0)
    }

    /// The same statement in a unit `factor` times smaller whose zero is `offset`
    /// lower: 50 °F is 10 °C (the rounding step scales, it does not move).
    pub fn converted(self, factor: f64, offset: f64) -> Stated {
        Stated {
            value: self.value.map(|v| v * factor + offset),
            low: self.low * factor + offset,
            high: self.high * factor + offset,
            step: self.step.map(|s| s * factor),
            ..self
        }
    }
}

/// A number with thousands separators and at most three significant decimals.
pub fn show_number(value: f64) -> String {
    if !value.is_finite() {
        return if value > 0.0 { "∞" } else { "-∞" }.to_string();
    }
    if value.abs() >= 1e18 {
        return format!("{value:e}");
    }
    if value.abs() >= 1000.0 || value.fract() == 0.0 {
        let rounded = value.round() as i128;
        let digits = rounded.unsigned_abs().to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        if rounded < 0 {
            out.insert(0, '-');
        }
        out
    } else {
        let shown = format!("{value:.4}");
        shown
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stated_from_an_extracted_figure() {
        let text = "They counted 8.5 per cent and exceeded 1.3 million.";
        let figures = crate::extract::extract(text);
        let stated: Vec<Stated> = figures
            .iter()
            .map(|f| Value::from_figure(f.text(text), f).stated)
            .collect();
        let percent = stated.iter().find(|s| s.percent).expect("a percentage");
        assert_eq!(percent.value, Some(8.5));
        let over = stated
            .iter()
            .find(|s| s.qualifier == Qualifier::Over)
            .expect("an 'exceeded' figure");
        assert!(!over.percent);
        assert_eq!(over.value, Some(1_300_000.0));
        assert!(over.step.is_some_and(|s| (s - 100_000.0).abs() < 1e-6));
    }

    #[test]
    fn numbers_are_written_with_separators() {
        assert_eq!(show_number(1_250_000.0), "1,250,000");
        assert_eq!(show_number(1292.4), "1,292");
        assert_eq!(show_number(100.0), "100");
        assert_eq!(show_number(-1234.0), "-1,234");
        assert_eq!(show_number(8.517), "8.517");
        assert_eq!(show_number(0.125), "0.125");
        assert_eq!(show_number(f64::INFINITY), "∞");
    }
}
