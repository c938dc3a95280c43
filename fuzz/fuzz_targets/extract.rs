//! `concord extract FILE`: one text (format by its first byte: `<` HTML, `#` Markdown,
//! else plain text) analysed alone, its claims placed and serialised.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let (k, data) = common::knobs(data);
    let text = common::lossy(data);
    let format = common::format_of(&text);
    let story = common::story(vec![(text, format)], k);
    let out = common::extract_like(&story, common::rules());
    assert!(out.starts_with('{'));
});
