//! Shared by the fuzz targets: building stories in memory the way the CLI does, and
//! running every renderer on a report so that the whole pipeline is exercised.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;

use concord::report::{github, html, json, markdown, sarif, text};
use concord::story::{Format, Published, PublishedFrom, Role, Source};
use concord::{Report, RuleSet, Story};

/// The built-in rules, loaded once per process.
pub fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| RuleSet::builtin().expect("built-in rules load"))
}

/// Story-level knobs taken from an optional leading control byte 0x01..=0x08:
/// bit 0 = last source is a draft (review mode), bit 1 = a story time zone,
/// bit 2 = publication dates on the sources. Printable inputs get none of these.
#[derive(Clone, Copy, Default)]
pub struct Knobs {
    pub draft: bool,
    pub timezone: bool,
    pub published: bool,
}

pub fn knobs(data: &[u8]) -> (Knobs, &[u8]) {
    match data.first() {
        Some(&b @ 0x01..=0x08) => (
            Knobs {
                draft: b & 1 != 0,
                timezone: b & 2 != 0,
                published: b & 4 != 0 || b == 8,
            },
            &data[1..],
        ),
        _ => (Knobs::default(), data),
    }
}

/// The format a text gets from its first byte: `<` HTML, `#` Markdown, else plain text.
pub fn format_of(text: &str) -> Format {
    match text.as_bytes().first() {
        Some(b'<') => Format::Html,
        Some(b'#') => Format::Markdown,
        _ => Format::Text,
    }
}

fn ext(format: Format) -> &'static str {
    match format {
        Format::Text => "txt",
        Format::Markdown => "md",
        Format::Html => "html",
    }
}

const PUBLISHED: [&str; 4] = [
    "2025-06-10",
    "2025-06-10T11:44:12+05:30",
    "2024-02-29T23:59:59-12:00",
    "2025-03-30T01:30:00+00:00",
];
const ZONES: [&str; 3] = ["Europe/London", "Asia/Kolkata", "America/New_York"];

/// A story of in-memory sources, as the rule examples and `concord extract` build them.
pub fn story(texts: Vec<(String, Format)>, k: Knobs) -> Story {
    let n = texts.len();
    let sources = texts
        .into_iter()
        .enumerate()
        .map(|(i, (text, format))| {
            let id = format!("s{i}");
            let mut s = Source::from_text(&id, &format!("{id}.{}", ext(format)), format, text);
            if k.published {
                s.published = Published::parse_rfc3339(PUBLISHED[i % PUBLISHED.len()]);
                s.published_from = PublishedFrom::Manifest;
            }
            if k.draft && n > 1 && i == n - 1 {
                s.role = Role::Draft;
            }
            s
        })
        .collect();
    Story {
        title: Some("fuzz".into()),
        timezone: if k.timezone {
            concord::story::parse_timezone(ZONES[n % ZONES.len()])
        } else {
            None
        },
        root: PathBuf::from("."),
        sources,
        notes: Vec::new(),
    }
}

/// What `concord extract` does after reading its file: analyse, build the report's
/// source view, place every claim at line:column, serialise.
pub fn extract_like(story: &Story, rules: &RuleSet) -> String {
    let analysis = concord::analyse(story, &rules.lexicons);
    // concord contains a panicking stage (`guard`) and reports it as a fault: for the
    // fuzzer, a fault is a crash.
    assert!(analysis.faults.is_empty(), "fault: {:?}", analysis.faults);
    let report = Report::new(story, &analysis, Vec::new());
    let src = &story.sources[0];
    let claims: Vec<serde_json::Value> = analysis
        .claims
        .iter()
        .map(|c| {
            let (line, column) = src.line_col(c.span.start);
            serde_json::json!({
                "kind": c.value.kind(),
                "text": c.text,
                "normalized": c.normalized,
                "span": [c.span.start, c.span.end, line, column],
                "sentence": c.sentence,
            })
        })
        .collect();
    let source = serde_json::to_value(report.sources.first()).unwrap_or_default();
    serde_json::to_string_pretty(&serde_json::json!({ "source": source, "claims": claims }))
        .unwrap_or_default()
}

/// Every renderer `concord check --format` offers; returns the total length so nothing
/// is optimised away.
pub fn render_all(report: &Report, story: &Story, rules: &RuleSet) -> usize {
    assert!(report.faults.is_empty(), "fault: {:?}", report.faults);
    let mut n = json::render(report).len();
    n += markdown::render(report).len();
    n += html::render(report).len();
    n += sarif::render(report, rules).len();
    n += github::render(report).len();
    for (color, verbose) in [(false, true), (true, false)] {
        n += text::render(report, story, text::Options { color, verbose }).len();
    }
    n
}

/// A fresh, per-process scratch folder (reused across runs of one process).
pub fn scratch(name: &str) -> PathBuf {
    static BASE: OnceLock<PathBuf> = OnceLock::new();
    let base = BASE.get_or_init(|| {
        let d = std::env::temp_dir().join(format!("concord-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&d).expect("create scratch dir");
        d
    });
    let d = base.join(name);
    std::fs::create_dir_all(&d).expect("create scratch dir");
    d
}

/// Splits on the separator byte 0xFF (never in UTF-8 text) into at most `max` parts,
/// the last keeping any further separators.
pub fn split_ff(data: &[u8], max: usize) -> Vec<&[u8]> {
    data.splitn(max, |&b| b == 0xFF).collect()
}

pub fn lossy(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}
