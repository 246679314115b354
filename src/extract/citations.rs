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

impl Citations {
    /// The citations of `lines`, which start at byte `offset` of the text.
    pub(super) fn of(lines: &str, offset: usize) -> Citations {
        use std::sync::OnceLock;
        static ENTRY: OnceLock<regex::Regex> = OnceLock::new();
        static PUBLISHER: OnceLock<regex::Regex> = OnceLock::new();
        static PUBLISHED: OnceLock<regex::Regex> = OnceLock::new();
        static INLINE: OnceLock<regex::Regex> = OnceLock::new();
        let entry = ENTRY.get_or_init(|| {
            regex::Regex::new(
                r"(?x)
                (?m:^\s*\d{1,3}\.\s+(?:[A-Z][a-z]?\.|[A-Z][a-z]+,|\*|\x22|“|See(?-u:\b)|Ibid))  # endnote: 12. I. Deutscher / 53. Bailey,
                | (?m:^\s*\[\d{1,3}\]\s)                           # [12] Larsen, K.
                | (?m:^[A-Z][a-z]+,\s[A-Z][a-z]*\.)                 # bibliography: Chuev, Felix. / Larsen, K.
                | (?m:(?-u:\b)[A-Z][a-z]+,\s(?:1[5-9]|20)\d\d(?:–|-)?\d{0,4}\.\s*$)  # Moscow, 1991.
                | (?-u:\b)ISBN(?-u:\b)",
            )
            .expect("the reference entry pattern is valid")
        });
        // A publisher names a reference entry only beside another mark of one: a year
        // in brackets or after a comma, a place and a colon, a page or a volume.
        let publisher = PUBLISHER.get_or_init(|| {
            regex::Regex::new(r"(?-u:\b)(?:Press|Publishers|Verlag|Izdatelstvo|Izd\.)(?-u:\b)")
                .expect("the publisher pattern is valid")
        });
        let published = PUBLISHED.get_or_init(|| {
            regex::Regex::new(
                r"(?x)
                \((?:1[5-9]|20)\d\d[a-z]?\)
                | ,\s(?:1[5-9]|20)\d\d[.;,)]
                | [A-Z][a-z]+:\s[A-Z]
                | (?-u:\b)(?:pp?|vols?|eds?)\.\s",
            )
            .expect("the published pattern is valid")
        });
        let inline = INLINE.get_or_init(|| {
            regex::Regex::new(
                r"(?x)
                \([^()\n]*[,:]\s*(?:1[5-9]|20)\d\d\)                       # (Moscow: Publisher, 1989)
                | \([^()\n]*(?:1[5-9]|20)\d\d[a-z]?(?:,\s*(?:pp?|vols?)\.\s*[\d–-]+)?\)  # (Larsen 1998, p. 41)
                | \[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]                        # [12], [3, 4]
                | (?-u:\b)(?:pp?|vols?|eds?|chap|ibid|op\.\s?cit)\.\s*\d[\d\s,–-]*  # p. 12, vol. 3, pp. 114–15",
            )
            .expect("the inline citation pattern is valid")
        });
        let reference_lines =
            entry.is_match(lines) || (publisher.is_match(lines) && published.is_match(lines));
        let spans = if reference_lines {
            Vec::new()
        } else {
            inline
                .find_iter(lines)
                .map(|m| offset + m.start()..offset + m.end())
                .collect()
        };
        Citations {
            reference_lines,
            spans,
        }
    }
}
