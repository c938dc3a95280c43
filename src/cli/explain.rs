//! `concord explain RULE`: what a rule checks, why, and its examples.

use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;

use super::emit;
use crate::error::Error;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The rule id (see `concord rules`).
    pub rule: String,
    /// A folder of rule files that add to or override the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
}

pub fn run(args: &Args, out: &mut dyn Write) -> Result<i32, Error> {
    let set = super::rule_set(args.rules.as_deref())?;
    let Some(rule) = set.get(&args.rule) else {
        let ids: Vec<&str> = set.rules.iter().map(|r| r.id.as_str()).collect();
        return Err(Error::Usage(format!(
            "unknown rule `{}` (rules: {})",
            args.rule,
            ids.join(", ")
        )));
    };
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", rule.id);
    let _ = writeln!(s, "{}\n", rule.spec.summary);
    let _ = writeln!(
        s,
        "kind: {}  severity: {}  confidence: {}  check: {}  from: {}\n",
        rule.spec.kind.as_str(),
        rule.spec.severity.as_str(),
        rule.confidence(),
        rule.spec.check,
        rule.origin
    );
    let _ = writeln!(s, "{}", rule.spec.explanation.trim());
    let declared = crate::rules::lookup(&rule.spec.check).map_or(&[][..], |c| c.params());
    if !declared.is_empty() {
        let _ = writeln!(s, "\n## Parameters\n");
        for p in declared {
            let value = rule
                .spec
                .params
                .get(p.name)
                .map_or_else(|| "(default)".to_string(), ToString::to_string);
            let _ = writeln!(s, "- {} = {value}: {} ({})", p.name, p.doc, p.ty.describe());
        }
    }
    for (i, ex) in rule.spec.example.iter().enumerate() {
        let _ = writeln!(
            s,
            "\n## Example {}: {} (expects {} finding{})\n",
            i + 1,
            ex.description,
            ex.expect,
            if ex.expect == 1 { "" } else { "s" }
        );
        for src in &ex.source {
            let _ = writeln!(s, "{}: {}", src.id, src.text.trim());
        }
    }
    emit(out, &s)?;
    Ok(0)
}
