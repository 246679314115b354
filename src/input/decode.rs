//! Bytes to text: whether a file's first bytes mark it as binary, and its text with a
//! leading byte-order mark dropped, or where its first byte that is not UTF-8 sits.

/// How many leading bytes are searched for a NUL byte to decide that a file is binary.
pub const SNIFF_LEN: usize = 8 * 1024;

/// Where the first byte that is not UTF-8 sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadUtf8 {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counting the characters before the byte on its line.
    pub column: usize,
    /// The offending byte.
    pub byte: u8,
}

/// The text of a file's bytes: a leading UTF-8 byte-order mark is dropped, and the first
/// byte that is not UTF-8 is located by line and column.
pub fn decode(mut bytes: Vec<u8>) -> Result<String, BadUtf8> {
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
    }
    utf8(bytes)
}

/// The UTF-8 byte-order mark.
pub(super) const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The text of `bytes`, or where the first byte that is not UTF-8 sits.
pub(super) fn utf8(bytes: Vec<u8>) -> Result<String, BadUtf8> {
    String::from_utf8(bytes).map_err(|error| {
        let valid = error.utf8_error().valid_up_to();
        let bytes = error.as_bytes();
        let line_start = bytes[..valid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |newline| newline + 1);
        let before =
            std::str::from_utf8(&bytes[line_start..valid]).map_or(0, |s| s.chars().count());
        BadUtf8 {
            line: bytes[..valid].iter().filter(|&&b| b == b'\n').count() + 1,
            column: before + 1,
            byte: bytes.get(valid).copied().unwrap_or(0),
        }
    })
}

/// Whether a file's first bytes mark it as binary: a NUL byte in the first [`SNIFF_LEN`].
pub fn looks_binary(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(SNIFF_LEN)].contains(&0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_order_mark_is_dropped() {
        assert_eq!(decode(b"\xEF\xBB\xBFabc".to_vec()), Ok("abc".to_string()));
    }

    #[test]
    fn bad_byte_is_located_by_line_and_character_column() {
        let bad = decode(b"first\nd\xC3\xA9j\xC3\xA0 caf\xE9\n".to_vec()).unwrap_err();
        assert_eq!(
            bad,
            BadUtf8 {
                line: 2,
                column: 9,
                byte: 0xE9
            }
        );
    }

    #[test]
    fn bad_byte_on_first_line_after_byte_order_mark() {
        let bad = decode(b"\xEF\xBB\xBF\xFF".to_vec()).unwrap_err();
        assert_eq!(
            bad,
            BadUtf8 {
                line: 1,
                column: 1,
                byte: 0xFF
            }
        );
    }

    #[test]
    fn truncated_sequence_at_end_is_located() {
        let bad = decode(b"ab\xC3".to_vec()).unwrap_err();
        assert_eq!((bad.line, bad.column, bad.byte), (1, 3, 0xC3));
    }

    #[test]
    fn nul_byte_means_binary_only_near_the_start() {
        assert!(looks_binary(b"PK\x03\x04\x00"));
        assert!(!looks_binary(b"plain text"));
        let mut late = vec![b'a'; SNIFF_LEN];
        late.push(0);
        assert!(!looks_binary(&late));
    }
}
