//! Every seed made into HTML, Markdown, PDF, DOCX, ODT and EPUB (by
//! `tests/fixtures/make_formats.rs`, the PDF by a real PDF writer) gives, figure by
//! figure, the figures of its plain text: the same text and values, each at the place
//! in the new format where the plain text's character went.

use std::path::{Path, PathBuf};

use crosscheck::extract::extract;
use crosscheck::input::{Documents, Item, Origin};
use crosscheck::report::FigureRecord;
use crosscheck::source::Document;

#[path = "../fixtures/make_formats.rs"]
mod make_formats;

use make_formats::{Made, Place};

fn seeds() -> Vec<PathBuf> {
    let mut seeds: Vec<PathBuf> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|e| e == "txt"))
            .collect();
    seeds.sort();
    assert!(seeds.len() >= 5, "{seeds:?}");
    seeds
}

/// The one document `path` reads as.
fn read(path: &Path) -> Document {
    let mut items = Documents::new(vec![Origin::Path(path.to_path_buf())]);
    match items.next() {
        Some(Item::Document(document)) => {
            assert!(items.next().is_none(), "{}: one document", path.display());
            document
        }
        other => panic!("{}: {other:?}", path.display()),
    }
}

/// What a figure is, without where: the fields that must not change with the format.
fn what(record: &FigureRecord) -> String {
    format!(
        "{} = {:?} [{:?}, {:?}] {:?} {} {} vague={} step={:?}",
        record.text.split_whitespace().collect::<Vec<_>>().join(" "),
        record.value.map(|v| v.to_string()),
        record.low.map(|v| v.to_string()),
        record.high.map(|v| v.to_string()),
        record
            .unit
            .map(|unit| unit.split_whitespace().collect::<Vec<_>>().join(" ")),
        record.kind,
        record.qualifier,
        record.vague,
        record.step.map(|v| v.to_string()),
    )
}

/// Compares the figures of `made` (written as `name`) with those of the plain text.
fn same_figures(seed: &Path, name: &str, made: &Made) {
    let folder = std::env::temp_dir().join(format!(
        "crosscheck-formats-{}-{}-{name}",
        std::process::id(),
        seed.file_stem().unwrap().to_string_lossy()
    ));
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join(name);
    std::fs::write(&path, &made.bytes).unwrap();
    // The plain text the format holds: the seed, or (a PDF) the seed wrapped to its lines.
    let plain = match &made.plain {
        Some(text) => {
            let wrapped = folder.join("plain.txt");
            std::fs::write(&wrapped, text).unwrap();
            read(&wrapped)
        }
        None => read(seed),
    };
    let converted = read(&path);
    let plain_figures = extract(&plain.text);
    let converted_figures = extract(&converted.text);
    let plain_records: Vec<FigureRecord> = FigureRecord::all(&plain, &plain_figures).collect();
    let records: Vec<FigureRecord> = FigureRecord::all(&converted, &converted_figures).collect();
    assert!(!plain_records.is_empty());
    let mut problems = Vec::new();
    for (index, (want, got)) in plain_records.iter().zip(&records).enumerate() {
        if what(want) != what(got) {
            problems.push(format!(
                "figure {index}: {} became {}",
                what(want),
                what(got)
            ));
            continue;
        }
        let expected: Place = made.place(want.line, want.column);
        let place = Place {
            line: got.line,
            column: got.column,
            page: got.page,
        };
        if place != expected {
            problems.push(format!(
                "figure {index} `{}` (text {}:{}): at {place:?}, not {expected:?}",
                want.text, want.line, want.column
            ));
        }
    }
    if plain_records.len() != records.len() {
        problems.push(format!(
            "{} figures, not {}",
            records.len(),
            plain_records.len()
        ));
    }
    assert!(
        problems.is_empty(),
        "{} as {} (kept): {} problems, the first:\n{}",
        seed.display(),
        path.display(),
        problems.len(),
        problems
            .iter()
            .take(12)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    std::fs::remove_dir_all(&folder).unwrap();
}

fn each_seed(name: &str, make: fn(&str) -> Made) {
    for seed in seeds() {
        let text = std::fs::read_to_string(&seed).unwrap();
        same_figures(&seed, name, &make(&text));
    }
}

#[test]
fn html_gives_the_figures_of_the_plain_text_at_their_places() {
    each_seed("seed.html", make_formats::html);
}

#[test]
fn markdown_gives_the_figures_of_the_plain_text_at_their_places() {
    each_seed("seed.md", make_formats::markdown);
}

#[test]
fn pdf_gives_the_figures_of_the_plain_text_at_their_pages_and_lines() {
    each_seed("seed.pdf", make_formats::pdf);
}

#[test]
fn docx_gives_the_figures_of_the_plain_text_at_their_paragraphs() {
    each_seed("seed.docx", make_formats::docx);
}

#[test]
fn odt_gives_the_figures_of_the_plain_text_at_their_paragraphs() {
    each_seed("seed.odt", make_formats::odt);
}

#[test]
fn epub_gives_the_figures_of_the_plain_text_at_their_chapters_and_lines() {
    each_seed("seed.epub", make_formats::epub);
}

#[test]
fn a_pdf_named_without_its_extension_is_read_by_its_first_bytes() {
    let seed = &seeds()[3];
    let text = std::fs::read_to_string(seed).unwrap();
    same_figures(seed, "seed-without-extension", &make_formats::pdf(&text));
}
