//! `concord config`: the settings in force and the `concord.toml` they come from.

use std::io::Write;

use super::emit;
use crate::error::Error;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: &Args, out: &mut dyn Write) -> Result<i32, Error> {
    let loaded = super::check::config()?;
    let mut c = loaded.config.clone();
    // The defaults a run uses where the file is silent.
    c.format.get_or_insert_with(|| "text".into());
    c.fail_on.get_or_insert_with(|| "error".into());
    // Unknown rule ids are an error here too, as in a run.
    let mut rules = super::rule_set(c.rules_dir.as_deref())?;
    loaded.apply(&mut rules)?;
    let head = match &loaded.path {
        Some(p) => format!("# from {}\n", p.display()),
        None => format!(
            "# no {} in this folder or above: built-in defaults\n",
            crate::config::FILE_NAME
        ),
    };
    let body = toml::to_string(&c).map_err(|e| Error::Usage(e.to_string()))?;
    emit(out, &format!("{head}{body}"))?;
    Ok(0)
}
