//! What every reader's fuzz target checks, on arbitrary bytes taken for its format: no
//! panic, no hang, the text within the limit, and every offset of the text has a place
//! (a page for a PDF).

use crosscheck::input::formats::{read, Format};
use crosscheck::input::Limits;
use crosscheck::source::Document;

pub fn check(format: Format, data: &[u8]) {
    let limits = Limits {
        unpacked_bytes: 1 << 20,
        pages: 64,
    };
    let Ok(read) = read(format, data, &limits) else {
        return;
    };
    assert!(read.text.len() as u64 <= limits.unpacked_bytes);
    let document = Document::with_places("fuzz", read.text, read.places);
    let mut at = document.positions();
    for (offset, _) in document.text.char_indices().step_by(7) {
        let place = at.place(offset);
        assert!(place.line >= 1 && place.column >= 1, "{place:?}");
        if read.format == Format::Pdf {
            assert!(place.page.is_some_and(|page| page >= 1), "{place:?}");
        }
    }
}
