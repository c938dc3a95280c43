//! One HTML source through the whole pipeline (clean, segment, extract, rules, reports).
#![no_main]

use concord::story::Format;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let (k, data) = common::knobs(data);
    let story = common::story(vec![(common::lossy(data), Format::Html)], k);
    let rules = common::rules();
    common::extract_like(&story, rules);
    let report = concord::check(&story, rules);
    common::render_all(&report, &story, rules);
});
