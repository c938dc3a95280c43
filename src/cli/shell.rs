//! `concord completions SHELL` and `concord man`: shell completions and a man page, generated
//! from the command line's own definition (clap), so they never drift from `--help`.

use std::io::Write;

use clap::CommandFactory;

use super::emit;
use crate::error::Error;

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, clap::Args)]
pub struct ManArgs {}

/// Writes the completion script for `args.shell`.
pub fn completions(args: &CompletionsArgs, out: &mut dyn Write) -> Result<i32, Error> {
    let mut cmd = super::Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "concord", &mut buf);
    emit(out, &String::from_utf8_lossy(&buf))?;
    Ok(0)
}

/// Writes the man page (roff): the command and, after it, each subcommand's own section.
pub fn man(_args: &ManArgs, out: &mut dyn Write) -> Result<i32, Error> {
    let cmd = super::Cli::command();
    let mut buf = Vec::new();
    let render = |man: clap_mangen::Man, buf: &mut Vec<u8>| {
        man.render(buf)
            .map_err(|e| Error::Usage(format!("cannot render the man page: {e}")))
    };
    render(clap_mangen::Man::new(cmd.clone()), &mut buf)?;
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let title = format!("concord-{}", sub.get_name());
        let man = clap_mangen::Man::new(sub.clone())
            .title(title)
            .source(format!("concord {}", env!("CARGO_PKG_VERSION")));
        render(man, &mut buf)?;
    }
    emit(out, &String::from_utf8_lossy(&buf))?;
    Ok(0)
}
