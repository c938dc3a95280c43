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

/// The accepted findings of a baseline file: fingerprint → (rule, subject).
#[derive(Debug, Clone, Default)]
pub struct Baseline {
    entries: BTreeMap<String, (String, String)>,
}

impl Baseline {
    /// Reads a JSON report written by `concord check --format json` (or `--write-baseline`).
    pub fn load(path: &Path) -> Result<Baseline, Error> {
        let text = crate::story::read_config(path)?;
        let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| Error::Invalid {
            path: path.to_path_buf(),
            message: format!("not a concord JSON report: {e} (line {})", e.line()),
        })?;
        if value.get("schema").and_then(serde_json::Value::as_str) != Some(super::SCHEMA) {
            return Err(Error::Invalid {
                path: path.to_path_buf(),
                message: format!(
                    "not a concord report (expected \"schema\": \"{}\")",
                    super::SCHEMA
                ),
            });
        }
        let mut entries = BTreeMap::new();
        for f in value
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
                entries.insert(fp, (field("rule"), field("subject")));
            }
        }
        Ok(Baseline { entries })
    }

    /// Suppresses the baseline's findings in `report` and lists the fixed ones.
    pub fn apply(&self, report: &mut Report) {
        let fixed = self.fixed(&report.findings);
        let before = report.findings.len();
        report
            .findings
            .retain(|f| !self.entries.contains_key(&f.fingerprint));
        let baselined = before - report.findings.len();
        report.recount();
        report.summary.baselined = Some(baselined);
        report.summary.fixed = Some(fixed.len());
        report.fixed = fixed;
    }

    /// Lists baseline findings absent from the unfiltered findings `all` as fixed.
    pub fn fixed(&self, all: &[super::Finding]) -> Vec<Fixed> {
        let current: std::collections::BTreeSet<&str> =
            all.iter().map(|f| f.fingerprint.as_str()).collect();
        self.entries
            .iter()
            .filter(|(fp, _)| !current.contains(fp.as_str()))
            .map(|(fp, (rule, subject))| Fixed {
                fingerprint: fp.clone(),
                rule: rule.clone(),
                subject: subject.clone(),
            })
            .collect()
    }
}
