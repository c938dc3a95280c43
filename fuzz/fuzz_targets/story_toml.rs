//! `Story::open` on a fuzzed `story.toml` beside a few small fixed sources (a.txt,
//! b.txt, c.md, d.html) in a per-process scratch folder. Any `Err` is fine; a story that
//! opens is also checked and rendered (its manifest sets zones and publication times).
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

const A: &str =
    "LONDON, June 10, 2025 (Reuters) - US and Chinese officials met in London on Monday \
and agreed to cut tariffs to 30% from 145%, Commerce Secretary Howard Lutnick said.\n";
const B: &str =
    "Officials met in London on Tuesday, June 10. Tariffs fell to 35%, \"a good deal\", \
Lutnick told reporters. China denied that rare earths were offered in exchange for chips.\n";
const C: &str =
    "# Talks\n\nBy Jane Doe Jun 10, 2025, 12:19 a.m. ET\n\nThe talks began at 1 p.m. local \
time on June 9; tariffs were cut by 115 percentage points to 30%.\n";
const D: &str = "<html><body><nav>Home</nav><p>The talks opened on <b>June 9</b> with tariffs at \
<i>30 percent</i>.</p><script>x()</script></body></html>";

fn dir() -> &'static std::path::Path {
    static DIR: OnceLock<std::path::PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let d = common::scratch("story");
        for (name, text) in [("a.txt", A), ("b.txt", B), ("c.md", C), ("d.html", D)] {
            std::fs::write(d.join(name), text).expect("write source");
        }
        std::fs::create_dir_all(d.join("sub")).expect("mkdir");
        d
    })
}

fuzz_target!(|data: &[u8]| {
    let manifest = dir().join("story.toml");
    std::fs::write(&manifest, data).expect("write story.toml");
    if let Ok(story) = concord::Story::open(&manifest) {
        let rules = common::rules();
        let report = concord::check(&story, rules);
        common::render_all(&report, &story, rules);
    }
});
