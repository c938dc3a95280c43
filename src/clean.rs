//! Clean: from a source's raw text to the article text worth reading.
//!
//! Input: a [`Source`] (text, Markdown or HTML). Output: a [`Cleaned`] text whose every
//! byte maps back to the original, split into paragraphs, plus counts of what was dropped
//! and why. Boilerplate is recognised by the patterns in `rules/lexicon/boilerplate.toml`
//! and by structure (lines that are mostly links, repeated passages).
//! Invariant: cleaning only removes or separates; it never rewrites kept text, so spans
//! of kept text slice the original exactly.

use std::collections::{BTreeMap, HashMap, HashSet};

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::lexicon::Lexicons;
use crate::story::{Format, Role, Source, Story};
use crate::text::MappedText;
use crate::text::Slice;
use crate::words;

/// The boilerplate lexicon (`rules/lexicon/boilerplate.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(try_from = "RawLexicon")]
pub struct Lexicon {
    /// A line matching one of these is page chrome, dropped on its own.
    line: Vec<(String, Regex)>,
    /// A line matching one of these starts a section that is not the story (dropped to
    /// the end of the text).
    section_end: Vec<Regex>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawLexicon {
    #[serde(default)]
    line: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    section_end: Vec<String>,
}

impl TryFrom<RawLexicon> for Lexicon {
    type Error = String;
    fn try_from(raw: RawLexicon) -> Result<Self, String> {
        let compile = |p: &str| {
            crate::text::regex(&format!("(?i){p}")).map_err(|e| format!("bad pattern `{p}`: {e}"))
        };
        let mut line = Vec::new();
        for (reason, patterns) in raw.line {
            for p in patterns {
                line.push((reason.clone(), compile(&p)?));
            }
        }
        let section_end = raw
            .section_end
            .iter()
            .map(|p| compile(p))
            .collect::<Result<_, _>>()?;
        Ok(Lexicon { line, section_end })
    }
}

/// What was dropped for one reason.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Dropped {
    /// Number of passages (lines or blocks) dropped.
    pub passages: usize,
    /// Bytes of original text they covered.
    pub bytes: usize,
    /// Each whole paragraph dropped (repeated or off-topic passages), with its place and
    /// text, so nothing the user gave disappears unseen (an extension of report-v1).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<DroppedParagraph>,
}

/// One paragraph cleaning dropped.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DroppedParagraph {
    /// Byte offsets into the source file.
    pub start: usize,
    pub end: usize,
    /// 1-based line of its start (filled in by [`clean_story`]).
    pub line: usize,
    /// Its text, shortened to about 300 characters.
    pub text: String,
}

/// A source's cleaned text.
#[derive(Debug, Clone, Default)]
pub struct Cleaned {
    pub text: MappedText,
    /// Paragraphs as byte ranges of `text`.
    pub paragraphs: Vec<(usize, usize)>,
    /// Dropped passages by reason (`boilerplate`, `link-list`, `off-topic`, `duplicate`…).
    pub dropped: BTreeMap<String, Dropped>,
}

impl Cleaned {
    /// Records a dropped block with its place and text (shortened), so `-v`, the JSON and
    /// the HTML report show what went and why.
    fn drop(&mut self, reason: &str, block: &Block) {
        let d = self.dropped.entry(reason.to_string()).or_default();
        d.passages += 1;
        d.bytes += block.original_len();
        let n = block.text.len();
        if n == 0 {
            return;
        }
        d.paragraphs.push(DroppedParagraph {
            start: block.text.to_original(0),
            end: block.text.to_original(n - 1) + 1,
            line: 0,
            text: shorten(block.text.as_str().trim()),
        });
    }
}

/// A dropped passage's text as shown: its first 300 characters, whitespace runs squashed.
fn shorten(body: &str) -> String {
    let flat: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
    let short: String = flat.chars().take(300).collect();
    if short.len() < flat.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// Cleans every source of a story: page chrome first (per source), then passages a
/// source repeats, then passages that share too little vocabulary with the other
/// sources to be about the story (only when there are other sources to compare with).
pub fn clean_story(
    story: &Story,
    lex: &Lexicons,
    faults: &mut Vec<crate::guard::Fault>,
) -> Vec<Cleaned> {
    // Each source on its own, in parallel (results in source order).
    let mut cleaned: Vec<Cleaned> = crate::guard::catch_each(
        faults,
        "clean",
        story.sources.iter().collect(),
        |s| Some(s.id.clone()),
        |_, s| {
            let mut c = clean(s, &lex.clean);
            drop_repeats(&mut c, &lex.segment);
            c
        },
    )
    .into_iter()
    .map(Option::unwrap_or_default)
    .collect();
    if cleaned.len() > 1 {
        let mut trial = cleaned.clone();
        let roles: Vec<Role> = story.sources.iter().map(|s| s.role).collect();
        if crate::guard::catch(faults, "off-topic", None, || {
            drop_off_topic(&mut trial, &roles);
        })
        .is_some()
        {
            cleaned = trial;
        }
    }
    for (c, source) in cleaned.iter_mut().zip(&story.sources) {
        for d in c.dropped.values_mut() {
            for p in &mut d.paragraphs {
                p.line = source.line_col(p.start).0;
            }
        }
    }
    cleaned
}

/// A paragraph's words for comparing passages: lowercase letters and digits only.
fn key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Sentence keys seen so far, for "is this sentence (nearly) one of those?" in about
/// constant time: exact keys in a hash set, and for near-copies only the keys that share
/// the first characters (which [`near`] requires anyway), the most recent few of them.
#[derive(Default)]
struct SeenSentences<'a> {
    exact: HashSet<&'a str>,
    by_prefix: HashMap<&'a str, Vec<&'a str>>,
}

/// Near-copy candidates compared per sentence: a bucket of sentences sharing their first
/// characters is searched from its latest entries only, so cost stays linear.
const NEAR_CANDIDATES: usize = 16;
/// Sentence keys longer than this are compared exactly only (edit distance is quadratic
/// in length, and a 100 KB "sentence" is a page without punctuation, not prose).
const NEAR_MAX_LEN: usize = 1000;

impl<'a> SeenSentences<'a> {
    fn contains(&self, k: &str) -> bool {
        self.exact.contains(k)
            || (k.len() <= NEAR_MAX_LEN
                && self
                    .by_prefix
                    .get(prefix(k))
                    .is_some_and(|v| v.iter().rev().take(NEAR_CANDIDATES).any(|l| near(k, l))))
    }

    fn insert(&mut self, k: &'a str) {
        if self.exact.insert(k) && k.len() <= NEAR_MAX_LEN {
            self.by_prefix.entry(prefix(k)).or_default().push(k);
        }
    }
}

/// The first eight characters of a key.
fn prefix(k: &str) -> &str {
    k.char_indices().nth(8).map_or(k, |(i, _)| k.slice(..i))
}

/// Drops passages a source carries twice. A paragraph most of whose sentences come
/// again later is a summary or a second copy of the body (some pages print the whole
/// article twice, once run together on one line): it goes, and the later paragraphs,
/// which keep the article's own line breaks, stay. Otherwise the first copy of a
/// sentence is kept and later near-copies are dropped. Linear in the text: each sentence
/// is looked up in a [`SeenSentences`], never compared with every other.
fn drop_repeats(c: &mut Cleaned, seg: &crate::segment::Lexicon) {
    let text = c.text.as_str();
    let sentences: Vec<Vec<String>> = c
        .paragraphs
        .iter()
        .map(|&(s, e)| {
            crate::segment::split(text.slice(s..e), seg)
                .into_iter()
                .map(|(a, b)| key(text.slice(s + a..s + b)))
                .filter(|k| k.len() > 20)
                .collect()
        })
        .collect();
    let n = c.paragraphs.len();
    let mut keep = vec![true; n];
    // Paragraphs that reappear later, sentence by sentence: walk back from the end, so
    // the index holds exactly the sentences of later paragraphs.
    let mut later = SeenSentences::default();
    for i in (0..n).rev() {
        if sentences[i].len() >= 3 {
            let repeated = sentences[i].iter().filter(|k| later.contains(k)).count();
            if repeated * 5 >= sentences[i].len() * 3 {
                keep[i] = false;
            }
        }
        for k in &sentences[i] {
            later.insert(k);
        }
    }
    // Later copies of a paragraph already kept.
    let mut seen = SeenSentences::default();
    for i in 0..n {
        if !keep[i] {
            continue;
        }
        let all_seen = !sentences[i].is_empty() && sentences[i].iter().all(|k| seen.contains(k));
        if all_seen {
            keep[i] = false;
        } else {
            for k in &sentences[i] {
                seen.insert(k);
            }
        }
    }
    // Cleaning never empties a source: if every paragraph looks repeated, keep them all.
    if keep.iter().all(|k| *k) || keep.iter().all(|k| !*k) {
        return;
    }
    c.drop_paragraphs(&keep, "duplicate");
}

/// Are two sentence keys near-copies (a word or two changed)?
fn near(a: &str, b: &str) -> bool {
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) * 10 > la.max(lb) || prefix(a) != prefix(b) {
        return false;
    }
    strsim::normalized_levenshtein(a, b) >= 0.9
}

/// Drops long paragraphs whose content words the other references hardly use: an
/// aggregator's unrelated articles, a sidebar. Decided by overlap with the story, not by
/// any page's words, so it works on pages never seen before.
///
/// Only references are judged, and only against other references: a draft is the user's
/// own text (never dropped), and a reference is not judged against a short draft. A source
/// is never emptied: if every long paragraph of it looks off-topic, it keeps them all
/// (a reference given as one long paragraph is the whole article, not a sidebar).
fn drop_off_topic(cleaned: &mut [Cleaned], roles: &[Role]) {
    let judges: Vec<usize> = (0..cleaned.len())
        .filter(|&i| roles.get(i) == Some(&Role::Reference))
        .collect();
    if judges.len() < 2 {
        return;
    }
    // For each word: in how many references it occurs, and one of them. A word is shared
    // with another reference when two have it, or the one that has it is not this one.
    let mut owners: HashMap<String, (usize, usize)> = HashMap::new();
    for &si in &judges {
        let vocab: HashSet<String> = words::content_words(cleaned[si].text.as_str())
            .into_iter()
            .filter(|w| w.len() > 3)
            .collect();
        for w in vocab {
            let e = owners.entry(w).or_insert((0, si));
            e.0 += 1;
        }
    }
    for &si in &judges {
        let c = &mut cleaned[si];
        let text = c.text.as_str();
        let keep: Vec<bool> = c
            .paragraphs
            .iter()
            .map(|&(s, e)| {
                let ws: Vec<String> = words::content_words(text.slice(s..e))
                    .into_iter()
                    .filter(|w| w.len() > 3)
                    .collect();
                if ws.len() < OFF_TOPIC_MIN_WORDS {
                    return true;
                }
                let shared = ws
                    .iter()
                    .filter(|w| owners.get(*w).is_some_and(|&(n, o)| n >= 2 || o != si))
                    .count();
                (shared as f64) >= OFF_TOPIC_MIN_SHARE * ws.len() as f64
            })
            .collect();
        if keep.iter().all(|k| *k) || keep.iter().all(|k| !*k) {
            continue;
        }
        c.drop_paragraphs(&keep, "off-topic");
    }
}

/// Paragraphs shorter than this (in content words) are never judged off-topic: too
/// little evidence either way.
const OFF_TOPIC_MIN_WORDS: usize = 20;
/// A long paragraph sharing fewer of its content words than this with the other
/// sources is off-topic.
const OFF_TOPIC_MIN_SHARE: f64 = 0.35;

impl Cleaned {
    /// Drops the paragraphs whose `keep` is false, recording each with its text.
    fn drop_paragraphs(&mut self, keep: &[bool], reason: &str) {
        let text = self.text.as_str();
        let mut kept = Vec::new();
        let mut gone = Vec::new();
        for (&(s, e), &k) in self.paragraphs.iter().zip(keep) {
            if k {
                kept.push((s, e));
            } else {
                gone.push(DroppedParagraph {
                    start: self.text.to_original(s),
                    end: self.text.to_original(e.saturating_sub(1)) + 1,
                    line: 0,
                    text: shorten(text.slice(s..e).trim()),
                });
            }
        }
        if gone.is_empty() {
            return;
        }
        self.rebuild(&kept);
        let d = self.dropped.entry(reason.to_string()).or_default();
        d.passages += gone.len();
        d.bytes += gone
            .iter()
            .map(|g| g.end.saturating_sub(g.start))
            .sum::<usize>();
        d.paragraphs.extend(gone);
    }

    /// Keeps only the given paragraphs (ranges of the current text), in order.
    fn rebuild(&mut self, kept: &[(usize, usize)]) {
        let old = std::mem::take(&mut self.text);
        self.paragraphs.clear();
        for &(s, e) in kept {
            if !self.text.is_empty() {
                self.text.push_synthetic("\n\n", old.to_original(s));
            }
            let t0 = self.text.len();
            old.copy_range(s, e, &mut self.text);
            self.paragraphs.push((t0, self.text.len()));
        }
    }
}

/// Cleans one source.
pub fn clean(source: &Source, lex: &Lexicon) -> Cleaned {
    let blocks = match source.format {
        Format::Text => line_blocks(&source.text),
        Format::Markdown => markdown_blocks(&source.text),
        Format::Html => html_blocks(&source.text),
    };
    let mut out = Cleaned::default();
    let mut seen: HashSet<String> = HashSet::new();
    let mut ended = false;
    for b in blocks {
        let trimmed = b.text.as_str().trim();
        if trimmed.is_empty() {
            continue;
        }
        if let Some(reason) = b.dropped {
            out.drop(reason, &b);
            continue;
        }
        if ended {
            out.drop("off-topic", &b);
            continue;
        }
        if lex.section_end.iter().any(|r| r.is_match(trimmed)) {
            ended = true;
            out.drop("off-topic", &b);
            continue;
        }
        if let Some((reason, _)) = lex.line.iter().find(|(_, r)| r.is_match(trimmed)) {
            out.drop(reason, &b);
            continue;
        }
        // A block whose words are mostly link text ("Share on Facebook", "Read more: …",
        // "Privacy policy").
        if mostly_links(trimmed) || b.link_bytes * 2 >= trimmed.len() {
            out.drop("link-list", &b);
            continue;
        }
        if !seen.insert(key(trimmed)) {
            out.drop("duplicate", &b);
            continue;
        }
        let full = b.text.as_str();
        let lead = full.len() - full.trim_start().len();
        let end = lead + trimmed.len();
        if !out.text.is_empty() {
            out.text.push_synthetic("\n\n", b.text.to_original(lead));
        }
        let t0 = out.text.len();
        b.text.copy_range(lead, end, &mut out.text);
        out.paragraphs.push((t0, out.text.len()));
    }
    out
}

/// A candidate paragraph: text mapped to the original.
struct Block {
    text: MappedText,
    /// Bytes of its text inside links (`<a>`, `[…](…)`): a block mostly made of link text is
    /// a share bar, a "Read more" line or a link list, not reporting.
    link_bytes: usize,
    /// Dropped whatever its text, for this reason (a page's front matter).
    dropped: Option<&'static str>,
}

impl Block {
    fn original_len(&self) -> usize {
        let n = self.text.len();
        if n == 0 {
            0
        } else {
            self.text.to_original(n - 1) + 1 - self.text.to_original(0)
        }
    }
}

/// Lines of a plain-text file as blocks. A line ends at LF, CRLF or a lone CR.
fn line_blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in crlf_lines(text) {
        let body = line.trim_end_matches(['\n', '\r']);
        let mut m = MappedText::new();
        m.push_repaired(body, start);
        out.push(Block {
            text: m,
            link_bytes: 0,
            dropped: None,
        });
        start += line.len();
    }
    out
}

/// `text` cut after each line end (LF, CRLF, or a CR not followed by LF), ends kept.
fn crlf_lines(text: &str) -> impl Iterator<Item = &str> {
    let b = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= b.len() {
            return None;
        }
        let end = b[start..]
            .iter()
            .enumerate()
            .find(|&(k, &c)| c == b'\n' || (c == b'\r' && b.get(start + k + 1) != Some(&b'\n')))
            .map_or(b.len(), |(k, _)| start + k + 1);
        let line = text.get(start..end).unwrap_or("");
        start = end;
        Some(line)
    })
}

/// Ends the block being built, keeping it if it has any text; `links` counts its bytes
/// inside links, and is reset.
fn flush_block(cur: &mut MappedText, links: &mut usize, out: &mut Vec<Block>) {
    let text = std::mem::take(cur);
    let link_bytes = std::mem::take(links);
    if !text.as_str().trim().is_empty() {
        out.push(Block {
            text,
            link_bytes,
            dropped: None,
        });
    }
}

/// A Markdown file's front matter (`---` … `---` at its very start): metadata, never
/// article text. Its byte length, with the closing line.
fn front_matter(text: &str) -> Option<usize> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let skipped = text.len() - body.len();
    let first = body.lines().next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let mut at = first.len() + usize::from(body.slice(first.len()..).starts_with("\r\n")) + 1;
    for line in body.get(at..)?.split_inclusive('\n') {
        at += line.len();
        let l = line.trim_end();
        if l == "---" || l == "..." {
            return Some(skipped + at.min(body.len()));
        }
    }
    None
}

/// Markdown blocks (paragraphs, headings, list items, quotes) from pulldown-cmark's text
/// events, which carry their byte ranges. Text equal to its source range maps exactly; an
/// escape or entity maps to where it stands.
fn markdown_blocks(text: &str) -> Vec<Block> {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut out = Vec::new();
    let mut cur = MappedText::new();
    let mut in_code = false;
    let mut links = 0usize;
    let mut in_link = 0usize;
    // Front matter is metadata: dropped as such (its date still dates the page).
    let skip = front_matter(text).unwrap_or(0);
    if skip > 0 {
        let mut m = MappedText::new();
        m.push_original(text.get(..skip).unwrap_or(""), 0);
        out.push(Block {
            text: m,
            link_bytes: 0,
            dropped: Some("front-matter"),
        });
    }
    let body = text.get(skip..).unwrap_or("");
    for (event, range) in Parser::new_ext(body, Options::empty()).into_offset_iter() {
        let range = range.start + skip..range.end + skip;
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Start(Tag::Link { .. }) => in_link += 1,
            Event::End(TagEnd::Link) => in_link = in_link.saturating_sub(1),
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::Item
                | Tag::BlockQuote(_)
                | Tag::TableCell,
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::TableCell,
            )
            | Event::Rule => flush_block(&mut cur, &mut links, &mut out),
            Event::Text(t) | Event::Code(t) if !in_code => {
                if in_link > 0 {
                    links += t.len();
                }
                if text.get(range.clone()) == Some(t.as_ref()) {
                    cur.push_repaired(&t, range.start);
                } else if let Some(pos) =
                    text.get(range.clone()).and_then(|raw| raw.find(t.as_ref()))
                {
                    cur.push_original(&t, range.start + pos);
                } else {
                    cur.push_synthetic(&t, range.start);
                }
            }
            Event::SoftBreak | Event::HardBreak => cur.push_synthetic(" ", range.start),
            _ => {}
        }
    }
    flush_block(&mut cur, &mut links, &mut out);
    out
}

/// Elements whose content is never article text.
const HTML_SKIP: &[&str] = &[
    "script",
    "style",
    "nav",
    "footer",
    "header",
    "aside",
    "noscript",
    "template",
    "svg",
    "form",
    "button",
    "select",
    "iframe",
    "head",
    "title",
    "menu",
    "figcaption",
];
/// Elements that end a block of text.
const HTML_BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "blockquote",
    "tr",
    "td",
    "th",
    "table",
    "main",
    "figure",
    "hr",
    "dd",
    "dt",
    "pre",
    "body",
];

/// Words in an element's `class`, `id` or `role` that mark page furniture, never the
/// article: consent banners, share and social bars, related and recommended lists,
/// newsletters and promotions, advertisements, comments, breadcrumbs, captions (general
/// knowledge of how news pages are built).
const CLUTTER_WORDS: &[&str] = &[
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "share",
    "sharing",
    "sharebar",
    "social",
    "related",
    "recommended",
    "recommendations",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "promo",
    "promotion",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "sponsored",
    "comments",
    "comment",
    "breadcrumb",
    "breadcrumbs",
    "caption",
    "popup",
    "modal",
    "paywall",
    "outbrain",
    "taboola",
    "navigation",
    "complementary",
    "contentinfo",
];

/// Does a start tag mark page furniture by its `class`, `id`, `role` or `aria-label`?
fn clutter(tag: &html5gum::StartTag<usize>) -> bool {
    ["class", "id", "role", "aria-label"].iter().any(|attr| {
        tag.attributes.get(attr.as_bytes()).is_some_and(|v| {
            String::from_utf8_lossy(v)
                .to_ascii_lowercase()
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| CLUTTER_WORDS.contains(&w))
        })
    })
}

/// Elements that never hold text (no end tag), so they never open a skipped region.
const HTML_VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// HTML text blocks from html5gum's tokens, which carry byte spans. Script, style,
/// navigation, header, footer and aside content is dropped, and so is any element a
/// `class`, `id` or `role` marks as page furniture ([`CLUTTER_WORDS`]); entities map to
/// where they stand.
fn html_blocks(text: &str) -> Vec<Block> {
    let blocks = html_blocks_with(text, true);
    // A page whose every text sits in elements named like furniture (an unusual template)
    // is read without that test rather than emptied.
    if blocks
        .iter()
        .filter(|b| b.dropped.is_none())
        .all(|b| b.link_bytes * 2 >= b.text.as_str().trim().len())
    {
        return html_blocks_with(text, false);
    }
    blocks
}

fn html_blocks_with(text: &str, furniture: bool) -> Vec<Block> {
    use html5gum::{DefaultEmitter, Token, Tokenizer};
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    let mut out = Vec::new();
    let mut cur = MappedText::new();
    let mut links = 0usize;
    let mut in_link = 0usize;
    // Skipped elements: name, and how many elements of that name opened inside it.
    let mut skip: Vec<(String, usize)> = Vec::new();
    // The text of page furniture being skipped, reported as dropped (never silently).
    let mut furn = MappedText::new();
    let mut furn_outer: Option<usize> = None;
    for token in Tokenizer::new_with_emitter(text, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if HTML_BLOCK.contains(&name.as_str()) {
                    flush_block(&mut cur, &mut links, &mut out);
                }
                if name == "a" && !tag.self_closing {
                    in_link += 1;
                }
                if tag.self_closing || HTML_VOID.contains(&name.as_str()) {
                    continue;
                }
                if let Some(open) = skip.iter_mut().rev().find(|(n, _)| *n == name) {
                    open.1 += 1;
                } else if HTML_SKIP.contains(&name.as_str()) {
                    skip.push((name, 0));
                } else if furniture
                    && !matches!(name.as_str(), "html" | "body" | "main" | "article")
                    && clutter(&tag)
                {
                    if skip.is_empty() {
                        furn_outer = Some(0);
                    }
                    skip.push((name, 0));
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if let Some(pos) = skip.iter().rposition(|(n, _)| *n == name) {
                    if skip[pos].1 > 0 {
                        skip[pos].1 -= 1;
                    } else {
                        skip.truncate(pos);
                    }
                }
                if skip.is_empty() && furn_outer.take().is_some() {
                    let mut none = 0;
                    let before = out.len();
                    flush_block(&mut furn, &mut none, &mut out);
                    if let Some(b) = out.get_mut(before) {
                        b.dropped = Some("page-furniture");
                    }
                }
                if name == "a" {
                    in_link = in_link.saturating_sub(1);
                }
                if HTML_BLOCK.contains(&name.as_str()) {
                    flush_block(&mut cur, &mut links, &mut out);
                }
            }
            Token::String(s) if furn_outer.is_some() => {
                let value = String::from_utf8_lossy(&s.value);
                let (start, end) = (s.span.start.min(text.len()), s.span.end.min(text.len()));
                // Mapped to where it stands, so the dropped bytes and place are exact.
                if text.get(start..end) == Some(value.as_ref()) {
                    furn.push_original(&value, start);
                } else {
                    push_decoded(&mut furn, text, start, end, &value);
                }
            }
            Token::String(s) if skip.is_empty() => {
                let value = String::from_utf8_lossy(&s.value);
                if in_link > 0 {
                    links += value.trim().len();
                }
                let (start, end) = (s.span.start.min(text.len()), s.span.end.min(text.len()));
                if text.get(start..end) == Some(value.as_ref()) {
                    cur.push_repaired(&value, start);
                } else {
                    // Entities decoded: map piece by piece where the raw text agrees.
                    push_decoded(&mut cur, text, start, end, &value);
                }
            }
            _ => {}
        }
    }
    flush_block(&mut cur, &mut links, &mut out);
    // Whitespace-only runs between tags become single spaces so words do not fuse.
    out
}

/// Maps decoded HTML text back to its raw range: runs of characters that appear
/// verbatim map exactly; a decoded entity maps to the `&` that began it.
fn push_decoded(cur: &mut MappedText, raw: &str, start: usize, end: usize, value: &str) {
    let raw_piece = raw.get(start..end).unwrap_or("");
    let mut ri = 0;
    let mut buf = String::new();
    let mut buf_at = start;
    for c in value.chars() {
        let rest = raw_piece.slice(ri.min(raw_piece.len())..);
        if rest.starts_with(c)
            && !(c == '&'
                && rest.len() > 1
                && rest
                    .slice(1..)
                    .starts_with(|x: char| x.is_alphanumeric() || x == '#'))
        {
            if buf.is_empty() {
                buf_at = start + ri;
            }
            buf.push(c);
            ri += c.len_utf8();
        } else {
            if !buf.is_empty() {
                cur.push_original(&buf, buf_at);
                buf.clear();
            }
            let at = start + ri;
            let mut tmp = [0u8; 4];
            cur.push_synthetic(c.encode_utf8(&mut tmp), at);
            // Skip the entity in the raw text.
            if rest.starts_with('&') {
                ri += rest.find(';').map_or(1, |i| i + 1);
            } else {
                ri += rest.chars().next().map_or(0, char::len_utf8);
            }
        }
    }
    if !buf.is_empty() {
        cur.push_original(&buf, buf_at);
    }
}

/// Is a line mostly URLs (a link list, a share bar)?
fn mostly_links(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() {
        return false;
    }
    let links = words
        .iter()
        .filter(|w| w.starts_with("http://") || w.starts_with("https://") || w.starts_with("www."))
        .count();
    links * 3 >= words.len()
}
