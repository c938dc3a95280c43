//! `concord rules`: the rules in force, one a line.

use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;

use super::emit;
use crate::error::Error;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A folder of rule files that add to or override the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
}

pub fn run(args: &Args, out: &mut dyn Write) -> Result<i32, Error> {
    let set = super::rule_set(args.rules.as_deref())?;
    let width = set.rules.iter().map(|r| r.id.len()).max().unwrap_or(0);
    let mut s = String::new();
    for r in &set.rules {
        let _ = writeln!(
            s,
            "{:width$}  {:7}  {:11}  {}",
            r.id,
            r.spec.severity.as_str(),
            r.spec.kind.as_str(),
            r.spec.summary
        );
    }
    emit(out, &s)?;
    Ok(0)
}
