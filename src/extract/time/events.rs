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
    #[serde(default)]
    pub open: OpenVerbs,
}

/// Verbs in no class (`[open]` of events.toml): irregular past forms with their lemma, and
/// past forms that never name the event of a date.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenVerbs {
    #[serde(default)]
    pub irregular: BTreeMap<String, String>,
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Base forms of verbs whose two participants can trade places without changing what
    /// is said ("met", "married", "played"): "A met B" is "B met A".
    #[serde(default)]
    pub symmetric: Vec<String>,
}

/// Words before a noun that make the next word a noun ("the launch", "its debut") and an
/// -ed word after them an adjective ("the injured").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "our", "your", "my", "this", "that", "these",
    "those", "whose", "some", "any", "no", "every", "each",
];

/// How near a date (in bytes, within its clause) a verb in no class must be to name its
/// event: the verb of the date's own clause, not one of the sentence's.
const OPEN_WINDOW: usize = 120;

/// The lemma key of a regular past form (`past`) or a base form: "resigned" and "resign" are
/// "resign", "stopped" and "stop" "stop", "carried" and "carry" "carry", "closed" and
/// "close" "clos". Only ever compared with another key.
pub(crate) fn lemma_key(w: &str, past: bool) -> String {
    let mut b = if !past {
        w.to_string()
    } else if let Some(x) = w.strip_suffix("ied") {
        format!("{x}y")
    } else if let Some(x) = w.strip_suffix("ed") {
        let x = x.to_string();
        let bytes = x.as_bytes();
        let n = bytes.len();
        if n >= 3 && bytes[n - 1] == bytes[n - 2] && b"bdgmnprt".contains(&bytes[n - 1]) {
            x.slice(..n - 1).to_string()
        } else {
            x
        }
    } else {
        w.to_string()
    };
    if b.len() > 2 && b.ends_with('e') {
        b.pop();
    }
    b
}

impl OpenVerbs {
    /// The verb at token `k` of `toks` (lower-case words), when it is a verb in no class
    /// that can date an event: `(lemma key, surface with its auxiliary)`.
    pub(crate) fn verb_at(&self, words: &[String], k: usize) -> Option<(String, String)> {
        const AUX: &[&str] = &[
            "was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "got", "get",
            "gets",
        ];
        const FUTURE: &[&str] = &["will", "would", "shall"];
        // Words that make an -ed word an adjective: "remains unchanged", "highly anticipated".
        const ADJECTIVAL: &[&str] = &[
            "remain", "remains", "remained", "stay", "stays", "stayed", "seem", "seems", "seemed",
            "look", "looks", "looked", "appear", "appears", "become", "becomes", "became", "very",
            "so", "too", "more", "most", "less", "least", "highly", "fully", "well", "much",
            "widely", "long", "deeply", "heavily", "partly", "largely",
        ];
        let w = words[k].as_str();
        let prev = k.checked_sub(1).map(|p| words[p].as_str());
        let past_form = w.len() >= 5 && w.ends_with("ed");
        let after_modal = prev.is_some_and(|p| FUTURE.contains(&p));
        // Most words are none of these: the ignore list is read only for candidates.
        if !(past_form || after_modal || self.irregular.contains_key(w))
            || self.ignore.iter().any(|i| i == w)
        {
            return None;
        }
        if prev.is_some_and(|p| DETERMINERS.contains(&p)) {
            return None;
        }
        let key = if let Some(base) = self.irregular.get(w) {
            lemma_key(base, false)
        } else if w.len() >= 5
            && w.ends_with("ed")
            && !w.ends_with("eed")
            && !w.starts_with("un")
            && w.chars().all(|c| c.is_ascii_lowercase())
        {
            if prev.is_some_and(|p| ADJECTIVAL.contains(&p)) {
                return None;
            }
            lemma_key(w, true)
        } else if prev.is_some_and(|p| FUTURE.contains(&p))
            && w.len() >= 3
            && w.chars().all(|c| c.is_ascii_lowercase())
            && !crate::words::is_stop(w)
            && !AUX.contains(&w)
        {
            // "will resign", "would step down": the base form after a modal ("to" is too
            // often a preposition: "closed to traffic").
            lemma_key(w, false)
        } else {
            return None;
        };
        let surface = match prev {
            Some(p) if AUX.contains(&p) => format!("{p} {w}"),
            Some("would") => format!("would {w}"),
            Some(p) if FUTURE.contains(&p) => format!("will {w}"),
            _ => w.to_string(),
        };
        Some((key, surface))
    }
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
/// ("will not start April 9"), the topics, the verb as written when it is in no class, and
/// whether the verb that names the event is in the past tense ("filed", "was contained").
pub(super) type EventAt = (
    Option<String>,
    Option<String>,
    Vec<String>,
    Option<String>,
    bool,
);

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
    /// For each verb: is it in the past tense ("kicked off", "was launched", "won")?
    pub(super) past: Vec<bool>,
    /// `(first start, end, "n:class")`, sorted by start.
    pub(super) nouns: Vec<(usize, usize, String)>,
    /// Every mention of a noun class, `(start, end, "n:class")`, sorted by start.
    pub(super) mentions: Vec<(usize, usize, String)>,
    /// Where the sentence's clauses break (see [`crate::text::clause_breaks`]).
    pub(super) breaks: Vec<(usize, usize)>,
    /// `(end, lower-case name)` in text order, distinct.
    pub(super) names: Vec<(usize, String)>,
    /// Every capitalised name, `(end, lower-case name)` in text order (for a clause's own).
    pub(super) all_names: Vec<(usize, String)>,
    /// Verbs in no class: `(start, end, lemma key, surface, negated)`, sorted by start, outside
    /// quotation marks and not inside a class verb.
    pub(super) open: Vec<(usize, usize, String, String, bool)>,
}

/// Is the word at byte `i` of `lower` used as a noun: after a determiner, a possessive or
/// a figure ("the launch", "Nintendo's launch", "the June 5, 2025 launch")?
fn noun_use(lower: &str, i: usize) -> bool {
    let before = lower.slice(window_start(lower, i, 40)..i).trim_end();
    let prev = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    DETERMINERS.contains(&prev)
        || prev.ends_with("'s")
        || prev.ends_with("’s")
        || prev.ends_with(|c: char| c.is_ascii_digit())
}

/// Is `lower[i..end]` a whole word (no letter or digit either side)?
pub(super) fn whole_word(lower: &str, i: usize, end: usize) -> bool {
    crate::text::is_whole_word(lower, i, end)
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
        let past = verbs
            .iter()
            .map(|v| {
                let before = lower.slice(window_start(&lower, v.0, 12)..v.0);
                lower
                    .slice(v.0..v.1)
                    .split(' ')
                    .chain(before.split_whitespace().next_back())
                    .any(super::scan::is_past_verb)
            })
            .collect();
        let mut mentions = Vec::new();
        let mut nouns = Vec::new();
        for (class, words) in &ev.nouns {
            let tag = format!("n:{class}");
            let mut found: Vec<(usize, usize)> = words
                .iter()
                .flat_map(|w| {
                    lower
                        .match_indices(w.as_str())
                        .map(move |(i, _)| (i, i + w.len()))
                })
                .filter(|&(i, end)| whole_word(&lower, i, end))
                .collect();
            found.sort_unstable();
            found.dedup_by_key(|m| m.0);
            // A word that is also an event verb ("launch", "debut") names the event's
            // subject only as a noun: after a determiner, a possessive or a date ("the
            // launch", "its debut", "the June 5 launch"), never as the verb ("to debut").
            found.retain(|&(i, end)| {
                !verbs.iter().any(|v| v.0 == i && v.1 == end) || noun_use(&lower, i)
            });
            if let Some(&(i, end)) = found.first() {
                nouns.push((i, end, tag.clone()));
            }
            mentions.extend(found.into_iter().map(|(i, end)| (i, end, tag.clone())));
        }
        nouns.sort();
        mentions.sort();
        // Names: capitalised words not opening the sentence, not calendar words.
        let mut names: Vec<(usize, String)> = Vec::new();
        let mut all_names: Vec<(usize, String)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let toks = crate::words::tokens(text);
        // Quotations as the quote extractor reads them (double and single marks).
        let quoted = crate::extract::quote::quote_spans(text);
        let words: Vec<String> = toks
            .iter()
            .map(|&(s, e)| lower.slice(s..e).to_string())
            .collect();
        let mut open = Vec::new();
        // Tokens, class verbs and quotations are all in text order: one sweep finds the
        // furthest end of a verb or a quotation begun at or before each token.
        let (mut vi, mut qi, mut v_end, mut q_end) = (0, 0, 0, 0);
        for (k, &(s, e)) in toks.iter().enumerate() {
            while vi < verbs.len() && verbs[vi].0 <= s {
                v_end = v_end.max(verbs[vi].1);
                vi += 1;
            }
            while qi < quoted.len() && quoted[qi].0 <= s {
                q_end = q_end.max(quoted[qi].1);
                qi += 1;
            }
            if text
                .slice(s..e)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
                || e <= q_end
                || e <= v_end
            {
                continue;
            }
            if let Some((key, surface)) = ev.open.verb_at(&words, k) {
                let negated = is_negated(lower.slice(window_start(&lower, s, 60)..s));
                open.push((s, e, key, surface, negated));
            }
        }
        let capital = |k: usize| {
            toks.get(k).is_some_and(|&(s, e)| {
                text.slice(s..e)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
            })
        };
        for (k, &(s, e)) in toks.iter().enumerate() {
            let w = text.slice(s..e);
            // The sentence's first word is a name only when a capitalised word follows it
            // ("Ana Ruiz resigned"), and then only for a clause's own names.
            let opening = k == 0;
            if !capital(k) || (opening && !capital(1)) {
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
            all_names.push((e, name.clone()));
            if !opening && seen.insert(name.clone()) {
                names.push((e, name));
            }
        }
        EventIndex {
            verbs,
            negated,
            date_noun,
            past,
            nouns,
            mentions,
            breaks: crate::text::clause_breaks(text),
            names,
            all_names,
            open,
        }
    }

    /// How far before the date the nearest verb in no class of its clause ends, if one does.
    fn open_before(&self, at: usize, limit: usize) -> Option<usize> {
        let (from, _) = self.clause_near(at, limit);
        let k = self.open.partition_point(|v| v.1 <= at);
        let v = self.open[..k].last()?;
        (v.0 >= from).then(|| at - v.1)
    }

    /// The clause that holds byte `at`, cut at `limit` and to [`EVENT_WINDOW`] bytes either
    /// side (a pathological sentence costs no more per date than an ordinary one).
    fn clause_near(&self, at: usize, limit: usize) -> (usize, usize) {
        let (from, to) = crate::text::clause_of(&self.breaks, at);
        (
            from.max(at.saturating_sub(EVENT_WINDOW)),
            to.min(limit).min(at.saturating_add(EVENT_WINDOW)),
        )
    }

    /// The noun classes named in the clause that holds byte `at` (cut at a semicolon or a
    /// contrast, and at `limit`), in order of first mention: "though the June 5 launch
    /// remains on track" names a launch, whatever the sentence's first clause is about.
    fn clause_nouns(&self, at: usize, limit: usize) -> Vec<String> {
        let (from, to) = self.clause_near(at, limit);
        let lo = self.mentions.partition_point(|m| m.0 < from);
        let mut out: Vec<String> = Vec::new();
        for m in self.mentions[lo..].iter().take_while(|m| m.1 <= to) {
            if !out.contains(&m.2) {
                out.push(m.2.clone());
            }
        }
        out
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
            .min();
        // A verb in no class between the class verb and the date, in the date's clause,
        // governs it ("picked up by immigration on Friday and a judge signed …": the
        // pick-up, not the signing).
        let class_dist = best.map(|b| {
            if self.verbs[b.4].0 >= end {
                usize::MAX
            } else {
                b.0
            }
        });
        let open_first = match (class_dist, self.open_before(at, limit)) {
            (None, _) => true,
            (Some(c), Some(o)) => o < c && o <= OPEN_WINDOW,
            (Some(_), None) => false,
        };
        let best = best.map(|b| {
            (
                self.verbs[b.4].4.clone(),
                self.negated[b.4] && !until,
                self.past[b.4],
            )
        });
        if open_first && !best.as_ref().is_some_and(|b| b.1) {
            if let Some(found) = self.open_at(at, end, limit) {
                return found;
            }
        }
        let past = best.as_ref().is_some_and(|b| b.2);
        let (best, denied) = match best {
            Some((class, true, _)) => (None, Some(class)),
            Some((class, false, _)) => (Some(class), None),
            None => (None, None),
        };
        // The date's own clause names what it dates when it names an event noun; else
        // the sentence's nouns (before `limit`) do.
        let mut topics = self.clause_nouns(at, limit);
        if topics.is_empty() {
            topics = self
                .nouns
                .iter()
                .filter(|n| n.1 <= limit)
                .map(|n| n.2.clone())
                .collect();
        }
        for (_, name) in self.names.iter().filter(|n| n.0 <= limit) {
            if topics.len() >= MAX_NAME_TOPICS {
                break;
            }
            if !topics.contains(name) {
                topics.push(name.clone());
            }
        }
        (best, denied, topics, None, past)
    }

    /// A verb in no class in the date's own clause, the nearest within [`OPEN_WINDOW`]
    /// bytes and not negated: the event is `v:` and its lemma key, the topics the clause's
    /// noun classes and names (its arguments), and the verb as written.
    fn open_at(&self, at: usize, end: usize, limit: usize) -> Option<EventAt> {
        let (from, to) = self.clause_near(at, limit);
        // The verb before the date governs it ("clinched a deal on Monday to buy …"); one
        // after it only when none comes before in the clause ("On Monday, the firm
        // clinched …").
        let lo = self.open.partition_point(|v| v.1 + OPEN_WINDOW < at);
        let (_, k) = self.open[lo..]
            .iter()
            .enumerate()
            .take_while(|(_, v)| v.0 <= end + OPEN_WINDOW)
            .filter(|(_, v)| v.0 >= from && v.1 <= to && (v.1 <= at || v.0 >= end))
            .map(|(k, v)| {
                let rank = if v.1 <= at {
                    (0, at - v.1)
                } else {
                    (1, v.0 - end)
                };
                (rank, k + lo)
            })
            .min()?;
        let verb = &self.open[k];
        if verb.4 {
            return None;
        }
        let mut topics = self.clause_nouns(at, limit);
        let first = self.all_names.partition_point(|n| n.0 <= from);
        for (_, name) in self.all_names[first..].iter().take_while(|n| n.0 <= to) {
            if topics.len() >= MAX_NAME_TOPICS {
                break;
            }
            if !topics.contains(name) {
                topics.push(name.clone());
            }
        }
        let past = !verb.3.starts_with("will ") && !verb.3.starts_with("would ");
        Some((
            Some(format!("v:{}", verb.2)),
            None,
            topics,
            Some(verb.3.clone()),
            past,
        ))
    }
}

/// Does the text before a verb end in a negation of it ("will not", "didn't", "never",
/// "no longer", "has yet to")? Up to two words may stand between ("will not now start").
pub(crate) fn is_negated(before: &str) -> bool {
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
    // A verb in no class is told as written: "when the blaze was contained".
    if let (Some(verb), Some(true)) = (&v.verb, v.event.as_deref().map(|e| e.starts_with("v:"))) {
        let who = names.holding(&v.topics).unwrap_or(noun);
        return format!("when {who} {verb}");
    }
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
        // Who won is not known from the names: the contest, then who was in it.
        Some("elect") if noun != "it" && !v.topics.iter().any(|t| t.starts_with("n:")) => {
            let when = if v.future {
                "is decided"
            } else {
                "was decided"
            };
            return format!("when the contest involving {noun} {when}");
        }
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
