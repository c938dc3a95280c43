//! The command line: one file per subcommand. `main` parses, calls [`run`], and maps the
//! outcome to an exit status (0 clean, 1 a finding reached `--fail-on`, 2 unusable input).

mod align;
pub mod check;
mod config;
mod explain;
mod extract;
mod review;
pub mod rules;
mod shell;

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::error::Error;

/// concord: check several reports of one story against each other.
#[derive(Debug, Parser)]
#[command(name = "concord", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a story (a folder, or a story.toml) and report where its sources disagree.
    Check(check::Args),
    /// Check a draft against a story's reports before publication.
    Review(review::Args),
    /// Print the claims concord finds in one text, as JSON.
    Extract(extract::Args),
    /// Show why claims were compared and grouped, or not (for rule authors).
    Align(align::Args),
    /// List the rules in force.
    Rules(rules::Args),
    /// Explain what a rule checks, why, and show its example.
    Explain(explain::Args),
    /// Show the settings in force (concord.toml, found from the current folder upwards).
    Config(config::Args),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(shell::CompletionsArgs),
    /// Print the man page (roff), for `man -l -` or a man directory.
    Man(shell::ManArgs),
}

/// Runs a parsed command line, writing to `out`. Returns the exit status.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<i32, Error> {
    match cli.command {
        Command::Check(args) => check::run(&args, out),
        Command::Review(args) => review::run(&args, out),
        Command::Extract(args) => extract::run(&args, out),
        Command::Align(args) => align::run(&args, out),
        Command::Rules(args) => rules::run(&args, out),
        Command::Explain(args) => explain::run(&args, out),
        Command::Config(args) => config::run(&args, out),
        Command::Completions(args) => shell::completions(&args, out),
        Command::Man(args) => shell::man(&args, out),
    }
}

/// Writes `text` to `out`, mapping I/O errors (a broken pipe is handled by `main`).
pub(crate) fn emit(out: &mut dyn Write, text: &str) -> Result<(), Error> {
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| Error::Write {
            path: PathBuf::from("<stdout>"),
            message: e.to_string(),
        })
}

/// Loads the rule set, with `--rules DIR` if given.
pub(crate) fn rule_set(dir: Option<&std::path::Path>) -> Result<crate::RuleSet, Error> {
    crate::RuleSet::load(dir)
}
