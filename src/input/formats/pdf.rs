//! PDF with a text layer: the text of each page in reading order, with places as the
//! page and the line on the page (`book.pdf:p.14:3`).
//!
//! pdf-extract (on lopdf) decodes the pages' content streams and fonts and hands over
//! each character with its position; this file makes lines of them (a new line where
//! the baseline moves), paragraphs (a blank line where the gap between lines is wider
//! than a line), spaces (where a gap between characters is wider than a tenth of the
//! font's size), undoes hyphenation at a line's end ("mil-" + "lion" is "million") and
//! decomposes ligatures ("ﬁ" is "fi"). Lines are counted on each page from 1, in the
//! order the page draws them; columns count the characters of the line as read.
//!
//! A PDF is untrusted input for code that was not written for it: the streams a page
//! draws with are unpacked here within [`Limits::unpacked_bytes`], the pages counted
//! against [`Limits::pages`], a page tree that loops refused, and a panic in the
//! decoding caught and reported as a malformed file (with the panic message kept off
//! standard error). A PDF whose pages draw no text (a scan without OCR) is reported as
//! such, not read as empty.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

use pdf_extract::{MediaBox, Object, OutputDev, OutputError, Transform};

use super::pdf_filters::{self, find, Filter};
use super::{Limits, Problem};
use crate::source::PlacesBuilder;

/// The text of a PDF and its places: page, line on the page, column.
pub(super) fn read(bytes: &[u8], limits: &Limits) -> Result<PlacesBuilder, Problem> {
    quiet_panics();
    QUIET.with(|quiet| quiet.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(|| read_unguarded(bytes, limits)));
    QUIET.with(|quiet| quiet.set(false));
    result.unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(Problem::new(format!(
            "malformed PDF: the reader stopped ({})",
            what.chars().take(120).collect::<String>()
        )))
    })
}

fn read_unguarded(bytes: &[u8], limits: &Limits) -> Result<PlacesBuilder, Problem> {
    if !bytes.starts_with(b"%PDF-")
        && !bytes[..bytes.len().min(1024)]
            .windows(5)
            .any(|w| w == b"%PDF-")
    {
        return Err(Problem::new("not a PDF: no %PDF- header"));
    }
    check_object_streams(bytes, limits)?;
    let mut document = pdf_extract::Document::load_mem(bytes)
        .map_err(|error| Problem::new(format!("malformed or truncated PDF: {error}")))?;
    if document.is_encrypted() {
        // Many PDFs are encrypted with an empty password only to set permissions.
        if document.decrypt("").is_err() || document.is_encrypted() {
            return Err(Problem::new(
                "encrypted PDF: its text cannot be read without the password",
            ));
        }
    }
    let pages = document.get_pages();
    if pages.len() > limits.pages {
        return Err(Problem::new(format!(
            "{} pages, more than the limit of {} (limits.pages in crosscheck.toml)",
            pages.len(),
            limits.pages
        )));
    }
    check_page_tree(&document, &pages)?;
    unpack_streams(&mut document, limits)?;
    let mut lines = Lines::new(limits.unpacked_bytes);
    for (&number, _) in pages.iter() {
        lines.page = number;
        if let Err(error) = pdf_extract::output_doc_page(&document, &mut lines, number) {
            if lines.too_large {
                return Err(Problem::at(
                    format!("p.{number}"),
                    format!(
                        "the text read is larger than the limit of {} bytes (limits.unpacked-bytes in crosscheck.toml)",
                        limits.unpacked_bytes
                    ),
                ));
            }
            return Err(Problem::at(
                format!("p.{number}"),
                format!("malformed page: {error:?}"),
            ));
        }
    }
    if lines.characters == 0 {
        let pages = match pages.len() {
            1 => "1 page draws".to_string(),
            n => format!("{n} pages draw"),
        };
        return Err(Problem::new(format!(
            "no text layer: {pages} no text (a scan? run OCR on it first)"
        )));
    }
    Ok(lines.built)
}

thread_local! {
    /// Set while a PDF is read on this thread: a panic there is reported, not printed.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Keeps the message of a panic caught while reading a PDF off standard error; any
/// other panic is printed as before.
fn quiet_panics() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

/// Refuses a page tree whose `Parent` links go round or deeper than any real one, which
/// the decoder would follow for ever.
fn check_page_tree(
    document: &pdf_extract::Document,
    pages: &std::collections::BTreeMap<u32, pdf_extract::ObjectId>,
) -> Result<(), Problem> {
    const DEEPEST: usize = 64;
    for (number, id) in pages {
        let mut at = *id;
        for depth in 0.. {
            if depth > DEEPEST {
                return Err(Problem::at(
                    format!("p.{number}"),
                    "malformed PDF: the page tree loops",
                ));
            }
            let parent = document
                .get_dictionary(at)
                .ok()
                .and_then(|dict| dict.get(b"Parent").ok())
                .and_then(|parent| parent.as_reference().ok());
            match parent {
                Some(parent) => at = parent,
                None => break,
            }
        }
    }
    Ok(())
}

/// Object streams and cross-reference streams are unpacked by the PDF parser while it
/// loads the file, before any limit of ours could apply: each is unpacked here first,
/// on the raw bytes and within the limit, and thrown away. A bomb among them is
/// refused before the parser sees it.
fn check_object_streams(bytes: &[u8], limits: &Limits) -> Result<(), Problem> {
    let mut room = limits.unpacked_bytes;
    let mut from = 0;
    while let Some(at) = find(&bytes[from..], b"stream") {
        let keyword = from + at;
        from = keyword + b"stream".len();
        // "endstream" ends a stream: it opens none.
        if bytes[..keyword].ends_with(b"end") {
            continue;
        }
        // The stream's dictionary lies between its "obj" and "stream".
        let opened = bytes[..keyword]
            .windows(3)
            .rposition(|window| window == b"obj")
            .unwrap_or(0);
        let dictionary = &bytes[opened..keyword];
        let unpacked_on_load =
            find(dictionary, b"/ObjStm").is_some() || find(dictionary, b"/XRef").is_some();
        let filters = Filter::chain(
            pdf_filters::names_in(dictionary),
            pdf_filters::early_change_in(dictionary),
        );
        let Some(filters) = filters.filter(|f| unpacked_on_load && !f.is_empty()) else {
            continue;
        };
        let mut start = from;
        if bytes.get(start) == Some(&b'\r') {
            start += 1;
        }
        if bytes.get(start) == Some(&b'\n') {
            start += 1;
        }
        let end = find(&bytes[start..], b"endstream").map_or(bytes.len(), |e| start + e);
        let unpacked = pdf_filters::unpack(&bytes[start..end], &filters, room).map_err(|_| {
            Problem::new(format!(
                "its object streams unpack to more than the limit of {} bytes (limits.unpacked-bytes in crosscheck.toml)",
                limits.unpacked_bytes
            ))
        })?;
        room -= unpacked.len() as u64;
        from = end;
    }
    Ok(())
}

/// Unpacks the compressed streams other than images within the limit, so that the
/// decoder, which would unpack them without one, finds them unpacked. A stream with a
/// predictor (`/DecodeParms`) is unpacked here only to be measured, and left packed
/// for the decoder, which applies the predictor.
fn unpack_streams(document: &mut pdf_extract::Document, limits: &Limits) -> Result<(), Problem> {
    let mut room = limits.unpacked_bytes;
    let too_large = || {
        Problem::new(format!(
            "its streams unpack to more than the limit of {} bytes (limits.unpacked-bytes in crosscheck.toml)",
            limits.unpacked_bytes
        ))
    };
    for object in document.objects.values_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        let is_image = stream
            .dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|name| name == b"Image");
        let params = stream
            .dict
            .get(b"DecodeParms")
            .and_then(Object::as_dict)
            .ok();
        let early_change = params
            .and_then(|p| p.get(b"EarlyChange").ok())
            .and_then(|v| v.as_i64().ok())
            .is_none_or(|v| v != 0);
        let filters = stream
            .filters()
            .ok()
            .and_then(|names| Filter::chain(names, early_change));
        let Some(filters) = filters.filter(|f| !is_image && !f.is_empty()) else {
            continue;
        };
        let unpacked =
            pdf_filters::unpack(&stream.content, &filters, room).map_err(|_| too_large())?;
        room -= unpacked.len() as u64;
        if filters == [Filter::Flate] && !stream.dict.has(b"DecodeParms") {
            let unpacked = repair_unicode_map(&unpacked).unwrap_or(unpacked);
            stream.set_plain_content(unpacked);
        }
    }
    Ok(())
}

/// A character map (`ToUnicode`) whose Unicode values are written as bare code points
/// (`<1f0d3>`, an odd number of digits), as printpdf 0.7 writes those past U+FFFF,
/// rewritten in UTF-16 (`<d83cdcd3>`) as the standard has them; the decoder stops on
/// the other form. `None` for a stream that is not such a map.
fn repair_unicode_map(content: &[u8]) -> Option<Vec<u8>> {
    if !content.windows(11).any(|w| w == b"beginbfchar") {
        return None;
    }
    let text = std::str::from_utf8(content).ok()?;
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest = text;
    let mut changed = false;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('>') else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let digits = &after[..close];
        let odd = digits.len() % 2 == 1 && digits.bytes().all(|b| b.is_ascii_hexdigit());
        match u32::from_str_radix(digits, 16)
            .ok()
            .filter(|_| odd)
            .and_then(char::from_u32)
        {
            Some(c) => {
                let mut units = [0u16; 2];
                out.push('<');
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("{unit:04x}"));
                }
                out.push('>');
                changed = true;
            }
            None => {
                out.push('<');
                out.push_str(digits);
                out.push('>');
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    changed.then(|| out.into_bytes())
}

/// One character as the page draws it.
#[derive(Debug, Clone, Copy)]
struct Last {
    /// Where it starts and ends along the line, and its baseline, in points from the
    /// page's top left.
    end: f64,
    y: f64,
    size: f64,
}

/// Makes lines, paragraphs and places of the characters the decoder hands over.
struct Lines {
    built: PlacesBuilder,
    page: u32,
    flip: Transform,
    last: Option<Last>,
    /// The advance from one line to the next within a paragraph on this page: the
    /// smallest seen; a wider gap is a paragraph break.
    line_advance: Option<f64>,
    /// The line on the page, 1-based, and the column the next character takes.
    line: usize,
    column: usize,
    characters: usize,
    most_bytes: u64,
    too_large: bool,
}

impl Lines {
    fn new(most_bytes: u64) -> Lines {
        Lines {
            built: PlacesBuilder::new(),
            page: 0,
            flip: Transform::identity(),
            last: None,
            line_advance: None,
            line: 0,
            column: 1,
            characters: 0,
            most_bytes,
            too_large: false,
        }
    }

    /// A break between the text so far and a new line: a paragraph break for a gap
    /// wider than a line, a line break otherwise; a hyphen that ends the line before a
    /// word going on in lower case is taken out, and the line break with it.
    fn new_line(&mut self, paragraph: bool, next: &str) {
        self.line += 1;
        self.column = 1;
        if self.built.is_empty() {
            return;
        }
        let text = self.built.text();
        let hyphenated = !paragraph
            && next.starts_with(|c: char| c.is_lowercase())
            && (text.ends_with('\u{AD}')
                || (text.ends_with('-')
                    && text[..text.len() - 1]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphabetic)));
        if hyphenated {
            // "twenty-" + "five" keeps its hyphen: it is a number written out.
            let word = text[..text.len() - 1]
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("")
                .to_lowercase();
            if !TENS.contains(&word.as_str()) {
                let len = text.len() - text.chars().next_back().map_or(0, char::len_utf8);
                self.built.truncate(len);
            }
            return;
        }
        self.built.trim_end_matches(|c| c == ' ');
        self.built.push_added(if paragraph { "\n\n" } else { "\n" });
    }
}

impl OutputDev for Lines {
    fn begin_page(
        &mut self,
        _page: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.flip = Transform::row_major(1., 0., 0., -1., 0., media_box.ury - media_box.lly);
        self.last = None;
        self.line_advance = None;
        self.line = 0;
        self.column = 1;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        let position = trm.post_transform(&self.flip);
        let scaled = trm.transform_vector(euclid::vec2(font_size, font_size));
        let mut size = (scaled.x * scaled.y).abs().sqrt();
        if !size.is_finite() || size <= 0.0 {
            size = 1.0;
        }
        let (x, y) = (position.m31, position.m32);
        let text = decompose(char);
        if text.is_empty() {
            return Ok(());
        }
        match self.last {
            None => {
                // A paragraph may go on over a page: a new page starts a new paragraph
                // only after the end of a sentence.
                let ended = self
                    .built
                    .text()
                    .trim_end()
                    .ends_with(['.', '!', '?', ':', '"', '\u{201D}', '\u{BB}', ')']);
                self.new_line(ended, text);
            }
            Some(last) => {
                let advance = y - last.y;
                let moved = advance.abs();
                let size = last.size.max(size);
                if moved > size * 0.5 || !moved.is_finite() {
                    // Up the page (a new column, a float) or wider than a line apart.
                    let paragraph = match self.line_advance {
                        _ if advance < 0.0 || !moved.is_finite() => true,
                        Some(line_advance) => moved > line_advance * 1.3,
                        None => moved > size * 2.0,
                    };
                    if advance > 0.0 && self.line_advance.is_none_or(|line| moved < line) {
                        self.line_advance = Some(moved);
                    }
                    self.new_line(paragraph, text);
                } else if x > last.end + size * 0.1 && !text.starts_with(' ') {
                    // A gap between words; a wide one (a tab stop, before a page
                    // number in a table of contents) a tab.
                    let ends_in_space = self.built.text().ends_with([' ', '\t']);
                    if !ends_in_space {
                        let tab = x > last.end + size * 1.5;
                        self.built.push_added(if tab { "\t" } else { " " });
                        self.column += 1;
                    }
                }
            }
        }
        let blank = text.trim().is_empty();
        if blank {
            if !self.built.text().ends_with([' ', '\t', '\n']) && !self.built.is_empty() {
                self.built
                    .push_added(if text.contains('\t') { "\t" } else { " " });
            }
            self.column += 1;
        } else {
            self.built
                .push_at(text, self.line, self.column, self.page as usize);
            self.column += text.chars().count();
            self.characters += 1;
        }
        self.last = Some(Last {
            end: x + width * size,
            y,
            size,
        });
        if self.built.len() as u64 > self.most_bytes {
            self.too_large = true;
            return Err(OutputError::FormatError(std::fmt::Error));
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// Number words that a hyphen joins to the next ("twenty-five").
const TENS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// A character as the text has it: ligatures decomposed ("ﬁ" is "fi"), control
/// characters dropped.
fn decompose(char: &str) -> &str {
    match char {
        "\u{FB00}" => "ff",
        "\u{FB01}" => "fi",
        "\u{FB02}" => "fl",
        "\u{FB03}" => "ffi",
        "\u{FB04}" => "ffl",
        "\u{FB05}" | "\u{FB06}" => "st",
        "\u{0}" => "",
        other if other.chars().all(char::is_control) && other != "\t" => "",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_points_past_the_basic_plane_are_written_in_utf16() {
        let map = b"1 beginbfchar\n<16c8> <1f0d3>\n<0041> <0041>\nendbfchar";
        let repaired = repair_unicode_map(map).unwrap();
        assert_eq!(
            String::from_utf8(repaired).unwrap(),
            "1 beginbfchar\n<16c8> <d83cdcd3>\n<0041> <0041>\nendbfchar"
        );
        assert_eq!(repair_unicode_map(b"<0041> <0041> beginbfchar"), None);
    }

    #[test]
    fn ligatures_are_decomposed() {
        assert_eq!(decompose("\u{FB01}"), "fi");
        assert_eq!(decompose("\u{FB03}"), "ffi");
        assert_eq!(decompose("7"), "7");
        assert_eq!(decompose("\u{1}"), "");
    }

    #[test]
    fn a_hyphen_at_a_line_end_is_undone_before_lower_case() {
        let mut lines = Lines::new(1 << 20);
        lines.page = 3;
        lines.new_line(true, "1");
        lines.built.push_at("1.3 mil-", 1, 1, 3);
        lines.new_line(false, "l");
        lines.built.push_at("lion people", 2, 1, 3);
        lines.new_line(false, "W");
        lines.built.push_at("Well-", 3, 1, 3);
        lines.new_line(false, "K");
        lines.built.push_at("Known", 4, 1, 3);
        lines.new_line(false, "t");
        lines.built.push_at("some twenty-", 5, 1, 3);
        lines.new_line(false, "f");
        lines.built.push_at("five", 6, 1, 3);
        let (text, places) = lines.built.finish();
        assert_eq!(text, "1.3 million people\nWell-\nKnown\nsome twenty-five");
        let lion = crate::source::Document::with_places("t.pdf", text.clone(), places);
        assert_eq!(lion.line_col(text.find("lion").unwrap()), (2, 1));
    }

    /// A one-page PDF whose content stream is `content` packed with LZW, in Helvetica.
    fn pdf_with_lzw_content(content: &[u8]) -> Vec<u8> {
        let packed = weezl::encode::Encoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8)
            .encode(content)
            .unwrap();
        let objects: Vec<Vec<u8>> = vec![
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_vec(),
            [
                format!("<< /Length {} /Filter /LZWDecode >>\nstream\n", packed.len()).into_bytes(),
                packed,
                b"\nendstream".to_vec(),
            ]
            .concat(),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec(),
        ];
        let mut pdf = b"%PDF-1.4\n".to_vec();
        let mut offsets = Vec::new();
        for (n, body) in objects.iter().enumerate() {
            offsets.push(pdf.len());
            pdf.extend_from_slice(format!("{} 0 obj\n", n + 1).as_bytes());
            pdf.extend_from_slice(body);
            pdf.extend_from_slice(b"\nendobj\n");
        }
        let xref = pdf.len();
        pdf.extend_from_slice(
            format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
        );
        for offset in offsets {
            pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
        }
        pdf.extend_from_slice(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
                objects.len() + 1
            )
            .as_bytes(),
        );
        pdf
    }

    #[test]
    fn a_page_packed_with_lzw_is_read() {
        let page = pdf_with_lzw_content(
            b"BT /F1 12 Tf 72 700 Td (In 1938 the camp held 3,100 prisoners.) Tj ET",
        );
        let limits = Limits {
            unpacked_bytes: 1 << 20,
            pages: 10,
        };
        let built = read(&page, &limits).expect("the PDF is read");
        assert!(built.text().contains("3,100 prisoners"), "{}", built.text());
    }

    #[test]
    fn a_page_packed_with_lzw_past_the_limit_is_refused() {
        let mut content = b"BT /F1 12 Tf 72 700 Td (3,100) Tj ET\n".to_vec();
        content.resize(4 << 20, b' ');
        let bomb = pdf_with_lzw_content(&content);
        assert!(bomb.len() < 1 << 20, "{} bytes", bomb.len());
        let limits = Limits {
            unpacked_bytes: 1 << 20,
            pages: 10,
        };
        let Err(problem) = read(&bomb, &limits) else {
            panic!("an LZW stream past the limit was read");
        };
        assert!(
            problem
                .message
                .contains("streams unpack to more than the limit of 1048576 bytes"),
            "{}",
            problem.message
        );
    }

    #[test]
    fn an_object_stream_that_unpacks_past_the_limit_is_refused_before_loading() {
        use std::io::Write;
        let mut packed = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        packed.write_all(&vec![b'0'; 2 << 20]).unwrap();
        let packed = packed.finish().unwrap();
        let mut pdf = format!(
            "%PDF-1.5\n1 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length {} >>\nstream\n",
            packed.len()
        )
        .into_bytes();
        pdf.extend_from_slice(&packed);
        pdf.extend_from_slice(b"\nendstream\nendobj\n");
        let limits = Limits {
            unpacked_bytes: 1 << 20,
            pages: 10,
        };
        let Err(problem) = read(&pdf, &limits) else {
            panic!("an object stream past the limit was read");
        };
        assert!(
            problem
                .message
                .contains("object streams unpack to more than the limit of 1048576 bytes"),
            "{}",
            problem.message
        );
    }

    #[test]
    fn not_a_pdf_and_a_truncated_pdf_are_problems_not_panics() {
        let limits = Limits::default();
        assert!(read(b"hello", &limits).is_err());
        assert!(read(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", &limits).is_err());
    }
}
