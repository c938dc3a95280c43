//! Spelling variants inside any name of several words: a bridge, an agency, a plant, a team,
//! a person ("the Frances Scott Key Bridge" where other sources write "Francis"; "Edgar
//! Thomas Plant" for "Edgar Thomson"; "Broke Purdy" for "Brock Purdy").
//!
//! Every word (four letters or more) of every run of capitalised words is filed under each
//! of its neighbours in the run ("Edgar *", "* Scott"): words filed under one neighbour are
//! candidates for one word of one name, so the work is linear in the text, a few entries
//! per word, never all pairs of names. A variant is reported
//! when the two words are spelled nearly alike (one or two letters, the same first letter),
//! the usual form is written by at least two sources and by more sources than the variant.
//! Whole-word changes ("Security"/"Safety", "North"/"South") are never variants: they are
//! often different bodies.

use std::collections::{BTreeMap, BTreeSet};

use crate::finding::{evidence, Finding};
use crate::story::Span;
use crate::text::Slice;
use crate::Analysis;

/// The longest run of capitalised words read as names (a longer one is a headline).
const MAX_RUN: usize = 10;
/// Mentions of the usual form shown per finding (the rest are counted in the message).
const MAX_SHOWN: usize = 4;

/// A key: the word beside the one left out, and which side of it that word stands
/// (`false`: the neighbour comes first, "Edgar *"; `true`: it follows, "* Purdy").
type Key = (String, bool);

/// A run of capitalised words: source, sentence, span in the source, and as written.
struct Run {
    source: usize,
    sentence: usize,
    span: Span,
    form: String,
}

/// One word of a name, filed under a neighbour.
struct Mention {
    /// Index of its run.
    run: usize,
    /// The word left out of the key, lower-case.
    word: String,
}

/// Are two words of a name spellings of one word? Nearly alike, same first letter, long
/// enough to tell (four letters), and not a plural or possessive of each other.
pub(super) fn near_spelling(x: &str, y: &str) -> bool {
    let (cx, cy) = (x.chars().count(), y.chars().count());
    if x == y
        || cx.min(cy) < 4
        || x.chars().next() != y.chars().next()
        || !x.chars().chain(y.chars()).all(char::is_alphabetic)
    {
        return false;
    }
    // A plural, or a word made from the other ("Republic"/"Republican", "Iran"/"Iranian",
    // "Japan"/"Japanese"): another word, not another spelling.
    let derived = |a: &str, b: &str| {
        b.strip_prefix(a).is_some_and(|tail| {
            matches!(
                tail,
                "s" | "es"
                    | "n"
                    | "an"
                    | "ian"
                    | "ans"
                    | "ese"
                    | "ish"
                    | "ic"
                    | "er"
                    | "ers"
                    | "ism"
                    | "ist"
            )
        })
    };
    if derived(x, y) || derived(y, x) {
        return false;
    }
    let distance = strsim::damerau_levenshtein(x, y);
    distance <= 1 || (distance <= 3 && strsim::jaro_winkler(x, y) >= 0.88 && cx.min(cy) >= 5)
}

/// Capitalised runs of one sentence: token spans, in the sentence's own offsets. A number
/// between two capitalised words is part of the run ("Mario Kart 8 World").
pub(super) fn runs(text: &str) -> Vec<Vec<(usize, usize)>> {
    let mut out: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut cur: Vec<(usize, usize)> = Vec::new();
    let mut prev_end = 0;
    let tokens = crate::words::tokens(text);
    let capitalised = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '.' || c == '\'' || c == '’' || c == '-')
    };
    for (k, &(s, e)) in tokens.iter().enumerate() {
        let w = text.slice(s..e);
        let gap = text.slice(prev_end..s);
        // An initialism's full stop does not part it from the name it opens ("U.S. Steel").
        let after_initialism = gap == ". "
            && cur
                .last()
                .is_some_and(|&(ps, pe)| text.slice(ps..pe).contains('.'))
            && !crate::words::is_stop(&w.to_lowercase());
        let joined = !cur.is_empty() && (gap == " " || after_initialism);
        let inner_number = joined
            && w.chars().all(|c| c.is_ascii_digit())
            && tokens.get(k + 1).is_some_and(|&(ns, ne)| {
                text.slice(e..ns) == " " && capitalised(text.slice(ns..ne))
            });
        let capital = (capitalised(w) || inner_number)
            && !(cur.is_empty() && crate::words::is_stop(&w.to_lowercase()));
        // "U.S. Steel's Edgar Thomson": a possessive ends one name.
        let after_possessive = cur.last().is_some_and(|&(ps, pe)| {
            matches!(text.slice(ps..pe).chars().last(), Some('s')) && {
                let w = text.slice(ps..pe);
                w.ends_with("'s") || w.ends_with("’s")
            }
        });
        if capital && (cur.is_empty() || joined) && !after_possessive {
            cur.push((s, e));
        } else {
            if cur.len() >= 2 {
                out.push(std::mem::take(&mut cur));
            }
            cur.clear();
            if capital {
                cur.push((s, e));
            }
        }
        prev_end = e;
    }
    if cur.len() >= 2 {
        out.push(cur);
    }
    // A headline in capitals, or a run too long to be a name, says nothing of spelling.
    out.retain(|r| {
        r.len() <= MAX_RUN
            && !r.iter().all(|&(s, e)| {
                text.slice(s..e)
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
            })
    });
    out
}

/// Lower-case word without a possessive.
pub(super) fn bare(w: &str) -> String {
    w.trim_end_matches("’s")
        .trim_end_matches("'s")
        .to_lowercase()
}

pub(super) fn run(
    rule: &super::Rule,
    a: &Analysis,
    already: &BTreeSet<String>,
    out: &mut Vec<Finding>,
) {
    // Each word of four letters or more, filed under each neighbour in its run: a few
    // entries per word, so the work and the memory are linear in the text.
    let mut filed: BTreeMap<Key, Vec<Mention>> = BTreeMap::new();
    let mut all_runs: Vec<Run> = Vec::new();
    for (si, doc) in a.docs.iter().enumerate() {
        for (i, sentence) in doc.sentences.iter().enumerate() {
            let text = doc.sentence_text(i);
            for mut run in runs(text) {
                // "Quarterback Brock Purdy": the office is not part of the name.
                let offices = run
                    .iter()
                    .take_while(|&&(s, e)| a.lexicons.entity.is_office(text.slice(s..e)))
                    .count();
                run.drain(..offices.min(run.len()));
                if run.len() < 2 {
                    continue;
                }
                let words: Vec<String> = run.iter().map(|&(s, e)| bare(text.slice(s..e))).collect();
                let (from, to) = (run[0].0, run[run.len() - 1].1);
                let span = doc.cleaned.text.to_span(
                    sentence.start + from,
                    sentence.start + to,
                    &a.story.sources[si].text,
                );
                all_runs.push(Run {
                    source: si,
                    sentence: i,
                    span,
                    form: text.slice(from..to).to_string(),
                });
                let r = all_runs.len() - 1;
                for (k, word) in words.iter().enumerate() {
                    if word.chars().count() < 4 || !word.chars().all(char::is_alphabetic) {
                        continue;
                    }
                    let neighbours = [
                        k.checked_sub(1).map(|p| (words[p].clone(), false)),
                        words.get(k + 1).map(|n| (n.clone(), true)),
                    ];
                    for key in neighbours.into_iter().flatten() {
                        filed.entry(key).or_default().push(Mention {
                            run: r,
                            word: word.clone(),
                        });
                    }
                }
            }
        }
    }
    // Candidates: (usual word, variant words) → the neighbour most mentions share.
    let mut best: BTreeMap<(String, Vec<String>), (usize, Key)> = BTreeMap::new();
    for (key, ms) in &filed {
        let mut sources: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
        for m in ms {
            sources
                .entry(m.word.as_str())
                .or_default()
                .insert(all_runs[m.run].source);
        }
        if sources.len() < 2 {
            continue;
        }
        // The usual spelling: written by the most sources (then the longer word).
        let Some((usual, usual_sources)) = sources
            .iter()
            .max_by_key(|(w, s)| (s.len(), w.len(), std::cmp::Reverse(**w)))
        else {
            continue;
        };
        if usual_sources.len() < 2 {
            continue;
        }
        let variants: Vec<String> = sources
            .iter()
            .filter(|(w, s)| {
                *w != usual && s.len() < usual_sources.len() && near_spelling(usual, w)
            })
            .map(|(w, _)| (*w).to_string())
            .collect();
        if variants.is_empty() {
            continue;
        }
        // Of the neighbours that show one variant, the one most mentions share.
        let weight = ms.len();
        let entry = best
            .entry(((*usual).to_string(), variants))
            .or_insert((0, key.clone()));
        if weight > entry.0 {
            *entry = (weight, key.clone());
        }
    }
    for ((usual, variants), (_, key)) in best {
        let ms = &filed[&key];
        // A word's usual form: the run its mentions write most often, then the shortest.
        let form_of = |w: &str| {
            let mut count: BTreeMap<&str, usize> = BTreeMap::new();
            for m in ms.iter().filter(|m| m.word == w) {
                *count.entry(all_runs[m.run].form.as_str()).or_default() += 1;
            }
            count
                .into_iter()
                .max_by_key(|(f, n)| (*n, std::cmp::Reverse(f.len()), std::cmp::Reverse(*f)))
                .map_or_else(|| w.to_string(), |(f, _)| f.to_string())
        };
        let canonical = form_of(&usual);
        if already.iter().any(|s| s.eq_ignore_ascii_case(&canonical)) {
            continue;
        }
        let ids = |w: &str| {
            ms.iter()
                .filter(|m| m.word == w)
                .map(|m| a.story.sources[all_runs[m.run].source].id.as_str())
                .collect::<BTreeSet<_>>()
        };
        let mut parts: Vec<String> = variants
            .iter()
            .map(|v| {
                let who: Vec<&str> = ids(v).into_iter().collect();
                format!("{} writes \u{201c}{}\u{201d}", who.join(", "), form_of(v))
            })
            .collect();
        // The usual spelling in each form its sources write it (each source once).
        let mut by_form: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        let mut placed = BTreeSet::new();
        for m in ms.iter().filter(|m| m.word == usual) {
            let r = &all_runs[m.run];
            if placed.insert(r.source) {
                by_form
                    .entry(r.form.as_str())
                    .or_default()
                    .insert(a.story.sources[r.source].id.as_str());
            }
        }
        for (form, who) in by_form {
            parts.push(format!(
                "{} write{} \u{201c}{form}\u{201d}",
                who.iter().copied().collect::<Vec<_>>().join(", "),
                if who.len() == 1 { "s" } else { "" }
            ));
        }
        let mut f = rule.finding(canonical.clone(), parts.join("; "));
        f.suggestion = Some(format!("write {canonical}"));
        f.note = Some(format!(
            "\u{201c}{}\u{201d} and \u{201c}{usual}\u{201d} differ by a letter or two in one word of a name the other words of which agree",
            variants.join("\u{201d}, \u{201c}")
        ));
        // Every variant mention's source once, then the usual form's first few sources.
        let mut seen = BTreeSet::new();
        let mut chosen: Vec<&Run> = ms
            .iter()
            .map(|m| (m, &all_runs[m.run]))
            .filter(|(m, r)| variants.contains(&m.word) && seen.insert(r.source))
            .map(|(_, r)| r)
            .collect();
        chosen.extend(
            ms.iter()
                .map(|m| (m, &all_runs[m.run]))
                .filter(|(m, r)| m.word == usual && seen.insert(r.source))
                .map(|(_, r)| r)
                .take(MAX_SHOWN),
        );
        chosen.sort_by_key(|r| (r.source, r.span.start));
        for r in chosen {
            f.values
                .push(evidence(a, r.source, r.sentence, r.span, &r.form));
        }
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_spellings_of_a_name_word() {
        for (x, y) in [
            ("frances", "francis"),
            ("thompson", "thomson"),
            ("thomas", "thomson"),
            ("broke", "brock"),
            ("lagard", "lagarde"),
        ] {
            assert!(near_spelling(x, y), "{x} / {y}");
        }
        for (x, y) in [
            ("security", "safety"),
            ("north", "south"),
            ("board", "boards"),
            ("republic", "republican"),
            ("bank", "park"),
            ("mark", "mike"),
            ("key", "kay"),
        ] {
            assert!(!near_spelling(x, y), "{x} / {y}");
        }
    }

    #[test]
    fn runs_are_capitalised_words_joined_by_one_space() {
        let t = "In Baltimore, the Frances Scott Key Bridge fell. THE HEADLINE WORDS";
        let words: Vec<Vec<&str>> = runs(t)
            .into_iter()
            .map(|r| r.iter().map(|&(s, e)| t.slice(s..e)).collect())
            .collect();
        assert_eq!(words, [vec!["Frances", "Scott", "Key", "Bridge"]]);
    }
}
