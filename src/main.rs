//! The `concord` binary: parse the command line, run, map the outcome to an exit status.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // A panic inside a stage becomes a fault in the report (exit 2), not a backtrace.
    concord::guard::quiet();
    let cli = match concord::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if e.use_stderr() => {
            // One line, as for any unusable input: the error and its hint ("possible
            // values: …"), without the pointer to --help.
            let text = e.to_string();
            let line = text
                .lines()
                .map(str::trim)
                .filter(|l| {
                    !l.is_empty()
                        && !l.starts_with("For more information")
                        && !l.starts_with("Usage:")
                })
                .map(|l| l.strip_prefix("error: ").unwrap_or(l))
                .collect::<Vec<_>>()
                .join(" ");
            eprintln!("concord: error: {line}");
            return ExitCode::from(2);
        }
        Err(e) => {
            // --help, --version.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    // Stages catch their own panics; one anywhere else has already printed its line
    // through the hook and ends the run with status 2, like any unusable input.
    let Ok(result) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        concord::cli::run(cli, &mut out)
    })) else {
        return ExitCode::from(2);
    };
    match result {
        Ok(code) => ExitCode::from(u8::try_from(code).unwrap_or(2)),
        Err(concord::Error::Write { path, message })
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
