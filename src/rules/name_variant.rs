//! `name-variant`: one person written differently across sources (case or spelling).
//!
//! The names sources write in full ("Howard Lutnick") are looked for in every source's
//! cleaned text, whatever the case, so "howard Lutnick" is found even though it does not
//! read as a name. Full names with the same given name whose surnames are near-identical
//! ("Lagard"/"Lagarde") are one person written two ways; different given names are never
//! merged ("Ryan Hass" is not "Kevin Hassett"). All-capital headline forms are not variants.

use std::collections::{BTreeMap, BTreeSet};

use regex::Regex;

use super::{Check, Rule};
use crate::extract::Value;
use crate::report::{evidence, Finding};
use crate::story::Span;
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
                let sentence = a.docs[c.source].sentence_text(c.sentence).to_lowercase();
                let after = sentence.split(&n.key).nth(1).unwrap_or("");
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
        let alternatives: Vec<String> = keys
            .iter()
            .map(|k| {
                k.split(' ')
                    .map(regex::escape)
                    .collect::<Vec<_>>()
                    .join(r"\s+")
            })
            .collect();
        let Ok(re) = Regex::new(&format!(r"(?i)\b(?:{})\b", alternatives.join("|"))) else {
            return;
        };
        let mut mentions: BTreeMap<String, Vec<Mention>> = BTreeMap::new();
        for (si, doc) in a.docs.iter().enumerate() {
            let text = doc.cleaned.text.as_str();
            for m in re.find_iter(text) {
                let Some(sentence) = sentence_of(a, si, m.start()) else {
                    continue;
                };
                let key = m
                    .as_str()
                    .to_lowercase()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                let span = doc
                    .cleaned
                    .text
                    .to_span(m.start(), m.end(), &a.story.sources[si].text);
                mentions.entry(key).or_default().push(Mention {
                    source: si,
                    sentence,
                    span,
                    form: m.as_str().split_whitespace().collect::<Vec<_>>().join(" "),
                });
            }
        }
        // Spelling variants: same given name, near-identical surname, written by different sources.
        let list: Vec<String> = mentions.keys().cloned().collect();
        let mut merged: BTreeMap<String, String> = BTreeMap::new();
        for (x, kx) in list.iter().enumerate() {
            for ky in &list[x + 1..] {
                let (gx, sx) = kx.rsplit_once(' ').unwrap_or(("", kx));
                let (gy, sy) = ky.rsplit_once(' ').unwrap_or(("", ky));
                if gx.is_empty() || gx != gy || sx.chars().count() < 4 || sy.chars().count() < 4 {
                    continue;
                }
                if strsim::levenshtein(sx, sy) <= 2 && strsim::jaro_winkler(sx, sy) >= 0.9 {
                    let (nx, ny) = (source_count(&mentions[kx]), source_count(&mentions[ky]));
                    let (keep, fold) = if nx >= ny { (kx, ky) } else { (ky, kx) };
                    merged.insert(fold.clone(), keep.clone());
                }
            }
        }
        for (fold, keep) in &merged {
            if let Some(ms) = mentions.remove(fold) {
                mentions.entry(keep.clone()).or_default().extend(ms);
            }
        }
        for (key, ms) in mentions {
            let person = people.contains(&key)
                || merged
                    .iter()
                    .any(|(fold, keep)| *keep == key && people.contains(fold));
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
            let mut parts: Vec<String> = variants
                .iter()
                .map(|(f, s)| format!("{} writes \u{201c}{f}\u{201d}", ids(s)))
                .collect();
            parts.push(format!(
                "{} write{} \u{201c}{canonical}\u{201d}",
                ids(&forms[canonical.as_str()]),
                if forms[canonical.as_str()].len() == 1 {
                    "s"
                } else {
                    ""
                }
            ));
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

fn source_count(ms: &[Mention]) -> usize {
    ms.iter().map(|m| m.source).collect::<BTreeSet<_>>().len()
}
