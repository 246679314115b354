//! How loud each verdict is in a project: the defaults, changed by `crosscheck.toml`'s
//! `[severity]` and by `-D`/`-W`/`-A`. The gate and every report ask here.

use super::{Severity, Verdict};

/// The severity of each verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Severities(Vec<(Verdict, Severity)>);

impl Default for Severities {
    fn default() -> Severities {
        Severities(
            Verdict::ALL
                .iter()
                .map(|&v| (v, v.default_severity()))
                .collect(),
        )
    }
}

impl Severities {
    pub fn of(&self, verdict: Verdict) -> Severity {
        self.0
            .iter()
            .find(|(v, _)| *v == verdict)
            .map_or(verdict.default_severity(), |(_, s)| *s)
    }

    pub fn set(&mut self, verdict: Verdict, severity: Severity) {
        match self.0.iter_mut().find(|(v, _)| *v == verdict) {
            Some(slot) => slot.1 = severity,
            None => self.0.push((verdict, severity)),
        }
    }
}
