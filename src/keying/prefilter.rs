//! Which rules a sentence may match, found with one scan of the sentence.
//!
//! Running every rule's regular expressions on every figure costs rules × figures: a
//! catalog of 100,000 quantities took 27 s over the five seeds. Most rules name a word
//! or phrase that every match must contain ([`RuleRegex::required`]), so one
//! Aho-Corasick automaton over those texts, run on the sentence case-folded, lists the
//! rules that may match; only they, and the rules that require no text, are run. (One
//! `RegexSet` of the rules was measured first: 28 s and 1.2 GB to build for 10,000
//! rules, 70 ms a sentence.)

use aho_corasick::{AhoCorasick, MatchKind};

use crate::claims::{fold, Catalog, RuleRegex};

/// A rule by its place in the catalog: (quantity, rule), in catalog order.
pub type RuleAt = (usize, usize);

/// The rules of a catalog, by the text each requires.
#[derive(Debug)]
pub struct Prefilter {
    /// Over the required texts, case-folded; `None` when no rule requires one.
    automaton: Option<AhoCorasick>,
    /// Per text of the automaton, the rules that require it.
    rules_of: Vec<Vec<RuleAt>>,
    /// Rules that require no text: candidates for every sentence.
    always: Vec<RuleAt>,
}

impl Prefilter {
    pub fn new(catalog: &Catalog) -> Prefilter {
        let mut texts: Vec<&str> = Vec::new();
        let mut index_of: std::collections::HashMap<&str, usize> = Default::default();
        let mut rules_of: Vec<Vec<RuleAt>> = Vec::new();
        let mut always = Vec::new();
        for (q, quantity) in catalog.quantities.iter().enumerate() {
            for (r, rule) in quantity.rules.iter().enumerate() {
                match longest_required(&[&rule.pattern, &rule.sentence]) {
                    Some(text) => {
                        let index = *index_of.entry(text).or_insert_with(|| {
                            texts.push(text);
                            rules_of.push(Vec::new());
                            texts.len() - 1
                        });
                        rules_of[index].push((q, r));
                    }
                    None => always.push((q, r)),
                }
            }
        }
        let automaton = match AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&texts)
        {
            Ok(automaton) if !texts.is_empty() => Some(automaton),
            Ok(_) => None,
            // Too many texts for one automaton (billions of states): every rule runs.
            Err(_) => {
                always.extend(rules_of.drain(..).flatten());
                always.sort_unstable();
                None
            }
        };
        Prefilter {
            automaton,
            rules_of,
            always,
        }
    }

    /// True when some rule is worth running on a sentence.
    pub fn is_empty(&self) -> bool {
        self.automaton.is_none() && self.always.is_empty()
    }

    /// The rules that may match `sentence` (white space collapsed), in catalog order,
    /// into `out`. `folded` is a buffer.
    pub fn candidates(&self, sentence: &str, folded: &mut String, out: &mut Vec<RuleAt>) {
        out.clear();
        out.extend_from_slice(&self.always);
        if let Some(automaton) = &self.automaton {
            folded.clear();
            folded.extend(sentence.chars().map(fold));
            for found in automaton.find_overlapping_iter(folded.as_str()) {
                out.extend_from_slice(&self.rules_of[found.pattern().as_usize()]);
            }
        }
        out.sort_unstable();
        out.dedup();
    }
}

/// The longest text one of a rule's expressions requires.
fn longest_required<'r>(expressions: &[&'r Option<RuleRegex>]) -> Option<&'r str> {
    expressions
        .iter()
        .filter_map(|regex| regex.as_ref()?.required())
        .max_by_key(|text| text.chars().count())
}
