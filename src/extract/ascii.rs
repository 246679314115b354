//! ASCII byte classes worked out eight bytes at a time in ordinary registers: which
//! bytes of a block of text are letters, and which are outside ASCII.
//! Most text is ASCII, and deciding each byte on its own costs a branch that the
//! processor guesses wrong at the end of every word.
//!
//! Also where a word ends ([`word_end`]), quick over ASCII letters: the tokeniser and
//! the quick look of the starters must read words alike, and both take it from here.

/// White space in ASCII as `char::is_whitespace` has it (`u8::is_ascii_whitespace`
/// leaves out the vertical tab, which the tokeniser takes for white space).
pub fn is_space(byte: u8) -> bool {
    matches!(byte, b'\t'..=b'\r' | b' ')
}

/// Sixty-four bytes of text as bit masks, bit `k` for byte `k`: worked out eight bytes
/// at a time in ordinary registers.
pub struct Block {
    /// Bytes outside ASCII.
    pub high: u64,
    /// ASCII letters.
    pub letters: u64,
}

impl Block {
    pub const BYTES: usize = 64;

    pub fn of(bytes: &[u8]) -> Block {
        let mut block = Block {
            high: 0,
            letters: 0,
        };
        for (k, eight) in bytes.chunks_exact(8).take(8).enumerate() {
            let mut lane = [0u8; 8];
            lane.copy_from_slice(eight);
            let lane = u64::from_le_bytes(lane);
            block.high |= gather(lane & HIGH) << (8 * k);
            block.letters |= gather(letters(lane)) << (8 * k);
        }
        block
    }

    /// The block at `bytes[start..]`, with the bytes past `end` (or past the 64th)
    /// taken for zeros: neither letters nor white space.
    pub fn at(bytes: &[u8], start: usize, end: usize) -> Block {
        match bytes.get(start..start + Block::BYTES) {
            // Read where it is, and the bits of the bytes past `end` cleared: a block at
            // the end of a sentence in a longer text is not copied.
            Some(whole) => {
                let block = Block::of(whole);
                let kept = Block::span(0, end.saturating_sub(start));
                Block {
                    high: block.high & kept,
                    letters: block.letters & kept,
                }
            }
            None => {
                let mut padded = [0u8; Block::BYTES];
                let tail = &bytes[start..end.min(start + Block::BYTES)];
                padded[..tail.len()].copy_from_slice(tail);
                Block::of(&padded)
            }
        }
    }

    /// The bits `from..to`.
    pub fn span(from: usize, to: usize) -> u64 {
        let below = |n: usize| 1u64.checked_shl(n as u32).map_or(u64::MAX, |bit| bit - 1);
        below(to) & !below(from)
    }
}

/// `byte` in each of eight bytes.
fn splat(byte: u8) -> u64 {
    u64::from(byte) * 0x0101_0101_0101_0101
}

/// The high bits of eight bytes as the eight low bits of a number, byte `k` to bit `k`.
fn gather(high_bits: u64) -> u64 {
    ((high_bits >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
}

const HIGH: u64 = 0x8080_8080_8080_8080;
const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;

/// The high bit of each byte of `lane` that is an ASCII letter.
fn letters(lane: u64) -> u64 {
    let high = lane & HIGH;
    let folded = (lane & LOW7) | splat(0x20);
    at_least(folded, b'a') & !at_least(folded, b'z' + 1) & !high
}

/// The high bit of each byte of `low7` (bytes below 0x80) that is at least `b`: adding
/// `0x80 - b` sets it, and no byte carries into the next.
fn at_least(low7: u64, b: u8) -> u64 {
    low7.wrapping_add(splat(0x80 - b)) & HIGH
}

/// End of a word: letters, combining marks, and inner apostrophes ("Party's", "don't").
#[inline]
pub fn word_end(text: &str, start: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    let mut pos = start;
    while pos < end && bytes[pos].is_ascii_alphabetic() {
        pos += 1;
    }
    // Most words end at an ASCII byte that is neither a letter nor an apostrophe.
    if pos == end || (bytes[pos].is_ascii() && bytes[pos] != b'\'') {
        return pos;
    }
    let start = pos;
    let mut chars = text[start..end].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphabetic() || is_combining(c) {
            pos = start + i + c.len_utf8();
        } else if matches!(c, '\'' | '\u{2019}') {
            match chars.peek() {
                Some(&(_, next)) if next.is_alphabetic() => {}
                _ => break,
            }
        } else {
            break;
        }
    }
    pos
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_marks_each_letter_of_ascii() {
        for byte in 0..=0x7fu8 {
            for at in [0, 7, 8, 31, 63] {
                let mut bytes = [b'.'; Block::BYTES];
                bytes[at] = byte;
                let block = Block::of(&bytes);
                assert_eq!(block.high, 0);
                let bit = 1u64 << at;
                assert_eq!(
                    block.letters & bit != 0,
                    byte.is_ascii_alphabetic(),
                    "{byte:#x}"
                );
                assert_eq!(block.letters & !bit, 0, "{byte:#x} at {at}");
            }
        }
    }

    #[test]
    fn a_block_read_in_place_is_the_block_of_its_bytes_and_zeros() {
        let text: Vec<u8> = (0..200u32).map(|k| (k * 37 % 256) as u8).collect();
        for start in 0..150 {
            for end in start..text.len().min(start + 80) {
                let block = Block::at(&text, start, end);
                let mut padded = [0u8; Block::BYTES];
                let bytes = &text[start..end.min(start + Block::BYTES)];
                padded[..bytes.len()].copy_from_slice(bytes);
                let expected = Block::of(&padded);
                assert_eq!(
                    (block.high, block.letters),
                    (expected.high, expected.letters),
                    "{start} {end}"
                );
            }
        }
    }

    #[test]
    fn a_block_marks_each_byte_outside_ascii() {
        for byte in 0x80..=0xffu8 {
            let mut bytes = [b'a'; Block::BYTES];
            bytes[40] = byte;
            let block = Block::of(&bytes);
            assert_eq!(block.high, 1 << 40, "{byte:#x}");
            assert_eq!(block.letters & (1 << 40), 0, "{byte:#x}");
        }
    }
}
