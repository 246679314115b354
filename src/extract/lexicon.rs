//! Word tables for the number grammar: number words, scales, vague amounts,
//! units, qualifiers, months and the words that mark non-figures — English
//! and Russian. Every lookup takes a lower-case word and is a `match`, so the
//! tables cost nothing to build and read like lists; those a figure may start with
//! also list their words ([`word_table!`]).
//!
//! The words a figure may start at are decided here too ([`may_start_figure`],
//! [`figure_starting_words`]): the quick look of the starters reads them, and it must
//! not depend on the grammar, which reads tokens made with its help.

use super::figure::Qualifier;
use NumberWord::{Add, Hundred};

/// A lookup of lower-case words written as a `match`, and the list of its words: the
/// quick look of the starters must know every word a figure may start at.
macro_rules! word_table {
    ($(#[$doc:meta])* $vis:vis fn $name:ident(word) -> Option<$value:ty>, $words:ident = {
        $($($word:literal)|+ => $result:expr,)+
    }) => {
        $(#[$doc])*
        $vis fn $name(word: &str) -> Option<$value> {
            Some(match word {
                $($($word)|+ => $result,)+
                _ => return None,
            })
        }

        #[doc = concat!("Every word [`", stringify!($name), "`] knows.")]
        $vis const $words: &[&str] = &[$($($word,)+)+];
    };
}

/// A number word and how it combines with its neighbours.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NumberWord {
    /// Added to the running total: "six", "sixteen", "sixty", Russian "двести".
    Add(f64),
    /// Multiplies the running group: "hundred".
    Hundred,
    /// Closes a group: "thousand", "million", "тысяч", "млн".
    Scale(f64),
}

/// A number word and how it combines with the words around it.
pub fn number_word(word: &str) -> Option<NumberWord> {
    counting_word(word).or_else(|| scale_word(word).map(NumberWord::Scale))
}

word_table! {
    /// Number words below the scales: "six", "sixty", "hundred", Russian "двести".
    pub fn counting_word(word) -> Option<NumberWord>, COUNTING_WORDS = {
        "zero" | "nought" | "ноль" => Add(0.0),
        "one" | "один" | "одна" | "одно" | "одного" | "одной" | "одну" => Add(1.0),
        // Russian collective numerals count people ("двое из них", "трое рабочих"), and
        // "оба" a pair ("оба водителя"), as the Russian annotations have it.
        "two" | "два" | "две" | "двух" | "двое" | "оба" | "обе" | "обоих" | "обеих" => Add(2.0),
        "three" | "три" | "трёх" | "трех" | "трое" => Add(3.0),
        "four" | "четыре" | "четырёх" | "четырех" | "четверо" => Add(4.0),
        "five" | "пять" | "пяти" | "пятеро" => Add(5.0),
        "six" | "шесть" | "шести" | "шестеро" => Add(6.0),
        "seven" | "семь" | "семи" | "семеро" => Add(7.0),
        "eight" | "восемь" | "восьми" | "восьмеро" => Add(8.0),
        "nine" | "девять" | "девяти" | "девятеро" => Add(9.0),
        "ten" | "десять" | "десяти" | "десятеро" => Add(10.0),
        "eleven" | "одиннадцать" | "одиннадцати" => Add(11.0),
        "twelve" | "двенадцать" | "двенадцати" => Add(12.0),
        "thirteen" | "тринадцать" | "тринадцати" => Add(13.0),
        "fourteen" | "четырнадцать" | "четырнадцати" => Add(14.0),
        "fifteen" | "пятнадцать" | "пятнадцати" => Add(15.0),
        "sixteen" | "шестнадцать" | "шестнадцати" => Add(16.0),
        "seventeen" | "семнадцать" | "семнадцати" => Add(17.0),
        "eighteen" | "восемнадцать" | "восемнадцати" => Add(18.0),
        "nineteen" | "девятнадцать" | "девятнадцати" => Add(19.0),
        "twenty" | "двадцать" | "двадцати" => Add(20.0),
        "thirty" | "тридцать" | "тридцати" => Add(30.0),
        "forty" | "сорок" | "сорока" => Add(40.0),
        "fifty" | "пятьдесят" | "пятидесяти" => Add(50.0),
        "sixty" | "шестьдесят" | "шестидесяти" => Add(60.0),
        "seventy" | "семьдесят" | "семидесяти" => Add(70.0),
        "eighty" | "восемьдесят" | "восьмидесяти" => Add(80.0),
        "ninety" | "девяносто" | "девяноста" => Add(90.0),
        "сто" | "ста" => Add(100.0),
        "двести" | "двухсот" => Add(200.0),
        "триста" | "трёхсот" | "трехсот" => Add(300.0),
        "четыреста" | "четырёхсот" | "четырехсот" => Add(400.0),
        "пятьсот" | "пятисот" => Add(500.0),
        "шестьсот" | "шестисот" => Add(600.0),
        "семьсот" | "семисот" => Add(700.0),
        "восемьсот" | "восьмисот" => Add(800.0),
        "девятьсот" | "девятисот" => Add(900.0),
        "hundred" => Hundred,
    }
}

word_table! {
    /// Words that multiply: the factor, and whether the word needs a determiner or a
    /// qualifier to count ("double the number", not "a double agent").
    pub fn multiplier(word) -> Option<(f64, bool)>, MULTIPLIER_WORDS = {
        "doubled" | "удвоилось" | "удвоился" => (2.0, false),
        "tripled" | "trebled" | "утроилось" => (3.0, false),
        "quadrupled" => (4.0, false),
        "double" | "twice" => (2.0, true),
        "triple" | "treble" | "thrice" => (3.0, true),
        "quadruple" => (4.0, true),
        "вдвое" | "вдвое-" => (2.0, false),
        "втрое" => (3.0, false),
        "вчетверо" => (4.0, false),
        "впятеро" => (5.0, false),
        "вдесятеро" => (10.0, false),
        "twofold" => (2.0, false),
        "threefold" => (3.0, false),
        "fourfold" => (4.0, false),
        "fivefold" => (5.0, false),
        "tenfold" => (10.0, false),
        "hundredfold" => (100.0, false),
    }
}

word_table! {
    /// Words that multiply the number before them: "1.3 million", "2 bn", "93 тыс.".
    pub fn scale_word(word) -> Option<f64>, SCALE_WORDS = {
        "thousand" | "thousands" | "k" | "тыс" | "тысяча" | "тысячи" | "тысяч" | "тысячу" => 1e3,
        "lakh" | "lakhs" => 1e5,
        "crore" | "crores" => 1e7,
        "million" | "millions" | "mn" | "mln" | "mio" | "млн" | "миллион" | "миллиона"
        | "миллионов" => 1e6,
        "billion"
        | "billions"
        | "bn"
        | "bln"
        | "млрд"
        | "миллиард"
        | "миллиарда"
        | "миллиардов" => 1e9,
        "trillion" | "trillions" | "tn" | "трлн" | "триллион" | "триллиона" | "триллионов" => 1e12,
    }
}

word_table! {
    /// Denominator words: "third" → 3.
    pub fn denominator(word) -> Option<f64>, DENOMINATOR_WORDS = {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" => 4.0,
        "fifth" | "fifths" => 5.0,
        "sixth" | "sixths" => 6.0,
        "seventh" | "sevenths" => 7.0,
        "eighth" | "eighths" => 8.0,
        "ninth" | "ninths" => 9.0,
        "tenth" | "tenths" => 10.0,
        "hundredth" | "hundredths" => 100.0,
        "thousandth" | "thousandths" => 1000.0,
        "половина" | "половину" | "половины" => 2.0,
        "треть" | "трети" => 3.0,
        "четверть" | "четверти" => 4.0,
    }
}

/// Scale abbreviations that may stick to digits: "10k", "2bn", "5m" (money only).
pub fn attached_scale(suffix: &str, money: bool) -> Option<f64> {
    match suffix {
        "k" => Some(1e3),
        "m" | "mm" if money => Some(1e6),
        "mn" | "mln" => Some(1e6),
        "bn" | "b" => Some(1e9),
        "tn" => Some(1e12),
        "t" if money => Some(1e12),
        _ => None,
    }
}

word_table! {
    /// Plural magnitude words that stand alone as vague amounts: "thousands", "millions".
    /// Returns the unit magnitude (thousands → 1000).
    pub fn vague_magnitude(word) -> Option<f64>, VAGUE_MAGNITUDE_WORDS = {
        "hundreds" | "сотни" | "сотен" => 1e2,
        "thousands" | "тысячи" => 1e3,
        "millions" | "миллионы" => 1e6,
        "billions" | "миллиарды" => 1e9,
    }
}

word_table! {
    /// Vague quantity words and their conventional bounds.
    pub fn vague_quantity(word) -> Option<(f64, f64)>, VAGUE_QUANTITY_WORDS = {
        "several" | "несколько" | "нескольких" => (3.0, 9.0),
        "dozens" | "десятки" | "десятков" => (24.0, 99.0),
    }
}

word_table! {
    /// The unit a time word measures in, and how many of that unit it is.
    pub fn time_unit(word) -> Option<(&'static str, f64)>, TIME_UNIT_WORDS = {
        "year" | "years" | "yr" | "yrs" | "год" | "года" | "лет" | "годы" | "годам" => ("years", 1.0),
        "decade" | "decades" | "десятилетие" | "десятилетия" | "десятилетий" => ("years", 10.0),
        "century" | "centuries" => ("years", 100.0),
        "month" | "months" | "месяц" | "месяца" | "месяцев" => ("months", 1.0),
        "week" | "weeks" | "неделя" | "недели" | "недель" | "неделю" => ("weeks", 1.0),
        "day" | "days" | "день" | "дня" | "дней" | "сутки" | "суток" => ("days", 1.0),
        "hour" | "hours" | "hr" | "hrs" | "час" | "часа" | "часов" => ("hours", 1.0),
        "minute" | "minutes" | "min" | "mins" | "минута" | "минуты" | "минут" => ("minutes", 1.0),
    }
}

/// Physical units, normalised.
pub fn measure_unit(word: &str) -> Option<&'static str> {
    let u = match word {
        "hectare" | "hectares" | "ha" | "га" | "гектар" | "гектара" | "гектаров" => {
            "hectares"
        }
        "acre" | "acres" => "acres",
        "km" | "kilometre" | "kilometres" | "kilometer" | "kilometers" | "км" => "km",
        "mile" | "miles" => "miles",
        "metre" | "metres" | "meter" | "meters" | "м" => "metres",
        "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" | "см" => "cm",
        "mm" | "millimetre" | "millimetres" | "millimeter" | "millimeters" | "мм" => "mm",
        "feet" | "foot" | "ft" => "feet",
        "inch" | "inches" | "дюйм" | "дюйма" | "дюймов" => "inches",
        "tonne" | "tonnes" | "ton" | "tons" | "тонн" | "тонны" | "тонна" | "тонну" => {
            "tonnes"
        }
        "kg" | "kilogram" | "kilograms" | "kilogramme" | "kilogrammes" | "кг" => "kg",
        "mg" | "milligram" | "milligrams" | "мг" => "mg",
        "lb" | "lbs" => "lb",
        "ml" | "millilitre" | "millilitres" | "milliliter" | "milliliters" | "мл" => "ml",
        "litre" | "litres" | "liter" | "liters" | "литр" | "литров" | "литра" => {
            "litres"
        }
        "barrel" | "barrels" => "barrels",
        "mw" | "megawatt" | "megawatts" => "MW",
        "gw" | "gigawatt" | "gigawatts" => "GW",
        "kw" | "kilowatt" | "kilowatts" => "kW",
        "kwh" => "kWh",
        "mph" => "mph",
        "degrees" | "degree" => "degrees",
        _ => return None,
    };
    Some(u)
}

/// What a normalised unit of [`measure_unit`] measures, and how many of the dimension's
/// base unit (metre, square metre, cubic metre, kilogram) one of it is: "inches" is
/// ("length", 0.0254), "hectares" is ("area", 10,000). `None` for units of their own
/// (MW, degrees, barrels).
pub fn dimension(unit: &str) -> Option<(&'static str, f64)> {
    let length = |unit: &str| match unit {
        "km" => Some(1000.0),
        "metres" => Some(1.0),
        "cm" => Some(0.01),
        "mm" => Some(0.001),
        "miles" => Some(1609.344),
        "feet" => Some(0.3048),
        "inches" => Some(0.0254),
        _ => None,
    };
    if let Some(side) = unit.strip_prefix("square ") {
        return length(side).map(|f| ("area", f * f));
    }
    if let Some(side) = unit.strip_prefix("cubic ") {
        return length(side).map(|f| ("volume", f * f * f));
    }
    if let Some(factor) = length(unit) {
        return Some(("length", factor));
    }
    match unit {
        "hectares" => Some(("area", 1e4)),
        "acres" => Some(("area", 4_046.856_422_4)),
        "litres" => Some(("volume", 0.001)),
        "ml" => Some(("volume", 1e-6)),
        "tonnes" => Some(("mass", 1000.0)),
        "kg" => Some(("mass", 1.0)),
        "mg" => Some(("mass", 1e-6)),
        "lb" => Some(("mass", 0.453_592_37)),
        _ => None,
    }
}

/// Currency words after a number: "500 roubles".
pub fn currency_word(word: &str) -> Option<&'static str> {
    let c = match word {
        "dollar" | "dollars" | "usd" | "долларов" | "доллара" | "доллар" => {
            "USD"
        }
        "euro" | "euros" | "eur" | "евро" => "EUR",
        "gbp" | "sterling" => "GBP",
        "rouble" | "roubles" | "ruble" | "rubles" | "rub" | "руб" | "рублей" | "рубля"
        | "рубль" => "RUB",
        "yuan" | "cny" | "юаней" => "CNY",
        "yen" | "jpy" => "JPY",
        "rupee" | "rupees" | "inr" | "рупий" => "INR",
        _ => return None,
    };
    Some(c)
}

/// Currency symbols before a number: "$2 bn", "£450 million".
pub fn currency_symbol(c: char) -> Option<&'static str> {
    match c {
        '$' => Some("USD"),
        '£' => Some("GBP"),
        '€' => Some("EUR"),
        '¥' => Some("JPY"),
        '₽' => Some("RUB"),
        '₹' => Some("INR"),
        _ => None,
    }
}

/// The vulgar fractions the grammar reads.
pub fn is_vulgar_fraction_char(c: char) -> bool {
    matches!(c, '½' | '¼' | '¾' | '⅓' | '⅔')
}

pub fn is_percent_word(word: &str) -> bool {
    matches!(
        word,
        "percent" | "pct" | "процент" | "процента" | "процентов" | "проц" | "процентам"
    )
}

/// Month names, English and Russian (nominative and genitive).
pub fn is_month(word: &str) -> bool {
    matches!(
        word,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "январь"
            | "января"
            | "февраль"
            | "февраля"
            | "март"
            | "марта"
            | "апрель"
            | "апреля"
            | "май"
            | "мая"
            | "июнь"
            | "июня"
            | "июль"
            | "июля"
            | "август"
            | "августа"
            | "сентябрь"
            | "сентября"
            | "октябрь"
            | "октября"
            | "ноябрь"
            | "ноября"
            | "декабрь"
            | "декабря"
    )
}

/// Words after which a number is a label, not an amount: "No. 4", "page 12", "Part 1".
pub fn is_label_word(word: &str) -> bool {
    matches!(
        word,
        "no" | "nos"
            | "number"
            | "p"
            | "pp"
            | "page"
            | "pages"
            | "vol"
            | "vols"
            | "volume"
            | "volumes"
            | "part"
            | "chapter"
            | "chap"
            | "ch"
            | "section"
            | "sec"
            | "fig"
            | "figure"
            | "table"
            | "article"
            | "art"
            | "item"
            | "issue"
            | "issues"
            | "slide"
            | "slides"
            | "card"
            | "cards"
            | "week"
            | "block"
            | "lesson"
            | "module"
            | "question"
            | "exercise"
            | "session"
            | "col"
            | "cols"
            | "column"
            // An archival reference: "ф. 9401, оп. 2, д. 450, л. 12", "опись 2 фонда 9401".
            | "ф"
            | "оп"
            | "д"
            | "л"
            | "лл"
            | "фонд"
            | "фонда"
            | "опись"
            | "описи"
            | "дело"
            | "paragraph"
            | "para"
            | "clause"
            | "line"
            | "lines"
            | "verse"
            | "note"
            | "notes"
            | "footnote"
            | "endnote"
            | "ref"
            | "step"
            | "phase"
            | "stage"
            | "level"
            | "grade"
            | "room"
            | "apartment"
            | "flat"
            | "platform"
            | "berth"
            | "pier"
            | "dock"
            | "terminal"
            | "ward"
            | "route"
            | "bus"
            | "tram"
            | "highway"
            | "road"
            | "flight"
            | "isbn"
            | "issn"
            | "doi"
            | "version"
            | "v"
            | "q"
            | "h"
            | "tel"
            | "phone"
            | "telephone"
            | "fax"
            | "ext"
            | "box"
            | "code"
            | "zip"
            | "стр"
            | "с"
            | "т"
            | "том"
            | "глава"
            | "гл"
            | "статья"
            | "ст"
            | "пункт"
            | "п"
            | "приказ"
            | "рис"
            | "табл"
            | "номер"
            | "№"
            | "#"
    )
}

/// Words that, right after a time span, make it a point in time ("three days later").
pub fn is_relative_time_word(word: &str) -> bool {
    matches!(
        word,
        "ago"
            | "later"
            | "earlier"
            | "before"
            | "after"
            | "afterwards"
            | "afterward"
            | "hence"
            | "previously"
            | "prior"
            | "назад"
            | "спустя"
            | "позже"
            | "раньше"
            | "позднее"
            | "ранее"
    )
}

/// Verbs and nouns of change: "rose from 4.1 to 10 per cent" names two figures, not a range.
pub fn is_change_word(word: &str) -> bool {
    const STEMS: &[&str] = &[
        "ris",
        "rose",
        "grew",
        "grow",
        "increas",
        "decreas",
        "fell",
        "fall",
        "drop",
        "declin",
        "reduc",
        "cut",
        "went",
        "jump",
        "climb",
        "soar",
        "plung",
        "shr",
        "expand",
        "chang",
        "rais",
        "lower",
        "slash",
        "doubl",
        "halv",
        "boost",
        "widen",
        "narrow",
        "up",
        "down",
        "вырос",
        "увелич",
        "сократ",
        "снизи",
        "упал",
        "возрос",
    ];
    STEMS.iter().any(|s| word.starts_with(s))
}

/// A word's first seven bytes and its length as one number: words that differ in these
/// have different keys. Lists looked through for the word at hand compare keys first,
/// where comparing words branches on every length.
pub fn word_key(word: &str) -> u64 {
    let length = (word.len() as u64 & 0xff) << 56;
    word.bytes()
        .take(7)
        .enumerate()
        .fold(length, |key, (at, byte)| key | u64::from(byte) << (8 * at))
}

/// Qualifier phrases written before a number, longest first within each group.
/// Each phrase is a list of lower-case words.
pub const QUALIFIERS_BEFORE: &[(&[&str], Qualifier)] = &[
    // Longer phrases first: "slightly more than" before "more than".
    (&["just", "over"], Qualifier::JustOver),
    (&["just", "above"], Qualifier::JustOver),
    (&["just", "more", "than"], Qualifier::JustOver),
    (&["slightly", "more", "than"], Qualifier::JustOver),
    (&["slightly", "over"], Qualifier::JustOver),
    (&["slightly", "above"], Qualifier::JustOver),
    (&["a", "little", "over"], Qualifier::JustOver),
    (&["a", "little", "more", "than"], Qualifier::JustOver),
    (&["чуть", "более"], Qualifier::JustOver),
    (&["чуть", "больше"], Qualifier::JustOver),
    (&["чуть", "свыше"], Qualifier::JustOver),
    (&["немногим", "более"], Qualifier::JustOver),
    (&["немногим", "больше"], Qualifier::JustOver),
    (&["no", "more", "than"], Qualifier::AtMost),
    (&["not", "more", "than"], Qualifier::AtMost),
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["not", "less", "than"], Qualifier::AtLeast),
    (&["not", "fewer", "than"], Qualifier::AtLeast),
    (&["in", "excess", "of"], Qualifier::Over),
    (&["upwards", "of"], Qualifier::Over),
    (&["more", "than"], Qualifier::Over),
    (&["greater", "than"], Qualifier::Over),
    (&["larger", "than"], Qualifier::Over),
    (&["higher", "than"], Qualifier::Over),
    (&["less", "than"], Qualifier::Under),
    (&["fewer", "than"], Qualifier::Under),
    (&["lower", "than"], Qualifier::Under),
    (&["at", "least"], Qualifier::AtLeast),
    (&["a", "minimum", "of"], Qualifier::AtLeast),
    (&["at", "most"], Qualifier::AtMost),
    (&["up", "to"], Qualifier::AtMost),
    (&["a", "maximum", "of"], Qualifier::AtMost),
    (&["not", "exceeding"], Qualifier::AtMost),
    (&["just", "under"], Qualifier::Almost),
    (&["just", "short", "of"], Qualifier::Almost),
    (&["close", "to"], Qualifier::About),
    (&["in", "the", "region", "of"], Qualifier::About),
    (&["on", "the", "order", "of"], Qualifier::About),
    (&["of", "the", "order", "of"], Qualifier::About),
    (&["an", "estimated"], Qualifier::About),
    (&["some"], Qualifier::About),
    (&["about"], Qualifier::About),
    (&["approximately"], Qualifier::About),
    (&["approx"], Qualifier::About),
    (&["around"], Qualifier::About),
    (&["roughly"], Qualifier::About),
    (&["circa"], Qualifier::About),
    (&["ca"], Qualifier::About),
    (&["estimated"], Qualifier::About),
    (&["nearly"], Qualifier::Almost),
    (&["almost"], Qualifier::Almost),
    (&["over"], Qualifier::Over),
    (&["exceeded"], Qualifier::Over),
    (&["exceeding"], Qualifier::Over),
    (&["exceed"], Qualifier::Over),
    (&["exceeds"], Qualifier::Over),
    (&["above"], Qualifier::Over),
    (&["under"], Qualifier::Under),
    (&["below"], Qualifier::Under),
    (&["within"], Qualifier::AtMost),
    (&["не", "менее"], Qualifier::AtLeast),
    (&["не", "меньше"], Qualifier::AtLeast),
    (&["не", "более"], Qualifier::AtMost),
    (&["не", "больше"], Qualifier::AtMost),
    (&["не", "свыше"], Qualifier::AtMost),
    (&["более", "чем"], Qualifier::Over),
    (&["около"], Qualifier::About),
    // The qualifier before a preposition: "примерно в 300 домах", "почти на 20%".
    (&["примерно", "в"], Qualifier::About),
    (&["примерно", "на"], Qualifier::About),
    (&["примерно", "через"], Qualifier::About),
    (&["приблизительно", "через"], Qualifier::About),
    (&["приблизительно", "в"], Qualifier::About),
    (&["приблизительно", "на"], Qualifier::About),
    (&["почти", "в"], Qualifier::Almost),
    (&["почти", "на"], Qualifier::Almost),
    (&["примерно"], Qualifier::About),
    (&["приблизительно"], Qualifier::About),
    (&["порядка"], Qualifier::About),
    (&["почти"], Qualifier::Almost),
    (&["более"], Qualifier::Over),
    (&["свыше"], Qualifier::Over),
    (&["больше"], Qualifier::Over),
    (&["превысило"], Qualifier::Over),
    (&["превысил"], Qualifier::Over),
    (&["превысила"], Qualifier::Over),
    (&["менее"], Qualifier::Under),
    (&["меньше"], Qualifier::Under),
    (&["до"], Qualifier::AtMost),
];

/// Irregular plural nouns that name what is counted.
pub fn is_irregular_plural(word: &str) -> bool {
    matches!(
        word,
        "people"
            | "men"
            | "women"
            | "children"
            | "police"
            | "cattle"
            | "personnel"
            | "staff"
            | "folk"
            | "sheep"
            | "deer"
            | "fish"
            | "livestock"
            | "persons"
            | "feet"
            | "teeth"
            | "mice"
            | "geese"
            | "clergy"
            | "youth"
            | "troops"
            | "poultry"
            | "infantry"
    )
}

/// Words that end the search for a counted noun after a number.
pub fn is_noun_phrase_stop(word: &str) -> bool {
    matches!(
        word,
        "and"
            | "or"
            | "but"
            | "of"
            | "in"
            | "at"
            | "on"
            | "for"
            | "from"
            | "to"
            | "by"
            | "with"
            | "who"
            | "which"
            | "that"
            | "were"
            | "was"
            | "is"
            | "are"
            | "had"
            | "have"
            | "has"
            | "been"
            | "be"
            | "will"
            | "would"
            | "could"
            | "should"
            | "may"
            | "might"
            | "did"
            | "do"
            | "does"
            | "than"
            | "as"
            | "into"
            | "out"
            | "per"
            | "each"
            | "a"
            | "an"
            | "the"
            | "between"
            | "among"
            | "during"
            | "since"
            | "until"
            | "after"
            | "before"
            | "while"
            | "when"
            | "where"
            | "whom"
            | "whose"
            | "it"
            | "they"
            | "he"
            | "she"
            | "we"
            | "not"
            | "also"
            | "only"
            | "more"
            | "less"
            | "about"
            | "under"
            | "over"
            | "и"
            | "в"
            | "на"
            | "по"
            | "из"
            | "за"
            | "с"
            | "от"
            | "до"
            | "что"
            | "как"
    )
}

/// Reporting verbs: "Kozhinov claims", "said Maria Lopez".
const REPORTING_VERBS: &[&str] = &[
    "claims",
    "claimed",
    "says",
    "said",
    "states",
    "stated",
    "asserts",
    "asserted",
    "wrote",
    "writes",
    "reports",
    "reported",
    "estimates",
    "estimated",
    "argues",
    "argued",
    "believes",
    "believed",
    "insists",
    "insisted",
    "notes",
    "noted",
    "recalled",
    "recalls",
    "emphasized",
    "emphasised",
    "declared",
    "declares",
    "announced",
    "announces",
    "maintains",
    "maintained",
    "told",
    "tells",
    "concluded",
    "calculated",
    "counted",
    "mentioned",
    "added",
    "explained",
    "admitted",
    "testified",
    "confirmed",
    "утверждает",
    "утверждал",
    "считает",
    "считал",
    "пишет",
    "писал",
    "сообщил",
    "сообщила",
    "сообщает",
    "заявил",
    "заявила",
    "отметил",
    "отметила",
];

/// Is `word` one of the [`REPORTING_VERBS`]?
pub fn is_reporting_verb(word: &str) -> bool {
    REPORTING_VERBS.contains(&word)
}

/// Words an attribution is read on from: "according to", "по данным" and the reporting
/// verbs.
pub fn may_open_attribution(word: &str) -> bool {
    matches!(word, "according" | "по") || is_reporting_verb(word)
}

/// Every word [`may_open_attribution`] is true of.
pub fn attribution_opening_words() -> impl Iterator<Item = &'static str> {
    ["according", "по"]
        .into_iter()
        .chain(REPORTING_VERBS.iter().copied())
}

/// Common English idioms whose number words are not amounts.
pub const IDIOMS: &[&[&str]] = &[
    &["one", "step", "forward"],
    &["two", "steps", "back"],
    &["two", "steps", "backward"],
    &["on", "two", "fronts"],
    &["between", "two", "fires"],
    &["in", "two", "minds"],
    &["kill", "two", "birds"],
    &["one", "of", "a", "kind"],
    &["on", "the", "one", "hand"],
    &["at", "sixes", "and", "sevens"],
    &["nine", "times", "out", "of", "ten"],
    &["one", "by", "one"],
    &["one", "after", "another"],
    &["one", "another"],
    &["one", "or", "two"],
    &["a", "thousand", "times"],
    &["a", "million", "times"],
    &["seventh", "heaven"],
    &["cloud", "nine"],
    &["catch", "twenty"],
];

/// Words that may start a figure besides the number words, fractions, vague amounts
/// and multipliers of the lexicon.
const FIGURE_OPENERS: &[&str] = &[
    "a",
    "an",
    "one",
    "factor",
    "many",
    "tens",
    "hundreds",
    "decades",
    "centuries",
    "десятки",
    "сотни",
    "десятков",
    "сотен",
    "десятилетия",
    "полтора",
    "полторы",
];

/// Can a figure start at this (lower-case) word? False means that no rule of the
/// grammar, nor a multiplier or "factor of", begins with it, whatever follows: a
/// necessary condition, checked first because most words fail it.
pub fn may_start_figure(word: &str) -> bool {
    FIGURE_OPENERS.contains(&word)
        || number_word(word).is_some()
        || denominator(word).is_some()
        || vague_quantity(word).is_some()
        || vague_magnitude(word).is_some()
        || multiplier(word).is_some()
}

/// Every word [`may_start_figure`] is true of (with repeats).
pub fn figure_starting_words() -> impl Iterator<Item = &'static str> {
    [
        FIGURE_OPENERS,
        COUNTING_WORDS,
        SCALE_WORDS,
        DENOMINATOR_WORDS,
        VAGUE_QUANTITY_WORDS,
        VAGUE_MAGNITUDE_WORDS,
        MULTIPLIER_WORDS,
    ]
    .into_iter()
    .flatten()
    .copied()
}

/// Starters that begin a figure only with another starter after them: "many thousands",
/// "a million"; an article also with a word of [`may_follow_article`].
pub fn starts_only_with_company(word: &str) -> bool {
    matches!(word, "a" | "an" | "many")
}

/// Words besides the time units that make a figure right after "a" or "an".
const ARTICLE_FOLLOWERS: &[&str] = &["few", "handful", "dozen"];

/// Words that make a figure right after "a" or "an" though they start none alone: "a
/// few", "a handful", "a dozen", "a year and a half".
pub fn may_follow_article(word: &str) -> bool {
    ARTICLE_FOLLOWERS.contains(&word) || time_unit(word).is_some()
}

/// Every word [`may_follow_article`] is true of.
pub fn article_following_words() -> impl Iterator<Item = &'static str> {
    [ARTICLE_FOLLOWERS, TIME_UNIT_WORDS]
        .into_iter()
        .flatten()
        .copied()
}

/// Every quoted word of the grammar, the lexicon and the scan: whatever the grammar can
/// recognise is spelled somewhere in their source.
#[cfg(test)]
pub fn grammar_vocabulary() -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for source in [
        include_str!("grammar.rs"),
        include_str!("lexicon.rs"),
        include_str!("mod.rs"),
        include_str!("scan.rs"),
        include_str!("not_figures.rs"),
        include_str!("dates.rs"),
        include_str!("multipliers.rs"),
        include_str!("units.rs"),
        include_str!("qualifiers.rs"),
        include_str!("gate.rs"),
        include_str!("tests.rs"),
        include_str!("context.rs"),
    ] {
        for quoted in source.split('"').skip(1).step_by(2) {
            for word in quoted.split(|c: char| !c.is_alphabetic() && c != '-') {
                if !word.is_empty() && !words.iter().any(|w| w == word) {
                    words.push(word.to_string());
                }
            }
        }
    }
    words
}

/// Singular nouns for a person, after which "One" opening a sentence is a count:
/// "One person died", "One child was hurt".
pub fn is_person_noun(word: &str) -> bool {
    matches!(
        word,
        "person"
            | "man"
            | "woman"
            | "child"
            | "boy"
            | "girl"
            | "worker"
            | "passenger"
            | "soldier"
            | "officer"
            | "victim"
            | "patient"
            | "resident"
            | "pupil"
            | "student"
            | "climber"
            | "driver"
    )
}

/// Russian collective numerals, which count people (or paired things) and nothing
/// else: "двое", "трое", ... "десятеро".
pub fn is_collective_numeral(word: &str) -> bool {
    matches!(
        word,
        "двое"
            | "трое"
            | "четверо"
            | "пятеро"
            | "шестеро"
            | "семеро"
            | "восьмеро"
            | "девятеро"
            | "десятеро"
    )
}

/// Currency codes and abbreviations written before an amount: "Rs 12,34,567", "EUR 500",
/// "USD 75 million".
pub fn currency_before(word: &str) -> Option<&'static str> {
    match word {
        "rs" | "inr" => Some("INR"),
        "usd" => Some("USD"),
        "eur" => Some("EUR"),
        "gbp" => Some("GBP"),
        "chf" => Some("CHF"),
        "jpy" => Some("JPY"),
        "cny" | "rmb" => Some("CNY"),
        "rub" => Some("RUB"),
        "uah" => Some("UAH"),
        "kzt" => Some("KZT"),
        "cad" => Some("CAD"),
        "aud" => Some("AUD"),
        "nzd" => Some("NZD"),
        "sek" => Some("SEK"),
        "nok" => Some("NOK"),
        "dkk" => Some("DKK"),
        "pln" => Some("PLN"),
        "czk" => Some("CZK"),
        "huf" => Some("HUF"),
        "brl" => Some("BRL"),
        "mxn" => Some("MXN"),
        "zar" => Some("ZAR"),
        "krw" => Some("KRW"),
        "sgd" => Some("SGD"),
        "hkd" => Some("HKD"),
        _ => None,
    }
}

/// The sides of a division, whose number is a count of votes ("Ayes 312, Noes 204"), not
/// a name with a number.
pub fn is_vote_word(word: &str) -> bool {
    matches!(
        word,
        "ayes" | "noes" | "yeas" | "nays" | "contents" | "abstentions" | "for" | "against"
    )
}

/// A scale letter stuck before a currency code, as financial reports write it: "MEUR"
/// (million euros), "kUSD" (thousand dollars). Case as written: "meur" is no word of it.
pub fn scaled_currency(raw: &str) -> Option<(f64, &'static str)> {
    if raw.len() != 4 || !raw.is_ascii() {
        return None;
    }
    let (scale, code) = raw.split_at(1);
    let scale = match scale {
        "M" => 1e6,
        "k" | "K" => 1e3,
        _ => return None,
    };
    if !code.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    currency_before(&code.to_ascii_lowercase()).map(|code| (scale, code))
}

/// The unit of a Russian compound adjective made of a number and a unit ("5-летняя",
/// "30-километровой", "8-часовой"): the unit, and whether it is one of time.
pub fn russian_compound_unit(suffix: &str) -> Option<(&'static str, bool)> {
    const STEMS: &[(&str, &str, bool)] = &[
        ("летн", "years", true),
        ("месячн", "months", true),
        ("недельн", "weeks", true),
        ("дневн", "days", true),
        ("суточн", "days", true),
        ("часов", "hours", true),
        ("минутн", "minutes", true),
        ("километров", "km", false),
        ("метров", "metres", false),
        ("тонн", "tonnes", false),
        ("градусн", "degrees", false),
        ("процентн", "percent", false),
    ];
    STEMS
        .iter()
        .find(|(stem, _, _)| suffix.starts_with(stem) && suffix.len() > stem.len())
        .map(|&(_, unit, time)| (unit, time))
}

/// A Russian noun for a person, after which "5-летняя" is an age ("5-летняя девочка").
pub fn is_russian_person_noun(word: &str) -> bool {
    const STEMS: &[&str] = &[
        "девоч",
        "мальчик",
        "ребён",
        "ребен",
        "мужчин",
        "женщин",
        "жител",
        "пенсионер",
        "школьни",
        "подрост",
        "сын",
        "доч",
        "внук",
        "студент",
        "пациент",
        "водител",
    ];
    STEMS.iter().any(|stem| word.starts_with(stem))
}

/// Plural nouns a year before them dates rather than counts: "2024 results", "1990
/// prices", "2019 elections".
pub fn is_period_noun(word: &str) -> bool {
    matches!(
        word,
        "results"
            | "elections"
            | "figures"
            | "accounts"
            | "budgets"
            | "estimates"
            | "prices"
            | "levels"
            | "statistics"
            | "earnings"
            | "championships"
            | "olympics"
            | "forecasts"
            | "rankings"
            | "targets"
    )
}
