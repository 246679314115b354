//! The figure record: one number found in a document, as data.
//!
//! A figure holds byte spans into the document it came from (its own text and
//! its sentence) rather than copies, so extraction allocates little per figure.
//! Rendering line:column and the JSON wire form is the report layer's job.

use std::fmt;
use std::ops::Range;

/// How the source qualifies the stated number ("about", "over", ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Qualifier {
    /// Stated as is: "1,436".
    Exact,
    /// "about", "approximately", "around", "roughly", "some", "close to", "estimated".
    About,
    /// "over", "more than", "in excess of", "exceeded": strictly above.
    Over,
    /// "less than", "fewer than", "under", "below": strictly below.
    Under,
    /// "at least", "no fewer than", "no less than".
    AtLeast,
    /// "up to", "no more than", "at most", "within", "not exceeding".
    AtMost,
    /// "almost", "nearly", "just under": just below the number.
    Almost,
    /// "just over", "slightly more than", "чуть более": just above the number.
    JustOver,
    /// Two ends stated: "5-7 million", "between 17 and 50".
    Range,
}

impl Qualifier {
    /// The stable name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::About => "about",
            Qualifier::Over => "over",
            Qualifier::Under => "under",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
            Qualifier::Almost => "almost",
            Qualifier::JustOver => "just_over",
            Qualifier::Range => "range",
        }
    }
}

impl fmt::Display for Qualifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What sort of quantity a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A number of things or people: "1,436 delegates".
    Count,
    /// "85 per cent", "85%".
    Percent,
    /// "one-third", "half", "a quarter".
    Fraction,
    /// "8.5 times", "a factor of two", "double".
    Multiplier,
    /// A span of time: "15 years", "six-month courses".
    Duration,
    /// An age: "15-year-old", "aged 18 to 60".
    Age,
    /// So many per unit of time or per thing: "2,000 cases a day".
    Rate,
    /// A physical measure with a unit: "35.9 million hectares", "40 km".
    Measure,
    /// An amount of money: "$2 bn", "500 roubles".
    Money,
}

impl Kind {
    /// The stable name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Percent => "percent",
            Kind::Fraction => "fraction",
            Kind::Multiplier => "multiplier",
            Kind::Duration => "duration",
            Kind::Age => "age",
            Kind::Rate => "rate",
            Kind::Measure => "measure",
            Kind::Money => "money",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The years a figure refers to, inclusive: "in 1937-38" is 1937..=1938.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    pub start: i32,
    pub end: i32,
    /// True when only the start was stated ("since 1921"): the end is open.
    pub open_end: bool,
}

impl Period {
    pub fn year(year: i32) -> Period {
        Period {
            start: year,
            end: year,
            open_end: false,
        }
    }

    pub fn years(start: i32, end: i32) -> Period {
        Period {
            start: start.min(end),
            end: start.max(end),
            open_end: false,
        }
    }

    pub fn since(start: i32) -> Period {
        Period {
            start,
            end: start,
            open_end: true,
        }
    }

    /// Number of years covered, counting both ends.
    /// Whether two periods share a year; an open end runs on for ever.
    pub fn overlaps(&self, other: &Period) -> bool {
        let end = |p: &Period| if p.open_end { i32::MAX } else { p.end };
        self.start <= end(other) && other.start <= end(self)
    }

    pub fn len(&self) -> i32 {
        self.end - self.start + 1
    }

    pub fn is_empty(&self) -> bool {
        false
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.open_end {
            write!(f, "{}-", self.start)
        } else if self.start == self.end {
            write!(f, "{}", self.start)
        } else {
            write!(f, "{}-{}", self.start, self.end)
        }
    }
}

/// One numeric figure found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Byte range of the figure's exact text ("exceeded 1.3 million" → "1.3 million").
    pub span: Range<usize>,
    /// The stated number; `None` for ranges and vague amounts.
    pub value: Option<f64>,
    /// Lower end as stated (equal to `value` for a single number).
    pub low: f64,
    /// Upper end as stated (equal to `value` for a single number).
    pub high: f64,
    /// Significant digits stated, for rounding: "1.3 million" → 2, "1,436" → 4.
    /// `None` for number words and vague amounts.
    pub precision: Option<Precision>,
    pub qualifier: Qualifier,
    pub kind: Kind,
    /// What is counted or measured: "people", "delegates", "percent", "years", "hectares".
    pub unit: Option<String>,
    /// A vague amount ("thousands", "several"): `low`/`high` are conventional bounds.
    pub vague: bool,
    /// Byte range of the sentence holding the figure.
    pub sentence: Range<usize>,
    pub period: Option<Period>,
    /// Who the sentence says asserts the figure ("Roy Medvedev").
    pub attributed_to: Option<String>,
}

/// The rounding a written number implies: the place of its last stated digit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Precision {
    /// The unit of the last significant digit: 1.3 million → 100,000; 1,436 → 1.
    pub step: f64,
}

impl Figure {
    /// The exact source text of the figure.
    pub fn text<'a>(&self, document: &'a str) -> &'a str {
        &document[self.span.clone()]
    }

    /// The sentence the figure stands in.
    pub fn sentence_text<'a>(&self, document: &'a str) -> &'a str {
        &document[self.sentence.clone()]
    }
}
