//! Reviewed pairs as labelled data: on each blind corpus, the figures of every other
//! annotated quantity are keyed, as a researcher's accepted candidates would be, and
//! discovery runs twice, with its default weights and with the weights adjusted to the
//! pairs those keyed figures make. Both are scored on the other half, the quantities
//! nobody reviewed. `cargo test --release --test library discovery_review --
//! --nocapture` prints the two rows.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crosscheck::discover::{Discovered, Discoverer};
use crosscheck::extract::extract;
use crosscheck::reconcile::Tolerances;
use crosscheck::source::Document;

use crate::common::discovery::{truth, Truth};
use crate::discovery_fit::{HELD_OUT, TRAINING_BLIND};

/// Which annotated figure of the truth each extracted figure is: (document, line, text).
fn annotated<'t>(truth: &'t Truth, document: &str, line: usize, text: &str) -> Option<&'t str> {
    truth.quantity.iter().find_map(|q| {
        q.figure
            .iter()
            .any(|f| {
                f.document == document
                    && f.line == line
                    && (f.text == text || f.text.contains(text) || text.contains(&f.text))
            })
            .then_some(q.id.as_str())
    })
}

/// Discovery on `folder` with the quantities in `reviewed` keyed; the quantity each
/// profile is annotated with.
fn run(
    folder: &Path,
    truth: &Truth,
    reviewed: &HashSet<&str>,
    learn: bool,
) -> (Discovered, HashMap<usize, String>) {
    let mut discoverer = Discoverer::default();
    discoverer.learn_from_review = learn;
    let mut names: Vec<_> = std::fs::read_dir(folder.join("docs"))
        .expect("docs/")
        .map(|e| e.expect("an entry").path())
        .collect();
    names.sort();
    let mut quantity_of = HashMap::new();
    for path in names {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let document = Document::new(
            name.clone(),
            std::fs::read_to_string(&path).expect("a document"),
        );
        let figures = extract(&document.text);
        let mut at = document.positions();
        let positions: Vec<(usize, usize)> =
            figures.iter().map(|f| at.line_col(f.span.start)).collect();
        let mut keyed = Vec::new();
        for (index, figure) in figures.iter().enumerate() {
            let text = &document.text[figure.span.clone()];
            if let Some(quantity) = annotated(truth, &name, positions[index].0, text) {
                if reviewed.contains(quantity) {
                    keyed.push((index, quantity.to_string()));
                }
            }
        }
        discoverer.add_keyed_document(&document, &figures, &positions, &keyed);
    }
    let discovered = discoverer.finish(&Tolerances::default());
    for (index, profile) in discovered.profiles.iter().enumerate() {
        let name = discovered.document(profile);
        if let Some(quantity) = annotated(truth, name, profile.line as usize, &profile.value.text) {
            quantity_of.insert(index, quantity.to_string());
        }
    }
    (discovered, quantity_of)
}

#[derive(Debug, Default, Clone, Copy)]
struct Unreviewed {
    pairs_found: usize,
    pairs: usize,
    candidates_right: usize,
    candidates: usize,
    conflicts_found: usize,
    loud_right: usize,
    loud: usize,
}

/// Scores the candidates between figures of quantities nobody reviewed (or of none).
fn score(
    discovered: &Discovered,
    quantity_of: &HashMap<usize, String>,
    truth: &Truth,
    reviewed: &HashSet<&str>,
) -> Unreviewed {
    let mut score = Unreviewed::default();
    let fresh = |p: usize| {
        quantity_of
            .get(&p)
            .is_none_or(|q| !reviewed.contains(q.as_str()))
    };
    for q in truth
        .quantity
        .iter()
        .filter(|q| !reviewed.contains(q.id.as_str()))
    {
        let n = q.figure.len();
        score.pairs += n * n.saturating_sub(1) / 2;
    }
    let conflicts: HashSet<(String, String)> = truth
        .relation
        .iter()
        .filter(|r| matches!(r.kind.as_str(), "contradiction" | "refuted"))
        .filter(|r| !reviewed.contains(r.quantity.as_str()))
        .map(|r| (r.a.clone(), r.b.clone()))
        .collect();
    let key = |p: usize| {
        let profile = &discovered.profiles[p];
        format!(
            "{}:{}:{}",
            discovered.document(profile),
            profile.line,
            profile.value.text
        )
    };
    for c in discovered
        .candidates
        .iter()
        .filter(|c| fresh(c.a as usize) && fresh(c.b as usize))
    {
        score.candidates += 1;
        let same = quantity_of
            .get(&(c.a as usize))
            .is_some_and(|q| quantity_of.get(&(c.b as usize)) == Some(q));
        if same {
            score.candidates_right += 1;
            score.pairs_found += 1;
        }
        if c.tier.is_loud() {
            score.loud += 1;
            let (a, b) = (key(c.a as usize), key(c.b as usize));
            if conflicts.contains(&(a.clone(), b.clone())) || conflicts.contains(&(b, a)) {
                score.loud_right += 1;
                score.conflicts_found += 1;
            }
        }
    }
    score
}

#[test]
fn reviewed_pairs_adjust_the_weights() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/discovery");
    println!("| corpus | weights | same-quantity pairs found | candidates right | conflicts surfaced | loud candidates right |\n|---|---|---|---|---|---|");
    // Over the held-out corpora: (right, candidates) with the defaults, then adjusted.
    let mut held_out = [(0, 0); 2];
    for corpus in HELD_OUT.iter().chain(&TRAINING_BLIND) {
        let folder = root.join(corpus);
        let truth = truth(&folder);
        let reviewed: HashSet<&str> = truth
            .quantity
            .iter()
            .step_by(2)
            .map(|q| q.id.as_str())
            .collect();
        for learn in [false, true] {
            let (discovered, quantity_of) = run(&folder, &truth, &reviewed, learn);
            let s = score(&discovered, &quantity_of, &truth, &reviewed);
            if HELD_OUT.contains(corpus) {
                let slot = &mut held_out[usize::from(learn)];
                slot.0 += s.candidates_right;
                slot.1 += s.candidates;
            }
            println!(
                "| {corpus} | {} | {}/{} | {}/{} | {} | {}/{} |",
                if learn {
                    "adjusted to the review"
                } else {
                    "defaults"
                },
                s.pairs_found,
                s.pairs,
                s.candidates_right,
                s.candidates,
                s.conflicts_found,
                s.loud_right,
                s.loud
            );
        }
    }
    // On corpora the default weights never saw, the review makes the candidates no
    // less often right.
    let [(right, all), (right_adjusted, all_adjusted)] = held_out;
    assert!(
        right_adjusted * all >= right * all_adjusted,
        "held out: {right}/{all} with the defaults, {right_adjusted}/{all_adjusted} adjusted"
    );
}
