//! Whole-word changes in a name of several words: one word replaced ("the National
//! Transportation Security Board" where other sources write "Safety"; "U.S. Steelworkers"
//! for "United Steelworkers", a first word read as a country's initialism), dropped ("Kansas
//! Chiefs" for "Kansas City Chiefs") or added (a word that makes another name: "Mario Kart 8
//! World" blends "Mario Kart World" and "Mario Kart 8 Deluxe").
//!
//! Names are the runs of capitalised words `name_spelling` reads, and their first and last
//! words (a run's prefixes and suffixes: "United Steelworkers" inside "United Steelworkers
//! Union"), so the work is linear in the text. A name is filed under itself with one word
//! left out: two names filed together differ in that one word. Precision comes first, as one
//! word often tells two bodies apart ("House"/"Senate", "North"/"South"):
//! - the usual form is written by at least two sources, and by more than the variant, which
//!   one source alone writes; or, for a long official name (four words or more), each form
//!   by one source that never writes the other;
//! - a replaced word is inside a name of three words or more, never its first (what tells
//!   "Manchester City" from "Mexico City") nor its last (the head: "Kansas City Chiefs" and
//!   "Kansas City Royals"), shares its first letter with the usual word ("Safety"/"Security"),
//!   is no number, direction, month or weekday, and is no abbreviation of it
//!   ("Dept."/"Department");
//! - a dropped or added word is inside the name (never its first or last word), is no
//!   initial ("George W. Bush"), and with the word before it forms a name other sources write
//!   by itself ("Kansas City"), so that dropping it names another thing ("Kansas"), or
//!   continues another name some source writes whole (a blend, even with a number: "Mario
//!   Kart 8 World"; "Super Bowl 58 MVP" is no blend);
//! - a first word is replaced only by a country's initialism that opens another name ("U.S."
//!   is "United States", not "United");
//! - a person's name never changes by a given name ("Jill Biden" is not "Joe Biden").

use std::collections::{BTreeMap, BTreeSet};

use super::name_spelling::{bare, near_spelling, runs};
use crate::finding::{evidence, Finding};
use crate::story::Span;
use crate::text::Slice;
use crate::Analysis;

/// The longest name compared (a longer run is cut into its first and last words).
const MAX_WORDS: usize = 6;
/// Mentions of the usual form shown per finding.
const MAX_SHOWN: usize = 4;

/// Words whose change names another place or body, never a slip ("North"/"South").
const CONTRASTS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "upper",
    "lower",
    "new",
    "old",
    "first",
    "second",
    "third",
    "fourth",
    "senior",
    "junior",
    "men's",
    "women's",
    "mens",
    "womens",
    "city",
    "county",
    "state",
    "national",
    "international",
    "federal",
    "regional",
    "central",
    "district",
    "provincial",
    "municipal",
];

/// Initialisms of countries and unions that open names, and the words they stand for:
/// "U.S. Steelworkers" is not "United Steelworkers" (general knowledge, not one story's).
const INITIALISMS: &[(&str, &str)] = &[
    ("u.s", "united states"),
    ("us", "united states"),
    ("u.k", "united kingdom"),
    ("uk", "united kingdom"),
    ("u.n", "united nations"),
    ("un", "united nations"),
    ("e.u", "european union"),
    ("eu", "european union"),
    ("u.a.e", "united arab emirates"),
    ("uae", "united arab emirates"),
];

/// The fewest words of a name two sources alone may be compared on: a long official name
/// ("National Transportation Safety Board") has one form, so one word changed in it is a
/// slip, whichever source has it.
const ONE_TO_ONE_WORDS: usize = 4;

/// One written name: source, sentence, span in the source, and as written.
struct Occurrence {
    source: usize,
    sentence: usize,
    span: Span,
    form: String,
}

/// A word that cannot tell a slip from another name: a number, a month, a weekday, a
/// direction or another word of contrast.
fn contrastive(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit())
        || CONTRASTS.contains(&w)
        || crate::extract::time::month_word(w).is_some()
        || crate::extract::time::weekday_word(w).is_some()
}

/// Is one word an abbreviation of the other ("Dept." and "Department", "Corp." and
/// "Corporation", "St." and "Saint", "Pte" and "Private")? A word with a full stop, or of
/// four letters at most without one, whose letters come in order in the other, from its
/// first letter.
fn abbreviates(short: &str, long: &str) -> bool {
    // "Pte"/"Private", "Ltd"/"Limited": a short word without its full stop.
    let letters = short.strip_suffix('.').unwrap_or(short);
    let dotless = letters.len() == short.len();
    if letters.is_empty()
        || letters.contains('.')
        || dotless
            && (letters.chars().count() > 4 || long.chars().count() <= letters.chars().count() + 1)
    {
        return false;
    }
    let mut rest = long.chars();
    letters.chars().next() == long.chars().next() && letters.chars().all(|c| rest.any(|l| l == c))
}

/// May `variant` stand for `usual` by a slip of one whole word?
fn replaceable(usual: &str, variant: &str) -> bool {
    usual.chars().next() == variant.chars().next()
        && !contrastive(usual)
        && !contrastive(variant)
        && !near_spelling(usual, variant)
        && !abbreviates(usual, variant)
        && !abbreviates(variant, usual)
        && usual.trim_end_matches('.') != variant.trim_end_matches('.')
}

/// An initial ("W.", "J") that a name may carry or not.
fn initial(w: &str) -> bool {
    let letters = w.trim_end_matches('.');
    letters.chars().count() <= 1 && letters.chars().all(char::is_alphabetic)
}

/// The names of people: those some source gives a title, has speak, or quotes.
fn surnames(a: &Analysis) -> BTreeSet<String> {
    use crate::extract::Value;
    let mut out = BTreeSet::new();
    for c in &a.claims {
        let person = match &c.value {
            Value::Title(t) => Some(t.person.as_str()),
            Value::Quote(q) => q.speaker_text.as_deref(),
            _ => None,
        };
        if let Some(last) = person.and_then(|p| p.split_whitespace().last()) {
            out.insert(bare(last));
        }
    }
    out
}

pub(super) fn run(rule: &super::Rule, a: &Analysis, out: &mut Vec<Finding>) {
    // Names already reported (as a person's or a spelling variant) are not reported again.
    let reported: BTreeSet<(String, usize)> = out
        .iter()
        .filter(|f| f.rule == rule.id)
        .flat_map(|f| f.values.iter().map(|v| (v.source.clone(), v.span.start)))
        .collect();
    let people = surnames(a);
    let mut occurrences: Vec<Occurrence> = Vec::new();
    // Each name (a sequence of lower-case words) → its occurrences.
    let mut names: BTreeMap<Vec<String>, Vec<usize>> = BTreeMap::new();
    // Names written whole (a run by itself, not inside a longer one) → their sources.
    let mut whole: BTreeMap<Vec<String>, BTreeSet<usize>> = BTreeMap::new();
    for (si, doc) in a.docs.iter().enumerate() {
        for (i, sentence) in doc.sentences.iter().enumerate() {
            let text = doc.sentence_text(i);
            for mut run in runs(text) {
                let offices = run
                    .iter()
                    .take_while(|&&(s, e)| a.lexicons.entity.is_office(text.slice(s..e)))
                    .count();
                // A country's initialism alone before a name is part of it ("U.S. Steel").
                let initialism = offices == 1
                    && INITIALISMS
                        .iter()
                        .any(|(i, _)| bare(text.slice(run[0].0..run[0].1)) == *i);
                if !initialism {
                    run.drain(..offices.min(run.len()));
                }
                let words: Vec<String> = run.iter().map(|&(s, e)| bare(text.slice(s..e))).collect();
                let n = words.len();
                whole.entry(words.clone()).or_default().insert(si);
                // The run, its first words and its last words, of two to six words.
                let mut parts: BTreeSet<(usize, usize)> = BTreeSet::new();
                for len in 2..=n.min(MAX_WORDS) {
                    parts.insert((0, len));
                    parts.insert((n - len, n));
                }
                for (from, to) in parts {
                    let span = doc.cleaned.text.to_span(
                        sentence.start + run[from].0,
                        sentence.start + run[to - 1].1,
                        &a.story.sources[si].text,
                    );
                    occurrences.push(Occurrence {
                        source: si,
                        sentence: i,
                        span,
                        form: text.slice(run[from].0..run[to - 1].1).to_string(),
                    });
                    names
                        .entry(words[from..to].to_vec())
                        .or_default()
                        .push(occurrences.len() - 1);
                }
            }
        }
    }
    // (usual name, variant name, the word of each that differs)
    let mut pairs: Vec<(Vec<String>, Vec<String>, String, String)> = Vec::new();
    // How many sources write each name, counted once.
    let spread: BTreeMap<&Vec<String>, usize> = names
        .iter()
        .map(|(name, occ)| {
            let ids: BTreeSet<usize> = occ.iter().map(|&o| occurrences[o].source).collect();
            (name, ids.len())
        })
        .collect();
    let sources = |name: &Vec<String>| spread.get(name).copied().unwrap_or(0);
    let names_sources = |name: &Vec<String>| -> BTreeSet<usize> {
        names
            .get(name)
            .map(|occ| occ.iter().map(|&o| occurrences[o].source).collect())
            .unwrap_or_default()
    };
    // A first word read as a country's initialism: "U.S. Steelworkers" where the others write
    // "United Steelworkers" ("U.S." is "United States", another body's name).
    for name in names.keys().filter(|n| n.len() >= 2) {
        let Some((_, expansion)) = INITIALISMS.iter().find(|(i, _)| *i == name[0]) else {
            continue;
        };
        let Some(opening) = expansion.split(' ').next() else {
            continue;
        };
        let mut other = name.clone();
        other[0] = opening.to_string();
        if !names.contains_key(&other) {
            continue;
        }
        let (ns, os) = (sources(name), sources(&other));
        if ns >= 2 && os == 1 {
            pairs.push((
                name.clone(),
                other.clone(),
                name[0].clone(),
                other[0].clone(),
            ));
        } else if os >= 2 && ns == 1 {
            pairs.push((
                other.clone(),
                name.clone(),
                other[0].clone(),
                name[0].clone(),
            ));
        }
    }
    // A replaced word: names filed under themselves with one word (not the last) left out.
    let mut filed: BTreeMap<(Vec<String>, usize), Vec<&Vec<String>>> = BTreeMap::new();
    for name in names.keys().filter(|n| n.len() >= 3) {
        for k in 1..name.len() - 1 {
            let mut key = name.clone();
            key[k] = String::new();
            filed.entry((key, k)).or_default().push(name);
        }
    }
    for ((_, k), group) in &filed {
        if group.len() < 2 {
            continue;
        }
        let Some(usual) = group
            .iter()
            .max_by_key(|n| (sources(n), std::cmp::Reverse(*n)))
        else {
            continue;
        };
        let usual_sources = sources(usual);
        for variant in group.iter().filter(|v| *v != usual) {
            let variant_sources = sources(variant);
            // A person's given name is never a slip of another's.
            let person = usual.len() == 2 && people.contains(&usual[1]);
            // Two sources alone, one form each: only a long official name, whose two
            // forms never meet in one source.
            let one_to_one = usual_sources == 1
                && group.len() == 2
                && usual.len() >= ONE_TO_ONE_WORDS
                && names_sources(usual).is_disjoint(&names_sources(variant));
            if (usual_sources >= 2 || one_to_one)
                && variant_sources == 1
                && !person
                && replaceable(&usual[*k], &variant[*k])
            {
                pairs.push((
                    (*usual).clone(),
                    (*variant).clone(),
                    usual[*k].clone(),
                    variant[*k].clone(),
                ));
            }
        }
    }
    // A word dropped or added inside a name, that breaks a name of two words other sources
    // write by itself ("Kansas City Chiefs" → "Kansas Chiefs", where "Kansas City" is a
    // city): a shortening that keeps the name's parts ("Synergy Marine Group" → "Synergy
    // Group", "Baltimore Key Bridge" → "Baltimore Bridge") is no slip.
    let compound = |pair: &[String]| whole.get(pair).is_some_and(|s| s.len() >= 2);
    // A blend of two names: the added word continues another name some source writes whole
    // ("Mario Kart 8 World", where "Mario Kart 8 Deluxe" is another product).
    let blend = |long: &[String], k: usize| {
        whole
            .range(long[..=k].to_vec()..)
            .take_while(|(n, _)| n.starts_with(&long[..=k]))
            .any(|(n, _)| n.len() > k + 1 && n[k + 1] != long[k + 1])
    };
    for long in names.keys().filter(|n| n.len() >= 3) {
        for k in 1..long.len() - 1 {
            let alphabetic = long[k].chars().all(char::is_alphabetic);
            if initial(&long[k]) || !(alphabetic && compound(&long[k - 1..=k]) || blend(long, k)) {
                continue;
            }
            let mut short = long.clone();
            let word = short.remove(k);
            if !names.contains_key(&short) || people.contains(&long[long.len() - 1]) {
                continue;
            }
            let (ls, ss) = (sources(long), sources(&short));
            if ls >= 2 && ss == 1 {
                pairs.push((long.clone(), short, word, String::new()));
            } else if ss >= 2 && ls == 1 {
                pairs.push((short, long.clone(), String::new(), word));
            }
        }
    }
    // One finding per variant name, for the longest usual form that explains it.
    pairs.sort_by_key(|p| (p.1.clone(), std::cmp::Reverse(p.0.len()), p.0.clone()));
    pairs.dedup_by(|x, y| x.1 == y.1);
    // A variant inside a longer variant already explained says nothing new.
    let variants: Vec<Vec<String>> = pairs.iter().map(|p| p.1.clone()).collect();
    for (usual, variant, was, is) in pairs {
        let inside_longer = variants.iter().any(|v| {
            v.len() > variant.len() && v.windows(variant.len()).any(|w| w == variant.as_slice())
        });
        if inside_longer {
            continue;
        }
        let occ = |name: &[String]| names.get(name).map_or(&[][..], Vec::as_slice);
        let id = |o: &Occurrence| a.story.sources[o.source].id.clone();
        // The variant's mentions not already reported.
        let shown: Vec<&Occurrence> = occ(&variant)
            .iter()
            .map(|&o| &occurrences[o])
            .filter(|o| !reported.contains(&(id(o), o.span.start)))
            .collect();
        let Some(first) = shown.first() else {
            continue;
        };
        let mut by_form: BTreeMap<&str, usize> = BTreeMap::new();
        for &o in occ(&usual) {
            *by_form.entry(occurrences[o].form.as_str()).or_default() += 1;
        }
        let canonical = by_form
            .iter()
            .max_by_key(|(f, n)| (**n, std::cmp::Reverse(**f)))
            .map_or_else(|| usual.join(" "), |(f, _)| (*f).to_string());
        let mut seen = BTreeSet::new();
        let usual_shown: Vec<&Occurrence> = occ(&usual)
            .iter()
            .map(|&o| &occurrences[o])
            .filter(|o| o.source != first.source && seen.insert(o.source))
            .collect();
        let who: Vec<String> = usual_shown.iter().map(|o| id(o)).collect();
        let mut f = rule.finding(
            canonical.clone(),
            format!(
                "{} writes \u{201c}{}\u{201d}; {} write{} \u{201c}{canonical}\u{201d}",
                id(first),
                first.form,
                who.join(", "),
                if who.len() == 1 { "s" } else { "" }
            ),
        );
        f.suggestion = Some(format!("write {canonical}"));
        f.note = Some(match (was.is_empty(), is.is_empty()) {
            (false, false) => format!(
                "\u{201c}{is}\u{201d} where the other sources write \u{201c}{was}\u{201d}: one whole word of the name differs, which may name another body"
            ),
            (false, true) => format!(
                "\u{201c}{was}\u{201d}, which the other sources write inside the name, is missing"
            ),
            _ => format!(
                "\u{201c}{is}\u{201d} is added inside a name the other sources write without it"
            ),
        });
        f.values.push(evidence(
            a,
            first.source,
            first.sentence,
            first.span,
            &first.form,
        ));
        for o in usual_shown.into_iter().take(MAX_SHOWN) {
            f.values
                .push(evidence(a, o.source, o.sentence, o.span, &o.form));
        }
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn which_words_may_replace_each_other() {
        for (x, y) in [
            ("safety", "security"),
            ("united", "u.s."),
            ("supreme", "superior"),
        ] {
            assert!(replaceable(x, y), "{x} / {y}");
        }
        for (x, y) in [
            ("house", "senate"),
            ("north", "new"),
            ("department", "dept."),
            ("corporation", "corp."),
            ("private", "pte"),
            ("limited", "ltd"),
            ("thomson", "thompson"),
            ("first", "fourth"),
            ("2", "20"),
        ] {
            assert!(!replaceable(x, y), "{x} / {y}");
        }
    }
}
