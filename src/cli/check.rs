//! `concord check PATH...`: the discrepancy report.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use super::emit;
use crate::error::Error;
use crate::report::{json, text};
use crate::rules::Severity;
use crate::story::Story;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Story folders or story.toml files.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format: text or json.
    #[arg(long, default_value = "text")]
    pub format: String,
    /// Write the report to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// A folder of rule files (and lexicon/ files) that add to or override the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// Exit 1 when a finding reaches this severity: error, warning, info or never.
    #[arg(long, default_value = "error", value_name = "LEVEL")]
    pub fail_on: String,
    /// A previous JSON report whose findings are not reported again.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Text format: also list what cleaning dropped from each source.
    #[arg(short, long)]
    pub verbose: bool,
}

#[derive(Clone, Copy)]
enum Format {
    Text,
    Json,
}

fn parse_format(s: &str) -> Result<Format, Error> {
    match s {
        "text" => Ok(Format::Text),
        "json" => Ok(Format::Json),
        "markdown" | "sarif" | "html" => Err(Error::Usage(format!(
            "--format {s} is not available in this version of concord (use text or json)"
        ))),
        other => Err(Error::Usage(format!(
            "unknown --format `{other}` (expected text, json, markdown, sarif or html)"
        ))),
    }
}

fn parse_fail_on(s: &str) -> Result<Option<Severity>, Error> {
    match s {
        "error" => Ok(Some(Severity::Error)),
        "warning" => Ok(Some(Severity::Warning)),
        "info" => Ok(Some(Severity::Info)),
        "never" => Ok(None),
        other => Err(Error::Usage(format!(
            "unknown --fail-on `{other}` (expected error, warning, info or never)"
        ))),
    }
}

pub fn run(args: &Args, out: &mut dyn Write) -> Result<i32, Error> {
    let format = parse_format(&args.format)?;
    let fail_on = parse_fail_on(&args.fail_on)?;
    if args.baseline.is_some() {
        return Err(Error::Usage(
            "--baseline is not available in this version of concord".into(),
        ));
    }
    let rules = super::rule_set(args.rules.as_deref())?;
    let mut rendered = String::new();
    let mut status = 0;
    for path in &args.paths {
        let story = Story::open(path)?;
        for note in &story.notes {
            eprintln!("concord: note: {note}");
        }
        let report = crate::check(&story, &rules);
        if let (Some(level), Some(worst)) = (fail_on, report.worst()) {
            if worst <= level {
                status = 1;
            }
        }
        match format {
            Format::Json => rendered.push_str(&json::render(&report)),
            Format::Text => {
                let color = args.output.is_none()
                    && std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
                rendered.push_str(&text::render(
                    &report,
                    &story,
                    text::Options {
                        color,
                        verbose: args.verbose,
                    },
                ));
            }
        }
    }
    match &args.output {
        Some(file) => std::fs::write(file, rendered).map_err(|e| Error::Io {
            path: file.clone(),
            message: e.to_string(),
        })?,
        None => emit(out, &rendered)?,
    }
    Ok(status)
}
