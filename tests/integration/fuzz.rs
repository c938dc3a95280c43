//! A seeded smoke run of the fuzz targets (`fuzz/`) inside `cargo test`: a small
//! deterministic PRNG mutates the seed texts, the test fixtures and hostile snippets
//! (multi-byte punctuation, dotted capitals whose lower case grows, combining marks,
//! zero-width characters, CJK, emoji, NUL, CR, BOM; ranges deleted, duplicated, spliced
//! and truncated at character boundaries) and runs the library pipeline on each input:
//! `concord::check` on a two-source story, and the single-source `concord::analyse` path
//! of `concord extract`. No input may panic, nor leave a fault (a panic `guard` contained
//! inside a stage). The failure lists the distinct panic sites
//! and the first inputs that panicked, escaped with `{:?}` so they paste into a test.
//!
//! `CONCORD_FUZZ_CASES=N` and `CONCORD_FUZZ_SEED=S` run more or other cases.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Once;
use std::time::{Duration, Instant};

use concord::report::json;
use concord::story::{Format, Source};
use concord::{Report, RuleSet, Story};

/// Cases per run by default: each case is one `check` of two sources and one `analyse`.
const CASES: usize = 2000;
const SEED: u64 = 0x00C0_FFEE_D00D_2025;

/// splitmix64: tiny, deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// What mutations insert: the characters that break byte arithmetic, and the words
/// extractors look for, so that the two meet.
const INSERTS: &[&str] = &[
    "—",
    "–",
    "’",
    "‘",
    "“",
    "”",
    "…",
    "İ",
    "ẞ",
    "ß",
    "é",
    "ﬁ",
    "Ω",
    "\u{301}",
    "\u{200B}",
    "\u{200D}",
    "\u{FEFF}",
    "\u{A0}",
    "\u{2028}",
    "中国",
    "。",
    "，",
    "😀",
    "👩‍👩‍👧",
    "🇬🇧",
    "\0",
    "\r",
    "\n",
    "\n\n",
    "\t",
    " ",
    ".",
    ",",
    ";",
    ":",
    "(",
    ")",
    "\"",
    "'",
    "-",
    "/",
    "%",
    "$",
    "5",
    "5%",
    "—5%",
    "-7%",
    "$10 billion",
    "145 percent",
    "by 115 percentage points",
    " on June 9",
    "June 3-5",
    " (Monday)",
    " on Tuesday",
    "9 a.m.",
    "1 p.m. local time",
    "2025-06-10",
    " last week",
    " from Monday to Wednesday",
    " said",
    " denied",
    " in exchange for ",
    " in total",
    ", of which",
    "İzmir",
    "Mr. ",
    "Secretary Lutnick",
    "H2O",
    "H20",
    "<p>",
    "</p>",
    "<b>",
    "&mdash;",
    "# ",
    "> ",
    "* ",
    "**",
    "`",
    "[x](y)",
];

/// Short texts that broke, or nearly broke, an extractor.
const HOSTILE: &[&str] = &[
    "The company said revenue rose—5% to $10 billion.",
    "The strike ended Monday at 9 a.m. on Tuesday.",
    "Officials in İzmir said chips were offered in exchange for rare earths.",
    "In İzmir, prices rose 5%, wages 6% and rents —7%.",
    "In ẞtadt, prices rose 5%, wages 6% and rents —7%.",
    "IN İZMİR, PRİCES ROSE 5%, WAGES 6% AND RENTS —7%. THE TOTAL ROSE 10% TO $5 BİLLİON.",
    "Tariffs were cut to 30% from 145% – a 115-point drop – on June 9–10, 2025 (Monday).",
    "He said: “We did not agree,” adding… ‘never’ — 5 per cent (5%) … 2025-06-09 (June 9).",
    "The deal (signed June 9 (Monday) (local time)) ((( ))) )))(((",
    "Revenue rose 5%-6%-7%-–—8% to $1-$2-$3 billion-",
    "Cafe\u{301} prices rose 5\u{301}% on June\u{200B} 9\u{200D}, 2025.",
    "👩‍👩‍👧‍👦 said revenue rose 🚀5% to $10 billion on June 9 🇬🇧.",
    "中国商务部6月9日表示，关税从145%降至30%。“我们不同意，”他说。",
    "\u{FEFF}LONDON, June 10 (Reuters) - Tariffs rose 5%.\r\rThey fell 6% on Tuesday.\r",
    "Prices rose 5%\0 on June 9\0, 2025.\0",
    "Officials met at 1 p.m. local time (8 a.m. ET, 12:00 GMT, 17:30 IST) on June 9.",
    "From Monday to Wednesday, June 3-5, by April 1, on February 30, 2025 and 31/04/2025.",
    "China did not deny that rare earths were not offered in exchange for chips, he denied.",
    "İİİİ officials İN İzmir, of which 5% — 6% and 7% in total 20%.",
    "The total of 10 tonnes, of which 6 tonnes — 7 tonnes.",
    "<p>The strike ended <b>Monday</b> at 9 a.m. on <i>Tuesday</i>.</p><script>5%</script>",
    "# Title\n\n> quote 5%\n\n* list — 6%\n\n```\ncode 7%\n```\n[link 8%](http://x)\n",
    "—",
    "(",
    "“",
];

fn corpus() -> Vec<String> {
    let mut out: Vec<String> = HOSTILE.iter().map(|s| (*s).to_string()).collect();
    let mut files = Vec::new();
    for dir in [
        "seeds",
        "tests/fixtures/rate-decision",
        "tests/fixtures/chrome-html",
        "tests/fixtures/consistent",
        "tests/fixtures/hostile",
    ] {
        let rd = std::fs::read_dir(crate::crate_path(dir)).expect("read fixture folder");
        for e in rd.filter_map(Result::ok) {
            let p = e.path();
            if matches!(
                p.extension().and_then(|x| x.to_str()),
                Some("txt" | "md" | "html")
            ) {
                files.push(p);
            }
        }
    }
    files.sort();
    for p in files {
        out.push(std::fs::read_to_string(&p).expect("read fixture"));
    }
    out.push("H2O ".repeat(2000));
    let dates = [
        "June 9 2025",
        "2025-06-10",
        "Monday",
        "9 a.m.",
        "10/06/2025",
        "last week",
        "March 3 - 5",
    ];
    let mut line = String::new();
    let mut i = 0;
    while line.len() < 20_000 {
        line.push_str(dates[i % dates.len()]);
        line.push(' ');
        i += 1;
    }
    out.push(line);
    out
}

/// The largest character boundary at or before `i`.
fn floor(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A random range of `s` at character boundaries, at most `max` bytes long.
fn range(rng: &mut Rng, s: &str, max: usize) -> (usize, usize) {
    let a = floor(s, rng.below(s.len() + 1));
    let b = floor(s, a + rng.below(max.min(s.len() - a) + 1));
    (a, b.max(a))
}

/// A window of a long text (so a case stays small: a sentence of thousands of dates is
/// quadratic, see `fuzz/README.md`), then 1–6 mutations.
fn mutate(rng: &mut Rng, pool: &[String]) -> String {
    let base = rng.pick(pool);
    let mut s = if base.len() > 1500 {
        let (a, b) = range(rng, base, 1500);
        base[a..b].to_string()
    } else {
        base.clone()
    };
    for _ in 0..=rng.below(6) {
        match rng.below(10) {
            0..=3 => {
                let at = floor(&s, rng.below(s.len() + 1));
                s.insert_str(at, rng.pick::<&str>(INSERTS));
            }
            4 => {
                let (a, b) = range(rng, &s, 40);
                s.replace_range(a..b, "");
            }
            5 => {
                let (a, b) = range(rng, &s, 200);
                let dup = s[a..b].to_string();
                s.insert_str(b, &dup);
            }
            6 => {
                let other = rng.pick(pool);
                let (a, b) = range(rng, other, 300);
                let at = floor(&s, rng.below(s.len() + 1));
                s.insert_str(at, &other[a..b]);
            }
            7 => {
                let at = floor(&s, rng.below(s.len() + 1));
                s.truncate(at);
            }
            8 => {
                // Case changes that change byte lengths (İ → i̇, ẞ → ß, ß → SS).
                let (a, b) = range(rng, &s, 80);
                let part = if rng.below(2) == 0 {
                    s[a..b].to_uppercase()
                } else {
                    s[a..b].to_lowercase()
                };
                s.replace_range(a..b, &part);
            }
            _ => {
                // A multi-byte character cut in half, decoded lossily (U+FFFD).
                let mut bytes = s.into_bytes();
                let at = rng.below(bytes.len() + 1);
                bytes.insert(at, *rng.pick(&[0xE2, 0xC3, 0xF0, 0x80]));
                s = String::from_utf8_lossy(&bytes).into_owned();
            }
        }
    }
    s
}

fn format_of(rng: &mut Rng, text: &str) -> Format {
    if text.starts_with('<') {
        return Format::Html;
    }
    *rng.pick(&[Format::Text, Format::Text, Format::Markdown, Format::Html])
}

fn story(texts: Vec<(String, Format)>) -> Story {
    Story {
        title: Some("smoke".into()),
        timezone: concord::story::parse_timezone("Europe/London"),
        sources: texts
            .into_iter()
            .enumerate()
            .map(|(i, (t, f))| Source::from_text(&format!("s{i}"), &format!("s{i}.txt"), f, t))
            .collect(),
        ..Story::default()
    }
}

thread_local! {
    /// The message of the last panic on this thread, while a case runs.
    static CAUGHT: RefCell<Option<String>> = const { RefCell::new(None) };
    static CATCHING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Records panics of this test's thread instead of printing them; other threads keep
/// the previous hook.
fn install_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let prev = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if CATCHING.with(std::cell::Cell::get) {
                CAUGHT.with(|c| *c.borrow_mut() = Some(info.to_string()));
            } else {
                prev(info);
            }
        }));
    });
}

/// Runs `f`; the panic message (with its `file:line`) if it panicked.
fn run_case(f: impl FnOnce()) -> Option<String> {
    CATCHING.with(|c| c.set(true));
    let r = catch_unwind(AssertUnwindSafe(f));
    CATCHING.with(|c| c.set(false));
    let msg = CAUGHT.with(|c| c.borrow_mut().take());
    r.err()
        .map(|_| msg.unwrap_or_else(|| "panicked (no message)".into()))
}

/// `concord extract`'s path: analyse one source, build its report view, place claims.
fn analyse_one(rules: &RuleSet, text: String, format: Format) {
    let story = story(vec![(text, format)]);
    let analysis = concord::analyse(&story, &rules.lexicons);
    // A panic inside a stage is contained by `guard`, and shows here as a fault.
    if let Some(f) = analysis.faults.first() {
        panic!("{}", f.message);
    }
    let report = Report::new(&story, &analysis, Vec::new());
    for c in &analysis.claims {
        let _ = story.sources[0].line_col(c.span.start);
        let _ = &story.sources[0].text[c.span.start..c.span.end];
    }
    let _ = serde_json::to_string(&report.sources).expect("serialise");
}

fn check_two(rules: &RuleSet, a: (String, Format), b: (String, Format)) {
    let story = story(vec![a, b]);
    let report = concord::check(&story, rules);
    if let Some(f) = report.faults.first() {
        panic!("{}", f.message);
    }
    let _ = json::render(&report);
}

#[test]
fn mutated_inputs_never_panic() {
    let cases = std::env::var("CONCORD_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(CASES);
    let seed = std::env::var("CONCORD_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(SEED);
    install_hook();
    let rules = RuleSet::builtin().expect("built-in rules");
    let pool = corpus();
    let mut rng = Rng(seed);
    // panic site (first line of the message) → (count, shortest input, its message)
    let mut sites: BTreeMap<String, (usize, String, String)> = BTreeMap::new();
    let mut failures = 0;
    let mut slowest = (Duration::ZERO, String::new());
    let started = Instant::now();
    for case in 0..cases {
        let a = mutate(&mut rng, &pool);
        let fa = format_of(&mut rng, &a);
        let b = mutate(&mut rng, &pool);
        let fb = format_of(&mut rng, &b);
        let runs: [(String, Box<dyn FnOnce()>); 2] = [
            (
                format!("analyse({fa:?}, {a:?})"),
                Box::new({
                    let (a, rules) = (a.clone(), &rules);
                    move || analyse_one(rules, a, fa)
                }),
            ),
            (
                format!("check({fa:?}, {a:?}, {fb:?}, {b:?})"),
                Box::new({
                    let rules = &rules;
                    move || check_two(rules, (a, fa), (b, fb))
                }),
            ),
        ];
        for (input, f) in runs {
            let t = Instant::now();
            let panicked = run_case(f);
            let took = t.elapsed();
            if took > slowest.0 {
                slowest = (took, format!("case {case}: {input}"));
            }
            if let Some(msg) = panicked {
                failures += 1;
                let site = msg.lines().next().unwrap_or_default().to_string();
                // Keep the shortest input per site: the easiest to read and to paste.
                let e = sites.entry(site).or_insert((0, input.clone(), msg.clone()));
                e.0 += 1;
                if input.len() < e.1.len() {
                    (e.1, e.2) = (input, msg);
                }
            }
        }
    }
    let shown = floor(&slowest.1, 200);
    eprintln!(
        "fuzz smoke: {cases} cases ({} runs) in {:.1?}; slowest run {:.1?} ({} bytes): {}…",
        cases * 2,
        started.elapsed(),
        slowest.0,
        slowest.1.len(),
        &slowest.1[..shown]
    );
    if failures > 0 {
        let mut report = format!(
            "{failures} of {} runs panicked, at {} distinct sites (seed {seed}):\n",
            cases * 2,
            sites.len()
        );
        for (site, (count, input, msg)) in sites.iter().take(12) {
            let msg = msg.lines().skip(1).collect::<Vec<_>>().join(" ");
            let input: String = if input.len() > 600 {
                let cut = floor(input, 600);
                format!("{}… ({} bytes)", &input[..cut], input.len())
            } else {
                input.clone()
            };
            let _ = write!(report, "\n- {site} ({count}×): {msg}\n  {input}\n");
        }
        panic!("{report}");
    }
}
