//! Quotes and their speakers.
//!
//! Quoted spans are found in each paragraph of the cleaned text: curly or straight double
//! quotes (a curly opening may close straight, as pages mix them), and single quotes used
//! as quotation marks ('great deal'). A quote split by its attribution ("“A,” he said,
//! “B.”") stays two claims with one speaker. The speaker is the person named nearest the
//! quote in its sentence (a full name, or a surname the source or, when it gives that surname
//! to one person only, the story names in full elsewhere);
//! "he said"/"she said" falls back to the last person named before it.

mod reported;

use super::{claim, Claim, Ctx, Value};
use crate::segment::Doc;
use crate::story::Source;
use crate::text::Slice;
use crate::words;

/// Quoted words with the speaker they are given to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub words: String,
    /// The speaker's surname, lowercase, when found.
    pub speaker: Option<String>,
    /// The speaker as written.
    pub speaker_text: Option<String>,
    /// The words normalised for comparison: lowercase, punctuation dropped, "U.S." = "US",
    /// hyphens as spaces.
    pub tokens: Vec<String>,
    /// Whether the quote opens with a capital (presented as a sentence start).
    pub capitalised: bool,
    /// Indices into `tokens` where a sentence of the quote begins.
    pub sentence_starts: Vec<usize>,
    /// Whether each token is capitalised as written.
    pub caps: Vec<bool>,
    /// The source's passage of quoted speech this quote belongs to: quotes of one paragraph
    /// that continue one speaker's remarks ("“A,” Mahomes said. “B. C.”") share it, and so
    /// does a paragraph that is a quote alone after one. Numbered from 0 in text order.
    pub passage: usize,
    /// Whether the words are set off by quotation marks (or as a statement of their own);
    /// false for a statement reported as speech ("Lee said the plant would stay open"),
    /// see [`reported`].
    pub marked: bool,
}

/// Whether each token of `text` (as `quote_tokens` splits it) is capitalised as written.
pub fn token_caps(text: &str) -> Vec<bool> {
    text.split_whitespace()
        .flat_map(|word| {
            let n = quote_tokens(word).len();
            let cap = word
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            std::iter::repeat_n(cap, n)
        })
        .collect()
}

/// Indices of the tokens of `text` (as `quote_tokens` splits it) that begin a sentence.
pub fn sentence_starts(text: &str) -> Vec<usize> {
    let mut out = vec![0];
    let mut n = 0;
    for word in text.split_whitespace() {
        n += quote_tokens(word).len();
        let bare = word.trim_end_matches(['"', '\'', '’', '”', ')']);
        if bare.ends_with(['.', '!', '?']) {
            out.push(n);
        }
    }
    out
}

/// Abbreviations written with a full stop that a quote may print in full: months and the
/// weekdays whose short forms are no words of their own.
const SPELLED_OUT: &[(&str, &str)] = &[
    ("Jan.", "January"),
    ("Feb.", "February"),
    ("Mar.", "March"),
    ("Apr.", "April"),
    ("Jun.", "June"),
    ("Jul.", "July"),
    ("Aug.", "August"),
    ("Sep.", "September"),
    ("Sept.", "September"),
    ("Oct.", "October"),
    ("Nov.", "November"),
    ("Dec.", "December"),
    ("Mon.", "Monday"),
    ("Tue.", "Tuesday"),
    ("Tues.", "Tuesday"),
    ("Thu.", "Thursday"),
    ("Thur.", "Thursday"),
    ("Thurs.", "Thursday"),
    ("Fri.", "Friday"),
];

/// Words for comparing two versions of a quote: lower case, punctuation dropped, and forms
/// that do not change what was said made one ("U.S."/"US", "Oct."/"October", "9"/"nine",
/// "%"/"per cent"/"percent", "&"/"and", British/American spelling). Each word of `text`
/// gives the same tokens alone as in its sentence (`token_caps` counts on it).
pub fn quote_tokens(text: &str) -> Vec<String> {
    let mut t = text
        .replace(['’', '‘', '`'], "'")
        .replace("U.S.", "US")
        .replace("U.K.", "UK")
        .replace(['-', '–', '—'], " ")
        .replace('%', " per cent ")
        .replace('&', " and ");
    if t.contains('.') {
        for (short, full) in SPELLED_OUT {
            if t.contains(short) {
                t = t.replace(short, full);
            }
        }
    }
    let mut out: Vec<String> = Vec::new();
    for w in t
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty() && *w != "'")
    {
        let w = british(&w.trim_matches('\'').to_lowercase());
        if w.is_empty() {
            continue;
        }
        // "percent" is "per cent" (two tokens, as a word-by-word reading gives them).
        if w == "percent" {
            out.extend(["per".to_string(), "cent".to_string()]);
            continue;
        }
        let digit = [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        ]
        .iter()
        .enumerate()
        .find(|(n, _)| w == n.to_string());
        out.push(digit.map_or(w, |(_, word)| (*word).to_string()));
    }
    out
}

/// British and American spellings meet.
fn british(w: &str) -> String {
    for (a, b) in [
        ("isation", "ization"),
        ("ise", "ize"),
        ("ised", "ized"),
        ("ising", "izing"),
        ("our", "or"),
        ("ence", "ense"),
    ] {
        if w.len() > a.len() + 2
            && w.ends_with(a)
            && !matches!(
                w,
                "our"
                    | "your"
                    | "hour"
                    | "four"
                    | "tour"
                    | "rise"
                    | "wise"
                    | "otherwise"
                    | "promise"
                    | "surprise"
                    | "exercise"
                    | "advise"
                    | "since"
                    | "hence"
                    | "once"
                    | "whence"
            )
        {
            return format!("{}{b}", w.slice(..w.len() - a.len()));
        }
    }
    w.to_string()
}

const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stated",
    "clarified",
    "noted",
    "wrote",
    "responded",
    "replied",
    "explained",
    "insisted",
    "argued",
    "warned",
    "asked",
    "declared",
    "according",
    "remarked",
    "tweeted",
    "posted",
    "continued",
];

/// Quote spans (open, close) in a paragraph: byte offsets of the quoted words.
#[expect(
    clippy::many_single_char_names,
    reason = "a character scanner: i/j positions, c/d/p/n characters"
)]
pub(crate) fn quote_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        let prev = if i > 0 { Some(chars[i - 1].1) } else { None };
        let opens_double = c == '“'
            || (c == '"' && prev.is_none_or(|p| p.is_whitespace() || "([—–-:".contains(p)));
        let opens_single = (c == '‘' || c == '\'')
            && prev.is_none_or(|p| p.is_whitespace() || "([—–-:".contains(p))
            && chars.get(i + 1).is_some_and(|&(_, n)| n.is_alphanumeric());
        if opens_double || opens_single {
            let closers: &[char] = if opens_double {
                &['”', '"']
            } else {
                &['’', '\'']
            };
            let start = pos + c.len_utf8();
            let mut j = i + 1;
            let mut found = None;
            let mut reopened = false;
            while j < chars.len() {
                let (p, d) = chars[j];
                if opens_double && (d == '“') {
                    reopened = true;
                    break;
                }
                if closers.contains(&d) {
                    let next = chars.get(j + 1).map(|&(_, n)| n);
                    let ok = !opens_single || next.is_none_or(|n| !n.is_alphanumeric());
                    if ok {
                        found = Some(p);
                        break;
                    }
                }
                j += 1;
            }
            // A quote that runs on past its paragraph leaves the closing mark off (the
            // next paragraph opens again): it runs to the paragraph's end.
            if found.is_none() && opens_double && !reopened {
                let rest = text.slice(start..).trim_end();
                if rest.split_whitespace().count() >= 3
                    && rest.chars().next().is_some_and(char::is_uppercase)
                {
                    found = Some(start + rest.len());
                    j = chars.len();
                }
            }
            if let Some(end) = found {
                out.push((start, end));
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// The surname of the person named nearest `at` outside `quote` in `text`, among full
/// names and known surnames.
fn nearest_person(
    text: &str,
    quote: (usize, usize),
    names: &[(String, String)],
) -> Option<(String, String, usize)> {
    let mut best: Option<((bool, usize), String, String)> = None;
    for (full, surname) in names {
        for needle in [full.as_str(), surname.as_str()] {
            for (i, _) in text.match_indices(needle) {
                let end = i + needle.len();
                if i >= quote.0 && end <= quote.1 {
                    continue;
                }
                let bounded = text
                    .slice(..i)
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
                    && text
                        .slice(end..)
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric());
                if !bounded {
                    continue;
                }
                let dist = if end <= quote.0 {
                    quote.0 - end
                } else {
                    i.saturating_sub(quote.1)
                };
                // "…," Nippon Steel President Eiji Hashimoto said: the name next to the
                // verb of speech is the speaker, before any nearer name.
                let rank = (!speech_adjacent(text, i, end), dist);
                if best.as_ref().is_none_or(|(r, _, _)| rank < *r) {
                    best = Some((rank, surname.to_lowercase(), needle.to_string()));
                }
            }
        }
    }
    best.map(|((_, d), s, t)| (s, t, d))
}

/// Is a verb of speech right after the name at `start..end` ("Hashimoto said") or right
/// before it ("said Sen. Bob Casey")?
fn speech_adjacent(text: &str, start: usize, end: usize) -> bool {
    let is_speech = |w: &str| SPEECH.contains(&w.to_lowercase().as_str());
    let mut after = text.slice(end..crate::text::window_end(text, end, 160));
    // "Kevin Hassett, head of the National Economic Council, told CNBC": past an
    // apposition.
    if let Some(rest) = after.strip_prefix(',') {
        if let Some(comma) = rest.find(',').filter(|&c| c <= 100) {
            let (apposition, tail) = (rest.slice(..comma), rest.slice(comma + 1..));
            if !apposition
                .split(|c: char| !c.is_alphabetic())
                .any(is_speech)
            {
                after = tail;
            }
        }
    }
    let before = text.slice(crate::text::window_start(text, start, 40)..start);
    // "Elton, who distanced himself from the party under Tony Blair, told supporters": a
    // name inside a relative clause is not the subject of the verb after it.
    let wider = text.slice(crate::text::window_start(text, start, 120)..start);
    let clause_head = wider.rsplit(',').next().unwrap_or(wider).to_lowercase();
    let relative = clause_head
        .split(|c: char| !c.is_alphabetic())
        .any(|w| matches!(w, "who" | "whom" | "whose" | "which"));
    let spoken_after = !relative
        && after
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .take(2)
            .any(is_speech);
    let verb = before
        .rsplit(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty())
        .unwrap_or_default();
    // "Judge Helen Marsh said Ashworth had …": a verb with its own named subject just
    // before it opens a reported clause, whose subject is not the speaker.
    let has_subject = before
        .trim_end()
        .strip_suffix(verb)
        .and_then(|rest| rest.strip_suffix(' '))
        .and_then(|rest| rest.split(' ').next_back())
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase);
    spoken_after
        // "Judge Helen Marsh told Ashworth he had …": after a verb that takes a listener,
        // the name is the one spoken to.
        || (is_speech(verb)
            && !has_subject
            && !TO_LISTENER.contains(&verb.to_lowercase().as_str()))
}

/// Is the speaker after a quote someone described, not named, and the name only part of
/// the description ("…," says a nurse who cared for Tom Reid; said one resident of Dover
/// Street)? Then the name does not speak.
fn described_elsewhere(after: &str, name: &str) -> bool {
    let lower = after.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .take(12)
        .collect();
    let described = words.first().is_some_and(|w| SPEECH.contains(w))
        && words
            .get(1)
            .is_some_and(|w| matches!(*w, "a" | "an" | "one" | "another" | "the"));
    if !described {
        return false;
    }
    // The name after a word that makes it part of the description.
    let Some(at) = lower.find(&name.to_lowercase()) else {
        return false;
    };
    lower
        .slice(..at)
        .split(|c: char| !c.is_alphabetic())
        .any(|w| {
            matches!(
                w,
                "who" | "whose" | "that" | "for" | "of" | "at" | "with" | "to" | "from"
            )
        })
}

/// Verbs of speech whose object is the listener ("told Ashworth", "warned the board").
const TO_LISTENER: &[&str] = &[
    "told", "tells", "tell", "asked", "asks", "informed", "informs", "warned", "warns", "assured",
    "assures", "urged", "urges", "reminded", "reminds", "thanked", "thanks",
];

/// The people a source names in full, with their surnames, in order of first mention.
pub(crate) fn full_names(doc: &Doc, lex: &crate::lexicon::Lexicons) -> Vec<(String, String)> {
    let mut names: Vec<(String, String)> = Vec::new();
    for (i, _) in doc.sentences.iter().enumerate() {
        let st = doc.sentence_text(i);
        for p in super::entity::people(st, &lex.entity, &lex.quantity.places) {
            let full = st.slice(p.start..p.end).to_string();
            let surname = full.rsplit(' ').next().unwrap_or(&full).to_string();
            if !names.iter().any(|(f, _)| *f == full) {
                names.push((full, surname));
            }
        }
    }
    names
}

/// The people the story names in full, by surname: `None` where it gives one surname to
/// people with different first names. Built once per story.
pub(crate) fn story_surnames(
    people: &[Vec<(String, String)>],
) -> std::collections::HashMap<String, Option<(String, String)>> {
    let mut out: std::collections::HashMap<String, Option<(String, String)>> =
        std::collections::HashMap::new();
    for p in people.iter().flatten() {
        let first = |full: &str| full.split(' ').next().unwrap_or_default().to_string();
        match out.get(&p.1) {
            None => {
                out.insert(p.1.clone(), Some(p.clone()));
            }
            Some(Some(known)) if first(&known.0) != first(&p.0) => {
                out.insert(p.1.clone(), None);
            }
            Some(_) => {}
        }
    }
    out
}

/// The names a source's quotes are given to: the people it names in full, then those the
/// other sources name in full whose surname it writes alone ("said Mensah" in a draft that
/// never writes "Kwame Mensah"), when the story gives that surname to one person only and
/// the source names nobody else by it.
fn speakers_known(si: usize, doc: &Doc, ctx: &Ctx) -> Vec<(String, String)> {
    let mut names = match ctx.people.get(si) {
        Some(own) => own.clone(),
        None => full_names(doc, ctx.lex),
    };
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for i in 0..doc.sentences.len() {
        let st = doc.sentence_text(i);
        for (s, e) in words::tokens(st) {
            let w = st.slice(s..e);
            if !w.chars().next().is_some_and(char::is_uppercase) || !seen.insert(w) {
                continue;
            }
            if let Some(Some(person)) = ctx.surnames.get(w) {
                if !names.iter().any(|(_, s)| s == w) {
                    names.push(person.clone());
                }
            }
        }
    }
    names
}

pub fn extract(si: usize, source: &Source, doc: &Doc, ctx: &Ctx, out: &mut Vec<Claim>) {
    let text = doc.cleaned.text.as_str();
    // Names this source gives in full, and their surnames; then the story's, by surname.
    let names = speakers_known(si, doc, ctx);
    let mut last_speaker: Option<(String, String)> = None;
    // The passage of quoted speech open, and its speaker: a quote that stands alone (no
    // words of its own outside the quotation marks) continues it within its paragraph, or
    // from the previous paragraph when it is the whole of its own.
    let mut passage: Option<(usize, Option<(String, String)>)> = None;
    let mut passages = 0usize;
    let mut prev_para_quoted = false;
    for &(ps, pe) in &doc.cleaned.paragraphs {
        let para = text.slice(ps..pe);
        let spans = quote_spans(para);
        let whole_paragraph = spans.len() == 1
            && spans.first().is_some_and(|&(qs, qe)| {
                bare(para.slice(..qs)) && bare(para.slice(qe.min(para.len())..))
            });
        if !(whole_paragraph && prev_para_quoted) {
            passage = None;
        }
        prev_para_quoted = false;
        for &(qs, qe) in &spans {
            let words_text = para.slice(qs..qe).trim();
            let tokens = quote_tokens(words_text);
            let (abs_s, abs_e) = (ps + qs, ps + qe);
            let Some(sentence) = doc
                .sentences
                .iter()
                .position(|s| s.start <= abs_s && abs_s < s.end.max(s.start + 1))
            else {
                continue;
            };
            // Attribution: the sentence(s) the quote sits in.
            let last = doc
                .sentences
                .iter()
                .rposition(|s| s.start < abs_e)
                .unwrap_or(sentence);
            let (ss, se) = (
                doc.sentences[sentence].start,
                doc.sentences[last].end.max(abs_e),
            );
            let window = text.slice(ss..se);
            let local = (abs_s - ss, abs_e - ss);
            let outside = format!(
                "{} {}",
                window.slice(..local.0),
                window.slice(local.1.min(window.len())..)
            )
            .to_lowercase();
            let speaks = SPEECH
                .iter()
                .any(|v| outside.split(|c: char| !c.is_alphabetic()).any(|w| w == *v));
            // Names inside the paragraph's other quotes speak no quote: they are blanked.
            let masked: String = window
                .char_indices()
                .flat_map(|(k, c)| {
                    let at = ss + k;
                    let quoted = spans.iter().any(|&(s2, e2)| {
                        (ps + s2, ps + e2) != (abs_s, abs_e) && ps + s2 <= at && at < ps + e2
                    });
                    let n = if quoted { c.len_utf8() } else { 0 };
                    std::iter::repeat_n(' ', n).chain((!quoted).then_some(c))
                })
                .collect();
            // A quote in a sentence with no verb of speech, no colon before it and no dash
            // after it is a title or a phrase ("the book “Going Clear” by Lawrence
            // Wright", "Monbeg Dude is now 10 and ‘likes to do things’"): nobody named
            // near it said it.
            let introduced = window.slice(..local.0).trim_end().ends_with(':')
                || window
                    .slice(local.1.min(window.len())..)
                    .trim_start_matches(['”', '"', '’', '\'', ',', ' '])
                    .starts_with(['—', '–', '-']);
            let mut speaker = nearest_person(&masked, local, &names)
                .filter(|_| speaks || introduced)
                .filter(|(_, _, d)| *d < 120)
                .filter(|(_, t, _)| {
                    !described_elsewhere(window.slice(local.1.min(window.len())..), t)
                        && !relays(window, t)
                })
                .map(|(s, t, _)| (s, t));
            if speaker.is_none()
                && speaks
                && (outside.contains(" he ")
                    || outside.contains(" she ")
                    || outside.starts_with("he ")
                    || outside.starts_with("she "))
            {
                speaker.clone_from(&last_speaker);
            }
            // A quote with no words of its own around it continues the open passage and
            // its speaker; any other quote opens a passage.
            let alone = !outside.chars().any(char::is_alphabetic);
            // Or it is given to the passage's speaker ("“A,” he said, “B.”").
            let continues = passage.as_ref().is_some_and(|(_, who)| match &speaker {
                None => alone,
                Some(s) => who.as_ref().is_some_and(|w| w.0 == s.0),
            });
            if continues {
                if speaker.is_none() {
                    speaker = passage.as_ref().and_then(|(_, who)| who.clone());
                }
            } else {
                passage = Some((passages, speaker.clone()));
                passages += 1;
            }
            if let Some((_, who)) = passage.as_mut() {
                if who.is_none() {
                    who.clone_from(&speaker);
                }
            }
            prev_para_quoted = true;
            if speaker.is_some() {
                last_speaker.clone_from(&speaker);
            }
            if tokens.len() < 3 {
                continue;
            }
            let passage_id = passage.as_ref().map_or(0, |(p, _)| *p);
            let lead = para.slice(qs..qe).len() - para.slice(qs..qe).trim_start().len();
            let trail = para.slice(qs..qe).len() - para.slice(qs..qe).trim_end().len();
            let span = (abs_s + lead, abs_e - trail);
            out.push(quote_claim(
                (si, source, doc),
                sentence,
                span,
                speaker.as_ref(),
                passage_id,
            ));
        }
    }
    let passages = block_statements((si, source, doc), &names, passages, out);
    reported::extract((si, source, doc), &names, passages, out);
}

/// A quote claim of the words at `span`, in sentence `sentence`, given to `speaker`
/// (surname lowercase, name as written).
fn quote_claim(
    (si, source, doc): (usize, &Source, &Doc),
    sentence: usize,
    span: (usize, usize),
    speaker: Option<&(String, String)>,
    passage: usize,
) -> Claim {
    let words_text = doc.cleaned.text.as_str().slice(span.0..span.1);
    let tokens = quote_tokens(words_text);
    let value = Quote {
        words: words_text.to_string(),
        speaker: speaker.map(|(s, _)| s.clone()),
        speaker_text: speaker.map(|(_, t)| t.clone()),
        capitalised: words_text.chars().next().is_some_and(char::is_uppercase),
        sentence_starts: sentence_starts(words_text),
        caps: token_caps(words_text),
        tokens: tokens.clone(),
        passage,
        marked: true,
    };
    let mut c = claim(
        source,
        doc,
        (si, sentence),
        span,
        Value::Quote(value),
        words_text.to_string(),
    );
    c.context = words::content_words(&tokens.join(" "));
    c.about = match speaker {
        Some((_, t)) => format!("{t}'s words"),
        None => "a quote".into(),
    };
    c
}

/// Is `name` the outlet that relays the words ("…,' reports the Golf Channel", "reported
/// CNN")? It reports them; someone else said them.
fn relays(window: &str, name: &str) -> bool {
    ["reports", "reported"].iter().any(|verb| {
        window.contains(&format!("{verb} {name}")) || window.contains(&format!("{verb} the {name}"))
    })
}

/// Words that introduce a statement set off as its own paragraph ("Nintendo provided the
/// following statement to IGN:", "The company said in a statement:").
const INTRODUCES: &[&str] = &["statement", "statements", "following", "reads", "read"];

/// Statements quoted as a paragraph of their own, without quotation marks, after an
/// introduction that ends in a colon and names the statement or a verb of speech: the
/// whole paragraph is the speaker's words. The speaker is the person named nearest the
/// colon, else the introduction's subject ("Nintendo").
fn block_statements(
    (si, source, doc): (usize, &Source, &Doc),
    names: &[(String, String)],
    mut passages: usize,
    out: &mut Vec<Claim>,
) -> usize {
    let text = doc.cleaned.text.as_str();
    for pair in doc.cleaned.paragraphs.windows(2) {
        let [(is, ie), (bs, be)] = pair else { continue };
        let intro = text.slice(*is..*ie).trim_end();
        let Some(intro) = intro.strip_suffix(':') else {
            continue;
        };
        // The introduction's last sentence.
        let from = intro
            .rfind(['.', '!', '?'])
            .map_or(0, |i| i + 1)
            .min(intro.len());
        let lead = intro.slice(from..).trim();
        let low = lead.to_lowercase();
        let cue = low
            .split(|c: char| !c.is_alphabetic())
            .any(|w| INTRODUCES.contains(&w) || SPEECH.contains(&w));
        let raw = text.slice(*bs..*be);
        let body = raw.trim();
        let plain = !body.contains(['“', '”', '"', '‘'])
            && body.split_whitespace().count() >= 8
            && body.chars().next().is_some_and(char::is_uppercase)
            && body.ends_with(['.', '!', '?']);
        if !cue || !plain || lead.split_whitespace().count() > 25 {
            continue;
        }
        let start = *bs + (raw.len() - raw.trim_start().len());
        let span = (start, start + body.len());
        let Some(sentence) = doc
            .sentences
            .iter()
            .position(|s| s.start <= span.0 && span.0 < s.end.max(s.start + 1))
        else {
            continue;
        };
        let speaker = nearest_person(lead, (lead.len(), lead.len()), names)
            .map(|(s, t, _)| (s, t))
            .or_else(|| subject_of(lead));
        out.push(quote_claim(
            (si, source, doc),
            sentence,
            span,
            speaker.as_ref(),
            passages,
        ));
        passages += 1;
    }
    passages
}

/// Whether text beside a quote carries no words (only spaces and punctuation).
fn bare(s: &str) -> bool {
    !s.chars().any(char::is_alphanumeric)
}

/// The subject that opens a clause, when it is a name ("Nintendo provided …", "Nippon
/// Steel said …"): its capitalised words, lowercase for comparison and as written.
fn subject_of(clause: &str) -> Option<(String, String)> {
    let mut end = 0;
    for (s, e) in words::tokens(clause) {
        let w = clause.slice(s..e);
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        if !capital || (end == 0 && words::is_stop(&w.to_lowercase())) {
            break;
        }
        end = e;
    }
    let name = clause
        .slice(..end)
        .trim_end_matches("'s")
        .trim_end_matches("’s");
    (!name.is_empty()).then(|| {
        let key = name.rsplit(' ').next().unwrap_or(name).to_lowercase();
        (key, name.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_mixed_and_single_quotes() {
        let t = "He said “we go,” and ‘it is fine’ and \"yes it is\" but don't stop 'great deal,' he said.";
        let q: Vec<&str> = quote_spans(t)
            .into_iter()
            .map(|(s, e)| t.slice(s..e))
            .collect();
        assert_eq!(q, ["we go,", "it is fine", "yes it is", "great deal,"]);
        let t = "that “immediately after the handshake, we can go back.\" Then";
        let q: Vec<&str> = quote_spans(t)
            .into_iter()
            .map(|(s, e)| t.slice(s..e))
            .collect();
        assert_eq!(q, ["immediately after the handshake, we can go back."]);
    }

    #[test]
    fn a_quote_running_on_past_its_paragraph_ends_with_it() {
        let t = "“The company should stay American,” said Sen. Bob Casey. “From initial reports, this deal appears to be a bad deal for workers.";
        let q: Vec<&str> = quote_spans(t)
            .into_iter()
            .map(|(s, e)| t.slice(s..e))
            .collect();
        assert_eq!(
            q,
            [
                "The company should stay American,",
                "From initial reports, this deal appears to be a bad deal for workers."
            ]
        );
        // A stray mark before a lower-case word or a short tail is not a quote.
        assert!(quote_spans("He measured 5\" and left").is_empty());
        assert!(quote_spans("the “so-called deal").is_empty());
    }

    /// The speaker `nearest_person` picks for the first quote of `t`, among full names.
    fn speaker(t: &str, full_names: &[&str]) -> Option<String> {
        let names: Vec<(String, String)> = full_names
            .iter()
            .map(|n| {
                (
                    (*n).to_string(),
                    n.rsplit(' ').next().unwrap_or(n).to_string(),
                )
            })
            .collect();
        nearest_person(t, quote_spans(t)[0], &names).map(|p| p.1)
    }

    /// The quotes the whole pipeline reads in `text`: (words, speaker, passage).
    fn quotes_in(text: &str) -> Vec<(String, Option<String>, usize)> {
        crate::extract::claims_of(text)
            .iter()
            .filter_map(|c| match &c.value {
                Value::Quote(q) => Some((q.words.clone(), q.speaker_text.clone(), q.passage)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_quote_standing_alone_continues_the_passage_and_its_speaker() {
        let q = quotes_in(
            "“There was a ton of adversity this year,” coach Dana Pruitt said. “The players never gave up.”\n\n“We go again next week,” she added.\n\nThe club's owner, Ravi Mehta, was pleased. “This is a great day for the city,” Mehta said.",
        );
        let who: Vec<(Option<&str>, usize)> =
            q.iter().map(|(_, s, p)| (s.as_deref(), *p)).collect();
        assert_eq!(
            who,
            [
                (Some("Dana Pruitt"), 0),
                (Some("Dana Pruitt"), 0),
                (Some("Dana Pruitt"), 1),
                (Some("Mehta"), 2),
            ],
            "{q:?}"
        );
    }

    #[test]
    fn a_name_inside_another_quote_does_not_speak() {
        let q = quotes_in(
            "Sen. John Fetterman, who said he lives “across the street from the Edgar Thompson plant in Braddock,” called the deal “absolutely outrageous.”\n\n“Steel is always about national security,” he added.",
        );
        assert!(
            q.iter()
                .all(|(_, s, _)| s.as_deref() == Some("John Fetterman")),
            "{q:?}"
        );
    }

    #[test]
    fn the_name_beside_the_verb_of_speech_speaks() {
        let t = "The Trump administration expects that “after the handshake” in London, Kevin Hassett, head of the National Economic Council, told CNBC.";
        assert_eq!(
            speaker(t, &["Donald Trump", "Kevin Hassett"]).as_deref(),
            Some("Kevin Hassett")
        );
        let t = "“We are excited,” Nippon Steel President Eiji Hashimoto said in a release.";
        assert_eq!(
            speaker(t, &["Nippon Steel", "Eiji Hashimoto"]).as_deref(),
            Some("Eiji Hashimoto")
        );
        let t = "Elton, who distanced himself from the party under Tony Blair, told supporters he was “back with Labour” this week.";
        assert_eq!(
            speaker(t, &["Ben Elton", "Tony Blair"]).as_deref(),
            Some("Elton")
        );
        let t = "“It should stay American,” said Sen. Bob Casey, not Nippon Steel.";
        assert_eq!(
            speaker(t, &["Nippon Steel", "Bob Casey"]).as_deref(),
            Some("Bob Casey")
        );
    }

    #[test]
    fn a_described_speaker_is_not_the_name_in_the_description() {
        let t = "“He was always smiling,” says a nurse who cared for Tom Reid at the hospital.";
        assert_eq!(speaker(t, &["Tom Reid"]).as_deref(), Some("Tom Reid"));
        let q = quote_spans(t)[0];
        assert!(described_elsewhere(t.slice(q.1..), "Tom Reid"));
        // A description in apposition to the name: the name speaks.
        let t = "“We are ready,” said a spokesman, John Hale.";
        let q = quote_spans(t)[0];
        assert!(!described_elsewhere(t.slice(q.1..), "John Hale"));
        assert!(!described_elsewhere(" said Tom Reid.", "Tom Reid"));
    }

    #[test]
    fn trivial_differences_vanish() {
        assert_eq!(
            quote_tokens("The U.S. high-end chips, organised"),
            quote_tokens("the US high end chips organized")
        );
        assert_eq!(
            quote_tokens("Sales fell 9% in Oct. & Nov."),
            quote_tokens("sales fell nine per cent in October and November")
        );
        let t = "Sales fell 9% in Oct. and U.S. margins fell 10 percent.";
        assert_eq!(token_caps(t).len(), quote_tokens(t).len());
        assert_ne!(
            quote_tokens("Sales fell 9% in October"),
            quote_tokens("Sales fell 19% in October")
        );
    }
}
