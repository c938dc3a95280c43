//! SARIF 2.1.0 (serde-sarif): one result per finding, with every source's location, our
//! fingerprint as `partialFingerprints`, and the rules with their summaries.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_sarif::sarif::{
    ArtifactLocation, Location, Message, MultiformatMessageString, PhysicalLocation, Region,
    ReportingDescriptor, Result as SarifResult, ResultLevel, Run, Sarif, Tool, ToolComponent,
};

use super::Report;
use crate::rules::{RuleSet, Severity};

fn level(s: Severity) -> ResultLevel {
    match s {
        Severity::Error => ResultLevel::Error,
        Severity::Warning => ResultLevel::Warning,
        Severity::Info => ResultLevel::Note,
    }
}

/// Renders the report as a SARIF 2.1.0 log.
pub fn render(report: &Report, rules: &RuleSet) -> String {
    render_many(std::slice::from_ref(report), rules)
}

/// Renders several stories' reports as one SARIF 2.1.0 log, one run per story.
pub fn render_many(reports: &[Report], rules: &RuleSet) -> String {
    let runs: Vec<Run> = reports.iter().map(|r| run_of(r, rules)).collect();
    let log = Sarif::builder()
        .schema("https://json.schemastore.org/sarif-2.1.0.json".to_string())
        .version(serde_json::Value::String("2.1.0".into()))
        .runs(runs)
        .build();
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
    s.push('\n');
    s
}

/// The base of every location's path: the directory concord ran in, as the paths are
/// written from it ("seeds/002_….txt").
const SRCROOT: &str = "%SRCROOT%";

/// One story's run.
fn run_of(report: &Report, rules: &RuleSet) -> Run {
    let descriptors: Vec<ReportingDescriptor> = rules
        .rules
        .iter()
        .map(|r| {
            ReportingDescriptor::builder()
                .id(r.id.clone())
                .short_description(
                    MultiformatMessageString::builder()
                        .text(r.spec.summary.clone())
                        .build(),
                )
                .full_description(
                    MultiformatMessageString::builder()
                        .text(r.spec.explanation.trim().to_string())
                        .build(),
                )
                .build()
        })
        .collect();
    let results: Vec<SarifResult> = report
        .findings
        .iter()
        .map(|f| {
            let locations: Vec<Location> = f
                .values
                .iter()
                .map(|v| {
                    let region = Region::builder()
                        .start_line(v.span.line as i64)
                        .start_column(v.span.column as i64)
                        .byte_offset(v.span.start as i64)
                        .byte_length((v.span.end - v.span.start) as i64)
                        .build();
                    let physical = PhysicalLocation::builder()
                        .artifact_location(
                            ArtifactLocation::builder()
                                .uri(v.path.clone())
                                .uri_base_id(SRCROOT.to_string())
                                .build(),
                        )
                        .region(region)
                        .build();
                    Location::builder()
                        .physical_location(physical)
                        .message(
                            Message::builder()
                                .text(format!("{}: {}", v.source, v.normalized))
                                .build(),
                        )
                        .build()
                })
                .collect();
            let mut fingerprints = BTreeMap::new();
            fingerprints.insert("concord/v1".to_string(), f.fingerprint.clone());
            let mut text = format!("{}: {}", f.subject, f.message);
            if let Some(n) = &f.note {
                let _ = write!(text, " ({n})");
            }
            SarifResult::builder()
                .rule_id(f.rule.clone())
                .level(level(f.severity))
                .rank((f.confidence * 100.0).round())
                .message(Message::builder().text(text).build())
                .locations(locations)
                .partial_fingerprints(fingerprints)
                .build()
        })
        .collect();
    let driver = ToolComponent::builder()
        .name("concord".to_string())
        .version(env!("CARGO_PKG_VERSION").to_string())
        .information_uri("https://github.com/concord-facts/concord".to_string())
        .rules(descriptors)
        .build();
    let mut bases = BTreeMap::new();
    bases.insert(
        SRCROOT.to_string(),
        ArtifactLocation::builder()
            .description(
                Message::builder()
                    .text("the directory concord was run from".to_string())
                    .build(),
            )
            .build(),
    );
    Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .original_uri_base_ids(bases)
        .results(results)
        .build()
}
