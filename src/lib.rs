//! concord: a cross-source fact-consistency checker for news reports.
//!
//! Give it several reports of one story; it works out what each claims, lines the claims
//! up across sources, and a rules engine flags where they contradict or drift apart.
//!
//! The pipeline runs one way, each stage a module with one job:
//!
//! ```text
//! story.toml + files ─► story ─► clean ─► segment ─► extract ─► align ─► rules ─► report
//!                       Source   Cleaned   Doc        Claim      Group    Finding   Report
//! ```
//!
//! [`check`] runs it all; [`analyse`] stops before the rules, for `concord extract`.

pub mod align;
pub mod clean;
pub mod cli;
pub mod config;
pub mod error;
pub mod extract;
pub mod finding;
pub mod guard;
pub mod hostile;
pub mod lexicon;
pub mod report;
pub mod review;
pub mod rules;
pub mod segment;
pub mod story;
pub mod text;
pub mod words;

pub use error::Error;
pub use finding::Finding;
pub use report::Report;
pub use rules::RuleSet;
pub use story::Story;

use crate::extract::Claim;
use crate::lexicon::Lexicons;
use crate::segment::Doc;

/// Everything the rules see: the story, each source cleaned and segmented, every claim,
/// and the claims aligned into groups.
#[derive(Debug)]
pub struct Analysis<'a> {
    pub story: &'a Story,
    pub lexicons: &'a Lexicons,
    /// One per source, in story order.
    pub docs: Vec<Doc>,
    /// Each source's publication time as concord settled it (manifest, dateline, unknown).
    pub times: Vec<extract::time::SourceTime>,
    pub claims: Vec<Claim>,
    pub groups: Vec<align::Group>,
    /// Stages that panicked on some source (bugs), with what was lost.
    pub faults: Vec<guard::Fault>,
}

/// Marks the claims of draft sentences that repeat a reference sentence word for word
/// (case and spacing aside): they say what the reference says, by construction, even where
/// a relative date resolves differently against the draft's own publication time.
fn mark_copied(story: &Story, docs: &[segment::Doc], claims: &mut [extract::Claim]) {
    let key = |text: &str| {
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let mut references: std::collections::HashSet<String> = std::collections::HashSet::new();
    for (source, doc) in story.sources.iter().zip(docs) {
        if source.role == story::Role::Reference {
            for i in 0..doc.sentences.len() {
                references.insert(key(doc.sentence_text(i)));
            }
        }
    }
    for c in claims.iter_mut() {
        let (Some(source), Some(doc)) = (story.sources.get(c.source), docs.get(c.source)) else {
            continue;
        };
        if source.role == story::Role::Draft
            && c.sentence < doc.sentences.len()
            && references.contains(&key(doc.sentence_text(c.sentence)))
        {
            c.copied = true;
        }
    }
}

/// Cleans, segments, extracts and aligns a story.
///
/// Each stage runs under [`guard::catch`] per source: a panic (a bug) leaves that source's
/// output of that stage empty and is recorded in [`Analysis::faults`].
pub fn analyse<'a>(story: &'a Story, lexicons: &'a Lexicons) -> Analysis<'a> {
    let mut faults = Vec::new();
    let cleaned = clean::clean_story(story, lexicons, &mut faults);
    let docs: Vec<Doc> = story
        .sources
        .iter()
        .zip(cleaned)
        .map(|(s, cleaned)| {
            guard::catch(&mut faults, "segment", Some(&s.id), || {
                segment::segment(s, cleaned, &lexicons.segment)
            })
            .unwrap_or_default()
        })
        .collect();
    let times: Vec<extract::time::SourceTime> = story
        .sources
        .iter()
        .map(|s| {
            guard::catch(&mut faults, "time", Some(&s.id), || {
                extract::time::source_time(s, &lexicons.time, story.timezone)
            })
            .unwrap_or_default()
        })
        .collect();
    let story_date = extract::time::story_date(&times, story.timezone);
    let names = extract::quantity::story_names(&docs);
    let people: Vec<Vec<(String, String)>> = story
        .sources
        .iter()
        .zip(&docs)
        .map(|(s, doc)| {
            guard::catch(&mut faults, "extract", Some(&s.id), || {
                extract::quote::full_names(doc, lexicons)
            })
            .unwrap_or_default()
        })
        .collect();
    let surnames = extract::quote::story_surnames(&people);
    let mut claims = Vec::new();
    for (i, (source, doc)) in story.sources.iter().zip(&docs).enumerate() {
        let ctx = extract::Ctx {
            lex: lexicons,
            tz: story.timezone,
            published: times[i].published,
            story_date,
            names: &names,
            people: &people,
            surnames: &surnames,
        };
        if let Some(found) = guard::catch(&mut faults, "extract", Some(&source.id), || {
            extract::extract(i, source, doc, &ctx)
        }) {
            claims.extend(found);
        }
    }
    mark_copied(story, &docs, &mut claims);
    let groups = guard::catch(&mut faults, "align", None, || {
        align::align(&claims, align::Params::default())
    })
    .unwrap_or_else(|| align::singletons(&claims));
    Analysis {
        story,
        lexicons,
        docs,
        times,
        claims,
        groups,
        faults,
    }
}

/// Runs the whole pipeline on a story with a rule set.
pub fn check(story: &Story, rules: &RuleSet) -> Report {
    check_with(story, rules, review::Options::default())
}

/// Runs the whole pipeline; in review mode (a draft source), `opts` says how findings
/// among the references alone are kept.
///
/// A panic in a stage or a rule is a [`guard::Fault`] in [`Report::faults`], with the rest
/// of the report produced as far as it could be.
pub fn check_with(story: &Story, rules: &RuleSet, opts: review::Options) -> Report {
    let mut analysis = analyse(story, &rules.lexicons);
    let mut faults = std::mem::take(&mut analysis.faults);
    let mut findings = rules.run_guarded(&analysis, &mut faults);
    let before = findings.clone();
    if guard::catch(&mut faults, "review", None, || {
        review::reweigh(&analysis, &mut findings, opts);
    })
    .is_none()
    {
        findings = before;
    }
    let mut report = guard::catch(&mut faults, "report", None, || {
        Report::new(story, &analysis, findings)
    })
    .unwrap_or_else(|| Report::new(story, &analysis, Vec::new()));
    report.review = guard::catch(&mut faults, "review", None, || {
        review::review(&analysis, &report.findings)
    })
    .unwrap_or_default();
    report.faults = faults;
    report
}
