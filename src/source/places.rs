//! Where the text read from a document that is not plain text (HTML, Markdown, PDF,
//! Word, OpenDocument, EPUB) sits in that document: a map from byte offsets of the
//! text the extractor reads back to the document's own places.
//!
//! A place is a line and a character column, and for a paged document (PDF) a page, in
//! which case the line is counted on the page. The map holds one anchor where a run of
//! text starts that is copied from the document character for character on one line;
//! inside a run, the column goes on by the characters of the text. The readers in
//! `input/formats/` build it with [`PlacesBuilder`]; [`super::Document`] asks it.

/// One run of text copied from the document: from `offset` in the text read, the
/// characters are those of the document from `line`:`column` on, on one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Anchor {
    offset: usize,
    line: u32,
    column: u32,
    /// 1-based page, 0 where the document has none.
    page: u32,
}

/// A place in a document: 1-based line and column, and page where there are pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub line: usize,
    pub column: usize,
    pub page: Option<usize>,
}

/// The map from offsets of a document's text to places in the document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Places {
    anchors: Vec<Anchor>,
}

impl Places {
    /// The anchor index for a byte offset: the last run starting at or before it.
    fn anchor_index(&self, offset: usize) -> Option<usize> {
        match self.anchors.binary_search_by(|a| a.offset.cmp(&offset)) {
            Ok(mut i) => {
                // Of runs starting at one offset (empty ones), the last.
                while self.anchors.get(i + 1).is_some_and(|a| a.offset == offset) {
                    i += 1;
                }
                Some(i)
            }
            Err(0) => None,
            Err(i) => Some(i - 1),
        }
    }

    /// The place of a byte offset of `text`, the text this map was built with.
    /// `from` is a place already known for an offset at or before this one on the
    /// same run (`(offset, column)`), so that figures along one long run cost one pass.
    pub(super) fn place(
        &self,
        text: &str,
        offset: usize,
        from: Option<(usize, usize, usize)>,
    ) -> (Place, usize) {
        let Some(index) = self.anchor_index(offset) else {
            return (
                Place {
                    line: 1,
                    column: 1,
                    page: None,
                },
                usize::MAX,
            );
        };
        let anchor = self.anchors[index];
        let column = match from {
            Some((known_index, known_offset, known_column))
                if known_index == index && known_offset <= offset =>
            {
                known_column + chars(text, known_offset, offset)
            }
            _ => anchor.column as usize + chars(text, anchor.offset, offset),
        };
        (
            Place {
                line: anchor.line as usize,
                column,
                page: (anchor.page > 0).then_some(anchor.page as usize),
            },
            index,
        )
    }

    /// The page of a byte offset, for a paged document.
    pub fn page(&self, offset: usize) -> Option<usize> {
        let anchor = self.anchors[self.anchor_index(offset)?];
        (anchor.page > 0).then_some(anchor.page as usize)
    }

    /// A map that knows only the places of some offsets, given in order: for text
    /// put together from figure records (`check --figures`), where each figure's
    /// record says its line, column and page in the document it came from.
    pub fn at_offsets(points: impl IntoIterator<Item = (usize, Place)>) -> Places {
        let mut anchors: Vec<Anchor> = points
            .into_iter()
            .map(|(offset, place)| Anchor {
                offset,
                line: clamp(place.line),
                column: clamp(place.column),
                page: clamp(place.page.unwrap_or(0)),
            })
            .collect();
        anchors.sort_by_key(|a| a.offset);
        Places { anchors }
    }

    /// Whether the document has pages.
    pub fn paged(&self) -> bool {
        self.anchors.iter().any(|a| a.page > 0)
    }
}

/// Characters of `text` between two byte offsets (each clamped to a char boundary).
fn chars(text: &str, from: usize, to: usize) -> usize {
    let to = to.min(text.len());
    let from = from.min(to);
    text.get(from..to).map_or(0, |s| s.chars().count())
}

/// The text a reader makes and its map of places, built a piece at a time.
///
/// Text copied from the document is pushed with the place of its first character
/// ([`PlacesBuilder::push_at`]); text the reader adds (paragraph breaks, the space a
/// run of white space becomes) with [`PlacesBuilder::push_added`], which continues
/// the current run's place. Inside one push, the text must be on one line of the
/// document and copied character for character.
#[derive(Debug, Default)]
pub struct PlacesBuilder {
    text: String,
    anchors: Vec<Anchor>,
    /// Where the next character would be if it continued the last run.
    next: Option<(u32, u32, u32)>,
}

impl PlacesBuilder {
    pub fn new() -> PlacesBuilder {
        PlacesBuilder::default()
    }

    /// The text so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Bytes of text so far.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Appends `piece`, copied from the document at `line`:`column` (1-based) of
    /// `page` (1-based, 0 for none).
    pub fn push_at(&mut self, piece: &str, line: usize, column: usize, page: usize) {
        if piece.is_empty() {
            return;
        }
        let (line, column, page) = (clamp(line), clamp(column), clamp(page));
        if self.next != Some((line, column, page)) {
            self.anchors.push(Anchor {
                offset: self.text.len(),
                line,
                column,
                page,
            });
        }
        self.text.push_str(piece);
        let width = clamp(piece.chars().count());
        self.next = Some((line, column.saturating_add(width), page));
        if piece.contains('\n') {
            // A line break in the text ends the run: what follows needs its own place.
            self.next = None;
        }
    }

    /// Appends text the reader adds (a paragraph break, a space): it takes the place
    /// where the last run stopped, and what follows starts a new run.
    pub fn push_added(&mut self, piece: &str) {
        self.text.push_str(piece);
        self.next = None;
    }

    /// Removes trailing characters that `keep` refuses, for a reader that collapses
    /// white space or undoes a hyphen at a line's end.
    pub fn trim_end_matches(&mut self, remove: impl Fn(char) -> bool) {
        let kept = self.text.trim_end_matches(remove).len();
        self.truncate(kept);
    }

    /// Cuts the text back to `len` bytes.
    pub fn truncate(&mut self, len: usize) {
        if len >= self.text.len() {
            return;
        }
        self.text.truncate(len);
        while self.anchors.last().is_some_and(|a| a.offset > len) {
            self.anchors.pop();
        }
        self.next = None;
    }

    /// Appends another builder's text and places.
    pub fn append(&mut self, other: PlacesBuilder) {
        let shift = self.text.len();
        self.text.push_str(&other.text);
        self.anchors
            .extend(other.anchors.into_iter().map(|anchor| Anchor {
                offset: anchor.offset + shift,
                ..anchor
            }));
        self.next = other.next;
    }

    /// The text and its map.
    pub fn finish(self) -> (String, Places) {
        (
            self.text,
            Places {
                anchors: self.anchors,
            },
        )
    }
}

fn clamp(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_counts_columns_from_its_anchor() {
        let mut built = PlacesBuilder::new();
        built.push_at("Some ", 3, 4, 0);
        built.push_at("1,436 people", 3, 9, 0);
        built.push_added("\n\n");
        built.push_at("é 42", 7, 1, 0);
        let (text, places) = built.finish();
        let at = |s: &str| places.place(&text, text.find(s).unwrap(), None).0;
        assert_eq!(
            at("1,436"),
            Place {
                line: 3,
                column: 9,
                page: None
            }
        );
        assert_eq!(
            at("people"),
            Place {
                line: 3,
                column: 15,
                page: None
            }
        );
        assert_eq!(
            at("42"),
            Place {
                line: 7,
                column: 3,
                page: None
            }
        );
        // One anchor for the two pushes that continue each other.
        assert_eq!(places.anchors.len(), 2);
    }

    #[test]
    fn places_given_at_offsets_give_their_page() {
        let place = |line, page| Place {
            line,
            column: 5,
            page,
        };
        let places = Places::at_offsets([(10, place(3, Some(14))), (0, place(1, None))]);
        assert_eq!(places.page(4), None);
        assert_eq!(places.page(10), Some(14));
        assert_eq!(places.page(99), Some(14));
        assert!(places.paged());
    }

    #[test]
    fn pages_are_kept_and_absent_without_them() {
        let mut built = PlacesBuilder::new();
        built.push_at("p one", 1, 1, 1);
        built.push_added("\n");
        built.push_at("p two 7", 1, 1, 2);
        let (text, places) = built.finish();
        assert_eq!(places.page(text.find('7').unwrap()), Some(2));
        assert_eq!(places.page(0), Some(1));
        assert!(places.paged());
        assert!(!Places::default().paged());
    }

    #[test]
    fn truncating_drops_anchors_past_the_end() {
        let mut built = PlacesBuilder::new();
        built.push_at("mil-", 1, 1, 1);
        built.push_at("\n", 1, 5, 1);
        built.push_at("lion", 2, 1, 1);
        built.truncate(3);
        built.push_at("lion", 2, 1, 1);
        let (text, places) = built.finish();
        assert_eq!(text, "million");
        assert_eq!(
            places.place(&text, 3, None).0,
            Place {
                line: 2,
                column: 1,
                page: Some(1)
            }
        );
    }
}
