//! Bibliographic citations on the lines of a sentence: whether the lines are an entry
//! of a reference list or of notes (every bare number there is a page, volume or year),
//! and where citations stand inside sentences ("(Larsen 1998, p. 41)", "[12]", "p.
//! 318"), so that the gate drops a citation's own numbers and keeps the sentence's.

use std::ops::Range;

/// The citations on some lines.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Citations {
    /// The lines, as a byte range of the text.
    lines: Range<usize>,
    /// The lines are an entry of a reference list or of notes.
    reference_lines: bool,
    /// Citations inside sentences, as byte ranges of the text; searched for when first
    /// a number may be inside one.
    spans: Option<Vec<Range<usize>>>,
    /// The lines hold a bracket, "(" or "[", that a citation inside a sentence may start
    /// with; unknown until asked.
    brackets: Option<bool>,
}

/// The start of an entry of a reference list or of notes, matched at a line's start.
const ENTRY_START: &str = r"
    ^\s*\d{1,3}\.\s+(?:[A-Z][a-z]?\.|[A-Z][a-z]+,|\*|\x22|“|See(?-u:\b)|Ibid)  # endnote: 12. I. Deutscher / 53. Bailey,
    | ^\s*\[\d{1,3}\]\s                           # [12] Larsen, K.
    | ^[A-Z][a-z]+,\s[A-Z][a-z]*\.                 # bibliography: Chuev, Felix. / Larsen, K.
";

/// The end of an entry, matched at a line's end: "Moscow, 1991."
const ENTRY_END: &str = r"
    (?-u:\b)[A-Z][a-z]+,\s(?:1[5-9]|20)\d\d(?:–|-)?\d{0,4}\.\s*$
";

/// How much of a line's start and end an entry's marks can take.
const ENTRY_REACH: usize = 96;

/// A publisher, which names a reference entry only beside another mark of one.
const PUBLISHER: &str = r"
    (?-u:\b)(?:Press|Publishers|Verlag|Izdatelstvo|Izd\.)(?-u:\b)
";

/// The other marks of a reference entry: a year in brackets or after a comma, a place
/// and a colon, a page or a volume.
const PUBLISHED: &str = r"
    \((?:1[5-9]|20)\d\d[a-z]?\)
    | ,\s(?:1[5-9]|20)\d\d[.;,)]
    | [A-Z][a-z]+:\s[A-Z]
    | (?-u:\b)(?:pp?|vols?|eds?)\.\s
";

/// A citation inside a sentence.
const INLINE: &str = r"
    \([^()\n]*[,:]\s*(?:1[5-9]|20)\d\d\)                       # (Moscow: Publisher, 1989)
    | \([^()\n]*(?:1[5-9]|20)\d\d[a-z]?(?:,\s*(?:pp?|vols?|с|стр|т)\.\s*[\d–-]+)?\)  # (Larsen 1998, p. 41), (Иванов 1998, с. 41)
    | \[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]                        # [12], [3, 4]
    | (?-u:\b)(?:pp?|vols?|eds?|chap|ibid|op\.\s?cit)\.\s*\d[\d\s,–-]*  # p. 12, vol. 3, pp. 114–15
";

/// The patterns, compiled once.
struct Patterns {
    entry_start: regex::Regex,
    entry_end: regex::Regex,
    publisher: regex::Regex,
    published: regex::Regex,
    /// A citation inside a sentence, matched where one may start.
    inline: regex::Regex,
}

fn patterns() -> &'static Patterns {
    use std::sync::OnceLock;
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    let compile = |pattern: &str| {
        regex::Regex::new(&format!("(?x){pattern}")).expect("a citation pattern is valid")
    };
    PATTERNS.get_or_init(|| Patterns {
        entry_start: compile(ENTRY_START),
        entry_end: compile(ENTRY_END),
        publisher: compile(PUBLISHER),
        published: compile(PUBLISHED),
        inline: compile(&format!("^(?:{INLINE})")),
    })
}

/// Where an inline citation may start in `lines`: a bracket, or the abbreviation
/// before a dot that a number follows ("p. 41", "vol. 3").
fn inline_starts(lines: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = lines.as_bytes();
    memchr::memchr3_iter(b'(', b'[', b'.', bytes).filter_map(move |at| match bytes[at] {
        b'(' | b'[' => Some(at),
        b'.' => {
            let digit_follows = bytes[at + 1..]
                .iter()
                .find(|b| !b.is_ascii_whitespace())
                .is_some_and(u8::is_ascii_digit);
            if !digit_follows {
                return None;
            }
            // Back to the start of the word before the dot ("op. cit." has two).
            let word = bytes[..at]
                .iter()
                .rev()
                .take(10)
                .take_while(|b| b.is_ascii_alphabetic() || b.is_ascii_whitespace() || **b == b'.')
                .count();
            let mut start = at - word;
            while start < at && !bytes[start].is_ascii_alphabetic() {
                start += 1;
            }
            let boundary = start == 0 || !bytes[start - 1].is_ascii_alphanumeric();
            (start < at && boundary).then_some(start)
        }
        _ => None,
    })
}

/// The inline citations of `lines`, as byte ranges of it, leftmost first and apart.
fn inline_spans(lines: &str, inline: &regex::Regex) -> Vec<Range<usize>> {
    let mut spans: Vec<Range<usize>> = Vec::new();
    // The starts come in order, each once: the word before a dot is read back no
    // further than the last bracket or number.
    for start in inline_starts(lines) {
        if spans.last().is_some_and(|last| start < last.end) {
            continue;
        }
        if let Some(found) = lines.get(start..).and_then(|rest| inline.find(rest)) {
            if !found.is_empty() {
                spans.push(start..start + found.end());
            }
        }
    }
    spans
}

/// Words that mark a reference entry anywhere on its lines, found in one pass over the
/// capitals they start with.
#[derive(Clone, Copy)]
struct Marks {
    isbn: bool,
    /// A publisher's name may be there ("Press", "Publishers", "Verlag", "Izd").
    publisher: bool,
}

impl Marks {
    fn of(lines: &str) -> Marks {
        let bytes = lines.as_bytes();
        let mut marks = Marks {
            isbn: false,
            publisher: false,
        };
        for at in memchr::memchr3_iter(b'I', b'P', b'V', bytes) {
            let rest = &bytes[at..];
            marks.isbn |= rest.starts_with(b"ISBN");
            marks.publisher |= rest.starts_with(b"Press")
                || rest.starts_with(b"Publishers")
                || rest.starts_with(b"Verlag")
                || rest.starts_with(b"Izd");
        }
        marks
    }
}

/// The first bytes of a line, up to `ENTRY_REACH`.
fn head(line: &str) -> &str {
    let mut end = line.len().min(ENTRY_REACH);
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    &line[..end]
}

/// The last bytes of a line, up to `ENTRY_REACH`.
fn tail(line: &str) -> &str {
    let mut start = line.len().saturating_sub(ENTRY_REACH);
    while !line.is_char_boundary(start) {
        start += 1;
    }
    &line[start..]
}

/// Whether `lines` are an entry of a reference list: a mark at a line's start or end,
/// or an ISBN. Only a line's ends are read.
fn entry_lines(lines: &str, patterns: &Patterns, marks: Marks) -> bool {
    marks.isbn
        || each_line(lines).any(|line| {
            let (head, tail) = (head(line), tail(line));
            (may_start_entry(head) && patterns.entry_start.is_match(head))
                || (may_end_entry(tail) && patterns.entry_end.is_match(tail))
        })
}

/// The lines of `text`, without their line breaks.
fn each_line(text: &str) -> impl Iterator<Item = &str> {
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]);
    let mut start = 0;
    ends.map(move |end| {
        let line = &text[start..end];
        start = end + 1;
        line
    })
}

/// Could [`ENTRY_START`] match at the start of `head`? It starts with a digit (of any
/// script) or a bracket after white space, or with a capitalised word and a comma.
fn may_start_entry(head: &str) -> bool {
    let bytes = head.as_bytes();
    let letters = bytes
        .iter()
        .skip(1)
        .take_while(|b| b.is_ascii_lowercase())
        .count();
    let capitalised_word = bytes.first().is_some_and(u8::is_ascii_uppercase)
        && letters > 0
        && bytes.get(1 + letters) == Some(&b',');
    capitalised_word
        || head
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| c == '[' || c.is_numeric())
}

/// Could [`ENTRY_END`] match at the end of `tail`? It ends with a stop after a digit (of
/// any script) or a dash, and white space.
fn may_end_entry(tail: &str) -> bool {
    tail.trim_end()
        .strip_suffix('.')
        .and_then(|before| before.chars().next_back())
        .is_some_and(|c| c.is_numeric() || c == '-' || c == '–')
}

/// Could a citation inside a sentence ([`INLINE`]) hold the number in digits that starts
/// at byte `at` of `text`, on lines with no bracket? Only after a stop ("p. 41", "pp.
/// 114–15") with nothing but digits, white space, commas and dashes between. A number
/// not in digits may be held.
fn may_be_cited_inline(text: &str, at: usize) -> bool {
    let Some(before) = text.get(..at) else {
        return true;
    };
    if !text.as_bytes().get(at).is_some_and(u8::is_ascii_digit) {
        return true;
    }
    let before = before.trim_end_matches(|c: char| {
        c.is_numeric() || c.is_whitespace() || matches!(c, ',' | '–' | '-')
    });
    before.ends_with('.')
}

impl Citations {
    /// The citations of the lines at `lines` of `text`: whether they are an entry of a
    /// reference list; the citations inside their sentences are searched for later, if
    /// asked for.
    pub(super) fn of(text: &str, lines: Range<usize>) -> Citations {
        // Most lines of prose hold no citation: only a line's ends and the places a
        // citation may start are read, not every byte by the patterns.
        let mut citations = Citations {
            lines: lines.clone(),
            reference_lines: false,
            spans: None,
            brackets: None,
        };
        let (text_of_lines, offset) = (&text[lines.clone()], lines.start);
        let patterns = patterns();
        let marks = Marks::of(text_of_lines);
        if entry_lines(text_of_lines, patterns, marks) {
            citations.reference_lines = true;
            return citations;
        }
        if !marks.publisher || !patterns.publisher.is_match(text_of_lines) {
            return citations;
        }
        // A publisher makes a reference entry only with a mark of publication outside
        // the sentence's own citations: "According to the Associated Press (Larsen
        // 1998, p. 41), 4,512 people..." is prose.
        let inline = inline_spans(text_of_lines, &patterns.inline);
        citations.reference_lines = patterns.published.find_iter(text_of_lines).any(|m| {
            !inline
                .iter()
                .any(|c| c.start <= m.start() && m.end() <= c.end)
        });
        citations.spans = Some(
            inline
                .into_iter()
                .map(|c| offset + c.start..offset + c.end)
                .collect(),
        );
        citations
    }

    /// Is `span` of `text` a citation's own number: on lines of a reference entry (every
    /// bare number there is a page, volume or year), or inside a citation within a
    /// sentence?
    pub(super) fn hold(&mut self, text: &str, span: &Range<usize>) -> bool {
        if self.reference_lines {
            return true;
        }
        // Most lines of prose have no bracket, and most numbers on them no stop before
        // them: such a number is in no citation, and the lines' citations are searched
        // for only when one may hold a number.
        let lines = self.lines.clone();
        let brackets = *self.brackets.get_or_insert_with(|| {
            memchr::memchr2(b'(', b'[', &text.as_bytes()[lines.clone()]).is_some()
        });
        let at = span.start.saturating_sub(lines.start);
        if !brackets && span.start >= lines.start && !may_be_cited_inline(&text[lines.clone()], at)
        {
            return false;
        }
        let spans = self.spans.get_or_insert_with(|| {
            inline_spans(&text[lines.clone()], &patterns().inline)
                .into_iter()
                .map(|c| lines.start + c.start..lines.start + c.end)
                .collect()
        });
        spans
            .iter()
            .any(|c| c.start <= span.start && span.end <= c.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `span` is held, with every inline citation of the lines searched for.
    fn held_by_a_whole_search(text: &str, lines: Range<usize>, span: &Range<usize>) -> bool {
        if Citations::of(text, lines.clone()).reference_lines {
            return true;
        }
        inline_spans(&text[lines.clone()], &patterns().inline)
            .iter()
            .any(|c| lines.start + c.start <= span.start && span.end <= lines.start + c.end)
    }

    #[test]
    fn numbers_are_held_as_when_every_citation_is_searched_for() {
        let pieces = [
            "ISBN",
            "Press",
            " ",
            "\n",
            "\u{a0}",
            "12.",
            "3. ",
            "[3]",
            "[12, 4]",
            " Moscow, 1991.",
            "91",
            "–",
            "-",
            "2003",
            "(",
            ")",
            "(Larsen 1998, p. 41)",
            "p. 12",
            "pp.",
            "vol.",
            " op. cit. ",
            "Chuev, Felix.",
            "“",
            "٣",
            "A",
            "x",
            ".",
            ",",
            ":",
            "с. 41",
            "1",
            "½",
            "the mat ",
        ];
        let mut next = crate::extract::tests::xorshift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..20_000 {
            let mut text = String::from(pieces[next() % pieces.len()]);
            let lines_start = text.len();
            for _ in 0..next() % 12 + 1 {
                text.push_str(pieces[next() % pieces.len()]);
            }
            let lines = lines_start..text.len();
            let mut citations = Citations::of(&text, lines.clone());
            // Every number in digits, and every character, as a span.
            let numbers = text[lines.clone()]
                .match_indices(|c: char| c.is_ascii_digit())
                .map(|(at, _)| lines.start + at..lines.start + at + 1);
            let characters = text[lines.clone()]
                .char_indices()
                .map(|(at, c)| lines.start + at..lines.start + at + c.len_utf8());
            for span in numbers.chain(characters) {
                assert_eq!(
                    citations.hold(&text, &span),
                    held_by_a_whole_search(&text, lines.clone(), &span),
                    "{text:?} {span:?}"
                );
            }
        }
    }
}
