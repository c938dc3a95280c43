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

fn run(bencher: divan::Bencher, class: Class, kb: usize) {
    let story = story(class, kb);
    let rules = RuleSet::builtin().expect("rules");
    bencher.bench(|| concord::check(divan::black_box(&story), &rules));
}

const SIZES: [usize; 3] = [50, 100, 200];

#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn long_line(bencher: divan::Bencher, kb: usize) {
    run(bencher, Class::LongLine, kb);
}

#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn many_dates(bencher: divan::Bencher, kb: usize) {
    run(bencher, Class::ManyDates, kb);
}

#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn many_codes(bencher: divan::Bencher, kb: usize) {
    run(bencher, Class::ManyCodes, kb);
}

#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn many_names(bencher: divan::Bencher, kb: usize) {
    run(bencher, Class::ManyNames, kb);
}

#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn many_figures(bencher: divan::Bencher, kb: usize) {
    run(bencher, Class::ManyFigures, kb);
}

#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn unique_prose(bencher: divan::Bencher, kb: usize) {
    run(bencher, Class::UniqueProse, kb);
}
