//! Extraction on every core, with output in input order.
//!
//! One thread reads the inputs (a large input in parts,
//! [`crate::input::Documents::in_parts`]) and cuts each document at paragraph breaks
//! into pieces of about [`PIECE_BYTES`](crate::split::PIECE_BYTES); the jobs it queues for a pool of workers are
//! one piece each, or several small documents together. A worker extracts a piece and
//! hands its figures to the caller's `work` (rendering them, say), so that every stage
//! but the writing runs on all cores. Results come back in input order (a reorder
//! buffer holds the few that finish early, so memory stays bounded by the jobs in
//! flight). Extraction is a pure map from text to figures and nothing crosses a
//! paragraph break, so the figures are the same, byte for byte, whatever the number
//! of threads.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::{Arc, Mutex};
use std::thread;

use crate::error::Error;
use crate::extract::{Extractor, Figure};
use crate::input::{Item, SkipReason};
use crate::source::Document;
use crate::split::{paragraph_chunks, PIECE_BYTES};

pub use crate::split::PART_BYTES;

/// Tasks in one job at most: small documents go to the workers together, but not
/// so many that a job of empty files holds up the output.
const MAX_TASKS_PER_JOB: usize = 64;

/// Jobs waiting for a worker, per thread: enough that the workers do not wait while
/// the next part of a large input is read.
const JOBS_QUEUED_PER_THREAD: usize = 4;

/// The number of threads to use when the user did not say.
pub fn default_threads() -> usize {
    thread::available_parallelism().map_or(1, |n| n.get())
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

/// One piece of a document, extracted by itself.
#[derive(Debug)]
pub struct Piece<R> {
    /// The document, shared by its pieces.
    pub document: Arc<Document>,
    /// What `work` made of the piece's figures.
    pub result: R,
    /// The document's last piece: after it, the document is done.
    pub last: bool,
}

/// What [`extract_in_order`] hands back, in input order.
#[derive(Debug)]
pub enum Done<R> {
    Piece(Piece<R>),
    /// A path met while walking a folder and deliberately left out.
    Skipped {
        path: PathBuf,
        reason: SkipReason,
    },
    /// An input that could not be used.
    Failed(Error),
}

/// A piece to extract, or an input with nothing to extract, in input order.
enum Task {
    Piece {
        document: Arc<Document>,
        range: Range<usize>,
        last: bool,
    },
    Skipped {
        path: PathBuf,
        reason: SkipReason,
    },
    Failed(Error),
}

impl Task {
    /// The tasks an input makes: a document's pieces, each ending at a paragraph
    /// break ([`paragraph_chunks`]).
    fn of(item: Item) -> Vec<Task> {
        let document = match item {
            Item::Document(document) => document,
            Item::Skipped { path, reason } => return vec![Task::Skipped { path, reason }],
            Item::Failed(error) => return vec![Task::Failed(error)],
        };
        let ranges = paragraph_chunks(&document.text, PIECE_BYTES);
        let count = ranges.len();
        let mut document = Some(Arc::new(document));
        let mut tasks = Vec::with_capacity(count);
        for (index, range) in ranges.into_iter().enumerate() {
            let last = index + 1 == count;
            // The last piece takes the document itself, so that once it is done nothing
            // else holds the text and its buffer can be read into again.
            let shared = if last {
                document.take()
            } else {
                document.clone()
            };
            if let Some(document) = shared {
                tasks.push(Task::Piece {
                    document,
                    range,
                    last,
                });
            }
        }
        tasks
    }

    /// Bytes of text to extract.
    fn bytes(&self) -> usize {
        match self {
            Task::Piece { range, .. } => range.len(),
            Task::Skipped { .. } | Task::Failed(_) => 0,
        }
    }

    fn run<R>(self, work: &impl Fn(&Document, Extracted) -> R) -> Done<R> {
        match self {
            Task::Piece {
                document,
                range,
                last,
            } => {
                let result = work(&document, extract_range(&document.text, range));
                Done::Piece(Piece {
                    document,
                    result,
                    last,
                })
            }
            Task::Skipped { path, reason } => Done::Skipped { path, reason },
            Task::Failed(error) => Done::Failed(error),
        }
    }
}

/// The tasks of `items` in jobs for the workers of about [`PIECE_BYTES`] each: one
/// piece of a large document, or several small documents together, so that a
/// corpus of many small files does not cost a hand-over between threads per file.
struct Jobs<I> {
    items: I,
    /// Tasks of the last input not yet in a job.
    pending: std::vec::IntoIter<Task>,
}

impl<I: Iterator<Item = Item>> Iterator for Jobs<I> {
    type Item = Vec<Task>;

    fn next(&mut self) -> Option<Vec<Task>> {
        let mut job = Vec::new();
        let mut bytes = 0;
        while bytes < PIECE_BYTES && job.len() < MAX_TASKS_PER_JOB {
            let task = match self.pending.next() {
                Some(task) => task,
                None => match self.items.next() {
                    Some(item) => {
                        self.pending = Task::of(item).into_iter();
                        continue;
                    }
                    None => break,
                },
            };
            bytes += task.bytes();
            job.push(task);
        }
        (!job.is_empty()).then_some(job)
    }
}

/// Extracts the figures of every document of `items` on `threads` threads, piece by
/// piece: `work` gets each piece's figures (spans in its whole document) on the thread
/// that found them, and `emit` gets what it made, with the skipped and failed inputs,
/// in input order.
pub fn extract_in_order<R: Send>(
    items: impl Iterator<Item = Item> + Send,
    threads: usize,
    work: impl Fn(&Document, Extracted) -> R + Sync,
    mut emit: impl FnMut(Done<R>),
) {
    let jobs = Jobs {
        items,
        pending: Vec::new().into_iter(),
    };
    map_in_order(
        jobs,
        threads,
        |job| job.into_iter().map(|task| task.run(&work)).collect(),
        |done: Vec<Done<R>>| done.into_iter().for_each(&mut emit),
    );
}

/// Maps `work` over `items` on `threads` threads and hands each result to `emit` in the
/// order the items came, holding at most a few results ahead of the next one due.
fn map_in_order<T, R>(
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
    let (job_sender, job_receiver) = sync_channel::<(usize, T)>(threads * JOBS_QUEUED_PER_THREAD);
    let (result_sender, result_receiver) = sync_channel::<(usize, R)>(threads * 2);
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

    /// What `extract_in_order` finds in `text` on `threads` threads, pieces joined.
    fn extract(text: &str, threads: usize) -> Extracted {
        let items = [Item::Document(Document::new("t", text.to_string()))];
        let mut whole = Extracted::default();
        let mut pieces = 0;
        extract_in_order(
            items.into_iter(),
            threads,
            |_, extracted| extracted,
            |done| {
                if let Done::Piece(piece) = done {
                    whole.figures.extend(piece.result.figures);
                    whole.too_large.extend(piece.result.too_large);
                    pieces += 1;
                }
            },
        );
        assert!(pieces >= 1);
        whole
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
    fn a_large_document_comes_back_in_pieces_in_order_and_whole_at_the_last() {
        let text = "In 1956 about 4,000 died.\n\n".repeat(40_000);
        let items = [
            Item::Document(Document::new("a", text.clone())),
            Item::Document(Document::new("b", "Only 7.".to_string())),
        ];
        let mut seen = Vec::new();
        extract_in_order(
            items.into_iter(),
            2,
            |_, extracted| extracted.figures.first().map(|f| f.span.start),
            |done| {
                if let Done::Piece(piece) = done {
                    let whole = piece.last.then(|| Arc::strong_count(&piece.document));
                    seen.push((piece.document.name.clone(), piece.result, whole));
                }
            },
        );
        let pieces_of_a = text.len().div_ceil(PIECE_BYTES);
        assert!(seen.len() >= pieces_of_a);
        let starts_in_a: Vec<usize> = seen
            .iter()
            .filter(|(name, _, _)| name == "a")
            .filter_map(|(_, start, _)| *start)
            .collect();
        assert!(starts_in_a.windows(2).all(|pair| pair[0] < pair[1]));
        let lasts: Vec<_> = seen
            .iter()
            .filter(|(_, _, whole)| whole.is_some())
            .collect();
        assert_eq!(lasts.len(), 2);
        // At its last piece, a document is held by nothing else.
        assert!(lasts.iter().all(|(_, _, whole)| *whole == Some(1)));
        assert_eq!(seen.last().map(|(name, _, _)| name.as_str()), Some("b"));
    }

    #[test]
    fn small_documents_go_to_the_workers_together() {
        let small =
            (0..100).map(|i| Item::Document(Document::new(format!("d{i}"), "7 cats.".into())));
        let large = Item::Document(Document::new(
            "big",
            "In 1956 about 4,000 died.\n\n".repeat(40_000),
        ));
        let jobs: Vec<Vec<Task>> = Jobs {
            items: small.chain([large]),
            pending: Vec::new().into_iter(),
        }
        .collect();
        let sizes: Vec<usize> = jobs.iter().map(Vec::len).collect();
        // 100 small documents in two jobs; the large one's pieces one to a job, but
        // the first, which joins the last small documents.
        assert_eq!(sizes[0], MAX_TASKS_PER_JOB);
        assert_eq!(sizes[1], 100 - MAX_TASKS_PER_JOB + 1);
        assert!(sizes[2..].iter().all(|&n| n == 1));
        let bytes = |job: &Vec<Task>| job.iter().map(Task::bytes).sum::<usize>();
        assert!(jobs[2..].iter().all(|job| bytes(job) < 2 * PIECE_BYTES));
    }

    #[test]
    fn results_come_back_in_input_order() {
        let mut seen = Vec::new();
        map_in_order(0..1000u64, 4, |n| n * 2, |r| seen.push(r));
        assert_eq!(seen, (0..1000u64).map(|n| n * 2).collect::<Vec<_>>());
    }
}
