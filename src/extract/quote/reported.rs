//! Statements reported without quotation marks.
//!
//! A source may print another source's quote as reported speech: "Hashimoto said the plant
//! would stay open", "The plant will stay open, Hashimoto said", "According to Hashimoto,
//! the plant will stay open". Such a sentence gives a quote claim that is not `marked`: its
//! words are the reported clause, its speaker the reporting clause's subject (a person the
//! source names; "he"/"she" or a body give no speaker). `quote-drift` compares these only
//! with another source's marked quote that shares a long run of their words, and only for
//! what reported speech keeps: the speaker, and the sense (a negation or a verb turned
//! round), not the wording (reported speech shifts tense and pronouns).

use super::{quote_claim, quote_spans, Claim, SPEECH, TO_LISTENER};
use crate::segment::Doc;
use crate::story::Source;
use crate::text::Slice;

/// Verbs of a reporting clause (a subset of the verbs of speech: "asked", "posted",
/// "according" report no statement in the clause after them).
fn reporting(w: &str) -> bool {
    SPEECH.contains(&w)
        && !matches!(
            w,
            "asked" | "according" | "posted" | "continued" | "tweeted"
        )
        || matches!(w, "tells" | "claimed" | "claims" | "maintained" | "insists")
}

/// Words that mark a name as inside a clause of its own, not the subject of the reporting
/// verb after it ("the man who, Smith said, …", "after Smith said").
const NOT_SUBJECT: &[&str] = &[
    "who", "whom", "whose", "which", "that", "and", "or", "but", "if", "when", "because", "after",
    "before", "while", "than", "as", "where", "whether", "what",
];

/// Words that open a phrase of place or time after a reporting verb.
const PREPOSITIONS: &[&str] = &[
    "at", "in", "on", "during", "to", "after", "before", "for", "from", "with", "via", "through",
    "over", "late", "earlier", "last", "this",
];

/// Words that open a reported clause after such a phrase: its subject's pronoun or article.
const OPENERS: &[&str] = &[
    "it", "they", "he", "she", "we", "there", "the", "its", "their", "his", "her", "this",
];

/// Shortest reported clause taken, in words.
const MIN_WORDS: usize = 6;

/// Reported statements of a source (see the module's documentation), as unmarked quote
/// claims numbered as passages from `passages`.
pub(super) fn extract(
    (si, source, doc): (usize, &Source, &Doc),
    names: &[(String, String)],
    mut passages: usize,
    out: &mut Vec<Claim>,
) {
    let text = doc.cleaned.text.as_str();
    // Sentences holding a quote already (a block statement) are not read again.
    let quoted: std::collections::BTreeSet<usize> = out
        .iter()
        .filter(|c| c.source == si && matches!(c.value, crate::extract::Value::Quote(_)))
        .map(|c| c.sentence)
        .collect();
    for (i, s) in doc.sentences.iter().enumerate() {
        if quoted.contains(&i) {
            continue;
        }
        let st = text.slice(s.start..s.end);
        if !quote_spans(st).is_empty() || st.contains(['“', '”', '"']) {
            continue;
        }
        let Some((from, to, speaker)) = statement(st, names) else {
            continue;
        };
        let from = from + (st.slice(from..to).len() - st.slice(from..to).trim_start().len());
        let to = from + st.slice(from..to).trim_end().len();
        let words = st.slice(from..to);
        if words.split_whitespace().count() < MIN_WORDS
            // A statement inside the statement ("Smith said Jones told him …") is someone
            // else's.
            || words
                .split(|c: char| !c.is_alphabetic())
                .any(|w| reporting(&w.to_lowercase()))
        {
            continue;
        }
        let mut c = quote_claim(
            (si, source, doc),
            i,
            (s.start + from, s.start + to),
            speaker.as_ref(),
            passages,
        );
        if let crate::extract::Value::Quote(q) = &mut c.value {
            q.marked = false;
        }
        c.about = match &speaker {
            Some((_, t)) => format!("{t}'s words (reported)"),
            None => "reported words".into(),
        };
        out.push(c);
        passages += 1;
    }
}

/// The reported clause of a sentence (byte range) and its speaker, when the sentence is a
/// statement with a reporting clause at its head, at its tail, or "according to" someone.
fn statement(st: &str, names: &[(String, String)]) -> Option<(usize, usize, Speaker)> {
    let toks = crate::words::tokens(st);
    let lower: Vec<String> = toks
        .iter()
        .map(|&(a, b)| st.slice(a..b).to_lowercase())
        .collect();
    let end = st.trim_end().trim_end_matches(['.', '!', '?']).len();
    // "According to Smith, the plant …"
    if lower.first().is_some_and(|w| w == "according") && lower.get(1).is_some_and(|w| w == "to") {
        let comma = st.find(',')?;
        let speaker = subject(st.slice(..comma), names)?;
        return Some((comma + 1, end, Some(speaker)));
    }
    // "The plant will stay open, Smith said (on Monday)." / "…, said Smith." / "…,
    // according to Smith."
    if let Some(comma) = st.slice(..end).rfind(',') {
        let tail = st.slice(comma + 1..end);
        let tail_words: Vec<String> = tail
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let verb = tail_words
            .iter()
            .position(|w| reporting(w) || w == "according");
        if let Some(v) = verb {
            if tail_words.len() <= 12 && comma > 0 {
                let pronoun = tail_words
                    .iter()
                    .take(v)
                    .any(|w| matches!(w.as_str(), "he" | "she"));
                let speaker = tail_speaker(tail, v, names);
                // The tail is a reporting clause and nothing else: its verb comes within
                // its first words ("Smith said", "said Commerce Secretary Jo Lee",
                // "Jo Lee, the mayor, said").
                if v <= 6 && (speaker.is_some() || pronoun) {
                    return Some((0, comma, speaker));
                }
            }
        }
    }
    // "Smith said (on Monday) (that) the plant …" / "Smith told reporters that …"
    let v = lower.iter().position(|w| reporting(w))?;
    let (vs, ve) = toks[v];
    let head = st.slice(..vs);
    let speaker = subject(head, names);
    let pronoun = matches!(lower.first().map(String::as_str), Some("he" | "she")) && v == 1;
    if speaker.is_none() && !pronoun {
        return None;
    }
    // Where the reported clause starts: after "that" within a few words, or right after
    // the verb; a verb that takes a listener ("told reporters") needs the "that".
    let that = lower
        .iter()
        .enumerate()
        .skip(v + 1)
        .take(7)
        .find(|(_, w)| *w == "that")
        .map(|(k, _)| k);
    // So does a verb that also takes a plain object ("declared a state of emergency",
    // "added a goal", "noted the risk").
    let listener = TO_LISTENER.contains(&lower[v].as_str())
        || matches!(
            lower[v].as_str(),
            "declared"
                | "added"
                | "noted"
                | "wrote"
                | "responded"
                | "replied"
                | "clarified"
                | "explained"
                | "remarked"
        );
    let from = match that {
        Some(k) if !st.slice(ve..toks[k].0).contains(',') => toks[k].1,
        _ if listener => return None,
        // "said in a statement the deal will …", "said in August it was …": past a
        // phrase of place or time to the clause's subject; no subject, no statement ("said
        // at a news conference Tuesday").
        _ if lower
            .get(v + 1)
            .is_some_and(|w| PREPOSITIONS.contains(&w.as_str())) =>
        {
            let k = (v + 3..=v + 7)
                .find(|&k| lower.get(k).is_some_and(|w| OPENERS.contains(&w.as_str())))?;
            toks[k].0
        }
        _ => ve,
    };
    Some((from, end, speaker))
}

type Speaker = Option<(String, String)>;

/// Byte ranges of the runs of letters of `s` (its words as the tail's verb is counted).
fn alphabetic_words(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(a)) => {
                out.push((a, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(a) = start {
        out.push((a, s.len()));
    }
    out
}

/// The speaker of a reporting clause that ends a sentence, whose verb is its word `v`:
/// the name right after a verb that opens it, past a title of capitalised words ("said
/// Commerce Secretary Jo Lee"), or the subject before the verb ("Jo Lee, the mayor,
/// said"); never a name inside a description ("said a nurse who cared for Jo Lee").
fn tail_speaker(tail: &str, v: usize, names: &[(String, String)]) -> Option<(String, String)> {
    let words = alphabetic_words(tail);
    if v > 0 {
        return subject(tail.slice(..words.get(v)?.0), names);
    }
    let verb_end = words.first()?.1;
    let rest = tail.slice(verb_end..);
    let (surname, text) = names
        .iter()
        .flat_map(|(full, surname)| [full, surname].map(|n| (surname, n)))
        .filter_map(|(s, n)| rest.find(n.as_str()).map(|i| (i, s, n)))
        .filter(|&(i, _, n)| {
            rest.slice(..i)
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                && !rest
                    .slice(i + n.len()..)
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
        })
        .min_by_key(|&(i, _, n)| (i, std::cmp::Reverse(n.len())))
        .map(|(_, s, n)| (s.to_lowercase(), n.clone()))?;
    Some((surname, text))
}

/// The subject of a reporting verb that follows `head`: a person named at the head's end
/// ("Commerce Secretary Jo Lee") or before an apposition set off by commas ("Jo Lee, 54,
/// the mayor,"), and not inside a clause of its own ("after Lee", "the man who Lee").
fn subject(head: &str, names: &[(String, String)]) -> Option<(String, String)> {
    let trimmed = head.trim_end();
    // Past an apposition: "Jo Lee, the mayor," → "Jo Lee".
    let core = match trimmed.strip_suffix(',') {
        Some(rest) => {
            let open = rest.rfind(',')?;
            let apposition = rest.slice(open + 1..);
            if apposition.len() > 100
                || apposition
                    .split(|c: char| !c.is_alphabetic())
                    .any(|w| NOT_SUBJECT.contains(&w.to_lowercase().as_str()))
            {
                return None;
            }
            rest.slice(..open)
        }
        None => trimmed,
    };
    // The clause the subject opens: after the last comma before it ("On Monday, Jo Lee").
    let clause = core.rsplit([',', ';', ':']).next().unwrap_or(core);
    let (surname, text) = names
        .iter()
        .flat_map(|(full, surname)| [full, surname].map(|n| (surname, n)))
        .filter(|(_, n)| clause.trim_end().ends_with(n.as_str()))
        .max_by_key(|(_, n)| n.len())
        .map(|(s, n)| (s.to_lowercase(), n.clone()))?;
    let before = clause.trim_end();
    let before = before.slice(..before.len() - text.len());
    if before
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    let words: Vec<String> = before
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    // "and" joins two subjects, unless it joins the words of one title ("President and
    // CEO David Burritt").
    let raw: Vec<&str> = before
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let joins_title = |k: usize| {
        matches!(words[k].as_str(), "and" | "or")
            && k > 0
            && [k - 1, k + 1].iter().all(|&j| {
                raw.get(j)
                    .is_some_and(|w| w.starts_with(char::is_uppercase))
            })
    };
    if words.len() > 8
        || (0..words.len()).any(|k| NOT_SUBJECT.contains(&words[k].as_str()) && !joins_title(k))
    {
        return None;
    }
    // Lower-case words before the name are a title or its determiner ("the company's
    // president", "former minister"), never a verb of their own.
    let verbish = before
        .split_whitespace()
        .any(|w| w.ends_with("ed") && w.chars().all(char::is_lowercase));
    (!verbish).then_some((surname, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Vec<(String, String)> {
        [("Jo Lee", "Lee"), ("Sam Ortiz", "Ortiz")]
            .iter()
            .map(|(f, s)| ((*f).to_string(), (*s).to_string()))
            .collect()
    }

    fn read(st: &str) -> Option<(String, Option<String>)> {
        statement(st, &names())
            .map(|(a, b, s)| (st.slice(a..b).trim().to_string(), s.map(|(_, t)| t)))
    }

    #[test]
    fn reporting_clause_at_head_tail_or_according_to() {
        assert_eq!(
            read("Jo Lee said on Monday that the plant would stay open for years."),
            Some((
                "the plant would stay open for years".into(),
                Some("Jo Lee".into())
            ))
        );
        assert_eq!(
            read("The plant will stay open for years, Lee said."),
            Some((
                "The plant will stay open for years".into(),
                Some("Lee".into())
            ))
        );
        assert_eq!(
            read("According to Ortiz, the vote was never going to pass."),
            Some((
                "the vote was never going to pass".into(),
                Some("Ortiz".into())
            ))
        );
        // The subject past an apposition, not the nearer name inside it.
        assert_eq!(
            read("Jo Lee, who worked under Sam Ortiz, said the plant would close."),
            None
        );
        assert_eq!(
            read("Jo Lee, the mayor, said the plant would close within weeks.").and_then(|r| r.1),
            Some("Jo Lee".into())
        );
    }

    #[test]
    fn a_name_that_is_not_the_subject_gives_no_speaker() {
        // After a verb that takes a listener, a "that" must open the statement.
        assert_eq!(read("Officials told Lee the plant would close soon."), None);
        // The name is the object of another verb.
        assert_eq!(read("Voters rejected Lee said one analyst today."), None);
        assert_eq!(
            read("After meeting Ortiz said the plant would close soon."),
            None
        );
    }
}
