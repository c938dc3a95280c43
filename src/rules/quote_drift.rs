//! `quote-drift` and `quote-attribution`: one quote worded differently, or given to
//! different speakers, across sources.
//!
//! Quotes are clustered across sources by shared words (overlap of their word sets, so one
//! source quoting a fragment of another's longer version still meets it), blocking on the
//! quotes' own content words. Two versions are then classed from a word diff: the same (up
//! to case, punctuation, "U.S."/"US", hyphens, British/American spelling); a fragment of
//! the other (fine, unless the fragment is presented as a sentence start where the original
//! runs on: trimmed words); wording drift; or a change of meaning (a negation added or lost,
//! a quantifier or modal changed, a verb reversed). Parameter `mode`: `drift` reports
//! wording and meaning changes, `attribution` reports the same words given to different
//! speakers.

use std::collections::{BTreeMap, BTreeSet};

use similar::{ChangeTag, TextDiff};

use super::{Check, Rule, RuleFile, Severity};
use crate::extract::quote::Quote;
use crate::extract::Value;
use crate::finding::{DiffOp, DiffPart, Finding, VersionDiff};
use crate::Analysis;

pub struct QuoteDrift;

/// How two versions of a quote differ, least to most serious.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Class {
    /// Two statements about different places ("pre-orders in the U.S. will not start…",
    /// "pre-orders in Canada will not start…"): not one quote.
    Distinct,
    Same,
    Fragment,
    Wording,
    Meaning,
}

const NEGATIONS: &[&str] = &[
    "not",
    "no",
    "never",
    "none",
    "nothing",
    "neither",
    "nor",
    "don't",
    "doesn't",
    "didn't",
    "won't",
    "wouldn't",
    "can't",
    "cannot",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "shouldn't",
    "couldn't",
];
const QUANTIFIERS: &[&str] = &[
    "some",
    "all",
    "every",
    "each",
    "any",
    "few",
    "many",
    "most",
    "several",
    "always",
    "sometimes",
    "often",
    "rarely",
];
const MODALS: &[&str] = &[
    "may", "might", "could", "will", "would", "must", "shall", "should", "can",
];
const REVERSALS: &[(&str, &str)] = &[
    ("raise", "cut"),
    ("raised", "cut"),
    ("increase", "decrease"),
    ("increased", "decreased"),
    ("rise", "fall"),
    ("rose", "fell"),
    ("up", "down"),
    ("eased", "tightened"),
    ("ease", "tighten"),
    ("lift", "impose"),
    ("lifted", "imposed"),
    ("approve", "reject"),
    ("approved", "rejected"),
    ("support", "oppose"),
    ("supports", "opposes"),
    ("win", "lose"),
    ("won", "lost"),
    ("more", "less"),
    ("higher", "lower"),
];

fn quote<'a>(a: &'a Analysis, i: usize) -> Option<&'a Quote> {
    match &a.claims[i].value {
        Value::Quote(q) => Some(q),
        _ => None,
    }
}

fn contains_run(long: &[String], short: &[String]) -> Option<usize> {
    if short.is_empty() || short.len() > long.len() {
        return None;
    }
    (0..=long.len() - short.len()).find(|&k| long[k..k + short.len()] == *short)
}

/// One source's version of a quote: its fragments in text order, joined.
#[derive(Debug, Clone)]
struct Version {
    claims: Vec<usize>,
    /// Where each claim's words begin in `tokens`.
    claim_starts: Vec<usize>,
    words: String,
    tokens: Vec<String>,
    capitalised: bool,
    caps: Vec<bool>,
    sentence_starts: Vec<usize>,
    speaker: Option<String>,
    speaker_text: Option<String>,
    /// False for a statement reported without quotation marks.
    marked: bool,
}

/// The version whose wording most sources give, when two or more give one (the first such).
fn majority_version(versions: &[Version]) -> Option<usize> {
    let count = |v: &Version| versions.iter().filter(|w| w.tokens == v.tokens).count();
    versions
        .iter()
        .enumerate()
        .filter(|(_, v)| v.marked)
        .map(|(j, v)| (count(v), j))
        .filter(|&(n, _)| n >= 2)
        .max_by_key(|&(n, j)| (n, std::cmp::Reverse(j)))
        .map(|(_, j)| j)
}

/// One diff per wording that departs from version `base` (the majority's, or the first
/// compared), in text order; sources giving one departing wording share its diff.
fn departing_diffs(
    a: &Analysis,
    versions: &[Version],
    base: usize,
    class_of: &dyn Fn(&Version, &Version) -> Class,
) -> Vec<VersionDiff> {
    let id = |v: &Version| {
        v.claims
            .first()
            .map_or("?", |&m| a.story.sources[a.claims[m].source].id.as_str())
    };
    let from = &versions[base];
    let mut out: Vec<(&[String], Vec<&str>, &Version)> = Vec::new();
    for (j, v) in versions.iter().enumerate() {
        if j == base || !v.marked || v.tokens == from.tokens {
            continue;
        }
        if class_of(from, v) == Class::Distinct {
            continue;
        }
        match out.iter_mut().find(|o| o.0 == v.tokens.as_slice()) {
            Some(o) => {
                let s = id(v);
                if !o.1.contains(&s) {
                    o.1.push(s);
                }
            }
            None => out.push((&v.tokens, vec![id(v)], v)),
        }
    }
    let mut base_ids: Vec<&str> = Vec::new();
    for v in versions.iter().filter(|v| v.tokens == from.tokens) {
        if !base_ids.contains(&id(v)) {
            base_ids.push(id(v));
        }
    }
    let from_ids = base_ids.join(", ");
    out.into_iter()
        .map(|(_, ids, v)| VersionDiff {
            from: from_ids.clone(),
            to: ids.join(", "),
            diff: diff_parts(&from.words, &v.words),
        })
        .collect()
}

/// Classes two versions remark by remark: each sentence of one (or two running together)
/// is aligned to its counterpart in the other, and only aligned remarks are compared, so a
/// remark only one source quotes is an omission, not drift. The worst class of the pairs
/// is the versions' class; versions with no remark in common are two remarks (`Distinct`).
fn classify(
    x: &Version,
    y: &Version,
    max_trim: f64,
    place: &dyn Fn(&str) -> Option<String>,
) -> Class {
    let whole = classify_whole(x, y, max_trim, place);
    if whole <= Class::Fragment {
        return whole;
    }
    let (rx, ry) = (remarks(x), remarks(y));
    let pairs = align_remarks(x, &rx, y, &ry);
    let classes: Vec<Class> = pairs
        .iter()
        .map(|&(a, b)| classify_whole(&x.sub(a), &y.sub(b), max_trim, place))
        .collect();
    // No remark of one has its counterpart in the other: two different remarks.
    classes
        .iter()
        .filter(|c| **c != Class::Distinct)
        .max()
        .copied()
        .unwrap_or(Class::Distinct)
}

/// Token ranges of a version's remarks: its sentences, split also where one quoted run
/// ends and the next begins.
fn remarks(v: &Version) -> Vec<(usize, usize)> {
    let mut cuts: BTreeSet<usize> = v.sentence_starts.iter().copied().collect();
    cuts.extend(v.claim_starts.iter().copied());
    cuts.insert(v.tokens.len());
    let cuts: Vec<usize> = cuts.into_iter().filter(|&c| c <= v.tokens.len()).collect();
    cuts.windows(2)
        .filter(|w| w[0] < w[1])
        .map(|w| (w[0], w[1]))
        .collect()
}

/// Share of two token runs' distinct words they have in common, over the larger run's:
/// a remark's counterpart covers it and is covered by it.
fn coverage(x: &[String], y: &[String]) -> f64 {
    let sx: BTreeSet<&String> = x.iter().collect();
    let sy: BTreeSet<&String> = y.iter().collect();
    let larger = sx.len().max(sy.len());
    if larger == 0 {
        return 0.0;
    }
    sx.intersection(&sy).count() as f64 / larger as f64
}

/// Least coverage for two remarks to be one remark's two versions.
const MIN_REMARK_COVERAGE: f64 = 0.4;

/// A token range of a version: (first token, end).
type Range = (usize, usize);

/// Pairs of remark windows (one remark, or two running together, on each side) that are
/// one remark's versions, best first, each remark used once.
fn align_remarks(x: &Version, rx: &[Range], y: &Version, ry: &[Range]) -> Vec<(Range, Range)> {
    // Windows: (first remark, last remark) index pairs.
    let windows = |r: &[(usize, usize)]| -> Vec<(usize, usize)> {
        (0..r.len())
            .flat_map(|i| [(i, i), (i, i + 1)])
            .filter(|&(_, j)| j < r.len())
            .collect()
    };
    let mut scored: Vec<(f64, Range, Range)> = Vec::new();
    for wx in windows(rx) {
        let tx = &x.tokens[rx[wx.0].0..rx[wx.1].1];
        for wy in windows(ry) {
            let ty = &y.tokens[ry[wy.0].0..ry[wy.1].1];
            let c = coverage(tx, ty);
            if c >= MIN_REMARK_COVERAGE {
                scored.push((c, wx, wy));
            }
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut used_x, mut used_y) = (vec![false; rx.len()], vec![false; ry.len()]);
    let mut out = Vec::new();
    for (_, wx, wy) in scored {
        if used_x[wx.0..=wx.1].iter().any(|u| *u) || used_y[wy.0..=wy.1].iter().any(|u| *u) {
            continue;
        }
        used_x[wx.0..=wx.1].iter_mut().for_each(|u| *u = true);
        used_y[wy.0..=wy.1].iter_mut().for_each(|u| *u = true);
        out.push(((rx[wx.0].0, rx[wx.1].1), (ry[wy.0].0, ry[wy.1].1)));
    }
    out
}

impl Version {
    /// The words `range` of this version, as a version of their own.
    fn sub(&self, (from, to): (usize, usize)) -> Version {
        let claims: Vec<(usize, usize)> = self
            .claims
            .iter()
            .zip(&self.claim_starts)
            .enumerate()
            .filter(|&(k, (_, &start))| {
                let end = self
                    .claim_starts
                    .get(k + 1)
                    .copied()
                    .unwrap_or(self.tokens.len());
                start < to && end > from
            })
            .map(|(_, (&c, &start))| (c, start.max(from) - from))
            .collect();
        Version {
            claims: claims.iter().map(|c| c.0).collect(),
            claim_starts: claims.iter().map(|c| c.1).collect(),
            words: self.tokens[from..to].join(" "),
            tokens: self.tokens[from..to].to_vec(),
            capitalised: self.caps.get(from).copied().unwrap_or(false),
            caps: self
                .caps
                .get(from..to)
                .map(<[bool]>::to_vec)
                .unwrap_or_default(),
            sentence_starts: self
                .sentence_starts
                .iter()
                .filter(|&&k| k >= from && k < to)
                .map(|k| k - from)
                .collect(),
            speaker: self.speaker.clone(),
            speaker_text: self.speaker_text.clone(),
            marked: self.marked,
        }
    }
}

/// Classes two versions as wholes.
fn classify_whole(
    x: &Version,
    y: &Version,
    max_trim: f64,
    place: &dyn Fn(&str) -> Option<String>,
) -> Class {
    if x.tokens == y.tokens {
        return Class::Same;
    }
    let (short, long) = if x.tokens.len() <= y.tokens.len() {
        (x, y)
    } else {
        (y, x)
    };
    if let Some(at) = contains_run(&long.tokens, &short.tokens) {
        // "The very…" quoted as a sentence where the original reads "…like the very…".
        let trimmed_start = short.capitalised
            && at > 0
            && !long.caps.get(at).copied().unwrap_or(true)
            && !long.sentence_starts.contains(&at);
        // One run of quoted words found inside the other version is a partial quote, however
        // short ("said “a critical piece of America’s defense industrial base” should…"). A
        // version pieced together from several runs that leaves out much of the other is a
        // different quote for the reader.
        let pieced = short.claims.len() > 1;
        let cut = 1.0 - short.tokens.len() as f64 / long.tokens.len() as f64;
        return if trimmed_start || (pieced && cut > max_trim) {
            Class::Wording
        } else {
            Class::Fragment
        };
    }
    let diff = similar::capture_diff_slices(similar::Algorithm::Myers, &x.tokens, &y.tokens);
    let mut removed: Vec<&str> = Vec::new();
    let mut added: Vec<&str> = Vec::new();
    for op in &diff {
        let (_, old, new) = op.as_tag_tuple();
        match op.tag() {
            similar::DiffTag::Delete => removed.extend(x.tokens[old].iter().map(String::as_str)),
            similar::DiffTag::Insert => added.extend(y.tokens[new].iter().map(String::as_str)),
            similar::DiffTag::Replace => {
                removed.extend(x.tokens[old].iter().map(String::as_str));
                added.extend(y.tokens[new].iter().map(String::as_str));
            }
            similar::DiffTag::Equal => {}
        }
    }
    // One place put for another: a parallel statement about somewhere else.
    let places =
        |words: &[&str]| -> BTreeSet<String> { words.iter().filter_map(|w| place(w)).collect() };
    // A place taken out where one the other version never names comes in, either way.
    let all =
        |v: &Version| -> BTreeSet<String> { v.tokens.iter().filter_map(|w| place(w)).collect() };
    let (gone, came) = (places(&removed), places(&added));
    let swapped = |out: &BTreeSet<String>, into: &BTreeSet<String>, before: &Version| {
        !out.is_empty() && into.difference(&all(before)).next().is_some()
    };
    if swapped(&gone, &came, x) || swapped(&came, &gone, y) {
        return Class::Distinct;
    }
    let changed = |set: &[&str]| {
        removed.iter().any(|w| set.contains(w)) != added.iter().any(|w| set.contains(w))
            || removed
                .iter()
                .filter(|w| set.contains(w))
                .collect::<BTreeSet<_>>()
                != added
                    .iter()
                    .filter(|w| set.contains(w))
                    .collect::<BTreeSet<_>>()
    };
    // A fragment that also adds words elsewhere is drift; meaning words decide the class.
    let trimmed_only = added.is_empty() || removed.is_empty();
    let reversal = REVERSALS.iter().any(|(p, q)| {
        (removed.contains(p) && added.contains(q)) || (removed.contains(q) && added.contains(p))
    });
    if (changed(NEGATIONS) || changed(QUANTIFIERS) || changed(MODALS) || reversal) && !trimmed_only
    {
        return Class::Meaning;
    }
    if changed(NEGATIONS) && trimmed_only {
        return Class::Meaning;
    }
    Class::Wording
}

fn diff_parts(x: &str, y: &str) -> Vec<DiffPart> {
    let diff = TextDiff::from_words(x, y);
    let mut parts: Vec<DiffPart> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => DiffOp::Equal,
            ChangeTag::Delete => DiffOp::Delete,
            ChangeTag::Insert => DiffOp::Insert,
        };
        match parts.last_mut() {
            Some(last) if last.op == op => last.text.push_str(change.value()),
            _ => parts.push(DiffPart {
                op,
                text: change.value().to_string(),
            }),
        }
    }
    parts
}

/// Words of substance (three letters or more, not function words) two quotes share at least
/// (or all the shorter one has) to be one quote.
const MIN_SHARED_CONTENT: usize = 3;

/// Clusters quotes of different sources sharing most of their words. A quote is compared
/// alone and together with the next quote of its passage (one remark printed in two runs,
/// "“A,” Mahomes said. “B.”", meets another source's "A and B" in one run).
#[expect(
    clippy::many_single_char_names,
    reason = "claims i/j, segments k/l, as in the rest of the rule"
)]
fn clusters(a: &Analysis, min_words: usize, min_overlap: f64) -> Vec<Vec<usize>> {
    let quotes: Vec<usize> = (0..a.claims.len())
        .filter(|&i| quote(a, i).is_some_and(|q| q.marked && q.tokens.len() >= min_words))
        .collect();
    // Segments: each quote, and each two quotes of one passage in text order.
    let mut segments: Vec<Vec<usize>> = quotes.iter().map(|&i| vec![i]).collect();
    let mut in_order: Vec<usize> = (0..a.claims.len())
        .filter(|&i| quote(a, i).is_some_and(|q| q.marked))
        .collect();
    in_order.sort_by_key(|&i| (a.claims[i].source, a.claims[i].span.start));
    for w in in_order.windows(2) {
        let (i, j) = (w[0], w[1]);
        let (Some(x), Some(y)) = (quote(a, i), quote(a, j)) else {
            continue;
        };
        if a.claims[i].source == a.claims[j].source
            && x.passage == y.passage
            && x.tokens.len() + y.tokens.len() >= min_words
        {
            segments.push(vec![i, j]);
        }
    }
    let tokens_of = |seg: &[usize]| -> Vec<&String> {
        seg.iter()
            .filter_map(|&i| quote(a, i))
            .flat_map(|q| q.tokens.iter())
            .collect()
    };
    let mut blocks: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (k, seg) in segments.iter().enumerate() {
        let words: BTreeSet<&str> = seg
            .iter()
            .flat_map(|&i| a.claims[i].context.iter().map(String::as_str))
            .collect();
        for w in words {
            blocks.entry(w).or_default().push(k);
        }
    }
    // Each segment's words of substance (three letters or more, not function words),
    // stemmed, found once: pairs compare them many times.
    let substance: Vec<BTreeSet<String>> = segments
        .iter()
        .map(|seg| substance_of(tokens_of(seg)))
        .collect();
    let words: Vec<BTreeSet<&String>> = segments
        .iter()
        .map(|seg| tokens_of(seg).into_iter().collect())
        .collect();
    let mut parent: Vec<usize> = (0..a.claims.len()).collect();
    let mut tried = BTreeSet::new();
    let mut links: Vec<(usize, usize)> = Vec::new();
    for members in blocks.values().filter(|m| m.len() <= 64) {
        for (n, &k) in members.iter().enumerate() {
            for &l in &members[n + 1..] {
                let (sk, sl) = (&segments[k], &segments[l]);
                if a.claims[sk[0]].source == a.claims[sl[0]].source || !tried.insert((k, l)) {
                    continue;
                }
                let (sx, sy) = (&words[k], &words[l]);
                let overlap = sx.intersection(sy).count() as f64 / sx.len().min(sy.len()) as f64;
                // Shared function words ("what I really", "we are in the") do not make one
                // quote: some words of substance are shared too.
                let (cx, cy) = (&substance[k], &substance[l]);
                let content = cx.intersection(cy).count();
                let fewer = cx.len().min(cy.len());
                // Two quotes taken together must each share words of substance with the
                // other side, and three at least in all.
                let each_shares = |seg: &[usize], other: &BTreeSet<String>| {
                    seg.len() == 1
                        || seg.iter().all(|&m| {
                            quote(a, m).is_some_and(|q| {
                                q.tokens.iter().any(|w| {
                                    w.chars().count() >= 3
                                        && !crate::words::is_stop(w)
                                        && other.contains(&crate::words::stem(w))
                                })
                            })
                        })
                };
                let least = if sk.len() > 1 || sl.len() > 1 {
                    MIN_SHARED_CONTENT
                } else {
                    MIN_SHARED_CONTENT.min(fewer)
                };
                if overlap >= min_overlap
                    && content >= least
                    && content * 2 >= fewer
                    && each_shares(sk, cy)
                    && each_shares(sl, cx)
                {
                    links.push((k, l));
                }
            }
        }
    }
    // Quotes that meet alone; two quotes of a passage count together only where neither
    // meets the other side alone (else the second quote is a different remark).
    let alone: BTreeSet<(usize, usize)> = links
        .iter()
        .filter(|&&(k, l)| segments[k].len() == 1 && segments[l].len() == 1)
        .flat_map(|&(k, l)| {
            let (i, j) = (segments[k][0], segments[l][0]);
            [(i, j), (j, i)]
        })
        .collect();
    for (k, l) in links {
        let (sk, sl) = (&segments[k], &segments[l]);
        let paired = sk.len() > 1 || sl.len() > 1;
        if paired
            && sk
                .iter()
                .any(|&m| sl.iter().any(|&n| alone.contains(&(m, n))))
        {
            continue;
        }
        let first = sk[0];
        for &m in sk.iter().chain(sl) {
            let (ri, rj) = (super::root(&mut parent, first), super::root(&mut parent, m));
            parent[ri.max(rj)] = ri.min(rj);
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &i in &quotes {
        let r = super::root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    for (i, m) in reported_links(a, &quotes, min_words) {
        let group = groups.entry(super::root(&mut parent, m)).or_default();
        // A source that quotes the words itself, or reports them already, adds nothing.
        if !group
            .iter()
            .any(|&j| a.claims[j].source == a.claims[i].source)
        {
            group.push(i);
        }
    }
    groups
        .into_values()
        .filter(|g| {
            g.iter()
                .map(|&i| a.claims[i].source)
                .collect::<BTreeSet<_>>()
                .len()
                > 1
        })
        .collect()
}

/// Words of substance of a token run (three letters or more, not function words), stemmed.
fn substance_of<'a>(tokens: impl IntoIterator<Item = &'a String>) -> BTreeSet<String> {
    tokens
        .into_iter()
        .filter(|w| w.chars().count() >= 3 && !crate::words::is_stop(w))
        .map(|w| crate::words::stem(w))
        .collect()
}

/// The longest run of tokens two token lists share, in tokens.
fn longest_run(x: &[String], y: &[String]) -> usize {
    let mut best = 0;
    let mut row = vec![0usize; y.len() + 1];
    for a in x {
        let mut prev = 0;
        for (j, b) in y.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = if a == b { prev + 1 } else { 0 };
            best = best.max(row[j + 1]);
            prev = here;
        }
    }
    best
}

/// Least run of words a reported statement shares with a marked quote to be its words
/// printed without marks (reported speech changes tense and pronouns, not runs of words).
const MIN_REPORTED_RUN: usize = 4;

/// Statements reported without quotation marks, each with the marked quote of another
/// source whose words it prints: a long run of words in common and most words of substance
/// of one found in the other. Blocked on the quotes' content words.
fn reported_links(a: &Analysis, marked: &[usize], min_words: usize) -> Vec<(usize, usize)> {
    let mut blocks: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for &m in marked {
        for w in &a.claims[m].context {
            blocks.entry(w.as_str()).or_default().push(m);
        }
    }
    let mut out = Vec::new();
    for (i, c) in a.claims.iter().enumerate() {
        let Some(q) = quote(a, i).filter(|q| !q.marked && q.tokens.len() >= min_words) else {
            continue;
        };
        let mine = substance_of(&q.tokens);
        let candidates: BTreeSet<usize> = c
            .context
            .iter()
            .filter_map(|w| blocks.get(w.as_str()))
            .filter(|m| m.len() <= 64)
            .flatten()
            .copied()
            .filter(|&m| a.claims[m].source != c.source)
            .collect();
        let best = candidates
            .into_iter()
            .filter_map(|m| {
                let theirs = quote(a, m)?;
                let theirs_substance = substance_of(&theirs.tokens);
                let shared = theirs_substance.intersection(&mine).count();
                let fewer = theirs_substance.len().min(mine.len());
                (longest_run(&q.tokens, &theirs.tokens) >= MIN_REPORTED_RUN
                    && shared >= MIN_SHARED_CONTENT.max(fewer.div_ceil(2)))
                .then_some((shared, std::cmp::Reverse(m)))
            })
            .max();
        if let Some((_, std::cmp::Reverse(m))) = best {
            out.push((i, m));
        }
    }
    out
}

/// Classes a marked version against a statement reported without marks: only what
/// reported speech keeps counts, its sense (a negation added or lost, a verb turned round),
/// not its wording, tense or pronouns. `Fragment` when the sense holds.
fn classify_reported(x: &Version, y: &Version) -> Class {
    let (rx, ry) = (remarks(x), remarks(y));
    let pairs = align_remarks(x, &rx, y, &ry);
    if pairs.is_empty() {
        return Class::Distinct;
    }
    let turned = pairs.iter().any(|&(p, q)| {
        let (tx, ty) = (&x.tokens[p.0..p.1], &y.tokens[q.0..q.1]);
        let diff = similar::capture_diff_slices(similar::Algorithm::Myers, tx, ty);
        let (mut removed, mut added): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
        for op in diff.iter().filter(|o| o.tag() != similar::DiffTag::Equal) {
            let (_, old, new) = op.as_tag_tuple();
            removed.extend(tx[old].iter().map(String::as_str));
            added.extend(ty[new].iter().map(String::as_str));
        }
        let negations = |v: &[&str]| v.iter().filter(|w| NEGATIONS.contains(w)).count() % 2;
        let reversal = REVERSALS.iter().any(|(p, q)| {
            (removed.contains(p) && added.contains(q)) || (removed.contains(q) && added.contains(p))
        });
        negations(&removed) != negations(&added) || reversal
    });
    if turned {
        Class::Meaning
    } else {
        Class::Fragment
    }
}

impl Check for QuoteDrift {
    fn params(&self) -> &'static [super::params::Param] {
        use super::params::{count, fraction, Param, ParamType};
        const PARAMS: &[Param] = &[
            Param {
                name: "mode",
                ty: ParamType::OneOf(&["drift", "attribution"]),
                doc:
                    "flag reworded quotes (drift) or one quote given to two speakers (attribution)",
            },
            count("min-words", 1, "shortest quote compared, in words"),
            fraction(
                "min-overlap",
                "share of words two versions must have in common to be one quote",
            ),
            fraction(
                "max-trim",
                "share of the longer version a fragment may leave out before it is drift",
            ),
        ];
        PARAMS
    }

    fn validate(&self, rule: &RuleFile) -> Result<(), String> {
        match rule.params.get("mode").and_then(toml::Value::as_str) {
            Some("drift" | "attribution") => Ok(()),
            _ => Err("params.mode must be \"drift\" or \"attribution\"".into()),
        }
    }

    #[expect(
        clippy::many_single_char_names,
        reason = "pairs of versions read best as x/y, k/l"
    )]
    fn run(&self, rule: &Rule, a: &Analysis, out: &mut Vec<Finding>) {
        let attribution = rule.param_str("mode", "drift") == "attribution";
        let min_words = rule.param_f64("min-words", 5.0) as usize;
        let min_overlap = rule.param_f64("min-overlap", 0.6);
        let max_trim = rule.param_f64("max-trim", 0.34);
        // A word's place (country), by the places lexicon: "u.s." and "us" are the US.
        let places = &a.lexicons.quantity.places;
        let place = |w: &str| -> Option<String> {
            places
                .get(w)
                .cloned()
                .or_else(|| places.values().find(|p| p.as_str() == w).cloned())
        };
        // A statement reported without marks is compared for its sense only.
        let class_of = |x: &Version, y: &Version| {
            if x.marked && y.marked {
                classify(x, y, max_trim, &place)
            } else {
                classify_reported(x, y)
            }
        };
        for group in clusters(a, min_words, min_overlap) {
            let versions = versions(a, &group, min_words);
            let mut worst: Option<(Class, usize, usize)> = None;
            let mut speakers_differ: Option<(usize, usize)> = None;
            for (k, x) in versions.iter().enumerate() {
                for (l, y) in versions.iter().enumerate().skip(k + 1) {
                    if !x.marked && !y.marked {
                        continue;
                    }
                    let mut class = class_of(x, y);
                    let reported = !(x.marked && y.marked);
                    let other_speaker = matches!((&x.speaker, &y.speaker),
                        (Some(sx), Some(sy)) if sx != sy);
                    // Reported words of another speaker that turn the quote round are that
                    // speaker's own view ("Analyst Tom Hale said the company had received
                    // an offer"), not a misquote.
                    if reported && other_speaker && class == Class::Meaning {
                        class = Class::Distinct;
                    }
                    // A report that names the quote's speaker beside the words credits
                    // them ("…, echoing Mayor Jo Lee").
                    if reported && other_speaker && credits(a, x, y) {
                        class = Class::Distinct;
                    }
                    if class == Class::Distinct {
                        continue;
                    }
                    if worst.is_none_or(|(c, _, _)| class > c) {
                        worst = Some((class, k, l));
                    }
                    if class <= Class::Fragment {
                        if let (Some(sx), Some(sy)) = (&x.speaker, &y.speaker) {
                            if sx != sy && speakers_differ.is_none() {
                                speakers_differ = Some((k, l));
                            }
                        }
                    }
                }
            }
            if attribution {
                let Some((k, l)) = speakers_differ else {
                    continue;
                };
                let (x, y) = (&versions[k], &versions[l]);
                let (ci, cj) = (&a.claims[x.claims[0]], &a.claims[y.claims[0]]);
                let mut f = rule.finding(
                    format!("who said \u{201c}{}\u{201d}", shorten(&x.words)),
                    format!(
                        "{} gives these words to {}; {} to {}",
                        a.story.sources[ci.source].id,
                        x.speaker_text.as_deref().unwrap_or("?"),
                        a.story.sources[cj.source].id,
                        y.speaker_text.as_deref().unwrap_or("?")
                    ),
                );
                f.note = unmarked_note(a, x, y);
                for v in [x, y] {
                    for &m in &v.claims {
                        f.push_claim(a, m);
                    }
                }
                out.push(f);
                continue;
            }
            let Some((class, mut k, mut l)) = worst else {
                continue;
            };
            if class <= Class::Fragment {
                continue;
            }
            // Drift of wording: the diff runs from the wording most sources give (when two
            // or more give one) to the version that departs from it most.
            if class == Class::Wording {
                if let Some(base) = majority_version(&versions) {
                    let departing = versions
                        .iter()
                        .enumerate()
                        .filter(|(j, v)| *j != base && v.marked)
                        .map(|(j, v)| (class_of(&versions[base], v), j))
                        .filter(|(c, _)| *c != Class::Distinct)
                        .max_by_key(|&(c, j)| (c, std::cmp::Reverse(j)));
                    if let Some((_, j)) = departing {
                        (k, l) = (base, j);
                    }
                }
            }
            let (x, y) = (&versions[k], &versions[l]);
            let who = x.speaker_text.clone().or_else(|| y.speaker_text.clone());
            let subject = match &who {
                Some(w) => format!("{w}: \u{201c}{}\u{201d}", shorten(&x.words)),
                None => format!("the quote \u{201c}{}\u{201d}", shorten(&x.words)),
            };
            let (ci, cj) = (&a.claims[x.claims[0]], &a.claims[y.claims[0]]);
            let message = if class == Class::Meaning && !(x.marked && y.marked) {
                let (m, r) = if x.marked { (ci, cj) } else { (cj, ci) };
                format!(
                    "{} reports these words, without quotation marks, with the opposite sense of {}'s quote (a negation or a verb turned round)",
                    a.story.sources[r.source].id, a.story.sources[m.source].id
                )
            } else if class == Class::Meaning {
                format!(
                    "{} and {} quote these words with a different meaning (a negation, quantifier, modal or verb changed)",
                    a.story.sources[ci.source].id, a.story.sources[cj.source].id
                )
            } else {
                format!(
                    "the sources quote these words differently ({} versions)",
                    versions.len()
                )
            };
            let mut f = rule.finding(subject, message);
            if class == Class::Meaning {
                f.severity = Severity::Error;
            }
            f.diff = Some(diff_parts(&x.words, &y.words));
            f.note = Some(format!(
                "word diff from {} to {}",
                a.story.sources[ci.source].id, a.story.sources[cj.source].id
            ));
            if class == Class::Wording {
                f.diffs = departing_diffs(a, &versions, k, &class_of);
                if let Some(first) = f.diffs.first() {
                    f.diff = Some(first.diff.clone());
                    if f.diffs.len() > 1 {
                        f.note = Some(format!(
                            "word diffs from the wording {} give{} to each other wording",
                            first.from,
                            if first.from.contains(", ") { "" } else { "s" }
                        ));
                    }
                }
            }
            for v in &versions {
                for &m in &v.claims {
                    f.push_claim(a, m);
                }
            }
            out.push(f);
        }
    }
}

/// Whether the unmarked one of two versions names the marked one's speaker in its own
/// sentence (crediting the words to them).
fn credits(a: &Analysis, x: &Version, y: &Version) -> bool {
    let (marked, unmarked) = if x.marked { (x, y) } else { (y, x) };
    let (Some(who), Some(&claim)) = (&marked.speaker, unmarked.claims.first()) else {
        return false;
    };
    let claim = &a.claims[claim];
    a.docs[claim.source]
        .sentence_text(claim.sentence)
        .to_lowercase()
        .split(|ch: char| !ch.is_alphabetic())
        .any(|w| w == who.as_str())
}

/// For a finding comparing a marked quote with a statement reported without marks, a note
/// saying which source reports it so.
fn unmarked_note(a: &Analysis, x: &Version, y: &Version) -> Option<String> {
    let unmarked: Vec<&str> = [x, y]
        .iter()
        .filter(|v| !v.marked)
        .filter_map(|v| v.claims.first())
        .map(|&i| a.story.sources[a.claims[i].source].id.as_str())
        .collect();
    (!unmarked.is_empty()).then(|| {
        format!(
            "{} prints these words without quotation marks, as reported speech",
            unmarked.join(", ")
        )
    })
}

/// Each source's version of a clustered quote: its clustered fragments, plus short
/// fragments of the same sentences ("“after the handshake” in London, “any export
/// controls…”"), joined in text order.
fn versions(a: &Analysis, group: &[usize], min_words: usize) -> Vec<Version> {
    let mut by_source: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for &i in group {
        by_source.entry(a.claims[i].source).or_default().insert(i);
    }
    let mut out = Vec::new();
    for (source, members) in by_source {
        let sentences: BTreeSet<usize> = members.iter().map(|&i| a.claims[i].sentence).collect();
        let mut claims: BTreeSet<usize> = members;
        for (i, c) in a.claims.iter().enumerate() {
            if c.source == source && sentences.contains(&c.sentence) {
                if let Some(q) = quote(a, i) {
                    if q.marked && q.tokens.len() < min_words {
                        claims.insert(i);
                    }
                }
            }
        }
        let mut claims: Vec<usize> = claims.into_iter().collect();
        claims.sort_by_key(|&i| a.claims[i].span.start);
        let quotes: Vec<&Quote> = claims.iter().filter_map(|&i| quote(a, i)).collect();
        let Some(first) = quotes.first() else {
            continue;
        };
        let mut tokens = Vec::new();
        let mut starts = Vec::new();
        let mut caps = Vec::new();
        let mut claim_starts = Vec::new();
        for q in &quotes {
            claim_starts.push(tokens.len());
            starts.extend(q.sentence_starts.iter().map(|s| s + tokens.len()));
            tokens.extend(q.tokens.iter().cloned());
            caps.extend(q.caps.iter().copied());
        }
        out.push(Version {
            words: quotes
                .iter()
                .map(|q| q.words.as_str())
                .collect::<Vec<_>>()
                .join(" … "),
            tokens,
            capitalised: first.capitalised,
            sentence_starts: starts,
            caps,
            speaker: quotes.iter().find_map(|q| q.speaker.clone()),
            speaker_text: quotes.iter().find_map(|q| q.speaker_text.clone()),
            marked: quotes.iter().all(|q| q.marked),
            claims,
            claim_starts,
        });
    }
    out
}

fn shorten(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() <= 8 {
        s.trim_end_matches([',', '.']).to_string()
    } else {
        format!("{}…", words[..8].join(" ").trim_end_matches([',', '.']))
    }
}
