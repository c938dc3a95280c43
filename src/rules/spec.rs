//! The TOML form of a rule file, parsed strictly.

use serde::{Deserialize, Serialize};

/// Severity of a finding. Ordered most severe first, for sorting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// What a finding is about (the contract's finding kinds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Date,
    Number,
    Identifier,
    Name,
    Role,
    Quote,
    Stance,
    Internal,
    Unsupported,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Date => "date",
            Kind::Number => "number",
            Kind::Identifier => "identifier",
            Kind::Name => "name",
            Kind::Role => "role",
            Kind::Quote => "quote",
            Kind::Stance => "stance",
            Kind::Internal => "internal",
            Kind::Unsupported => "unsupported",
        }
    }
}

/// A rule file (`rules/<rule-id>.toml`); the id is the file stem.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RuleFile {
    /// The check type that does the work (a closed set: see `concord rules`).
    pub check: String,
    pub kind: Kind,
    pub severity: Severity,
    /// One line: what the rule flags.
    pub summary: String,
    /// What it checks / Why it matters / Known false positives.
    pub explanation: String,
    /// Parameters of the check.
    #[serde(default)]
    pub params: toml::Table,
    #[serde(default)]
    pub example: Vec<Example>,
}

/// A small story that shows the rule at work; its test runs it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Example {
    /// What the example shows.
    pub description: String,
    /// How many findings of this rule the example must produce.
    pub expect: usize,
    /// The story's zone.
    #[serde(default)]
    pub timezone: Option<String>,
    pub source: Vec<ExampleSource>,
}

/// One source of an example story.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ExampleSource {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub published: Option<String>,
    /// `txt` (default), `md` or `html`.
    #[serde(default)]
    pub format: Option<String>,
    /// `reference` (default) or `draft`.
    #[serde(default)]
    pub role: Option<String>,
}
