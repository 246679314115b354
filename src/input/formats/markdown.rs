//! Markdown: the rendered text (no `**`, `_`, backslashes or link targets inside a
//! figure such as `**1.3 million**`), with places as line:column in the Markdown source.
//!
//! pulldown-cmark, the CommonMark parser rustdoc and mdBook use, parses the source and
//! says for every piece of text which bytes of the source it came from; each piece is
//! matched against those bytes (past a backslash escape or an entity) so that a
//! figure's place is where it is written. Blocks become paragraphs, a table's rows
//! paragraphs with cells separated by ` | `; raw HTML and image descriptions are left
//! out, code is kept.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::html::entity_length;
use super::{Cursor, Flow, Limits, Problem};
use crate::source::PlacesBuilder;

/// The text of a Markdown document and its places in `source`.
pub(super) fn read(source: &str, _limits: &Limits) -> Result<PlacesBuilder, Problem> {
    // Not smart punctuation: the text keeps the source's quotes and dashes.
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut flow = Flow::new();
    let mut cursor = Cursor::new(source);
    let mut code_block = false;
    let mut image = 0usize;
    let mut cells_in_row = 0usize;
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        match event {
            Event::Text(text) | Event::Code(text) | Event::InlineMath(text) => {
                if image == 0 {
                    show(&mut flow, &mut cursor, &text, range, code_block);
                }
            }
            Event::DisplayMath(text) => {
                flow.paragraph();
                show(&mut flow, &mut cursor, &text, range, true);
                flow.paragraph();
            }
            Event::SoftBreak => flow.space(),
            Event::HardBreak => flow.line(),
            Event::Rule => flow.paragraph(),
            Event::Start(Tag::Image { .. }) => image += 1,
            Event::End(TagEnd::Image) => image = image.saturating_sub(1),
            Event::Start(Tag::CodeBlock(_)) => {
                code_block = true;
                flow.paragraph();
            }
            Event::End(TagEnd::CodeBlock) => {
                code_block = false;
                flow.paragraph();
            }
            Event::Start(Tag::TableCell) => {
                if cells_in_row > 0 {
                    flow.cell();
                }
                cells_in_row += 1;
            }
            Event::Start(Tag::TableRow | Tag::TableHead) => {
                cells_in_row = 0;
                flow.paragraph();
            }
            Event::Start(tag) if is_block(&TagEnd::from(tag.clone())) => flow.paragraph(),
            Event::End(tag) if is_block(&tag) => flow.paragraph(),
            Event::Start(_)
            | Event::End(_)
            | Event::Html(_)
            | Event::InlineHtml(_)
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_) => {}
        }
    }
    Ok(flow.finish())
}

fn is_block(tag: &TagEnd) -> bool {
    !matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
            | TagEnd::TableCell
    )
}

/// Shows `text`, which the parser read from `range` of the source: the runs the source
/// has as they are keep their places; a character written otherwise (escaped, an
/// entity) takes the place where it is written.
fn show(flow: &mut Flow, cursor: &mut Cursor, text: &str, range: Range<usize>, keep_lines: bool) {
    if range.start >= cursor.offset || range.end <= cursor.offset {
        cursor.move_to(range.start);
    }
    let mut rest = text;
    while !rest.is_empty() {
        let source = &cursor.rest()[..range
            .end
            .saturating_sub(cursor.offset)
            .min(cursor.rest().len())];
        let mut same = rest
            .bytes()
            .zip(source.bytes())
            .take_while(|(a, b)| a == b && *b != b'&' && *b != b'\\' && *b != b'\r')
            .count();
        while !rest.is_char_boundary(same) {
            same -= 1;
        }
        if same > 0 {
            let (run, after) = rest.split_at(same);
            if keep_lines {
                let mut lines = run.split('\n').peekable();
                while let Some(line) = lines.next() {
                    let (l, c) = cursor.at();
                    flow.text(line, l, c, 0);
                    cursor.skip(line);
                    if lines.peek().is_some() {
                        flow.line();
                        cursor.skip("\n");
                    }
                }
            } else {
                flow.collapsed_on(run, cursor, 0);
            }
            rest = after;
            continue;
        }
        let Some(c) = rest.chars().next() else {
            break;
        };
        let mut buffer = [0; 4];
        let one: &str = c.encode_utf8(&mut buffer);
        let (line, column) = cursor.at();
        if source.starts_with('\r') {
            cursor.move_to(cursor.offset + 1);
            continue;
        }
        if source.starts_with('\\') && source[1..].starts_with(one) {
            // An escaped character: shown where the backslash is.
            cursor.move_to(cursor.offset + 1 + one.len());
        } else if source.starts_with('&') {
            cursor.move_to(cursor.offset + entity_length(source));
        } else if let Some(found) = source.find(one).filter(|&found| found > 0) {
            // Markup before it (a code span's backticks, a block quote's `>`).
            cursor.move_to(cursor.offset + found);
            continue;
        } else if source.starts_with(one) {
            // A character the quick run stops at (a backslash not escaping the next).
            cursor.move_to(cursor.offset + one.len());
        }
        if c == '\n' {
            flow.line();
        } else if c == '\t' && !keep_lines {
            flow.tab();
        } else if c.is_whitespace() && !keep_lines {
            flow.space();
        } else {
            flow.text(one, line, column, 0);
        }
        rest = &rest[one.len()..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Document;

    fn document(source: &str) -> Document {
        let (text, places) = read(source, &Limits::default()).unwrap().finish();
        Document::with_places("t.md", text, places)
    }

    #[test]
    fn markup_is_not_in_the_text() {
        let doc =
            document("# Title 1\n\nSome **1.3 million** [people](http://x/2) \\*3\nwrapped.\n");
        assert_eq!(doc.text, "Title 1\n\nSome 1.3 million people *3 wrapped.");
        let at = |s: &str| doc.line_col(doc.text.find(s).unwrap());
        assert_eq!(at("1.3 million"), (3, 8));
        assert_eq!(at("people"), (3, 23));
        // An escaped character is where it is written, past its backslash.
        assert_eq!(at("*3"), (3, 44));
        assert_eq!(at("wrapped"), (4, 1));
    }

    #[test]
    fn a_backslash_in_code_is_read_and_the_reader_goes_on() {
        // Once a loop: the backslash of `\\x` in a code span, found where it stood.
        let doc = document("`a\\x 7`\n\n\\\\ 8 \\\n");
        assert_eq!(doc.text, "a\\x 7\n\n\\ 8 \\");
        assert_eq!(doc.line_col(doc.text.find('8').unwrap()), (3, 4));
    }

    #[test]
    fn tables_lists_and_code() {
        let doc = document("| Year | Deaths |\n|---|---|\n| 1937 | 353,074 |\n\n- one `42` two\n");
        assert_eq!(doc.text, "Year | Deaths\n\n1937 | 353,074\n\none 42 two");
        let at = |s: &str| doc.line_col(doc.text.find(s).unwrap());
        assert_eq!(at("353,074"), (3, 10));
        assert_eq!(at("42"), (5, 8));
    }
}
