//! Extraction on every core, with output in input order.
//!
//! Two levels: documents go to a pool of workers and come back in the order they
//! were read (a reorder buffer holds the few that finish early, so memory stays
//! bounded by the number of documents in flight); and a large document is cut at
//! paragraph breaks into chunks extracted side by side. Extraction is a pure map
//! from text to figures and nothing crosses a paragraph break, so the figures are
//! the same, byte for byte, whatever the number of threads.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::{Arc, Mutex};
use std::thread;

use crate::extract::{Extractor, Figure};

/// Texts smaller than this are extracted in one piece.
const CHUNK_BYTES: usize = 1 << 20;

/// `extract` reads inputs larger than this in parts ([`crate::input::Documents::in_parts`]),
/// so memory holds a few parts per thread, not a whole input.
pub const PART_BYTES: usize = 4 << 20;

/// The number of threads to use when the user did not say.
pub fn default_threads() -> usize {
    thread::available_parallelism().map_or(1, |n| n.get())
}

/// Cuts `text` into pieces of about `target` bytes that end at a paragraph break
/// ([`paragraph_cut`]), so no sentence is cut.
pub fn paragraph_chunks(text: &str, target: usize) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut chunks = Vec::new();
    let mut start = 0;
    while text.len() - start > target {
        match paragraph_cut(bytes, start + target, true) {
            Ok(cut) => {
                chunks.push(start..cut);
                start = cut;
            }
            Err(_) => break,
        }
    }
    chunks.push(start..text.len());
    chunks
}

/// The first place at or after `from` where `bytes` may be cut into parts that are
/// extracted apart with the same figures as whole: the start of a blank line whose
/// next text starts a sentence (not a lower-case letter, which may end a word
/// hyphenated across the break, nor a digit, which may follow a label such as "p.").
///
/// `Err(resume)` when there is none; unless `complete`, more bytes may still make one,
/// and the search can go on from `resume` once they have come (so a long input without
/// a break is searched once, not once per read).
pub fn paragraph_cut(bytes: &[u8], from: usize, complete: bool) -> Result<usize, usize> {
    let mut search = from;
    while let Some(found) = find_blank_line(bytes, search) {
        let mut next = found;
        while next < bytes.len() && matches!(bytes[next], b' ' | b'\t' | b'\r' | b'\n') {
            next += 1;
        }
        let tail = &bytes[next..bytes.len().min(next + 4)];
        let valid = match std::str::from_utf8(tail) {
            Ok(s) => s,
            Err(error) => std::str::from_utf8(&tail[..error.valid_up_to()]).unwrap_or_default(),
        };
        let Some(c) = valid.chars().next() else {
            // The next text has not been read yet.
            return Err(if complete { bytes.len() } else { found - 1 });
        };
        if !c.is_whitespace() && !c.is_lowercase() && !c.is_ascii_digit() {
            return Ok(found);
        }
        search = found + 1;
    }
    // A line break near the end may begin a blank line once more bytes come.
    let resume = bytes[search.min(bytes.len())..]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(bytes.len(), |p| search + p);
    Err(resume.max(from).min(bytes.len()))
}

/// The start of the next blank line (a line of spaces, tabs or nothing) after `from`.
fn find_blank_line(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while i + 1 < bytes.len() {
        if bytes[i] == b'\n' {
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r') {
                j += 1;
            }
            if j < bytes.len() && bytes[j] == b'\n' {
                return Some(i + 1);
            }
        }
        i += 1;
    }
    None
}

/// What extraction finds in one text.
#[derive(Debug, Default)]
pub struct Extracted {
    /// The figures, in order of position.
    pub figures: Vec<Figure>,
    /// The numerals too large to hold a value, left out ([`Extractor::take_too_large`]).
    pub too_large: Vec<Range<usize>>,
}

/// Runs `extractor` over `text[range]`, with spans counted in the whole `text`.
fn extract_range(text: &str, range: Range<usize>) -> Extracted {
    let mut extractor = Extractor::default();
    let mut figures = Vec::new();
    let offset = range.start;
    extractor.run(&text[range], |mut f| {
        f.span = f.span.start + offset..f.span.end + offset;
        f.sentence = f.sentence.start + offset..f.sentence.end + offset;
        figures.push(f);
    });
    let too_large = extractor
        .take_too_large()
        .into_iter()
        .map(|span| span.start + offset..span.end + offset)
        .collect();
    Extracted { figures, too_large }
}

/// What one text holds, extracted on up to `threads` threads.
pub fn extract(text: &str, threads: usize) -> Extracted {
    if threads <= 1 || text.len() <= CHUNK_BYTES {
        return extract_range(text, 0..text.len());
    }
    let chunks = paragraph_chunks(text, CHUNK_BYTES.max(text.len() / (threads * 4)));
    let next = Arc::new(Mutex::new(0usize));
    let slots: Vec<Mutex<Extracted>> = (0..chunks.len())
        .map(|_| Mutex::new(Extracted::default()))
        .collect();
    thread::scope(|scope| {
        for _ in 0..threads.min(chunks.len()) {
            let next = Arc::clone(&next);
            let chunks = &chunks;
            let slots = &slots;
            scope.spawn(move || loop {
                let index = {
                    let Ok(mut guard) = next.lock() else { return };
                    let index = *guard;
                    *guard += 1;
                    index
                };
                let Some(range) = chunks.get(index) else {
                    return;
                };
                let extracted = extract_range(text, range.clone());
                if let Ok(mut slot) = slots[index].lock() {
                    *slot = extracted;
                }
            });
        }
    });
    let mut whole = Extracted::default();
    for slot in slots {
        let part = slot.into_inner().unwrap_or_default();
        whole.figures.extend(part.figures);
        whole.too_large.extend(part.too_large);
    }
    whole
}

/// Maps `work` over `items` on `threads` threads and hands each result to `emit` in the
/// order the items came, holding at most a few results ahead of the next one due.
pub fn map_in_order<T, R>(
    items: impl Iterator<Item = T> + Send,
    threads: usize,
    work: impl Fn(T) -> R + Sync,
    mut emit: impl FnMut(R),
) where
    T: Send,
    R: Send,
{
    if threads <= 1 {
        for item in items {
            emit(work(item));
        }
        return;
    }
    let in_flight = threads * 2;
    let (job_sender, job_receiver) = sync_channel::<(usize, T)>(in_flight);
    let (result_sender, result_receiver) = sync_channel::<(usize, R)>(in_flight);
    let job_receiver: Arc<Mutex<Receiver<(usize, T)>>> = Arc::new(Mutex::new(job_receiver));
    thread::scope(|scope| {
        let work = &work;
        for _ in 0..threads {
            let jobs = Arc::clone(&job_receiver);
            let results = result_sender.clone();
            scope.spawn(move || loop {
                let job = match jobs.lock() {
                    Ok(guard) => guard.recv(),
                    Err(_) => return,
                };
                let Ok((seq, item)) = job else { return };
                if results.send((seq, work(item))).is_err() {
                    return;
                }
            });
        }
        drop(result_sender);
        scope.spawn(move || {
            for (seq, item) in items.enumerate() {
                if job_sender.send((seq, item)).is_err() {
                    return;
                }
            }
        });
        let mut waiting: BTreeMap<usize, R> = BTreeMap::new();
        let mut due = 0;
        for (seq, result) in result_receiver {
            waiting.insert(seq, result);
            while let Some(result) = waiting.remove(&due) {
                emit(result);
                due += 1;
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_end_at_blank_lines_and_cover_the_text() {
        let text = "A 1.\n\nB 2.\n\nC 3.\n\nD 4.";
        let chunks = paragraph_chunks(text, 4);
        assert_eq!(chunks.first().map(|c| c.start), Some(0));
        assert_eq!(chunks.last().map(|c| c.end), Some(text.len()));
        for pair in chunks.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
            assert!(text[..pair[0].end].ends_with("\n\n") || text[..pair[0].end].ends_with('\n'));
        }
        assert!(chunks.len() > 1);
    }

    #[test]
    fn a_word_hyphenated_across_a_blank_line_is_not_cut() {
        let text = "It exceed-\n\ned 1.3 million people.\n\nNext 5 cases.";
        let chunks = paragraph_chunks(text, 5);
        assert!(chunks
            .iter()
            .all(|c| !text[c.clone()].ends_with("exceed-\n")));
    }

    #[test]
    fn parallel_extraction_equals_serial() {
        let paragraph =
            "In 1937-38, altogether 1,372,392 people were arrested and about 4,000 executed.\n\n";
        let text = paragraph.repeat(40_000);
        let serial = extract(&text, 1).figures;
        let parallel = extract(&text, 4).figures;
        assert_eq!(serial.len(), 80_000);
        assert_eq!(serial, parallel);
    }

    #[test]
    fn numbers_too_large_are_found_in_the_same_places_whatever_the_threads() {
        let paragraph = "In 1937 about 4,000 were executed.\n\n";
        let huge = format!("The ledger shows {} roubles.\n\n", "9".repeat(400));
        let mut text = String::new();
        for k in 0..40_000 {
            text.push_str(if k % 9_999 == 5 { &huge } else { paragraph });
        }
        let serial = extract(&text, 1);
        let parallel = extract(&text, 4);
        assert_eq!(serial.too_large.len(), 4);
        assert_eq!(serial.too_large, parallel.too_large);
        for span in &parallel.too_large {
            assert_eq!(&text[span.clone()], "9".repeat(400));
        }
    }

    #[test]
    fn results_come_back_in_input_order() {
        let mut seen = Vec::new();
        map_in_order(0..1000u64, 4, |n| n * 2, |r| seen.push(r));
        assert_eq!(seen, (0..1000u64).map(|n| n * 2).collect::<Vec<_>>());
    }
}
