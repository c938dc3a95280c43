//! Stances: claims that link two things (an exchange, a condition) and denials of a link.
//!
//! Cue phrases are data (`rules/lexicon/stance.toml`). A stance claim covers its clause,
//! from the clause start (a comma, "that", or the sentence start) to the end of the
//! sentence, so the finding shows the source's own words. Its scope is the content words of
//! the sentence around the cue (synonyms unified: "curbs" ≈ "controls"), its polarity comes
//! from the cue (or a link cue right after a negation), and hedges ("reportedly", "appeared
//! to") and the people named in the sentence are kept for the note.

use std::collections::{BTreeMap, BTreeSet};

use regex::Regex;
use serde::Deserialize;

use super::{claim, Claim, Ctx, Value};
use crate::segment::Doc;
use crate::story::Source;
use crate::text::Slice;
use crate::words;

/// Stance cue phrases (`rules/lexicon/stance.toml`), with their patterns compiled once.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(try_from = "RawLexicon")]
pub struct Lexicon {
    pub link: Vec<String>,
    pub link_needs_to: Vec<String>,
    pub deny: Vec<String>,
    pub hedges: Vec<String>,
    pub synonyms: BTreeMap<String, String>,
    /// Verbs of a concession, and the words joining two (`concessions`, `coordinators`).
    pub concession_re: Vec<Regex>,
    pub coordinator_re: Vec<Regex>,
    /// Phrases saying a plan goes ahead, and saying it is delayed or called off.
    pub proceeds_re: Vec<Regex>,
    pub halts_re: Vec<Regex>,
    /// Phrases for everywhere, and for everywhere but a place ("outside").
    pub everywhere_re: Vec<Regex>,
    pub except_re: Vec<Regex>,
    /// Any phrase of `proceeds` or `halts`: one pass tells whether a sentence may hold a
    /// plan's status at all.
    pub status_any: Option<Regex>,
    /// Any denial cue, any link cue: one pass tells whether a sentence may hold either.
    deny_any: Option<Regex>,
    link_any: Option<Regex>,
    concession_any: Option<Regex>,
    deny_re: Vec<Regex>,
    link_re: Vec<(String, Regex)>,
    hedge_re: Vec<(String, Regex)>,
}

impl TryFrom<RawLexicon> for Lexicon {
    type Error = String;
    fn try_from(raw: RawLexicon) -> Result<Self, String> {
        let compile = |p: &String| cue_regex(p).ok_or_else(|| format!("bad cue phrase `{p}`"));
        let status_any = cue_regex_any(raw.proceeds.iter().chain(&raw.halts))?;
        let deny_any = cue_regex_any(raw.deny.iter())?;
        let link_any = cue_regex_any(raw.link.iter())?;
        let concession_any = cue_regex_any(raw.concessions.iter())?;
        Ok(Lexicon {
            status_any,
            deny_any,
            link_any,
            concession_any,
            concession_re: raw
                .concessions
                .iter()
                .map(compile)
                .collect::<Result<_, _>>()?,
            coordinator_re: raw
                .coordinators
                .iter()
                .map(compile)
                .collect::<Result<_, _>>()?,
            proceeds_re: raw.proceeds.iter().map(compile).collect::<Result<_, _>>()?,
            halts_re: raw.halts.iter().map(compile).collect::<Result<_, _>>()?,
            everywhere_re: raw
                .everywhere
                .iter()
                .map(compile)
                .collect::<Result<_, _>>()?,
            except_re: raw.except.iter().map(compile).collect::<Result<_, _>>()?,
            deny_re: raw.deny.iter().map(compile).collect::<Result<_, _>>()?,
            link_re: raw
                .link
                .iter()
                .map(|p| compile(p).map(|r| (p.clone(), r)))
                .collect::<Result<_, _>>()?,
            hedge_re: raw
                .hedges
                .iter()
                .map(|p| compile(p).map(|r| (p.clone(), r)))
                .collect::<Result<_, _>>()?,
            link: raw.link,
            link_needs_to: raw.link_needs_to,
            deny: raw.deny,
            hedges: raw.hedges,
            synonyms: raw.synonyms,
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawLexicon {
    #[serde(default)]
    pub link: Vec<String>,
    #[serde(default)]
    pub link_needs_to: Vec<String>,
    #[serde(default)]
    pub deny: Vec<String>,
    #[serde(default)]
    pub hedges: Vec<String>,
    #[serde(default)]
    pub synonyms: BTreeMap<String, String>,
    #[serde(default)]
    pub concessions: Vec<String>,
    #[serde(default)]
    pub coordinators: Vec<String>,
    #[serde(default)]
    pub proceeds: Vec<String>,
    #[serde(default)]
    pub halts: Vec<String>,
    #[serde(default)]
    pub everywhere: Vec<String>,
    #[serde(default)]
    pub except: Vec<String>,
}

/// A link asserted or denied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stance {
    /// True for a claimed link, false for a denial.
    pub asserted: bool,
    /// The cue as written.
    pub cue: String,
    /// Hedges found in the sentence.
    pub hedges: Vec<String>,
    /// Who is speaking (people named in the sentence), if anyone.
    pub speaker: Option<String>,
    /// The scope: content words around the cue, synonyms unified.
    pub scope: Vec<String>,
    /// Whether the sentence ends like prose (not a headline).
    pub prose: bool,
}

/// The pattern of a cue phrase, tolerant of quotation marks and hyphens between its words.
fn cue_body(phrase: &str) -> String {
    let sep = r"[\s'\x22‘’“”-]+";
    phrase
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(regex::escape)
        .collect::<Vec<_>>()
        .join(sep)
}

/// A regex for a cue phrase.
fn cue_regex(phrase: &str) -> Option<Regex> {
    crate::text::regex(&format!(r"(?i)\b{}\b", cue_body(phrase))).ok()
}

/// One regex for any of `phrases` (none when there are none).
fn cue_regex_any<'a>(phrases: impl Iterator<Item = &'a String>) -> Result<Option<Regex>, String> {
    let bodies: Vec<String> = phrases.map(|p| cue_body(p)).collect();
    if bodies.is_empty() {
        return Ok(None);
    }
    crate::text::regex(&format!(r"(?i)\b(?:{})\b", bodies.join("|")))
        .map(Some)
        .map_err(|_| "bad cue phrase".to_string())
}

/// The scope words of a stretch of text.
pub fn scope_words(text: &str, lex: &Lexicon) -> Vec<String> {
    let mut out: Vec<String> = words::tokens(text)
        .into_iter()
        .map(|(s, e)| text.slice(s..e).to_lowercase().replace(['’', '\''], ""))
        .map(|w| match w.strip_suffix('s') {
            Some(stem) if !w.ends_with("ss") && stem.len() > 2 => stem.to_string(),
            _ => w,
        })
        .map(|w| lex.synonyms.get(&w).cloned().unwrap_or(w))
        .filter(|w| w.len() > 2 && !words::is_stop(w))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The parties a stretch of text names: its places, and its other capitalised words
/// (lower case), leaving out a capitalised first word that is a function word.
fn parties(text: &str, places: &super::quantity::Lexicon) -> BTreeSet<String> {
    let mut out = super::quantity::named_places(places, text);
    for (k, (s, e)) in words::tokens(text).into_iter().enumerate() {
        let w = text.slice(s..e);
        let low = w.to_lowercase();
        let low = low.trim_end_matches('.');
        if !w.chars().next().is_some_and(char::is_uppercase)
            || (k == 0 && words::is_stop(low))
            || places.places.contains_key(low)
            || out.contains(low)
        {
            continue;
        }
        out.insert(
            low.trim_end_matches("'s")
                .trim_end_matches("’s")
                .to_string(),
        );
    }
    out
}

/// Two concessions by two parties joined in one sentence ("the United States will ease
/// export controls on China, and accordingly China's curbs on rare earth exports will also
/// be eased"): the joining words' span. Each concession verb has its party before it in its
/// own clause, and the parties differ.
fn concessions(
    text: &str,
    lex: &Lexicon,
    places: &super::quantity::Lexicon,
) -> Option<(usize, usize)> {
    if !lex
        .concession_any
        .as_ref()
        .is_some_and(|r| r.is_match(text))
    {
        return None;
    }
    let verbs: Vec<(usize, usize)> = {
        let mut v: Vec<(usize, usize)> = lex
            .concession_re
            .iter()
            .flat_map(|r| r.find_iter(text).map(|m| (m.start(), m.end())))
            .collect();
        v.sort_unstable();
        v
    };
    let first = *verbs.first()?;
    // The first clause: from its last boundary before the first verb.
    let from = text
        .slice(..first.0)
        .rfind([',', ';', ':'])
        .map_or(0, |p| p + 1);
    let party1 = parties(text.slice(from..first.0), places);
    if party1.is_empty() {
        return None;
    }
    let joins: Vec<(usize, usize)> = lex
        .coordinator_re
        .iter()
        .flat_map(|r| r.find_iter(text).map(|m| (m.start(), m.end())))
        .filter(|&(s, _)| s >= first.1)
        .collect();
    let mut joins = joins;
    joins.sort_unstable();
    let join = *joins.first()?;
    // The joining words run on through joins right after ("and accordingly", ", and in
    // return,").
    let mut end = join.1;
    for j in &joins[1..] {
        if j.0 <= end + 4
            && text
                .slice(end..j.0)
                .chars()
                .all(|c| c == ',' || c.is_whitespace())
        {
            end = j.1;
        }
    }
    let second = verbs.iter().find(|v| v.0 >= end)?;
    let party2 = parties(text.slice(end..second.0), places);
    (!party2.is_empty() && party1.is_disjoint(&party2)).then_some((join.0, end))
}

pub fn extract(si: usize, source: &Source, doc: &Doc, ctx: &Ctx, out: &mut Vec<Claim>) {
    let lex = &ctx.lex.stance;
    let deny = &lex.deny_re;
    let link = &lex.link_re;
    let any = |r: &Option<Regex>, text: &str| r.as_ref().is_some_and(|r| r.is_match(text));
    for (i, s) in doc.sentences.iter().enumerate() {
        let text = doc.sentence_text(i);
        // Denials first: their words contain link cues ("no quid pro quo").
        let mut found: Option<(usize, usize, bool)> = if any(&lex.deny_any, text) {
            deny.iter()
                .find_map(|r| r.find(text))
                .map(|m| (m.start(), m.end(), false))
        } else {
            None
        };
        if found.is_none() && any(&lex.link_any, text) {
            for (phrase, r) in link {
                let Some(m) = r.find(text) else { continue };
                if lex.link_needs_to.contains(phrase) && !text.slice(m.end()..).contains(" to ") {
                    continue;
                }
                // Offsets of `m` index `text`, not its lower-cased copy (which can be
                // longer: "İ"), so the words before the cue are lower-cased on their own.
                let head = text.slice(..m.start()).to_lowercase();
                let before: Vec<&str> = head.split_whitespace().rev().take(3).collect();
                let negated = before.iter().any(|w| {
                    matches!(
                        *w,
                        "no" | "not" | "never" | "denied" | "denies" | "deny" | "without"
                    )
                });
                found = Some((m.start(), m.end(), !negated));
                break;
            }
        }
        let mut implied = false;
        if found.is_none() {
            found = concessions(text, lex, &ctx.lex.quantity).map(|(s, e)| (s, e, true));
            implied = found.is_some();
        }
        let Some((cs, ce, asserted)) = found else {
            continue;
        };
        let lower = crate::text::lowercase_aligned(text);
        // The clause: from the last comma, "that" or semicolon before the cue.
        let head = text.slice(..cs);
        let clause = [
            head.rfind(", ").map(|p| p + 2),
            head.rfind(" that ").map(|p| p + 6),
            head.rfind("; ").map(|p| p + 2),
        ]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(0);
        let end = text.trim_end_matches(['.', '!', '?', ' ']).len().max(ce);
        let mut hedges: Vec<String> = lex
            .hedge_re
            .iter()
            .filter(|(_, r)| r.is_match(text))
            .map(|(h, _)| h.clone())
            .collect();
        if implied {
            hedges.push("implied by two concessions told together".into());
        }
        let people = super::entity::people(text, &ctx.lex.entity, &ctx.lex.quantity.places);
        let speaker = people
            .first()
            .map(|p| text.slice(p.start..p.end).to_string())
            .or_else(|| {
                ["officials", "official", "sources", "the sources"]
                    .iter()
                    .find(|w| lower.contains(*w))
                    .map(|w| (*w).to_string())
            });
        let value = Stance {
            asserted,
            cue: text.slice(cs..ce).to_string(),
            hedges,
            speaker,
            scope: scope_words(text, lex),
            prose: text
                .trim_end()
                .ends_with(['.', '!', '?', '"', '”', '\'', '’']),
        };
        let normalized = format!(
            "{} {}",
            if asserted { "links" } else { "denies a link" },
            text.slice(clause..end).trim()
        );
        let mut c = claim(
            source,
            doc,
            (si, i),
            (s.start + clause, s.start + end),
            Value::Stance(value.clone()),
            normalized,
        );
        c.context.clone_from(&value.scope);
        c.about = "whether the two are linked".into();
        out.push(c);
    }
}
