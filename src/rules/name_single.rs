//! A one-word name (a town, a club, a surname used alone) spelt differently by one source:
//! "Harrowgate" where the others write "Harrogate".
//!
//! Words are capitalised words of six letters or more (a sentence's first word too);
//! each is filed under itself and under itself with one letter left out, so two words one
//! edit apart meet under a shared key, linear in the text. Precision first:
//! - the usual spelling is written by two sources or more, the variant by one alone;
//! - the two are one edit apart (a letter added, dropped, changed or two swapped), begin
//!   with the same letter and are not a plural or a derived word of each other
//!   (`near_spelling`);
//! - neither is ever written in lower case in the story (then it is a word of the language:
//!   "Marching"/"Matching");
//! - neither is a month, a weekday or an office, nor a person's surname that another
//!   person's surname nearly repeats (two people: "Johnson", "Jonson");
//! - the variant's sentence tells what a sentence of another source with the usual name
//!   tells (their other words alike: "Boston" and "Bolton" in unrelated sentences are two
//!   towns);
//! - a mention inside a name already reported is not reported again.

use std::collections::{BTreeMap, BTreeSet};

use super::name_spelling::near_spelling;
use crate::finding::{evidence, Finding};
use crate::story::Span;
use crate::text::Slice;
use crate::Analysis;

/// The shortest word checked: shorter words too often differ by a letter and mean two things.
const MIN_LETTERS: usize = 6;

/// How alike (fuzzy token similarity) the sentences of the variant and of the usual name
/// must be: the same thing told.
const SAME_TELLING: f64 = 0.5;

/// One mention of a word: source, sentence, span in the source, as written.
struct Mention {
    source: usize,
    sentence: usize,
    span: Span,
    form: String,
    /// A capitalised word follows (the word may be a given name: "Robert Hollis").
    runs_on: bool,
}

pub(super) fn run(rule: &super::Rule, a: &Analysis, out: &mut Vec<Finding>) {
    // Spans already reported by this rule, per source: a word inside them is not re-reported.
    let reported: Vec<(String, usize, usize)> = out
        .iter()
        .filter(|f| f.rule == rule.id)
        .flat_map(|f| {
            f.values
                .iter()
                .map(|v| (v.source.clone(), v.span.start, v.span.end))
        })
        .collect();
    // Words a finding of this rule already shows a source misspelling (in a longer name).
    let reported_words: BTreeSet<(String, String)> = out
        .iter()
        .filter(|f| f.rule == rule.id)
        .flat_map(|f| f.values.iter())
        .flat_map(|v| {
            v.text
                .split_whitespace()
                .map(|w| (v.source.clone(), w.to_lowercase()))
                .collect::<Vec<_>>()
        })
        .collect();
    let mut lower_words: BTreeSet<String> = BTreeSet::new();
    let mut mentions: BTreeMap<String, Vec<Mention>> = BTreeMap::new();
    for (si, doc) in a.docs.iter().enumerate() {
        for (i, sentence) in doc.sentences.iter().enumerate() {
            let text = doc.sentence_text(i);
            let toks = crate::words::tokens(text);
            for (k, &(s, e)) in toks.iter().enumerate() {
                let w = text.slice(s..e);
                let mut chars = w.chars();
                let Some(first) = chars.next() else { continue };
                if !w.chars().all(char::is_alphabetic) {
                    continue;
                }
                if first.is_lowercase() {
                    lower_words.insert(w.to_string());
                    continue;
                }
                // Capitalised (not a headline in capitals). A sentence's first word is taken
                // too ("Guardiolla said …"): an ordinary word there is written in lower case
                // elsewhere, which rules it out below.
                if !chars.all(char::is_lowercase) || w.chars().count() < MIN_LETTERS {
                    continue;
                }
                let low = w.to_lowercase();
                if crate::words::is_stop(&low)
                    || crate::extract::time::month_word(&low).is_some()
                    || crate::extract::time::weekday_word(&low).is_some()
                    || a.lexicons.entity.is_office(w)
                {
                    continue;
                }
                let span = doc.cleaned.text.to_span(
                    sentence.start + s,
                    sentence.start + e,
                    &a.story.sources[si].text,
                );
                let runs_on = toks.get(k + 1).is_some_and(|&(ns, ne)| {
                    text.slice(e..ns).chars().all(char::is_whitespace)
                        && text
                            .slice(ns..ne)
                            .chars()
                            .next()
                            .is_some_and(char::is_uppercase)
                });
                mentions.entry(low).or_default().push(Mention {
                    source: si,
                    sentence: i,
                    span,
                    form: w.to_string(),
                    runs_on,
                });
            }
        }
    }
    let sources = |w: &str| -> BTreeSet<usize> {
        mentions
            .get(w)
            .map(|m| m.iter().map(|x| x.source).collect())
            .unwrap_or_default()
    };
    // Surnames of people (a title, a quote): two people's names a letter apart are two people.
    let named: Vec<&str> = a
        .claims
        .iter()
        .filter_map(|c| match &c.value {
            crate::extract::Value::Title(t) => Some(t.person.as_str()),
            crate::extract::Value::Quote(q) => q.speaker_text.as_deref(),
            _ => None,
        })
        .collect();
    let people: BTreeSet<String> = named
        .iter()
        .filter_map(|p| p.split_whitespace().last())
        .map(str::to_lowercase)
        .collect();
    // Given names (every word of a person's name but the last).
    let given: BTreeSet<String> = named
        .iter()
        .flat_map(|p| {
            let words: Vec<&str> = p.split_whitespace().collect();
            words[..words.len().saturating_sub(1)]
                .iter()
                .map(|w| w.to_lowercase())
                .collect::<Vec<_>>()
        })
        .collect();
    // Each word under itself and each of its one-letter deletions.
    let mut filed: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for w in mentions.keys() {
        filed.entry(w.clone()).or_default().insert(w);
        let chars: Vec<char> = w.chars().collect();
        for k in 0..chars.len() {
            let key: String = chars
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != k)
                .map(|(_, c)| *c)
                .collect();
            filed.entry(key).or_default().insert(w);
        }
    }
    let mut pairs: BTreeSet<(&str, &str)> = BTreeSet::new();
    for words in filed.values().filter(|ws| ws.len() >= 2) {
        for &usual in words {
            for &variant in words {
                let (us, vs) = (sources(usual), sources(variant));
                if usual != variant
                    && us.len() >= 2
                    && vs.len() == 1
                    && strsim::damerau_levenshtein(usual, variant) == 1
                    && near_spelling(usual, variant)
                    && !(people.contains(usual) && people.contains(variant))
                    && !lower_words.contains(usual)
                    && !lower_words.contains(variant)
                {
                    pairs.insert((usual, variant));
                }
            }
        }
    }
    let mut alone: BTreeSet<&str> = BTreeSet::new();
    // A person's surname cut short by one source where it also names the person in full
    // ("Maria Hollister … Hollis said"): the surname of a person, the cut at most three
    // letters, the source writing both.
    for usual in people.iter().filter(|u| u.chars().count() > MIN_LETTERS) {
        let us = sources(usual);
        if us.len() < 2 || lower_words.contains(usual.as_str()) {
            continue;
        }
        let Some((usual, _)) = mentions.get_key_value(usual.as_str()) else {
            continue;
        };
        // The surname less its last one to three letters, looked up directly.
        let letters: Vec<char> = usual.chars().collect();
        for cut in 1..=3 {
            let short: String = letters[..letters.len() - cut].iter().collect();
            let Some((variant, _)) = mentions.get_key_value(short.as_str()) else {
                continue;
            };
            let vs = sources(variant);
            if vs.len() == 1
                && vs.is_subset(&us)
                && !people.contains(variant)
                && !lower_words.contains(variant)
            {
                pairs.insert((usual.as_str(), variant.as_str()));
                // Never a given name nor before another capitalised word: the surname
                // alone, cut short, wherever it stands ("Hollis said the car was found").
                if !given.contains(variant) && mentions[variant].iter().all(|m| !m.runs_on) {
                    alone.insert(variant.as_str());
                }
            }
        }
    }
    let id = |si: usize| a.story.sources[si].id.clone();
    // The words around a mention, without the name itself.
    let around = |m: &Mention| -> Vec<String> {
        let own = m.form.to_lowercase();
        crate::words::content_words(a.docs[m.source].sentence_text(m.sentence))
            .into_iter()
            .filter(|w| *w != own)
            .collect()
    };
    for (usual, variant) in pairs {
        let source = mentions[variant][0].source;
        if reported_words.contains(&(id(source), variant.to_string())) {
            continue;
        }
        // Names a letter apart are often two places or two people ("Boston", "Bolton"):
        // the variant must stand where another source writes the usual name, in a sentence
        // that tells the same thing.
        let told_alike = alone.contains(variant)
            || mentions[variant].iter().any(|v| {
                let mine = around(v);
                mentions[usual]
                    .iter()
                    .filter(|u| u.source != v.source)
                    .any(|u| crate::words::token_similarity(&mine, &around(u)) >= SAME_TELLING)
            });
        if !told_alike {
            continue;
        }
        let Some(shown) = mentions[variant].iter().find(|m| {
            !reported
                .iter()
                .any(|(src, s, e)| *src == id(m.source) && *s <= m.span.start && m.span.end <= *e)
        }) else {
            continue;
        };
        let mut seen = BTreeSet::from([shown.source]);
        let usual_shown: Vec<&Mention> = mentions[usual]
            .iter()
            .filter(|m| seen.insert(m.source))
            .take(4)
            .collect();
        let canonical = usual_shown
            .first()
            .map_or_else(|| usual.to_string(), |m| m.form.clone());
        let who: Vec<String> = usual_shown.iter().map(|m| id(m.source)).collect();
        let mut f = rule.finding(
            canonical.clone(),
            format!(
                "{} writes \u{201c}{}\u{201d}; {} write{} \u{201c}{canonical}\u{201d}",
                id(shown.source),
                shown.form,
                who.join(", "),
                if who.len() == 1 { "s" } else { "" }
            ),
        );
        f.suggestion = Some(format!("write {canonical}"));
        let how = if strsim::damerau_levenshtein(usual, variant) == 1 {
            "differ by one letter"
        } else {
            "differ by letters cut from the end of the person's surname"
        };
        f.note = Some(format!(
            "\u{201c}{}\u{201d} and \u{201c}{canonical}\u{201d} {how}; no source writes either as an ordinary word",
            shown.form
        ));
        f.values.push(evidence(
            a,
            shown.source,
            shown.sentence,
            shown.span,
            &shown.form,
        ));
        for m in usual_shown {
            f.values
                .push(evidence(a, m.source, m.sentence, m.span, &m.form));
        }
        out.push(f);
    }
}
