//! White space in quoted text: sentences are shown and matched with every run of white
//! space collapsed to one space, whatever line breaks and indentation the document has.
//! Many sentences need no collapsing, so that case is found first and copied whole.

/// The length, in characters, of `prefix` with its whitespace runs collapsed to one
/// space: where a figure starts in its collapsed sentence.
pub fn collapsed_offset(prefix: &str) -> usize {
    CollapsedCount::default().counted_on(prefix).count
}

/// The collapsed length of a text read so far, to be counted on with what follows it:
/// the figures of one sentence, in order, cost one pass over it, not one each.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CollapsedCount {
    /// Characters, each run of white space counted as one.
    pub count: usize,
    /// The text read so far ends in white space.
    in_space: bool,
}

impl CollapsedCount {
    /// The count of the text read so far followed by `more`.
    pub fn counted_on(self, more: &str) -> CollapsedCount {
        let bytes = more.as_bytes();
        let CollapsedCount {
            mut count,
            mut in_space,
        } = self;
        let mut at = 0;
        while at < bytes.len() {
            let byte = bytes[at];
            let (space, width) = if byte < 0x80 {
                (is_ascii_whitespace(byte), 1)
            } else {
                whitespace_at(more, at)
            };
            if !(space && in_space) {
                count += 1;
            }
            in_space = space;
            at += width;
        }
        CollapsedCount { count, in_space }
    }
}

/// Is the character at byte `at` of `text` white space, and how many bytes is it? ASCII
/// is decided on the byte.
#[inline(always)]
fn whitespace_at(text: &str, at: usize) -> (bool, usize) {
    let byte = text.as_bytes()[at];
    if byte < 0x80 {
        return (is_ascii_whitespace(byte), 1);
    }
    text[at..]
        .chars()
        .next()
        .map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8()))
}

/// `text` with every run of whitespace replaced by one space, and no space at either end.
pub fn collapse_whitespace(text: &str) -> String {
    let mut out = String::new();
    collapse_whitespace_into(text, &mut out);
    out
}

/// [`collapse_whitespace`] of `text`, written at the end of `out`: several collapsed
/// texts can share one allocation.
pub fn collapse_whitespace_into(text: &str, out: &mut String) {
    if is_collapsed(text) {
        out.push_str(text);
        return;
    }
    let bytes = text.as_bytes();
    out.reserve(text.len());
    let from = out.len();
    if text.is_ascii() {
        // Each byte a character: runs of other bytes are copied whole.
        let mut at = 0;
        while at < bytes.len() {
            while at < bytes.len() && is_ascii_whitespace(bytes[at]) {
                at += 1;
            }
            let start = at;
            while at < bytes.len() && !is_ascii_whitespace(bytes[at]) {
                at += 1;
            }
            if start < at {
                if out.len() > from {
                    out.push(' ');
                }
                out.push_str(&text[start..at]);
            }
        }
        return;
    }
    let mut at = 0;
    loop {
        while at < bytes.len() {
            match whitespace_at(text, at) {
                (true, width) => at += width,
                (false, _) => break,
            }
        }
        if at == bytes.len() {
            return;
        }
        // A run of other characters, copied whole; ASCII is decided in a tight loop.
        let start = at;
        while at < bytes.len() {
            let byte = bytes[at];
            if byte < 0x80 && !is_ascii_whitespace(byte) {
                at += 1;
                continue;
            }
            match whitespace_at(text, at) {
                (false, width) => at += width,
                (true, _) => break,
            }
        }
        if out.len() > from {
            out.push(' ');
        }
        out.push_str(&text[start..at]);
    }
}

/// Is `text` already without white space at its ends, runs of it, or white space other
/// than the plain space? Most sentences on one line are.
pub fn is_collapsed(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    // Blocks of bytes none of which may be white space to collapse are passed over
    // whole, in a loop the compiler makes wide; a block with one is read byte by byte.
    const BLOCK: usize = 32;
    let mut start = 0;
    while start + BLOCK < bytes.len() {
        let block = &bytes[start..start + BLOCK];
        let next = &bytes[start + 1..start + BLOCK + 1];
        let suspect = block
            .iter()
            .zip(next)
            .fold(false, |suspect, (&byte, &after)| {
                suspect | may_break_collapse(byte) | (byte == b' ' && after == b' ')
            });
        if suspect && !collapsed_at(text, start..start + BLOCK) {
            return false;
        }
        start += BLOCK;
    }
    collapsed_at(text, start..bytes.len())
}

/// May `byte` start white space other than a lone plain space: ASCII white space but
/// the space, or the first byte of a white space character outside ASCII.
#[inline(always)]
fn may_break_collapse(byte: u8) -> bool {
    matches!(byte, b'\t'..=b'\r' | 0xc2 | 0xe1 | 0xe2 | 0xe3)
}

/// Do the bytes at `range` of `text` start no white space but lone plain spaces?
fn collapsed_at(text: &str, range: std::ops::Range<usize>) -> bool {
    let bytes = text.as_bytes();
    range.into_iter().all(|at| match bytes[at] {
        b' ' => bytes.get(at + 1) != Some(&b' '),
        byte if byte < 0x80 => !is_ascii_whitespace(byte),
        // The first bytes of the white space characters outside ASCII.
        0xc2 | 0xe1 | 0xe2 | 0xe3 => !whitespace_at(text, at).0,
        _ => true,
    })
}

/// `char::is_whitespace` in ASCII: tab, line feed, vertical tab, form feed, carriage
/// return and space (`u8::is_ascii_whitespace` leaves out the vertical tab).
fn is_ascii_whitespace(byte: u8) -> bool {
    matches!(byte, b'\t'..=b'\r' | b' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every string of up to `longest` characters of `alphabet`, the empty one first.
    fn strings_of(alphabet: &[char], longest: usize) -> Vec<String> {
        let mut strings = vec![String::new()];
        let mut last = strings.clone();
        for _ in 0..longest {
            last = last
                .iter()
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            strings.extend(last.iter().cloned());
        }
        strings
    }

    #[test]
    fn white_space_collapses_as_split_whitespace_would_have_it() {
        // Every string of up to five of these characters.
        let alphabet = [
            ' ', '\n', '\t', '\u{b}', '\u{a0}', '\u{2003}', 'a', 'é', '—',
        ];
        for text in &strings_of(&alphabet, 5) {
            let expected = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(collapse_whitespace(text), expected, "{text:?}");
            assert_eq!(is_collapsed(text), expected == *text, "{text:?}");
            // Where a figure after `text` starts in its collapsed sentence.
            let around = collapse_whitespace(&format!("x{text}y"));
            assert_eq!(
                collapsed_offset(text),
                around.chars().count() - 2,
                "{text:?}"
            );
            // Counted on from any character boundary, the count is the same.
            for (cut, _) in text.char_indices() {
                let (before, after) = text.split_at(cut);
                let counted = CollapsedCount::default()
                    .counted_on(before)
                    .counted_on(after);
                assert_eq!(counted.count, collapsed_offset(text), "{text:?} at {cut}");
            }
        }
    }

    #[test]
    fn long_texts_are_told_collapsed_wherever_their_white_space_falls() {
        let alphabet = [' ', '\n', '\u{a0}', '\u{2003}', '\u{201c}', 'a', 'é'];
        for text in &strings_of(&alphabet, 4) {
            for pad in [0, 1, 29, 30, 31, 32, 33, 62, 63, 64, 65] {
                let long = format!("{}{text}{}", "x".repeat(pad), "y".repeat(40));
                let expected = long.split_whitespace().collect::<Vec<_>>().join(" ");
                assert_eq!(is_collapsed(&long), expected == long, "{long:?}");
                assert_eq!(collapse_whitespace(&long), expected, "{long:?}");
            }
        }
    }
}
