//! How likely two figures measure the same quantity, and what a reader should make of
//! the pair: a logistic score over a few features, the interval verdict, and a tier.
//!
//! There are two sets of weights: one for pairs whose values agree, one for pairs whose
//! values disagree, since the few disagreeing pairs that are one quantity show
//! themselves differently (a correction, another voice, the same digits). Both are
//! fitted by `tests/library/discovery_fit.rs` on labelled pairs of the seeds, the second
//! corpus and two of the four blind corpora; the other two are held out. Nothing in
//! them names a word of a corpus.

use super::fetch::prefetch;
use super::profile::{Profile, CORE_WORDS, NO_WORD};
use crate::extract::{Kind, Period, Qualifier};
use crate::reconcile::{
    agreement, disagreement, explain, fingerprint, judge, ClaimView, Diagnosis, Fingerprint,
    Judgement, Reading, Tolerances, Verdict,
};

/// Pairs scoring less are not candidates.
pub const THRESHOLD: f64 = 0.5;

/// How a reader triages a candidate, loudest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tier {
    /// The same quantity with values that cannot both be true.
    Contradiction,
    /// A contradiction the text itself resolves: one source quotes a figure to refute it.
    Refuted,
    /// Two named estimates that differ: reported, not an error.
    Attributed,
    /// A part larger than its whole: one figure's period lies inside the other's, and
    /// it is the larger count (`superset_smaller`).
    PartOf,
    /// The values differ, and so do their periods, which may explain it.
    Scope,
    /// One document, one voice, no rebuttal: more often two quantities than one.
    SameVoice,
    /// The values agree, within their rounding or wording.
    Agreement,
}

impl Tier {
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Contradiction => "contradiction",
            Tier::Refuted => "refuted",
            Tier::Attributed => "attributed",
            Tier::PartOf => "part_of",
            Tier::Scope => "scope",
            Tier::SameVoice => "same_voice",
            Tier::Agreement => "agreement",
        }
    }

    /// A conflict a reader must see: a contradiction, a refuted figure, or a part
    /// larger than its whole.
    pub fn is_loud(self) -> bool {
        matches!(self, Tier::Contradiction | Tier::Refuted | Tier::PartOf)
    }

    /// Shown without `--all`.
    pub fn shown_by_default(self) -> bool {
        !matches!(self, Tier::SameVoice | Tier::Agreement)
    }

    fn weight(self) -> f64 {
        match self {
            Tier::Contradiction | Tier::Refuted | Tier::PartOf => 1.0,
            Tier::Attributed => 0.6,
            Tier::Scope => 0.5,
            Tier::SameVoice => 0.3,
            Tier::Agreement => 0.1,
        }
    }
}

/// Why a pair was proposed, for a reader to judge it in seconds.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// Context words both share, most telling first (as keys: stems, or a canonical noun).
    pub shared_words: Vec<String>,
    /// Cosine similarity of the two contexts.
    pub similarity: f64,
    /// The counted noun both carry, when they carry the same.
    pub same_noun: Option<String>,
    pub periods: (Option<Period>, Option<Period>),
    /// Who asserts each figure, where the text names someone.
    pub voices: (Option<String>, Option<String>),
    /// A source says one of the figures is wrong.
    pub rebuttal: bool,
}

/// Two figures that probably measure the same quantity.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Stable over edits that move lines: built from the documents, texts and values.
    pub id: Fingerprint,
    /// Indices into the profiles, in document order ([`Candidate::figures`]).
    pub a: u32,
    pub b: u32,
    /// How likely the two measure the same quantity, in [0, 1].
    pub confidence: f64,
    pub verdict: Verdict,
    pub diagnosis: Option<Diagnosis>,
    pub tier: Tier,
    /// Cosine similarity of the two contexts.
    pub similarity: f32,
}

impl Candidate {
    /// Its two figures, as indices into the profiles.
    pub fn figures(&self) -> (usize, usize) {
        (self.a as usize, self.b as usize)
    }

    /// The order a reader sees candidates in: the loud and likely first.
    pub fn rank(&self) -> f64 {
        let telling = match self.diagnosis {
            Some(
                Diagnosis::DigitsTransposed
                | Diagnosis::DigitChanged
                | Diagnosis::ScaleSlip
                | Diagnosis::SupersetSmaller,
            ) => 1.3,
            Some(Diagnosis::OrderOfMagnitude) => 1.1,
            _ => 1.0,
        };
        self.confidence * self.tier.weight() * telling
    }
}

/// Kinds compared with each other: percentages with fractions, the rest alike.
fn kind_class(kind: Kind) -> u8 {
    match kind {
        Kind::Percent | Kind::Fraction => 1,
        Kind::Count => 2,
        Kind::Money => 3,
        Kind::Measure => 4,
        Kind::Rate => 5,
        Kind::Duration => 6,
        Kind::Multiplier | Kind::Age => 7,
    }
}

/// The block of a figure: only figures of one block are compared. Kinds compared with
/// each other share one; measures and rates of different units are different
/// dimensions.
pub fn block(p: &Profile) -> u64 {
    let class = u64::from(kind_class(p.value.kind));
    let unit = match (p.value.kind, p.dimension) {
        // Units of one dimension meet: inches and millimetres, hectares and km².
        (Kind::Measure, Some((dimension, _))) => {
            DIMENSIONS
                .iter()
                .position(|d| *d == dimension)
                .map_or(0, |i| i as u64 + 1)
                << 32
        }
        (Kind::Measure | Kind::Rate, _) => p.noun_id.map_or(0, |id| u64::from(id) + 1),
        _ => 0,
    };
    class | unit << 3
}

/// The dimensions of [`crate::extract::dimension`].
const DIMENSIONS: [&str; 4] = ["length", "area", "volume", "mass"];

/// How many of `a`'s unit one of `b`'s unit is, when both measure one dimension in
/// different units.
pub fn conversion(a: &Profile, b: &Profile) -> Option<f64> {
    match (a.dimension, b.dimension) {
        (Some((x, fa)), Some((y, fb))) if x == y && fa != fb => Some(fb / fa),
        _ => None,
    }
}

/// The same figure, met twice (the same place in the same document).
pub fn same_place(a: &Profile, b: &Profile) -> bool {
    a.document == b.document && a.line == b.line && a.column == b.column
}

/// What a candidate's figures are looked up in.
#[derive(Clone, Copy)]
pub struct Corpus<'a> {
    pub profiles: &'a [Profile],
    /// Their hot records: judging reads what they hold there, not in the profiles.
    pub hot: &'a dyn Records,
    pub weights: &'a Weights,
}

/// What judging reads of two figures beyond their stated values, each as the profiles
/// give it, from records that hold it nearer at hand (the hot records of
/// [`super::hot`], which implement it).
pub trait Records {
    /// The index of the figure's document.
    fn document(&self, index: usize) -> u32;
    fn period(&self, index: usize) -> Option<Period>;
    fn same_kind(&self, a: usize, b: usize) -> bool;
    /// One counted noun, narrowed on one side only ([`Profile::noun_narrowed`]).
    fn one_narrowed(&self, a: usize, b: usize) -> bool;
    /// How many of `a`'s unit one of `b`'s unit is ([`conversion`]).
    fn conversion(&self, profiles: &[Profile], a: usize, b: usize) -> Option<f64>;
}

/// Per profile, what its part of a candidate's id is made of: document, text and
/// value, never a position. In one buffer: a million figures hold a million keys.
pub struct IdKeys {
    text: String,
    ends: Vec<usize>,
}

impl IdKeys {
    pub fn new(profiles: &[Profile], documents: &[String]) -> IdKeys {
        use std::fmt::Write;
        let mut keys = IdKeys {
            text: String::new(),
            ends: Vec::with_capacity(profiles.len()),
        };
        // As `format!("{document}|{lowercase text}|{low}|{high}")` writes it, without
        // a string for each text or the float formatting of whole numbers.
        let whole = |v: f64| (v.fract() == 0.0 && v.abs() < 1e15 && v != 0.0).then_some(v as i64);
        for profile in profiles {
            let text = &mut keys.text;
            text.push_str(&documents[profile.document as usize]);
            text.push('|');
            let figure = &profile.value.text;
            if figure.is_ascii() {
                let start = text.len();
                text.push_str(figure);
                text[start..].make_ascii_lowercase();
            } else {
                text.push_str(&figure.to_lowercase());
            }
            for v in [profile.value.stated.low, profile.value.stated.high] {
                text.push('|');
                let _ = match whole(v) {
                    Some(n) => write!(text, "{n}"),
                    None => write!(text, "{v}"),
                };
            }
            keys.ends.push(keys.text.len());
        }
        keys.text.shrink_to_fit();
        keys
    }

    /// The key of profile `index`.
    pub fn get(&self, index: usize) -> &str {
        &self.text[self.range(index)]
    }

    fn range(&self, index: usize) -> std::ops::Range<usize> {
        index.checked_sub(1).map_or(0, |i| self.ends[i])..self.ends[index]
    }

    /// The id of a candidate of figures `a` and `b` with this verdict.
    pub fn id(&self, a: usize, b: usize, verdict: Verdict) -> Fingerprint {
        let mut keys = [self.get(a), self.get(b)];
        keys.sort();
        fingerprint("discovered", verdict, &keys)
    }

    /// Gives each candidate its id. The keys of the partners lie anywhere in the text:
    /// those of the candidates a few ahead are fetched while one is hashed.
    pub fn name(&self, candidates: &mut [Candidate]) {
        const AHEAD: usize = 8;
        for at in 0..candidates.len() {
            if let Some(ahead) = candidates.get(at + AHEAD) {
                let range = self.range(ahead.b as usize);
                prefetch(self.text.as_bytes()[range.start..].as_ptr());
            }
            if let Some(ahead) = candidates.get(at + 2 * AHEAD) {
                prefetch(&self.ends[(ahead.b as usize).saturating_sub(1)]);
            }
            let c = &candidates[at];
            let id = self.id(c.a as usize, c.b as usize, c.verdict);
            candidates[at].id = id;
        }
    }
}

/// How a figure reads to reconciliation, in its own unit or (`factor`) another, and
/// named by `text`.
fn view<'p>(p: &'p Profile, factor: Option<f64>, text: &'p str) -> ClaimView<'p> {
    view_of(p.value.stated, p.period, factor, text)
}

/// [`view`] of a figure that states `stated` over `period`.
fn view_of(
    stated: crate::value::Stated,
    period: Option<Period>,
    factor: Option<f64>,
    text: &str,
) -> ClaimView<'_> {
    ClaimView {
        stated: factor.map_or(stated, |f| stated.scaled(f)),
        text,
        period,
        scale: factor.unwrap_or(1.0),
    }
}

/// What the two figures are called in a reason: as shown, with their units when they
/// are stated in two ("about 145 square km", "about 1,450 hectares").
fn names(a: &Profile, b: &Profile) -> (String, String) {
    let with_unit = |p: &Profile| match &p.value.unit {
        Some(unit) if conversion(a, b).is_some() => format!("{} {unit}", p.shown()),
        _ => p.shown(),
    };
    (with_unit(a), with_unit(b))
}

/// The two figures as reconciliation reads them, `b` in `a`'s unit.
fn views<'p>(
    a: &'p Profile,
    b: &'p Profile,
    (ta, tb): &'p (String, String),
) -> (ClaimView<'p>, ClaimView<'p>) {
    (view(a, None, ta), view(b, conversion(a, b), tb))
}

fn readings(a: &ClaimView, b: &ClaimView, tolerances: &Tolerances) -> (Reading, Reading) {
    (
        Reading::of(&a.stated, tolerances),
        Reading::of(&b.stated, tolerances),
    )
}

/// The verdict and diagnosis `check` would give the two figures.
fn judgement(a: &Profile, b: &Profile, tolerances: &Tolerances) -> Judgement {
    let texts = (String::new(), String::new());
    let (va, vb) = views(a, b, &texts);
    let (ra, rb) = readings(&va, &vb, tolerances);
    let cumulative = a.value.kind == Kind::Count;
    judge((&va, &ra), (&vb, &rb), cumulative)
}

/// The one sentence that explains a candidate's verdict, as `check` words it.
pub fn reason(a: &Profile, b: &Profile, candidate: &Candidate, tolerances: &Tolerances) -> String {
    let texts = names(a, b);
    let (va, vb) = views(a, b, &texts);
    let (ra, rb) = readings(&va, &vb, tolerances);
    let judgement = Judgement {
        verdict: candidate.verdict,
        diagnosis: candidate.diagnosis,
    };
    explain((&va, &ra), (&vb, &rb), judgement)
}

/// Why a candidate was proposed.
pub fn evidence(a: &Profile, b: &Profile, candidate: &Candidate, words: &[String]) -> Evidence {
    Evidence {
        shared_words: shared_words(a, b, words),
        similarity: f64::from(candidate.similarity),
        same_noun: a
            .noun_id
            .filter(|_| a.noun_id == b.noun_id)
            .map(|id| words[id as usize].clone()),
        periods: (a.period, b.period),
        voices: (
            a.attributed_to.as_deref().map(str::to_string),
            b.attributed_to.as_deref().map(str::to_string),
        ),
        rebuttal: a.rebuttal || b.rebuttal,
    }
}

/// The candidate that `a` and `b` make, with its confidence, given their features
/// (`x`, [`features`]); its id is given later ([`IdKeys::name`]).
pub fn candidate(
    corpus: &Corpus,
    a: usize,
    b: usize,
    similarity: f32,
    x: &[f64; FEATURE_COUNT],
    judging: &mut Judging,
) -> Option<Candidate> {
    let Corpus {
        profiles,
        hot,
        weights,
    } = *corpus;
    let bars = &judging.bars;
    // The verdict picks the weights, and judging costs more than scoring: a pair
    // that neither set of weights lifts to its bar is never judged, and a pair that
    // could pass only as an agreement (or only as a disagreement) is judged no
    // further than it takes to know which it is.
    // Agreements are kept down to the bar at which one could outweigh a disagreement
    // at `min_confidence` ([`settling_bar`]): they may settle it, then are dropped.
    let (z_agreeing, z_disagreeing) = (
        linear(x, &weights.agreeing),
        linear(x, &weights.disagreeing),
    );
    let may_agree = bars.agreeing.met(z_agreeing);
    // Two values that differ, whose telling words neither shares and whose contexts
    // are barely alike, are joined by nothing but their kind or unit: unless their digits or a correction join them,
    // they are two quantities.
    let joined_by_kind_alone = x[CORE_MISSING] >= 1.0
        && similarity < WEAK_SIMILARITY
        && x[SLIPPED_DIGITS] == 0.0
        && x[CORRECTION] == 0.0;
    let mut may_disagree = !joined_by_kind_alone && bars.disagreeing.met(z_disagreeing);
    if !may_agree && !may_disagree {
        return None;
    }
    // Of `b`, only the stated value is read from its profile (and, for a conflict,
    // who asserts it, or more for a figure of the same document): the rest is in its
    // hot record, and its profile's other cache lines are not waited for.
    let (pa, pb) = (&profiles[a], &profiles[b]);
    // A counted noun narrowed on one side only ("14 alternate members" against "139
    // members", "310 seasonal workers" against "1,450 workers") counts a part of what
    // the other counts: two quantities, unless their digits or a correction join them.
    if hot.one_narrowed(a, b) && x[SLIPPED_DIGITS] == 0.0 && x[CORRECTION] == 0.0 {
        may_disagree = false;
    }
    // Two different spans of time are the lengths of two intervals (a term served, a
    // window of rainfall, an age), and two different measures of one dimension are of
    // two objects (a road's length, a distance), unless their contexts are much alike
    // or a power of ten slipped between their digits.
    if hot.same_kind(a, b)
        && matches!(pa.value.kind, Kind::Duration | Kind::Measure)
        && x[SLIPPED_DIGITS] == 0.0
        && similarity < SPAN_SIMILARITY
    {
        may_disagree = false;
    }
    let factor = hot.conversion(profiles, a, b);
    let va = view_of(pa.value.stated, hot.period(a), None, "");
    let vb = view_of(pb.value.stated, hot.period(b), factor, "");
    let ra = judging.first_reading(a, &va.stated);
    let rb = Reading::of(&vb.stated, judging.tolerances);
    let (judgement, confidence) = match agreement((&va, &ra), (&vb, &rb)) {
        Some(verdict) if may_agree => (
            Judgement {
                verdict,
                diagnosis: None,
            },
            squash(z_agreeing),
        ),
        None if may_disagree => (
            disagreement((&va, &ra), (&vb, &rb), pa.value.kind == Kind::Count),
            squash(z_disagreeing),
        ),
        _ => return None,
    };
    Some(Candidate {
        id: Fingerprint(0),
        a: a as u32,
        b: b as u32,
        confidence,
        verdict: judgement.verdict,
        diagnosis: judgement.diagnosis,
        tier: tier_of(pa, pb, hot.document(a) == hot.document(b), judgement),
        similarity,
    })
}

/// The candidate of figure `a` and `restatement`, a second statement of the figure
/// `original` is paired with in one document: what reconciliation says of the two, at
/// the confidence of the original pair, when that is a conflict a reader must see.
pub fn carried(
    profiles: &[Profile],
    original: &Candidate,
    a: usize,
    restatement: usize,
    tolerances: &Tolerances,
) -> Option<Candidate> {
    let (pa, pb) = (&profiles[a], &profiles[restatement]);
    let judgement = judgement(pa, pb, tolerances);
    let tier = tier(pa, pb, judgement);
    tier.is_loud().then_some(Candidate {
        id: Fingerprint(0),
        a: a.min(restatement) as u32,
        b: a.max(restatement) as u32,
        confidence: original.confidence,
        verdict: judgement.verdict,
        diagnosis: judgement.diagnosis,
        tier,
        similarity: original.similarity,
    })
}

/// Whether a figure is stated precisely enough that the same value stated again in one
/// document is the same figure restated: a single number, stated as exact, of two
/// significant digits or more ("8.5 per cent", "1,436"); never a vague amount, a range,
/// an approximation ("about 25 per cent") or a round number ("90 per cent", "three").
pub fn restatable(profile: &Profile) -> bool {
    let stated = &profile.value.stated;
    match (stated.value, stated.step) {
        (Some(value), Some(step))
            if !stated.vague && stated.qualifier == Qualifier::Exact && step > 0.0 =>
        {
            (value.abs() / step).round() >= 10.0
        }
        _ => false,
    }
}

/// The features a pair is scored on, by name, in the order of [`features`] and
/// [`WEIGHTS`].
pub const FEATURES: [&str; FEATURE_COUNT] = [
    "bias",
    "context similarity",
    "same counted noun",
    "a generic noun (people)",
    "nouns of two languages",
    "different counted nouns",
    "a counted noun missing",
    "same period",
    "overlapping periods",
    "disjoint periods",
    "offered as a correction",
    "same telling digits or a power of ten slipped, two documents",
    "same sentence",
    "one document, one voice",
    "one document, two voices",
    "a statement of change",
    "a rebuttal nearby",
    "a vague amount",
    "a small number",
    "squared orders of magnitude apart",
    "figures crowding the sentences",
    "share of core words the other lacks",
];

pub const FEATURE_COUNT: usize = 22;

/// A context similarity under which two figures that share no telling word are not
/// compared on their context alone.
const WEAK_SIMILARITY: f32 = 0.25;

/// The context similarity two differing spans of time, or measures, need to be
/// proposed as one quantity. None of the 38 annotated conflicts of the seeds and the
/// four blind corpora is between two such figures without a slip of digits; 7 of
/// their 57 loud candidates were.
const SPAN_SIMILARITY: f32 = 0.5;

/// Where some features are in [`FEATURES`].
const CORRECTION: usize = 10;
const SLIPPED_DIGITS: usize = 11;
const CORE_MISSING: usize = 21;

/// The weight of each feature for pairs whose values agree (within their rounding or
/// wording).
pub const WEIGHTS_AGREEING: [f64; FEATURE_COUNT] = [
    -0.44, 2.91, 1.54, 0.72, 0.00, -0.42, -0.56, 0.29, -0.66, -0.13, 0.00, 0.57, -2.64, -1.25,
    -0.25, 1.95, 0.13, -2.22, -0.76, -2.66, 0.08, -0.39,
];

/// The weights for pairs whose values disagree. Most such pairs are two quantities,
/// and different signals tell the few that are one (a correction, another voice).
pub const WEIGHTS_DISAGREEING: [f64; FEATURE_COUNT] = [
    1.32, 2.87, 0.02, 0.59, 0.00, -0.62, -1.04, 0.74, 0.27, -0.51, 2.08, 3.59, -2.69, -1.82, -0.63,
    0.54, 0.05, -2.52, 0.09, -0.46, -1.12, -1.63,
];

/// The two sets of weights a corpus is scored with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    pub agreeing: [f64; FEATURE_COUNT],
    pub disagreeing: [f64; FEATURE_COUNT],
}

impl Default for Weights {
    fn default() -> Weights {
        Weights {
            agreeing: WEIGHTS_AGREEING,
            disagreeing: WEIGHTS_DISAGREEING,
        }
    }
}

/// The verdict of a pair and its label (1: one quantity, 0: two), when a project's
/// review gives one: both figures keyed by the catalog, or the pair a rejected
/// candidate. `None` otherwise.
pub fn labelled(
    corpus: &Corpus,
    id_keys: &IdKeys,
    a: usize,
    b: usize,
    rejected: &std::collections::HashSet<Fingerprint>,
    tolerances: &Tolerances,
) -> Option<(Verdict, f64)> {
    let (pa, pb) = (&corpus.profiles[a], &corpus.profiles[b]);
    let keyed = pa.quantity.is_some() && pb.quantity.is_some();
    if !keyed && rejected.is_empty() {
        return None;
    }
    let verdict = judgement(pa, pb, tolerances).verdict;
    if keyed {
        let same = if pa.quantity == pb.quantity { 1.0 } else { 0.0 };
        return Some((verdict, same));
    }
    rejected
        .contains(&id_keys.id(a, b, verdict))
        .then_some((verdict, 0.0))
}

/// How much more a positive pair counts than a negative one, for pairs whose values
/// agree and for those whose values disagree. Blocking yields about 6 negatives for each
/// positive among agreeing pairs and about 65 among disagreeing ones; counted alike,
/// the model would put nearly every pair under 0.5 and a reviewer would see almost
/// nothing. Counted this much more, a confidence of 0.5 marks a pair worth a reader's
/// seconds. Chosen by the training corpora's figures at 4, 8 and 16.
pub const POSITIVE_WEIGHT_AGREEING: f64 = 4.0;
pub const POSITIVE_WEIGHT_DISAGREEING: f64 = 16.0;

/// The odds that a candidate's figures measure one quantity, on one scale for agreeing
/// and disagreeing pairs: the model's odds, less the weight its positive pairs were
/// fitted with, so that the two sets of weights can be set against
/// each other.
pub fn calibrated_odds(confidence: f64, agreeing: bool) -> f64 {
    let positive_weight = if agreeing {
        POSITIVE_WEIGHT_AGREEING
    } else {
        POSITIVE_WEIGHT_DISAGREEING
    };
    confidence / (1.0 - confidence).max(f64::MIN_POSITIVE) / positive_weight
}

/// The confidence of an agreement as likely ([`calibrated_odds`]) as a disagreement at
/// `min_confidence`: weaker agreements can never settle a disagreement that is shown.
pub fn settling_bar(min_confidence: f64) -> f64 {
    let odds = calibrated_odds(min_confidence, false) * POSITIVE_WEIGHT_AGREEING;
    (odds / (1.0 + odds)).min(min_confidence)
}

/// Whether two values with this verdict agree, within their rounding or wording.
pub fn agrees(verdict: Verdict) -> bool {
    matches!(
        verdict,
        Verdict::Agreement | Verdict::WithinRounding | Verdict::WithinApproximation
    )
}

/// The features of a pair, each 0 or 1 unless its name says otherwise.
pub fn features(a: &Profile, b: &Profile, similarity: f64) -> [f64; FEATURE_COUNT] {
    let mut f = [0.0; FEATURE_COUNT];
    let flag = |on: bool| if on { 1.0 } else { 0.0 };
    f[0] = 1.0;
    f[1] = similarity;
    match (a.noun_id, b.noun_id) {
        _ if a.noun_id.is_some() && a.noun_id == b.noun_id => f[2] = 1.0,
        // Two units of one dimension: one measure, in two units.
        _ if conversion(a, b).is_some() => f[2] = 1.0,
        // "people" may stand for any counted people: neither for nor against.
        (Some(_), Some(_)) if a.noun_generic || b.noun_generic => f[3] = 1.0,
        // Nouns of two languages that the lexicon does not join: nothing is known.
        (Some(_), Some(_)) if a.noun_cyrillic != b.noun_cyrillic => f[4] = 1.0,
        (Some(_), Some(_)) => f[5] = 1.0,
        // Shares carry no counted noun: its absence says nothing.
        (None, None) if a.value.stated.percent && b.value.stated.percent => {}
        _ => f[6] = 1.0,
    }
    match (a.period, b.period) {
        (Some(x), Some(y)) if x == y => f[7] = 1.0,
        (Some(x), Some(y)) if x.overlaps(&y) => f[8] = 1.0,
        (Some(_), Some(_)) => f[9] = 1.0,
        _ => {}
    }
    let correction = corrects(a, b);
    f[10] = flag(correction);
    f[11] = flag(a.document != b.document && (same_digits(a, b) || scale_slipped(a, b)));
    if a.document == b.document && !correction {
        if a.sentence_span == b.sentence_span {
            f[12] = 1.0;
        } else if voice(a) == voice(b) {
            f[13] = 1.0;
        } else {
            f[14] = 1.0;
        }
    }
    f[15] = flag(a.change || b.change);
    f[16] = flag(a.rebuttal || b.rebuttal);
    f[17] = flag(a.value.stated.vague || b.value.stated.vague);
    let small = |p: &Profile| !p.value.stated.percent && p.value.stated.high < 10.0;
    f[18] = flag(small(a) || small(b));
    let middle = |p: &Profile| (p.value.stated.low.abs() + p.value.stated.high.abs()) / 2.0;
    // In one unit: 145 km² and 14,500 hectares are the same size.
    let (x, y) = (middle(a), middle(b) * conversion(a, b).unwrap_or(1.0));
    if x > 0.0 && y > 0.0 {
        let orders = (x / y).log10();
        f[19] = (orders * orders).min(9.0);
    }
    // A list or breakdown: several figures in a sentence share its words.
    f[20] = (f64::from(a.neighbours.min(4)) + f64::from(b.neighbours.min(4))) / 2.0;
    f[21] = core_missing(a, b);
    f
}

/// The share of each figure's core words missing from the other's context.
fn core_missing(a: &Profile, b: &Profile) -> f64 {
    core_missing_of(&a.core, &a.context, &b.core, &b.context)
}

/// [`core_missing`] of two figures given by their core words and contexts.
pub fn core_missing_of(
    core_a: &[u32; CORE_WORDS],
    context_a: &[(u32, f32)],
    core_b: &[u32; CORE_WORDS],
    context_b: &[(u32, f32)],
) -> f64 {
    let has = |context: &[(u32, f32)], word: u32| {
        context.binary_search_by_key(&word, |(id, _)| *id).is_ok()
    };
    fn core(core: &[u32; CORE_WORDS]) -> impl Iterator<Item = u32> + '_ {
        core.iter().copied().take_while(|&w| w != NO_WORD)
    }
    let missing = core(core_a).filter(|&w| !has(context_b, w)).count()
        + core(core_b).filter(|&w| !has(context_a, w)).count();
    let total = core(core_a).count() + core(core_b).count();
    if total == 0 {
        0.0
    } else {
        missing as f64 / total as f64
    }
}

/// The weighted sum of the features, which [`squash`] makes a score.
fn linear(features: &[f64; FEATURE_COUNT], weights: &[f64; FEATURE_COUNT]) -> f64 {
    features.iter().zip(weights).map(|(x, w)| x * w).sum()
}

/// The logistic function: a weighted sum as a score in (0, 1).
fn squash(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// The scores a candidate must reach ([`candidate`]): `min_confidence` for a pair
/// whose values disagree, the [`settling_bar`] for one whose values agree.
struct Bars {
    agreeing: Bar,
    disagreeing: Bar,
}

impl Bars {
    fn new(min_confidence: f64) -> Bars {
        Bars {
            agreeing: Bar::new(settling_bar(min_confidence)),
            disagreeing: Bar::new(min_confidence),
        }
    }
}

/// What judging pairs needs: the bars, the tolerances, and the reading of the figure
/// whose partners are judged, one after another: it is the same for each of them.
pub struct Judging<'t> {
    bars: Bars,
    tolerances: &'t Tolerances,
    first: Option<(usize, Reading)>,
}

impl Judging<'_> {
    pub fn new(min_confidence: f64, tolerances: &Tolerances) -> Judging<'_> {
        Judging {
            bars: Bars::new(min_confidence),
            tolerances,
            first: None,
        }
    }

    /// The reading of figure `a`, which states `stated` in its own unit.
    fn first_reading(&mut self, a: usize, stated: &crate::value::Stated) -> Reading {
        match self.first {
            Some((figure, reading)) if figure == a => reading,
            _ => {
                let reading = Reading::of(stated, self.tolerances);
                self.first = Some((a, reading));
                reading
            }
        }
    }
}

/// A score to reach, and the weighted sums clearly above and below it: most pairs
/// are told from their sum, without the exponential of [`squash`]; those near the bar
/// are scored as before. The margin (10⁻⁶ of the sum) moves the score by at least
/// 10⁻¹² (else every pair is scored), far more than the rounding of `squash`, so a
/// sum beyond it is on the same side of the bar as its score.
struct Bar {
    score: f64,
    /// Sums at or above `passes` score at least `score`; sums under `fails` score less.
    passes: f64,
    fails: f64,
}

impl Bar {
    const MARGIN: f64 = 1e-6;

    fn new(score: f64) -> Bar {
        let logit = (score / (1.0 - score)).ln();
        let margin = Bar::MARGIN * logit.abs().max(1.0);
        // Near 0 or 1 (or not a number) the score hardly moves with the sum.
        let moved = score * (1.0 - score) * margin;
        if !logit.is_finite() || moved.is_nan() || moved < 1e-12 {
            return Bar {
                score,
                passes: f64::INFINITY,
                fails: f64::NEG_INFINITY,
            };
        }
        Bar {
            score,
            passes: logit + margin,
            fails: logit - margin,
        }
    }

    /// Whether a pair whose features sum to `z` scores at least the bar.
    fn met(&self, z: f64) -> bool {
        if z >= self.passes {
            true
        } else if z < self.fails {
            false
        } else {
            squash(z) >= self.score
        }
    }
}

/// The two figures share their telling digits: equal, or two of them swapped.
pub fn same_digits(a: &Profile, b: &Profile) -> bool {
    match (a.digits, b.digits) {
        (Some(x), Some(y)) => super::profile::same_or_transposed(x, y),
        _ => false,
    }
}

/// One figure is the other with a power of ten slipped (16,747 and 167,000; 3.5
/// million and 350,000), both precise to at least three significant digits: the slip
/// of a copyist, in any language. Two rounded figures (14 and 139) say nothing.
pub fn scale_slipped(a: &Profile, b: &Profile) -> bool {
    let (x, y) = (&a.value.stated, &b.value.stated);
    let (Some(vx), Some(vy), Some(sx), Some(sy)) = (x.value, y.value, x.step, y.step) else {
        return false;
    };
    slip_precise(a) && slip_precise(b) && slipped_by_a_power_of_ten(vx, vy, sx, sy)
}

/// Whether a figure is precise enough for [`scale_slipped`]: a positive number, not
/// vague, with at least three significant digits.
pub fn slip_precise(p: &Profile) -> bool {
    let stated = &p.value.stated;
    let (Some(value), Some(step)) = (stated.value, stated.step) else {
        return false;
    };
    if stated.vague || value <= 0.0 {
        return false;
    }
    // Written as the test that fails, so that a value that is not a number passes as before.
    let significant = (value / step).log10().floor() + 1.0;
    if significant < 3.0 {
        return false;
    }
    true
}

/// Whether `vx` (to `sx`) is `vy` (to `sy`) with a power of ten slipped, one to three.
pub fn slipped_by_a_power_of_ten(vx: f64, vy: f64, sx: f64, sy: f64) -> bool {
    let ratio = vx / vy;
    // Most pairs are told without a logarithm or a power: away from the half powers of
    // ten (by far more than `log10` can err) the power is known from the ratio, and a
    // pair whose values are far from one slip apart is told with the power as written
    // (which `powf` gives to within a unit in the last place).
    const HALF_POWERS: [f64; 8] = [
        0.000_316_227_766_016_837_94,
        0.003_162_277_660_168_379_5,
        0.031_622_776_601_683_79,
        0.316_227_766_016_837_94,
        3.162_277_660_168_379_5,
        31.622_776_601_683_793,
        316.227_766_016_837_9,
        3_162.277_660_168_379_4,
    ];
    const POWERS: [f64; 7] = [0.001, 0.01, 0.1, 1.0, 10.0, 100.0, 1000.0];
    const CLEAR: f64 = 1e-3;
    let below = HALF_POWERS.partition_point(|&h| h * (1.0 + CLEAR) <= ratio);
    // Clear of the half powers `below - 1` and `below`: the power between them.
    let clear = HALF_POWERS
        .get(below)
        .is_none_or(|&above| ratio < above * (1.0 - CLEAR));
    let power = if clear {
        below as f64 - 4.0
    } else {
        ratio.log10().round()
    };
    if power == 0.0 || power.abs() > 3.0 {
        return false;
    }
    if let Some(&written) = POWERS.get((power + 3.0) as usize) {
        let (gap, allowed) = ((vx - vy * written).abs(), sx.max(sy * written) / 2.0);
        if gap > allowed * (1.0 + CLEAR) + (vx.abs() + (vy * written).abs()) * CLEAR * 1e-6 {
            return false;
        }
    }
    let scale = 10f64.powf(power);
    (vx - vy * scale).abs() <= sx.max(sy * scale) / 2.0
}

/// Whether the later figure is offered, in its own sentence, as the correction of the
/// earlier one a few sentences before it, over the same period ("the real figures show
/// that during these two years 116,885 ..."). Looser periods are left to the context.
pub fn corrects(a: &Profile, b: &Profile) -> bool {
    if a.document == b.document && a.sentence_span == b.sentence_span {
        return corrects_in_sentence(a, b);
    }
    let (first, later) = if a.sentence_number <= b.sentence_number {
        (a, b)
    } else {
        (b, a)
    };
    a.document == b.document
        && later.corrects
        && later.sentence_number > first.sentence_number
        && later.sentence_number - first.sentence_number <= CORRECTION_REACH
        && a.period.is_some()
        && a.period == b.period
}

/// Whether a correction cue stands between two figures of one sentence ("close to
/// 50-60 million, instead of the real figure of about 800,000").
fn corrects_in_sentence(a: &Profile, b: &Profile) -> bool {
    let (first, later) = if a.in_sentence.start <= b.in_sentence.start {
        (a, b)
    } else {
        (b, a)
    };
    later
        .correction_cue
        .is_some_and(|cue| cue >= first.in_sentence.end && cue < later.in_sentence.start)
}

/// Who asserts a figure, as far as its sentence tells: a name, someone unnamed, or
/// the document's own voice (`None`).
fn voice(profile: &Profile) -> Option<&str> {
    match (profile.attributed_to.as_deref(), profile.reported) {
        (Some(name), _) => Some(name),
        (None, true) => Some("someone reported"),
        (None, false) => None,
    }
}

/// Sentences back that a correction may answer.
pub const CORRECTION_REACH: u32 = 3;

/// The tier of a pair with this verdict.
fn tier(a: &Profile, b: &Profile, judgement: Judgement) -> Tier {
    tier_of(a, b, a.document == b.document, judgement)
}

/// [`tier`], told whether the two figures are of one document: the places of
/// figures of two documents are never read.
fn tier_of(a: &Profile, b: &Profile, same_document: bool, judgement: Judgement) -> Tier {
    let verdict = judgement.verdict;
    // Figures of two documents are no correction, and not nearby.
    if agrees(verdict) {
        Tier::Agreement
    } else if same_document && corrects(a, b) {
        Tier::Refuted
    } else if same_document && a.sentence_span == b.sentence_span {
        // Figures of one sentence that differ are nearly always a breakdown or a list.
        Tier::SameVoice
    } else if judgement.diagnosis == Some(Diagnosis::SupersetSmaller) {
        // Whoever says them: a count cannot outgrow the longer period it is part of.
        Tier::PartOf
    } else if same_document && nearby_without_rebuttal(a, b) {
        // A writer who states two different values a sentence or two apart, at most
        // one of them in another's voice, and does not say one is wrong, is telling
        // of two things (a breakdown, a before and after).
        Tier::SameVoice
    } else if verdict == Verdict::ScopeMismatch {
        Tier::Scope
    } else if a.attributed_to.is_some()
        && b.attributed_to.is_some()
        && a.attributed_to != b.attributed_to
    {
        Tier::Attributed
    } else if same_document && voice(a) == voice(b) {
        Tier::SameVoice
    } else {
        Tier::Contradiction
    }
}

/// Figure-bearing sentences apart within which one document's figures are read as
/// one passage.
pub const NEARBY_SENTENCES: u32 = 2;

/// Two figures of one passage of a document (at most [`NEARBY_SENTENCES`] apart), not
/// both in voices other than the writer's, with no rebuttal in sight of either. Two
/// voices set side by side ("the claim that…; according to the report…") are left to
/// the other tiers.
fn nearby_without_rebuttal(a: &Profile, b: &Profile) -> bool {
    a.document == b.document
        && a.sentence_number.abs_diff(b.sentence_number) <= NEARBY_SENTENCES
        && !a.rebuttal
        && !b.rebuttal
        && (voice(a).is_none() || voice(b).is_none())
}

/// The context words both figures share, by the smaller of their two weights.
fn shared_words(a: &Profile, b: &Profile, words: &[String]) -> Vec<String> {
    let mut shared: Vec<(u32, f32)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.context.len() && j < b.context.len() {
        let ((x, wa), (y, wb)) = (a.context[i], b.context[j]);
        match x.cmp(&y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if wa.min(wb) > 0.1 {
                    shared.push((x, wa.min(wb)));
                }
                i += 1;
                j += 1;
            }
        }
    }
    shared.sort_by(|x, y| {
        y.1.total_cmp(&x.1)
            .then_with(|| words[x.0 as usize].cmp(&words[y.0 as usize]))
    });
    shared
        .into_iter()
        .take(6)
        .map(|(id, _)| words[id as usize].clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`slipped_by_a_power_of_ten`] as it was written before its shortcuts.
    fn slipped_plainly(vx: f64, vy: f64, sx: f64, sy: f64) -> bool {
        let power = (vx / vy).log10().round();
        if power == 0.0 || power.abs() > 3.0 {
            return false;
        }
        let scale = 10f64.powf(power);
        (vx - vy * scale).abs() <= sx.max(sy * scale) / 2.0
    }

    #[test]
    fn the_shortcuts_to_a_slipped_power_of_ten_change_no_answer() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut values: Vec<f64> = vec![0.0, -0.0, -5.0, f64::NAN, f64::INFINITY, 1e-300, 1e300];
        // Values about every half power and whole power of ten apart, and at random.
        for k in -8..=8 {
            let base = 10f64.powf(f64::from(k) / 2.0);
            for wobble in [-1e-3, -1e-9, -1e-15, 0.0, 1e-15, 1e-9, 1e-3] {
                values.push(1234.5 * base * (1.0 + wobble));
            }
        }
        for _ in 0..2000 {
            values.push((next() % 10_000_000) as f64 / 10f64.powi((next() % 4) as i32));
        }
        let steps = [0.0, 0.01, 0.5, 1.0, 10.0, 100.0, 1e4, f64::NAN];
        let mut slips = 0;
        for (i, &vx) in values.iter().enumerate() {
            for &vy in values.iter().skip(i % 7).step_by(7) {
                for (sx, sy) in [(steps[i % 8], steps[(i / 8) % 8]), (1.0, 1.0)] {
                    let plain = slipped_plainly(vx, vy, sx, sy);
                    assert_eq!(
                        slipped_by_a_power_of_ten(vx, vy, sx, sy),
                        plain,
                        "{vx} {vy} {sx} {sy}"
                    );
                    slips += usize::from(plain);
                }
                for power in [-3, -2, -1, 1, 2, 3] {
                    let vz = vy * 10f64.powi(power);
                    for vz in [vz, vz + 0.4, vz - 0.6] {
                        let plain = slipped_plainly(vx, vz, 1.0, 1.0);
                        assert_eq!(slipped_by_a_power_of_ten(vx, vz, 1.0, 1.0), plain);
                        slips += usize::from(plain);
                    }
                }
            }
        }
        assert!(slips > 1000, "slips met: {slips}");
    }

    #[test]
    fn id_keys_are_written_as_format_writes_them() {
        use crate::source::Document;
        let document = Document::new(
            "Другой Doc.txt".to_string(),
            "About 1,200 doctors came in 2020. Then 12,345 people left, and 7 more. \
             In 2021, 3.5 per cent stayed, 40 tonnes were shipped and 18 went home."
                .to_string(),
        );
        let figures = crate::extract::extract(&document.text);
        let positions = vec![(1, 1); figures.len()];
        let mut discoverer = super::super::Discoverer::default();
        discoverer.add_document(&document, &figures, &positions);
        let discovered = discoverer.finish(&Tolerances::default());
        let mut profiles = discovered.profiles;
        assert!(profiles.len() >= 6, "{} figures", profiles.len());
        let values = [
            (-0.0, 0.0),
            (0.1, 1200.0),
            (-45.0, 999_999_999_999_999.0),
            (1e15, 1e300),
            (f64::NAN, f64::NEG_INFINITY),
            (12_345.0, 12_345.5),
        ];
        let texts = ["About 1,200 Ärzte", "12,345 PEOPLE", "ΣΟΦΟΣ", "İstanbul 5"];
        for (i, p) in profiles.iter_mut().enumerate() {
            (p.value.stated.low, p.value.stated.high) = values[i % values.len()];
            p.value.text = texts[i % texts.len()].to_string();
        }
        let keys = IdKeys::new(&profiles, &discovered.documents);
        for (i, p) in profiles.iter().enumerate() {
            let expected = format!(
                "{}|{}|{}|{}",
                discovered.documents[p.document as usize],
                p.value.text.to_lowercase(),
                p.value.stated.low,
                p.value.stated.high
            );
            assert_eq!(keys.get(i), expected);
        }
    }
}
