//! What a rule's regular expressions mean when a claim file is loaded: a `pattern` has
//! exactly one `{figure}` slot, stood for by [`FIGURE_SLOT`] in the compiled regex;
//! every regex is case-insensitive unless it says `(?-i)`. Compiled once, here; the
//! keying only runs them.

use regex::{Regex, RegexBuilder};

/// Stands for the figure being keyed in the sentence a `pattern` is tested on: a
/// private-use character, which does not occur in text.
pub const FIGURE_SLOT: char = '\u{E000}';

/// What a `{figure}` slot is written as in a pattern.
const SLOT_TEXT: &str = "{figure}";

/// The most memory one rule's compiled expression may take, and its search cache:
/// ample for any phrase of a sentence (`convicted .{0,80}{figure}` takes a few dozen
/// KB), and a hundred runaway rules (`a{100000}`) no longer take a gigabyte.
pub const RULE_SIZE_LIMIT: usize = 1 << 20;

/// Compiles a rule's `sentence` or `unit` regular expression, case-insensitive.
pub fn compile_regex(pattern: &str) -> Result<Regex, String> {
    RegexBuilder::new(pattern)
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

/// Compiles a rule's `pattern`: exactly one `{figure}` slot, case-insensitive
/// unless the pattern says `(?-i)`.
pub fn compile_pattern(pattern: &str) -> Result<Regex, String> {
    match pattern.matches(SLOT_TEXT).count() {
        0 => return Err("has no `{figure}` slot: write where the figure stands, as in `{figure} people convicted`".to_string()),
        1 => {}
        _ => return Err("has more than one `{figure}` slot".to_string()),
    }
    let with_slot = pattern.replace(SLOT_TEXT, &FIGURE_SLOT.to_string());
    compile_regex(&with_slot).map_err(|message| format!("does not compile: {message}"))
}

/// The one-line reason a regular expression was refused.
fn regex_message(error: &regex::Error) -> String {
    let text = error.to_string();
    text.lines()
        .rev()
        .find_map(|line| line.trim().strip_prefix("error: "))
        .unwrap_or(text.lines().last().unwrap_or("invalid regular expression"))
        .replace(FIGURE_SLOT, SLOT_TEXT)
}
