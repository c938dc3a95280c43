//! `concord.toml`: a project's defaults, found from the current directory upwards (the
//! first one met wins), so a newsroom's repository sets them once for every run. Flags on the
//! command line override the file; the file overrides the built-in defaults.
//!
//! ```toml
//! format = "github"          # default --format
//! fail-on = "warning"        # default --fail-on
//! min-confidence = 0.8       # default --min-confidence
//! timezone = "Europe/London" # the zone of stories whose manifest gives none
//! rules-dir = "house-rules"  # default --rules (relative to this file)
//!
//! [rules]
//! disable = ["single-source"]           # rules not run
//! severity = { name-variant = "error" } # every finding of a rule at this severity
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::rules::Severity;

/// The file's name.
pub const FILE_NAME: &str = "concord.toml";

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fail_on: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_confidence: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rules_dir: Option<PathBuf>,
    #[serde(default)]
    pub rules: RulesConfig,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RulesConfig {
    /// Rules not run.
    #[serde(default)]
    pub disable: Vec<String>,
    /// Rule id → the severity of all its findings.
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
}

/// A configuration and where it came from.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// The file read, if one was found.
    pub path: Option<PathBuf>,
    pub config: Config,
    /// The file's text, for the line of an error found later (an unknown rule id).
    text: String,
}

impl Loaded {
    /// The configuration for a run in `start`: the nearest `concord.toml` at or above it.
    pub fn discover(start: &Path) -> Result<Loaded, Error> {
        let mut dir = Some(start);
        while let Some(d) = dir {
            let candidate = d.join(FILE_NAME);
            if candidate.is_file() {
                return Self::read(&candidate);
            }
            dir = d.parent();
        }
        Ok(Loaded::default())
    }

    /// Reads and checks one configuration file.
    pub fn read(path: &Path) -> Result<Loaded, Error> {
        let text = crate::story::read_config(path)?;
        let mut config: Config = toml::from_str(&text).map_err(|e| Error::toml(path, &text, &e))?;
        let line_of = |key: &str| {
            text.lines()
                .position(|l| l.trim_start().starts_with(key))
                .map_or(1, |i| i + 1)
        };
        let bad = |key: &str, message: String| Error::Toml {
            path: path.to_path_buf(),
            line: line_of(key),
            message,
        };
        if let Some(f) = &config.format {
            if !crate::cli::check::FORMATS.contains(&f.as_str()) {
                return Err(bad(
                    "format",
                    format!(
                        "format `{f}` is not one of {}",
                        crate::cli::check::FORMATS.join(", ")
                    ),
                ));
            }
        }
        if let Some(f) = &config.fail_on {
            if !["error", "warning", "info", "never"].contains(&f.as_str()) {
                return Err(bad(
                    "fail-on",
                    format!("fail-on `{f}` is not one of error, warning, info, never"),
                ));
            }
        }
        if let Some(c) = config.min_confidence {
            if !(0.0..=1.0).contains(&c) {
                return Err(bad(
                    "min-confidence",
                    format!("min-confidence {c} is not a number between 0 and 1"),
                ));
            }
        }
        if let Some(z) = &config.timezone {
            if z.parse::<chrono_tz::Tz>().is_err() {
                return Err(bad(
                    "timezone",
                    format!("timezone `{z}` is not an IANA zone name"),
                ));
            }
        }
        // A rules folder is relative to the file that names it.
        if let (Some(dir), Some(base)) = (&config.rules_dir, path.parent()) {
            if dir.is_relative() {
                config.rules_dir = Some(base.join(dir));
            }
        }
        Ok(Loaded {
            path: Some(path.to_path_buf()),
            config,
            text,
        })
    }

    /// Applies the `[rules]` table to a loaded rule set: an unknown rule id is an error
    /// naming the file and line, never ignored.
    pub fn apply(&self, rules: &mut crate::RuleSet) -> Result<(), Error> {
        let c = &self.config.rules;
        for id in c.disable.iter().chain(c.severity.keys()) {
            if rules.get(id).is_none() {
                let path = self
                    .path
                    .clone()
                    .unwrap_or_else(|| PathBuf::from(FILE_NAME));
                let line = self
                    .text
                    .lines()
                    .position(|l| l.contains(id.as_str()))
                    .map_or(1, |i| i + 1);
                return Err(Error::Toml {
                    path,
                    line,
                    message: format!("no rule `{id}` (see `concord rules`)"),
                });
            }
        }
        rules.rules.retain(|r| !c.disable.contains(&r.id));
        for r in &mut rules.rules {
            if let Some(s) = c.severity.get(&r.id) {
                r.spec.severity = *s;
            }
        }
        rules.severity_overrides = c.severity.clone();
        Ok(())
    }
}
