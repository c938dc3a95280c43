//! Throughput and scaling of `concord::check`: the seed story, and synthetic stories of
//! 10 to 10,000 sources built from it (each source a seed text with its numbers moved and
//! its paragraphs reordered, so alignment has real work). Blocking should keep the growth
//! near-linear.

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

/// A story of `n` sources cycling through the seed texts, each varied: every number below
/// 1,000 moved by 0–2 (a small generator seeded by the source's index, so the story is
/// the same on every run) and the paragraphs after the first rotated, so sources are not
/// copies and alignment has real work.
fn story(n: usize) -> Story {
    let texts = seed_texts();
    let number = regex::Regex::new(r"\b\d{1,3}\b").expect("pattern");
    let sources = (0..n)
        .map(|i| {
            let mut state = (i as u64)
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            let mut next = move || {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                state >> 33
            };
            let text = number.replace_all(&texts[i % texts.len()], |c: &regex::Captures| {
                let v: u64 = c[0].parse().unwrap_or(0);
                (v + [0, 0, 0, 1, 2][(next() % 5) as usize]).to_string()
            });
            let paras: Vec<&str> = text.split("\n\n").collect();
            let k = if paras.len() > 3 {
                (next() as usize) % (paras.len() - 1)
            } else {
                0
            };
            let mut order = vec![paras[0]];
            order.extend(&paras[1 + k..]);
            order.extend(&paras[1..=k]);
            Source::from_text(
                &format!("s{i}"),
                &format!("s{i}.txt"),
                Format::Text,
                order.join("\n\n"),
            )
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

/// Growth: the time for n sources against 10n gives the exponent (time ∝ n^e, e =
/// log10(t(10n) / t(n))); README's speed table gives the whole-process figures.
#[divan::bench(args = [10, 100, 1000, 10000], sample_count = 1, sample_size = 1)]
fn sources(bencher: divan::Bencher, n: usize) {
    let story = story(n);
    let rules = RuleSet::builtin().expect("rules");
    bencher.bench(|| concord::check(divan::black_box(&story), &rules));
}
