//! Rule parameters, declared by each check and validated strictly when a rule is loaded.
//!
//! A parameter a check does not declare is a typo (an error naming file and line), a value
//! of the wrong type or out of range is an error, and NaN or infinity is never a number: a
//! rule file can no longer switch a check off silently.

use super::RuleFile;

/// What values a parameter takes.
#[derive(Debug, Clone, Copy)]
pub enum ParamType {
    /// A finite number (integer or float) in `min..=max`.
    Number { min: f64, max: f64 },
    /// A whole number in `min..=max`.
    Integer { min: i64, max: i64 },
    /// One of these strings.
    OneOf(&'static [&'static str]),
    /// A list of claim types (`date`, `number`, …).
    ClaimTypes,
}

/// One parameter a check reads.
#[derive(Debug, Clone, Copy)]
pub struct Param {
    pub name: &'static str,
    pub ty: ParamType,
    /// What it does, for `concord explain`.
    pub doc: &'static str,
}

impl ParamType {
    /// How the type reads in a message or in `concord explain`.
    pub fn describe(&self) -> String {
        match self {
            ParamType::Number { min, max } => format!("a number from {min} to {max}"),
            ParamType::Integer { min, max } => format!("a whole number from {min} to {max}"),
            ParamType::OneOf(options) => format!(
                "one of {}",
                options
                    .iter()
                    .map(|o| format!("\"{o}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            ParamType::ClaimTypes => format!(
                "a list of claim types ({}) or `words` (a draft sentence's wording)",
                crate::extract::KINDS.join(", ")
            ),
        }
    }

    fn accepts(&self, v: &toml::Value) -> bool {
        match (self, v) {
            (ParamType::Number { min, max }, toml::Value::Float(f)) => {
                f.is_finite() && (*min..=*max).contains(f)
            }
            (ParamType::Number { min, max }, toml::Value::Integer(i)) => {
                (*min..=*max).contains(&(*i as f64))
            }
            (ParamType::Integer { min, max }, toml::Value::Integer(i)) => (*min..=*max).contains(i),
            (ParamType::OneOf(options), toml::Value::String(s)) => options.contains(&s.as_str()),
            (ParamType::ClaimTypes, toml::Value::Array(a)) => a.iter().all(|k| {
                k.as_str()
                    .is_some_and(|k| crate::extract::KINDS.contains(&k) || k == "words")
            }),
            _ => false,
        }
    }
}

/// Checks every parameter of `rule` against `declared`. On error: the parameter's name
/// (to find its line) and the message.
pub fn validate(check: &str, declared: &[Param], rule: &RuleFile) -> Result<(), (String, String)> {
    for (name, value) in &rule.params {
        let Some(p) = declared.iter().find(|p| p.name == name) else {
            let known: Vec<&str> = declared.iter().map(|p| p.name).collect();
            return Err((
                name.clone(),
                format!(
                    "unknown parameter `{name}` for check `{check}` ({})",
                    if known.is_empty() {
                        "it takes none".to_string()
                    } else {
                        format!("known: {}", known.join(", "))
                    }
                ),
            ));
        };
        if !p.ty.accepts(value) {
            return Err((
                name.clone(),
                format!(
                    "parameter `{name}` is {value}, but must be {}",
                    p.ty.describe()
                ),
            ));
        }
    }
    Ok(())
}

/// The 1-based line of parameter `name` in a rule file's `[params]` table (or of the
/// table itself, or line 1).
pub fn line_of(text: &str, name: &str) -> usize {
    let mut in_params = false;
    let mut table_line = None;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim_start();
        if t.starts_with('[') {
            in_params = t.starts_with("[params]");
            if in_params {
                table_line = Some(i + 1);
            }
            continue;
        }
        if in_params {
            let key = t.split('=').next().unwrap_or("").trim().trim_matches('"');
            if key == name {
                return i + 1;
            }
        }
    }
    table_line.unwrap_or(1)
}

/// A similarity or share between 0 and 1.
pub const fn fraction(name: &'static str, doc: &'static str) -> Param {
    Param {
        name,
        ty: ParamType::Number { min: 0.0, max: 1.0 },
        doc,
    }
}

/// A count of words or items.
pub const fn count(name: &'static str, min: i64, doc: &'static str) -> Param {
    Param {
        name,
        ty: ParamType::Integer { min, max: 1000 },
        doc,
    }
}
