//! Discovery split by block, for a corpus larger than one machine: the candidates of
//! each block computed apart (by a job engine's reducers) are exactly those of the
//! whole run.
//!
//! Only figures of one block are ever paired (kind, and unit or dimension: see
//! [`super::score::block`]), so the blocks split the pairs. Three things still reach
//! across them, and each is carried whole to every block:
//!
//! - a figure's profile reads the rest of its document (the other figures of its
//!   sentence, the sentence before, which of the document's figures with its text it
//!   is): a block is given every document that has a figure in it, whole, and profiles
//!   them all, keeping the figures of its block;
//! - the statistics of the corpus (each word's IDF over the sentences holding figures,
//!   how many figures hold it, how many figures there are, and the words' numbering,
//!   which orders contexts and breaks ties): a first pass over every record gathers them
//!   ([`Gatherer`]) into a small file ([`Statistics`]), and each block reads it, as a
//!   broadcast side input;
//! - the order of the figures, which decides ties and which partners a figure keeps:
//!   the records carry their place in the corpus and a block reads them in that order.
//!
//! Learning from a project's reviewed pairs fits one set of weights to pairs of every
//! block; a block run refuses to stand in for a whole run that would learn (the
//! pipeline says so). A block's key is text ([`key`]): the same in every run, unlike a
//! block's number.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::profile::Profile;
use super::words::{Vocabulary, Words};
use super::{idf, Discoverer, Scale, SentenceFrequencies};
use crate::diag::{Code, Diagnostic, Location};
use crate::extract::{Figure, Kind};
use crate::source::Document;

/// The key of the block of a figure of this kind, dimension (a measure's, as
/// [`crate::extract::dimension`] names it) and counted noun (its key, as discovery's
/// vocabulary holds it: a stem, or a canonical noun such as `=person`); `None` for the
/// kinds discovery does not compare. Two figures share a key exactly when
/// [`super::score::block`] puts them in one block: `count`, `percent` (with fractions),
/// `money`, `duration`; `measure.length` (a dimension, after a dot); `measure:tonn`
/// or `rate:=death` (a counted noun, after a colon); `measure`, `rate` (neither).
pub fn key(kind: Kind, dimension: Option<&str>, noun: Option<&str>) -> Option<String> {
    let class = match kind {
        Kind::Percent | Kind::Fraction => "percent",
        Kind::Count => "count",
        Kind::Money => "money",
        Kind::Measure => "measure",
        Kind::Rate => "rate",
        Kind::Duration => "duration",
        Kind::Multiplier | Kind::Age => return None,
    };
    Some(match (kind, dimension, noun) {
        (Kind::Measure, Some(dimension), _) => format!("{class}.{dimension}"),
        (Kind::Measure | Kind::Rate, None, Some(noun)) => format!("{class}:{noun}"),
        _ => class.to_string(),
    })
}

/// The block key of a profiled figure, whose counted noun is numbered in `words`.
fn key_of(profile: &Profile, words: &[String]) -> String {
    let noun = profile.noun_id.map(|id| words[id as usize].as_str());
    let dimension = profile.dimension.map(|(name, _)| name);
    key(profile.value.kind, dimension, noun).unwrap_or_default()
}

/// Block keys of extracted figures, before any profile: what a map step sends where.
#[derive(Default)]
pub struct Keys {
    words: Words,
    /// Each unit as written, with its counted noun's key.
    nouns: HashMap<String, Option<String>>,
}

impl Keys {
    /// The key of the block `figure` would be profiled into, `None` for a figure
    /// discovery does not compare.
    pub fn of(&mut self, figure: &Figure) -> Option<String> {
        if !Profile::is_comparable(figure) {
            return None;
        }
        let unit = figure.unit.as_deref();
        let dimension = match figure.kind {
            Kind::Measure => unit.and_then(crate::extract::dimension).map(|(d, _)| d),
            _ => None,
        };
        let noun = match unit {
            Some(unit) => {
                let words = &self.words;
                self.nouns
                    .entry(unit.to_string())
                    .or_insert_with(|| words.noun_key(unit))
                    .as_deref()
            }
            None => None,
        };
        key(figure.kind, dimension, noun)
    }
}

/// What one block needs to know of the whole corpus to be discovered as the whole run
/// discovers it. Written by `discover --statistics-out`, read by `--statistics`.
#[derive(Debug, Clone, PartialEq)]
pub struct Statistics {
    /// The figures discovery profiles (those of the kinds it compares).
    pub figures: usize,
    /// The sentences holding them.
    pub sentences: usize,
    /// The figures a catalog keys.
    pub keyed: usize,
    /// Each block's figures, by key.
    pub blocks: BTreeMap<String, Block>,
    /// The vocabulary, by number: each word's key, the sentences holding it (of those
    /// holding figures), and the figures holding it in their context.
    pub words: Vec<(String, u32, u32)>,
}

/// How many figures a block holds, and how many of them a catalog keys.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Block {
    pub figures: usize,
    pub keyed: usize,
}

/// The first line of a statistics file names what it is.
const FORMAT: &str = "crosscheck discover statistics";
const VERSION: u32 = 1;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StatisticsFile {
    statistics: String,
    version: u32,
    figures: usize,
    sentences: usize,
    keyed: usize,
    blocks: BTreeMap<String, Block>,
    words: Vec<(String, u32, u32)>,
}

impl Statistics {
    /// Writes the statistics as JSON, a word a line.
    pub fn write(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let text = |s: &str| serde_json::to_string(s).map_err(std::io::Error::other);
        writeln!(
            out,
            "{{\"statistics\": {}, \"version\": {VERSION}, \"figures\": {}, \"sentences\": {}, \"keyed\": {},",
            text(FORMAT)?,
            self.figures,
            self.sentences,
            self.keyed
        )?;
        let blocks = serde_json::to_string(&self.blocks).map_err(std::io::Error::other)?;
        writeln!(out, "\"blocks\": {blocks},")?;
        write!(out, "\"words\": [")?;
        for (at, (word, sentences, figures)) in self.words.iter().enumerate() {
            let comma = if at == 0 { "" } else { "," };
            write!(out, "{comma}\n[{}, {sentences}, {figures}]", text(word)?)?;
        }
        writeln!(out, "\n]}}")
    }

    /// Reads what [`Statistics::write`] wrote to `path`; every problem found is located.
    pub fn read(path: &Path, text: &str) -> Result<Statistics, Vec<Diagnostic>> {
        let problem = |message: String| Diagnostic::of_file(Code::Value, path, message);
        let file: StatisticsFile = serde_json::from_str(text).map_err(|error| {
            let location = Location {
                path: path.to_path_buf(),
                line: error.line().max(1),
                column: error.column().max(1),
            };
            let document = Document::new(path.display().to_string(), text.to_string());
            vec![Diagnostic::error(
                Code::Schema,
                &location,
                format!("not the statistics `discover --statistics-out` writes: {error}"),
            )
            .with_source(&document)]
        })?;
        if file.statistics != FORMAT || file.version != VERSION {
            return Err(vec![problem(format!(
                "statistics of another kind or version (`{}`, version {}): this build reads `{FORMAT}`, version {VERSION}",
                file.statistics, file.version
            ))]);
        }
        let mut problems = Vec::new();
        let in_blocks: usize = file.blocks.values().map(|b| b.figures).sum();
        let keyed: usize = file.blocks.values().map(|b| b.keyed).sum();
        if in_blocks != file.figures || keyed != file.keyed {
            problems.push(problem(format!(
                "the blocks hold {in_blocks} figures, {keyed} keyed, not the {} and {} the statistics count",
                file.figures, file.keyed
            )));
        }
        if let Some((key, block)) = file.blocks.iter().find(|(_, b)| b.keyed > b.figures) {
            problems.push(problem(format!(
                "block `{key}` has {} keyed figures of {}",
                block.keyed, block.figures
            )));
        }
        let mut seen: HashMap<&str, usize> = HashMap::with_capacity(file.words.len());
        for (number, (word, sentences, figures)) in file.words.iter().enumerate() {
            if let Some(first) = seen.insert(word.as_str(), number) {
                problems.push(problem(format!(
                    "the word `{word}` is listed twice (words {} and {})",
                    first + 1,
                    number + 1
                )));
            }
            if *sentences as usize > file.sentences || *figures as usize > file.figures {
                problems.push(problem(format!(
                    "the word `{word}` is in {sentences} sentences and {figures} figures, of {} and {} in all",
                    file.sentences, file.figures
                )));
            }
            if problems.len() >= 10 {
                break;
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Statistics {
            figures: file.figures,
            sentences: file.sentences,
            keyed: file.keyed,
            blocks: file.blocks,
            words: file.words,
        })
    }
}

/// Gathers a corpus's [`Statistics`] document by document, in the order a whole run
/// reads them, keeping no profile: as discovery profiles the documents, without pairing.
#[derive(Default)]
pub struct Gatherer {
    discoverer: Discoverer,
    frequencies: Option<SentenceFrequencies>,
    word_figures: Vec<u32>,
    figures: usize,
    keyed: usize,
    blocks: BTreeMap<String, Block>,
}

impl Gatherer {
    /// Counts one document's figures, as [`Discoverer::add_keyed_document`] takes them.
    pub fn add_keyed_document(
        &mut self,
        document: &Document,
        figures: &[Figure],
        positions: &[(usize, usize)],
        keyed: &[(usize, String)],
    ) {
        let discoverer = &mut self.discoverer;
        discoverer.add_keyed_document(document, figures, positions, keyed);
        let words = discoverer.vocabulary.keys.len();
        let frequencies = self
            .frequencies
            .get_or_insert_with(|| SentenceFrequencies::new(words));
        frequencies.grow(words);
        self.word_figures.resize(words, 0);
        for profile in discoverer.profiles.drain(..) {
            frequencies.add(&profile);
            for &(word, _) in profile.context.iter() {
                self.word_figures[word as usize] += 1;
            }
            let keyed = usize::from(profile.quantity.is_some());
            self.figures += 1;
            self.keyed += keyed;
            let block = self
                .blocks
                .entry(key_of(&profile, &discoverer.vocabulary.keys))
                .or_default();
            block.figures += 1;
            block.keyed += keyed;
        }
    }

    pub fn finish(self) -> Statistics {
        let keys = self.discoverer.vocabulary.keys;
        let (sentences, frequency) = match self.frequencies {
            Some(f) => (f.sentences, f.frequency),
            None => (0, Vec::new()),
        };
        let count = |counts: &[u32], word: usize| counts.get(word).copied().unwrap_or(0);
        let words = keys
            .into_iter()
            .enumerate()
            .map(|(word, key)| {
                (
                    key,
                    count(&frequency, word),
                    count(&self.word_figures, word),
                )
            })
            .collect();
        Statistics {
            figures: self.figures,
            sentences,
            keyed: self.keyed,
            blocks: self.blocks,
            words,
        }
    }
}

/// One block of a split corpus, as a [`Discoverer`] discovers it: the figures of other
/// blocks are profiled (they are context) and dropped, and the corpus's statistics
/// stand in for the figures at hand.
#[derive(Debug)]
pub(super) struct Split {
    key: String,
    /// The block's figures in the whole corpus, and those the catalog keys.
    expected: Block,
    /// The corpus's figures, and the sentences holding them.
    figures: usize,
    sentences: usize,
    /// By word number, as the corpus numbers them: the sentences holding each word,
    /// and the figures.
    word_sentences: Vec<u32>,
    word_figures: Vec<u32>,
    /// The words the corpus numbers; a larger vocabulary met words it does not hold.
    words: usize,
}

impl Split {
    /// Whether a profiled figure is of the block.
    pub(super) fn holds(&self, profile: &Profile, vocabulary: &Vocabulary) -> bool {
        key_of(profile, &vocabulary.keys) == self.key
    }

    /// Each word's IDF over the whole corpus, for a vocabulary of `words`.
    pub(super) fn idf(&self, words: usize) -> Vec<f32> {
        let mut frequency = self.word_sentences.clone();
        frequency.resize(words.max(frequency.len()), 0);
        idf(&frequency, self.sentences)
    }

    /// The whole corpus's scale, for a vocabulary of `words`.
    pub(super) fn scale(&mut self, words: usize) -> Scale<'_> {
        if words > self.word_figures.len() {
            self.word_figures.resize(words, 0);
        }
        Scale {
            figures: self.figures,
            word_figures: Some(&self.word_figures),
        }
    }
}

impl Discoverer {
    /// A discoverer of the block `key` of the corpus these statistics were gathered
    /// from: it is given every document with a figure in the block, whole, in corpus
    /// order, and proposes the candidates the whole run proposes in that block. An
    /// unknown key is refused, with the keys there are.
    pub fn for_block(statistics: &Statistics, key: &str) -> Result<Discoverer, String> {
        let Some(&expected) = statistics.blocks.get(key) else {
            let mut known = String::new();
            for (at, block) in statistics.blocks.keys().take(12).enumerate() {
                let _ = write!(known, "{}`{block}`", if at == 0 { "" } else { ", " });
            }
            if statistics.blocks.len() > 12 {
                let _ = write!(known, " and {} more", statistics.blocks.len() - 12);
            }
            return Err(format!(
                "the corpus has no block `{key}`; its blocks: {known}"
            ));
        };
        let mut discoverer = Discoverer::default();
        // The corpus's numbering, so that contexts are ordered and ties broken as in
        // the whole run.
        for (word, _, _) in &statistics.words {
            discoverer.vocabulary.id(word.clone());
        }
        if discoverer.vocabulary.keys.len() != statistics.words.len() {
            return Err("the statistics list a word twice".to_string());
        }
        discoverer.split = Some(Split {
            key: key.to_string(),
            expected,
            figures: statistics.figures,
            sentences: statistics.sentences,
            word_sentences: statistics.words.iter().map(|w| w.1).collect(),
            word_figures: statistics.words.iter().map(|w| w.2).collect(),
            words: statistics.words.len(),
        });
        Ok(discoverer)
    }

    /// For a discoverer of one block, whether the documents it was given are those of
    /// the corpus its statistics describe: no word they do not list, the block's
    /// figures all there, as many keyed by the catalog.
    pub fn check_block(&self) -> Result<(), String> {
        let Some(split) = &self.split else {
            return Ok(());
        };
        if let Some(word) = self.vocabulary.keys.get(split.words) {
            return Err(format!(
                "the records hold the word `{word}`, which the statistics do not: they were written for other figures"
            ));
        }
        if self.profiles.len() != split.expected.figures {
            return Err(format!(
                "the records given hold {} figures of block `{}`, the statistics {}: give a block every record `--print-blocks` wrote for it, and statistics written from the same figures files",
                self.profiles.len(),
                split.key,
                split.expected.figures
            ));
        }
        let keyed = self
            .profiles
            .iter()
            .filter(|p| p.quantity.is_some())
            .count();
        if keyed != split.expected.keyed {
            return Err(format!(
                "the catalog keys {keyed} figures of block `{}` here, {} when the statistics were written: give every run the same claim files",
                split.key, split.expected.keyed
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_name_the_class_then_the_dimension_or_the_noun() {
        assert_eq!(
            key(Kind::Count, None, Some("=person")),
            Some("count".into())
        );
        assert_eq!(key(Kind::Fraction, None, None), Some("percent".into()));
        assert_eq!(
            key(Kind::Measure, Some("length"), Some("km")),
            Some("measure.length".into())
        );
        assert_eq!(
            key(Kind::Measure, None, Some("length")),
            Some("measure:length".into())
        );
        assert_eq!(
            key(Kind::Rate, None, Some("=death")),
            Some("rate:=death".into())
        );
        assert_eq!(key(Kind::Rate, None, None), Some("rate".into()));
        assert_eq!(key(Kind::Age, None, None), None);
    }

    /// Figures of many kinds and units: counts, shares, money, durations, lengths and
    /// areas in two units each, masses, volumes, rates of two nouns.
    const KINDS: &str = "The city had 1,200 people and 45% of them voted, a third of the rest. \
        Revenue was $4.1 million in 2020 and €3 million in 2021. The war lasted 4 years. \
        The road is 12 km long, or 7.5 miles. The farm covers 300 hectares, some 3 square km. \
        It weighs 40 tonnes, or 40,000 kg. The tank holds 200 litres. \
        About 30 deaths per day were reported, and 12 arrests per day, 5 deaths a week.";

    #[test]
    fn keys_split_figures_as_blocks_do() {
        let document = Document::new("a.txt", KINDS.to_string());
        let figures = crate::extract::extract(&document.text);
        let mut discoverer = Discoverer::default();
        discoverer.add_document(&document, &figures, &vec![(1, 1); figures.len()]);
        let words = &discoverer.vocabulary.keys;
        let profiles = &discoverer.profiles;
        // What a map step keys a record by is what the profile is keyed by.
        let mut keys = Keys::default();
        let from_figures: Vec<String> = figures.iter().filter_map(|f| keys.of(f)).collect();
        let from_profiles: Vec<String> = profiles.iter().map(|p| key_of(p, words)).collect();
        assert_eq!(from_figures, from_profiles);
        let distinct: std::collections::BTreeSet<&String> = from_profiles.iter().collect();
        assert!(distinct.len() >= 8, "{distinct:?}");
        // One key, one block.
        for (a, p) in profiles.iter().enumerate() {
            for (b, q) in profiles.iter().enumerate() {
                let same_block = super::super::score::block(p) == super::super::score::block(q);
                assert_eq!(
                    from_profiles[a] == from_profiles[b],
                    same_block,
                    "{} and {}",
                    p.value.text,
                    q.value.text
                );
            }
        }
    }

    #[test]
    fn statistics_read_back_as_written() {
        let statistics = Statistics {
            figures: 3,
            sentences: 2,
            keyed: 0,
            blocks: BTreeMap::from([
                (
                    "count".to_string(),
                    Block {
                        figures: 2,
                        keyed: 0,
                    },
                ),
                (
                    "rate:=death".to_string(),
                    Block {
                        figures: 1,
                        keyed: 0,
                    },
                ),
            ]),
            words: vec![
                ("\"quoted\"".to_string(), 1, 2),
                ("=person".to_string(), 2, 3),
                ("человек".to_string(), 0, 0),
            ],
        };
        let mut out = Vec::new();
        statistics.write(&mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(Statistics::read(Path::new("s.json"), &text), Ok(statistics));
    }

    #[test]
    fn statistics_that_do_not_add_up_are_refused() {
        let text = r#"{"statistics": "crosscheck discover statistics", "version": 1, "figures": 3, "sentences": 1, "keyed": 0,
"blocks": {"count": {"figures": 2, "keyed": 0}},
"words": [["a", 1, 1], ["a", 2, 1]]}"#;
        let problems = Statistics::read(Path::new("s.json"), text).unwrap_err();
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(messages[0].contains("hold 2 figures"), "{messages:?}");
        assert!(messages[1].contains("twice"), "{messages:?}");
        assert!(messages[2].contains("2 sentences"), "{messages:?}");
    }
}
