//! The TOML form of a rule file, parsed strictly.

use serde::{Deserialize, Serialize};

pub use crate::finding::{Kind, Severity};

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
    /// How often a finding of this rule was confirmed by an editor in our measurements
    /// (0 to 1); by default from the severity (error 0.9, warning 0.75, info 0.5).
    #[serde(default)]
    pub confidence: Option<f64>,
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

impl Example {
    /// What is wrong with the example, if anything: a source format, role or publication
    /// time, or the time zone, that concord would not accept in a story.
    pub fn problem(&self) -> Option<String> {
        if let Some(tz) = &self.timezone {
            if crate::story::parse_timezone(tz).is_none() {
                return Some(format!("unknown time zone `{tz}`"));
            }
        }
        for s in &self.source {
            if !matches!(s.format.as_deref(), None | Some("txt" | "md" | "html")) {
                return Some(format!("source `{}`: format must be txt, md or html", s.id));
            }
            if !matches!(s.role.as_deref(), None | Some("reference" | "draft")) {
                return Some(format!(
                    "source `{}`: role must be reference or draft",
                    s.id
                ));
            }
            if let Some(p) = &s.published {
                if crate::story::Published::parse_rfc3339(p).is_none() {
                    return Some(format!(
                        "source `{}`: published `{p}` is not an RFC 3339 date or datetime",
                        s.id
                    ));
                }
            }
        }
        None
    }

    /// The example as an in-memory story, as its test and `concord explain` readers see it.
    pub fn story(&self) -> crate::story::Story {
        use crate::story::{Format, Published, PublishedFrom, Role, Source};
        let sources = self
            .source
            .iter()
            .map(|s| {
                let (format, ext) = match s.format.as_deref() {
                    Some("md") => (Format::Markdown, "md"),
                    Some("html") => (Format::Html, "html"),
                    _ => (Format::Text, "txt"),
                };
                let mut src =
                    Source::from_text(&s.id, &format!("{}.{ext}", s.id), format, s.text.clone());
                if let Some(p) = &s.published {
                    src.published = Published::parse_rfc3339(p);
                    src.published_from = PublishedFrom::Manifest;
                }
                if s.role.as_deref() == Some("draft") {
                    src.role = Role::Draft;
                }
                src
            })
            .collect();
        crate::story::Story {
            title: Some(self.description.clone()),
            timezone: self
                .timezone
                .as_deref()
                .and_then(crate::story::parse_timezone),
            sources,
            ..crate::story::Story::default()
        }
    }
}
