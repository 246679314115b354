//! Times discovery over many generated figures.
//!
//! `cargo run --release --example discover_bench -- [FIGURES] [DOCUMENTS] [SEED] [VOCABULARY]`
//! generates DOCUMENTS documents (default 10,000) holding FIGURES figures in all
//! (default 100,000): sentences of words drawn from a vocabulary of made-up words (a
//! few common, most rare, as in prose) that grows with the square root of the corpus,
//! as vocabularies do (Heaps' law): 20,000 words for 100,000 figures, 63,246 for a
//! million (VOCABULARY sets it). Each sentence holds one or two figures
//! ("12,345 people", "about 4.2 per cent", "$3.1 million"), with a fixed seed. Each
//! document is generated and extracted (not timed), then profiled and dropped; the two
//! stages of discovery are timed on one thread: profiling every figure
//! (`Discoverer::add_document`) and pairing, scoring and judging (`Discoverer::finish`).
//!
//! Prints one line of `key=value` pairs: documents, figures, candidates, seconds for
//! each stage and in all, RSS once every figure is profiled, and peak RSS in MB (VmHWM from /proc/self/status, for the
//! whole process, generation included; MB being 10^6 bytes).
//!
//! With `--check` anywhere among the arguments, it also prints `checksum=`: an FNV-1a
//! hash over every candidate as `Debug` prints it (id, figures, confidence, verdict,
//! tier, similarity), with its evidence and reason, computed after the timing, so two
//! builds can be shown to find the same candidates to the bit.

use std::fmt::Write;
use std::time::Instant;

use crosscheck::discover::Discoverer;
use crosscheck::extract::extract;
use crosscheck::reconcile::Tolerances;
use crosscheck::source::Document;

#[path = "common/mod.rs"]
mod common;

use common::{status_mb, Rng};

/// A made-up word for index `n`: letters only, so that it reads as a word.
fn word(n: u64) -> String {
    const SYLLABLES: [&str; 16] = [
        "ka", "lo", "ren", "tu", "mi", "sa", "dor", "vel", "pa", "qui", "ner", "zo", "bri", "ta",
        "gul", "fen",
    ];
    let mut out = String::new();
    let mut x = n + 17;
    while x > 0 {
        out.push_str(SYLLABLES[(x % 16) as usize]);
        x /= 16;
    }
    out
}

/// One figure as a document might state it.
fn figure(rng: &mut Rng) -> String {
    let value = 10 + rng.below(5_000_000);
    match rng.below(5) {
        0 => format!("{} people", group(value)),
        1 => format!("about {} households", group(value / 10 * 10)),
        2 => format!("{}.{} per cent", rng.below(99), rng.below(10)),
        3 => format!("${}.{} million", 1 + rng.below(900), rng.below(10)),
        _ => format!("{} tonnes", group(value)),
    }
}

/// A whole number with thousands separators.
fn group(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// FNV-1a over whatever is written to it: a hash of `Debug` output without building it.
struct Fnv(u64);

impl Write for Fnv {
    fn write_str(&mut self, text: &str) -> std::fmt::Result {
        for &byte in text.as_bytes() {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
        Ok(())
    }
}

fn main() {
    let check = std::env::args().any(|a| a == "--check");
    let mut args = std::env::args().skip(1).filter(|a| a != "--check");
    let figures_wanted: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let documents: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(7);
    let mut rng = Rng::new(seed);
    let per_document = (figures_wanted / documents.max(1)).max(1);
    let vocabulary: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or_else(|| {
        ((20_000.0 * (figures_wanted as f64 / 100_000.0).sqrt()) as u64).max(1_000)
    });
    // Each document is generated and extracted, then profiled and dropped, as a corpus
    // read from disk would be: only the profiling is timed.
    let mut discoverer = Discoverer::default();
    let mut figures = 0;
    let mut profiled = 0.0;
    for d in 0..documents {
        let mut text = String::new();
        let mut placed = 0;
        while placed < per_document {
            let words = 8 + rng.below(8);
            let mut sentence = Vec::new();
            for _ in 0..words {
                sentence.push(word(rng.zipf(vocabulary)));
            }
            let count = if per_document - placed >= 2 && rng.below(3) == 0 {
                2
            } else {
                1
            };
            for _ in 0..count {
                let at = 1 + rng.below(sentence.len() as u64 - 1) as usize;
                sentence.insert(at, figure(&mut rng));
            }
            placed += count;
            let mut line = sentence.join(" ");
            if let Some(first) = line.get_mut(0..1) {
                first.make_ascii_uppercase();
            }
            text.push_str(&line);
            text.push_str(". ");
            if rng.below(4) == 0 {
                text.push_str("\n\n");
            }
        }
        let document = Document::new(format!("doc{d:05}.txt"), text);
        let found = extract(&document.text);
        let mut at = document.positions();
        let positions: Vec<(usize, usize)> =
            found.iter().map(|f| at.line_col(f.span.start)).collect();
        figures += found.len();
        let start = Instant::now();
        discoverer.add_document(&document, &found, &positions);
        profiled += start.elapsed().as_secs_f64();
    }
    let profiled_mb = status_mb("VmRSS");
    let paired_start = Instant::now();
    let discovered = discoverer.finish(&Tolerances::default());
    let paired = paired_start.elapsed().as_secs_f64();
    println!(
        "documents={documents} figures={figures} vocabulary={vocabulary} candidates={} profile_seconds={profiled:.2} pair_seconds={paired:.2} seconds={:.2} profiled_mb={profiled_mb:.0} peak_mb={:.0}",
        discovered.candidates.len(),
        profiled + paired,
        status_mb("VmHWM")
    );
    if check {
        let mut hash = Fnv(0xcbf2_9ce4_8422_2325);
        for candidate in &discovered.candidates {
            let evidence = discovered.evidence(candidate);
            let reason = discovered.reason(candidate);
            // Writing to a hash cannot fail.
            let _ = writeln!(hash, "{candidate:?}{evidence:?}{reason}");
        }
        println!("checksum={:016x}", hash.0);
    }
}
