//! White space in quoted text: sentences are shown and matched with every run of white
//! space collapsed to one space, whatever line breaks and indentation the document has.
//! Many sentences need no collapsing, so that case is found first and copied whole.

/// The length, in characters, of `prefix` with its whitespace runs collapsed to one
/// space: where a figure starts in its collapsed sentence.
pub fn collapsed_offset(prefix: &str) -> usize {
    let bytes = prefix.as_bytes();
    let mut count = 0;
    let mut in_space = false;
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        let (space, width) = if byte < 0x80 {
            (is_ascii_whitespace(byte), 1)
        } else {
            whitespace_at(prefix, at)
        };
        if !(space && in_space) {
            count += 1;
        }
        in_space = space;
        at += width;
    }
    count
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
    if is_collapsed(text) {
        return text.to_string();
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    loop {
        while at < bytes.len() {
            match whitespace_at(text, at) {
                (true, width) => at += width,
                (false, _) => break,
            }
        }
        if at == bytes.len() {
            return out;
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
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&text[start..at]);
    }
}

/// Is `text` already without white space at its ends, runs of it, or white space other
/// than the plain space? Most sentences on one line are.
fn is_collapsed(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Before the first byte, as after a space: a space there is one too many.
    let mut space_before = true;
    for (at, &byte) in bytes.iter().enumerate() {
        let space = match byte {
            b' ' => true,
            _ if byte < 0x80 => {
                if is_ascii_whitespace(byte) {
                    return false;
                }
                false
            }
            // The first bytes of the white space characters outside ASCII.
            0xc2 | 0xe1 | 0xe2 | 0xe3 => {
                if whitespace_at(text, at).0 {
                    return false;
                }
                false
            }
            _ => false,
        };
        if space && space_before {
            return false;
        }
        space_before = space;
    }
    !space_before || bytes.is_empty()
}

/// `char::is_whitespace` in ASCII: tab, line feed, vertical tab, form feed, carriage
/// return and space (`u8::is_ascii_whitespace` leaves out the vertical tab).
fn is_ascii_whitespace(byte: u8) -> bool {
    matches!(byte, b'\t'..=b'\r' | b' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn white_space_collapses_as_split_whitespace_would_have_it() {
        // Every string of up to five of these characters.
        let alphabet = [
            ' ', '\n', '\t', '\u{b}', '\u{a0}', '\u{2003}', 'a', 'é', '—',
        ];
        let mut strings = vec![String::new()];
        let mut last = strings.clone();
        for _ in 0..5 {
            last = last
                .iter()
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            strings.extend(last.iter().cloned());
        }
        for text in &strings {
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
        }
    }
}
