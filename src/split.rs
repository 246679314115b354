//! Where a text may be cut so that its parts are extracted apart with the same figures
//! as whole: at a paragraph break before the start of a sentence. Pure byte work; the
//! reader of large inputs ([`crate::input`]) and the pool of workers
//! ([`crate::parallel`]) both cut here, at the sizes set here.

use std::ops::Range;

/// Documents are cut into pieces of about this size for the workers: small enough
/// that the last piece, extracted while other cores have nothing left, is short.
pub const PIECE_BYTES: usize = 256 << 10;

/// The largest part an input is read in ([`crate::input::Documents::in_parts`]), so
/// that memory holds a few parts, not a whole input.
pub const PART_BYTES: usize = 2 << 20;

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
}
