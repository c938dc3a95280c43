//! Scaling on hostile input (`concord::hostile`): each class at 50, 100 and 200 KB per
//! source. Every stage is meant to be linear, so doubling the input should roughly double
//! the time; a quadratic stage shows as a fourfold step.

use concord::hostile::{sources, Class};
use concord::story::{Format, Source, Story};
use concord::RuleSet;

fn main() {
    divan::main();
}

fn story(class: Class, kb: usize) -> Story {
    let [a, b] = sources(class, kb * 1000);
    Story {
        title: Some(class.name().into()),
        sources: vec![
            Source::from_text("a", "a.txt", Format::Text, a),
            Source::from_text("b", "b.txt", Format::Text, b),
        ],
        ..Story::default()
    }
}

#[divan::bench(args = Class::ALL, consts = [50, 100, 200], sample_count = 3, sample_size = 1)]
fn check<const KB: usize>(bencher: divan::Bencher, class: Class) {
    let story = story(class, KB);
    let rules = RuleSet::builtin().expect("rules");
    bencher.bench(|| concord::check(divan::black_box(&story), &rules));
}
