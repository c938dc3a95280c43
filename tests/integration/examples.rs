//! Every rule's `[[example]]` runs through `concord::check` with that rule alone, must
//! give the number of findings it promises, and has its findings snapshotted
//! (`snapshots/example-<rule>.snap`), so an example can never go stale.

use std::fmt::Write as _;

use concord::rules::spec::Example;
use concord::story::{Format, Published, PublishedFrom, Role, Source, Story};
use concord::RuleSet;

fn story_of(ex: &Example) -> Story {
    let sources = ex
        .source
        .iter()
        .map(|s| {
            let format = match s.format.as_deref() {
                Some("md") => Format::Markdown,
                Some("html") => Format::Html,
                _ => Format::Text,
            };
            let ext = match format {
                Format::Markdown => "md",
                Format::Html => "html",
                Format::Text => "txt",
            };
            let mut src =
                Source::from_text(&s.id, &format!("{}.{ext}", s.id), format, s.text.clone());
            if let Some(p) = &s.published {
                src.published = Published::parse_rfc3339(p);
                src.published_from = PublishedFrom::Manifest;
            }
            if s.role.as_deref() == Some("draft") {
                src.role = Role::Draft;
            }
            src
        })
        .collect();
    Story {
        title: Some(ex.description.clone()),
        timezone: ex
            .timezone
            .as_deref()
            .and_then(concord::story::parse_timezone),
        sources,
        ..Story::default()
    }
}

#[test]
fn every_rule_example_gives_its_findings() {
    let all = RuleSet::builtin().expect("built-in rules parse");
    let mut failures = Vec::new();
    for rule in &all.rules {
        assert!(
            !rule.spec.example.is_empty(),
            "rule {} has no [[example]]",
            rule.id
        );
        let mut only = all.clone();
        only.rules.retain(|r| r.id == rule.id);
        let mut rendered = String::new();
        for (i, ex) in rule.spec.example.iter().enumerate() {
            let story = story_of(ex);
            let report = concord::check(&story, &only);
            let mine: Vec<_> = report
                .findings
                .iter()
                .filter(|f| f.rule == rule.id)
                .collect();
            if mine.len() != ex.expect {
                failures.push(format!(
                    "{} example {} ({}): expected {} findings, got {}: {:#?}",
                    rule.id,
                    i + 1,
                    ex.description,
                    ex.expect,
                    mine.len(),
                    mine.iter().map(|f| &f.message).collect::<Vec<_>>()
                ));
            }
            writeln!(rendered, "# example {}: {}", i + 1, ex.description).expect("write");
            rendered.push_str(&serde_json::to_string_pretty(&mine).expect("serialise"));
            rendered.push('\n');
        }
        crate::settings().bind(|| {
            insta::assert_snapshot!(format!("example-{}", rule.id), rendered);
        });
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
