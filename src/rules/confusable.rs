//! `identifier-confusable`: a product code written with a confusable character.
//!
//! Against the known list: a code not on any family's list whose skeleton (O/0, I/l/1,
//! S/5, B/8, Z/2 unified) equals a listed code's, in a sentence with that family's context
//! words. Across sources: two sources writing codes with one skeleton differently, where
//! neither is listed (the suggestion is the form most sources use). One finding per
//! intended code, naming every source that wrote it wrong.

use std::collections::BTreeMap;

use super::{Check, Rule};
use crate::extract::identifier::{skeleton, Identifier};
use crate::extract::Value;
use crate::finding::Finding;
use crate::Analysis;

pub struct Confusable;

fn identifier<'a>(a: &'a Analysis, i: usize) -> Option<&'a Identifier> {
    match &a.claims[i].value {
        Value::Identifier(id) => Some(id),
        _ => None,
    }
}

impl Check for Confusable {
    fn run(&self, rule: &Rule, a: &Analysis, out: &mut Vec<Finding>) {
        let families = &a.lexicons.identifier.family;
        // intended code → (family name, claims written wrongly)
        let mut wrong: BTreeMap<String, (String, Vec<usize>)> = BTreeMap::new();
        let listed = |code: &str| families.iter().any(|f| f.codes.iter().any(|c| c == code));
        for i in 0..a.claims.len() {
            let Some(id) = identifier(a, i) else { continue };
            if listed(&id.code) {
                continue;
            }
            for f in families {
                let in_context = f.context.iter().any(|w| id.words.binary_search(w).is_ok());
                if !in_context {
                    continue;
                }
                if let Some(target) = f
                    .codes
                    .iter()
                    .find(|c| skeleton(c) == id.skeleton && c.as_str() != id.code)
                {
                    wrong
                        .entry(target.clone())
                        .or_insert_with(|| (f.name.clone(), Vec::new()))
                        .1
                        .push(i);
                    break;
                }
            }
        }
        for (target, (family, claims)) in wrong {
            // One example of each source's each wrong form: a page repeating a code a
            // thousand times is one finding with one value per form, not a thousand.
            let mut forms = std::collections::BTreeSet::new();
            let claims: Vec<usize> = claims
                .into_iter()
                .filter(|&i| forms.insert((a.claims[i].source, a.claims[i].text.as_str())))
                .collect();
            let written: Vec<String> = claims
                .iter()
                .map(|&i| {
                    format!(
                        "{} writes {}",
                        a.story.sources[a.claims[i].source].id, a.claims[i].text
                    )
                })
                .collect();
            let mut f = rule.finding(
                format!("{target} ({family})"),
                format!("{}; the known identifier is {target}", written.join(", ")),
            );
            f.suggestion = Some(format!("write {target}"));
            f.note = Some(format!("{} differs from {target} only by confusable characters (O/0, I/l/1, S/5, B/8, Z/2), and its sentence names the {family}", a.claims[claims[0]].text));
            for i in claims {
                f.push_claim(a, i);
            }
            out.push(f);
        }
        // Across sources, unlisted codes: the same skeleton written two ways.
        let mut by_skeleton: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for i in 0..a.claims.len() {
            if let Some(id) = identifier(a, i) {
                if !listed(&id.code)
                    && !families
                        .iter()
                        .any(|f| f.codes.iter().any(|c| skeleton(c) == id.skeleton))
                {
                    by_skeleton.entry(id.skeleton.as_str()).or_default().push(i);
                }
            }
        }
        for (sk, claims) in by_skeleton {
            let mut forms: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
            for &i in &claims {
                forms
                    .entry(a.claims[i].text.as_str())
                    .or_default()
                    .push(a.claims[i].source);
            }
            let sources: std::collections::BTreeSet<usize> =
                claims.iter().map(|&i| a.claims[i].source).collect();
            if forms.len() < 2 || sources.len() < 2 {
                continue;
            }
            let common = forms
                .iter()
                .max_by_key(|(form, s)| (s.len(), std::cmp::Reverse(**form)))
                .map(|(f, _)| (*f).to_string())
                .unwrap_or_default();
            let mut per_source = BTreeMap::new();
            for &i in &claims {
                per_source.entry(a.claims[i].source).or_insert(i);
            }
            let mut f = rule.finding(
                format!("the code {common}"),
                format!(
                    "sources write one code as {}",
                    forms.keys().copied().collect::<Vec<_>>().join(" and ")
                ),
            );
            f.note = Some(format!(
                "the forms differ only by confusable characters (skeleton {sk})"
            ));
            f.suggestion = Some(format!("check which is right; most sources write {common}"));
            for i in per_source.into_values() {
                f.push_claim(a, i);
            }
            out.push(f);
        }
    }
}
