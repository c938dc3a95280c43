//! `concord check`: the input split on 0xFF into 2–4 sources (one input without a
//! separator is cut in half), checked with the built-in rules, rendered in every format.
//! An optional leading byte 0x01..=0x08 sets draft / time zone / publication knobs.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let (k, data) = common::knobs(data);
    let mut parts = common::split_ff(data, 4);
    if parts.len() < 2 {
        let (a, b) = data.split_at(data.len() / 2);
        parts = vec![a, b];
    }
    let texts = parts
        .into_iter()
        .map(|p| {
            let t = common::lossy(p);
            let f = common::format_of(&t);
            (t, f)
        })
        .collect();
    let story = common::story(texts, k);
    let rules = common::rules();
    let report = concord::check_with(&story, rules, concord::review::Options { all: k.draft });
    let json = serde_json::to_string(&report).expect("report serialises");
    assert!(json.starts_with('{'));
    common::render_all(&report, &story, rules);
});
