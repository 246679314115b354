//! `crosscheck.toml`: a project's corpus paths, claim paths, baseline path,
//! tolerances, the severity of each verdict, and the limits of the readers of documents
//! that are not plain text (`[limits]`).
//!
//! Strict like the claim files: an unknown key, a wrong type or a bad value is an
//! error with its line and column. Defaults apply when the file is absent:
//! corpus `seeds/`, claims `claims/`, baseline `crosscheck-baseline.toml`.
//! Relative paths are relative to the folder the file is in.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::diag::{Code, Diagnostic, Location};
use crate::input::Limits;
use crate::reconcile::{Severities, Severity, Tolerances, Verdict};
use crate::source::Document;

/// The file `check` looks for in the current folder.
pub const FILE_NAME: &str = "crosscheck.toml";
/// Where accepted findings are kept unless the configuration says otherwise.
pub const DEFAULT_BASELINE: &str = "crosscheck-baseline.toml";
pub const DEFAULT_CORPUS: &str = "seeds";
pub const DEFAULT_CLAIMS: &str = "claims";

/// A project's settings, with defaults filled in.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The file read, if any.
    pub path: Option<PathBuf>,
    pub corpus: Vec<PathBuf>,
    pub claims: Vec<PathBuf>,
    pub baseline: PathBuf,
    pub tolerances: Tolerances,
    pub severities: Severities,
    /// How much a PDF, DOCX, ODT, EPUB, HTML or Markdown document may unpack to.
    pub limits: Limits,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            path: None,
            corpus: vec![DEFAULT_CORPUS.into()],
            claims: vec![DEFAULT_CLAIMS.into()],
            baseline: DEFAULT_BASELINE.into(),
            tolerances: Tolerances::default(),
            severities: Severities::default(),
            limits: Limits::default(),
        }
    }
}

impl Config {
    pub fn severity(&self, verdict: Verdict) -> Severity {
        self.severities.of(verdict)
    }

    pub fn set_severity(&mut self, verdict: Verdict, severity: Severity) {
        self.severities.set(verdict, severity);
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    corpus: Option<Vec<Spanned<String>>>,
    claims: Option<Vec<Spanned<String>>>,
    baseline: Option<Spanned<String>>,
    tolerances: Option<RawTolerances>,
    severity: Option<RawSeverity>,
    limits: Option<RawLimits>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawLimits {
    unpacked_bytes: Option<Spanned<i64>>,
    pages: Option<Spanned<i64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawTolerances {
    about: Option<Spanned<f64>>,
    almost: Option<Spanned<f64>>,
    round_trailing_zeros: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSeverity {
    agreement: Option<Spanned<String>>,
    within_rounding: Option<Spanned<String>>,
    within_approximation: Option<Spanned<String>>,
    scope_mismatch: Option<Spanned<String>>,
    contradiction: Option<Spanned<String>>,
    arithmetic_mismatch: Option<Spanned<String>>,
}

/// A severity as written in the configuration or with `-D`/`-W`/`-A`.
pub fn parse_severity(word: &str) -> Option<Severity> {
    match word {
        "deny" | "error" => Some(Severity::Error),
        "warn" | "warning" => Some(Severity::Warning),
        "allow" | "note" => Some(Severity::Note),
        _ => None,
    }
}

/// Reads `path`. Every problem is reported, each with its line and column.
pub fn load(path: &Path) -> Result<Config, Vec<Diagnostic>> {
    let at = |offset: usize, text: &Document, message: String| {
        let (line, column) = text.line_col(offset.min(text.text.len()));
        let location = Location {
            path: path.to_path_buf(),
            line,
            column,
        };
        Diagnostic::error(Code::Value, &location, message)
    };
    let bytes = crate::input::read_named(path).map_err(|error| {
        vec![Diagnostic::of_file(
            Code::Unreadable,
            path,
            format!("cannot read: {error}"),
        )]
    })?;
    let text = match crate::input::decode(bytes) {
        Ok(text) => Document::new(path.display().to_string(), text),
        Err(bad) => {
            let location = Location {
                path: path.to_path_buf(),
                line: bad.line,
                column: bad.column,
            };
            return Err(vec![Diagnostic::error(
                Code::Utf8,
                &location,
                "not valid UTF-8",
            )]);
        }
    };
    let raw: RawConfig = toml::from_str(&text.text)
        .map_err(|error| vec![Diagnostic::of_toml(path, &text, &error).with_source(&text)])?;
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let resolve = |p: &str| -> PathBuf {
        let p = Path::new(p);
        if p.is_absolute() || base.as_os_str().is_empty() {
            p.to_path_buf()
        } else {
            base.join(p)
        }
    };
    let mut config = Config {
        path: Some(path.to_path_buf()),
        ..Config::default()
    };
    let mut problems = Vec::new();
    if let Some(corpus) = raw.corpus {
        config.corpus = corpus.iter().map(|p| resolve(p.get_ref())).collect();
    }
    if let Some(claims) = raw.claims {
        config.claims = claims.iter().map(|p| resolve(p.get_ref())).collect();
    }
    if let Some(baseline) = raw.baseline {
        config.baseline = resolve(baseline.get_ref());
    } else {
        config.baseline = resolve(DEFAULT_BASELINE);
    }
    if let Some(tolerances) = raw.tolerances {
        for (given, slot, name) in [
            (tolerances.about, &mut config.tolerances.about, "about"),
            (tolerances.almost, &mut config.tolerances.almost, "almost"),
        ] {
            if let Some(value) = given {
                if (0.0..1.0).contains(value.get_ref()) {
                    *slot = *value.get_ref();
                } else {
                    problems.push(at(
                        value.span().start,
                        &text,
                        format!(
                            "`{name}` takes a fraction from 0 to 1, not {}",
                            value.get_ref()
                        ),
                    ));
                }
            }
        }
        if let Some(round) = tolerances.round_trailing_zeros {
            config.tolerances.round_trailing_zeros = round;
        }
    }
    if let Some(limits) = raw.limits {
        if let Some(bytes) = limits.unpacked_bytes {
            match u64::try_from(*bytes.get_ref()) {
                Ok(bytes) if bytes > 0 => config.limits.unpacked_bytes = bytes,
                _ => problems.push(at(
                    bytes.span().start,
                    &text,
                    format!(
                        "`unpacked-bytes` takes a number of bytes above 0, not {}",
                        bytes.get_ref()
                    ),
                )),
            }
        }
        if let Some(pages) = limits.pages {
            match usize::try_from(*pages.get_ref()) {
                Ok(pages) if pages > 0 => config.limits.pages = pages,
                _ => problems.push(at(
                    pages.span().start,
                    &text,
                    format!(
                        "`pages` takes a number of pages above 0, not {}",
                        pages.get_ref()
                    ),
                )),
            }
        }
    }
    if let Some(severity) = raw.severity {
        let entries = [
            (Verdict::Agreement, severity.agreement),
            (Verdict::WithinRounding, severity.within_rounding),
            (Verdict::WithinApproximation, severity.within_approximation),
            (Verdict::ScopeMismatch, severity.scope_mismatch),
            (Verdict::Contradiction, severity.contradiction),
            (Verdict::ArithmeticMismatch, severity.arithmetic_mismatch),
        ];
        for (verdict, given) in entries {
            let Some(given) = given else { continue };
            match parse_severity(given.get_ref()) {
                Some(level) => config.set_severity(verdict, level),
                None => problems.push(at(
                    given.span().start,
                    &text,
                    format!(
                        "`{}` is not a severity: write \"deny\", \"warn\" or \"allow\"",
                        given.get_ref()
                    ),
                )),
            }
        }
    }
    if problems.is_empty() {
        Ok(config)
    } else {
        Err(problems.into_iter().map(|d| d.with_source(&text)).collect())
    }
}

/// The commented starter file `crosscheck init` writes.
pub const STARTER: &str = r#"# crosscheck.toml: settings of a crosscheck project.
# Paths are relative to this file's folder.

# The documents whose figures are checked: files or folders, walked recursively.
corpus = ["corpus"]

# The claim files: sources, quantities and their rules, hand-written claims, pins and
# relations (see the README's "Claim files").
claims = ["claims"]

# Findings reviewed and accepted. `crosscheck baseline` writes it; `crosscheck check`
# exits 1 only for errors that are not in it.
baseline = "crosscheck-baseline.toml"

[tolerances]
# How far "about", "approximately", "some" reach, as a fraction: 0.10 is ±10%.
about = 0.10
# How far below "almost" and "nearly" reach: 0.10 is up to 10% below.
almost = 0.10
# Read "1,400" as rounded to hundreds (1,350 to 1,450) rather than exact.
round-trailing-zeros = true

# What each verdict means for the exit status: "deny" fails the check, "warn" is shown,
# "allow" is counted only. The command line's -D/-W/-A VERDICT override these.
[severity]
contradiction = "deny"
arithmetic_mismatch = "deny"
scope_mismatch = "warn"
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn load_text(text: &str) -> Result<Config, Vec<Diagnostic>> {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("crosscheck-config-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(FILE_NAME);
        std::fs::write(&path, text).unwrap();
        let result = load(&path);
        let _ = std::fs::remove_dir_all(&dir);
        result
    }

    #[test]
    fn limits_are_read_and_a_limit_of_zero_is_refused() {
        let config = load_text("[limits]\nunpacked-bytes = 1000\npages = 3\n").unwrap();
        assert_eq!(
            config.limits,
            Limits {
                unpacked_bytes: 1000,
                pages: 3
            }
        );
        let problems = load_text("[limits]\npages = 0\n").unwrap_err();
        assert!(problems[0].message.contains("`pages`"), "{problems:?}");
    }

    #[test]
    fn starter_file_loads_with_its_stated_values() {
        let config = load_text(STARTER).expect("the starter loads");
        assert_eq!(config.severity(Verdict::ScopeMismatch), Severity::Warning);
        assert!(config.corpus[0].ends_with("corpus"));
    }

    #[test]
    fn unknown_key_is_located() {
        let problems = load_text("corpus = [\"docs\"]\nbaselin = \"x\"\n").unwrap_err();
        assert_eq!((problems[0].line, problems[0].column), (2, 1));
        assert!(
            problems[0].message.contains("baselin"),
            "{}",
            problems[0].message
        );
    }

    #[test]
    fn bad_severity_is_located() {
        let problems = load_text("[severity]\ncontradiction = \"maybe\"\n").unwrap_err();
        assert_eq!(problems[0].line, 2);
        assert!(problems[0].message.contains("deny"));
    }

    #[test]
    fn tolerance_out_of_range_is_located() {
        let problems = load_text("[tolerances]\nabout = 3\n").unwrap_err();
        assert_eq!(problems[0].line, 2);
    }

    #[test]
    fn severity_can_be_lowered() {
        let config = load_text("[severity]\ncontradiction = \"warn\"\n").unwrap();
        assert_eq!(config.severity(Verdict::Contradiction), Severity::Warning);
    }
}
