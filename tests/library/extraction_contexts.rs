//! Every supported form of a figure, placed in every context a document puts figures
//! in, must give the same record: value, bounds, rounding step, qualifier, kind and
//! unit, and no period borrowed from a citation's year. The contexts are those where
//! rules once dropped or fused figures (issue "Extraction that holds on prose nobody
//! here wrote"): a sentence's start, after a citation, after a footnote marker, after a
//! label's colon at a line's end, in a table cell, and as the end of a change.

use crosscheck::extract::{extract, Figure};

/// A form, as written, and the record it must give: value, low, high, kind, unit.
struct Form {
    text: &'static str,
    value: Option<f64>,
    low: f64,
    high: f64,
    kind: &'static str,
    unit: Option<&'static str>,
}

const fn form(
    text: &'static str,
    value: Option<f64>,
    low: f64,
    high: f64,
    kind: &'static str,
    unit: Option<&'static str>,
) -> Form {
    Form {
        text,
        value,
        low,
        high,
        kind,
        unit,
    }
}

const FORMS: &[Form] = &[
    form(
        "4,512 people",
        Some(4512.0),
        4512.0,
        4512.0,
        "count",
        Some("people"),
    ),
    form(
        "1.3 million people",
        Some(1.3e6),
        1.3e6,
        1.3e6,
        "count",
        Some("people"),
    ),
    form(
        "about 800,000 people",
        Some(8e5),
        8e5,
        8e5,
        "count",
        Some("people"),
    ),
    form(
        "more than 400 people",
        Some(400.0),
        400.0,
        400.0,
        "count",
        Some("people"),
    ),
    form(
        "5-7 million people",
        None,
        5e6,
        7e6,
        "count",
        Some("people"),
    ),
    form(
        "half a million people",
        Some(5e5),
        5e5,
        5e5,
        "count",
        Some("people"),
    ),
    form(
        "forty-two people",
        Some(42.0),
        42.0,
        42.0,
        "count",
        Some("people"),
    ),
    form(
        "12,34,567 people",
        Some(1_234_567.0),
        1_234_567.0,
        1_234_567.0,
        "count",
        Some("people"),
    ),
    form(
        "8.5 per cent",
        Some(8.5),
        8.5,
        8.5,
        "percent",
        Some("percent"),
    ),
    form("43%", Some(43.0), 43.0, 43.0, "percent", Some("percent")),
    form(
        "$4.5 million",
        Some(4.5e6),
        4.5e6,
        4.5e6,
        "money",
        Some("USD"),
    ),
    form("€1990", Some(1990.0), 1990.0, 1990.0, "money", Some("EUR")),
    form(
        "3.5bn euros",
        Some(3.5e9),
        3.5e9,
        3.5e9,
        "money",
        Some("EUR"),
    ),
    form(
        "3,100 km²",
        Some(3100.0),
        3100.0,
        3100.0,
        "measure",
        Some("square km"),
    ),
    form("75ml", Some(75.0), 75.0, 75.0, "measure", Some("ml")),
    form(
        "~300 people",
        Some(300.0),
        300.0,
        300.0,
        "count",
        Some("people"),
    ),
    form(
        "≈ 2,000 people",
        Some(2000.0),
        2000.0,
        2000.0,
        "count",
        Some("people"),
    ),
    form(
        "c. 500 people",
        Some(500.0),
        500.0,
        500.0,
        "count",
        Some("people"),
    ),
    form(
        "1.234.567 euros",
        Some(1_234_567.0),
        1_234_567.0,
        1_234_567.0,
        "money",
        Some("EUR"),
    ),
    form(
        "3.1 × 10^6 people",
        Some(3.1e6),
        3.1e6,
        3.1e6,
        "count",
        Some("people"),
    ),
    form("50M people", Some(5e7), 5e7, 5e7, "count", Some("people")),
    form("$1.9T", Some(1.9e12), 1.9e12, 1.9e12, "money", Some("USD")),
    form(
        "two thirds of the voters",
        Some(2.0 / 3.0),
        2.0 / 3.0,
        2.0 / 3.0,
        "fraction",
        Some("fraction"),
    ),
    form(
        "one in five voters",
        Some(0.2),
        0.2,
        0.2,
        "fraction",
        Some("fraction"),
    ),
    form(
        "half a dozen people",
        Some(6.0),
        6.0,
        6.0,
        "count",
        Some("people"),
    ),
    form(
        "a quarter million people",
        Some(250_000.0),
        250_000.0,
        250_000.0,
        "count",
        Some("people"),
    ),
    form("200lbs", Some(200.0), 200.0, 200.0, "measure", Some("lb")),
    form(
        "2 1/2 hectares",
        Some(2.5),
        2.5,
        2.5,
        "measure",
        Some("hectares"),
    ),
    form(
        "two point five per cent",
        Some(2.5),
        2.5,
        2.5,
        "percent",
        Some("percent"),
    ),
    form(
        "75 USD million",
        Some(7.5e7),
        7.5e7,
        7.5e7,
        "money",
        Some("USD"),
    ),
    form("120 MEUR", Some(1.2e8), 1.2e8, 1.2e8, "money", Some("EUR")),
];

/// Where a figure stands; `{}` is the figure.
const CONTEXTS: &[(&str, &str)] = &[
    ("mid-sentence", "The survey counted {} in the district."),
    ("sentence start", "{} were counted in the district."),
    (
        "after a citation",
        "According to the Associated Press (Larsen 1998, p. 41), the survey counted {} in the district.",
    ),
    (
        "after a footnote marker",
        "The survey was published in the spring.[3] It counted {} in the district.",
    ),
    ("after a label's colon at a line's end", "Counted in the district: {}\n"),
    ("in a table cell", "| Northern district | {} | final |\n"),
    // "rose by 25% to 43%" is left out: as often a range ("increased payments by 50%
    // to 200%") as a change and where it ended.
    ("as the end of a change", "The count rose from 250 to {} in the district."),
];

/// The context with the form in place, capitalised at a sentence's start, and where
/// the form starts.
fn place(context: &str, form: &str) -> (String, usize) {
    let at = context.find("{}").expect("a context holds {}");
    let mut written = form.to_string();
    if at == 0 {
        let mut chars = form.chars();
        if let Some(first) = chars.next() {
            written = first.to_uppercase().chain(chars).collect();
        }
    }
    (context.replacen("{}", &written, 1), at)
}

/// What differs between the record a form gives and the one it must give.
fn differences(figure: &Figure, form: &Form, text: &str) -> Vec<String> {
    let mut wrong = Vec::new();
    let close = |x: f64, y: f64| (x - y).abs() <= 1e-9 * x.abs().max(1.0);
    if figure.value.is_some() != form.value.is_some()
        || figure
            .value
            .zip(form.value)
            .is_some_and(|(x, y)| !close(x, y))
    {
        wrong.push(format!("value {:?}, not {:?}", figure.value, form.value));
    }
    if !close(figure.low, form.low) || !close(figure.high, form.high) {
        wrong.push(format!(
            "bounds {}..{}, not {}..{}",
            figure.low, figure.high, form.low, form.high
        ));
    }
    if figure.kind.as_str() != form.kind {
        wrong.push(format!("kind {}, not {}", figure.kind.as_str(), form.kind));
    }
    if figure.unit.as_deref() != form.unit {
        wrong.push(format!("unit {:?}, not {:?}", figure.unit, form.unit));
    }
    if figure.period.is_some() {
        wrong.push(format!("a period {:?} from nowhere", figure.period));
    }
    let written = figure.text(text);
    if !form.text.to_lowercase().contains(&written.to_lowercase()) {
        wrong.push(format!("read as {written:?}"));
    }
    wrong
}

/// Russian forms, placed in Russian contexts.
const FORMS_RU: &[Form] = &[
    form(
        "1 234 567 человек",
        Some(1_234_567.0),
        1_234_567.0,
        1_234_567.0,
        "count",
        Some("человек"),
    ),
    form(
        "1,5 млн человек",
        Some(1.5e6),
        1.5e6,
        1.5e6,
        "count",
        Some("человек"),
    ),
    form(
        "около 800 тыс. человек",
        Some(8e5),
        8e5,
        8e5,
        "count",
        Some("человек"),
    ),
    form(
        "свыше 400 человек",
        Some(400.0),
        400.0,
        400.0,
        "count",
        Some("человек"),
    ),
    form("5-7 млн человек", None, 5e6, 7e6, "count", Some("человек")),
    form(
        "12 процентов",
        Some(12.0),
        12.0,
        12.0,
        "percent",
        Some("percent"),
    ),
    form(
        "сорок два человека",
        Some(42.0),
        42.0,
        42.0,
        "count",
        Some("человека"),
    ),
    form(
        "3 100 км²",
        Some(3100.0),
        3100.0,
        3100.0,
        "measure",
        Some("square km"),
    ),
    form(
        "2,5 млрд рублей",
        Some(2.5e9),
        2.5e9,
        2.5e9,
        "money",
        Some("RUB"),
    ),
    form(
        "двое рабочих",
        Some(2.0),
        2.0,
        2.0,
        "count",
        Some("рабочих"),
    ),
    form(
        "5-летняя девочка",
        Some(5.0),
        5.0,
        5.0,
        "age",
        Some("years of age"),
    ),
    form(
        "30-километровая зона",
        Some(30.0),
        30.0,
        30.0,
        "measure",
        Some("km"),
    ),
];

const CONTEXTS_RU: &[(&str, &str)] = &[
    ("mid-sentence", "Обследование насчитало {} в районе."),
    ("sentence start", "{} учтено в районе."),
    (
        "after a citation",
        "По данным ТАСС (Иванов 1998, с. 41), обследование насчитало {} в районе.",
    ),
    (
        "after a footnote marker",
        "Отчёт опубликован весной.[3] В нём насчитали {} в районе.",
    ),
    (
        "after a label's colon at a line's end",
        "Учтено в районе: {}\n",
    ),
    ("in a table cell", "| Северный район | {} | итог |\n"),
    (
        "as the end of a change",
        "Число выросло с 250 до {} в районе.",
    ),
];

#[test]
fn every_form_gives_one_record_in_every_context() {
    check_every_placement(FORMS, CONTEXTS);
}

#[test]
fn every_russian_form_gives_one_record_in_every_russian_context() {
    check_every_placement(FORMS_RU, CONTEXTS_RU);
}

fn check_every_placement(forms: &[Form], contexts: &[(&str, &str)]) {
    let mut failures = Vec::new();
    for form in forms {
        let mut baseline: Option<(Option<f64>, String)> = None;
        for (name, context) in contexts {
            let (text, at) = place(context, form.text);
            let placed = at..at + form.text.len();
            let Some(figure) = extract(&text)
                .into_iter()
                .find(|f| f.span.start < placed.end && f.span.end > placed.start)
            else {
                failures.push(format!("{:?} {name}: not found in {text:?}", form.text));
                continue;
            };
            let wrong = differences(&figure, form, &text);
            if !wrong.is_empty() {
                failures.push(format!("{:?} {name}: {}", form.text, wrong.join("; ")));
            }
            // The rounding and qualifier a context gives must be the sentence's.
            let reading = (
                figure.precision.map(|p| p.step),
                figure.qualifier.as_str().to_string(),
            );
            match &baseline {
                None => baseline = Some(reading),
                Some(first) if *first != reading => failures.push(format!(
                    "{:?} {name}: step and qualifier {reading:?}, mid-sentence {first:?}",
                    form.text
                )),
                Some(_) => {}
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} placements differ:\n{}",
        failures.len(),
        forms.len() * contexts.len(),
        failures.join("\n")
    );
}
