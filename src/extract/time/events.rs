//! Events: which happening a date belongs to (the verb or noun class near it, its topics and
//! names).

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::text::{window_start, Slice};

use super::pieces::{month_word, weekday_word};
use super::value::DateValue;

/// Event words (`rules/lexicon/events.toml`): verb classes and noun classes.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct EventLexicon {
    #[serde(default)]
    pub verbs: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub nouns: BTreeMap<String, Vec<String>>,
}

/// How far back the clause of a date is looked for (its tense, a transition verb): a
/// clause is seldom longer, and a line without full stops is not rescanned per date.
pub(super) const CLAUSE_WINDOW: usize = 300;

/// The most names a date takes as its topics: enough to align a claim, and a sentence
/// listing thousands of names must not copy them all into every date it holds.
pub(super) const MAX_NAME_TOPICS: usize = 16;

/// A verb nearer a date than this (in bytes) can name its event; further away it cannot,
/// and a pathological sentence costs no more than an ordinary one per date.
pub(super) const EVENT_WINDOW: usize = 400;

/// What [`EventIndex::at`] finds for a date: the event class, the class of a negated event
/// ("will not start April 9"), and the topics.
pub(super) type EventAt = (Option<String>, Option<String>, Vec<String>);

/// A sentence's event words, found once per sentence (not once per date in it): verb
/// occurrences with their class, the first mention of each noun class, and the capitalised
/// names. [`EventIndex::at`] then answers for each date from these lists.
pub(super) struct EventIndex {
    /// `(start, end, class order, word order, class)`, sorted by start.
    pub(super) verbs: Vec<(usize, usize, usize, usize, String)>,
    /// For each verb: is it negated ("will not start", "didn't open", "never signed")?
    pub(super) negated: Vec<bool>,
    /// For each verb: is it the noun of a date ("the launch date", "a start date")?
    pub(super) date_noun: Vec<bool>,
    /// `(first start, end, "n:class")`, sorted by start.
    pub(super) nouns: Vec<(usize, usize, String)>,
    /// `(end, lower-case name)` in text order, distinct.
    pub(super) names: Vec<(usize, String)>,
}

/// Is `lower[i..end]` a whole word (no letter or digit either side)?
pub(super) fn whole_word(lower: &str, i: usize, end: usize) -> bool {
    lower
        .slice(..i)
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
        && lower
            .slice(end..)
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
}

impl EventIndex {
    pub(super) fn new(text: &str, ev: &EventLexicon) -> EventIndex {
        let lower = crate::text::lowercase_aligned(text);
        let mut verbs = Vec::new();
        for (ci, (class, words)) in ev.verbs.iter().enumerate() {
            for (wi, w) in words.iter().enumerate() {
                for (i, _) in lower.match_indices(w.as_str()) {
                    let end = i + w.len();
                    if whole_word(&lower, i, end) {
                        verbs.push((i, end, ci, wi, class.clone()));
                    }
                }
            }
        }
        verbs.sort();
        let negated = verbs
            .iter()
            .map(|v| is_negated(lower.slice(window_start(&lower, v.0, 60)..v.0)))
            .collect();
        let date_noun = verbs
            .iter()
            .map(|v| {
                let rest = lower.slice(v.1..);
                rest.starts_with(" date") && !rest.starts_with(" dated")
            })
            .collect();
        let mut nouns = Vec::new();
        for (class, words) in &ev.nouns {
            let first = words
                .iter()
                .filter_map(|w| {
                    lower
                        .match_indices(w.as_str())
                        .map(move |(i, _)| (i, i + w.len()))
                        .find(|&(i, end)| whole_word(&lower, i, end))
                })
                .min();
            if let Some((i, end)) = first {
                nouns.push((i, end, format!("n:{class}")));
            }
        }
        nouns.sort();
        // Names: capitalised words not opening the sentence, not calendar words.
        let mut names: Vec<(usize, String)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (k, (s, e)) in crate::words::tokens(text).into_iter().enumerate() {
            let w = text.slice(s..e);
            if k == 0 || !w.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let lw = w.to_lowercase();
            if month_word(&lw).is_some()
                || weekday_word(&lw).is_some()
                || crate::words::is_stop(&lw)
            {
                continue;
            }
            let name = lw.trim_end_matches("’s").trim_end_matches("'s").to_string();
            if seen.insert(name.clone()) {
                names.push((e, name));
            }
        }
        EventIndex {
            verbs,
            negated,
            date_noun,
            nouns,
            names,
        }
    }

    /// The event verb class nearest byte `at`, and the noun classes and names, of the
    /// sentence's first `limit` bytes (the whole sentence, or the part before a date that
    /// is itself an anchor).
    ///
    /// A negated event ("pre-orders will not start April 9") dates nothing that happened:
    /// the date then has no event. A verb used as the noun of a date ("revealed the launch
    /// date on April 2") names the event of a date only when that date is its own ("the
    /// launch date of June 5", "the June 5 launch date"). "Did not open until May 3" (`until`)
    /// dates the opening.
    pub(super) fn at(&self, at: usize, end: usize, limit: usize, until: bool) -> EventAt {
        let lo = self.verbs.partition_point(|v| v.0 + EVENT_WINDOW < at);
        let best = self.verbs[lo..]
            .iter()
            .enumerate()
            .map(|(k, v)| (k + lo, v))
            .take_while(|(_, v)| v.0 <= at + EVENT_WINDOW)
            .filter(|(_, v)| v.1 <= limit)
            .filter(|&(k, v)| {
                !self.date_noun[k]
                    || (v.0 >= end && v.0 <= end + 2)
                    || (at >= v.1 + " date".len() && at <= v.1 + " date of ".len() + 1)
            })
            .map(|(k, v)| {
                let dist = if v.1 <= at {
                    at - v.1
                } else {
                    v.0.saturating_sub(at)
                };
                (dist, v.2, v.3, v.0, k)
            })
            .min()
            .map(|b| (self.verbs[b.4].4.clone(), self.negated[b.4] && !until));
        let (best, denied) = match best {
            Some((class, true)) => (None, Some(class)),
            Some((class, false)) => (Some(class), None),
            None => (None, None),
        };
        let mut topics: Vec<String> = self
            .nouns
            .iter()
            .filter(|n| n.1 <= limit)
            .map(|n| n.2.clone())
            .collect();
        for (_, name) in self.names.iter().filter(|n| n.0 <= limit) {
            if topics.len() >= MAX_NAME_TOPICS {
                break;
            }
            if !topics.contains(name) {
                topics.push(name.clone());
            }
        }
        (best, denied, topics)
    }
}

/// Does the text before a verb end in a negation of it ("will not", "didn't", "never",
/// "no longer", "has yet to")? Up to two words may stand between ("will not now start").
pub(super) fn is_negated(before: &str) -> bool {
    let words: Vec<&str> = before
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .collect();
    let n = words.len();
    let tail = &words[n.saturating_sub(3)..];
    tail.iter().any(|w| {
        matches!(*w, "not" | "never" | "cannot") || w.ends_with("n't") || w.ends_with("n’t")
    }) || before.trim_end().ends_with("no longer")
        || before.trim_end().ends_with("yet to")
}

/// Where the subordinate clauses of a sentence that name another event begin ("… before X
/// unveiled", "… after Y called"), in text order: found once per sentence, so each date
/// looks its bound up by binary search.
pub(super) fn subordinate_starts(text: &str) -> Vec<usize> {
    const OPENERS: &[&str] = &[
        "before", "after", "until", "since", "because", "when", "while",
    ];
    crate::words::tokens(text)
        .into_iter()
        .filter(|&(s, e)| OPENERS.contains(&text.slice(s..e).to_lowercase().as_str()))
        .map(|(s, _)| s)
        .collect()
}

/// Words for a finding's subject: "when the talks began"; a name is spelled as the
/// sentence `text` spells it.
/// The names of a sentence (runs of capitalised words, a possessive ending one), each as the
/// sentence spells it, with "the" when the sentence has it, and its words lower-case: found
/// once per sentence, for every date in it.
pub struct SentenceNames(Vec<(String, Vec<String>)>);

impl SentenceNames {
    pub fn of(text: &str) -> SentenceNames {
        let toks = crate::words::tokens(text);
        let word = |k: usize| text.slice(toks[k].0..toks[k].1);
        let capital = |k: usize| {
            let w = word(k);
            w.chars().next().is_some_and(char::is_uppercase)
                && !crate::words::is_stop(&w.to_lowercase())
        };
        let possessive = |w: &str| w.ends_with("’s") || w.ends_with("'s");
        let bare = |w: &str| w.trim_end_matches("’s").trim_end_matches("'s").to_string();
        let mut out = Vec::new();
        let mut k = 0;
        while k < toks.len() {
            if !capital(k) {
                k += 1;
                continue;
            }
            let start = k;
            while k < toks.len() && capital(k) {
                k += 1;
                if possessive(word(k - 1)) {
                    break;
                }
            }
            let words: Vec<String> = (start..k).map(|i| bare(word(i))).collect();
            let the = start > 0 && word(start - 1).eq_ignore_ascii_case("the");
            let phrase = format!("{}{}", if the { "the " } else { "" }, words.join(" "));
            out.push((phrase, words.iter().map(|w| w.to_lowercase()).collect()));
        }
        SentenceNames(out)
    }

    /// The longest name that holds one of the topics ("the Francis Scott Key Bridge", not
    /// "Francis").
    pub(super) fn holding(&self, topics: &[String]) -> Option<String> {
        self.0
            .iter()
            .filter(|(_, words)| words.iter().any(|w| topics.contains(w)))
            .fold(None::<&(String, Vec<String>)>, |best, r| match best {
                Some(b) if b.1.len() >= r.1.len() => Some(b),
                _ => Some(r),
            })
            .map(|(phrase, _)| phrase.clone())
    }
}

pub fn event_phrase(v: &DateValue, text: &str) -> String {
    event_phrase_in(v, &SentenceNames::of(text))
}

/// [`event_phrase`] with the sentence's names found already.
pub fn event_phrase_in(v: &DateValue, names: &SentenceNames) -> String {
    let noun = v
        .topics
        .iter()
        .find_map(|t| t.strip_prefix("n:"))
        .map_or_else(
            || names.holding(&v.topics).unwrap_or_else(|| "it".into()),
            |n| format!("the {n}"),
        );
    // The tense of the sentence: "when the bridge opens" for "will open on May 4".
    let (past, future) = match v.event.as_deref() {
        Some("begin") => ("began", "begins"),
        Some("end") => ("ended", "ends"),
        Some("continue") => ("continued", "continues"),
        Some("meet") => ("met", "meet"),
        Some("call") => ("took place (call)", "takes place (call)"),
        Some("announce") => ("was announced", "is announced"),
        Some("sign") => ("was agreed", "is agreed"),
        Some("impose") => ("took effect", "takes effect"),
        Some("die") => ("died", "died"),
        // A decision named by its noun was taken; a body named by its name decided.
        Some("decide") if noun != "it" && !v.topics.iter().any(|t| t.starts_with("n:")) => {
            ("decided", "decides")
        }
        Some("decide") => ("was taken", "is taken"),
        Some("elect") => ("took place (vote)", "takes place (vote)"),
        Some("arrive") => ("took place (visit)", "takes place (visit)"),
        Some("collapse") => ("collapsed", "collapses"),
        Some("release") => ("was released", "is released"),
        Some("verdict") if noun != "it" && !noun.starts_with("the ") => {
            let when = if v.future { "comes" } else { "came" };
            return format!("when the verdict on {noun} {when}");
        }
        Some("verdict") => ("was reached (verdict)", "is reached (verdict)"),
        Some("sentence") => ("was sentenced", "is sentenced"),
        Some("evacuate") => ("took place (evacuation)", "takes place (evacuation)"),
        Some("arrest") => ("took place (arrest)", "takes place (arrest)"),
        Some("charge") => ("was made (charge)", "is made (charge)"),
        Some("splash") => ("landed or lifted off", "lands or lifts off"),
        // Who struck whom is not known from the names: the event, then who was in it.
        Some("strike") if noun != "it" => {
            let when = if v.future { "happens" } else { "happened" };
            return format!("when the strike or crash involving {noun} {when}");
        }
        Some(other) => (other, other),
        None => ("happened", "happens"),
    };
    format!("when {noun} {}", if v.future { future } else { past })
}
