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
    // Per-source stages run in parallel (rayon); results and faults keep source order.
    let id = |s: &&story::Source| Some(s.id.clone());
    let sources: Vec<&story::Source> = story.sources.iter().collect();
    let docs: Vec<Doc> = guard::catch_each(
        &mut faults,
        "segment",
        sources.iter().copied().zip(cleaned).collect(),
        |(s, _)| Some(s.id.clone()),
        |_, (s, cleaned)| segment::segment(s, cleaned, &lexicons.segment),
    )
    .into_iter()
    .map(Option::unwrap_or_default)
    .collect();
    let times: Vec<extract::time::SourceTime> =
        guard::catch_each(&mut faults, "time", sources.clone(), id, |_, s| {
            extract::time::source_time(s, &lexicons.time, story.timezone)
        })
        .into_iter()
        .map(Option::unwrap_or_default)
        .collect();
    let story_date = extract::time::story_date(&times, story.timezone);
    let names = extract::quantity::story_names(&docs);
    let people: Vec<Vec<(String, String)>> = guard::catch_each(
        &mut faults,
        "extract",
        sources.iter().copied().zip(&docs).collect(),
        |(s, _)| Some(s.id.clone()),
        |_, (_, doc)| extract::quote::full_names(doc, lexicons),
    )
    .into_iter()
    .map(Option::unwrap_or_default)
    .collect();
    let surnames = extract::quote::story_surnames(&people);
    let found = guard::catch_each(&mut faults, "extract", sources, id, |i, source| {
        let ctx = extract::Ctx {
            lex: lexicons,
            tz: story.timezone,
            published: times[i].published,
            story_date,
            names: &names,
            people: &people,
            surnames: &surnames,
        };
        extract::extract(i, source, &docs[i], &ctx)
    });
    let mut claims = Vec::new();
    for f in found.into_iter().flatten() {
        claims.extend(f);
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
