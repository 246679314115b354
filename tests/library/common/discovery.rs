//! Scores discovery against hand annotations: groups of figures that measure one
//! quantity, and the relation of each pair (`truth.toml` of `tests/fixtures/discovery/`),
//! or a catalog's keyed figures and findings.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crosscheck::config::Config;
use crosscheck::discover::{Discovered, Profile, Tier};
use crosscheck::pipeline::{self, Inputs};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct Truth {
    #[serde(default)]
    pub quantity: Vec<TruthQuantity>,
    #[serde(default)]
    pub relation: Vec<TruthRelation>,
}

#[derive(Deserialize)]
pub struct TruthQuantity {
    pub id: String,
    #[serde(default)]
    pub figure: Vec<TruthFigure>,
}

#[derive(Deserialize)]
pub struct TruthFigure {
    pub document: String,
    pub line: usize,
    pub text: String,
}

#[derive(Deserialize)]
pub struct TruthRelation {
    pub quantity: String,
    pub a: String,
    pub b: String,
    pub kind: String,
}

/// The confidence candidates are scored from: discovery's threshold, or
/// `CROSSCHECK_SCORE_MIN` to see how another would do.
pub fn min_confidence() -> f64 {
    std::env::var("CROSSCHECK_SCORE_MIN")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(crosscheck::discover::THRESHOLD)
}

/// Discovery over short texts, one document each (`doc0.txt`, `doc1.txt`, …), with
/// the default settings.
pub fn discover_texts(texts: &[&str]) -> Discovered {
    let mut discoverer = crosscheck::discover::Discoverer::default();
    for (n, text) in texts.iter().enumerate() {
        let document = crosscheck::source::Document::new(format!("doc{n}.txt"), text.to_string());
        let figures = crosscheck::extract::extract(&document.text);
        let mut at = document.positions();
        let positions: Vec<(usize, usize)> =
            figures.iter().map(|f| at.line_col(f.span.start)).collect();
        discoverer.add_document(&document, &figures, &positions);
    }
    discoverer.finish(&crosscheck::reconcile::Tolerances::default())
}

/// Discovery over the documents of `corpus`, named relative to `names_relative_to`,
/// proposing pairs at least `min_confidence` likely.
pub fn discover(corpus: &Path, names_relative_to: &Path, min_confidence: f64) -> Discovered {
    let config = Config {
        corpus: vec![corpus.to_path_buf()],
        ..Config::default()
    };
    let inputs = Inputs {
        names_relative_to: Some(names_relative_to.to_path_buf()),
        use_catalog: false,
        min_confidence,
        ..Inputs::default()
    };
    pipeline::discover(&config, &inputs, &mut |problem| panic!("{problem}"))
        .expect("discovery runs")
        .discovered
}

/// The annotated corpus in `folder` (`docs/`, `truth.toml`).
pub fn truth(folder: &Path) -> Truth {
    toml::from_str(&std::fs::read_to_string(folder.join("truth.toml")).expect("truth.toml"))
        .expect("truth.toml parses")
}

/// Discovery on an annotated corpus at `min_confidence`, and the quantity each
/// annotated figure's profile measures.
pub fn labelled_by_truth(
    folder: &Path,
    min_confidence: f64,
) -> (Discovered, HashMap<usize, String>) {
    let truth = truth(folder);
    let discovered = discover(&folder.join("docs"), &folder.join("docs"), min_confidence);
    let mut quantity_of = HashMap::new();
    for quantity in &truth.quantity {
        for figure in &quantity.figure {
            if let Some(p) = find(&discovered, figure) {
                quantity_of.insert(p, quantity.id.clone());
            }
        }
    }
    (discovered, quantity_of)
}

/// Discovery on `corpus` (under `root`) at `min_confidence`, and the quantity the
/// catalog in `claims` keys each figure's profile to.
pub fn labelled_by_catalog(
    root: &Path,
    corpus: &str,
    claims: &str,
    min_confidence: f64,
) -> (Discovered, HashMap<usize, String>) {
    use crosscheck::reconcile::ClaimOrigin;
    let (catalog, outcome) = super::project::check(root, corpus, claims);
    let discovered = discover(&root.join(corpus), root, min_confidence);
    let profile_at = places(&discovered);
    let mut quantity_of = HashMap::new();
    for claim in &outcome.claims {
        if let ClaimOrigin::Document {
            name, line, column, ..
        } = &claim.origin
        {
            if let Some(&p) = profile_at.get(&(name.clone(), *line, *column)) {
                quantity_of.insert(p, catalog.quantities[claim.quantity].id.clone());
            }
        }
    }
    (discovered, quantity_of)
}

/// Each profile by its document, line and column.
fn places(discovered: &Discovered) -> HashMap<(String, usize, usize), usize> {
    discovered
        .profiles
        .iter()
        .enumerate()
        .map(|(i, p)| {
            (
                (
                    discovered.document(p).to_string(),
                    p.line as usize,
                    p.column as usize,
                ),
                i,
            )
        })
        .collect()
}

/// How discovery did on one annotated corpus.
#[derive(Debug, Default, Clone, Copy)]
pub struct Score {
    /// Annotated figures the extractor found.
    pub figures_found: usize,
    pub figures: usize,
    /// Same-quantity pairs proposed (any tier) / annotated.
    pub pairs_found: usize,
    pub pairs: usize,
    /// Candidates whose figures are annotated as one quantity / candidates between
    /// annotated figures or not.
    pub candidates_right: usize,
    pub candidates: usize,
    /// Annotated conflicts (contradiction, refuted) surfaced as a contradiction or
    /// refuted candidate / annotated.
    pub conflicts_found: usize,
    pub conflicts: usize,
    /// Contradiction and refuted candidates that are annotated conflicts / all of them.
    pub loud_right: usize,
    pub loud: usize,
    /// Of `loud_right`, candidates that are no contradiction of the catalog but a
    /// part larger than its whole that it relates (`part_of`): real, and counted apart.
    pub loud_part_exceeds_whole: usize,
    /// Annotated agreements flagged as a contradiction.
    pub agreements_flagged: usize,
    pub agreements: usize,
}

impl Score {
    pub fn add(&mut self, other: &Score) {
        self.figures_found += other.figures_found;
        self.figures += other.figures;
        self.pairs_found += other.pairs_found;
        self.pairs += other.pairs;
        self.candidates_right += other.candidates_right;
        self.candidates += other.candidates;
        self.conflicts_found += other.conflicts_found;
        self.conflicts += other.conflicts;
        self.loud_right += other.loud_right;
        self.loud += other.loud;
        self.loud_part_exceeds_whole += other.loud_part_exceeds_whole;
        self.agreements_flagged += other.agreements_flagged;
        self.agreements += other.agreements;
    }

    pub fn row(&self, name: &str) -> String {
        let part_of = if self.loud_part_exceeds_whole > 0 {
            format!(
                " ({} a part exceeding its whole)",
                self.loud_part_exceeds_whole
            )
        } else {
            String::new()
        };
        format!(
            "| {name} | {}/{} | {}/{} | {}/{} | {}/{} | {}/{}{part_of} | {}/{} |",
            self.figures_found,
            self.figures,
            self.pairs_found,
            self.pairs,
            self.candidates_right,
            self.candidates,
            self.conflicts_found,
            self.conflicts,
            self.loud_right,
            self.loud,
            self.agreements_flagged,
            self.agreements
        )
    }
}

pub const HEADER: &str = "| corpus | figures found | same-quantity pairs found | candidates right | conflicts surfaced | loud candidates right | agreements flagged |\n|---|---|---|---|---|---|---|";

/// The profile an annotated figure is: same document and line, texts that overlap.
fn find(discovered: &Discovered, figure: &TruthFigure) -> Option<usize> {
    let document = discovered.documents.iter().position(|d| {
        Path::new(d).file_name().and_then(|n| n.to_str()) == Some(&figure.document)
    })?;
    let matches = |p: &Profile| {
        p.document as usize == document
            && p.line as usize == figure.line
            && (p.value.text == figure.text
                || figure.text.contains(&p.value.text)
                || p.value.text.contains(&figure.text))
    };
    discovered.profiles.iter().position(matches)
}

fn is_loud(tier: Tier) -> bool {
    tier.is_loud()
}

/// Scores discovery on the annotated corpus in `folder`.
pub fn score(folder: &Path) -> Score {
    let truth = truth(folder);
    let discovered = discover(&folder.join("docs"), &folder.join("docs"), min_confidence());
    let mut score = Score::default();
    // Annotated figure key ("doc:line:text") → profile, and profile → quantity.
    let mut profile_of: HashMap<String, usize> = HashMap::new();
    let mut quantity_of: HashMap<usize, &str> = HashMap::new();
    for quantity in &truth.quantity {
        for figure in &quantity.figure {
            score.figures += 1;
            if let Some(p) = find(&discovered, figure) {
                score.figures_found += 1;
                profile_of.insert(
                    format!("{}:{}:{}", figure.document, figure.line, figure.text),
                    p,
                );
                quantity_of.insert(p, &quantity.id);
            }
        }
        let n = quantity.figure.len();
        score.pairs += n * (n.saturating_sub(1)) / 2;
    }
    let pair = |a: usize, b: usize| (a.min(b), a.max(b));
    let proposed: HashMap<(usize, usize), Tier> = discovered
        .candidates
        .iter()
        .map(|c| (pair(c.a as usize, c.b as usize), c.tier))
        .collect();
    let mut counted: HashSet<(usize, usize)> = HashSet::new();
    for c in &discovered.candidates {
        score.candidates += 1;
        let same = match (
            quantity_of.get(&(c.a as usize)),
            quantity_of.get(&(c.b as usize)),
        ) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        };
        if same {
            score.candidates_right += 1;
            if counted.insert(pair(c.a as usize, c.b as usize)) {
                score.pairs_found += 1;
            }
        }
    }
    let mut conflicts: HashSet<(usize, usize)> = HashSet::new();
    for relation in &truth.relation {
        let (Some(&a), Some(&b)) = (profile_of.get(&relation.a), profile_of.get(&relation.b))
        else {
            if matches!(relation.kind.as_str(), "contradiction" | "refuted") {
                score.conflicts += 1;
            } else if relation.kind == "agreement" {
                score.agreements += 1;
            }
            continue;
        };
        let tier = proposed.get(&pair(a, b)).copied();
        if std::env::var_os("CROSSCHECK_SCORE_DETAIL").is_some() && relation.kind != "agreement" {
            show_conflict(&discovered, tier, a, b);
        }
        match relation.kind.as_str() {
            "contradiction" | "refuted" => {
                score.conflicts += 1;
                conflicts.insert(pair(a, b));
                if tier.is_some_and(is_loud) {
                    score.conflicts_found += 1;
                }
            }
            "agreement" => {
                score.agreements += 1;
                if tier.is_some_and(is_loud) {
                    score.agreements_flagged += 1;
                }
            }
            _ => {}
        }
    }
    for c in discovered.candidates.iter().filter(|c| is_loud(c.tier)) {
        score.loud += 1;
        if conflicts.contains(&pair(c.a as usize, c.b as usize)) {
            score.loud_right += 1;
        }
    }
    score
}

/// Scores discovery on `corpus` (under `root`) against the catalog in `claims`: figures
/// keyed to one quantity are same-quantity pairs; the catalog's contradictions between
/// two corpus figures are the conflicts; its agreements are the agreements. A loud
/// candidate is also right when the catalog finds its two figures a part larger than
/// its whole (`part_of`): a real conflict, though not a contradiction of one quantity,
/// so not among the conflicts to surface.
pub fn score_against_catalog(root: &Path, corpus: &str, claims: &str) -> (Score, Discovered) {
    use crosscheck::reconcile::{ClaimOrigin, Diagnosis, Verdict};
    let (_, outcome) = super::project::check(root, corpus, claims);
    let discovered = discover(&root.join(corpus), root, min_confidence());
    let profile_at = places(&discovered);
    let place = |claim: usize| match &outcome.claims[claim].origin {
        ClaimOrigin::Document {
            name, line, column, ..
        } => profile_at.get(&(name.clone(), *line, *column)).copied(),
        ClaimOrigin::File { .. } => None,
    };
    let mut score = Score::default();
    let mut quantity_of: HashMap<usize, usize> = HashMap::new();
    let mut members: HashMap<usize, usize> = HashMap::new();
    for (c, claim) in outcome.claims.iter().enumerate() {
        if let Some(p) = place(c) {
            score.figures += 1;
            score.figures_found += 1;
            quantity_of.insert(p, claim.quantity);
            *members.entry(claim.quantity).or_default() += 1;
        }
    }
    score.pairs = members.values().map(|n| n * (n - 1) / 2).sum();
    let pair = |a: usize, b: usize| (a.min(b), a.max(b));
    let proposed: HashMap<(usize, usize), Tier> = discovered
        .candidates
        .iter()
        .map(|c| (pair(c.a as usize, c.b as usize), c.tier))
        .collect();
    for c in &discovered.candidates {
        score.candidates += 1;
        if quantity_of
            .get(&(c.a as usize))
            .is_some_and(|q| quantity_of.get(&(c.b as usize)) == Some(q))
        {
            score.candidates_right += 1;
            score.pairs_found += 1;
        }
    }
    let mut conflicts = HashSet::new();
    let mut parts_exceeding_wholes = HashSet::new();
    for finding in outcome
        .findings
        .iter()
        .filter(|f| f.relation().is_some() && f.diagnosis == Some(Diagnosis::PartExceedsWhole))
    {
        let figures: Vec<usize> = finding.claims().iter().filter_map(|&c| place(c)).collect();
        if let [a, b] = figures[..] {
            parts_exceeding_wholes.insert(pair(a, b));
        }
    }
    for finding in outcome.findings.iter().filter(|f| f.relation().is_none()) {
        let claims = finding.claims();
        let (Some(a), Some(b)) = (
            claims.first().and_then(|&c| place(c)),
            claims.get(1).and_then(|&c| place(c)),
        ) else {
            continue;
        };
        let tier = proposed.get(&pair(a, b)).copied();
        if std::env::var_os("CROSSCHECK_SCORE_DETAIL").is_some()
            && matches!(finding.verdict, Verdict::Contradiction)
        {
            show_conflict(&discovered, tier, a, b);
        }
        match finding.verdict {
            Verdict::Contradiction => {
                score.conflicts += 1;
                conflicts.insert(pair(a, b));
                if tier.is_some_and(is_loud) {
                    score.conflicts_found += 1;
                }
            }
            Verdict::Agreement | Verdict::WithinRounding | Verdict::WithinApproximation => {
                score.agreements += 1;
                if tier.is_some_and(is_loud) {
                    score.agreements_flagged += 1;
                }
            }
            _ => {}
        }
    }
    for c in discovered.candidates.iter().filter(|c| is_loud(c.tier)) {
        score.loud += 1;
        let figures = pair(c.a as usize, c.b as usize);
        if conflicts.contains(&figures) {
            score.loud_right += 1;
        } else if parts_exceeding_wholes.contains(&figures) {
            score.loud_right += 1;
            score.loud_part_exceeds_whole += 1;
        }
    }
    (score, discovered)
}

/// Prints an annotated conflict and what discovery made of it
/// (`CROSSCHECK_SCORE_DETAIL`), to see why one is missed.
fn show_conflict(discovered: &Discovered, tier: Option<Tier>, a: usize, b: usize) {
    let show = |p: usize| {
        let p = &discovered.profiles[p];
        format!(
            "{} {}:{} «{}» {}",
            discovered.document(p),
            p.line,
            p.column,
            p.value.text,
            p.sentence
        )
    };
    let pair = |a: u32, b: u32| (a.min(b), a.max(b));
    let candidate = discovered
        .candidates
        .iter()
        .find(|c| pair(c.a, c.b) == pair(a as u32, b as u32));
    println!(
        "conflict {:?} conf {:?}\n  A {}\n  B {}",
        tier,
        candidate.map(|c| (c.confidence, discovered.evidence(c))),
        show(a),
        show(b)
    );
}
