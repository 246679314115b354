//! Discovery: which figures of a corpus probably measure the same quantity, with no
//! catalog to say so, and what reconciliation says of each such pair.
//!
//! Each figure becomes a [`Profile`] (value, kind, counted noun, period, voice, and the
//! words around it weighted by nearness). Figures are blocked by kind and compared only
//! through the context words they share (an inverted index over words, rare words
//! first), never all pairs. A pair is scored by a logistic model over a few features
//! (context similarity, same noun, periods, same sentence, statements of change,
//! rebuttal, how far apart the values are); pairs above the threshold get the interval
//! verdict of [`crate::reconcile::compare`] and a tier a reader triages by. Pure: data
//! in, candidates out. A corpus too large for one machine is discovered block by block
//! ([`blocks`]), with the same candidates.

pub mod blocks;
mod fetch;
pub mod fit;
mod hot;
mod profile;
mod score;
mod words;

use std::collections::{HashMap, HashSet};

pub use profile::{PackedQuote, Profile};
use profile::{CORE_WORDS, NO_WORD};
pub use score::{
    agrees, features, Candidate, Evidence, Tier, Weights, FEATURES, FEATURE_COUNT, THRESHOLD,
    WEIGHTS_AGREEING, WEIGHTS_DISAGREEING,
};
use words::FastHash;

use crate::extract::Figure;
use crate::reconcile::{Fingerprint, Tolerances};
use crate::source::Document;

/// Context words shared by more than this share of the figures say nothing about which
/// quantity a figure measures; they are not used to find pairs.
const COMMON_WORD_SHARE: f64 = 0.10;
/// Nor are words of more figures than this, however large the corpus: a word that
/// many figures share blocks nothing.
const COMMON_WORD_MOST: usize = 100;
/// Pairs examined per figure at most, the most similar first: more where the corpus
/// is small enough that examining them costs little (a corpus of 200,000 figures
/// examines at most 3.2 million pairs), fewer beyond, so that cost grows with the
/// figures, not their square.
const PAIRS_PER_FIGURE: usize = 8;
const PAIRS_PER_FIGURE_SMALL: usize = 16;
const SMALL_CORPUS: usize = 200_000;
/// Copies of a figure (the same digits) it is linked to at most.
const COPIES_PER_FIGURE: usize = 8;

/// Gathers the figures of a corpus, document by document, then proposes pairs.
pub struct Discoverer {
    words: words::Words,
    vocabulary: words::Vocabulary,
    documents: Vec<String>,
    /// Each document's index, by name.
    document_index: HashMap<String, usize>,
    profiles: Vec<Profile>,
    /// Pairs less likely than this to measure one quantity are not proposed.
    pub min_confidence: f64,
    /// Candidates a reviewer rejected: never proposed, and, with the pairs the catalog
    /// keys, the project's own labelled pairs.
    pub rejected: HashSet<Fingerprint>,
    /// Adjust the default weights to the project's labelled pairs.
    pub learn_from_review: bool,
    /// Only one block of a larger corpus is discovered ([`Discoverer::for_block`]).
    split: Option<blocks::Split>,
}

impl Default for Discoverer {
    fn default() -> Discoverer {
        Discoverer {
            words: words::Words::default(),
            vocabulary: words::Vocabulary::default(),
            documents: Vec::new(),
            document_index: HashMap::new(),
            profiles: Vec::new(),
            min_confidence: score::THRESHOLD,
            rejected: HashSet::new(),
            learn_from_review: true,
            split: None,
        }
    }
}

impl Discoverer {
    /// Adds one document's figures (in order), at these lines and columns.
    pub fn add_document(
        &mut self,
        document: &Document,
        figures: &[Figure],
        positions: &[(usize, usize)],
    ) {
        self.add_keyed_document(document, figures, positions, &[]);
    }

    /// Adds one document's figures, some of which a catalog already keys to a
    /// quantity (`(figure index, quantity id)`): two such figures are not proposed
    /// again, and a figure found to go with one is proposed as that quantity's.
    pub fn add_keyed_document(
        &mut self,
        document: &Document,
        figures: &[Figure],
        positions: &[(usize, usize)],
        keyed: &[(usize, String)],
    ) {
        // The parts of a large input are one document.
        let index = match self.document_index.get(&document.name) {
            Some(&index) => index,
            None => {
                self.documents.push(document.name.clone());
                self.document_index
                    .insert(document.name.clone(), self.documents.len() - 1);
                self.documents.len() - 1
            }
        };
        let first = self.profiles.len();
        let given = profile::DocumentFigures {
            index,
            document,
            figures,
            positions,
            keyed,
        };
        profile::profiles(
            &self.words,
            &mut self.vocabulary,
            &given,
            &mut self.profiles,
        );
        // The figures of other blocks were context; they are paired elsewhere.
        if let Some(split) = &self.split {
            let added = self.profiles.split_off(first);
            let vocabulary = &self.vocabulary;
            self.profiles
                .extend(added.into_iter().filter(|p| split.holds(p, vocabulary)));
        }
    }

    /// The figures gathered so far.
    pub fn figures(&self) -> usize {
        self.profiles.len()
    }

    /// Every candidate pair, loudest first.
    pub fn finish(mut self, tolerances: &Tolerances) -> Discovered {
        let words = self.vocabulary.keys.len();
        // Contexts lie anywhere in memory, and reading them is most of what comes
        // before pairing: each is read twice, once for the figures that hold each word
        // and their sentences (the IDF), once for its weights, core words and posting
        // entries, the next few asked for while one is read.
        let mut counts = vec![0u32; words];
        let count = |counts: &mut [u32], profile: &Profile| {
            for &(word, _) in profile.context.iter() {
                counts[word as usize] += 1;
            }
        };
        // One block of a split corpus is weighed and paired as the whole corpus would be.
        let (idf, scale) = match &mut self.split {
            None => {
                let mut frequencies = SentenceFrequencies::new(words);
                for index in 0..self.profiles.len() {
                    prefetch_context(&self.profiles, index + CONTEXTS_AHEAD);
                    let profile = &self.profiles[index];
                    frequencies.add(profile);
                    count(&mut counts, profile);
                }
                let scale = Scale {
                    figures: self.profiles.len(),
                    word_figures: None,
                };
                (frequencies.idf(), scale)
            }
            Some(split) => {
                for index in 0..self.profiles.len() {
                    prefetch_context(&self.profiles, index + CONTEXTS_AHEAD);
                    count(&mut counts, &self.profiles[index]);
                }
                (split.idf(words), split.scale(words))
            }
        };
        let nouns: Vec<bool> = self
            .vocabulary
            .keys
            .iter()
            .map(|key| key.starts_with('='))
            .collect();
        let common =
            (((scale.figures as f64) * COMMON_WORD_SHARE) as usize).clamp(40, COMMON_WORD_MOST);
        let mut postings = Postings::laid_out(&counts, common, scale.word_figures);
        drop(counts);
        let mut weighting = Weighting {
            idf,
            norms: Vec::with_capacity(self.profiles.len()),
        };
        let mut core_places = Vec::with_capacity(self.profiles.len());
        for index in 0..self.profiles.len() {
            prefetch_context(&self.profiles, index + CONTEXTS_AHEAD);
            let profile = &mut self.profiles[index];
            let norm = weighting.norm(profile);
            weighting.norms.push(norm);
            let (core, places) = core_words(profile, &weighting, norm, &nouns);
            profile.core = core;
            core_places.push(places);
            postings.add(index, profile, &weighting, norm);
        }
        let hot = hot::HotTable::new(&self.profiles, &weighting.norms, &core_places);
        drop(core_places);
        let postings = postings.by_block(&hot.blocks);
        let defaults = Weights::default();
        let mut corpus = score::Corpus {
            profiles: &self.profiles,
            hot: &hot,
            weights: &defaults,
        };
        // The keys of the candidates' ids take room: they are made once pairing is
        // done, unless the review needs them before.
        let mut id_keys = None;
        let reviewed =
            !self.rejected.is_empty() || self.profiles.iter().any(|p| p.quantity.is_some());
        let learned = if self.learn_from_review && reviewed {
            let keys = id_keys.insert(score::IdKeys::new(&self.profiles, &self.documents));
            let blocked = |visit: &mut PairVisit| {
                candidate_pairs(&self.profiles, &hot, &postings, &weighting, scale, visit);
            };
            learn(&corpus, keys, &blocked, &self.rejected, tolerances)
        } else {
            None
        };
        if let Some(learned) = &learned {
            corpus.weights = learned;
        }
        // Pairs are judged as they are found, never held all at once.
        let mut judging = score::Judging::new(self.min_confidence, tolerances);
        let mut candidates: Vec<Candidate> = Vec::new();
        candidate_pairs(
            &self.profiles,
            &hot,
            &postings,
            &weighting,
            scale,
            &mut |a, b, similarity| {
                let Some(x) = hot.features(&self.profiles, a, b, similarity) else {
                    return;
                };
                candidates.extend(score::candidate(
                    &corpus,
                    a,
                    b,
                    similarity,
                    &x,
                    &mut judging,
                ));
            },
        );
        drop((weighting, postings));
        let (profiles, documents) = (&self.profiles, &self.documents);
        let made = |id_keys: &mut Option<score::IdKeys>| {
            id_keys
                .take()
                .unwrap_or_else(|| score::IdKeys::new(profiles, documents))
        };
        if !self.rejected.is_empty() {
            made(&mut id_keys).name(&mut candidates);
            candidates.retain(|c| !self.rejected.contains(&c.id));
        }
        let mut candidates = shown(&self.profiles, &hot, candidates, self.min_confidence);
        drop(hot);
        let mut carried = carried_to_restatements(&self.profiles, &candidates, tolerances);
        if !self.rejected.is_empty() {
            made(&mut id_keys).name(&mut carried);
            carried.retain(|c| !self.rejected.contains(&c.id));
        }
        candidates.append(&mut carried);
        if self.rejected.is_empty() {
            made(&mut id_keys).name(&mut candidates);
        }
        let candidates = loudest_first(candidates);
        Discovered {
            documents: self.documents,
            profiles: self.profiles,
            candidates,
            words: self.vocabulary.keys,
            tolerances: *tolerances,
        }
    }
}

/// The candidates by rank, highest first (in `f64::total_cmp`'s order), ties broken by
/// id, then figures. Sorted as keys (rank and place) worked out once, not by two ranks
/// for each comparison, then gathered in that order into a second vector: the keys
/// and the order are dropped before it is made, and it holds no more than the
/// discovery before it did.
fn loudest_first(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    let mut keys: Vec<(u64, u32)> = candidates
        .iter()
        .enumerate()
        .map(|(at, c)| {
            // The order of `total_cmp`, reversed, as an unsigned number.
            let rank = c.rank().to_bits() as i64;
            let rank = rank ^ (((rank >> 63) as u64) >> 1) as i64;
            (!((rank as u64) ^ (1 << 63)), at as u32)
        })
        .collect();
    keys.sort_unstable();
    // Equal ranks, by id and figures.
    let mut start = 0;
    while start < keys.len() {
        let rank = keys[start].0;
        let end = start
            + keys[start..]
                .iter()
                .take_while(|&&(r, _)| r == rank)
                .count();
        if end - start > 1 {
            keys[start..end].sort_unstable_by_key(|&(_, at)| {
                let c = &candidates[at as usize];
                (c.id, c.a, c.b)
            });
        }
        start = end;
    }
    let order: Vec<u32> = keys.iter().map(|&(_, at)| at).collect();
    drop(keys);
    const AHEAD: usize = 16;
    let mut sorted = Vec::with_capacity(candidates.len());
    for (i, &at) in order.iter().enumerate() {
        if let Some(&ahead) = order.get(i + AHEAD) {
            fetch::prefetch(&candidates[ahead as usize]);
        }
        sorted.push(candidates[at as usize].clone());
    }
    candidates.clear();
    sorted
}

/// Loud candidates carried to the restatements of their figures: a document that states
/// one precise figure twice (8.5 per cent in its first part, again in its last) states
/// one quantity twice, so a figure at odds with one statement is at odds with the
/// other, and the reader sees each pair, as `check` reports them. A restatement has
/// the same value, kind and unit ([`score::restatable`]: precise enough to tell), in
/// another sentence of the same document.
fn carried_to_restatements(
    profiles: &[Profile],
    candidates: &[Candidate],
    tolerances: &Tolerances,
) -> Vec<Candidate> {
    use std::hash::BuildHasher;
    // A restatement has the same key: document, block, and the value as stated.
    let same_statement = |x: &Profile, y: &Profile| {
        let (sx, sy) = (&x.value.stated, &y.value.stated);
        x.document == y.document
            && score::block(x) == score::block(y)
            && sx.value.map(f64::to_bits) == sy.value.map(f64::to_bits)
            && sx.step.map(f64::to_bits) == sy.step.map(f64::to_bits)
            && sx.percent == sy.percent
    };
    let key = |p: &Profile| {
        let stated = &p.value.stated;
        FastHash.hash_one((
            p.document,
            score::block(p),
            stated.value.map(f64::to_bits),
            stated.step.map(f64::to_bits),
            stated.percent,
        ))
    };
    // Every figure that can be restated, by key; then the keys stated more than once,
    // with where their statements lie, and a bit for each figure among them: a loud
    // candidate's figure is looked up only when its bit is set.
    let mut statements: Vec<(u64, u32)> = profiles
        .iter()
        .enumerate()
        .filter(|(_, p)| score::restatable(p))
        .map(|(figure, p)| (key(p), figure as u32))
        .collect();
    statements.sort_unstable();
    let mut restated: HashMap<u64, std::ops::Range<usize>, FastHash> = HashMap::default();
    let mut marked = vec![0u64; profiles.len().div_ceil(64)];
    let mut start = 0;
    while start < statements.len() {
        let key = statements[start].0;
        let end = start + statements[start..].partition_point(|&(k, _)| k == key);
        if end - start >= 2 {
            // A figure restated a thousand times is carried to the first few statements.
            restated.insert(key, start..end.min(start + COPIES_PER_FIGURE));
            for &(_, figure) in &statements[start..end] {
                marked[figure as usize / 64] |= 1 << (figure % 64);
            }
        }
        start = end;
    }
    if restated.is_empty() {
        return Vec::new();
    }
    let is_marked = |figure: u32| marked[figure as usize / 64] & (1 << (figure % 64)) != 0;
    let loud: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| c.tier.is_loud() && (is_marked(c.a) || is_marked(c.b)))
        .collect();
    let statements_of = |key: u64| {
        restated
            .get(&key)
            .map_or(&[][..], |range| &statements[range.clone()])
    };
    let pair = |x: u32, y: u32| (x.min(y), x.max(y));
    let same_sentence =
        |x: &Profile, y: &Profile| x.document == y.document && x.sentence_span == y.sentence_span;
    // The pairs to carry (each once), with the candidate they are carried from.
    let mut proposed: Vec<((u32, u32), usize)> = Vec::new();
    for (from, c) in loud.iter().enumerate() {
        for (stated, other) in [(c.a, c.b), (c.b, c.a)] {
            if !is_marked(stated) {
                continue;
            }
            let (p, o) = (&profiles[stated as usize], &profiles[other as usize]);
            for &(_, again) in statements_of(key(p)) {
                let q = &profiles[again as usize];
                if again == stated
                    || again == other
                    || !same_statement(p, q)
                    || same_sentence(p, q)
                    || same_sentence(q, o)
                    || q.quantity.is_some() && o.quantity.is_some()
                {
                    continue;
                }
                proposed.push((pair(again, other), from));
            }
        }
    }
    if proposed.is_empty() {
        return Vec::new();
    }
    // Each pair once, and none that is a candidate already.
    proposed.sort_unstable();
    proposed.dedup_by_key(|(figures, _)| *figures);
    let figures: HashSet<(u32, u32), FastHash> = proposed.iter().map(|&(f, _)| f).collect();
    let paired: HashSet<(u32, u32), FastHash> = candidates
        .iter()
        .map(|c| pair(c.a, c.b))
        .filter(|f| figures.contains(f))
        .collect();
    proposed
        .into_iter()
        .filter(|(figures, _)| !paired.contains(figures))
        .filter_map(|((x, y), from)| {
            let c = loud[from];
            // The figure of the original candidate that is not restated keeps its side.
            let other = if x == c.a || x == c.b { x } else { y };
            let again = if other == x { y } else { x };
            score::carried(profiles, c, other as usize, again as usize, tolerances)
        })
        .collect()
}

/// Agreeing partners a figure is read with, at most: a figure copied into thousands of
/// documents is told apart through a few of its copies, not all.
const AGREEING_PARTNERS: usize = 8;

/// The candidates a reader is shown: less the disagreements that another document has
/// already settled, and those that one sentence tells apart, and less the agreements
/// under `min_confidence`, kept only for those two. Judged in one pass, each
/// candidate's figures read once.
///
/// Settled elsewhere: where a figure agrees with a figure of another document, that
/// document has stated its quantity, and the other values it gives are of other
/// quantities, unless a rebuttal says one of them is wrong ("often said to be 200 g;
/// in fact 250") or the document itself pairs the two values. An agreement settles a
/// disagreement only when it is at least as likely ([`score::calibrated_odds`]): a
/// faint likeness does not outweigh a strong one.
///
/// Told apart by siblings: two figures of one sentence with different values measure
/// two quantities (a breakdown, a list: "250 grams for workers and 125 for
/// dependants"); a figure that agrees with one of them measures its quantity, so a
/// pair of figures that agree with two such neighbours (or are them) are two
/// quantities too, unless the sentence offers one as the correction of the other
/// ("50-60 million, instead of the real 800,000").
fn shown(
    profiles: &[Profile],
    hot: &hot::HotTable<'_>,
    mut candidates: Vec<Candidate>,
    min_confidence: f64,
) -> Vec<Candidate> {
    let record = |figure: u32| &hot.records[figure as usize];
    // What the rules read of a candidate's second figure, whose record lies anywhere,
    // read once (the next few asked for meanwhile): its document, and whether a
    // rebuttal stands by either figure. The first figures come in order.
    let mut second: Vec<(u32, bool)> = Vec::with_capacity(candidates.len());
    // Each figure's agreeing partners: the figure, the partner, its document and
    // where the agreement is among the candidates.
    let mut sides: Vec<(u32, u32, u32, u32)> = Vec::new();
    const AHEAD: usize = 16;
    for (at, c) in candidates.iter().enumerate() {
        if let Some(ahead) = candidates.get(at + AHEAD) {
            fetch::prefetch(record(ahead.b));
        }
        let (ra, rb) = (record(c.a), record(c.b));
        second.push((rb.document, ra.rebuttal() || rb.rebuttal()));
        if c.tier == Tier::Agreement {
            sides.push((c.a, c.b, rb.document, at as u32));
            sides.push((c.b, c.a, ra.document, at as u32));
        }
    }
    // By figure, then partner, in one array (a million figures' lists as vectors, or
    // in a map, would cost tens of MB), with a bit for each figure that has any.
    sides.sort_unstable();
    let mut starts: Vec<u32> = Vec::with_capacity(profiles.len() + 1);
    let mut agrees = vec![0u64; profiles.len().div_ceil(64)];
    let mut next = 0;
    for figure in 0..profiles.len() as u32 {
        starts.push(next as u32);
        let listed = sides[next..]
            .iter()
            .take_while(|&&(f, ..)| f == figure)
            .count();
        if listed > 0 {
            agrees[figure as usize / 64] |= 1 << (figure % 64);
        }
        next += listed;
    }
    starts.push(next as u32);
    let agrees = |figure: u32| agrees[figure as usize / 64] & (1 << (figure % 64)) != 0;
    // The partners of a figure with any: (figure, partner, its document, agreement).
    let agreeing_with = |figure: u32| {
        if agrees(figure) {
            &sides[starts[figure as usize] as usize..starts[figure as usize + 1] as usize]
        } else {
            &[]
        }
    };
    // A document that gives two values of one quantity (the figure and a rumour of
    // it) sets them against each other itself: then neither settles the other.
    // Only pairs within one document are looked up: the agreeing figure and the
    // partner are of one document.
    let paired: HashSet<(u32, u32), FastHash> = candidates
        .iter()
        .zip(&second)
        .filter(|(c, &(document, _))| c.tier.shown_by_default() && record(c.a).document == document)
        .map(|(c, _)| (c.a.min(c.b), c.a.max(c.b)))
        .collect();
    // A figure's likeliest agreeing partner in `document` (the first of the
    // likeliest, among the candidates), with its odds, settles its disagreement with
    // `partner` of that document if it is as likely.
    let mut in_document: Vec<u32> = Vec::new();
    let mut settled = |figure: u32, partner: u32, document: u32, odds: f64| {
        in_document.clear();
        in_document.extend(
            agreeing_with(figure)
                .iter()
                .filter(|&&(_, _, d, _)| d == document)
                .map(|&(.., at)| at),
        );
        in_document.sort_unstable();
        let mut likeliest: Option<(u32, f64)> = None;
        for &at in in_document.iter() {
            let c = &candidates[at as usize];
            let agreeing = if c.a == figure { c.b } else { c.a };
            let odds = score::calibrated_odds(c.confidence, true);
            match likeliest {
                // Not likelier (nor incomparable): the first met stays.
                Some((_, best)) if odds.partial_cmp(&best) != Some(std::cmp::Ordering::Greater) => {
                }
                _ => likeliest = Some((agreeing, odds)),
            }
        }
        likeliest.is_some_and(|(agreeing, agreeing_odds)| {
            agreeing != partner
                && agreeing_odds >= odds
                && !paired.contains(&(agreeing.min(partner), agreeing.max(partner)))
        })
    };
    // A figure (of `document`) and its first few agreeing partners by number, with
    // their documents.
    let with_copies = |figure: u32, document: u32| {
        let listed = agreeing_with(figure);
        std::iter::once((figure, document)).chain(
            listed[..listed.len().min(AGREEING_PARTNERS)]
                .iter()
                .map(|&(_, partner, document, _)| (partner, document)),
        )
    };
    let siblings = |(x, dx): (u32, u32), (y, dy): (u32, u32)| {
        x != y && dx == dy && {
            let (p, q) = (&profiles[x as usize], &profiles[y as usize]);
            p.sentence_span == q.sentence_span
                && p.value.stated != q.value.stated
                && !score::corrects(p, q)
        }
    };
    // The partners of the second figures lie anywhere: where they start is asked for
    // two dozen candidates ahead, then the partners a dozen ahead.
    let ahead = |at: usize| {
        if let Some(c) = candidates.get(at + 2 * AHEAD) {
            if agrees(c.b) {
                fetch::prefetch(&starts[c.b as usize]);
            }
        }
        if let Some(c) = candidates.get(at + AHEAD) {
            if agrees(c.b) {
                fetch::prefetch(&sides[starts[c.b as usize] as usize]);
            }
        }
    };
    let keep: Vec<bool> = candidates
        .iter()
        .zip(&second)
        .enumerate()
        .map(|(at, (c, &(document_b, rebuttal)))| {
            ahead(at);
            if c.confidence < min_confidence {
                return false;
            }
            if c.tier == Tier::Agreement {
                return true;
            }
            let document_a = record(c.a).document;
            let settled_elsewhere = document_a != document_b && !rebuttal && {
                let odds = score::calibrated_odds(c.confidence, false);
                settled(c.a, c.b, document_b, odds) || settled(c.b, c.a, document_a, odds)
            };
            let told_apart = with_copies(c.a, document_a)
                .any(|x| with_copies(c.b, document_b).any(|y| siblings(x, y)));
            !settled_elsewhere && !told_apart
        })
        .collect();
    drop(second);
    let mut kept = keep.iter();
    candidates.retain(|_| kept.next().copied().unwrap_or(false));
    candidates
}

/// What discovery found.
#[derive(Debug)]
pub struct Discovered {
    /// Document names, by index.
    pub documents: Vec<String>,
    pub profiles: Vec<Profile>,
    pub candidates: Vec<Candidate>,
    /// Context word keys, by number.
    pub words: Vec<String>,
    /// The tolerances the candidates were judged with.
    pub tolerances: Tolerances,
}

impl Discovered {
    /// The catalog quantity one of a candidate's figures is keyed to: the other looks
    /// like it too.
    pub fn quantity(&self, candidate: &Candidate) -> Option<&str> {
        let (a, b) = (
            &self.profiles[candidate.a as usize],
            &self.profiles[candidate.b as usize],
        );
        a.quantity.as_deref().or(b.quantity.as_deref())
    }

    /// The name of a figure's document.
    pub fn document(&self, profile: &Profile) -> &str {
        &self.documents[profile.document as usize]
    }

    /// A figure's counted noun or unit, as the vocabulary keys it.
    pub fn noun(&self, profile: &Profile) -> Option<&str> {
        profile.noun_id.map(|id| self.words[id as usize].as_str())
    }

    /// The sentence that explains a candidate's verdict.
    pub fn reason(&self, candidate: &Candidate) -> String {
        let (a, b) = (
            &self.profiles[candidate.a as usize],
            &self.profiles[candidate.b as usize],
        );
        score::reason(a, b, candidate, &self.tolerances)
    }

    /// Why a candidate was proposed, for a reader to judge it.
    pub fn evidence(&self, candidate: &Candidate) -> Evidence {
        let (a, b) = (
            &self.profiles[candidate.a as usize],
            &self.profiles[candidate.b as usize],
        );
        score::evidence(a, b, candidate, &self.words)
    }
}

/// How many of the sentences holding figures hold each context word (document
/// frequency over sentences, not over figures: a sentence with ten figures is one use
/// of its words), gathered figure by figure in corpus order.
struct SentenceFrequencies {
    /// By word number.
    frequency: Vec<u32>,
    /// The sentence (document, start) each word was last counted in.
    last_sentence: Vec<(u32, u32)>,
    sentences: usize,
    previous: (u32, u32),
}

impl SentenceFrequencies {
    fn new(words: usize) -> SentenceFrequencies {
        SentenceFrequencies {
            frequency: vec![0; words],
            last_sentence: vec![(u32::MAX, u32::MAX); words],
            sentences: 0,
            previous: (u32::MAX, u32::MAX),
        }
    }

    /// Room for a vocabulary grown to `words`.
    fn grow(&mut self, words: usize) {
        if words > self.frequency.len() {
            self.frequency.resize(words, 0);
            self.last_sentence.resize(words, (u32::MAX, u32::MAX));
        }
    }

    /// Counts the next figure's sentence and context words.
    fn add(&mut self, profile: &Profile) {
        let sentence = (profile.document, profile.sentence_span.start);
        if sentence != self.previous {
            self.sentences += 1;
            self.previous = sentence;
        }
        for &(id, _) in profile.context.iter() {
            if self.last_sentence[id as usize] != sentence {
                self.last_sentence[id as usize] = sentence;
                self.frequency[id as usize] += 1;
            }
        }
    }

    fn idf(&self) -> Vec<f32> {
        idf(&self.frequency, self.sentences)
    }
}

/// Each word's IDF, from how many of `sentences` hold it (by word number).
fn idf(frequency: &[u32], sentences: usize) -> Vec<f32> {
    let sentences = sentences.max(1) as f32;
    frequency
        .iter()
        .map(|&f| (sentences / f.max(1) as f32).ln() + 1.0)
        .collect()
}

/// How much each context word tells (its IDF over the sentences that hold figures)
/// and each profile's context length under it: a profile's vector is its context
/// weighted by IDF and normalised to length 1, computed where it is read rather than
/// held, since a million figures' vectors would double discovery's memory.
struct Weighting {
    idf: Vec<f32>,
    norms: Vec<f32>,
}

impl Weighting {
    /// The length of a profile's context weighted by IDF (which may be a larger
    /// corpus's, [`blocks`]).
    fn norm(&self, profile: &Profile) -> f32 {
        profile
            .context
            .iter()
            .map(|&(id, weight)| {
                let w = weight * self.idf[id as usize];
                w * w
            })
            .sum::<f32>()
            .sqrt()
    }

    /// The weight of `word` in the vector of profile `index`, whose context gives it
    /// `weight`.
    fn weigh(&self, index: usize, word: u32, weight: f32) -> f32 {
        self.weigh_normed(word, weight, self.norms[index])
    }

    /// The weight of `word` in a vector of length `norm` whose context gives it `weight`.
    fn weigh_normed(&self, word: u32, weight: f32, norm: f32) -> f32 {
        let weighted = weight * self.idf[word as usize];
        if norm > 0.0 {
            weighted / norm
        } else {
            weighted
        }
    }

    /// The cosine of a vector spread out by word number (`dense`, zero where it has
    /// no word) and the vector of the figure of `hot`: a sum over the words they
    /// share, in word order.
    fn cosine(&self, dense: &[f32], hot: &hot::Hot) -> f32 {
        let mut sum = 0.0;
        for &(word, weight) in hot.context {
            let other = dense[word as usize];
            if other != 0.0 {
                sum += other * self.weigh_normed(word, weight, hot.norm);
            }
        }
        sum
    }
}

/// How strongly a project's labelled pairs are pulled towards the default weights: a
/// handful nudges them, dozens move them. Chosen among 2, 5 and 20 by
/// `tests/library/discovery_review.rs`.
const REVIEW_PULL: f64 = 5.0;

/// What is done with each pair of figures blocking yields, given their similarity.
type PairVisit<'v> = dyn FnMut(usize, usize, f32) + 'v;

/// The default weights adjusted to the project's labelled pairs: among the pairs
/// blocking yields, those the catalog keys both figures of (one quantity or two) and
/// the candidates a reviewer rejected. `None` when there are none of either kind.
/// `blocked` visits the pairs that blocking yields ([`candidate_pairs`]).
fn learn(
    corpus: &score::Corpus,
    id_keys: &score::IdKeys,
    blocked: &dyn Fn(&mut PairVisit),
    rejected: &HashSet<Fingerprint>,
    tolerances: &Tolerances,
) -> Option<Weights> {
    let (mut agreeing, mut disagreeing): (Vec<fit::Example>, Vec<fit::Example>) =
        (Vec::new(), Vec::new());
    blocked(&mut |a, b, similarity| {
        if let Some((verdict, label)) = score::labelled(corpus, id_keys, a, b, rejected, tolerances)
        {
            let x = features(
                &corpus.profiles[a],
                &corpus.profiles[b],
                f64::from(similarity),
            );
            if agrees(verdict) {
                agreeing.push((x, label));
            } else {
                disagreeing.push((x, label));
            }
        }
    });
    let both =
        |data: &[fit::Example]| data.iter().any(|e| e.1 > 0.5) && data.iter().any(|e| e.1 < 0.5);
    if !both(&agreeing) && !both(&disagreeing) {
        return None;
    }
    let defaults = Weights::default();
    // The pairs a catalog keys are a chosen few, mostly of one quantity: they say which
    // features matter, not how often a pair is one quantity. So the bias is pulled like
    // the rest, and a positive pair counts as much as a negative one.
    let adjust = |data: &[fit::Example], towards: &[f64; FEATURE_COUNT]| {
        if data.is_empty() {
            return *towards;
        }
        fit::fit(
            data,
            fit::Fit {
                towards,
                pull: REVIEW_PULL,
                pull_bias: true,
                positive_weight: 1.0,
            },
        )
    };
    Some(Weights {
        agreeing: adjust(&agreeing, &defaults.agreeing),
        disagreeing: adjust(&disagreeing, &defaults.disagreeing),
    })
}

/// The heaviest words of a context weighted to length `norm` (the lower number first
/// among equals), counted nouns (`nouns`, by word number: keys starting `=`) aside;
/// with where they are in the context (`u16::MAX` for none, or too far to say).
fn core_words(
    profile: &Profile,
    weighting: &Weighting,
    norm: f32,
    nouns: &[bool],
) -> ([u32; CORE_WORDS], [u16; CORE_WORDS]) {
    let mut core = [(NO_WORD, f32::NEG_INFINITY, usize::MAX); CORE_WORDS];
    for (place, &(id, weight)) in profile.context.iter().enumerate() {
        if nouns[id as usize] {
            continue;
        }
        let weight = weighting.weigh_normed(id, weight, norm);
        // Words come in number order, so a word ties with none after it in `core`.
        if let Some(at) = core.iter().position(|&(_, w, _)| weight > w) {
            core[at..].rotate_right(1);
            core[at] = (id, weight, place);
        }
    }
    (
        core.map(|(id, _, _)| id),
        core.map(|(_, _, place)| u16::try_from(place).unwrap_or(u16::MAX)),
    )
}

/// Contexts asked for this many figures before they are read.
const CONTEXTS_AHEAD: usize = 8;

/// Asks for the context of figure `index`, if there is one.
fn prefetch_context(profiles: &[Profile], index: usize) {
    if let Some(profile) = profiles.get(index) {
        let context = &profile.context;
        for line in (0..context.len()).step_by(8) {
            fetch::prefetch(&context[line]);
        }
    }
}

/// Pairs of comparable figures that share context words, with their cosine similarity:
/// through an inverted index, so the cost follows the shared words, not all pairs.
///
/// Each figure passes five stages, one figure apart: its posting lists are looked
/// up, then the figures they list after it, then its partners are found, then where
/// their contexts lie is read, then they are scored. What a stage reads (lists,
/// meetings, hot records, profiles, contexts) lies anywhere in memory, so the stage
/// before asks for it, and it arrives while the other stages work.
fn candidate_pairs(
    profiles: &[Profile],
    hot: &hot::HotTable<'_>,
    postings: &Postings,
    weighting: &Weighting,
    scale: Scale<'_>,
    visit: &mut PairVisit,
) {
    let (records, blocks) = (&hot.records, &hot.blocks);
    // Figures by their telling digits, in figure order for each: the same figure
    // copied, or copied with two neighbouring digits swapped, in any language. Held
    // by a hash of the digits, with where each run of hashes starts: most
    // transpositions are no figure's, and that is seen in one read.
    let hash = |digits: u64| digits.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let mut by_digits: Vec<(u64, u32)> = profiles
        .iter()
        .enumerate()
        .filter_map(|(index, p)| p.digits.map(|digits| (digits, index as u32)))
        .collect();
    by_digits.sort_unstable_by_key(|&(digits, index)| (hash(digits), digits, index));
    // Two slots at least: a hash is shifted by less than its width.
    let slots = by_digits.len().next_power_of_two().max(2);
    let slot = |digits: u64| (hash(digits) >> (64 - slots.trailing_zeros())) as usize;
    let mut slot_starts: Vec<u32> = Vec::with_capacity(slots + 1);
    for (at, &(digits, _)) in by_digits.iter().enumerate() {
        while slot_starts.len() <= slot(digits) {
            slot_starts.push(at as u32);
        }
    }
    slot_starts.resize(slots + 1, by_digits.len() as u32);
    let copies = |digits: u64| {
        let slot = slot(digits);
        let run = &by_digits[slot_starts[slot] as usize..slot_starts[slot + 1] as usize];
        let start = run.iter().take_while(|&&(d, _)| d != digits).count();
        let count = run[start..]
            .iter()
            .take_while(|&&(d, _)| d == digits)
            .count();
        &run[start..start + count]
    };
    // For each figure met, the figure it was last met for and its similarity so far
    // (side by side: one read of memory a figure met), and the figures met, in order.
    let mut meetings: Vec<(u32, f32)> = vec![(u32::MAX, 0.0); profiles.len()];
    let pairs_per_figure = if scale.figures <= SMALL_CORPUS {
        PAIRS_PER_FIGURE_SMALL
    } else {
        PAIRS_PER_FIGURE
    };
    let mut met: Vec<usize> = Vec::new();
    let mut best: Vec<(usize, f32)> = Vec::new();
    // The vector of the figure being scored, by word number, for the cosines.
    let mut dense: Vec<f32> = vec![0.0; weighting.idf.len()];
    // The posting lists of the figures in the first three stages (word, weight in
    // the context, list), and the partners of those in the last three, by figure
    // number modulo 3.
    let mut listed: [Vec<Listed>; 3] = Default::default();
    let mut staged: [Vec<usize>; 3] = Default::default();
    let stage = |step: usize, behind: usize| {
        step.checked_sub(behind)
            .filter(|&figure| figure < profiles.len())
    };
    for step in 0..profiles.len() + 4 {
        if let Some(a) = stage(step, 0) {
            let lists = &mut listed[a % 3];
            lists.clear();
            for &(word, weight) in profiles[a].context.iter() {
                let list = postings.of(word, blocks[a]);
                if !list.is_empty() {
                    lists.push((word, weight, list));
                    for line in (0..list.len()).step_by(8) {
                        fetch::prefetch(&list[line]);
                    }
                }
            }
        }
        if let Some(a) = stage(step, 1) {
            for (_, _, list) in listed[a % 3].iter_mut() {
                // Postings are in figure order: those after `a` are the end of the list.
                let after = list.partition_point(|&(b, _)| b as usize <= a);
                *list = &list[after..];
                for &(b, _) in list.iter() {
                    fetch::prefetch(&meetings[b as usize]);
                }
            }
        }
        if let Some(a) = stage(step, 2) {
            let profile = &profiles[a];
            let block = blocks[a];
            for &(word, weight, list) in &listed[a % 3] {
                let weight = weighting.weigh(a, word, weight);
                for &(b, other) in list {
                    let meeting = &mut meetings[b as usize];
                    if meeting.0 != a as u32 {
                        *meeting = (a as u32, 0.0);
                        met.push(b as usize);
                    }
                    meeting.1 += weight * other;
                }
            }
            // The most similar first, kept in order as they are met: most figures met
            // are not among them, and are passed over in one comparison. Figures are
            // met once each: the order is total, and no sort is more stable.
            let first = |x: &(usize, f32), y: &(usize, f32)| {
                y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)).is_lt()
            };
            best.clear();
            for b in met.drain(..) {
                let figure = (b, meetings[b].1);
                if best.len() == pairs_per_figure {
                    if !best.last().is_some_and(|last| first(&figure, last)) {
                        continue;
                    }
                    best.pop();
                }
                let at = best.partition_point(|x| first(x, &figure));
                best.insert(at, figure);
            }
            if let Some(digits) = profile.digits {
                // A figure copied into a thousand documents is linked to the next few
                // copies, not to all: the pairs stay as many as the figures.
                let mut linked = 0;
                let same = std::iter::once(digits).chain(profile::transpositions(digits));
                for list in same.map(copies) {
                    let after = list.partition_point(|&(_, b)| b as usize <= a);
                    for &(_, b) in &list[after..] {
                        if linked == COPIES_PER_FIGURE {
                            break;
                        }
                        let b = b as usize;
                        // Of two documents, so never the same place.
                        if records[b].document != records[a].document
                            && blocks[b] == block
                            && !best.iter().any(|(x, _)| *x == b)
                        {
                            best.push((b, 0.0));
                            linked += 1;
                        }
                    }
                }
            }
            // A figure offered as a correction is paired with those stated just before it,
            // whatever words they share.
            for b in a + 1..profiles.len() {
                let near = profiles[b].document == profiles[a].document
                    && profiles[b].sentence_number
                        <= profiles[a].sentence_number + score::CORRECTION_REACH;
                if !near {
                    break;
                }
                if score::corrects(&profiles[a], &profiles[b])
                    && blocks[b] == block
                    && !score::same_place(&profiles[a], &profiles[b])
                    && !best.iter().any(|(x, _)| *x == b)
                {
                    best.push((b, 0.0));
                }
            }
            let partners = &mut staged[a % 3];
            partners.clear();
            partners.extend(best.iter().map(|&(b, _)| b));
            for &b in partners.iter() {
                fetch::prefetch(&records[b]);
            }
        }
        if let Some(a) = stage(step, 3) {
            // Judging reads the value and kind of `a` too.
            fetch::prefetch(&profiles[a].value.stated);
            fetch::prefetch(&profiles[a].value.kind);
            let partners = &mut staged[a % 3];
            partners.retain(|&b| {
                records[b].document != records[a].document
                    || !score::same_place(&profiles[a], &profiles[b])
            });
            for &b in partners.iter() {
                let context = records[b].context;
                for line in (0..context.len()).step_by(8) {
                    fetch::prefetch(&context[line]);
                }
                // What judging reads of the profile: the value (it may span two cache
                // lines); the rest is in the hot record.
                let stated = &profiles[b].value.stated;
                fetch::prefetch(stated);
                fetch::prefetch(
                    std::ptr::from_ref(stated)
                        .cast::<u8>()
                        .wrapping_add(std::mem::size_of_val(stated) - 1),
                );
            }
        }
        if let Some(a) = stage(step, 4) {
            let profile = &profiles[a];
            for &(word, weight) in profile.context.iter() {
                dense[word as usize] = weighting.weigh(a, word, weight);
            }
            for &b in &staged[a % 3] {
                visit(a, b, weighting.cosine(&dense, &records[b]));
            }
            for &(word, _) in profile.context.iter() {
                dense[word as usize] = 0.0;
            }
        }
    }
}

/// How large the corpus is, for what pairing chooses by its size (the words too common
/// to pair by, the partners a figure examines): the figures at hand, or, for one block
/// of a corpus split by block ([`blocks`]), the whole corpus.
#[derive(Clone, Copy)]
struct Scale<'a> {
    figures: usize,
    /// How many figures of the whole corpus hold each word in their context, by word
    /// number; `None` when the figures at hand are the corpus.
    word_figures: Option<&'a [u32]>,
}

/// A context word of a figure (its number and weight in the context) and the
/// figures its posting list holds.
type Listed<'a> = (u32, f32, &'a [(u32, f32)]);

/// [`Postings`] as their entries are added, figure by figure.
struct PostingsFilling {
    /// Where each word's list starts in `entries`, by word number; one more at the end.
    starts: Vec<u32>,
    /// Where each word's next entry goes.
    filled: Vec<u32>,
    entries: Vec<(u32, f32)>,
    /// The words listed, by number.
    listed: Vec<bool>,
}

impl PostingsFilling {
    /// The entries of figure `index`, whose vector has length `norm`.
    fn add(&mut self, index: usize, profile: &Profile, weighting: &Weighting, norm: f32) {
        for &(word, weight) in profile.context.iter() {
            if self.listed[word as usize] {
                let slot = &mut self.filled[word as usize];
                self.entries[*slot as usize] =
                    (index as u32, weighting.weigh_normed(word, weight, norm));
                *slot += 1;
            }
        }
    }

    /// The postings, once every figure is added: each word's figures by block (by
    /// number, `blocks`), in figure order within a block (a stable sort).
    fn by_block(self, blocks: &[u32]) -> Postings {
        let PostingsFilling {
            starts,
            mut entries,
            ..
        } = self;
        let words = starts.len() - 1;
        let mut word_starts = Vec::with_capacity(words + 1);
        let mut word_blocks = Vec::new();
        for word in 0..words {
            word_starts.push(word_blocks.len() as u32);
            let range = starts[word] as usize..starts[word + 1] as usize;
            let list = &mut entries[range.clone()];
            list.sort_by_key(|&(figure, _)| blocks[figure as usize]);
            let mut previous = None;
            for (at, &(figure, _)) in list.iter().enumerate() {
                let block = blocks[figure as usize];
                if previous != Some(block) {
                    word_blocks.push((block, (range.start + at) as u32));
                    previous = Some(block);
                }
            }
        }
        word_starts.push(word_blocks.len() as u32);
        Postings {
            word_starts,
            blocks: word_blocks,
            entries,
            word_ends: starts[1..].to_vec(),
        }
    }
}

/// The inverted index: for each context word and block, the figures of that block
/// whose context holds the word, in figure order, with its weight in their vectors.
/// Only the words that can make a pair are listed: those of at least two figures and
/// at most `common` (whatever their blocks) in the corpus, whose counts are
/// `word_figures` where the figures at hand are not all of it.
struct Postings {
    /// Where each word's blocks start in `blocks`, by word number; one more at the end.
    word_starts: Vec<u32>,
    /// Each word's blocks, in block order: the block and where its figures start in
    /// `entries` (they end where the next block's start, or the word's).
    blocks: Vec<(u32, u32)>,
    entries: Vec<(u32, f32)>,
    /// Where each word's figures end in `entries`, by word number.
    word_ends: Vec<u32>,
}

impl Postings {
    /// Room for the lists of the words that `counts` figures hold (by word number):
    /// those that can make a pair, held by at least two and at most `common` figures
    /// of the corpus, whose counts are `word_figures` where the figures at hand are not
    /// all of it. Each figure's entries are then added in figure order ([`Postings::add`]).
    fn laid_out(counts: &[u32], common: usize, word_figures: Option<&[u32]>) -> PostingsFilling {
        let in_corpus = word_figures.unwrap_or(counts);
        let listed: Vec<bool> = (0..counts.len())
            .map(|word| (2..=common).contains(&(in_corpus[word] as usize)))
            .collect();
        let mut starts: Vec<u32> = Vec::with_capacity(counts.len() + 1);
        let mut total = 0u32;
        for (word, &count) in counts.iter().enumerate() {
            starts.push(total);
            if listed[word] {
                total += count;
            }
        }
        starts.push(total);
        PostingsFilling {
            filled: starts[..counts.len()].to_vec(),
            entries: vec![(0u32, 0f32); total as usize],
            starts,
            listed,
        }
    }

    /// The figures of `block` whose context holds `word`.
    fn of(&self, word: u32, block: u32) -> &[(u32, f32)] {
        let word = word as usize;
        let blocks =
            &self.blocks[self.word_starts[word] as usize..self.word_starts[word + 1] as usize];
        let Ok(at) = blocks.binary_search_by_key(&block, |&(b, _)| b) else {
            return &[];
        };
        let end = blocks
            .get(at + 1)
            .map_or(self.word_ends[word], |&(_, start)| start);
        &self.entries[blocks[at].1 as usize..end as usize]
    }
}
