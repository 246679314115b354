//! What pairing reads of a figure for nearly every pair it examines, one cache line a
//! figure in one array: where its context lies and its length, its document, counted
//! noun, period, telling digits, the middle of its value and the flags the score
//! reads. A profile spans five cache lines and lies anywhere in memory; read for each
//! of millions of pairs, it made discovery wait on memory. Figures of two documents
//! are scored from these records and their contexts alone ([`HotTable::features`],
//! equal to [`score::features`] to the bit); the profile is read for the pairs that
//! are judged, and for figures of one document, whose features need their places in it.

use std::collections::HashMap;

use super::profile::{self, Profile, NO_WORD};
use super::score::{self, Records, FEATURE_COUNT};
use super::words::FastHash;
use crate::extract::Period;

/// Flags of a [`Hot`] record.
const KEYED: u16 = 1;
const GENERIC: u16 = 1 << 1;
const CYRILLIC: u16 = 1 << 2;
const PERCENT: u16 = 1 << 3;
const VAGUE: u16 = 1 << 4;
const SMALL: u16 = 1 << 5;
const CHANGE: u16 = 1 << 6;
const REBUTTAL: u16 = 1 << 7;
const HAS_PERIOD: u16 = 1 << 8;
const OPEN_END: u16 = 1 << 9;
const HAS_DIGITS: u16 = 1 << 10;
/// Precise enough for a slipped power of ten ([`score::scale_slipped`]), its value
/// being `middle` and its step in the step table.
const SLIP: u16 = 1 << 11;
/// Precise enough, but its value or step is read from the profile.
const SLIP_COLD: u16 = 1 << 12;
/// Its core words are read from the profile (a context too long to index them).
const CORE_COLD: u16 = 1 << 13;
/// Its dimension is read from the profile (more dimensions or factors than a byte counts).
const DIMENSION_COLD: u16 = 1 << 14;
/// Its counted noun is narrowed ([`Profile::noun_narrowed`]).
const NARROWED: u16 = 1 << 15;

/// An empty place among the core words, as indices into the context.
const NO_INDEX: u16 = u16::MAX;
/// No counted noun.
const NO_NOUN: u32 = u32::MAX;

/// One figure's hot record.
#[derive(Debug, Clone, Copy)]
#[repr(C, align(64))]
pub struct Hot<'a> {
    /// Its profile's context.
    pub context: &'a [(u32, f32)],
    /// The middle of its value, `(|low| + |high|) / 2`.
    middle: f64,
    digits: u64,
    pub document: u32,
    noun: u32,
    /// The length of its weighted context ([`super::Weighting`]).
    pub norm: f32,
    period_start: i32,
    period_end: i32,
    /// Its core words, as indices into its context.
    core: [u16; 3],
    flags: u16,
    /// Other figures of its sentence, at most 4 (all the score counts), in the low
    /// three bits; its kind (`Kind as u8`) above them.
    neighbours_kind: u8,
    /// Its dimension (1 and on, 0 for none) and its unit's factor, by number in the
    /// table's lists.
    dimension: u8,
    factor: u8,
    step: u8,
}

impl Hot<'_> {
    /// The catalog keys it to a quantity.
    fn keyed(&self) -> bool {
        self.has(KEYED)
    }

    fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }

    /// Its sentence or the one before says a figure is wrong ([`Profile::rebuttal`]).
    pub fn rebuttal(&self) -> bool {
        self.has(REBUTTAL)
    }

    fn noun(&self) -> Option<u32> {
        (self.noun != NO_NOUN).then_some(self.noun)
    }

    fn neighbours(&self) -> u8 {
        self.neighbours_kind & 7
    }

    fn kind(&self) -> u8 {
        self.neighbours_kind >> 3
    }

    fn period(&self) -> Option<Period> {
        self.has(HAS_PERIOD).then_some(Period {
            start: self.period_start,
            end: self.period_end,
            open_end: self.has(OPEN_END),
        })
    }
}

/// Every figure's hot record, by figure, and the values their bytes number.
pub struct HotTable<'a> {
    pub records: Vec<Hot<'a>>,
    /// Each figure's block by number ([`score::block`]): only figures of one block are
    /// compared.
    pub blocks: Vec<u32>,
    dimensions: Vec<&'static str>,
    factors: Vec<f64>,
    steps: Vec<f64>,
}

/// The number of `value` in `table`, added if new; `None` once 255 values are numbered.
fn number<T: Copy>(table: &mut Vec<T>, value: T, same: impl Fn(&T, &T) -> bool) -> Option<u8> {
    if let Some(at) = table.iter().position(|t| same(t, &value)) {
        return u8::try_from(at).ok();
    }
    if table.len() >= usize::from(u8::MAX) {
        return None;
    }
    table.push(value);
    u8::try_from(table.len() - 1).ok()
}

impl<'a> HotTable<'a> {
    /// The records of `profiles`, whose vectors have the lengths `norms` and whose
    /// core words are at `core_places` in their contexts (`u16::MAX` for none, or too
    /// far to index).
    pub fn new(profiles: &'a [Profile], norms: &[f32], core_places: &[[u16; 3]]) -> HotTable<'a> {
        let mut table = HotTable {
            records: Vec::with_capacity(profiles.len()),
            blocks: Vec::with_capacity(profiles.len()),
            dimensions: Vec::new(),
            factors: Vec::new(),
            steps: Vec::new(),
        };
        let mut block_numbers: HashMap<u64, u32, FastHash> = HashMap::default();
        for ((p, &norm), places) in profiles.iter().zip(norms).zip(core_places) {
            let next = block_numbers.len() as u32;
            table
                .blocks
                .push(*block_numbers.entry(score::block(p)).or_insert(next));
            let record = table.record(p, norm, places);
            table.records.push(record);
        }
        table
    }

    fn record(&mut self, p: &'a Profile, norm: f32, core_places: &[u16; 3]) -> Hot<'a> {
        let stated = &p.value.stated;
        let mut flags = 0;
        let mut set = |flag: u16, on: bool| {
            if on {
                flags |= flag;
            }
        };
        set(KEYED, p.quantity.is_some());
        set(GENERIC, p.noun_generic);
        set(CYRILLIC, p.noun_cyrillic);
        set(PERCENT, stated.percent);
        set(VAGUE, stated.vague);
        set(SMALL, !stated.percent && stated.high < 10.0);
        set(CHANGE, p.change);
        set(REBUTTAL, p.rebuttal);
        set(HAS_PERIOD, p.period.is_some());
        set(OPEN_END, p.period.is_some_and(|period| period.open_end));
        set(HAS_DIGITS, p.digits.is_some());
        set(NARROWED, p.noun_narrowed);
        let middle = (stated.low.abs() + stated.high.abs()) / 2.0;
        let mut step = 0;
        if score::slip_precise(p) {
            let value = stated.value.unwrap_or(f64::NAN);
            let numbered = stated
                .step
                .and_then(|s| number(&mut self.steps, s, |x, y| x.to_bits() == y.to_bits()));
            match numbered {
                Some(n) if value.to_bits() == middle.to_bits() => {
                    step = n;
                    set(SLIP, true);
                }
                _ => set(SLIP_COLD, true),
            }
        }
        let (mut dimension, mut factor) = (0, 0);
        if let Some((name, f)) = p.dimension {
            let numbered = number(&mut self.dimensions, name, |x, y| x == y).zip(number(
                &mut self.factors,
                f,
                |x, y| x.to_bits() == y.to_bits(),
            ));
            match numbered {
                Some((d, n)) => (dimension, factor) = (d + 1, n),
                _ => set(DIMENSION_COLD, true),
            }
        }
        let mut core = [NO_INDEX; 3];
        for ((place, &word), &at) in core.iter_mut().zip(&p.core).zip(core_places) {
            if word == NO_WORD {
                continue;
            }
            if at < NO_INDEX {
                *place = at;
            } else {
                set(CORE_COLD, true);
            }
        }
        let period = p.period.unwrap_or(Period::year(0));
        let kind = p.value.kind as u8;
        assert!(
            kind < 32,
            "a kind fits above the three bits of the neighbours"
        );
        Hot {
            context: &p.context,
            middle,
            digits: p.digits.unwrap_or(0),
            document: p.document,
            noun: p.noun_id.unwrap_or(NO_NOUN),
            norm,
            period_start: period.start,
            period_end: period.end,
            core,
            flags,
            neighbours_kind: p.neighbours.min(4) as u8 | kind << 3,
            dimension,
            factor,
            step,
        }
    }

    /// The two figures share their telling digits ([`score::same_digits`]).
    fn same_digits(&self, a: usize, b: usize) -> bool {
        let (ha, hb) = (&self.records[a], &self.records[b]);
        ha.has(HAS_DIGITS)
            && hb.has(HAS_DIGITS)
            && profile::same_or_transposed(ha.digits, hb.digits)
    }

    /// One figure is the other with a power of ten slipped ([`score::scale_slipped`]).
    fn scale_slipped(&self, profiles: &[Profile], a: usize, b: usize) -> bool {
        let (ha, hb) = (&self.records[a], &self.records[b]);
        let precise = |h: &Hot| h.flags & (SLIP | SLIP_COLD) != 0;
        if !precise(ha) || !precise(hb) {
            return false;
        }
        if ha.has(SLIP_COLD) || hb.has(SLIP_COLD) {
            return score::scale_slipped(&profiles[a], &profiles[b]);
        }
        let (vx, vy) = (ha.middle, hb.middle);
        let (sx, sy) = (
            self.steps[usize::from(ha.step)],
            self.steps[usize::from(hb.step)],
        );
        score::slipped_by_a_power_of_ten(vx, vy, sx, sy)
    }

    /// The core words of figure `index`, as [`Profile::core`] holds them.
    fn core(&self, profiles: &[Profile], index: usize) -> [u32; 3] {
        let hot = &self.records[index];
        if hot.has(CORE_COLD) {
            return profiles[index].core;
        }
        hot.core.map(|at| {
            if at == NO_INDEX {
                NO_WORD
            } else {
                hot.context[usize::from(at)].0
            }
        })
    }

    /// The features of figures `a` and `b` whose contexts have this similarity, as
    /// [`score::features`] gives them; `None` for a pair that is no candidate whatever
    /// its score (both keyed by the catalog, or nothing shared: no context, digits or
    /// correction). Figures of two documents are scored from their hot records; those
    /// of one document need their places in it, read from their profiles.
    pub fn features(
        &self,
        profiles: &[Profile],
        a: usize,
        b: usize,
        similarity: f32,
    ) -> Option<[f64; FEATURE_COUNT]> {
        let (ha, hb) = (&self.records[a], &self.records[b]);
        // Two figures the catalog keys are its business, not discovery's.
        if ha.keyed() && hb.keyed() {
            return None;
        }
        if ha.document != hb.document {
            if similarity <= 0.0 && !self.same_digits(a, b) {
                return None;
            }
            return Some(self.features_apart(profiles, a, b, f64::from(similarity)));
        }
        let (pa, pb) = (&profiles[a], &profiles[b]);
        if similarity <= 0.0 && !score::corrects(pa, pb) && !score::same_digits(pa, pb) {
            return None;
        }
        Some(score::features(pa, pb, f64::from(similarity)))
    }

    /// The features of two figures of two documents, as [`score::features`] gives
    /// them, read from their hot records and contexts.
    fn features_apart(
        &self,
        profiles: &[Profile],
        a: usize,
        b: usize,
        similarity: f64,
    ) -> [f64; FEATURE_COUNT] {
        let (ha, hb) = (&self.records[a], &self.records[b]);
        debug_assert_ne!(ha.document, hb.document);
        let mut f = [0.0; FEATURE_COUNT];
        let flag = |on: bool| if on { 1.0 } else { 0.0 };
        f[0] = 1.0;
        f[1] = similarity;
        let conversion = self.conversion(profiles, a, b);
        let (na, nb) = (ha.noun(), hb.noun());
        match (na, nb) {
            _ if na.is_some() && na == nb => f[2] = 1.0,
            _ if conversion.is_some() => f[2] = 1.0,
            (Some(_), Some(_)) if ha.has(GENERIC) || hb.has(GENERIC) => f[3] = 1.0,
            (Some(_), Some(_)) if ha.has(CYRILLIC) != hb.has(CYRILLIC) => f[4] = 1.0,
            (Some(_), Some(_)) => f[5] = 1.0,
            (None, None) if ha.has(PERCENT) && hb.has(PERCENT) => {}
            _ => f[6] = 1.0,
        }
        match (ha.period(), hb.period()) {
            (Some(x), Some(y)) if x == y => f[7] = 1.0,
            (Some(x), Some(y)) if x.overlaps(&y) => f[8] = 1.0,
            (Some(_), Some(_)) => f[9] = 1.0,
            _ => {}
        }
        // Two documents: no correction, no shared sentence or voice (10, 12 to 14).
        f[11] = flag(self.same_digits(a, b) || self.scale_slipped(profiles, a, b));
        f[15] = flag(ha.has(CHANGE) || hb.has(CHANGE));
        f[16] = flag(ha.has(REBUTTAL) || hb.has(REBUTTAL));
        f[17] = flag(ha.has(VAGUE) || hb.has(VAGUE));
        f[18] = flag(ha.has(SMALL) || hb.has(SMALL));
        let (x, y) = (ha.middle, hb.middle * conversion.unwrap_or(1.0));
        if x > 0.0 && y > 0.0 {
            let orders = (x / y).log10();
            f[19] = (orders * orders).min(9.0);
        }
        f[20] = (f64::from(ha.neighbours()) + f64::from(hb.neighbours())) / 2.0;
        f[21] = score::core_missing_of(
            &self.core(profiles, a),
            ha.context,
            &self.core(profiles, b),
            hb.context,
        );
        f
    }
}

/// Judging reads these of the hot records, to the bit as of the profiles.
impl score::Records for HotTable<'_> {
    /// The document of figure `index`.
    fn document(&self, index: usize) -> u32 {
        self.records[index].document
    }

    /// The period of figure `index`, as its profile holds it.
    fn period(&self, index: usize) -> Option<Period> {
        self.records[index].period()
    }

    /// The two figures are of one kind ([`crate::value::Value::kind`]).
    fn same_kind(&self, a: usize, b: usize) -> bool {
        self.records[a].kind() == self.records[b].kind()
    }

    /// The two figures count one noun, narrowed in one of them only ("14 alternate
    /// members" and "139 members"): read as
    /// [`score::candidate`] reads the profiles.
    fn one_narrowed(&self, a: usize, b: usize) -> bool {
        let (ha, hb) = (&self.records[a], &self.records[b]);
        ha.noun().is_some() && ha.noun() == hb.noun() && ha.has(NARROWED) != hb.has(NARROWED)
    }

    /// How many of `a`'s unit one of `b`'s unit is ([`score::conversion`]).
    fn conversion(&self, profiles: &[Profile], a: usize, b: usize) -> Option<f64> {
        let (ha, hb) = (&self.records[a], &self.records[b]);
        if ha.has(DIMENSION_COLD) || hb.has(DIMENSION_COLD) {
            return score::conversion(&profiles[a], &profiles[b]);
        }
        if ha.dimension == 0 || ha.dimension != hb.dimension {
            return None;
        }
        let (fa, fb) = (
            self.factors[usize::from(ha.factor)],
            self.factors[usize::from(hb.factor)],
        );
        (fa != fb).then(|| fb / fa)
    }
}

// One cache line a figure.
const _: () = assert!(std::mem::size_of::<Hot>() == 64);
