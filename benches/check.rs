//! Throughput and scaling of `concord::check`: the seed story, and synthetic stories of
//! 10–1000 sources built from it (each source a seed text with its figures and dates
//! shifted, so alignment has real work). Blocking should keep the growth near-linear.

use concord::story::{Format, Source, Story};
use concord::RuleSet;

fn main() {
    divan::main();
}

fn seed_texts() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("seeds folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("seed text"))
        .collect()
}

/// A story of `n` sources cycling through the seed texts, each varied a little.
fn story(n: usize) -> Story {
    let texts = seed_texts();
    let sources = (0..n)
        .map(|i| {
            let text = texts[i % texts.len()]
                .replace("30 percent", &format!("{} percent", 30 + i % 7))
                .replace("June 10", &format!("June {}", 9 + i % 3));
            Source::from_text(&format!("s{i}"), &format!("s{i}.txt"), Format::Text, text)
        })
        .collect();
    Story {
        title: Some("bench".into()),
        timezone: concord::story::parse_timezone("Europe/London"),
        sources,
        ..Story::default()
    }
}

#[divan::bench]
fn seeds(bencher: divan::Bencher) {
    let story = Story::open(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds"
    )))
    .expect("seed story");
    let rules = RuleSet::builtin().expect("rules");
    bencher.bench(|| concord::check(divan::black_box(&story), &rules));
}

#[divan::bench(args = [10, 100, 1000], sample_count = 3, sample_size = 1)]
fn sources(bencher: divan::Bencher, n: usize) {
    let story = story(n);
    let rules = RuleSet::builtin().expect("rules");
    bencher.bench(|| concord::check(divan::black_box(&story), &rules));
}
