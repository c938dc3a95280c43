//! Where a statement applies: the places a clause names (countries, regions by their
//! countries), everywhere ("around the world"), or everywhere but a place ("outside the
//! U.S."). Used by `plan-status` and `date-conflict`: two statements about places that do
//! not overlap are about different things.

use std::collections::BTreeSet;

use crate::text::Slice;
use crate::Analysis;

/// Where a statement applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Places {
    Unnamed,
    Everywhere,
    Only(BTreeSet<String>),
    Except(BTreeSet<String>),
}

/// The countries a place stands for: a region's countries, else the place itself.
pub(crate) fn countries(a: &Analysis, places: &BTreeSet<String>) -> BTreeSet<String> {
    let regions = &a.lexicons.quantity.regions;
    places
        .iter()
        .flat_map(|p| regions.get(p).cloned().unwrap_or_else(|| vec![p.clone()]))
        .collect()
}

/// Whether two statements' places overlap. A statement that names no place overlaps
/// another that names none, and one that names a place only when `unnamed_anywhere` (a
/// date told without a place is the story's, wherever that is).
pub(crate) fn overlap(a: &Analysis, x: &Places, y: &Places, unnamed_anywhere: bool) -> bool {
    match (x, y) {
        (Places::Unnamed, Places::Unnamed) => true,
        (Places::Unnamed, _) | (_, Places::Unnamed) => unnamed_anywhere,
        (Places::Everywhere, _)
        | (_, Places::Everywhere)
        | (Places::Except(_), Places::Except(_)) => true,
        (Places::Except(out), Places::Only(only)) | (Places::Only(only), Places::Except(out)) => {
            let out = countries(a, out);
            let only = countries(a, only);
            !only.is_subset(&out)
        }
        (Places::Only(one), Places::Only(other)) => {
            !countries(a, one).is_disjoint(&countries(a, other))
        }
    }
}

/// The places named after an exception phrase ("outside", "with the exception of") in
/// `text`, when it has one that names any.
fn excepted(a: &Analysis, text: &str) -> Option<BTreeSet<String>> {
    let m = a
        .lexicons
        .stance
        .except_re
        .iter()
        .find_map(|r| r.find(text))?;
    let after = text.slice(m.end()..);
    let end = crate::text::window_end(after, 0, 40);
    let out = crate::extract::quantity::named_places(&a.lexicons.quantity, after.slice(..end));
    (!out.is_empty()).then_some(out)
}

/// The places of a clause: everywhere, everywhere but what follows an `except` phrase,
/// what it names, or (naming nothing) what its sentence names.
pub(crate) fn places_of(a: &Analysis, clause: &str, sentence: &str) -> Places {
    let lex = &a.lexicons.stance;
    // "around the world, with the exception of the U.S.": the exception first.
    if let Some(out) = excepted(a, clause) {
        return Places::Except(out);
    }
    if lex.everywhere_re.iter().any(|r| r.is_match(clause)) {
        // "went live around the world on April 9, with one notable exception: fans in the
        // United States": an exception later in the sentence qualifies "everywhere".
        if let Some(out) = excepted(a, sentence) {
            return Places::Except(out);
        }
        return Places::Everywhere;
    }
    let named = crate::extract::quantity::named_places(&a.lexicons.quantity, clause);
    if !named.is_empty() {
        return Places::Only(named);
    }
    let named = crate::extract::quantity::named_places(&a.lexicons.quantity, sentence);
    if named.is_empty() {
        Places::Unnamed
    } else {
        Places::Only(named)
    }
}

/// The places of the clause that holds a claim (its sentence cut at a semicolon or a contrast, `text::clause_bounds`), by
/// what that clause alone names: "pre-orders open in North America on April 9, while
/// customers in Europe can order from April 8" gives each date its own place.
pub(crate) fn claim_places(a: &Analysis, c: &crate::extract::Claim) -> Places {
    let Some(s) = a
        .docs
        .get(c.source)
        .and_then(|d| d.sentences.get(c.sentence))
    else {
        return Places::Unnamed;
    };
    let text = a.story.sources[c.source].text.as_str();
    let sentence = text.slice(s.span.start..s.span.end);
    let at = c
        .span
        .start
        .saturating_sub(s.span.start)
        .min(sentence.len());
    let (from, to) = crate::text::clause_bounds(sentence, at);
    let clause = sentence.slice(from..to);
    places_of(a, clause, clause)
}

/// Where a statement applies, for a message: "in Europe", "everywhere", "everywhere but the US";
/// nothing when its clause names no place.
pub(crate) fn describe_places(p: &Places) -> Option<String> {
    // Places are keyed in lower case: "europe" → "Europe", "us" → "US".
    let shown = |p: &String| {
        if p.len() <= 3 {
            p.to_uppercase()
        } else {
            p.split(' ')
                .map(|w| {
                    let mut c = w.chars();
                    c.next()
                        .map(|f| f.to_uppercase().chain(c).collect::<String>())
                        .unwrap_or_default()
                })
                .collect::<Vec<_>>()
                .join(" ")
        }
    };
    let list = |set: &std::collections::BTreeSet<String>| {
        set.iter().map(shown).collect::<Vec<_>>().join(" and ")
    };
    match p {
        Places::Unnamed => None,
        Places::Everywhere => Some("everywhere".into()),
        Places::Only(set) => Some(format!("in {}", list(set))),
        Places::Except(set) => Some(format!("everywhere but {}", list(set))),
    }
}
