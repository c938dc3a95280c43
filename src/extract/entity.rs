//! People and their titles.
//!
//! A person is a run of two or three capitalised words that are neither title words
//! ("Secretary", "Vice Premier") nor organisation words ("Council", "Bank"), nor places.
//! Title words right before the name ("Commerce Secretary Howard Lutnick", with the words
//! that qualify the office: "Deputy Police Chief Jane Roe") or an apposition right after it
//! ("Kevin Hassett, director of the National Economic Council,", "Jane Roe, the city's
//! police chief,") give a title claim. Titles are normalised with `rules/lexicon/titles.toml`: qualifiers that do
//! not change the office are dropped, "X of Y" becomes "Y X", and synonyms meet ("director"
//! ≈ "head"), so equivalent wordings compare equal.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{claim, Claim, Ctx, Value};
use crate::segment::Doc;
use crate::story::Source;
use crate::text::Slice;
use crate::words;

/// Title equivalences (`rules/lexicon/titles.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Lexicon {
    #[serde(default)]
    pub drop: Vec<String>,
    #[serde(default)]
    pub synonyms: BTreeMap<String, String>,
    #[serde(default)]
    pub offices: Vec<String>,
    #[serde(default)]
    pub organisations: Vec<String>,
    /// Words that qualify an office in a title ("police" chief, "district" judge, "finance"
    /// minister, "deputy"): part of the title, never of the name.
    #[serde(default)]
    pub qualifiers: Vec<String>,
    /// Ladders of rank: offices of one hierarchy, each a different office from the others
    /// ("bishop", "archbishop"; "sergeant", "lieutenant").
    #[serde(default)]
    pub ladders: Vec<Vec<String>>,
}

/// A person named in full in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMention {
    /// As written.
    pub name: String,
    /// Lowercase, single-spaced: the identity key.
    pub key: String,
}

/// A title given to a named person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleMention {
    /// The person's key.
    pub person: String,
    /// The person as written.
    pub person_text: String,
    /// The title as written.
    pub title: String,
    /// The normalised title.
    pub normalized: String,
    /// Said to be a former holder.
    pub former: bool,
}

impl Lexicon {
    pub fn is_office(&self, w: &str) -> bool {
        let l = w.to_lowercase();
        let l = l.trim_end_matches('.');
        self.offices.iter().any(|o| o == l)
            || self
                .synonyms
                .get(l)
                .is_some_and(|full| self.offices.iter().any(|o| o == full))
    }

    /// Does a word qualify an office ("police", "deputy", "finance")?
    pub fn is_qualifier(&self, w: &str) -> bool {
        let l = w.to_lowercase();
        let l = l.trim_end_matches('.');
        self.qualifiers.iter().any(|q| q == l)
    }

    /// Are two offices different rungs of one ladder of rank ("bishop", "archbishop")?
    pub fn other_rung(&self, a: &str, b: &str) -> bool {
        a != b
            && self
                .ladders
                .iter()
                .any(|l| l.iter().any(|r| r == a) && l.iter().any(|r| r == b))
    }

    fn is_org(&self, w: &str) -> bool {
        let l = w.to_lowercase();
        let l = l.trim_end_matches("’s").trim_end_matches("'s");
        self.organisations.iter().any(|o| o == l)
    }

    /// The canonical form of a title.
    pub fn normalize_title(&self, title: &str) -> String {
        let mut t = format!(
            " {} ",
            title
                .to_lowercase()
                .replace(['’'], "'")
                .replace(['-', ','], " ")
        );
        let mut drops: Vec<&String> = self.drop.iter().collect();
        drops.sort_by_key(|d| std::cmp::Reverse(d.len()));
        for d in drops {
            let d = d.replace('’', "'");
            t = t.replace(&format!(" {d} "), " ");
            t = t.replace(&format!(" {d} "), " ");
        }
        let t: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
        // "director of national economic council" → "national economic council director"
        let t = match t.split_once(" of ") {
            Some((office, org)) if !org.is_empty() && !self.synonyms.contains_key(&t) => {
                format!("{org} {office}")
            }
            _ => t,
        };
        let mut out = format!(" {t} ");
        let mut syns: Vec<(&String, &String)> = self.synonyms.iter().collect();
        syns.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
        for (k, v) in syns {
            let k = k.replace('-', " ");
            out = out.replace(&format!(" {k} "), &format!(" {v} "));
        }
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A run of capitalised tokens in a sentence: (start, end) byte offsets of each token.
fn runs(text: &str) -> Vec<Vec<(usize, usize)>> {
    let toks = words::tokens(text);
    let mut out: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut cur: Vec<(usize, usize)> = Vec::new();
    let mut prev_end = 0;
    for (s, e) in toks {
        let gap = text.slice(prev_end..s);
        // "Sen. Bob Casey", "John F. Kennedy": a short capitalised abbreviation's full stop
        // does not end the run.
        let abbreviated = gap.strip_prefix('.').is_some_and(|g| g == " ")
            && cur.last().is_some_and(|&(ps, pe)| {
                let w = text.slice(ps..pe);
                w.chars().count() <= 4 && w.chars().all(char::is_alphabetic)
            });
        let joined = (gap.chars().all(char::is_whitespace) && !gap.contains('\n')) || abbreviated;
        if capitalised(text.slice(s..e)) && (cur.is_empty() || joined) {
            cur.push((s, e));
        } else {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            if capitalised(text.slice(s..e)) {
                cur.push((s, e));
            }
        }
        prev_end = e;
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn strip_possessive(w: &str) -> &str {
    w.trim_end_matches("’s").trim_end_matches("'s")
}

/// People (and their titles) in one sentence: (name start, name end, title, title range).
pub fn people(text: &str, lex: &Lexicon, places: &BTreeMap<String, String>) -> Vec<Person> {
    let mut out = Vec::new();
    for run in runs(text) {
        let words_of: Vec<&str> = run.iter().map(|&(s, e)| text.slice(s..e)).collect();
        // An organisation's words make the run an organisation, unless an office follows
        // them and a name follows the office ("Coast Guard Rear Adm. Shannon Gilreath",
        // "White House Press Secretary Karine Jean-Pierre"): the name is peeled off.
        let last_office = (0..run.len())
            .rev()
            .find(|&o| lex.is_office(strip_possessive(words_of[o])));
        let last_org = (0..run.len()).rev().find(|&o| lex.is_org(words_of[o]));
        let after_org = match (last_org, last_office) {
            (None, _) => 0,
            (Some(g), Some(o)) if g < o => o + 1,
            _ => continue,
        };
        // Leading title words and qualifiers.
        let titleish = |w: &str| {
            let w = strip_possessive(w);
            let low = w.to_lowercase();
            lex.is_office(w)
                || lex.synonyms.contains_key(&low)
                || places.contains_key(&low)
                || places.values().any(|p| p == &low)
                || words::is_stop(&low)
                || (w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase() || c == '.'))
                || lex.is_qualifier(&low)
                || matches!(
                    low.as_str(),
                    "mr" | "mrs" | "ms" | "dr" | "sir" | "dame" | "lord" | "lady" | "us" | "u.s"
                )
        };
        let mut k = after_org;
        while k < words_of.len() && titleish(words_of[k]) {
            k += 1;
        }
        // "Fellow Pennsylvanian Democratic Senator Bob Casey": words the lexicon does not
        // know before the office; the name is what follows the last office word.
        // A name is two or three words, and its particles ("Pieter Van Der Berg").
        let name_sized = |from: usize| {
            let rest = &words_of[from.min(words_of.len())..];
            let particles = rest.iter().filter(|w| words::is_particle(w)).count();
            (2..=3 + particles.min(2)).contains(&rest.len())
        };
        let mut peeled = after_org > 0;
        if !name_sized(k) {
            if let Some(o) = (0..run.len())
                .rev()
                .find(|&o| lex.is_office(strip_possessive(words_of[o])))
            {
                if name_sized(o + 1) {
                    k = o + 1;
                    peeled = true;
                }
            }
        }
        let name_words = &run[k..];
        if !name_sized(k) {
            continue;
        }
        let names: Vec<&str> = name_words.iter().map(|&(s, e)| text.slice(s..e)).collect();
        if names.iter().any(|w| {
            !w.chars().all(|c| c.is_alphabetic() || "-'’.".contains(c))
                || lex.is_office(w)
                || places.contains_key(&w.to_lowercase())
                || w.chars().all(|c| c.is_ascii_uppercase()) && w.len() > 1
        }) {
            continue;
        }
        let (ns, ne) = (name_words[0].0, name_words[name_words.len() - 1].1);
        let ne = ne - (text.slice(..ne).len() - strip_possessive(text.slice(..ne)).len());
        let title = if k > 0
            && words_of[..k]
                .iter()
                .any(|w| lex.is_office(strip_possessive(w)))
        {
            // The title: the office and the known title words right before it, not words
            // the lexicon does not know ("Fellow Pennsylvanian Democratic").
            let mut from = k;
            while from > 0 && (!peeled || titleish(words_of[from - 1])) {
                from -= 1;
            }
            let ts = (from..k)
                .find(|&p| !words::is_stop(&words_of[p].to_lowercase()))
                .map_or(run[from.min(k - 1)].0, |p| run[p].0);
            Some((ts, run[k - 1].1))
        } else {
            apposition(text, ne, lex).or_else(|| lowercase_title(text, ns, lex))
        };
        // "former" (or "ex-") before the name, inside the title, or before the title
        // ("former Finance Minister Tomas Kral"): it qualifies the whole title.
        let qualified = |before: &str| {
            let b = before.to_lowercase();
            let b = b.trim_end();
            b.ends_with("former") || b.ends_with("ex-") || b.ends_with(" ex")
        };
        let former = qualified(text.slice(..ns))
            || title.is_some_and(|(s, e)| {
                let t = text.slice(s..e).to_lowercase();
                t.contains("former") || t.starts_with("ex-") || qualified(text.slice(..s))
            });
        out.push(Person {
            start: ns,
            end: ne,
            title,
            former,
        });
    }
    out
}

/// A person found in a sentence.
#[derive(Debug, Clone, Copy)]
pub struct Person {
    pub start: usize,
    pub end: usize,
    pub title: Option<(usize, usize)>,
    pub former: bool,
}

/// Lower-case title words right before a name: "finance minister Robert Habeck", "its
/// finance chief Maria Santos". The words must end in an office word, next to the name.
fn lowercase_title(text: &str, name_start: usize, lex: &Lexicon) -> Option<(usize, usize)> {
    // Only the last three words before the name matter: a bounded window, so a long
    // sentence is not tokenised again for each name in it (the first word of a window that
    // does not start the text may be cut, and is left out).
    let from = crate::text::window_start(text, name_start, 160);
    let head = text.slice(from..name_start);
    if !head.ends_with(' ') {
        return None;
    }
    let mut toks = words::tokens(head);
    if from > 0 && !toks.is_empty() {
        toks.remove(0);
    }
    let &(ls, le) = toks.last()?;
    if le != head.trim_end().len() || !lex.is_office(head.slice(ls..le)) {
        return None;
    }
    // Up to two qualifier words before the office word ("finance", "foreign", "deputy").
    let mut start = ls;
    for &(s, e) in toks.iter().rev().skip(1).take(2) {
        // Only spaces between a qualifier and the title's next word: no comma, no
        // quotation mark (“…cut a single job,” chief executive Mira Sand).
        if !head.slice(e..start).chars().all(char::is_whitespace) {
            break;
        }
        let w = head.slice(s..e);
        let low = w.to_lowercase();
        // Lower case, or capitalised only because it opens the sentence.
        let cased = w.chars().all(char::is_lowercase)
            || (from + s == 0 && w.chars().skip(1).all(char::is_lowercase));
        // Verbs ("hosted", "meeting", "meets") are not part of a title.
        let verbish = low.ends_with("ed")
            || low.ends_with("ing")
            || (low.ends_with('s') && !low.ends_with("ss"));
        if !cased || verbish || words::is_stop(&low) || low.ends_with("'s") || low.ends_with("’s")
        {
            break;
        }
        start = s;
    }
    Some((from + start, from + le))
}

/// ", director of the National Economic Council," right after a name.
fn apposition(text: &str, name_end: usize, lex: &Lexicon) -> Option<(usize, usize)> {
    let rest = text.slice(name_end..);
    let body = rest.strip_prefix(", ")?;
    let start = name_end + 2;
    let stop = body
        .find([',', ';', '.', '(', ')', '—'])
        .unwrap_or(body.len());
    let phrase = body.slice(..stop);
    let words: Vec<&str> = phrase.split_whitespace().collect();
    if words.is_empty() || words.len() > 12 {
        return None;
    }
    let first = words[0].to_lowercase();
    let skip = usize::from(matches!(first.as_str(), "the" | "a" | "an"));
    let head = words.get(skip)?;
    let office_first = lex.is_office(head)
        || words.iter().take(5).any(|w| lex.is_office(w))
            && words.iter().skip(skip).take(4).all(|w| {
                capitalised(w) || matches!(w.to_lowercase().as_str(), "of" | "the" | "for")
            });
    if !office_first {
        // ", the city's police chief,", ", Acme's chief executive,", ", a former governor,":
        // a few lower-case words ending in an office, after an article or an owner.
        let possessive = |w: &str| w.ends_with("'s") || w.ends_with("’s");
        let from = skip + usize::from(words.get(skip).is_some_and(|w| possessive(w)));
        let title: Vec<&str> = words[from.min(words.len())..]
            .iter()
            .copied()
            .take_while(|w| !matches!(*w, "of" | "at" | "for" | "in" | "and" | "who"))
            .collect();
        let fits = !title.is_empty()
            && title.len() <= 4
            && title.len() + from == words.len()
            && title
                .iter()
                .all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
            && title.last().is_some_and(|w| lex.is_office(w));
        if !fits {
            return None;
        }
        // A named owner belongs to the title ("Arsenal's assistant coach"): whose office it
        // is can conflict. A common noun's ("the city's police chief") does not.
        let owner = words
            .get(skip)
            .filter(|w| possessive(w) && capitalised(w) && from > skip);
        let first = owner.copied().unwrap_or(title[0]);
        let at = words[..if owner.is_some() { skip } else { from }]
            .iter()
            .map(|w| w.len() + 1)
            .sum::<usize>();
        let offset = phrase.get(at..)?.find(first)? + at;
        return Some((start + offset, start + phrase.trim_end().len()));
    }
    let lead = phrase.len() - phrase.trim_start().len();
    let offset = if skip == 1 {
        phrase.find(head).unwrap_or(0)
    } else {
        lead
    };
    Some((start + offset, start + phrase.trim_end().len()))
}

/// The identity key of a person's name: lower case, single-spaced, without middle initials
/// ("John F. Kerrigan" and "John Kerrigan" are one person).
pub fn person_key(name: &str) -> String {
    let words: Vec<String> = name
        .to_lowercase()
        .split_whitespace()
        .map(String::from)
        .collect();
    let last = words.len().saturating_sub(1);
    words
        .iter()
        .enumerate()
        .filter(|&(k, w)| {
            let initial = w.trim_end_matches('.').chars().count() == 1;
            k == 0 || k == last || !initial
        })
        .map(|(_, w)| w.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn extract(si: usize, source: &Source, doc: &Doc, ctx: &Ctx, out: &mut Vec<Claim>) {
    let lex = &ctx.lex.entity;
    let places = &ctx.lex.quantity.places;
    for (i, s) in doc.sentences.iter().enumerate() {
        let text = doc.sentence_text(i);
        for p in people(text, lex, places) {
            let name = text.slice(p.start..p.end).to_string();
            let key = person_key(&name);
            let mut c = claim(
                source,
                doc,
                (si, i),
                (s.start + p.start, s.start + p.end),
                Value::Name(NameMention {
                    name: name.clone(),
                    key: key.clone(),
                }),
                name.clone(),
            );
            c.context = vec![format!("person:{key}")];
            c.about.clone_from(&name);
            out.push(c);
            if let Some((ts, te)) = p.title {
                let title = text.slice(ts..te).to_string();
                let normalized = lex.normalize_title(&title);
                let value = TitleMention {
                    person: key.clone(),
                    person_text: name.clone(),
                    title: title.clone(),
                    normalized: normalized.clone(),
                    former: p.former,
                };
                let mut t = claim(
                    source,
                    doc,
                    (si, i),
                    (s.start + ts, s.start + te),
                    Value::Title(value),
                    normalized,
                );
                t.context = vec![format!("person:{key}")];
                t.about = format!("{name}'s title");
                out.push(t);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> (Lexicon, BTreeMap<String, String>) {
        let l = crate::lexicon::Lexicons::builtin();
        (l.entity, l.quantity.places)
    }

    #[test]
    fn equivalent_titles_normalise_alike() {
        let (l, _) = lex();
        let forms = [
            "director of the National Economic Council",
            "Director of the National Economic Council at the White House",
            "head of the White House’s National Economic Council",
            "National Economic Council Director",
        ];
        let n: Vec<String> = forms.iter().map(|f| l.normalize_title(f)).collect();
        assert!(n.iter().all(|x| x == &n[0]), "{n:?}");
        assert_eq!(
            l.normalize_title("US Treasury Secretary"),
            l.normalize_title("Treasury Secretary")
        );
        assert_eq!(
            l.normalize_title("Vice-Premier"),
            l.normalize_title("Vice Premier")
        );
        assert_ne!(
            l.normalize_title("Defence Minister"),
            l.normalize_title("Foreign Minister")
        );
        assert_eq!(
            l.normalize_title("Chief Executive"),
            l.normalize_title("CEO")
        );
    }

    #[test]
    fn names_are_peeled_off_long_runs_and_abbreviated_titles_attach() {
        let (l, p) = lex();
        let read = |t: &str| -> Vec<(String, Option<String>)> {
            people(t, &l, &p)
                .iter()
                .map(|x| {
                    (
                        t.slice(x.start..x.end).to_string(),
                        x.title.map(|(s, e)| t.slice(s..e).to_string()),
                    )
                })
                .collect()
        };
        // Politics, courts, the military, academia: unknown words before the office are
        // neither the name nor the title.
        assert_eq!(
            read("Fellow Pennsylvanian Democratic Senator Bob Casey said it was bad."),
            [("Bob Casey".to_string(), Some("Senator".to_string()))]
        );
        assert_eq!(
            read("Essex County Prosecutor Dana Whitfield filed charges."),
            [(
                "Dana Whitfield".to_string(),
                Some("County Prosecutor".to_string())
            )]
        );
        // Qualifiers of an office are part of its title across domains.
        assert_eq!(
            read("Deputy Police Chief Jane Roe said two officers were hurt."),
            [(
                "Jane Roe".to_string(),
                Some("Deputy Police Chief".to_string())
            )]
        );
        assert_eq!(
            read("Acme's chief financial officer Lena Park said sales rose."),
            [(
                "Lena Park".to_string(),
                Some("chief financial officer".to_string())
            )]
        );
        // A lower-case title in apposition, after an article or an owner.
        assert_eq!(
            read("Jane Roe, the city's police chief, said two officers were hurt."),
            [("Jane Roe".to_string(), Some("police chief".to_string()))]
        );
        assert_eq!(
            read("Jane Doe, a former governor, endorsed the measure."),
            [("Jane Doe".to_string(), Some("former governor".to_string()))]
        );
        // Not a title: an apposition that does not end in an office.
        assert_eq!(
            read("Jane Doe, a mother of three, endorsed the measure."),
            [("Jane Doe".to_string(), None)]
        );
        assert_eq!(
            read("The search ended, Sen. Bob Casey and Gen. Mark Milley said."),
            [
                ("Bob Casey".to_string(), Some("Sen".to_string())),
                ("Mark Milley".to_string(), Some("Gen".to_string()))
            ]
        );
        assert_eq!(
            read("Harvard Professor John F. Kennedy spoke."),
            [("John F. Kennedy".to_string(), Some("Professor".to_string()))]
        );
        assert_eq!(l.normalize_title("Sen"), "senator");
    }

    #[test]
    fn former_qualifies_the_whole_title() {
        let (l, p) = lex();
        for t in [
            "Her rival, former Finance Minister Tomas Kral, conceded.",
            "Her rival, former finance minister Tomas Kral, conceded.",
        ] {
            let found = people(t, &l, &p);
            assert!(found.iter().any(|x| x.former && x.title.is_some()), "{t}");
        }
        let t = "Finance Minister Tomas Kral conceded.";
        assert!(people(t, &l, &p).iter().all(|x| !x.former));
    }

    #[test]
    fn people_with_titles() {
        let (l, p) = lex();
        let t = "Treasury Secretary Scott Bessent, Commerce Secretary Howard Lutnick and Trade Representative Jamieson Greer met the European Central Bank.";
        let found: Vec<(&str, Option<&str>)> = people(t, &l, &p)
            .iter()
            .map(|x| (t.slice(x.start..x.end), x.title.map(|(s, e)| t.slice(s..e))))
            .collect();
        assert_eq!(
            found,
            [
                ("Scott Bessent", Some("Treasury Secretary")),
                ("Howard Lutnick", Some("Commerce Secretary")),
                ("Jamieson Greer", Some("Trade Representative"))
            ]
        );
        let t = "Its finance chief Maria Santos and defence minister Anna Virtanen spoke.";
        let found: Vec<(&str, Option<&str>)> = people(t, &l, &p)
            .iter()
            .map(|x| (t.slice(x.start..x.end), x.title.map(|(s, e)| t.slice(s..e))))
            .collect();
        assert_eq!(
            found,
            [
                ("Maria Santos", Some("finance chief")),
                ("Anna Virtanen", Some("defence minister"))
            ]
        );
        let t = "Kevin Hassett, director of the National Economic Council at the White House, spoke with CNBC.";
        let found: Vec<(&str, Option<&str>)> = people(t, &l, &p)
            .iter()
            .map(|x| (t.slice(x.start..x.end), x.title.map(|(s, e)| t.slice(s..e))))
            .collect();
        assert_eq!(
            found,
            [(
                "Kevin Hassett",
                Some("director of the National Economic Council at the White House")
            )]
        );
    }
}
