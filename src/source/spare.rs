//! Text buffers of documents done with, kept for the next parts of a large input to be
//! read into: a large input then costs a few parts' memory, touched once, not fresh
//! memory for every part. A [`super::Document`] hands its buffer back here when it is
//! dropped, so no caller has to remember to.

use std::sync::Mutex;

static SPARE_BUFFERS: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());

/// Spare buffers kept at most (a few parts per thread are in flight).
const MAX_SPARE_BUFFERS: usize = 8;

/// Buffers kept are those of a part's size: a small text is not worth keeping, and a
/// huge line read whole must not stay in memory.
const SPARE_CAPACITY: std::ops::RangeInclusive<usize> = (1 << 20)..=(16 << 20);

/// Keeps `bytes` for a later part, when it is of a part's size and there is room.
pub(super) fn give_back(bytes: Vec<u8>) {
    if !SPARE_CAPACITY.contains(&bytes.capacity()) {
        return;
    }
    if let Ok(mut spare) = SPARE_BUFFERS.lock() {
        if spare.len() < MAX_SPARE_BUFFERS {
            spare.push(bytes);
        }
    }
}

/// An empty buffer with room for `capacity` bytes, a spare one where there is one.
pub fn spare_buffer(capacity: usize) -> Vec<u8> {
    let spare = SPARE_BUFFERS.lock().ok().and_then(|mut spare| spare.pop());
    let mut buffer = spare.unwrap_or_default();
    buffer.clear();
    buffer.reserve(capacity);
    buffer
}
