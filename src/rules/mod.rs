//! Rules: data (`rules/*.toml`) naming checks (Rust, one file per check type here).
//!
//! A rule file says *what* to flag (kind, severity, parameters, docs, examples); the
//! check it names says *how*. The built-in rule set is compiled in; `--rules DIR` adds
//! rules or overrides them by id, and may override lexicon files. Checks read the
//! [`Analysis`] and push [`Finding`]s; they never print.

mod arithmetic;
mod confusable;
pub mod date_conflict;
mod event_polarity;
mod internal_date;
mod name_single;
mod name_spelling;
mod name_variant;
mod name_words;
pub mod params;
mod places;
mod plan_status;
mod quote_drift;
mod relation_conflict;
mod repetition;
mod role_conflict;
mod single_source;
pub mod spec;
mod stance_conflict;
mod unsupported;
mod value_conflict;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

pub use spec::{Example, Kind, RuleFile, Severity};

use crate::error::Error;
use crate::finding::Finding;
use crate::lexicon::{LexiconFiles, Lexicons, BUILTIN_RULES};
use crate::Analysis;

/// A rule in force.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub spec: RuleFile,
    /// `built-in` or the file it came from.
    pub origin: String,
}

impl Rule {
    /// The rule's confidence: its file's, else by its severity (error 0.9, warning 0.75,
    /// info 0.5).
    pub fn confidence(&self) -> f64 {
        self.spec.confidence.unwrap_or(match self.spec.severity {
            Severity::Error => 0.9,
            Severity::Warning => 0.75,
            Severity::Info => 0.5,
        })
    }

    pub fn param_f64(&self, name: &str, default: f64) -> f64 {
        match self.spec.params.get(name) {
            Some(toml::Value::Float(f)) => *f,
            Some(toml::Value::Integer(i)) => *i as f64,
            _ => default,
        }
    }

    pub fn param_str<'a>(&'a self, name: &str, default: &'a str) -> &'a str {
        match self.spec.params.get(name) {
            Some(toml::Value::String(s)) => s,
            _ => default,
        }
    }

    pub fn param_bool(&self, name: &str, default: bool) -> bool {
        match self.spec.params.get(name) {
            Some(toml::Value::Boolean(b)) => *b,
            _ => default,
        }
    }

    /// A finding of this rule, at its default severity.
    pub fn finding(&self, subject: impl Into<String>, message: impl Into<String>) -> Finding {
        Finding::new(
            &self.id,
            self.spec.kind,
            self.spec.severity,
            subject,
            message,
        )
    }
}

/// How a check type evaluates the analysis.
pub trait Check: Sync {
    /// The parameters the check reads: names, types and ranges. Any other parameter in a
    /// rule file is an error.
    fn params(&self) -> &'static [params::Param] {
        &[]
    }
    /// Checks what the declarations cannot (parameters that must be present, or agree);
    /// an error names the parameter.
    fn validate(&self, _rule: &RuleFile) -> Result<(), String> {
        Ok(())
    }
    /// Pushes the findings of `rule` on the analysis.
    fn run(&self, rule: &Rule, analysis: &Analysis, out: &mut Vec<Finding>);
}

/// The closed set of check types: name, one-line description.
pub const CHECKS: &[(&str, &str)] = &[
    (
        "date-conflict",
        "the same event (verb class and topic) dated differently across sources",
    ),
    (
        "event-polarity",
        "an event one source says happens on a day and another says does not",
    ),
    (
        "internal-date",
        "a source's dates contradicting each other or the calendar",
    ),
    (
        "identifier-confusable",
        "a product code written with confusable characters, against the known list or across sources",
    ),
    (
        "internal-arithmetic",
        "a source's figures contradicting its own words (a cut that rises) or each other",
    ),
    (
        "repetition",
        "review mode: words or a sentence the draft writes twice",
    ),
    (
        "plan-status",
        "a plan one source says goes ahead and another says is delayed or called off",
    ),
    (
        "relation-conflict",
        "a relation between named participants given with the roles swapped, or affirmed and denied",
    ),
    ("single-source", "a figure only one source gives"),
    (
        "stance-conflict",
        "a link one source asserts and another reports denied",
    ),
    (
        "unsupported",
        "review mode: a specific draft claim that no reference supports",
    ),
    (
        "value-conflict",
        "aligned figures of one quantity whose values differ across sources",
    ),
];

/// The check type named `name`.
pub fn lookup(name: &str) -> Option<&'static dyn Check> {
    match name {
        "date-conflict" => Some(&date_conflict::DateConflict),
        "event-polarity" => Some(&event_polarity::EventPolarity),
        "internal-date" => Some(&internal_date::InternalDate),
        "identifier-confusable" => Some(&confusable::Confusable),
        "internal-arithmetic" => Some(&arithmetic::Arithmetic),
        "name-variant" => Some(&name_variant::NameVariant),
        "quote-drift" => Some(&quote_drift::QuoteDrift),
        "role-conflict" => Some(&role_conflict::RoleConflict),
        "repetition" => Some(&repetition::Repetition),
        "plan-status" => Some(&plan_status::PlanStatus),
        "relation-conflict" => Some(&relation_conflict::RelationConflict),
        "single-source" => Some(&single_source::SingleSource),
        "stance-conflict" => Some(&stance_conflict::StanceConflict),
        "unsupported" => Some(&unsupported::Unsupported),
        "value-conflict" => Some(&value_conflict::ValueConflict),
        _ => None,
    }
}

/// Names, the first `shown`, the rest counted ("wire, paper, 3 more").
pub(crate) fn bounded_names(names: &[&str], shown: usize) -> String {
    let mut out: Vec<String> = names.iter().take(shown).map(|n| (*n).to_string()).collect();
    if names.len() > shown {
        out.push(format!("{} more", names.len() - shown));
    }
    out.join(", ")
}

/// Names in a finding's message, at most.
pub(crate) const NAMES_SHOWN: usize = 8;

/// Sources by name, the first `shown`, the rest counted ("wire, paper, 3 more").
pub(crate) fn source_ids<'a>(
    a: &Analysis,
    sources: impl ExactSizeIterator<Item = &'a usize>,
    shown: usize,
) -> String {
    let total = sources.len();
    let mut names: Vec<String> = sources
        .take(shown)
        .map(|&s| a.story.sources[s].id.clone())
        .collect();
    if total > shown {
        names.push(format!("{} more", total - shown));
    }
    names.join(", ")
}

/// The root of `x` in a union-find forest (path halving), shared by checks that cluster.
pub(crate) fn root(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// The rules and lexicons in force.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    /// Sorted by id.
    pub rules: Vec<Rule>,
    pub lexicons: Lexicons,
    /// Rule id → the severity every finding of that rule takes (`concord.toml`).
    pub severity_overrides: BTreeMap<String, Severity>,
}

impl RuleSet {
    /// The built-in rules and lexicons.
    pub fn builtin() -> Result<RuleSet, Error> {
        Self::load(None)
    }

    /// Built-in rules, then those of `dir` (adding, or replacing by id).
    pub fn load(dir: Option<&Path>) -> Result<RuleSet, Error> {
        let mut rules: BTreeMap<String, Rule> = BTreeMap::new();
        for (name, text) in BUILTIN_RULES {
            let path = PathBuf::from(format!("rules/{name}"));
            let rule = parse_rule(&path, text, "built-in")?;
            rules.insert(rule.id.clone(), rule);
        }
        let mut lex = LexiconFiles::builtin();
        if let Some(dir) = dir {
            if !dir.is_dir() {
                return Err(Error::NotFound {
                    path: dir.to_path_buf(),
                });
            }
            let rd = std::fs::read_dir(dir).map_err(|e| Error::Io {
                path: dir.to_path_buf(),
                message: e.to_string(),
            })?;
            let mut paths: Vec<PathBuf> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
            paths.sort();
            for path in paths {
                if path.extension().is_none_or(|e| e != "toml") {
                    continue;
                }
                // Anything named `*.toml` is meant as a rule: a FIFO or folder so named is
                // an error, not a rule silently missing.
                let text = crate::story::read_config(&path)?;
                let rule = parse_rule(&path, &text, &path.display().to_string())?;
                rules.insert(rule.id.clone(), rule);
            }
            lex.overlay(dir)?;
        }
        Ok(RuleSet {
            rules: rules.into_values().collect(),
            lexicons: Lexicons::from_files(&lex)?,
            severity_overrides: BTreeMap::new(),
        })
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// Runs every rule on the analysis.
    pub fn run(&self, analysis: &Analysis) -> Vec<Finding> {
        self.run_guarded(analysis, &mut Vec::new())
    }

    /// Runs every rule on the analysis, each under [`crate::guard::catch`]: a rule that
    /// panics contributes no finding and is recorded in `faults`.
    pub fn run_guarded(
        &self,
        analysis: &Analysis,
        faults: &mut Vec<crate::guard::Fault>,
    ) -> Vec<Finding> {
        let drafts: BTreeSet<&str> = analysis
            .story
            .sources
            .iter()
            .filter(|s| s.role == crate::story::Role::Draft)
            .map(|s| s.id.as_str())
            .collect();
        // Rules run in parallel (rayon); findings are gathered in rule order.
        let runs = crate::guard::catch_each(
            faults,
            "rule",
            self.rules.iter().collect(),
            |rule| Some(rule.id.clone()),
            |_, rule| {
                let mut found = Vec::new();
                if let Some(check) = lookup(&rule.spec.check) {
                    check.run(rule, analysis, &mut found);
                }
                let base = rule.confidence();
                let draft = |v: &crate::finding::Evidence| drafts.contains(v.source.as_str());
                for f in &mut found {
                    f.settle_confidence(base, rule.spec.severity);
                    f.bound_values(draft);
                }
                if let Some(s) = self.severity_overrides.get(&rule.id) {
                    for f in &mut found {
                        f.severity = *s;
                    }
                }
                found
            },
        );
        runs.into_iter().flatten().flatten().collect()
    }
}

fn parse_rule(path: &Path, text: &str, origin: &str) -> Result<Rule, Error> {
    let spec: RuleFile = toml::from_str(text).map_err(|e| Error::toml(path, text, &e))?;
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if !crate::story::valid_id(&id) {
        return Err(Error::Invalid {
            path: path.to_path_buf(),
            message: format!("rule id `{id}` (the file stem) must be kebab-case: [a-z0-9-]"),
        });
    }
    let line_of = |key: &str| {
        text.lines()
            .position(|l| l.trim_start().starts_with(key))
            .map_or(1, |i| i + 1)
    };
    let Some(check) = lookup(&spec.check) else {
        let known: Vec<&str> = CHECKS.iter().map(|c| c.0).collect();
        return Err(Error::at_line(
            path,
            line_of("check"),
            format!(
                "unknown check `{}` (known: {})",
                spec.check,
                known.join(", ")
            ),
        ));
    };
    params::validate(&spec.check, check.params(), &spec)
        .map_err(|(name, m)| Error::at_line(path, params::line_of(text, &name), m))?;
    check
        .validate(&spec)
        .map_err(|m| Error::at_line(path, line_of("[params]"), m))?;
    if let Some(c) = spec.confidence {
        if !(0.0..=1.0).contains(&c) {
            return Err(Error::at_line(
                path,
                line_of("confidence"),
                format!("confidence must be between 0 and 1, not {c}"),
            ));
        }
    }
    // Examples are small stories: their sources need valid, distinct ids, like a manifest's,
    // and formats, roles, times and zones concord accepts.
    for (n, ex) in spec.example.iter().enumerate() {
        if let Some(problem) = ex.problem() {
            let line = text
                .lines()
                .enumerate()
                .filter(|(_, l)| l.trim_start().starts_with("[[example]]"))
                .nth(n)
                .map_or(1, |(i, _)| i + 1);
            return Err(Error::at_line(
                path,
                line,
                format!("example {}: {problem}", n + 1),
            ));
        }
        let mut ids = std::collections::BTreeSet::new();
        for src in &ex.source {
            let problem = if !crate::story::valid_id(&src.id) {
                Some("must be lowercase letters, digits and `-`")
            } else if !ids.insert(src.id.as_str()) {
                Some("is used twice")
            } else {
                None
            };
            if let Some(problem) = problem {
                let line = text
                    .lines()
                    .position(|l| {
                        l.trim_start().starts_with("id") && l.contains(&format!("\"{}\"", src.id))
                    })
                    .map_or(1, |i| i + 1);
                return Err(Error::at_line(
                    path,
                    line,
                    format!("example {}: source id `{}` {problem}", n + 1, src.id),
                ));
            }
        }
    }
    Ok(Rule {
        id,
        spec,
        origin: origin.to_string(),
    })
}
