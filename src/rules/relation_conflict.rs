//! `relation-conflict`: two sources give one relation between named participants in
//! opposite ways: the roles swapped ("Ortiz beat Lamb"; "Lamb beat Ortiz") or the same
//! relation affirmed and denied ("Ortiz was charged"; "Ortiz was not charged").
//!
//! Each sentence is read for simple clauses outside quotation marks: a verb (a past form,
//! a base form after a modal or a negation: the open verbs of `rules/lexicon/events.toml`),
//! the name just before it, and the name (or the noun) just after it; a passive with "by"
//! is turned round ("Lamb was beaten by Ortiz" is "Ortiz beat Lamb"). A clause under a verb
//! of saying ("Ortiz said Lamb attacked him") is someone's account, not the source's, and is
//! skipped, as are questions and conditions. Relations are blocked by verb and participants,
//! so the work grows with the story's clauses, not with pairs of them.

use std::collections::{BTreeMap, BTreeSet};

use super::{Check, Rule};
use crate::extract::time::{is_negated, lemma_key};
use crate::finding::{evidence, Finding, Severity};
use crate::text::Slice;
use crate::Analysis;

pub struct RelationConflict;

/// Sources shown in full per side of a finding; the rest are counted in its message.
const MAX_SHOWN: usize = 6;

/// Words that put the rest of the sentence in someone's mouth or in doubt: a clause after
/// them is an account or a condition, not what the source states.
const ACCOUNT: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "claimed",
    "claims",
    "claim",
    "alleged",
    "alleges",
    "allege",
    "according",
    "accused",
    "accuses",
    "insisted",
    "insists",
    "denied",
    "denies",
    "deny",
    "argued",
    "argues",
    "believes",
    "believed",
    "believe",
    "suggested",
    "suggests",
    "thinks",
    "think",
    "thought",
    "if",
    "whether",
    "unless",
    "rumoured",
    "rumored",
    "reportedly",
    "feared",
    "fears",
    "hoped",
    "hopes",
    "asked",
    "wondered",
];

/// Words between a name and its verb that neither hide nor change the relation (and any
/// contraction in "n't": "didn't", "wasn't").
const BETWEEN: &[&str] = &[
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "shall",
    "did",
    "does",
    "do",
    "not",
    "never",
    "also",
    "then",
    "later",
    "eventually",
    "finally",
    "subsequently",
    "once",
    "again",
    "cannot",
    "could",
    "can",
    "got",
];

/// Auxiliaries before "not" that make the next base form a verb ("did not", "will not").
const AUX_BEFORE_NOT: &[&str] = &[
    "did", "does", "do", "will", "would", "could", "can", "shall",
];

/// Words just before a name that make it part of something else ("the wife of Lamb",
/// "with Ortiz"), not the verb's participant.
const NOT_A_SUBJECT_AFTER: &[&str] = &[
    "of", "to", "for", "with", "by", "from", "and", "or", "nor", "against", "than", "at", "in",
    "on", "into", "over", "under", "about", "between", "like", "as", "versus", "vs", "&", "a",
    "an", "whom", "whose",
];

/// Words after a negated verb that bound it in time or degree ("did not open until May",
/// "not only beat"): the negation then denies nothing another source affirms.
const BOUNDING: &[&str] = &[
    "until",
    "till",
    "before",
    "yet",
    "immediately",
    "only",
    "just",
    "again",
    "fully",
    "outright",
    "alone",
    "directly",
    "personally",
];

/// Determiners and prepositions skipped on the way to the noun after a verb.
const SKIP_TO_NOUN: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "this", "that", "with", "from", "in", "on",
    "at", "to", "for", "as", "of", "any", "my", "our", "your",
];

/// One relation a sentence states.
#[derive(Debug, Clone)]
struct Relation {
    source: usize,
    sentence: usize,
    /// The verb's lemma key ("beat", "resign", "charg").
    lemma: String,
    /// The verb as written ("beat", "defeated", "resign").
    verb: String,
    /// A future (after "will", "would") rather than a past.
    future: bool,
    /// The doer: a name's key and words, when the sentence names it.
    agent: Option<(String, String)>,
    /// The named one the verb acts on (key, words): the name after an active verb, or the
    /// name before a passive one.
    patient: Option<(String, String)>,
    /// The word after the verb when no name follows it ("charged with murder": "murder";
    /// empty when the clause ends there: "did not resign.").
    noun: String,
    passive: bool,
    negated: bool,
    /// Byte range in the cleaned text, from the first participant to the last.
    start: usize,
    end: usize,
}

/// Is a token a name word: capitalised, not a function word, month or weekday?
fn is_name_word(w: &str) -> bool {
    let Some(c) = w.chars().next() else {
        return false;
    };
    let low = w.to_lowercase();
    // A capitalised word, or an acronym of two letters or more ("IGN", "NATO").
    c.is_uppercase()
        && (w.chars().any(char::is_lowercase)
            || w.chars().filter(|c| c.is_uppercase()).count() >= 2)
        && !crate::words::is_stop(&low)
        && crate::extract::time::month_word(&low).is_none()
        && crate::extract::time::weekday_word(&low).is_none()
}

/// Is the text between two tokens only spaces (no punctuation that ends a phrase)?
fn joined(text: &str, from: usize, to: usize) -> bool {
    text.slice(from..to).chars().all(char::is_whitespace)
}

/// The key of a name: its last word, lower-cased ("John Smith" and "Smith" meet).
fn name_key(words: &[&str]) -> String {
    words
        .last()
        .map(|w| w.to_lowercase().replace(['’', '\''], ""))
        .unwrap_or_default()
}

/// The sentence's tokens as `(start, end, word, lower-cased)`.
struct Toks<'t> {
    text: &'t str,
    spans: Vec<(usize, usize)>,
    lower: Vec<String>,
}

impl<'t> Toks<'t> {
    fn new(text: &'t str) -> Toks<'t> {
        let spans = crate::words::tokens(text);
        let lower = spans
            .iter()
            .map(|&(s, e)| text.slice(s..e).to_lowercase().replace('’', "'"))
            .collect();
        Toks { text, spans, lower }
    }

    fn word(&self, k: usize) -> &'t str {
        let (s, e) = self.spans[k];
        self.text.slice(s..e)
    }

    /// Is token `b` right after token `a`, with only spaces between?
    fn adjacent(&self, a: usize, b: usize) -> bool {
        joined(self.text, self.spans[a].1, self.spans[b].0)
    }

    /// The name that ends at token `k` (walking back): its first token, or `None` when the
    /// words there are no name or belong to something else ("the wife of Lamb").
    fn name_ending_at(&self, k: usize) -> Option<usize> {
        let w = self.word(k);
        if !is_name_word(w) || w.ends_with("'s") || w.ends_with("’s") {
            return None;
        }
        let mut first = k;
        while first > 0
            && k - first < 4
            && self.adjacent(first - 1, first)
            && is_name_word(self.word(first - 1))
        {
            first -= 1;
        }
        if first > 0 && self.adjacent(first - 1, first) {
            let before = self.lower[first - 1].as_str();
            if NOT_A_SUBJECT_AFTER.contains(&before) || before.ends_with("'s") {
                return None;
            }
        }
        Some(first)
    }

    /// The name that starts at token `k` (walking on), skipping "the": its last token.
    /// `None` when there is none or it is a possessive ("beat Lamb's team").
    fn name_starting_at(&self, k: usize) -> Option<(usize, usize)> {
        let mut k = k;
        if self.lower.get(k).is_some_and(|w| w == "the") && k + 1 < self.spans.len() {
            if !self.adjacent(k, k + 1) {
                return None;
            }
            k += 1;
        }
        if k >= self.spans.len() || !is_name_word(self.word(k)) {
            return None;
        }
        let mut last = k;
        while last + 1 < self.spans.len()
            && last - k < 4
            && self.adjacent(last, last + 1)
            && is_name_word(self.word(last + 1))
        {
            last += 1;
        }
        let w = self.word(last);
        if w.ends_with("'s") || w.ends_with("’s") {
            return None;
        }
        // "beat Lamb's team": the possessive may be its own token after an apostrophe.
        let rest = self.text.slice(self.spans[last].1..);
        if rest.starts_with("'s") || rest.starts_with("’s") {
            return None;
        }
        Some((k, last))
    }

    /// The word after token `k` past determiners and prepositions ("charged with murder" →
    /// "murder"), as a stem, and its token; empty when the clause ends first.
    fn noun_after(&self, k: usize) -> (String, Option<usize>) {
        let mut j = k + 1;
        let mut skipped = 0;
        while j < self.spans.len() && self.adjacent(j - 1, j) && skipped < 3 {
            let w = self.lower[j].as_str();
            if SKIP_TO_NOUN.contains(&w) {
                j += 1;
                skipped += 1;
                continue;
            }
            // The next word, whatever it is: only the end of the clause is no word ("did
            // not resign."), so "provided a new date" never meets "provided IGN".
            return (crate::words::stem(w), Some(j));
        }
        (String::new(), None)
    }
}

/// The relations stated in one sentence.
fn relations(a: &Analysis, source: usize, sentence: usize, out: &mut Vec<Relation>) {
    let doc = &a.docs[source];
    let text = doc.sentence_text(sentence);
    if text.contains('?') {
        return;
    }
    let base = doc.sentences[sentence].start;
    let toks = Toks::new(text);
    let open = &a.lexicons.events.open;
    let quotes = crate::extract::quote::quote_spans(text);
    let len = toks.spans.len();
    // Where the sentence first turns to an account or a condition: verbs after it are not
    // read (found once, so a long sentence is not rescanned per verb).
    let first_account = toks
        .lower
        .iter()
        .position(|x| ACCOUNT.contains(&x.as_str()));
    for k in 1..len {
        let word = toks.word(k);
        if !word.chars().all(char::is_lowercase) {
            continue;
        }
        let prev = toks.lower[k - 1].as_str();
        let before_not = k
            .checked_sub(2)
            .map(|p| toks.lower[p].as_str())
            .filter(|_| prev == "not");
        // The verb: a form the open verbs read, or a base form after a negation.
        let (lemma, future) = if let Some((key, surface)) = open.verb_at(&toks.lower, k) {
            let future = surface.starts_with("will ") || surface.starts_with("would ");
            (key, future)
        } else if prev.ends_with("n't")
            || prev == "cannot"
            || before_not.is_some_and(|b| AUX_BEFORE_NOT.contains(&b))
        {
            if word.len() < 3
                || crate::words::is_stop(word)
                || open.ignore.iter().any(|i| i == word)
            {
                continue;
            }
            let modal = before_not.unwrap_or(prev);
            let future = ["will", "would", "won't", "wouldn't", "shall"].contains(&modal);
            (lemma_key(word, false), future)
        } else {
            continue;
        };
        let at = toks.spans[k].0;
        // Quote spans come in text order: the one that could hold the verb is found by
        // binary search.
        let holder = quotes.partition_point(|&(start, _)| start <= at);
        if holder > 0 && at < quotes[holder - 1].1 {
            continue;
        }
        if first_account.is_some_and(|f| f < k) {
            continue;
        }
        // The negation is in the few words before the verb: a bounded window, so a long
        // sentence is not rescanned per verb.
        let negated = is_negated(text.slice(crate::text::window_start(text, at, 60)..at));
        // Walk back over auxiliaries and adverbs to the name before the verb.
        let mut j = k;
        let mut passive = false;
        while j > 0 && k - j < 4 && toks.adjacent(j - 1, j) {
            let x = toks.lower[j - 1].as_str();
            if BETWEEN.contains(&x) || x.ends_with("n't") || (x.ends_with("ly") && x.len() > 4) {
                if matches!(
                    x,
                    "was" | "were" | "is" | "are" | "be" | "been" | "being" | "got"
                ) {
                    passive = true;
                }
                j -= 1;
            } else {
                break;
            }
        }
        if j == 0 || !toks.adjacent(j - 1, j) {
            continue;
        }
        let Some(first) = toks.name_ending_at(j - 1) else {
            continue;
        };
        let before_words: Vec<&str> = (first..j).map(|i| toks.word(i)).collect();
        let before = (name_key(&before_words), before_words.join(" "));
        let by = k + 1 < len && toks.lower[k + 1] == "by" && toks.adjacent(k, k + 1);
        if by && !passive {
            // "stopped by the house": no relation between two names.
            continue;
        }
        let (after, after_is_name, last) = match toks.name_starting_at(k + 1 + usize::from(by)) {
            Some((s, e)) if k + 1 < len && toks.adjacent(k, k + 1) => {
                let ws: Vec<&str> = (s..=e).map(|i| toks.word(i)).collect();
                (Some((name_key(&ws), ws.join(" "))), true, e)
            }
            _ if by => continue,
            _ => {
                let (noun, at) = toks.noun_after(k);
                (Some((noun, String::new())), false, at.unwrap_or(k))
            }
        };
        let (after, noun) = if after_is_name {
            (after, String::new())
        } else {
            (None, after.map(|x| x.0).unwrap_or_default())
        };
        // A passive with "by" is the active turned round; without it, the doer is unsaid
        // and the word after the verb says what ("Ortiz was charged with murder").
        let (agent, patient) = if passive && by {
            (after, Some(before))
        } else if passive {
            (None, Some(before))
        } else {
            (Some(before), after)
        };
        // A negation bounded in time or degree denies nothing another source affirms.
        if negated
            && toks.lower[k + 1..len.min(k + 4)]
                .iter()
                .any(|x| BOUNDING.contains(&x.as_str()))
        {
            continue;
        }
        out.push(Relation {
            source,
            sentence,
            lemma,
            verb: word.to_string(),
            future,
            agent,
            patient,
            noun,
            passive,
            negated,
            start: base + toks.spans[first].0,
            end: base + toks.spans[last.max(k)].1,
        });
    }
}

/// The days a sentence's dates give, for telling two occasions apart.
fn days_by_sentence(a: &Analysis) -> BTreeMap<(usize, usize), BTreeSet<chrono::NaiveDate>> {
    let mut out: BTreeMap<(usize, usize), BTreeSet<chrono::NaiveDate>> = BTreeMap::new();
    for c in &a.claims {
        if let crate::extract::Value::Date(v) = &c.value {
            if let Some(d) = v.date {
                out.entry((c.source, c.sentence)).or_default().insert(d);
            }
        }
    }
    out
}

/// The words a relation is shown as: the source's own, from the first participant to the
/// last ("Ortiz was not charged", "Lamb was beaten by Ortiz"), at most 16 words.
fn phrase(a: &Analysis, r: &Relation) -> String {
    let words = a.docs[r.source].cleaned.text.as_str().slice(r.start..r.end);
    let words: Vec<&str> = words.split_whitespace().collect();
    if words.len() > 16 {
        format!("{}…", words[..16].join(" "))
    } else {
        words.join(" ")
    }
}

impl Check for RelationConflict {
    fn run(&self, rule: &Rule, a: &Analysis, out: &mut Vec<Finding>) {
        let mut all = Vec::new();
        for (si, doc) in a.docs.iter().enumerate() {
            for i in 0..doc.sentences.len() {
                relations(a, si, i, &mut all);
            }
        }
        if all.is_empty() {
            return;
        }
        let days = days_by_sentence(a);
        let other_occasion = |x: &Relation, y: &Relation| match (
            days.get(&(x.source, x.sentence)),
            days.get(&(y.source, y.sentence)),
        ) {
            (Some(p), Some(q)) => p.is_disjoint(q),
            _ => false,
        };
        let swap_meets = |x: &Relation, y: &Relation| !other_occasion(x, y);
        let symmetric: BTreeSet<String> = a
            .lexicons
            .events
            .open
            .symmetric
            .iter()
            .map(|w| lemma_key(w, false))
            .collect();
        // Swapped roles: blocked by verb, tense and the unordered pair of names.
        let mut pairs: BTreeMap<(&str, bool, &str, &str), Vec<&Relation>> = BTreeMap::new();
        // Affirmed and denied: blocked by verb, tense and the named one it acts on (else
        // the doer), so "Police arrested Dunn" meets "Dunn was not arrested".
        let mut polar: BTreeMap<(&str, bool, String), Vec<&Relation>> = BTreeMap::new();
        for r in &all {
            let agent = r.agent.as_ref().map_or("", |x| x.0.as_str());
            let patient = r.patient.as_ref().map_or("", |x| x.0.as_str());
            if !r.negated && !agent.is_empty() && !patient.is_empty() && agent != patient {
                if symmetric.contains(&r.lemma) {
                    continue;
                }
                let (p, q) = if agent < patient {
                    (agent, patient)
                } else {
                    (patient, agent)
                };
                pairs
                    .entry((r.lemma.as_str(), r.future, p, q))
                    .or_default()
                    .push(r);
            }
            let named = if patient.is_empty() {
                format!("a:{agent}")
            } else {
                format!("p:{patient}")
            };
            polar
                .entry((r.lemma.as_str(), r.future, named))
                .or_default()
                .push(r);
        }
        for ((_, _, p, _), rels) in &pairs {
            let agent_of = |r: &Relation| r.agent.as_ref().map_or("", |x| x.0.as_str()) == *p;
            let one: Vec<&Relation> = rels.iter().copied().filter(|r| agent_of(r)).collect();
            let two: Vec<&Relation> = rels.iter().copied().filter(|r| !agent_of(r)).collect();
            report(rule, a, (&one, &two), &swap_meets, false, out);
        }
        for rels in polar.values() {
            let yes: Vec<&Relation> = rels.iter().copied().filter(|r| !r.negated).collect();
            let no: Vec<&Relation> = rels.iter().copied().filter(|r| r.negated).collect();
            // A bare denial ("did not withdraw.") denies the event whatever followed it in
            // the affirmation; one with a word after it denies only that ("not with fraud").
            // Doers meet when they are one or one side leaves it unsaid.
            let meets = |x: &Relation, y: &Relation| {
                let doer = match (&x.agent, &y.agent) {
                    (Some(p), Some(q)) => p.0 == q.0,
                    _ => true,
                };
                doer && (x.noun == y.noun || y.noun.is_empty()) && !other_occasion(x, y)
            };
            report(rule, a, (&yes, &no), &meets, true, out);
        }
    }
}

/// One finding for two sides of a relation, when sources that give only one side meet
/// sources that give only the other about the same occasion.
fn report(
    rule: &Rule,
    a: &Analysis,
    (one, two): (&[&Relation], &[&Relation]),
    meets: &dyn Fn(&Relation, &Relation) -> bool,
    polarity: bool,
    out: &mut Vec<Finding>,
) {
    if one.is_empty() || two.is_empty() {
        return;
    }
    let sources =
        |side: &[&Relation]| -> BTreeSet<usize> { side.iter().map(|r| r.source).collect() };
    let (s1, s2) = (sources(one), sources(two));
    // A source that says both is left to the reader of that source.
    let mut shown_one: BTreeMap<usize, &Relation> = BTreeMap::new();
    let mut shown_two: BTreeMap<usize, &Relation> = BTreeMap::new();
    for x in one.iter().filter(|r| !s2.contains(&r.source)) {
        for y in two.iter().filter(|r| !s1.contains(&r.source)) {
            if meets(x, y) {
                shown_one.entry(x.source).or_insert(x);
                shown_two.entry(y.source).or_insert(y);
            }
        }
    }
    // Roles swapped: the side of the first source in story order is told first.
    if !polarity && shown_two.keys().next() < shown_one.keys().next() {
        std::mem::swap(&mut shown_one, &mut shown_two);
    }
    let (Some(first), Some(second)) = (shown_one.values().next(), shown_two.values().next()) else {
        return;
    };
    let ids = |m: &BTreeMap<usize, &Relation>| super::source_ids(a, m.keys(), MAX_SHOWN);
    let says = |m: &BTreeMap<usize, &Relation>| if m.len() == 1 { "says" } else { "say" };
    let subject = if polarity {
        format!("whether {}", phrase(a, first))
    } else {
        let name = |r: &Relation| r.agent.as_ref().map_or(String::new(), |x| x.1.clone());
        // The verb as an active one writes it ("beat", not "beaten").
        let verb = one
            .iter()
            .chain(two)
            .find(|r| !r.passive)
            .map_or(first.verb.as_str(), |r| r.verb.as_str());
        format!("who {verb} whom: {} or {}", name(first), name(second))
    };
    let mut f = rule.finding(
        subject,
        format!(
            "{} {} {}; {} {} {}",
            ids(&shown_one),
            says(&shown_one),
            phrase(a, first),
            ids(&shown_two),
            says(&shown_two),
            phrase(a, second),
        ),
    );
    if polarity {
        f.severity = Severity::Warning.max(f.severity);
        f.note = Some(
            "one source affirms what another denies: check whether they speak of the same occasion"
                .into(),
        );
    } else {
        f.note = Some("the sources give the two participants opposite roles".into());
    }
    let mut shown: Vec<&Relation> = shown_one
        .values()
        .take(MAX_SHOWN)
        .chain(shown_two.values().take(MAX_SHOWN))
        .copied()
        .collect();
    shown.sort_by_key(|r| (r.source, r.start));
    for r in shown {
        let doc = &a.docs[r.source];
        let span = doc
            .cleaned
            .text
            .to_span(r.start, r.end, &a.story.sources[r.source].text);
        f.values
            .push(evidence(a, r.source, r.sentence, span, &phrase(a, r)));
    }
    out.push(f);
}
