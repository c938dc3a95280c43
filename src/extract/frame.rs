//! Measure frames: what a figure counts or measures, read from the words around it.
//!
//! A figure's frame has up to three parts, each a sense from `rules/lexicon/measures.toml`:
//! - `kind`: what is counted or measured ("20 construction workers" → `people`, "a 1.9-mile
//!   span" → `bridge`), from the counted noun or the noun after a measurement;
//! - `event`: what happened to it ("N were killed", "N injured", "rescued N people", "the
//!   death toll reached N"), from the figure's own word, the verb after its noun, or the
//!   nearest event word before it in its clause;
//! - `prop`: the dimension a measurement gives ("948 feet long", "a length of 984 feet").
//!
//! Frames travel with the claim as context tokens (`kind:people`, `event:death`,
//! `prop:length`), so alignment and `concord align` see them, and `value-conflict` never
//! compares two figures whose frames name different senses of one part. The senses are
//! general lexical knowledge, not an offline thesaurus: `WordNet` (through the `thesaurus`
//! crate) was evaluated and rejected, see ARCHITECTURE.md.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Deserialize;

use crate::words;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSenses {
    #[serde(default)]
    tallies: Vec<String>,
    #[serde(default)]
    events: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    kinds: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    broader: BTreeMap<String, String>,
    #[serde(default)]
    properties: BTreeMap<String, Vec<String>>,
}

/// One part of a frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    Kind,
    Event,
    Prop,
}

impl Part {
    pub const ALL: [Part; 3] = [Part::Kind, Part::Event, Part::Prop];

    /// The prefix of this part's context tokens.
    pub fn prefix(self) -> &'static str {
        match self {
            Part::Kind => "kind:",
            Part::Event => "event:",
            Part::Prop => "prop:",
        }
    }
}

/// The sense lexicon, indexed by word.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(try_from = "RawSenses")]
pub struct Senses {
    index: HashMap<(Part, String), String>,
    /// Each kind word's own kind, before [broader] ("crew" → `workers`).
    narrow: HashMap<String, String>,
    tallies: BTreeSet<String>,
}

impl TryFrom<RawSenses> for Senses {
    type Error = String;

    fn try_from(raw: RawSenses) -> Result<Self, String> {
        let mut index = HashMap::new();
        let mut narrow = HashMap::new();
        for (sense, list) in &raw.kinds {
            for w in list {
                narrow.insert(w.to_lowercase(), sense.clone());
            }
        }
        for (part, table) in [
            (Part::Event, &raw.events),
            (Part::Kind, &raw.kinds),
            (Part::Prop, &raw.properties),
        ] {
            for (sense, list) in table {
                let sense = match part {
                    Part::Kind => raw.broader.get(sense).unwrap_or(sense),
                    _ => sense,
                };
                for w in list {
                    let key = (part, w.to_lowercase());
                    if let Some(other) = index.get(&key) {
                        if other != sense {
                            return Err(format!(
                                "`{w}` is listed under two senses, `{other}` and `{sense}`"
                            ));
                        }
                    }
                    index.insert(key, sense.clone());
                }
            }
        }
        for (narrow, wide) in &raw.broader {
            if !raw.kinds.contains_key(narrow) || !raw.kinds.contains_key(wide) {
                return Err(format!(
                    "broader: `{narrow}` = `{wide}` must name two kinds listed in [kinds]"
                ));
            }
        }
        for t in &raw.tallies {
            if !raw.events.contains_key(t) {
                return Err(format!("tallies: `{t}` is not an event listed in [events]"));
            }
        }
        Ok(Senses {
            index,
            narrow,
            tallies: raw.tallies.into_iter().collect(),
        })
    }
}

impl Senses {
    /// The sense of `word` for `part`: as written, then lightly stemmed.
    pub fn sense(&self, part: Part, word: &str) -> Option<&str> {
        let low = word
            .to_lowercase()
            .trim_end_matches("'s")
            .trim_end_matches("’s")
            .to_string();
        self.index
            .get(&(part, low.clone()))
            .or_else(|| self.index.get(&(part, words::stem(&low))))
            .map(String::as_str)
    }

    /// The kind of a counted noun before broadening ("crew" → `workers`, not `people`).
    pub fn narrow_kind(&self, word: &str) -> Option<&str> {
        let low = word.to_lowercase();
        self.narrow
            .get(&low)
            .or_else(|| self.narrow.get(&words::stem(&low)))
            .map(String::as_str)
    }

    /// The sense of `word` in any part, for normalising context words.
    pub fn any(&self, word: &str) -> Option<&str> {
        Part::ALL.iter().find_map(|&p| self.sense(p, word))
    }

    /// Does a count of this event move while a story unfolds (a toll, the missing)?
    pub fn is_tally(&self, event: &str) -> bool {
        self.tallies.contains(event)
    }
}

/// Words between a counted noun and its verb that say nothing of the event.
const AUXILIARY: &[&str] = &[
    "were",
    "was",
    "are",
    "is",
    "have",
    "has",
    "had",
    "been",
    "being",
    "be",
    "still",
    "reportedly",
    "also",
    "later",
    "all",
    "who",
    "that",
    "now",
    "then",
    "initially",
    "confirmed",
    "feared",
    "believed",
    "thought",
    "said",
    "to",
    "got",
    "left",
    "remain",
    "remains",
    "remained",
    "remaining",
    "officially",
    "listed",
    "as",
];

/// The frame of a figure.
///
/// `unit` is the claim's unit; `count` whether it counts things; `before` the words of the
/// figure's clause before it (nearest last); `after` the words after the figure and its
/// unit up to the end of the clause.
pub fn frame(
    senses: &Senses,
    unit: &str,
    count: bool,
    before: &[&str],
    after: &[&str],
) -> Vec<(Part, String)> {
    let mut out: Vec<(Part, String)> = Vec::new();
    let mut push = |part: Part, sense: &str| {
        if !out.iter().any(|(p, _)| *p == part) {
            out.push((part, sense.to_string()));
        }
    };
    if count {
        if let Some(k) = senses.sense(Part::Kind, unit) {
            push(Part::Kind, k);
        }
        if let Some(e) = senses.sense(Part::Event, unit) {
            push(Part::Event, e);
        }
    } else {
        // A rate of counted things ("11.3 million vehicles a year") counts its numerator.
        if let Some(k) = super::quantity::rate_parts(unit)
            .and_then(|(things, _)| senses.sense(Part::Kind, things))
        {
            push(Part::Kind, k);
        }
        // The noun a measurement modifies: "a 1.9-mile span", "a 27-yard field goal".
        if let Some(first) = after.first() {
            let pair = after.get(1).map(|second| format!("{first}-{second}"));
            if let Some(k) = pair
                .as_deref()
                .and_then(|p| senses.sense(Part::Kind, p))
                .or_else(|| senses.sense(Part::Kind, first))
            {
                push(Part::Kind, k);
            }
        }
        let prop = after
            .iter()
            .take(1)
            .chain(before.iter().rev().take(3))
            .find_map(|w| senses.sense(Part::Prop, w));
        if let Some(p) = prop {
            push(Part::Prop, p);
        }
    }
    // The event: the verb after the counted noun ("six people were killed"), else the
    // nearest event word before the figure in its clause ("the death toll rose to 37").
    let later = after
        .iter()
        .filter(|w| !AUXILIARY.contains(&w.to_lowercase().as_str()))
        .take(2)
        .find_map(|w| senses.sense(Part::Event, w));
    // A tally's figure may stand far from its noun ("the death toll from Friday's earthquake
    // in western Nepal rose to 157").
    let linked = before
        .iter()
        .rev()
        .find(|w| !matches!(w.to_lowercase().as_str(), "to" | "at"))
        .is_some_and(|w| super::quantity::TALLY_LINKS.contains(&w.to_lowercase().as_str()));
    let earlier = || {
        before
            .iter()
            .rev()
            .take(if linked { 10 } else { 5 })
            .find_map(|w| senses.sense(Part::Event, w))
    };
    if let Some(e) = later.or_else(earlier) {
        push(Part::Event, e);
    }
    out
}

/// The context token of a figure that reads a game clock ("with 1:53 remaining", "with six
/// seconds left"): it gives the moment of the other figures in its sentence.
pub const CLOCK: &str = "moment:clock";

/// The context-token prefix of what a share is of ("40% of voters" → `of:voter`).
pub const SHARE_OF: &str = "of:";

/// The frame tokens of a context under one prefix (`kind:`, `of:`…), without it.
fn prefixed<'a>(context: &'a [String], prefix: &str) -> BTreeSet<&'a str> {
    context
        .iter()
        .filter_map(|t| t.strip_prefix(prefix))
        .collect()
}

/// The frame tokens of a context, by part.
pub fn parts(context: &[String], part: Part) -> BTreeSet<&str> {
    prefixed(context, part.prefix())
}

/// Do two contexts both carry tokens under `prefix`, and none in common?
fn disjoint(a: &[String], b: &[String], prefix: &str) -> bool {
    let (x, y) = (prefixed(a, prefix), prefixed(b, prefix));
    !x.is_empty() && !y.is_empty() && x.is_disjoint(&y)
}

/// Do two contexts' frames name different senses for one part (a count of the dead and a
/// count of the injured; a length and a height; a share of the vote and of the seats)?
pub fn clash(a: &[String], b: &[String]) -> bool {
    Part::ALL.iter().any(|p| disjoint(a, b, p.prefix())) || disjoint(a, b, SHARE_OF)
}

/// Does a context's frame say what happened to what is counted?
pub fn has_event(context: &[String]) -> bool {
    context.iter().any(|t| t.starts_with(Part::Event.prefix()))
}

/// Do two figures belong to different names (one player's yards and another's)?
pub fn owners_differ(a: &[String], b: &[String]) -> bool {
    !a.is_empty() && !b.is_empty() && !a.iter().any(|x| b.contains(x))
}

/// Do two contexts' frames both name a sense of `part`, and different ones?
pub fn differ(a: &[String], b: &[String], part: Part) -> bool {
    disjoint(a, b, part.prefix())
}

/// Do two contexts' frames share a sense of `part`?
pub fn share(a: &[String], b: &[String], part: Part) -> bool {
    !parts(a, part).is_disjoint(&parts(b, part))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn senses() -> Senses {
        crate::lexicon::Lexicons::builtin().measures
    }

    fn tokens(unit: &str, count: bool, before: &str, after: &str) -> Vec<String> {
        let b: Vec<&str> = before.split_whitespace().collect();
        let a: Vec<&str> = after.split_whitespace().collect();
        frame(&senses(), unit, count, &b, &a)
            .into_iter()
            .map(|(p, s)| format!("{}{s}", p.prefix()))
            .collect()
    }

    #[test]
    fn events_and_kinds_across_domains() {
        // Disaster: the verb after the noun, the word before, the figure's own word.
        assert_eq!(
            tokens("people", true, "officials said", "were killed in the quake"),
            ["kind:people", "event:death"]
        );
        assert_eq!(
            tokens("people", true, "the death toll rose to", ""),
            ["kind:people", "event:death"]
        );
        // A casualty noun counts people and says what happened to them.
        assert_eq!(
            tokens("fatalities", true, "", ""),
            ["kind:people", "event:death"]
        );
        assert_eq!(
            tokens("workers", true, "", "were rescued"),
            ["kind:people", "event:rescue"]
        );
        // Business: a measurement's noun and its dimension.
        assert_eq!(tokens("cars", true, "", "were recalled"), ["kind:vehicles"]);
        assert_eq!(
            tokens("vehicles per year", false, "carry", ""),
            ["kind:vehicles"]
        );
        // Sport and transport: the noun a measurement modifies.
        assert_eq!(
            tokens("yards", false, "Butker's", "field goal"),
            ["kind:field-goal"]
        );
        assert_eq!(tokens("miles", false, "the", "span"), ["kind:bridge"]);
        assert_eq!(
            tokens("feet", false, "the ship is", "long"),
            ["prop:length"]
        );
    }

    #[test]
    fn clashing_frames_are_different_quantities() {
        let dead = vec!["event:death".to_string(), "kind:people".to_string()];
        let hurt = vec!["event:injury".to_string(), "kind:people".to_string()];
        let plain = vec!["kind:people".to_string()];
        let missing = vec!["event:missing".to_string()];
        let six_missing = vec!["event:missing".to_string(), "kind:people".to_string()];
        assert!(clash(&dead, &hurt));
        // One says what happened to the people, the other does not: no clash of senses
        // (number-conflict keeps such counts apart on its own).
        assert!(!clash(&dead, &plain));
        assert!(has_event(&dead) && !has_event(&plain));
        assert!(share(&dead, &plain, Part::Kind));
        assert!(!clash(&missing, &six_missing));
        assert!(share(&missing, &six_missing, Part::Event));
        assert!(owners_differ(&["mccaffrey".into()], &["mahomes".into()]));
        assert!(!owners_differ(&["butker".into()], &[]));
    }

    #[test]
    fn a_word_under_two_senses_is_refused() {
        let raw: RawSenses =
            toml::from_str("[events]\ndeath = [\"killed\"]\ninjury = [\"killed\"]\n").unwrap();
        assert!(Senses::try_from(raw).is_err());
    }
}
