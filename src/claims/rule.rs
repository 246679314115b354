//! What a rule's regular expressions mean when a claim file is loaded: a `pattern` has
//! exactly one `{figure}` slot, stood for by [`FIGURE_SLOT`] in the compiled regex;
//! every regex is case-insensitive unless it says `(?-i)`. Each is parsed when the
//! claim file is loaded (so a mistake is an error at its place) and compiled when keying
//! first runs it, so a catalog of 100,000 rules compiles only those its corpus reaches;
//! an expression that may be large is compiled at once, to be refused at its place.
//! Each also yields the longest text any match must contain ([`RuleRegex::required`]),
//! for keying to find the rules a sentence may match with one scan of it.

use std::sync::OnceLock;

use regex::{Regex, RegexBuilder};
use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind};

/// Stands for the figure being keyed in the sentence a `pattern` is tested on: a
/// private-use character, which does not occur in text.
pub const FIGURE_SLOT: char = '\u{E000}';

/// What a `{figure}` slot is written as in a pattern.
const SLOT_TEXT: &str = "{figure}";

/// The most memory one rule's compiled expression may take, and its search cache:
/// ample for any phrase of a sentence (`convicted .{0,80}{figure}` takes a few dozen
/// KB), and a hundred runaway rules (`a{100000}`) no longer take a gigabyte.
pub const RULE_SIZE_LIMIT: usize = 1 << 20;

/// The most all of a catalog's expressions may take once compiled, by
/// [`RuleRegex::estimated_size`]: about 200,000 rules of a plain phrase, or 50,000
/// with a 40-character gap (`.{0,40}`) each. Expressions are compiled only when a
/// sentence may match them, so most take nothing; this bounds the worst corpus.
pub const RULES_TOTAL_SIZE_LIMIT: usize = 1 << 30;

/// Below this estimated size an expression is certain to compile within
/// [`RULE_SIZE_LIMIT`] and is compiled only when first run; at or above, it is
/// compiled when loaded, to be refused at its place if too large.
const COMPILE_LATER_BELOW: usize = RULE_SIZE_LIMIT / 8;

/// The shortest required text worth looking for: shorter ones are in most sentences.
const SHORTEST_REQUIRED: usize = 3;

/// A rule's regular expression, parsed; compiled the first time it runs.
#[derive(Debug)]
pub struct RuleRegex {
    /// As compiled: case-insensitive, `{figure}` replaced by [`FIGURE_SLOT`].
    source: String,
    compiled: OnceLock<Result<Regex, String>>,
    required: Option<String>,
    estimated_size: usize,
}

impl Clone for RuleRegex {
    fn clone(&self) -> RuleRegex {
        RuleRegex {
            source: self.source.clone(),
            compiled: self.compiled.clone(),
            required: self.required.clone(),
            estimated_size: self.estimated_size,
        }
    }
}

impl RuleRegex {
    /// Parses `source` (already with its slot replaced); compiles it now when it may be
    /// large. Errs with the one-line reason it was refused.
    fn new(source: String) -> Result<RuleRegex, String> {
        let hir = regex_syntax::ParserBuilder::new()
            .case_insensitive(true)
            .build()
            .parse(&source)
            .map_err(|error| one_line(&error.to_string()))?;
        let estimated_size = estimate(&hir);
        let rule = RuleRegex {
            required: required_text(&hir),
            source,
            compiled: OnceLock::new(),
            estimated_size,
        };
        if estimated_size >= COMPILE_LATER_BELOW {
            rule.compiled()?;
        }
        Ok(rule)
    }

    /// The compiled expression, compiled now if it was not yet.
    fn compiled(&self) -> Result<&Regex, String> {
        self.compiled
            .get_or_init(|| compile(&self.source))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// True when the expression matches somewhere in `text`. Errs (once compiled, every
    /// time) when it cannot be compiled after all, with the reason.
    pub fn is_match(&self, text: &str) -> Result<bool, String> {
        self.compiled().map(|regex| regex.is_match(text))
    }

    /// True once compiling was tried and failed: the rule's error is to be reported.
    pub fn failed(&self) -> Option<&str> {
        match self.compiled.get() {
            Some(Err(message)) => Some(message),
            _ => None,
        }
    }

    /// Text that every match contains, written case-folded by [`fold`] (each character
    /// as the first of those it matches case-insensitively); `None` when no text of
    /// `SHORTEST_REQUIRED` characters or more is required.
    pub fn required(&self) -> Option<&str> {
        self.required.as_deref()
    }

    /// About how many bytes the expression takes once compiled; an over-estimate for
    /// plain phrases, the measure of `RULES_TOTAL_SIZE_LIMIT`.
    pub fn estimated_size(&self) -> usize {
        self.estimated_size
    }
}

/// Compiles with the size limits, case-insensitive.
fn compile(source: &str) -> Result<Regex, String> {
    RegexBuilder::new(source)
        .case_insensitive(true)
        .size_limit(RULE_SIZE_LIMIT)
        .dfa_size_limit(RULE_SIZE_LIMIT)
        .build()
        .map_err(|error| match error {
            regex::Error::CompiledTooBig(_) => format!(
                "is too large once compiled (over {} KiB): write a shorter repetition",
                RULE_SIZE_LIMIT >> 10
            ),
            error => regex_message(&error),
        })
}

/// Parses a rule's `sentence` or `unit` regular expression, case-insensitive.
pub fn compile_regex(pattern: &str) -> Result<RuleRegex, String> {
    RuleRegex::new(pattern.to_string())
}

/// Parses a rule's `pattern`: exactly one `{figure}` slot, case-insensitive
/// unless the pattern says `(?-i)`.
pub fn compile_pattern(pattern: &str) -> Result<RuleRegex, String> {
    match pattern.matches(SLOT_TEXT).count() {
        0 => return Err("has no `{figure}` slot: write where the figure stands, as in `{figure} people convicted`".to_string()),
        1 => {}
        _ => return Err("has more than one `{figure}` slot".to_string()),
    }
    let with_slot = pattern.replace(SLOT_TEXT, &FIGURE_SLOT.to_string());
    RuleRegex::new(with_slot).map_err(|message| format!("does not compile: {message}"))
}

/// A character as the first (lowest) of the characters it matches case-insensitively
/// (Unicode simple case folding, as the `regex` crate's): `k`, `K` and the Kelvin sign
/// are all `K`. Two texts fold alike exactly when a case-insensitive literal of one
/// matches the other.
pub fn fold(c: char) -> char {
    if c.is_ascii() {
        // Only `k` and `s` fold with characters beyond ASCII, and those are larger.
        return c.to_ascii_uppercase();
    }
    match orbit(c).ranges().first() {
        Some(range) => range.start(),
        None => c,
    }
}

/// Every character `c` matches case-insensitively, itself included.
fn orbit(c: char) -> ClassUnicode {
    let mut class = ClassUnicode::new([ClassUnicodeRange::new(c, c)]);
    class.case_fold_simple();
    class
}

/// The longest run of text that every match of `hir` contains, folded; runs end at
/// anything but a literal or a class of one character's cases, and at the slot.
fn required_text(hir: &Hir) -> Option<String> {
    let mut best = String::new();
    let mut run = String::new();
    let mut end_run = |run: &mut String| {
        if run.chars().count() > best.chars().count() {
            best = std::mem::take(run);
        }
        run.clear();
    };
    let mut items: Vec<&Hir> = Vec::new();
    flatten(hir, &mut items);
    for item in items {
        match item.kind() {
            HirKind::Literal(literal) => match std::str::from_utf8(&literal.0) {
                Ok(text) => {
                    for c in text.chars() {
                        if c == FIGURE_SLOT {
                            end_run(&mut run);
                        } else {
                            run.push(fold(c));
                        }
                    }
                }
                Err(_) => end_run(&mut run),
            },
            HirKind::Class(Class::Unicode(class)) => match one_character(class) {
                Some(c) if c != FIGURE_SLOT => run.push(fold(c)),
                _ => end_run(&mut run),
            },
            _ => end_run(&mut run),
        }
    }
    end_run(&mut run);
    (best.chars().count() >= SHORTEST_REQUIRED).then_some(best)
}

/// The parts of `hir` matched one after another, with groups opened.
fn flatten<'h>(hir: &'h Hir, into: &mut Vec<&'h Hir>) {
    match hir.kind() {
        HirKind::Concat(parts) => parts.iter().for_each(|part| flatten(part, into)),
        HirKind::Capture(capture) => flatten(&capture.sub, into),
        _ => into.push(hir),
    }
}

/// The character a class stands for when it is exactly one character's cases.
fn one_character(class: &ClassUnicode) -> Option<char> {
    let first = class.ranges().first()?.start();
    (orbit(first).ranges() == class.ranges()).then_some(first)
}

/// An over-estimate, in bytes, of what `hir` takes once compiled (forward and reverse
/// automata): a character class by its ranges, a repetition by its largest count.
fn estimate(hir: &Hir) -> usize {
    const STATE: usize = 48;
    // Saturating throughout: nested repetitions (`t++++…`) pass any bound.
    let own = match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => 0,
        HirKind::Literal(literal) => literal.0.len().saturating_mul(STATE),
        HirKind::Class(Class::Unicode(class)) => class.ranges().len().saturating_mul(4 * STATE),
        HirKind::Class(Class::Bytes(class)) => class.ranges().len().saturating_mul(STATE),
        HirKind::Repetition(repetition) => {
            // `x{2,}` is compiled as two copies of `x` and a loop over the last.
            let count = repetition.max.unwrap_or(repetition.min).max(1) as usize;
            estimate(&repetition.sub).saturating_mul(count)
        }
        HirKind::Capture(capture) => estimate(&capture.sub),
        HirKind::Concat(parts) | HirKind::Alternation(parts) => parts
            .iter()
            .fold(0usize, |total, part| total.saturating_add(estimate(part))),
    };
    own.saturating_add(STATE)
}

/// The one-line reason a regular expression was refused.
fn regex_message(error: &regex::Error) -> String {
    one_line(&error.to_string())
}

/// The line of a parser's message that says what is wrong.
fn one_line(text: &str) -> String {
    text.lines()
        .rev()
        .find_map(|line| line.trim().strip_prefix("error: "))
        .unwrap_or(text.lines().last().unwrap_or("invalid regular expression"))
        .replace(FIGURE_SLOT, SLOT_TEXT)
}

#[cfg(test)]
mod tests {
    use super::{compile_pattern, compile_regex, fold};

    fn required(pattern: &str) -> Option<String> {
        compile_pattern(pattern)
            .expect("compiles")
            .required()
            .map(str::to_string)
    }

    fn folded(text: &str) -> String {
        text.chars().map(fold).collect()
    }

    #[test]
    fn fold_puts_every_case_of_a_letter_together() {
        assert_eq!(fold('k'), fold('K'));
        assert_eq!(fold('k'), fold('\u{212A}')); // Kelvin sign
        assert_eq!(fold('s'), fold('\u{17F}')); // long s
        assert_eq!(fold('ж'), fold('Ж'));
        assert_eq!(fold('σ'), fold('ς'));
        assert_ne!(fold('a'), fold('b'));
    }

    #[test]
    fn required_text_is_the_longest_literal_run_beside_the_slot() {
        assert_eq!(
            required("{figure} Party members"),
            Some(folded(" party members"))
        );
    }

    #[test]
    fn required_text_stops_at_a_gap() {
        assert_eq!(
            required("convicted .{0,80}{figure}"),
            Some(folded("convicted "))
        );
    }

    #[test]
    fn required_text_reads_cyrillic() {
        assert_eq!(required("{figure} человек"), Some(folded(" ЧЕЛОВЕК")));
    }

    #[test]
    fn an_alternation_requires_no_text() {
        assert_eq!(required("{figure} (arrested|shot)"), None);
    }

    #[test]
    fn a_short_literal_requires_no_text() {
        assert_eq!(required("{figure} a"), None);
    }

    #[test]
    fn a_case_sensitive_literal_is_required_too() {
        assert_eq!(required("(?-i){figure} NKVD"), Some(folded(" NKVD")));
    }

    #[test]
    fn a_plain_expression_is_compiled_only_when_first_run() {
        let regex = compile_regex("prisoners").expect("parses");
        assert!(regex.compiled.get().is_none());
        assert_eq!(regex.is_match("the PRISONERS held"), Ok(true));
        assert!(regex.compiled.get().is_some());
    }

    #[test]
    fn a_syntax_error_is_found_when_loaded() {
        let message = compile_regex("prisoners (held").expect_err("unclosed group");
        assert!(message.contains("unclosed group"), "{message}");
    }

    #[test]
    fn a_large_expression_is_compiled_and_refused_when_loaded() {
        let message = compile_regex("a{100000}").expect_err("too large");
        assert!(message.contains("too large once compiled"), "{message}");
    }
}
