//! Baselines: a previous JSON report whose findings are accepted. Findings whose
//! fingerprint the baseline holds are suppressed and counted; baseline findings that no
//! longer occur are listed as fixed, so a baseline can only shrink.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use super::Report;
use crate::error::Error;

/// A baseline finding that no longer occurs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fixed {
    pub fingerprint: String,
    pub rule: String,
    pub subject: String,
}

/// The accepted findings of a baseline file: fingerprint → (rule, subject, the title of
/// the story it was found in, when the baseline covers several).
#[derive(Debug, Clone, Default)]
pub struct Baseline {
    entries: BTreeMap<String, (String, String, Option<String>)>,
    /// Written from several stories: an entry of a story this run did not check is not
    /// fixed, only unchecked.
    batch: bool,
}

impl Baseline {
    /// Reads a JSON report written by `concord check --format json` (or `--write-baseline`):
    /// one story's `concord/report-v1`, or several stories' `concord/batch-v1`.
    pub fn load(path: &Path) -> Result<Baseline, Error> {
        let text = crate::story::read_config(path)?;
        let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| Error::Invalid {
            path: path.to_path_buf(),
            message: format!("not a concord JSON report: {e} (line {})", e.line()),
        })?;
        let schema = value.get("schema").and_then(serde_json::Value::as_str);
        let reports: Vec<&serde_json::Value> = if schema == Some(super::SCHEMA) {
            vec![&value]
        } else if schema == Some(super::BATCH_SCHEMA) {
            value
                .get("stories")
                .and_then(serde_json::Value::as_array)
                .into_iter()
                .flatten()
                .collect()
        } else {
            return Err(Error::Invalid {
                path: path.to_path_buf(),
                message: format!(
                    "not a concord report (expected \"schema\": \"{}\" or \"{}\")",
                    super::SCHEMA,
                    super::BATCH_SCHEMA
                ),
            });
        };
        let mut entries = BTreeMap::new();
        for report in reports {
            let title = report
                .pointer("/story/title")
                .and_then(serde_json::Value::as_str)
                .map(str::to_string);
            for f in report
                .get("findings")
                .and_then(serde_json::Value::as_array)
                .into_iter()
                .flatten()
            {
                let field = |k: &str| {
                    f.get(k)
                        .and_then(serde_json::Value::as_str)
                        .unwrap_or_default()
                        .to_string()
                };
                let fp = field("fingerprint");
                if !fp.is_empty() {
                    entries.insert(fp, (field("rule"), field("subject"), title.clone()));
                }
            }
        }
        Ok(Baseline {
            entries,
            batch: schema == Some(super::BATCH_SCHEMA),
        })
    }

    /// Applies the baseline to the reports of one run. A baseline finding none of them has
    /// any more is fixed, listed under the story of its title; a one-story baseline's
    /// findings go to the first story whatever its title, and a batch baseline's findings of
    /// a story not checked in this run are not fixed.
    pub fn apply_all(&self, reports: &mut [Report]) {
        let current: std::collections::BTreeSet<String> = reports
            .iter()
            .flat_map(|r| r.findings.iter().map(|f| f.fingerprint.clone()))
            .collect();
        let fixed: Vec<(&Option<String>, Fixed)> = self
            .entries
            .iter()
            .filter(|(fp, _)| !current.contains(fp.as_str()))
            .map(|(fp, (rule, subject, title))| {
                (
                    title,
                    Fixed {
                        fingerprint: fp.clone(),
                        rule: rule.clone(),
                        subject: subject.clone(),
                    },
                )
            })
            .collect();
        let titles: Vec<Option<String>> = reports.iter().map(|r| r.story.title.clone()).collect();
        for (i, report) in reports.iter_mut().enumerate() {
            let mine: Vec<Fixed> = fixed
                .iter()
                .filter(|(title, _)| {
                    let owner = titles.iter().position(|t| title.is_some() && t == *title);
                    match owner {
                        Some(o) => o == i,
                        None => !self.batch && i == 0,
                    }
                })
                .map(|(_, f)| f.clone())
                .collect();
            let before = report.findings.len();
            report
                .findings
                .retain(|f| !self.entries.contains_key(&f.fingerprint));
            let baselined = before - report.findings.len();
            report.recount();
            report.summary.baselined = Some(baselined);
            report.summary.fixed = Some(mine.len());
            report.fixed = mine;
        }
    }
}
