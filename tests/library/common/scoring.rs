//! Scores the extractor against hand annotations (JSON Lines, one figure per line:
//! `file`, `line` 1-based, `col` 0-based in characters, `text`, `value`, `low`, `high`,
//! `is_claim`, `category`).

use crosscheck::extract::{extract, Figure};
use crosscheck::source::Document;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Clone)]
pub struct Gold {
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub len: usize,
    pub text: String,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub is_claim: bool,
    pub category: String,
}

pub fn load_gold(path: &Path) -> Vec<Gold> {
    let raw = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    raw.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("gold line is JSON");
            let text = v["text"].as_str().unwrap_or_default().to_string();
            Gold {
                file: v["file"].as_str().unwrap_or_default().to_string(),
                line: v["line"].as_u64().unwrap_or(0) as usize,
                col: v["col"].as_u64().unwrap_or(0) as usize,
                len: text.chars().count(),
                text,
                value: v["value"].as_f64(),
                low: v["low"].as_f64(),
                high: v["high"].as_f64(),
                is_claim: v["is_claim"].as_bool().unwrap_or(false),
                category: v["category"].as_str().unwrap_or_default().to_string(),
            }
        })
        .collect()
}

/// One extracted figure placed on its line.
#[derive(Debug, Clone)]
pub struct Found {
    pub file: String,
    pub line: usize,
    /// 0-based character column, like the gold.
    pub col: usize,
    pub len: usize,
    pub text: String,
    pub figure: Figure,
}

pub fn run_extractor(dir: &Path, files: &[String]) -> Vec<Found> {
    let mut found = Vec::new();
    for file in files {
        let text =
            std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let doc = Document::new(file.clone(), text);
        for figure in extract(&doc.text) {
            let (line, col) = doc.line_col(figure.span.start);
            let t = figure.text(&doc.text).to_string();
            found.push(Found {
                file: file.clone(),
                line,
                col: col - 1,
                len: t.chars().count(),
                text: t,
                figure,
            });
        }
    }
    found
}

fn overlaps(g: &Gold, f: &Found) -> bool {
    g.file == f.file
        && g.line == f.line
        && g.col < f.col + f.len.max(1)
        && f.col < g.col + g.len.max(1)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-3 * a.abs().max(b.abs()).max(1e-9)
}

fn values_match(g: &Gold, f: &Figure) -> bool {
    let value_ok = match (g.value, f.value) {
        (Some(a), Some(b)) => close(a, b),
        (None, None) => true,
        _ => false,
    };
    value_ok && g.low.is_none_or(|l| close(l, f.low)) && g.high.is_none_or(|h| close(h, f.high))
}

/// The categories that count as claims for recall.
pub const CLAIM_CATEGORIES: &[&str] = &[
    "count",
    "percent",
    "fraction",
    "multiplier",
    "rate",
    "money",
    "measure",
    "age",
    "duration",
];

pub struct Score {
    /// Per category: (found with the right value, total).
    pub recall: BTreeMap<String, (usize, usize)>,
    pub true_positives: usize,
    pub reported: usize,
    pub misses: Vec<String>,
    pub false_positives: Vec<String>,
}

impl Score {
    pub fn recall_of(&self, categories: &[&str]) -> f64 {
        let (hit, total) = categories
            .iter()
            .filter_map(|c| self.recall.get(*c))
            .fold((0, 0), |(h, t), (a, b)| (h + a, t + b));
        if total == 0 {
            1.0
        } else {
            hit as f64 / total as f64
        }
    }

    pub fn precision(&self) -> f64 {
        if self.reported == 0 {
            1.0
        } else {
            self.true_positives as f64 / self.reported as f64
        }
    }

    pub fn print(&self, title: &str) {
        println!("== {title}");
        for (category, (hit, total)) in &self.recall {
            println!("  recall {category:<12} {hit:>4}/{total:<4}");
        }
        println!(
            "  precision {}/{} = {:.3}",
            self.true_positives,
            self.reported,
            self.precision()
        );
        for m in &self.misses {
            println!("  MISS {m}");
        }
        for f in &self.false_positives {
            println!("  FALSE {f}");
        }
    }
}

pub fn score(gold: &[Gold], found: &[Found]) -> Score {
    let mut recall: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    for g in gold.iter().filter(|g| g.is_claim) {
        let entry = recall.entry(g.category.clone()).or_default();
        entry.1 += 1;
        let hit = found
            .iter()
            .filter(|f| overlaps(g, f))
            .find(|f| values_match(g, &f.figure));
        if hit.is_some() {
            entry.0 += 1;
        } else {
            let got: Vec<String> = found
                .iter()
                .filter(|f| overlaps(g, f))
                .map(|f| {
                    format!(
                        "{:?} {:?} {}..{}",
                        f.text, f.figure.value, f.figure.low, f.figure.high
                    )
                })
                .collect();
            misses.push(format!(
                "{}:{}:{} [{}] {:?} want {:?} {:?}..{:?} got {:?}",
                g.file, g.line, g.col, g.category, g.text, g.value, g.low, g.high, got
            ));
        }
    }
    let mut true_positives = 0;
    let mut false_positives = Vec::new();
    for f in found {
        let matched: Vec<&Gold> = gold.iter().filter(|g| overlaps(g, f)).collect();
        if matched.iter().any(|g| g.is_claim) {
            true_positives += 1;
        } else {
            let why = matched.first().map_or("not in gold".to_string(), |g| {
                format!("gold says {}", g.category)
            });
            false_positives.push(format!(
                "{}:{}:{} {:?} ({why})",
                f.file, f.line, f.col, f.text
            ));
        }
    }
    Score {
        recall,
        true_positives,
        reported: found.len(),
        misses,
        false_positives,
    }
}
