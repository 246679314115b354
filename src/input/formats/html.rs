//! HTML and XHTML: the text a reader sees, with places as line:column in the source.
//!
//! html5ever's tokenizer, the one browsers' HTML5 rules are written into, says what is
//! text (entities decoded, `<script>` and `<style>` read as raw text); this file keeps
//! the visible text only (not scripts, styles, templates, titles or attributes), makes
//! block elements paragraphs, a table's rows paragraphs and its cells parts of the row
//! separated by ` | `, and collapses white space as a browser does (not in `<pre>`).
//! Each piece of text is found again in the source, past the markup before it, so that
//! a figure's place is its line and column in the HTML file, entities and all.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::TokenizerResult;

use super::{Cursor, Flow, Limits, Problem};
use crate::source::PlacesBuilder;

/// Elements whose content is not shown.
const HIDDEN: &[&str] = &["noscript", "script", "style", "template", "title"];

/// Elements that make a block of their own: text before and after is another paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// The text of an HTML document and its places in `source`.
pub(super) fn read(source: &str, _limits: &Limits) -> Result<PlacesBuilder, Problem> {
    Ok(read_flow(source).finish())
}

/// The visible text of HTML `source`, as a [`Flow`] (an EPUB's chapters go on one).
pub(super) fn read_flow(source: &str) -> Flow {
    read_into(source, Flow::new(), 0)
}

/// Appends the visible text of HTML `source` to `flow`, its places on `page` (0: none).
pub(super) fn read_into(source: &str, flow: Flow, page: usize) -> Flow {
    let sink = Sink {
        state: RefCell::new(State {
            cursor: Cursor::new(source),
            flow,
            page,
            hidden: 0,
            pre: 0,
            raw: false,
            cells_in_row: 0,
        }),
    };
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(source));
    while let TokenizerResult::Script(()) = tokenizer.feed(&queue) {}
    tokenizer.end();
    let mut state = tokenizer.sink.state.into_inner();
    state.flow.paragraph();
    state.flow
}

struct Sink<'s> {
    state: RefCell<State<'s>>,
}

struct State<'s> {
    cursor: Cursor<'s>,
    flow: Flow,
    page: usize,
    /// Depth inside elements whose content is not shown.
    hidden: usize,
    /// Depth inside `<pre>`, where white space is kept.
    pre: usize,
    /// The text that follows is raw (a script's, a style's): no markup in it.
    raw: bool,
    cells_in_row: usize,
}

impl TokenSink for Sink<'_> {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut state = self.state.borrow_mut();
        if matches!(
            token,
            Token::TagToken(_) | Token::CommentToken(_) | Token::DoctypeToken(_)
        ) {
            state.skip_one_markup();
        }
        match token {
            Token::CharacterTokens(text) => state.characters(&text),
            Token::NullCharacterToken => state.characters("\0"),
            Token::TagToken(tag) => {
                let name: &str = &tag.name;
                let start = tag.kind == TagKind::StartTag;
                if HIDDEN.contains(&name) {
                    if start && !tag.self_closing {
                        state.hidden += 1;
                        let raw = match name {
                            "script" => Some(RawKind::ScriptData),
                            "style" | "noscript" => Some(RawKind::Rawtext),
                            "title" => Some(RawKind::Rcdata),
                            _ => None,
                        };
                        if let Some(raw) = raw {
                            state.raw = true;
                            return TokenSinkResult::RawData(raw);
                        }
                    } else if !start {
                        state.hidden = state.hidden.saturating_sub(1);
                        state.raw = false;
                    }
                    return TokenSinkResult::Continue;
                }
                state.raw = false;
                match name {
                    "br" => state.flow.line(),
                    "td" | "th" if start => {
                        if state.cells_in_row > 0 {
                            state.flow.cell();
                        }
                        state.cells_in_row += 1;
                    }
                    _ if BLOCKS.contains(&name) => {
                        state.flow.paragraph();
                        if name == "tr" {
                            state.cells_in_row = 0;
                        }
                        if name == "pre" {
                            if start {
                                state.pre += 1;
                            } else {
                                state.pre = state.pre.saturating_sub(1);
                            }
                        }
                    }
                    _ => {}
                }
            }
            Token::DoctypeToken(_)
            | Token::CommentToken(_)
            | Token::EOFToken
            | Token::ParseError(_) => {}
        }
        TokenSinkResult::Continue
    }
}

impl State<'_> {
    /// Text the tokenizer read: found again in the source, past the markup before it,
    /// and shown when it is visible.
    fn characters(&mut self, text: &str) {
        let mut rest = text;
        while !rest.is_empty() {
            if !self.raw {
                self.skip_markup();
            }
            let source = self.cursor.rest();
            // The run the source has as it is.
            let mut same = rest
                .bytes()
                .zip(source.bytes())
                .take_while(|(a, b)| a == b && *b != b'&' && *b != b'<' && *b != b'\r')
                .count();
            while !rest.is_char_boundary(same) {
                same -= 1;
            }
            if same > 0 {
                let (run, after) = rest.split_at(same);
                self.show(run);
                rest = after;
                continue;
            }
            // One character written otherwise in the source: an entity, a line break
            // written as CR LF, or something this walk cannot match.
            let Some(c) = rest.chars().next() else {
                break;
            };
            let mut buffer = [0; 4];
            let one: &str = c.encode_utf8(&mut buffer);
            if source.starts_with('\r') && c == '\n' {
                self.cursor.move_to(self.cursor.offset + 1);
                continue;
            }
            let place = self.cursor.at();
            if source.starts_with('&') {
                let length = entity_length(source);
                self.show_at(one, place);
                self.cursor.move_to(self.cursor.offset + length);
            } else if source.starts_with(one) {
                self.show(one);
            } else {
                // Not found where expected: shown at the cursor, which stays.
                self.show_at(one, place);
            }
            rest = &rest[one.len()..];
        }
    }

    /// Shows `run`, which the source has at the cursor, and moves past it.
    fn show(&mut self, run: &str) {
        if self.hidden > 0 {
            self.cursor.skip(run);
        } else if self.pre > 0 {
            let mut lines = run.split('\n').peekable();
            while let Some(line) = lines.next() {
                let (l, c) = self.cursor.at();
                self.flow.text(line, l, c, self.page);
                self.cursor.skip(line);
                if lines.peek().is_some() {
                    self.flow.line();
                    self.cursor.skip("\n");
                }
            }
        } else {
            self.flow.collapsed_on(run, &mut self.cursor, self.page);
        }
    }

    /// Shows a character written otherwise in the source, at `place`.
    fn show_at(&mut self, one: &str, (line, column): (usize, usize)) {
        if self.hidden > 0 {
            return;
        }
        if one == "\t" && self.pre == 0 {
            self.flow.tab();
        } else if one.starts_with(char::is_whitespace) && self.pre == 0 {
            self.flow.space();
        } else if one == "\n" {
            self.flow.line();
        } else {
            self.flow.text(one, line, column, self.page);
        }
    }

    /// Moves the cursor past tags, comments and declarations.
    fn skip_markup(&mut self) {
        while self.markup_length().is_some() {
            self.skip_one_markup();
        }
    }

    /// Moves the cursor past the tag, comment or declaration the tokenizer just read:
    /// the one at the cursor, or else the next one.
    fn skip_one_markup(&mut self) {
        if self.markup_length().is_none() {
            let Some(next) = self.cursor.rest().find('<') else {
                return;
            };
            self.cursor.move_to(self.cursor.offset + next);
        }
        let length = self.markup_length().unwrap_or(1);
        self.cursor.move_to(self.cursor.offset + length);
    }

    /// Bytes of the markup at the cursor, if markup starts there.
    fn markup_length(&self) -> Option<usize> {
        let source = self.cursor.rest();
        let bytes = source.as_bytes();
        let opens = bytes.first() == Some(&b'<')
            && bytes
                .get(1)
                .is_some_and(|b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?'));
        if !opens {
            return None;
        }
        Some(match source.strip_prefix("<!--") {
            Some(comment) => comment.find("-->").map_or(source.len(), |end| end + 7),
            None => tag_length(bytes),
        })
    }
}

/// Bytes of the tag at the start of `bytes`, up to its `>` (outside quoted values).
fn tag_length(bytes: &[u8]) -> usize {
    let mut quote = None;
    let mut after_equals = false;
    for (index, &b) in bytes.iter().enumerate().skip(1) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'>' => return index + 1,
            None if (b == b'"' || b == b'\'') && after_equals => quote = Some(b),
            None => {}
        }
        if !b.is_ascii_whitespace() {
            after_equals = b == b'=';
        }
    }
    bytes.len()
}

/// Bytes of the character reference at the start of `source` (`&amp;`, `&#8212;`,
/// `&nbsp`): the `&` alone when what follows is not one.
pub(super) fn entity_length(source: &str) -> usize {
    let bytes = source.as_bytes();
    let mut end = 1;
    if bytes.get(1) == Some(&b'#') {
        end = 2;
        if matches!(bytes.get(2), Some(b'x' | b'X')) {
            end = 3;
        }
    }
    while end < bytes.len().min(40) && bytes[end].is_ascii_alphanumeric() {
        end += 1;
    }
    if bytes.get(end) == Some(&b';') {
        end += 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Document;

    fn document(source: &str) -> Document {
        let (text, places) = read(source, &Limits::default()).unwrap().finish();
        Document::with_places("t.html", text, places)
    }

    #[test]
    fn visible_text_only_with_blocks_as_paragraphs() {
        let doc = document(
            "<?xml version=\"1.0\"?>\n<html><head><title>T 1</title><style>p{x:1}</style></head>\n<body>\
             <script>if (a<b) n = 2;</script><p class=\"a>b\">Some <b>1,436</b>\n   people.</p>\
             <p>Next &amp; 3</p></body></html>",
        );
        assert_eq!(doc.text, "Some 1,436 people.\n\nNext & 3");
        assert_eq!(doc.line_col(doc.text.find("1,436").unwrap()), (3, 62));
    }

    #[test]
    fn places_are_lines_and_columns_of_the_source() {
        let source = "<p>A caf&eacute; &amp; 1,436\n  <i>people</i> in 1956</p>";
        let doc = document(source);
        assert_eq!(doc.text, "A café & 1,436 people in 1956");
        let at = |s: &str| doc.line_col(doc.text.find(s).unwrap());
        assert_eq!(at("1,436"), (1, 24));
        assert_eq!(at("people"), (2, 6));
        assert_eq!(at("1956"), (2, 20));
        assert_eq!(at("&"), (1, 18));
    }

    #[test]
    fn table_rows_are_paragraphs_and_cells_are_separated() {
        let doc = document(
            "<table><tr><th>Year</th><th>Deaths</th></tr>\n<tr><td>1937</td><td>353,074</td></tr></table>",
        );
        assert_eq!(doc.text, "Year | Deaths\n\n1937 | 353,074");
        assert_eq!(doc.line_col(doc.text.find("353").unwrap()), (2, 22));
    }

    #[test]
    fn pre_keeps_its_lines() {
        let doc = document("<pre>a  1\nb 2</pre>");
        assert_eq!(doc.text, "a  1\nb 2");
        assert_eq!(doc.line_col(doc.text.find('2').unwrap()), (2, 3));
    }

    #[test]
    fn broken_markup_never_panics() {
        for source in [
            "<",
            "<p",
            "<!--",
            "&",
            "&#",
            "<a href='>",
            "<script>",
            "\r\n&#xZZ;",
        ] {
            let _ = document(source);
        }
    }
}
