//! `name-variant`: one person written differently across sources (case or spelling).
//!
//! The names sources write in full ("Howard Lutnick") are looked for in every source's
//! cleaned text, whatever the case, so "howard Lutnick" is found even though it does not
//! read as a name. Full names with the same given name whose surnames are near-identical
//! ("Lagard"/"Lagarde") are one person written two ways; different given names are never
//! merged ("Ryan Hass" is not "Kevin Hassett"). All-capital headline forms are not variants.

use std::collections::{BTreeMap, BTreeSet};

use aho_corasick::{AhoCorasick, MatchKind};

use super::{Check, Rule};
use crate::extract::Value;
use crate::finding::{evidence, Finding};
use crate::story::Span;
use crate::text::Slice;
use crate::Analysis;

pub struct NameVariant;

/// One written occurrence of a name.
#[derive(Clone)]
struct Mention {
    source: usize,
    sentence: usize,
    span: Span,
    form: String,
}

fn sentence_of(a: &Analysis, source: usize, cleaned_offset: usize) -> Option<usize> {
    let doc = &a.docs[source];
    let i = doc.sentences.partition_point(|s| s.start <= cleaned_offset);
    (i > 0 && cleaned_offset < doc.sentences[i - 1].end).then(|| i - 1)
}

impl Check for NameVariant {
    fn run(&self, rule: &Rule, a: &Analysis, out: &mut Vec<Finding>) {
        let first = out.len();
        people_variants(rule, a, out);
        // Then a letter or two changed in one word of any name of several words (a bridge,
        // an agency, a team), except the names just reported as people.
        let reported: BTreeSet<String> = out[first..].iter().map(|f| f.subject.clone()).collect();
        super::name_spelling::run(rule, a, &reported, out);
        // Then one whole word replaced, dropped or added in such a name.
        super::name_words::run(rule, a, out);
        // Then a one-word name a letter off ("Harrowgate" for "Harrogate").
        super::name_single::run(rule, a, out);
    }
}

/// Case and spelling variants of people's full names.
fn people_variants(rule: &Rule, a: &Analysis, out: &mut Vec<Finding>) {
    {
        // Only people: names some source gives a title, or has speak.
        let mut people: BTreeSet<String> = BTreeSet::new();
        for c in &a.claims {
            match &c.value {
                Value::Title(t) => {
                    people.insert(t.person.clone());
                }
                Value::Quote(q) => {
                    if let Some(t) = &q.speaker_text {
                        people.insert(t.to_lowercase());
                    }
                }
                _ => {}
            }
        }
        let mut keys: BTreeSet<String> = BTreeSet::new();
        for c in &a.claims {
            if let Value::Name(n) = &c.value {
                // "… said": the three words after this mention, read from the source itself
                // (a bounded window, not the whole sentence per name).
                let text = &a.story.sources[c.source].text;
                let after = text
                    .slice(c.span.end..crate::text::window_end(text, c.span.end, 60))
                    .to_lowercase();
                let speaks = after.split_whitespace().take(3).any(|w| {
                    matches!(
                        w.trim_matches(|ch: char| !ch.is_alphabetic()),
                        "said" | "says" | "told" | "added" | "stated" | "wrote"
                    )
                });
                if speaks {
                    people.insert(n.key.clone());
                }
                keys.insert(n.key.clone());
            }
        }
        if keys.is_empty() {
            return;
        }
        let keys: Vec<String> = keys.into_iter().collect();
        // One automaton for every name, run over each source's folded text: linear in the
        // text whatever the number of names (an alternation regex of 5,000 names is not).
        let Ok(ac) = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&keys)
        else {
            return;
        };
        let mut mentions: BTreeMap<String, Vec<Mention>> = BTreeMap::new();
        for (si, doc) in a.docs.iter().enumerate() {
            let text = doc.cleaned.text.as_str();
            let folded = Folded::new(text);
            let mut last_end = 0;
            let mut found: Vec<(usize, usize, usize)> = ac
                .find_overlapping_iter(&folded.text)
                .filter(|m| folded.whole_words(m.start(), m.end()))
                .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                .collect();
            // Leftmost, then longest, never overlapping: "Ana Maria Lopez" over "Ana Maria".
            found.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
            for (s, e, k) in found {
                if s < last_end {
                    continue;
                }
                last_end = e;
                let (start, end) = (folded.at(s), folded.at(e));
                let Some(sentence) = sentence_of(a, si, start) else {
                    continue;
                };
                let span = doc
                    .cleaned
                    .text
                    .to_span(start, end, &a.story.sources[si].text);
                mentions.entry(keys[k].clone()).or_default().push(Mention {
                    source: si,
                    sentence,
                    span,
                    // "O’Toole" and "O'Toole": the apostrophe's typography is not spelling.
                    form: text
                        .slice(start..end)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .replace('’', "'"),
                });
            }
        }
        // Spelling variants: same given name, near-identical surname, written by different
        // sources. Only names with one given name are compared (blocking, not all pairs).
        let mut by_given: BTreeMap<&str, Vec<&String>> = BTreeMap::new();
        for k in mentions.keys() {
            if let Some((given, surname)) = k.rsplit_once(' ') {
                if !given.is_empty() && surname.chars().count() >= 4 {
                    by_given.entry(given).or_default().push(k);
                }
            }
        }
        let mut merged: BTreeMap<String, String> = BTreeMap::new();
        for list in by_given.values() {
            for (x, kx) in list.iter().enumerate() {
                for ky in &list[x + 1..] {
                    let sx = kx.rsplit_once(' ').map_or(kx.as_str(), |p| p.1);
                    let sy = ky.rsplit_once(' ').map_or(ky.as_str(), |p| p.1);
                    if sx.len().abs_diff(sy.len()) > 2 {
                        continue;
                    }
                    if strsim::levenshtein(sx, sy) <= 2 && strsim::jaro_winkler(sx, sy) >= 0.9 {
                        let (nx, ny) = (source_count(&mentions[*kx]), source_count(&mentions[*ky]));
                        let (keep, fold) = if nx >= ny { (kx, ky) } else { (ky, kx) };
                        merged.insert((*fold).clone(), (*keep).clone());
                    }
                }
            }
        }
        // One skeleton (case, spaces, hyphens and apostrophes removed): one name written
        // two ways ("Van Der Berg", "VanDerBerg"; "Smith-Jones", "Smith Jones").
        let mut by_skeleton: BTreeMap<String, Vec<&String>> = BTreeMap::new();
        for k in mentions.keys() {
            let skeleton: String = k.chars().filter(|c| c.is_alphanumeric()).collect();
            by_skeleton.entry(skeleton).or_default().push(k);
        }
        for list in by_skeleton.values().filter(|l| l.len() > 1) {
            let keep = list
                .iter()
                .max_by_key(|k| (source_count(&mentions[**k]), std::cmp::Reverse(**k)))
                .copied();
            if let Some(keep) = keep {
                for k in list.iter().filter(|k| **k != keep) {
                    merged.entry((*k).clone()).or_insert_with(|| keep.clone());
                }
            }
        }
        for (fold, keep) in &merged {
            if let Some(ms) = mentions.remove(fold) {
                mentions.entry(keep.clone()).or_default().extend(ms);
            }
        }
        // Names a person under one of the forms folded into them.
        let folded_people: BTreeSet<&String> = merged
            .iter()
            .filter(|(fold, _)| people.contains(*fold))
            .map(|(_, keep)| keep)
            .collect();
        for (key, ms) in mentions {
            let person = people.contains(&key) || folded_people.contains(&key);
            if !person {
                continue;
            }
            let mut forms: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
            for m in &ms {
                if m.form
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
                {
                    continue;
                }
                forms.entry(m.form.as_str()).or_default().insert(m.source);
            }
            // "Cleveland Metroparks zoo" beside "Cleveland Metroparks Zoo": a common word of
            // the name lower-cased, one the sources that capitalise it also write in lower
            // case elsewhere ("the zoo"), is house style, not a misspelt name.
            let lowered_common: Vec<&str> = forms
                .keys()
                .copied()
                .filter(|f| {
                    forms
                        .iter()
                        .any(|(g, srcs)| lowers_common_words(f, g, srcs, a))
                })
                .collect();
            for f in lowered_common {
                forms.remove(f);
            }
            // "Vicente del Bosque" and "Vicente Del Bosque": the case of a name particle is a
            // house style, not a misspelling.
            let styles: BTreeSet<String> = forms.keys().map(|f| fold_particles(f)).collect();
            if styles.len() < 2 {
                continue;
            }
            // A phrase some source writes all in lower case is a common noun ("rare earth"),
            // not a person's name.
            if forms.len() < 2 || forms.keys().any(|f| !f.chars().any(char::is_uppercase)) {
                continue;
            }
            let all_sources: BTreeSet<usize> = forms.values().flatten().copied().collect();
            if all_sources.len() < 2 {
                continue;
            }
            let canonical = forms
                .iter()
                .max_by_key(|(f, s)| {
                    (
                        s.len(),
                        f.split(' ')
                            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                            .count(),
                        f.len(),
                        std::cmp::Reverse(**f),
                    )
                })
                .map_or_else(|| key.clone(), |(f, _)| (*f).to_string());
            let variants: Vec<(&str, &BTreeSet<usize>)> = forms
                .iter()
                .filter(|(f, _)| **f != canonical)
                .map(|(f, s)| (*f, s))
                .collect();
            let ids = |s: &BTreeSet<usize>| {
                s.iter()
                    .map(|&i| a.story.sources[i].id.clone())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let writes = |s: &BTreeSet<usize>| if s.len() == 1 { "writes" } else { "write" };
            // The form most sources write first, then each source that departs.
            let mut parts = vec![format!(
                "{} {} \u{201c}{canonical}\u{201d}",
                ids(&forms[canonical.as_str()]),
                writes(&forms[canonical.as_str()])
            )];
            parts.extend(
                variants
                    .iter()
                    .map(|(f, s)| format!("{} {} \u{201c}{f}\u{201d}", ids(s), writes(s))),
            );
            let mut f = rule.finding(canonical.clone(), parts.join("; "));
            f.suggestion = Some(format!("write {canonical}"));
            // One mention per source: a variant where the source has one, else its first.
            let mut seen = BTreeSet::new();
            let mut chosen: Vec<&Mention> = ms
                .iter()
                .filter(|m| {
                    m.form != canonical
                        && forms.contains_key(m.form.as_str())
                        && seen.insert(m.source)
                })
                .collect();
            chosen.extend(
                ms.iter()
                    .filter(|m| m.form == canonical && seen.insert(m.source)),
            );
            chosen.sort_by_key(|m| (m.source, m.span.start));
            for m in chosen {
                f.values
                    .push(evidence(a, m.source, m.sentence, m.span, &m.form));
            }
            out.push(f);
        }
    }
}

/// Does form `f` differ from form `g` only by words `g` capitalises and `f` writes in lower
/// case, each of which a source writing `g` (`srcs`) also uses in lower case as a word of
/// its own ("zoo" in "the zoo")?
fn lowers_common_words(f: &str, g: &str, srcs: &BTreeSet<usize>, a: &Analysis) -> bool {
    let (fw, gw): (Vec<&str>, Vec<&str>) = (f.split(' ').collect(), g.split(' ').collect());
    if f == g || fw.len() != gw.len() {
        return false;
    }
    fw.iter().zip(&gw).all(|(x, y)| {
        x == y
            || (x.chars().next().is_some_and(char::is_lowercase)
                && y.chars().next().is_some_and(char::is_uppercase)
                && x.to_lowercase() == y.to_lowercase()
                && srcs.iter().any(|&s| {
                    let text = &a.story.sources[s].text;
                    text.match_indices(*x)
                        .any(|(i, _)| crate::text::is_whole_word(text, i, i + x.len()))
                }))
    })
}

/// A text lower-cased with every whitespace run made one space, remembering for each of
/// its bytes the byte of the original it came from (names are matched on this form, so a
/// line break or a double space inside a name does not hide it).
struct Folded {
    text: String,
    /// Original offset of each byte of `text`, plus one entry for its end.
    map: Vec<usize>,
    original_len: usize,
}

impl Folded {
    fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len() + 1);
        let mut in_space = false;
        for (i, c) in original.char_indices() {
            if c.is_whitespace() {
                if !in_space {
                    text.push(' ');
                    map.push(i);
                }
                in_space = true;
                continue;
            }
            in_space = false;
            let before = text.len();
            text.extend(c.to_lowercase());
            map.resize(text.len(), i);
            debug_assert!(text.len() > before);
        }
        map.push(original.len());
        Folded {
            text,
            map,
            original_len: original.len(),
        }
    }

    /// The original offset of folded byte `i`.
    fn at(&self, i: usize) -> usize {
        self.map.get(i).copied().unwrap_or(self.original_len)
    }

    /// Is `text[s..e]` a run of whole words (no letter or digit right outside it)?
    fn whole_words(&self, s: usize, e: usize) -> bool {
        self.text
            .slice(..s)
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
            && self
                .text
                .slice(e..)
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    }
}

/// Particles of names whose case varies by house style ("del Bosque", "Del Bosque", "van
/// Gogh", "Van Gogh", "bin Salman"), lower-cased; other words as written.
fn fold_particles(form: &str) -> String {
    form.split(' ')
        .map(|w| {
            let low = w.to_lowercase();
            if crate::words::is_particle(&low) {
                low
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn source_count(ms: &[Mention]) -> usize {
    ms.iter().map(|m| m.source).collect::<BTreeSet<_>>().len()
}
