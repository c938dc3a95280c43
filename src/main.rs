//! The `concord` binary: parse the command line, run, map the outcome to an exit status.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match concord::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match concord::cli::run(cli, &mut out) {
        Ok(code) => ExitCode::from(u8::try_from(code).unwrap_or(2)),
        Err(concord::Error::Io { path, message })
            if path.as_os_str() == "<stdout>" && message.contains("Broken pipe") =>
        {
            // The reader went away (`concord check … | head`): not an error.
            ExitCode::SUCCESS
        }
        Err(e) => {
            let err = anyhow::Error::new(e);
            eprintln!("concord: error: {err}");
            ExitCode::from(2)
        }
    }
}
