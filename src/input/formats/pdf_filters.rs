//! A PDF stream's filters, unpacked within a limit.
//!
//! The PDF parser unpacks the three filters it knows (Flate, LZW and ASCII85, in a
//! chain as the stream's `/Filter` lists them) with no limit on what they unpack to;
//! any other filter it refuses, which bounds it. So before the parser sees a stream,
//! the chain is unpacked here the same way, each stage held to the room left under
//! [`super::Limits::unpacked_bytes`]: a stream that would unpack past it is refused,
//! whichever filter packs it (a Flate or LZW bomb, one wrapped in ASCII85).
//! Predictors (`/DecodeParms`) are left to the parser: they only ever shrink the data.

use std::io::{Read, Write};

/// A filter the PDF parser unpacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Filter {
    Flate,
    /// `early_change` is `/EarlyChange` of the stream's `/DecodeParms` (1 unless 0).
    Lzw {
        early_change: bool,
    },
    Ascii85,
}

impl Filter {
    /// The filters named, in decoding order; `None` where one is a filter the parser
    /// refuses to unpack (then there is nothing to bound).
    pub(super) fn chain<'a>(
        names: impl IntoIterator<Item = &'a [u8]>,
        early_change: bool,
    ) -> Option<Vec<Filter>> {
        names
            .into_iter()
            .map(|name| match name {
                b"FlateDecode" => Some(Filter::Flate),
                b"LZWDecode" => Some(Filter::Lzw { early_change }),
                b"ASCII85Decode" => Some(Filter::Ascii85),
                _ => None,
            })
            .collect()
    }
}

/// The stream unpacked past the room left.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct TooLarge;

/// `content` unpacked through `filters` in order, as the parser would, each stage held
/// to `room` bytes. A stage that fails part way keeps what it unpacked, as the parser's
/// does.
pub(super) fn unpack(content: &[u8], filters: &[Filter], room: u64) -> Result<Vec<u8>, TooLarge> {
    let mut data = content.to_vec();
    for filter in filters {
        data = match filter {
            Filter::Flate => flate(&data, room),
            Filter::Lzw { early_change } => lzw(&data, *early_change, room),
            Filter::Ascii85 => ascii85(&data),
        };
        if data.len() as u64 > room {
            return Err(TooLarge);
        }
    }
    Ok(data)
}

/// Zlib, and where that unpacks nothing, raw deflate after the two bytes of a zlib
/// header, as the parser falls back to.
fn flate(input: &[u8], room: u64) -> Vec<u8> {
    let mut output = Vec::new();
    let zlib = flate2::read::ZlibDecoder::new(input)
        .take(room + 1)
        .read_to_end(&mut output);
    if zlib.is_err() && output.is_empty() && input.len() > 2 {
        let _ = flate2::read::DeflateDecoder::new(&input[2..])
            .take(room + 1)
            .read_to_end(&mut output);
    }
    output
}

/// LZW as PDF packs it: most significant bit first, codes from 9 bits, the code size
/// growing one code early unless `/EarlyChange` is 0.
fn lzw(input: &[u8], early_change: bool, room: u64) -> Vec<u8> {
    use weezl::{decode::Decoder, BitOrder};
    let mut decoder = if early_change {
        Decoder::with_tiff_size_switch(BitOrder::Msb, 8)
    } else {
        Decoder::new(BitOrder::Msb, 8)
    };
    let mut output = Bounded {
        bytes: Vec::new(),
        most: room + 1,
    };
    // Past the room the writer refuses, which ends the decoding with what it holds.
    let _ = decoder.into_stream(&mut output).decode_all(input);
    output.bytes
}

/// A writer that takes at most `most` bytes, then refuses.
struct Bounded {
    bytes: Vec<u8>,
    most: u64,
}

impl Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let left = self.most.saturating_sub(self.bytes.len() as u64);
        if left == 0 && !buf.is_empty() {
            return Err(std::io::ErrorKind::WriteZero.into());
        }
        let taken = buf.len().min(usize::try_from(left).unwrap_or(usize::MAX));
        self.bytes.extend_from_slice(&buf[..taken]);
        Ok(taken)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// ASCII85: five characters for four bytes, `z` for four zeros, white space skipped,
/// ending at `~>` or the first other character. It unpacks to at most four bytes a
/// character, so it needs no room of its own; an overflowing group ends it, where the
/// parser refuses the stream.
fn ascii85(input: &[u8]) -> Vec<u8> {
    let mut output = Vec::with_capacity(input.len() / 5 * 4 + 4);
    let (mut group, mut count) = (0u32, 0usize);
    for &byte in input {
        if byte == b'z' && count == 0 {
            output.extend_from_slice(&[0; 4]);
            continue;
        }
        if byte.is_ascii_whitespace() {
            continue;
        }
        if !(b'!'..=b'u').contains(&byte) {
            break;
        }
        let Some(next) = group
            .checked_mul(85)
            .and_then(|g| g.checked_add(u32::from(byte - b'!')))
        else {
            return output;
        };
        group = next;
        count += 1;
        if count == 5 {
            output.extend_from_slice(&group.to_be_bytes());
            (group, count) = (0, 0);
        }
    }
    if count > 1 {
        for _ in count..5 {
            group = group.wrapping_mul(85).wrapping_add(84);
        }
        output.extend_from_slice(&group.to_be_bytes()[..count - 1]);
    }
    output
}

/// The filter names of a stream dictionary as written in the file (`/Filter
/// /FlateDecode` or `/Filter [/ASCII85Decode /LZWDecode]`), for streams the parser
/// unpacks while loading, before there is a parsed dictionary to ask.
pub(super) fn names_in(dictionary: &[u8]) -> Vec<&[u8]> {
    let Some(at) = find(dictionary, b"/Filter") else {
        return Vec::new();
    };
    let rest = &dictionary[at + b"/Filter".len()..];
    let rest = &rest[rest
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(rest.len())..];
    let listed = match rest.first() {
        Some(b'[') => &rest[1..rest.iter().position(|&b| b == b']').unwrap_or(rest.len())],
        _ => {
            // One name: up to the next delimiter after its slash.
            let end = rest
                .iter()
                .skip(1)
                .position(|&b| b.is_ascii_whitespace() || b"/[]<>()".contains(&b))
                .map_or(rest.len(), |p| p + 1);
            &rest[..end]
        }
    };
    listed
        .split(|&b| b == b'/' || b.is_ascii_whitespace())
        .filter(|name| !name.is_empty())
        .collect()
}

/// Whether a dictionary as written sets `/EarlyChange 0`.
pub(super) fn early_change_in(dictionary: &[u8]) -> bool {
    let Some(at) = find(dictionary, b"/EarlyChange") else {
        return true;
    };
    let value = dictionary[at + b"/EarlyChange".len()..]
        .iter()
        .find(|b| !b.is_ascii_whitespace());
    value != Some(&b'0')
}

pub(super) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lzw_packed(data: &[u8]) -> Vec<u8> {
        weezl::encode::Encoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8)
            .encode(data)
            .expect("LZW")
    }

    #[test]
    fn lzw_unpacks_as_pdf_packs_it() {
        let text = b"BT /F1 12 Tf (In 1938 the camp held 3,100 prisoners.) Tj ET".repeat(20);
        let packed = lzw_packed(&text);
        assert_eq!(
            unpack(&packed, &[Filter::Lzw { early_change: true }], 1 << 20),
            Ok(text)
        );
    }

    #[test]
    fn an_lzw_bomb_is_refused_at_the_limit() {
        let packed = lzw_packed(&vec![0; 10 << 20]);
        assert!(packed.len() < 200_000, "{} bytes packed", packed.len());
        let filters = [Filter::Lzw { early_change: true }];
        assert_eq!(unpack(&packed, &filters, 1 << 20), Err(TooLarge));
    }

    #[test]
    fn a_bomb_wrapped_in_ascii85_is_refused() {
        let mut packed = Vec::new();
        let mut encoder = flate2::write::ZlibEncoder::new(&mut packed, flate2::Compression::best());
        encoder.write_all(&vec![0; 10 << 20]).expect("zlib");
        encoder.finish().expect("zlib");
        let mut wrapped = Vec::new();
        for group in packed.chunks(4) {
            let mut word = [0u8; 4];
            word[..group.len()].copy_from_slice(group);
            let mut n = u32::from_be_bytes(word);
            let mut digits = [0u8; 5];
            for digit in digits.iter_mut().rev() {
                *digit = b'!' + (n % 85) as u8;
                n /= 85;
            }
            wrapped.extend_from_slice(&digits[..group.len() + 1]);
        }
        wrapped.extend_from_slice(b"~>");
        let filters = [Filter::Ascii85, Filter::Flate];
        assert_eq!(unpack(&wrapped, &filters, 1 << 20), Err(TooLarge));
        assert_eq!(
            unpack(&wrapped, &filters, 11 << 20).map(|d| d.len()),
            Ok(10 << 20)
        );
    }

    #[test]
    fn a_raw_deflate_bomb_behind_a_bad_zlib_header_is_refused() {
        let mut packed = b"xx".to_vec();
        let mut encoder =
            flate2::write::DeflateEncoder::new(&mut packed, flate2::Compression::best());
        encoder.write_all(&vec![0; 10 << 20]).expect("deflate");
        encoder.finish().expect("deflate");
        assert_eq!(unpack(&packed, &[Filter::Flate], 1 << 20), Err(TooLarge));
    }

    #[test]
    fn filter_names_are_read_from_a_dictionary_as_written() {
        let one = b"<< /Type /ObjStm /Filter /LZWDecode /N 3 >>";
        assert_eq!(names_in(one), [b"LZWDecode".as_slice()]);
        let chain = b"<< /Filter [ /ASCII85Decode/FlateDecode ] /Length 9 >>";
        assert_eq!(
            names_in(chain),
            [b"ASCII85Decode".as_slice(), b"FlateDecode".as_slice()]
        );
        assert!(early_change_in(one));
        assert!(!early_change_in(b"<< /DecodeParms << /EarlyChange 0 >> >>"));
    }

    #[test]
    fn a_filter_the_parser_refuses_needs_no_bound() {
        assert_eq!(Filter::chain([b"DCTDecode".as_slice()], true), None);
        assert_eq!(
            Filter::chain([b"FlateDecode".as_slice()], true),
            Some(vec![Filter::Flate])
        );
    }
}
