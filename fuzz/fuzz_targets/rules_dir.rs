//! `--rules DIR`: the input is written as `DIR/x.toml`; after a first 0xFF byte, the next
//! byte picks one of the built-in lexicon names and the rest is written as
//! `DIR/lexicon/<name>`. `RuleSet::load` may fail; a set that loads runs on a small fixed
//! story and on the examples of every rule (as the examples test does).
#![no_main]

use concord::story::{Format, Source, Story};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

const LEXICONS: [&str; 8] = [
    "abbreviations.toml",
    "boilerplate.toml",
    "events.toml",
    "identifiers.toml",
    "quantities.toml",
    "stance.toml",
    "timezones.toml",
    "titles.toml",
];

const FIXED: [&str; 2] = [
    "LONDON, June 10, 2025 - US and Chinese officials met on Monday, June 9, and cut tariffs \
to 30% from 145%, Commerce Secretary Howard Lutnick said. \"It is a good deal,\" he said. \
China denied it offered rare earths in exchange for Nvidia H20 chips. Revenue rose 5% to $10 billion.",
    "US and Chinese officials met on Tuesday, June 10, and cut tariffs to 35%, Secretary Lutnick \
said. \"It's a great deal,\" Lutnick said. China offered rare earths in exchange for H2O chips. \
Revenue fell 5% to $12 billion.",
];

fn fixed_story() -> Story {
    let sources = FIXED
        .iter()
        .enumerate()
        .map(|(i, t)| Source::from_text(&format!("s{i}"), "s.txt", Format::Text, (*t).to_string()))
        .collect();
    Story {
        title: None,
        timezone: concord::story::parse_timezone("Europe/London"),
        sources,
        ..Story::default()
    }
}

fuzz_target!(|data: &[u8]| {
    let dir = common::scratch("rules");
    let lex = dir.join("lexicon");
    let _ = std::fs::remove_dir_all(&lex);
    let mut parts = data.splitn(2, |&b| b == 0xFF);
    let rule = parts.next().unwrap_or_default();
    std::fs::write(dir.join("x.toml"), rule).expect("write rule");
    if let Some(rest) = parts.next() {
        if let Some((&pick, body)) = rest.split_first() {
            std::fs::create_dir_all(&lex).expect("mkdir lexicon");
            let name = LEXICONS[pick as usize % LEXICONS.len()];
            std::fs::write(lex.join(name), body).expect("write lexicon");
        }
    }
    let Ok(set) = concord::RuleSet::load(Some(&dir)) else {
        return;
    };
    let story = fixed_story();
    let report = concord::check(&story, &set);
    common::render_all(&report, &story, &set);
    if let Some(x) = set.get("x") {
        for ex in x.spec.example.iter().take(4) {
            if ex.source.is_empty() {
                continue;
            }
            let story = ex.story();
            let report = concord::check(&story, &set);
            common::render_all(&report, &story, &set);
        }
    }
});
