//! Bibliographic citations on the lines of a sentence: whether the lines are an entry
//! of a reference list or of notes (every bare number there is a page, volume or year),
//! and where citations stand inside sentences ("(Larsen 1998, p. 41)", "[12]", "p.
//! 318"), so that the gate drops a citation's own numbers and keeps the sentence's.

use std::ops::Range;

/// The citations on some lines.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Citations {
    /// The lines are an entry of a reference list or of notes.
    pub(super) reference_lines: bool,
    /// Citations inside sentences, as byte ranges of the text.
    pub(super) spans: Vec<Range<usize>>,
}

/// An entry of a reference list or of notes.
const ENTRY: &str = r"
    (?m:^\s*\d{1,3}\.\s+(?:[A-Z][a-z]?\.|[A-Z][a-z]+,|\*|\x22|“|See(?-u:\b)|Ibid))  # endnote: 12. I. Deutscher / 53. Bailey,
    | (?m:^\s*\[\d{1,3}\]\s)                           # [12] Larsen, K.
    | (?m:^[A-Z][a-z]+,\s[A-Z][a-z]*\.)                 # bibliography: Chuev, Felix. / Larsen, K.
    | (?m:(?-u:\b)[A-Z][a-z]+,\s(?:1[5-9]|20)\d\d(?:–|-)?\d{0,4}\.\s*$)  # Moscow, 1991.
    | (?-u:\b)ISBN(?-u:\b)
";

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
    | \([^()\n]*(?:1[5-9]|20)\d\d[a-z]?(?:,\s*(?:pp?|vols?)\.\s*[\d–-]+)?\)  # (Larsen 1998, p. 41)
    | \[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]                        # [12], [3, 4]
    | (?-u:\b)(?:pp?|vols?|eds?|chap|ibid|op\.\s?cit)\.\s*\d[\d\s,–-]*  # p. 12, vol. 3, pp. 114–15
";

impl Citations {
    /// The citations of `lines`, which start at byte `offset` of the text.
    pub(super) fn of(lines: &str, offset: usize) -> Citations {
        use std::sync::OnceLock;
        static ANY: OnceLock<regex::Regex> = OnceLock::new();
        static PATTERNS: OnceLock<[regex::Regex; 4]> = OnceLock::new();
        let compile = |pattern: &str| {
            regex::Regex::new(&format!("(?x){pattern}")).expect("a citation pattern is valid")
        };
        // One scan of the lines, as most lines of prose hold no citation; the patterns
        // one by one only where one does.
        let any = ANY.get_or_init(|| compile(&format!("{ENTRY}|{PUBLISHER}|{INLINE}")));
        if !any.is_match(lines) {
            return Citations::default();
        }
        let [entry, publisher, published, inline] = PATTERNS.get_or_init(|| {
            [
                compile(ENTRY),
                compile(PUBLISHER),
                compile(PUBLISHED),
                compile(INLINE),
            ]
        });
        let inline_spans: Vec<Range<usize>> = inline
            .find_iter(lines)
            .map(|m| m.start()..m.end())
            .collect();
        let maybe_publisher = ["Press", "Publishers", "Verlag", "Izd"]
            .iter()
            .any(|name| lines.contains(name));
        // A publisher makes a reference entry only with a mark of publication outside
        // the sentence's own citations: "According to the Associated Press (Larsen
        // 1998, p. 41), 4,512 people..." is prose.
        let published_outside = || {
            published.find_iter(lines).any(|m| {
                !inline_spans
                    .iter()
                    .any(|c| c.start <= m.start() && m.end() <= c.end)
            })
        };
        let reference_lines = entry.is_match(lines)
            || (maybe_publisher && publisher.is_match(lines) && published_outside());
        let spans = if reference_lines {
            Vec::new()
        } else {
            inline_spans
                .into_iter()
                .map(|c| offset + c.start..offset + c.end)
                .collect()
        };
        Citations {
            reference_lines,
            spans,
        }
    }
}
