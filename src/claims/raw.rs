//! The claim-file format as written: one serde struct per table, every key
//! optional so that missing keys are reported all at once by validation, unknown
//! keys refused by `deny_unknown_fields`, and every value that is checked later
//! wrapped in [`Spanned`] so its problems carry a line and column.
//!
//! This module only describes the TOML shape; it does no checking of its own.

use serde::Deserialize;
use toml::Spanned;

pub(crate) type Text = Option<Spanned<String>>;

/// One claim file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFile {
    #[serde(default)]
    pub source: Vec<Spanned<RawSource>>,
    #[serde(default)]
    pub quantity: Vec<Spanned<RawQuantity>>,
    #[serde(default)]
    pub claim: Vec<Spanned<RawClaim>>,
    #[serde(default)]
    pub pin: Vec<Spanned<RawPin>>,
    #[serde(default)]
    pub relation: Vec<Spanned<RawRelation>>,
}

/// `[[source]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSource {
    pub id: Text,
    pub title: Text,
    pub author: Text,
    pub outlet: Text,
    pub date: Text,
    pub kind: Text,
    pub document: Text,
    pub url: Text,
    pub note: Text,
}

/// `[[quantity]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawQuantity {
    pub id: Text,
    pub description: Text,
    pub unit: Text,
    pub period: Text,
    pub cumulative: Option<bool>,
    pub shared: Option<bool>,
    pub part_of: Option<Spanned<Vec<Spanned<String>>>>,
    pub share_of: Text,
    pub disjoint: Option<Spanned<bool>>,
    pub kind: Text,
    pub tolerance: Option<Spanned<f64>>,
    #[serde(default)]
    pub rule: Vec<Spanned<RawRule>>,
}

/// `[[quantity.rule]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRule {
    pub pattern: Text,
    pub sentence: Text,
    pub unit: Text,
    pub period: Text,
    pub document: Text,
    pub set: Option<Spanned<RawSet>>,
}

/// `set = { period, qualifier, attributed_to }` of a rule or a pin.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSet {
    pub period: Text,
    pub qualifier: Text,
    pub attributed_to: Text,
}

/// `[[claim]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawClaim {
    pub id: Text,
    pub quantity: Text,
    pub source: Text,
    /// A string in the value language, or a bare TOML number.
    pub value: Option<Spanned<toml::Value>>,
    pub low: Option<Spanned<f64>>,
    pub high: Option<Spanned<f64>>,
    pub period: Text,
    pub attributed_to: Text,
    pub quote: Text,
    pub page: Text,
}

/// `[[pin]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPin {
    pub id: Text,
    pub quantity: Text,
    pub document: Text,
    #[serde(alias = "exact")]
    pub text: Text,
    pub prefix: Text,
    pub suffix: Text,
    pub occurrence: Option<Spanned<i64>>,
    pub line: Option<Spanned<i64>>,
    pub set: Option<Spanned<RawSet>>,
}

/// `[[relation]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRelation {
    pub id: Text,
    pub expr: Text,
    pub description: Text,
    pub source: Text,
    pub across: Text,
}
