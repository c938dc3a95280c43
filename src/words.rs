//! Word-level helpers shared by extractors and alignment: tokens, stop words, a light
//! stemmer and fuzzy token-set similarity. Pure functions, no data files: the word lists
//! here are English function words, not story vocabulary.

/// English function words that say nothing about what a claim is about.
const STOP: &[&str] = &[
    "a",
    "about",
    "after",
    "again",
    "against",
    "all",
    "also",
    "an",
    "another",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "during",
    "each",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "said",
    "says",
    "say",
    "told",
    "according",
    "per",
    "cent",
    "percent",
    "one",
    "two",
    "its",
    "s",
    "t",
    "mr",
    "ms",
    "mrs",
    "since",
    "yet",
    "may",
    "might",
    "must",
    "shall",
    "via",
    "whether",
    "within",
    "without",
    "around",
    "among",
    "amid",
    "across",
    "still",
    "even",
    "much",
    "many",
    "few",
    "new",
    "like",
    "reportedly",
    "just",
];
use crate::text::Slice;

static STOP_SET: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| STOP.iter().copied().collect());

/// Is `w` (lowercase) a function word?
/// Particles of personal names ("del Bosque", "Van Der Berg", "bin Salman"), lower-cased:
/// their case varies by house style and they lengthen a name without making it two.
pub const NAME_PARTICLES: &[&str] = &[
    "de", "del", "della", "der", "den", "van", "von", "da", "di", "du", "dos", "das", "do", "le",
    "la", "les", "bin", "ibn", "bint", "al", "el", "ter", "ten", "y", "e",
];

/// Is a word a name particle ("van", "De", "bin")?
pub fn is_particle(w: &str) -> bool {
    NAME_PARTICLES.contains(&w.to_lowercase().as_str())
}

pub fn is_stop(w: &str) -> bool {
    STOP_SET.contains(w)
}

/// Splits text into word tokens with their byte ranges (letters, digits, inner `'`/`-`).
pub fn tokens(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut prev_end = 0;
    for (i, c) in text.char_indices() {
        let word = c.is_alphanumeric();
        let joiner = matches!(c, '\'' | '’' | '-' | '.') && start.is_some();
        if word {
            if start.is_none() {
                start = Some(i);
            }
            prev_end = i + c.len_utf8();
        } else if joiner {
            // Keep "U.S.", "high-end", "don't" together only if a letter follows.
            let next = text.slice(i + c.len_utf8()..).chars().next();
            if !next.is_some_and(char::is_alphanumeric) {
                if let Some(s) = start.take() {
                    out.push((s, prev_end));
                }
            }
        } else if let Some(s) = start.take() {
            out.push((s, prev_end));
        }
    }
    if let Some(s) = start {
        out.push((s, prev_end));
    }
    out
}

/// A crude English stemmer: enough to make "talks"/"talk", "began"/"begin" meet.
pub fn stem(word: &str) -> String {
    let w = word.to_lowercase().replace(['’', '\''], "");
    let w = w.trim_end_matches("'s").to_string();
    // Short verbs in -ie: "tying"/"tied" → "tie", "dying"/"died" → "die".
    match (w.len(), w.strip_suffix("ying"), w.strip_suffix("ied")) {
        (5, Some(base), _) | (4, _, Some(base)) => return format!("{base}ie"),
        _ => {}
    }
    for (suffix, keep) in [
        ("ations", "ate"),
        ("ation", "ate"),
        ("iness", "y"),
        ("ies", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ] {
        if w.len() > suffix.len() + 3 && w.ends_with(suffix) {
            let base = w.slice(..w.len() - suffix.len());
            if suffix == "s" && (base.ends_with('s') || base.ends_with('u')) {
                return w;
            }
            return format!("{base}{keep}");
        }
    }
    w
}

/// Content words of `text`, lowercased and stemmed, in order.
pub fn content_words(text: &str) -> Vec<String> {
    tokens(text)
        .into_iter()
        .map(|(s, e)| text.slice(s..e).to_lowercase())
        .filter(|w| !is_stop(w) && w.chars().any(char::is_alphabetic))
        .map(|w| stem(&w))
        .collect()
}

/// Fuzzy Dice similarity of two token sets: tokens match when equal or when their
/// Jaro-Winkler similarity reaches 0.92 (spelling variants, inflections the stemmer
/// missed). 1.0 for identical sets, 0.0 when nothing is shared.
pub fn token_similarity(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut a: Vec<&str> = a.iter().map(String::as_str).collect();
    let mut b: Vec<&str> = b.iter().map(String::as_str).collect();
    a.sort_unstable();
    a.dedup();
    b.sort_unstable();
    b.dedup();
    let exact: std::collections::HashSet<&str> = b.iter().copied().collect();
    // Stems of the other side, for words one context kept as written ("Winds" opening a
    // sentence) and the other stemmed ("wind"): made only when some word has no exact match.
    let mut stems: Option<std::collections::HashSet<String>> = None;
    let mut matched = 0usize;
    for x in &a {
        if exact.contains(x) {
            matched += 1;
            continue;
        }
        let other_stems = stems.get_or_insert_with(|| b.iter().map(|y| stem(y)).collect());
        if other_stems.contains(&stem(x)) {
            matched += 1;
            continue;
        }
        // A compound and its head ("earthquake", "quake"; "landslide", "slide"): the
        // compound is a kind of what the head names.
        // Plain words only (never a frame token such as `kind:people`), and a first part
        // that is a word of its own ("earth", "land", "snow"; not the "man" of
        // "Manchester").
        let head_of = |long: &str, short: &str| {
            short.len() >= 5
                && long.len() >= short.len() + 4
                && long.ends_with(short)
                && long.bytes().all(|c| c.is_ascii_lowercase())
        };
        if b.iter().any(|y| head_of(x, y) || head_of(y, x)) {
            matched += 1;
            continue;
        }
        // Fuzzy only where a match is plausible: long words, same initial, similar length.
        let fuzzy = x.len() > 4
            && b.iter().any(|y| {
                y.len() > 4
                    && x.as_bytes()[0] == y.as_bytes()[0]
                    && x.len().abs_diff(y.len()) * 4 <= x.len().max(y.len())
                    && strsim::jaro_winkler(x, y) >= 0.92
            });
        if fuzzy {
            matched += 1;
        }
    }
    2.0 * matched as f64 / (a.len() + b.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_inner_marks() {
        let t = "The U.S. high-end chips, don’t.";
        let words: Vec<&str> = tokens(t).iter().map(|&(s, e)| t.slice(s..e)).collect();
        assert_eq!(words, ["The", "U.S", "high-end", "chips", "don’t"]);
    }

    #[test]
    fn similarity_meets_stems_and_compound_heads_only() {
        let v = |w: &[&str]| w.iter().map(|s| (*s).to_string()).collect::<Vec<_>>();
        // "Winds" kept as written, "wind" stemmed: one word.
        assert!(token_similarity(&v(&["storm", "wind"]), &v(&["winds", "reach"])) >= 0.5);
        // A compound and its head.
        assert!(token_similarity(&v(&["earthquake", "coast"]), &v(&["quake", "coast"])) > 0.9);
        // Not a frame token, not a short first part ("Manchester", "Chester").
        assert!(token_similarity(&v(&["event:result"]), &v(&["result"])) < f64::EPSILON);
        assert!(token_similarity(&v(&["manchester"]), &v(&["chester"])) < f64::EPSILON);
    }

    #[test]
    fn similarity_is_fuzzy() {
        let a = content_words("the talks opened in London");
        let b = content_words("talk opens in london");
        assert!(token_similarity(&a, &b) > 0.9);
    }
}
