//! Every rule's `[[example]]` runs through `concord::check` with that rule alone, must
//! give the number of findings it promises, and has its findings snapshotted
//! (`snapshots/example-<rule>.snap`), so an example can never go stale.

use std::fmt::Write as _;

use concord::rules::spec::Example;
use concord::story::Story;
use concord::RuleSet;

fn story_of(ex: &Example) -> Story {
    ex.story()
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
