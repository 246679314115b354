//! Context around a figure: who asserts it, what it counts, and which years it
//! speaks of. Works on the tokens of one sentence.

use super::figure::Period;
use super::lexicon;
use super::tokens::{TokKind, Tokens};

/// A year or span of years mentioned in a sentence, at a byte position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct YearMention {
    pub at: usize,
    pub period: Period,
}

/// Whether the year (or date) starting at token `i` dates a publication rather than
/// what a figure speaks of: "published in July 1989", "the July 1989 issue", "his 1998
/// book", "dated 1 February 1954". Such a year gives no figure its period: a figure
/// with no period is compared with any, one with a wrong one is set apart.
pub fn dates_a_publication(tokens: &Tokens, text: &str, i: usize) -> bool {
    let word = |k: usize| tokens.lower(k);
    let numeral = |k: usize| tokens.get(k).is_some_and(|t| t.kind == TokKind::Num);
    let date_part = |k: usize| numeral(k) || lexicon::is_month(word(k));
    // Back over the rest of a date ("February 1, 1954"; "1 February"), then "in"/"on".
    let mut before = i;
    while before > 0
        && i - before < 4
        && (date_part(before - 1)
            || (tokens.is_punct(before - 1, text, ',') && before >= 2 && numeral(before - 2)))
    {
        before -= 1;
    }
    let publishes = |w: &str| {
        matches!(
            w,
            "published"
                | "printed"
                | "issued"
                | "appeared"
                | "dated"
                | "опубликован"
                | "опубликована"
                | "опубликовано"
        )
    };
    if before > 0 {
        let w = word(before - 1);
        if publishes(w)
            || (matches!(w, "in" | "on" | "в") && before > 1 && publishes(word(before - 2)))
            || (w == "of" && before > 1 && matches!(word(before - 2), "issue" | "edition"))
        {
            return true;
        }
    }
    // Forward over the rest of the date to the noun it dates: "the July 1989 issue".
    let mut after = i + 1;
    while date_part(after) && after - i < 3 {
        after += 1;
    }
    matches!(
        word(after),
        "issue"
            | "issues"
            | "edition"
            | "editions"
            | "book"
            | "books"
            | "article"
            | "articles"
            | "magazine"
            | "newspaper"
            | "monograph"
            | "yearbook"
    )
}

/// Whether a sentence says it speaks of another time than the one before it, with no
/// year of its own needed: "in later years", "since then", "now", "today",
/// "subsequently"; "с тех пор", "сейчас", "впоследствии". Its figures then take no
/// period from the sentences before.
pub fn moves_in_time(tokens: &Tokens) -> bool {
    let word = |k: usize| tokens.lower(k);
    // Words that say it only opening the sentence: "Now 3,000 remain", not "the figures,
    // which are now at everyone's disposal, show that during these two years ...".
    let mut first = (0..tokens.len())
        .find(|&k| tokens.get(k).is_some_and(|t| t.kind == TokKind::Word))
        .unwrap_or(0);
    if matches!(word(first), "and" | "but" | "а" | "но" | "и") {
        first += 1;
    }
    let opening = matches!(
        word(first),
        "now"
            | "today"
            | "currently"
            | "presently"
            | "later"
            | "afterwards"
            | "сейчас"
            | "ныне"
            | "сегодня"
            | "теперь"
            | "позднее"
            | "позже"
    ) || (word(first) == "at" && word(first + 1) == "present");
    // Phrases that say it wherever they stand.
    opening
        || (0..tokens.len()).any(|k| match word(k) {
            "nowadays" | "subsequently" | "thereafter" | "впоследствии" => true,
            "since" => word(k + 1) == "then",
            "ever" => word(k + 1) == "since",
            "in" => {
                let next = if word(k + 1) == "the" { k + 2 } else { k + 1 };
                matches!(word(next), "later" | "subsequent" | "following" | "recent")
                    && matches!(word(next + 1), "years" | "decades")
            }
            "с" => word(k + 1) == "тех" && word(k + 2) == "пор",
            "в" => matches!(word(k + 1), "последующие" | "последние") && word(k + 2) == "годы",
            _ => false,
        })
}

/// The period for a figure at byte `at`: the nearest year mention in its sentence.
pub fn nearest_period(mentions: &[YearMention], at: usize) -> Option<Period> {
    mentions
        .iter()
        .min_by_key(|m| {
            let distance = m.at.abs_diff(at);
            // On a tie, the mention before the figure wins.
            (distance, m.at > at)
        })
        .map(|m| m.period)
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Words that are capitalised but are not names.
fn is_not_name(lower: &str) -> bool {
    const NOT_NAMES: &[&str] = &[
        "the",
        "a",
        "an",
        "this",
        "that",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "in",
        "on",
        "at",
        "but",
        "and",
        "or",
        "so",
        "yet",
        "thus",
        "however",
        "then",
        "according",
        "as",
        "for",
        "by",
        "after",
        "before",
        "when",
        "while",
        "there",
        "here",
        "his",
        "her",
        "their",
        "its",
        "our",
        "some",
        "many",
        "most",
        "all",
        "one",
        "both",
        "each",
        "also",
        "later",
        "today",
        "historian",
        "historians",
        "professor",
        "minister",
        "secretary",
        "president",
        "general",
        "comrade",
        "academician",
        "journalist",
        "writer",
        "author",
        "marshal",
        "chairman",
        "prosecutor",
        "commissar",
        "senator",
        "mayor",
    ];
    NOT_NAMES.contains(&lower)
}

/// A name: capitalised words and initials ("Roy Medvedev", "J.V. Stalin", "S. Kruglov").
/// Returns the byte span of the longest name starting at token `i`.
fn name_from(tokens: &Tokens, text: &str, i: usize) -> Option<(usize, usize)> {
    let mut j = i;
    let mut end = None;
    let start = tokens.get(i)?.span.start;
    while let Some(token) = tokens.get(j) {
        match token.kind {
            TokKind::Word => {
                let word = &text[token.span.clone()];
                let lower = tokens.lower(j);
                let particle = matches!(
                    lower,
                    "de" | "von" | "van" | "der" | "la" | "le" | "bin" | "al"
                );
                if !(is_capitalised(word) || (particle && end.is_some()))
                    || is_not_name(lower) && end.is_none()
                {
                    break;
                }
                end = Some(token.span.end);
                // An initial: "J" "." — take the stop too.
                if word.chars().count() <= 2 && tokens.is_punct(j + 1, text, '.') {
                    end = Some(tokens.get(j + 1)?.span.end);
                    j += 2;
                    continue;
                }
                j += 1;
            }
            TokKind::Superscript => j += 1,
            _ => break,
        }
    }
    end.map(|e| (start, e))
}

/// A name ending at token `last` (inclusive), read backwards.
fn name_before(tokens: &Tokens, text: &str, last: usize) -> Option<(usize, usize)> {
    let mut j = last as isize;
    let mut start = None;
    let end = tokens.get(last)?.span.end;
    let mut words = 0;
    let mut seen_initial = false;
    while j >= 0 {
        let token = tokens.get(j as usize)?;
        match token.kind {
            TokKind::Word => {
                let word = &text[token.span.clone()];
                if !is_capitalised(word) || is_not_name(tokens.lower(j as usize)) {
                    break;
                }
                let initial =
                    word.chars().count() <= 2 && tokens.is_punct(j as usize + 1, text, '.');
                // Initials open a name: "Minister of Internal Affairs S. Kruglov" → "S. Kruglov".
                if seen_initial && !initial || words == 3 {
                    break;
                }
                seen_initial |= initial;
                words += 1;
                start = Some(token.span.start);
            }
            TokKind::Superscript => {}
            TokKind::Punct if text[token.span.clone()] == *"." => {}
            _ => break,
        }
        j -= 1;
    }
    let start = start?;
    // Do not start on a stop.
    Some((start, end)).filter(|(s, e)| s < e)
}

/// Who the sentence says asserts its figures, as written ("Roy Medvedev").
pub fn attribution(tokens: &Tokens, text: &str) -> Option<String> {
    let n = tokens.len();
    for i in 0..n {
        // Only the words below are read on from: the others are told by their role,
        // found when the sentence was tokenised.
        if tokens.get(i)?.kind != TokKind::Word || !tokens.role(i).opens_attribution() {
            continue;
        }
        let word = tokens.lower(i);
        // "according to Roy Medvedev", "according to the ministry".
        if word == "according" && tokens.is_word(i + 1, "to") {
            if let Some((s, e)) = name_from(tokens, text, i + 2) {
                return Some(clean_name(&text[s..e]));
            }
            // "according to the ministry of health", "according to historians".
            let mut parts = Vec::new();
            let mut j = i + 2;
            while let Some(t) = tokens.get(j) {
                if t.kind != TokKind::Word
                    || lexicon::is_noun_phrase_stop(tokens.lower(j)) && !parts.is_empty()
                {
                    break;
                }
                parts.push(&text[t.span.clone()]);
                j += 1;
                if parts.len() == 4 {
                    break;
                }
            }
            let only_determiner = parts.len() == 1 && is_not_name(&parts[0].to_lowercase());
            if !parts.is_empty() && !only_determiner {
                return Some(parts.join(" "));
            }
        }
        // "по данным Росстата", "по словам министра".
        if word == "по"
            && matches!(
                tokens.lower(i + 1),
                "данным" | "словам" | "мнению" | "оценкам" | "подсчётам" | "подсчетам"
            )
        {
            if let Some(t) = tokens.get(i + 2).filter(|t| t.kind == TokKind::Word) {
                let (s, e) = name_from(tokens, text, i + 2).unwrap_or((t.span.start, t.span.end));
                return Some(clean_name(&text[s..e]));
            }
        }
        if lexicon::is_reporting_verb(word) {
            // "said Maria Lopez" after a quotation.
            if i > 0
                && (tokens
                    .punct(i - 1, text)
                    .is_some_and(|c| matches!(c, ',' | '"' | '\u{201D}')))
            {
                if let Some((s, e)) = name_from(tokens, text, i + 1) {
                    return Some(clean_name(&text[s..e]));
                }
            }
            // "Kozhinov claims", "historian Vadim Kozhinov ... came".
            if i > 0 {
                let mut last = i - 1;
                // Skip a comma-separated apposition ending: "S. Kruglov, stated".
                if tokens.punct(last, text) == Some(',') && last > 0 {
                    last -= 1;
                }
                if let Some((s, e)) = name_before(tokens, text, last) {
                    return Some(clean_name(&text[s..e]));
                }
            }
        }
    }
    None
}

fn clean_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .filter(|c| !super::tokens::is_superscript_digit(*c))
        .collect();
    // Rejoin a name hyphenated across a line break: "Leo-" / "nid" → "Leonid".
    let mut out = String::with_capacity(cleaned.len());
    for piece in cleaned.split_whitespace() {
        let continues = out.ends_with('-') && piece.starts_with(char::is_lowercase);
        if continues {
            out.pop();
        } else if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(piece);
    }
    out
}

/// Does a word look like a plural noun ("delegates", "people")?
pub fn looks_plural(lower: &str) -> bool {
    if lexicon::is_irregular_plural(lower) {
        return true;
    }
    let is_cyr = lower
        .chars()
        .next()
        .is_some_and(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
    if is_cyr {
        return false;
    }
    lower.len() > 3
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is")
        && !lower.ends_with("'s")
        && !lower.ends_with("\u{2019}s")
        && !matches!(
            lower,
            "was"
                | "has"
                | "its"
                | "this"
                | "thus"
                | "plus"
                | "less"
                | "yes"
                | "does"
                | "goes"
                | "always"
                | "perhaps"
                | "whereas"
                | "besides"
                | "afterwards"
                | "towards"
                | "sometimes"
        )
}

/// The counted noun after token `after` (exclusive): "116,885 Party members" → "Party members".
/// Returns the text and whether a plural noun was found.
pub fn counted_noun(tokens: &Tokens, text: &str, after: usize) -> Option<(String, usize)> {
    let mut j = after + 1;
    // "thousands of people", "millions of families".
    if tokens.is_word(j, "of") {
        j += 1;
    }
    let start = j;
    let mut k = j;
    while k < start + 4 {
        let token = tokens.get(k)?;
        if token.kind != TokKind::Word {
            // "little-known": a hyphen inside an adjective.
            if tokens.is_punct(k, text, '-')
                && !token.space_before
                && tokens.get(k + 1).is_some_and(|t| !t.space_before)
            {
                k += 1;
                continue;
            }
            return None;
        }
        let lower = tokens.lower(k);
        if lexicon::is_noun_phrase_stop(lower) {
            return None;
        }
        if looks_plural(lower) {
            let s = tokens.get(start)?.span.start;
            let e = token.span.end;
            return Some((text[s..e].to_string(), k));
        }
        k += 1;
    }
    None
}

/// The first word after a number, for languages where plural shape says nothing (Russian).
pub fn next_word(tokens: &Tokens, text: &str, after: usize) -> Option<(String, usize)> {
    let j = after + 1;
    let token = tokens.get(j).filter(|t| t.kind == TokKind::Word)?;
    let lower = tokens.lower(j);
    if lexicon::is_noun_phrase_stop(lower) {
        return None;
    }
    Some((text[token.span.clone()].to_string(), j))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attributed(text: &str) -> Option<String> {
        let mut tokens = Tokens::default();
        tokens.fill(text, 0..text.len());
        attribution(&tokens, text)
    }

    #[test]
    fn according_to_a_name() {
        assert_eq!(
            attributed("According to Roy Medvedev⁶ and others, 5-7 million people"),
            Some("Roy Medvedev".into())
        );
    }

    #[test]
    fn name_then_claims() {
        assert_eq!(
            attributed("He said that Kozhinov claims that 43 per cent"),
            Some("Kozhinov".into())
        );
    }

    #[test]
    fn said_after_a_quotation() {
        assert_eq!(
            attributed("\"We lost 40 homes,\" said Maria Lopez, the mayor."),
            Some("Maria Lopez".into())
        );
    }

    #[test]
    fn according_to_an_institution() {
        assert_eq!(
            attributed("according to the ministry, 300 people"),
            Some("the ministry".into())
        );
    }

    #[test]
    fn title_before_initials_is_not_part_of_the_name() {
        assert_eq!(
            attributed("signed by Minister of Internal Affairs S. Kruglov, stated that since 1921, 3,777,380 people"),
            Some("S. Kruglov".into())
        );
    }

    #[test]
    fn russian_po_dannym() {
        assert_eq!(
            attributed("По данным Росстата, 1,3 млн"),
            Some("Росстата".into())
        );
    }
}
