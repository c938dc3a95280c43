//! `concord extract FILE|-`: the claims of one text as JSON, for rule authors.

use std::io::Write;
use std::path::PathBuf;

use serde::Serialize;

use super::emit;
use crate::error::Error;
use crate::report::SpanOut;
use crate::story::{self, Format, Published, PublishedFrom, Source, Story};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A .txt, .md or .html file, or `-` for standard input (read as text).
    pub file: PathBuf,
    /// Publication time (RFC 3339 date or datetime) to resolve relative dates against.
    #[arg(long, value_name = "DATETIME")]
    pub published: Option<String>,
    /// The IANA zone where the events happen (e.g. Europe/London).
    #[arg(long, value_name = "ZONE")]
    pub timezone: Option<String>,
    /// Only claims of this kind: date, number, identifier, name, title, quote or stance.
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// A folder of rule and lexicon files that add to or override the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
}

#[derive(Serialize)]
struct ClaimOut<'a> {
    kind: &'static str,
    text: &'a str,
    normalized: &'a str,
    span: SpanOut,
    sentence: usize,
    /// What the aligner compares: the words naming what the claim is about, its context
    /// words, a date's event class, and the blocking keys it can meet others on.
    about: &'a str,
    context: &'a [String],
    /// The names a figure belongs to.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    owners: &'a [String],
    /// The other distinctive figures of its sentence: a sentence sharing one is linked.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    anchors: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    event: Option<&'a str>,
    block_keys: Vec<String>,
}

#[derive(Serialize)]
struct Output<'a> {
    source: crate::report::SourceOut,
    claims: Vec<ClaimOut<'a>>,
}

pub fn run(args: &Args, out: &mut dyn Write) -> Result<i32, Error> {
    if let Some(k) = &args.kind {
        if !crate::extract::KINDS.contains(&k.as_str()) {
            return Err(Error::Usage(format!(
                "unknown --kind `{k}` (expected one of: {})",
                crate::extract::KINDS.join(", ")
            )));
        }
    }
    let published = match &args.published {
        None => None,
        Some(p) => Some(Published::parse_rfc3339(p).ok_or_else(|| {
            Error::Usage(format!(
                "--published `{p}` is not an RFC 3339 date or datetime (2025-06-10 or 2025-06-10T11:44:12+05:30)"
            ))
        })?),
    };
    let timezone = match &args.timezone {
        None => None,
        Some(z) => Some(story::parse_timezone(z).ok_or_else(|| {
            Error::Usage(format!("--timezone `{z}` is not an IANA time zone name"))
        })?),
    };
    let (text, path, format, note) = if args.file.as_os_str() == "-" {
        let (text, note) = story::read_stdin()?;
        (text, "-".to_string(), Format::Text, note)
    } else {
        let file = &args.file;
        let bytes = story::read_file(file, story::MAX_SOURCE_BYTES)?;
        let (text, note) = story::decode(bytes);
        let format = Format::from_path(file).unwrap_or(Format::Text);
        (text, file.display().to_string(), format, note)
    };
    if let Some(n) = &note {
        eprintln!("concord: note: {path}: {n}");
    }
    let mut source = Source::from_text("input", &path, format, text);
    source.notes.extend(note);
    if let Some(p) = published {
        source.published = Some(p);
        source.published_from = PublishedFrom::Manifest;
    }
    let story = Story {
        title: None,
        timezone,
        root: PathBuf::from("."),
        sources: vec![source],
        notes: Vec::new(),
    };
    let rules = super::rule_set(args.rules.as_deref())?;
    let analysis = crate::analyse(&story, &rules.lexicons);
    let report = crate::Report::new(&story, &analysis, Vec::new());
    let src = &story.sources[0];
    let claims: Vec<ClaimOut> = analysis
        .claims
        .iter()
        .filter(|c| args.kind.as_deref().is_none_or(|k| c.value.kind() == k))
        .map(|c| {
            let (line, column) = src.line_col(c.span.start);
            ClaimOut {
                kind: c.value.kind(),
                text: &c.text,
                normalized: &c.normalized,
                span: SpanOut {
                    start: c.span.start,
                    end: c.span.end,
                    line,
                    column,
                },
                sentence: c.sentence,
                about: &c.about,
                context: &c.context,
                owners: &c.owners,
                anchors: &c.anchors,
                event: match &c.value {
                    crate::extract::Value::Date(d) => d.event.as_deref(),
                    _ => None,
                },
                block_keys: crate::align::block_keys(c),
            }
        })
        .collect();
    let output = Output {
        source: report.sources.into_iter().next().expect("one source"),
        claims,
    };
    let mut s = serde_json::to_string_pretty(&output).unwrap_or_default();
    s.push('\n');
    emit(out, &s)?;
    for f in &analysis.faults {
        eprintln!("concord: error: {f}");
    }
    Ok(if analysis.faults.is_empty() { 0 } else { 2 })
}
