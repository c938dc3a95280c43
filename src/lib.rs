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
pub mod error;
pub mod extract;
pub mod lexicon;
pub mod report;
pub mod review;
pub mod rules;
pub mod segment;
pub mod story;
pub mod text;
pub mod words;

pub use error::Error;
pub use report::{Finding, Report};
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
}

/// Cleans, segments, extracts and aligns a story.
pub fn analyse<'a>(story: &'a Story, lexicons: &'a Lexicons) -> Analysis<'a> {
    let docs: Vec<Doc> = story
        .sources
        .iter()
        .zip(clean::clean_story(story, lexicons))
        .map(|(s, cleaned)| segment::segment(s, cleaned, &lexicons.segment))
        .collect();
    let times: Vec<extract::time::SourceTime> = story
        .sources
        .iter()
        .map(|s| extract::time::source_time(s, &lexicons.time, story.timezone))
        .collect();
    let mut claims = Vec::new();
    for (i, (source, doc)) in story.sources.iter().zip(&docs).enumerate() {
        let ctx = extract::Ctx {
            lex: lexicons,
            tz: story.timezone,
            published: times[i].published,
        };
        claims.extend(extract::extract(i, source, doc, &ctx));
    }
    let groups = align::align(&claims, align::Params::default());
    Analysis {
        story,
        lexicons,
        docs,
        times,
        claims,
        groups,
    }
}

/// Runs the whole pipeline on a story with a rule set.
pub fn check(story: &Story, rules: &RuleSet) -> Report {
    check_with(story, rules, review::Options::default())
}

/// Runs the whole pipeline; in review mode (a draft source), `opts` says how findings
/// among the references alone are kept.
pub fn check_with(story: &Story, rules: &RuleSet, opts: review::Options) -> Report {
    let analysis = analyse(story, &rules.lexicons);
    let mut findings = rules.run(&analysis);
    review::reweigh(&analysis, &mut findings, opts);
    let mut report = Report::new(story, &analysis, findings);
    report.review = review::review(&analysis);
    report
}
