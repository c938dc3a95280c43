//! Cleaning and segmentation on real and written pages: chrome, off-topic sections and
//! repeated passages never reach a finding; spans of HTML and Markdown sources slice the
//! file exactly.

use concord::{RuleSet, Story};
use serde_json::Value;

fn extract(path: &str) -> Value {
    let o = crate::concord()
        .args(["extract", path])
        .current_dir(crate::crate_path(""))
        .output()
        .expect("run concord");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).expect("json")
}

#[test]
fn no_claim_after_related_articles() {
    let file = "seeds/004_eba7041762319045.txt";
    let text = std::fs::read_to_string(crate::crate_path(file)).expect("read");
    let cut = text
        .find("Related Articles")
        .expect("the seed has the heading");
    let v = extract(file);
    let claims = v["claims"].as_array().expect("claims");
    assert!(!claims.is_empty());
    for c in claims {
        assert!(
            c["span"]["start"].as_u64().expect("start") < cut as u64,
            "{c}"
        );
    }
}

#[test]
fn bloomberg_body_is_counted_once() {
    let file = "seeds/002_eb8cd91b50844ff8.txt";
    let v = extract(file);
    let kept = v["source"]["sentences"].as_u64().expect("count");
    // The raw file carries the body twice: once run together on line 1, once as paragraphs.
    let text = std::fs::read_to_string(crate::crate_path(file)).expect("read");
    let raw = (text.matches(". ").count() + text.matches(".\n").count()) as u64;
    assert!(
        kept * 10 <= raw * 6 && kept * 10 >= raw * 3,
        "kept {kept} of about {raw}"
    );
    let days: Vec<_> = v["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .filter(|c| c["text"].as_str().is_some_and(|t| t.contains("90 days")))
        .collect();
    assert!(days.len() <= 1, "{days:?}");
    let sentences = concord_sentences(file);
    assert_eq!(
        sentences
            .iter()
            .filter(|s| s.contains("for 90 days"))
            .count(),
        1,
        "{sentences:#?}"
    );
    assert!(
        sentences.iter().all(|s| !s.contains("http")),
        "{sentences:#?}"
    );
}

/// The kept sentences of one seed source, through the library.
fn concord_sentences(file: &str) -> Vec<String> {
    let story = Story::open(&crate::crate_path("seeds")).expect("seeds");
    let rules = RuleSet::builtin().expect("rules");
    let a = concord::analyse(&story, &rules.lexicons);
    let i = story
        .sources
        .iter()
        .position(|s| file.ends_with(&s.path))
        .expect("source");
    (0..a.docs[i].sentences.len())
        .map(|k| a.docs[i].sentence_text(k).to_string())
        .collect()
}

#[test]
fn no_finding_quotes_page_chrome() {
    let story = Story::open(&crate::crate_path("seeds")).expect("seeds");
    let report = concord::check(&story, &RuleSet::builtin().expect("rules"));
    let chrome = [
        "STORY CONTINUES",
        "Advertisement",
        "Representational",
        "http",
        "Follow us",
        "Download",
        "Podcast",
        "Related Articles",
        "Ludhiana",
        "Erdogan",
        "Khamenei",
        "comment",
    ];
    for f in &report.findings {
        for v in &f.values {
            for c in chrome {
                assert!(
                    !v.sentence.contains(c),
                    "{} quotes chrome `{c}`: {}",
                    f.rule,
                    v.sentence
                );
            }
        }
    }
}

#[test]
fn html_chrome_is_dropped_and_spans_are_exact() {
    let dir = crate::crate_path("tests/fixtures/chrome-html");
    let story = Story::open(&dir).expect("fixture");
    let rules = RuleSet::builtin().expect("rules");
    let a = concord::analyse(&story, &rules.lexicons);
    let html = &story.sources[0];
    let text = std::fs::read_to_string(dir.join(&html.path)).expect("read");
    let doc = &a.docs[0];
    let sentences: Vec<&str> = (0..doc.sentences.len())
        .map(|k| doc.sentence_text(k))
        .collect();
    for chrome in [
        "Subscribe",
        "Tulip",
        "Feyenoord",
        "Recipe",
        "newsletter",
        "rights reserved",
        "window.",
        "font-family",
        "Harbour Daily</",
    ] {
        assert!(
            sentences.iter().all(|s| !s.contains(chrome)),
            "`{chrome}` kept: {sentences:#?}"
        );
    }
    assert!(
        sentences.iter().any(|s| s.contains("ended their strike")),
        "{sentences:#?}"
    );
    for c in a.claims.iter().filter(|c| c.source == 0) {
        assert_eq!(&text[c.span.start..c.span.end], c.text);
        for bad in ["12%", "90 minutes", "1998", "2019", "50%", "25%", "June 30"] {
            assert!(!c.text.contains(bad), "claim from chrome: {}", c.text);
        }
    }
    for s in &doc.sentences {
        let slice = &text[s.span.start..s.span.end];
        assert!(!slice.is_empty() && !slice.starts_with('<'), "{slice}");
    }
}

#[test]
fn markdown_spans_slice_the_file() {
    let dir = crate::crate_path("tests/fixtures/chrome-html");
    let story = Story::open(&dir).expect("fixture");
    let rules = RuleSet::builtin().expect("rules");
    let a = concord::analyse(&story, &rules.lexicons);
    let i = story
        .sources
        .iter()
        .position(|s| s.id == "notes")
        .expect("notes");
    let text = std::fs::read_to_string(dir.join(&story.sources[i].path)).expect("read");
    let claims: Vec<_> = a.claims.iter().filter(|c| c.source == i).collect();
    assert!(
        claims.iter().any(|c| c.text == "March 3, 2025"),
        "{claims:#?}"
    );
    for c in claims {
        assert_eq!(&text[c.span.start..c.span.end], c.text);
    }
    let sentences: Vec<&str> = (0..a.docs[i].sentences.len())
        .map(|k| a.docs[i].sentence_text(k))
        .collect();
    assert!(
        sentences
            .iter()
            .all(|s| !s.contains("**") && !s.contains("- The")),
        "{sentences:#?}"
    );
}

#[test]
fn page_furniture_front_matter_and_link_lines_never_become_sentences() {
    // A consent banner, a share bar, a related list and a caption marked by their class;
    // Markdown front matter; "Read more" and "Share on" lines made of links.
    let dir = crate::crate_path("tests/fixtures/page-clutter");
    let story = Story::open(&dir).expect("fixture");
    let rules = RuleSet::builtin().expect("rules");
    let a = concord::analyse(&story, &rules.lexicons);
    for (si, doc) in a.docs.iter().enumerate() {
        let sentences: Vec<&str> = (0..doc.sentences.len())
            .map(|k| doc.sentence_text(k))
            .collect();
        for s in &sentences {
            assert!(
                !s.contains('<') && !s.contains("](") && !s.contains("**"),
                "markup: {s}"
            );
            for clutter in [
                "cookies",
                "Privacy",
                "Facebook",
                "Twitter",
                "Read more",
                "title:",
                "Related",
                "Photo",
            ] {
                assert!(
                    !s.contains(clutter),
                    "`{clutter}` kept in {}: {s}",
                    story.sources[si].id
                );
            }
        }
        assert!(
            sentences.iter().any(|s| s.contains("homes lost power")),
            "{sentences:#?}"
        );
        // Nothing went unseen: each drop is listed with its text.
        let dropped: Vec<&str> = doc
            .cleaned
            .dropped
            .values()
            .flat_map(|d| d.paragraphs.iter().map(|p| p.text.as_str()))
            .collect();
        assert!(!dropped.is_empty());
    }
    let html = &a.docs[0].cleaned.dropped;
    assert!(html["page-furniture"]
        .paragraphs
        .iter()
        .any(|p| p.text.contains("cookies")));
    let md = &a.docs[1].cleaned.dropped;
    assert!(md["front-matter"].paragraphs[0].text.contains("title:"));
    // The front matter's date still dates the page.
    assert_eq!(
        a.times[1].published.map(|p| p.to_string()).as_deref(),
        Some("2024-03-03")
    );
}

#[test]
fn a_page_of_furniture_alone_is_read_rather_than_emptied() {
    let dir = crate::temp_dir("clean-only-furniture");
    std::fs::write(
        dir.join("a.html"),
        "<div class=\"cookie\">The bridge collapsed on Tuesday, officials said.</div>",
    )
    .expect("write");
    let story = Story::open(&dir).expect("story");
    let rules = RuleSet::builtin().expect("rules");
    let a = concord::analyse(&story, &rules.lexicons);
    assert_eq!(a.docs[0].sentences.len(), 1);
}

/// `text` as a page shows it when its UTF-8 bytes are read as Windows-1252.
fn misdecoded(text: &str) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    text.bytes()
        .map(|b| match b {
            0x80..=0x9f => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// A finding without offsets: rule, subject, message, (source, normalised value).
type Seen = (String, String, String, Vec<(String, String)>);

/// The findings of a story of `texts`, without offsets (a repaired text is longer).
fn findings_of(name: &str, texts: &[String]) -> Vec<Seen> {
    let dir = crate::temp_dir(name);
    for (k, t) in texts.iter().enumerate() {
        std::fs::write(dir.join(format!("s{k}.txt")), t).expect("write");
    }
    let story = Story::open(&dir).expect("story");
    let rules = RuleSet::builtin().expect("rules");
    let report = concord::check(&story, &rules);
    report
        .findings
        .iter()
        .map(|f| {
            (
                f.rule.clone(),
                f.subject.clone(),
                f.message.clone(),
                f.values
                    .iter()
                    .map(|v| (v.source.clone(), v.normalized.clone()))
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn a_misdecoded_text_gives_the_findings_of_its_repaired_twin() {
    let texts = [
        "“We will sign the accord on June 5 in Montréal,” Trade Minister José Álvarez said on Tuesday. The deal is worth €4.2 billion.".to_string(),
        "“We will sign the accord on June 6 in Montréal,” Trade Minister José Alvarez said. The deal is worth €4.5 billion.".to_string(),
        "Trade Minister José Álvarez said “we will sign the accord in Montréal” — a deal worth €4.2 billion.".to_string(),
    ];
    let clean = findings_of("mojibake-clean", &texts);
    assert!(clean.len() >= 2, "{clean:?}");
    let mut garbled = texts.clone();
    garbled[0] = misdecoded(&texts[0]);
    garbled[1] = misdecoded(&texts[1]);
    assert_ne!(garbled[0], texts[0]);
    assert_eq!(findings_of("mojibake-garbled", &garbled), clean);
}
