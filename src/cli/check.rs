//! `concord check PATH...`: the discrepancy report.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use super::emit;
use crate::error::Error;
use crate::report::baseline::Baseline;
use crate::report::{github, html, json, markdown, sarif, text};
use crate::rules::Severity;
use crate::story::Story;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Story folders or story.toml files; `-` reads one source from standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub options: Options,
}

/// Options shared by `check` and `review`.
#[derive(Debug, Clone, clap::Args)]
pub struct Options {
    /// Output format: text (default), json, jsonl (one report per line), markdown, html, sarif
    /// or github.
    #[arg(long, value_parser = FORMATS.to_vec())]
    pub format: Option<String>,
    /// Write the report to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// A folder of rule files (and lexicon/ files) that add to or override the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// Exit 1 when a finding reaches this severity: error (default), warning, info or never.
    #[arg(long, value_name = "LEVEL", value_parser = ["error", "warning", "info", "never"])]
    pub fail_on: Option<String>,
    /// Leave out findings whose confidence (0 to 1, in the JSON report) is below this:
    /// higher cries wolf less, lower catches more.
    #[arg(long, value_name = "X", value_parser = parse_confidence)]
    pub min_confidence: Option<f64>,
    /// A previous JSON report whose findings are not reported again.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Also write the full JSON report to FILE, to use as a baseline later.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Review mode: keep disagreements among the references at their own severity.
    #[arg(long)]
    pub all: bool,
    /// Text format: also list what cleaning dropped from each source.
    #[arg(short, long)]
    pub verbose: bool,
    /// Colour in the text format: auto (a terminal, unless `NO_COLOR` is set), always or never.
    #[arg(long, default_value = "auto", value_name = "WHEN", value_parser = ["auto", "always", "never"])]
    pub color: String,
    /// Print nothing on standard error but errors (no loading notes, no summary line, no
    /// progress bar).
    #[arg(short, long)]
    pub quiet: bool,
    /// Stories checked at once, for several stories (default: one per core). The report is
    /// the same whatever the number.
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
}

/// The values of `--format`.
pub const FORMATS: &[&str] = &[
    "text", "json", "jsonl", "markdown", "md", "html", "sarif", "github",
];

#[derive(Clone, Copy)]
enum Format {
    Text,
    Json,
    Jsonl,
    Markdown,
    Html,
    Sarif,
    Github,
}

fn parse_format(s: &str) -> Result<Format, Error> {
    match s {
        "text" => Ok(Format::Text),
        "json" => Ok(Format::Json),
        "jsonl" => Ok(Format::Jsonl),
        "markdown" | "md" => Ok(Format::Markdown),
        "html" => Ok(Format::Html),
        "sarif" => Ok(Format::Sarif),
        "github" => Ok(Format::Github),
        other => Err(Error::Usage(format!(
            "unknown --format `{other}` (expected text, json, jsonl, markdown, html, sarif or github)"
        ))),
    }
}

/// A confidence threshold between 0 and 1.
fn parse_confidence(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!("`{s}` is not a number between 0 and 1")),
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
    let mut stories = Vec::new();
    for path in &args.paths {
        stories.push(if path.as_os_str() == "-" {
            Story::from_stdin()?
        } else {
            Story::open(path)?
        });
    }
    run_stories(args, stories, out)
}

/// The project's `concord.toml`, from the current directory upwards.
pub fn config() -> Result<crate::config::Loaded, Error> {
    let cwd = std::env::current_dir().map_err(|e| Error::Io {
        path: PathBuf::from("."),
        message: e.to_string(),
    })?;
    crate::config::Loaded::discover(&cwd)
}

/// Stories from which a batch shows a progress bar (on a terminal, unless `--quiet`).
const PROGRESS_FROM: usize = 8;

/// Checks each story, several at once (`--jobs`), the reports in the stories' order.
fn check_all(
    stories: &[Story],
    rules: &crate::rules::RuleSet,
    args: &Options,
) -> Result<Vec<crate::report::Report>, Error> {
    use rayon::prelude::*;
    let review = crate::review::Options { all: args.all };
    // One pool of `--jobs` threads (default: one per core) for the stories and, inside each,
    // its sources and rules.
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = args.jobs {
        pool = pool.num_threads(usize::from(n));
    }
    let pool = pool
        .build()
        .map_err(|e| Error::Usage(format!("cannot start {} jobs: {e}", args.jobs.unwrap_or(0))))?;
    if stories.len() <= 1 || args.jobs == Some(1) {
        return Ok(pool.install(|| {
            stories
                .iter()
                .map(|s| crate::check_with(s, rules, review))
                .collect()
        }));
    }
    let progress = (stories.len() >= PROGRESS_FROM
        && !args.quiet
        && std::io::stderr().is_terminal())
    .then(|| {
        let bar = indicatif::ProgressBar::new(stories.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} stories {elapsed}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let reports = pool.install(|| {
        stories
            .par_iter()
            .map(|s| {
                let report = crate::check_with(s, rules, review);
                if let Some(bar) = &progress {
                    bar.inc(1);
                }
                report
            })
            .collect()
    });
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    Ok(reports)
}

/// Checks loaded stories and renders them (shared with `concord review`). Several stories
/// make one document: a `concord/batch-v1` JSON, one SARIF run each, one baseline for all.
pub fn run_stories(
    args: &Args,
    mut stories: Vec<Story>,
    out: &mut dyn Write,
) -> Result<i32, Error> {
    let args = &args.options;
    let conf = config()?;
    let c = &conf.config;
    let format = parse_format(
        args.format
            .as_deref()
            .or(c.format.as_deref())
            .unwrap_or("text"),
    )?;
    let fail_on = parse_fail_on(
        args.fail_on
            .as_deref()
            .or(c.fail_on.as_deref())
            .unwrap_or("error"),
    )?;
    let baseline = match &args.baseline {
        Some(p) => Some(Baseline::load(p)?),
        None => None,
    };
    let mut rules = super::rule_set(args.rules.as_deref().or(c.rules_dir.as_deref()))?;
    conf.apply(&mut rules)?;
    if let Some(zone) = c.timezone.as_deref().and_then(|z| z.parse().ok()) {
        for story in stories.iter_mut().filter(|s| s.timezone.is_none()) {
            story.timezone = Some(zone);
        }
    }
    let stories = &stories;
    if !args.quiet {
        for note in stories.iter().flat_map(|s| &s.notes) {
            eprintln!("concord: note: {note}");
        }
    }
    let mut reports = check_all(stories, &rules, args)?;
    if let Some(min) = args.min_confidence.or(c.min_confidence) {
        for report in &mut reports {
            report.findings.retain(|f| f.confidence >= min);
            report.recount();
        }
    }
    if let Some(file) = &args.write_baseline {
        std::fs::File::create(file)
            .and_then(|mut f| json::write_all(&reports, &mut f))
            .map_err(|e| Error::Write {
                path: file.clone(),
                message: e.to_string(),
            })?;
    }
    if let Some(b) = &baseline {
        b.apply_all(&mut reports);
    }
    let mut status = 0;
    for report in &reports {
        if let (Some(level), Some(worst)) = (fail_on, report.worst()) {
            if worst <= level {
                status = status.max(1);
            }
        }
        for f in &report.faults {
            eprintln!("concord: error: {f}");
            status = 2;
        }
    }
    let each = |render: &dyn Fn(&crate::report::Report, &Story) -> String| -> String {
        reports
            .iter()
            .zip(stories)
            .map(|(r, s)| render(r, s))
            .collect()
    };
    let rendered = match format {
        // Streamed to its writer below, never held as text.
        Format::Json => String::new(),
        Format::Jsonl => each(&|r, _| json::render_line(r)),
        Format::Markdown => each(&|r, _| markdown::render(r)),
        Format::Html => html::render_many(&reports),
        Format::Sarif => sarif::render_many(&reports, &rules),
        Format::Github => each(&|r, _| github::render(r)),
        Format::Text => {
            let color = match args.color.as_str() {
                "always" => true,
                "never" => false,
                _ => {
                    args.output.is_none()
                        && std::io::stdout().is_terminal()
                        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                }
            };
            each(&|r, s| {
                text::render(
                    r,
                    s,
                    text::Options {
                        color,
                        verbose: args.verbose,
                    },
                )
            })
        }
    };
    // In a GitHub workflow, the job summary gets the full table.
    if matches!(format, Format::Github) {
        if let Some(summary) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|v| !v.is_empty()) {
            let path = PathBuf::from(summary);
            let table = each(&|r, _| markdown::render(r));
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)
                .and_then(|mut f| f.write_all(table.as_bytes()))
                .map_err(|e| Error::Write {
                    path,
                    message: e.to_string(),
                })?;
        }
    }
    let stream = matches!(format, Format::Json);
    match &args.output {
        Some(file) => {
            let written = if stream {
                std::fs::File::create(file).and_then(|mut f| json::write_all(&reports, &mut f))
            } else {
                std::fs::write(file, rendered)
            };
            written.map_err(|e| Error::Write {
                path: file.clone(),
                message: e.to_string(),
            })?;
            // The report went to a file: the terminal still hears how the run went.
            if !args.quiet {
                let total = crate::report::Batch::new(&reports).summary;
                eprintln!(
                    "concord: wrote {}: {} finding{} ({} error, {} warning, {} info) in {} stor{}",
                    file.display(),
                    total.findings,
                    if total.findings == 1 { "" } else { "s" },
                    total.error,
                    total.warning,
                    total.info,
                    reports.len(),
                    if reports.len() == 1 { "y" } else { "ies" },
                );
            }
        }
        None if stream => json::write_all(&reports, out).map_err(|e| Error::Write {
            path: PathBuf::from("<stdout>"),
            message: e.to_string(),
        })?,
        None => emit(out, &rendered)?,
    }
    Ok(status)
}
